#pragma once

#include "core/imagecache.h"
#include "core/imageinfo.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <utility>

namespace cli {

// The human (non --json) output: aligned tables for lists, "Key: value" blocks for one
// object. Wide (CJK) characters count as two columns so Chinese names stay aligned.
class TextFormatter final
{
    Q_DECLARE_TR_FUNCTIONS(TextFormatter)
public:
    using Pairs = QList<std::pair<QString, QString>>;

    static QString table(const QStringList &headers, const QList<QStringList> &rows);
    static QString details(const Pairs &pairs);
    static int displayWidth(const QString &text);

    static QString statusName(core::CacheStatus status);
    // "Creating 40% (Preparing)", "Ready (Available)".
    static QString statusText(const core::ImageCache &cache);

    // `wide` (-o wide) adds region, expiry, the images themselves and the tags.
    static QString caches(const QList<core::ImageCache> &caches, bool wide = false);
    static QString cache(const core::ImageCache &cache);
    // SIZE in binary units ("67.0 MiB"); CREATED is the last update for HSS images, which
    // report no creation time. `wide` adds digest, status, scan status and registry.
    static QString images(const QList<core::ImageInfo> &images, bool wide = false);
    static QString dataSize(qint64 bytes);
    static QString image(const core::ImageInfo &image);
    static QString layers(const QList<core::ImageLayer> &layers);
};

} // namespace cli
