#include "registryerrors.h"

#include "net/retryafter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace registry {

net::ApiError RegistryErrors::decode(const net::HttpResponse &response)
{
    net::ApiError error;
    error.httpStatus = response.status;
    const QJsonObject body = QJsonDocument::fromJson(response.body).object();
    const QJsonArray errors = body.value(QLatin1String("errors")).toArray();
    if (!errors.isEmpty()) {
        const QJsonObject first = errors.first().toObject();
        error.code = first.value(QLatin1String("code")).toString();
        error.message = first.value(QLatin1String("message")).toString();
        // Further errors of the same answer (rare) are kept in the message.
        for (qsizetype i = 1; i < errors.size(); ++i) {
            const QJsonObject more = errors.at(i).toObject();
            error.message += QStringLiteral("; ") + more.value(QLatin1String("code")).toString()
                             + QStringLiteral(": ")
                             + more.value(QLatin1String("message")).toString();
        }
    }
    const int status = response.status;
    if (status == 401 || status == 403 || error.code == QLatin1String("UNAUTHORIZED")
        || error.code == QLatin1String("DENIED")) {
        error.kind = net::ApiError::Kind::Auth;
    } else if (status == 429 || error.code == QLatin1String("TOOMANYREQUESTS")) {
        error.kind = net::ApiError::Kind::Throttled;
        error.retryable = true;
    } else {
        error.kind = net::ApiError::Kind::Http;
        error.retryable = status == 500 || status == 502 || status == 503 || status == 504;
    }
    error.retryAfterMs = net::RetryAfter::fromHeader(response.header("Retry-After"),
                                                     QDateTime::currentDateTimeUtc());
    if (error.message.isEmpty() && error.code.isEmpty())
        error.message = tr("HTTP %1 from the registry").arg(status);
    return error;
}

ErrorKind RegistryErrors::kindOf(const net::ApiError &error)
{
    using K = net::ApiError::Kind;
    if (!error.isError())
        return ErrorKind::None;
    const QString &code = error.code;
    if (code == QLatin1String("INVALID_REFERENCE") || code == QLatin1String("INVALID_PLATFORM"))
        return ErrorKind::InvalidReference;
    if (code == QLatin1String("NAME_UNKNOWN"))
        return ErrorKind::UnknownImage;
    if (code == QLatin1String("MANIFEST_UNKNOWN"))
        return ErrorKind::UnknownTag;
    if (code == QLatin1String("BLOB_UNKNOWN"))
        return ErrorKind::UnknownBlob;
    if (code == PlatformMissingCode)
        return ErrorKind::PlatformMissing;
    if (code == QLatin1String("DENIED") || (error.kind == K::Auth && error.httpStatus == 403))
        return ErrorKind::Denied;
    if (code == QLatin1String("UNAUTHORIZED") || error.kind == K::Auth)
        return ErrorKind::Unauthorized;
    if (code == QLatin1String("TOOMANYREQUESTS") || error.kind == K::Throttled)
        return ErrorKind::RateLimited;
    if (code == QLatin1String("TLS"))
        return ErrorKind::Tls;
    if (error.kind == K::Network || error.kind == K::Timeout)
        return ErrorKind::Network;
    if (error.kind == K::MalformedResponse || error.kind == K::ResponseTooLarge)
        return ErrorKind::Malformed;
    if (error.kind == K::Validation || error.kind == K::InsecureEndpoint)
        return ErrorKind::InvalidReference;
    return ErrorKind::Other;
}

QString RegistryErrors::kindKey(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None:
        return QStringLiteral("none");
    case ErrorKind::InvalidReference:
        return QStringLiteral("invalid-reference");
    case ErrorKind::UnknownImage:
        return QStringLiteral("unknown-image");
    case ErrorKind::UnknownTag:
        return QStringLiteral("unknown-tag");
    case ErrorKind::UnknownBlob:
        return QStringLiteral("unknown-blob");
    case ErrorKind::PlatformMissing:
        return QStringLiteral("platform-missing");
    case ErrorKind::Unauthorized:
        return QStringLiteral("unauthorized");
    case ErrorKind::Denied:
        return QStringLiteral("denied");
    case ErrorKind::RateLimited:
        return QStringLiteral("rate-limited");
    case ErrorKind::Tls:
        return QStringLiteral("tls");
    case ErrorKind::Network:
        return QStringLiteral("network");
    case ErrorKind::Malformed:
        return QStringLiteral("malformed");
    case ErrorKind::Other:
        return QStringLiteral("other");
    }
    return QStringLiteral("other");
}

net::ApiError RegistryErrors::malformed(const QString &operation, const QString &message)
{
    net::ApiError error;
    error.kind = net::ApiError::Kind::MalformedResponse;
    error.operation = operation;
    error.message = message;
    return error;
}

} // namespace registry
