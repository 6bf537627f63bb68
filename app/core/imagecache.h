#pragma once

#include "cachestatus.h"
#include "provider.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace core {

struct Tag
{
    QString key;
    QString value;
    friend bool operator==(const Tag &, const Tag &) = default;
};

// An event of an image cache (Alibaba Events[]); Huawei has none, but the emulator and the
// console record state changes in the same shape.
struct CacheEvent
{
    QString type; // Normal | Warning
    QString reason;
    QString message;
    QString name;
    int count = 0;
    QDateTime firstTimestamp;
    QDateTime lastTimestamp;
    friend bool operator==(const CacheEvent &, const CacheEvent &) = default;
};

// One image cache of either cloud, normalized. Provider-specific fields are empty for the
// other provider. `raw` holds the provider's JSON object as received (unknown fields kept).
struct ImageCache
{
    Provider provider = Provider::Huawei;
    QString accountId; // console account this cache was read with
    QString region;
    QString id;
    QString name;
    CacheStatus status = CacheStatus::Unknown;
    QString rawStatus;
    std::optional<int> progress; // 0..100 when the provider reports it (Alibaba "Progress")
    QStringList images;
    int sizeGiB = 0;
    int retentionDays = 0; // 0 = never expires
    QDateTime created;
    QDateTime expires; // provider value, or created + retentionDays
    QDateTime lastMatched;
    QList<Tag> tags;
    QList<CacheEvent> events;
    QString message; // failure or abnormal-state text

    // Huawei CCE building_config
    QString cluster;
    QStringList imagePullSecrets;

    // Alibaba ECI
    QString snapshotId;
    QString flashSnapshotId;
    QString containerGroupId;
    QString resourceGroupId;
    QString eliminationStrategy;

    QJsonObject raw;

    // The key that identifies a cache across polls and accounts.
    QString key() const { return keyOf(accountId, region, id); }
    static QString keyOf(const QString &accountId, const QString &region, const QString &id)
    {
        return accountId + QLatin1Char('/') + region + QLatin1Char('/') + id;
    }

    friend bool operator==(const ImageCache &, const ImageCache &) = default;
};

} // namespace core
