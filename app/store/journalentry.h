#pragma once

#include <QDateTime>
#include <QString>

namespace store {

// One line of the operation journal: who did what to which object, and how it ended.
struct JournalEntry
{
    qint64 id = 0;  // assigned by the store
    QDateTime at;   // set to now when empty
    QString osUser; // set from USER/USERNAME when empty
    QString accountId;
    QString action; // e.g. "cache.create", "account.update"
    QString target; // cache id/name, account id
    QString requestId;
    QString result; // "ok" | "failed" | "pending"
    QString message;
    friend bool operator==(const JournalEntry &, const JournalEntry &) = default;
};

struct JournalQuery
{
    QString accountId;  // empty: all
    QString action;     // empty: all
    QDateTime since;    // invalid: no bound
    qint64 afterId = 0; // only entries with a greater id (what a view has not seen yet)
    int limit = 0;      // 0: no limit; newest first when limited
};

// The last successful poll of one account×region by any console sharing the store.
struct RegionPoll
{
    QString accountId;
    QString region;
    QString polledBy; // StoreChanges::consoleId() of the console that polled
    QDateTime polledAt;
    friend bool operator==(const RegionPoll &, const RegionPoll &) = default;
};

} // namespace store
