#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QPromise>

#include <memory>
#include <utility>

namespace providers {

// Completes a QFuture<net::Result<T>> exactly once. When dropped unfinished (the service or
// the transport went away), the future still finishes, with a default (Cancelled) result, so
// a waiting caller never reads a future without a result.
template<typename R>
class Completer final
{
public:
    Completer() { m_promise.start(); }
    ~Completer()
    {
        if (!m_done)
            complete(R{});
    }
    Completer(const Completer &) = delete;
    Completer &operator=(const Completer &) = delete;

    QFuture<R> future() { return m_promise.future(); }
    void complete(R result)
    {
        if (m_done)
            return;
        m_done = true;
        m_promise.addResult(std::move(result));
        m_promise.finish();
    }

private:
    QPromise<R> m_promise;
    bool m_done = false;
};

template<typename R>
using CompleterPtr = std::shared_ptr<Completer<R>>;

template<typename R>
CompleterPtr<R> makeCompleter()
{
    return std::make_shared<Completer<R>>();
}

template<typename R>
QFuture<R> readyFuture(R result)
{
    Completer<R> completer;
    completer.complete(std::move(result));
    return completer.future();
}

// Runs `handler(result)` in `context`'s thread once `future` has finished. Bound to
// `context`: once it is destroyed the handler is dropped (with whatever it captured, so a
// captured Completer finishes its future as Cancelled). A future that ends without a result
// (cancelled) hands the handler a default, Cancelled result. QFuture::then(context, ...) is
// not used: Qt 6.4 asserts when the context dies first.
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

} // namespace providers
