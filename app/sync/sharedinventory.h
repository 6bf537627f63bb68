#pragma once

#include "store/journalentry.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace store {
class StoreWorker;
}

namespace cachesync {

class SyncManager;

// Consoles that share one PostgreSQL store see each other's writes without a cloud call of
// their own: the store announces every write (NOTIFY), this reads the changed regions back
// from the store and hands them to their pollers, and tells the session about journal and
// account changes. It also keeps the store's record of who polled each region last, so a
// console skips a scheduled poll that another made less than an interval ago. On SQLite the
// store announces nothing and this does nothing.
class SharedInventory final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SharedInventory)
public:
    SharedInventory(store::StoreWorker *store, SyncManager *sync, QObject *parent = nullptr);
    ~SharedInventory() override;

    // Call after each StoreWorker::open(): follows the store's announcements and loads the poll
    // records (queued behind the open, so pollers started afterwards see them).
    void attach();

    // Who this console is in the poll records: user@host, process and instance.
    QString consoleId() const { return m_consoleId; }
    // ms since another console polled the region, or -1 (never, or this store is not shared).
    qint64 msSinceOtherPoll(const QString &accountId, const QString &region) const;

signals:
    // Another console or the CLI wrote journal entries; `accounts` when they changed accounts.
    void journalChanged(bool accounts);

private:
    void onChange(const QString &payload);
    void reloadRegions();
    void recordPoll(const QString &accountId, const QString &region);
    static QString regionKey(const QString &accountId, const QString &region);

    store::StoreWorker *m_store;
    SyncManager *m_sync;
    QString m_consoleId;
    bool m_shared = false;
    QHash<QString, store::RegionPoll> m_otherPolls; // by account/region: the last foreign poll
    QSet<QString> m_dirtyRegions;                   // account/region; region empty: all
    QTimer m_coalesce; // a burst of announcements becomes one read per region
    int m_generation = 0;
};

} // namespace cachesync
