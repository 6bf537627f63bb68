#pragma once

#include "clock.h"

#include <map>
#include <utility>

namespace cachesync {

// A clock that only moves when told to: advance() fires the due callbacks synchronously, in
// order of due time (then of scheduling), each seeing now() equal to its own due time.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 1'700'000'000'000);
    ~ManualClock() override = default;
    Q_DISABLE_COPY_MOVE(ManualClock)

    qint64 nowMs() const override { return m_nowMs; }
    TimerId callAfter(qint64 delayMs, std::function<void()> callback) override;
    void cancel(TimerId id) override;

    // Moves time forward by `ms` (>= 0), firing every callback due up to the new time,
    // including ones scheduled by callbacks along the way.
    void advance(qint64 ms);
    // Fires callbacks already due at the current time (callAfter(0, ...)).
    void runDue() { advance(0); }
    void setNow(const QDateTime &time);

    int pendingCount() const { return int(m_queue.size()); }
    // Due time of the earliest pending callback, or -1 when none is pending.
    qint64 nextDueMs() const;

private:
    qint64 m_nowMs;
    TimerId m_nextId = 1;
    // (due time, id) orders by time, then by scheduling order since ids only grow.
    std::map<std::pair<qint64, TimerId>, std::function<void()>> m_queue;
};

} // namespace cachesync
