#pragma once

#include "command.h"
#include "store/account.h"

#include <QProcessEnvironment>
#include <QStringList>

namespace net {
class ApiClient;
}
namespace store {
class CredentialStore;
class Store;
struct ImportReport;
} // namespace store

namespace cli {

// accounts list | add | remove ID|NAME | import aliyun|koocli | test ID|NAME
// Accounts live in the store (no secrets); secrets in the credential store.
class AccountCommands final : public Command
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountCommands)
public:
    AccountCommands(const CliOptions &options, const QProcessEnvironment &environment,
                    store::Store &store, store::CredentialStore &credentials,
                    net::ApiClient *client, QObject *parent = nullptr);

protected:
    void start() override;

private:
    void list();
    void add();
    void remove();
    void import();
    void test();
    void testRegion(const store::Account &account, const QString &secret, int index);

    // Reads the account of `accounts add` from the options; false with a usage message.
    bool buildAccount(store::Account *account, QString *error) const;
    // The secret of `accounts add`: stdin, the environment or a prompt without echo.
    bool readSecret(const store::Account &account, QString *secret, QString *error) const;
    // Says on stderr, once, that secrets do not outlive this command (no keychain).
    void warnIfNotPersistent(const store::Account *account);

    QProcessEnvironment m_environment;
    store::Store &m_store;
    store::CredentialStore &m_credentials;
    net::ApiClient *m_client;
    int m_failedRegions = 0;
    bool m_warned = false;
};

} // namespace cli
