#pragma once

#include "clioptions.h"
#include "core/cachespec.h"
#include "providers/connection.h"

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

    // Registry logins of --registry SERVER,USER with IMAGECACHE_REGISTRY_PASSWORD.
    static bool registryLogins(const CliOptions &options, const QProcessEnvironment &environment,
                               QList<core::RegistryLogin> *logins, QString *error);
};

} // namespace cli
