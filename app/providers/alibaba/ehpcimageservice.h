#pragma once

#include "alibabarpc.h"
#include "providers/completer.h"
#include "providers/imageservice.h"

namespace providers::alibaba {

// What AddImage registers (E-HPC Instant 2023-07-01). The registry password goes to the
// provider inside ContainerImageSpec and nowhere else.
struct NewEhpcImage
{
    QString name;
    QString imageType; // VM | Container
    QString version;
    QString description;
    bool hasContainerSpec = false;
    core::ContainerImageSpec containerSpec; // RegistryUrl, ACR flags, credential server/user
    QString registryPassword;
    QString vmImageId; // VMImageSpec.ImageId
};

// E-HPC Instant 2023-07-01 images: ListImages over every page, GetImage
// (registry password masked), AddImage, RemoveImage. Arrays and objects are sent as one
// JSON-string parameter, as the SDK does.
class EhpcImageService final : public ImageService
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EhpcImageService)
public:
    static constexpr const char *Version = "2023-07-01";
    static constexpr int DefaultPageSize = 50;

    EhpcImageService(net::ApiClient *client, Connection connection, QObject *parent = nullptr);
    ~EhpcImageService() override;

    core::Provider provider() const override { return core::Provider::Alibaba; }
    QFuture<net::Result<QList<core::ImageInfo>>> list(const ImageQuery &query = {}) override;
    QFuture<net::Result<core::ImageInfo>> show(const core::ImageInfo &image) override;
    QFuture<net::Result<QList<core::ImageLayer>>> layers(const core::ImageInfo &image) override;

    // Yields the new ImageId.
    QFuture<net::Result<QString>> addImage(const NewEhpcImage &image);
    QFuture<net::Result<net::Done>> removeImage(const QString &imageId, const QString &imageType);

    static AlibabaRpc::Call listCall(const ImageQuery &query, int pageNumber);
    static AlibabaRpc::Call getCall(const core::ImageInfo &image);
    static AlibabaRpc::Call addCall(const NewEhpcImage &image);
    static AlibabaRpc::Call removeCall(const QString &imageId, const QString &imageType);

private:
    struct ListState;
    void fetchPage(const std::shared_ptr<ListState> &state);
    QFuture<net::Result<net::HttpResponse>> send(const AlibabaRpc::Call &call);

    net::ApiClient *m_client;
    Connection m_connection;
    QUrl m_endpoint;
};

} // namespace providers::alibaba
