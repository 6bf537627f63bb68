#include "syncmanager.h"

#include "regionpoller.h"

#include <QNetworkInformation>

namespace cachesync {

SyncManager::SyncManager(Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_events(clock)
{
    Q_ASSERT(clock);
}

SyncManager::~SyncManager()
{
    // Pollers first: they hand their shared limiter slots back on the way out.
    qDeleteAll(m_pollers);
    m_pollers.clear();
}

void SyncManager::setSink(ChangeSink *sink)
{
    m_sink = sink;
    for (RegionPoller *p : std::as_const(m_pollers))
        p->setSink(sink);
}

RegionPoller *SyncManager::addRegion(const QString &accountId, const QString &region,
                                     providers::CacheService *service)
{
    if (RegionPoller *existing = poller(accountId, region)) {
        if (m_running)
            existing->resumeWithCredentials(service); // new keys: poll with them at once
        else
            existing->setService(service);
        return existing;
    }
    auto *p = new RegionPoller(accountId, region, service, m_clock, m_settings);
    p->setSink(m_sink);
    p->setSharedLimiter(&m_limiter);
    p->setOnline(m_online);
    p->setWindowVisible(m_visible);
    p->setKnownCaches(m_seed);
    connect(p, &RegionPoller::changesApplied, &m_events, &CacheEvents::apply);
    connect(p, &RegionPoller::changesApplied, this, &SyncManager::changesApplied);
    connect(p, &RegionPoller::credentialsRequired, this, &SyncManager::credentialsRequired);
    connect(p, &RegionPoller::statusChanged, this,
            [this, accountId, region] { emit statusChanged(accountId, region); });
    connect(p, &RegionPoller::polled, this,
            [this, accountId, region] { emit polled(accountId, region); });
    if (m_gate)
        p->setPollGate(
            [this, accountId, region] { return m_gate ? m_gate(accountId, region) : -1; });
    m_pollers.append(p);
    if (m_running)
        p->start();
    return p;
}

void SyncManager::setPollGate(PollGate gate)
{
    m_gate = std::move(gate);
    for (RegionPoller *p : std::as_const(m_pollers)) {
        const QString accountId = p->accountId();
        const QString region = p->region();
        p->setPollGate(
            [this, accountId, region] { return m_gate ? m_gate(accountId, region) : -1; });
    }
}

void SyncManager::applyRemote(const QString &accountId, const QString &region,
                              const QList<core::ImageCache> &caches)
{
    if (RegionPoller *p = poller(accountId, region))
        p->applyRemote(caches);
}

void SyncManager::removeRegion(const QString &accountId, const QString &region)
{
    RegionPoller *p = poller(accountId, region);
    if (!p)
        return;
    m_pollers.removeOne(p);
    delete p;
}

void SyncManager::removeAccount(const QString &accountId)
{
    const QList<RegionPoller *> all = m_pollers;
    for (RegionPoller *p : all) {
        if (p->accountId() == accountId)
            removeRegion(accountId, p->region());
    }
}

RegionPoller *SyncManager::poller(const QString &accountId, const QString &region) const
{
    for (RegionPoller *p : m_pollers) {
        if (p->accountId() == accountId && p->region() == region)
            return p;
    }
    return nullptr;
}

void SyncManager::setKnownCaches(const QList<core::ImageCache> &caches)
{
    m_seed = caches;
    m_events.setKnownCaches(caches);
    for (RegionPoller *p : std::as_const(m_pollers))
        p->setKnownCaches(caches);
}

QList<PollerStatus> SyncManager::statuses() const
{
    QList<PollerStatus> list;
    list.reserve(m_pollers.size());
    for (const RegionPoller *p : m_pollers)
        list.append(p->status());
    return list;
}

bool SyncManager::applyLocal(const core::ImageCache &cache)
{
    RegionPoller *p = poller(cache.accountId, cache.region);
    if (!p)
        return false;
    p->applyLocal(cache);
    return true;
}

bool SyncManager::followSystemReachability()
{
    if (!QNetworkInformation::instance() && !QNetworkInformation::loadDefaultBackend())
        return false;
    QNetworkInformation *info = QNetworkInformation::instance();
    if (!info || !info->supports(QNetworkInformation::Feature::Reachability))
        return false;
    const auto apply = [this](QNetworkInformation::Reachability r) {
        // Unknown means the backend cannot tell: keep polling rather than stall.
        setOnline(r != QNetworkInformation::Reachability::Disconnected);
    };
    connect(info, &QNetworkInformation::reachabilityChanged, this, apply);
    apply(info->reachability());
    return true;
}

void SyncManager::start()
{
    m_running = true;
    for (RegionPoller *p : std::as_const(m_pollers))
        p->start();
}

void SyncManager::stop()
{
    m_running = false;
    for (RegionPoller *p : std::as_const(m_pollers))
        p->stop();
}

void SyncManager::refreshNow()
{
    for (RegionPoller *p : std::as_const(m_pollers))
        p->refreshNow();
}

void SyncManager::refreshNow(const QString &accountId, const QString &region)
{
    if (RegionPoller *p = poller(accountId, region))
        p->refreshNow();
}

void SyncManager::setOnline(bool online)
{
    m_online = online;
    for (RegionPoller *p : std::as_const(m_pollers))
        p->setOnline(online);
}

void SyncManager::setWindowVisible(bool visible)
{
    m_visible = visible;
    for (RegionPoller *p : std::as_const(m_pollers))
        p->setWindowVisible(visible);
}

} // namespace cachesync
