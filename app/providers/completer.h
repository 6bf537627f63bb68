#pragma once

#include "core/continuation.h"

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

// The continuation helper lives in core/continuation.h; providers code calls it by this name.
using core::whenFinished;

} // namespace providers
