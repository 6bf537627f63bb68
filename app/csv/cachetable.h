#pragma once

#include "core/imagecache.h"

#include <QCoreApplication>
#include <QStringList>

namespace csv {

// The cache columns of a CSV export, one row per cache. Times are ISO 8601 UTC; there is
// no secret among the columns (the domain type carries none).
class CacheTable final
{
    Q_DECLARE_TR_FUNCTIONS(CacheTable)
public:
    enum Column {
        Provider,
        Account,
        Region,
        Id,
        Name,
        Status,
        ProviderStatus,
        Progress,
        SizeGiB,
        RetentionDays,
        Created,
        Expires,
        LastMatched,
        Images,
        Tags,
        Message,
        Cluster,
        PullSecrets,
        SnapshotId,
        FlashSnapshotId,
        EliminationStrategy,
        ResourceGroup,
        ColumnCount
    };

    enum class ListStyle {
        Lines,     // one image per line inside the cell (spreadsheets show a tall cell)
        Semicolon, // "a; b" on one line (friendlier to grep and to single-line viewers)
    };

    static QStringList headers();
    static QStringList row(const core::ImageCache &cache, ListStyle images = ListStyle::Lines);

    static QString isoUtc(const QDateTime &time);          // "" when invalid
    static QString tagsText(const QList<core::Tag> &tags); // "k=v; k2=v2"
};

} // namespace csv
