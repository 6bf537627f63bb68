#include "cachestatus.h"

#include <QHash>

namespace core {

namespace {
struct StatusName
{
    CacheStatus status;
    const char *key;
};
constexpr StatusName statusNames[] = {
    {CacheStatus::Unknown, "unknown"},
    {CacheStatus::Creating, "creating"},
    {CacheStatus::Ready, "ready"},
    {CacheStatus::Updating, "updating"},
    {CacheStatus::Deleting, "deleting"},
    {CacheStatus::Failed, "failed"},
    {CacheStatus::Unavailable, "unavailable"},
    {CacheStatus::Expired, "expired"},
};
} // namespace

QString statusKey(CacheStatus status)
{
    for (const auto &n : statusNames) {
        if (n.status == status)
            return QString::fromLatin1(n.key);
    }
    return QStringLiteral("unknown");
}

CacheStatus statusFromKey(const QString &key)
{
    for (const auto &n : statusNames) {
        if (key == QLatin1String(n.key))
            return n.status;
    }
    return CacheStatus::Unknown;
}

CacheStatus normalizeHuaweiStatus(const QString &raw)
{
    static const QHash<QString, CacheStatus> table = {
        {QStringLiteral("Available"), CacheStatus::Ready},
        {QStringLiteral("Unavailable"), CacheStatus::Unavailable},
        {QStringLiteral("Creating"), CacheStatus::Creating},
        {QStringLiteral("Deleting"), CacheStatus::Deleting},
        {QStringLiteral("Failed"), CacheStatus::Failed},
    };
    return table.value(raw, CacheStatus::Unknown);
}

CacheStatus normalizeAlibabaStatus(const QString &raw)
{
    static const QHash<QString, CacheStatus> table = {
        {QStringLiteral("Preparing"), CacheStatus::Creating},
        {QStringLiteral("Creating"), CacheStatus::Creating},
        {QStringLiteral("Ready"), CacheStatus::Ready},
        {QStringLiteral("Failed"), CacheStatus::Failed},
        {QStringLiteral("Updating"), CacheStatus::Updating},
        {QStringLiteral("UpdateFailed"), CacheStatus::Failed},
    };
    return table.value(raw, CacheStatus::Unknown);
}

bool isTransitional(CacheStatus status)
{
    return status == CacheStatus::Creating || status == CacheStatus::Updating
           || status == CacheStatus::Deleting;
}

bool isUsable(CacheStatus status)
{
    return status == CacheStatus::Ready;
}

} // namespace core
