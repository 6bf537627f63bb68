#include "providers/alibaba/alibabaerrors.h"
#include "providers/huawei/huaweierrors.h"

#include <QTest>

using providers::alibaba::AlibabaErrors;
using providers::huawei::HuaweiErrors;
using Kind = net::ApiError::Kind;
Q_DECLARE_METATYPE(net::ApiError::Kind)

namespace {
net::HttpResponse response(int status, const QByteArray &body, const net::HeaderList &headers = {})
{
    net::HttpResponse r;
    r.status = status;
    r.body = body;
    r.headers = headers;
    return r;
}
} // namespace

class TestProviderErrors final : public QObject
{
    Q_OBJECT
private slots:
    void huaweiShapes_data();
    void huaweiShapes();
    void huaweiClassification_data();
    void huaweiClassification();
    void huaweiRequestIdFromHeader();
    void huaweiPlainBodyTruncated();
    void alibabaShapes();
    void alibabaSignatureEchoIsDropped();
    void alibabaRequestIdHeaderPreferred();
    void alibabaClassification_data();
    void alibabaClassification();
    void alibabaRetryAfterHeader();
    void huaweiRetryAfterBeyondInt_data();
    void huaweiRetryAfterBeyondInt();
    void alibabaRetryAfterBeyondInt();
};

void TestProviderErrors::huaweiShapes_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("requestId");
    QTest::newRow("snake (CCE doc)")
        << QByteArray(R"({"error_msg": "Invalid name", "error_code": "CCE.01400001"})")
        << "CCE.01400001"
        << "Invalid name"
        << "";
    QTest::newRow("camel") << QByteArray(R"({"errorMessage": "Bad", "errorCode": "CCE.01400002"})")
                           << "CCE.01400002"
                           << "Bad"
                           << "";
    QTest::newRow("code/message") << QByteArray(
        R"({"code": "HSS.0001", "message": "invalid parameter"})")
                                  << "HSS.0001"
                                  << "invalid parameter"
                                  << "";
    QTest::newRow("nested error") << QByteArray(
        R"({"error": {"code": "IAM.0101", "message": "token expired"}})")
                                  << "IAM.0101"
                                  << "token expired"
                                  << "";
    QTest::newRow("cce appends top-level message")
        << QByteArray(R"({"error_code": "CCE.01400003", "error_msg": "Quota exceeded",
                          "message": "at most 50 image caches"})")
        << "CCE.01400003"
        << "Quota exceeded, at most 50 image caches"
        << "";
    QTest::newRow("same message not repeated")
        << QByteArray(R"({"error_code": "X", "error_msg": "M", "message": "M"})") << "X"
        << "M"
        << "";
    QTest::newRow("apig with request_id")
        << QByteArray(R"({"error_code": "APIGW.0101", "error_msg": "The API does not exist",
                          "request_id": "a1b2"})")
        << "APIGW.0101"
        << "The API does not exist"
        << "a1b2";
}

void TestProviderErrors::huaweiShapes()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(QString, requestId);
    const auto error = HuaweiErrors::decode(response(400, body));
    QCOMPARE(error.httpStatus, 400);
    QCOMPARE(error.code, code);
    QCOMPARE(error.message, message);
    QCOMPARE(error.requestId, requestId);
}

void TestProviderErrors::huaweiClassification_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<bool>("retryable");
    QTest::newRow("429 APIGW.0308")
        << 429
        << QByteArray(
               R"({"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached: policy user over ratelimit,limit:20,time:1 second"})")
        << Kind::Throttled << true;
    QTest::newRow("APIGW.0308 under another status")
        << 400 << QByteArray(R"({"error_code":"APIGW.0308"})") << Kind::Throttled << true;
    QTest::newRow("429 without body") << 429 << QByteArray() << Kind::Throttled << true;
    QTest::newRow("401 APIGW.0301")
        << 401
        << QByteArray(
               R"({"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information"})")
        << Kind::Auth << false;
    QTest::newRow("403 APIGW.0302")
        << 403 << QByteArray(R"({"error_code":"APIGW.0302"})") << Kind::Auth << false;
    QTest::newRow("APIG.0307 old prefix")
        << 401 << QByteArray(R"({"error_code":"APIG.0307"})") << Kind::Auth << false;
    QTest::newRow("403 HSS.0013") << 403 << QByteArray(R"({"error_code":"HSS.0013"})") << Kind::Auth
                                  << false;
    QTest::newRow("500") << 500 << QByteArray(R"({"error_code":"CCE.01500001"})") << Kind::Http
                         << true;
    QTest::newRow("503 html") << 503 << QByteArray("<html>busy</html>") << Kind::Http << true;
    QTest::newRow("404 APIGW.0101")
        << 404 << QByteArray(R"({"error_code":"APIGW.0101"})") << Kind::Http << false;
    QTest::newRow("400 HSS.0011") << 400 << QByteArray(R"({"error_code":"HSS.0011"})") << Kind::Http
                                  << false;
}

void TestProviderErrors::huaweiClassification()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(Kind, kind);
    QFETCH(bool, retryable);
    const auto error = HuaweiErrors::decode(response(status, body));
    QCOMPARE(error.kind, kind);
    QCOMPARE(error.retryable, retryable);
}

void TestProviderErrors::huaweiRequestIdFromHeader()
{
    auto error
        = HuaweiErrors::decode(response(400, R"({"error_code":"X"})", {{"X-Request-Id", "hdr-1"}}));
    QCOMPARE(error.requestId, QStringLiteral("hdr-1"));
    error = HuaweiErrors::decode(response(429, "{}", {{"Retry-After", "3"}}));
    QCOMPARE(error.retryAfterMs, 3000);
}

void TestProviderErrors::huaweiRetryAfterBeyondInt_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<int>("expected");
    // Found by fuzzing: `seconds * 1000` overflowed int (the delay became garbage).
    QTest::newRow("22222222 s") << QByteArray("22222222") << std::numeric_limits<int>::max();
    QTest::newRow("beyond int64") << QByteArray(30, '9') << std::numeric_limits<int>::max();
    QTest::newRow("just below the cap") << QByteArray("2147483") << 2147483000;
    QTest::newRow("negative") << QByteArray("-5") << -1;
    QTest::newRow("not a number") << QByteArray("soon") << -1;
}

void TestProviderErrors::huaweiRetryAfterBeyondInt()
{
    QFETCH(QByteArray, header);
    QFETCH(int, expected);
    for (int status : {429, 503}) {
        const auto error = HuaweiErrors::decode(response(status, "{}", {{"Retry-After", header}}));
        QCOMPARE(error.retryAfterMs, expected);
    }
}

void TestProviderErrors::alibabaRetryAfterBeyondInt()
{
    // Saturates like Retry-After instead of being dropped (toInt failed beyond int).
    const auto error = AlibabaErrors::decode(response(
        400, R"({"Code":"Throttling.User"})", {{"x-acs-retry-after", "99999999999999999999"}}));
    QCOMPARE(error.kind, Kind::Throttled);
    QCOMPARE(error.retryAfterMs, std::numeric_limits<int>::max());
}

void TestProviderErrors::huaweiPlainBodyTruncated()
{
    const auto error = HuaweiErrors::decode(response(502, "  Bad   Gateway \n"));
    QCOMPARE(error.message, QStringLiteral("Bad Gateway"));
    QVERIFY(error.code.isEmpty());
    const auto long_ = HuaweiErrors::decode(response(502, QByteArray(5000, 'x')));
    QCOMPARE(long_.message.size(), HuaweiErrors::MaxPlainMessage);
}

void TestProviderErrors::alibabaShapes()
{
    auto error = AlibabaErrors::decode(response(
        400,
        R"({"RequestId":"R-1","HostId":"eci.cn-hangzhou.aliyuncs.com","Code":"InvalidParameter",
                 "Message":"The specified parameter is invalid.","Recommend":"https://next.api.aliyun.com/troubleshoot?q=InvalidParameter&product=Eci"})"));
    QCOMPARE(error.code, QStringLiteral("InvalidParameter"));
    QCOMPARE(error.message, QStringLiteral("The specified parameter is invalid."));
    QCOMPARE(error.requestId, QStringLiteral("R-1"));
    QCOMPARE(error.kind, Kind::Http);
    QVERIFY(!error.retryable);

    error = AlibabaErrors::decode(response(
        404,
        R"({"requestId":"r-2","code":"ImageNotFound","message":"The specified image does not exist."})"));
    QCOMPARE(error.code, QStringLiteral("ImageNotFound"));
    QCOMPARE(error.message, QStringLiteral("The specified image does not exist."));
    QCOMPARE(error.requestId, QStringLiteral("r-2"));

    error = AlibabaErrors::decode(response(500, "upstream exploded"));
    QCOMPARE(error.message, QStringLiteral("upstream exploded"));
    QVERIFY(error.retryable);
}

void TestProviderErrors::alibabaSignatureEchoIsDropped()
{
    // The gateway's V1 answer repeats the string-to-sign, secrets included, percent-encoded.
    const auto error = AlibabaErrors::decode(response(
        400,
        R"({"RequestId":"R-9","Code":"SignatureDoesNotMatch","Message":"Specified signature is not matched with our calculation. server string to sign is:POST&%2F&AccessKeyId%3Dtestid%26ImageRegistryCredential.1.Password%3Dp%2540ss%2520w%252Frd%26SecurityToken%3DSTSsecret"})"));
    QCOMPARE(error.code, QStringLiteral("SignatureDoesNotMatch"));
    QVERIFY(error.message.startsWith(QLatin1String("Specified signature is not matched")));
    QVERIFY2(!error.message.contains(QLatin1String("p%2540ss")), qPrintable(error.message));
    QVERIFY(!error.message.contains(QLatin1String("STSsecret")));
    QVERIFY(!error.toString().contains(QLatin1String("Password")));
    QCOMPARE(error.requestId, QStringLiteral("R-9"));
}

void TestProviderErrors::alibabaRequestIdHeaderPreferred()
{
    const auto error = AlibabaErrors::decode(response(400, R"({"RequestId":"body-id","Code":"X"})",
                                                      {{"x-acs-request-id", "header-id"}}));
    QCOMPARE(error.requestId, QStringLiteral("header-id"));
}

void TestProviderErrors::alibabaClassification_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<bool>("retryable");
    QTest::newRow("Throttling") << 400 << "Throttling" << Kind::Throttled << true;
    QTest::newRow("Throttling.User") << 400 << "Throttling.User" << Kind::Throttled << true;
    QTest::newRow("Throttling.Api 429") << 429 << "Throttling.Api" << Kind::Throttled << true;
    QTest::newRow("Rejected.Throttling") << 400 << "Rejected.Throttling" << Kind::Throttled << true;
    QTest::newRow("ServiceUnavailable") << 503 << "ServiceUnavailable" << Kind::Http << true;
    QTest::newRow("InternalError") << 500 << "InternalError" << Kind::Http << true;
    QTest::newRow("SignatureDoesNotMatch") << 400 << "SignatureDoesNotMatch" << Kind::Auth << false;
    QTest::newRow("IncompleteSignature") << 400 << "IncompleteSignature" << Kind::Auth << false;
    QTest::newRow("InvalidAccessKeyId.NotFound")
        << 400 << "InvalidAccessKeyId.NotFound" << Kind::Auth << false;
    QTest::newRow("InvalidTimeStamp.Expired")
        << 400 << "InvalidTimeStamp.Expired" << Kind::Auth << false;
    QTest::newRow("SignatureNonceUsed: retried with a new nonce")
        << 400 << "SignatureNonceUsed" << Kind::Auth << true;
    QTest::newRow("Forbidden.RAM") << 403 << "Forbidden.RAM" << Kind::Auth << false;
    QTest::newRow("Forbidden.SubUser") << 403 << "Forbidden.SubUser" << Kind::Auth << false;
    QTest::newRow("NoPermission") << 403 << "NoPermission" << Kind::Auth << false;
    QTest::newRow("InvalidParameter") << 400 << "InvalidParameter" << Kind::Http << false;
    QTest::newRow("Account.Arrearage") << 400 << "Account.Arrearage" << Kind::Http << false;
    QTest::newRow("ImageNotFound") << 404 << "ImageNotFound" << Kind::Http << false;
}

void TestProviderErrors::alibabaClassification()
{
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(Kind, kind);
    QFETCH(bool, retryable);
    const auto error = AlibabaErrors::decode(
        response(status, QStringLiteral(R"({"Code":"%1","Message":"m"})").arg(code).toUtf8()));
    QCOMPARE(error.code, code);
    QCOMPARE(error.kind, kind);
    QCOMPARE(error.retryable, retryable);
    QCOMPARE(error.httpStatus, status);
}

void TestProviderErrors::alibabaRetryAfterHeader()
{
    auto error = AlibabaErrors::decode(
        response(400, R"({"Code":"Throttling.User"})", {{"x-acs-retry-after", "1500"}}));
    QCOMPARE(error.kind, Kind::Throttled);
    QCOMPARE(error.retryAfterMs, 1500);
    // Any 4xx with x-acs-retry-after is a throttling error (darabonba ThrottlingError).
    error = AlibabaErrors::decode(
        response(400, R"({"Code":"Busy"})", {{"x-acs-retry-after", "200"}}));
    QCOMPARE(error.kind, Kind::Throttled);
    QVERIFY(error.retryable);
    QCOMPARE(error.retryAfterMs, 200);
}

QTEST_APPLESS_MAIN(TestProviderErrors)
#include "tst_providererrors.moc"
