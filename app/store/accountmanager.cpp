#include "accountmanager.h"

#include "store.h"

#include <memory>

namespace store {

namespace {

// Writes (or removes) all entries, then reports the first failure, if any.
QFuture<QString> writeAll(CredentialStore &credentials, const QHash<QString, QString> &entries,
                          bool remove)
{
    QList<QFuture<SecretResult>> jobs;
    for (auto it = entries.cbegin(); it != entries.cend(); ++it)
        jobs << (remove ? credentials.remove(it.key()) : credentials.write(it.key(), it.value()));
    if (jobs.isEmpty())
        return QtFuture::makeReadyFuture(QString());
    return QtFuture::whenAll(jobs.begin(), jobs.end())
        .then([](const QList<QFuture<SecretResult>> &done) {
            for (const QFuture<SecretResult> &f : done) {
                const SecretResult r = f.result();
                if (r.status == SecretResult::Status::Failed)
                    return r.error;
            }
            return QString();
        });
}

} // namespace

AccountManager::AccountManager(Store &store, CredentialStore &credentials)
    : m_store(store)
    , m_credentials(credentials)
{}

QHash<QString, QString> AccountManager::keyed(const Account &account, const Secrets &secrets) const
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

QString AccountManager::checkSecrets(const Account &account, const Secrets &secrets,
                                     bool adding) const
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
        const QString server = it.key().trimmed().toLower();
        const bool known = std::any_of(
            account.registries.begin(), account.registries.end(),
            [&](const AccountRegistry &r) { return r.server.trimmed().toLower() == server; });
        if (!known)
            return tr("A password was given for registry %1, which the account does not list")
                .arg(server);
    }
    return {};
}

QFuture<QString> AccountManager::add(const Account &account, const Secrets &secrets)
{
    const QString problem = checkSecrets(account, secrets, true);
    if (!problem.isEmpty())
        return QtFuture::makeReadyFuture(problem);
    if (m_store.account(account.id))
        return QtFuture::makeReadyFuture(
            tr("An account with id %1 already exists").arg(account.id));
    const QHash<QString, QString> entries = keyed(account, secrets);
    Store *store = &m_store;
    CredentialStore *credentials = &m_credentials;
    return writeAll(m_credentials, entries, false)
        .then([store, credentials, account, entries](const QString &error) {
            if (!error.isEmpty()) {
                writeAll(*credentials, entries, true); // do not keep half of them
                return tr("The secrets could not be saved, so the account was not added: %1")
                    .arg(error);
            }
            if (!store->addAccount(account)) {
                writeAll(*credentials, entries, true);
                return store->errorString();
            }
            return QString();
        });
}

QFuture<QString> AccountManager::update(const Account &account, const Secrets &secrets)
{
    const QString problem = checkSecrets(account, secrets, false);
    if (!problem.isEmpty())
        return QtFuture::makeReadyFuture(problem);
    const std::optional<Account> before = m_store.account(account.id);
    if (!before)
        return QtFuture::makeReadyFuture(tr("There is no account with id %1").arg(account.id));
    // Registries the account no longer lists lose their stored password.
    QHash<QString, QString> dropped;
    for (const AccountRegistry &old : before->registries) {
        const bool kept = std::any_of(
            account.registries.begin(), account.registries.end(), [&](const AccountRegistry &r) {
                return r.server.trimmed().toLower() == old.server.trimmed().toLower();
            });
        if (!kept)
            dropped.insert(CredentialStore::registryPasswordKey(account.id, old.server), {});
    }
    if (!m_store.updateAccount(account))
        return QtFuture::makeReadyFuture(m_store.errorString());
    writeAll(m_credentials, dropped, true);
    return writeAll(m_credentials, keyed(account, secrets), false).then([](const QString &error) {
        return error.isEmpty()
                   ? QString()
                   : tr("The account was saved but a secret could not be: %1").arg(error);
    });
}

QFuture<QString> AccountManager::remove(const QString &accountId)
{
    const std::optional<Account> account = m_store.account(accountId);
    if (!account)
        return QtFuture::makeReadyFuture(tr("There is no account with id %1").arg(accountId));
    if (!m_store.removeAccount(accountId))
        return QtFuture::makeReadyFuture(m_store.errorString());
    QHash<QString, QString> entries;
    entries.insert(CredentialStore::secretKey(accountId), {});
    entries.insert(CredentialStore::iamPasswordKey(accountId), {});
    for (const AccountRegistry &r : account->registries)
        entries.insert(CredentialStore::registryPasswordKey(accountId, r.server), {});
    return writeAll(m_credentials, entries, true).then([](const QString &error) {
        return error.isEmpty()
                   ? QString()
                   : tr("The account was removed but a secret could not be deleted from the "
                        "keychain: %1")
                         .arg(error);
    });
}

} // namespace store
