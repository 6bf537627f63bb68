#pragma once

#include "clock.h"

#include "core/changeset.h"

#include <QHash>
#include <QObject>

namespace cachesync {

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
    void expiringSoon(const core::ImageCache &cache);
    void disappeared(const core::ImageCache &cache);

private:
    void checkExpiry(const core::ImageCache &cache, qint64 nowMs);
    void armExpiryTimer();

    Clock *m_clock;
    qint64 m_windowMs = 3LL * 24 * 3600 * 1000;
    qint64 m_checkIntervalMs = 3600 * 1000;
    Clock::TimerId m_timer = 0;
    QHash<QString, core::ImageCache> m_caches; // by key
    QHash<QString, QDateTime> m_warned;        // key → expiry time already warned about
};

} // namespace cachesync
