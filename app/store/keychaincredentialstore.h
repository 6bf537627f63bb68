#pragma once

#include "credentialstore.h"
#include "memorycredentialstore.h"

#include <QObject>

#include <memory>

namespace QKeychain {
class Job;
}

namespace store {

// Secrets in the OS keychain through QtKeychain (service "imagecache-console"). When the
// platform has no keychain (headless, no Secret Service), it says so once through
// noticeChanged() and keeps secrets in memory for the session. It never enables QtKeychain's
// insecure plaintext fallback.
class KeychainCredentialStore final : public QObject, public CredentialStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainCredentialStore)
public:
    explicit KeychainCredentialStore(QObject *parent = nullptr,
                                     QString service = QStringLiteral("imagecache-console"));
    ~KeychainCredentialStore() override;

    QFuture<SecretResult> read(const QString &key) override;
    QFuture<SecretResult> write(const QString &key, const QString &secret) override;
    QFuture<SecretResult> remove(const QString &key) override;
    bool persistent() const override { return !m_fallback; }
    // Asks the keychain once (a read of a key that need not exist), so the console can say
    // at start, before any account is added, whether secrets will persist. The future ends
    // with persistent().
    QFuture<bool> probe();
    QString notice() const override;

signals:
    void noticeChanged(const QString &notice);

private:
    enum class Operation { Read, Write, Remove };
    QFuture<SecretResult> run(Operation operation, const QString &key, const QString &secret);
    QFuture<SecretResult> runInMemory(Operation operation, const QString &key,
                                      const QString &secret);
    void switchToMemory(const QString &reason);

    QString m_service;
    std::unique_ptr<MemoryCredentialStore> m_fallback;
};

} // namespace store
