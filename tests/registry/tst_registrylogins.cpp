#include "localregistry.h"

#include "net/apiclient.h"
#include "providers/completer.h"
#include "registry/registryclient.h"
#include "registry/registrylogins.h"
#include "store/memorycredentialstore.h"

#include <QtTest>

using namespace registry;
using registrytest::LocalRegistry;
using registrytest::Pusher;

namespace {

// A keychain that refuses every read (locked, or no daemon).
class FailingCredentialStore final : public store::CredentialStore
{
public:
    QFuture<store::SecretResult> read(const QString &) override
    {
        return providers::readyFuture(store::SecretResult::failure(QStringLiteral("locked")));
    }
    QFuture<store::SecretResult> write(const QString &, const QString &) override
    {
        return providers::readyFuture(store::SecretResult::failure(QStringLiteral("locked")));
    }
    QFuture<store::SecretResult> remove(const QString &) override
    {
        return providers::readyFuture(store::SecretResult::failure(QStringLiteral("locked")));
    }
    bool persistent() const override { return true; }
    QString notice() const override { return {}; }
};

store::Account makeAccount(const QString &id, QList<store::AccountRegistry> registries)
{
    store::Account account;
    account.id = id;
    account.displayName = id;
    account.registries = std::move(registries);
    return account;
}

template<typename T>
T await(QFuture<T> future)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 30000))
        return T();
    return future.resultCount() > 0 ? future.result() : T();
}

} // namespace

// Which stored registry login applies to an image's domain, and its password from the keychain.
class TestRegistryLogins final : public QObject
{
    Q_OBJECT
private slots:
    void domainsCompareAsRegistriesNameThemselves_data();
    void domainsCompareAsRegistriesNameThemselves();
    void firstAccountWithTheDomainApplies();
    void passwordComesFromTheKeychainKey();
    void missingOrUnreadablePasswordGivesAnonymous();
    void resolvedLoginOpensAPrivateRegistry();
};

void TestRegistryLogins::domainsCompareAsRegistriesNameThemselves_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("domain");
    QTest::newRow("plain") << QStringLiteral("registry.example.com")
                           << QStringLiteral("registry.example.com");
    QTest::newRow("case and spaces")
        << QStringLiteral(" Registry.Example.COM ") << QStringLiteral("registry.example.com");
    QTest::newRow("scheme and slash") << QStringLiteral("https://registry.example.com/")
                                      << QStringLiteral("registry.example.com");
    QTest::newRow("port kept") << QStringLiteral("127.0.0.1:5000")
                               << QStringLiteral("127.0.0.1:5000");
    QTest::newRow("index.docker.io")
        << QStringLiteral("index.docker.io") << QStringLiteral("docker.io");
    QTest::newRow("registry-1") << QStringLiteral("https://registry-1.docker.io/v2/")
                                << QStringLiteral("docker.io");
    QTest::newRow("hub") << QStringLiteral("registry.hub.docker.com")
                         << QStringLiteral("docker.io");
}

void TestRegistryLogins::domainsCompareAsRegistriesNameThemselves()
{
    QFETCH(QString, server);
    QFETCH(QString, domain);
    QCOMPARE(RegistryLogins::canonicalDomain(server), domain);
    const auto login = RegistryLogins::find({makeAccount("a", {{server, "user"}})}, domain);
    QVERIFY(login.has_value());
    QCOMPARE(login->server, server); // the keychain key is made from the stored spelling
}

void TestRegistryLogins::firstAccountWithTheDomainApplies()
{
    const QList<store::Account> accounts{
        makeAccount("first", {{"other.example.com", "x"}}),
        makeAccount("second", {{"other.example.com:5000", "y"}, {"registry.example.com", "ci"}}),
        makeAccount("third", {{"registry.example.com", "later"}}),
    };
    const auto login = RegistryLogins::find(accounts, "registry.example.com");
    QVERIFY(login.has_value());
    QCOMPARE(login->accountId, QStringLiteral("second"));
    QCOMPARE(login->userName, QStringLiteral("ci"));
    // A port is part of the domain: other.example.com does not stand for :5000.
    QCOMPARE(RegistryLogins::find(accounts, "other.example.com:5000")->accountId,
             QStringLiteral("second"));
    QVERIFY(!RegistryLogins::find(accounts, "docker.io").has_value());
    QVERIFY(!RegistryLogins::find(accounts, "").has_value());
}

void TestRegistryLogins::passwordComesFromTheKeychainKey()
{
    store::MemoryCredentialStore keychain;
    keychain.writeNow(store::CredentialStore::registryPasswordKey("acc", "Registry.Example.com"),
                      "pull-secret");
    keychain.writeNow(store::CredentialStore::registryPasswordKey("other", "registry.example.com"),
                      "not-this-one");
    const QList<store::Account> accounts{makeAccount("acc", {{"Registry.Example.com", "ci"}}),
                                         makeAccount("other", {{"registry.example.com", "x"}})};
    const ResolvedLogin login
        = await(RegistryLogins::resolve(accounts, "registry.example.com", &keychain));
    QVERIFY(login.found());
    QCOMPARE(login.accountId, QStringLiteral("acc"));
    QCOMPARE(login.credentials.userName, QStringLiteral("ci"));
    QCOMPARE(login.credentials.password, QStringLiteral("pull-secret"));
    QVERIFY(login.warning.isEmpty());

    const ResolvedLogin none = await(RegistryLogins::resolve(accounts, "docker.io", &keychain));
    QVERIFY(!none.found());
    QVERIFY(none.credentials.isEmpty());
}

void TestRegistryLogins::missingOrUnreadablePasswordGivesAnonymous()
{
    const QList<store::Account> accounts{makeAccount("acc", {{"registry.example.com", "ci"}})};
    store::MemoryCredentialStore empty;
    const ResolvedLogin missing
        = await(RegistryLogins::resolve(accounts, "registry.example.com", &empty));
    QVERIFY(missing.found());
    QVERIFY(missing.credentials.isEmpty());
    QVERIFY(missing.warning.isEmpty());

    FailingCredentialStore locked;
    const ResolvedLogin failed
        = await(RegistryLogins::resolve(accounts, "registry.example.com", &locked));
    QVERIFY(failed.credentials.isEmpty());
    QVERIFY(failed.warning.contains(QLatin1String("registry.example.com")));
    QVERIFY(failed.warning.contains(QLatin1String("locked")));
}

void TestRegistryLogins::resolvedLoginOpensAPrivateRegistry()
{
    if (LocalRegistry::binary().isEmpty())
        QSKIP("docker-registry is not installed (scripts/install-deps.sh installs it)");
    LocalRegistry locked;
    QVERIFY2(locked.start(QStringLiteral("puller"), QStringLiteral("s3cret-pass")),
             qPrintable(locked.errorString()));
    Pusher pusher(locked.url(), locked.authorization());
    const auto pushed = pusher.pushImage(QStringLiteral("team/app"), QStringLiteral("v1"), 5, 1);
    QVERIFY2(!pushed.manifestDigest.isEmpty(), qPrintable(pusher.error()));

    store::MemoryCredentialStore keychain;
    keychain.writeNow(store::CredentialStore::registryPasswordKey("acc", locked.domain()),
                      "s3cret-pass");
    const QList<store::Account> accounts{makeAccount("acc", {{locked.domain(), "puller"}})};
    const auto reference
        = RegistryReference::parse(locked.domain() + QStringLiteral("/team/app:v1")).value();
    const ResolvedLogin login
        = await(RegistryLogins::resolve(accounts, reference.domain, &keychain));
    QVERIFY(login.found());

    net::ApiClient transport;
    RegistryClient client(&transport);
    client.setCredentials(reference.domain, login.credentials);
    const auto digest = await(client.resolveDigest(reference));
    QVERIFY2(digest.ok(), qPrintable(digest.error().toString()));
    QCOMPARE(digest.value(), pushed.manifestDigest);
}

QTEST_GUILESS_MAIN(TestRegistryLogins)
#include "tst_registrylogins.moc"
