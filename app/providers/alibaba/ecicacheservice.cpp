#include "ecicacheservice.h"

#include <QCoreApplication>

#include "alibabamapping.h"
#include "net/alibabasigner.h"
#include "providers/jsonfields.h"
#include "providers/validationerror.h"

#include <QSet>
#include <QUuid>

namespace providers::alibaba {

namespace {
const QString OpCreate = QStringLiteral("CreateImageCache");
const QString OpDescribe = QStringLiteral("DescribeImageCaches");
const QString OpUpdate = QStringLiteral("UpdateImageCache");
const QString OpDelete = QStringLiteral("DeleteImageCache");

void addText(net::RpcParams &params, const char *key, const QString &value)
{
    if (!value.isEmpty())
        params.add(QByteArray(key), value);
}

// The parameters CreateImageCache and UpdateImageCache share.
void addCommonSpec(net::RpcParams &params, const core::CacheSpec &spec)
{
    addText(params, "ImageCacheName", spec.name);
    if (!spec.images.isEmpty())
        params.addList("Image", spec.images);
    addText(params, "SecurityGroupId", spec.securityGroupId);
    addText(params, "VSwitchId", spec.vSwitchId);
    addText(params, "EipInstanceId", spec.eipInstanceId);
    if (spec.sizeGiB)
        params.add("ImageCacheSize", qint64(*spec.sizeGiB));
    if (spec.retentionDays)
        params.add("RetentionDays", qint64(*spec.retentionDays));
    // Null: not given (an update leaves it); empty: "keep until it expires", sent as
    // EliminationStrategy= like the SDK sends a set empty string, so an update can clear LRU.
    params.add("EliminationStrategy", spec.eliminationStrategy);
    if (spec.flash)
        params.addBool("Flash", *spec.flash);
    if (spec.flashCopyCount)
        params.add("FlashCopyCount", qint64(*spec.flashCopyCount));
    if (spec.standardCopyCount)
        params.add("StandardCopyCount", qint64(*spec.standardCopyCount));
    if (spec.autoMatchImageCache)
        params.addBool("AutoMatchImageCache", *spec.autoMatchImageCache);
    if (!spec.registryLogins.isEmpty()) {
        QList<net::ParamList> logins;
        for (const core::RegistryLogin &login : spec.registryLogins) {
            logins.append({{"Server", login.server.toUtf8()},
                           {"UserName", login.userName.toUtf8()},
                           {"Password", login.password.toUtf8()}});
        }
        params.addObjects("ImageRegistryCredential", logins);
    }
    if (!spec.acrRegistries.isEmpty()) {
        QList<net::ParamList> registries;
        for (const core::AcrRegistry &acr : spec.acrRegistries) {
            net::ParamList fields{{"InstanceId", acr.instanceId.toUtf8()},
                                  {"InstanceName", acr.instanceName.toUtf8()},
                                  {"RegionId", acr.regionId.toUtf8()}};
            for (qsizetype i = 0; i < acr.domains.size(); ++i)
                fields.append({"Domain." + QByteArray::number(i + 1), acr.domains.at(i).toUtf8()});
            fields.append({"ArnService", acr.arnService.toUtf8()});
            fields.append({"ArnUser", acr.arnUser.toUtf8()});
            registries.append(fields);
        }
        params.addObjects("AcrRegistryInfo", registries);
    }
    if (!spec.tags.isEmpty()) {
        QList<net::ParamList> tags;
        for (const core::Tag &tag : spec.tags)
            tags.append({{"Key", tag.key.toUtf8()}, {"Value", tag.value.toUtf8()}});
        params.addObjects("Tag", tags);
    }
    addText(params, "ResourceGroupId", spec.resourceGroupId);
}

net::ApiError notFound(const QString &id)
{
    net::ApiError error;
    error.kind = net::ApiError::Kind::Http;
    error.httpStatus = 404; // DescribeImageCaches answers an unknown id with an empty list
    error.code = QStringLiteral("ImageCacheNotFound");
    error.operation = OpDescribe;
    // translate() with the class's context: lupdate cannot resolve Class::tr() in a free
    // function of a nested namespace.
    error.message = QCoreApplication::translate("providers::alibaba::EciCacheService",
                                                "ImageCache not found: %1")
                        .arg(id);
    return error;
}
} // namespace

struct EciCacheService::ListState
{
    CacheQuery query;
    QString nextToken;
    QSet<QString> seenTokens;
    QList<core::ImageCache> caches;
    CompleterPtr<net::Result<QList<core::ImageCache>>> completer;
};

EciCacheService::EciCacheService(net::ApiClient *client, Connection connection, QObject *parent)
    : CacheService(parent)
    , m_client(client)
    , m_connection(std::move(connection))
    , m_endpoint(m_connection.serviceUrl(QStringLiteral("eci")))
{}

EciCacheService::~EciCacheService() = default;

QString EciCacheService::newClientToken()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

AlibabaRpc::Call EciCacheService::createCall(const QString &region, const core::CacheSpec &spec,
                                             const QString &clientToken)
{
    net::RpcParams params;
    params.add("RegionId", region);
    addCommonSpec(params, spec);
    addText(params, "ZoneId", spec.zoneId);
    addText(params, "InsecureRegistry", spec.insecureRegistry);
    addText(params, "PlainHttpRegistry", spec.plainHttpRegistry);
    addText(params, "Annotations", spec.annotations);
    addText(params, "OsType", spec.osType);
    params.add("ClientToken", clientToken);
    // The ClientToken makes a repeated create return the first one's result.
    return {"CreateImageCache", Version, params.params(), net::HttpRequest::Retry::Idempotent};
}

AlibabaRpc::Call EciCacheService::describeCall(const QString &region, const CacheQuery &query,
                                               const QString &nextToken)
{
    net::RpcParams params;
    params.add("RegionId", region);
    addText(params, "ImageCacheId", query.id);
    addText(params, "ImageCacheName", query.name);
    addText(params, "SnapshotId", query.snapshotId);
    addText(params, "Image", query.image);
    addText(params, "ResourceGroupId", query.resourceGroupId);
    if (!query.tags.isEmpty()) {
        QList<net::ParamList> tags;
        for (const core::Tag &tag : query.tags)
            tags.append({{"Key", tag.key.toUtf8()}, {"Value", tag.value.toUtf8()}});
        params.addObjects("Tag", tags);
    }
    if (!query.matchImages.isEmpty())
        params.addList("MatchImage", query.matchImages);
    if (query.imageFullMatch)
        params.addBool("ImageFullMatch", *query.imageFullMatch);
    if (query.imageMatchCount)
        params.add("ImageMatchCountRequest", qint64(*query.imageMatchCount));
    if (query.pageSize > 0)
        params.add("Limit", qint64(query.pageSize));
    addText(params, "NextToken", nextToken);
    return {"DescribeImageCaches", Version, params.params(), net::HttpRequest::Retry::Idempotent};
}

AlibabaRpc::Call EciCacheService::updateCall(const QString &region, const core::CacheSpec &spec,
                                             const QString &clientToken)
{
    net::RpcParams params;
    params.add("RegionId", region);
    params.add("ImageCacheId", spec.id);
    // Update takes the create parameters except ZoneId, InsecureRegistry, PlainHttpRegistry,
    // Annotations and OsType.
    addCommonSpec(params, spec);
    params.add("ClientToken", clientToken);
    return {"UpdateImageCache", Version, params.params(), net::HttpRequest::Retry::Idempotent};
}

AlibabaRpc::Call EciCacheService::deleteCall(const QString &region, const QString &id,
                                             const QString &clientToken)
{
    net::RpcParams params;
    params.add("RegionId", region);
    params.add("ImageCacheId", id);
    params.add("ClientToken", clientToken);
    return {"DeleteImageCache", Version, params.params(), net::HttpRequest::Retry::Idempotent};
}

net::Result<EciCacheService::DescribePage>
EciCacheService::parseDescribe(const net::HttpResponse &response)
{
    const auto body = json::parseObject(response.body);
    if (!body)
        return json::malformed(OpDescribe, tr("the response is not a JSON object"), response);
    const QJsonValue items = body->value(QLatin1String("ImageCaches"));
    if (!items.isArray() && !items.isUndefined() && !items.isNull())
        return json::malformed(OpDescribe, tr("ImageCaches is not an array"), response);
    DescribePage page;
    for (const QJsonValue &item : items.toArray()) {
        if (item.isObject())
            page.caches.append(AlibabaMapping::cacheFromJson(item.toObject()));
    }
    page.nextToken = json::string(*body, "NextToken");
    page.totalCount = json::integer(*body, "TotalCount");
    return page;
}

QFuture<net::Result<net::HttpResponse>> EciCacheService::send(const AlibabaRpc::Call &call)
{
    return AlibabaRpc::send(m_client, m_connection, m_endpoint, call);
}

bool EciCacheService::canUpdate(const core::ImageCache &cache) const
{
    if (cache.rawStatus.isEmpty())
        return cache.status == core::CacheStatus::Ready;
    return cache.rawStatus == QLatin1String("Ready")
           || cache.rawStatus == QLatin1String("UpdateFailed");
}

QFuture<net::Result<QList<core::ImageCache>>> EciCacheService::list(const CacheQuery &query)
{
    // The match query (MatchImage, ImageFullMatch, ImageMatchCountRequest) takes at most
    // MaxMatchImages images a call.
    if (query.matchImages.size() > MaxMatchImages)
        return readyFuture(net::Result<QList<core::ImageCache>>(validationError(
            OpDescribe, QStringLiteral("MatchImage"),
            tr("at most %1 images can be matched in one call").arg(MaxMatchImages))));
    auto state = std::make_shared<ListState>();
    state->query = query;
    // Every page is fetched anyway: the largest page the API serves means the fewest round
    // trips (2,000 caches: 20 requests instead of 200 at the default of 10).
    if (state->query.pageSize <= 0)
        state->query.pageSize = MaxPageSize;
    state->completer = makeCompleter<net::Result<QList<core::ImageCache>>>();
    auto future = state->completer->future();
    fetchPage(state);
    return future;
}

void EciCacheService::fetchPage(const std::shared_ptr<ListState> &state)
{
    const auto sent = send(describeCall(m_connection.region, state->query, state->nextToken));
    whenFinished(sent, this, [this, state](const net::Result<net::HttpResponse> &r) {
        if (!r.ok())
            return state->completer->complete(r.error());
        auto page = parseDescribe(r.value());
        if (!page.ok())
            return state->completer->complete(page.error());
        for (core::ImageCache &cache : page.value().caches) {
            cache.accountId = m_connection.accountId;
            cache.region = m_connection.region;
            state->caches.append(std::move(cache));
        }
        const QString next = page.value().nextToken;
        if (next.isEmpty() || page.value().caches.isEmpty())
            return state->completer->complete(state->caches);
        if (state->seenTokens.contains(next)) // a provider loop would never end
            return state->completer->complete(json::malformed(
                OpDescribe, tr("NextToken %1 was returned twice").arg(next), r.value()));
        state->seenTokens.insert(next);
        state->nextToken = next;
        fetchPage(state);
    });
}

QFuture<net::Result<core::ImageCache>> EciCacheService::show(const QString &id)
{
    if (id.isEmpty())
        return readyFuture(net::Result<core::ImageCache>(validationError(
            OpDescribe, QStringLiteral("ImageCacheId"), tr("an ImageCacheId is required"))));
    auto completer = makeCompleter<net::Result<core::ImageCache>>();
    CacheQuery query;
    query.id = id;
    whenFinished(send(describeCall(m_connection.region, query, {})), this,
                 [this, completer, id](const net::Result<net::HttpResponse> &r) {
                     if (!r.ok())
                         return completer->complete(r.error());
                     auto page = parseDescribe(r.value());
                     if (!page.ok())
                         return completer->complete(page.error());
                     for (core::ImageCache cache : page.value().caches) {
                         if (cache.id == id) {
                             cache.accountId = m_connection.accountId;
                             cache.region = m_connection.region;
                             return completer->complete(cache);
                         }
                     }
                     net::ApiError error = notFound(id);
                     error.requestId = r.value().requestId;
                     completer->complete(error);
                 });
    return completer->future();
}

QFuture<net::Result<core::ImageCache>> EciCacheService::create(const core::CacheSpec &spec)
{
    const auto errors = core::CacheSpecValidator::validate(
        core::Provider::Alibaba, core::CacheSpecValidator::Operation::Create, spec);
    if (!errors.isEmpty())
        return readyFuture(net::Result<core::ImageCache>(validationError(OpCreate, errors)));

    const QString token = spec.clientToken.isEmpty() ? newClientToken() : spec.clientToken;
    const QDateTime sentAt = QDateTime::currentDateTimeUtc();
    auto completer = makeCompleter<net::Result<core::ImageCache>>();
    whenFinished(
        send(createCall(m_connection.region, spec, token)), this,
        [this, completer, spec, sentAt](const net::Result<net::HttpResponse> &r) {
            if (!r.ok()) {
                if (outcomeUnknown(r.error()))
                    return findCreated(completer, spec, sentAt, r.error());
                return completer->complete(r.error());
            }
            const auto body = json::parseObject(r.value().body);
            const QString id = body ? json::string(*body, "ImageCacheId") : QString();
            if (id.isEmpty())
                return findCreated(
                    completer, spec, sentAt,
                    json::malformed(OpCreate, tr("the response has no ImageCacheId"), r.value()));
            const QString requestId = r.requestId();
            whenFinished(
                show(id), this,
                [this, completer, spec, id, requestId](const net::Result<core::ImageCache> &c) {
                    if (c.ok())
                        return completer->complete(c.withRequestId(requestId));
                    // Created, but not described yet: report what we know.
                    core::ImageCache cache;
                    cache.provider = core::Provider::Alibaba;
                    cache.accountId = m_connection.accountId;
                    cache.region = m_connection.region;
                    cache.id = id;
                    cache.name = spec.name;
                    cache.images = spec.images;
                    cache.sizeGiB = spec.sizeGiB.value_or(20);
                    cache.retentionDays = spec.retentionDays.value_or(0);
                    cache.tags = spec.tags;
                    completer->complete(
                        net::Result<core::ImageCache>(cache).withRequestId(requestId));
                });
        });
    return completer->future();
}

bool EciCacheService::outcomeUnknown(const net::ApiError &error)
{
    // The request may have reached ECI and been carried out: no answer, a cut or unreadable
    // one, or a server error after the work. A refusal (4xx, auth, validation) is certain.
    switch (error.kind) {
    case net::ApiError::Kind::Network:
    case net::ApiError::Kind::Timeout:
    case net::ApiError::Kind::MalformedResponse:
        return true;
    case net::ApiError::Kind::Http:
        return error.httpStatus >= 500 || error.httpStatus == 0;
    default:
        return false;
    }
}

std::optional<core::ImageCache> EciCacheService::createdBy(const QList<core::ImageCache> &caches,
                                                           const core::CacheSpec &spec,
                                                           const QDateTime &sentAt,
                                                           QStringList *ambiguous)
{
    // DescribeImageCaches cannot be asked for a ClientToken, and ECI allows duplicate names:
    // the cache this create made has its name and images and was made after it was sent
    // (a margin for the clocks of client and server).
    const QDateTime notBefore = sentAt.addSecs(-CreatedClockMarginSeconds);
    QStringList wanted = spec.images;
    wanted.sort();
    QList<core::ImageCache> found;
    for (const core::ImageCache &cache : caches) {
        QStringList images = cache.images;
        images.sort();
        if (cache.name == spec.name && images == wanted && cache.created.isValid()
            && cache.created >= notBefore)
            found.append(cache);
    }
    if (found.size() == 1)
        return found.constFirst();
    for (const core::ImageCache &cache : std::as_const(found))
        ambiguous->append(cache.id);
    return std::nullopt;
}

void EciCacheService::findCreated(const CompleterPtr<net::Result<core::ImageCache>> &completer,
                                  const core::CacheSpec &spec, const QDateTime &sentAt,
                                  const net::ApiError &failure)
{
    CacheQuery query;
    query.name = spec.name;
    whenFinished(
        list(query), this,
        [completer, spec, sentAt, failure](const net::Result<QList<core::ImageCache>> &r) {
            net::ApiError error = failure;
            QStringList ambiguous;
            if (r.ok()) {
                // It was created after all; the create's own answer, and so its id, was lost
                // unless the error carried one.
                if (auto cache = createdBy(r.value(), spec, sentAt, &ambiguous))
                    return completer->complete(
                        net::Result<core::ImageCache>(*cache).withRequestId(failure.requestId));
            }
            const QString lookFor = tr("look for it with 'imagecache caches list --name %1' before "
                                       "creating it again")
                                        .arg(spec.name);
            const QString said
                = error.message.isEmpty() ? QString() : error.message + QStringLiteral("; ");
            if (!r.ok())
                error.message = said
                                + tr("the image cache %1 may have been created (its lookup "
                                     "failed too: %2); %3")
                                      .arg(spec.name, r.error().toString(), lookFor);
            else if (!ambiguous.isEmpty())
                error.message
                    = said
                      + tr("the image cache %1 may have been created: it "
                           "may be one of %2; %3")
                            .arg(spec.name, ambiguous.join(QStringLiteral(", ")), lookFor);
            else
                error.message = said
                                + tr("no new image cache named %1 was found afterwards: "
                                     "it was not created")
                                      .arg(spec.name);
            completer->complete(error);
        });
}

QFuture<net::Result<net::Done>> EciCacheService::update(const core::CacheSpec &spec)
{
    const auto errors = core::CacheSpecValidator::validate(
        core::Provider::Alibaba, core::CacheSpecValidator::Operation::Update, spec);
    if (!errors.isEmpty())
        return readyFuture(net::Result<net::Done>(validationError(OpUpdate, errors)));

    auto completer = makeCompleter<net::Result<net::Done>>();
    whenFinished(show(spec.id), this,
                 [this, completer, spec](const net::Result<core::ImageCache> &current) {
                     if (!current.ok())
                         return completer->complete(current.error());
                     if (!canUpdate(current.value()))
                         return completer->complete(validationError(
                             OpUpdate, QStringLiteral("ImageCacheId"),
                             tr("only Ready or UpdateFailed image caches can be updated; %1 is "
                                "%2")
                                 .arg(spec.id, current.value().rawStatus)));
                     sendUpdate(completer, spec);
                 });
    return completer->future();
}

void EciCacheService::sendUpdate(const CompleterPtr<net::Result<net::Done>> &completer,
                                 const core::CacheSpec &spec)
{
    const QString token = spec.clientToken.isEmpty() ? newClientToken() : spec.clientToken;
    whenFinished(send(updateCall(m_connection.region, spec, token)), this,
                 [completer](const net::Result<net::HttpResponse> &r) {
                     if (!r.ok())
                         return completer->complete(r.error());
                     completer->complete(
                         net::Result<net::Done>(net::Done{}).withRequestId(r.requestId()));
                 });
}

QFuture<net::Result<net::Done>> EciCacheService::remove(const QString &id)
{
    if (id.isEmpty())
        return readyFuture(net::Result<net::Done>(validationError(
            OpDelete, QStringLiteral("ImageCacheId"), tr("an ImageCacheId is required"))));
    auto completer = makeCompleter<net::Result<net::Done>>();
    whenFinished(send(deleteCall(m_connection.region, id, newClientToken())), this,
                 [completer](const net::Result<net::HttpResponse> &r) {
                     if (!r.ok())
                         return completer->complete(r.error());
                     completer->complete(
                         net::Result<net::Done>(net::Done{}).withRequestId(r.requestId()));
                 });
    return completer->future();
}

} // namespace providers::alibaba
