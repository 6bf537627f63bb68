#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

namespace cachesync {

// Caps the number of requests in flight: one per poller, and one shared by all pollers so an
// account with many regions does not flood the network. Tasks beyond the cap wait in FIFO
// order; a task whose owner is gone is skipped.
class RequestLimiter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestLimiter)
public:
    explicit RequestLimiter(int capacity, QObject *parent = nullptr);

    int capacity() const { return m_capacity; }
    void setCapacity(int capacity);
    int active() const { return m_active; }
    int queued() const { return int(m_queue.size()); }

    // Runs `task` now if a slot is free, else when one is. The task holds one slot until it
    // calls release() exactly once. `owner` must not be null.
    void submit(QObject *owner, std::function<void()> task);
    void release();
    // Drops the queued (not yet started) tasks of `owner`.
    void dropQueued(QObject *owner);

private:
    struct Pending
    {
        QPointer<QObject> owner;
        std::function<void()> task;
    };
    void drain();

    int m_capacity;
    int m_active = 0;
    bool m_draining = false;
    QList<Pending> m_queue;
};

} // namespace cachesync
