#pragma once

#include "httpmessage.h"
#include "result.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace net {

struct ApiClientOptions
{
    int defaultTimeoutMs = 15000; // transfer timeout: no bytes within this → Timeout
    int maxAttempts = 4;          // for Retry::Idempotent requests (1 = no retry)
    int baseBackoffMs = 250;      // first backoff; doubles each attempt, with full jitter
    int maxBackoffMs = 10000;     // cap of one backoff (also caps Retry-After)
    int maxInFlightPerHost = 4;   // further requests to the host wait in a queue
    qint64 maxResponseBytes = 32 * 1024 * 1024;
};

// Completes a request before each attempt (date, nonce, signature). Returns an error (e.g. a
// missing secret) to fail the call without sending.
using RequestSigner = std::function<ApiError(HttpRequest &)>;
// Turns a non-2xx response into the provider's typed error (code, message, request id,
// retryable). Also used to find the request id of successful responses.
using ErrorDecoder = std::function<ApiError(const HttpResponse &)>;

// The one transport of the app: one QNetworkAccessManager, per-request transfer timeouts,
// retries with capped exponential backoff and jitter for idempotent requests only (honouring
// Retry-After / x-acs-retry-after and throttling codes), a cap on requests in flight per host,
// a response size cap, redacted debug logging (category "imagecache.net") and HTTPS except for
// loopback. Lives in, and must be used from, one thread.
class ApiClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiClient)
public:
    explicit ApiClient(QObject *parent = nullptr);
    ~ApiClient() override;

    void setOptions(const ApiClientOptions &options);
    ApiClientOptions options() const;

    // Sends `request`, signing each attempt with `signer`. The future never throws: it yields
    // the response (2xx, body checked to be JSON when non-empty) or an ApiError.
    // future.cancel() aborts the call (on the wire, queued or waiting to retry); the cancelled
    // future then holds no result.
    QFuture<Result<HttpResponse>> send(HttpRequest request, RequestSigner signer,
                                       ErrorDecoder decoder);

    int requestsInFlight() const;

    // Redacts secrets from a URL, header list or body for logs and error text.
    static QString redactedUrl(const QUrl &url);
    static HeaderList redactedHeaders(const HeaderList &headers);
    static QByteArray redactedBody(const QByteArray &body);

signals:
    void requestsInFlightChanged(int count);
    // Every finished call (after retries), for status bars and the operation journal.
    void callFinished(const QString &operation, const net::ApiError &error);

private:
    struct Call;
    void enqueue(std::shared_ptr<Call> call);
    void startNext(const QString &host);
    void attempt(std::shared_ptr<Call> call);
    void onReplyFinished(std::shared_ptr<Call> call, QNetworkReply *reply);
    void finishCall(std::shared_ptr<Call> call, Result<HttpResponse> result);
    void scheduleRetry(std::shared_ptr<Call> call, const ApiError &error);
    void releaseSlot(const std::shared_ptr<Call> &call);
    ApiError classify(const Call &call, QNetworkReply *reply, HttpResponse &response) const;

    QNetworkAccessManager *m_nam;
    ApiClientOptions m_options;
    QHash<QString, int> m_inFlightByHost;
    QHash<QString, QList<std::shared_ptr<Call>>> m_queueByHost;
    QList<std::shared_ptr<Call>> m_calls; // every unfinished call, cancelled on destruction
    int m_inFlight = 0;
};

// True for 127.0.0.0/8, ::1 and "localhost": the only hosts allowed over plain HTTP.
bool isLoopbackHost(const QString &host);

} // namespace net
