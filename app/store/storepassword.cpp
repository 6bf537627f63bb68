#include "storepassword.h"

#include "databaseurl.h"

namespace store {

namespace {
bool isPostgres(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return scheme == QLatin1String("postgresql") || scheme == QLatin1String("postgres");
}
} // namespace

QString StorePassword::keychainKey(const QUrl &url)
{
    if (!isPostgres(url))
        return {};
    return QStringLiteral("store/") + url.toString(QUrl::RemovePassword | QUrl::FullyEncoded);
}

QFuture<QUrl> StorePassword::resolve(CredentialStore &credentials, const QUrl &url)
{
    if (!isPostgres(url) || !url.password().isEmpty())
        return QtFuture::makeReadyFuture(url);
    return credentials.read(keychainKey(url)).then([url](const SecretResult &secret) {
        if (!secret.ok() || secret.value.isEmpty())
            return url; // libpq may still find it (~/.pgpass, PGPASSWORD)
        QUrl withPassword = url;
        withPassword.setPassword(secret.value, QUrl::DecodedMode);
        return withPassword;
    });
}

QFuture<SecretResult> StorePassword::save(CredentialStore &credentials, const QUrl &url,
                                          const QString &password)
{
    const QString key = keychainKey(url);
    if (key.isEmpty())
        return QtFuture::makeReadyFuture(SecretResult::success());
    return password.isEmpty() ? credentials.remove(key) : credentials.write(key, password);
}

} // namespace store
