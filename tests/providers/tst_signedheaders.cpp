// What each kind of signed request carries on the wire, against the header set the official SDK
// signs for it. The services send to a scripted loopback server, which records the request as
// it arrived; the expected sets are the SDKs':
// - Alibaba ACS3-HMAC-SHA256 (Tea OpenAPI getSignedHeaders): host, content-type and every
//   x-acs-* header, sorted; an RPC call without a body sends (and signs) no content-type.
// - Alibaba V1 (HMAC-SHA1): the signature covers the query; no header is signed, and a
//   body-less call sends no content-type either.
// - Huawei SDK-HMAC-SHA256 (Node AKSKSigner): every header the SDK sets, plus host.

#include "net/alibabasigner.h"
#include "net/apiclient.h"
#include "net/huaweisigner.h"
#include "providers/cacheservice.h"
#include "providers/connection.h"
#include "providers/servicefactory.h"
#include "scriptedserver.h"

#include <QFuture>
#include <QTest>
#include <QUuid>

#include <algorithm>

using faults::ScriptedServer;

namespace {

// Headers Qt's HTTP stack adds on its own: neither the SDKs nor we sign them.
bool isTransportHeader(const QByteArray &lowerName)
{
    return lowerName == "connection" || lowerName == "content-length"
           || lowerName == "accept-encoding" || lowerName == "accept-language"
           || lowerName == "user-agent";
}

QByteArray signedHeadersOf(const ScriptedServer::Received &request)
{
    const QByteArray authorization = request.header("Authorization");
    const qsizetype start = authorization.indexOf("SignedHeaders=");
    if (start < 0)
        return {};
    const qsizetype from = start + qsizetype(sizeof("SignedHeaders=") - 1);
    const qsizetype end = authorization.indexOf(',', from);
    return authorization.mid(from, end < 0 ? -1 : end - from);
}

QList<QByteArray> lowerNames(const ScriptedServer::Received &request)
{
    QList<QByteArray> names;
    for (const auto &header : request.headers)
        names.append(header.first.toLower());
    return names;
}

// The Alibaba SDK's rule applied to what arrived.
QByteArray alibabaSdkSignedHeaders(const ScriptedServer::Received &request)
{
    QList<QByteArray> names;
    for (const QByteArray &name : lowerNames(request)) {
        if ((name == "host" || name == "content-type" || name.startsWith("x-acs-"))
            && !names.contains(name))
            names.append(name);
    }
    std::sort(names.begin(), names.end());
    return names.join(';');
}

// The Huawei Node SDK's rule applied to what arrived (less what Qt adds by itself).
QByteArray huaweiSdkSignedHeaders(const ScriptedServer::Received &request)
{
    QList<QByteArray> names;
    for (const QByteArray &name : lowerNames(request)) {
        if (name != "authorization" && !isTransportHeader(name) && !names.contains(name))
            names.append(name);
    }
    std::sort(names.begin(), names.end());
    return names.join(';');
}

template<typename T>
T wait(QFuture<T> future)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 10000))
        return T();
    return future.result();
}

} // namespace

class TestSignedHeaders final : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void alibabaV3RpcWithoutBody();
    void alibabaV3WithFormBody();
    void alibabaV1();
    void huaweiWithBody();
    void huaweiWithoutBody();

private:
    providers::Connection alibaba(net::AlibabaSigner::Version version) const;
    providers::Connection huawei() const;

    std::unique_ptr<ScriptedServer> m_server;
    std::unique_ptr<net::ApiClient> m_client;
};

void TestSignedHeaders::init()
{
    m_server = std::make_unique<ScriptedServer>();
    QVERIFY(m_server->listen());
    m_client = std::make_unique<net::ApiClient>();
}

providers::Connection TestSignedHeaders::alibaba(net::AlibabaSigner::Version version) const
{
    providers::Connection c;
    c.provider = core::Provider::Alibaba;
    c.accountId = QStringLiteral("ali");
    c.region = QStringLiteral("cn-hangzhou");
    c.endpointOverride = m_server->url();
    c.accessKeyId = "testid";
    c.accessKeySecret = "testsecret";
    c.signatureVersion = version;
    return c;
}

providers::Connection TestSignedHeaders::huawei() const
{
    providers::Connection c;
    c.provider = core::Provider::Huawei;
    c.accountId = QStringLiteral("hw");
    c.region = QStringLiteral("cn-north-4");
    c.endpointOverride = m_server->url();
    c.accessKeyId = "HPUAEXAMPLEAK0000001";
    c.accessKeySecret = "example-secret";
    c.projectId = QStringLiteral("0123456789abcdef0123456789abcdef");
    return c;
}

void TestSignedHeaders::alibabaV3RpcWithoutBody()
{
    m_server->setFallback(ScriptedServer::json(200, R"({"RequestId":"r1","ImageCaches":[]})"));
    auto *service = providers::createCacheService(
        m_client.get(), alibaba(net::AlibabaSigner::Version::V3), m_client.get());
    QVERIFY(wait(service->list()).ok());
    QCOMPARE(m_server->requestCount(), 1);
    const auto &sent = m_server->received().constFirst();
    QCOMPARE(sent.method, QByteArray("POST"));
    QVERIFY(sent.body.isEmpty());
    // Nothing on the wire that the signature does not cover: no content-type at all.
    QVERIFY2(sent.header("Content-Type").isEmpty(), sent.header("Content-Type").constData());
    QCOMPARE(signedHeadersOf(sent), alibabaSdkSignedHeaders(sent));
    QCOMPARE(signedHeadersOf(sent),
             QByteArray("host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;"
                        "x-acs-version"));
}

void TestSignedHeaders::alibabaV3WithFormBody()
{
    // A form-body RPC call (the SDK's style for bodies): content-type is sent and signed.
    m_server->setFallback(ScriptedServer::json(200, R"({"RequestId":"r2"})"));
    net::HttpRequest request;
    request.method = "POST";
    request.url = m_server->url();
    request.operation = QStringLiteral("DescribeRegions");
    request.body = "RegionId=cn-hangzhou";
    request.setHeader("Content-Type", "application/x-www-form-urlencoded");
    const net::AlibabaSigner::Credentials credentials{"testid", "testsecret", {}};
    const auto signer = [credentials](net::HttpRequest &r) {
        net::AlibabaSigner::signV3(r, "DescribeRegions", "2018-08-08", {}, credentials,
                                   QDateTime::currentDateTimeUtc(),
                                   QUuid::createUuid().toByteArray(QUuid::Id128));
        return net::ApiError{};
    };
    QVERIFY(wait(m_client->send(request, signer, {})).ok());
    const auto &sent = m_server->received().constFirst();
    QCOMPARE(sent.header("Content-Type"), QByteArray("application/x-www-form-urlencoded"));
    QCOMPARE(signedHeadersOf(sent), alibabaSdkSignedHeaders(sent));
    QVERIFY(signedHeadersOf(sent).startsWith("content-type;host;"));
}

void TestSignedHeaders::alibabaV1()
{
    m_server->setFallback(ScriptedServer::json(200, R"({"RequestId":"r3","ImageCaches":[]})"));
    auto *service = providers::createCacheService(
        m_client.get(), alibaba(net::AlibabaSigner::Version::V1), m_client.get());
    QVERIFY(wait(service->list()).ok());
    const auto &sent = m_server->received().constFirst();
    QVERIFY(sent.header("Authorization").isEmpty());
    QVERIFY(sent.target.contains("SignatureVersion=1.0"));
    QVERIFY(sent.target.contains("&Signature="));
    QVERIFY2(sent.header("Content-Type").isEmpty(), sent.header("Content-Type").constData());
    QVERIFY(sent.body.isEmpty());
}

void TestSignedHeaders::huaweiWithBody()
{
    m_server->setFallback(ScriptedServer::json(
        201, R"({"image_cache":{"id":"c1","name":"web","status":"Creating"}})"));
    auto *service = providers::createCacheService(m_client.get(), huawei(), m_client.get());
    core::CacheSpec spec;
    spec.name = QStringLiteral("web");
    spec.images = {QStringLiteral("nginx:latest")};
    spec.cluster = QStringLiteral("8b3b4b2d-e39d-11ef-a9ac-0255ac100113");
    const auto created = wait(service->create(spec));
    QVERIFY2(created.ok(), qPrintable(created.error().toString()));
    const auto &sent = m_server->received().constFirst();
    QVERIFY(!sent.body.isEmpty());
    QCOMPARE(signedHeadersOf(sent), huaweiSdkSignedHeaders(sent));
    QCOMPARE(signedHeadersOf(sent), QByteArray("content-type;host;x-project-id;x-sdk-date"));
}

void TestSignedHeaders::huaweiWithoutBody()
{
    m_server->setFallback(ScriptedServer::json(202, QByteArray()));
    auto *service = providers::createCacheService(m_client.get(), huawei(), m_client.get());
    const auto removed = wait(service->remove(QStringLiteral("c271e39e")));
    QVERIFY2(removed.ok(), qPrintable(removed.error().toString()));
    const auto &sent = m_server->received().constFirst();
    QCOMPARE(sent.method, QByteArray("DELETE"));
    QCOMPARE(signedHeadersOf(sent), huaweiSdkSignedHeaders(sent));
    QCOMPARE(signedHeadersOf(sent), QByteArray("content-type;host;x-project-id;x-sdk-date"));
}

QTEST_GUILESS_MAIN(TestSignedHeaders)
#include "tst_signedheaders.moc"
