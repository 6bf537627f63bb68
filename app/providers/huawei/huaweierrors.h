#pragma once

#include "net/apierror.h"
#include "net/httpmessage.h"

namespace providers::huawei {

// net::ErrorDecoder for CCE, HSS and IAM: reads every error body
// shape the official SDKs accept and classifies the error for retries.
class HuaweiErrors final
{
public:
    static net::ApiError decode(const net::HttpResponse &response);
    // Error body text shown when the body is not JSON: trimmed and cut to this many chars.
    static constexpr int MaxPlainMessage = 300;
};

} // namespace providers::huawei
