#pragma once

#include "clioptions.h"
#include "core/cachespec.h"
#include "providers/connection.h"
#include "store/account.h"

#include <QCoreApplication>
#include <QProcessEnvironment>

namespace cli {

// The CLI's side of accounts::ConnectionFactory: hands it the global options (--provider,
// --region, --endpoint, --project-id, --signature-version); the rules are all there.
class ConnectionBuilder final
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionBuilder)
public:
    static bool build(const CliOptions &options, const QProcessEnvironment &environment,
                      providers::Connection *connection, QString *error);

    // The connection of a stored account in `region` (empty: --region, else the account's
    // first region). `storedSecret` is the SK (or IAM password) from the credential store;
    // when empty, the official environment variables are used if their access key id is the
    // account's. Global --endpoint, --project-id and --signature-version override the
    // account's values.
    static bool fromAccount(const CliOptions &options, const QProcessEnvironment &environment,
                            const store::Account &account, const QString &region,
                            const QString &storedSecret, providers::Connection *connection,
                            QString *error);

    // Registry logins of --registry SERVER,USER with IMAGECACHE_REGISTRY_PASSWORD.
    static bool registryLogins(const CliOptions &options, const QProcessEnvironment &environment,
                               QList<core::RegistryLogin> *logins, QString *error);
};

} // namespace cli
