// IAM answers: the token response (X-Subject-Token and token.expires_at) and the project
// lookup of a region, and the errors. Input: an HTTP response (fuzzinput.h).

#include "fuzzinput.h"
#include "providers/huawei/huaweiauth.h"
#include "providers/huawei/huaweierrors.h"
#include "providers/huawei/iamtokenprovider.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace providers::huawei;
    const net::HttpResponse response = fuzz::response(fuzz::splitMessage(data, size));
    (void)IamTokenProvider::parseTokenResponse(response);
    (void)HuaweiAuth::parseProjectLookup(response, QStringLiteral("cn-north-4"));
    (void)HuaweiErrors::decode(response).toString();
    return 0;
}
