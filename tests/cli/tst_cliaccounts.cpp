// `imagecache accounts …` and `--account`, run as a user would: the built binary against the
// in-process emulator, with a temporary store and no system keychain (secrets then live in
// the process's memory only, so the official environment variables carry them across
// commands).

#include "emulator.h"
#include "store/store.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr char TypedSecret[] = "Typed-Secret-0f-The-Test-Never-Stored";
constexpr char AliyunSecret[] = "aliyun-profile-secret-never-stored";
constexpr char KooSecret[] = "koocli-profile-secret-never-stored";

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString text() const { return QString::fromUtf8(out + "\n--- stderr ---\n" + err); }
};

} // namespace

class TestCliAccounts final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void addListRemove();
    void addRefusesBadInput();
    void iamAccount();
    void accountUsesTheEnvironmentSecret_data();
    void accountUsesTheEnvironmentSecret();
    void testConnection_data();
    void testConnection();
    void importProfiles();
    void journalOfCacheChanges_data();
    void journalOfCacheChanges();
    void journalIsBestEffort();
    void storeUrlPasswordNeverPrinted_data();
    void storeUrlPasswordNeverPrinted();
    void corruptStoreIsReportedOnceWithItsOwnStatus();

private:
    // No cloud variables, no keychain, the test's store and home.
    QProcessEnvironment environment() const;
    QProcessEnvironment withKeys(bool huawei, bool wrongSecret = false) const;
    Run run(const QStringList &arguments, const QProcessEnvironment &environment,
            const QByteArray &input = {});
    // Adds an account for the emulator (secret from the environment); returns its id.
    QString addEmulatorAccount(bool huawei, const QString &name,
                               const QStringList &moreRegions = {});
    QByteArray storeBytes() const; // the database and its journal files, as on disk
    QList<store::JournalEntry> journal(const QString &action);
    QUrl storeUrl() const { return store::DatabaseUrl::sqliteUrl(m_dir->filePath(u"s.db"_qs)); }

    std::unique_ptr<emulator::Emulator> m_emulator;
    std::unique_ptr<QTemporaryDir> m_dir;
    QStringList m_secrets;
};

void TestCliAccounts::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(IMAGECACHE_CLI_PATH)), IMAGECACHE_CLI_PATH);
    emulator::Options options;
    options.timings.huaweiCreateMs = 300;
    options.timings.huaweiDeleteMs = 200;
    options.timings.alibabaPrepareMs = 100;
    options.timings.alibabaCreateMs = 300;
    options.demoData = true;
    m_emulator = std::make_unique<emulator::Emulator>(options);
    QVERIFY(m_emulator->listen() != 0);
    m_secrets = {QString::fromLatin1(emulator::demo::HuaweiSecretKey),
                 QString::fromLatin1(emulator::demo::AlibabaAccessKeySecret),
                 QString::fromLatin1(TypedSecret),
                 QString::fromLatin1(AliyunSecret),
                 QString::fromLatin1(KooSecret),
                 QString::fromLatin1(emulator::demo::HuaweiIamPassword)};
}

void TestCliAccounts::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(QDir(m_dir->path()).mkpath(u"home"_qs));
}

QProcessEnvironment TestCliAccounts::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : env.keys()) {
        if (name.startsWith(u"HUAWEICLOUD_"_qs) || name.startsWith(u"CLOUD_SDK_"_qs)
            || name.startsWith(u"ALIBABA"_qs) || name.startsWith(u"ALICLOUD"_qs)
            || name.startsWith(u"IMAGECACHE_"_qs))
            env.remove(name);
    }
    // Headless: QtKeychain finds no Secret Service, so the memory fallback is what runs.
    env.insert(u"DBUS_SESSION_BUS_ADDRESS"_qs, u"unix:path=/nonexistent/imagecache-test-bus"_qs);
    env.insert(u"HOME"_qs, m_dir->filePath(u"home"_qs));
    env.insert(u"XDG_DATA_HOME"_qs, m_dir->filePath(u"home/data"_qs));
    env.insert(u"XDG_CONFIG_HOME"_qs, m_dir->filePath(u"home/config"_qs));
    env.insert(u"IMAGECACHE_STORE"_qs, storeUrl().toString());
    return env;
}

QProcessEnvironment TestCliAccounts::withKeys(bool huawei, bool wrongSecret) const
{
    QProcessEnvironment env = environment();
    if (huawei) {
        env.insert(u"HUAWEICLOUD_SDK_AK"_qs, QString::fromLatin1(emulator::demo::HuaweiAccessKey));
        env.insert(u"HUAWEICLOUD_SDK_SK"_qs,
                   wrongSecret ? u"not-the-secret"_qs
                               : QString::fromLatin1(emulator::demo::HuaweiSecretKey));
    } else {
        env.insert(u"ALIBABA_CLOUD_ACCESS_KEY_ID"_qs,
                   QString::fromLatin1(emulator::demo::AlibabaAccessKeyId));
        env.insert(u"ALIBABA_CLOUD_ACCESS_KEY_SECRET"_qs,
                   wrongSecret ? u"not-the-secret"_qs
                               : QString::fromLatin1(emulator::demo::AlibabaAccessKeySecret));
    }
    return env;
}

Run TestCliAccounts::run(const QStringList &arguments, const QProcessEnvironment &environment,
                         const QByteArray &input)
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
    // stdin is a pipe, never a terminal: the secret (if any) is read from it.
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    // The emulator lives in this thread: keep its event loop running while the CLI works.
    if (!finished.wait(30000)) {
        qWarning() << "imagecache did not finish:" << arguments;
        process.kill();
        process.waitForFinished(5000);
    }
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = process.readAllStandardOutput();
    r.err = process.readAllStandardError();
    for (const QString &secret : std::as_const(m_secrets)) {
        if (r.out.contains(secret.toUtf8()) || r.err.contains(secret.toUtf8())) {
            qWarning() << "secret leaked by" << arguments;
            r.exitCode = -2;
        }
    }
    return r;
}

QByteArray TestCliAccounts::storeBytes() const
{
    QByteArray bytes;
    for (const QString &suffix : {u""_qs, u"-wal"_qs, u"-journal"_qs, u"-shm"_qs}) {
        QFile file(m_dir->filePath(u"s.db"_qs + suffix));
        if (file.open(QIODevice::ReadOnly))
            bytes += file.readAll();
    }
    return bytes;
}

QList<store::JournalEntry> TestCliAccounts::journal(const QString &action)
{
    store::Store store;
    if (!store.open(storeUrl())) {
        qWarning() << store.errorString();
        return {};
    }
    store::JournalQuery query;
    query.action = action;
    return store.journal(query);
}

QString TestCliAccounts::addEmulatorAccount(bool huawei, const QString &name,
                                            const QStringList &moreRegions)
{
    QStringList arguments{
        u"accounts"_qs,
        u"add"_qs,
        u"--json"_qs,
        u"--provider"_qs,
        huawei ? u"huawei"_qs : u"alibaba"_qs,
        u"--name"_qs,
        name,
        u"--region"_qs,
        QString::fromLatin1(huawei ? emulator::demo::HuaweiRegion : emulator::demo::AlibabaRegion),
        u"--endpoint"_qs,
        m_emulator->baseUrl().toString(),
        u"--secret-from-env"_qs};
    for (const QString &region : moreRegions)
        arguments << u"--region"_qs << region;
    if (huawei)
        arguments << u"--project-id"_qs
                  << QString::fromLatin1(emulator::demo::HuaweiRegion) + u"="_qs
                         + QString::fromLatin1(emulator::demo::HuaweiProjectId);
    const Run added = run(arguments, withKeys(huawei));
    if (added.exitCode != 0) {
        qWarning() << added.text();
        return {};
    }
    return QJsonDocument::fromJson(added.out).object().value(u"id"_qs).toString();
}

void TestCliAccounts::addListRemove()
{
    const QProcessEnvironment env = environment();
    const Run added = run(
        {u"accounts"_qs, u"add"_qs, u"--provider"_qs, u"alibaba"_qs, u"--name"_qs, u"team prod"_qs,
         u"--region"_qs, u"cn-hangzhou"_qs, u"--region"_qs, u"cn-shanghai"_qs, u"--endpoint"_qs,
         u"cn-shanghai=https://eci.internal:8443"_qs, u"--access-key-id"_qs, u"LTAI-TEST-ID-1"_qs,
         u"--signature-version"_qs, u"v1"_qs, u"--secret-stdin"_qs},
        env, QByteArray(TypedSecret) + '\n');
    QVERIFY2(added.exitCode == 0, qPrintable(added.text()));
    QVERIFY2(added.out.contains("Added account team prod"), added.out);
    // Headless: the user is told the secret does not outlive the command, and what to do.
    QVERIFY2(added.err.contains("No system keychain"), added.err);
    QVERIFY2(added.err.contains("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), added.err);

    const Run listed = run({u"accounts"_qs, u"list"_qs, u"--json"_qs}, env);
    QVERIFY2(listed.exitCode == 0, qPrintable(listed.text()));
    const QJsonArray accounts = QJsonDocument::fromJson(listed.out).array();
    QCOMPARE(accounts.size(), 1);
    const QJsonObject account = accounts.at(0).toObject();
    const QString id = account.value(u"id"_qs).toString();
    QCOMPARE(account.value(u"provider"_qs).toString(), u"alibaba"_qs);
    QCOMPARE(account.value(u"displayName"_qs).toString(), u"team prod"_qs);
    QCOMPARE(account.value(u"accessKeyId"_qs).toString(), u"LTAI-TEST-ID-1"_qs);
    QCOMPARE(account.value(u"signatureVersion"_qs).toString(), u"v1"_qs);
    const QJsonArray regions = account.value(u"regions"_qs).toArray();
    QCOMPARE(regions.size(), 2);
    QCOMPARE(regions.at(0).toObject().value(u"region"_qs).toString(), u"cn-hangzhou"_qs);
    QVERIFY(!regions.at(0).toObject().contains(u"endpoint"_qs));
    QCOMPARE(regions.at(1).toObject().value(u"endpoint"_qs).toString(),
             u"https://eci.internal:8443"_qs);
    // The secret died with the `add` process: nothing claims it is stored.
    QCOMPARE(account.value(u"secretStored"_qs).toBool(), false);
    QVERIFY(!listed.out.contains(TypedSecret));
    QVERIFY(!storeBytes().isEmpty());
    QVERIFY2(!storeBytes().contains(TypedSecret), "the secret reached the database file");

    const Run table = run({u"accounts"_qs, u"list"_qs}, env);
    QVERIFY2(table.exitCode == 0, qPrintable(table.text()));
    QVERIFY(table.out.startsWith("ID "));
    QVERIFY(table.out.contains("LTAI-TEST-ID-1"));
    QVERIFY(table.out.contains("cn-hangzhou,cn-shanghai"));
    QVERIFY(table.out.contains("none"));

    const QList<store::JournalEntry> created = journal(u"account.create"_qs);
    QCOMPARE(created.size(), 1);
    QCOMPARE(created.constFirst().accountId, id);

    const Run removed = run({u"accounts"_qs, u"remove"_qs, u"team prod"_qs}, env);
    QVERIFY2(removed.exitCode == 0, qPrintable(removed.text()));
    QVERIFY(removed.out.contains(id.toUtf8()));
    const Run empty = run({u"accounts"_qs, u"list"_qs, u"--json"_qs}, env);
    QCOMPARE(empty.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(empty.out).array().size(), 0);
    QCOMPARE(journal(u"account.delete"_qs).size(), 1);

    const Run again = run({u"accounts"_qs, u"remove"_qs, id}, env);
    QCOMPARE(again.exitCode, 2);
    QVERIFY2(again.err.contains("No stored account"), again.err);
}

void TestCliAccounts::addRefusesBadInput()
{
    const QProcessEnvironment env = environment();
    const QByteArray secret = QByteArray(TypedSecret) + '\n';
    const QStringList base{u"accounts"_qs, u"add"_qs, u"--provider"_qs, u"huawei"_qs};

    // Account::validate()'s messages, exit 3.
    const Run invalid = run(base
                                + QStringList{u"--name"_qs, u"x"_qs, u"--region"_qs,
                                              u"Not A Region"_qs, u"--region"_qs, u"cn-north-4"_qs,
                                              u"--endpoint"_qs, u"http://example.com"_qs},
                            env, secret);
    QCOMPARE(invalid.exitCode, 3);
    QVERIFY2(invalid.err.contains("Not A Region"), invalid.err);
    QVERIFY2(invalid.err.contains("must use HTTPS"), invalid.err);
    QVERIFY2(invalid.err.contains("access key id is required"), invalid.err);

    const Run badProject
        = run(base
                  + QStringList{u"--name"_qs, u"x"_qs, u"--region"_qs, u"cn-north-4"_qs,
                                u"--project-id"_qs, u"cn-north-4=nothex"_qs, u"--access-key-id"_qs,
                                u"AK1"_qs},
              env, secret);
    QCOMPARE(badProject.exitCode, 3);
    QVERIFY2(badProject.err.contains("32 hexadecimal"), badProject.err);

    // A secret is never an option.
    const Run option
        = run(base
                  + QStringList{u"--name"_qs, u"x"_qs, u"--region"_qs, u"cn-north-4"_qs,
                                u"--access-key-id"_qs, u"AK1"_qs, u"--secret-key=abc"_qs},
              env);
    QCOMPARE(option.exitCode, 2);
    QVERIFY2(option.err.contains("never taken from the command line"), option.err);

    // No secret on the pipe.
    const Run noSecret = run(base
                                 + QStringList{u"--name"_qs, u"x"_qs, u"--region"_qs,
                                               u"cn-north-4"_qs, u"--access-key-id"_qs, u"AK1"_qs},
                             env);
    QCOMPARE(noSecret.exitCode, 2);
    QVERIFY2(noSecret.err.contains("No secret on standard input"), noSecret.err);

    // --secret-from-env with another key's secret in the environment.
    const Run mismatch
        = run(base
                  + QStringList{u"--name"_qs, u"x"_qs, u"--region"_qs, u"cn-north-4"_qs,
                                u"--access-key-id"_qs, u"AK1"_qs, u"--secret-from-env"_qs},
              withKeys(true));
    QCOMPARE(mismatch.exitCode, 2);
    QVERIFY2(mismatch.err.contains(emulator::demo::HuaweiAccessKey), mismatch.err);

    QVERIFY(!addEmulatorAccount(true, u"same"_qs).isEmpty());
    const Run duplicate = run(base
                                  + QStringList{u"--name"_qs, u"same"_qs, u"--region"_qs,
                                                u"cn-north-4"_qs, u"--access-key-id"_qs, u"AK2"_qs},
                              env, secret);
    QCOMPARE(duplicate.exitCode, 3);
    QVERIFY2(duplicate.err.contains("already exists"), duplicate.err);
    // Nothing but the one good account was stored.
    const Run listed = run({u"accounts"_qs, u"list"_qs, u"--json"_qs}, env);
    QCOMPARE(QJsonDocument::fromJson(listed.out).array().size(), 1);
    QVERIFY(!storeBytes().contains(TypedSecret));
}

void TestCliAccounts::iamAccount()
{
    const QProcessEnvironment env = environment();
    const QByteArray password = QByteArray(emulator::demo::HuaweiIamPassword) + '\n';
    const QStringList base{u"accounts"_qs,   u"add"_qs,
                           u"--provider"_qs, u"huawei"_qs,
                           u"--name"_qs,     u"iam"_qs,
                           u"--region"_qs,   u"cn-north-4"_qs,
                           u"--auth"_qs,     u"iam"_qs,
                           u"--iam-user"_qs, u"demo-user"_qs,
                           u"--endpoint"_qs, m_emulator->baseUrl().toString()};
    const Run noDomain = run(base, env, password);
    QCOMPARE(noDomain.exitCode, 3);
    QVERIFY2(noDomain.err.contains("domain"), noDomain.err);
    const Run fromEnv
        = run(base + QStringList{u"--iam-domain"_qs, u"demo-account"_qs, u"--secret-from-env"_qs},
              withKeys(true));
    QCOMPARE(fromEnv.exitCode, 2);
    QVERIFY2(fromEnv.err.contains("--secret-stdin"), fromEnv.err);

    const Run added
        = run(base + QStringList{u"--iam-domain"_qs, u"demo-account"_qs}, env, password);
    QVERIFY2(added.exitCode == 0, qPrintable(added.text()));
    QVERIFY(!storeBytes().contains(emulator::demo::HuaweiIamPassword));
    const Run listed = run({u"accounts"_qs, u"list"_qs}, env);
    QVERIFY2(listed.out.contains("IAM demo-user@demo-account"), listed.out);
    // The password died with `add` (no keychain) and has no environment variable: the
    // command says so instead of trying without it.
    const Run tested = run({u"accounts"_qs, u"test"_qs, u"iam"_qs}, withKeys(true));
    QCOMPARE(tested.exitCode, 2);
    QVERIFY2(tested.err.contains("No IAM password is stored"), tested.err);
}

void TestCliAccounts::accountUsesTheEnvironmentSecret_data()
{
    QTest::addColumn<bool>("huawei");
    QTest::newRow("huawei") << true;
    QTest::newRow("alibaba") << false;
}

void TestCliAccounts::accountUsesTheEnvironmentSecret()
{
    QFETCH(bool, huawei);
    const QString id = addEmulatorAccount(huawei, u"emulator"_qs);
    QVERIFY(!id.isEmpty());

    // The same listing as with --provider/--region/--endpoint and the environment.
    QStringList direct{
        u"--provider"_qs,
        huawei ? u"huawei"_qs : u"alibaba"_qs,
        u"--region"_qs,
        QString::fromLatin1(huawei ? emulator::demo::HuaweiRegion : emulator::demo::AlibabaRegion),
        u"--endpoint"_qs,
        m_emulator->baseUrl().toString()};
    if (huawei)
        direct << u"--project-id"_qs << QString::fromLatin1(emulator::demo::HuaweiProjectId);
    const Run plain
        = run(direct + QStringList{u"caches"_qs, u"list"_qs, u"--json"_qs}, withKeys(huawei));
    QVERIFY2(plain.exitCode == 0, qPrintable(plain.text()));
    const Run byName
        = run({u"--account"_qs, u"emulator"_qs, u"caches"_qs, u"list"_qs, u"--json"_qs},
              withKeys(huawei));
    QVERIFY2(byName.exitCode == 0, qPrintable(byName.text()));
    const QJsonArray caches = QJsonDocument::fromJson(byName.out).array();
    QVERIFY(!caches.isEmpty());
    for (const QJsonValue &cache : caches)
        QCOMPARE(cache.toObject().value(u"provider"_qs).toString(),
                 huawei ? u"huawei"_qs : u"alibaba"_qs);
    // The same caches, now tagged with the stored account instead of "env".
    QStringList plainIds;
    for (const QJsonValue &cache : QJsonDocument::fromJson(plain.out).array())
        plainIds << cache.toObject().value(u"id"_qs).toString();
    QStringList accountIds;
    for (const QJsonValue &cache : caches) {
        accountIds << cache.toObject().value(u"id"_qs).toString();
        QCOMPARE(cache.toObject().value(u"account"_qs).toString(), id);
    }
    QCOMPARE(accountIds, plainIds);
    const Run byId = run({u"--account"_qs, id, u"caches"_qs, u"list"_qs}, withKeys(huawei));
    QVERIFY2(byId.exitCode == 0, qPrintable(byId.text()));
    QVERIFY(byId.out.startsWith("ID "));

    // No secret anywhere: a usage error that names the variables to set.
    const Run none
        = run({u"--account"_qs, u"emulator"_qs, u"caches"_qs, u"list"_qs}, environment());
    QCOMPARE(none.exitCode, 2);
    QVERIFY2(none.err.contains(huawei ? "HUAWEICLOUD_SDK_SK" : "ALIBABA_CLOUD_ACCESS_KEY_SECRET"),
             none.err);
    // The environment's pair belongs to another key: it is not used for this account.
    QProcessEnvironment other = withKeys(huawei);
    other.insert(huawei ? u"HUAWEICLOUD_SDK_AK"_qs : u"ALIBABA_CLOUD_ACCESS_KEY_ID"_qs,
                 u"SOMEONE-ELSES-KEY"_qs);
    const Run foreign = run({u"--account"_qs, u"emulator"_qs, u"caches"_qs, u"list"_qs}, other);
    QCOMPARE(foreign.exitCode, 2);
    QVERIFY2(foreign.err.contains("No secret for account emulator"), foreign.err);

    const Run unknown
        = run({u"--account"_qs, u"nobody"_qs, u"caches"_qs, u"list"_qs}, withKeys(huawei));
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.err.contains("nobody"), unknown.err);
    const Run wrongRegion = run({u"--account"_qs, u"emulator"_qs, u"--region"_qs, u"eu-west-101"_qs,
                                 u"caches"_qs, u"list"_qs},
                                withKeys(huawei));
    QCOMPARE(wrongRegion.exitCode, 2);
    QVERIFY2(wrongRegion.err.contains("has no region 'eu-west-101'"), wrongRegion.err);
}

void TestCliAccounts::testConnection_data()
{
    QTest::addColumn<bool>("huawei");
    QTest::addColumn<QByteArray>("code");
    QTest::newRow("huawei") << true << QByteArray("APIGW.0301");
    QTest::newRow("alibaba") << false << QByteArray("SignatureDoesNotMatch");
}

void TestCliAccounts::testConnection()
{
    QFETCH(bool, huawei);
    QFETCH(QByteArray, code);
    const QString second = huawei ? u"ap-southeast-1"_qs : u"cn-shanghai"_qs;
    QVERIFY(!addEmulatorAccount(huawei, u"to test"_qs, {second}).isEmpty());
    const QByteArray region = huawei ? emulator::demo::HuaweiRegion : emulator::demo::AlibabaRegion;

    // One read call per region: the counts are those of `caches list` in each region.
    QByteArray expected;
    for (const QString &r : {QString::fromLatin1(region), second}) {
        const Run listed = run({u"--account"_qs, u"to test"_qs, u"--region"_qs, r, u"caches"_qs,
                                u"list"_qs, u"--json"_qs},
                               withKeys(huawei));
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.text()));
        expected += r.toUtf8() + ": OK ("
                    + QByteArray::number(QJsonDocument::fromJson(listed.out).array().size())
                    + " caches)\n";
    }
    const Run ok = run({u"accounts"_qs, u"test"_qs, u"to test"_qs}, withKeys(huawei));
    QVERIFY2(ok.exitCode == 0, qPrintable(ok.text()));
    QCOMPARE(ok.out, expected);
    const Run one = run({u"accounts"_qs, u"test"_qs, u"to test"_qs, u"--region"_qs, second},
                        withKeys(huawei));
    QVERIFY2(one.exitCode == 0, qPrintable(one.text()));
    QCOMPARE(one.out, expected.mid(expected.indexOf('\n') + 1));

    const Run wrong = run({u"accounts"_qs, u"test"_qs, u"to test"_qs}, withKeys(huawei, true));
    QVERIFY2(wrong.exitCode == 1, qPrintable(wrong.text()));
    // Each region's error verbatim (Alibaba's message spans lines, as the real one does).
    const qsizetype secondAt = wrong.out.indexOf("\n" + second.toUtf8() + ": ");
    QVERIFY2(wrong.out.startsWith(region + ": ") && secondAt > 0, wrong.out);
    for (const QByteArray &part : {wrong.out.left(secondAt), wrong.out.mid(secondAt)}) {
        QVERIFY2(part.contains(code), part);
        QVERIFY2(part.contains("request id"), part);
    }
    QVERIFY(!wrong.out.contains("not-the-secret"));
}

void TestCliAccounts::importProfiles()
{
    const QString aliyunPath = m_dir->filePath(u"aliyun.json"_qs);
    const QString kooPath = m_dir->filePath(u"hcloud.json"_qs);
    {
        QFile aliyun(aliyunPath);
        QVERIFY(aliyun.open(QIODevice::WriteOnly));
        aliyun.write(R"({"current": "default", "profiles": [
            {"name": "default", "mode": "AK", "access_key_id": "LTAI-IMPORT-1",
             "access_key_secret": ")"
                     + QByteArray(AliyunSecret) + R"(", "region_id": "cn-hangzhou",
             "output_format": "json", "language": "en"},
            {"name": "sts", "mode": "StsToken", "access_key_id": "STS.x",
             "access_key_secret": "s", "sts_token": "t", "region_id": "cn-beijing"},
            {"name": "noregion", "mode": "AK", "access_key_id": "LTAI-IMPORT-2",
             "access_key_secret": "y", "region_id": ""}
        ], "meta_path": ""})");
        QFile koo(kooPath);
        QVERIFY(koo.open(QIODevice::WriteOnly));
        koo.write(R"({"language": "en", "profiles": [
            {"name": "default", "mode": "AKSK", "accessKeyId": "HWIMPORTAK01",
             "secretAccessKey": ")"
                  + QByteArray(KooSecret) + R"(", "region": "cn-north-4",
             "projectId": "0123456789abcdef0123456789abcdef"},
            {"name": "temp", "mode": "AKSK", "accessKeyId": "HWTEMP", "secretAccessKey": "z",
             "securityToken": "tok", "region": "cn-north-4"}
        ]})");
    }
    const QProcessEnvironment env = environment();
    const Run aliyun
        = run({u"accounts"_qs, u"import"_qs, u"aliyun"_qs, u"--file"_qs, aliyunPath}, env);
    QVERIFY2(aliyun.exitCode == 0, qPrintable(aliyun.text()));
    QVERIFY2(aliyun.out.contains("Imported profile default"), aliyun.out);
    QVERIFY2(aliyun.out.contains("Skipped: Profile sts uses the StsToken mode"), aliyun.out);
    QVERIFY2(aliyun.out.contains("Skipped: Profile noregion"), aliyun.out);
    QVERIFY2(aliyun.err.contains("No system keychain"), aliyun.err);

    const Run koo = run({u"accounts"_qs, u"import"_qs, u"koocli"_qs, u"--file"_qs, kooPath}, env);
    QVERIFY2(koo.exitCode == 0, qPrintable(koo.text()));
    QVERIFY2(koo.out.contains("Imported profile default"), koo.out);
    QVERIFY2(koo.out.contains("Skipped: Profile temp"), koo.out);

    const Run listed = run({u"accounts"_qs, u"list"_qs, u"--json"_qs}, env);
    QVERIFY2(listed.exitCode == 0, qPrintable(listed.text()));
    QHash<QString, QJsonObject> byKey;
    for (const QJsonValue &v : QJsonDocument::fromJson(listed.out).array())
        byKey.insert(v.toObject().value(u"accessKeyId"_qs).toString(), v.toObject());
    QCOMPARE(byKey.size(), 2);
    QCOMPARE(byKey.value(u"LTAI-IMPORT-1"_qs).value(u"provider"_qs).toString(), u"alibaba"_qs);
    const QJsonObject huawei = byKey.value(u"HWIMPORTAK01"_qs);
    QCOMPARE(huawei.value(u"provider"_qs).toString(), u"huawei"_qs);
    const QJsonObject region = huawei.value(u"regions"_qs).toArray().at(0).toObject();
    QCOMPARE(region.value(u"region"_qs).toString(), u"cn-north-4"_qs);
    QCOMPARE(region.value(u"projectId"_qs).toString(), u"0123456789abcdef0123456789abcdef"_qs);
    const QByteArray db = storeBytes();
    QVERIFY(db.contains("HWIMPORTAK01"));
    QVERIFY2(!db.contains(AliyunSecret) && !db.contains(KooSecret),
             "an imported secret reached the database file");

    // Importing again adds nothing and says why.
    const Run again = run({u"accounts"_qs, u"import"_qs, u"koocli"_qs, u"--file"_qs, kooPath}, env);
    QVERIFY2(again.exitCode == 0, qPrintable(again.text()));
    QVERIFY2(again.out.contains("already exists"), again.out);
    QVERIFY(!again.out.contains("Imported"));

    const Run missing = run({u"accounts"_qs, u"import"_qs, u"aliyun"_qs}, env); // default path
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains(".aliyun/config.json"), missing.err);
    const Run unknown = run({u"accounts"_qs, u"import"_qs, u"aws"_qs}, env);
    QCOMPARE(unknown.exitCode, 2);
}

void TestCliAccounts::journalOfCacheChanges_data()
{
    QTest::addColumn<bool>("huawei");
    QTest::newRow("huawei") << true;
    QTest::newRow("alibaba") << false;
}

void TestCliAccounts::journalOfCacheChanges()
{
    QFETCH(bool, huawei);
    const QString accountId = addEmulatorAccount(huawei, u"journaled"_qs);
    QVERIFY(!accountId.isEmpty());
    const QString name = huawei ? u"journal-huawei"_qs : u"journal-alibaba"_qs;
    QStringList create{u"--account"_qs,   u"journaled"_qs, u"--json"_qs, u"caches"_qs,
                       u"create"_qs,      u"--name"_qs,    name,         u"--image"_qs,
                       u"nginx:latest"_qs};
    if (huawei)
        create << u"--cluster"_qs << u"8b3b4b2d-e39d-11ef-a9ac-0255ac100113"_qs;
    else
        create << u"--security-group"_qs << u"sg-cli"_qs << u"--vswitch"_qs << u"vsw-cli"_qs;
    const Run created = run(create, withKeys(huawei));
    QVERIFY2(created.exitCode == 0, qPrintable(created.text()));
    const QString id = QJsonDocument::fromJson(created.out).object().value(u"id"_qs).toString();
    QVERIFY(!id.isEmpty());

    const QList<store::JournalEntry> creates = journal(u"cache.create"_qs);
    QCOMPARE(creates.size(), 1);
    const store::JournalEntry &c = creates.constFirst();
    QCOMPARE(c.accountId, accountId);
    QCOMPARE(c.target, id + u" "_qs + name);
    QCOMPARE(c.result, u"ok"_qs);
    QVERIFY2(!c.requestId.isEmpty(), "the provider's request id is kept for successes too");
    QVERIFY(c.message.isEmpty());

    const Run removed
        = run({u"--account"_qs, u"journaled"_qs, u"caches"_qs, u"delete"_qs, id}, withKeys(huawei));
    QVERIFY2(removed.exitCode == 0, qPrintable(removed.text()));
    const QList<store::JournalEntry> deletes = journal(u"cache.delete"_qs);
    QCOMPARE(deletes.size(), 1);
    QCOMPARE(deletes.constFirst().target, id);
    QCOMPARE(deletes.constFirst().result, u"ok"_qs);
    QVERIFY(!deletes.constFirst().requestId.isEmpty());

    // A refused call is journaled with the provider's error, verbatim.
    const Run refused
        = run({u"--account"_qs, u"journaled"_qs, u"caches"_qs, u"delete"_qs, u"no-such-cache"_qs},
              withKeys(huawei));
    QCOMPARE(refused.exitCode, 1);
    const QList<store::JournalEntry> all = journal(u"cache.delete"_qs);
    QCOMPARE(all.size(), 2);
    const auto failed = std::find_if(all.cbegin(), all.cend(), [](const store::JournalEntry &e) {
        return e.target == u"no-such-cache"_qs;
    });
    QVERIFY(failed != all.cend());
    QCOMPARE(failed->result, u"failed"_qs);
    QVERIFY2(!failed->message.isEmpty() && refused.err.contains(failed->message.toUtf8()),
             qPrintable(failed->message + u" / "_qs + QString::fromUtf8(refused.err)));
    QVERIFY(!failed->requestId.isEmpty());
    QVERIFY(!storeBytes().contains(huawei ? emulator::demo::HuaweiSecretKey
                                          : emulator::demo::AlibabaAccessKeySecret));
}

void TestCliAccounts::journalIsBestEffort()
{
    // The store's folder is a file: it cannot be opened, yet the cache is created.
    QFile blocker(m_dir->filePath(u"blocker"_qs));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const Run created
        = run({u"--store"_qs, m_dir->filePath(u"blocker/s.db"_qs), u"--provider"_qs, u"alibaba"_qs,
               u"--region"_qs, QString::fromLatin1(emulator::demo::AlibabaRegion), u"--endpoint"_qs,
               m_emulator->baseUrl().toString(), u"caches"_qs, u"create"_qs, u"--name"_qs,
               u"unjournaled"_qs, u"--image"_qs, u"nginx:latest"_qs, u"--security-group"_qs,
               u"sg-cli"_qs, u"--vswitch"_qs, u"vsw-cli"_qs},
              withKeys(false));
    QVERIFY2(created.exitCode == 0, qPrintable(created.text()));
    QVERIFY2(created.err.contains("warning:") && created.err.contains("not journaled"),
             created.err);

    // With the environment's credentials and the default store, the entry is written under
    // the "env" account.
    const Run deleted
        = run({u"--provider"_qs, u"alibaba"_qs, u"--region"_qs,
               QString::fromLatin1(emulator::demo::AlibabaRegion), u"--endpoint"_qs,
               m_emulator->baseUrl().toString(), u"caches"_qs, u"delete"_qs, u"no-such-cache"_qs},
              withKeys(false));
    QCOMPARE(deleted.exitCode, 1);
    const QList<store::JournalEntry> entries = journal(u"cache.delete"_qs);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.constFirst().accountId, u"env"_qs);
    QCOMPARE(entries.constFirst().result, u"failed"_qs);
}

void TestCliAccounts::storeUrlPasswordNeverPrinted_data()
{
    QTest::addColumn<QString>("url");
    // Found as a user would: the sqlite branch printed the URL with its password.
    QTest::newRow("sqlite with a host") << u"sqlite://u:TopSecret99@host"_qs;
    QTest::newRow("sqlite relative") << u"sqlite://u:TopSecret99@host/../x.db"_qs;
    QTest::newRow("postgresql without a database") << u"postgresql://u:TopSecret99@host/"_qs;
    QTest::newRow("postgresql password parameter")
        << u"postgresql://u@host/?password=TopSecret99&sslmode=disable"_qs;
    QTest::newRow("unsupported scheme") << u"mysql://u:TopSecret99@host/db"_qs;
}

void TestCliAccounts::storeUrlPasswordNeverPrinted()
{
    QFETCH(QString, url);
    for (const bool fromEnvironment : {false, true}) {
        QProcessEnvironment env = environment();
        QStringList arguments{u"accounts"_qs, u"list"_qs};
        if (fromEnvironment)
            env.insert(u"IMAGECACHE_STORE"_qs, url);
        else
            arguments = QStringList{u"--store"_qs, url} + arguments;
        const Run r = run(arguments, env);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(!r.err.isEmpty(), qPrintable(r.text()));
        QVERIFY2(!r.out.contains("TopSecret99") && !r.err.contains("TopSecret99"),
                 qPrintable(r.text()));
    }
}

void TestCliAccounts::corruptStoreIsReportedOnceWithItsOwnStatus()
{
    {
        QFile file(m_dir->filePath(u"s.db"_qs));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("this is not a database, it is a shopping list\n").repeated(100));
    }
    Run r = run({u"accounts"_qs, u"list"_qs}, environment());
    // Exit 5: the command ran, on a new empty store; the old file was moved aside.
    QCOMPARE(r.exitCode, 5);
    QCOMPARE(r.err.count("moved to"), 1);
    QVERIFY2(r.err.startsWith("warning: "), qPrintable(r.text()));
    QVERIFY2(r.err.contains("s.db.corrupt-"), qPrintable(r.text()));
    QCOMPARE(QDir(m_dir->path()).entryList({u"s.db.corrupt-*"_qs}).size(), 1);
    // The new store is good: the next run is an ordinary one.
    r = run({u"accounts"_qs, u"list"_qs}, environment());
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(!r.err.contains("warning"), qPrintable(r.text()));
    // --json output stays parseable on stdout; the warning stays on stderr.
    QFile again(m_dir->filePath(u"s.db"_qs));
    QVERIFY(again.open(QIODevice::WriteOnly | QIODevice::Truncate));
    again.write(QByteArray(4096, 'x'));
    again.close();
    r = run({u"accounts"_qs, u"list"_qs, u"--json"_qs}, environment());
    QCOMPARE(r.exitCode, 5);
    QJsonParseError error;
    QJsonDocument::fromJson(r.out, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(r.err.count("moved to"), 1);
}

QTEST_GUILESS_MAIN(TestCliAccounts)
#include "tst_cliaccounts.moc"
