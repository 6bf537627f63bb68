#pragma once

#include "providers/cacheservice.h"

#include <QPromise>

#include <functional>
#include <memory>

// A scripted CacheService: list()/show() answer from `caches` (the "server"), or fail with the
// next queued error. With `hold` set, replies wait until release*() is called, so a test can
// see requests in flight. Every call is recorded.
class FakeCacheService final : public providers::CacheService
{
public:
    explicit FakeCacheService(QString region = QStringLiteral("cn-hangzhou"))
        : m_region(std::move(region))
    {}

    QList<core::ImageCache> caches;
    QList<net::ApiError> errors; // consumed one per call, before any success
    bool hold = false;
    QStringList calls; // "list" or "show:<id>"

    int listCalls() const { return int(calls.count(QStringLiteral("list"))); }
    int showCalls(const QString &id) const
    {
        return int(calls.count(QStringLiteral("show:") + id));
    }
    int showCalls() const
    {
        return int(std::count_if(calls.cbegin(), calls.cend(), [](const QString &c) {
            return c.startsWith(QLatin1String("show:"));
        }));
    }
    int heldCount() const { return int(m_held.size()); }
    void releaseOne()
    {
        if (!m_held.isEmpty())
            m_held.takeFirst()();
    }
    void releaseLast()
    {
        if (!m_held.isEmpty())
            m_held.takeLast()();
    }
    void releaseAll()
    {
        while (!m_held.isEmpty())
            releaseOne();
    }

    core::Provider provider() const override { return core::Provider::Alibaba; }
    QString region() const override { return m_region; }

    QFuture<net::Result<QList<core::ImageCache>>> list(const providers::CacheQuery &) override
    {
        calls.append(QStringLiteral("list"));
        return reply<QList<core::ImageCache>>(
            [this]() -> net::Result<QList<core::ImageCache>> { return caches; });
    }

    QFuture<net::Result<core::ImageCache>> show(const QString &id) override
    {
        calls.append(QStringLiteral("show:") + id);
        return reply<core::ImageCache>([this, id]() -> net::Result<core::ImageCache> {
            for (const core::ImageCache &c : std::as_const(caches)) {
                if (c.id == id)
                    return c;
            }
            net::ApiError e;
            e.kind = net::ApiError::Kind::Http;
            e.httpStatus = 404;
            e.code = QStringLiteral("CCE.01404001");
            e.message = QStringLiteral("image cache not found");
            return e;
        });
    }

    QFuture<net::Result<core::ImageCache>> create(const core::CacheSpec &) override
    {
        return unsupported<core::ImageCache>();
    }
    QFuture<net::Result<net::Done>> update(const core::CacheSpec &) override
    {
        return unsupported<net::Done>();
    }
    QFuture<net::Result<net::Done>> remove(const QString &) override
    {
        return unsupported<net::Done>();
    }
    bool supportsUpdate() const override { return false; }
    bool canUpdate(const core::ImageCache &) const override { return false; }

private:
    template<typename T>
    QFuture<net::Result<T>> reply(std::function<net::Result<T>()> answer)
    {
        auto promise = std::make_shared<QPromise<net::Result<T>>>();
        promise->start();
        QFuture<net::Result<T>> future = promise->future();
        // The outcome is decided when the reply is released: a held reply sees the server
        // as it is then.
        auto finish = [this, promise, answer] {
            net::Result<T> result
                = errors.isEmpty() ? answer() : net::Result<T>(errors.takeFirst());
            promise->addResult(result);
            promise->finish();
        };
        if (hold)
            m_held.append(finish);
        else
            finish();
        return future;
    }

    template<typename T>
    QFuture<net::Result<T>> unsupported()
    {
        net::ApiError e;
        e.kind = net::ApiError::Kind::Validation;
        return reply<T>([e]() -> net::Result<T> { return e; });
    }

    QString m_region;
    QList<std::function<void()>> m_held;
};

inline core::ImageCache makeCache(const QString &id, core::CacheStatus status,
                                  const QString &raw = {},
                                  const QString &account = QStringLiteral("acct"),
                                  const QString &region = QStringLiteral("cn-hangzhou"))
{
    core::ImageCache c;
    c.provider = core::Provider::Alibaba;
    c.accountId = account;
    c.region = region;
    c.id = id;
    c.name = QStringLiteral("cache-") + id;
    c.status = status;
    c.rawStatus = raw.isEmpty() ? core::statusKey(status) : raw;
    c.images = {QStringLiteral("registry.example.com/app:1")};
    c.sizeGiB = 20;
    return c;
}

inline net::ApiError makeError(net::ApiError::Kind kind, int retryAfterMs = -1)
{
    net::ApiError e;
    e.kind = kind;
    e.retryAfterMs = retryAfterMs;
    e.requestId = QStringLiteral("req-") + net::ApiError::kindName(kind);
    e.operation = QStringLiteral("DescribeImageCaches");
    if (kind == net::ApiError::Kind::Auth) {
        e.httpStatus = 403;
        e.code = QStringLiteral("Forbidden.AccessKeyDisabled");
    } else if (kind == net::ApiError::Kind::Throttled) {
        e.httpStatus = 429;
        e.code = QStringLiteral("Throttling.User");
    }
    return e;
}
