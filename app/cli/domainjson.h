#pragma once

#include "console.h"

#include "core/imagecache.h"
#include "core/imageinfo.h"

#include <QJsonArray>
#include <QJsonObject>

namespace cli {

// The --json form of the domain values: stable camelCase keys, times in ISO 8601 UTC,
// absent values as null. Only domain fields are written (never `raw`), so no secret can
// slip through: a registry password shows as "hasPassword": true.
class DomainJson final
{
public:
    static QJsonObject cache(const core::ImageCache &cache);
    // The members of cache(): the one list of them, also streamed by Console::jsonObjects.
    static JsonFields cacheFields(const core::ImageCache &cache);
    static QJsonArray caches(const QList<core::ImageCache> &caches);
    static QJsonObject image(const core::ImageInfo &image);
    static QJsonArray images(const QList<core::ImageInfo> &images);
    static QJsonObject layer(const core::ImageLayer &layer);
    static QJsonArray layers(const QList<core::ImageLayer> &layers);
    static QJsonValue time(const QDateTime &time);
};

} // namespace cli
