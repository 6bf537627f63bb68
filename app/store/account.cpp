#include "account.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

namespace store {

QString Account::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool Account::isLoopbackHost(const QString &host)
{
    const QString h = host.trimmed().toLower();
    if (h == QLatin1String("localhost"))
        return true;
    QHostAddress address;
    if (!address.setAddress(h))
        return false;
    return address.isLoopback();
}

QString Account::endpointProblem(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return tr("Endpoint \"%1\" is not a valid URL with a host")
            .arg(url.toString(QUrl::RemoveUserInfo));
    if (!url.userInfo().isEmpty())
        return tr("Endpoint \"%1\" must not contain a user name or password")
            .arg(url.toString(QUrl::RemoveUserInfo));
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return {};
    if (scheme == QLatin1String("http")) {
        if (isLoopbackHost(url.host()))
            return {};
        return tr("Endpoint \"%1\" must use HTTPS (plain HTTP is allowed for loopback "
                  "addresses only)")
            .arg(url.toString());
    }
    return tr("Endpoint \"%1\" must be an https:// URL").arg(url.toString(QUrl::RemoveUserInfo));
}

QStringList Account::validate() const
{
    QStringList problems;
    if (displayName.trimmed().isEmpty())
        problems << tr("A display name is required");
    if (regions.isEmpty())
        problems << tr("At least one region is required");

    static const QRegularExpression regionPattern(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
    static const QRegularExpression projectPattern(QStringLiteral("^[0-9a-fA-F]{32}$"));
    QSet<QString> seen;
    for (const AccountRegion &r : regions) {
        if (!regionPattern.match(r.region).hasMatch()) {
            problems << tr("Region \"%1\" is not a region id such as cn-hangzhou or "
                           "ap-southeast-1")
                            .arg(r.region);
            continue;
        }
        if (seen.contains(r.region))
            problems << tr("Region %1 is listed twice").arg(r.region);
        seen.insert(r.region);
        if (!r.endpointOverride.isEmpty()) {
            const QString problem = endpointProblem(r.endpointOverride);
            if (!problem.isEmpty())
                problems << tr("Region %1: %2").arg(r.region, problem);
        }
        if (!r.projectId.isEmpty()) {
            if (provider != core::Provider::Huawei)
                problems << tr("Region %1: a project id applies to Huawei Cloud accounts only")
                                .arg(r.region);
            else if (!projectPattern.match(r.projectId).hasMatch())
                problems << tr("Region %1: project id \"%2\" must be 32 hexadecimal characters")
                                .arg(r.region, r.projectId);
        }
    }

    QSet<QString> servers;
    for (const AccountRegistry &r : registries) {
        const QString server = r.server.trimmed().toLower();
        if (server.isEmpty() || server.contains(QLatin1String("://"))
            || server.contains(QLatin1Char(' '))) {
            problems << tr("Registry \"%1\" must be a host name such as "
                           "registry.example.com, without http(s)://")
                            .arg(r.server);
            continue;
        }
        if (servers.contains(server))
            problems << tr("Registry %1 is listed twice").arg(server);
        servers.insert(server);
        if (r.userName.trimmed().isEmpty())
            problems << tr("Registry %1 needs a user name").arg(server);
    }

    switch (authKind) {
    case AuthKind::AccessKey:
        if (accessKeyId.trimmed().isEmpty())
            problems << tr("An access key id is required");
        break;
    case AuthKind::IamToken:
        if (provider != core::Provider::Huawei)
            problems << tr("IAM token sign-in applies to Huawei Cloud accounts only");
        if (iamUserName.trimmed().isEmpty())
            problems << tr("An IAM user name is required for IAM token sign-in");
        if (iamDomainName.trimmed().isEmpty())
            problems << tr("An account (domain) name is required for IAM token sign-in");
        break;
    }
    return problems;
}

QJsonObject Account::toJson() const
{
    QJsonArray regionArray;
    for (const AccountRegion &r : regions) {
        QJsonObject o{{QStringLiteral("region"), r.region}};
        if (!r.endpointOverride.isEmpty())
            o.insert(QStringLiteral("endpoint"), r.endpointOverride.toString());
        if (!r.projectId.isEmpty())
            o.insert(QStringLiteral("projectId"), r.projectId);
        regionArray.append(o);
    }
    QJsonObject o{
        {QStringLiteral("id"), id},
        {QStringLiteral("provider"), core::providerKey(provider)},
        {QStringLiteral("displayName"), displayName},
        {QStringLiteral("regions"), regionArray},
        {QStringLiteral("auth"), authKindKey(authKind)},
    };
    if (!accessKeyId.isEmpty())
        o.insert(QStringLiteral("accessKeyId"), accessKeyId);
    if (!iamUserName.isEmpty())
        o.insert(QStringLiteral("iamUserName"), iamUserName);
    if (!iamDomainName.isEmpty())
        o.insert(QStringLiteral("iamDomainName"), iamDomainName);
    QJsonArray registryArray;
    for (const AccountRegistry &r : registries)
        registryArray.append(QJsonObject{{QStringLiteral("server"), r.server},
                                         {QStringLiteral("userName"), r.userName}});
    if (!registryArray.isEmpty())
        o.insert(QStringLiteral("registries"), registryArray);
    if (provider == core::Provider::Alibaba)
        o.insert(QStringLiteral("signatureVersion"), signatureVersionKey(alibabaSignatureVersion));
    return o;
}

QString Account::authKindKey(AuthKind kind)
{
    return kind == AuthKind::IamToken ? QStringLiteral("iam-token") : QStringLiteral("access-key");
}

Account::AuthKind Account::authKindFromKey(const QString &key)
{
    return key == QLatin1String("iam-token") ? AuthKind::IamToken : AuthKind::AccessKey;
}

QString Account::signatureVersionKey(SignatureVersion version)
{
    return version == SignatureVersion::V1 ? QStringLiteral("v1") : QStringLiteral("v3");
}

Account::SignatureVersion Account::signatureVersionFromKey(const QString &key)
{
    return key == QLatin1String("v1") ? SignatureVersion::V1 : SignatureVersion::V3;
}

} // namespace store
