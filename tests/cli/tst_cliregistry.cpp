#include "localregistry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using registrytest::LocalRegistry;
using registrytest::PushedImage;
using registrytest::Pusher;

// `imagecache registry inspect` as a user runs it, against a real docker-registry on loopback.
class TestCliRegistry final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void inspectText();
    void inspectJson();
    void platformChoice();
    void errorsAndExitCodes();
    void basicLoginFromTheEnvironment();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run run(const QStringList &arguments, const QProcessEnvironment &extra = {});

    QTemporaryDir m_storeDir;
    LocalRegistry m_open;
    LocalRegistry m_locked;
    PushedImage m_image;
    PushedImage m_arm64;
};

void TestCliRegistry::initTestCase()
{
    if (LocalRegistry::binary().isEmpty())
        QSKIP("docker-registry is not installed (scripts/install-deps.sh installs it)");
    QVERIFY2(m_open.start(), qPrintable(m_open.errorString()));
    QVERIFY2(m_locked.start(QStringLiteral("ci"), QStringLiteral("pull-pass-42")),
             qPrintable(m_locked.errorString()));
    Pusher pusher(m_open.url());
    m_image = pusher.pushImage(QStringLiteral("shop/web"), QStringLiteral("2.1"), 21, 3);
    QVERIFY2(!m_image.manifestDigest.isEmpty(), qPrintable(pusher.error()));
    const PushedImage amd64
        = pusher.pushImage(QStringLiteral("shop/multi"), {}, 22, 1, QStringLiteral("linux"),
                           QStringLiteral("amd64"), {}, true);
    m_arm64 = pusher.pushImage(QStringLiteral("shop/multi"), {}, 23, 2, QStringLiteral("linux"),
                               QStringLiteral("arm64"), {}, true);
    QVERIFY(!pusher
                 .pushIndex(QStringLiteral("shop/multi"), QStringLiteral("1"),
                            {{amd64, QJsonObject{{"os", "linux"}, {"architecture", "amd64"}}},
                             {m_arm64, QJsonObject{{"os", "linux"}, {"architecture", "arm64"}}}})
                 .isEmpty());
    Pusher locked(m_locked.url(), m_locked.authorization());
    QVERIFY2(!locked.pushImage(QStringLiteral("team/secret"), QStringLiteral("v1"), 24, 1)
                  .manifestDigest.isEmpty(),
             qPrintable(locked.error()));
}

TestCliRegistry::Run TestCliRegistry::run(const QStringList &arguments,
                                          const QProcessEnvironment &extra)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("IMAGECACHE_REGISTRY_USER"));
    env.remove(QStringLiteral("IMAGECACHE_REGISTRY_PASSWORD"));
    env.insert(QStringLiteral("IMAGECACHE_STORE"), m_storeDir.filePath(QStringLiteral("s.db")));
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=/nonexistent/imagecache-test-bus"));
    env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    for (const QString &key : extra.keys())
        env.insert(key, extra.value(key));
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(IMAGECACHE_CLI_PATH), arguments);
    Run r;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished(5000);
        return r;
    }
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = process.readAllStandardOutput();
    r.err = process.readAllStandardError();
    return r;
}

void TestCliRegistry::inspectText()
{
    const Run r = run({QStringLiteral("registry"), QStringLiteral("inspect"),
                       m_open.domain() + QStringLiteral("/shop/web:2.1")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains(m_image.manifestDigest.toLatin1()));
    QVERIFY(r.out.contains("linux/amd64"));
    for (const auto &layer : m_image.layers) {
        QVERIFY(r.out.contains(layer.digest.mid(7, 12).toLatin1()));
        QVERIFY(r.out.contains(layer.createdBy.toUtf8()));
    }
    QVERIFY(!r.out.contains("estimate"));
}

void TestCliRegistry::inspectJson()
{
    const Run r
        = run({QStringLiteral("--json"), QStringLiteral("registry"), QStringLiteral("inspect"),
               m_open.domain() + QStringLiteral("/shop/web:2.1")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject object = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(object.value("digest").toString(), m_image.manifestDigest);
    QCOMPARE(object.value("os").toString(), QStringLiteral("linux"));
    QCOMPARE(object.value("architecture").toString(), QStringLiteral("amd64"));
    QCOMPARE(object.value("compressedSize").toInteger(), m_image.compressedTotal());
    QCOMPARE(object.value("uncompressedSize").toInteger(), m_image.uncompressedTotal());
    QCOMPARE(object.value("uncompressedEstimated").toBool(true), false);
    const QJsonArray layers = object.value("layers").toArray();
    QCOMPARE(layers.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(layers[i].toObject().value("digest").toString(), m_image.layers[i].digest);
        QCOMPARE(layers[i].toObject().value("uncompressedSize").toInteger(),
                 m_image.layers[i].uncompressedSize);
        QCOMPARE(layers[i].toObject().value("compressedSize").toInteger(),
                 m_image.layers[i].compressedSize);
    }
}

void TestCliRegistry::platformChoice()
{
    const Run r = run({QStringLiteral("--json"), QStringLiteral("registry"),
                       QStringLiteral("inspect"), m_open.domain() + QStringLiteral("/shop/multi:1"),
                       QStringLiteral("--platform"), QStringLiteral("linux/arm64")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject object = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(object.value("digest").toString(), m_arm64.manifestDigest);
    QCOMPARE(object.value("platform").toString(), QStringLiteral("linux/arm64"));

    const Run missing = run({QStringLiteral("registry"), QStringLiteral("inspect"),
                             m_open.domain() + QStringLiteral("/shop/multi:1"),
                             QStringLiteral("--platform=windows/amd64")});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains("PLATFORM_UNKNOWN"), missing.err.constData());
}

void TestCliRegistry::errorsAndExitCodes()
{
    const Run unknown = run({QStringLiteral("registry"), QStringLiteral("inspect"),
                             m_open.domain() + QStringLiteral("/shop/nope:1")});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains("NAME_UNKNOWN"), unknown.err.constData());
    const Run noTag = run({QStringLiteral("registry"), QStringLiteral("inspect"),
                           m_open.domain() + QStringLiteral("/shop/web:9")});
    QCOMPARE(noTag.exitCode, 1);
    QVERIFY2(noTag.err.contains("MANIFEST_UNKNOWN"), noTag.err.constData());
    const Run malformed
        = run({QStringLiteral("registry"), QStringLiteral("inspect"), QStringLiteral("Bad//Ref")});
    QCOMPARE(malformed.exitCode, 2);
    QVERIFY2(malformed.err.contains("Malformed image reference"), malformed.err.constData());
    const Run badPlatform
        = run({QStringLiteral("registry"), QStringLiteral("inspect"), QStringLiteral("nginx"),
               QStringLiteral("--platform"), QStringLiteral("amd64")});
    QCOMPARE(badPlatform.exitCode, 2);
    const Run noImage = run({QStringLiteral("registry"), QStringLiteral("inspect")});
    QCOMPARE(noImage.exitCode, 2);
}

void TestCliRegistry::basicLoginFromTheEnvironment()
{
    const QStringList arguments = {QStringLiteral("registry"), QStringLiteral("inspect"),
                                   m_locked.domain() + QStringLiteral("/team/secret:v1")};
    const Run anonymous = run(arguments);
    QCOMPARE(anonymous.exitCode, 1);
    QVERIFY2(anonymous.err.contains("UNAUTHORIZED"), anonymous.err.constData());

    QProcessEnvironment login;
    login.insert(QStringLiteral("IMAGECACHE_REGISTRY_USER"), QStringLiteral("ci"));
    login.insert(QStringLiteral("IMAGECACHE_REGISTRY_PASSWORD"), QStringLiteral("pull-pass-42"));
    const Run r = run(arguments, login);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(!r.out.contains("pull-pass-42") && !r.err.contains("pull-pass-42"));
}

QTEST_GUILESS_MAIN(TestCliRegistry)
#include "tst_cliregistry.moc"
