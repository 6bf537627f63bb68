// `imagecache coverage` run as a user would: the built binary against the in-process
// emulator, for both clouds — covered, partial, not covered, a pinned cache that is not
// Ready, one that expires within the window — and the exit codes a pipeline gates on.

#include "emulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString text() const { return QString::fromUtf8(out + "\n--- stderr ---\n" + err); }
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

// The answers of every container, "workload|container|verdict|reason".
QStringList verdicts(const QJsonObject &report)
{
    QStringList result;
    for (const QJsonValue &w : report.value(u"workloads").toArray()) {
        for (const QJsonValue &c : w.toObject().value(u"containers").toArray()) {
            for (const QJsonValue &a : c.toObject().value(u"answers").toArray())
                result.append(w.toObject().value(u"name").toString() + u'|'
                              + c.toObject().value(u"name").toString() + u'|'
                              + a.toObject().value(u"verdict").toString() + u'|'
                              + a.toObject().value(u"reason").toString());
        }
    }
    return result;
}

QByteArray deployment(const QByteArray &name, const QList<QByteArray> &images,
                      const QByteArray &annotations = {})
{
    QByteArray text = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: " + name
                      + "}\nspec:\n  template:\n    metadata:\n      annotations: {" + annotations
                      + "}\n    spec:\n      containers:\n";
    int i = 0;
    for (const QByteArray &image : images)
        text += "      - {name: c" + QByteArray::number(++i) + ", image: '" + image + "'}\n";
    return text;
}

} // namespace

class TestCliCoverage final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void alibabaServerSideMatch();
    void alibabaPinnedCacheMustBeReady();
    void alibabaExpiryWindow();
    void huaweiClientSideMatch();
    void brokenDocumentAndStdin();
    void storedAccountIsUsedAndLabelled();
    void usageErrors();

private:
    QProcessEnvironment environment(bool huawei) const;
    QStringList global(bool huawei) const;
    Run run(const QStringList &arguments, const QProcessEnvironment &env,
            const QByteArray &stdinData = {});
    QString writeManifest(const QString &name, const QByteArray &text);
    QString createCache(bool huawei, const QString &name, const QStringList &images,
                        int retentionDays = 7, bool wait = true);
    Run coverage(bool huawei, const QString &file, const QStringList &extra = {});

    std::unique_ptr<emulator::Emulator> m_emulator;
    QTemporaryDir m_dir;
};

void TestCliCoverage::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(IMAGECACHE_CLI_PATH)), IMAGECACHE_CLI_PATH);
    emulator::Options options;
    options.timings.huaweiCreateMs = 300;
    options.timings.alibabaPrepareMs = 100;
    options.timings.alibabaCreateMs = 300;
    m_emulator = std::make_unique<emulator::Emulator>(options);
    QVERIFY(m_emulator->listen() != 0);
    QVERIFY(m_dir.isValid());
}

QProcessEnvironment TestCliCoverage::environment(bool huawei) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name :
         {"HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK", "CLOUD_SDK_AK", "CLOUD_SDK_SK",
          "HUAWEICLOUD_SDK_PROJECT_ID", "ALIBABA_CLOUD_ACCESS_KEY_ID",
          "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "IMAGECACHE_REGION"})
        env.remove(QString::fromLatin1(name));
    env.insert(u"IMAGECACHE_STORE"_qs, m_dir.filePath(u"store.db"_qs));
    env.insert(u"DBUS_SESSION_BUS_ADDRESS"_qs, u"unix:path=/nonexistent/imagecache-test-bus"_qs);
    if (huawei) {
        env.insert(u"HUAWEICLOUD_SDK_AK"_qs, QString::fromLatin1(emulator::demo::HuaweiAccessKey));
        env.insert(u"HUAWEICLOUD_SDK_SK"_qs, QString::fromLatin1(emulator::demo::HuaweiSecretKey));
        env.insert(u"HUAWEICLOUD_SDK_PROJECT_ID"_qs,
                   QString::fromLatin1(emulator::demo::HuaweiProjectId));
    } else {
        env.insert(u"ALIBABA_CLOUD_ACCESS_KEY_ID"_qs,
                   QString::fromLatin1(emulator::demo::AlibabaAccessKeyId));
        env.insert(u"ALIBABA_CLOUD_ACCESS_KEY_SECRET"_qs,
                   QString::fromLatin1(emulator::demo::AlibabaAccessKeySecret));
    }
    return env;
}

QStringList TestCliCoverage::global(bool huawei) const
{
    return {
        u"--provider"_qs,
        huawei ? u"huawei"_qs : u"alibaba"_qs,
        u"--region"_qs,
        QString::fromLatin1(huawei ? emulator::demo::HuaweiRegion : emulator::demo::AlibabaRegion),
        u"--endpoint"_qs,
        m_emulator->baseUrl().toString()};
}

Run TestCliCoverage::run(const QStringList &arguments, const QProcessEnvironment &env,
                         const QByteArray &stdinData)
{
    QProcess process;
    process.setProcessEnvironment(env);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(IMAGECACHE_CLI_PATH), arguments);
    Run r;
    if (!process.waitForStarted(10000))
        return r;
    if (!stdinData.isEmpty())
        process.write(stdinData);
    process.closeWriteChannel();
    // The emulator lives in this thread: keep its event loop running while the CLI works.
    if (!finished.wait(60000)) {
        process.kill();
        process.waitForFinished(5000);
    }
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = process.readAllStandardOutput();
    r.err = process.readAllStandardError();
    return r;
}

QString TestCliCoverage::writeManifest(const QString &name, const QByteArray &text)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        qWarning() << "cannot write" << path;
    return path;
}

QString TestCliCoverage::createCache(bool huawei, const QString &name, const QStringList &images,
                                     int retentionDays, bool wait)
{
    QStringList args = global(huawei)
                       + QStringList{u"--json"_qs,
                                     u"caches"_qs,
                                     u"create"_qs,
                                     u"--name"_qs,
                                     name,
                                     u"--size"_qs,
                                     u"40"_qs,
                                     u"--retention-days"_qs,
                                     QString::number(retentionDays)};
    for (const QString &image : images)
        args << u"--image"_qs << image;
    if (wait)
        args << u"--wait"_qs << u"--poll-interval"_qs << u"50"_qs;
    if (huawei)
        args << u"--cluster"_qs << u"8b3b4b2d-e39d-11ef-a9ac-0255ac100113"_qs;
    else
        args << u"--security-group"_qs << u"sg-cov"_qs << u"--vswitch"_qs << u"vsw-cov"_qs;
    const Run r = run(args, environment(huawei));
    const QString id = r.json().value(u"id").toString();
    if (id.isEmpty())
        qWarning() << "create failed:" << r.text();
    return id;
}

Run TestCliCoverage::coverage(bool huawei, const QString &file, const QStringList &extra)
{
    return run(global(huawei) + QStringList{u"coverage"_qs, u"-f"_qs, file, u"--json"_qs} + extra,
               environment(huawei));
}

void TestCliCoverage::alibabaServerSideMatch()
{
    const QString id = createCache(false, u"cov-nginx-125"_qs, {u"nginx:1.25"_qs});
    QVERIFY(!id.isEmpty());

    // Every image held: exit 0, and the answer names the cache the server chose.
    const QString covered
        = writeManifest(u"ali-covered.yaml"_qs, deployment("web", {"nginx:1.25"}));
    Run r = coverage(false, covered);
    QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
    QJsonObject report = r.json();
    QCOMPARE(verdicts(report), QStringList{u"web|c1|covered|"_qs});
    const QJsonObject answer
        = report.value(u"workloads")[0][u"containers"][0][u"answers"][0].toObject();
    QCOMPARE(answer.value(u"cache")[u"id"].toString(), id);
    QCOMPARE(answer.value(u"region").toString(),
             QString::fromLatin1(emulator::demo::AlibabaRegion));
    QCOMPARE(answer.value(u"cache")[u"annotation"].toString(),
             u"k8s.aliyun.com/eci-imc-id: \""_qs + id + u'"');

    // nginx:1.26 shares two of its three layers with nginx:1.25: partial. busybox:1.30 shares
    // none with this cache: not covered. Exit 4.
    const QString mixed = writeManifest(
        u"ali-mixed.yaml"_qs,
        deployment("web", {"docker.io/library/nginx:1.26", "nginx:1.25"}) + "---\n"
            + deployment("tools", {"registry.cn-hangzhou.aliyuncs.com/eci_open/busybox:1.30"}));
    r = coverage(false, mixed);
    QVERIFY2(r.exitCode == 4, qPrintable(r.text()));
    report = r.json();
    QCOMPARE(verdicts(report),
             (QStringList{u"web|c1|partial|partial-match-only"_qs, u"web|c2|covered|"_qs,
                          u"tools|c1|not-covered|no-cache-holds-it"_qs}));
    QCOMPARE(report.value(u"summary")[u"partial"].toInt(), 1);
    QCOMPARE(report.value(u"summary")[u"notCovered"].toInt(), 1);
    QCOMPARE(report.value(u"summary")[u"images"].toInt(), 3);

    // Automatic matching turned off: not covered, and said why.
    const QString off
        = writeManifest(u"ali-off.yaml"_qs, deployment("web", {"nginx:1.25"},
                                                       "k8s.aliyun.com/eci-auto-imc: \"false\""));
    r = coverage(false, off);
    QCOMPARE(r.exitCode, 4);
    QCOMPARE(verdicts(r.json()), QStringList{u"web|c1|not-covered|auto-match-disabled"_qs});

    // Table output names the verdict and the summary line.
    r = run(global(false) + QStringList{u"coverage"_qs, u"-f"_qs, mixed}, environment(false));
    QCOMPARE(r.exitCode, 4);
    QVERIFY2(r.out.contains("partial match only"), r.out);
    QVERIFY2(r.out.contains("1 partial · 1 not covered"), r.out);
    // English plural forms, not the source's "(s)" (the test's locale has no catalogue).
    QVERIFY2(r.out.contains("2 workloads · ") && !r.out.contains("(s)"), r.out);
}

void TestCliCoverage::alibabaPinnedCacheMustBeReady()
{
    // A private image without credentials: the cache fails, so it is never Ready.
    createCache(false, u"cov-failing"_qs,
                {u"registry.cn-hangzhou.aliyuncs.com/demo-ns/ml-training:1.4.0"_qs}, 7, true);
    const Run list = run(
        global(false)
            + QStringList{u"--json"_qs, u"caches"_qs, u"list"_qs, u"--name"_qs, u"cov-failing"_qs},
        environment(false));
    const QJsonArray caches = QJsonDocument::fromJson(list.out).array();
    QCOMPARE(caches.size(), 1);
    const QString failing = caches.at(0)[u"id"].toString();
    QVERIFY(caches.at(0)[u"status"].toString() != u"ready");

    const QString pinned = writeManifest(
        u"ali-pinned.yaml"_qs,
        deployment("web", {"nginx:1.25"}, "k8s.aliyun.com/eci-imc-id: " + failing.toUtf8())
            + "---\n"
            + deployment("gone", {"nginx:1.25"}, "k8s.aliyun.com/eci-imc-id: imc-nonexistent"));
    const Run r = coverage(false, pinned);
    QVERIFY2(r.exitCode == 4, qPrintable(r.text()));
    QCOMPARE(verdicts(r.json()), (QStringList{u"web|c1|not-covered|pinned-cache-not-ready"_qs,
                                              u"gone|c1|not-covered|pinned-cache-missing"_qs}));
}

void TestCliCoverage::alibabaExpiryWindow()
{
    const QString id = createCache(false, u"cov-short"_qs, {u"python:3.12-slim"_qs}, 1);
    QVERIFY(!id.isEmpty());
    const QString file
        = writeManifest(u"ali-expiry.yaml"_qs, deployment("job", {"python:3.12-slim"}));
    Run r = coverage(false, file);
    QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
    QVERIFY(r.json()
                .value(u"workloads")[0][u"containers"][0][u"answers"][0][u"cache"][u"secondsLeft"]
                .toDouble()
            > 3600);
    r = coverage(false, file, {u"--expires-within"_qs, u"2d"_qs});
    QVERIFY2(r.exitCode == 4, qPrintable(r.text()));
    QCOMPARE(verdicts(r.json()), QStringList{u"job|c1|not-covered|expires-within-window"_qs});
    r = coverage(false, file, {u"--expires-within"_qs, u"12h"_qs});
    QCOMPARE(r.exitCode, 0);
}

void TestCliCoverage::huaweiClientSideMatch()
{
    const QString region = QString::fromLatin1(emulator::demo::HuaweiRegion);
    QVERIFY(!createCache(true, u"cov-hw-web"_qs, {u"nginx:1.25"_qs, u"redis:7"_qs}).isEmpty());
    QVERIFY(!createCache(true, u"cov-hw-short"_qs, {u"python:3.12-slim"_qs}, 1).isEmpty());

    const QString file = writeManifest(
        u"hw.yaml"_qs, deployment("web", {"docker.io/library/nginx:1.25", "redis:7"}) + "---\n"
                           + deployment("next", {"nginx:1.26"}) + "---\n"
                           + deployment("pinned", {"nginx:1.25"},
                                        "imagecache.cce.io/specified-name: no-such-cache")
                           + "---\n" + deployment("short", {"python:3.12-slim"}));
    Run r = coverage(true, file, {u"--expires-within"_qs, u"3d"_qs});
    QVERIFY2(r.exitCode == 4, qPrintable(r.text()));
    const QJsonObject report = r.json();
    QCOMPARE(verdicts(report), (QStringList{u"web|c1|covered|"_qs, u"web|c2|covered|"_qs,
                                            u"next|c1|not-covered|no-cache-holds-it"_qs,
                                            u"pinned|c1|not-covered|pinned-cache-missing"_qs,
                                            u"short|c1|not-covered|expires-within-window"_qs}));
    const QJsonObject pinned
        = report.value(u"workloads")[2][u"containers"][0][u"answers"][0].toObject();
    QVERIFY2(pinned.value(u"note").toString().contains(u"silently"_qs),
             qPrintable(pinned.value(u"note").toString()));
    const QJsonObject web
        = report.value(u"workloads")[0][u"containers"][0][u"answers"][0].toObject();
    QCOMPARE(web.value(u"region").toString(), region);
    QCOMPARE(web.value(u"cache")[u"name"].toString(), u"cov-hw-web"_qs);
    QCOMPARE(web.value(u"cache")[u"annotation"].toString(),
             u"imagecache.cce.io/specified-name: \"cov-hw-web\""_qs);

    // Only the covered workload, no window: the gate passes.
    const QString ok = writeManifest(u"hw-ok.yaml"_qs, deployment("web", {"nginx:1.25"}));
    r = coverage(true, ok);
    QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
}

void TestCliCoverage::brokenDocumentAndStdin()
{
    const QByteArray text = deployment("web", {"nginx:1.25"})
                            + "---\nkind: Pod\nspec: {containers: [ {image: x\n---\n"
                              "kind: Service\nmetadata: {name: s}\n";
    const Run r = run(global(true) + QStringList{u"coverage"_qs, u"-f"_qs, u"-"_qs, u"--json"_qs},
                      environment(true), text);
    // The broken document is named (stdin, document 2, its line), the rest is evaluated, and
    // the gate fails: an unread document cannot be said to be covered.
    QVERIFY2(r.exitCode == 4, qPrintable(r.text()));
    QVERIFY2(r.err.contains("-:") && r.err.contains("document 2"), r.err);
    const QJsonObject report = r.json();
    QCOMPARE(report.value(u"summary")[u"brokenDocuments"].toInt(), 1);
    QCOMPARE(report.value(u"summary")[u"skippedDocuments"].toInt(), 1);
    QCOMPARE(report.value(u"problems")[0][u"document"].toInt(), 2);
    QVERIFY(report.value(u"problems")[0][u"line"].toInt() >= 14);
    QCOMPARE(verdicts(report).size(), 1);
}

void TestCliCoverage::storedAccountIsUsedAndLabelled()
{
    QProcessEnvironment env = environment(false);
    const Run added
        = run({u"accounts"_qs, u"add"_qs, u"--provider"_qs, u"alibaba"_qs, u"--name"_qs,
               u"ali-team"_qs, u"--region"_qs, QString::fromLatin1(emulator::demo::AlibabaRegion),
               u"--endpoint"_qs, m_emulator->baseUrl().toString(), u"--access-key-id"_qs,
               QString::fromLatin1(emulator::demo::AlibabaAccessKeyId), u"--secret-from-env"_qs},
              env);
    QVERIFY2(added.exitCode == 0, qPrintable(added.text()));
    const QString file = writeManifest(u"stored.yaml"_qs, deployment("web", {"nginx:1.25"}));
    // No --provider, --region or --endpoint: every stored account, labelled.
    const Run r = run({u"coverage"_qs, u"-f"_qs, file, u"--json"_qs}, env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
    const QJsonObject answer
        = r.json().value(u"workloads")[0][u"containers"][0][u"answers"][0].toObject();
    QCOMPARE(answer.value(u"account").toString(), u"ali-team"_qs);
    QCOMPARE(answer.value(u"verdict").toString(), u"covered"_qs);
    const Run other = run({u"coverage"_qs, u"-f"_qs, file, u"--account"_qs, u"nobody"_qs}, env);
    QCOMPARE(other.exitCode, 2);
    const Run removed = run({u"accounts"_qs, u"remove"_qs, u"ali-team"_qs}, env);
    QVERIFY2(removed.exitCode == 0, qPrintable(removed.text()));
}

void TestCliCoverage::usageErrors()
{
    Run r = run(global(true) + QStringList{u"coverage"_qs}, environment(true));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("-f FILE"), r.err);
    const QString file = writeManifest(u"u.yaml"_qs, deployment("web", {"nginx"}));
    r = run(global(true)
                + QStringList{u"coverage"_qs, u"-f"_qs, file, u"--expires-within"_qs, u"soon"_qs},
            environment(true));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("soon"), r.err);
}

QTEST_GUILESS_MAIN(TestCliCoverage)
#include "tst_clicoverage.moc"
