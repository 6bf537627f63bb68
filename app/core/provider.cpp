#include "provider.h"

namespace core {

QString providerKey(Provider provider)
{
    return provider == Provider::Huawei ? QStringLiteral("huawei") : QStringLiteral("alibaba");
}

bool providerFromKey(const QString &key, Provider *provider)
{
    const QString k = key.trimmed().toLower();
    if (k == QLatin1String("huawei") || k == QLatin1String("huaweicloud")) {
        *provider = Provider::Huawei;
        return true;
    }
    if (k == QLatin1String("alibaba") || k == QLatin1String("aliyun")
        || k == QLatin1String("alibabacloud")) {
        *provider = Provider::Alibaba;
        return true;
    }
    return false;
}

} // namespace core
