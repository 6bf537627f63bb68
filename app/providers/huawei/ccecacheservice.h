#pragma once

#include "net/apiclient.h"
#include "providers/cacheservice.h"
#include "providers/completer.h"
#include "providers/connection.h"

namespace providers::huawei {

class HuaweiAuth;

// CCE Autopilot v5 image caches (/v5/imagecaches): list (not paged, `name` exact),
// show, create (201), delete (202). There is no update API. A create whose answer is lost is
// looked up by name before the error is reported, never POSTed a second time.
class CceCacheService final : public CacheService
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CceCacheService)
public:
    CceCacheService(net::ApiClient *client, Connection connection, QObject *parent = nullptr);
    ~CceCacheService() override;

    core::Provider provider() const override { return core::Provider::Huawei; }
    QString region() const override { return m_connection.region; }

    QFuture<net::Result<QList<core::ImageCache>>> list(const CacheQuery &query = {}) override;
    QFuture<net::Result<core::ImageCache>> show(const QString &id) override;
    QFuture<net::Result<core::ImageCache>> create(const core::CacheSpec &spec) override;
    QFuture<net::Result<net::Done>> update(const core::CacheSpec &spec) override;
    QFuture<net::Result<net::Done>> remove(const QString &id) override;

    bool supportsUpdate() const override { return false; }
    bool canUpdate(const core::ImageCache &) const override { return false; }

    // The requests as the Go SDK builds them (base = Connection::serviceUrl("cce")).
    static net::HttpRequest listRequest(const QUrl &base, const QString &name);
    static net::HttpRequest showRequest(const QUrl &base, const QString &id);
    static net::HttpRequest createRequest(const QUrl &base, const core::CacheSpec &spec);
    static net::HttpRequest removeRequest(const QUrl &base, const QString &id);

    static net::Result<QList<core::ImageCache>> parseList(const net::HttpResponse &response);
    static net::Result<core::ImageCache> parseCache(const net::HttpResponse &response,
                                                    const QString &operation);

private:
    bool needsProjectHeader() const;
    QFuture<net::Result<QList<core::ImageCache>>> listByName(const QString &name);
    void recoverByName(const CompleterPtr<net::Result<core::ImageCache>> &completer,
                       const QString &name, const net::ApiError &original);
    void stamp(core::ImageCache &cache) const;

    Connection m_connection;
    QUrl m_base;
    HuaweiAuth *m_auth;
};

} // namespace providers::huawei
