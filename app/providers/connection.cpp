#include "connection.h"

namespace providers {

QUrl Connection::serviceUrl(const QString &service) const
{
    if (endpointOverride.isValid() && !endpointOverride.isEmpty())
        return endpointOverride;
    if (provider == core::Provider::Huawei) {
        // Huawei's region tables map eu-west-101 (Dublin) to the .eu domain, for CCE, HSS and
        // IAM alike; every other region uses .com.
        const QString domain = region == QLatin1String("eu-west-101")
                                   ? QStringLiteral("myhuaweicloud.eu")
                                   : QStringLiteral("myhuaweicloud.com");
        return QUrl(QStringLiteral("https://%1.%2.%3").arg(service, region, domain));
    }
    return QUrl(QStringLiteral("https://%1.%2.aliyuncs.com").arg(service, region));
}

} // namespace providers
