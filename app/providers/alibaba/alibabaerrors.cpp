#include "alibabaerrors.h"

#include "net/retryafter.h"
#include "providers/jsonfields.h"

namespace providers::alibaba {

bool AlibabaErrors::isThrottlingCode(const QString &code)
{
    return code.startsWith(QLatin1String("Throttling"))
           || code == QLatin1String("Rejected.Throttling");
}

bool AlibabaErrors::isAuthCode(const QString &code)
{
    static const QStringList exact = {
        QStringLiteral("SignatureDoesNotMatch"), QStringLiteral("IncompleteSignature"),
        QStringLiteral("NoPermission"),          QStringLiteral("InvalidAccessKeyId"),
        QStringLiteral("InvalidTimeStamp"),      QStringLiteral("Forbidden"),
    };
    static const QStringList prefixes
        = {QStringLiteral("InvalidAccessKeyId."), QStringLiteral("InvalidTimeStamp."),
           QStringLiteral("Forbidden")};
    if (exact.contains(code))
        return true;
    for (const QString &prefix : prefixes) {
        if (code.startsWith(prefix))
            return true;
    }
    return false;
}

net::ApiError AlibabaErrors::decode(const net::HttpResponse &response)
{
    net::ApiError error;
    error.httpStatus = response.status;
    QString bodyRequestId;
    if (const auto body = json::parseObject(response.body)) {
        error.code = json::string(*body, "Code");
        if (error.code.isEmpty())
            error.code = json::string(*body, "code");
        error.message = json::string(*body, "Message");
        if (error.message.isEmpty())
            error.message = json::string(*body, "message");
        bodyRequestId = json::string(*body, "RequestId");
        if (bodyRequestId.isEmpty())
            bodyRequestId = json::string(*body, "requestId");
    } else {
        QString text = QString::fromUtf8(response.body).simplified();
        if (text.size() > MaxPlainMessage)
            text = text.left(MaxPlainMessage - 1) + QChar(0x2026);
        error.message = text;
    }
    // A V1 SignatureDoesNotMatch repeats the server's string-to-sign, percent-encoded: every
    // parameter, registry passwords and STS tokens included. It helps nobody in a status bar
    // and must not reach logs or the journal: keep the sentence, drop the echo.
    static const QLatin1String echo("string to sign is:");
    if (const qsizetype at = error.message.indexOf(echo, 0, Qt::CaseInsensitive); at >= 0)
        error.message = error.message.left(at + echo.size()).trimmed()
                        + QLatin1String(" (omitted: it repeats every parameter, secrets included)");

    // darabonba's POP client prefers the header over the body.
    error.requestId = QString::fromLatin1(response.header("x-acs-request-id"));
    if (error.requestId.isEmpty())
        error.requestId = bodyRequestId;
    if (error.requestId.isEmpty())
        error.requestId = response.requestId;

    const int retryAfter = net::RetryAfter::fromMilliseconds(response.header("x-acs-retry-after"));
    const bool hasRetryAfter = retryAfter > 0;
    if (hasRetryAfter)
        error.retryAfterMs = retryAfter; // milliseconds, as darabonba reads it

    if (error.code == QLatin1String("SignatureNonceUsed")) {
        // Each attempt is signed again with a fresh nonce: a retry is the documented remedy.
        error.kind = net::ApiError::Kind::Auth;
        error.retryable = true;
    } else if (isThrottlingCode(error.code) || response.status == 429) {
        error.kind = net::ApiError::Kind::Throttled;
        error.retryable = true;
    } else if (isAuthCode(error.code)) {
        error.kind = net::ApiError::Kind::Auth;
        error.retryable = false;
    } else if (hasRetryAfter) {
        error.kind = net::ApiError::Kind::Throttled;
        error.retryable = true;
    } else if (error.code == QLatin1String("ServiceUnavailable") || response.status >= 500) {
        error.kind = net::ApiError::Kind::Http;
        error.retryable = true;
    } else if (response.status == 401 || (response.status == 403 && error.code.isEmpty())) {
        error.kind = net::ApiError::Kind::Auth;
        error.retryable = false;
    } else {
        error.kind = net::ApiError::Kind::Http;
        error.retryable = false;
    }
    return error;
}

} // namespace providers::alibaba
