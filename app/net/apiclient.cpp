#include "apiclient.h"

#include "percentencoding.h"
#include "retryafter.h"

#include "core/secretmask.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPromise>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>
#include <limits>

// Debug lines are off unless enabled, e.g. QT_LOGGING_RULES="imagecache.net.debug=true".
Q_LOGGING_CATEGORY(lcNet, "imagecache.net", QtInfoMsg)

namespace net {

struct ApiClient::Call
{
    HttpRequest request;
    RequestSigner signer;
    ErrorDecoder decoder;
    std::shared_ptr<QPromise<Result<HttpResponse>>> promise;
    QString hostKey;
    int attempt = 0; // attempts started so far
    int maxAttempts = 1;
    bool holdsSlot = false;
    bool finished = false;
    bool cancelled = false; // the caller cancelled the future
    QPointer<QFutureWatcher<Result<HttpResponse>>> watcher;
    // The current attempt:
    QPointer<QNetworkReply> reply;
    QByteArray received;
    bool tooLarge = false;
    qint64 limit = 0;
    int timeoutMs = 0;
    QElapsedTimer timer;
};

namespace {

constexpr int MaxLoggedBodyBytes = 1024;
constexpr int MaxFallbackMessageChars = 300;
const QByteArray Redacted(core::MaskedSecret);

bool isSecretName(const QByteArray &name)
{
    return core::isSecretKey(QString::fromUtf8(name));
}

// key=value pairs joined by '&' (a URL query or a form body), secrets' values replaced.
QByteArray redactPairs(const QByteArray &encoded)
{
    QList<QByteArray> parts = encoded.split('&');
    for (QByteArray &part : parts) {
        const qsizetype eq = part.indexOf('=');
        const QByteArray name = eq < 0 ? part : part.left(eq);
        if (isSecretName(percentDecode(name))) {
            part = name + '=' + Redacted;
            continue;
        }
        // E-HPC sends objects as one JSON-string parameter: ContainerImageSpec={"...",
        // "RegistryCredential":{"Password":"..."}}. Redact inside it too.
        const QByteArray value = eq < 0 ? QByteArray() : percentDecode(part.mid(eq + 1));
        if (value.startsWith('{') || value.startsWith('[')) {
            const QJsonDocument document = QJsonDocument::fromJson(value);
            if (document.isObject())
                part = name + '='
                       + percentEncode(QJsonDocument(core::maskSecrets(document.object()))
                                           .toJson(QJsonDocument::Compact));
            else if (document.isArray())
                part = name + '='
                       + percentEncode(
                           QJsonDocument(core::maskSecrets(QJsonValue(document.array())).toArray())
                               .toJson(QJsonDocument::Compact));
        }
    }
    return parts.join('&');
}

// Free text (error pages, malformed JSON): hides the values of key=value / "key": "value"
// pairs whose key names a secret.
QByteArray redactText(const QByteArray &text)
{
    static const QRegularExpression pattern(
        QStringLiteral(R"re((["']?[\w.\-]*(?:password|secret|signature|securitytoken|token|)re"
                       R"re(authorization)["']?\s*[=:]\s*)("(?:[^"\\]|\\.)*"|[^\s&,;}"]+))re"),
        QRegularExpression::CaseInsensitiveOption);
    QString input = QString::fromUtf8(text);
    QString output;
    qsizetype last = 0;
    auto it = pattern.globalMatch(input);
    while (it.hasNext()) {
        const auto match = it.next();
        output += QStringView(input).mid(last, match.capturedStart(2) - last);
        const QString masked = QString::fromLatin1(Redacted);
        output += match.captured(2).startsWith(u'"') ? u'"' + masked + u'"' : masked;
        last = match.capturedEnd(2);
    }
    output += QStringView(input).mid(last);
    return output.toUtf8();
}

QString redactedText(const QString &text)
{
    return QString::fromUtf8(redactText(text.toUtf8()));
}

bool looksLikeForm(const QByteArray &body)
{
    if (!body.contains('='))
        return false;
    return std::all_of(body.begin(), body.end(), [](char c) {
        return c > ' ' && c < 0x7f && c != '{' && c != '<' && c != '"';
    });
}

QString hostKeyOf(const QUrl &url)
{
    const int defaultPort = url.scheme() == QLatin1String("https") ? 443 : 80;
    return url.host().toLower() + u':' + QString::number(url.port(defaultPort));
}

// Retry-After (seconds or HTTP-date) or Alibaba's x-acs-retry-after (milliseconds); -1 if absent.
int retryAfterMs(const HeaderList &headers)
{
    const int acs = RetryAfter::fromMilliseconds(headerValue(headers, "x-acs-retry-after"));
    if (acs >= 0)
        return acs;
    return RetryAfter::fromHeader(headerValue(headers, "Retry-After"),
                                  QDateTime::currentDateTimeUtc());
}

QJsonObject jsonObjectOf(const QByteArray &body)
{
    if (body.isEmpty())
        return {};
    return QJsonDocument::fromJson(body).object();
}

QString requestIdOf(const HttpResponse &response)
{
    for (const char *name : {"X-Request-Id", "x-acs-request-id"}) {
        const QByteArray value = response.header(name).trimmed();
        if (!value.isEmpty())
            return QString::fromLatin1(value);
    }
    const QJsonObject object = jsonObjectOf(response.body);
    for (const char *key : {"RequestId", "request_id", "requestId"}) {
        const QString value = object.value(QLatin1String(key)).toString();
        if (!value.isEmpty())
            return value;
    }
    return {};
}

bool isRetryableError(const ApiError &error)
{
    switch (error.kind) {
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
    case ApiError::Kind::MalformedResponse:
    case ApiError::Kind::Throttled:
        return true;
    case ApiError::Kind::Http:
        return error.retryable;
    default:
        return false;
    }
}

QString transportErrorText(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return ApiClient::tr("connection refused");
    case QNetworkReply::RemoteHostClosedError:
        return ApiClient::tr("connection closed by the server");
    case QNetworkReply::ContentReSendError:
        return ApiClient::tr("the connection closed before an answer; the request was not sent "
                             "again, as it may already have been carried out");
    case QNetworkReply::HostNotFoundError:
        return ApiClient::tr("host not found");
    case QNetworkReply::SslHandshakeFailedError:
        return ApiClient::tr("TLS handshake failed");
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
        return ApiClient::tr("network unavailable");
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return ApiClient::tr("proxy error");
    default:
        return ApiClient::tr("network error %1").arg(int(error));
    }
}

// The error of a non-2xx response when no provider decoder recognised it.
ApiError genericHttpError(const HttpResponse &response, const QByteArray &reason)
{
    ApiError error;
    const int status = response.status;
    if (status == 401 || status == 403) {
        error.kind = ApiError::Kind::Auth;
    } else if (status == 429) {
        error.kind = ApiError::Kind::Throttled;
        error.retryable = true;
    } else {
        error.kind = ApiError::Kind::Http;
        error.retryable = status == 500 || status == 502 || status == 503 || status == 504;
    }
    // Both clouds' error shapes, so a missing decoder still shows the provider's words.
    const QJsonObject object = jsonObjectOf(response.body);
    for (const char *key : {"Code", "code", "error_code"}) {
        if (object.value(QLatin1String(key)).isString()) {
            error.code = object.value(QLatin1String(key)).toString();
            break;
        }
    }
    for (const char *key : {"Message", "message", "error_msg"}) {
        if (object.value(QLatin1String(key)).isString()) {
            error.message = object.value(QLatin1String(key)).toString();
            break;
        }
    }
    if (error.message.isEmpty()) {
        QString text = QString::fromUtf8(ApiClient::redactedBody(response.body)).simplified();
        if (text.size() > MaxFallbackMessageChars)
            text = text.left(MaxFallbackMessageChars) + QStringLiteral("…");
        error.message = text.isEmpty() ? QString::fromLatin1(reason) : text;
    }
    return error;
}

// The body of a request that must reach the server at most once. Qt 6.4's HTTP/1 channel
// silently re-sends a request when the connection closes before any answer; that re-send has
// to rewind the upload data, and refusing to rewind turns it into ContentReSendError, so a
// create that may already have happened is never sent twice behind the caller's back.
class OneShotUpload final : public QIODevice
{
public:
    OneShotUpload(const QByteArray &data, QObject *parent)
        : QIODevice(parent)
        , m_data(data)
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return false; }
    qint64 size() const override { return m_data.size(); }
    bool seek(qint64 pos) override
    {
        if (m_sentOnce && pos < m_data.size())
            return false;
        return QIODevice::seek(pos);
    }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 count = std::min(maxSize, m_data.size() - pos());
        if (count <= 0)
            return m_data.isEmpty() ? -1 : 0;
        std::copy_n(m_data.constData() + pos(), count, data);
        if (pos() + count >= m_data.size())
            m_sentOnce = true;
        return count;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    bool m_sentOnce = false;
};

ApiError cancelledError(const QString &operation)
{
    ApiError error;
    error.kind = ApiError::Kind::Cancelled;
    error.operation = operation;
    error.message = ApiClient::tr("The call was cancelled.");
    return error;
}

QString headersForLog(const HeaderList &headers)
{
    QStringList parts;
    for (const auto &[name, value] : ApiClient::redactedHeaders(headers))
        parts << QString::fromLatin1(name) + QStringLiteral(": ") + QString::fromLatin1(value);
    return parts.join(QStringLiteral("; "));
}

} // namespace

bool isLoopbackHost(const QString &host)
{
    QString name = host.trimmed().toLower();
    if (name.endsWith(u'.'))
        name.chop(1);
    if (name == QLatin1String("localhost"))
        return true;
    if (name.startsWith(u'[') && name.endsWith(u']'))
        name = name.mid(1, name.size() - 2);
    QHostAddress address;
    return address.setAddress(name) && address.isLoopback();
}

ApiClient::ApiClient(QObject *parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
{
    // Signed requests are never re-sent elsewhere behind our back; 3xx comes back as an error.
    m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

ApiClient::~ApiClient()
{
    const auto calls = std::exchange(m_calls, {});
    for (const auto &call : calls) {
        call->finished = true;
        if (call->reply) {
            QObject::disconnect(call->reply, nullptr, this, nullptr);
            call->reply->abort();
        }
        ApiError error;
        error.kind = ApiError::Kind::Cancelled;
        error.operation = call->request.operation;
        error.message = tr("The network client was shut down.");
        call->promise->addResult(Result<HttpResponse>(error));
        call->promise->finish();
    }
}

void ApiClient::setOptions(const ApiClientOptions &options)
{
    m_options = options;
    m_options.defaultTimeoutMs = std::max(0, m_options.defaultTimeoutMs);
    m_options.maxAttempts = std::max(1, m_options.maxAttempts);
    m_options.baseBackoffMs = std::max(0, m_options.baseBackoffMs);
    m_options.maxBackoffMs = std::max(0, m_options.maxBackoffMs);
    m_options.maxInFlightPerHost = std::max(1, m_options.maxInFlightPerHost);
    m_options.maxResponseBytes = std::max<qint64>(0, m_options.maxResponseBytes);
    // A raised cap lets waiting requests start now.
    const auto hosts = m_queueByHost.keys();
    for (const QString &host : hosts)
        startNext(host);
}

ApiClientOptions ApiClient::options() const
{
    return m_options;
}

QFuture<Result<HttpResponse>> ApiClient::send(HttpRequest request, RequestSigner signer,
                                              ErrorDecoder decoder)
{
    auto call = std::make_shared<Call>();
    call->promise = std::make_shared<QPromise<Result<HttpResponse>>>();
    call->promise->start();
    QFuture<Result<HttpResponse>> future = call->promise->future();
    call->request = std::move(request);
    call->signer = std::move(signer);
    call->decoder = std::move(decoder);
    call->maxAttempts
        = call->request.retry == HttpRequest::Retry::Idempotent ? m_options.maxAttempts : 1;
    m_calls.append(call);

    const QUrl &url = call->request.url;
    ApiError rejected;
    rejected.operation = call->request.operation;
    if (!url.isValid() || url.host().isEmpty()) {
        rejected.kind = ApiError::Kind::Validation;
        rejected.message = tr("The endpoint URL \"%1\" is not valid.").arg(redactedUrl(url));
    } else if (url.scheme() == QLatin1String("http") && !isLoopbackHost(url.host())) {
        rejected.kind = ApiError::Kind::InsecureEndpoint;
        rejected.message = tr("Plain HTTP is only allowed to loopback addresses; use https:// "
                              "for %1.")
                               .arg(url.host());
    } else if (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) {
        rejected.kind = ApiError::Kind::Validation;
        rejected.message = tr("The endpoint must use https:// (got \"%1\").").arg(url.scheme());
    }
    if (rejected.isError()) {
        qCDebug(lcNet).noquote() << "refused" << call->request.method << redactedUrl(url) << "-"
                                 << ApiError::kindName(rejected.kind);
        finishCall(call, rejected);
        return future;
    }

    call->hostKey = hostKeyOf(url);
    // future.cancel() stops the call: an attempt on the wire is aborted, a queued or backing-off
    // call ends at once. The future then holds no result (Qt's usual cancel semantics).
    call->watcher = new QFutureWatcher<Result<HttpResponse>>(this);
    connect(call->watcher, &QFutureWatcherBase::canceled, this, [this, call] {
        if (call->finished)
            return;
        call->cancelled = true;
        if (call->reply) {
            call->reply->abort(); // onReplyFinished reports it
            return;
        }
        auto queue = m_queueByHost.find(call->hostKey);
        if (queue != m_queueByHost.end() && queue->removeOne(call) && queue->isEmpty())
            m_queueByHost.erase(queue);
        finishCall(call, cancelledError(call->request.operation));
    });
    call->watcher->setFuture(future);
    enqueue(call);
    return future;
}

int ApiClient::requestsInFlight() const
{
    return m_inFlight;
}

QString ApiClient::redactedUrl(const QUrl &url)
{
    QString text = QString::fromUtf8(
        url.toEncoded(QUrl::RemovePassword | QUrl::RemoveQuery | QUrl::RemoveFragment));
    if (url.hasQuery())
        text += u'?' + QString::fromUtf8(redactPairs(url.query(QUrl::FullyEncoded).toUtf8()));
    return text;
}

HeaderList ApiClient::redactedHeaders(const HeaderList &headers)
{
    HeaderList result = headers;
    for (auto &[name, value] : result) {
        if (isSecretName(name))
            value = Redacted;
    }
    return result;
}

QByteArray ApiClient::redactedBody(const QByteArray &body)
{
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty())
        return body;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(trimmed, &parseError);
    if (parseError.error == QJsonParseError::NoError) {
        if (document.isObject())
            return QJsonDocument(core::maskSecrets(document.object()))
                .toJson(QJsonDocument::Compact);
        if (document.isArray())
            return QJsonDocument(core::maskSecrets(QJsonValue(document.array())).toArray())
                .toJson(QJsonDocument::Compact);
    }
    if (looksLikeForm(trimmed))
        return redactPairs(trimmed);
    return redactText(body);
}

void ApiClient::enqueue(std::shared_ptr<Call> call)
{
    m_queueByHost[call->hostKey].append(call);
    startNext(call->hostKey);
}

void ApiClient::startNext(const QString &host)
{
    // attempt() may finish a call at once (signer error) and free its slot; re-check each time.
    while (m_inFlightByHost.value(host) < m_options.maxInFlightPerHost) {
        auto queue = m_queueByHost.find(host);
        if (queue == m_queueByHost.end())
            return;
        if (queue->isEmpty()) {
            m_queueByHost.erase(queue);
            return;
        }
        std::shared_ptr<Call> call = queue->takeFirst();
        if (call->finished)
            continue;
        call->holdsSlot = true;
        ++m_inFlightByHost[host];
        ++m_inFlight;
        emit requestsInFlightChanged(m_inFlight);
        attempt(call);
    }
}

void ApiClient::releaseSlot(const std::shared_ptr<Call> &call)
{
    if (!call->holdsSlot)
        return;
    call->holdsSlot = false;
    if (--m_inFlightByHost[call->hostKey] <= 0)
        m_inFlightByHost.remove(call->hostKey);
    --m_inFlight;
    emit requestsInFlightChanged(m_inFlight);
}

void ApiClient::attempt(std::shared_ptr<Call> call)
{
    if (call->cancelled || call->promise->isCanceled()) {
        releaseSlot(call);
        finishCall(call, cancelledError(call->request.operation));
        return;
    }

    ++call->attempt;
    HttpRequest request = call->request; // the signer completes a fresh copy each attempt
    if (call->signer) {
        ApiError signError = call->signer(request);
        if (signError.isError()) {
            if (signError.operation.isEmpty())
                signError.operation = call->request.operation;
            signError.message = redactedText(signError.message);
            qCDebug(lcNet).noquote() << "not sent" << request.method << redactedUrl(request.url)
                                     << "- signing failed:" << ApiError::kindName(signError.kind);
            releaseSlot(call);
            finishCall(call, signError);
            return;
        }
    }

    call->timeoutMs = request.timeoutMs > 0 ? request.timeoutMs : m_options.defaultTimeoutMs;
    QNetworkRequest networkRequest(request.url);
    for (const auto &[name, value] : std::as_const(request.headers))
        networkRequest.setRawHeader(name, value);
    networkRequest.setTransferTimeout(call->timeoutMs);
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                QNetworkRequest::ManualRedirectPolicy);
    // API calls carry their own credentials; a gateway's cookies must not leak between accounts.
    networkRequest.setAttribute(QNetworkRequest::CookieLoadControlAttribute,
                                QNetworkRequest::Manual);
    networkRequest.setAttribute(QNetworkRequest::CookieSaveControlAttribute,
                                QNetworkRequest::Manual);

    // Redacting the body for the log costs a JSON round trip: only when the log is on.
    QByteArray loggedBody;
    if (lcNet().isDebugEnabled()) {
        loggedBody = redactedBody(request.body);
        if (loggedBody.size() > MaxLoggedBodyBytes)
            loggedBody = loggedBody.left(MaxLoggedBodyBytes) + "…";
    }
    // One multi-argument arg(): a chained arg() would substitute into the percent escapes of
    // the URL (%2F, %3A) that the first call inserted.
    qCDebug(lcNet).noquote() << QStringLiteral("-> %1 %2 %3 attempt %4/%5 headers: [%6] body: %7")
                                    .arg(call->request.operation,
                                         QString::fromLatin1(request.method),
                                         redactedUrl(request.url), QString::number(call->attempt),
                                         QString::number(call->maxAttempts),
                                         headersForLog(request.headers),
                                         QString::fromUtf8(loggedBody));

    call->received.clear();
    call->tooLarge = false;
    call->timer.start();

    QNetworkReply *reply = nullptr;
    if (request.method == "GET" && request.body.isEmpty())
        reply = m_nam->get(networkRequest);
    else if (request.method == "HEAD")
        reply = m_nam->head(networkRequest);
    else if (request.method == "DELETE" && request.body.isEmpty())
        reply = m_nam->deleteResource(networkRequest);
    else if (call->request.retry == HttpRequest::Retry::Never && !request.body.isEmpty()) {
        auto *upload = new OneShotUpload(request.body, nullptr);
        reply = m_nam->sendCustomRequest(networkRequest, request.method, upload);
        upload->setParent(reply);
    } else if (request.body.isEmpty() && !hasHeader(request.headers, "Content-Type"))
        // RPC calls POST with an empty body and no content type, as the SDKs do: every header
        // on the wire is then one the signer saw. (post() and put() would add an unsigned
        // form content type, with a warning per request.)
        reply = m_nam->sendCustomRequest(networkRequest, request.method);
    else if (request.method == "POST")
        reply = m_nam->post(networkRequest, request.body);
    else if (request.method == "PUT")
        reply = m_nam->put(networkRequest, request.body);
    else
        reply = m_nam->sendCustomRequest(networkRequest, request.method, request.body);
    call->reply = reply;

    const qint64 limit
        = request.maxResponseBytes > 0 ? request.maxResponseBytes : m_options.maxResponseBytes;
    call->limit = limit;
    auto overLimit = [call, reply] {
        call->tooLarge = true;
        call->received.clear();
        reply->abort(); // emits finished
    };
    connect(reply, &QNetworkReply::metaDataChanged, this, [call, reply, limit, overLimit] {
        if (call->tooLarge)
            return;
        bool ok = false;
        const qint64 length = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&ok);
        if (ok && length > limit)
            overLimit();
    });
    connect(reply, &QNetworkReply::readyRead, this, [call, reply, limit, overLimit] {
        if (call->tooLarge)
            return;
        call->received += reply->readAll();
        if (call->received.size() > limit)
            overLimit();
    });
    connect(reply, &QNetworkReply::finished, this,
            [this, call, reply] { onReplyFinished(call, reply); });
}

ApiError ApiClient::classify(const Call &call, QNetworkReply *reply, HttpResponse &response) const
{
    ApiError error;
    error.operation = call.request.operation;
    error.httpStatus = response.status;
    const QNetworkReply::NetworkError networkError = reply->error();
    const qint64 received = response.body.size();
    bool lengthOk = false;
    const qint64 announced
        = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&lengthOk);
    // A HEAD announces the length of the body it does not send.
    const bool truncated = lengthOk && received < announced && call.request.method != "HEAD";

    if (call.cancelled)
        return cancelledError(call.request.operation);
    if (call.tooLarge) {
        error.kind = ApiError::Kind::ResponseTooLarge;
        error.message = tr("The response is larger than the limit of %1 bytes.").arg(call.limit);
        return error;
    }
    if (networkError == QNetworkReply::OperationCanceledError
        || networkError == QNetworkReply::TimeoutError) {
        // We abort only for the size cap (handled above), so this is the transfer timeout.
        error.kind = ApiError::Kind::Timeout;
        error.retryable = true;
        error.message = tr("No data from %1 for %2 ms (%3 bytes received).")
                            .arg(call.hostKey)
                            .arg(call.timeoutMs)
                            .arg(received);
        return error;
    }
    if (response.status == 0) {
        error.kind = ApiError::Kind::Network;
        error.retryable = true;
        error.message
            = tr("Could not reach %1: %2.").arg(call.hostKey, transportErrorText(networkError));
        if (networkError == QNetworkReply::SslHandshakeFailedError) {
            error.code = QStringLiteral("TLS"); // told apart from other network failures
            error.retryable = false;
            error.message += u' ' + reply->errorString();
        }
        return error;
    }
    if (response.status >= 200 && response.status < 300) {
        if (truncated) {
            error.kind = ApiError::Kind::MalformedResponse;
            error.retryable = true;
            error.message = tr("The response was cut off: %1 of %2 bytes arrived.")
                                .arg(received)
                                .arg(announced);
            return error;
        }
        if (networkError != QNetworkReply::NoError) {
            error.kind = ApiError::Kind::Network;
            error.retryable = true;
            error.message = tr("The response from %1 broke off: %2 (%3 bytes arrived).")
                                .arg(call.hostKey, transportErrorText(networkError))
                                .arg(received);
            return error;
        }
        if (call.request.expectJson && !response.body.trimmed().isEmpty()) {
            QJsonParseError parseError;
            const QJsonDocument document = QJsonDocument::fromJson(response.body, &parseError);
            if (parseError.error != QJsonParseError::NoError) {
                error.kind = ApiError::Kind::MalformedResponse;
                error.retryable = true;
                error.message = tr("The response is not valid JSON: %1 at byte %2 (%3 bytes "
                                   "arrived).")
                                    .arg(parseError.errorString())
                                    .arg(parseError.offset)
                                    .arg(received);
                return error;
            }
            if (!document.isObject() && !document.isArray()) {
                error.kind = ApiError::Kind::MalformedResponse;
                error.retryable = true;
                error.message
                    = tr("The response is not a JSON object (%1 bytes arrived).").arg(received);
                return error;
            }
        }
        return {};
    }

    const QByteArray reason
        = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    if (response.status >= 300 && response.status < 400 && call.request.returnRedirects)
        return {};
    if (response.status >= 300 && response.status < 400) {
        error.kind = ApiError::Kind::Http;
        QUrl location(QString::fromLatin1(response.header("Location")));
        error.message = tr("The endpoint redirects to %1; redirects are not followed for signed "
                           "requests.")
                            .arg(location.isEmpty() ? tr("(no location)") : redactedUrl(location));
    } else {
        ApiError decoded = call.decoder ? call.decoder(response) : ApiError{};
        if (!decoded.isError())
            decoded = genericHttpError(response, reason);
        decoded.message = redactedText(decoded.message);
        decoded.operation = error.operation;
        decoded.httpStatus = response.status;
        error = decoded;
    }
    if (error.retryAfterMs < 0)
        error.retryAfterMs = retryAfterMs(response.headers);
    // Alibaba's gateways signal throttling by this header whatever the status and code.
    if (error.kind == ApiError::Kind::Http && !response.header("x-acs-retry-after").isEmpty())
        error.kind = ApiError::Kind::Throttled;
    if (error.kind == ApiError::Kind::Throttled)
        error.retryable = true;
    return error;
}

void ApiClient::onReplyFinished(std::shared_ptr<Call> call, QNetworkReply *reply)
{
    reply->deleteLater();
    call->reply = nullptr;
    if (call->finished)
        return;
    if (!call->tooLarge && reply->isOpen())
        call->received += reply->readAll();

    HttpResponse response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.headers = reply->rawHeaderPairs();
    response.body = std::exchange(call->received, {});

    // Headers and body first, so a decoder can fall back on response.requestId; the decoder's
    // own reading wins.
    if (response.status > 0)
        response.requestId = requestIdOf(response);
    ApiError error = classify(*call, reply, response);
    if (error.isError()) {
        if (error.requestId.isEmpty())
            error.requestId = response.requestId;
    } else if (call->decoder && response.requestId.isEmpty()) {
        // The header names the request; only without it is the body parsed for its id (a
        // page of 100 caches is 120 KB of JSON, parsed again by the caller).
        const QString decoded = call->decoder(response).requestId;
        if (!decoded.isEmpty())
            response.requestId = decoded;
    }
    const QString requestId = error.isError() ? error.requestId : response.requestId;

    qCDebug(lcNet).noquote() << QStringLiteral("<- %1 status %2 in %3 ms, %4 bytes, request id "
                                               "%5: %6")
                                    .arg(call->request.operation)
                                    .arg(response.status)
                                    .arg(call->timer.elapsed())
                                    .arg(response.body.size())
                                    .arg(requestId.isEmpty() ? QStringLiteral("-") : requestId,
                                         error.isError() ? ApiError::kindName(error.kind)
                                                         : QStringLiteral("ok"));

    const QString host = call->hostKey;
    releaseSlot(call);
    if (!error.isError())
        finishCall(call, std::move(response));
    else if (call->attempt < call->maxAttempts && isRetryableError(error))
        scheduleRetry(call, error);
    else
        finishCall(call, error);
    startNext(host);
}

void ApiClient::scheduleRetry(std::shared_ptr<Call> call, const ApiError &error)
{
    // Capped exponential backoff with full jitter; a server's Retry-After is a floor.
    const int exponent = std::min(call->attempt - 1, 30);
    const qint64 ceiling
        = std::min<qint64>(m_options.maxBackoffMs, qint64(m_options.baseBackoffMs) << exponent);
    int delay = int(QRandomGenerator::global()->bounded(ceiling + 1));
    if (error.retryAfterMs >= 0)
        delay = std::max(delay, std::min(error.retryAfterMs, m_options.maxBackoffMs));
    qCDebug(lcNet).noquote() << QStringLiteral("retry %1 in %2 ms after %3 (attempt %4/%5)")
                                    .arg(call->request.operation)
                                    .arg(delay)
                                    .arg(ApiError::kindName(error.kind))
                                    .arg(call->attempt)
                                    .arg(call->maxAttempts);
    QTimer::singleShot(delay, this, [this, call] {
        if (!call->finished)
            enqueue(call);
    });
}

void ApiClient::finishCall(std::shared_ptr<Call> call, Result<HttpResponse> result)
{
    if (call->finished)
        return;
    call->finished = true;
    m_calls.removeOne(call);
    if (call->watcher)
        call->watcher->deleteLater();
    ApiError reported = result.error();
    if (result.ok()) {
        reported = ApiError{};
        reported.operation = call->request.operation;
        reported.httpStatus = result.value().status;
        reported.requestId = result.value().requestId;
        result.setRequestId(reported.requestId);
    }
    emit callFinished(call->request.operation, reported);
    call->promise->addResult(std::move(result));
    call->promise->finish();
}

} // namespace net
