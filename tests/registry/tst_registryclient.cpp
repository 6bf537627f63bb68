#include "localregistry.h"
#include "scriptedserver.h"

#include "registry/registryclient.h"
#include "registry/registryerrors.h"

#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace registry;
using faults::ScriptedServer;
using registrytest::LocalRegistry;
using registrytest::PushedImage;
using registrytest::Pusher;

namespace {

template<typename T>
net::Result<T> await(QFuture<net::Result<T>> future)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 30000))
        return net::Result<T>();
    return future.resultCount() > 0 ? future.result() : net::Result<T>();
}

RegistryReference ref(const QString &text)
{
    return RegistryReference::parse(text).value();
}

ScriptedServer::Behaviour respond(int status, const QByteArray &body, faults::Headers headers)
{
    ScriptedServer::Behaviour behaviour;
    behaviour.status = status;
    behaviour.body = body;
    behaviour.headers = std::move(headers);
    return behaviour;
}

} // namespace

// Against a real distribution 2.8 (Debian's docker-registry) started on loopback by the test,
// and loopback fakes for what a local registry cannot show (token server, redirects to object
// storage, rate limits, TLS failures).
class TestRegistryClient final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void singleImageSizesAndDigests();
    void indexPlatformChoice();
    void unknownImageAndTag();
    void movedTagChangesDigest();
    void basicAuth();
    void bearerFlowAndCrossHostRedirect();
    void rangesIgnoredGiveLabelledEstimate();
    void rateLimitedDeniedAndTls();

private:
    RegistryClient *newClient();

    LocalRegistry m_open;
    LocalRegistry m_locked;
    PushedImage m_single;
    PushedImage m_amd64;
    PushedImage m_arm64;
    QString m_indexDigest;
    net::ApiClient *m_transport = nullptr;
};

void TestRegistryClient::initTestCase()
{
    if (LocalRegistry::binary().isEmpty())
        QSKIP("docker-registry is not installed (scripts/install-deps.sh installs it)");
    QVERIFY2(m_open.start(), qPrintable(m_open.errorString()));
    QVERIFY2(m_locked.start(QStringLiteral("puller"), QStringLiteral("s3cret-pass")),
             qPrintable(m_locked.errorString()));

    Pusher pusher(m_open.url());
    m_single = pusher.pushImage(QStringLiteral("demo/single"), QStringLiteral("1.0"), 1, 3);
    QVERIFY2(!m_single.manifestDigest.isEmpty(), qPrintable(pusher.error()));
    m_amd64 = pusher.pushImage(QStringLiteral("demo/multi"), {}, 2, 2, QStringLiteral("linux"),
                               QStringLiteral("amd64"), {}, true);
    m_arm64 = pusher.pushImage(QStringLiteral("demo/multi"), {}, 3, 4, QStringLiteral("linux"),
                               QStringLiteral("arm64"), QStringLiteral("v8"), true);
    QVERIFY2(!m_amd64.manifestDigest.isEmpty() && !m_arm64.manifestDigest.isEmpty(),
             qPrintable(pusher.error()));
    m_indexDigest = pusher.pushIndex(
        QStringLiteral("demo/multi"), QStringLiteral("latest"),
        {{m_arm64, QJsonObject{{"os", "linux"}, {"architecture", "arm64"}, {"variant", "v8"}}},
         {m_amd64, QJsonObject{{"os", "linux"}, {"architecture", "amd64"}}}});
    QVERIFY2(!m_indexDigest.isEmpty(), qPrintable(pusher.error()));

    Pusher lockedPusher(m_locked.url(), m_locked.authorization());
    QVERIFY2(!lockedPusher.pushImage(QStringLiteral("team/private"), QStringLiteral("v1"), 4, 1)
                  .manifestDigest.isEmpty(),
             qPrintable(lockedPusher.error()));

    m_transport = new net::ApiClient(this);
    net::ApiClientOptions options;
    options.maxAttempts = 1; // error kinds are checked as the first answer gives them
    m_transport->setOptions(options);
}

void TestRegistryClient::cleanupTestCase()
{
    m_open.stop();
    m_locked.stop();
}

RegistryClient *TestRegistryClient::newClient()
{
    return new RegistryClient(m_transport, this);
}

void TestRegistryClient::singleImageSizesAndDigests()
{
    RegistryClient *client = newClient();
    const auto result
        = await(client->inspect(ref(m_open.domain() + QStringLiteral("/demo/single:1.0"))));
    QVERIFY2(result.ok(), qPrintable(result.error().toString()));
    const ImageDetails &image = result.value();
    QCOMPARE(image.digest, m_single.manifestDigest);
    QCOMPARE(image.configDigest, m_single.configDigest);
    QCOMPARE(image.platform.toString(), QStringLiteral("linux/amd64"));
    QCOMPARE(image.created, QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC));
    QCOMPARE(image.layers.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(image.layers[i].digest, m_single.layers[i].digest);
        QCOMPARE(image.layers[i].compressedSize, m_single.layers[i].compressedSize);
        QCOMPARE(image.layers[i].uncompressedSize, m_single.layers[i].uncompressedSize);
        QVERIFY(!image.layers[i].uncompressedEstimated);
        QCOMPARE(image.layers[i].diffId, m_single.layers[i].diffId);
        QCOMPARE(image.layers[i].createdBy, m_single.layers[i].createdBy); // empty_layer skipped
    }
    QCOMPARE(image.compressedSize(), m_single.compressedTotal());
    QCOMPARE(image.uncompressedSize(), m_single.uncompressedTotal());
    QVERIFY(!image.uncompressedEstimated());
    // One manifest, one config, one ranged read per layer; nothing else.
    QCOMPARE(client->requestCounts().manifests, 1);
    QCOMPARE(client->requestCounts().configs, 1);
    QCOMPARE(client->requestCounts().rangedReads, 3);
    QCOMPARE(client->requestCounts().total(), 5);

    // By digest, the same image.
    const auto byDigest = await(client->inspect(
        ref(m_open.domain() + QStringLiteral("/demo/single@") + m_single.manifestDigest)));
    QVERIFY2(byDigest.ok(), qPrintable(byDigest.error().toString()));
    QCOMPARE(byDigest.value().digest, m_single.manifestDigest);
    QVERIFY(byDigest.value().tag.isEmpty());
    QVERIFY(await(client->ping(ref(m_open.domain() + QStringLiteral("/demo/single")))).ok());
}

void TestRegistryClient::indexPlatformChoice()
{
    RegistryClient *client = newClient();
    const RegistryReference multi = ref(m_open.domain() + QStringLiteral("/demo/multi"));
    const auto amd = await(client->inspect(multi));
    QVERIFY2(amd.ok(), qPrintable(amd.error().toString()));
    QCOMPARE(amd.value().indexDigest, m_indexDigest);
    QCOMPARE(amd.value().digest, m_amd64.manifestDigest);
    QCOMPARE(amd.value().platform.architecture, QStringLiteral("amd64"));
    QCOMPARE(amd.value().layers.size(), 2);
    QCOMPARE(amd.value().compressedSize(), m_amd64.compressedTotal());
    QCOMPARE(amd.value().uncompressedSize(), m_amd64.uncompressedTotal());
    QCOMPARE(amd.value().platforms,
             (QStringList{QStringLiteral("linux/arm64/v8"), QStringLiteral("linux/amd64")}));

    const auto arm = await(client->inspect(multi, Platform::parse("linux/arm64").value()));
    QVERIFY2(arm.ok(), qPrintable(arm.error().toString()));
    QCOMPARE(arm.value().digest, m_arm64.manifestDigest);
    QCOMPARE(arm.value().platform.toString(), QStringLiteral("linux/arm64/v8"));
    QCOMPARE(arm.value().uncompressedSize(), m_arm64.uncompressedTotal());

    const auto missing = await(client->inspect(multi, Platform::parse("linux/s390x").value()));
    QVERIFY(!missing.ok());
    QCOMPARE(RegistryErrors::kindOf(missing.error()), ErrorKind::PlatformMissing);
    QVERIFY2(missing.error().message.contains(QLatin1String("linux/arm64/v8")),
             qPrintable(missing.error().message));
}

void TestRegistryClient::unknownImageAndTag()
{
    RegistryClient *client = newClient();
    const auto noImage
        = await(client->inspect(ref(m_open.domain() + QStringLiteral("/demo/nothing:1"))));
    QVERIFY(!noImage.ok());
    QCOMPARE(RegistryErrors::kindOf(noImage.error()), ErrorKind::UnknownImage);
    QCOMPARE(noImage.error().code, QStringLiteral("NAME_UNKNOWN"));
    QCOMPARE(noImage.error().httpStatus, 404);
    QVERIFY(!noImage.error().message.isEmpty()); // the registry's own words

    const auto noTag
        = await(client->inspect(ref(m_open.domain() + QStringLiteral("/demo/single:9.9"))));
    QVERIFY(!noTag.ok());
    QCOMPARE(RegistryErrors::kindOf(noTag.error()), ErrorKind::UnknownTag);
    QCOMPARE(noTag.error().code, QStringLiteral("MANIFEST_UNKNOWN"));

    const auto headMissing
        = await(client->resolveDigest(ref(m_open.domain() + QStringLiteral("/demo/single:9.9"))));
    QCOMPARE(RegistryErrors::kindOf(headMissing.error()), ErrorKind::UnknownTag);
}

void TestRegistryClient::movedTagChangesDigest()
{
    Pusher pusher(m_open.url());
    const PushedImage first
        = pusher.pushImage(QStringLiteral("demo/moving"), QStringLiteral("stable"), 5, 1);
    QVERIFY2(!first.manifestDigest.isEmpty(), qPrintable(pusher.error()));
    RegistryClient *client = newClient();
    const RegistryReference moving = ref(m_open.domain() + QStringLiteral("/demo/moving:stable"));
    const auto before = await(client->resolveDigest(moving));
    QVERIFY2(before.ok(), qPrintable(before.error().toString()));
    QCOMPARE(before.value(), first.manifestDigest);

    const PushedImage second
        = pusher.pushImage(QStringLiteral("demo/moving"), QStringLiteral("stable"), 6, 2);
    QVERIFY2(!second.manifestDigest.isEmpty(), qPrintable(pusher.error()));
    const auto after = await(client->resolveDigest(moving));
    QVERIFY(after.ok());
    QCOMPARE(after.value(), second.manifestDigest);
    QVERIFY(after.value() != before.value());
    QCOMPARE(client->requestCounts().manifests, 2); // HEAD only
}

void TestRegistryClient::basicAuth()
{
    const RegistryReference locked = ref(m_locked.domain() + QStringLiteral("/team/private:v1"));
    RegistryClient *anonymous = newClient();
    const auto refused = await(anonymous->inspect(locked));
    QVERIFY(!refused.ok());
    QCOMPARE(RegistryErrors::kindOf(refused.error()), ErrorKind::Unauthorized);

    RegistryClient *wrong = newClient();
    wrong->setCredentials(m_locked.domain(), {QStringLiteral("puller"), QStringLiteral("nope")});
    const auto wrongResult = await(wrong->inspect(locked));
    QCOMPARE(RegistryErrors::kindOf(wrongResult.error()), ErrorKind::Unauthorized);
    QVERIFY(!wrongResult.error().toString().contains(QLatin1String("nope")));

    RegistryClient *right = newClient();
    right->setCredentials(m_locked.domain(),
                          {QStringLiteral("puller"), QStringLiteral("s3cret-pass")});
    const auto ok = await(right->inspect(locked));
    QVERIFY2(ok.ok(), qPrintable(ok.error().toString()));
    QCOMPARE(ok.value().layers.size(), 1);
    QVERIFY(!ok.value().uncompressedEstimated());
}

void TestRegistryClient::bearerFlowAndCrossHostRedirect()
{
    ScriptedServer registryServer;
    ScriptedServer tokenServer;
    ScriptedServer storage; // another host:port, as object storage is
    QVERIFY(registryServer.listen() && tokenServer.listen() && storage.listen());

    const QByteArray layerBlob = registrytest::gzip(registrytest::layerContent(9, 50000));
    const QByteArray config
        = R"({"os":"linux","architecture":"amd64","rootfs":{"diff_ids":[]},"history":[{"created_by":"COPY app /app"}]})";
    const QString configDigest = registrytest::sha256(config);
    const QString layerDigest = registrytest::sha256(layerBlob);
    const QByteArray manifest
        = QStringLiteral(
              R"({"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json","config":{"mediaType":"application/vnd.docker.container.image.v1+json","size":%1,"digest":"%2"},"layers":[{"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","size":%3,"digest":"%4"}]})")
              .arg(config.size())
              .arg(configDigest)
              .arg(layerBlob.size())
              .arg(layerDigest)
              .toUtf8();
    const QByteArray challenge
        = QStringLiteral(
              R"(Bearer realm="%1",service="test-registry",scope="repository:team/app:pull")")
              .arg(tokenServer.url(QStringLiteral("/token")).toString())
              .toUtf8();
    registryServer.enqueue(
        respond(401, R"({"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]})",
                {{"WWW-Authenticate", challenge}, {"Content-Type", "application/json"}}));
    registryServer.enqueue(respond(
        200, manifest, {{"Content-Type", "application/vnd.docker.distribution.manifest.v2+json"}}));
    registryServer.enqueue(
        respond(307, {},
                {{"Location",
                  storage.url(QStringLiteral("/bucket/config?X-Amz-Signature=abc")).toEncoded()}}));
    registryServer.enqueue(
        respond(307, {},
                {{"Location",
                  storage.url(QStringLiteral("/bucket/layer?X-Amz-Signature=def")).toEncoded()}}));
    tokenServer.enqueue(
        ScriptedServer::json(200, R"({"access_token":"tok-123","expires_in":300})"));
    storage.enqueue(respond(200, config, {{"Content-Type", "application/octet-stream"}}));
    storage.enqueue(respond(206, layerBlob.right(4),
                            {{"Content-Range", QStringLiteral("bytes %1-%2/%3")
                                                   .arg(layerBlob.size() - 4)
                                                   .arg(layerBlob.size() - 1)
                                                   .arg(layerBlob.size())
                                                   .toLatin1()}}));

    RegistryClient *client = newClient();
    RegistryReference reference
        = ref(registryServer.url().authority() + QStringLiteral("/team/app:1"));
    client->setCredentials(reference.domain, {QStringLiteral("robot"), QStringLiteral("pw")});
    const auto result = await(client->inspect(reference));
    QVERIFY2(result.ok(), qPrintable(result.error().toString()));
    QCOMPARE(result.value().layers.size(), 1);
    QCOMPARE(result.value().layers[0].uncompressedSize, 50000);
    QCOMPARE(result.value().layers[0].createdBy, QStringLiteral("COPY app /app"));

    // The token endpoint got the login and the challenge's service and scope.
    QCOMPARE(tokenServer.requestCount(), 1);
    const auto &tokenRequest = tokenServer.received().first();
    QCOMPARE(tokenRequest.header("Authorization"), "Basic " + QByteArray("robot:pw").toBase64());
    QVERIFY(tokenRequest.target.contains("service=test-registry"));
    QVERIFY(tokenRequest.target.contains("scope=repository%3Ateam%2Fapp%3Apull")
            || tokenRequest.target.contains("scope=repository:team/app:pull"));
    // The registry got the token after the challenge ...
    QCOMPARE(registryServer.requestCount(), 4);
    QVERIFY(registryServer.received()[0].header("Authorization").isEmpty());
    for (int i = 1; i < 4; ++i)
        QCOMPARE(registryServer.received()[i].header("Authorization"),
                 QByteArray("Bearer tok-123"));
    QCOMPARE(registryServer.received()[3].header("Range"), QStringLiteral("bytes=%1-%2")
                                                               .arg(layerBlob.size() - 4)
                                                               .arg(layerBlob.size() - 1)
                                                               .toLatin1());
    // ... and the redirect host never did.
    QCOMPARE(storage.requestCount(), 2);
    for (const auto &request : storage.received())
        QVERIFY2(request.header("Authorization").isEmpty(), request.target.constData());
    QVERIFY(storage.received()[1].header("Range").startsWith("bytes="));
    QCOMPARE(client->requestCounts().tokens, 1);
    QCOMPARE(client->requestCounts().redirects, 2);
}

void TestRegistryClient::rangesIgnoredGiveLabelledEstimate()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    const QByteArray config = R"({"os":"linux","architecture":"amd64"})";
    const QByteArray layerBlob = registrytest::gzip(registrytest::layerContent(11, 40000));
    const QByteArray manifest
        = QStringLiteral(
              R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","size":%1,"digest":"%2"},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","size":%3,"digest":"%4"}]})")
              .arg(config.size())
              .arg(registrytest::sha256(config))
              .arg(layerBlob.size())
              .arg(registrytest::sha256(layerBlob))
              .toUtf8();
    server.enqueue(respond(200, manifest, {}));
    server.enqueue(respond(200, config, {}));
    server.enqueue(respond(200, layerBlob, {})); // Range ignored: the whole blob
    RegistryClient *client = newClient();
    const auto result
        = await(client->inspect(ref(server.url().authority() + QStringLiteral("/x/y"))));
    QVERIFY2(result.ok(), qPrintable(result.error().toString()));
    const LayerDetails &layer = result.value().layers.first();
    QVERIFY(layer.uncompressedEstimated);
    QVERIFY(result.value().uncompressedEstimated());
    QCOMPARE(layer.uncompressedSize,
             qint64(layer.compressedSize * ImageDetails::EstimatedGzipRatio));
}

void TestRegistryClient::rateLimitedDeniedAndTls()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.enqueue(respond(
        429,
        R"({"errors":[{"code":"TOOMANYREQUESTS","message":"You have reached your pull rate limit."}]})",
        {{"Retry-After", "7"}, {"Content-Type", "application/json"}}));
    server.enqueue(respond(
        403,
        R"({"errors":[{"code":"DENIED","message":"requested access to the resource is denied"}]})",
        {{"Content-Type", "application/json"}}));
    RegistryClient *client = newClient();
    const RegistryReference reference = ref(server.url().authority() + QStringLiteral("/x/y:1"));
    const auto limited = await(client->inspect(reference));
    QCOMPARE(RegistryErrors::kindOf(limited.error()), ErrorKind::RateLimited);
    QCOMPARE(limited.error().code, QStringLiteral("TOOMANYREQUESTS"));
    QCOMPARE(limited.error().message, QStringLiteral("You have reached your pull rate limit."));
    QCOMPARE(limited.error().retryAfterMs, 7000);
    const auto denied = await(client->inspect(reference));
    QCOMPARE(RegistryErrors::kindOf(denied.error()), ErrorKind::Denied);
    QCOMPARE(denied.error().code, QStringLiteral("DENIED"));

    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    // A server that is not TLS: the handshake fails.
    QTcpServer plain;
    QVERIFY(plain.listen(QHostAddress::LocalHost));
    connect(&plain, &QTcpServer::newConnection, &plain, [&plain] {
        QTcpSocket *socket = plain.nextPendingConnection();
        socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
        socket->disconnectFromHost();
    });
    RegistryReference tls = ref(QStringLiteral("127.0.0.1:%1/x/y").arg(plain.serverPort()));
    tls.useTls = true;
    const auto tlsResult = await(client->inspect(tls));
    QVERIFY(!tlsResult.ok());
    QCOMPARE(RegistryErrors::kindOf(tlsResult.error()), ErrorKind::Tls);
}

QTEST_GUILESS_MAIN(TestRegistryClient)
#include "tst_registryclient.moc"
