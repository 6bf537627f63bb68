#pragma once

#include "core/provider.h"
#include "providers/connection.h"
#include "store/account.h"

#include <QCoreApplication>
#include <QProcessEnvironment>

namespace accounts {

// Turns accounts, the keychain's secret, the official SDK environment variables and endpoint
// overrides into a providers::Connection. The console and the CLI both call it, so a set of
// variables, a stored account and a keychain state give the same credentials in both.
class ConnectionFactory final
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionFactory)
public:
    // Values given on the command line; empty: not given.
    struct Overrides
    {
        QString provider; // "huawei" | "alibaba"
        QString region;
        QString endpoint;
        QString projectId;
        QString signatureVersion; // "v1" | "v3"
    };

    // An account's secret as found: from the credential store, else the official variables
    // when their access key id is the account's.
    struct Credentials
    {
        QByteArray secret; // SK, AccessKey secret or IAM password
        QByteArray securityToken;
        bool fromEnvironment = false;
        bool found() const { return !secret.isEmpty(); }
    };

    // The secret for `account`: `storedSecret` (from the credential store) when not empty,
    // else, for access-key accounts, the environment's pair when its access key id is the
    // account's. Huawei: HUAWEICLOUD_SDK_AK/SK, else CLOUD_SDK_AK/SK, never one name's AK
    // with the other's SK (as the Huawei SDKs read them).
    static Credentials credentials(const store::Account &account, const QString &storedSecret,
                                   const QProcessEnvironment &environment);
    // The connection of `account` in `region` with `credentials` (possibly none: the calls
    // are then refused by the provider and the poller asks for keys).
    static providers::Connection connection(const store::Account &account,
                                            const store::AccountRegion &region,
                                            const Credentials &credentials);

    // From the environment alone (no stored account): the provider whose pair is complete,
    // the region from the overrides, IMAGECACHE_REGION or the SDK's region variable.
    static bool fromEnvironment(const Overrides &overrides, const QProcessEnvironment &environment,
                                providers::Connection *connection, QString *error);

    // The connection of a stored account in `region` (empty: the overrides' region, else the
    // account's first region); the overrides' endpoint, project id and signature version win
    // over the account's. False with a message when no secret is found.
    static bool fromAccount(const Overrides &overrides, const QProcessEnvironment &environment,
                            const store::Account &account, const QString &region,
                            const QString &storedSecret, providers::Connection *connection,
                            QString *error);

    // What to say when neither cloud's keys are in the environment: where credentials can
    // come from (the variables, `accounts add`, `accounts import`).
    static QString noCredentialsText();
    // The official variables that hold the secret key of `provider` (for messages).
    static QString secretVariables(core::Provider provider);
    // The secret in the environment for `provider`, with the access key id beside it. For
    // Huawei a lone SK (no AK) counts: `accounts add --secret-from-env` takes the id from
    // --access-key-id.
    static QString environmentSecret(core::Provider provider,
                                     const QProcessEnvironment &environment,
                                     QString *accessKeyId = nullptr);

private:
    static bool endpoint(const QString &text, QUrl *url, QString *error);
};

} // namespace accounts
