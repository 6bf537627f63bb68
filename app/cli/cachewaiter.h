#pragma once

#include "core/imagecache.h"
#include "net/apierror.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace providers {
class CacheService;
}

namespace cli {

// Follows one cache by polling show() until it is usable (create, update) or gone (delete),
// printing a progress line on stderr whenever the status or progress changes.
class CacheWaiter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CacheWaiter)
public:
    enum class Goal {
        Usable,      // create: Ready
        UsableAgain, // update: Ready after the change began (see handle())
        Gone,        // delete: the provider answers 404
    };
    enum class Outcome {
        Reached,  // Ready, or deleted
        Failed,   // Failed / UpdateFailed / Unavailable / Expired: lastCache().message says why
        Error,    // show() failed: error()
        TimedOut, // the wait timeout elapsed
    };
    Q_ENUM(Outcome)

    CacheWaiter(providers::CacheService *service, QString id, Goal goal, int intervalMs,
                int timeoutMs, QObject *parent = nullptr);

    void start();
    core::ImageCache lastCache() const { return m_last; }
    net::ApiError error() const { return m_error; }

signals:
    void finished(cli::CacheWaiter::Outcome outcome);

private:
    void poll();
    void handle(const core::ImageCache &cache);
    void finish(Outcome outcome);

    QPointer<providers::CacheService> m_service;
    QString m_id;
    Goal m_goal;
    int m_intervalMs;
    int m_timeoutMs;
    QTimer m_timer;
    QElapsedTimer m_elapsed;
    core::ImageCache m_last;
    QString m_lastLine;
    net::ApiError m_error;
    bool m_done = false;
    bool m_sawTransition = false;
    int m_readyPolls = 0;
};

} // namespace cli
