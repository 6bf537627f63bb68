#include "cachetable.h"

#include "core/jsontext.h"

namespace csv {

QStringList CacheTable::headers()
{
    return {
        tr("Provider"),
        tr("Account"),
        tr("Region"),
        tr("ID"),
        tr("Name"),
        tr("Status"),
        tr("Provider status"),
        tr("Progress (%)"),
        tr("Size (GiB)"),
        tr("Retention (days)"),
        tr("Created (UTC)"),
        tr("Expires (UTC)"),
        tr("Last matched (UTC)"),
        tr("Images"),
        tr("Tags"),
        tr("Message"),
        tr("Cluster"),
        tr("Pull secrets"),
        tr("Snapshot ID"),
        tr("Flash snapshot ID"),
        tr("Elimination strategy"),
        tr("Resource group"),
    };
}

QString CacheTable::isoUtc(const QDateTime &time)
{
    return core::isoUtcSeconds(time);
}

QString CacheTable::tagsText(const QList<core::Tag> &tags)
{
    QStringList parts;
    parts.reserve(tags.size());
    for (const core::Tag &tag : tags)
        parts.append(tag.key + QLatin1Char('=') + tag.value);
    return parts.join(QLatin1String("; "));
}

QStringList CacheTable::row(const core::ImageCache &cache, ListStyle images)
{
    const QString listSeparator
        = images == ListStyle::Lines ? QStringLiteral("\n") : QStringLiteral("; ");
    QStringList cells(ColumnCount);
    cells[Provider] = core::providerKey(cache.provider);
    cells[Account] = cache.accountId;
    cells[Region] = cache.region;
    cells[Id] = cache.id;
    cells[Name] = cache.name;
    cells[Status] = core::statusKey(cache.status);
    cells[ProviderStatus] = cache.rawStatus;
    cells[Progress] = cache.progress ? QString::number(*cache.progress) : QString();
    cells[SizeGiB] = QString::number(cache.sizeGiB);
    cells[RetentionDays] = QString::number(cache.retentionDays);
    cells[Created] = isoUtc(cache.created);
    cells[Expires] = isoUtc(cache.expires);
    cells[LastMatched] = isoUtc(cache.lastMatched);
    cells[Images] = cache.images.join(listSeparator);
    cells[Tags] = tagsText(cache.tags);
    cells[Message] = cache.message;
    cells[Cluster] = cache.cluster;
    cells[PullSecrets] = cache.imagePullSecrets.join(listSeparator);
    cells[SnapshotId] = cache.snapshotId;
    cells[FlashSnapshotId] = cache.flashSnapshotId;
    cells[EliminationStrategy] = cache.eliminationStrategy;
    cells[ResourceGroup] = cache.resourceGroupId;
    return cells;
}

} // namespace csv
