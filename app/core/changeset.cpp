#include "changeset.h"

#include <QHash>

namespace core {

CacheFields diffCaches(const ImageCache &a, const ImageCache &b)
{
    CacheFields fields;
    if (a.name != b.name)
        fields |= CacheField::Name;
    if (a.status != b.status || a.rawStatus != b.rawStatus)
        fields |= CacheField::Status;
    if (a.progress != b.progress)
        fields |= CacheField::Progress;
    if (a.images != b.images)
        fields |= CacheField::Images;
    if (a.sizeGiB != b.sizeGiB)
        fields |= CacheField::Size;
    if (a.retentionDays != b.retentionDays || a.expires != b.expires)
        fields |= CacheField::Retention;
    if (a.created != b.created || a.lastMatched != b.lastMatched)
        fields |= CacheField::Times;
    if (a.tags != b.tags)
        fields |= CacheField::Tags;
    if (a.events != b.events)
        fields |= CacheField::Events;
    if (a.message != b.message)
        fields |= CacheField::Message;
    if (a.cluster != b.cluster || a.imagePullSecrets != b.imagePullSecrets
        || a.snapshotId != b.snapshotId || a.flashSnapshotId != b.flashSnapshotId
        || a.containerGroupId != b.containerGroupId || a.resourceGroupId != b.resourceGroupId
        || a.eliminationStrategy != b.eliminationStrategy)
        fields |= CacheField::Config;
    if (a.raw != b.raw)
        fields |= CacheField::Raw;
    return fields;
}

ChangeSet ChangeSet::between(const QList<ImageCache> &known, const QList<ImageCache> &current)
{
    ChangeSet set;
    QHash<QString, const ImageCache *> byKey;
    byKey.reserve(known.size());
    for (const ImageCache &cache : known)
        byKey.insert(cache.key(), &cache);

    for (const ImageCache &cache : current) {
        const auto it = byKey.constFind(cache.key());
        if (it == byKey.constEnd()) {
            set.inserted.append(cache);
            continue;
        }
        const CacheFields fields = diffCaches(**it, cache);
        if (fields)
            set.changed.append({cache, fields});
        byKey.erase(it);
    }
    for (auto it = byKey.cbegin(); it != byKey.cend(); ++it)
        set.removed.append(it.key());
    return set;
}

} // namespace core
