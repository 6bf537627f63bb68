#include "registry/authchallenge.h"
#include "registry/imagedetails.h"
#include "registry/manifestparser.h"
#include "registry/platform.h"
#include "registry/registryerrors.h"
#include "registry/registryreference.h"

#include <QtTest>

using namespace registry;

class TestRegistryParsing final : public QObject
{
    Q_OBJECT
private slots:
    void references_data();
    void references();
    void malformedReferences_data();
    void malformedReferences();
    void platforms();
    void challenges();
    void errorBodies();
    void indexSkipsAttestations();
    void sizesFromGzipTrailers_data();
    void sizesFromGzipTrailers();
    void hostileSizesSaturate();
};

void TestRegistryParsing::references_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("repository");
    QTest::addColumn<QString>("manifestReference");
    const QString digest = QStringLiteral("sha256:") + QString(64, u'a');
    QTest::newRow("official") << "nginx"
                              << "https://registry-1.docker.io"
                              << "library/nginx"
                              << "latest";
    QTest::newRow("tag") << "nginx:1.27"
                         << "https://registry-1.docker.io"
                         << "library/nginx"
                         << "1.27";
    QTest::newRow("user repo") << "bitnami/redis:7"
                               << "https://registry-1.docker.io"
                               << "bitnami/redis"
                               << "7";
    QTest::newRow("host:port") << "127.0.0.1:5000/team/app:v2"
                               << "http://127.0.0.1:5000"
                               << "team/app"
                               << "v2";
    QTest::newRow("private host") << "swr.cn-north-4.myhuaweicloud.com/ns/app"
                                  << "https://swr.cn-north-4.myhuaweicloud.com"
                                  << "ns/app"
                                  << "latest";
    QTest::newRow("digest wins") << QStringLiteral("quay.io/a/b:1@") + digest << "https://quay.io"
                                 << "a/b" << digest;
}

void TestRegistryParsing::references()
{
    QFETCH(QString, input);
    QFETCH(QString, url);
    QFETCH(QString, repository);
    QFETCH(QString, manifestReference);
    const auto parsed = RegistryReference::parse(input);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error().message));
    QCOMPARE(parsed.value().baseUrl().toString(), url);
    QCOMPARE(parsed.value().repository, repository);
    QCOMPARE(parsed.value().manifestReference(), manifestReference);
}

void TestRegistryParsing::malformedReferences_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("empty") << "";
    QTest::newRow("uppercase") << "Nginx:1";
    QTest::newRow("bad tag") << "nginx:-x";
    QTest::newRow("short digest") << "nginx@sha256:abc";
    QTest::newRow("spaces") << "ngi nx";
}

void TestRegistryParsing::malformedReferences()
{
    QFETCH(QString, input);
    const auto parsed = RegistryReference::parse(input);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().kind, net::ApiError::Kind::Validation);
    QCOMPARE(RegistryErrors::kindOf(parsed.error()), ErrorKind::InvalidReference);
    QVERIFY(parsed.error().message.startsWith(QLatin1String("Malformed image reference")));
}

void TestRegistryParsing::platforms()
{
    const auto arm = Platform::parse(QStringLiteral("linux/arm64/v8"));
    QVERIFY(arm.ok());
    QCOMPARE(arm.value().variant, QStringLiteral("v8"));
    QCOMPARE(Platform().toString(), QStringLiteral("linux/amd64"));
    Platform candidate{QStringLiteral("linux"), QStringLiteral("arm64"), QStringLiteral("v8")};
    QVERIFY(Platform::parse(QStringLiteral("linux/arm64")).value().matches(candidate));
    QVERIFY(!Platform::parse(QStringLiteral("linux/arm64/v9")).value().matches(candidate));
    QVERIFY(!Platform::parse(QStringLiteral("linux")).ok());
    QVERIFY(!Platform::parse(QStringLiteral("linux/amd64/v1/x")).ok());
}

void TestRegistryParsing::challenges()
{
    const auto bearer = AuthChallenge::parse(
        R"(Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull")");
    QCOMPARE(bearer.scheme, AuthChallenge::Scheme::Bearer);
    QCOMPARE(bearer.parameter("realm"), QStringLiteral("https://auth.docker.io/token"));
    QCOMPARE(bearer.parameter("service"), QStringLiteral("registry.docker.io"));
    QCOMPARE(bearer.parameter("scope"), QStringLiteral("repository:library/nginx:pull"));
    const auto basic = AuthChallenge::parse(R"(Basic realm="test \"realm\"")");
    QCOMPARE(basic.scheme, AuthChallenge::Scheme::Basic);
    QCOMPARE(basic.parameter("realm"), QStringLiteral("test \"realm\""));
    QCOMPARE(AuthChallenge::parse("Negotiate").scheme, AuthChallenge::Scheme::None);
}

void TestRegistryParsing::errorBodies()
{
    net::HttpResponse response;
    response.status = 429;
    response.headers = {{"Retry-After", "30"}};
    response.body
        = R"({"errors":[{"code":"TOOMANYREQUESTS","message":"You have reached your pull rate limit."}]})";
    const auto error = RegistryErrors::decode(response);
    QCOMPARE(error.code, QStringLiteral("TOOMANYREQUESTS"));
    QCOMPARE(error.message, QStringLiteral("You have reached your pull rate limit."));
    QCOMPARE(error.retryAfterMs, 30000);
    QCOMPARE(RegistryErrors::kindOf(error), ErrorKind::RateLimited);

    response = {};
    response.status = 404;
    response.body
        = R"({"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry","detail":{"name":"x"}}]})";
    QCOMPARE(RegistryErrors::kindOf(RegistryErrors::decode(response)), ErrorKind::UnknownImage);
    response.status = 403;
    response.body
        = R"({"errors":[{"code":"DENIED","message":"requested access to the resource is denied"}]})";
    QCOMPARE(RegistryErrors::kindOf(RegistryErrors::decode(response)), ErrorKind::Denied);
}

void TestRegistryParsing::indexSkipsAttestations()
{
    const QByteArray index
        = R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[
      {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:1111111111111111111111111111111111111111111111111111111111111111","size":10,"platform":{"os":"unknown","architecture":"unknown"}},
      {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:2222222222222222222222222222222222222222222222222222222222222222","size":10,"platform":{"os":"linux","architecture":"amd64"}}]})";
    const auto parsed = ManifestParser::parseManifest(index, {});
    QVERIFY(parsed.ok());
    QVERIFY(parsed.value().isIndex);
    QCOMPARE(parsed.value().platforms(), QStringList{QStringLiteral("linux/amd64")});
    QVERIFY(parsed.value().entryFor(Platform())->digest.startsWith(QLatin1String("sha256:2222")));
    QVERIFY(!ManifestParser::parseManifest("{\"schemaVersion\":1}", {}).ok());
    QVERIFY(!ManifestParser::parseManifest("not json", {}).ok());
}

namespace {
QByteArray littleEndian(quint32 value)
{
    QByteArray bytes(4, '\0');
    for (int i = 0; i < 4; ++i)
        bytes[i] = char((value >> (8 * i)) & 0xff);
    return bytes;
}
} // namespace

void TestRegistryParsing::sizesFromGzipTrailers_data()
{
    QTest::addColumn<QByteArray>("trailer");
    QTest::addColumn<qint64>("compressed");
    QTest::addColumn<qint64>("uncompressed");
    constexpr qint64 GiB = qint64(1) << 30;
    QTest::newRow("small layer") << littleEndian(7340032) << qint64(2936012) << qint64(7340032);
    // ISIZE is the size mod 2^32: a 6 GiB layer compressed to 3 GiB reads as 2 GiB.
    QTest::newRow("wraps once") << littleEndian(quint32(2 * GiB)) << 3 * GiB << 6 * GiB;
    QTest::newRow("wraps twice") << littleEndian(quint32(GiB)) << 7 * GiB << 9 * GiB;
    // Incompressible data: gzip adds its framing, the size stays just below the compressed one.
    QTest::newRow("incompressible")
        << littleEndian(104857600) << qint64(104857600 + 1618) << qint64(104857600);
    QTest::newRow("not 4 bytes") << QByteArray("abc") << qint64(100) << qint64(-1);
}

void TestRegistryParsing::sizesFromGzipTrailers()
{
    QFETCH(QByteArray, trailer);
    QFETCH(qint64, compressed);
    QFETCH(qint64, uncompressed);
    QCOMPARE(ImageDetails::sizeFromGzipTrailer(trailer, compressed), uncompressed);
}

// The sizes a manifest states reach the totals and the estimate unchecked: they saturate
// instead of overflowing (undefined behaviour; found while writing fuzz_registry).
void TestRegistryParsing::hostileSizesSaturate()
{
    constexpr qint64 Max = std::numeric_limits<qint64>::max();
    // A manifest may claim any size: no loop of 2^31 wraps, no overflow, the trailer's residue.
    const qint64 wrapped = ImageDetails::sizeFromGzipTrailer(littleEndian(0xffffffff), Max);
    QVERIFY(wrapped >= Max - Max / 4096 - 65536);
    QCOMPARE(wrapped % (qint64(1) << 32), qint64(0xffffffff));
    QCOMPARE(ImageDetails::estimatedUncompressedSize(1000), qint64(2500));
    QCOMPARE(ImageDetails::estimatedUncompressedSize(Max / 2), Max);
    QCOMPARE(ImageDetails::estimatedUncompressedSize(-5), qint64(0));
    ImageDetails details;
    details.configSize = 10;
    for (int i = 0; i < 3; ++i) {
        LayerDetails layer;
        layer.compressedSize = Max / 2;
        layer.uncompressedSize = Max / 2;
        details.layers.append(layer);
    }
    QCOMPARE(details.compressedSize(), Max);
    QCOMPARE(details.uncompressedSize(), Max);
    details.layers.resize(1);
    QCOMPARE(details.compressedSize(), Max / 2 + 10);
}

QTEST_GUILESS_MAIN(TestRegistryParsing)
#include "tst_registryparsing.moc"
