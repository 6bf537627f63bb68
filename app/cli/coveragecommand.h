#pragma once

#include "command.h"
#include "providers/connection.h"
#include "store/account.h"
#include "workload/coverageevaluator.h"

#include <QProcessEnvironment>

namespace net {
class ApiClient;
}
namespace store {
class CredentialStore;
class Store;
} // namespace store

namespace cli {

// `imagecache coverage -f FILE...`: which cache serves each container of the manifests, in
// every stored account and region (or those picked with --provider, --account, --region),
// or in the environment's connection when no account is stored. Exit 0 when every container
// is covered by a usable cache, 4 when some are not (or a document could not be read).
class CoverageCommand final : public Command
{
    Q_OBJECT
public:
    CoverageCommand(const CliOptions &options, const QProcessEnvironment &environment,
                    store::Store *store, store::CredentialStore *credentials,
                    net::ApiClient *client, QObject *parent = nullptr);

private:
    void start() override;
    void connectAccounts(const QList<store::Account> &accounts);
    void addSource(const providers::Connection &connection, const QString &accountName);
    void evaluate();
    void print(const workload::CoverageReport &report);

    QProcessEnvironment m_environment;
    store::Store *m_store;
    store::CredentialStore *m_credentials;
    net::ApiClient *m_client;
    workload::ManifestSet m_manifests;
    QList<workload::CoverageSource> m_sources;
    workload::CoverageOptions m_coverageOptions;
    workload::CoverageEvaluator *m_evaluator;
    int m_pendingAccounts = 0;
    bool m_usageFailed = false;
};

} // namespace cli
