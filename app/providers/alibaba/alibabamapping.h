#pragma once

#include "core/imagecache.h"
#include "core/imageinfo.h"

#include <QJsonObject>

namespace providers::alibaba {

// The one place where Alibaba JSON meets the domain types: ECI DescribeImageCaches items and
// E-HPC Instant ListImages / GetImage images.
class AlibabaMapping final
{
public:
    static core::ImageCache cacheFromJson(const QJsonObject &item);
    static QJsonObject cacheToJson(const core::ImageCache &cache);
    // Normalized status → the ECI word ("Ready", ...); empty for states ECI lacks.
    static QString statusWord(core::CacheStatus status);
    // "100%" → 100, "45.5%" → 45; nullopt when absent or unreadable.
    static std::optional<int> parseProgress(const QString &text);

    static core::ImageInfo imageFromListJson(const QJsonObject &item); // ListImages Images[]
    // GetImage `Image`: the registry password is never kept: credential.hasPassword tells one
    // exists, and in `raw` its value is replaced by MaskedPassword.
    static core::ImageInfo imageFromGetJson(const QJsonObject &image);
    static inline const QString MaskedPassword = QStringLiteral("******");
};

} // namespace providers::alibaba
