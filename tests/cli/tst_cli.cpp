// Runs the built `imagecache` binary against the in-process emulator, as a user would.

#include "csv/cachetable.h"
#include "csv/csvreader.h"
#include "emulator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr char RegistryPassword[] = "Reg1stry-Pa55word-Never-Printed";

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString text() const { return QString::fromUtf8(out + "\n--- stderr ---\n" + err); }
};

QString providerName(bool huawei)
{
    return huawei ? u"huawei"_qs : u"alibaba"_qs;
}

} // namespace

class TestCli final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void lifecycle_data();
    void lifecycle();
    void alibabaUpdateWaits();
    void validationErrorsNameTheField_data();
    void validationErrorsNameTheField();
    void wrongSecretIsAProviderError_data();
    void wrongSecretIsAProviderError();
    void missingCredentialsIsAUsageError();
    void secretsAreNeverArguments();
    void usageErrors();
    void imagesAndLayers_data();
    void imagesAndLayers();
    void verboseLogHasNoSecret();
    void waitReportsFailure();
    void timeoutIsANetworkError();
    void cutOffCreateIsLookedUp();
    void exportImagesHasNoPassword();
    void exportToUnwritablePathLeavesNothing();
    void cachesAreFoundByName();
    void outputFormats();
    void rawIsTheProvidersResponse();
    void hssImageTableIsReadable();
    void noCredentialsSaysHowToProvideThem();

private:
    QProcessEnvironment environment(bool huawei, bool wrongSecret = false) const;
    QStringList global(bool huawei) const;
    Run run(const QStringList &arguments, const QProcessEnvironment &environment);
    QJsonDocument json(const Run &run);
    QString createAlibaba(const QString &name);

    std::unique_ptr<emulator::Emulator> m_emulator;
    QTemporaryDir m_storeDir; // the journal of create/update/delete, never the user's store
    QStringList m_secrets;
};

void TestCli::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(IMAGECACHE_CLI_PATH)), IMAGECACHE_CLI_PATH);
    emulator::Options options;
    options.timings.huaweiCreateMs = 600;
    options.timings.huaweiDeleteMs = 300;
    options.timings.alibabaPrepareMs = 200;
    options.timings.alibabaCreateMs = 600;
    options.timings.alibabaUpdateMs = 400;
    options.demoData = true;
    m_emulator = std::make_unique<emulator::Emulator>(options);
    QVERIFY(m_emulator->listen() != 0);
    m_secrets = {QString::fromLatin1(emulator::demo::HuaweiSecretKey),
                 QString::fromLatin1(emulator::demo::AlibabaAccessKeySecret),
                 QString::fromLatin1(RegistryPassword),
                 u"demo-registry-password"_qs}; // in the emulator's E-HPC catalog
}

QProcessEnvironment TestCli::environment(bool huawei, bool wrongSecret) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name :
         {"HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK", "CLOUD_SDK_AK", "CLOUD_SDK_SK",
          "HUAWEICLOUD_SDK_SECURITY_TOKEN", "HUAWEICLOUD_SDK_PROJECT_ID",
          "ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
          "ALIBABA_CLOUD_SECURITY_TOKEN", "IMAGECACHE_REGION", "IMAGECACHE_REGISTRY_PASSWORD"})
        env.remove(QString::fromLatin1(name));
    env.insert(u"IMAGECACHE_STORE"_qs, m_storeDir.filePath(u"journal.db"_qs));
    env.insert(u"DBUS_SESSION_BUS_ADDRESS"_qs, u"unix:path=/nonexistent/imagecache-test-bus"_qs);
    if (huawei) {
        env.insert(u"HUAWEICLOUD_SDK_AK"_qs, QString::fromLatin1(emulator::demo::HuaweiAccessKey));
        env.insert(u"HUAWEICLOUD_SDK_SK"_qs,
                   wrongSecret ? u"not-the-secret"_qs
                               : QString::fromLatin1(emulator::demo::HuaweiSecretKey));
        env.insert(u"HUAWEICLOUD_SDK_PROJECT_ID"_qs,
                   QString::fromLatin1(emulator::demo::HuaweiProjectId));
    } else {
        env.insert(u"ALIBABA_CLOUD_ACCESS_KEY_ID"_qs,
                   QString::fromLatin1(emulator::demo::AlibabaAccessKeyId));
        env.insert(u"ALIBABA_CLOUD_ACCESS_KEY_SECRET"_qs,
                   wrongSecret ? u"not-the-secret"_qs
                               : QString::fromLatin1(emulator::demo::AlibabaAccessKeySecret));
    }
    return env;
}

QStringList TestCli::global(bool huawei) const
{
    return {
        u"--provider"_qs,
        providerName(huawei),
        u"--region"_qs,
        QString::fromLatin1(huawei ? emulator::demo::HuaweiRegion : emulator::demo::AlibabaRegion),
        u"--endpoint"_qs,
        m_emulator->baseUrl().toString()};
}

Run TestCli::run(const QStringList &arguments, const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(IMAGECACHE_CLI_PATH), arguments);
    Run r;
    if (!process.waitForStarted(10000)) {
        qWarning() << "cannot start imagecache:" << process.errorString();
        return r;
    }
    // The emulator lives in this thread: keep its event loop running while the CLI works.
    if (!finished.wait(60000)) {
        qWarning() << "imagecache did not finish:" << arguments;
        process.kill();
        process.waitForFinished(5000);
    }
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = process.readAllStandardOutput();
    r.err = process.readAllStandardError();
    // Whatever the command, no secret is ever printed.
    for (const QString &secret : std::as_const(m_secrets)) {
        if (r.out.contains(secret.toUtf8()) || r.err.contains(secret.toUtf8())) {
            qWarning() << "secret leaked by" << arguments;
            r.exitCode = -2;
        }
    }
    return r;
}

QJsonDocument TestCli::json(const Run &run)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(run.out, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << "not JSON:" << error.errorString() << run.out;
    return document;
}

void TestCli::lifecycle_data()
{
    QTest::addColumn<bool>("huawei");
    QTest::newRow("huawei") << true;
    QTest::newRow("alibaba") << false;
}

void TestCli::lifecycle()
{
    QFETCH(bool, huawei);
    const QProcessEnvironment env = environment(huawei);
    const QString name = huawei ? u"cli-test-huawei"_qs : u"cli-test-alibaba"_qs;

    QStringList create = global(huawei) + QStringList{u"--json"_qs,
                                                      u"caches"_qs,
                                                      u"create"_qs,
                                                      u"--name"_qs,
                                                      name,
                                                      u"--image"_qs,
                                                      u"nginx:latest"_qs,
                                                      u"--image"_qs,
                                                      u"redis:7"_qs,
                                                      u"--size"_qs,
                                                      u"40"_qs,
                                                      u"--retention-days"_qs,
                                                      u"7"_qs,
                                                      u"--wait"_qs,
                                                      u"--poll-interval"_qs,
                                                      u"100"_qs};
    if (huawei) {
        create << u"--cluster"_qs << u"8b3b4b2d-e39d-11ef-a9ac-0255ac100113"_qs
               << u"--pull-secret"_qs << u"default:default-secret"_qs;
    } else {
        create << u"--security-group"_qs << u"sg-cli"_qs << u"--vswitch"_qs << u"vsw-cli"_qs
               << u"--tag"_qs << u"env=test"_qs;
    }
    const Run created = run(create, env);
    QVERIFY2(created.exitCode == 0, qPrintable(created.text()));
    const QJsonObject cache = json(created).object();
    const QString id = cache.value(u"id"_qs).toString();
    QVERIFY(!id.isEmpty());
    QCOMPARE(cache.value(u"name"_qs).toString(), name);
    QCOMPARE(cache.value(u"status"_qs).toString(), u"ready"_qs);
    QCOMPARE(cache.value(u"sizeGiB"_qs).toInt(), 40);
    QCOMPARE(cache.value(u"images"_qs).toArray().size(), 2);
    // Progress was followed on stderr until ready.
    QVERIFY2(created.err.contains("Creating"), created.err);
    QVERIFY2(created.err.contains(name.toUtf8() + ": Ready"), created.err);

    const Run listed
        = run(global(huawei) + QStringList{u"caches"_qs, u"list"_qs, u"--json"_qs}, env);
    QVERIFY2(listed.exitCode == 0, qPrintable(listed.text()));
    const QJsonArray all = json(listed).array();
    QVERIFY(!all.isEmpty());
    QHash<QString, QJsonObject> byId;
    for (const QJsonValue &v : all)
        byId.insert(v.toObject().value(u"id"_qs).toString(), v.toObject());
    QVERIFY(byId.contains(id));
    QCOMPARE(byId.value(id).value(u"name"_qs).toString(), name);

    const Run table = run(global(huawei) + QStringList{u"caches"_qs, u"list"_qs}, env);
    QCOMPARE(table.exitCode, 0);
    QVERIFY(table.out.startsWith("ID "));
    QVERIFY(table.out.contains(id.toUtf8()));

    const Run shown = run(global(huawei) + QStringList{u"caches"_qs, u"show"_qs, id}, env);
    QVERIFY2(shown.exitCode == 0, qPrintable(shown.text()));
    QVERIFY(shown.out.contains("Name:"));
    QVERIFY(shown.out.contains(name.toUtf8()));
    QVERIFY(shown.out.contains("redis:7"));

    // The CSV export holds the same caches as the JSON listing.
    QTemporaryDir dir;
    const QString file = dir.filePath(u"caches.csv"_qs);
    const Run exported = run(
        global(huawei) + QStringList{u"export"_qs, u"caches"_qs, u"--csv"_qs, file, u"--bom"_qs},
        env);
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.text()));
    QFile csvFile(file);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    const QByteArray bytes = csvFile.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    QString csvError;
    const QList<QStringList> records = csv::CsvReader::parse(bytes, &csvError);
    QVERIFY2(csvError.isEmpty(), qPrintable(csvError));
    QCOMPARE(records.value(0), csv::CacheTable::headers());
    QCOMPARE(records.size() - 1, all.size());
    for (const QStringList &record : records.mid(1)) {
        const QString rowId = record.value(csv::CacheTable::Id);
        QVERIFY2(byId.contains(rowId), qPrintable(rowId));
        const QJsonObject j = byId.value(rowId);
        QCOMPARE(record.value(csv::CacheTable::Provider), providerName(huawei));
        QCOMPARE(record.value(csv::CacheTable::Name), j.value(u"name"_qs).toString());
        QCOMPARE(record.value(csv::CacheTable::Status), j.value(u"status"_qs).toString());
        QCOMPARE(record.value(csv::CacheTable::ProviderStatus),
                 j.value(u"providerStatus"_qs).toString());
        QCOMPARE(record.value(csv::CacheTable::SizeGiB),
                 QString::number(j.value(u"sizeGiB"_qs).toInt()));
        QCOMPARE(record.value(csv::CacheTable::Created), j.value(u"created"_qs).toString());
        QStringList images;
        for (const QJsonValue &image : j.value(u"images"_qs).toArray())
            images.append(image.toString());
        QCOMPARE(record.value(csv::CacheTable::Images), images.join(QLatin1Char('\n')));
    }

    const Run deleted = run(global(huawei)
                                + QStringList{u"caches"_qs, u"delete"_qs, id, u"--wait"_qs,
                                              u"--poll-interval"_qs, u"100"_qs},
                            env);
    QVERIFY2(deleted.exitCode == 0, qPrintable(deleted.text()));
    QVERIFY(deleted.out.contains("Deleted " + id.toUtf8()));

    const Run gone = run(global(huawei) + QStringList{u"caches"_qs, u"show"_qs, id}, env);
    QCOMPARE(gone.exitCode, 1);
    QVERIFY2(gone.err.contains("404"), gone.err);

    const Run after
        = run(global(huawei) + QStringList{u"caches"_qs, u"list"_qs, u"--json"_qs}, env);
    QCOMPARE(after.exitCode, 0);
    for (const QJsonValue &v : json(after).array())
        QVERIFY(v.toObject().value(u"id"_qs).toString() != id);
}

void TestCli::alibabaUpdateWaits()
{
    const QProcessEnvironment env = environment(false);
    const Run created
        = run(global(false)
                  + QStringList{u"caches"_qs, u"create"_qs, u"--json"_qs, u"--name"_qs,
                                u"cli-update"_qs, u"--image"_qs, u"nginx:latest"_qs,
                                u"--security-group"_qs, u"sg-cli"_qs, u"--vswitch"_qs,
                                u"vsw-cli"_qs, u"--wait"_qs, u"--poll-interval"_qs, u"100"_qs},
              env);
    QVERIFY2(created.exitCode == 0, qPrintable(created.text()));
    const QString id = json(created).object().value(u"id"_qs).toString();

    const Run updated
        = run(global(false)
                  + QStringList{u"caches"_qs, u"update"_qs, id, u"--retention-days"_qs, u"3"_qs,
                                u"--json"_qs, u"--wait"_qs, u"--poll-interval"_qs, u"100"_qs},
              env);
    QVERIFY2(updated.exitCode == 0, qPrintable(updated.text()));
    QVERIFY2(updated.err.contains("cli-update: Updating"), updated.err); // followed, not skipped
    const QJsonObject cache = json(updated).object();
    QCOMPARE(cache.value(u"status"_qs).toString(), u"ready"_qs);
    QCOMPARE(cache.value(u"retentionDays"_qs).toInt(), 3);

    // Huawei has no update API: a usage error, nothing sent.
    const Run huawei = run(
        global(true)
            + QStringList{u"caches"_qs, u"update"_qs, u"x"_qs, u"--retention-days"_qs, u"3"_qs},
        environment(true));
    QCOMPARE(huawei.exitCode, 2);

    QCOMPARE(run(global(false) + QStringList{u"caches"_qs, u"delete"_qs, id}, env).exitCode, 0);
}

void TestCli::validationErrorsNameTheField_data()
{
    QTest::addColumn<bool>("huawei");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QStringList>("fields");
    QTest::newRow("huawei name and size")
        << true << QStringList{u"--name"_qs, u"Bad_Name"_qs, u"--image"_qs,   u"nginx"_qs,
                               u"--size"_qs, u"5"_qs,        u"--cluster"_qs, u"c1"_qs}
        << QStringList{u"name: "_qs, u"image_cache_size: "_qs};
    QTest::newRow("huawei cluster missing")
        << true << QStringList{u"--name"_qs, u"ok-name"_qs, u"--image"_qs, u"nginx"_qs}
        << QStringList{u"building_config.cluster: "_qs};
    QTest::newRow("alibaba network missing")
        << false << QStringList{u"--name"_qs, u"ok-name"_qs, u"--image"_qs, u"nginx"_qs}
        << QStringList{u"SecurityGroupId: "_qs, u"VSwitchId: "_qs};
}

void TestCli::validationErrorsNameTheField()
{
    QFETCH(bool, huawei);
    QFETCH(QStringList, options);
    QFETCH(QStringList, fields);
    const Run r = run(global(huawei) + QStringList{u"caches"_qs, u"create"_qs} + options,
                      environment(huawei));
    QVERIFY2(r.exitCode == 3, qPrintable(r.text()));
    for (const QString &field : fields)
        QVERIFY2(r.err.contains(field.toUtf8()), qPrintable(r.text()));
    QVERIFY(r.out.isEmpty());
}

void TestCli::wrongSecretIsAProviderError_data()
{
    QTest::addColumn<bool>("huawei");
    QTest::addColumn<QByteArray>("code");
    QTest::newRow("huawei") << true << QByteArray("APIGW.0301");
    QTest::newRow("alibaba") << false << QByteArray("SignatureDoesNotMatch");
}

void TestCli::wrongSecretIsAProviderError()
{
    QFETCH(bool, huawei);
    QFETCH(QByteArray, code);
    const Run r
        = run(global(huawei) + QStringList{u"caches"_qs, u"list"_qs}, environment(huawei, true));
    QVERIFY2(r.exitCode == 1, qPrintable(r.text()));
    QVERIFY2(r.err.contains(code), r.err);
    QVERIFY2(r.err.contains("request id"), r.err);
    QVERIFY(!r.err.contains("not-the-secret"));
}

void TestCli::missingCredentialsIsAUsageError()
{
    QProcessEnvironment none = environment(true);
    none.remove(u"HUAWEICLOUD_SDK_AK"_qs);
    none.remove(u"HUAWEICLOUD_SDK_SK"_qs);
    const Run huawei = run(global(true) + QStringList{u"caches"_qs, u"list"_qs}, none);
    QCOMPARE(huawei.exitCode, 2);
    QVERIFY(huawei.err.contains("HUAWEICLOUD_SDK_AK"));
    QVERIFY(huawei.err.contains("CLOUD_SDK_SK"));

    const Run alibaba = run(global(false) + QStringList{u"caches"_qs, u"list"_qs}, none);
    QCOMPARE(alibaba.exitCode, 2);
    QVERIFY(alibaba.err.contains("ALIBABA_CLOUD_ACCESS_KEY_ID"));
    QVERIFY(alibaba.err.contains("ALIBABA_CLOUD_ACCESS_KEY_SECRET"));

    // The generic CLOUD_SDK_* pair is accepted for Huawei, and then the provider is obvious.
    QProcessEnvironment generic = none;
    generic.insert(u"CLOUD_SDK_AK"_qs, QString::fromLatin1(emulator::demo::HuaweiAccessKey));
    generic.insert(u"CLOUD_SDK_SK"_qs, QString::fromLatin1(emulator::demo::HuaweiSecretKey));
    QStringList noProvider = global(true).mid(2);
    const Run ok = run(noProvider + QStringList{u"caches"_qs, u"list"_qs, u"--json"_qs}, generic);
    QVERIFY2(ok.exitCode == 0, qPrintable(ok.text()));
    QVERIFY(json(ok).isArray());
}

void TestCli::secretsAreNeverArguments()
{
    for (const QString &option : {u"--sk"_qs, u"--secret-key"_qs, u"--access-key-secret"_qs,
                                  u"--password"_qs, u"--registry-password"_qs}) {
        const Run r
            = run(global(true) + QStringList{u"caches"_qs, u"list"_qs, option, u"whatever"_qs},
                  environment(true));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("environment"), r.err);
    }
    // --registry takes no password: it must come from IMAGECACHE_REGISTRY_PASSWORD.
    const Run r
        = run(global(false)
                  + QStringList{u"caches"_qs, u"create"_qs, u"--name"_qs, u"x"_qs, u"--image"_qs,
                                u"nginx"_qs, u"--security-group"_qs, u"sg-1"_qs, u"--vswitch"_qs,
                                u"vsw-1"_qs, u"--registry"_qs, u"reg.example.com,user"_qs},
              environment(false));
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("IMAGECACHE_REGISTRY_PASSWORD"));
}

void TestCli::usageErrors()
{
    const auto env = environment(true);
    const QList<QStringList> cases = {
        {},
        {u"caches"_qs},
        {u"caches"_qs, u"explode"_qs},
        {u"caches"_qs, u"show"_qs},
        {u"caches"_qs, u"list"_qs, u"--size"_qs, u"20"_qs},
        {u"caches"_qs, u"create"_qs, u"--size"_qs, u"big"_qs},
        {u"caches"_qs, u"create"_qs, u"--tag"_qs, u"novalue"_qs},
        {u"caches"_qs, u"create"_qs, u"--name"_qs, u"a"_qs, u"--flash"_qs}, // Alibaba option
        {u"export"_qs, u"caches"_qs},
        {u"caches"_qs, u"list"_qs, u"--no-such-option"_qs},
        {u"--provider"_qs, u"aws"_qs, u"caches"_qs, u"list"_qs},
    };
    for (const QStringList &args : cases) {
        QStringList full = args;
        if (!args.contains(u"--provider"_qs))
            full = global(true) + args;
        const Run r = run(full, env);
        QVERIFY2(r.exitCode == 2, qPrintable(args.join(u' ') + u" → "_qs + r.text()));
        QVERIFY(!r.err.isEmpty());
    }
    const Run help = run({u"--help"_qs}, env);
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("caches create"));
    QVERIFY(help.out.contains("HUAWEICLOUD_SDK_AK"));
}

void TestCli::imagesAndLayers_data()
{
    QTest::addColumn<bool>("huawei");
    QTest::newRow("huawei") << true;
    QTest::newRow("alibaba") << false;
}

void TestCli::imagesAndLayers()
{
    QFETCH(bool, huawei);
    const auto env = environment(huawei);
    const Run listed
        = run(global(huawei) + QStringList{u"images"_qs, u"list"_qs, u"--json"_qs}, env);
    QVERIFY2(listed.exitCode == 0, qPrintable(listed.text()));
    const QJsonArray images = json(listed).array();
    QVERIFY(!images.isEmpty());
    const QString id = images.first().toObject().value(u"id"_qs).toString();

    const Run shown = run(global(huawei) + QStringList{u"images"_qs, u"show"_qs, id}, env);
    QVERIFY2(shown.exitCode == 0, qPrintable(shown.text()));
    QVERIFY(shown.out.contains(id.toUtf8()));

    const Run layers
        = run(global(huawei) + QStringList{u"images"_qs, u"layers"_qs, id, u"--json"_qs}, env);
    QVERIFY2(layers.exitCode == 0, qPrintable(layers.text()));
    QVERIFY(json(layers).isArray());
    if (huawei) { // HSS reports base-image layers; E-HPC has none
        QVERIFY(!json(layers).array().isEmpty());
        QVERIFY(json(layers)
                    .array()
                    .first()
                    .toObject()
                    .value(u"layerDigest"_qs)
                    .toString()
                    .startsWith(u"sha256:"_qs));
    }

    // Every E-HPC container image with a registry login shows the password as hidden.
    if (!huawei) {
        for (const QJsonValue &v : images) {
            const Run detail = run(global(false)
                                       + QStringList{u"images"_qs, u"show"_qs,
                                                     v.toObject().value(u"id"_qs).toString()},
                                   env);
            QCOMPARE(detail.exitCode, 0);
            if (detail.out.contains("Registry password:"))
                QVERIFY(detail.out.contains("(hidden)") || detail.out.contains("(none)"));
            QVERIFY(!detail.out.toLower().contains("\"password\""));
        }
    }

    const Run missing
        = run(global(huawei) + QStringList{u"images"_qs, u"show"_qs, u"no-such-image"_qs}, env);
    QCOMPARE(missing.exitCode, 1);
}

void TestCli::verboseLogHasNoSecret()
{
    QProcessEnvironment env = environment(false);
    env.insert(u"IMAGECACHE_REGISTRY_PASSWORD"_qs, QString::fromLatin1(RegistryPassword));
    const Run created = run(
        global(false)
            + QStringList{u"--verbose"_qs, u"caches"_qs, u"create"_qs, u"--json"_qs, u"--name"_qs,
                          u"cli-verbose"_qs, u"--image"_qs, u"registry.example.com/ns/app:1.0"_qs,
                          u"--security-group"_qs, u"sg-cli"_qs, u"--vswitch"_qs, u"vsw-cli"_qs,
                          u"--registry"_qs, u"registry.example.com,deployer"_qs},
        env);
    // run() already failed the exit code if a secret (AK secret, registry password) leaked.
    QVERIFY2(created.exitCode == 0, qPrintable(created.text()));
    QVERIFY2(created.err.contains("imagecache.net"), created.err); // the log is on
    // ... and it did log the request carrying the registry login (whose password run()
    // checked is not there).
    QVERIFY2(created.err.contains("deployer"), created.err);
    const QString id = json(created).object().value(u"id"_qs).toString();

    const Run huawei = run(global(true) + QStringList{u"--verbose"_qs, u"caches"_qs, u"list"_qs},
                           environment(true));
    QCOMPARE(huawei.exitCode, 0);
    QVERIFY(huawei.err.contains("imagecache.net"));

    QCOMPARE(run(global(false) + QStringList{u"caches"_qs, u"delete"_qs, id}, env).exitCode, 0);
}

void TestCli::waitReportsFailure()
{
    // The emulator fails a build whose image is not in its catalog, like a registry 404.
    const auto env = environment(true);
    const Run created
        = run(global(true)
                  + QStringList{u"caches"_qs, u"create"_qs, u"--json"_qs, u"--name"_qs,
                                u"cli-doomed"_qs, u"--image"_qs, u"nginx:0.0-does-not-exist"_qs,
                                u"--cluster"_qs, u"8b3b4b2d-e39d-11ef-a9ac-0255ac100113"_qs,
                                u"--wait"_qs, u"--poll-interval"_qs, u"100"_qs},
              env);
    QVERIFY2(created.exitCode == 1, qPrintable(created.text()));
    // The provider's own reason is on stderr; the failed cache is still printed as JSON.
    QVERIFY2(created.err.contains("cli-doomed is Failed: "), created.err);
    QVERIFY2(created.err.contains("nginx:0.0-does-not-exist"), created.err);
    const QJsonObject cache = json(created).object();
    QCOMPARE(cache.value(u"status"_qs).toString(), u"failed"_qs);
    QVERIFY(!cache.value(u"message"_qs).toString().isEmpty());

    // Deleting several: an unknown ID fails (exit 1), the others are still deleted.
    const QString id = cache.value(u"id"_qs).toString();
    const Run deleted = run(global(true)
                                + QStringList{u"caches"_qs, u"delete"_qs,
                                              u"00000000-0000-0000-0000-000000000000"_qs, id,
                                              u"--wait"_qs, u"--poll-interval"_qs, u"100"_qs},
                            env);
    QCOMPARE(deleted.exitCode, 1);
    QVERIFY2(deleted.err.contains("404"), deleted.err);
    QVERIFY2(deleted.out.contains("Deleted " + id.toUtf8()), qPrintable(deleted.text()));
}

void TestCli::timeoutIsANetworkError()
{
    emulator::FaultRule stall;
    stall.kind = emulator::FaultRule::Kind::Stall;
    stall.match = u"/v5/imagecaches"_qs;
    const int rule = m_emulator->faults()->addRule(stall);
    const Run r
        = run(global(true) + QStringList{u"--timeout"_qs, u"200"_qs, u"caches"_qs, u"list"_qs},
              environment(true));
    m_emulator->faults()->removeRule(rule);
    QVERIFY2(r.exitCode == 1, qPrintable(r.text()));
    QVERIFY2(r.err.contains("ListImageCaches"), r.err);
    QVERIFY2(r.err.contains("timed out"), r.err);
}

void TestCli::cutOffCreateIsLookedUp()
{
    // Found as a user would: every answer to the create was cut off (four attempts with one
    // ClientToken) and the CLI said "malformed response" although the cache existed; ECI allows
    // duplicate names, so a re-run made a second one.
    const auto env = environment(false);
    auto countNamed = [&](const QString &name) {
        const Run listed = run(
            global(false) + QStringList{u"caches"_qs, u"list"_qs, u"--json"_qs, u"--name"_qs, name},
            env);
        return listed.exitCode == 0 ? json(listed).array().size() : -1;
    };
    const QStringList create{
        u"caches"_qs,  u"create"_qs,       u"--json"_qs,           u"--name"_qs, u"cli-cut-off"_qs,
        u"--image"_qs, u"nginx:latest"_qs, u"--security-group"_qs, u"sg-cli"_qs, u"--vswitch"_qs,
        u"vsw-cli"_qs, u"--wait"_qs,       u"--poll-interval"_qs,  u"100"_qs};
    emulator::FaultRule cut;
    cut.kind = emulator::FaultRule::Kind::Truncate;
    cut.match = u"CreateImageCache"_qs;
    int rule = m_emulator->faults()->addRule(cut);
    const Run created = run(global(false) + create, env);
    m_emulator->faults()->removeRule(rule);
    QVERIFY2(created.exitCode == 0, qPrintable(created.text()));
    const QJsonObject cache = json(created).object();
    QCOMPARE(cache.value(u"name"_qs).toString(), u"cli-cut-off"_qs);
    QCOMPARE(cache.value(u"status"_qs).toString(), u"ready"_qs); // --wait followed it
    QCOMPARE(countNamed(u"cli-cut-off"_qs), 1);

    // When the lookup cannot answer either, the user is told the cache may exist.
    cut.match.clear();
    rule = m_emulator->faults()->addRule(cut);
    QStringList second = create;
    second[4] = u"cli-cut-off-2"_qs;
    const Run unknown = run(global(false) + second, env);
    m_emulator->faults()->removeRule(rule);
    QVERIFY2(unknown.exitCode == 1, qPrintable(unknown.text()));
    QVERIFY2(unknown.err.contains("may have been created"), unknown.err);
    QVERIFY2(unknown.err.contains("caches list --name cli-cut-off-2"), unknown.err);
    QCOMPARE(countNamed(u"cli-cut-off-2"_qs), 1); // it was: the message was right

    // A create the server never carried out (a malformed 200) is said to be not created.
    emulator::FaultRule malformed;
    malformed.kind = emulator::FaultRule::Kind::Malformed;
    malformed.match = u"CreateImageCache"_qs;
    rule = m_emulator->faults()->addRule(malformed);
    second[4] = u"cli-cut-off-3"_qs;
    const Run notCreated = run(global(false) + second, env);
    m_emulator->faults()->removeRule(rule);
    QVERIFY2(notCreated.exitCode == 1, qPrintable(notCreated.text()));
    QVERIFY2(notCreated.err.contains("was not created"), notCreated.err);
    QCOMPARE(countNamed(u"cli-cut-off-3"_qs), 0);

    for (const QString &name : {u"cli-cut-off"_qs, u"cli-cut-off-2"_qs}) {
        const Run listed = run(
            global(false) + QStringList{u"caches"_qs, u"list"_qs, u"--json"_qs, u"--name"_qs, name},
            env);
        for (const QJsonValue &c : json(listed).array())
            run(global(false)
                    + QStringList{u"caches"_qs, u"delete"_qs,
                                  c.toObject().value(u"id"_qs).toString()},
                env);
    }
}

void TestCli::exportImagesHasNoPassword()
{
    // The emulator's E-HPC catalog has a container image whose GetImage answer carries a
    // registry password ("demo-registry-password"): neither output may show it.
    const auto env = environment(false);
    QTemporaryDir dir;
    const QString file = dir.filePath(u"images.csv"_qs);
    const Run exported
        = run(global(false) + QStringList{u"export"_qs, u"images"_qs, u"--csv"_qs, file}, env);
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.text()));
    QFile csvFile(file);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    const QByteArray bytes = csvFile.readAll();
    const auto records = csv::CsvReader::parse(bytes);
    const Run listed
        = run(global(false) + QStringList{u"images"_qs, u"list"_qs, u"--json"_qs}, env);
    QCOMPARE(records.size() - 1, json(listed).array().size());
    QVERIFY(!bytes.contains("demo-registry-password"));

    for (const QJsonValue &v : json(listed).array()) {
        const QString id = v.toObject().value(u"id"_qs).toString();
        const Run shown
            = run(global(false) + QStringList{u"images"_qs, u"show"_qs, id, u"--json"_qs}, env);
        QCOMPARE(shown.exitCode, 0);
        QVERIFY2(!shown.out.contains("demo-registry-password"), shown.out);
        const Run text = run(global(false) + QStringList{u"images"_qs, u"show"_qs, id}, env);
        QVERIFY(!text.out.contains("demo-registry-password"));
    }
}

void TestCli::exportToUnwritablePathLeavesNothing()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"missing/dir/caches.csv"_qs);
    const Run r = run(global(true) + QStringList{u"export"_qs, u"caches"_qs, u"--csv"_qs, file},
                      environment(true));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("Cannot write"), r.err);
    QVERIFY(!QFile::exists(file));
}

QString TestCli::createAlibaba(const QString &name)
{
    const Run created
        = run(global(false)
                  + QStringList{u"caches"_qs, u"create"_qs, u"--json"_qs, u"--name"_qs, name,
                                u"--image"_qs, u"nginx:latest"_qs, u"--security-group"_qs,
                                u"sg-cli"_qs, u"--vswitch"_qs, u"vsw-cli"_qs},
              environment(false));
    if (created.exitCode != 0)
        qWarning() << created.text();
    return json(created).object().value(u"id"_qs).toString();
}

void TestCli::cachesAreFoundByName()
{
    const QProcessEnvironment env = environment(false);
    const QString id = createAlibaba(u"cli-by-name"_qs);
    QVERIFY(!id.isEmpty());
    const Run shown = run(
        global(false) + QStringList{u"caches"_qs, u"show"_qs, u"cli-by-name"_qs, u"--json"_qs},
        env);
    QVERIFY2(shown.exitCode == 0, qPrintable(shown.text()));
    QCOMPARE(json(shown).object().value(u"id"_qs).toString(), id);
    // An id still works as before.
    const Run byId = run(global(false) + QStringList{u"caches"_qs, u"show"_qs, id}, env);
    QVERIFY2(byId.exitCode == 0, qPrintable(byId.text()));

    // Two caches of one name: refused with both ids, nothing deleted.
    const QString first = createAlibaba(u"cli-twice"_qs);
    const QString second = createAlibaba(u"cli-twice"_qs);
    QVERIFY(!first.isEmpty() && !second.isEmpty() && first != second);
    for (const QString &command : {u"show"_qs, u"delete"_qs}) {
        const Run ambiguous
            = run(global(false) + QStringList{u"caches"_qs, command, u"cli-twice"_qs}, env);
        QVERIFY2(ambiguous.exitCode == 2, qPrintable(ambiguous.text()));
        QVERIFY2(ambiguous.err.contains(first.toUtf8()), ambiguous.err);
        QVERIFY2(ambiguous.err.contains(second.toUtf8()), ambiguous.err);
        QVERIFY(ambiguous.out.isEmpty());
    }
    QCOMPARE(run(global(false) + QStringList{u"caches"_qs, u"show"_qs, first}, env).exitCode, 0);

    // Delete by name, then the name is gone (and an unknown name is the provider's 404).
    const Run deleted = run(global(false)
                                + QStringList{u"caches"_qs, u"delete"_qs, u"cli-by-name"_qs,
                                              u"--wait"_qs, u"--poll-interval"_qs, u"100"_qs},
                            env);
    QVERIFY2(deleted.exitCode == 0, qPrintable(deleted.text()));
    QVERIFY2(deleted.out.contains("Deleted " + id.toUtf8()), deleted.out);
    const Run gone
        = run(global(false) + QStringList{u"caches"_qs, u"show"_qs, u"cli-by-name"_qs}, env);
    QCOMPARE(gone.exitCode, 1);
    QCOMPARE(
        run(global(false) + QStringList{u"caches"_qs, u"delete"_qs, first, second}, env).exitCode,
        0);
}

void TestCli::outputFormats()
{
    const QProcessEnvironment env = environment(true);
    const QStringList list{u"caches"_qs, u"list"_qs};
    const Run asJson = run(global(true) + list + QStringList{u"-o"_qs, u"json"_qs}, env);
    const Run alias = run(global(true) + list + QStringList{u"--json"_qs}, env);
    QVERIFY2(asJson.exitCode == 0, qPrintable(asJson.text()));
    QCOMPARE(asJson.out, alias.out); // --json is -o json
    const QJsonArray caches = json(asJson).array();
    QVERIFY(!caches.isEmpty());
    const QString id = caches.first().toObject().value(u"id"_qs).toString();
    const QString name = caches.first().toObject().value(u"name"_qs).toString();

    const Run yaml = run(global(true) + list + QStringList{u"-o"_qs, u"yaml"_qs}, env);
    QVERIFY2(yaml.exitCode == 0, qPrintable(yaml.text()));
    QVERIFY2(yaml.out.startsWith("- "), yaml.out.left(200));
    QVERIFY2(yaml.out.contains("\n  id: " + id.toUtf8() + '\n')
                 || yaml.out.contains("\n  id: \"" + id.toUtf8() + "\"\n"),
             yaml.out.left(400));
    QVERIFY(yaml.out.contains("sizeGiB: "));
    QVERIFY(!yaml.out.contains('{') || yaml.out.contains("{}"));

    const Run table = run(global(true) + list + QStringList{u"-o"_qs, u"table"_qs}, env);
    const Run plain = run(global(true) + list, env);
    QCOMPARE(table.exitCode, 0);
    QCOMPARE(table.out, plain.out);
    QVERIFY(!table.out.contains("EXPIRES"));
    const Run wide = run(global(true) + list + QStringList{u"-o"_qs, u"wide"_qs}, env);
    QCOMPARE(wide.exitCode, 0);
    const QByteArray header = wide.out.left(wide.out.indexOf('\n'));
    QVERIFY2(header.startsWith("ID ") && header.contains("REGION") && header.contains("EXPIRES")
                 && header.contains("TAGS"),
             header);

    const Run shown = run(
        global(true) + QStringList{u"caches"_qs, u"show"_qs, name, u"-o"_qs, u"yaml"_qs}, env);
    QVERIFY2(shown.exitCode == 0, qPrintable(shown.text()));
    QVERIFY2(shown.out.startsWith("account: "), shown.out.left(200));

    for (const QStringList &bad :
         {QStringList{u"-o"_qs, u"xml"_qs}, QStringList{u"-o"_qs, u"yaml"_qs, u"--json"_qs},
          QStringList{u"--raw"_qs, u"-o"_qs, u"wide"_qs}}) {
        const Run r = run(global(true) + list + bad, env);
        QVERIFY2(r.exitCode == 2, qPrintable(bad.join(u' ') + u" → "_qs + r.text()));
    }
}

void TestCli::rawIsTheProvidersResponse()
{
    // Huawei CCE: snake_case objects with metadata/spec; Alibaba: PascalCase ImageCacheId.
    const Run huawei
        = run(global(true) + QStringList{u"caches"_qs, u"list"_qs, u"--raw"_qs}, environment(true));
    QVERIFY2(huawei.exitCode == 0, qPrintable(huawei.text()));
    const QJsonArray hw = json(huawei).array();
    QVERIFY(!hw.isEmpty());
    QVERIFY2(!hw.first().toObject().contains(u"sizeGiB"_qs), huawei.out.left(400));
    const Run alibaba = run(global(false) + QStringList{u"caches"_qs, u"list"_qs, u"--raw"_qs},
                            environment(false));
    QVERIFY2(alibaba.exitCode == 0, qPrintable(alibaba.text()));
    const QJsonArray ali = json(alibaba).array();
    QVERIFY(!ali.isEmpty());
    const QString id = ali.first().toObject().value(u"ImageCacheId"_qs).toString();
    QVERIFY2(!id.isEmpty(), alibaba.out.left(400));

    const Run shown = run(global(false) + QStringList{u"caches"_qs, u"show"_qs, id, u"--raw"_qs},
                          environment(false));
    QVERIFY2(shown.exitCode == 0, qPrintable(shown.text()));
    QCOMPARE(json(shown).object().value(u"ImageCacheId"_qs).toString(), id);

    // E-HPC images: the provider's objects, registry passwords masked (run() checks no leak).
    const Run images = run(global(false) + QStringList{u"images"_qs, u"list"_qs, u"--raw"_qs},
                           environment(false));
    QVERIFY2(images.exitCode == 0, qPrintable(images.text()));
    QVERIFY(!json(images).array().isEmpty());
    QVERIFY(!json(images).array().first().toObject().contains(u"sizeBytes"_qs));
}

void TestCli::hssImageTableIsReadable()
{
    const Run r = run(global(true) + QStringList{u"images"_qs, u"list"_qs}, environment(true));
    QVERIFY2(r.exitCode == 0, qPrintable(r.text()));
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QVERIFY(lines.size() > 1);
    const qsizetype created = lines.first().indexOf("CREATED");
    QVERIFY(created > 0);
    for (const QByteArray &line : lines.mid(1)) {
        QVERIFY2(line.size() > created + 4, line); // CREATED is filled
        QVERIFY2(QByteArray(line.mid(created)).contains("T"), line);
        QVERIFY2(line.contains("iB"), line); // "67.0 MiB", not bytes
    }
}

void TestCli::noCredentialsSaysHowToProvideThem()
{
    QProcessEnvironment none = environment(true);
    none.remove(u"HUAWEICLOUD_SDK_AK"_qs);
    none.remove(u"HUAWEICLOUD_SDK_SK"_qs);
    none.remove(u"HUAWEICLOUD_SDK_PROJECT_ID"_qs);
    const Run r
        = run(QStringList{u"--region"_qs, u"cn-north-4"_qs, u"caches"_qs, u"list"_qs}, none);
    QVERIFY2(r.exitCode == 2, qPrintable(r.text()));
    QVERIFY2(r.err.contains("No credentials found"), r.err);
    QVERIFY(!r.err.contains("--provider is required"));
    for (const char *hint : {"HUAWEICLOUD_SDK_AK", "ALIBABA_CLOUD_ACCESS_KEY_ID",
                             "imagecache accounts add", "imagecache accounts import"})
        QVERIFY2(r.err.contains(hint), r.err);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
