#include "ccecacheservice.h"

#include "huaweiauth.h"
#include "huaweimapping.h"
#include "net/percentencoding.h"
#include "providers/completer.h"
#include "providers/jsonfields.h"
#include "providers/validationerror.h"

namespace providers::huawei {

namespace {
const QString OpList = QStringLiteral("ListImageCaches");
const QString OpShow = QStringLiteral("ShowImageCache");
const QString OpCreate = QStringLiteral("CreateImageCache");
const QString OpDelete = QStringLiteral("DeleteImageCache");
const QString OpUpdate = QStringLiteral("UpdateImageCache");

net::HttpRequest jsonRequest(const QByteArray &method, QUrl url, const QString &operation)
{
    net::HttpRequest request;
    request.method = method;
    request.url = std::move(url);
    // The SDK sets application/json on every CCE v5 operation, bodiless ones included.
    request.setHeader("Content-Type", "application/json");
    request.operation = operation;
    return request;
}

// The POST may have reached CCE even though its answer did not reach us.
bool outcomeUnknown(const net::ApiError &error)
{
    using Kind = net::ApiError::Kind;
    return error.kind == Kind::Timeout || error.kind == Kind::Network
           || error.kind == Kind::MalformedResponse
           || (error.kind == Kind::Http && error.httpStatus >= 500);
}
} // namespace

// With AK/SK the official SDK always sends X-Project-Id, looking the id up through IAM when
// none is configured; with a token the scope comes from the token.
bool CceCacheService::needsProjectHeader() const
{
    return m_connection.auth == Connection::Auth::AccessKey;
}

CceCacheService::CceCacheService(net::ApiClient *client, Connection connection, QObject *parent)
    : CacheService(parent)
    , m_connection(std::move(connection))
    , m_base(m_connection.serviceUrl(QStringLiteral("cce")))
    , m_auth(new HuaweiAuth(client, m_connection, this))
{}

CceCacheService::~CceCacheService() = default;

net::HttpRequest CceCacheService::listRequest(const QUrl &base, const QString &name)
{
    const QByteArray query = name.isEmpty() ? QByteArray() : "name=" + net::percentEncode(name);
    auto request = jsonRequest("GET", json::endpoint(base, "/v5/imagecaches", query), OpList);
    request.retry = net::HttpRequest::Retry::Idempotent;
    return request;
}

net::HttpRequest CceCacheService::showRequest(const QUrl &base, const QString &id)
{
    auto request = jsonRequest(
        "GET", json::endpoint(base, "/v5/imagecaches/" + net::percentEncode(id)), OpShow);
    request.retry = net::HttpRequest::Retry::Idempotent;
    return request;
}

net::HttpRequest CceCacheService::createRequest(const QUrl &base, const core::CacheSpec &spec)
{
    auto request = jsonRequest("POST", json::endpoint(base, "/v5/imagecaches"), OpCreate);
    request.body = HuaweiMapping::createBody(spec);
    request.retry = net::HttpRequest::Retry::Never; // CCE has no idempotency token
    return request;
}

net::HttpRequest CceCacheService::removeRequest(const QUrl &base, const QString &id)
{
    auto request = jsonRequest(
        "DELETE", json::endpoint(base, "/v5/imagecaches/" + net::percentEncode(id)), OpDelete);
    request.retry = net::HttpRequest::Retry::Never;
    return request;
}

net::Result<QList<core::ImageCache>> CceCacheService::parseList(const net::HttpResponse &response)
{
    const auto body = json::parseObject(response.body);
    if (!body)
        return json::malformed(OpList, tr("the response is not a JSON object"), response);
    const QJsonValue caches = body->value(QLatin1String("image_caches"));
    if (!caches.isArray() && !caches.isUndefined() && !caches.isNull())
        return json::malformed(OpList, tr("image_caches is not an array"), response);
    QList<core::ImageCache> out;
    const QJsonArray items = caches.toArray();
    for (const QJsonValue &item : items) {
        if (item.isObject())
            out.append(HuaweiMapping::cacheFromJson(item.toObject()));
    }
    return out;
}

net::Result<core::ImageCache> CceCacheService::parseCache(const net::HttpResponse &response,
                                                          const QString &operation)
{
    const auto body = json::parseObject(response.body);
    if (!body)
        return json::malformed(operation, tr("the response is not a JSON object"), response);
    const QJsonObject detail = json::object(*body, "image_cache");
    if (detail.isEmpty())
        return json::malformed(operation, tr("the response has no image_cache object"), response);
    return HuaweiMapping::cacheFromJson(detail);
}

void CceCacheService::stamp(core::ImageCache &cache) const
{
    cache.accountId = m_connection.accountId;
    cache.region = m_connection.region;
}

QFuture<net::Result<QList<core::ImageCache>>> CceCacheService::listByName(const QString &name)
{
    auto completer = makeCompleter<net::Result<QList<core::ImageCache>>>();
    const QUrl base = m_base;
    const auto sent = m_auth->send(
        [base, name](const QString &) { return listRequest(base, name); }, needsProjectHeader());
    whenFinished(sent, this, [this, completer](const net::Result<net::HttpResponse> &r) {
        if (!r.ok())
            return completer->complete(r.error());
        auto parsed = parseList(r.value());
        if (parsed.ok()) {
            for (core::ImageCache &cache : parsed.value())
                stamp(cache);
        }
        completer->complete(parsed);
    });
    return completer->future();
}

QFuture<net::Result<QList<core::ImageCache>>> CceCacheService::list(const CacheQuery &query)
{
    return listByName(query.name);
}

QFuture<net::Result<core::ImageCache>> CceCacheService::show(const QString &id)
{
    if (id.isEmpty())
        return readyFuture(net::Result<core::ImageCache>(validationError(
            OpShow, QStringLiteral("image_cache_id"), tr("an image cache id is required"))));
    auto completer = makeCompleter<net::Result<core::ImageCache>>();
    const QUrl base = m_base;
    const auto sent = m_auth->send([base, id](const QString &) { return showRequest(base, id); },
                                   needsProjectHeader());
    whenFinished(sent, this, [this, completer](const net::Result<net::HttpResponse> &r) {
        if (!r.ok())
            return completer->complete(r.error());
        auto parsed = parseCache(r.value(), OpShow);
        if (parsed.ok())
            stamp(parsed.value());
        completer->complete(parsed);
    });
    return completer->future();
}

QFuture<net::Result<core::ImageCache>> CceCacheService::create(const core::CacheSpec &spec)
{
    const auto errors = core::CacheSpecValidator::validate(
        core::Provider::Huawei, core::CacheSpecValidator::Operation::Create, spec);
    if (!errors.isEmpty())
        return readyFuture(net::Result<core::ImageCache>(validationError(OpCreate, errors)));

    auto completer = makeCompleter<net::Result<core::ImageCache>>();
    const QUrl base = m_base;
    const auto sent = m_auth->send(
        [base, spec](const QString &) { return createRequest(base, spec); }, needsProjectHeader());
    const QString name = spec.name;
    whenFinished(sent, this, [this, completer, name](const net::Result<net::HttpResponse> &r) {
        if (r.ok()) {
            auto parsed = parseCache(r.value(), OpCreate);
            if (parsed.ok()) {
                stamp(parsed.value());
                return completer->complete(parsed.withRequestId(r.requestId()));
            }
            // 201 with a body we cannot read: the cache exists; find it by name below.
            auto unreadable = parsed.error();
            unreadable.requestId = r.requestId();
            return recoverByName(completer, name, unreadable);
        }
        if (!outcomeUnknown(r.error()))
            return completer->complete(r.error());
        recoverByName(completer, name, r.error());
    });
    return completer->future();
}

void CceCacheService::recoverByName(const CompleterPtr<net::Result<core::ImageCache>> &completer,
                                    const QString &name, const net::ApiError &original)
{
    // Names are unique per tenant, so a cache of this name is the one we asked for.
    whenFinished(
        listByName(name), this,
        [completer, name, original](const net::Result<QList<core::ImageCache>> &found) {
            if (found.ok()) {
                for (const core::ImageCache &cache : found.value()) {
                    if (cache.name == name)
                        return completer->complete(
                            net::Result<core::ImageCache>(cache).withRequestId(original.requestId));
                }
            }
            completer->complete(original);
        });
}

QFuture<net::Result<net::Done>> CceCacheService::update(const core::CacheSpec &)
{
    return readyFuture(net::Result<net::Done>(
        validationError(OpUpdate, QString(), tr("CCE Autopilot has no update API"))));
}

QFuture<net::Result<net::Done>> CceCacheService::remove(const QString &id)
{
    if (id.isEmpty())
        return readyFuture(net::Result<net::Done>(validationError(
            OpDelete, QStringLiteral("image_cache_id"), tr("an image cache id is required"))));
    auto completer = makeCompleter<net::Result<net::Done>>();
    const QUrl base = m_base;
    const auto sent = m_auth->send([base, id](const QString &) { return removeRequest(base, id); },
                                   needsProjectHeader());
    whenFinished(sent, this, [completer](const net::Result<net::HttpResponse> &r) {
        if (!r.ok())
            return completer->complete(r.error());
        // 202: deletion runs asynchronously
        completer->complete(net::Result<net::Done>(net::Done{}).withRequestId(r.requestId()));
    });
    return completer->future();
}

} // namespace providers::huawei
