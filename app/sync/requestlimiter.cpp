#include "requestlimiter.h"

namespace cachesync {

RequestLimiter::RequestLimiter(int capacity, QObject *parent)
    : QObject(parent)
    , m_capacity(qMax(1, capacity))
{}

void RequestLimiter::setCapacity(int capacity)
{
    m_capacity = qMax(1, capacity);
    drain();
}

void RequestLimiter::submit(QObject *owner, std::function<void()> task)
{
    Q_ASSERT(owner);
    m_queue.append({owner, std::move(task)});
    drain();
}

void RequestLimiter::release()
{
    Q_ASSERT(m_active > 0);
    if (m_active > 0)
        --m_active;
    drain();
}

void RequestLimiter::dropQueued(QObject *owner)
{
    m_queue.removeIf([owner](const Pending &p) { return p.owner == owner || p.owner.isNull(); });
}

void RequestLimiter::drain()
{
    // A task may finish synchronously and release() from inside; the loop below picks up
    // the freed slot instead of recursing.
    if (m_draining)
        return;
    m_draining = true;
    while (m_active < m_capacity && !m_queue.isEmpty()) {
        Pending next = m_queue.takeFirst();
        if (next.owner.isNull())
            continue;
        ++m_active;
        next.task();
    }
    m_draining = false;
}

} // namespace cachesync
