#pragma once

#include "clock.h"
#include "pollerstatus.h"
#include "pollsettings.h"
#include "requestlimiter.h"

#include "core/changeset.h"
#include "net/result.h"
#include "providers/cacheservice.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QSet>

#include <functional>

namespace cachesync {

class ChangeSink;

// Keeps one account×region in step with the provider: a full listing every slow interval, a
// fast show() of each transitional cache (or a fast listing when many are transitional),
// capped exponential backoff with jitter on errors and throttling, and a stop after repeated
// 401/403 until new credentials are given. Each result becomes a change set, written to the
// sink first and announced second. Time and timers come only from the Clock.
class RegionPoller final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegionPoller)
public:
    RegionPoller(QString accountId, QString region, providers::CacheService *service, Clock *clock,
                 PollSettings settings = {}, QObject *parent = nullptr);
    ~RegionPoller() override;

    QString accountId() const { return m_accountId; }
    QString region() const { return m_region; }
    providers::CacheService *service() const { return m_service; }
    const PollSettings &settings() const { return m_settings; }

    // Not owned. Set before start().
    void setSink(ChangeSink *sink) { m_sink = sink; }
    // Replaces the service (not owned) without polling; requests in flight finish normally.
    void setService(providers::CacheService *service) { m_service = service; }
    void setSharedLimiter(RequestLimiter *limiter) { m_shared = limiter; }
    void setRandomSeed(quint32 seed) { m_random.seed(seed); }

    // What the store knew at start-up, so the first poll yields only real differences.
    // Caches of other accounts or regions are ignored.
    void setKnownCaches(const QList<core::ImageCache> &caches);
    QList<core::ImageCache> knownCaches() const;

    // A cache the user just created or changed (from create()'s answer): written, announced
    // and, when transitional, polled fast at once instead of after the next slow listing.
    void applyLocal(const core::ImageCache &cache);

    // Consoles sharing a store: the gate says how long ago another console polled this region
    // (ms, or -1 for never). While that is less than the slow interval, scheduled listings and
    // shows wait — the other's results reach this console through the store — so two consoles
    // do not double the cloud traffic. refreshNow() (the user's F5) never waits.
    void setPollGate(std::function<qint64()> msSinceOtherPoll)
    {
        m_gate = std::move(msSinceOtherPoll);
    }
    // The region as another console wrote it to the shared store: announced as a change set
    // against what this poller knew (not written again), and followed like a poll's result.
    void applyRemote(const QList<core::ImageCache> &caches);

    PollerStatus status() const;
    bool isOnline() const { return m_online; }
    bool isWindowVisible() const { return m_visible; }

public slots:
    void start(); // the first listing goes out at once
    void stop();
    void refreshNow();
    void setOnline(bool online);
    void setWindowVisible(bool visible);
    // Restarts after credentialsRequired(); `service` replaces the old one when given.
    void resumeWithCredentials(providers::CacheService *service = nullptr);

signals:
    void changesApplied(const core::ChangeSet &changes);
    void credentialsRequired(const QString &accountId, const QString &region,
                             const net::ApiError &error);
    void requestFailed(const net::ApiError &error);
    // A listing or show of this region succeeded (for the shared store's poll record).
    void polled();
    void statusChanged();

private:
    enum class Phase { Idle, Running, CredentialsRequired };

    bool active() const { return m_phase == Phase::Running && m_online; }
    qint64 scaled(qint64 intervalMs) const;
    int transitionalCount() const;
    bool fastListMode() const;
    qint64 listInterval() const;

    void scheduleList(qint64 delayMs);
    void cancelListTimer();
    void cancelShowTimers();
    void armFastPolls();
    void armShow(const QString &id, qint64 delayMs);
    // 0: poll now; otherwise how long to wait before asking again.
    qint64 deferForOther(qint64 recheckMs) const;

    void startList();
    void startShow(const QString &id);
    void dispatch(std::function<void()> send, std::function<void()> dropped);
    void releaseSlots();

    void handleList(net::Result<QList<core::ImageCache>> result, quint64 seq);
    void handleShow(const QString &id, net::Result<core::ImageCache> result, quint64 seq);
    void handleSuccess();
    void handleError(const net::ApiError &error);
    qint64 backoffDelay(const net::ApiError &error);
    void commit(const core::ChangeSet &changes);
    bool newerThan(const QString &id, quint64 seq) const;
    void own(core::ImageCache &cache) const;
    QString keyOf(const QString &id) const;

    const QString m_accountId;
    const QString m_region;
    QPointer<providers::CacheService> m_service;
    Clock *m_clock;
    PollSettings m_settings;
    ChangeSink *m_sink = nullptr;
    QPointer<RequestLimiter> m_shared;
    RequestLimiter m_limiter;
    std::function<qint64()> m_gate;
    QRandomGenerator m_random;

    Phase m_phase = Phase::Idle;
    bool m_online = true;
    bool m_visible = true;
    bool m_backingOff = false;

    // By id: the poller's caches are of one account and region, and an id shares the cache's
    // own string where a key() would be a new one per cache (~19 MB for 100,000).
    QHash<QString, core::ImageCache> m_known;
    // By id: the sequence number of the last applyLocal() or show() that set (or removed) the
    // entry. A listing sent before that keeps the newer entry; the next listing settles it.
    QHash<QString, quint64> m_updatedSeq;

    Clock::TimerId m_listTimer = 0;
    qint64 m_listDueMs = -1;
    qint64 m_lastListStartMs = -1;
    bool m_listPending = false;                  // queued or in flight
    QHash<QString, Clock::TimerId> m_showTimers; // by cache id
    QSet<QString> m_showPending;

    quint64 m_seq = 0; // counts requests sent and local updates: orders data by age
    quint64 m_appliedListSeq = 0;
    int m_inFlight = 0;
    int m_sharedHeld = 0;

    int m_failures = 0;
    int m_authFailures = 0;
    net::ApiError m_lastError;
    qint64 m_lastSuccessMs = -1;
};

} // namespace cachesync
