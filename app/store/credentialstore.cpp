#include "credentialstore.h"

namespace store {

QString CredentialStore::secretKey(const QString &accountId)
{
    return accountId + QStringLiteral("/secret");
}

QString CredentialStore::iamPasswordKey(const QString &accountId)
{
    return accountId + QStringLiteral("/iam-password");
}

QString CredentialStore::registryPasswordKey(const QString &accountId, const QString &server)
{
    return accountId + QStringLiteral("/registry/") + server.trimmed().toLower();
}

} // namespace store
