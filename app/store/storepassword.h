#pragma once

#include "credentialstore.h"

#include <QFuture>
#include <QUrl>

namespace store {

// The password of a PostgreSQL store lives in the keychain, never in a settings file or the
// saved URL. One rule for the console and the CLI: the key is named after the URL without its
// password, and a URL that carries no password gets the stored one before it is opened.
class StorePassword final
{
public:
    // "store/postgresql://user@host:5432/db"; empty for SQLite.
    static QString keychainKey(const QUrl &url);
    // `url` with the keychain's password when it is a PostgreSQL URL without one; otherwise
    // (SQLite, a password given, none stored, no keychain) `url` as it is.
    static QFuture<QUrl> resolve(CredentialStore &credentials, const QUrl &url);
    // Stores (or, when `password` is empty, removes) the password of `url`.
    static QFuture<SecretResult> save(CredentialStore &credentials, const QUrl &url,
                                      const QString &password);
};

} // namespace store
