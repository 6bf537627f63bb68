#pragma once

#include "core/provider.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace store {

// One region an account works in, with the optional private endpoint (or the emulator) and,
// for Huawei, the project id (empty: looked up through IAM as the SDK does).
struct AccountRegion
{
    QString region;
    QUrl endpointOverride;
    QString projectId;
    friend bool operator==(const AccountRegion &, const AccountRegion &) = default;
};

// A private registry login of an account (Alibaba ImageRegistryCredential). The password is
// in the CredentialStore under registryPasswordKey(accountId, server).
struct AccountRegistry
{
    QString server; // host[:port], no scheme
    QString userName;
    friend bool operator==(const AccountRegistry &, const AccountRegistry &) = default;
};

// A console account. Holds identifiers only: the secret key, the IAM password and registry
// passwords live in the CredentialStore under credentialKey(id, name).
struct Account
{
    Q_DECLARE_TR_FUNCTIONS(Account)
public:
    enum class AuthKind { AccessKey, IamToken };
    enum class SignatureVersion { V3, V1 }; // Alibaba ACS3-HMAC-SHA256 | RPC HMAC-SHA1

    QString id; // stable, generated once (QUuid)
    core::Provider provider = core::Provider::Huawei;
    QString displayName;
    QList<AccountRegion> regions;
    AuthKind authKind = AuthKind::AccessKey;
    QString accessKeyId; // an identifier, not a secret
    QString iamUserName;
    QString iamDomainName;
    SignatureVersion alibabaSignatureVersion = SignatureVersion::V3;
    QList<AccountRegistry> registries;

    friend bool operator==(const Account &, const Account &) = default;

    static QString newId();

    // Every rule an account must meet before it is stored; empty when valid. Messages are
    // translated and name the offending value.
    QStringList validate() const;

    // True for 127.0.0.0/8, ::1 and "localhost": the only hosts allowed over plain HTTP.
    static bool isLoopbackHost(const QString &host);
    // Empty when `url` may be used as an endpoint override, else the reason.
    static QString endpointProblem(const QUrl &url);

    // Secret-free description (CLI JSON output, settings). Never contains a credential.
    QJsonObject toJson() const;

    static QString authKindKey(AuthKind kind);
    static AuthKind authKindFromKey(const QString &key);
    static QString signatureVersionKey(SignatureVersion version);
    static SignatureVersion signatureVersionFromKey(const QString &key);
};

} // namespace store
