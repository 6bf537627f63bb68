#pragma once

#include "credentialstore.h"

#include <QHash>
#include <QMutex>

namespace store {

// Secrets held in memory for this session only: the fallback when no keychain exists
// (headless), and the fake used by tests. Nothing is ever written anywhere.
class MemoryCredentialStore final : public CredentialStore
{
public:
    explicit MemoryCredentialStore(QString notice = {});

    QFuture<SecretResult> read(const QString &key) override;
    QFuture<SecretResult> write(const QString &key, const QString &secret) override;
    QFuture<SecretResult> remove(const QString &key) override;
    bool persistent() const override { return false; }
    QString notice() const override { return m_notice; }

    // Synchronous forms (the operations never wait on anything).
    SecretResult readNow(const QString &key) const;
    void writeNow(const QString &key, const QString &secret);
    bool removeNow(const QString &key);
    QStringList keys() const;

private:
    mutable QMutex m_mutex;
    QHash<QString, QString> m_secrets;
    QString m_notice;
};

} // namespace store
