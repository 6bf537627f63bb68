#include "regionpoller.h"

#include "changesink.h"
#include "futurecallback.h"

#include "core/cachestatus.h"
#include "providers/cacheservice.h"

#include <utility>

namespace cachesync {

using core::ChangeSet;
using core::ImageCache;

namespace {

// A show() that proves the cache is gone (Huawei answers 404 once a delete completes;
// Alibaba's describe by id comes back empty). A 404 for a wrong path or action is not that.
bool isNotFound(const net::ApiError &error)
{
    if (error.kind != net::ApiError::Kind::Http)
        return false;
    const QString &code = error.code;
    if (code.startsWith(QLatin1String("APIGW.")) || code.startsWith(QLatin1String("InvalidApi"))
        || code.startsWith(QLatin1String("InvalidProduct"))
        || code.startsWith(QLatin1String("InvalidAccessKeyId")))
        return false;
    return error.httpStatus == 404 || code.endsWith(QLatin1String("NotFound"));
}

} // namespace

RegionPoller::RegionPoller(QString accountId, QString region, providers::CacheService *service,
                           Clock *clock, PollSettings settings, QObject *parent)
    : QObject(parent)
    , m_accountId(std::move(accountId))
    , m_region(std::move(region))
    , m_service(service)
    , m_clock(clock)
    , m_settings(settings)
    , m_limiter(settings.maxInFlight)
    , m_random(QRandomGenerator::global()->generate())
{
    Q_ASSERT(clock);
}

RegionPoller::~RegionPoller()
{
    cancelListTimer();
    cancelShowTimers();
    // Replies still in flight will find this poller gone; give their shared slots back now.
    if (m_shared) {
        m_shared->dropQueued(this);
        for (; m_sharedHeld > 0; --m_sharedHeld)
            m_shared->release();
    }
}

void RegionPoller::setKnownCaches(const QList<ImageCache> &caches)
{
    m_known.clear();
    m_updatedSeq.clear();
    for (const ImageCache &cache : caches) {
        if (cache.accountId == m_accountId && cache.region == m_region)
            m_known.insert(cache.id, cache);
    }
    if (active())
        armFastPolls();
    emit statusChanged();
}

QList<ImageCache> RegionPoller::knownCaches() const
{
    return m_known.values();
}

void RegionPoller::applyLocal(const ImageCache &local)
{
    ImageCache cache = local;
    own(cache);
    ChangeSet changes;
    const auto it = m_known.constFind(cache.id);
    if (it == m_known.cend())
        changes.inserted.append(cache);
    else if (const core::CacheFields fields = core::diffCaches(*it, cache))
        changes.changed.append({cache, fields});
    m_known.insert(cache.id, cache);
    // Newer than any request already sent: a listing in flight must not undo it.
    m_updatedSeq.insert(cache.id, ++m_seq);
    commit(changes);
    armFastPolls();
}

void RegionPoller::applyRemote(const QList<ImageCache> &caches)
{
    QList<ImageCache> current;
    for (const ImageCache &cache : caches) {
        if (cache.accountId == m_accountId && cache.region == m_region)
            current.append(cache);
    }
    const ChangeSet changes = ChangeSet::between(m_known.values(), current);
    m_known.clear();
    for (const ImageCache &cache : std::as_const(current))
        m_known.insert(cache.id, cache);
    // Already in the store: announced, not written again.
    if (!changes.isEmpty())
        emit changesApplied(changes);
    armFastPolls();
    emit statusChanged();
}

qint64 RegionPoller::deferForOther(qint64 recheckMs) const
{
    if (!m_gate)
        return 0;
    // Fresh means less than one slow interval old: the other console follows the region (its
    // fast polls included) and this one reads its results from the store. Should it stop, this
    // one polls again at most a slow interval after the other's last poll.
    const qint64 since = m_gate();
    const qint64 bound = scaled(m_settings.slowIntervalMs);
    if (since < 0 || since >= bound)
        return 0;
    return qMax<qint64>(1, qMin(bound - since, recheckMs));
}

PollerStatus RegionPoller::status() const
{
    PollerStatus s;
    s.accountId = m_accountId;
    s.region = m_region;
    if (m_phase == Phase::Idle)
        s.state = PollerStatus::State::Idle;
    else if (m_phase == Phase::CredentialsRequired)
        s.state = PollerStatus::State::CredentialsRequired;
    else if (!m_online)
        s.state = PollerStatus::State::Offline;
    else if (m_backingOff)
        s.state = PollerStatus::State::BackingOff;
    else
        s.state = PollerStatus::State::Polling;
    if (m_lastSuccessMs >= 0)
        s.lastSuccess = QDateTime::fromMSecsSinceEpoch(m_lastSuccessMs, Qt::UTC);
    s.lastError = m_lastError;
    s.consecutiveFailures = m_failures;
    s.inFlight = m_inFlight;
    s.cacheCount = int(m_known.size());
    if (m_listTimer != 0)
        s.nextPoll = QDateTime::fromMSecsSinceEpoch(m_listDueMs, Qt::UTC);
    return s;
}

void RegionPoller::start()
{
    if (m_phase == Phase::Running)
        return;
    m_phase = Phase::Running;
    m_failures = 0;
    m_authFailures = 0;
    m_backingOff = false;
    if (m_online) {
        if (const qint64 wait = deferForOther(listInterval()))
            scheduleList(wait); // another console's fresh listing is in the store already
        else
            startList();
        armFastPolls(); // seeded transitional caches need not wait for the first listing
    }
    emit statusChanged();
}

void RegionPoller::stop()
{
    m_phase = Phase::Idle;
    m_backingOff = false;
    cancelListTimer();
    cancelShowTimers();
    emit statusChanged();
}

void RegionPoller::refreshNow()
{
    if (!active())
        return;
    // The user asked: skip whatever wait is left, backoff included.
    m_backingOff = false;
    startList();
    emit statusChanged();
}

void RegionPoller::setOnline(bool online)
{
    if (m_online == online)
        return;
    m_online = online;
    if (!online) {
        cancelListTimer();
        cancelShowTimers();
    } else if (m_phase == Phase::Running) {
        // Back online: catch up at once rather than waiting out an interval or a backoff
        // that was caused by the outage.
        m_backingOff = false;
        startList();
        armFastPolls();
    }
    emit statusChanged();
}

void RegionPoller::setWindowVisible(bool visible)
{
    if (m_visible == visible)
        return;
    m_visible = visible;
    if (!active() || m_backingOff)
        return;
    // Re-time from the last listing with the new interval: becoming visible makes a stale
    // region poll soon, hiding stretches the wait.
    if (m_listTimer != 0) {
        const qint64 due = m_lastListStartMs + listInterval();
        scheduleList(qMax<qint64>(0, due - m_clock->nowMs()));
    }
    cancelShowTimers();
    armFastPolls();
    emit statusChanged();
}

void RegionPoller::resumeWithCredentials(providers::CacheService *service)
{
    if (service)
        m_service = service;
    m_phase = Phase::Running;
    m_failures = 0;
    m_authFailures = 0;
    m_backingOff = false;
    m_lastError = {};
    if (m_online)
        startList();
    emit statusChanged();
}

qint64 RegionPoller::scaled(qint64 intervalMs) const
{
    return m_visible ? intervalMs : intervalMs * qMax(1, m_settings.hiddenSlowdown);
}

int RegionPoller::transitionalCount() const
{
    int n = 0;
    for (const ImageCache &cache : m_known)
        n += core::isTransitional(cache.status) ? 1 : 0;
    return n;
}

bool RegionPoller::fastListMode() const
{
    return transitionalCount() > m_settings.listWhenTransitionalAbove;
}

qint64 RegionPoller::listInterval() const
{
    return scaled(fastListMode() ? m_settings.fastIntervalMs : m_settings.slowIntervalMs);
}

void RegionPoller::scheduleList(qint64 delayMs)
{
    cancelListTimer();
    m_listDueMs = m_clock->nowMs() + delayMs;
    m_listTimer = m_clock->callAfter(delayMs, [this] {
        m_listTimer = 0;
        m_listDueMs = -1;
        m_backingOff = false;
        if (const qint64 wait = deferForOther(listInterval())) {
            scheduleList(wait);
            emit statusChanged();
            return;
        }
        startList();
    });
}

void RegionPoller::cancelListTimer()
{
    if (m_listTimer != 0)
        m_clock->cancel(m_listTimer);
    m_listTimer = 0;
    m_listDueMs = -1;
}

void RegionPoller::cancelShowTimers()
{
    for (const Clock::TimerId id : std::as_const(m_showTimers))
        m_clock->cancel(id);
    m_showTimers.clear();
}

void RegionPoller::armFastPolls()
{
    if (!active() || m_backingOff)
        return;
    if (fastListMode()) {
        // Many caches are changing: one listing every fast interval is cheaper than a show()
        // per cache.
        cancelShowTimers();
        const qint64 due
            = qMax(m_lastListStartMs, m_clock->nowMs() - listInterval()) + listInterval();
        if (!m_listPending && (m_listTimer == 0 || m_listDueMs > due))
            scheduleList(qMax<qint64>(0, due - m_clock->nowMs()));
        return;
    }
    QSet<QString> wanted;
    for (const ImageCache &cache : std::as_const(m_known)) {
        if (core::isTransitional(cache.status))
            wanted.insert(cache.id);
    }
    for (auto it = m_showTimers.begin(); it != m_showTimers.end();) {
        if (!wanted.contains(it.key())) {
            m_clock->cancel(it.value());
            it = m_showTimers.erase(it);
        } else {
            ++it;
        }
    }
    const qint64 delay = scaled(m_settings.fastIntervalMs);
    for (const QString &id : std::as_const(wanted)) {
        if (m_showTimers.contains(id) || m_showPending.contains(id))
            continue;
        armShow(id, delay);
    }
}

void RegionPoller::armShow(const QString &id, qint64 delayMs)
{
    m_showTimers.insert(id, m_clock->callAfter(delayMs, [this, id] {
        m_showTimers.remove(id);
        if (const qint64 wait = deferForOther(scaled(m_settings.fastIntervalMs))) {
            armShow(id, wait);
            return;
        }
        startShow(id);
    }));
}

void RegionPoller::startList()
{
    cancelListTimer();
    if (m_listPending || !active())
        return;
    m_listPending = true;
    dispatch(
        [this] {
            const quint64 seq = ++m_seq;
            m_lastListStartMs = m_clock->nowMs();
            providers::CacheQuery query;
            query.pageSize = m_settings.listPageSize;
            onResult(m_service->list(query), this,
                     [this, seq](net::Result<QList<ImageCache>> result) {
                         --m_inFlight;
                         m_listPending = false;
                         handleList(std::move(result), seq);
                         releaseSlots();
                         emit statusChanged();
                     });
        },
        [this] { m_listPending = false; });
}

void RegionPoller::startShow(const QString &id)
{
    if (m_showPending.contains(id) || !active())
        return;
    m_showPending.insert(id);
    dispatch(
        [this, id] {
            const quint64 seq = ++m_seq;
            onResult(m_service->show(id), this, [this, id, seq](net::Result<ImageCache> result) {
                --m_inFlight;
                m_showPending.remove(id);
                handleShow(id, std::move(result), seq);
                releaseSlots();
                emit statusChanged();
            });
        },
        [this, id] { m_showPending.remove(id); });
}

void RegionPoller::dispatch(std::function<void()> send, std::function<void()> dropped)
{
    m_limiter.submit(this, [this, send = std::move(send), dropped = std::move(dropped)] {
        auto go = [this, send, dropped] {
            // The state may have changed while the request waited for a slot.
            if (!active() || !m_service) {
                dropped();
                releaseSlots();
                return;
            }
            ++m_inFlight;
            send();
        };
        if (m_shared) {
            m_shared->submit(this, [this, go] {
                ++m_sharedHeld;
                go();
            });
        } else {
            go();
        }
    });
}

void RegionPoller::releaseSlots()
{
    if (m_shared && m_sharedHeld > 0) {
        --m_sharedHeld;
        m_shared->release();
    }
    m_limiter.release();
}

void RegionPoller::own(ImageCache &cache) const
{
    // The known set is keyed by this poller's account and region, whatever the provider
    // copied into the object.
    cache.accountId = m_accountId;
    cache.region = m_region;
}

bool RegionPoller::newerThan(const QString &id, quint64 seq) const
{
    return m_updatedSeq.value(id, 0) > seq;
}

QString RegionPoller::keyOf(const QString &id) const
{
    return ImageCache::keyOf(m_accountId, m_region, id);
}

void RegionPoller::handleList(net::Result<QList<ImageCache>> result, quint64 seq)
{
    if (m_phase == Phase::Idle)
        return;
    if (!result.ok()) {
        handleError(result.error());
        return;
    }
    // Pages can overlap when caches are created between two NextToken calls: last one wins.
    QHash<QString, qsizetype> position;
    QList<ImageCache> fetched;
    fetched.reserve(result.value().size());
    for (ImageCache &cache : result.value()) {
        own(cache);
        if (const auto it = position.constFind(cache.id); it != position.cend()) {
            fetched[*it] = std::move(cache);
        } else {
            position.insert(cache.id, fetched.size());
            fetched.append(std::move(cache));
        }
    }
    // A key updated after this listing was sent (a local create, a show's answer) keeps its
    // newer state, present or gone, whatever the listing says.
    if (!m_updatedSeq.isEmpty()) {
        QSet<QString> kept;
        for (qsizetype i = fetched.size() - 1; i >= 0; --i) {
            const QString id = fetched.at(i).id;
            if (!newerThan(id, seq))
                continue;
            if (const auto it = m_known.constFind(id); it != m_known.cend()) {
                fetched[i] = *it;
                kept.insert(id);
            } else {
                fetched.removeAt(i); // a newer show() found it gone
            }
        }
        for (auto it = m_updatedSeq.cbegin(); it != m_updatedSeq.cend(); ++it) {
            const auto known = m_known.constFind(it.key());
            if (it.value() > seq && known != m_known.cend() && !kept.contains(it.key()))
                fetched.append(*known); // created after the listing was sent
        }
        // This listing supersedes the updates that came before it was sent.
        m_updatedSeq.removeIf([seq](const auto &entry) { return entry.value() <= seq; });
    }
    m_appliedListSeq = seq;
    const ChangeSet changes = ChangeSet::between(m_known.values(), fetched);
    m_known.clear();
    for (const ImageCache &cache : std::as_const(fetched))
        m_known.insert(cache.id, cache);
    handleSuccess();
    commit(changes);
    if (active()) {
        // A fresh listing ends any backoff a failed show() started.
        m_backingOff = false;
        if (!m_listPending)
            scheduleList(listInterval());
        armFastPolls();
    }
}

void RegionPoller::handleShow(const QString &id, net::Result<ImageCache> result, quint64 seq)
{
    if (m_phase == Phase::Idle)
        return;
    // A listing sent after this show has been applied already, or the cache was updated
    // locally since: that data is newer.
    const bool stale = m_appliedListSeq > seq || newerThan(id, seq);
    ChangeSet changes;
    if (result.ok()) {
        if (!stale) {
            ImageCache cache = std::move(result.value());
            own(cache);
            const auto it = m_known.constFind(id);
            if (it == m_known.cend()) {
                changes.inserted.append(cache);
            } else if (const core::CacheFields fields = core::diffCaches(*it, cache)) {
                changes.changed.append({cache, fields});
            }
            m_known.insert(id, cache);
            m_updatedSeq.insert(id, seq);
        }
    } else if (isNotFound(result.error())) {
        if (!stale && m_known.remove(id) > 0) {
            changes.removed.append(keyOf(id));
            m_updatedSeq.insert(id, seq); // gone: an older listing must not bring it back
        }
    } else {
        handleError(result.error());
        return;
    }
    handleSuccess();
    commit(changes);
    armFastPolls();
}

void RegionPoller::handleSuccess()
{
    m_failures = 0;
    m_authFailures = 0;
    m_lastError = {};
    m_lastSuccessMs = m_clock->nowMs();
    emit polled();
}

void RegionPoller::handleError(const net::ApiError &error)
{
    m_lastError = error;
    if (m_phase != Phase::Running)
        return;
    ++m_failures;
    if (error.kind == net::ApiError::Kind::Auth) {
        if (++m_authFailures >= qMax(1, m_settings.authFailureLimit)) {
            // Retrying a rejected key only locks the account or fills the audit log: stop
            // and ask for credentials.
            m_phase = Phase::CredentialsRequired;
            m_backingOff = false;
            cancelListTimer();
            cancelShowTimers();
            emit requestFailed(error);
            emit credentialsRequired(m_accountId, m_region, error);
            return;
        }
    } else {
        m_authFailures = 0;
    }
    emit requestFailed(error);
    if (!m_online)
        return; // an outage is not the provider's fault; setOnline(true) polls at once
    m_backingOff = true;
    cancelShowTimers();
    scheduleList(backoffDelay(error));
}

qint64 RegionPoller::backoffDelay(const net::ApiError &error)
{
    // Exponential with "equal jitter": the k-th consecutive failure waits a random time in
    // [ceiling/2, ceiling], ceiling = min(cap, base·2^k). The floor keeps growing, unlike full
    // jitter, so a failing region really is asked less often; the spread still keeps many
    // pollers from retrying in step.
    const qint64 base = qMax<qint64>(1, m_settings.backoffBaseMs);
    const qint64 cap = qMax(base, m_settings.backoffCapMs);
    qint64 ceiling = base;
    for (int k = 0; k < m_failures && ceiling < cap; ++k)
        ceiling *= 2;
    ceiling = qMin(ceiling, cap);
    const qint64 floor = ceiling / 2;
    qint64 delay = floor + qint64(m_random.bounded(quint64(ceiling - floor + 1)));
    if (error.retryAfterMs > 0)
        delay = qMax<qint64>(delay, error.retryAfterMs);
    return delay;
}

void RegionPoller::commit(const ChangeSet &changes)
{
    if (changes.isEmpty())
        return;
    if (m_sink)
        m_sink->apply(changes);
    emit changesApplied(changes);
}

} // namespace cachesync
