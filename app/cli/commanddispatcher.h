#pragma once

#include <QCoreApplication>
#include <QFuture>
#include <QObject>
#include <QProcessEnvironment>
#include <QStringList>

#include <memory>

namespace net {
class ApiClient;
}
namespace providers {
struct Connection;
}
namespace store {
class CredentialStore;
class KeychainCredentialStore;
class Store;
} // namespace store

namespace cli {

struct CliOptions;

// Parses the command line, builds the connection from the environment, creates the
// provider services and hands over to the command group. The future yields the exit code.
class CommandDispatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandDispatcher)
public:
    explicit CommandDispatcher(QObject *parent = nullptr);
    ~CommandDispatcher() override;

    QFuture<int> run(const QStringList &arguments, const QProcessEnvironment &environment);
    // The credential store that `--account` commands read instead of the system keychain
    // (not owned; it must outlive the commands).
    void setCredentialStore(store::CredentialStore *credentials) { m_injected = credentials; }

private:
    QFuture<int> dispatch(const QStringList &arguments, const QProcessEnvironment &environment);
    int exitStatus(int commandStatus) const;
    QFuture<int> runAccount(const CliOptions &options, const QProcessEnvironment &environment);
    QFuture<int> startCommand(const CliOptions &options, const QProcessEnvironment &environment,
                              const providers::Connection &connection);
    // The store for the journal of cache changes: opened when needed, a warning when it
    // cannot be (the CLI's journal is best-effort).
    store::Store *journalStore(const CliOptions &options, const QProcessEnvironment &environment);
    bool openStore(const CliOptions &options, const QProcessEnvironment &environment,
                   QString *error);
    // For commands that use stored accounts when there are some (coverage, registry): the
    // store, or nullptr when it cannot be opened and no --account asked for one. With
    // --account and no store, says why and sets *failed.
    store::Store *storedAccounts(const CliOptions &options, const QProcessEnvironment &environment,
                                 bool *failed);

    net::ApiClient *m_client = nullptr;
    std::unique_ptr<store::Store> m_store;
    store::KeychainCredentialStore *m_credentials = nullptr;
    store::CredentialStore *m_injected = nullptr;
    bool m_storeRecovered = false; // open() moved a damaged store aside
};

} // namespace cli
