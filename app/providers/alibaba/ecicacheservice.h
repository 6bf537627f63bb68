#pragma once

#include "alibabarpc.h"
#include "providers/cacheservice.h"
#include "providers/completer.h"

namespace providers::alibaba {

// ECI 2018-08-08 image caches: CreateImageCache (always with a
// ClientToken, so a retried create cannot make a second cache), DescribeImageCaches over every
// NextToken page (with MatchImage / ImageFullMatch / ImageMatchCountRequest, the server's
// match of a pod's images, best first), UpdateImageCache (Ready / UpdateFailed only),
// DeleteImageCache.
class EciCacheService final : public CacheService
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EciCacheService)
public:
    static constexpr const char *Version = "2018-08-08";
    static constexpr int MaxPageSize = 100;    // DescribeImageCaches' Limit
    static constexpr int MaxMatchImages = 100; // DescribeImageCaches MatchImage.N

    EciCacheService(net::ApiClient *client, Connection connection, QObject *parent = nullptr);
    ~EciCacheService() override;

    core::Provider provider() const override { return core::Provider::Alibaba; }
    QString region() const override { return m_connection.region; }

    QFuture<net::Result<QList<core::ImageCache>>> list(const CacheQuery &query = {}) override;
    QFuture<net::Result<core::ImageCache>> show(const QString &id) override;
    QFuture<net::Result<core::ImageCache>> create(const core::CacheSpec &spec) override;
    QFuture<net::Result<net::Done>> update(const core::CacheSpec &spec) override;
    QFuture<net::Result<net::Done>> remove(const QString &id) override;

    bool supportsUpdate() const override { return true; }
    bool canUpdate(const core::ImageCache &cache) const override;

    // The calls as the ECI SDK builds them. `clientToken` is never empty here.
    static AlibabaRpc::Call createCall(const QString &region, const core::CacheSpec &spec,
                                       const QString &clientToken);
    static AlibabaRpc::Call describeCall(const QString &region, const CacheQuery &query,
                                         const QString &nextToken);
    static AlibabaRpc::Call updateCall(const QString &region, const core::CacheSpec &spec,
                                       const QString &clientToken);
    static AlibabaRpc::Call deleteCall(const QString &region, const QString &id,
                                       const QString &clientToken);
    static QString newClientToken(); // a UUID, 36 ASCII chars

    struct DescribePage
    {
        QList<core::ImageCache> caches;
        QString nextToken;
        int totalCount = 0;
    };
    static net::Result<DescribePage> parseDescribe(const net::HttpResponse &response);

    // Whether a failed create may still have created the cache (no usable answer).
    static bool outcomeUnknown(const net::ApiError &error);
    // Among the caches named like `spec`, the one a create sent at `sentAt` made; none when
    // there is none or several (their ids in `ambiguous`).
    static std::optional<core::ImageCache> createdBy(const QList<core::ImageCache> &caches,
                                                     const core::CacheSpec &spec,
                                                     const QDateTime &sentAt,
                                                     QStringList *ambiguous);
    static constexpr int CreatedClockMarginSeconds = 600;

private:
    struct ListState;
    void fetchPage(const std::shared_ptr<ListState> &state);
    // After a create without a usable answer: looks the cache up by name, images and recent
    // creation before reporting `failure` (which then says whether it may exist).
    void findCreated(const CompleterPtr<net::Result<core::ImageCache>> &completer,
                     const core::CacheSpec &spec, const QDateTime &sentAt,
                     const net::ApiError &failure);
    void sendUpdate(const CompleterPtr<net::Result<net::Done>> &completer,
                    const core::CacheSpec &spec);
    QFuture<net::Result<net::HttpResponse>> send(const AlibabaRpc::Call &call);

    net::ApiClient *m_client;
    Connection m_connection;
    QUrl m_endpoint;
};

} // namespace providers::alibaba
