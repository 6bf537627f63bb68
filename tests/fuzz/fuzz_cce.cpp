// CCE Autopilot image-cache answers: the list and show/create bodies and the error decoder,
// as CceCacheService and the transport read them. Input: an HTTP response (fuzzinput.h).

#include "fuzzinput.h"
#include "providers/huawei/ccecacheservice.h"
#include "providers/huawei/huaweierrors.h"
#include "providers/huawei/huaweimapping.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace providers::huawei;
    const net::HttpResponse response = fuzz::response(fuzz::splitMessage(data, size));
    const auto list = CceCacheService::parseList(response);
    if (list.ok()) {
        for (const core::ImageCache &cache : list.value()) {
            // What the store and the table do with every cache: map back and forth.
            const core::ImageCache again
                = HuaweiMapping::cacheFromJson(HuaweiMapping::cacheToJson(cache));
            fuzz::require(again.id == cache.id && again.name == cache.name, "CCE round trip");
        }
    }
    (void)CceCacheService::parseCache(response, QStringLiteral("ShowImageCache"));
    const net::ApiError error = HuaweiErrors::decode(response);
    fuzz::require(error.retryAfterMs >= -1, "Retry-After in range");
    (void)error.toString();
    return 0;
}
