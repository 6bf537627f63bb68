#pragma once

#include "clock.h"

#include "core/changeset.h"

#include <QHash>
#include <QObject>

namespace cachesync {

// What CacheEvents remembers of a cache between change sets: enough to tell a transition and
// to name the cache in a notification. A full ImageCache per cache would be a third copy of
// the inventory (the table and the pollers hold the others): ~45 MB more for 100,000 caches.
struct WatchedCache
{
    QString accountId;
    QString region;
    QString id;
    QString name;
    core::CacheStatus status = core::CacheStatus::Unknown;
    QString rawStatus;
    QDateTime expires;

    static WatchedCache of(const core::ImageCache &cache);
    QString key() const { return core::ImageCache::keyOf(accountId, region, id); }
};

// Turns change sets into the few events a user wants to be told about: a cache became usable,
// failed, is about to expire, or disappeared. Each fires once per occurrence: a cache that
// stays Ready does not re-announce itself on every poll, and an expiry warning is given once
// per cache and expiry time.
class CacheEvents final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CacheEvents)
public:
    explicit CacheEvents(Clock *clock, QObject *parent = nullptr);
    ~CacheEvents() override;

    // Warn when a cache expires within this window (default 3 days). Changing it re-arms the
    // warnings.
    void setExpiryWindowMs(qint64 windowMs);
    qint64 expiryWindowMs() const { return m_windowMs; }

    // Re-checks expiry every `intervalMs` on the clock, since time passing changes no cache.
    // 0 stops the checks.
    void setExpiryCheckIntervalMs(qint64 intervalMs);

    // The state already shown to the user (from the store at start-up): no events for it,
    // apart from expiry warnings that are due.
    void setKnownCaches(const QList<core::ImageCache> &caches);

public slots:
    void apply(const core::ChangeSet &changes);
    void checkExpiry();

signals:
    void becameUsable(const core::ImageCache &cache);
    void failed(const core::ImageCache &cache);
    void expiringSoon(const cachesync::WatchedCache &cache);
    void disappeared(const cachesync::WatchedCache &cache); // its last known state

private:
    void checkExpiry(const WatchedCache &cache, qint64 nowMs);
    void armExpiryTimer();

    Clock *m_clock;
    qint64 m_windowMs = 3LL * 24 * 3600 * 1000;
    qint64 m_checkIntervalMs = 3600 * 1000;
    Clock::TimerId m_timer = 0;
    QHash<QString, WatchedCache> m_caches; // by key
    QHash<QString, QDateTime> m_warned;    // key → expiry time already warned about
};

} // namespace cachesync

Q_DECLARE_METATYPE(cachesync::WatchedCache)
