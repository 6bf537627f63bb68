#include "hssimageservice.h"

#include "huaweiauth.h"
#include "huaweimapping.h"
#include "net/percentencoding.h"
#include "providers/jsonfields.h"
#include "providers/validationerror.h"

namespace providers::huawei {

namespace {
const QString OpRegistry = QStringLiteral("ListRegistryImages");
const QString OpLocal = QStringLiteral("ListImageLocal");
const QString OpCicd = QStringLiteral("ListCicdImages");
const QString OpLayers = QStringLiteral("ListImageBasicImage");
constexpr int MaxOffset = 2000000; // documented offset range 0–2000000
constexpr int LayerPageSize = 200; // the doc's example; the range is not stated

QString operationFor(const QString &source)
{
    if (source == QLatin1String("local"))
        return OpLocal;
    if (source == QLatin1String("cicd"))
        return OpCicd;
    return OpRegistry;
}

// Image types ListImageBasicImage accepts.
bool hasBaseImageInfo(const QString &imageType)
{
    static const QStringList types
        = {QStringLiteral("private_image"), QStringLiteral("shared_image"),
           QStringLiteral("instance_image"), QStringLiteral("cicd"), QStringLiteral("harbor")};
    return types.contains(imageType);
}

void addParam(net::ParamList &params, const char *key, const QString &value)
{
    if (!value.isEmpty())
        params.append({QByteArray(key), value.toUtf8()});
}

struct Page
{
    int total = 0;
    QJsonArray items;
};

net::Result<Page> parsePage(const net::HttpResponse &response, const QString &operation)
{
    const auto body = json::parseObject(response.body);
    if (!body)
        return json::malformed(operation, HssImageService::tr("the response is not a JSON object"),
                               response);
    return Page{json::integer(*body, "total_num"), json::array(*body, "data_list")};
}
} // namespace

struct HssImageService::ListState
{
    ImageQuery query;
    int offset = 0;
    QList<core::ImageInfo> images;
    CompleterPtr<net::Result<QList<core::ImageInfo>>> completer;
};

struct HssImageService::LayerState
{
    core::ImageInfo image;
    int offset = 0;
    QList<core::ImageLayer> layers;
    CompleterPtr<net::Result<QList<core::ImageLayer>>> completer;
};

HssImageService::HssImageService(net::ApiClient *client, Connection connection, QObject *parent)
    : ImageService(parent)
    , m_connection(std::move(connection))
    , m_base(m_connection.serviceUrl(QStringLiteral("hss")))
    , m_auth(new HuaweiAuth(client, m_connection, this))
{}

HssImageService::~HssImageService() = default;

int HssImageService::pageSize(const QString &source, int requested)
{
    const int min = source == QLatin1String("registry") ? 1 : 10;
    if (requested <= 0)
        return 200;
    return std::clamp(requested, min, 200);
}

net::Result<net::HttpRequest> HssImageService::listRequest(const QUrl &base,
                                                           const QString &projectId,
                                                           const ImageQuery &query, int offset)
{
    const QString source = query.source.isEmpty() ? QStringLiteral("registry") : query.source;
    QByteArray path = "/v5/" + net::percentEncode(projectId) + "/image/";
    if (source == QLatin1String("registry"))
        path += "registries/images";
    else if (source == QLatin1String("local"))
        path += "local-repositories";
    else if (source == QLatin1String("cicd"))
        path += "cicd/images";
    else
        return validationError(
            OpRegistry, QStringLiteral("source"),
            tr("unknown HSS image source \"%1\" (registry, local or cicd)").arg(source));

    net::ParamList params;
    params.append({QByteArray("offset"), QByteArray::number(offset)});
    params.append({QByteArray("limit"), QByteArray::number(pageSize(source, query.pageSize))});
    if (source == QLatin1String("registry"))
        addParam(params, "image_type", query.imageType);
    if (source != QLatin1String("local"))
        addParam(params, "namespace", query.namespaceName);
    addParam(params, "image_name", query.name);
    addParam(params, "image_version", query.version);

    net::HttpRequest request;
    request.method = "GET";
    request.url = json::endpoint(base, path, net::buildQuery(params));
    request.setHeader("Content-Type", "application/json");
    request.retry = net::HttpRequest::Retry::Idempotent;
    request.operation = operationFor(source);
    return request;
}

net::Result<net::HttpRequest>
HssImageService::layersRequest(const QUrl &base, const QString &projectId, const QString &region,
                               const core::ImageInfo &image, int offset, int limit)
{
    if (image.id.isEmpty())
        return validationError(OpLayers, QStringLiteral("image_id"), tr("an image id is required"));
    if (!hasBaseImageInfo(image.imageType))
        return validationError(
            OpLayers, QStringLiteral("image_type"),
            tr("base-image layers are available for repository and CI/CD images only, not for "
               "image type \"%1\"")
                .arg(image.imageType));

    // The doc's example order: offset, limit, image_type, namespace, image_name, image_version,
    // enterprise_project_id. A CI/CD image is identified by its id and image_type alone.
    net::ParamList params;
    params.append({QByteArray("offset"), QByteArray::number(offset)});
    params.append({QByteArray("limit"), QByteArray::number(limit)});
    params.append({QByteArray("image_type"), image.imageType.toUtf8()});
    if (image.imageType != QLatin1String("cicd")) {
        addParam(params, "namespace", image.namespaceName);
        addParam(params, "image_name", image.name);
        addParam(params, "image_version", image.version);
    }
    params.append({QByteArray("enterprise_project_id"), QByteArray("all_granted_eps")});

    net::HttpRequest request;
    request.method = "GET";
    request.url = json::endpoint(base,
                                 "/v5/" + net::percentEncode(projectId) + "/image/"
                                     + net::percentEncode(image.id) + "/basic-image",
                                 net::buildQuery(params));
    request.setHeader("Content-Type", "application/json");
    request.setHeader("region", region.toUtf8());
    request.retry = net::HttpRequest::Retry::Idempotent;
    request.operation = OpLayers;
    return request;
}

QFuture<net::Result<QList<core::ImageInfo>>> HssImageService::list(const ImageQuery &query)
{
    auto state = std::make_shared<ListState>();
    state->query = query;
    if (state->query.source.isEmpty())
        state->query.source = QStringLiteral("registry");
    // An unknown source is refused before anything is sent.
    if (const auto probe = listRequest(m_base, {}, state->query, 0); !probe.ok())
        return readyFuture(net::Result<QList<core::ImageInfo>>(probe.error()));
    state->completer = makeCompleter<net::Result<QList<core::ImageInfo>>>();
    auto future = state->completer->future();
    fetchListPage(state);
    return future;
}

void HssImageService::fetchListPage(const std::shared_ptr<ListState> &state)
{
    const QUrl base = m_base;
    const auto sent = m_auth->send(
        [base, state](const QString &projectId) {
            return listRequest(base, projectId, state->query, state->offset).value();
        },
        true);
    whenFinished(sent, this, [this, state](const net::Result<net::HttpResponse> &r) {
        if (!r.ok())
            return state->completer->complete(r.error());
        const QString source = state->query.source;
        auto page = parsePage(r.value(), operationFor(source));
        if (!page.ok())
            return state->completer->complete(page.error());
        for (const QJsonValue &item : page.value().items) {
            const QJsonObject object = item.toObject();
            core::ImageInfo image
                = source == QLatin1String("local")  ? HuaweiMapping::imageFromLocalJson(object)
                  : source == QLatin1String("cicd") ? HuaweiMapping::imageFromCicdJson(object)
                                                    : HuaweiMapping::imageFromRegistryJson(object);
            image.accountId = m_connection.accountId;
            image.region = m_connection.region;
            state->images.append(image);
        }
        state->offset += page.value().items.size();
        const bool more = !page.value().items.isEmpty() && state->offset < page.value().total
                          && state->offset <= MaxOffset;
        if (!more)
            return state->completer->complete(state->images);
        fetchListPage(state);
    });
}

QFuture<net::Result<QList<core::ImageLayer>>> HssImageService::layers(const core::ImageInfo &image)
{
    auto state = std::make_shared<LayerState>();
    state->image = image;
    if (const auto probe = layersRequest(m_base, {}, m_connection.region, image, 0, LayerPageSize);
        !probe.ok())
        return readyFuture(net::Result<QList<core::ImageLayer>>(probe.error()));
    state->completer = makeCompleter<net::Result<QList<core::ImageLayer>>>();
    auto future = state->completer->future();
    fetchLayerPage(state);
    return future;
}

void HssImageService::fetchLayerPage(const std::shared_ptr<LayerState> &state)
{
    const QUrl base = m_base;
    const QString region = m_connection.region;
    const auto sent = m_auth->send(
        [base, region, state](const QString &projectId) {
            return layersRequest(base, projectId, region, state->image, state->offset,
                                 LayerPageSize)
                .value();
        },
        true);
    whenFinished(sent, this, [this, state](const net::Result<net::HttpResponse> &r) {
        if (!r.ok())
            return state->completer->complete(r.error());
        auto page = parsePage(r.value(), OpLayers);
        if (!page.ok())
            return state->completer->complete(page.error());
        for (const QJsonValue &item : page.value().items)
            state->layers.append(HuaweiMapping::layerFromJson(item.toObject()));
        state->offset += page.value().items.size();
        const bool more = !page.value().items.isEmpty() && state->offset < page.value().total
                          && state->offset <= MaxOffset;
        if (!more)
            return state->completer->complete(state->layers);
        fetchLayerPage(state);
    });
}

QFuture<net::Result<core::ImageInfo>> HssImageService::show(const core::ImageInfo &image)
{
    if (!hasBaseImageInfo(image.imageType)) // local images: HSS keeps no base-image data
        return readyFuture(net::Result<core::ImageInfo>(image));
    auto completer = makeCompleter<net::Result<core::ImageInfo>>();
    whenFinished(layers(image), this,
                 [completer, image](const net::Result<QList<core::ImageLayer>> &r) {
                     if (!r.ok())
                         return completer->complete(r.error());
                     core::ImageInfo detailed = image;
                     detailed.layers = r.value();
                     completer->complete(detailed);
                 });
    return completer->future();
}

} // namespace providers::huawei
