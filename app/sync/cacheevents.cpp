#include "cacheevents.h"

namespace cachesync {

using core::CacheStatus;
using core::ImageCache;

WatchedCache WatchedCache::of(const ImageCache &cache)
{
    return {cache.accountId, cache.region,    cache.id,     cache.name,
            cache.status,    cache.rawStatus, cache.expires};
}

CacheEvents::CacheEvents(Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
    Q_ASSERT(clock);
    armExpiryTimer();
}

CacheEvents::~CacheEvents()
{
    if (m_timer != 0)
        m_clock->cancel(m_timer);
}

void CacheEvents::setExpiryWindowMs(qint64 windowMs)
{
    m_windowMs = qMax<qint64>(0, windowMs);
    m_warned.clear();
    checkExpiry();
}

void CacheEvents::setExpiryCheckIntervalMs(qint64 intervalMs)
{
    m_checkIntervalMs = qMax<qint64>(0, intervalMs);
    armExpiryTimer();
}

void CacheEvents::armExpiryTimer()
{
    if (m_timer != 0)
        m_clock->cancel(m_timer);
    m_timer = 0;
    if (m_checkIntervalMs <= 0)
        return;
    m_timer = m_clock->callAfter(m_checkIntervalMs, [this] {
        m_timer = 0;
        checkExpiry();
        armExpiryTimer();
    });
}

void CacheEvents::setKnownCaches(const QList<ImageCache> &caches)
{
    m_caches.clear();
    for (const ImageCache &cache : caches)
        m_caches.insert(cache.key(), WatchedCache::of(cache));
    checkExpiry();
}

void CacheEvents::apply(const core::ChangeSet &changes)
{
    const qint64 now = m_clock->nowMs();
    for (const QString &key : changes.removed) {
        const auto it = m_caches.constFind(key);
        if (it == m_caches.cend())
            continue;
        const WatchedCache gone = *it;
        m_caches.erase(it);
        m_warned.remove(key);
        emit disappeared(gone);
    }
    // A cache seen for the first time is not news (the first poll of a new account lists
    // everything): Ready and Failed are announced on the transition only.
    for (const ImageCache &cache : changes.inserted) {
        const WatchedCache watched = WatchedCache::of(cache);
        m_caches.insert(cache.key(), watched);
        checkExpiry(watched, now);
    }
    for (const core::CacheChange &change : changes.changed) {
        const ImageCache &cache = change.cache;
        const QString key = cache.key();
        const auto it = m_caches.constFind(key);
        const bool knownBefore = it != m_caches.cend();
        const CacheStatus before = knownBefore ? it->status : CacheStatus::Unknown;
        const QString rawBefore = knownBefore ? it->rawStatus : QString();
        const WatchedCache watched = WatchedCache::of(cache);
        m_caches.insert(key, watched);
        if (cache.status == CacheStatus::Ready && before != CacheStatus::Ready)
            emit becameUsable(cache);
        // Failed → UpdateFailed (an update of a failed cache failed again) is a new failure.
        if (cache.status == CacheStatus::Failed
            && (before != CacheStatus::Failed || rawBefore != cache.rawStatus))
            emit failed(cache);
        checkExpiry(watched, now);
    }
}

void CacheEvents::checkExpiry()
{
    const qint64 now = m_clock->nowMs();
    const QList<WatchedCache> caches = m_caches.values(); // a handler may change the hash
    for (const WatchedCache &cache : caches)
        checkExpiry(cache, now);
}

void CacheEvents::checkExpiry(const WatchedCache &cache, qint64 nowMs)
{
    const QString key = cache.key();
    if (!cache.expires.isValid() || cache.status == CacheStatus::Deleting
        || cache.status == CacheStatus::Expired) {
        m_warned.remove(key);
        return;
    }
    const qint64 left = cache.expires.toMSecsSinceEpoch() - nowMs;
    if (left <= 0 || left > m_windowMs) {
        // Out of the window (e.g. the retention was extended): a later approach warns again.
        if (left > m_windowMs)
            m_warned.remove(key);
        return;
    }
    const auto it = m_warned.constFind(key);
    if (it != m_warned.cend() && *it == cache.expires)
        return;
    m_warned.insert(key, cache.expires);
    emit expiringSoon(cache);
}

} // namespace cachesync
