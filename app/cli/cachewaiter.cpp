#include "cachewaiter.h"

#include "console.h"
#include "core/continuation.h"
#include "providers/cacheservice.h"
#include "textformatter.h"

namespace cli {

CacheWaiter::CacheWaiter(providers::CacheService *service, QString id, Goal goal, int intervalMs,
                         int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_id(std::move(id))
    , m_goal(goal)
    , m_intervalMs(intervalMs)
    , m_timeoutMs(timeoutMs)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &CacheWaiter::poll);
}

void CacheWaiter::start()
{
    m_elapsed.start();
    poll();
}

void CacheWaiter::poll()
{
    if (m_done)
        return;
    if (!m_service) {
        m_error.kind = net::ApiError::Kind::Cancelled;
        return finish(Outcome::Error);
    }
    auto future = m_service->show(m_id);
    core::whenFinished(future, this, [this](const net::Result<core::ImageCache> &result) {
        if (m_done)
            return;
        if (!result.ok()) {
            // Both services answer an unknown id with HTTP 404 (Huawei natively, Alibaba for
            // an empty DescribeImageCaches): for a delete that is the goal.
            if (m_goal == Goal::Gone && result.error().httpStatus == 404) {
                Console::err(tr("%1: deleted").arg(m_last.name.isEmpty() ? m_id : m_last.name));
                return finish(Outcome::Reached);
            }
            m_error = result.error();
            return finish(Outcome::Error);
        }
        handle(result.value());
    });
}

void CacheWaiter::handle(const core::ImageCache &cache)
{
    m_last = cache;
    const QString line
        = (cache.name.isEmpty() ? m_id : cache.name) + u": "_qs + TextFormatter::statusText(cache);
    if (line != m_lastLine) {
        Console::err(line);
        m_lastLine = line;
    }
    if (core::isTransitional(cache.status))
        m_sawTransition = true;
    if (m_goal == Goal::Usable && core::isUsable(cache.status))
        return finish(Outcome::Reached);
    // An accepted update may still read Ready before the provider starts it: Ready counts once
    // an Updating state was seen, or after a few polls in a row show nothing happening.
    if (m_goal == Goal::UsableAgain && core::isUsable(cache.status)
        && (m_sawTransition || ++m_readyPolls >= 3))
        return finish(Outcome::Reached);
    // A delete goes on until the cache is gone, whatever state it was in.
    if (m_goal != Goal::Gone
        && (cache.status == core::CacheStatus::Failed
            || cache.status == core::CacheStatus::Unavailable
            || cache.status == core::CacheStatus::Expired)) {
        return finish(Outcome::Failed);
    }
    if (m_timeoutMs > 0 && m_elapsed.elapsed() + m_intervalMs > m_timeoutMs)
        return finish(Outcome::TimedOut);
    m_timer.start(m_intervalMs);
}

void CacheWaiter::finish(Outcome outcome)
{
    if (m_done)
        return;
    m_done = true;
    m_timer.stop();
    emit finished(outcome);
}

} // namespace cli
