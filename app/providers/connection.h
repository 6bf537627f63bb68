#pragma once

#include "core/provider.h"
#include "net/alibabasigner.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>

namespace providers {

// Everything needed to call one provider in one region for one account. Secrets are held in
// memory only (from the keychain or the official environment variables).
struct Connection
{
    enum class Auth {
        AccessKey, // Huawei AK/SK (SDK-HMAC-SHA256) or Alibaba AccessKey (ACS3 / V1)
        IamToken,  // Huawei only: POST /v3/auth/tokens, X-Auth-Token
    };

    core::Provider provider = core::Provider::Huawei;
    QString accountId; // console account key, copied into every returned object
    QString region;    // cn-north-4, ap-southeast-1, cn-hangzhou, ...
    // When set, every service of the provider (CCE/HSS/IAM, ECI/E-HPC Instant) is reached at
    // this base URL instead of the public host pattern: private endpoints and the emulator.
    QUrl endpointOverride;

    Auth auth = Auth::AccessKey;
    QByteArray accessKeyId;
    QByteArray accessKeySecret;
    QByteArray securityToken; // temporary credentials (Huawei X-Security-Token, Alibaba STS)

    // Huawei
    QString projectId; // per region; looked up through IAM (GET /v3/projects?name=) when empty
    QString iamUserName;
    QString iamDomainName;
    QString iamPassword;

    // Alibaba
    net::AlibabaSigner::Version signatureVersion = net::AlibabaSigner::Version::V3;

    // Time source for signing (tests skew it to provoke expired signatures).
    std::function<QDateTime()> clock = [] {
        return QDateTime::currentDateTimeUtc();
    };

    // Public service hosts per the SDKs' region tables (eu-west-101 → .myhuaweicloud.eu).
    // service: "cce" | "hss" | "iam" | "eci" | "ehpcinstant".
    QUrl serviceUrl(const QString &service) const;
};

// Regions where the image-cache services are offered (Huawei CCE Autopilot, Alibaba ECI), as
// the providers' consoles list them: suggestions for the account dialog, not a limit.
QStringList knownRegions(core::Provider provider);

} // namespace providers
