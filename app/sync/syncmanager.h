#pragma once

#include "cacheevents.h"
#include "clock.h"
#include "pollerstatus.h"
#include "pollsettings.h"
#include "requestlimiter.h"

#include "core/changeset.h"
#include "net/apierror.h"

#include <QList>
#include <QObject>

#include <functional>

namespace providers {
class CacheService;
}

namespace cachesync {

class ChangeSink;
class RegionPoller;

// All pollers of the console: one per account×region, sharing a request limiter, one sink
// (the store) and one CacheEvents. Forwards their signals and reports their status for the
// status bar. Online state and window visibility are pushed in (tests, the main window), or
// followed from QNetworkInformation where a backend exists.
class SyncManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncManager)
public:
    explicit SyncManager(Clock *clock, QObject *parent = nullptr);
    ~SyncManager() override;

    void setSettings(const PollSettings &settings) { m_settings = settings; } // for new pollers
    void setGlobalMaxInFlight(int n) { m_limiter.setCapacity(n); }
    void setSink(ChangeSink *sink);
    CacheEvents *events() { return &m_events; }

    // The service is not owned and must outlive the poller (removeRegion/removeAccount first).
    // Adding an existing account×region replaces its service and resumes a poller that
    // stopped on refused credentials (new keys mean a new service).
    RegionPoller *addRegion(const QString &accountId, const QString &region,
                            providers::CacheService *service);
    void removeRegion(const QString &accountId, const QString &region);
    void removeAccount(const QString &accountId);
    RegionPoller *poller(const QString &accountId, const QString &region) const;
    QList<RegionPoller *> pollers() const { return m_pollers; }

    // Seeds every poller and the events with the store's last known state.
    void setKnownCaches(const QList<core::ImageCache> &caches);

    QList<PollerStatus> statuses() const;

    // Consoles sharing a store (SharedInventory): the gate of every poller, now and to come,
    // and the regions another console wrote.
    using PollGate = std::function<qint64(const QString &accountId, const QString &region)>;
    void setPollGate(PollGate gate);
    void applyRemote(const QString &accountId, const QString &region,
                     const QList<core::ImageCache> &caches);

    // Routes RegionPoller::applyLocal() by the cache's account and region; false when no
    // poller covers them.
    bool applyLocal(const core::ImageCache &cache);

    // Follows the system's reachability when a QNetworkInformation backend is available;
    // returns false (and changes nothing) when there is none, e.g. Linux without NetworkManager.
    bool followSystemReachability();

public slots:
    void start();
    void stop();
    void refreshNow();
    void refreshNow(const QString &accountId, const QString &region);
    void setOnline(bool online);
    void setWindowVisible(bool visible);

signals:
    void changesApplied(const core::ChangeSet &changes);
    void credentialsRequired(const QString &accountId, const QString &region,
                             const net::ApiError &error);
    void statusChanged(const QString &accountId, const QString &region);
    void polled(const QString &accountId, const QString &region);

private:
    Clock *m_clock;
    PollSettings m_settings;
    RequestLimiter m_limiter{8};
    CacheEvents m_events;
    ChangeSink *m_sink = nullptr;
    QList<RegionPoller *> m_pollers;
    QList<core::ImageCache> m_seed;
    PollGate m_gate;
    bool m_running = false;
    bool m_online = true;
    bool m_visible = true;
};

} // namespace cachesync
