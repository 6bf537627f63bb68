#include "registrylogins.h"

#include "providers/completer.h"
#include "store/credentialstore.h"

namespace registry {

QString RegistryLogins::canonicalDomain(const QString &server)
{
    QString domain = server.trimmed().toLower();
    const int scheme = domain.indexOf(QLatin1String("://"));
    if (scheme >= 0)
        domain = domain.mid(scheme + 3);
    const int slash = domain.indexOf(QLatin1Char('/'));
    if (slash >= 0)
        domain.truncate(slash);
    if (domain == QLatin1String("index.docker.io")
        || domain == QLatin1String("registry-1.docker.io")
        || domain == QLatin1String("registry.hub.docker.com"))
        return QStringLiteral("docker.io");
    return domain;
}

std::optional<RegistryLogin> RegistryLogins::find(const QList<store::Account> &accounts,
                                                  const QString &domain)
{
    const QString wanted = canonicalDomain(domain);
    if (wanted.isEmpty())
        return std::nullopt;
    for (const store::Account &account : accounts) {
        for (const store::AccountRegistry &entry : account.registries) {
            if (canonicalDomain(entry.server) == wanted)
                return RegistryLogin{account.id, entry.server, entry.userName};
        }
    }
    return std::nullopt;
}

QFuture<ResolvedLogin> RegistryLogins::resolve(const QList<store::Account> &accounts,
                                               const QString &domain,
                                               store::CredentialStore *credentials)
{
    const std::optional<RegistryLogin> login = find(accounts, domain);
    if (!login || !credentials)
        return providers::readyFuture(ResolvedLogin{});
    auto completer = providers::makeCompleter<ResolvedLogin>();
    QFuture<ResolvedLogin> future = completer->future();
    const QString key
        = store::CredentialStore::registryPasswordKey(login->accountId, login->server);
    // No context object: the continuation only builds a value, on whichever thread the
    // credential store finishes; a dropped read completes `completer` with anonymous access.
    credentials->read(key).then([completer, entry = *login](const store::SecretResult &secret) {
        ResolvedLogin resolved;
        resolved.accountId = entry.accountId;
        if (secret.ok())
            resolved.credentials = {entry.userName, secret.value};
        else if (secret.status == store::SecretResult::Status::Failed)
            resolved.warning = tr("The password of the %1 login could not be read: %2")
                                   .arg(entry.server, secret.error);
        completer->complete(resolved);
    });
    return future;
}

} // namespace registry
