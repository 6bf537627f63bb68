#pragma once

#include "account.h"
#include "credentialstore.h"

#include <QCoreApplication>
#include <QFuture>
#include <QHash>

namespace store {

class Store;

// Adds, changes and removes accounts together with their secrets: an account is stored only
// once its secrets are in the credential store, and a removed account leaves no secret
// behind. Call it on the store's thread (the CLI, or inside StoreWorker::run()).
class AccountManager final
{
    Q_DECLARE_TR_FUNCTIONS(AccountManager)
public:
    // What the user typed; empty members are left as they are on update.
    struct Secrets
    {
        QString secretKey;                         // SK / AccessKey secret
        QString iamPassword;                       // Huawei IAM token sign-in
        QHash<QString, QString> registryPasswords; // server → password
    };

    AccountManager(Store &store, CredentialStore &credentials);

    // Each future carries the translated problem, or an empty string on success.
    QFuture<QString> add(const Account &account, const Secrets &secrets);
    QFuture<QString> update(const Account &account, const Secrets &secrets);
    QFuture<QString> remove(const QString &accountId);

private:
    QString checkSecrets(const Account &account, const Secrets &secrets, bool adding) const;
    QHash<QString, QString> keyed(const Account &account, const Secrets &secrets) const;

    Store &m_store;
    CredentialStore &m_credentials;
};

} // namespace store
