#pragma once

#include "net/apierror.h"
#include "net/httpmessage.h"

namespace providers::alibaba {

// net::ErrorDecoder for ECI and E-HPC Instant (as the Tea SDKs read errors): Code|code,
// Message|message, RequestId (the x-acs-request-id header preferred), and the retry rules of
// the official code (Throttling*, ServiceUnavailable, 5xx, x-acs-retry-after).
class AlibabaErrors final
{
public:
    static net::ApiError decode(const net::HttpResponse &response);
    static bool isThrottlingCode(const QString &code);
    static bool isAuthCode(const QString &code);
    static constexpr int MaxPlainMessage = 300;
};

} // namespace providers::alibaba
