#include "ehpcimageservice.h"

#include "alibabamapping.h"
#include "net/alibabasigner.h"
#include "providers/jsonfields.h"
#include "providers/validationerror.h"

#include <QJsonDocument>

namespace providers::alibaba {

namespace {
const QString OpList = QStringLiteral("ListImages");
const QString OpGet = QStringLiteral("GetImage");
const QString OpAdd = QStringLiteral("AddImage");
const QString OpRemove = QStringLiteral("RemoveImage");

void addText(net::RpcParams &params, const char *key, const QString &value)
{
    if (!value.isEmpty())
        params.add(QByteArray(key), value);
}

QByteArray compact(const QJsonValue &value)
{
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

// E-HPC answers errors with Success=false on some paths even under HTTP 200.
std::optional<net::ApiError> unsuccessful(const QJsonObject &body, const QString &operation,
                                          const net::HttpResponse &response)
{
    if (!body.value(QLatin1String("Success")).isBool() || json::boolean(body, "Success"))
        return std::nullopt;
    net::ApiError error;
    error.kind = net::ApiError::Kind::Http;
    error.httpStatus = response.status;
    error.operation = operation;
    error.code = json::string(body, "Code");
    error.message = json::string(body, "Message");
    if (error.message.isEmpty())
        error.message = EhpcImageService::tr("the provider reported Success=false");
    error.requestId = json::string(body, "RequestId");
    return error;
}
} // namespace

struct EhpcImageService::ListState
{
    ImageQuery query;
    int pageNumber = 1;
    QList<core::ImageInfo> images;
    CompleterPtr<net::Result<QList<core::ImageInfo>>> completer;
};

EhpcImageService::EhpcImageService(net::ApiClient *client, Connection connection, QObject *parent)
    : ImageService(parent)
    , m_client(client)
    , m_connection(std::move(connection))
    , m_endpoint(m_connection.serviceUrl(QStringLiteral("ehpcinstant")))
{}

EhpcImageService::~EhpcImageService() = default;

AlibabaRpc::Call EhpcImageService::listCall(const ImageQuery &query, int pageNumber)
{
    net::RpcParams params;
    addText(params, "ImageCategory", query.category);
    addText(params, "ImageType", query.imageType);
    if (!query.name.isEmpty())
        params.addJson("ImageNames", compact(QJsonArray{query.name}));
    params.add("PageNumber", qint64(pageNumber));
    params.add("PageSize", qint64(query.pageSize > 0 ? query.pageSize : DefaultPageSize));
    return {"ListImages", Version, params.params(), net::HttpRequest::Retry::Idempotent};
}

AlibabaRpc::Call EhpcImageService::getCall(const core::ImageInfo &image)
{
    net::RpcParams params;
    params.add("ImageId", image.id);
    addText(params, "ImageType", image.imageType);
    addText(params, "ImageCategory", image.category);
    return {"GetImage", Version, params.params(), net::HttpRequest::Retry::Idempotent};
}

AlibabaRpc::Call EhpcImageService::addCall(const NewEhpcImage &image)
{
    net::RpcParams params;
    params.add("Name", image.name);
    addText(params, "ImageType", image.imageType);
    addText(params, "ImageVersion", image.version);
    addText(params, "Description", image.description);
    if (image.hasContainerSpec) {
        const auto &c = image.containerSpec;
        QJsonObject spec{{QStringLiteral("RegistryUrl"), c.registryUrl},
                         {QStringLiteral("IsACRRegistry"), c.isAcrRegistry},
                         {QStringLiteral("IsACREnterprise"), c.isAcrEnterprise}};
        if (!c.registryCriId.isEmpty())
            spec.insert(QStringLiteral("RegistryCriId"), c.registryCriId);
        if (!c.credential.server.isEmpty() || !c.credential.userName.isEmpty()
            || !image.registryPassword.isEmpty()) {
            spec.insert(QStringLiteral("RegistryCredential"),
                        QJsonObject{{QStringLiteral("Server"), c.credential.server},
                                    {QStringLiteral("UserName"), c.credential.userName},
                                    {QStringLiteral("Password"), image.registryPassword}});
        }
        params.addJson("ContainerImageSpec", compact(spec));
    }
    if (!image.vmImageId.isEmpty())
        params.addJson("VMImageSpec",
                       compact(QJsonObject{{QStringLiteral("ImageId"), image.vmImageId}}));
    // No idempotency token: never repeated blindly.
    return {"AddImage", Version, params.params(), net::HttpRequest::Retry::Never};
}

AlibabaRpc::Call EhpcImageService::removeCall(const QString &imageId, const QString &imageType)
{
    net::RpcParams params;
    params.add("ImageId", imageId);
    addText(params, "ImageType", imageType);
    return {"RemoveImage", Version, params.params(), net::HttpRequest::Retry::Never};
}

QFuture<net::Result<net::HttpResponse>> EhpcImageService::send(const AlibabaRpc::Call &call)
{
    return AlibabaRpc::send(m_client, m_connection, m_endpoint, call);
}

QFuture<net::Result<QList<core::ImageInfo>>> EhpcImageService::list(const ImageQuery &query)
{
    auto state = std::make_shared<ListState>();
    state->query = query;
    state->completer = makeCompleter<net::Result<QList<core::ImageInfo>>>();
    auto future = state->completer->future();
    fetchPage(state);
    return future;
}

void EhpcImageService::fetchPage(const std::shared_ptr<ListState> &state)
{
    whenFinished(send(listCall(state->query, state->pageNumber)), this,
                 [this, state](const net::Result<net::HttpResponse> &r) {
                     if (!r.ok())
                         return state->completer->complete(r.error());
                     const auto body = json::parseObject(r.value().body);
                     if (!body)
                         return state->completer->complete(json::malformed(
                             OpList, tr("the response is not a JSON object"), r.value()));
                     if (auto error = unsuccessful(*body, OpList, r.value()))
                         return state->completer->complete(*error);
                     const QJsonArray items = json::array(*body, "Images");
                     for (const QJsonValue &item : items) {
                         core::ImageInfo image = AlibabaMapping::imageFromListJson(item.toObject());
                         image.accountId = m_connection.accountId;
                         image.region = m_connection.region;
                         image.category = state->query.category;
                         state->images.append(image);
                     }
                     const int total = json::integer(*body, "TotalCount");
                     if (items.isEmpty() || state->images.size() >= total)
                         return state->completer->complete(state->images);
                     ++state->pageNumber;
                     fetchPage(state);
                 });
}

QFuture<net::Result<core::ImageInfo>> EhpcImageService::show(const core::ImageInfo &image)
{
    if (image.id.isEmpty())
        return readyFuture(net::Result<core::ImageInfo>(
            validationError(OpGet, QStringLiteral("ImageId"), tr("an ImageId is required"))));
    auto completer = makeCompleter<net::Result<core::ImageInfo>>();
    whenFinished(send(getCall(image)), this,
                 [this, completer, image](const net::Result<net::HttpResponse> &r) {
                     if (!r.ok())
                         return completer->complete(r.error());
                     const auto body = json::parseObject(r.value().body);
                     // Success=false carries the provider's own code: report that first.
                     if (body) {
                         if (auto error = unsuccessful(*body, OpGet, r.value()))
                             return completer->complete(*error);
                     }
                     if (!body || !body->value(QLatin1String("Image")).isObject())
                         return completer->complete(json::malformed(
                             OpGet, tr("the response has no Image object"), r.value()));
                     core::ImageInfo info
                         = AlibabaMapping::imageFromGetJson(json::object(*body, "Image"));
                     info.id = image.id;
                     info.category = image.category;
                     info.accountId = m_connection.accountId;
                     info.region = m_connection.region;
                     if (info.imageType.isEmpty())
                         info.imageType = image.imageType;
                     if (info.osTag.isEmpty())
                         info.osTag = info.hasVmSpec ? info.vmSpec.osTag : image.osTag;
                     if (!info.updated.isValid())
                         info.updated = image.updated;
                     completer->complete(info);
                 });
    return completer->future();
}

QFuture<net::Result<QList<core::ImageLayer>>> EhpcImageService::layers(const core::ImageInfo &)
{
    return readyFuture(net::Result<QList<core::ImageLayer>>(QList<core::ImageLayer>{}));
}

QFuture<net::Result<QString>> EhpcImageService::addImage(const NewEhpcImage &image)
{
    if (image.name.trimmed().isEmpty())
        return readyFuture(net::Result<QString>(
            validationError(OpAdd, QStringLiteral("Name"), tr("Name is required"))));
    auto completer = makeCompleter<net::Result<QString>>();
    whenFinished(send(addCall(image)), this, [completer](const net::Result<net::HttpResponse> &r) {
        if (!r.ok())
            return completer->complete(r.error());
        const auto body = json::parseObject(r.value().body);
        if (!body)
            return completer->complete(
                json::malformed(OpAdd, tr("the response is not a JSON object"), r.value()));
        if (auto error = unsuccessful(*body, OpAdd, r.value()))
            return completer->complete(*error);
        const QString id = json::string(*body, "ImageId");
        if (id.isEmpty())
            return completer->complete(
                json::malformed(OpAdd, tr("the response has no ImageId"), r.value()));
        completer->complete(id);
    });
    return completer->future();
}

QFuture<net::Result<net::Done>> EhpcImageService::removeImage(const QString &imageId,
                                                              const QString &imageType)
{
    if (imageId.isEmpty())
        return readyFuture(net::Result<net::Done>(
            validationError(OpRemove, QStringLiteral("ImageId"), tr("an ImageId is required"))));
    auto completer = makeCompleter<net::Result<net::Done>>();
    whenFinished(send(removeCall(imageId, imageType)), this,
                 [completer](const net::Result<net::HttpResponse> &r) {
                     if (!r.ok())
                         return completer->complete(r.error());
                     const auto body = json::parseObject(r.value().body);
                     if (body) {
                         if (auto error = unsuccessful(*body, OpRemove, r.value()))
                             return completer->complete(*error);
                     }
                     completer->complete(net::Done{});
                 });
    return completer->future();
}

} // namespace providers::alibaba
