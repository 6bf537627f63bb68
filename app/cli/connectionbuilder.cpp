#include "connectionbuilder.h"

#include <QUrl>

namespace cli {

namespace {

struct KeyPair
{
    QByteArray id;
    QByteArray secret;
    bool complete() const { return !id.isEmpty() && !secret.isEmpty(); }
};

QByteArray env(const QProcessEnvironment &environment, const char *name)
{
    return environment.value(QString::fromLatin1(name)).trimmed().toUtf8();
}

// HUAWEICLOUD_SDK_AK/SK first, then the generic CLOUD_SDK_AK/SK, as the Huawei SDKs do; a
// pair is never mixed across the two names.
KeyPair huaweiKeys(const QProcessEnvironment &environment)
{
    KeyPair keys{env(environment, "HUAWEICLOUD_SDK_AK"), env(environment, "HUAWEICLOUD_SDK_SK")};
    if (keys.complete())
        return keys;
    return {env(environment, "CLOUD_SDK_AK"), env(environment, "CLOUD_SDK_SK")};
}

KeyPair alibabaKeys(const QProcessEnvironment &environment)
{
    return {env(environment, "ALIBABA_CLOUD_ACCESS_KEY_ID"),
            env(environment, "ALIBABA_CLOUD_ACCESS_KEY_SECRET")};
}

} // namespace

bool ConnectionBuilder::build(const CliOptions &options, const QProcessEnvironment &environment,
                              providers::Connection *connection, QString *error)
{
    const KeyPair huawei = huaweiKeys(environment);
    const KeyPair alibaba = alibabaKeys(environment);

    core::Provider provider = core::Provider::Huawei;
    if (!options.provider.isEmpty()) {
        if (!core::providerFromKey(options.provider, &provider)) {
            *error
                = tr("Unknown provider '%1' (expected huawei or alibaba).").arg(options.provider);
            return false;
        }
    } else if (huawei.complete() != alibaba.complete()) {
        provider = huawei.complete() ? core::Provider::Huawei : core::Provider::Alibaba;
    } else {
        *error = tr("--provider is required (huawei or alibaba): it cannot be told from the "
                    "credentials in the environment.");
        return false;
    }

    providers::Connection c;
    c.provider = provider;
    c.accountId = QStringLiteral("env");
    c.auth = providers::Connection::Auth::AccessKey;
    if (provider == core::Provider::Huawei) {
        if (!huawei.complete()) {
            *error = tr("No Huawei Cloud credentials: set HUAWEICLOUD_SDK_AK and "
                        "HUAWEICLOUD_SDK_SK (or CLOUD_SDK_AK and CLOUD_SDK_SK) in the "
                        "environment.");
            return false;
        }
        c.accessKeyId = huawei.id;
        c.accessKeySecret = huawei.secret;
        c.securityToken = env(environment, "HUAWEICLOUD_SDK_SECURITY_TOKEN");
        c.projectId = options.projectId.isEmpty()
                          ? environment.value(u"HUAWEICLOUD_SDK_PROJECT_ID"_qs).trimmed()
                          : options.projectId;
    } else {
        if (!alibaba.complete()) {
            *error = tr("No Alibaba Cloud credentials: set ALIBABA_CLOUD_ACCESS_KEY_ID and "
                        "ALIBABA_CLOUD_ACCESS_KEY_SECRET in the environment.");
            return false;
        }
        if (!options.projectId.isEmpty()) {
            *error = tr("--project-id is a Huawei Cloud option.");
            return false;
        }
        c.accessKeyId = alibaba.id;
        c.accessKeySecret = alibaba.secret;
        c.securityToken = env(environment, "ALIBABA_CLOUD_SECURITY_TOKEN");
        c.signatureVersion = options.signatureVersion == u"v1"_qs ? net::AlibabaSigner::Version::V1
                                                                  : net::AlibabaSigner::Version::V3;
    }
    if (provider == core::Provider::Huawei && !options.signatureVersion.isEmpty()) {
        *error = tr("--signature-version is an Alibaba Cloud option.");
        return false;
    }

    c.region = options.region;
    if (c.region.isEmpty())
        c.region = environment.value(u"IMAGECACHE_REGION"_qs).trimmed();
    if (c.region.isEmpty())
        c.region = environment
                       .value(provider == core::Provider::Huawei ? u"HUAWEICLOUD_SDK_REGION"_qs
                                                                 : u"ALIBABA_CLOUD_REGION_ID"_qs)
                       .trimmed();
    if (c.region.isEmpty()) {
        *error
            = tr("--region is required (e.g. %1).")
                  .arg(provider == core::Provider::Huawei ? u"cn-north-4"_qs : u"cn-hangzhou"_qs);
        return false;
    }

    if (!options.endpoint.isEmpty()) {
        const QUrl url(options.endpoint, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty()
            || (url.scheme() != u"https"_qs && url.scheme() != u"http"_qs)) {
            *error = tr("--endpoint expects an http(s) URL such as https://host:port, got '%1'.")
                         .arg(options.endpoint);
            return false;
        }
        c.endpointOverride = url;
    }
    *connection = c;
    return true;
}

QString ConnectionBuilder::secretVariables(core::Provider provider)
{
    return provider == core::Provider::Huawei
               ? u"HUAWEICLOUD_SDK_AK/HUAWEICLOUD_SDK_SK (or CLOUD_SDK_AK/CLOUD_SDK_SK)"_qs
               : u"ALIBABA_CLOUD_ACCESS_KEY_ID/ALIBABA_CLOUD_ACCESS_KEY_SECRET"_qs;
}

QString ConnectionBuilder::environmentSecret(core::Provider provider,
                                             const QProcessEnvironment &environment,
                                             QString *accessKeyId)
{
    KeyPair keys;
    if (provider == core::Provider::Huawei) {
        keys = huaweiKeys(environment);
        // A lone SK (no AK) still counts: `accounts add --secret-from-env` takes the id
        // from --access-key-id.
        if (keys.secret.isEmpty())
            keys.secret = env(environment, "HUAWEICLOUD_SDK_SK");
        if (keys.secret.isEmpty())
            keys.secret = env(environment, "CLOUD_SDK_SK");
    } else {
        keys = alibabaKeys(environment);
    }
    if (accessKeyId)
        *accessKeyId = QString::fromUtf8(keys.id);
    return QString::fromUtf8(keys.secret);
}

bool ConnectionBuilder::fromAccount(const CliOptions &options,
                                    const QProcessEnvironment &environment,
                                    const store::Account &account, const QString &region,
                                    const QString &storedSecret, providers::Connection *connection,
                                    QString *error)
{
    core::Provider provider = account.provider;
    if (!options.provider.isEmpty()) {
        core::Provider asked = provider;
        if (!core::providerFromKey(options.provider, &asked) || asked != provider) {
            *error = tr("--provider %1 does not match account %2, which is a %3 account.")
                         .arg(options.provider, account.displayName,
                              core::providerKey(account.provider));
            return false;
        }
    }
    const QString wanted = !region.isEmpty()           ? region
                           : !options.region.isEmpty() ? options.region
                           : account.regions.isEmpty() ? QString()
                                                       : account.regions.constFirst().region;
    const auto found
        = std::find_if(account.regions.cbegin(), account.regions.cend(),
                       [&](const store::AccountRegion &r) { return r.region == wanted; });
    if (found == account.regions.cend()) {
        QStringList known;
        for (const store::AccountRegion &r : account.regions)
            known << r.region;
        *error = tr("Account %1 has no region '%2' (it has: %3).")
                     .arg(account.displayName, wanted, known.join(u", "_qs));
        return false;
    }
    if (provider == core::Provider::Huawei && !options.signatureVersion.isEmpty()) {
        *error = tr("--signature-version is an Alibaba Cloud option.");
        return false;
    }
    if (provider == core::Provider::Alibaba && !options.projectId.isEmpty()) {
        *error = tr("--project-id is a Huawei Cloud option.");
        return false;
    }

    providers::Connection c;
    c.provider = provider;
    c.accountId = account.id;
    c.region = found->region;
    c.endpointOverride = found->endpointOverride;
    c.projectId = options.projectId.isEmpty() ? found->projectId : options.projectId;
    c.signatureVersion
        = (options.signatureVersion.isEmpty()
               ? account.alibabaSignatureVersion == store::Account::SignatureVersion::V1
               : options.signatureVersion == u"v1"_qs)
              ? net::AlibabaSigner::Version::V1
              : net::AlibabaSigner::Version::V3;

    if (account.authKind == store::Account::AuthKind::IamToken) {
        if (storedSecret.isEmpty()) {
            *error = tr("No IAM password is stored for account %1 (the keychain has none; "
                        "without a system keychain it is not kept between commands). Use an "
                        "access key account with %2 in the environment instead.")
                         .arg(account.displayName, secretVariables(provider));
            return false;
        }
        c.auth = providers::Connection::Auth::IamToken;
        c.iamUserName = account.iamUserName;
        c.iamDomainName = account.iamDomainName;
        c.iamPassword = storedSecret;
    } else {
        c.auth = providers::Connection::Auth::AccessKey;
        c.accessKeyId = account.accessKeyId.toUtf8();
        if (!storedSecret.isEmpty()) {
            c.accessKeySecret = storedSecret.toUtf8();
        } else {
            QString envKeyId;
            const QString envSecret = environmentSecret(provider, environment, &envKeyId);
            if (envSecret.isEmpty() || envKeyId != account.accessKeyId) {
                *error
                    = tr("No secret for account %1: the keychain has none, and the "
                         "environment does not hold the pair of access key id %2 (set %3).")
                          .arg(account.displayName, account.accessKeyId, secretVariables(provider));
                return false;
            }
            c.accessKeySecret = envSecret.toUtf8();
            c.securityToken = env(environment, provider == core::Provider::Huawei
                                                   ? "HUAWEICLOUD_SDK_SECURITY_TOKEN"
                                                   : "ALIBABA_CLOUD_SECURITY_TOKEN");
        }
    }

    if (!options.endpoint.isEmpty()) {
        const QUrl url(options.endpoint, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty()
            || (url.scheme() != u"https"_qs && url.scheme() != u"http"_qs)) {
            *error = tr("--endpoint expects an http(s) URL such as https://host:port, got '%1'.")
                         .arg(options.endpoint);
            return false;
        }
        c.endpointOverride = url;
    }
    *connection = c;
    return true;
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
