#include "registryclient.h"

#include "authchallenge.h"
#include "manifestparser.h"
#include "registryerrors.h"

#include "providers/completer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace registry {

using net::ApiError;
using net::HttpRequest;
using net::HttpResponse;
using net::Result;
using providers::CompleterPtr;
using providers::makeCompleter;
using providers::whenFinished;

namespace {

constexpr int MaxRedirects = 3;
// A ranged read asks for 4 bytes; a registry that ignores Range starts sending the whole
// blob, which the transport aborts past this many bytes.
constexpr qint64 MaxRangedBytes = 64;

QString origin(const QUrl &url)
{
    const int defaultPort = url.scheme() == QLatin1String("https") ? 443 : 80;
    return url.scheme() + QStringLiteral("://") + url.host().toLower() + QLatin1Char(':')
           + QString::number(url.port(defaultPort));
}

QUrl apiUrl(const RegistryReference &reference, const QString &path)
{
    QUrl url = reference.baseUrl();
    url.setPath(path);
    return url;
}

} // namespace

// One logical request: its authorization retries and redirects.
struct RegistryClient::Exchange
{
    HttpRequest request;
    RegistryReference reference;
    Purpose purpose = Purpose::Manifest;
    CompleterPtr<Result<HttpResponse>> completer;
    bool authRetried = false;
    bool offOrigin = false; // following a redirect to another host: no credentials
    int redirects = 0;
    QString authKey() const { return reference.domain + QLatin1Char('|') + reference.repository; }
};

struct RegistryClient::Inspection
{
    RegistryReference reference;
    Platform platform;
    CompleterPtr<Result<ImageDetails>> completer;
    ParsedManifest manifest;
    ImageDetails details;
    int pendingLayers = 0;
};

RegistryClient::RegistryClient(net::ApiClient *transport, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
{}

RegistryClient::~RegistryClient() = default;

void RegistryClient::setCredentials(const QString &domain, const RegistryCredentials &credentials)
{
    if (credentials.isEmpty())
        m_credentials.remove(domain);
    else
        m_credentials.insert(domain, credentials);
    // Authorizations earned with the previous login are no longer this login's.
    for (auto it = m_authorization.begin(); it != m_authorization.end();) {
        if (it.key().startsWith(domain + QLatin1Char('|')))
            it = m_authorization.erase(it);
        else
            ++it;
    }
}

void RegistryClient::count(Purpose purpose)
{
    switch (purpose) {
    case Purpose::Manifest:
        ++m_counts.manifests;
        break;
    case Purpose::Config:
        ++m_counts.configs;
        break;
    case Purpose::Ranged:
        ++m_counts.rangedReads;
        break;
    case Purpose::Ping:
        ++m_counts.pings;
        break;
    }
}

QFuture<Result<HttpResponse>>
RegistryClient::send(HttpRequest request, const RegistryReference &reference, Purpose purpose)
{
    auto exchange = std::make_shared<Exchange>();
    exchange->request = std::move(request);
    exchange->request.retry = HttpRequest::Retry::Idempotent;
    exchange->reference = reference;
    exchange->purpose = purpose;
    exchange->completer = makeCompleter<Result<HttpResponse>>();
    auto future = exchange->completer->future();
    sendAttempt(exchange);
    return future;
}

void RegistryClient::sendAttempt(std::shared_ptr<Exchange> exchange)
{
    if (!m_transport) {
        exchange->completer->complete(Result<HttpResponse>());
        return;
    }
    HttpRequest request = exchange->request;
    net::removeHeader(request.headers, "Authorization");
    if (!exchange->offOrigin) {
        const QByteArray authorization = m_authorization.value(exchange->authKey());
        if (!authorization.isEmpty())
            request.setHeader("Authorization", authorization);
    }
    if (exchange->redirects > 0)
        ++m_counts.redirects;
    else
        count(exchange->purpose);

    // The decoder sees the whole 401 answer; its challenge is kept for the token request.
    auto challenge = std::make_shared<QByteArray>();
    auto decoder = [challenge](const HttpResponse &response) {
        if (response.status == 401)
            *challenge = response.header("WWW-Authenticate");
        return RegistryErrors::decode(response);
    };
    whenFinished(m_transport->send(request, {}, decoder), this,
                 [this, exchange, challenge](const Result<HttpResponse> &result) {
                     if (result.ok() && result.value().status >= 300
                         && result.value().status < 400) {
                         followRedirect(exchange, result.value());
                         return;
                     }
                     if (!result.ok() && result.error().httpStatus == 401 && !exchange->offOrigin
                         && !exchange->authRetried && !challenge->isEmpty()) {
                         authenticate(exchange, *challenge);
                         return;
                     }
                     exchange->completer->complete(result);
                 });
}

void RegistryClient::followRedirect(std::shared_ptr<Exchange> exchange,
                                    const HttpResponse &response)
{
    const QUrl location = exchange->request.url.resolved(
        QUrl::fromEncoded(response.header("Location"), QUrl::StrictMode));
    if (exchange->redirects >= MaxRedirects || !location.isValid() || location.isEmpty()) {
        ApiError error;
        error.kind = ApiError::Kind::Http;
        error.httpStatus = response.status;
        error.operation = exchange->request.operation;
        error.message = exchange->redirects >= MaxRedirects
                            ? tr("More than %1 redirects.").arg(MaxRedirects)
                            : tr("A redirect without a valid Location.");
        exchange->completer->complete(error);
        return;
    }
    // Object storage behind a redirect authenticates by the signed URL; the registry's token
    // must not travel there (it would be a credential handed to another party).
    if (origin(location) != origin(exchange->request.url))
        exchange->offOrigin = true;
    exchange->request.url = location;
    ++exchange->redirects;
    sendAttempt(exchange);
}

void RegistryClient::authenticate(std::shared_ptr<Exchange> exchange, const QByteArray &header)
{
    exchange->authRetried = true;
    const AuthChallenge challenge = AuthChallenge::parse(header);
    const RegistryCredentials credentials = m_credentials.value(exchange->reference.domain);
    const QByteArray basic
        = credentials.isEmpty()
              ? QByteArray()
              : "Basic "
                    + (credentials.userName + QLatin1Char(':') + credentials.password)
                          .toUtf8()
                          .toBase64();
    auto unauthorized = [exchange](const QString &message) {
        ApiError error;
        error.kind = ApiError::Kind::Auth;
        error.httpStatus = 401;
        error.code = QStringLiteral("UNAUTHORIZED");
        error.operation = exchange->request.operation;
        error.message = message;
        exchange->completer->complete(error);
    };

    if (challenge.scheme == AuthChallenge::Scheme::Basic) {
        if (basic.isEmpty()) {
            unauthorized(tr("%1 asks for a user name and password; none is stored for it.")
                             .arg(exchange->reference.domain));
            return;
        }
        m_authorization.insert(exchange->authKey(), basic);
        sendAttempt(exchange);
        return;
    }
    if (challenge.scheme != AuthChallenge::Scheme::Bearer) {
        unauthorized(tr("%1 asks for an unsupported authentication scheme.")
                         .arg(exchange->reference.domain));
        return;
    }

    QUrl realm(challenge.parameter("realm"));
    if (!realm.isValid() || realm.host().isEmpty()) {
        unauthorized(
            tr("%1 sent a token challenge without a valid realm.").arg(exchange->reference.domain));
        return;
    }
    QUrlQuery query(realm);
    const QString service = challenge.parameter("service");
    if (!service.isEmpty())
        query.addQueryItem(QStringLiteral("service"), service);
    QString scope = challenge.parameter("scope");
    if (scope.isEmpty())
        scope = QStringLiteral("repository:%1:pull").arg(exchange->reference.repository);
    query.addQueryItem(QStringLiteral("scope"), scope);
    realm.setQuery(query);

    HttpRequest tokenRequest;
    tokenRequest.url = realm;
    tokenRequest.operation = QStringLiteral("GetToken");
    tokenRequest.retry = HttpRequest::Retry::Idempotent;
    if (!basic.isEmpty())
        tokenRequest.setHeader("Authorization", basic);
    ++m_counts.tokens;
    whenFinished(m_transport->send(tokenRequest, {}, &RegistryErrors::decode), this,
                 [this, exchange](const Result<HttpResponse> &result) {
                     if (!result.ok()) {
                         exchange->completer->complete(result.error());
                         return;
                     }
                     const QJsonObject body = QJsonDocument::fromJson(result.value().body).object();
                     QString token = body.value(QLatin1String("token")).toString();
                     if (token.isEmpty())
                         token = body.value(QLatin1String("access_token")).toString();
                     if (token.isEmpty()) {
                         exchange->completer->complete(RegistryErrors::malformed(
                             QStringLiteral("GetToken"),
                             tr("The token endpoint answered without a token.")));
                         return;
                     }
                     m_authorization.insert(exchange->authKey(), "Bearer " + token.toUtf8());
                     sendAttempt(exchange);
                 });
}

HttpRequest RegistryClient::manifestRequest(const RegistryReference &reference,
                                            const QString &manifestReference,
                                            const QByteArray &method)
{
    HttpRequest request;
    request.method = method;
    request.url = apiUrl(
        reference,
        QStringLiteral("/v2/%1/manifests/%2").arg(reference.repository, manifestReference));
    request.setHeader("Accept", mediatype::manifestAccept());
    request.operation
        = method == "HEAD" ? QStringLiteral("HeadManifest") : QStringLiteral("GetManifest");
    request.expectJson = false; // parsed (and its errors typed) by ManifestParser
    return request;
}

HttpRequest RegistryClient::blobRequest(const RegistryReference &reference, const QString &digest)
{
    HttpRequest request;
    request.url
        = apiUrl(reference, QStringLiteral("/v2/%1/blobs/%2").arg(reference.repository, digest));
    request.operation = QStringLiteral("GetBlob");
    request.expectJson = false;
    request.returnRedirects = true;
    return request;
}

QFuture<Result<net::Done>> RegistryClient::ping(const RegistryReference &reference)
{
    auto completer = makeCompleter<Result<net::Done>>();
    HttpRequest request;
    request.url = apiUrl(reference, QStringLiteral("/v2/"));
    request.operation = QStringLiteral("Ping");
    request.expectJson = false;
    whenFinished(send(request, reference, Purpose::Ping), this,
                 [completer](const Result<HttpResponse> &result) {
                     if (result.ok())
                         completer->complete(net::Done{});
                     else
                         completer->complete(result.error());
                 });
    return completer->future();
}

QFuture<Result<QString>> RegistryClient::resolveDigest(const RegistryReference &reference)
{
    auto completer = makeCompleter<Result<QString>>();
    whenFinished(send(manifestRequest(reference, reference.manifestReference(), "HEAD"), reference,
                      Purpose::Manifest),
                 this, [completer](const Result<HttpResponse> &result) {
                     if (!result.ok()) {
                         ApiError error = result.error();
                         // A HEAD has no error body to name the case: a 404 is the tag.
                         if (error.httpStatus == 404 && error.code.isEmpty())
                             error.code = QStringLiteral("MANIFEST_UNKNOWN");
                         completer->complete(error);
                         return;
                     }
                     const QString digest
                         = QString::fromLatin1(result.value().header("Docker-Content-Digest"));
                     if (digest.isEmpty()) {
                         completer->complete(RegistryErrors::malformed(
                             QStringLiteral("HeadManifest"),
                             tr("The registry sent no Docker-Content-Digest.")));
                         return;
                     }
                     completer->complete(digest);
                 });
    return completer->future();
}

QFuture<Result<ImageDetails>> RegistryClient::inspect(const RegistryReference &reference,
                                                      const Platform &platform)
{
    auto inspection = std::make_shared<Inspection>();
    inspection->reference = reference;
    inspection->platform = platform;
    inspection->completer = makeCompleter<Result<ImageDetails>>();
    inspection->details.name = reference.name();
    inspection->details.tag = reference.digest.isEmpty() ? reference.tag : QString();
    auto future = inspection->completer->future();
    fetchManifest(inspection, reference.manifestReference(), false);
    return future;
}

void RegistryClient::fetchManifest(std::shared_ptr<Inspection> inspection,
                                   const QString &manifestReference, bool fromIndex)
{
    const HttpRequest request = manifestRequest(inspection->reference, manifestReference, "GET");
    whenFinished(
        send(request, inspection->reference, Purpose::Manifest), this,
        [this, inspection, manifestReference, fromIndex](const Result<HttpResponse> &result) {
            if (!result.ok()) {
                if (RegistryErrors::kindOf(result.error()) == ErrorKind::UnknownTag && !fromIndex)
                    tellUnknownImage(inspection->completer, inspection->reference, result.error());
                else
                    inspection->completer->complete(result.error());
                return;
            }
            const HttpResponse &response = result.value();
            const QString computed = ManifestParser::sha256Digest(response.body);
            // Asked by digest: the content must be that digest, whatever the server says.
            if (manifestReference.startsWith(QLatin1String("sha256:"))
                && computed != manifestReference) {
                inspection->completer->complete(RegistryErrors::malformed(
                    QStringLiteral("GetManifest"),
                    tr("The manifest's content does not match its digest %1.")
                        .arg(manifestReference)));
                return;
            }
            QString digest = QString::fromLatin1(response.header("Docker-Content-Digest"));
            if (digest.isEmpty())
                digest = computed;
            auto parsed
                = ManifestParser::parseManifest(response.body, response.header("Content-Type"));
            if (!parsed.ok()) {
                inspection->completer->complete(parsed.error());
                return;
            }
            if (parsed.value().isIndex) {
                if (fromIndex) {
                    inspection->completer->complete(RegistryErrors::malformed(
                        QStringLiteral("GetManifest"), tr("An index entry is another index.")));
                    return;
                }
                inspection->details.indexDigest = digest;
                inspection->details.platforms = parsed.value().platforms();
                const Descriptor *entry = parsed.value().entryFor(inspection->platform);
                if (!entry) {
                    ApiError error;
                    error.kind = ApiError::Kind::Http;
                    error.code = RegistryErrors::PlatformMissingCode;
                    error.operation = QStringLiteral("GetManifest");
                    error.message
                        = tr("%1 has no image for %2; it has %3.")
                              .arg(inspection->reference.toString(),
                                   inspection->platform.toString(),
                                   inspection->details.platforms.join(QStringLiteral(", ")));
                    inspection->completer->complete(error);
                    return;
                }
                fetchManifest(inspection, entry->digest, true);
                return;
            }
            inspection->manifest = parsed.value();
            inspection->details.digest = digest;
            inspection->details.mediaType = parsed.value().mediaType;
            fetchConfig(inspection);
        });
}

void RegistryClient::tellUnknownImage(CompleterPtr<Result<ImageDetails>> completer,
                                      const RegistryReference &reference,
                                      const ApiError &manifestError)
{
    // distribution answers MANIFEST_UNKNOWN for a tag of a repository that does not exist;
    // the tag list tells a misspelt name (NAME_UNKNOWN) from a missing tag. Only on failure.
    HttpRequest request;
    request.url = apiUrl(reference, QStringLiteral("/v2/%1/tags/list").arg(reference.repository));
    request.operation = QStringLiteral("ListTags");
    request.expectJson = false;
    whenFinished(send(request, reference, Purpose::Manifest), this,
                 [completer, manifestError](const Result<HttpResponse> &result) {
                     if (!result.ok() && result.error().httpStatus == 404) {
                         ApiError error = result.error();
                         if (error.code.isEmpty())
                             error.code = QStringLiteral("NAME_UNKNOWN");
                         completer->complete(error);
                         return;
                     }
                     completer->complete(manifestError);
                 });
}

void RegistryClient::fetchConfig(std::shared_ptr<Inspection> inspection)
{
    const Descriptor config = inspection->manifest.config;
    HttpRequest request = blobRequest(inspection->reference, config.digest);
    request.operation = QStringLiteral("GetConfig");
    whenFinished(
        send(request, inspection->reference, Purpose::Config), this,
        [this, inspection, config](const Result<HttpResponse> &result) {
            if (!result.ok()) {
                inspection->completer->complete(result.error());
                return;
            }
            const QByteArray &body = result.value().body;
            if (ManifestParser::sha256Digest(body) != config.digest) {
                inspection->completer->complete(RegistryErrors::malformed(
                    QStringLiteral("GetConfig"),
                    tr("The config blob does not match its digest %1.").arg(config.digest)));
                return;
            }
            auto parsed = ManifestParser::parseConfig(body);
            if (!parsed.ok()) {
                inspection->completer->complete(parsed.error());
                return;
            }
            ImageDetails &details = inspection->details;
            const ImageConfig &facts = parsed.value();
            details.platform = facts.platform;
            if (details.platforms.isEmpty())
                details.platforms << facts.platform.toString();
            details.created = facts.created;
            details.configDigest = config.digest;
            details.configSize = config.size;
            // History entries that made a layer, in order, match the layers.
            QStringList commands;
            for (const HistoryEntry &entry : facts.history) {
                if (!entry.emptyLayer)
                    commands << entry.createdBy;
            }
            const auto &layers = inspection->manifest.layers;
            for (qsizetype i = 0; i < layers.size(); ++i) {
                LayerDetails layer;
                layer.digest = layers[i].digest;
                layer.mediaType = layers[i].mediaType;
                layer.compressedSize = layers[i].size;
                layer.diffId = facts.diffIds.value(i);
                layer.createdBy = commands.value(i);
                details.layers << layer;
            }
            readLayerSizes(inspection);
        });
}

void RegistryClient::readLayerSizes(std::shared_ptr<Inspection> inspection)
{
    auto estimate = [](LayerDetails &layer) {
        layer.uncompressedSize = ImageDetails::estimatedUncompressedSize(layer.compressedSize);
        layer.uncompressedEstimated = true;
    };
    auto finishIfDone = [inspection] {
        if (inspection->pendingLayers == 0)
            inspection->completer->complete(inspection->details);
    };

    QList<qsizetype> gzipLayers;
    for (qsizetype i = 0; i < inspection->details.layers.size(); ++i) {
        LayerDetails &layer = inspection->details.layers[i];
        if (mediatype::isUncompressedLayer(layer.mediaType))
            layer.uncompressedSize = layer.compressedSize;
        else if (mediatype::isGzipLayer(layer.mediaType) && layer.compressedSize >= 18)
            gzipLayers << i; // 18: the smallest gzip member (header and trailer)
        else
            estimate(layer);
    }
    inspection->pendingLayers = int(gzipLayers.size());
    if (gzipLayers.isEmpty()) {
        finishIfDone();
        return;
    }
    for (const qsizetype index : gzipLayers) {
        const LayerDetails &layer = inspection->details.layers[index];
        HttpRequest request = blobRequest(inspection->reference, layer.digest);
        request.operation = QStringLiteral("GetLayerTrailer");
        // An explicit range from the known size: every server that serves ranges takes it.
        request.setHeader("Range", QStringLiteral("bytes=%1-%2")
                                       .arg(layer.compressedSize - 4)
                                       .arg(layer.compressedSize - 1)
                                       .toLatin1());
        request.maxResponseBytes = MaxRangedBytes;
        whenFinished(send(request, inspection->reference, Purpose::Ranged), this,
                     [inspection, index, estimate, finishIfDone](const Result<HttpResponse> &r) {
                         LayerDetails &layer = inspection->details.layers[index];
                         // Only a 206 of exactly the 4 asked bytes is the trailer; anything
                         // else (200 with the whole blob, 416, an error) leaves an estimate.
                         if (r.ok() && r.value().status == 206 && r.value().body.size() == 4)
                             layer.uncompressedSize = ImageDetails::sizeFromGzipTrailer(
                                 r.value().body, layer.compressedSize);
                         else
                             estimate(layer);
                         --inspection->pendingLayers;
                         finishIfDone();
                     });
    }
}

} // namespace registry
