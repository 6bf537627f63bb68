#pragma once

#include "net/result.h"

#include <QFuture>
#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <utility>

namespace cachesync {

// Calls `handler(net::Result<T>)` in `receiver`'s thread once `future` is done, unless the
// receiver is gone by then. A cancelled future yields the default Result (Kind::Cancelled),
// so a caller's bookkeeping always runs. An already finished future is handled at once.
// (QFuture::then(context, ...) is avoided: in Qt 6.4 it asserts when the context dies first.)
template<typename T, typename Handler>
void onResult(QFuture<net::Result<T>> future, QObject *receiver, Handler handler)
{
    QPointer<QObject> guard(receiver);
    auto deliver = [guard, handler = std::move(handler)](net::Result<T> result) mutable {
        if (guard.isNull())
            return;
        if (QThread::currentThread() == guard->thread()) {
            handler(std::move(result));
            return;
        }
        QMetaObject::invokeMethod(
            guard.data(),
            [guard, handler = std::move(handler), result = std::move(result)]() mutable {
                if (!guard.isNull())
                    handler(std::move(result));
            },
            Qt::QueuedConnection);
    };
    future.onCanceled([] { return net::Result<T>(); })
        .then([deliver = std::move(deliver)](QFuture<net::Result<T>> done) mutable {
            deliver(done.resultCount() > 0 ? done.result() : net::Result<T>());
        });
}

} // namespace cachesync
