#include "memorycredentialstore.h"

#include <QMutexLocker>

namespace store {

MemoryCredentialStore::MemoryCredentialStore(QString notice)
    : m_notice(std::move(notice))
{}

SecretResult MemoryCredentialStore::readNow(const QString &key) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_secrets.constFind(key);
    if (it == m_secrets.constEnd())
        return SecretResult::notFound();
    return SecretResult::success(*it);
}

void MemoryCredentialStore::writeNow(const QString &key, const QString &secret)
{
    QMutexLocker lock(&m_mutex);
    m_secrets.insert(key, secret);
}

bool MemoryCredentialStore::removeNow(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    return m_secrets.remove(key) > 0;
}

QStringList MemoryCredentialStore::keys() const
{
    QMutexLocker lock(&m_mutex);
    return m_secrets.keys();
}

QFuture<SecretResult> MemoryCredentialStore::read(const QString &key)
{
    return QtFuture::makeReadyFuture(readNow(key));
}

QFuture<SecretResult> MemoryCredentialStore::write(const QString &key, const QString &secret)
{
    writeNow(key, secret);
    return QtFuture::makeReadyFuture(SecretResult::success());
}

QFuture<SecretResult> MemoryCredentialStore::remove(const QString &key)
{
    return QtFuture::makeReadyFuture(removeNow(key) ? SecretResult::success()
                                                    : SecretResult::notFound());
}

} // namespace store
