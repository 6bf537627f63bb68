#pragma once

#include "imagecache.h"

#include <QFlags>
#include <QList>
#include <QStringList>

namespace core {

// Which fields of a cache changed between two polls, so models emit dataChanged for the
// matching columns and roles only.
enum class CacheField : quint32 {
    Name = 1u << 0,
    Status = 1u << 1, // normalized or raw status
    Progress = 1u << 2,
    Images = 1u << 3,
    Size = 1u << 4,
    Retention = 1u << 5, // retention days or expiry time
    Times = 1u << 6,     // created, last matched
    Tags = 1u << 7,
    Events = 1u << 8,
    Message = 1u << 9,
    Config = 1u << 10, // building config, snapshots, strategy, groups
    Raw = 1u << 11,
};
Q_DECLARE_FLAGS(CacheFields, CacheField)
Q_DECLARE_OPERATORS_FOR_FLAGS(CacheFields)

CacheFields diffCaches(const ImageCache &before, const ImageCache &after);

struct CacheChange
{
    ImageCache cache; // the new state
    CacheFields fields;
};

// What one poll (or one user action) changed, keyed by ImageCache::key(). Written to the
// store in one transaction, then announced to the models.
struct ChangeSet
{
    QList<ImageCache> inserted;
    QList<CacheChange> changed;
    QStringList removed; // keys

    bool isEmpty() const { return inserted.isEmpty() && changed.isEmpty() && removed.isEmpty(); }

    // Diffs a complete listing of one account×region (`current`) against what was known.
    static ChangeSet between(const QList<ImageCache> &known, const QList<ImageCache> &current);
};

} // namespace core
