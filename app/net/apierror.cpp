#include "apierror.h"

namespace net {

QString ApiError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return tr("no error");
    case Kind::Network:
        return tr("network error");
    case Kind::Timeout:
        return tr("timed out");
    case Kind::Http:
        return tr("provider error");
    case Kind::Throttled:
        return tr("throttled");
    case Kind::Auth:
        return tr("authentication failed");
    case Kind::MalformedResponse:
        return tr("malformed response");
    case Kind::ResponseTooLarge:
        return tr("response too large");
    case Kind::InsecureEndpoint:
        return tr("insecure endpoint");
    case Kind::Validation:
        return tr("invalid input");
    case Kind::Cancelled:
        return tr("cancelled");
    }
    return {};
}

QString ApiError::toString() const
{
    QString text
        = operation.isEmpty() ? kindName(kind) : tr("%1: %2").arg(operation, kindName(kind));
    if (httpStatus > 0)
        text += tr(" (HTTP %1)").arg(httpStatus);
    if (!code.isEmpty())
        text += QStringLiteral(" ") + code;
    if (!message.isEmpty())
        text += QStringLiteral(": ") + message;
    if (!requestId.isEmpty())
        text += tr(" [request id %1]").arg(requestId);
    return text;
}

} // namespace net
