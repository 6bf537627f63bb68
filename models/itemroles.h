#pragma once

#include <Qt>

namespace models {

// Roles shared by the console's table models, so one proxy can filter and sort any of them and
// a view or delegate reads the same role on every table. Row-level roles (all but SortRole) give
// the same value on every column of a row.
enum ItemRole : int {
    SortRole = Qt::UserRole, // raw value for sorting: QString, int, qint64, QDateTime (null = none)
    StatusRole,              // core::CacheStatus as int
    ProgressRole,            // 0..100, NoProgress or IndeterminateProgress
    KeyRole,                 // stable row key across polls (ImageCache::key())
    ProviderRole,            // core::Provider as int
    AccountRole,             // console account id
    RegionRole,              // region id
    SearchTextRole,          // lowercase text the quick filter searches, precomputed per row
    DetailsRevisionRole, // int bumped when details without a column change (events, config, raw)
    // The cell for tools (CSV "for tools"): a plain number (bytes, GiB, days), a QDateTime
    // (written ISO-8601 UTC), an id or a stable key instead of translated words; unset = the
    // SortRole when it is a QDateTime, else the display text. On a header: a stable column key.
    // Away from the row-level roles models add after DetailsRevisionRole.
    ExportRole = Qt::UserRole + 300,
};

inline constexpr int NoProgress = -1;
inline constexpr int IndeterminateProgress = -2; // busy, but the provider reports no percentage

} // namespace models
