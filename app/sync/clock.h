#pragma once

#include <QDateTime>
#include <QtGlobal>

#include <functional>

// The folder is app/sync, but the namespace cannot be `sync`: <unistd.h> (pulled in by
// <atomic>) declares ::sync(), and a namespace may not share a function's name.
namespace cachesync {

// The only source of time and scheduling for the poller, so tests drive intervals, backoff
// and throttling with a ManualClock instead of sleeping.
class Clock
{
public:
    using TimerId = quint64;

    Clock() = default;
    virtual ~Clock() = default;
    Q_DISABLE_COPY_MOVE(Clock)

    // Milliseconds since the Unix epoch (UTC).
    virtual qint64 nowMs() const = 0;
    QDateTime now() const { return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC); }

    // Runs `callback` once, `delayMs` from now (0 = as soon as possible, never synchronously
    // inside this call). Returns an id for cancel(); ids are never 0 and never reused.
    virtual TimerId callAfter(qint64 delayMs, std::function<void()> callback) = 0;
    // Cancelling an id that has fired or was cancelled already is harmless.
    virtual void cancel(TimerId id) = 0;
};

} // namespace cachesync
