#include "connectionfactory.h"

#include <QUrl>

namespace accounts {

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

QByteArray securityToken(core::Provider provider, const QProcessEnvironment &environment)
{
    return env(environment, provider == core::Provider::Huawei ? "HUAWEICLOUD_SDK_SECURITY_TOKEN"
                                                               : "ALIBABA_CLOUD_SECURITY_TOKEN");
}

net::AlibabaSigner::Version signatureVersion(const store::Account &account,
                                             const QString &overridden)
{
    const bool v1 = overridden.isEmpty()
                        ? account.alibabaSignatureVersion == store::Account::SignatureVersion::V1
                        : overridden == QLatin1String("v1");
    return v1 ? net::AlibabaSigner::Version::V1 : net::AlibabaSigner::Version::V3;
}

} // namespace

ConnectionFactory::Credentials
ConnectionFactory::credentials(const store::Account &account, const QString &storedSecret,
                               const QProcessEnvironment &environment)
{
    Credentials found;
    if (!storedSecret.isEmpty()) {
        found.secret = storedSecret.toUtf8();
        return found;
    }
    if (account.authKind == store::Account::AuthKind::IamToken)
        return found; // an IAM password is only ever stored
    QString envKeyId;
    const QString envSecret = environmentSecret(account.provider, environment, &envKeyId);
    if (envSecret.isEmpty() || envKeyId.isEmpty() || envKeyId != account.accessKeyId)
        return found;
    found.secret = envSecret.toUtf8();
    found.securityToken = securityToken(account.provider, environment);
    found.fromEnvironment = true;
    return found;
}

providers::Connection ConnectionFactory::connection(const store::Account &account,
                                                    const store::AccountRegion &region,
                                                    const Credentials &credentials)
{
    providers::Connection c;
    c.provider = account.provider;
    c.accountId = account.id;
    c.region = region.region;
    c.endpointOverride = region.endpointOverride;
    c.projectId = region.projectId;
    c.signatureVersion = signatureVersion(account, {});
    if (account.authKind == store::Account::AuthKind::IamToken) {
        c.auth = providers::Connection::Auth::IamToken;
        c.iamUserName = account.iamUserName;
        c.iamDomainName = account.iamDomainName;
        c.iamPassword = QString::fromUtf8(credentials.secret);
    } else {
        c.auth = providers::Connection::Auth::AccessKey;
        c.accessKeyId = account.accessKeyId.toUtf8();
        c.accessKeySecret = credentials.secret;
        c.securityToken = credentials.securityToken;
    }
    return c;
}

bool ConnectionFactory::endpoint(const QString &text, QUrl *url, QString *error)
{
    const QUrl parsed(text, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.host().isEmpty()
        || (parsed.scheme() != QLatin1String("https")
            && parsed.scheme() != QLatin1String("http"))) {
        *error = tr("--endpoint expects an http(s) URL such as https://host:port, got '%1'.")
                     .arg(text);
        return false;
    }
    *url = parsed;
    return true;
}

bool ConnectionFactory::fromEnvironment(const Overrides &overrides,
                                        const QProcessEnvironment &environment,
                                        providers::Connection *connection, QString *error)
{
    const KeyPair huawei = huaweiKeys(environment);
    const KeyPair alibaba = alibabaKeys(environment);

    core::Provider provider = core::Provider::Huawei;
    if (!overrides.provider.isEmpty()) {
        if (!core::providerFromKey(overrides.provider, &provider)) {
            *error
                = tr("Unknown provider '%1' (expected huawei or alibaba).").arg(overrides.provider);
            return false;
        }
    } else if (huawei.complete() != alibaba.complete()) {
        provider = huawei.complete() ? core::Provider::Huawei : core::Provider::Alibaba;
    } else if (huawei.complete()) {
        *error = tr("--provider is required (huawei or alibaba): it cannot be told from the "
                    "credentials in the environment.");
        return false;
    } else {
        *error = noCredentialsText();
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
        c.securityToken = securityToken(provider, environment);
        c.projectId
            = overrides.projectId.isEmpty()
                  ? environment.value(QStringLiteral("HUAWEICLOUD_SDK_PROJECT_ID")).trimmed()
                  : overrides.projectId;
    } else {
        if (!alibaba.complete()) {
            *error = tr("No Alibaba Cloud credentials: set ALIBABA_CLOUD_ACCESS_KEY_ID and "
                        "ALIBABA_CLOUD_ACCESS_KEY_SECRET in the environment.");
            return false;
        }
        if (!overrides.projectId.isEmpty()) {
            *error = tr("--project-id is a Huawei Cloud option.");
            return false;
        }
        c.accessKeyId = alibaba.id;
        c.accessKeySecret = alibaba.secret;
        c.securityToken = securityToken(provider, environment);
        c.signatureVersion = overrides.signatureVersion == QLatin1String("v1")
                                 ? net::AlibabaSigner::Version::V1
                                 : net::AlibabaSigner::Version::V3;
    }
    if (provider == core::Provider::Huawei && !overrides.signatureVersion.isEmpty()) {
        *error = tr("--signature-version is an Alibaba Cloud option.");
        return false;
    }

    c.region = overrides.region;
    if (c.region.isEmpty())
        c.region = environment.value(QStringLiteral("IMAGECACHE_REGION")).trimmed();
    if (c.region.isEmpty())
        c.region = environment
                       .value(provider == core::Provider::Huawei
                                  ? QStringLiteral("HUAWEICLOUD_SDK_REGION")
                                  : QStringLiteral("ALIBABA_CLOUD_REGION_ID"))
                       .trimmed();
    if (c.region.isEmpty()) {
        *error = tr("--region is required (e.g. %1).")
                     .arg(provider == core::Provider::Huawei ? QStringLiteral("cn-north-4")
                                                             : QStringLiteral("cn-hangzhou"));
        return false;
    }

    if (!overrides.endpoint.isEmpty() && !endpoint(overrides.endpoint, &c.endpointOverride, error))
        return false;
    *connection = c;
    return true;
}

QString ConnectionFactory::noCredentialsText()
{
    return tr("No credentials found. Provide them in one of these ways:\n"
              "  - in the environment: HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (Huawei "
              "Cloud), or ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET "
              "(Alibaba Cloud), with the region in IMAGECACHE_REGION or --region;\n"
              "  - as a stored account: imagecache accounts add --provider huawei|alibaba "
              "--name NAME --region REGION --access-key-id ID, then --account NAME;\n"
              "  - from the profiles of the aliyun CLI or KooCLI: imagecache accounts import "
              "aliyun|koocli, then --account NAME (see imagecache accounts list).");
}

QString ConnectionFactory::secretVariables(core::Provider provider)
{
    return provider == core::Provider::Huawei
               ? QStringLiteral(
                   "HUAWEICLOUD_SDK_AK/HUAWEICLOUD_SDK_SK (or CLOUD_SDK_AK/CLOUD_SDK_SK)")
               : QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID/ALIBABA_CLOUD_ACCESS_KEY_SECRET");
}

QString ConnectionFactory::environmentSecret(core::Provider provider,
                                             const QProcessEnvironment &environment,
                                             QString *accessKeyId)
{
    KeyPair keys;
    if (provider == core::Provider::Huawei) {
        keys = huaweiKeys(environment);
        if (keys.secret.isEmpty() && keys.id.isEmpty()) {
            // A lone SK (no AK under either name) still counts for `--secret-from-env`.
            keys.secret = env(environment, "HUAWEICLOUD_SDK_SK");
            if (keys.secret.isEmpty())
                keys.secret = env(environment, "CLOUD_SDK_SK");
        }
    } else {
        keys = alibabaKeys(environment);
    }
    if (accessKeyId)
        *accessKeyId = QString::fromUtf8(keys.id);
    return QString::fromUtf8(keys.secret);
}

bool ConnectionFactory::fromAccount(const Overrides &overrides,
                                    const QProcessEnvironment &environment,
                                    const store::Account &account, const QString &region,
                                    const QString &storedSecret, providers::Connection *connection,
                                    QString *error)
{
    const core::Provider provider = account.provider;
    if (!overrides.provider.isEmpty()) {
        core::Provider asked = provider;
        if (!core::providerFromKey(overrides.provider, &asked) || asked != provider) {
            *error = tr("--provider %1 does not match account %2, which is a %3 account.")
                         .arg(overrides.provider, account.displayName,
                              core::providerKey(account.provider));
            return false;
        }
    }
    const QString wanted = !region.isEmpty()             ? region
                           : !overrides.region.isEmpty() ? overrides.region
                           : account.regions.isEmpty()   ? QString()
                                                         : account.regions.constFirst().region;
    const auto found
        = std::find_if(account.regions.cbegin(), account.regions.cend(),
                       [&](const store::AccountRegion &r) { return r.region == wanted; });
    if (found == account.regions.cend()) {
        QStringList known;
        for (const store::AccountRegion &r : account.regions)
            known << r.region;
        *error = tr("Account %1 has no region '%2' (it has: %3).")
                     .arg(account.displayName, wanted, known.join(QStringLiteral(", ")));
        return false;
    }
    if (provider == core::Provider::Huawei && !overrides.signatureVersion.isEmpty()) {
        *error = tr("--signature-version is an Alibaba Cloud option.");
        return false;
    }
    if (provider == core::Provider::Alibaba && !overrides.projectId.isEmpty()) {
        *error = tr("--project-id is a Huawei Cloud option.");
        return false;
    }

    const Credentials secret = credentials(account, storedSecret, environment);
    if (!secret.found()) {
        if (account.authKind == store::Account::AuthKind::IamToken)
            *error = tr("No IAM password is stored for account %1 (the keychain has none; "
                        "without a system keychain it is not kept between commands). Use an "
                        "access key account with %2 in the environment instead.")
                         .arg(account.displayName, secretVariables(provider));
        else
            *error = tr("No secret for account %1: the keychain has none, and the "
                        "environment does not hold the pair of access key id %2 (set %3).")
                         .arg(account.displayName, account.accessKeyId, secretVariables(provider));
        return false;
    }

    providers::Connection c = ConnectionFactory::connection(account, *found, secret);
    if (!overrides.projectId.isEmpty())
        c.projectId = overrides.projectId;
    c.signatureVersion = signatureVersion(account, overrides.signatureVersion);
    if (!overrides.endpoint.isEmpty() && !endpoint(overrides.endpoint, &c.endpointOverride, error))
        return false;
    *connection = c;
    return true;
}

} // namespace accounts
