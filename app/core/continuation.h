#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <utility>

namespace core {

// The one way to continue after a QFuture: runs `handler(result)` in `context`'s thread once
// `future` has finished. Bound to `context`: once it is destroyed the handler is dropped (with
// whatever it captured). A future that ends without a result (cancelled) hands the handler a
// default-constructed value (for net::Result, a Cancelled error), so the caller's bookkeeping
// always runs. An already finished future is handled on the next turn of the event loop.
// QFuture::then(context, ...) is not used: Qt 6.4 asserts when the context dies first.
template<typename R, typename Handler>
void whenFinished(const QFuture<R> &future, QObject *context, Handler &&handler)
{
    auto *watcher = new QFutureWatcher<R>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher,
                     [watcher, handler = std::forward<Handler>(handler)]() mutable {
                         watcher->deleteLater();
                         const QFuture<R> done = watcher->future();
                         handler(done.resultCount() > 0 ? done.result() : R{});
                     });
    watcher->setFuture(future);
}

} // namespace core
