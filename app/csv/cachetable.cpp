#include "cachetable.h"

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
    if (!time.isValid())
        return {};
    // What toUTC().toString(Qt::ISODate) writes ("2026-12-04T10:22:32Z"), without its
    // printf-based formatting, which took half of a 100,000-row export.
    const qint64 ms = time.toMSecsSinceEpoch();
    const qint64 secs = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
    const qint64 days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
    const int secondOfDay = int(secs - days * 86400);
    const QDate date = QDate(1970, 1, 1).addDays(days);
    if (date.year() < 0 || date.year() > 9999)
        return time.toUTC().toString(Qt::ISODate);
    char text[20];
    auto put = [&text](int at, int value, int digits) {
        for (int i = digits - 1; i >= 0; --i, value /= 10)
            text[at + i] = char('0' + value % 10);
    };
    put(0, date.year(), 4);
    text[4] = '-';
    put(5, date.month(), 2);
    text[7] = '-';
    put(8, date.day(), 2);
    text[10] = 'T';
    put(11, secondOfDay / 3600, 2);
    text[13] = ':';
    put(14, secondOfDay / 60 % 60, 2);
    text[16] = ':';
    put(17, secondOfDay % 60, 2);
    text[19] = 'Z';
    return QString::fromLatin1(text, sizeof text);
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
