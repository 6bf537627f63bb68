#include "systemclock.h"

#include <QTimer>

#include <limits>

namespace cachesync {

SystemClock::SystemClock(QObject *parent)
    : QObject(parent)
{}

SystemClock::~SystemClock()
{
    qDeleteAll(m_timers);
}

qint64 SystemClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

Clock::TimerId SystemClock::callAfter(qint64 delayMs, std::function<void()> callback)
{
    const TimerId id = m_nextId++;
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    timer->setTimerType(Qt::CoarseTimer);
    // QTimer takes int milliseconds; clamp rather than overflow into a negative interval.
    const qint64 clamped = qBound(qint64(0), delayMs, qint64(std::numeric_limits<int>::max()));
    timer->setInterval(int(clamped));
    connect(timer, &QTimer::timeout, this, [this, id, callback = std::move(callback)] {
        if (QTimer *t = m_timers.take(id))
            t->deleteLater();
        callback();
    });
    m_timers.insert(id, timer);
    timer->start();
    return id;
}

void SystemClock::cancel(TimerId id)
{
    if (QTimer *timer = m_timers.take(id)) {
        timer->stop();
        timer->deleteLater();
    }
}

} // namespace cachesync
