#include "alibabaapi.h"

#include "core/jsontext.h"

#include <QSet>

#include <net/alibabasigner.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace emulator {

// ECI error codes. MissingParameter, InvalidParameter, Throttling.User, ServiceUnavailable,
// the signature codes and InvalidAction.NotFound are the documented gateway codes.
// The image-cache specific ones below are not in any retrievable per-action table and are
// UNCONFIRMED (chosen in the POP naming style):
//   404 InvalidImageCacheId.NotFound   Update/Delete of an unknown ImageCacheId
//   403 IncorrectImageCacheStatus      Update while not Ready/UpdateFailed
//   400 QuotaExceeded.ImageCache       region quota reached and nothing is LRU-evictable
//   400 IdempotentParameterMismatch    ClientToken reused with different parameters
// E-HPC Instant codes come from seed 004: 400 InvalidParams, 404 ImageNotFound.
namespace {
constexpr auto kEciVersion = "2018-08-08";
constexpr auto kEhpcVersion = "2023-07-01";
constexpr qint64 kNonceWindowMs = 15 * 60 * 1000;
constexpr qint64 kGiB = 1024LL * 1024 * 1024;

const QStringList &eciActions()
{
    static const QStringList actions{u"CreateImageCache"_qs, u"DescribeImageCaches"_qs,
                                     u"UpdateImageCache"_qs, u"DeleteImageCache"_qs};
    return actions;
}
const QStringList &ehpcActions()
{
    static const QStringList actions{u"ListImages"_qs, u"GetImage"_qs, u"AddImage"_qs,
                                     u"RemoveImage"_qs};
    return actions;
}

QString registryKey(QString host)
{
    // registry-vpc.cn-hangzhou.aliyuncs.com and registry.cn-hangzhou.aliyuncs.com are one
    // registry seen from inside and outside the VPC.
    host = host.toLower();
    host.replace(QStringLiteral("registry-vpc."), QStringLiteral("registry."));
    host.replace(QStringLiteral("-vpc.aliyuncs.com"), QStringLiteral(".aliyuncs.com"));
    return host;
}

// The gateway decodes parameters like a servlet: '+' is a space in the query and form body.
net::ParamList gatewayParams(QByteArray encoded)
{
    encoded.replace('+', "%20");
    return net::parseQuery(encoded);
}

QString progressText(int percent)
{
    return QString::number(percent) + u'%';
}
} // namespace

// Decoded RPC parameters with the SDKs' ".N" flattening undone on demand.
class AlibabaApi::Params
{
public:
    explicit Params(const net::ParamList &list)
    {
        for (const auto &[key, value] : list)
            m_values.insert(QString::fromUtf8(key), QString::fromUtf8(value));
    }
    bool has(const QString &key) const { return m_values.contains(key); }
    QString value(const QString &key) const { return m_values.value(key); }
    QString region() const { return value(u"RegionId"_qs); }

    // Prefix.1, Prefix.2, … in numeric order (empty values skipped).
    QStringList list(const QString &prefix) const
    {
        QMap<int, QString> items;
        const auto start = prefix + u'.';
        for (auto it = m_values.cbegin(); it != m_values.cend(); ++it) {
            if (!it.key().startsWith(start))
                continue;
            bool ok = false;
            const int n = it.key().mid(start.size()).toInt(&ok);
            if (ok && n > 0 && !it.value().isEmpty())
                items.insert(n, it.value());
        }
        return items.values();
    }
    bool hasList(const QString &prefix) const
    {
        const auto start = prefix + u'.';
        return std::any_of(m_values.keyBegin(), m_values.keyEnd(),
                           [&start](const QString &k) { return k.startsWith(start); });
    }
    // Prefix.N.Field → one hash per N, in numeric order.
    QList<QHash<QString, QString>> objects(const QString &prefix) const
    {
        QMap<int, QHash<QString, QString>> items;
        const auto start = prefix + u'.';
        for (auto it = m_values.cbegin(); it != m_values.cend(); ++it) {
            if (!it.key().startsWith(start))
                continue;
            const auto rest = it.key().mid(start.size());
            const auto dot = rest.indexOf(u'.');
            if (dot <= 0)
                continue;
            bool ok = false;
            const int n = rest.left(dot).toInt(&ok);
            if (ok && n > 0)
                items[n].insert(rest.mid(dot + 1), it.value());
        }
        return items.values();
    }
    // A stable digest of the business parameters, for ClientToken idempotency.
    QByteArray fingerprint() const
    {
        static const QSet<QString> common{
            u"Action"_qs,    u"Version"_qs,         u"Format"_qs,           u"AccessKeyId"_qs,
            u"Signature"_qs, u"SignatureMethod"_qs, u"SignatureVersion"_qs, u"SignatureNonce"_qs,
            u"Timestamp"_qs, u"SecurityToken"_qs,   u"ClientToken"_qs,      u"SignatureType"_qs};
        QByteArray text;
        for (auto it = m_values.cbegin(); it != m_values.cend(); ++it) {
            if (!common.contains(it.key()))
                text += it.key().toUtf8() + '=' + it.value().toUtf8() + '\n';
        }
        return util::deterministicHex(QString::fromUtf8(text), 64).toLatin1();
    }

private:
    QMap<QString, QString> m_values; // sorted, so the fingerprint is stable
};

AlibabaApi::AlibabaApi(Context &context)
    : m_context(context)
{}

void AlibabaApi::changed()
{
    if (m_context.changed)
        m_context.changed();
}

QString AlibabaApi::actionOf(const IncomingRequest &request)
{
    const auto header = request.header("x-acs-action");
    if (!header.isEmpty())
        return QString::fromUtf8(header);
    for (const auto &[key, value] : gatewayParams(request.rawQuery)) {
        if (key == "Action")
            return QString::fromUtf8(value);
    }
    if (request.header("content-type").contains("x-www-form-urlencoded")) {
        for (const auto &[key, value] : gatewayParams(request.body)) {
            if (key == "Action")
                return QString::fromUtf8(value);
        }
    }
    return {};
}

Reply AlibabaApi::errorReply(int status, const QString &code, const QString &message,
                             const QString &requestId, const QString &host) const
{
    const auto product = host.startsWith(u"ehpc") ? QStringLiteral("EHPC") : QStringLiteral("Eci");
    return Reply::json(
        status,
        {{QStringLiteral("RequestId"), requestId},
         {QStringLiteral("HostId"),
          host.isEmpty() ? QStringLiteral("eci.%1.aliyuncs.com").arg(demo::AlibabaRegion) : host},
         {QStringLiteral("Code"), code},
         {QStringLiteral("Message"), message},
         {QStringLiteral("Recommend"),
          QStringLiteral("https://api.aliyun.com/troubleshoot?q=%1&product=%2")
              .arg(code, product)}},
        "application/json;charset=utf-8");
}

Reply AlibabaApi::handle(const IncomingRequest &request, const QString &requestId)
{
    advance();
    auto all = gatewayParams(request.rawQuery);
    const auto contentType = request.header("content-type");
    if (!request.body.isEmpty() && contentType.contains("x-www-form-urlencoded"))
        all += gatewayParams(request.body);
    const Params params(all);

    const auto action = actionOf(request);
    QString version = QString::fromUtf8(request.header("x-acs-version"));
    if (version.isEmpty())
        version = params.value(u"Version"_qs);
    const bool isEhpc = version == QLatin1String(kEhpcVersion);
    const auto region
        = params.region().isEmpty() ? QString::fromLatin1(demo::AlibabaRegion) : params.region();
    const auto host
        = QStringLiteral("%1.%2.aliyuncs.com")
              .arg(isEhpc ? QStringLiteral("ehpcinstant") : QStringLiteral("eci"), region);
    auto fail = [&](int status, const QString &code, const QString &message) {
        return errorReply(status, code, message, requestId, host);
    };
    auto missing = [&](const QString &name) {
        return fail(400, QStringLiteral("MissingParameter"),
                    tr("The input parameter \"%1\" that is mandatory for processing this request "
                       "is not supplied.")
                        .arg(name));
    };

    if (request.method != "GET" && request.method != "POST")
        return fail(404, QStringLiteral("InvalidAction.NotFound"),
                    tr("Specified api is not found, please check your url and method."));
    if (action.isEmpty())
        return missing(QStringLiteral("Action"));
    if (version.isEmpty())
        return missing(QStringLiteral("Version"));
    if (version != QLatin1String(kEciVersion) && !isEhpc)
        return fail(400, QStringLiteral("InvalidVersion"),
                    tr("Specified parameter Version is not valid."));
    if (!(isEhpc ? ehpcActions() : eciActions()).contains(action))
        return fail(404, QStringLiteral("InvalidAction.NotFound"),
                    tr("Specified api is not found, please check your url and method."));

    const auto &keys = m_context.options.alibabaKeys;
    const net::SecretLookup lookup = [&keys](const QByteArray &id) -> std::optional<QByteArray> {
        for (const auto &key : keys) {
            if (key.id == id)
                return key.secret;
        }
        return std::nullopt;
    };
    const auto now = m_context.now();
    const auto check = net::AlibabaSigner::verify(request.method, request.rawPath, request.rawQuery,
                                                  request.headers, request.body, lookup, now);
    switch (check.status) {
    case net::SignatureCheck::Status::Ok:
        break;
    case net::SignatureCheck::Status::Missing:
        return fail(400, QStringLiteral("MissingSignature"),
                    tr("The input parameter \"Signature\" that is mandatory for processing this "
                       "request is not supplied."));
    case net::SignatureCheck::Status::Malformed:
        return fail(400, QStringLiteral("IncompleteSignature"),
                    tr("The request signature does not conform to Aliyun standards. %1")
                        .arg(check.detail)
                        .trimmed());
    case net::SignatureCheck::Status::UnknownKey:
        return fail(404, QStringLiteral("InvalidAccessKeyId.NotFound"),
                    tr("Specified access key is not found."));
    case net::SignatureCheck::Status::Mismatch:
        return fail(400, QStringLiteral("SignatureDoesNotMatch"),
                    tr("Specified signature is not matched with our calculation. server string "
                       "to sign is:%1")
                        .arg(check.detail));
    case net::SignatureCheck::Status::Expired:
        return fail(400, QStringLiteral("InvalidTimeStamp.Expired"),
                    tr("Specified time stamp or date value is expired."));
    case net::SignatureCheck::Status::NonceReused:
        return fail(400, QStringLiteral("SignatureNonceUsed"),
                    tr("Specified signature nonce was used already."));
    }
    if (!check.nonce.isEmpty()) {
        const auto seen = m_nonces.constFind(check.nonce);
        if (seen != m_nonces.cend() && seen->msecsTo(now) < kNonceWindowMs) {
            return fail(400, QStringLiteral("SignatureNonceUsed"),
                        tr("Specified signature nonce was used already."));
        }
        m_nonces.insert(check.nonce, now);
    }

    Reply reply = isEhpc ? ehpc(action, params, requestId) : eci(action, params, requestId);
    if (reply.status >= 400) {
        // Fill HostId for errors raised below (they do not know the host).
        auto object = QJsonDocument::fromJson(reply.body).object();
        object.insert(QStringLiteral("HostId"), host);
        object.insert(QStringLiteral("Recommend"),
                      QStringLiteral("https://api.aliyun.com/troubleshoot?q=%1&product=%2")
                          .arg(object.value(u"Code").toString(),
                               isEhpc ? QStringLiteral("EHPC") : QStringLiteral("Eci")));
        reply.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    }
    return reply;
}

// ---------------------------------------------------------------------------------------------
// Lifecycle

AlibabaApi::Phase AlibabaApi::makePhase(Phase::Kind kind, const QStringList &images,
                                        const QList<Credential> &credentials,
                                        const QStringList &acr) const
{
    Phase phase;
    phase.kind = kind;
    phase.start = m_context.now();
    const auto &t = m_context.options.timings;
    phase.prepareMs = kind == Phase::Kind::Create ? t.alibabaPrepareMs : 0;
    phase.runMs = qMax(1, kind == Phase::Kind::Create ? t.alibabaCreateMs : t.alibabaUpdateMs);
    phase.images = images;
    for (int i = 0; i < images.size(); ++i) {
        const auto &image = images.at(i);
        const auto entry = m_context.catalog().lookup(image);
        if (!entry) {
            phase.failIndex = i;
            phase.failMessage = tr("Failed to pull image \"%1\": rpc error: code = NotFound desc = "
                                   "failed to pull "
                                   "and unpack image \"%1\": not found")
                                    .arg(image);
            break;
        }
        if (entry->isPrivate) {
            const auto host = registryKey(entry->registryHost());
            const bool byCredential = std::any_of(
                credentials.cbegin(), credentials.cend(),
                [&host](const Credential &c) { return registryKey(c.server) == host; });
            const bool byAcr = !acr.isEmpty() && host.endsWith(u"aliyuncs.com");
            if (!byCredential && !byAcr) {
                phase.failIndex = i;
                phase.failMessage
                    = tr("Failed to pull image \"%1\": rpc error: code = Unknown desc = failed to "
                         "pull and unpack image \"%1\": unauthorized: authentication required")
                          .arg(image);
                break;
            }
        }
    }
    return phase;
}

QList<AlibabaApi::Event> AlibabaApi::phaseEvents(const Cache &cache, const QDateTime &until) const
{
    QList<Event> events;
    const auto &p = cache.phase;
    if (p.kind == Phase::Kind::None)
        return events;
    auto add = [&](const QString &type, const QString &reason, const QString &message,
                   const QDateTime &at) {
        if (at > until)
            return false;
        const auto seed = cache.id + reason + message + at.toString(Qt::ISODateWithMs);
        events.append(
            {type, reason, message, cache.name + u'.' + util::deterministicHex(seed, 12), at});
        return true;
    };
    const auto creatingAt = p.start.addMSecs(p.prepareMs);
    if (p.kind == Phase::Kind::Create) {
        add(u"Normal"_qs, u"Started"_qs, tr("Successfully check image cache resource."), p.start);
        if (!add(u"Normal"_qs, u"Created"_qs,
                 tr("Successfully create container group %1 to build the image cache.")
                     .arg(cache.containerGroupId),
                 creatingAt)) {
            return events;
        }
    } else {
        add(u"Normal"_qs, u"Updating"_qs, tr("Start to update image cache."), p.start);
    }
    const int n = int(p.images.size());
    const qint64 pullSpan = qint64(p.runMs) * 8 / 10;
    for (int i = 0; i < n; ++i) {
        const auto pullStart = creatingAt.addMSecs(pullSpan * i / n);
        const auto pullEnd = creatingAt.addMSecs(pullSpan * (i + 1) / n);
        if (!add(u"Normal"_qs, u"Pulling"_qs, tr("Pulling image \"%1\"").arg(p.images.at(i)),
                 pullStart)) {
            return events;
        }
        if (i == p.failIndex) {
            add(u"Warning"_qs, u"Failed"_qs, p.failMessage, pullEnd);
            return events;
        }
        if (!add(u"Normal"_qs, u"Pulled"_qs,
                 tr("Successfully pulled image \"%1\"").arg(p.images.at(i)), pullEnd)) {
            return events;
        }
    }
    if (cache.flash && p.kind == Phase::Kind::Create) {
        add(u"Normal"_qs, u"FlashSnapshotCreated"_qs,
            tr("Successfully create local snapshot %1.").arg(cache.flashSnapshotId),
            creatingAt.addMSecs(qint64(p.runMs) * 85 / 100));
    }
    add(u"Normal"_qs, u"SnapshotCreated"_qs,
        tr("Successfully create snapshot for image cache %1.").arg(cache.id),
        creatingAt.addMSecs(p.runMs));
    return events;
}

AlibabaApi::View AlibabaApi::view(const Cache &cache) const
{
    View v;
    const auto &p = cache.phase;
    if (p.kind == Phase::Kind::None) {
        v.status = cache.status;
        v.progress = cache.progress;
        v.events = cache.history;
        v.snapshotReady = !cache.snapshotId.isEmpty();
        return v;
    }
    const auto now = m_context.now();
    v.events = cache.history + phaseEvents(cache, now);
    const auto creatingAt = p.start.addMSecs(p.prepareMs);
    const bool create = p.kind == Phase::Kind::Create;
    v.snapshotReady = !create;
    auto percentAt = [&](const QDateTime &t) {
        return int(std::floor(100.0 * double(creatingAt.msecsTo(t)) / double(p.runMs)));
    };
    if (p.failIndex >= 0) {
        const qint64 pullSpan = qint64(p.runMs) * 8 / 10;
        const auto failAt = creatingAt.addMSecs(pullSpan * (p.failIndex + 1)
                                                / qMax<qsizetype>(1, p.images.size()));
        if (now >= failAt) {
            v.status = create ? u"Failed"_qs : u"UpdateFailed"_qs;
            v.progress = qBound(0, percentAt(failAt), 99);
            return v;
        }
    }
    if (now < creatingAt) {
        v.status = u"Preparing"_qs;
        v.progress = 0;
    } else if (now >= creatingAt.addMSecs(p.runMs)) {
        v.status = u"Ready"_qs;
        v.progress = 100;
        v.snapshotReady = true;
    } else {
        v.status = create ? u"Creating"_qs : u"Updating"_qs;
        v.progress = qBound(0, percentAt(now), 99);
    }
    return v;
}

void AlibabaApi::settle(Cache &cache, const QDateTime &now)
{
    if (cache.phase.kind == Phase::Kind::None)
        return;
    const auto v = view(cache);
    if (v.status != u"Ready" && v.status != u"Failed" && v.status != u"UpdateFailed")
        return;
    cache.history = v.events;
    cache.status = v.status;
    cache.progress = v.progress;
    if (v.status == u"Ready") {
        cache.snapshotId = u"s-"_qs
                           + util::deterministicHex(
                               cache.id + cache.phase.start.toString(Qt::ISODateWithMs), 20);
    } else if (v.status == u"Failed") {
        cache.failedAt = v.events.isEmpty() ? now : v.events.constLast().at;
    }
    cache.phase = {};
}

bool AlibabaApi::advance()
{
    const auto now = m_context.now();
    bool any = false;
    for (auto &cache : m_caches) {
        const bool running = cache.phase.kind != Phase::Kind::None;
        settle(cache, now);
        any = any || (running && cache.phase.kind == Phase::Kind::None);
    }
    const auto removed = m_caches.removeIf([&now](const Cache &c) {
        if (c.retentionDays > 0 && now >= c.created.addDays(c.retentionDays))
            return true; // expired
        // Failed caches are kept for one day, then removed automatically.
        return c.status == u"Failed" && c.phase.kind == Phase::Kind::None && c.failedAt.isValid()
               && now >= c.failedAt.addDays(1);
    });
    if (m_nonces.size() > 1024) {
        m_nonces.removeIf([&now](const QHash<QByteArray, QDateTime>::iterator it) {
            return it.value().msecsTo(now) >= kNonceWindowMs;
        });
    }
    if (any || removed > 0)
        changed();
    return any || removed > 0;
}

AlibabaApi::ImageFacts AlibabaApi::imageFacts(const QString &image) const
{
    // The one place matching learns what an image is made of: the catalog, or the facts
    // synthesised for an image it does not list.
    if (const auto entry = m_context.catalog().lookup(image))
        return {entry->layers, entry->compressedSize};
    return {};
}

QStringList AlibabaApi::layersOf(const QStringList &images) const
{
    QStringList layers;
    for (const auto &image : images)
        layers += imageFacts(image).layers;
    layers.removeDuplicates();
    return layers;
}

void AlibabaApi::appendDescribe(QByteArray &out, const Cache &cache) const
{
    // Written by hand, in QJsonDocument's compact form with its sorted keys (tst_emulator
    // checks both): building a QJsonObject per cache was half of a DescribeImageCaches page.
    const auto v = view(cache);
    auto key = [&out](const char *name) {
        out += '"';
        out += name;
        out += "\":";
    };
    auto text = [&out, &key](const char *name, const QString &value) {
        key(name);
        core::appendJsonString(out, value);
        out += ',';
    };
    out += '{';
    text("ContainerGroupId", cache.containerGroupId);
    text("CreationTime", util::isoSeconds(cache.created));
    text("EliminationStrategy", cache.elimination);
    key("Events");
    out += '[';
    for (qsizetype i = 0; i < v.events.size(); ++i) {
        const Event &e = v.events.at(i);
        const QString at = util::isoSeconds(e.at);
        out += i == 0 ? "{" : ",{";
        out += "\"Count\":1,";
        text("FirstTimestamp", at);
        text("LastTimestamp", at);
        text("Message", e.message);
        text("Name", e.name);
        text("Reason", e.reason);
        key("Type");
        core::appendJsonString(out, e.type);
        out += '}';
    }
    out += "],";
    text("ExpireDateTime", cache.retentionDays > 0
                               ? util::isoSeconds(cache.created.addDays(cache.retentionDays))
                               : QString());
    if (cache.flash && !cache.flashSnapshotId.isEmpty()) {
        const bool flashReady = std::any_of(v.events.cbegin(), v.events.cend(), [](const Event &e) {
            return e.reason == u"FlashSnapshotCreated";
        });
        if (flashReady)
            text("FlashSnapshotId", cache.flashSnapshotId);
    }
    text("ImageCacheId", cache.id);
    text("ImageCacheName", cache.name);
    key("ImageCacheSize");
    out += QByteArray::number(cache.size);
    out += ',';
    key("Images");
    out += '[';
    for (qsizetype i = 0; i < cache.images.size(); ++i) {
        if (i > 0)
            out += ',';
        core::appendJsonString(out, cache.images.at(i));
    }
    out += "],";
    text("LastMatchedTime", util::isoSeconds(cache.lastMatched));
    text("Progress", progressText(v.progress));
    text("RegionId", cache.region);
    text("ResourceGroupId", cache.resourceGroupId);
    text("SnapshotId", cache.snapshotId);
    text("Status", v.status);
    key("Tags");
    out += '[';
    for (qsizetype i = 0; i < cache.tags.size(); ++i) {
        out += i == 0 ? "{" : ",{";
        text("Key", cache.tags.at(i).first);
        key("Value");
        core::appendJsonString(out, cache.tags.at(i).second);
        out += '}';
    }
    out += "]}";
}

// ---------------------------------------------------------------------------------------------
// ECI

namespace {
struct Invalid
{
    QString name;
    QString reason;
};
} // namespace

Reply AlibabaApi::eci(const QString &action, const Params &params, const QString &requestId)
{
    if (params.region().isEmpty()) {
        return errorReply(400, QStringLiteral("MissingParameter"),
                          tr("The input parameter \"%1\" that is mandatory for processing this "
                             "request is not supplied.")
                              .arg(u"RegionId"_qs),
                          requestId);
    }
    if (action == u"CreateImageCache")
        return createCache(params, requestId);
    if (action == u"DescribeImageCaches")
        return describeCaches(params, requestId);
    // Update and Delete are idempotent by ClientToken too: a retry whose first answer was lost
    // gets the same success instead of a status or not-found error.
    const QString clientToken = params.value(u"ClientToken"_qs);
    const QString tokenKey = action + u'/' + params.region() + u'/' + clientToken;
    if (!clientToken.isEmpty()) {
        const auto it = m_clientTokens.constFind(tokenKey);
        if (it != m_clientTokens.cend()) {
            if (it->fingerprint != params.fingerprint())
                return errorReply(400, QStringLiteral("IdempotentParameterMismatch"),
                                  tr("The request uses the same client token as a previous, but "
                                     "non-identical request."),
                                  requestId);
            return Reply::json(200, {{QStringLiteral("RequestId"), requestId}},
                               "application/json;charset=utf-8");
        }
    }
    Reply reply = action == u"UpdateImageCache" ? updateCache(params, requestId)
                                                : deleteCache(params, requestId);
    if (!clientToken.isEmpty() && reply.status == 200)
        m_clientTokens.insert(tokenKey,
                              {params.value(u"ImageCacheId"_qs), {}, params.fingerprint()});
    return reply;
}

namespace {
// Reads the settings shared by Create and Update; returns the first invalid parameter.
struct Settings
{
    std::optional<QString> name;
    std::optional<QStringList> images;
    std::optional<int> size;
    std::optional<int> retention;
    std::optional<QString> elimination;
    std::optional<bool> flash;
    std::optional<QList<std::pair<QString, QString>>> tags;
    std::optional<QList<QHash<QString, QString>>> credentials;
    std::optional<QStringList> acr;
    std::optional<QString> securityGroupId;
    std::optional<QString> vSwitchId;
    std::optional<QString> resourceGroupId;
};

template<typename P>
std::optional<Invalid> readSettings(const P &params, Settings &s)
{
    auto intParam = [&params](const QString &key, int min, int max,
                              std::optional<int> &out) -> std::optional<Invalid> {
        if (!params.has(key) || params.value(key).isEmpty())
            return std::nullopt;
        bool ok = false;
        const int v = params.value(key).toInt(&ok);
        if (!ok || v < min || v > max)
            return Invalid{key,
                           AlibabaApi::tr("must be an integer from %1 to %2").arg(min).arg(max)};
        out = v;
        return std::nullopt;
    };
    auto boolParam
        = [&params](const QString &key, std::optional<bool> &out) -> std::optional<Invalid> {
        if (!params.has(key) || params.value(key).isEmpty())
            return std::nullopt;
        const auto v = params.value(key).toLower();
        if (v != u"true" && v != u"false")
            return Invalid{key, AlibabaApi::tr("must be true or false")};
        out = v == u"true";
        return std::nullopt;
    };
    if (params.has(u"ImageCacheName"_qs)) {
        const auto name = params.value(u"ImageCacheName"_qs);
        if (name.size() > 128 || name.trimmed() != name || name.isEmpty())
            return Invalid{u"ImageCacheName"_qs,
                           AlibabaApi::tr("must be 1 to 128 characters without leading or "
                                          "trailing spaces")};
        s.name = name;
    }
    if (params.hasList(u"Image"_qs)) {
        const auto images = params.list(u"Image"_qs);
        if (images.isEmpty())
            return Invalid{u"Image.N"_qs, AlibabaApi::tr("must name at least one image")};
        s.images = images;
    }
    if (auto e = intParam(u"ImageCacheSize"_qs, 20, 32768, s.size))
        return e;
    if (auto e = intParam(u"RetentionDays"_qs, 1, 65536, s.retention))
        return e;
    if (params.has(u"EliminationStrategy"_qs)) {
        const auto v = params.value(u"EliminationStrategy"_qs);
        if (!v.isEmpty() && v != u"LRU")
            return Invalid{u"EliminationStrategy"_qs, AlibabaApi::tr("must be empty or LRU")};
        s.elimination = v;
    }
    if (auto e = boolParam(u"Flash"_qs, s.flash))
        return e;
    std::optional<bool> autoMatch;
    if (auto e = boolParam(u"AutoMatchImageCache"_qs, autoMatch))
        return e;
    std::optional<int> copies;
    if (auto e = intParam(u"FlashCopyCount"_qs, 1, 1000, copies))
        return e;
    if (auto e = intParam(u"StandardCopyCount"_qs, 1, 1000, copies))
        return e;
    if (params.hasList(u"Tag"_qs)) {
        const auto tags = params.objects(u"Tag"_qs);
        if (tags.size() > 20)
            return Invalid{u"Tag.N"_qs, AlibabaApi::tr("at most 20 tags are allowed")};
        QList<std::pair<QString, QString>> list;
        for (const auto &tag : tags) {
            if (tag.value(u"Key"_qs).isEmpty())
                return Invalid{u"Tag.N.Key"_qs, AlibabaApi::tr("must not be empty")};
            list.append({tag.value(u"Key"_qs), tag.value(u"Value"_qs)});
        }
        s.tags = list;
    }
    if (params.hasList(u"ImageRegistryCredential"_qs)) {
        const auto creds = params.objects(u"ImageRegistryCredential"_qs);
        for (const auto &c : creds) {
            const auto server = c.value(u"Server"_qs);
            if (server.isEmpty())
                return Invalid{u"ImageRegistryCredential.N.Server"_qs,
                               AlibabaApi::tr("must not be empty")};
            if (server.startsWith(u"http://") || server.startsWith(u"https://"))
                return Invalid{u"ImageRegistryCredential.N.Server"_qs,
                               AlibabaApi::tr("must be a host without http:// or https://")};
        }
        s.credentials = creds;
    }
    if (params.hasList(u"AcrRegistryInfo"_qs)) {
        QStringList ids;
        for (const auto &info : params.objects(u"AcrRegistryInfo"_qs)) {
            if (info.value(u"InstanceId"_qs).isEmpty())
                return Invalid{u"AcrRegistryInfo.N.InstanceId"_qs,
                               AlibabaApi::tr("is required in AcrRegistryInfo")};
            ids.append(info.value(u"InstanceId"_qs));
        }
        s.acr = ids;
    }
    if (params.has(u"SecurityGroupId"_qs)) {
        const auto v = params.value(u"SecurityGroupId"_qs);
        if (!v.isEmpty() && !v.startsWith(u"sg-"))
            return Invalid{u"SecurityGroupId"_qs,
                           AlibabaApi::tr("must be a security group ID (sg-…)")};
        s.securityGroupId = v;
    }
    if (params.has(u"VSwitchId"_qs)) {
        const auto v = params.value(u"VSwitchId"_qs);
        const auto ids = v.split(u',', Qt::SkipEmptyParts);
        if (ids.size() > 10)
            return Invalid{u"VSwitchId"_qs, AlibabaApi::tr("at most 10 vSwitch IDs are allowed")};
        for (const auto &id : ids) {
            if (!id.trimmed().startsWith(u"vsw-"))
                return Invalid{u"VSwitchId"_qs,
                               AlibabaApi::tr("must be vSwitch IDs (vsw-…), comma-separated")};
        }
        s.vSwitchId = v;
    }
    if (params.has(u"ResourceGroupId"_qs))
        s.resourceGroupId = params.value(u"ResourceGroupId"_qs);
    if (params.has(u"OsType"_qs)) {
        const auto v = params.value(u"OsType"_qs);
        if (!v.isEmpty() && v != u"Linux" && v != u"Windows")
            return Invalid{u"OsType"_qs, AlibabaApi::tr("must be Linux or Windows")};
    }
    return std::nullopt;
}

QList<std::pair<QString, QString>> noTags()
{
    return {};
}
} // namespace

Reply AlibabaApi::createCache(const Params &params, const QString &requestId)
{
    auto missing = [&](const QString &name) {
        return errorReply(400, QStringLiteral("MissingParameter"),
                          tr("The input parameter \"%1\" that is mandatory for processing this "
                             "request is not supplied.")
                              .arg(name),
                          requestId);
    };
    auto invalid = [&](const Invalid &e) {
        return errorReply(
            400, QStringLiteral("InvalidParameter"),
            tr("The specified parameter \"%1\" is not valid: %2.").arg(e.name, e.reason),
            requestId);
    };
    if (params.value(u"ImageCacheName"_qs).isEmpty())
        return missing(u"ImageCacheName"_qs);
    if (params.list(u"Image"_qs).isEmpty())
        return missing(u"Image.N"_qs);
    if (params.value(u"SecurityGroupId"_qs).isEmpty())
        return missing(u"SecurityGroupId"_qs);
    if (params.value(u"VSwitchId"_qs).isEmpty())
        return missing(u"VSwitchId"_qs);
    Settings s;
    if (auto e = readSettings(params, s))
        return invalid(*e);

    const auto region = params.region();
    const auto clientToken = params.value(u"ClientToken"_qs);
    if (clientToken.size() > 64
        || std::any_of(clientToken.cbegin(), clientToken.cend(),
                       [](QChar c) { return c.unicode() > 127; })) {
        return invalid({u"ClientToken"_qs, tr("must be at most 64 ASCII characters")});
    }
    const auto fingerprint = params.fingerprint();
    const auto tokenKey = region + u'/' + clientToken;
    if (!clientToken.isEmpty()) {
        const auto it = m_clientTokens.constFind(tokenKey);
        if (it != m_clientTokens.cend()) {
            if (it->fingerprint != fingerprint) {
                return errorReply(400, QStringLiteral("IdempotentParameterMismatch"),
                                  tr("The request uses the same client token as a previous, but "
                                     "non-identical request. Do not reuse a client token with "
                                     "different requests, unless the requests are identical."),
                                  requestId);
            }
            return Reply::json(200,
                               {{QStringLiteral("RequestId"), requestId},
                                {QStringLiteral("ImageCacheId"), it->cacheId},
                                {QStringLiteral("ContainerGroupId"), it->containerGroupId}},
                               "application/json;charset=utf-8");
        }
    }

    // Quota: evict the least recently matched LRU cache, or refuse.
    const auto inRegion = std::count_if(m_caches.cbegin(), m_caches.cend(),
                                        [&region](const Cache &c) { return c.region == region; });
    if (inRegion >= m_context.options.alibabaQuota) {
        int victim = -1;
        for (int i = 0; i < m_caches.size(); ++i) {
            const auto &c = m_caches.at(i);
            if (c.region != region || c.elimination != u"LRU" || c.phase.kind != Phase::Kind::None)
                continue;
            const auto used = c.lastMatched.isValid() ? c.lastMatched : c.created;
            if (victim < 0) {
                victim = i;
                continue;
            }
            const auto &v = m_caches.at(victim);
            const auto vUsed = v.lastMatched.isValid() ? v.lastMatched : v.created;
            if (used < vUsed)
                victim = i;
        }
        if (victim < 0) {
            return errorReply(400, QStringLiteral("QuotaExceeded.ImageCache"),
                              tr("The number of image caches in region %1 has reached the quota "
                                 "(%2) and none can be eliminated (EliminationStrategy LRU).")
                                  .arg(region)
                                  .arg(m_context.options.alibabaQuota),
                              requestId);
        }
        m_caches.removeAt(victim);
    }

    Cache cache;
    cache.id = u"imc-bp1"_qs + util::randomLowerAlnum(17);
    cache.containerGroupId = u"eci-bp1"_qs + util::randomLowerAlnum(17);
    cache.name = *s.name;
    cache.region = region;
    cache.images = *s.images;
    cache.size = s.size.value_or(20);
    cache.retentionDays = s.retention.value_or(0);
    cache.elimination = s.elimination.value_or(QString());
    cache.flash = s.flash.value_or(false);
    if (cache.flash)
        cache.flashSnapshotId = u"s-bp1"_qs + util::randomLowerAlnum(17);
    cache.tags = s.tags.value_or(noTags());
    for (const auto &c : s.credentials.value_or(QList<QHash<QString, QString>>())) {
        cache.credentials.append(
            {c.value(u"Server"_qs), c.value(u"UserName"_qs), c.value(u"Password"_qs)});
    }
    cache.acrInstanceIds = s.acr.value_or(QStringList());
    cache.securityGroupId = s.securityGroupId.value_or(QString());
    cache.vSwitchId = s.vSwitchId.value_or(QString());
    cache.zoneId = params.value(u"ZoneId"_qs);
    cache.resourceGroupId = s.resourceGroupId.value_or(QString()).isEmpty()
                                ? u"rg-acfmemulatordefault"_qs
                                : *s.resourceGroupId;
    cache.created = m_context.now();
    cache.status = u"Preparing"_qs;
    cache.progress = 0;
    cache.phase
        = makePhase(Phase::Kind::Create, cache.images, cache.credentials, cache.acrInstanceIds);
    m_caches.append(cache);
    if (!clientToken.isEmpty())
        m_clientTokens.insert(tokenKey, {cache.id, cache.containerGroupId, fingerprint});
    changed();
    return Reply::json(200,
                       {{QStringLiteral("RequestId"), requestId},
                        {QStringLiteral("ImageCacheId"), cache.id},
                        {QStringLiteral("ContainerGroupId"), cache.containerGroupId}},
                       "application/json;charset=utf-8");
}

Reply AlibabaApi::describeCaches(const Params &params, const QString &requestId)
{
    auto invalid = [&](const QString &name, const QString &reason) {
        return errorReply(400, QStringLiteral("InvalidParameter"),
                          tr("The specified parameter \"%1\" is not valid: %2.").arg(name, reason),
                          requestId);
    };
    const auto region = params.region();
    int limit = 10;
    if (params.has(u"Limit"_qs) && !params.value(u"Limit"_qs).isEmpty()) {
        bool ok = false;
        limit = params.value(u"Limit"_qs).toInt(&ok);
        if (!ok || limit < 1)
            return invalid(u"Limit"_qs, tr("must be a positive integer"));
        limit = qMin(limit, 100); // the documented maximum is not stated; clamp leniently
    }
    // NextToken: opaque to clients; here base64url("<creation ms>|<id>") of the last item.
    qint64 afterMs = -1;
    QString afterId;
    const auto nextToken = params.value(u"NextToken"_qs);
    if (!nextToken.isEmpty()) {
        const auto decoded = QString::fromUtf8(QByteArray::fromBase64(
            nextToken.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        const auto parts = decoded.split(u'|');
        bool ok = false;
        if (parts.size() == 2)
            afterMs = parts[0].toLongLong(&ok);
        if (!ok || !parts.value(1).startsWith(u"imc-"))
            return invalid(u"NextToken"_qs, tr("the token is not one this API returned"));
        afterId = parts[1];
    }

    const auto ids = params.value(u"ImageCacheId"_qs).split(u',', Qt::SkipEmptyParts);
    const auto name = params.value(u"ImageCacheName"_qs);
    const auto snapshot = params.value(u"SnapshotId"_qs);
    const auto image = params.value(u"Image"_qs);
    const auto group = params.value(u"ResourceGroupId"_qs);
    const auto tagFilters = params.objects(u"Tag"_qs);
    const auto matchImages = params.list(u"MatchImage"_qs);
    if (matchImages.size() > 100)
        return invalid(u"MatchImage.N"_qs, tr("at most 100 images are allowed"));
    const bool fullMatch = params.value(u"ImageFullMatch"_qs).toLower() == u"true";
    int matchCount = -1;
    if (params.has(u"ImageMatchCountRequest"_qs)
        && !params.value(u"ImageMatchCountRequest"_qs).isEmpty()) {
        bool ok = false;
        matchCount = params.value(u"ImageMatchCountRequest"_qs).toInt(&ok);
        if (!ok || matchCount < 1)
            return invalid(u"ImageMatchCountRequest"_qs, tr("must be a positive integer"));
    }
    QList<ImageFacts> wantedImages;
    for (const auto &m : matchImages)
        wantedImages.append(imageFacts(m));

    struct Hit
    {
        int index;
        int score;          // match degree: layers of the wanted images the cache holds
        qint64 matchedSize; // bytes of the wanted images the cache holds completely
        qint64 createdMs;
    };
    QList<Hit> hits;
    for (int i = 0; i < m_caches.size(); ++i) {
        const auto &c = m_caches.at(i);
        if (c.region != region)
            continue;
        if (!ids.isEmpty() && !ids.contains(c.id))
            continue;
        if (!name.isEmpty() && c.name != name)
            continue;
        if (!snapshot.isEmpty() && c.snapshotId != snapshot && c.flashSnapshotId != snapshot)
            continue;
        if (!group.isEmpty() && c.resourceGroupId != group)
            continue;
        if (!image.isEmpty()
            && std::none_of(c.images.cbegin(), c.images.cend(), [&image](const QString &ci) {
                   return Catalog::normalize(ci) == Catalog::normalize(image);
               })) {
            continue;
        }
        bool tagsOk = true;
        for (const auto &t : tagFilters) {
            const auto key = t.value(u"Key"_qs);
            const bool valueGiven = t.contains(u"Value"_qs);
            tagsOk = tagsOk && std::any_of(c.tags.cbegin(), c.tags.cend(), [&](const auto &tag) {
                         return tag.first == key
                                && (!valueGiven || tag.second == t.value(u"Value"_qs));
                     });
        }
        if (!tagsOk)
            continue;
        int score = 0;
        qint64 matchedSize = 0;
        if (!matchImages.isEmpty()) {
            // Matching is by layers, and only usable (Ready) caches can be matched.
            if (view(c).status != u"Ready")
                continue;
            const auto layerList = layersOf(c.images);
            const QSet<QString> layers(layerList.cbegin(), layerList.cend());
            bool all = true;
            for (const auto &wanted : std::as_const(wantedImages)) {
                bool complete = !wanted.layers.isEmpty();
                for (const auto &layer : wanted.layers) {
                    if (layers.contains(layer))
                        ++score;
                    else
                        complete = false;
                }
                if (complete)
                    matchedSize += wanted.size;
                all = all && complete;
            }
            if (fullMatch ? !all : score == 0)
                continue;
        }
        hits.append({i, score, matchedSize, c.created.toMSecsSinceEpoch()});
    }
    // The documented order of a match: match degree, then matched image size, then creation
    // time (earlier first); then id, so paging is stable.
    std::stable_sort(hits.begin(), hits.end(), [this](const Hit &a, const Hit &b) {
        if (a.score != b.score)
            return a.score > b.score;
        if (a.matchedSize != b.matchedSize)
            return a.matchedSize > b.matchedSize;
        if (a.createdMs != b.createdMs)
            return a.createdMs < b.createdMs;
        return m_caches.at(a.index).id < m_caches.at(b.index).id;
    });
    if (matchCount > 0 && hits.size() > matchCount)
        hits.resize(matchCount);

    qsizetype start = 0;
    if (!afterId.isEmpty()) {
        start = hits.size();
        for (qsizetype i = 0; i < hits.size(); ++i) {
            const auto &hit = hits.at(i);
            if (hit.createdMs < afterMs)
                continue;
            const auto &c = m_caches.at(hit.index);
            if (c.id == afterId) {
                start = i + 1;
                break;
            }
            if (hit.createdMs > afterMs || c.id > afterId) {
                start = i; // the last item is gone: continue after where it was
                break;
            }
        }
    }
    QByteArray list = "[";
    int listed = 0;
    QString next;
    const auto now = m_context.now();
    bool matched = false;
    for (qsizetype i = start; i < hits.size() && listed < limit; ++i) {
        auto &c = m_caches[hits.at(i).index];
        if (!matchImages.isEmpty()) {
            c.lastMatched = now;
            matched = true;
        }
        if (listed++ > 0)
            list += ',';
        appendDescribe(list, c);
        if (listed == limit && i + 1 < hits.size()) {
            next = QString::fromLatin1(
                (QString::number(c.created.toMSecsSinceEpoch()) + u'|' + c.id)
                    .toUtf8()
                    .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        }
    }
    if (matched)
        changed();
    list += ']';
    Reply reply;
    reply.status = 200;
    reply.setHeader("Content-Type", "application/json;charset=utf-8");
    reply.body.reserve(list.size() + 128);
    reply.body += "{\"ImageCaches\":";
    reply.body += list;
    reply.body += ",\"NextToken\":";
    core::appendJsonString(reply.body, next);
    reply.body += ",\"RequestId\":";
    core::appendJsonString(reply.body, requestId);
    reply.body += ",\"TotalCount\":";
    reply.body += QByteArray::number(hits.size());
    reply.body += '}';
    return reply;
}

Reply AlibabaApi::updateCache(const Params &params, const QString &requestId)
{
    const auto id = params.value(u"ImageCacheId"_qs);
    if (id.isEmpty()) {
        return errorReply(400, QStringLiteral("MissingParameter"),
                          tr("The input parameter \"%1\" that is mandatory for processing this "
                             "request is not supplied.")
                              .arg(u"ImageCacheId"_qs),
                          requestId);
    }
    auto it = std::find_if(m_caches.begin(), m_caches.end(), [&](const Cache &c) {
        return c.id == id && c.region == params.region();
    });
    if (it == m_caches.end()) {
        return errorReply(404, QStringLiteral("InvalidImageCacheId.NotFound"),
                          tr("The specified ImageCacheId \"%1\" does not exist.").arg(id),
                          requestId);
    }
    const auto status = view(*it).status;
    if (status != u"Ready" && status != u"UpdateFailed") {
        return errorReply(403, QStringLiteral("IncorrectImageCacheStatus"),
                          tr("The image cache is %1; only Ready or UpdateFailed image caches can "
                             "be updated.")
                              .arg(status),
                          requestId);
    }
    Settings s;
    if (auto e = readSettings(params, s)) {
        return errorReply(
            400, QStringLiteral("InvalidParameter"),
            tr("The specified parameter \"%1\" is not valid: %2.").arg(e->name, e->reason),
            requestId);
    }
    auto &c = *it;
    if (s.name)
        c.name = *s.name;
    if (s.images)
        c.images = *s.images;
    if (s.size)
        c.size = *s.size;
    if (s.retention)
        c.retentionDays = *s.retention;
    if (s.elimination)
        c.elimination = *s.elimination;
    if (s.flash)
        c.flash = *s.flash;
    if (s.tags)
        c.tags = *s.tags;
    if (s.credentials) {
        c.credentials.clear();
        for (const auto &cred : *s.credentials)
            c.credentials.append(
                {cred.value(u"Server"_qs), cred.value(u"UserName"_qs), cred.value(u"Password"_qs)});
    }
    if (s.acr)
        c.acrInstanceIds = *s.acr;
    if (s.securityGroupId)
        c.securityGroupId = *s.securityGroupId;
    if (s.vSwitchId)
        c.vSwitchId = *s.vSwitchId;
    if (s.resourceGroupId && !s.resourceGroupId->isEmpty())
        c.resourceGroupId = *s.resourceGroupId;
    c.phase = makePhase(Phase::Kind::Update, c.images, c.credentials, c.acrInstanceIds);
    changed();
    return Reply::json(200, {{QStringLiteral("RequestId"), requestId}},
                       "application/json;charset=utf-8");
}

Reply AlibabaApi::deleteCache(const Params &params, const QString &requestId)
{
    const auto id = params.value(u"ImageCacheId"_qs);
    if (id.isEmpty()) {
        return errorReply(400, QStringLiteral("MissingParameter"),
                          tr("The input parameter \"%1\" that is mandatory for processing this "
                             "request is not supplied.")
                              .arg(u"ImageCacheId"_qs),
                          requestId);
    }
    const auto removed = m_caches.removeIf(
        [&](const Cache &c) { return c.id == id && c.region == params.region(); });
    if (removed == 0) {
        return errorReply(404, QStringLiteral("InvalidImageCacheId.NotFound"),
                          tr("The specified ImageCacheId \"%1\" does not exist.").arg(id),
                          requestId);
    }
    changed();
    return Reply::json(200, {{QStringLiteral("RequestId"), requestId}},
                       "application/json;charset=utf-8");
}

// ---------------------------------------------------------------------------------------------
// E-HPC Instant

Reply AlibabaApi::ehpc(const QString &action, const Params &params, const QString &requestId)
{
    if (action == u"ListImages")
        return listImages(params, requestId);
    if (action == u"GetImage")
        return getImage(params, requestId);
    if (action == u"AddImage")
        return addImage(params, requestId);
    return removeImage(params, requestId);
}

QList<AlibabaApi::EhpcImage> AlibabaApi::ehpcImages() const
{
    QList<EhpcImage> list;
    for (const auto &image : m_context.catalog().images()) {
        const auto &e = image.ehpc;
        if (e.isEmpty())
            continue;
        EhpcImage i;
        i.id = e.value(u"ImageId").toString();
        i.type = u"Container"_qs;
        i.name = e.value(u"Name").toString();
        i.version = e.value(u"Version").toString();
        i.description = e.value(u"Description").toString();
        i.appId = e.value(u"AppId").toString();
        i.category = e.value(u"Category").toString();
        i.size = QString::number(qMax<qint64>(1, (image.size + kGiB - 1) / kGiB)) + u" GiB"_qs;
        i.createTime = e.value(u"CreateTime").toString();
        i.osTag = e.value(u"OsTag").toString();
        i.platform = e.value(u"Platform").toString();
        i.architecture = e.value(u"Architecture").toString();
        i.registryUrl = image.reference;
        i.isAcr = e.value(u"IsACRRegistry").toBool();
        i.isAcrEnterprise = e.value(u"IsACREnterprise").toBool();
        i.registryCriId = e.value(u"RegistryCriId").toString();
        const auto cred = e.value(u"RegistryCredential").toObject();
        i.credential = {cred.value(u"Server").toString(), cred.value(u"UserName").toString(),
                        cred.value(u"Password").toString()};
        i.builtin = true;
        list.append(i);
    }
    for (const auto &e : m_context.catalog().ehpcVmImages()) {
        EhpcImage i;
        i.id = e.value(u"ImageId").toString();
        i.type = u"VM"_qs;
        i.name = e.value(u"Name").toString();
        i.version = e.value(u"Version").toString();
        i.description = e.value(u"Description").toString();
        i.appId = e.value(u"AppId").toString();
        i.category = e.value(u"Category").toString();
        i.size = e.value(u"Size").toString();
        i.createTime = e.value(u"CreateTime").toString();
        i.osTag = e.value(u"OsTag").toString();
        i.platform = e.value(u"Platform").toString();
        i.architecture = e.value(u"Architecture").toString();
        i.vmImageId = i.id;
        i.builtin = true;
        list.append(i);
    }
    list.removeIf([this](const EhpcImage &i) { return m_removedImages.contains(i.id); });
    return list + m_addedImages;
}

namespace {
Reply ehpcInvalid(const AlibabaApi &api, const QString &name, const QString &requestId)
{
    return api.errorReply(400, QStringLiteral("InvalidParams"),
                          AlibabaApi::tr("The specified parameter %1 is invalid.").arg(name),
                          requestId, QStringLiteral("ehpcinstant"));
}

std::optional<QStringList> jsonStringArray(const QString &text)
{
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        return std::nullopt;
    QStringList list;
    for (const auto &v : doc.array()) {
        if (!v.isString())
            return std::nullopt;
        list.append(v.toString());
    }
    return list;
}
} // namespace

Reply AlibabaApi::listImages(const Params &params, const QString &requestId)
{
    const auto type = params.value(u"ImageType"_qs);
    if (!type.isEmpty() && type != u"VM" && type != u"Container")
        return ehpcInvalid(*this, u"ImageType"_qs, requestId);
    const auto category = params.value(u"ImageCategory"_qs);
    if (!category.isEmpty() && category != u"Public" && category != u"Custom")
        return ehpcInvalid(*this, u"ImageCategory"_qs, requestId);
    std::optional<QStringList> ids;
    if (!params.value(u"ImageIds"_qs).isEmpty()) {
        ids = jsonStringArray(params.value(u"ImageIds"_qs));
        if (!ids)
            return ehpcInvalid(*this, u"ImageIds"_qs, requestId);
    }
    std::optional<QStringList> names;
    if (!params.value(u"ImageNames"_qs).isEmpty()) {
        names = jsonStringArray(params.value(u"ImageNames"_qs));
        if (!names)
            return ehpcInvalid(*this, u"ImageNames"_qs, requestId);
    }
    bool ok = true;
    qint64 pageNumber = 1;
    qint64 pageSize = 10;
    if (!params.value(u"PageNumber"_qs).isEmpty()) {
        pageNumber = params.value(u"PageNumber"_qs).toLongLong(&ok);
        if (!ok || pageNumber < 1)
            return ehpcInvalid(*this, u"PageNumber"_qs, requestId);
    }
    if (!params.value(u"PageSize"_qs).isEmpty()) {
        pageSize = params.value(u"PageSize"_qs).toLongLong(&ok);
        if (!ok || pageSize < 1 || pageSize > 100)
            return ehpcInvalid(*this, u"PageSize"_qs, requestId);
    }
    QList<EhpcImage> matching;
    for (const auto &i : ehpcImages()) {
        if (!type.isEmpty() && i.type != type)
            continue;
        if (!category.isEmpty() && i.category != category)
            continue;
        if (ids && !ids->contains(i.id))
            continue;
        if (names && !names->contains(i.name))
            continue;
        matching.append(i);
    }
    QJsonArray images;
    for (qint64 n = (pageNumber - 1) * pageSize; n < matching.size() && n < pageNumber * pageSize;
         ++n) {
        const auto &i = matching.at(n);
        images.append(QJsonObject{{QStringLiteral("ImageId"), i.id},
                                  {QStringLiteral("ImageType"), i.type},
                                  {QStringLiteral("Name"), i.name},
                                  {QStringLiteral("Version"), i.version},
                                  {QStringLiteral("Description"), i.description},
                                  {QStringLiteral("AppId"), i.appId},
                                  {QStringLiteral("CreateTime"), i.createTime},
                                  {QStringLiteral("UpdateTime"), i.createTime},
                                  {QStringLiteral("OsTag"), i.osTag},
                                  {QStringLiteral("DocumentId"), 0},
                                  {QStringLiteral("Weight"), 0}});
    }
    return Reply::json(200,
                       {{QStringLiteral("RequestId"), requestId},
                        {QStringLiteral("Success"), true},
                        {QStringLiteral("TotalCount"), int(matching.size())},
                        {QStringLiteral("PageNumber"), pageNumber},
                        {QStringLiteral("PageSize"), pageSize},
                        {QStringLiteral("Images"), images}},
                       "application/json;charset=utf-8");
}

Reply AlibabaApi::getImage(const Params &params, const QString &requestId)
{
    const auto id = params.value(u"ImageId"_qs);
    if (id.isEmpty())
        return ehpcInvalid(*this, u"ImageId"_qs, requestId);
    const auto type = params.value(u"ImageType"_qs);
    std::optional<QStringList> regions;
    if (!params.value(u"AdditionalRegionIds"_qs).isEmpty()) {
        regions = jsonStringArray(params.value(u"AdditionalRegionIds"_qs));
        if (!regions)
            return ehpcInvalid(*this, u"AdditionalRegionIds"_qs, requestId);
    }
    const auto images = ehpcImages();
    const auto it = std::find_if(images.cbegin(), images.cend(), [&](const EhpcImage &i) {
        return i.id == id && (type.isEmpty() || i.type == type);
    });
    if (it == images.cend()) {
        return errorReply(404, QStringLiteral("ImageNotFound"),
                          tr("The specified image does not exist."), requestId,
                          QStringLiteral("ehpcinstant"));
    }
    const auto &i = *it;
    const bool container = i.type == u"Container";
    QJsonArray additional;
    for (const auto &region : regions.value_or(QStringList())) {
        additional.append(QJsonObject{{QStringLiteral("Status"), QStringLiteral("Available")},
                                      {QStringLiteral("ImageId"), i.id},
                                      {QStringLiteral("RegionId"), region}});
    }
    // The real API returns the registry password; the console must mask it.
    const QJsonObject image{
        {QStringLiteral("ImageType"), i.type},
        {QStringLiteral("AppId"), i.appId},
        {QStringLiteral("Name"), i.name},
        {QStringLiteral("Version"), i.version},
        {QStringLiteral("Description"), i.description},
        {QStringLiteral("Size"), i.size},
        {QStringLiteral("CreateTime"), i.createTime},
        {QStringLiteral("Status"), QStringLiteral("Available")},
        {QStringLiteral("ContainerImageSpec"),
         QJsonObject{{QStringLiteral("RegistryUrl"), container ? i.registryUrl : QString()},
                     {QStringLiteral("IsACRRegistry"), container && i.isAcr},
                     {QStringLiteral("IsACREnterprise"), container && i.isAcrEnterprise},
                     {QStringLiteral("RegistryCriId"), i.registryCriId},
                     {QStringLiteral("RegistryCredential"),
                      QJsonObject{{QStringLiteral("Server"), i.credential.server},
                                  {QStringLiteral("UserName"), i.credential.userName},
                                  {QStringLiteral("Password"), i.credential.password}}},
                     {QStringLiteral("OsTag"), container ? i.osTag : QString()},
                     {QStringLiteral("Platform"), container ? i.platform : QString()},
                     {QStringLiteral("Architecture"), container ? i.architecture : QString()}}},
        {QStringLiteral("VMImageSpec"),
         QJsonObject{{QStringLiteral("ImageId"), container ? QString() : i.vmImageId},
                     {QStringLiteral("OsTag"), container ? QString() : i.osTag},
                     {QStringLiteral("Platform"), container ? QString() : i.platform},
                     {QStringLiteral("Architecture"), container ? QString() : i.architecture}}},
        {QStringLiteral("DocumentInfo"), QJsonObject{{QStringLiteral("DocumentId"), QString()},
                                                     {QStringLiteral("EncodingMode"), QString()},
                                                     {QStringLiteral("Document"), QString()}}},
        {QStringLiteral("AdditionalRegionsInfo"), additional},
    };
    return Reply::json(200,
                       {{QStringLiteral("RequestId"), requestId},
                        {QStringLiteral("Success"), true},
                        {QStringLiteral("TotalCount"), 1},
                        {QStringLiteral("Image"), image}},
                       "application/json;charset=utf-8");
}

Reply AlibabaApi::addImage(const Params &params, const QString &requestId)
{
    const auto name = params.value(u"Name"_qs);
    if (name.trimmed().isEmpty())
        return ehpcInvalid(*this, u"Name"_qs, requestId);
    QJsonObject containerSpec;
    QJsonObject vmSpec;
    if (!params.value(u"ContainerImageSpec"_qs).isEmpty()) {
        const auto doc = QJsonDocument::fromJson(params.value(u"ContainerImageSpec"_qs).toUtf8());
        if (!doc.isObject() || doc.object().value(u"RegistryUrl").toString().isEmpty())
            return ehpcInvalid(*this, u"ContainerImageSpec"_qs, requestId);
        containerSpec = doc.object();
    }
    if (!params.value(u"VMImageSpec"_qs).isEmpty()) {
        const auto doc = QJsonDocument::fromJson(params.value(u"VMImageSpec"_qs).toUtf8());
        if (!doc.isObject() || doc.object().value(u"ImageId").toString().isEmpty())
            return ehpcInvalid(*this, u"VMImageSpec"_qs, requestId);
        vmSpec = doc.object();
    }
    QString type = params.value(u"ImageType"_qs);
    if (type.isEmpty())
        type = containerSpec.isEmpty() ? u"VM"_qs : u"Container"_qs;
    if (type != u"VM" && type != u"Container")
        return ehpcInvalid(*this, u"ImageType"_qs, requestId);
    if (type == u"Container" && containerSpec.isEmpty())
        return ehpcInvalid(*this, u"ContainerImageSpec"_qs, requestId);
    if (type == u"VM" && vmSpec.isEmpty())
        return ehpcInvalid(*this, u"VMImageSpec"_qs, requestId);

    EhpcImage i;
    i.id = u"m-"_qs + util::randomLowerAlnum(20);
    i.type = type;
    i.name = name;
    i.version = params.value(u"ImageVersion"_qs);
    i.description = params.value(u"Description"_qs);
    i.category = u"Custom"_qs;
    i.createTime = util::isoSeconds(m_context.now());
    if (type == u"Container") {
        i.registryUrl = containerSpec.value(u"RegistryUrl").toString();
        i.isAcr = containerSpec.value(u"IsACRRegistry").toBool();
        i.isAcrEnterprise = containerSpec.value(u"IsACREnterprise").toBool();
        i.registryCriId = containerSpec.value(u"RegistryCriId").toString();
        const auto cred = containerSpec.value(u"RegistryCredential").toObject();
        i.credential = {cred.value(u"Server").toString(), cred.value(u"UserName").toString(),
                        cred.value(u"Password").toString()};
        const auto *entry = m_context.catalog().find(i.registryUrl);
        i.size
            = entry ? QString::number(qMax<qint64>(1, (entry->size + kGiB - 1) / kGiB)) + u" GiB"_qs
                    : u"1 GiB"_qs;
        if (entry) {
            i.osTag = entry->os + u' ' + entry->osVersion;
            i.platform = entry->os;
            i.architecture = u"x86_64"_qs;
        }
    } else {
        i.vmImageId = vmSpec.value(u"ImageId").toString();
        i.size = u"40 GiB"_qs;
    }
    m_addedImages.append(i);
    changed();
    return Reply::json(200,
                       {{QStringLiteral("RequestId"), requestId},
                        {QStringLiteral("ImageId"), i.id},
                        {QStringLiteral("Success"), true}},
                       "application/json;charset=utf-8");
}

Reply AlibabaApi::removeImage(const Params &params, const QString &requestId)
{
    const auto id = params.value(u"ImageId"_qs);
    if (id.isEmpty())
        return ehpcInvalid(*this, u"ImageId"_qs, requestId);
    const auto images = ehpcImages();
    const auto it = std::find_if(images.cbegin(), images.cend(),
                                 [&id](const EhpcImage &i) { return i.id == id; });
    if (it == images.cend()) {
        return errorReply(404, QStringLiteral("ImageNotFound"),
                          tr("The specified image does not exist."), requestId,
                          QStringLiteral("ehpcinstant"));
    }
    if (it->category == u"Public")
        return ehpcInvalid(*this, u"ImageId"_qs, requestId);
    if (it->builtin)
        m_removedImages.insert(id);
    else
        m_addedImages.removeIf([&id](const EhpcImage &i) { return i.id == id; });
    changed();
    return Reply::json(
        200, {{QStringLiteral("RequestId"), requestId}, {QStringLiteral("Success"), true}},
        "application/json;charset=utf-8");
}

// ---------------------------------------------------------------------------------------------
// Seeding, bulk, persistence

void AlibabaApi::seedDemo()
{
    const auto now = m_context.now();
    const auto region = QString::fromLatin1(demo::AlibabaRegion);
    m_caches.reserve(m_caches.size() + 16); // `make` hands out references into the list
    auto make = [&](const QString &name, const QStringList &images, qint64 ageMs, int prepareMs,
                    int runMs) -> Cache & {
        Cache c;
        c.id = u"imc-bp1"_qs + util::randomLowerAlnum(17);
        c.containerGroupId = u"eci-bp1"_qs + util::randomLowerAlnum(17);
        c.name = name;
        c.region = region;
        c.images = images;
        c.resourceGroupId = u"rg-acfmemulatordefault"_qs;
        c.securityGroupId = u"sg-bp1demo0000000000001"_qs;
        c.vSwitchId = u"vsw-bp1demo000000000001"_qs;
        c.created = now.addMSecs(-ageMs);
        c.status = u"Preparing"_qs;
        c.phase = makePhase(Phase::Kind::Create, images, {}, {});
        c.phase.start = c.created;
        c.phase.prepareMs = prepareMs;
        c.phase.runMs = runMs;
        m_caches.append(c);
        return m_caches.last();
    };
    constexpr qint64 hour = 3600 * 1000;
    auto &ready = make(u"web-nginx"_qs,
                       {u"registry-vpc.cn-hangzhou.aliyuncs.com/eci_open/nginx:1.15.10-perl"_qs},
                       72 * hour, 1000, 40000);
    ready.tags = {{u"imc"_qs, u"test"_qs}, {u"env"_qs, u"prod"_qs}};
    ready.lastMatched = now.addSecs(-2 * 3600);
    settle(ready, now);

    auto &creating = make(u"ml-training"_qs,
                          {u"registry.cn-hangzhou.aliyuncs.com/demo-ns/ml-training:1.4.0"_qs},
                          60 * 1000, 1000, 15 * 60 * 1000);
    creating.credentials = {{u"registry.cn-hangzhou.aliyuncs.com"_qs, u"demo-puller"_qs, {}}};
    creating.phase = makePhase(Phase::Kind::Create, creating.images, creating.credentials, {});
    creating.phase.start = creating.created;
    creating.phase.runMs = 15 * 60 * 1000;
    creating.size = 60;
    creating.tags = {{u"team"_qs, u"ml"_qs}};

    auto &failed = make(u"broken-image"_qs,
                        {u"registry-vpc.cn-hangzhou.aliyuncs.com/eci_open/busybox:1.30"_qs,
                         u"registry-vpc.cn-hangzhou.aliyuncs.com/eci_open/does-not-exist:1.0"_qs},
                        2 * hour, 1000, 30000);
    settle(failed, now);

    auto &expiring
        = make(u"expiring-soon"_qs,
               {u"redis:7"_qs, u"registry-vpc.cn-hangzhou.aliyuncs.com/eci_open/alpine:3.18"_qs},
               132 * hour, 1000, 30000);
    expiring.retentionDays = 7; // created 5.5 days ago: expires in 1.5 days
    expiring.elimination = u"LRU"_qs;
    settle(expiring, now);

    auto &updating = make(u"updating-cache"_qs, {u"python:3.12-slim"_qs}, 48 * hour, 1000, 30000);
    settle(updating, now);
    updating.images.append(u"registry-vpc.cn-hangzhou.aliyuncs.com/eci_open/busybox:1.30"_qs);
    updating.phase = makePhase(Phase::Kind::Update, updating.images, {}, {});
    updating.phase.start = now.addSecs(-30);
    updating.phase.runMs = 10 * 60 * 1000;

    auto &flash = make(u"flash-busybox"_qs,
                       {u"registry-vpc.cn-hangzhou.aliyuncs.com/eci_open/busybox:1.30"_qs},
                       24 * hour, 1000, 20000);
    flash.flash = true;
    flash.flashSnapshotId = u"s-bp1"_qs + util::randomLowerAlnum(17);
    flash.elimination = u"LRU"_qs;
    flash.lastMatched = now.addSecs(-3600);
    settle(flash, now);
}

void AlibabaApi::addCaches(const QString &region, int count)
{
    const auto now = m_context.now();
    QStringList pool;
    for (const auto &image : m_context.catalog().images()) {
        if (!image.isPrivate && image.cloud != u"huawei")
            pool.append(image.reference);
    }
    m_caches.reserve(m_caches.size() + count);
    for (int i = 0; i < count; ++i) {
        Cache c;
        c.id = u"imc-bp1"_qs + util::randomLowerAlnum(17);
        c.containerGroupId = u"eci-bp1"_qs + util::randomLowerAlnum(17);
        c.name = QStringLiteral("bulk-%1").arg(i + 1);
        c.region = region;
        c.images = {pool.at(i % pool.size())};
        c.resourceGroupId = u"rg-acfmemulatordefault"_qs;
        c.created = now.addSecs(-qint64(count - i) - 60);
        c.status = u"Ready"_qs;
        c.progress = 100;
        c.snapshotId = u"s-"_qs + util::deterministicHex(c.id, 20);
        c.history = {{u"Normal"_qs, u"Started"_qs, tr("Successfully check image cache resource."),
                      c.name + u'.' + util::deterministicHex(c.id, 12), c.created}};
        m_caches.append(c);
    }
    changed();
}

namespace {
QJsonObject eventToJson(const QString &type, const QString &reason, const QString &message,
                        const QString &name, const QDateTime &at)
{
    return {{QStringLiteral("type"), type},
            {QStringLiteral("reason"), reason},
            {QStringLiteral("message"), message},
            {QStringLiteral("name"), name},
            {QStringLiteral("at"), at.toString(Qt::ISODateWithMs)}};
}
QString ts(const QDateTime &t)
{
    return t.isValid() ? t.toString(Qt::ISODateWithMs) : QString();
}
} // namespace

QJsonObject AlibabaApi::save() const
{
    QJsonArray caches;
    for (const auto &c : m_caches) {
        QJsonArray tags;
        for (const auto &[k, v] : c.tags)
            tags.append(QJsonArray{k, v});
        QJsonArray creds; // passwords are never written to disk
        for (const auto &cred : c.credentials)
            creds.append(QJsonObject{{QStringLiteral("server"), cred.server},
                                     {QStringLiteral("userName"), cred.userName}});
        QJsonArray history;
        for (const auto &e : c.history)
            history.append(eventToJson(e.type, e.reason, e.message, e.name, e.at));
        QJsonObject phase;
        if (c.phase.kind != Phase::Kind::None) {
            phase = {{QStringLiteral("kind"),
                      c.phase.kind == Phase::Kind::Create ? u"create"_qs : u"update"_qs},
                     {QStringLiteral("start"), ts(c.phase.start)},
                     {QStringLiteral("prepareMs"), c.phase.prepareMs},
                     {QStringLiteral("runMs"), c.phase.runMs},
                     {QStringLiteral("images"), QJsonArray::fromStringList(c.phase.images)},
                     {QStringLiteral("failIndex"), c.phase.failIndex},
                     {QStringLiteral("failMessage"), c.phase.failMessage}};
        }
        caches.append(QJsonObject{
            {QStringLiteral("id"), c.id},
            {QStringLiteral("name"), c.name},
            {QStringLiteral("region"), c.region},
            {QStringLiteral("resourceGroupId"), c.resourceGroupId},
            {QStringLiteral("containerGroupId"), c.containerGroupId},
            {QStringLiteral("snapshotId"), c.snapshotId},
            {QStringLiteral("flashSnapshotId"), c.flashSnapshotId},
            {QStringLiteral("securityGroupId"), c.securityGroupId},
            {QStringLiteral("vSwitchId"), c.vSwitchId},
            {QStringLiteral("zoneId"), c.zoneId},
            {QStringLiteral("images"), QJsonArray::fromStringList(c.images)},
            {QStringLiteral("size"), c.size},
            {QStringLiteral("retentionDays"), c.retentionDays},
            {QStringLiteral("elimination"), c.elimination},
            {QStringLiteral("flash"), c.flash},
            {QStringLiteral("tags"), tags},
            {QStringLiteral("credentials"), creds},
            {QStringLiteral("acr"), QJsonArray::fromStringList(c.acrInstanceIds)},
            {QStringLiteral("created"), ts(c.created)},
            {QStringLiteral("lastMatched"), ts(c.lastMatched)},
            {QStringLiteral("status"), c.status},
            {QStringLiteral("progress"), c.progress},
            {QStringLiteral("failedAt"), ts(c.failedAt)},
            {QStringLiteral("history"), history},
            {QStringLiteral("phase"), phase},
        });
    }
    QJsonObject tokens;
    for (auto it = m_clientTokens.cbegin(); it != m_clientTokens.cend(); ++it) {
        tokens.insert(
            it.key(),
            QJsonObject{{QStringLiteral("cacheId"), it->cacheId},
                        {QStringLiteral("containerGroupId"), it->containerGroupId},
                        {QStringLiteral("fingerprint"), QString::fromLatin1(it->fingerprint)}});
    }
    QJsonArray added;
    for (const auto &i : m_addedImages) {
        added.append(QJsonObject{
            {QStringLiteral("id"), i.id},
            {QStringLiteral("type"), i.type},
            {QStringLiteral("name"), i.name},
            {QStringLiteral("version"), i.version},
            {QStringLiteral("description"), i.description},
            {QStringLiteral("size"), i.size},
            {QStringLiteral("createTime"), i.createTime},
            {QStringLiteral("osTag"), i.osTag},
            {QStringLiteral("platform"), i.platform},
            {QStringLiteral("architecture"), i.architecture},
            {QStringLiteral("registryUrl"), i.registryUrl},
            {QStringLiteral("isAcr"), i.isAcr},
            {QStringLiteral("isAcrEnterprise"), i.isAcrEnterprise},
            {QStringLiteral("registryCriId"), i.registryCriId},
            {QStringLiteral("credentialServer"), i.credential.server},
            {QStringLiteral("credentialUserName"), i.credential.userName},
            {QStringLiteral("vmImageId"), i.vmImageId},
        });
    }
    return {{QStringLiteral("caches"), caches},
            {QStringLiteral("clientTokens"), tokens},
            {QStringLiteral("ehpcAdded"), added},
            {QStringLiteral("ehpcRemoved"), QJsonArray::fromStringList(m_removedImages.values())}};
}

void AlibabaApi::load(const QJsonObject &state)
{
    auto strings = [](const QJsonValue &v) {
        QStringList list;
        for (const auto &item : v.toArray())
            list.append(item.toString());
        return list;
    };
    m_caches.clear();
    for (const auto &value : state.value(u"caches").toArray()) {
        const auto o = value.toObject();
        Cache c;
        c.id = o.value(u"id").toString();
        c.name = o.value(u"name").toString();
        c.region = o.value(u"region").toString();
        c.resourceGroupId = o.value(u"resourceGroupId").toString();
        c.containerGroupId = o.value(u"containerGroupId").toString();
        c.snapshotId = o.value(u"snapshotId").toString();
        c.flashSnapshotId = o.value(u"flashSnapshotId").toString();
        c.securityGroupId = o.value(u"securityGroupId").toString();
        c.vSwitchId = o.value(u"vSwitchId").toString();
        c.zoneId = o.value(u"zoneId").toString();
        c.images = strings(o.value(u"images"));
        c.size = o.value(u"size").toInt(20);
        c.retentionDays = o.value(u"retentionDays").toInt();
        c.elimination = o.value(u"elimination").toString();
        c.flash = o.value(u"flash").toBool();
        for (const auto &t : o.value(u"tags").toArray())
            c.tags.append({t.toArray().at(0).toString(), t.toArray().at(1).toString()});
        for (const auto &cred : o.value(u"credentials").toArray()) {
            const auto co = cred.toObject();
            c.credentials.append(
                {co.value(u"server").toString(), co.value(u"userName").toString(), {}});
        }
        c.acrInstanceIds = strings(o.value(u"acr"));
        c.created = util::parseIso(o.value(u"created").toString());
        c.lastMatched = util::parseIso(o.value(u"lastMatched").toString());
        c.status = o.value(u"status").toString();
        c.progress = o.value(u"progress").toInt();
        c.failedAt = util::parseIso(o.value(u"failedAt").toString());
        for (const auto &e : o.value(u"history").toArray()) {
            const auto eo = e.toObject();
            c.history.append({eo.value(u"type").toString(), eo.value(u"reason").toString(),
                              eo.value(u"message").toString(), eo.value(u"name").toString(),
                              util::parseIso(eo.value(u"at").toString())});
        }
        const auto p = o.value(u"phase").toObject();
        if (!p.isEmpty()) {
            c.phase.kind = p.value(u"kind").toString() == u"create" ? Phase::Kind::Create
                                                                    : Phase::Kind::Update;
            c.phase.start = util::parseIso(p.value(u"start").toString());
            c.phase.prepareMs = p.value(u"prepareMs").toInt();
            c.phase.runMs = qMax(1, p.value(u"runMs").toInt());
            c.phase.images = strings(p.value(u"images"));
            c.phase.failIndex = p.value(u"failIndex").toInt(-1);
            c.phase.failMessage = p.value(u"failMessage").toString();
        }
        if (!c.id.isEmpty() && c.created.isValid())
            m_caches.append(c);
    }
    m_clientTokens.clear();
    const auto tokens = state.value(u"clientTokens").toObject();
    for (auto it = tokens.begin(); it != tokens.end(); ++it) {
        const auto o = it.value().toObject();
        m_clientTokens.insert(it.key(), {o.value(u"cacheId").toString(),
                                         o.value(u"containerGroupId").toString(),
                                         o.value(u"fingerprint").toString().toLatin1()});
    }
    m_addedImages.clear();
    for (const auto &value : state.value(u"ehpcAdded").toArray()) {
        const auto o = value.toObject();
        EhpcImage i;
        i.id = o.value(u"id").toString();
        i.type = o.value(u"type").toString();
        i.name = o.value(u"name").toString();
        i.version = o.value(u"version").toString();
        i.description = o.value(u"description").toString();
        i.category = u"Custom"_qs;
        i.size = o.value(u"size").toString();
        i.createTime = o.value(u"createTime").toString();
        i.osTag = o.value(u"osTag").toString();
        i.platform = o.value(u"platform").toString();
        i.architecture = o.value(u"architecture").toString();
        i.registryUrl = o.value(u"registryUrl").toString();
        i.isAcr = o.value(u"isAcr").toBool();
        i.isAcrEnterprise = o.value(u"isAcrEnterprise").toBool();
        i.registryCriId = o.value(u"registryCriId").toString();
        i.credential = {
            o.value(u"credentialServer").toString(), o.value(u"credentialUserName").toString(), {}};
        i.vmImageId = o.value(u"vmImageId").toString();
        m_addedImages.append(i);
    }
    const auto removed = strings(state.value(u"ehpcRemoved"));
    m_removedImages = QSet<QString>(removed.cbegin(), removed.cend());
}

QJsonObject AlibabaApi::counts() const
{
    QJsonObject byStatus;
    for (const auto &c : m_caches) {
        const auto status = view(c).status;
        byStatus.insert(status, byStatus.value(status).toInt() + 1);
    }
    return {{QStringLiteral("caches"), int(m_caches.size())},
            {QStringLiteral("byStatus"), byStatus},
            {QStringLiteral("ehpcImages"), int(ehpcImages().size())}};
}

} // namespace emulator
