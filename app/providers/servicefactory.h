#pragma once

#include "cacheservice.h"
#include "connection.h"
#include "imageservice.h"

namespace net {
class ApiClient;
}

namespace providers {

// The provider classes behind the two interfaces: CCE / HSS for Huawei connections, ECI /
// E-HPC Instant for Alibaba ones. The client must outlive the services.
CacheService *createCacheService(net::ApiClient *client, const Connection &connection,
                                 QObject *parent = nullptr);
ImageService *createImageService(net::ApiClient *client, const Connection &connection,
                                 QObject *parent = nullptr);

} // namespace providers
