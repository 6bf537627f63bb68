#pragma once

#include <QHashFunctions>
#include <QString>

namespace core {

// One normalized status for both clouds; the provider's own word is kept beside it
// (ImageCache::rawStatus) so nothing is lost for the detail pane and the CLI.
enum class CacheStatus {
    Unknown,
    Creating,    // Huawei Creating; Alibaba Preparing, Creating
    Ready,       // Huawei Available; Alibaba Ready
    Updating,    // Alibaba Updating
    Deleting,    // Huawei Deleting
    Failed,      // Huawei Failed; Alibaba Failed, UpdateFailed
    Unavailable, // Huawei Unavailable (abnormal)
    Expired,     // retention elapsed (derived from the expiry time)
};

QString statusKey(CacheStatus status); // stable machine form: "ready", "creating", ...
CacheStatus statusFromKey(const QString &key);

CacheStatus normalizeHuaweiStatus(const QString &raw);
CacheStatus normalizeAlibabaStatus(const QString &raw);

// Transitional states are polled fast; usable means pods can start from the cache.
bool isTransitional(CacheStatus status);
bool isUsable(CacheStatus status);

// Lets CacheStatus key a QHash or QSet (Qt 6.4 has no generic qHash for enums).
inline size_t qHash(CacheStatus status, size_t seed = 0) noexcept
{
    return ::qHash(static_cast<int>(status), seed);
}

} // namespace core
