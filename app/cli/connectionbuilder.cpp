#include "connectionbuilder.h"

#include "accounts/connectionfactory.h"

namespace cli {

namespace {

accounts::ConnectionFactory::Overrides overrides(const CliOptions &options)
{
    return {options.provider, options.region, options.endpoint, options.projectId,
            options.signatureVersion};
}

} // namespace

bool ConnectionBuilder::build(const CliOptions &options, const QProcessEnvironment &environment,
                              providers::Connection *connection, QString *error)
{
    return accounts::ConnectionFactory::fromEnvironment(overrides(options), environment, connection,
                                                        error);
}

bool ConnectionBuilder::fromAccount(const CliOptions &options,
                                    const QProcessEnvironment &environment,
                                    const store::Account &account, const QString &region,
                                    const QString &storedSecret, providers::Connection *connection,
                                    QString *error)
{
    return accounts::ConnectionFactory::fromAccount(overrides(options), environment, account,
                                                    region, storedSecret, connection, error);
}

bool ConnectionBuilder::registryLogins(const CliOptions &options,
                                       const QProcessEnvironment &environment,
                                       QList<core::RegistryLogin> *logins, QString *error)
{
    if (options.registries.isEmpty())
        return true;
    const QString password = environment.value(u"IMAGECACHE_REGISTRY_PASSWORD"_qs);
    if (password.isEmpty()) {
        *error = tr("--registry needs the registry password in IMAGECACHE_REGISTRY_PASSWORD.");
        return false;
    }
    for (const QString &registry : options.registries) {
        core::RegistryLogin login;
        login.server = registry.section(QLatin1Char(','), 0, 0).trimmed();
        login.userName = registry.section(QLatin1Char(','), 1).trimmed();
        login.password = password;
        logins->append(login);
    }
    return true;
}

} // namespace cli
