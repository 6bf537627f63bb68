#pragma once

#include "account.h"
#include "credentialstore.h"

#include <QCoreApplication>
#include <QFuture>
#include <QHash>
#include <QPointer>

#include <functional>

class QObject;

namespace store {

class Store;
class StoreWorker;

// Adds, changes and removes accounts together with their secrets: an account is stored (or
// changed) only once its secrets are in the credential store, a failed write is reported and
// leaves the account as it was, and a removed account leaves no secret behind. The console
// (store on a worker thread) and the CLI (store on its own thread) both go through it.
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
    // Work on the store: an empty string on success, else the translated problem.
    using StoreJob = std::function<QString(Store &)>;

    // The store lives on the caller's thread (the CLI, tests): jobs run at once.
    AccountManager(Store &store, CredentialStore &credentials);
    // The store lives on the worker's thread (the console). The credential store is called,
    // and the futures finish, in `context`'s thread; the work stops if `context` is gone.
    AccountManager(StoreWorker &worker, CredentialStore &credentials, QObject *context);

    // Each future carries the translated problem, or an empty string on success.
    // `refuse` (optional) runs on the store before anything is written; a non-empty answer
    // stops the add (the importer's duplicate check).
    QFuture<QString> add(const Account &account, const Secrets &secrets, StoreJob refuse = {});
    QFuture<QString> update(const Account &account, const Secrets &secrets);
    // add() or update(), whichever the store calls for.
    QFuture<QString> save(const Account &account, const Secrets &secrets);
    QFuture<QString> remove(const QString &accountId);

    // The credential-store key of the account's own secret: its SK, or its IAM password.
    static QString accountSecretKey(const Account &account);
    // Empty when the account and secrets may be stored, else why not (translated).
    static QString checkSecrets(const Account &account, const Secrets &secrets, bool adding);

private:
    using Runner = std::function<QFuture<QString>(StoreJob)>;
    static QHash<QString, QString> keyed(const Account &account, const Secrets &secrets);

    Runner m_run;
    CredentialStore *m_credentials;
    QPointer<QObject> m_context;
};

} // namespace store
