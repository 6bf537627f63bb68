#pragma once

#include "clioptions.h"
#include "core/cachespec.h"
#include "providers/connection.h"
#include "store/account.h"

#include <QCoreApplication>
#include <QProcessEnvironment>

namespace cli {

// Turns the global options and the official SDK environment variables into a Connection.
// Credentials are read from the environment only; a missing one is a usage error that names
// the variables to set.
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

    // The official variables that hold the secret key of `provider` (for messages).
    static QString secretVariables(core::Provider provider);
    // The secret in the environment for `provider` (HUAWEICLOUD_SDK_SK, else CLOUD_SDK_SK;
    // ALIBABA_CLOUD_ACCESS_KEY_SECRET), with the access key id beside it.
    static QString environmentSecret(core::Provider provider,
                                     const QProcessEnvironment &environment,
                                     QString *accessKeyId = nullptr);

    // Registry logins of --registry SERVER,USER with IMAGECACHE_REGISTRY_PASSWORD.
    static bool registryLogins(const CliOptions &options, const QProcessEnvironment &environment,
                               QList<core::RegistryLogin> *logins, QString *error);
};

} // namespace cli
