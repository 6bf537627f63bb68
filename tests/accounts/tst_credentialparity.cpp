// The console and the CLI resolve an account's credentials the same way: for one store, one
// keychain state and one environment, both reach the emulator with the same keys (or both
// find none). Each side is driven through its real entry point: the console's session polling
// the account, and `imagecache --account ID caches list`.

#include "cli/commanddispatcher.h"
#include "emulator/emulator.h"
#include "store/databaseurl.h"
#include "store/memorycredentialstore.h"
#include "ui/consolesession.h"

#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr char Right[] = "right";
constexpr char Wrong[] = "wrong";
constexpr char Other[] = "other";

// "right"/"wrong" stand for the emulator's secret and a bad one; "other" for a foreign AK.
QString value(core::Provider provider, const QString &symbol, bool key)
{
    const bool huawei = provider == core::Provider::Huawei;
    if (symbol == QLatin1String(Right))
        return QString::fromLatin1(
            key ? (huawei ? emulator::demo::HuaweiAccessKey : emulator::demo::AlibabaAccessKeyId)
                : (huawei ? emulator::demo::HuaweiSecretKey
                          : emulator::demo::AlibabaAccessKeySecret));
    if (symbol == QLatin1String(Other))
        return QStringLiteral("OTHERACCESSKEY0000001");
    if (symbol.startsWith(QLatin1Char(' ')))
        return QLatin1Char(' ') + value(provider, symbol.trimmed(), key) + QLatin1Char(' ');
    return QStringLiteral("not-the-secret");
}

} // namespace

class TestCredentialParity final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void sameCredentialsInConsoleAndCli_data();
    void sameCredentialsInConsoleAndCli();

private:
    QString console(const store::Account &account,
                    const std::shared_ptr<store::MemoryCredentialStore> &credentials,
                    const QProcessEnvironment &environment, const QUrl &storeUrl);
    QString cli(const store::Account &account, store::CredentialStore *credentials,
                const QProcessEnvironment &environment, const QUrl &storeUrl);
};

void TestCredentialParity::sameCredentialsInConsoleAndCli_data()
{
    QTest::addColumn<core::Provider>("provider");
    QTest::addColumn<QString>("stored"); // the keychain's secret: "", right or wrong
    // NAME=symbol; for *_AK/*_ID names the symbol is an access key, else a secret.
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("expected"); // ok | refused | none

    const auto hw = core::Provider::Huawei;
    const auto ali = core::Provider::Alibaba;
    QTest::newRow("keychain") << hw << QStringLiteral("right") << QStringList{}
                              << QStringLiteral("ok");
    QTest::newRow("keychain wins over environment")
        << hw << QStringLiteral("wrong")
        << QStringList{QStringLiteral("HUAWEICLOUD_SDK_AK=right"),
                       QStringLiteral("HUAWEICLOUD_SDK_SK=right")}
        << QStringLiteral("refused");
    QTest::newRow("HUAWEICLOUD_SDK pair") << hw << QString()
                                          << QStringList{QStringLiteral("HUAWEICLOUD_SDK_AK=right"),
                                                         QStringLiteral("HUAWEICLOUD_SDK_SK=right")}
                                          << QStringLiteral("ok");
    QTest::newRow("CLOUD_SDK pair")
        << hw << QString()
        << QStringList{QStringLiteral("CLOUD_SDK_AK=right"), QStringLiteral("CLOUD_SDK_SK=right")}
        << QStringLiteral("ok");
    QTest::newRow("mixed: HUAWEICLOUD_SDK_AK with CLOUD_SDK_SK")
        << hw << QString()
        << QStringList{QStringLiteral("HUAWEICLOUD_SDK_AK=right"),
                       QStringLiteral("CLOUD_SDK_SK=right")}
        << QStringLiteral("none");
    QTest::newRow("mixed: CLOUD_SDK_AK with HUAWEICLOUD_SDK_SK")
        << hw << QString()
        << QStringList{QStringLiteral("CLOUD_SDK_AK=right"),
                       QStringLiteral("HUAWEICLOUD_SDK_SK=right")}
        << QStringLiteral("none");
    QTest::newRow("HUAWEICLOUD_SDK pair first, even when CLOUD_SDK is right")
        << hw << QString()
        << QStringList{QStringLiteral("HUAWEICLOUD_SDK_AK=right"),
                       QStringLiteral("HUAWEICLOUD_SDK_SK=wrong"),
                       QStringLiteral("CLOUD_SDK_AK=right"), QStringLiteral("CLOUD_SDK_SK=right")}
        << QStringLiteral("refused");
    QTest::newRow("pair of another access key")
        << hw << QString()
        << QStringList{QStringLiteral("HUAWEICLOUD_SDK_AK=other"),
                       QStringLiteral("HUAWEICLOUD_SDK_SK=right")}
        << QStringLiteral("none");
    QTest::newRow("values with spaces around them")
        << hw << QString()
        << QStringList{QStringLiteral("HUAWEICLOUD_SDK_AK= right"),
                       QStringLiteral("HUAWEICLOUD_SDK_SK= right")}
        << QStringLiteral("ok");
    QTest::newRow("nothing anywhere") << hw << QString() << QStringList{} << QStringLiteral("none");
    QTest::newRow("alibaba keychain")
        << ali << QStringLiteral("right") << QStringList{} << QStringLiteral("ok");
    QTest::newRow("alibaba environment")
        << ali << QString()
        << QStringList{QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID=right"),
                       QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET=right")}
        << QStringLiteral("ok");
    QTest::newRow("alibaba secret without id")
        << ali << QString() << QStringList{QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET=right")}
        << QStringLiteral("none");
}

void TestCredentialParity::sameCredentialsInConsoleAndCli()
{
    QFETCH(core::Provider, provider);
    QFETCH(QString, stored);
    QFETCH(QStringList, environment);
    QFETCH(QString, expected);

    emulator::Emulator emulator;
    QVERIFY(emulator.listen() != 0);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QUrl storeUrl = store::DatabaseUrl::sqliteUrl(dir.filePath(QStringLiteral("parity.db")));

    store::Account account;
    account.id = QStringLiteral("acct");
    account.provider = provider;
    account.displayName = QStringLiteral("Parity");
    account.accessKeyId = value(provider, QString::fromLatin1(Right), true);
    account.regions
        = {provider == core::Provider::Huawei
               ? store::AccountRegion{QString::fromLatin1(emulator::demo::HuaweiRegion),
                                      emulator.baseUrl(),
                                      QString::fromLatin1(emulator::demo::HuaweiProjectId)}
               : store::AccountRegion{QString::fromLatin1(emulator::demo::AlibabaRegion),
                                      emulator.baseUrl(), QString()}};

    auto credentials = std::make_shared<store::MemoryCredentialStore>();
    if (!stored.isEmpty())
        credentials->writeNow(store::CredentialStore::secretKey(account.id),
                              value(provider, stored, false));
    QProcessEnvironment env;
    for (const QString &entry : std::as_const(environment)) {
        const QString name = entry.section(QLatin1Char('='), 0, 0);
        const bool key = name.endsWith(QLatin1String("_AK")) || name.endsWith(QLatin1String("_ID"));
        env.insert(name, value(provider, entry.section(QLatin1Char('='), 1), key));
    }

    const QString consoleSaw = console(account, credentials, env, storeUrl);
    const QString cliSaw = cli(account, credentials.get(), env, storeUrl);
    QCOMPARE(consoleSaw, expected);
    QCOMPARE(cliSaw, expected);
}

QString
TestCredentialParity::console(const store::Account &account,
                              const std::shared_ptr<store::MemoryCredentialStore> &credentials,
                              const QProcessEnvironment &environment, const QUrl &storeUrl)
{
    ui::ConsoleSession::Options options;
    options.storeUrl = storeUrl;
    options.credentials = credentials;
    options.seedAccounts = {account};
    options.environment = environment;
    options.slowPollMs = 60'000;
    ui::ConsoleSession session(options);
    session.start();
    const auto answered = [&] {
        const QList<ui::RegionStatus> statuses = session.statuses();
        return statuses.size() == 1
               && (statuses.first().lastRefresh.isValid() || statuses.first().lastError.isError());
    };
    if (!QTest::qWaitFor(answered, 15000))
        return QStringLiteral("timeout");
    const QStringList notices = session.notices();
    const bool noKey = std::any_of(notices.cbegin(), notices.cend(), [](const QString &n) {
        return n.startsWith(QStringLiteral("No key is stored"));
    });
    if (noKey)
        return QStringLiteral("none");
    return session.statuses().first().lastRefresh.isValid() ? QStringLiteral("ok")
                                                            : QStringLiteral("refused");
}

QString TestCredentialParity::cli(const store::Account &account,
                                  store::CredentialStore *credentials,
                                  const QProcessEnvironment &environment, const QUrl &storeUrl)
{
    cli::CommandDispatcher dispatcher;
    dispatcher.setCredentialStore(credentials);
    QFuture<int> exit = dispatcher.run({QStringLiteral("imagecache"), QStringLiteral("--store"),
                                        storeUrl.toString(), QStringLiteral("--account"),
                                        account.id, QStringLiteral("caches"),
                                        QStringLiteral("list"), QStringLiteral("--json")},
                                       environment);
    if (!QTest::qWaitFor([&] { return exit.isFinished(); }, 15000))
        return QStringLiteral("timeout");
    switch (exit.result()) {
    case 0:
        return QStringLiteral("ok");
    case 1:
        return QStringLiteral("refused");
    case 2:
        return QStringLiteral("none");
    default:
        return QStringLiteral("exit %1").arg(exit.result());
    }
}

QTEST_MAIN(TestCredentialParity)
#include "tst_credentialparity.moc"
