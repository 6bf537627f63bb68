#pragma once

#include "core/cachespec.h"
#include "core/imagecache.h"
#include "core/imageinfo.h"

#include <QJsonObject>

namespace providers::huawei {

// The one place where Huawei JSON meets the domain types: CCE ImageCacheDetail and the
// create body, HSS image and base-image items.
class HuaweiMapping final
{
public:
    // ImageCacheDetail → ImageCache. Every documented field; `raw` keeps the object as is.
    static core::ImageCache cacheFromJson(const QJsonObject &detail);
    // ImageCache → ImageCacheDetail (the emulator and round-trip tests use it).
    static QJsonObject cacheToJson(const core::ImageCache &cache);
    // CreateImageCacheRequestBody, compact, in the documented field order; optional fields
    // left out when unset.
    static QByteArray createBody(const core::CacheSpec &spec);

    // Normalized status → the CCE word ("Available", ...); empty for states CCE lacks.
    static QString statusWord(core::CacheStatus status);

    // HSS items.
    static core::ImageInfo imageFromRegistryJson(const QJsonObject &item); // RegistryImagesInfo
    static core::ImageInfo imageFromLocalJson(const QJsonObject &item);    // ImageLocalInfo
    static core::ImageInfo imageFromCicdJson(const QJsonObject &item);     // CicdImageResponseInfo
    static core::ImageLayer layerFromJson(const QJsonObject &item);        // ImageBasicImageInfo
};

} // namespace providers::huawei
