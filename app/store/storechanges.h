#pragma once

#include "journalentry.h"

#include <QString>

namespace store {

// What one write to a shared (PostgreSQL) store announces to the other consoles: the
// NOTIFY payload on channel(), tab-separated so ids and regions need no quoting. The store
// writes them; cachesync::SharedInventory reads them and fetches the data from the store.
struct StoreChange
{
    enum class Kind { Unknown, Caches, Journal, Poll };
    Kind kind = Kind::Unknown;
    QString accountId;
    QString region;
    QString action; // Journal: the entry's action (account.* means the accounts changed)
    RegionPoll poll;

    static QString channel() { return QStringLiteral("imagecache_changes"); }
    static QString caches(const QString &accountId, const QString &region);
    static QString journal(const QString &action);
    static QString polled(const RegionPoll &poll);
    static StoreChange parse(const QString &payload);
};

} // namespace store
