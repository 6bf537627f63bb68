#include "core/secretmask.h"
#include "net/apiclient.h"
#include "net/percentencoding.h"
#include "scriptedserver.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QLoggingCategory>
#include <QMutex>
#include <QSignalSpy>
#include <QTest>

using faults::ScriptedServer;
using net::ApiClient;
using net::ApiError;
using net::HttpRequest;
using net::HttpResponse;
using net::Result;
using Kind = net::ApiError::Kind;

Q_DECLARE_METATYPE(net::ApiError)

namespace {

constexpr int WaitMs = 10000;
// The first 20 of 100 announced bytes (moc cannot parse raw strings with unbalanced braces).
const QByteArray CutOffBody = "{\"ImageCaches\":[{\"Ima";

// Captured log lines of category imagecache.net (the handler may be called from any thread).
QMutex logMutex;
QStringList capturedLog;
QtMessageHandler previousHandler = nullptr;

void captureNetLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (context.category && QByteArray(context.category) == "imagecache.net") {
        QMutexLocker locker(&logMutex);
        capturedLog << message;
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

// A provider-like decoder: reads {"Code","Message","RequestId"}; Throttling* codes retry.
ApiError decodeAlibabaLike(const HttpResponse &response)
{
    const QJsonObject body = QJsonDocument::fromJson(response.body).object();
    ApiError error;
    error.requestId = body.value(QLatin1String("RequestId")).toString();
    if (response.status >= 200 && response.status < 300)
        return error;
    error.code = body.value(QLatin1String("Code")).toString();
    error.message = body.value(QLatin1String("Message")).toString();
    if (error.code.startsWith(QLatin1String("Throttling"))) {
        error.kind = Kind::Throttled;
        error.retryable = true;
    } else if (response.status == 401 || response.status == 403
               || error.code.startsWith(QLatin1String("Signature"))) {
        error.kind = Kind::Auth;
    } else {
        error.kind = Kind::Http;
        error.retryable = response.status >= 500;
    }
    return error;
}

} // namespace

class TestApiClient final : public QObject
{
    Q_OBJECT

private:
    static net::ApiClientOptions fastOptions()
    {
        net::ApiClientOptions options;
        options.defaultTimeoutMs = 5000;
        options.maxAttempts = 3;
        options.baseBackoffMs = 5;
        options.maxBackoffMs = 2000;
        return options;
    }

    static HttpRequest read(const QUrl &url)
    {
        HttpRequest request;
        request.method = "GET";
        request.url = url;
        request.retry = HttpRequest::Retry::Idempotent;
        request.operation = QStringLiteral("DescribeImageCaches");
        return request;
    }

    static HttpRequest write(const QUrl &url)
    {
        HttpRequest request;
        request.method = "POST";
        request.url = url;
        request.setHeader("Content-Type", "application/json");
        request.body = R"({"image_cache":{"name":"nginx-cache"}})";
        request.retry = HttpRequest::Retry::Never;
        request.operation = QStringLiteral("CreateImageCache");
        return request;
    }

    static Result<HttpResponse> wait(const QFuture<Result<HttpResponse>> &future)
    {
        if (!QTest::qWaitFor([&] { return future.isFinished(); }, WaitMs)) {
            ApiError error;
            error.kind = Kind::Cancelled;
            error.message = QStringLiteral("test wait timed out");
            return error;
        }
        return future.result();
    }

private slots:
    void initTestCase() { qRegisterMetaType<net::ApiError>(); }

    void isLoopbackHost_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("loopback");
        QTest::newRow("127.0.0.1") << "127.0.0.1" << true;
        QTest::newRow("127.8.9.10") << "127.8.9.10" << true;
        QTest::newRow("::1") << "::1" << true;
        QTest::newRow("[::1]") << "[::1]" << true;
        QTest::newRow("localhost") << "LocalHost" << true;
        QTest::newRow("public v4") << "8.8.8.8" << false;
        QTest::newRow("private v4") << "10.0.0.1" << false;
        QTest::newRow("name") << "ecs.aliyuncs.com" << false;
        QTest::newRow("lookalike") << "localhost.example.com" << false;
        QTest::newRow("127 prefix name") << "127.0.0.1.nip.io" << false;
    }

    void isLoopbackHost()
    {
        QFETCH(QString, host);
        QFETCH(bool, loopback);
        QCOMPARE(net::isLoopbackHost(host), loopback);
    }

    void redactionHelpers()
    {
        const QUrl url(
            QStringLiteral("https://eci.aliyuncs.com/?Action=CreateImageCache&Signature=c2lnbmF0"
                           "dXJl%2B&AccessKeyId=LTAIkey&SecurityToken=STSsecret"
                           "&ImageRegistryCredential.1.Password=regPass1&AccessKeySecret=akSecret"),
            QUrl::StrictMode);
        const QString redacted = ApiClient::redactedUrl(url);
        for (const char *secret : {"c2lnbmF0", "STSsecret", "regPass1", "akSecret"})
            QVERIFY2(!redacted.contains(QLatin1String(secret)), qPrintable(redacted));
        QVERIFY(redacted.contains(QLatin1String("Action=CreateImageCache")));
        QVERIFY(redacted.contains(QLatin1String("AccessKeyId=LTAIkey"))); // ids are not secret
        QVERIFY(redacted.contains(QLatin1String("Signature=******")));

        // E-HPC AddImage: the registry password travels inside a JSON-string parameter.
        QUrl addImage(QStringLiteral("https://ehpcinstant.cn-hangzhou.aliyuncs.com/"));
        addImage.setQuery(
            QStringLiteral("Name=app&ContainerImageSpec=")
                + QString::fromLatin1(net::percentEncode(QByteArrayLiteral(
                    R"({"RegistryUrl":"r.example.com/app:1","RegistryCredential":)"
                    R"({"Server":"r.example.com","UserName":"u","Password":"jsonPass9"}})"))),
            QUrl::StrictMode);
        const QString redactedAdd = ApiClient::redactedUrl(addImage);
        QVERIFY2(!redactedAdd.contains(QLatin1String("jsonPass9")), qPrintable(redactedAdd));
        QVERIFY(redactedAdd.contains(QLatin1String("r.example.com")));

        const net::HeaderList headers{{"Authorization", "SDK-HMAC-SHA256 Signature=abc"},
                                      {"x-auth-token", "tokenValue"},
                                      {"X-Subject-Token", "subjectValue"},
                                      {"X-Security-Token", "secValue"},
                                      {"x-acs-security-token", "acsValue"},
                                      {"X-Sdk-Date", "20250101T120000Z"}};
        const net::HeaderList clean = ApiClient::redactedHeaders(headers);
        QCOMPARE(clean.size(), headers.size());
        for (qsizetype i = 0; i < 5; ++i)
            QCOMPARE(clean.at(i).second, QByteArray(core::MaskedSecret));
        QCOMPARE(clean.at(5).second, QByteArray("20250101T120000Z"));

        const QByteArray json
            = "{\"name\":\"c\",\"auth\":{\"password\":\"p1\",\"list\":[{\"Password\":\"p2\","
              "\"sk\":\"p3\"}]},\"AccessKeySecret\":\"p4\",\"secret\":\"p5\",\"image\":\"nginx\"}";
        const QByteArray cleanJson = ApiClient::redactedBody(json);
        for (const char *secret : {"\"p1\"", "\"p2\"", "\"p3\"", "\"p4\"", "\"p5\""})
            QVERIFY2(!cleanJson.contains(secret), cleanJson.constData());
        QVERIFY(cleanJson.contains("nginx"));

        const QByteArray form = "Action=X&Signature=sigValue&ImageRegistryCredential.2.Password=pw";
        const QByteArray cleanForm = ApiClient::redactedBody(form);
        QVERIFY(!cleanForm.contains("sigValue"));
        QVERIFY(!cleanForm.contains("=pw"));
        QVERIFY(cleanForm.contains("Action=X"));

        // Not JSON (cut off) still hides "password": "…".
        const QByteArray broken = "{\"user\":\"u\",\"password\":\"brokenSecret\",\"na";
        QVERIFY(!ApiClient::redactedBody(broken).contains("brokenSecret"));
    }

    void successCarriesRequestId_data()
    {
        QTest::addColumn<net::HeaderList>("headers");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("requestId");
        QTest::newRow("X-Request-Id") << net::HeaderList{{"X-Request-Id", "hw-req-1"}}
                                      << QByteArray(R"({"items":[]})") << "hw-req-1";
        QTest::newRow("x-acs-request-id")
            << net::HeaderList{{"x-acs-request-id", "ali-req-2"}}
            << QByteArray(R"({"RequestId":"body-loses"})") << "ali-req-2";
        QTest::newRow("body RequestId")
            << net::HeaderList{} << QByteArray(R"({"RequestId":"ali-body-3"})") << "ali-body-3";
        QTest::newRow("body request_id")
            << net::HeaderList{} << QByteArray(R"({"request_id":"hw-body-4"})") << "hw-body-4";
    }

    void successCarriesRequestId()
    {
        QFETCH(net::HeaderList, headers);
        QFETCH(QByteArray, body);
        QFETCH(QString, requestId);
        ScriptedServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedServer::json(200, body, headers));
        ApiClient client;
        client.setOptions(fastOptions());

        const Result<HttpResponse> result = wait(
            client.send(read(server.url(QStringLiteral("/v5/imagecaches?limit=10"))), {}, {}));
        QVERIFY2(result.ok(), qPrintable(result.error().toString()));
        QCOMPARE(result.value().status, 200);
        QCOMPARE(result.value().body, body);
        QCOMPARE(result.value().requestId, requestId);
        QCOMPARE(server.requestCount(), 1);
        QCOMPARE(server.received().at(0).target, QByteArray("/v5/imagecaches?limit=10"));
    }

    void serverErrorOnReadIsRetried()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedServer::json(500, R"({"Code":"InternalError","Message":"boom"})"));
        server.enqueue(ScriptedServer::json(200, R"({"RequestId":"r2","ImageCaches":[]})"));
        ApiClient client;
        client.setOptions(fastOptions());

        const auto result = wait(client.send(read(server.url()), {}, decodeAlibabaLike));
        QVERIFY2(result.ok(), qPrintable(result.error().toString()));
        QCOMPARE(result.value().requestId, QStringLiteral("r2"));
        QCOMPARE(server.requestCount(), 2);
    }

    void serverErrorOnWriteIsNotRepeated()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setFallback(ScriptedServer::json(
            500, R"({"RequestId":"w1","Code":"InternalError","Message":"try later"})"));
        ApiClient client;
        client.setOptions(fastOptions());

        const auto result = wait(client.send(write(server.url()), {}, decodeAlibabaLike));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Kind::Http);
        QCOMPARE(result.error().httpStatus, 500);
        QCOMPARE(result.error().code, QStringLiteral("InternalError"));
        QCOMPARE(result.error().requestId, QStringLiteral("w1"));
        QCOMPARE(result.error().operation, QStringLiteral("CreateImageCache"));
        QVERIFY(result.error().retryable);  // a caller may check and retry by hand
        QCOMPARE(server.requestCount(), 1); // no duplicate create
        QCOMPARE(server.received().at(0).method, QByteArray("POST"));
        QCOMPARE(server.received().at(0).body, write(server.url()).body);
    }

    void retryAfterSecondsIsHonoured()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedServer::json(
            429,
            R"({"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached"})",
            {{"Retry-After", "1"}}));
        server.enqueue(ScriptedServer::json(200, R"({"ok":true})"));
        ApiClient client;
        client.setOptions(fastOptions());

        QElapsedTimer timer;
        timer.start();
        const auto result = wait(client.send(read(server.url()), {}, {}));
        QVERIFY2(result.ok(), qPrintable(result.error().toString()));
        QVERIFY2(timer.elapsed() >= 900, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(server.requestCount(), 2);
    }

    void retryAfterHttpDateIsHonoured()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        // Whole seconds on the wire: two seconds ahead is at least one second from now.
        const QByteArray date = QLocale::c()
                                    .toString(QDateTime::currentDateTimeUtc().addSecs(2),
                                              QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
                                    .toLatin1();
        server.enqueue(ScriptedServer::json(503, "{}", {{"Retry-After", date}}));
        server.enqueue(ScriptedServer::json(200, "{}"));
        ApiClient client;
        auto options = fastOptions();
        options.maxBackoffMs = 5000;
        client.setOptions(options);

        QElapsedTimer timer;
        timer.start();
        const auto result = wait(client.send(read(server.url()), {}, {}));
        QVERIFY2(result.ok(), qPrintable(result.error().toString()));
        QVERIFY2(timer.elapsed() >= 900, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(server.requestCount(), 2);
    }

    void retryAfterIsCapped()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedServer::json(429, "{}", {{"Retry-After", "3600"}}));
        server.enqueue(ScriptedServer::json(200, "{}"));
        ApiClient client;
        auto options = fastOptions();
        options.maxBackoffMs = 300; // an hour-long Retry-After must not hang the console
        client.setOptions(options);

        QElapsedTimer timer;
        timer.start();
        const auto result = wait(client.send(read(server.url()), {}, {}));
        QVERIFY2(result.ok(), qPrintable(result.error().toString()));
        QVERIFY2(timer.elapsed() >= 290 && timer.elapsed() < 5000,
                 qPrintable(QString::number(timer.elapsed())));
    }

    void retryAfterBeyondInt64IsCapped()
    {
        // Found by fuzzing: `seconds * 1000` on a parsed qint64 overflowed (undefined).
        ScriptedServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedServer::json(503, "{}", {{"Retry-After", "9223372036854775807"}}));
        server.enqueue(ScriptedServer::json(200, "{}"));
        ApiClient client;
        auto options = fastOptions();
        options.maxBackoffMs = 200;
        client.setOptions(options);

        QElapsedTimer timer;
        timer.start();
        const auto result = wait(client.send(read(server.url()), {}, {}));
        QVERIFY2(result.ok(), qPrintable(result.error().toString()));
        QCOMPARE(server.requestCount(), 2);
        QVERIFY2(timer.elapsed() >= 190 && timer.elapsed() < 5000,
                 qPrintable(QString::number(timer.elapsed())));
    }

    void throttledErrorDescribesItself()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setFallback(ScriptedServer::json(
            429,
            R"({"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached"})",
            {{"Retry-After", "0"}, {"X-Request-Id", "thr-1"}}));
        ApiClient client;
        client.setOptions(fastOptions());

        const auto result = wait(client.send(read(server.url()), {}, {}));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Kind::Throttled);
        QCOMPARE(result.error().code, QStringLiteral("APIGW.0308"));
        QCOMPARE(result.error().message,
                 QStringLiteral("The throttling threshold has been reached"));
        QCOMPARE(result.error().requestId, QStringLiteral("thr-1"));
        QCOMPARE(result.error().retryAfterMs, 0);
        QCOMPARE(server.requestCount(), 3); // maxAttempts
    }

    void acsRetryAfterMillisecondsIsHonoured()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedServer::json(400, R"({"Code":"Throttling","Message":"slow down"})",
                                            {{"x-acs-retry-after", "200"}}));
        server.enqueue(ScriptedServer::json(200, R"({"RequestId":"after"})"));
        ApiClient client;
        client.setOptions(fastOptions());

        QElapsedTimer timer;
        timer.start();
        // No decoder: the header alone marks the 400 as throttling.
        const auto result = wait(client.send(read(server.url()), {}, {}));
        QVERIFY2(result.ok(), qPrintable(result.error().toString()));
        QVERIFY2(timer.elapsed() >= 190, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(server.requestCount(), 2);
    }

    void decoderThrottlingCodeIsRetried()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedServer::json(
            400,
            R"({"Code":"Throttling.User","Message":"Request was denied due to user flow control."})"));
        server.enqueue(ScriptedServer::json(200, R"({"RequestId":"ok"})"));
        ApiClient client;
        client.setOptions(fastOptions());
        const auto result = wait(client.send(read(server.url()), {}, decodeAlibabaLike));
        QVERIFY2(result.ok(), qPrintable(result.error().toString()));
        QCOMPARE(server.requestCount(), 2);

        // Any other 400 is the caller's mistake: reported once, typed, not retried.
        server.enqueue(ScriptedServer::json(
            400,
            R"({"RequestId":"bad-1","Code":"InvalidParameter","Message":"ImageCacheName is invalid"})"));
        const auto bad = wait(client.send(read(server.url()), {}, decodeAlibabaLike));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().kind, Kind::Http);
        QCOMPARE(bad.error().code, QStringLiteral("InvalidParameter"));
        QCOMPARE(bad.error().message, QStringLiteral("ImageCacheName is invalid"));
        QCOMPARE(bad.error().requestId, QStringLiteral("bad-1"));
        QCOMPARE(server.requestCount(), 3);
    }

    void authErrorIsNotRetried()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setFallback(ScriptedServer::json(
            401,
            R"({"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information"})",
            {{"X-Request-Id", "auth-1"}}));
        ApiClient client;
        client.setOptions(fastOptions());
        const auto result = wait(client.send(read(server.url()), {}, {}));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Kind::Auth);
        QCOMPARE(result.error().httpStatus, 401);
        QCOMPARE(result.error().code, QStringLiteral("APIGW.0301"));
        QCOMPARE(result.error().requestId, QStringLiteral("auth-1"));
        QVERIFY(!result.error().retryable);
        QCOMPARE(server.requestCount(), 1);
    }

    void stallTimesOut_data()
    {
        QTest::addColumn<bool>("idempotent");
        QTest::addColumn<int>("expectedRequests");
        QTest::newRow("read retried") << true << 3;
        QTest::newRow("write once") << false << 1;
    }

    void stallTimesOut()
    {
        QFETCH(bool, idempotent);
        QFETCH(int, expectedRequests);
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setFallback(ScriptedServer::stall());
        ApiClient client;
        client.setOptions(fastOptions());
        HttpRequest request = idempotent ? read(server.url()) : write(server.url());
        request.timeoutMs = 300;

        QElapsedTimer timer;
        timer.start();
        const auto result = wait(client.send(request, {}, {}));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Kind::Timeout);
        QVERIFY(result.error().retryable);
        QCOMPARE(server.requestCount(), expectedRequests);
        QVERIFY(timer.elapsed() >= 290 * expectedRequests);
        QCOMPARE(client.requestsInFlight(), 0);
    }

    void truncatedBody_data()
    {
        QTest::addColumn<bool>("idempotent");
        QTest::addColumn<int>("expectedRequests");
        QTest::newRow("read retried") << true << 3;
        QTest::newRow("write once") << false << 1;
    }

    void truncatedBody()
    {
        QFETCH(bool, idempotent);
        QFETCH(int, expectedRequests);
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setFallback(ScriptedServer::truncated(100, CutOffBody));
        ApiClient client;
        client.setOptions(fastOptions());
        const auto result
            = wait(client.send(idempotent ? read(server.url()) : write(server.url()), {}, {}));
        QVERIFY(!result.ok());
        QVERIFY2(result.error().kind == Kind::MalformedResponse
                     || result.error().kind == Kind::Network,
                 qPrintable(result.error().toString()));
        QVERIFY(result.error().retryable);
        QCOMPARE(server.requestCount(), expectedRequests);
    }

    void truncatedBodyIsRecoveredByRetry()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedServer::truncated(100, CutOffBody));
        server.enqueue(ScriptedServer::json(200, R"({"ImageCaches":[]})"));
        ApiClient client;
        client.setOptions(fastOptions());
        const auto result = wait(client.send(read(server.url()), {}, {}));
        QVERIFY2(result.ok(), qPrintable(result.error().toString()));
        QCOMPARE(result.value().body, QByteArray(R"({"ImageCaches":[]})"));
        QCOMPARE(server.requestCount(), 2);
    }

    void malformedJson()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        const QByteArray body = "{\"ImageCaches\": [ {\"ImageCacheId\": \"imc-1\",, } ";
        server.setFallback(ScriptedServer::json(200, body));
        ApiClient client;
        auto options = fastOptions();
        options.maxAttempts = 2;
        client.setOptions(options);
        const auto result = wait(client.send(read(server.url()), {}, {}));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Kind::MalformedResponse);
        QCOMPARE(result.error().httpStatus, 200);
        QVERIFY2(result.error().message.contains(QString::number(body.size())),
                 qPrintable(result.error().message));
        QCOMPARE(server.requestCount(), 2); // reads retry a garbled answer
    }

    void connectionReset()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setFallback(ScriptedServer::reset());
        ApiClient client;
        client.setOptions(fastOptions());

        const auto result = wait(client.send(write(server.url()), {}, {}));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Kind::Network);
        QVERIFY(!result.error().message.isEmpty());
        QCOMPARE(server.requestCount(), 1); // the create is not re-sent behind our back

        // Alibaba's RPC writes carry everything in the query: an empty POST body.
        HttpRequest emptyWrite = write(server.url(QStringLiteral("/?Action=CreateImageCache")));
        emptyWrite.body.clear();
        const auto emptyResult = wait(client.send(emptyWrite, {}, {}));
        QCOMPARE(emptyResult.error().kind, Kind::Network);
        QCOMPARE(server.requestCount(), 2);

        HttpRequest remove = write(server.url(QStringLiteral("/v5/imagecaches/ic-1")));
        remove.method = "DELETE";
        remove.body.clear();
        QCOMPARE(wait(client.send(remove, {}, {})).error().kind, Kind::Network);
        QCOMPARE(server.requestCount(), 3);

        const auto readResult = wait(client.send(read(server.url()), {}, {}));
        QCOMPARE(readResult.error().kind, Kind::Network);
        QVERIFY2(server.requestCount() >= 3 + 3, qPrintable(QString::number(server.requestCount())
                                                            + readResult.error().toString()));
    }

    void connectionRefused()
    {
        quint16 port = 0;
        {
            ScriptedServer server; // find a free port, then close it
            QVERIFY(server.listen());
            port = quint16(server.url().port());
        }
        ApiClient client;
        auto options = fastOptions();
        options.maxAttempts = 2;
        client.setOptions(options);
        const auto result = wait(
            client.send(read(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port))), {}, {}));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Kind::Network);
        QVERIFY2(result.error().message.contains(QString::number(port)),
                 qPrintable(result.error().message));
    }

    void responseTooLarge_data()
    {
        QTest::addColumn<bool>("withContentLength");
        QTest::newRow("announced") << true;
        QTest::newRow("counted") << false;
    }

    void responseTooLarge()
    {
        QFETCH(bool, withContentLength);
        ScriptedServer server;
        QVERIFY(server.listen());
        auto behaviour = ScriptedServer::json(
            200, "[" + QByteArray(64 * 1024, '1').replace("11", "1,") + "1]");
        behaviour.withContentLength = withContentLength;
        server.setFallback(behaviour);
        ApiClient client;
        auto options = fastOptions();
        options.maxResponseBytes = 4096;
        client.setOptions(options);
        const auto result = wait(client.send(read(server.url()), {}, {}));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Kind::ResponseTooLarge);
        QVERIFY(result.error().message.contains(QLatin1String("4096")));
        QCOMPARE(server.requestCount(), 1);
    }

    void plainHttpToRemoteHostIsRefused()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        ApiClient client;
        QSignalSpy finished(&client, &ApiClient::callFinished);
        int signed_ = 0;
        HttpRequest request = read(QUrl(QStringLiteral("http://example.com/v5/imagecaches")));
        const auto future = client.send(request,
                                        [&](HttpRequest &) {
                                            ++signed_;
                                            return ApiError{};
                                        },
                                        {});
        QVERIFY(future.isFinished()); // refused at once, nothing sent
        QCOMPARE(future.result().error().kind, Kind::InsecureEndpoint);
        QVERIFY(future.result().error().message.contains(QLatin1String("example.com")));
        QCOMPARE(signed_, 0);
        QCOMPARE(server.requestCount(), 0);
        QCOMPARE(finished.size(), 1);
    }

    void redirectIsNotFollowed()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedServer::json(
            302, "", {{"Location", server.url(QStringLiteral("/elsewhere")).toEncoded()}}));
        ApiClient client;
        client.setOptions(fastOptions());
        const auto result = wait(client.send(write(server.url()), {}, {}));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Kind::Http);
        QCOMPARE(result.error().httpStatus, 302);
        QCOMPARE(server.requestCount(), 1);
    }

    void inFlightCapPerHost()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setFallback(ScriptedServer::held(ScriptedServer::json(200, R"({"ok":1})")));
        ApiClient client;
        auto options = fastOptions();
        options.maxInFlightPerHost = 2;
        client.setOptions(options);
        QSignalSpy inFlight(&client, &ApiClient::requestsInFlightChanged);

        QList<QFuture<Result<HttpResponse>>> futures;
        for (int i = 0; i < 5; ++i)
            futures << client.send(read(server.url(QStringLiteral("/item/%1").arg(i))), {}, {});
        QCOMPARE(client.requestsInFlight(), 2);

        // The other three wait in the client: the server sees two requests at a time.
        QTRY_COMPARE_WITH_TIMEOUT(server.heldCount(), 2, WaitMs);
        QCOMPARE(server.requestCount(), 2);
        server.releaseHeld();
        QTRY_COMPARE_WITH_TIMEOUT(server.heldCount(), 2, WaitMs);
        QCOMPARE(server.requestCount(), 4);
        server.releaseHeld();
        QTRY_COMPARE_WITH_TIMEOUT(server.heldCount(), 1, WaitMs);
        server.releaseHeld();
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(futures.begin(), futures.end(),
                                             [](const auto &f) { return f.isFinished(); }),
                                 WaitMs);
        for (const auto &future : futures)
            QVERIFY2(future.result().ok(), qPrintable(future.result().error().toString()));
        QCOMPARE(server.requestCount(), 5);
        QCOMPARE(server.maxOpenRequests(), 2);
        // FIFO: requests reached the server in the order they were sent.
        for (int i = 0; i < 5; ++i)
            QCOMPARE(server.received().at(i).target, QStringLiteral("/item/%1").arg(i).toUtf8());
        QCOMPARE(client.requestsInFlight(), 0);
        QCOMPARE(inFlight.last().at(0).toInt(), 0);
    }

    void backoffDoesNotHoldASlot()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        // The first request is throttled for 500 ms; the second must not wait for it.
        server.enqueue(ScriptedServer::json(429, "{}", {{"Retry-After", "1"}}));
        server.enqueue(ScriptedServer::json(200, R"({"n":2})"));
        server.enqueue(ScriptedServer::json(200, R"({"n":1})"));
        ApiClient client;
        auto options = fastOptions();
        options.maxInFlightPerHost = 1;
        client.setOptions(options);
        const auto first = client.send(read(server.url(QStringLiteral("/1"))), {}, {});
        const auto second = client.send(read(server.url(QStringLiteral("/2"))), {}, {});
        QTRY_VERIFY_WITH_TIMEOUT(second.isFinished(), WaitMs);
        QVERIFY(!first.isFinished());
        QCOMPARE(client.requestsInFlight(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(first.isFinished(), WaitMs);
        QCOMPARE(first.result().value().body, QByteArray(R"({"n":1})"));
    }

    void signerRunsOncePerAttempt()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedServer::json(503, "{}"));
        server.enqueue(ScriptedServer::json(502, "{}"));
        server.enqueue(ScriptedServer::json(200, "{}"));
        ApiClient client;
        client.setOptions(fastOptions());
        int calls = 0;
        const auto result
            = wait(client.send(read(server.url()),
                               [&](HttpRequest &request) {
                                   ++calls;
                                   request.setHeader("X-Nonce", QByteArray::number(calls));
                                   return ApiError{};
                               },
                               {}));
        QVERIFY2(result.ok(), qPrintable(result.error().toString()));
        QCOMPARE(calls, 3);
        QCOMPARE(server.requestCount(), 3);
        for (int i = 0; i < 3; ++i) // a fresh nonce on every attempt
            QCOMPARE(server.received().at(i).header("X-Nonce"), QByteArray::number(i + 1));
    }

    void signerErrorAbortsWithoutSending()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        ApiClient client;
        client.setOptions(fastOptions());
        QSignalSpy finished(&client, &ApiClient::callFinished);
        int calls = 0;
        const auto result = wait(client.send(read(server.url()),
                                             [&](HttpRequest &) {
                                                 ++calls;
                                                 ApiError error;
                                                 error.kind = Kind::Validation;
                                                 error.message = QStringLiteral(
                                                     "No secret key is stored for this account.");
                                                 return error;
                                             },
                                             {}));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Kind::Validation);
        QCOMPARE(result.error().operation, QStringLiteral("DescribeImageCaches"));
        QCOMPARE(calls, 1);
        QCOMPARE(server.requestCount(), 0);
        QCOMPARE(client.requestsInFlight(), 0);
        QCOMPARE(finished.size(), 1);
    }

    void callFinishedOncePerCall()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedServer::json(500, "{}"));
        server.enqueue(ScriptedServer::json(500, "{}"));
        server.enqueue(ScriptedServer::json(200, R"({"RequestId":"cf-1"})"));
        server.enqueue(ScriptedServer::json(404, R"({"Code":"NotFound"})"));
        ApiClient client;
        client.setOptions(fastOptions());
        QSignalSpy finished(&client, &ApiClient::callFinished);

        QVERIFY(wait(client.send(read(server.url()), {}, decodeAlibabaLike)).ok());
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toString(), QStringLiteral("DescribeImageCaches"));
        const auto ok = finished.at(0).at(1).value<net::ApiError>();
        QVERIFY(!ok.isError());
        QCOMPARE(ok.requestId, QStringLiteral("cf-1"));

        QVERIFY(!wait(client.send(read(server.url()), {}, decodeAlibabaLike)).ok());
        QCOMPARE(finished.size(), 2);
        QCOMPARE(finished.at(1).at(1).value<net::ApiError>().kind, Kind::Http);
        QCOMPARE(finished.at(1).at(1).value<net::ApiError>().httpStatus, 404);
    }

    void secretsNeverLogged()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedServer::json(500, R"({"Code":"InternalError"})"));
        server.enqueue(ScriptedServer::json(200, R"({"RequestId":"log-1"})"));
        QLoggingCategory::setFilterRules(QStringLiteral("imagecache.net.debug=true"));
        {
            QMutexLocker locker(&logMutex);
            capturedLog.clear();
        }
        previousHandler = qInstallMessageHandler(captureNetLog);

        ApiClient client;
        client.setOptions(fastOptions());
        HttpRequest request = read(server.url(
            QStringLiteral("/v5/secret-path-check?Action=Describe&Signature=SIGSECRET%2B1"
                           "&ImageRegistryCredential.1.Password=REGSECRET")));
        request.method = "PUT";
        request.setHeader("Authorization", "SDK-HMAC-SHA256 Access=AK, Signature=AUTHSECRET");
        request.setHeader("X-Auth-Token", "TOKENSECRET");
        request.setHeader("Content-Type", "application/json");
        request.body = R"({"name":"cache","password":"BODYSECRET"})";
        const auto result = wait(client.send(request, {}, {}));

        qInstallMessageHandler(previousHandler);
        QLoggingCategory::setFilterRules(QString());
        QVERIFY2(result.ok(), qPrintable(result.error().toString()));
        QCOMPARE(server.requestCount(), 2);
        // The secrets did go over the wire…
        QCOMPARE(server.received().at(0).header("X-Auth-Token"), QByteArray("TOKENSECRET"));

        QMutexLocker locker(&logMutex);
        QVERIFY(capturedLog.size() >= 4); // start and finish of two attempts
        const QString all = capturedLog.join(u'\n');
        QVERIFY2(all.contains(QLatin1String("/v5/secret-path-check")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("log-1")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("2/3")), qPrintable(all));
        // …but never into the log.
        for (const char *secret :
             {"SIGSECRET", "REGSECRET", "AUTHSECRET", "TOKENSECRET", "BODYSECRET"})
            QVERIFY2(!all.contains(QLatin1String(secret)), qPrintable(all));
    }

    void cancelAbortsTheCall()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setFallback(ScriptedServer::stall());
        ApiClient client;
        auto options = fastOptions();
        options.maxInFlightPerHost = 1;
        client.setOptions(options);
        QSignalSpy finished(&client, &ApiClient::callFinished);

        auto onWire = client.send(read(server.url(QStringLiteral("/1"))), {}, {});
        auto queued = client.send(read(server.url(QStringLiteral("/2"))), {}, {});
        QTRY_COMPARE_WITH_TIMEOUT(server.openRequests(), 1, WaitMs);

        // Cancelled while queued: it leaves the queue, so it is not sent when the slot frees.
        queued.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(queued.isFinished(), WaitMs);

        onWire.cancel(); // well before the 5 s transfer timeout
        QTRY_VERIFY_WITH_TIMEOUT(onWire.isFinished(), 2000);
        QVERIFY(onWire.isCanceled());
        QCOMPARE(client.requestsInFlight(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(server.openRequests(), 0, WaitMs); // connection dropped
        QCOMPARE(server.requestCount(), 1);                          // and nothing re-sent
        QCOMPARE(finished.size(), 2);
        QCOMPARE(finished.at(0).at(1).value<net::ApiError>().kind, Kind::Cancelled);
        QCOMPARE(finished.at(1).at(1).value<net::ApiError>().kind, Kind::Cancelled);
    }

    void destroyingClientFinishesPendingCalls()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setFallback(ScriptedServer::stall());
        QFuture<Result<HttpResponse>> future;
        {
            ApiClient client;
            client.setOptions(fastOptions());
            future = client.send(read(server.url()), {}, {});
            QTRY_COMPARE_WITH_TIMEOUT(server.requestCount(), 1, WaitMs);
        }
        QVERIFY(future.isFinished());
        QCOMPARE(future.result().error().kind, Kind::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
