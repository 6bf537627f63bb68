#pragma once

#include "registryclient.h"

#include "store/account.h"

#include <QCoreApplication>
#include <QFuture>
#include <QList>
#include <QString>

#include <optional>

namespace store {
class CredentialStore;
}

namespace registry {

// The stored registry entry that applies to a domain (no password: that stays in the keychain).
struct RegistryLogin
{
    QString accountId;
    QString server; // as the account stores it: the keychain key is made from it
    QString userName;
};

// What resolving gave: a login with its password, or anonymous access (empty credentials),
// with a translated warning when the keychain could not be read.
struct ResolvedLogin
{
    RegistryCredentials credentials;
    QString accountId; // whose entry applied; empty when none did
    QString warning;
    bool found() const { return !accountId.isEmpty(); }
};

// Which registry login applies to an image's registry domain, for the console and the CLI
// alike: the first account, in the order given, with a registry entry for that domain. Servers
// and domains compare as registries name themselves: case-insensitive, without a scheme or a
// trailing slash, and Docker Hub's host names (index.docker.io, registry-1.docker.io,
// registry.hub.docker.com) are docker.io, as references are written.
class RegistryLogins final
{
    Q_DECLARE_TR_FUNCTIONS(RegistryLogins)
public:
    static QString canonicalDomain(const QString &server);

    static std::optional<RegistryLogin> find(const QList<store::Account> &accounts,
                                             const QString &domain);

    // The login for `domain` with its password read from the keychain under
    // CredentialStore::registryPasswordKey(accountId, server). An entry whose password is not
    // in the keychain gives anonymous access (the registry says whether that is enough).
    // Finishes on the thread the credential store answers on (the caller's when it answers at
    // once); continue with whenFinished.
    static QFuture<ResolvedLogin> resolve(const QList<store::Account> &accounts,
                                          const QString &domain,
                                          store::CredentialStore *credentials);
};

} // namespace registry
