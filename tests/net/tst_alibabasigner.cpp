#include "net/alibabasigner.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QTest>

using net::AlibabaSigner;
using net::HeaderList;
using net::HttpRequest;
using net::ParamList;
using net::RpcParams;
using net::SignatureCheck;

namespace {

// Shared inputs of the Alibaba signing vectors.
const QByteArray Ak = "testid";
const QByteArray Secret = "testsecret";
const QByteArray Nonce = "3f6c2a1e9b8d4c7e8a5b0d2f1e4c6a89";
const QDateTime SignTime(QDate(2024, 5, 1), QTime(8, 0, 0), Qt::UTC);
const QByteArray EciHost = "eci.cn-hangzhou.aliyuncs.com";
const QByteArray EmptySha = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

const QByteArray V1ACanonical
    = "AccessKeyId=testid&Action=DescribeImageCaches&Format=JSON&ImageCacheName=test%20cache&Limit="
      "20&RegionId=cn-hangzhou&SignatureMethod=HMAC-SHA1&SignatureNonce="
      "3f6c2a1e9b8d4c7e8a5b0d2f1e4c6a89&SignatureVersion=1.0&Tag.1.Key=env&Tag.1.Value=prod&"
      "Timestamp=2024-05-01T08%3A00%3A00Z&Version=2018-08-08";

const QByteArray V1BCanonical
    = "AccessKeyId=testid&Action=CreateImageCache&ClientToken=0c593ea1-3bea-11e9-b96b-88e9fe637760&"
      "Format=JSON&Image.1=registry.example.com%2Fns%2Fapp%3A1.0&Image.2=nginx%3Alatest&"
      "ImageCacheName=my-cache&ImageCacheSize=30&ImageRegistryCredential.1.Password=p%40ss%20w%"
      "2Frd&"
      "ImageRegistryCredential.1.Server=registry.example.com&ImageRegistryCredential.1.UserName=u&"
      "RegionId=cn-hangzhou&RetentionDays=7&SecurityGroupId=sg-123&SignatureMethod=HMAC-SHA1&"
      "SignatureNonce=3f6c2a1e9b8d4c7e8a5b0d2f1e4c6a89&SignatureVersion=1.0&Timestamp=2024-05-"
      "01T08%"
      "3A00%3A00Z&VSwitchId=vsw-456&Version=2018-08-08";

const QByteArray V1ABusiness[][2] = {{"RegionId", "cn-hangzhou"},
                                     {"ImageCacheName", "test cache"},
                                     {"Limit", "20"},
                                     {"Tag.1.Key", "env"},
                                     {"Tag.1.Value", "prod"}};

std::optional<QByteArray> lookup(const QByteArray &ak)
{
    if (ak == Ak)
        return Secret;
    if (ak == "YourAccessKeyId")
        return QByteArray("YourAccessKeySecret");
    return std::nullopt;
}

QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

// The server's view: the request's headers plus the Host QNAM puts on the wire.
SignatureCheck verifySent(const HttpRequest &request, const QDateTime &now = SignTime,
                          const QByteArray &host = EciHost,
                          const net::SecretLookup &secrets = lookup)
{
    HeaderList headers = request.headers;
    if (!net::hasHeader(headers, "Host"))
        headers.append({"Host", host});
    return AlibabaSigner::verify(request.method, request.url.path(QUrl::FullyEncoded).toUtf8(),
                                 request.url.query(QUrl::FullyEncoded).toUtf8(), headers,
                                 request.body, secrets, now);
}

HttpRequest eciRequest(const QByteArray &method)
{
    HttpRequest request;
    request.method = method;
    request.url = QUrl(QStringLiteral("https://eci.cn-hangzhou.aliyuncs.com"));
    return request;
}

} // namespace

class TestAlibabaSigner final : public QObject
{
    Q_OBJECT
private slots:
    void timestampAndNonce()
    {
        QCOMPARE(AlibabaSigner::timestamp(SignTime), QByteArray("2024-05-01T08:00:00Z"));
        QCOMPARE(AlibabaSigner::timestamp(SignTime.toOffsetFromUtc(8 * 3600)),
                 QByteArray("2024-05-01T08:00:00Z"));
        const QByteArray a = AlibabaSigner::newNonce();
        const QByteArray b = AlibabaSigner::newNonce();
        static const QRegularExpression hex32(QStringLiteral("^[0-9a-f]{32}$"));
        QVERIFY(hex32.match(QString::fromLatin1(a)).hasMatch());
        QVERIFY(hex32.match(QString::fromLatin1(b)).hasMatch());
        QVERIFY(a != b);
    }

    // ---- V1 (HMAC-SHA1) ----

    // Alibaba signing vector V1-DOC (both spellings of the documented example) and the C++ tiny
    // vector.
    void v1Vectors_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("secret");
        QTest::addColumn<QStringList>("params"); // "Key=decoded value"
        QTest::addColumn<QByteArray>("signature");
        const QStringList doc{"AccessKeyId=testid",
                              "Action=DescribeRegions",
                              "Format=XML",
                              "Version=2014-05-26",
                              "SignatureMethod=HMAC-SHA1",
                              "SignatureVersion=1.0",
                              "SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"};
        QTest::newRow("V1-DOC TimeStamp")
            << QByteArray("GET") << Secret << (QStringList(doc) << "TimeStamp=2016-02-23T12:46:24Z")
            << QByteArray("CT9X0VtwR86fNWSnsc6v8YGOjuE=");
        QTest::newRow("V1-DOC Timestamp")
            << QByteArray("GET") << Secret << (QStringList(doc) << "Timestamp=2016-02-23T12:46:24Z")
            << QByteArray("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
        QTest::newRow("cpp test_utils")
            << QByteArray("") << QByteArray("accessKeySecret") << QStringList{"test=ok"}
            << QByteArray("jHx/oHoHNrbVfhncHEvPdHXZwHU=");
    }
    void v1Vectors()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, secret);
        QFETCH(QStringList, params);
        QFETCH(QByteArray, signature);
        ParamList list;
        for (const QString &p : params)
            list.append({p.section(QLatin1Char('='), 0, 0).toUtf8(),
                         p.section(QLatin1Char('='), 1).toUtf8()});
        const QByteArray stringToSign = AlibabaSigner::v1StringToSign(method, list);
        QVERIFY(stringToSign.startsWith(method + "&%2F&"));
        QCOMPARE(AlibabaSigner::v1Signature(stringToSign, secret), signature);
    }

    void v1TinyStringToSign()
    {
        QCOMPARE(AlibabaSigner::v1StringToSign("", {{"test", "ok"}}), QByteArray("&%2F&test%3Dok"));
    }

    // Vector V1-A: pop-core GET DescribeImageCaches.
    void v1A()
    {
        ParamList business;
        for (const auto &p : V1ABusiness)
            business.append({p[0], p[1]});
        HttpRequest request = eciRequest("GET");
        AlibabaSigner::signV1(request, "DescribeImageCaches", "2018-08-08", business,
                              {Ak, Secret, {}}, SignTime, Nonce);
        QCOMPARE(request.url.toEncoded(), "https://eci.cn-hangzhou.aliyuncs.com/?" + V1ACanonical
                                              + "&Signature=t14J6kR2ewAVf7me5Cfnyp2G7FI%3D");
        QVERIFY(!net::hasHeader(request.headers, "Authorization"));

        // The StringToSign as the spec prints it.
        ParamList all = net::parseQuery(V1ACanonical);
        QCOMPARE(AlibabaSigner::v1StringToSign("GET", all),
                 QByteArray("GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeImageCaches%26Format%"
                            "3DJSON%26ImageCacheName%3Dtest%2520cache%26Limit%3D20%26RegionId%3Dcn-"
                            "hangzhou%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%"
                            "3D3f6c2a1e9b8d4c7e8a5b0d2f1e4c6a89%26SignatureVersion%3D1.0%26Tag.1."
                            "Key%3Denv%26Tag.1.Value%3Dprod%26Timestamp%3D2024-05-01T08%253A00%"
                            "253A00Z%26Version%3D2018-08-08"));

        const SignatureCheck check = verifySent(request);
        QCOMPARE(check.status, SignatureCheck::Status::Ok);
        QCOMPARE(check.accessKeyId, Ak);
        QCOMPARE(check.nonce, Nonce);
        QCOMPARE(check.timestamp, SignTime);
    }

    // Vector V1-B: pop-core POST CreateImageCache with everything in a form body.
    void v1B()
    {
        const ParamList all = net::parseQuery(V1BCanonical);
        QCOMPARE(AlibabaSigner::v1StringToSign("POST", all),
                 "POST&%2F&" + net::percentEncode(V1BCanonical));
        QCOMPARE(AlibabaSigner::v1Signature(AlibabaSigner::v1StringToSign("POST", all), Secret),
                 QByteArray("tQTS8TJhMiuVEcY6nF67/mcrluI="));

        // The emulator accepts the pop-core wire form: all parameters in the body.
        HttpRequest wire = eciRequest("POST");
        wire.url.setPath(QStringLiteral("/"));
        wire.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
        wire.body = V1BCanonical + "&Signature=tQTS8TJhMiuVEcY6nF67%2FmcrluI%3D";
        QCOMPARE(verifySent(wire).status, SignatureCheck::Status::Ok);

        // signV1 (query form) gives the same signature: the method is part of it, not the place.
        ParamList business;
        for (const auto &[k, v] : all) {
            static const QList<QByteArray> common{
                "AccessKeyId",    "Action",           "Format",    "SignatureMethod",
                "SignatureNonce", "SignatureVersion", "Timestamp", "Version"};
            if (!common.contains(k))
                business.append({k, v});
        }
        QVERIFY(business.contains({"ImageRegistryCredential.1.Password", "p@ss w/rd"}));
        HttpRequest request = eciRequest("POST");
        AlibabaSigner::signV1(request, "CreateImageCache", "2018-08-08", business, {Ak, Secret, {}},
                              SignTime, Nonce);
        QCOMPARE(request.url.query(QUrl::FullyEncoded).toUtf8(),
                 V1BCanonical + "&Signature=tQTS8TJhMiuVEcY6nF67%2FmcrluI%3D");
        QVERIFY(request.body.isEmpty());
        QCOMPARE(verifySent(request).status, SignatureCheck::Status::Ok);

        // The same query replayed with GET does not verify.
        HttpRequest asGet = request;
        asGet.method = "GET";
        QCOMPARE(verifySent(asGet).status, SignatureCheck::Status::Mismatch);
    }

    void v1SecurityToken()
    {
        HttpRequest request = eciRequest("POST");
        AlibabaSigner::signV1(request, "DeleteImageCache", "2018-08-08",
                              {{"RegionId", "cn-hangzhou"}, {"ImageCacheId", "imc-1"}},
                              {Ak, Secret, "sts/token+value"}, SignTime, Nonce);
        const ParamList sent = net::parseQuery(request.url.query(QUrl::FullyEncoded).toUtf8());
        QVERIFY(sent.contains({"SecurityToken", "sts/token+value"}));
        QCOMPARE(sent.constLast().first, QByteArray("Signature"));
        QCOMPARE(verifySent(request).status, SignatureCheck::Status::Ok);
    }

    void v1Rejections()
    {
        HttpRequest request = eciRequest("GET");
        AlibabaSigner::signV1(request, "DescribeImageCaches", "2018-08-08",
                              {{"RegionId", "cn-hangzhou"}, {"ImageCacheName", "a b/c*d~e ü"}},
                              {Ak, Secret, {}}, SignTime, Nonce);
        QCOMPARE(verifySent(request).status, SignatureCheck::Status::Ok);

        const SignatureCheck wrong
            = verifySent(request, SignTime, EciHost, [](const QByteArray &) { return "other"; });
        QCOMPARE(wrong.status, SignatureCheck::Status::Mismatch);
        QVERIFY(wrong.detail.startsWith(QLatin1String("GET&%2F&AccessKeyId%3Dtestid%26")));
        QCOMPARE(wrong.nonce, Nonce); // still reported, for the caller's replay check

        // Passwords and tokens are masked in the detail, which ends up in error messages.
        HttpRequest withSecrets = eciRequest("POST");
        AlibabaSigner::signV1(withSecrets, "CreateImageCache", "2018-08-08",
                              {{"ImageRegistryCredential.1.Password", "hunter2"},
                               {"ImageRegistryCredential.1.UserName", "alice"}},
                              {Ak, Secret, "sts-secret-token"}, SignTime, Nonce);
        const SignatureCheck masked = verifySent(withSecrets, SignTime, EciHost,
                                                 [](const QByteArray &) { return "other"; });
        QCOMPARE(masked.status, SignatureCheck::Status::Mismatch);
        QVERIFY(!masked.detail.contains(QLatin1String("hunter2")));
        QVERIFY(!masked.detail.contains(QLatin1String("sts-secret-token")));
        QVERIFY(masked.detail.contains(QLatin1String("Password%3D%252A%252A%252A")));
        QVERIFY(masked.detail.contains(QLatin1String("UserName%3Dalice")));

        HttpRequest unknown = eciRequest("GET");
        AlibabaSigner::signV1(unknown, "DescribeImageCaches", "2018-08-08", {},
                              {"nobody", Secret, {}}, SignTime, Nonce);
        QCOMPARE(verifySent(unknown).status, SignatureCheck::Status::UnknownKey);

        QCOMPARE(verifySent(request, SignTime.addSecs(15 * 60)).status, SignatureCheck::Status::Ok);
        QCOMPARE(verifySent(request, SignTime.addSecs(16 * 60)).status,
                 SignatureCheck::Status::Expired);

        HttpRequest tampered = request;
        QByteArray query = request.url.query(QUrl::FullyEncoded).toUtf8();
        query.replace("RegionId=cn-hangzhou", "RegionId=cn-beijing");
        tampered.url.setQuery(QString::fromLatin1(query));
        QCOMPARE(verifySent(tampered).status, SignatureCheck::Status::Mismatch);

        // A parameter smuggled into a form body is signed too, so it breaks the signature.
        HttpRequest smuggled = request;
        smuggled.method = "GET";
        smuggled.headers = {{"Content-Type", "application/x-www-form-urlencoded; charset=UTF-8"}};
        smuggled.body = "ImageCacheId=imc-x";
        QCOMPARE(verifySent(smuggled).status, SignatureCheck::Status::Mismatch);

        HttpRequest unsignedReq = request;
        unsignedReq.url.setQuery(QStringLiteral("Action=DescribeImageCaches&RegionId=cn-hangzhou"));
        QCOMPARE(verifySent(unsignedReq).status, SignatureCheck::Status::Missing);

        HttpRequest twice = request;
        twice.url.setQuery(request.url.query() + QStringLiteral("&Signature=abc"));
        QCOMPARE(verifySent(twice).status, SignatureCheck::Status::Malformed);

        HttpRequest noNonce = request;
        query = request.url.query(QUrl::FullyEncoded).toUtf8();
        query.replace("SignatureNonce=", "X=");
        noNonce.url.setQuery(QString::fromLatin1(query));
        const SignatureCheck missingNonce = verifySent(noNonce);
        QCOMPARE(missingNonce.status, SignatureCheck::Status::Malformed);
        QVERIFY(missingNonce.detail.contains(QLatin1String("SignatureNonce")));

        HttpRequest badTime = request;
        query = request.url.query(QUrl::FullyEncoded).toUtf8();
        query.replace("Timestamp=2024-05-01T08%3A00%3A00Z", "Timestamp=1714550400");
        badTime.url.setQuery(QString::fromLatin1(query));
        QCOMPARE(verifySent(badTime).status, SignatureCheck::Status::Malformed);
    }

    // ---- V3 (ACS3-HMAC-SHA256) ----

    // Vector V3-DOC: the documented RunInstances example.
    void v3Doc()
    {
        HttpRequest request;
        request.method = "POST";
        request.url = QUrl(QStringLiteral("https://ecs.cn-shanghai.aliyuncs.com"));
        AlibabaSigner::signV3(request, "RunInstances", "2014-05-26",
                              {{"RegionId", "cn-shanghai"},
                               {"ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd"}},
                              {"YourAccessKeyId", "YourAccessKeySecret", {}},
                              QDateTime(QDate(2023, 10, 26), QTime(10, 22, 32), Qt::UTC),
                              "3156853299f313e23d1673dc12e1703d");
        const auto parts
            = AlibabaSigner::computeV3(request.method, request.url, request.headers, request.body,
                                       {"YourAccessKeyId", "YourAccessKeySecret", {}});
        QCOMPARE(parts.hashedCanonicalRequest,
                 QByteArray("7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259"));
        QCOMPARE(parts.signature,
                 QByteArray("06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0"));
        QCOMPARE(request.header("Authorization"), parts.authorization);
        QCOMPARE(verifySent(request, QDateTime(QDate(2023, 10, 26), QTime(10, 30, 0), Qt::UTC),
                            "ecs.cn-shanghai.aliyuncs.com")
                     .status,
                 SignatureCheck::Status::Ok);
    }

    // Vectors V3-A, V3-B, V3-C.
    void v3Vectors_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("action");
        QTest::addColumn<QStringList>("params");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("wireQuery");
        QTest::addColumn<QByteArray>("canonicalRequest"); // empty when the spec does not give it
        QTest::addColumn<QByteArray>("hash");
        QTest::addColumn<QByteArray>("authorization");

        QTest::newRow("V3-A GET DescribeImageCaches")
            << QByteArray("GET") << QByteArray("DescribeImageCaches")
            << QStringList{"RegionId=cn-hangzhou", "ImageCacheName=test cache", "Limit=20",
                           "Tag.1.Key=env",        "Tag.1.Value=prod",          "NextToken=AAAA/+="}
            << QByteArray() << QByteArray()
            << QByteArray("ImageCacheName=test%20cache&Limit=20&NextToken=AAAA%2F%2B%3D&RegionId="
                          "cn-hangzhou&Tag.1.Key=env&Tag.1.Value=prod")
            << QByteArray("GET\n"
                          "/\n"
                          "ImageCacheName=test%20cache&Limit=20&NextToken=AAAA%2F%2B%3D&RegionId="
                          "cn-hangzhou&Tag.1.Key=env&Tag.1.Value=prod\n"
                          "host:eci.cn-hangzhou.aliyuncs.com\n"
                          "x-acs-action:DescribeImageCaches\n"
                          "x-acs-content-sha256:"
                          "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n"
                          "x-acs-date:2024-05-01T08:00:00Z\n"
                          "x-acs-signature-nonce:3f6c2a1e9b8d4c7e8a5b0d2f1e4c6a89\n"
                          "x-acs-version:2018-08-08\n"
                          "\n"
                          "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-"
                          "nonce;x-acs-version\n"
                          "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
            << QByteArray("31349caef55cbd608ad9e2d63870dcdf95f727535837e7e21bb0e99354524a2f")
            << QByteArray("ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host;x-acs-action;x-"
                          "acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,"
                          "Signature="
                          "1793daff76f9f979e50f8e50733367d5160b08f39cee7dfa72244440254aed9b");
        QTest::newRow("V3-B POST form body")
            << QByteArray("POST") << QByteArray("CreateImageCache")
            << QStringList{"RegionId=cn-hangzhou"}
            << QByteArray("application/x-www-form-urlencoded")
            << QByteArray("ImageCacheName=my-cache&Image.1=nginx%3Alatest&Image.2=redis%3A7&"
                          "SecurityGroupId=sg-123&VSwitchId=vsw-456&Tag.1.Key=k&Tag.1.Value=v%201")
            << QByteArray("RegionId=cn-hangzhou") << QByteArray()
            << QByteArray("7fe6f5649a70b5651272dde0ce3d698dc5de15b3f8a5bf9cbeade23ed4a42136")
            << QByteArray("ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=content-type;host;x-"
                          "acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-"
                          "version,Signature="
                          "e96ea47f8b6a1b61a6e62ce3c99ca68a28f22c4ab3be65a96bf8169672123885");
        QTest::newRow("V3-C POST DeleteImageCache as the ECI SDK")
            << QByteArray("POST") << QByteArray("DeleteImageCache")
            << QStringList{"RegionId=cn-hangzhou", "ImageCacheId=imc-bp195erqe9o2pb09abcd",
                           "ClientToken=123e4567-e89b-12d3-a456-426655440000"}
            << QByteArray() << QByteArray()
            << QByteArray("ClientToken=123e4567-e89b-12d3-a456-426655440000&ImageCacheId=imc-"
                          "bp195erqe9o2pb09abcd&RegionId=cn-hangzhou")
            << QByteArray()
            << QByteArray("1f2e59afa5b3af55223a41bb86295ed173d5cd2f1f48d4a692f2be21131f6304")
            << QByteArray("ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host;x-acs-action;x-"
                          "acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,"
                          "Signature="
                          "e6725a0d7326687d1b0d2ac79740835a5ecc40eb3594c670981d020e05e592c7");
    }
    void v3Vectors()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, action);
        QFETCH(QStringList, params);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, wireQuery);
        QFETCH(QByteArray, canonicalRequest);
        QFETCH(QByteArray, hash);
        QFETCH(QByteArray, authorization);

        RpcParams rpc;
        for (const QString &p : params)
            rpc.add(p.section(QLatin1Char('='), 0, 0).toUtf8(), p.section(QLatin1Char('='), 1));
        HttpRequest request = eciRequest(method);
        if (!contentType.isEmpty())
            request.setHeader("Content-Type", contentType);
        request.body = body;
        AlibabaSigner::signV3(request, action, "2018-08-08", rpc.params(), {Ak, Secret, {}},
                              SignTime, Nonce);

        QCOMPARE(request.url.toEncoded(), "https://eci.cn-hangzhou.aliyuncs.com/?" + wireQuery);
        QCOMPARE(request.header("x-acs-action"), action);
        QCOMPARE(request.header("x-acs-version"), QByteArray("2018-08-08"));
        QCOMPARE(request.header("x-acs-date"), QByteArray("2024-05-01T08:00:00Z"));
        QCOMPARE(request.header("x-acs-signature-nonce"), Nonce);
        QCOMPARE(request.header("x-acs-content-sha256"),
                 body.isEmpty() ? EmptySha : sha256Hex(body));
        QVERIFY(!net::hasHeader(request.headers, "x-acs-security-token"));
        QVERIFY(!net::hasHeader(request.headers, "Host")); // QNAM sends it; it is still signed
        QCOMPARE(request.header("Authorization"), authorization);

        const auto parts = AlibabaSigner::computeV3(request.method, request.url, request.headers,
                                                    request.body, {Ak, Secret, {}});
        if (!canonicalRequest.isEmpty())
            QCOMPARE(parts.canonicalRequest, canonicalRequest);
        QCOMPARE(parts.hashedCanonicalRequest, hash);
        QCOMPARE(sha256Hex(parts.canonicalRequest), hash);
        QCOMPARE(parts.authorization, authorization);

        const SignatureCheck check = verifySent(request);
        QCOMPARE(check.status, SignatureCheck::Status::Ok);
        QCOMPARE(check.accessKeyId, Ak);
        QCOMPARE(check.nonce, Nonce);
        QCOMPARE(check.timestamp, SignTime);
    }

    void v3V3BBodyHash()
    {
        QCOMPARE(
            sha256Hex("ImageCacheName=my-cache&Image.1=nginx%3Alatest&Image.2=redis%3A7&"
                      "SecurityGroupId=sg-123&VSwitchId=vsw-456&Tag.1.Key=k&Tag.1.Value=v%201"),
            QByteArray("9717e144ea6344c510253a34dcc0697df90eaeca0775fbffa7bcef8df2b7dec4"));
    }

    void v3SecurityTokenAndPort()
    {
        HttpRequest request;
        request.method = "POST";
        request.url = QUrl(QStringLiteral("http://127.0.0.1:38211/ignored/path?Old=1"));
        AlibabaSigner::signV3(request, "DescribeImageCaches", "2018-08-08",
                              {{"RegionId", "cn-hangzhou"}}, {Ak, Secret, "sts-token"}, SignTime,
                              Nonce);
        QCOMPARE(request.url.toEncoded(),
                 QByteArray("http://127.0.0.1:38211/?RegionId=cn-hangzhou"));
        QCOMPARE(request.header("x-acs-security-token"), QByteArray("sts-token"));
        const auto parts = AlibabaSigner::computeV3(request.method, request.url, request.headers,
                                                    request.body, {Ak, Secret, {}});
        QVERIFY(parts.canonicalRequest.contains("\nhost:127.0.0.1:38211\n"));
        QVERIFY(parts.signedHeaders.contains("x-acs-security-token"));
        QCOMPARE(verifySent(request, SignTime, "127.0.0.1:38211").status,
                 SignatureCheck::Status::Ok);
        QCOMPARE(verifySent(request, SignTime, "127.0.0.1").status,
                 SignatureCheck::Status::Mismatch);

        // Re-signing without a token (credentials changed between attempts) drops the header.
        AlibabaSigner::signV3(request, "DescribeImageCaches", "2018-08-08",
                              {{"RegionId", "cn-hangzhou"}}, {Ak, Secret, {}}, SignTime, Nonce);
        QVERIFY(!net::hasHeader(request.headers, "x-acs-security-token"));
        QCOMPARE(verifySent(request, SignTime, "127.0.0.1:38211").status,
                 SignatureCheck::Status::Ok);
    }

    void v3UnsignedHeadersAreLeftOut()
    {
        HttpRequest request = eciRequest("POST");
        request.headers = {{"User-Agent", "imagecache"},
                           {"Accept", "application/json"},
                           {"Content-Type", "application/x-www-form-urlencoded"}};
        AlibabaSigner::signV3(request, "DeleteImageCache", "2018-08-08", {{"RegionId", "r"}},
                              {Ak, Secret, {}}, SignTime, Nonce);
        // No body: content-type is not signed (the SDK only sets it with a body).
        QVERIFY(request.header("Authorization")
                    .contains(",SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;"
                              "x-acs-signature-nonce;x-acs-version,"));
        QCOMPARE(verifySent(request).status, SignatureCheck::Status::Ok);
    }

    void v3RoundTripUnusualValues()
    {
        HttpRequest request = eciRequest("POST");
        const ParamList params{{"ImageCacheName", "a b/c*d~e"},
                               {"Image.1", QStringLiteral("registry.例子.com/ns/app:1.0").toUtf8()},
                               {"Tag.1.Value", "x+y=z&w%"},
                               {"Empty", ""}};
        AlibabaSigner::signV3(request, "CreateImageCache", "2018-08-08", params, {Ak, Secret, {}},
                              SignTime, Nonce);
        // What the URL carries is exactly what was encoded (QUrl does not re-escape it).
        QCOMPARE(request.url.query(QUrl::FullyEncoded).toUtf8(),
                 net::buildQuery(net::sortedParams(params)));
        QCOMPARE(net::parseQuery(request.url.query(QUrl::FullyEncoded).toUtf8()),
                 net::sortedParams(params));
        QCOMPARE(verifySent(request).status, SignatureCheck::Status::Ok);

        // A V3-signed path other than "/" (ROA style) with a non-ASCII segment verifies too.
        HttpRequest roa = eciRequest("GET");
        roa.url.setPath(QStringLiteral("/v1/镜像/a b"));
        roa.url.setQuery(QStringLiteral("q=%E4%B8%80%20%2A~"));
        roa.headers = {{"x-acs-action", "X"},
                       {"x-acs-version", "1"},
                       {"x-acs-date", AlibabaSigner::timestamp(SignTime)},
                       {"x-acs-signature-nonce", Nonce},
                       {"x-acs-content-sha256", EmptySha}};
        const auto parts = AlibabaSigner::computeV3(roa.method, roa.url, roa.headers, roa.body,
                                                    {Ak, Secret, {}});
        QVERIFY(parts.canonicalRequest.startsWith(
            "GET\n/v1/%E9%95%9C%E5%83%8F/a%20b\nq=%E4%B8%80%20%2A~\n"));
        roa.setHeader("Authorization", parts.authorization);
        QCOMPARE(verifySent(roa).status, SignatureCheck::Status::Ok);
        HttpRequest otherPath = roa;
        otherPath.url.setPath(QStringLiteral("/v1/镜像/a c"));
        QCOMPARE(verifySent(otherPath).status, SignatureCheck::Status::Mismatch);
    }

    void v3Rejections()
    {
        HttpRequest request = eciRequest("POST");
        request.setHeader("Content-Type", "application/x-www-form-urlencoded");
        request.body = "ImageCacheName=my-cache&Image.1=nginx%3Alatest";
        AlibabaSigner::signV3(request, "CreateImageCache", "2018-08-08",
                              {{"RegionId", "cn-hangzhou"}, {"Name", "a b"}}, {Ak, Secret, {}},
                              SignTime, Nonce);
        QCOMPARE(verifySent(request).status, SignatureCheck::Status::Ok);

        const SignatureCheck wrong
            = verifySent(request, SignTime, EciHost, [](const QByteArray &) { return "other"; });
        QCOMPARE(wrong.status, SignatureCheck::Status::Mismatch);
        const auto parts = AlibabaSigner::computeV3(request.method, request.url, request.headers,
                                                    request.body, {Ak, Secret, {}});
        QCOMPARE(wrong.detail,
                 QString::fromLatin1("ACS3-HMAC-SHA256\n" + parts.hashedCanonicalRequest));

        HttpRequest unknown = request;
        unknown.setHeader(
            "Authorization",
            request.header("Authorization").replace("Credential=testid", "Credential=x"));
        QCOMPARE(verifySent(unknown).status, SignatureCheck::Status::UnknownKey);

        QCOMPARE(verifySent(request, SignTime.addSecs(-15 * 60)).status,
                 SignatureCheck::Status::Ok);
        QCOMPARE(verifySent(request, SignTime.addSecs(16 * 60)).status,
                 SignatureCheck::Status::Expired);

        HttpRequest query = request;
        query.url.setQuery(QStringLiteral("Name=a%20c&RegionId=cn-hangzhou"));
        QCOMPARE(verifySent(query).status, SignatureCheck::Status::Mismatch);

        // A changed body no longer matches x-acs-content-sha256…
        HttpRequest body = request;
        body.body[body.body.size() - 1] = 'X';
        const SignatureCheck bodyCheck = verifySent(body);
        QCOMPARE(bodyCheck.status, SignatureCheck::Status::Mismatch);
        QVERIFY(bodyCheck.detail.contains(QLatin1String("x-acs-content-sha256")));
        // …and a matching, forged hash header breaks the signature.
        body.setHeader("x-acs-content-sha256", sha256Hex(body.body));
        QCOMPARE(verifySent(body).status, SignatureCheck::Status::Mismatch);

        HttpRequest header = request;
        header.setHeader("x-acs-action", "DeleteImageCache");
        QCOMPARE(verifySent(header).status, SignatureCheck::Status::Mismatch);
        HttpRequest method = request;
        method.method = "GET";
        QCOMPARE(verifySent(method).status, SignatureCheck::Status::Mismatch);

        HttpRequest missing = request;
        net::removeHeader(missing.headers, "Authorization");
        QCOMPARE(verifySent(missing).status, SignatureCheck::Status::Missing);

        HttpRequest dropped = request;
        net::removeHeader(dropped.headers, "x-acs-signature-nonce");
        QCOMPARE(verifySent(dropped).status, SignatureCheck::Status::Malformed);
        HttpRequest droppedType = request;
        net::removeHeader(droppedType.headers, "Content-Type");
        QCOMPARE(verifySent(droppedType).status, SignatureCheck::Status::Malformed);
    }

    void v3MalformedAuthorization_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::newRow("old ROA scheme") << QByteArray("acs testid:abc=");
        QTest::newRow("no signature")
            << QByteArray("ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host;x-acs-date");
        QTest::newRow("date not signed")
            << QByteArray("ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host;x-acs-"
                          "content-sha256;x-acs-signature-nonce,Signature=00");
        QTest::newRow("duplicate")
            << QByteArray("ACS3-HMAC-SHA256 Credential=a,Credential=b,SignedHeaders=host;x-acs-"
                          "content-sha256;x-acs-date;x-acs-signature-nonce,Signature=00");
        // The action picks what runs: an unsigned one could be swapped in transit.
        QTest::newRow("action not signed")
            << QByteArray("ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host;x-acs-content-"
                          "sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=00");
    }
    void v3MalformedAuthorization()
    {
        QFETCH(QByteArray, authorization);
        const HeaderList headers{{"Host", EciHost},
                                 {"x-acs-action", "DeleteImageCache"},
                                 {"x-acs-version", "2018-08-08"},
                                 {"x-acs-date", "2024-05-01T08:00:00Z"},
                                 {"x-acs-signature-nonce", Nonce},
                                 {"x-acs-content-sha256", EmptySha},
                                 {"Authorization", authorization}};
        const auto check
            = AlibabaSigner::verify("POST", "/", "RegionId=x", headers, {}, lookup, SignTime);
        QCOMPARE(check.status, SignatureCheck::Status::Malformed);
        QVERIFY(!check.detail.isEmpty());
    }

    // ---- RPC parameter flattening ----

    void rpcParams()
    {
        RpcParams p;
        p.add("RegionId", QStringLiteral("cn-hangzhou"))
            .add("Skipped", QString())
            .add("EmptyKept", QStringLiteral(""))
            .add("ImageCacheSize", qint64(30))
            .addBool("Flash", true)
            .addBool("AutoMatchImageCache", false)
            .addList("Image", {QStringLiteral("nginx:latest"), QStringLiteral("redis:7")})
            .addObjects("Tag",
                        {{{"Key", "env"}, {"Value", "prod"}}, {{"Key", "team"}, {"Value", ""}}})
            .addObjects(
                "ImageRegistryCredential",
                {{{"Server", "registry.example.com"}, {"UserName", "u"}, {"Password", "p"}}})
            .addObjects("AcrRegistryInfo", {{{"InstanceId", "cri-1"}, {"Domain.1", "a.example"}}})
            .addJson("ImageIds", R"(["m-1","m-2"])")
            .addJson("NoJson", QByteArray());
        const ParamList expected{{"RegionId", "cn-hangzhou"},
                                 {"EmptyKept", ""},
                                 {"ImageCacheSize", "30"},
                                 {"Flash", "true"},
                                 {"AutoMatchImageCache", "false"},
                                 {"Image.1", "nginx:latest"},
                                 {"Image.2", "redis:7"},
                                 {"Tag.1.Key", "env"},
                                 {"Tag.1.Value", "prod"},
                                 {"Tag.2.Key", "team"},
                                 {"ImageRegistryCredential.1.Server", "registry.example.com"},
                                 {"ImageRegistryCredential.1.UserName", "u"},
                                 {"ImageRegistryCredential.1.Password", "p"},
                                 {"AcrRegistryInfo.1.InstanceId", "cri-1"},
                                 {"AcrRegistryInfo.1.Domain.1", "a.example"},
                                 {"ImageIds", R"(["m-1","m-2"])"}};
        QCOMPARE(p.params(), expected);
        QCOMPARE(net::buildQuery({p.params().constLast()}),
                 QByteArray("ImageIds=%5B%22m-1%22%2C%22m-2%22%5D"));
    }

    void rpcParamsJsonKeepsKeyOrder()
    {
        // E-HPC "shrink" parameters: the SDK's JSON.stringify keeps the order the keys were
        // written in, so the value must not be re-serialised (QJsonObject would sort it).
        const QByteArray json = R"({"RegistryUrl":"r.example/ns/app:1","IsACRRegistry":false})";
        RpcParams p;
        p.addJson("ContainerImageSpec", json);
        QCOMPARE(p.params().constFirst().second, json);
        QCOMPARE(net::buildQuery(p.params()),
                 QByteArray("ContainerImageSpec=%7B%22RegistryUrl%22%3A%22r.example%2Fns%2Fapp%"
                            "3A1%22%2C%22IsACRRegistry%22%3Afalse%7D"));
    }

    void rpcListKeepsPositions()
    {
        RpcParams p;
        p.addList("MatchImage", {QStringLiteral("a"), QString(), QStringLiteral("c")});
        const ParamList expected{{"MatchImage.1", "a"}, {"MatchImage.3", "c"}};
        QCOMPARE(p.params(), expected);
        RpcParams none;
        none.addList("Image", {});
        QVERIFY(none.params().isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestAlibabaSigner)
#include "tst_alibabasigner.moc"
