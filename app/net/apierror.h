#pragma once

#include <QCoreApplication>
#include <QString>

namespace net {

// Every failure a provider call can end in, as one value the UI and the CLI can show:
// the provider's code, message and request id are kept verbatim.
struct ApiError
{
    Q_DECLARE_TR_FUNCTIONS(ApiError)
public:
    enum class Kind {
        None,
        Network,           // connection refused/reset, DNS, TLS
        Timeout,           // no bytes moved within the transfer timeout
        Http,              // provider answered 4xx/5xx (code/message from its body)
        Throttled,         // 429 APIGW.0308, Throttling*, x-acs-retry-after
        Auth,              // 401/403, signature and key errors: retrying will not help
        MalformedResponse, // truncated or not the documented JSON
        ResponseTooLarge,
        InsecureEndpoint, // http:// to a non-loopback host
        Validation,       // refused before sending (client-side rules)
        Cancelled,
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString code;      // provider error code, e.g. "APIGW.0308", "Throttling.User"
    QString message;   // provider message, verbatim
    QString requestId; // X-Request-Id / x-acs-request-id / RequestId
    QString operation; // e.g. "CreateImageCache"
    bool retryable = false;
    int retryAfterMs = -1; // Retry-After / x-acs-retry-after, when the provider sent one

    bool isError() const { return kind != Kind::None; }
    // One line for status bars and stderr: "CreateImageCache failed: HTTP 400 Code: Message
    // (request id ...)".
    QString toString() const;
    static QString kindName(Kind kind);
};

} // namespace net
