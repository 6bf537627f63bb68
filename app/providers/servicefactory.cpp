#include "servicefactory.h"

#include "alibaba/ecicacheservice.h"
#include "alibaba/ehpcimageservice.h"
#include "huawei/ccecacheservice.h"
#include "huawei/hssimageservice.h"

namespace providers {

CacheService *createCacheService(net::ApiClient *client, const Connection &connection,
                                 QObject *parent)
{
    if (connection.provider == core::Provider::Huawei)
        return new huawei::CceCacheService(client, connection, parent);
    return new alibaba::EciCacheService(client, connection, parent);
}

ImageService *createImageService(net::ApiClient *client, const Connection &connection,
                                 QObject *parent)
{
    if (connection.provider == core::Provider::Huawei)
        return new huawei::HssImageService(client, connection, parent);
    return new alibaba::EhpcImageService(client, connection, parent);
}

} // namespace providers
