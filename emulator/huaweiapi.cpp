#include "huaweiapi.h"

#include <net/huaweisigner.h>
#include <net/percentencoding.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUrlQuery>

#include <cmath>

namespace emulator {

// CCE v5 error codes. The official CCE v5 error table does not document image-cache codes,
// so these follow the documented CCE.014xxxxx pattern and are UNCONFIRMED:
//   CCE.01400001  400  request body or one of its fields is invalid (message names the field)
//   CCE.01400002  400  an image cache with this name already exists in the tenant
//   CCE.01400003  400  the tenant already has `huaweiQuota` (50) image caches
//   CCE.01404001  404  the image cache does not exist (third-party notes use this code)
// Gateway codes (documented): APIGW.0301 401 bad signature/AK/token, APIGW.0307 401 token
// expired, APIGW.0101 404 no such API, APIGW.0308 429 throttled.
namespace {

// The query as APIG reads it: '+' is a space (the Go SDK writes spaces that way).
net::ParamList gatewayQuery(QByteArray raw)
{
    raw.replace('+', "%20");
    return net::parseQuery(raw);
}

} // namespace

namespace {
constexpr auto kInvalid = "CCE.01400001";
constexpr auto kNameTaken = "CCE.01400002";
constexpr auto kQuota = "CCE.01400003";
constexpr auto kNotFound = "CCE.01404001";
constexpr int kTokenHours = 24;

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

std::optional<int> intValue(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    if (d != std::floor(d) || d < -2147483648.0 || d > 2147483647.0)
        return std::nullopt;
    return int(d);
}

QString isoMicros(const QDateTime &utc)
{
    return utc.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz'000Z'"));
}

QString domainIdFor(const QString &domainName)
{
    return util::deterministicHex(QStringLiteral("domain:") + domainName, 32);
}

qint64 catalogTimeMs(int index)
{
    // Fixed times so listings are stable: 2025-06-01 plus one day per catalog entry.
    return QDateTime(QDate(2025, 6, 1), QTime(8, 0), Qt::UTC).toMSecsSinceEpoch()
           + qint64(index) * 86400000;
}
} // namespace

HuaweiApi::HuaweiApi(Context &context)
    : m_context(context)
{
    m_projects.insert(QString::fromLatin1(demo::HuaweiProjectId),
                      QString::fromLatin1(demo::HuaweiRegion));
}

bool HuaweiApi::handles(const QString &path)
{
    return path.startsWith(u"/v5/") || path == u"/v5" || path.startsWith(u"/v3/");
}

QString HuaweiApi::projectIdFor(const QString &region)
{
    if (region == QLatin1String(demo::HuaweiRegion))
        return QString::fromLatin1(demo::HuaweiProjectId);
    return util::deterministicHex(QStringLiteral("project:") + region, 32);
}

Reply HuaweiApi::errorReply(int status, const QString &code, const QString &message,
                            const QString &requestId) const
{
    return Reply::json(status, {{QStringLiteral("error_code"), code},
                                {QStringLiteral("error_msg"), message},
                                {QStringLiteral("request_id"), requestId}});
}

Reply HuaweiApi::cceError(int status, const QString &code, const QString &message) const
{
    // request_id is filled in by handle().
    return Reply::json(
        status, {{QStringLiteral("error_code"), code}, {QStringLiteral("error_msg"), message}});
}

Reply HuaweiApi::hssError(const QString &message) const
{
    return cceError(400, QStringLiteral("HSS.0001"), message);
}

Reply HuaweiApi::handle(const IncomingRequest &request, const QString &requestId)
{
    advance();
    QString path = request.path;
    while (path.size() > 1 && path.endsWith(u'/'))
        path.chop(1);
    const auto segments = path.split(u'/', Qt::SkipEmptyParts);
    const auto &method = request.method;

    auto withRequestId = [&requestId](Reply reply) {
        if (reply.status >= 400) {
            auto object = QJsonDocument::fromJson(reply.body).object();
            if (object.contains(u"error_code") && !object.contains(u"request_id")) {
                object.insert(QStringLiteral("request_id"), requestId);
                reply.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
            }
        }
        return reply;
    };
    auto notFound = [&] {
        return errorReply(404, QStringLiteral("APIGW.0101"),
                          tr("The API does not exist or has not been published in the "
                             "environment"),
                          requestId);
    };

    // APIG refuses bodies over 12 MB before anything else.
    if (request.body.size() > 12 * 1024 * 1024) {
        return errorReply(413, QStringLiteral("APIGW.0201"), tr("Request entity too large"),
                          requestId);
    }

    // IAM
    if (segments.size() == 3 && segments[0] == u"v3" && segments[1] == u"auth"
        && segments[2] == u"tokens") {
        return method == "POST" ? issueToken(request) : notFound();
    }
    if (segments.size() == 2 && segments[0] == u"v3" && segments[1] == u"projects") {
        if (method != "GET")
            return notFound();
        QString project;
        if (auto failure = authenticate(request, requestId, &project))
            return *failure;
        return listProjects(request);
    }
    if (segments.isEmpty() || segments[0] != u"v5")
        return notFound();

    // CCE Autopilot v5 image caches
    if (segments.size() >= 2 && segments[1] == u"imagecaches") {
        const bool collection = segments.size() == 2;
        const bool item = segments.size() == 3;
        const bool known = (collection && (method == "GET" || method == "POST"))
                           || (item && (method == "GET" || method == "DELETE"));
        if (!known)
            return notFound();
        QString project;
        if (auto failure = authenticate(request, requestId, &project))
            return *failure;
        if (collection)
            return withRequestId(method == "POST" ? createCache(request, project)
                                                  : listCaches(request, project));
        return withRequestId(method == "GET" ? showCache(segments[2], project)
                                             : deleteCache(segments[2], project));
    }

    // HSS v5: /v5/{project_id}/image/...
    if (segments.size() >= 4 && segments[2] == u"image" && method == "GET") {
        QString kind;
        QString imageId;
        if (segments.size() == 5 && segments[3] == u"registries" && segments[4] == u"images")
            kind = QStringLiteral("registry");
        else if (segments.size() == 4 && segments[3] == u"local-repositories")
            kind = QStringLiteral("local");
        else if (segments.size() == 5 && segments[3] == u"cicd" && segments[4] == u"images")
            kind = QStringLiteral("cicd");
        else if (segments.size() == 5 && segments[4] == u"basic-image")
            imageId = segments[3];
        else
            return notFound();
        QString project;
        if (auto failure = authenticate(request, requestId, &project))
            return *failure;
        return withRequestId(kind.isEmpty() ? hssBasicImage(request, imageId)
                                            : hssList(request, kind));
    }
    return notFound();
}

std::optional<Reply> HuaweiApi::authenticate(const IncomingRequest &request,
                                             const QString &requestId, QString *projectId)
{
    const auto now = m_context.now();
    const auto token = request.header("X-Auth-Token");
    if (!token.isEmpty()) {
        const auto it = m_tokens.constFind(QString::fromLatin1(token));
        if (it == m_tokens.cend()) {
            return errorReply(401, QStringLiteral("APIGW.0301"),
                              tr("Incorrect IAM authentication information: decrypt token fail"),
                              requestId);
        }
        if (now >= it->expiresAt) {
            return errorReply(401, QStringLiteral("APIGW.0307"), tr("The token must be updated."),
                              requestId);
        }
        *projectId = it->projectId;
        return std::nullopt;
    }

    const auto &keys = m_context.options.huaweiKeys;
    const net::SecretLookup lookup = [&keys](const QByteArray &id) -> std::optional<QByteArray> {
        for (const auto &key : keys) {
            if (key.id == id)
                return key.secret;
        }
        return std::nullopt;
    };
    const auto check = net::HuaweiSigner::verify(request.method, request.rawPath, request.rawQuery,
                                                 request.headers, request.body, lookup, now);
    QString detail;
    switch (check.status) {
    case net::SignatureCheck::Status::Ok: {
        const auto header = request.header("X-Project-Id");
        *projectId = header.isEmpty() ? QString::fromLatin1(demo::HuaweiProjectId)
                                      : QString::fromLatin1(header);
        return std::nullopt;
    }
    case net::SignatureCheck::Status::Missing:
        detail = tr("Incorrect IAM authentication information: Authorization or X-Auth-Token "
                    "header is required");
        break;
    case net::SignatureCheck::Status::Malformed:
        detail = tr("Incorrect IAM authentication information: Authorization format incorrect");
        break;
    case net::SignatureCheck::Status::UnknownKey:
        detail = tr("Incorrect IAM authentication information: ak %1 not exist")
                     .arg(QString::fromLatin1(check.accessKeyId));
        break;
    case net::SignatureCheck::Status::Expired:
        detail = tr("Incorrect IAM authentication information: the request has expired");
        break;
    case net::SignatureCheck::Status::Mismatch:
    case net::SignatureCheck::Status::NonceReused:
        detail = tr("Incorrect IAM authentication information: verify aksk signature fail");
        break;
    }
    return errorReply(401, QStringLiteral("APIGW.0301"), detail, requestId);
}

QString HuaweiApi::failureFor(const QStringList &images, const QStringList &pullSecrets) const
{
    for (const auto &image : images) {
        const auto entry = m_context.catalog().lookup(image);
        if (!entry)
            return tr("failed to pull image \"%1\": not found").arg(image);
        if (entry->isPrivate && pullSecrets.isEmpty()) {
            return tr("failed to pull image \"%1\": unauthorized: authentication required")
                .arg(image);
        }
    }
    return {};
}

QString HuaweiApi::statusOf(const Cache &cache) const
{
    const auto now = m_context.now();
    if (cache.deleteAt.isValid())
        return QStringLiteral("Deleting");
    if (now < cache.readyAt)
        return QStringLiteral("Creating");
    if (!cache.failure.isEmpty())
        return QStringLiteral("Failed");
    return cache.abnormal.isEmpty() ? QStringLiteral("Available") : QStringLiteral("Unavailable");
}

QJsonObject HuaweiApi::detail(const Cache &cache) const
{
    QJsonObject building{{QStringLiteral("cluster"), cache.cluster}};
    if (!cache.pullSecrets.isEmpty())
        building.insert(QStringLiteral("image_pull_secrets"), toArray(cache.pullSecrets));
    const auto status = statusOf(cache);
    QJsonObject object{
        {QStringLiteral("name"), cache.name},
        {QStringLiteral("id"), cache.id},
        {QStringLiteral("created_at"), util::goTimeString(cache.createdAt, cache.createdMicros)},
        {QStringLiteral("images"), toArray(cache.images)},
        {QStringLiteral("image_cache_size"), cache.size},
        {QStringLiteral("retention_days"), cache.retentionDays},
        {QStringLiteral("building_config"), building},
        {QStringLiteral("status"), status},
    };
    if (status == u"Failed")
        object.insert(QStringLiteral("message"), cache.failure);
    else if (status == u"Unavailable")
        object.insert(QStringLiteral("message"), cache.abnormal);
    return object;
}

bool HuaweiApi::advance()
{
    const auto now = m_context.now();
    const auto removed = m_caches.removeIf([&now](const Cache &cache) {
        if (cache.goneAt.isValid() && now >= cache.goneAt)
            return true;
        // retention_days > 0: the cache expires and is deleted automatically.
        return cache.retentionDays > 0 && now >= cache.createdAt.addDays(cache.retentionDays);
    });
    if (removed > 0 && m_context.changed)
        m_context.changed();
    return removed > 0;
}

Reply HuaweiApi::createCache(const IncomingRequest &request, const QString &projectId)
{
    QJsonParseError parseError;
    const auto document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return cceError(400, QLatin1String(kInvalid),
                        tr("Invalid request body: a JSON object is required (%1)")
                            .arg(parseError.error != QJsonParseError::NoError
                                     ? parseError.errorString()
                                     : tr("not an object")));
    }
    const auto body = document.object();
    auto invalid = [this](const QString &message) {
        return cceError(400, QLatin1String(kInvalid), message);
    };

    const auto nameValue = body.value(u"name");
    if (!nameValue.isString() || nameValue.toString().isEmpty())
        return invalid(tr("name is required and must be a non-empty string"));
    const auto name = nameValue.toString();
    static const QRegularExpression namePattern(
        QStringLiteral("^[a-z]([a-z0-9-]{0,126}[a-z0-9])?$"));
    if (!namePattern.match(name).hasMatch()) {
        return invalid(tr("Invalid name \"%1\": 1 to 128 characters, starting with a lowercase "
                          "letter and not ending with a hyphen; only lowercase letters, digits "
                          "and hyphens (-) are allowed (^[a-z]([a-z0-9-]{0,126}[a-z0-9])?$)")
                           .arg(name));
    }

    const auto imagesValue = body.value(u"images");
    if (!imagesValue.isArray() || imagesValue.toArray().isEmpty())
        return invalid(tr("images is required and must list at least one image"));
    QStringList images;
    for (const auto &item : imagesValue.toArray()) {
        if (!item.isString() || item.toString().trimmed().isEmpty())
            return invalid(tr("images must contain only non-empty image references"));
        images.append(item.toString());
    }

    int size = 20;
    if (body.contains(u"image_cache_size")) {
        const auto value = intValue(body.value(u"image_cache_size"));
        if (!value || *value < 20 || *value > 400) {
            return invalid(tr("image_cache_size must be an integer from 20 to 400 (GiB)"));
        }
        size = *value;
    }
    int retention = 0;
    if (body.contains(u"retention_days")) {
        const auto value = intValue(body.value(u"retention_days"));
        if (!value || *value < 0 || *value > 10000)
            return invalid(tr("retention_days must be an integer from 0 to 10000"));
        retention = *value;
    }

    const auto buildingValue = body.value(u"building_config");
    if (!buildingValue.isObject())
        return invalid(tr("building_config is required and must be an object"));
    const auto building = buildingValue.toObject();
    const auto clusterValue = building.value(u"cluster");
    if (!clusterValue.isString() || clusterValue.toString().trimmed().isEmpty())
        return invalid(tr("building_config.cluster is required (the UID of a CCE Autopilot "
                          "cluster)"));
    QStringList secrets;
    if (building.contains(u"image_pull_secrets")) {
        const auto value = building.value(u"image_pull_secrets");
        if (!value.isArray())
            return invalid(tr("building_config.image_pull_secrets must be an array of "
                              "\"namespace:secretName\" strings"));
        static const QRegularExpression secretPattern(
            QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?:[a-z0-9]([-.a-z0-9]*[a-z0-9])?$"));
        for (const auto &item : value.toArray()) {
            if (!item.isString() || !secretPattern.match(item.toString()).hasMatch()) {
                return invalid(tr("building_config.image_pull_secrets entry \"%1\" must have "
                                  "the form \"namespace:secretName\"")
                                   .arg(item.toString()));
            }
            secrets.append(item.toString());
        }
    }

    int inProject = 0;
    for (const auto &cache : std::as_const(m_caches)) {
        if (cache.projectId != projectId)
            continue;
        ++inProject;
        if (cache.name == name) {
            return cceError(
                400, QLatin1String(kNameTaken),
                tr("image cache name \"%1\" already exists; the name must be unique").arg(name));
        }
    }
    if (inProject >= m_context.options.huaweiQuota) {
        return cceError(400, QLatin1String(kQuota),
                        tr("image cache quota exceeded: a tenant can have at most %1 image "
                           "caches")
                            .arg(m_context.options.huaweiQuota));
    }

    const auto now = m_context.now();
    Cache cache;
    cache.id = util::uuid(false);
    cache.name = name;
    cache.projectId = projectId;
    cache.images = images;
    cache.size = size;
    cache.retentionDays = retention;
    cache.cluster = clusterValue.toString();
    cache.pullSecrets = secrets;
    cache.createdAt = now;
    cache.createdMicros = QRandomGenerator::global()->bounded(1000);
    cache.readyAt = now.addMSecs(m_context.options.timings.huaweiCreateMs);
    cache.failure = failureFor(images, secrets);
    m_caches.append(cache);
    if (m_context.changed)
        m_context.changed();
    return Reply::json(201, {{QStringLiteral("image_cache"), detail(cache)}});
}

Reply HuaweiApi::listCaches(const IncomingRequest &request, const QString &projectId)
{
    const auto params = gatewayQuery(request.rawQuery);
    QString nameFilter;
    bool hasName = false;
    for (const auto &[key, value] : params) {
        if (key == "name") {
            nameFilter = QString::fromUtf8(value);
            hasName = true;
        }
    }
    QJsonArray list;
    for (const auto &cache : std::as_const(m_caches)) {
        if (cache.projectId != projectId)
            continue;
        if (hasName && !nameFilter.isEmpty() && cache.name != nameFilter)
            continue;
        list.append(detail(cache));
    }
    return Reply::json(200, {{QStringLiteral("image_caches"), list}});
}

Reply HuaweiApi::showCache(const QString &id, const QString &projectId)
{
    for (const auto &cache : std::as_const(m_caches)) {
        if (cache.id == id && cache.projectId == projectId)
            return Reply::json(200, {{QStringLiteral("image_cache"), detail(cache)}});
    }
    return cceError(404, QLatin1String(kNotFound), tr("image cache %1 not found").arg(id));
}

Reply HuaweiApi::deleteCache(const QString &id, const QString &projectId)
{
    for (auto &cache : m_caches) {
        if (cache.id != id || cache.projectId != projectId)
            continue;
        if (!cache.deleteAt.isValid()) {
            const auto now = m_context.now();
            cache.deleteAt = now;
            cache.goneAt = now.addMSecs(m_context.options.timings.huaweiDeleteMs);
            if (m_context.changed)
                m_context.changed();
        }
        return Reply::json(202, {{QStringLiteral("image_cache"), detail(cache)}});
    }
    return cceError(404, QLatin1String(kNotFound), tr("image cache %1 not found").arg(id));
}

Reply HuaweiApi::issueToken(const IncomingRequest &request)
{
    auto iamError = [](int code, const QString &title, const QString &message) {
        return Reply::json(
            code, {{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code},
                                                         {QStringLiteral("message"), message},
                                                         {QStringLiteral("title"), title}}}});
    };
    const auto body = QJsonDocument::fromJson(request.body).object();
    const auto auth = body.value(u"auth").toObject();
    const auto identity = auth.value(u"identity").toObject();
    const auto methods = identity.value(u"methods").toArray();
    const auto user = identity.value(u"password").toObject().value(u"user").toObject();
    if (auth.isEmpty() || !methods.contains(QStringLiteral("password")) || user.isEmpty()) {
        return iamError(400, QStringLiteral("Bad Request"),
                        tr("The request you have made requires authentication."));
    }
    const auto domain = user.value(u"domain").toObject();
    const auto domainName = QString::fromLatin1(demo::HuaweiIamDomain);
    const bool domainOk = domain.value(u"name").toString() == domainName
                          || domain.value(u"id").toString() == domainIdFor(domainName);
    if (!domainOk || user.value(u"name").toString() != QLatin1String(demo::HuaweiIamUser)
        || user.value(u"password").toString() != QLatin1String(demo::HuaweiIamPassword)) {
        return iamError(401, QStringLiteral("Unauthorized"),
                        tr("The username or password is wrong."));
    }

    const auto scope = auth.value(u"scope").toObject();
    const auto project = scope.value(u"project").toObject();
    QString projectName = project.value(u"name").toString();
    QString projectId = project.value(u"id").toString();
    if (!projectName.isEmpty()) {
        projectId = projectIdFor(projectName);
        m_projects.insert(projectId, projectName);
    } else if (!projectId.isEmpty()) {
        projectName = m_projects.value(projectId);
        if (projectName.isEmpty())
            return iamError(400, QStringLiteral("Bad Request"), tr("Invalid project id."));
    }

    const auto now = m_context.now();
    Token token;
    token.projectId = projectId;
    token.projectName = projectName;
    token.expiresAt = now.addSecs(kTokenHours * 3600);
    QByteArray random(96, Qt::Uninitialized);
    for (auto &c : random)
        c = char(QRandomGenerator::global()->bounded(256));
    const auto value = QStringLiteral("MIIE")
                       + QString::fromLatin1(random.toBase64(QByteArray::Base64UrlEncoding
                                                             | QByteArray::OmitTrailingEquals));
    m_tokens.insert(value, token);

    const QJsonObject domainObject{{QStringLiteral("id"), domainIdFor(domainName)},
                                   {QStringLiteral("name"), domainName}};
    QJsonObject tokenObject{
        {QStringLiteral("expires_at"), isoMicros(token.expiresAt)},
        {QStringLiteral("issued_at"), isoMicros(now)},
        {QStringLiteral("methods"), QJsonArray{QStringLiteral("password")}},
        {QStringLiteral("roles"),
         QJsonArray{
             QJsonObject{{QStringLiteral("id"), util::deterministicHex(u"role:te_admin"_qs, 32)},
                         {QStringLiteral("name"), QStringLiteral("te_admin")}}}},
        {QStringLiteral("user"),
         QJsonObject{{QStringLiteral("id"), util::deterministicHex(u"user:demo"_qs, 32)},
                     {QStringLiteral("name"), QString::fromLatin1(demo::HuaweiIamUser)},
                     {QStringLiteral("domain"), domainObject},
                     {QStringLiteral("password_expires_at"), QString()}}},
    };
    if (!request.rawQuery.contains("nocatalog=true"))
        tokenObject.insert(QStringLiteral("catalog"), QJsonArray());
    if (!projectId.isEmpty()) {
        tokenObject.insert(QStringLiteral("project"),
                           QJsonObject{{QStringLiteral("id"), projectId},
                                       {QStringLiteral("name"), projectName},
                                       {QStringLiteral("domain"), domainObject}});
    } else {
        tokenObject.insert(QStringLiteral("domain"), domainObject);
    }
    auto reply = Reply::json(201, {{QStringLiteral("token"), tokenObject}});
    reply.setHeader("X-Subject-Token", value.toLatin1());
    return reply;
}

Reply HuaweiApi::listProjects(const IncomingRequest &request)
{
    QString name;
    for (const auto &[key, value] : gatewayQuery(request.rawQuery)) {
        if (key == "name")
            name = QString::fromUtf8(value);
    }
    if (!name.isEmpty())
        m_projects.insert(projectIdFor(name), name);
    const auto domainId = domainIdFor(QString::fromLatin1(demo::HuaweiIamDomain));
    QJsonArray projects;
    for (auto it = m_projects.cbegin(); it != m_projects.cend(); ++it) {
        if (!name.isEmpty() && it.value() != name)
            continue;
        projects.append(QJsonObject{
            {QStringLiteral("id"), it.key()},
            {QStringLiteral("name"), it.value()},
            {QStringLiteral("domain_id"), domainId},
            {QStringLiteral("parent_id"), domainId},
            {QStringLiteral("is_domain"), false},
            {QStringLiteral("enabled"), true},
            {QStringLiteral("description"), QString()},
        });
    }
    return Reply::json(200, {{QStringLiteral("projects"), projects}});
}

namespace {
struct Paging
{
    int offset = 0;
    int limit = 10;
    QString error;
};

Paging paging(const QUrlQuery &query, int defaultLimit)
{
    Paging p;
    p.limit = defaultLimit;
    bool ok = true;
    if (query.hasQueryItem(QStringLiteral("offset"))) {
        p.offset = query.queryItemValue(QStringLiteral("offset")).toInt(&ok);
        if (!ok || p.offset < 0 || p.offset > 2000000)
            p.error
                = HuaweiApi::tr("Invalid parameter: offset must be an integer from 0 to 2000000");
    }
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        p.limit = query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || p.limit < 1 || p.limit > 200)
            p.error = HuaweiApi::tr("Invalid parameter: limit must be an integer from 1 to 200");
    }
    return p;
}

QUrlQuery decodedQuery(const QByteArray &raw)
{
    QUrlQuery query;
    for (const auto &[key, value] : gatewayQuery(raw))
        query.addQueryItem(QString::fromUtf8(key), QString::fromUtf8(value));
    return query;
}

Reply page(const QList<QJsonObject> &items, const Paging &p)
{
    QJsonArray list;
    for (qsizetype i = p.offset; i < items.size() && i < qsizetype(p.offset) + p.limit; ++i)
        list.append(items.at(i));
    return Reply::json(200, {{QStringLiteral("total_num"), int(items.size())},
                             {QStringLiteral("data_list"), list}});
}
} // namespace

Reply HuaweiApi::hssList(const IncomingRequest &request, const QString &kind)
{
    const auto query = decodedQuery(request.rawQuery);
    const auto p = paging(query, 10);
    if (!p.error.isEmpty())
        return hssError(p.error);
    auto filter = [&query](const char *key) {
        return query.queryItemValue(QString::fromLatin1(key), QUrl::FullyDecoded);
    };
    const auto imageType = filter("image_type");
    if (kind == u"registry" && !imageType.isEmpty()) {
        static const QStringList allowed{u"private_image"_qs, u"shared_image"_qs,
                                         u"instance_image"_qs, u"harbor"_qs, u"jfrog"_qs};
        if (!allowed.contains(imageType))
            return hssError(tr("Invalid parameter: image_type \"%1\" is not one of %2")
                                .arg(imageType, allowed.join(u", ")));
    }

    QList<QJsonObject> items;
    const auto &images = m_context.catalog().images();
    for (int i = 0; i < images.size(); ++i) {
        const auto &image = images.at(i);
        const auto &hss = image.hss;
        if (hss.isEmpty())
            continue;
        const auto ns = hss.value(u"namespace").toString();
        const auto name = hss.value(u"image_name").toString();
        const auto version = hss.value(u"image_version").toString();
        const auto scan = hss.value(u"scan_status").toString();
        const auto repository = image.reference.left(image.reference.lastIndexOf(u':'));
        if (!filter("namespace").isEmpty() && filter("namespace") != ns)
            continue;
        if (!filter("image_version").isEmpty() && filter("image_version") != version)
            continue;
        if (!filter("scan_status").isEmpty() && filter("scan_status") != scan)
            continue;
        QJsonObject item{
            {QStringLiteral("image_id"), hss.value(u"image_id")},
            {QStringLiteral("image_digest"), image.digest},
            {QStringLiteral("image_version"), version},
            {QStringLiteral("scan_status"), scan},
            {QStringLiteral("severity_level"), hss.value(u"severity_level")},
            {QStringLiteral("latest_update_time"), catalogTimeMs(i)},
        };
        if (kind == u"registry") {
            if (!filter("image_name").isEmpty() && !name.contains(filter("image_name")))
                continue;
            if (!imageType.isEmpty() && imageType != hss.value(u"image_type").toString())
                continue;
            const auto registry = hss.value(u"registry_name").toString();
            if (!filter("registry_name").isEmpty() && filter("registry_name") != registry)
                continue;
            item.insert(QStringLiteral("id"), i + 1);
            item.insert(QStringLiteral("namespace"), ns);
            item.insert(QStringLiteral("image_name"), name);
            item.insert(QStringLiteral("image_type"), hss.value(u"image_type"));
            item.insert(QStringLiteral("registry_id"),
                        util::deterministicHex(QStringLiteral("registry:") + registry, 32));
            item.insert(QStringLiteral("registry_name"), registry);
            item.insert(QStringLiteral("registry_type"), hss.value(u"registry_type"));
            item.insert(QStringLiteral("latest_version"), true);
            item.insert(QStringLiteral("image_size"), image.compressedSize);
            item.insert(QStringLiteral("latest_scan_time"), catalogTimeMs(i) + 3600000);
            item.insert(QStringLiteral("vul_num"), hss.value(u"vul_num").toInt());
            item.insert(QStringLiteral("unsafe_setting_num"), 0);
            item.insert(QStringLiteral("malicious_file_num"), 0);
        } else if (kind == u"local") {
            if (!hss.value(u"local").toBool())
                continue;
            if (!filter("image_name").isEmpty() && !repository.contains(filter("image_name")))
                continue;
            const auto localType = image.registryHost().contains(u"swr")
                                       ? QStringLiteral("swr_image")
                                       : QStringLiteral("other_image");
            if (!filter("local_image_type").isEmpty() && filter("local_image_type") != localType)
                continue;
            item.insert(QStringLiteral("image_name"), repository);
            item.insert(QStringLiteral("local_image_type"), localType);
            item.insert(QStringLiteral("image_size"), image.size);
            item.insert(QStringLiteral("host_num"), 2);
            item.insert(QStringLiteral("container_num"), 3);
            item.insert(QStringLiteral("component_num"), 40 + i);
        } else { // cicd
            const auto cicd = hss.value(u"cicd").toString();
            if (cicd.isEmpty())
                continue;
            if (!filter("image_name").isEmpty() && !name.contains(filter("image_name")))
                continue;
            item.insert(QStringLiteral("id"), i + 1);
            item.insert(QStringLiteral("cicd_name"), cicd);
            item.insert(QStringLiteral("namespace"), ns);
            item.insert(QStringLiteral("image_name"), name);
            item.insert(QStringLiteral("image_size"), image.compressedSize);
            item.insert(QStringLiteral("latest_scan_time"), catalogTimeMs(i) + 3600000);
            item.insert(QStringLiteral("vul_num"), hss.value(u"vul_num").toInt());
        }
        items.append(item);
    }
    return page(items, p);
}

Reply HuaweiApi::hssBasicImage(const IncomingRequest &request, const QString &imageId)
{
    if (request.header("region").isEmpty())
        return hssError(tr("Invalid parameter: the request header \"region\" is required"));
    const auto query = decodedQuery(request.rawQuery);
    const auto p = paging(query, 10);
    if (!p.error.isEmpty())
        return hssError(p.error);
    const auto imageType = query.queryItemValue(QStringLiteral("image_type"));
    static const QStringList allowed{u"private_image"_qs, u"shared_image"_qs, u"instance_image"_qs,
                                     u"cicd"_qs, u"harbor"_qs};
    if (imageType.isEmpty())
        return hssError(tr("Invalid parameter: image_type is required"));
    if (!allowed.contains(imageType))
        return hssError(tr("Invalid parameter: image_type \"%1\" is not one of %2")
                            .arg(imageType, allowed.join(u", ")));
    const auto ns = query.queryItemValue(QStringLiteral("namespace"));
    const auto name = query.queryItemValue(QStringLiteral("image_name"));
    const auto version = query.queryItemValue(QStringLiteral("image_version"));
    const auto osName = query.queryItemValue(QStringLiteral("os_name"));

    const Catalog::Image *found = nullptr;
    for (const auto &image : m_context.catalog().images()) {
        const auto &hss = image.hss;
        if (hss.isEmpty())
            continue;
        bool match = false;
        if (imageType == u"cicd" || name.isEmpty()) {
            match = hss.value(u"image_id").toString() == imageId;
            if (imageType == u"cicd")
                match = match && !hss.value(u"cicd").toString().isEmpty();
        } else {
            match = hss.value(u"image_name").toString() == name
                    && (ns.isEmpty() || hss.value(u"namespace").toString() == ns)
                    && (version.isEmpty() || hss.value(u"image_version").toString() == version);
        }
        if (match) {
            found = &image;
            break;
        }
    }
    QList<QJsonObject> items;
    if (found) {
        for (int i = 0; i < found->baseLayers && i < found->layers.size(); ++i) {
            if (!osName.isEmpty() && found->os.compare(osName, Qt::CaseInsensitive) != 0)
                continue;
            items.append({{QStringLiteral("os_name"), found->os},
                          {QStringLiteral("os_version"), found->osVersion},
                          {QStringLiteral("layer_digest"), found->layers.at(i)}});
        }
    }
    return page(items, p);
}

void HuaweiApi::seedDemo()
{
    const auto now = m_context.now();
    const auto project = QString::fromLatin1(demo::HuaweiProjectId);
    const auto cluster = QStringLiteral("8b3b4b2d-e39d-11ef-a9ac-0255ac100113");
    auto make = [&](const QString &name, const QStringList &images, int ageMinutes, qint64 createMs,
                    const QStringList &secrets, int retention) {
        Cache cache;
        cache.id = util::uuid(false);
        cache.name = name;
        cache.projectId = project;
        cache.images = images;
        cache.size = 40;
        cache.retentionDays = retention;
        cache.cluster = cluster;
        cache.pullSecrets = secrets;
        cache.createdAt = now.addSecs(-60 * ageMinutes);
        cache.createdMicros = QRandomGenerator::global()->bounded(1000);
        cache.readyAt = cache.createdAt.addMSecs(createMs);
        cache.failure = failureFor(images, secrets);
        m_caches.append(cache);
    };
    make(u"web-base"_qs,
         {u"swr.cn-north-4.myhuaweicloud.com/library/nginx:1.25"_qs, u"busybox:latest"_qs},
         60 * 24 * 3, 4000, {}, 30);
    make(u"inference-runtime"_qs,
         {u"swr.cn-north-4.myhuaweicloud.com/demo-team/inference-server:2.3.1"_qs}, 2,
         20 * 60 * 1000, {u"default:default-secret"_qs}, 0);
    make(u"legacy-tools"_qs, {u"swr.cn-north-4.myhuaweicloud.com/demo-team/legacy-tools:0.9"_qs},
         60 * 5, 4000, {}, 0);
    make(u"redis-snapshot"_qs, {u"swr.cn-north-4.myhuaweicloud.com/library/redis:7.2"_qs},
         60 * 24 * 10, 4000, {}, 0);
    m_caches.last().abnormal = tr("the image cache disk snapshot is abnormal and cannot be used");
    make(u"frontend-private"_qs,
         {u"swr.cn-north-4.myhuaweicloud.com/demo-team/web-frontend:1.8.0"_qs}, 60, 4000, {}, 7);
}

void HuaweiApi::addCaches(const QString &projectId, int count)
{
    const auto now = m_context.now();
    const auto &images = m_context.catalog().images();
    for (int i = 0; i < count; ++i) {
        Cache cache;
        cache.id = util::uuid(false);
        cache.name = QStringLiteral("bulk-%1").arg(m_caches.size() + 1);
        cache.projectId = projectId;
        cache.images
            = {images.at(i % images.size()).isPrivate ? u"busybox:latest"_qs
                                                      : images.at(i % images.size()).reference};
        cache.cluster = QStringLiteral("8b3b4b2d-e39d-11ef-a9ac-0255ac100113");
        cache.createdAt = now.addSecs(-3600 - i);
        cache.readyAt = cache.createdAt;
        m_caches.append(cache);
    }
    if (m_context.changed)
        m_context.changed();
}

QJsonObject HuaweiApi::save() const
{
    QJsonArray caches;
    for (const auto &c : m_caches) {
        caches.append(QJsonObject{
            {QStringLiteral("id"), c.id},
            {QStringLiteral("name"), c.name},
            {QStringLiteral("projectId"), c.projectId},
            {QStringLiteral("images"), toArray(c.images)},
            {QStringLiteral("size"), c.size},
            {QStringLiteral("retentionDays"), c.retentionDays},
            {QStringLiteral("cluster"), c.cluster},
            {QStringLiteral("pullSecrets"), toArray(c.pullSecrets)},
            {QStringLiteral("createdAt"), c.createdAt.toString(Qt::ISODateWithMs)},
            {QStringLiteral("createdMicros"), c.createdMicros},
            {QStringLiteral("readyAt"), c.readyAt.toString(Qt::ISODateWithMs)},
            {QStringLiteral("failure"), c.failure},
            {QStringLiteral("abnormal"), c.abnormal},
            {QStringLiteral("deleteAt"), c.deleteAt.toString(Qt::ISODateWithMs)},
            {QStringLiteral("goneAt"), c.goneAt.toString(Qt::ISODateWithMs)},
        });
    }
    QJsonObject projects;
    for (auto it = m_projects.cbegin(); it != m_projects.cend(); ++it)
        projects.insert(it.key(), it.value());
    return {{QStringLiteral("caches"), caches}, {QStringLiteral("projects"), projects}};
}

void HuaweiApi::load(const QJsonObject &state)
{
    m_caches.clear();
    const auto caches = state.value(u"caches").toArray();
    for (const auto &value : caches) {
        const auto o = value.toObject();
        Cache c;
        c.id = o.value(u"id").toString();
        c.name = o.value(u"name").toString();
        c.projectId = o.value(u"projectId").toString();
        for (const auto &image : o.value(u"images").toArray())
            c.images.append(image.toString());
        c.size = o.value(u"size").toInt(20);
        c.retentionDays = o.value(u"retentionDays").toInt();
        c.cluster = o.value(u"cluster").toString();
        for (const auto &secret : o.value(u"pullSecrets").toArray())
            c.pullSecrets.append(secret.toString());
        c.createdAt = util::parseIso(o.value(u"createdAt").toString());
        c.createdMicros = o.value(u"createdMicros").toInt();
        c.readyAt = util::parseIso(o.value(u"readyAt").toString());
        c.failure = o.value(u"failure").toString();
        c.abnormal = o.value(u"abnormal").toString();
        c.deleteAt = util::parseIso(o.value(u"deleteAt").toString());
        c.goneAt = util::parseIso(o.value(u"goneAt").toString());
        if (!c.id.isEmpty() && c.createdAt.isValid())
            m_caches.append(c);
    }
    const auto projects = state.value(u"projects").toObject();
    for (auto it = projects.begin(); it != projects.end(); ++it)
        m_projects.insert(it.key(), it.value().toString());
}

QJsonObject HuaweiApi::counts() const
{
    QJsonObject byStatus;
    for (const auto &cache : m_caches) {
        const auto status = statusOf(cache);
        byStatus.insert(status, byStatus.value(status).toInt() + 1);
    }
    return {{QStringLiteral("caches"), int(m_caches.size())},
            {QStringLiteral("byStatus"), byStatus},
            {QStringLiteral("tokens"), int(m_tokens.size())}};
}

} // namespace emulator
