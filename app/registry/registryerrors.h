#pragma once

#include "net/apierror.h"
#include "net/httpmessage.h"

#include <QCoreApplication>

namespace registry {

// What went wrong asking a registry, as the user tells cases apart. The net::ApiError that
// carries it keeps the registry's own code (NAME_UNKNOWN, …) and message verbatim.
enum class ErrorKind {
    None,
    InvalidReference, // the reference (or the platform) is malformed; nothing was sent
    UnknownImage,     // NAME_UNKNOWN: no such repository
    UnknownTag,       // MANIFEST_UNKNOWN: no such tag or digest
    UnknownBlob,      // BLOB_UNKNOWN
    PlatformMissing,  // the index has no manifest for the chosen platform
    Unauthorized,     // UNAUTHORIZED / 401: credentials missing or wrong
    Denied,           // DENIED / 403: the credentials may not pull this
    RateLimited,      // TOOMANYREQUESTS / 429, with Retry-After when sent
    Tls,              // the TLS handshake failed (certificate, protocol)
    Network,          // refused, reset, DNS, timeout
    Malformed,        // not the documented manifest / config JSON
    Other,
};

class RegistryErrors final
{
    Q_DECLARE_TR_FUNCTIONS(RegistryErrors)
public:
    // net::ErrorDecoder of the Distribution API's error body
    // {"errors":[{"code":"NAME_UNKNOWN","message":"…","detail":…}]} (spec "Error codes").
    static net::ApiError decode(const net::HttpResponse &response);
    static ErrorKind kindOf(const net::ApiError &error);
    // A stable name for JSON output and tests: "unknown-image", "rate-limited", …
    static QString kindKey(ErrorKind kind);
    // A Malformed error for a body that is not what the spec says.
    static net::ApiError malformed(const QString &operation, const QString &message);

    static inline const QString PlatformMissingCode = QStringLiteral("PLATFORM_UNKNOWN");
};

} // namespace registry
