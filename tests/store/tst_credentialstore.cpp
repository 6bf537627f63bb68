#include "store/keychaincredentialstore.h"
#include "store/memorycredentialstore.h"

#include <QSignalSpy>
#include <QTest>

using namespace store;

namespace {
SecretResult wait(QFuture<SecretResult> future)
{
    // Keychain jobs finish through the event loop.
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 15000))
        return SecretResult::failure(QStringLiteral("timed out"));
    return future.result();
}
} // namespace

class TestCredentialStore final : public QObject
{
    Q_OBJECT
private slots:
    void namesKeysPerAccount()
    {
        QCOMPARE(CredentialStore::secretKey(QStringLiteral("a1")), QStringLiteral("a1/secret"));
        QCOMPARE(CredentialStore::iamPasswordKey(QStringLiteral("a1")),
                 QStringLiteral("a1/iam-password"));
        QCOMPARE(CredentialStore::registryPasswordKey(QStringLiteral("a1"),
                                                      QStringLiteral(" Reg.Example.com ")),
                 QStringLiteral("a1/registry/reg.example.com"));
    }

    void memoryStoreReadsWritesAndRemoves()
    {
        MemoryCredentialStore store;
        QVERIFY(!store.persistent());
        QCOMPARE(wait(store.read(QStringLiteral("k"))).status, SecretResult::Status::NotFound);
        QVERIFY(wait(store.write(QStringLiteral("k"), QStringLiteral("s3cret"))).ok());
        const SecretResult read = wait(store.read(QStringLiteral("k")));
        QVERIFY(read.ok());
        QCOMPARE(read.value, QStringLiteral("s3cret"));
        QVERIFY(wait(store.write(QStringLiteral("k"), QStringLiteral("other"))).ok());
        QCOMPARE(store.readNow(QStringLiteral("k")).value, QStringLiteral("other"));
        QVERIFY(wait(store.remove(QStringLiteral("k"))).ok());
        QCOMPARE(wait(store.remove(QStringLiteral("k"))).status, SecretResult::Status::NotFound);
        QVERIFY(store.keys().isEmpty());
    }

    // With no Secret Service (headless: no D-Bus session), the store says so and keeps the
    // secret for the session; where a keychain exists the secret round-trips through it.
    void keychainWorksOrFallsBackToMemory()
    {
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/imagecache-test-bus");
        KeychainCredentialStore store(nullptr, QStringLiteral("imagecache-console-test"));
        QSignalSpy notices(&store, &KeychainCredentialStore::noticeChanged);
        QFuture<bool> probed = store.probe();
        QVERIFY(QTest::qWaitFor([&] { return probed.isFinished(); }, 15000));
        QCOMPARE(probed.result(), store.persistent());
        QCOMPARE(notices.size(), store.persistent() ? 0 : 1);
        const QString key = QStringLiteral("test-account/secret");
        const SecretResult written = wait(store.write(key, QStringLiteral("kc-secret")));
        QVERIFY2(written.ok(), qPrintable(written.error));
        const SecretResult read = wait(store.read(key));
        QVERIFY2(read.ok(), qPrintable(read.error));
        QCOMPARE(read.value, QStringLiteral("kc-secret"));
        if (store.persistent()) {
            QVERIFY(store.notice().isEmpty());
            QVERIFY(notices.isEmpty());
        } else {
            QCOMPARE(store.notice(), QStringLiteral("No system keychain: secrets are kept in "
                                                    "memory for this session only"));
            QCOMPARE(notices.size(), 1); // said once, not per operation
        }
        QVERIFY(wait(store.remove(key)).ok());
        QCOMPARE(wait(store.read(key)).status, SecretResult::Status::NotFound);
        QVERIFY(notices.size() <= 1);
    }
};

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"
