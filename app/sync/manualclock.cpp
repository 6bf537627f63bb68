#include "manualclock.h"

namespace cachesync {

ManualClock::ManualClock(qint64 startMs)
    : m_nowMs(startMs)
{}

Clock::TimerId ManualClock::callAfter(qint64 delayMs, std::function<void()> callback)
{
    const TimerId id = m_nextId++;
    m_queue.emplace(std::pair{m_nowMs + qMax<qint64>(0, delayMs), id}, std::move(callback));
    return id;
}

void ManualClock::cancel(TimerId id)
{
    for (auto it = m_queue.begin(); it != m_queue.end(); ++it) {
        if (it->first.second == id) {
            m_queue.erase(it);
            return;
        }
    }
}

void ManualClock::advance(qint64 ms)
{
    const qint64 target = m_nowMs + qMax<qint64>(0, ms);
    while (!m_queue.empty() && m_queue.begin()->first.first <= target) {
        auto node = m_queue.extract(m_queue.begin());
        m_nowMs = qMax(m_nowMs, node.key().first);
        node.mapped()();
    }
    m_nowMs = target;
}

void ManualClock::setNow(const QDateTime &time)
{
    const qint64 ms = time.toMSecsSinceEpoch();
    if (ms > m_nowMs)
        advance(ms - m_nowMs);
}

qint64 ManualClock::nextDueMs() const
{
    return m_queue.empty() ? -1 : m_queue.begin()->first.first;
}

} // namespace cachesync
