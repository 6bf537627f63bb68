#include "huaweierrors.h"

#include "net/retryafter.h"
#include "providers/jsonfields.h"

namespace providers::huawei {

namespace {

QString firstString(const QJsonObject &body, std::initializer_list<const char *> keys)
{
    for (const char *key : keys) {
        const QString value = json::string(body, key);
        if (!value.isEmpty())
            return value;
    }
    return {};
}

bool isAuthCode(const QString &code)
{
    // APIG spells the prefix "APIGW." (older docs: "APIG.").
    static const QStringList suffixes
        = {QStringLiteral(".0301"), QStringLiteral(".0302"), QStringLiteral(".0307")};
    if (!code.startsWith(QLatin1String("APIGW.")) && !code.startsWith(QLatin1String("APIG.")))
        return false;
    for (const QString &suffix : suffixes) {
        if (code.endsWith(suffix))
            return true;
    }
    return false;
}

bool isThrottleCode(const QString &code)
{
    return code == QLatin1String("APIGW.0308") || code == QLatin1String("APIG.0308");
}

int retryAfterMs(const net::HttpResponse &response)
{
    return net::RetryAfter::fromSeconds(response.header("Retry-After"));
}

} // namespace

net::ApiError HuaweiErrors::decode(const net::HttpResponse &response)
{
    net::ApiError error;
    error.httpStatus = response.status;

    if (const auto body = json::parseObject(response.body)) {
        // CCE: error_code | errorCode; the default handler: code; nested {"error": {...}}.
        const QJsonObject nested = json::object(*body, "error");
        error.code = firstString(*body, {"error_code", "errorCode", "code"});
        if (error.code.isEmpty())
            error.code = firstString(nested, {"code", "error_code", "errorCode"});
        error.message = firstString(*body, {"error_msg", "errorMessage"});
        const QString topMessage = json::string(*body, "message");
        if (error.message.isEmpty())
            error.message = topMessage;
        else if (!topMessage.isEmpty() && topMessage != error.message)
            error.message += QStringLiteral(", ") + topMessage; // as the CCE handler does
        if (error.message.isEmpty())
            error.message = firstString(nested, {"message", "error_msg", "errorMessage"});
        if (error.message.isEmpty())
            error.message = json::string(*body, "encoded_authorization_message");
        error.requestId = firstString(*body, {"request_id", "requestId"});
    } else {
        QString text = QString::fromUtf8(response.body).simplified();
        if (text.size() > MaxPlainMessage)
            text = text.left(MaxPlainMessage - 1) + QChar(0x2026);
        error.message = text;
    }
    if (error.requestId.isEmpty())
        error.requestId = QString::fromLatin1(response.header("X-Request-Id"));
    if (error.requestId.isEmpty())
        error.requestId = response.requestId;

    const int status = response.status;
    if (status == 429 || isThrottleCode(error.code)) {
        error.kind = net::ApiError::Kind::Throttled;
        error.retryable = true;
        error.retryAfterMs = retryAfterMs(response);
    } else if (status == 401 || status == 403 || isAuthCode(error.code)) {
        error.kind = net::ApiError::Kind::Auth;
        error.retryable = false;
    } else if (status >= 500) {
        error.kind = net::ApiError::Kind::Http;
        error.retryable = true;
        error.retryAfterMs = retryAfterMs(response);
    } else {
        error.kind = net::ApiError::Kind::Http;
        error.retryable = false;
    }
    return error;
}

} // namespace providers::huawei
