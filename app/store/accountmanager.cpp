#include "accountmanager.h"

#include "core/continuation.h"
#include "store.h"
#include "storeworker.h"

#include <QCoreApplication>
#include <QPromise>

#include <memory>

namespace store {

namespace {

using Promise = std::shared_ptr<QPromise<QString>>;

QFuture<QString> ready(const QString &value)
{
    return QtFuture::makeReadyFuture(value);
}

// Runs `step(result of future)` in `context`'s thread and hands its future on: one step of a
// chain whose store work may run on another thread while the secrets stay on this one.
template<typename Step>
QFuture<QString> next(const QFuture<QString> &future, QObject *context, Step step)
{
    auto promise = std::make_shared<QPromise<QString>>();
    QFuture<QString> chained = promise->future();
    promise->start();
    core::whenFinished(future, context, [promise, context, step](const QString &result) {
        core::whenFinished(step(result), context, [promise](const QString &answer) {
            promise->addResult(answer);
            promise->finish();
        });
    });
    return chained;
}

// Writes (or removes) all entries, then reports the first failure, if any.
QFuture<QString> writeAll(CredentialStore &credentials, const QHash<QString, QString> &entries,
                          bool remove)
{
    QList<QFuture<SecretResult>> jobs;
    for (auto it = entries.cbegin(); it != entries.cend(); ++it)
        jobs << (remove ? credentials.remove(it.key()) : credentials.write(it.key(), it.value()));
    if (jobs.isEmpty())
        return ready(QString());
    return QtFuture::whenAll(jobs.begin(), jobs.end())
        .then([](const QList<QFuture<SecretResult>> &done) {
            for (const QFuture<SecretResult> &f : done) {
                const SecretResult r = f.resultCount() > 0 ? f.result() : SecretResult{};
                if (r.status == SecretResult::Status::Failed)
                    return r.error.isEmpty() ? AccountManager::tr("the keychain did not answer")
                                             : r.error;
            }
            return QString();
        });
}

bool sameServer(const QString &a, const QString &b)
{
    return a.trimmed().toLower() == b.trimmed().toLower();
}

} // namespace

AccountManager::AccountManager(Store &store, CredentialStore &credentials)
    : m_run([store = &store](const StoreJob &job) { return ready(job(*store)); })
    , m_credentials(&credentials)
    , m_context(QCoreApplication::instance())
{}

AccountManager::AccountManager(StoreWorker &worker, CredentialStore &credentials, QObject *context)
    : m_run([worker = &worker](const StoreJob &job) {
        return worker
            ->run<QString>([job](Store &store) {
                return StoreResult<QString>{true, job(store), {}};
            })
            .then([](const StoreResult<QString> &r) { return r.value; });
    })
    , m_credentials(&credentials)
    , m_context(context)
{}

QString AccountManager::accountSecretKey(const Account &account)
{
    return account.authKind == Account::AuthKind::IamToken
               ? CredentialStore::iamPasswordKey(account.id)
               : CredentialStore::secretKey(account.id);
}

QHash<QString, QString> AccountManager::keyed(const Account &account, const Secrets &secrets)
{
    QHash<QString, QString> entries;
    if (!secrets.secretKey.isEmpty())
        entries.insert(CredentialStore::secretKey(account.id), secrets.secretKey);
    if (!secrets.iamPassword.isEmpty())
        entries.insert(CredentialStore::iamPasswordKey(account.id), secrets.iamPassword);
    for (auto it = secrets.registryPasswords.cbegin(); it != secrets.registryPasswords.cend(); ++it)
        entries.insert(CredentialStore::registryPasswordKey(account.id, it.key()), it.value());
    return entries;
}

QString AccountManager::checkSecrets(const Account &account, const Secrets &secrets, bool adding)
{
    if (account.id.isEmpty())
        return tr("The account has no id");
    const QStringList problems = account.validate();
    if (!problems.isEmpty())
        return problems.join(QLatin1Char('\n'));
    if (adding && account.authKind == Account::AuthKind::AccessKey && secrets.secretKey.isEmpty())
        return tr("The secret access key is required");
    if (adding && account.authKind == Account::AuthKind::IamToken && secrets.iamPassword.isEmpty())
        return tr("The IAM user's password is required");
    for (auto it = secrets.registryPasswords.cbegin(); it != secrets.registryPasswords.cend();
         ++it) {
        const bool known
            = std::any_of(account.registries.begin(), account.registries.end(),
                          [&](const AccountRegistry &r) { return sameServer(r.server, it.key()); });
        if (!known)
            return tr("A password was given for registry %1, which the account does not list")
                .arg(it.key().trimmed().toLower());
    }
    return {};
}

QFuture<QString> AccountManager::add(const Account &account, const Secrets &secrets,
                                     StoreJob refuse)
{
    const QString problem = checkSecrets(account, secrets, true);
    if (!problem.isEmpty())
        return ready(problem);
    if (!m_context)
        return ready(tr("The account was not added: the application is closing"));
    const QHash<QString, QString> entries = keyed(account, secrets);
    CredentialStore *credentials = m_credentials;
    QObject *context = m_context;
    const Runner run = m_run;
    const QString id = account.id;
    QFuture<QString> checked = run([id, refuse](Store &store) {
        if (store.account(id))
            return tr("An account with id %1 already exists").arg(id);
        return refuse ? refuse(store) : QString();
    });
    // Secrets first: the account is stored only once they are safe.
    auto refused = std::make_shared<QString>();
    QFuture<QString> written
        = next(checked, context, [credentials, entries, refused](const QString &reason) {
              *refused = reason;
              return reason.isEmpty() ? writeAll(*credentials, entries, false) : ready({});
          });
    return next(written, context,
                [credentials, entries, run, account, context, refused](const QString &error) {
                    if (!refused->isEmpty())
                        return ready(*refused);
                    if (!error.isEmpty()) {
                        writeAll(*credentials, entries, true); // do not keep half of them
                        return ready(
                            tr("The secrets could not be saved, so the account was not added: %1")
                                .arg(error));
                    }
                    QFuture<QString> added = run([account](Store &store) {
                        return store.addAccount(account) ? QString() : store.errorString();
                    });
                    return next(added, context, [credentials, entries](const QString &failed) {
                        if (!failed.isEmpty())
                            writeAll(*credentials, entries, true);
                        return ready(failed);
                    });
                });
}

QFuture<QString> AccountManager::update(const Account &account, const Secrets &secrets)
{
    const QString problem = checkSecrets(account, secrets, false);
    if (!problem.isEmpty())
        return ready(problem);
    if (!m_context)
        return ready(tr("The account was not saved: the application is closing"));
    CredentialStore *credentials = m_credentials;
    QObject *context = m_context;
    const Runner run = m_run;
    // Registries the account no longer lists lose their stored password, once it is saved.
    auto dropped = std::make_shared<QHash<QString, QString>>();
    QFuture<QString> found = run([account, dropped](Store &store) {
        const std::optional<Account> before = store.account(account.id);
        if (!before)
            return tr("There is no account with id %1").arg(account.id);
        for (const AccountRegistry &old : before->registries) {
            const bool kept = std::any_of(
                account.registries.begin(), account.registries.end(),
                [&](const AccountRegistry &r) { return sameServer(r.server, old.server); });
            if (!kept)
                dropped->insert(CredentialStore::registryPasswordKey(account.id, old.server), {});
        }
        return QString();
    });
    const QHash<QString, QString> entries = keyed(account, secrets);
    auto missing = std::make_shared<QString>();
    QFuture<QString> written
        = next(found, context, [credentials, entries, missing](const QString &reason) {
              *missing = reason;
              return reason.isEmpty() ? writeAll(*credentials, entries, false) : ready({});
          });
    return next(written, context,
                [credentials, run, account, context, dropped, missing](const QString &error) {
                    if (!missing->isEmpty())
                        return ready(*missing);
                    if (!error.isEmpty())
                        return ready(
                            tr("The secrets could not be saved, so the account was not changed: %1")
                                .arg(error));
                    QFuture<QString> updated = run([account](Store &store) {
                        return store.updateAccount(account) ? QString() : store.errorString();
                    });
                    return next(updated, context, [credentials, dropped](const QString &failed) {
                        if (failed.isEmpty())
                            writeAll(*credentials, *dropped, true);
                        return ready(failed);
                    });
                });
}

QFuture<QString> AccountManager::save(const Account &account, const Secrets &secrets)
{
    if (!m_context)
        return ready(tr("The account was not saved: the application is closing"));
    QFuture<QString> exists = m_run([id = account.id](Store &store) {
        return store.account(id) ? QStringLiteral("update") : QString();
    });
    AccountManager self = *this;
    return next(exists, m_context, [self, account, secrets](const QString &how) {
        AccountManager manager = self;
        return how.isEmpty() ? manager.add(account, secrets) : manager.update(account, secrets);
    });
}

QFuture<QString> AccountManager::remove(const QString &accountId)
{
    if (!m_context)
        return ready(tr("The account was not removed: the application is closing"));
    auto entries = std::make_shared<QHash<QString, QString>>();
    QFuture<QString> removed = m_run([accountId, entries](Store &store) {
        const std::optional<Account> account = store.account(accountId);
        if (!account)
            return tr("There is no account with id %1").arg(accountId);
        if (!store.removeAccount(accountId))
            return store.errorString();
        entries->insert(CredentialStore::secretKey(accountId), {});
        entries->insert(CredentialStore::iamPasswordKey(accountId), {});
        for (const AccountRegistry &r : account->registries)
            entries->insert(CredentialStore::registryPasswordKey(accountId, r.server), {});
        return QString();
    });
    CredentialStore *credentials = m_credentials;
    return next(removed, m_context, [credentials, entries](const QString &problem) {
        if (!problem.isEmpty())
            return ready(problem);
        return writeAll(*credentials, *entries, true).then([](const QString &error) {
            return error.isEmpty()
                       ? QString()
                       : tr("The account was removed but a secret could not be deleted from "
                            "the keychain: %1")
                             .arg(error);
        });
    });
}

} // namespace store
