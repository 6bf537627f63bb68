#pragma once

#include "net/apiclient.h"
#include "providers/completer.h"
#include "providers/connection.h"
#include "providers/imageservice.h"

namespace providers::huawei {

class HuaweiAuth;

// HSS v5 image browsing: registry, local and CI/CD image lists and
// the base-image layers of one image, each read over every offset/limit page.
class HssImageService final : public ImageService
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HssImageService)
public:
    HssImageService(net::ApiClient *client, Connection connection, QObject *parent = nullptr);
    ~HssImageService() override;

    core::Provider provider() const override { return core::Provider::Huawei; }
    QFuture<net::Result<QList<core::ImageInfo>>> list(const ImageQuery &query = {}) override;
    QFuture<net::Result<core::ImageInfo>> show(const core::ImageInfo &image) override;
    QFuture<net::Result<QList<core::ImageLayer>>> layers(const core::ImageInfo &image) override;

    // Page sizes within the documented ranges: registries 1–200; the others 10–200 (their
    // range is not stated; the sibling APIs use 10–200).
    static int pageSize(const QString &source, int requested);

    static net::Result<net::HttpRequest> listRequest(const QUrl &base, const QString &projectId,
                                                     const ImageQuery &query, int offset);
    static net::Result<net::HttpRequest> layersRequest(const QUrl &base, const QString &projectId,
                                                       const QString &region,
                                                       const core::ImageInfo &image, int offset,
                                                       int limit);

private:
    struct ListState;
    struct LayerState;
    void fetchListPage(const std::shared_ptr<ListState> &state);
    void fetchLayerPage(const std::shared_ptr<LayerState> &state);

    Connection m_connection;
    QUrl m_base;
    HuaweiAuth *m_auth;
};

} // namespace providers::huawei
