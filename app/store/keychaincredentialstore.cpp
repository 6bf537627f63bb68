#include "keychaincredentialstore.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QPromise>

#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcKeychain, "imagecache.store.keychain")

namespace store {

KeychainCredentialStore::KeychainCredentialStore(QObject *parent, QString service)
    : QObject(parent)
    , m_service(std::move(service))
{}

KeychainCredentialStore::~KeychainCredentialStore() = default;

QString KeychainCredentialStore::notice() const
{
    return m_fallback ? m_fallback->notice() : QString();
}

QFuture<SecretResult> KeychainCredentialStore::read(const QString &key)
{
    return run(Operation::Read, key, {});
}

QFuture<SecretResult> KeychainCredentialStore::write(const QString &key, const QString &secret)
{
    return run(Operation::Write, key, secret);
}

QFuture<SecretResult> KeychainCredentialStore::remove(const QString &key)
{
    return run(Operation::Remove, key, {});
}

QFuture<bool> KeychainCredentialStore::probe()
{
    // No context object: Qt 6.4's then(context, ...) misbehaves when the context dies first.
    const QPointer<KeychainCredentialStore> self(this);
    return read(QStringLiteral("probe/availability")).then([self](const SecretResult &) {
        return self && self->persistent();
    });
}

QFuture<SecretResult> KeychainCredentialStore::runInMemory(Operation operation, const QString &key,
                                                           const QString &secret)
{
    switch (operation) {
    case Operation::Read:
        return m_fallback->read(key);
    case Operation::Write:
        return m_fallback->write(key, secret);
    case Operation::Remove:
        break;
    }
    return m_fallback->remove(key);
}

void KeychainCredentialStore::switchToMemory(const QString &reason)
{
    if (m_fallback)
        return;
    // The reason goes to the log (it names the backend problem, never a secret); the user
    // gets one plain sentence.
    qCWarning(lcKeychain) << "no usable keychain, keeping secrets in memory:" << reason;
    m_fallback = std::make_unique<MemoryCredentialStore>(
        tr("No system keychain: secrets are kept in memory for this session only"));
    emit noticeChanged(m_fallback->notice());
}

QFuture<SecretResult> KeychainCredentialStore::run(Operation operation, const QString &key,
                                                   const QString &secret)
{
    if (m_fallback)
        return runInMemory(operation, key, secret);

    QKeychain::Job *job = nullptr;
    switch (operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(m_service, this);
        break;
    case Operation::Write: {
        auto *write = new QKeychain::WritePasswordJob(m_service, this);
        write->setTextData(secret);
        job = write;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(m_service, this);
        break;
    }
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(key);

    auto promise = std::make_shared<QPromise<SecretResult>>();
    QFuture<SecretResult> future = promise->future();
    promise->start();
    connect(
        job, &QKeychain::Job::finished, this,
        [this, promise, operation, key, secret](QKeychain::Job *finished) {
            const QKeychain::Error error = finished->error();
            if (error == QKeychain::NoError) {
                QString value;
                if (operation == Operation::Read)
                    value = static_cast<QKeychain::ReadPasswordJob *>(finished)->textData();
                promise->addResult(SecretResult::success(value));
                promise->finish();
                return;
            }
            if (error == QKeychain::EntryNotFound) {
                promise->addResult(SecretResult::notFound());
                promise->finish();
                return;
            }
            if (error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented
                || error == QKeychain::OtherError) {
                switchToMemory(finished->errorString());
                QFuture<SecretResult> retry = runInMemory(operation, key, secret);
                promise->addResult(retry.result());
                promise->finish();
                return;
            }
            qCWarning(lcKeychain) << "keychain operation on" << key
                                  << "failed:" << finished->errorString();
            promise->addResult(SecretResult::failure(
                tr("The system keychain refused the operation: %1").arg(finished->errorString())));
            promise->finish();
        });
    job->start();
    return future;
}

} // namespace store
