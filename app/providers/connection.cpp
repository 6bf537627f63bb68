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

QStringList knownRegions(core::Provider provider)
{
    if (provider == core::Provider::Huawei)
        return {QStringLiteral("cn-north-4"),     QStringLiteral("cn-north-1"),
                QStringLiteral("cn-north-9"),     QStringLiteral("cn-east-3"),
                QStringLiteral("cn-east-2"),      QStringLiteral("cn-south-1"),
                QStringLiteral("cn-southwest-2"), QStringLiteral("ap-southeast-1"),
                QStringLiteral("ap-southeast-2"), QStringLiteral("ap-southeast-3"),
                QStringLiteral("af-south-1"),     QStringLiteral("la-south-2"),
                QStringLiteral("sa-brazil-1"),    QStringLiteral("tr-west-1"),
                QStringLiteral("me-east-1"),      QStringLiteral("eu-west-101")};
    return {QStringLiteral("cn-hangzhou"),    QStringLiteral("cn-shanghai"),
            QStringLiteral("cn-beijing"),     QStringLiteral("cn-zhangjiakou"),
            QStringLiteral("cn-huhehaote"),   QStringLiteral("cn-wulanchabu"),
            QStringLiteral("cn-shenzhen"),    QStringLiteral("cn-heyuan"),
            QStringLiteral("cn-guangzhou"),   QStringLiteral("cn-chengdu"),
            QStringLiteral("cn-qingdao"),     QStringLiteral("cn-hongkong"),
            QStringLiteral("ap-southeast-1"), QStringLiteral("ap-southeast-3"),
            QStringLiteral("ap-southeast-5"), QStringLiteral("ap-northeast-1"),
            QStringLiteral("us-west-1"),      QStringLiteral("us-east-1"),
            QStringLiteral("eu-central-1"),   QStringLiteral("eu-west-1")};
}

} // namespace providers
