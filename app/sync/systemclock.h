#pragma once

#include "clock.h"

#include <QHash>
#include <QObject>

class QTimer;

namespace cachesync {

// Wall-clock time and single-shot QTimers in the thread that owns the clock.
class SystemClock final : public QObject, public Clock
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SystemClock)
public:
    explicit SystemClock(QObject *parent = nullptr);
    ~SystemClock() override;

    qint64 nowMs() const override;
    TimerId callAfter(qint64 delayMs, std::function<void()> callback) override;
    void cancel(TimerId id) override;

private:
    QHash<TimerId, QTimer *> m_timers;
    TimerId m_nextId = 1;
};

} // namespace cachesync
