#pragma once

#include <QByteArray>
#include <QList>
#include <QUrl>

#include <utility>

namespace net {

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

// Case-insensitive header helpers over an ordered list (order is kept for the wire).
QByteArray headerValue(const HeaderList &headers, const QByteArray &name);
bool hasHeader(const HeaderList &headers, const QByteArray &name);
void setHeader(HeaderList &headers, const QByteArray &name, const QByteArray &value);
void removeHeader(HeaderList &headers, const QByteArray &name);

// What a provider asks the transport to send. Signers complete it in place (headers, query),
// once per attempt, so a retry carries a fresh date and nonce.
struct HttpRequest
{
    enum class Retry {
        Never,      // writes without an idempotency token (Huawei create, deletes)
        Idempotent, // reads, and writes made idempotent by a ClientToken
    };

    QByteArray method = "GET";
    QUrl url; // query already in its final, encoded form
    HeaderList headers;
    QByteArray body;
    Retry retry = Retry::Never;
    int timeoutMs = 0; // 0: the client's default
    QString operation; // API name for logs and errors, e.g. "DescribeImageCaches"
    // Provider APIs answer JSON, and a 2xx body that is not JSON is an error; registry blobs
    // (a ranged read of 4 bytes) are not JSON.
    bool expectJson = true;
    // 3xx comes back as a response (with its Location) instead of an error, for callers that
    // follow a redirect themselves (registry blobs redirected to object storage).
    bool returnRedirects = false;
    qint64 maxResponseBytes = 0; // 0: the client's limit; a ranged read allows only a few bytes

    QByteArray header(const QByteArray &name) const { return headerValue(headers, name); }
    void setHeader(const QByteArray &name, const QByteArray &value)
    {
        net::setHeader(headers, name, value);
    }
};

struct HttpResponse
{
    int status = 0;
    HeaderList headers;
    QByteArray body;
    QString requestId; // X-Request-Id / x-acs-request-id / body RequestId

    QByteArray header(const QByteArray &name) const { return headerValue(headers, name); }
};

} // namespace net
