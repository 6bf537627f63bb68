// ECI DescribeImageCaches pages (every cache through AlibabaMapping, Progress included), the
// create-recovery match, and Alibaba's error decoder (x-acs-retry-after). Input: an HTTP
// response (fuzzinput.h).

#include "fuzzinput.h"
#include "providers/alibaba/alibabaerrors.h"
#include "providers/alibaba/alibabamapping.h"
#include "providers/alibaba/ecicacheservice.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace providers::alibaba;
    const net::HttpResponse response = fuzz::response(fuzz::splitMessage(data, size));
    const auto page = EciCacheService::parseDescribe(response);
    if (page.ok()) {
        for (const core::ImageCache &cache : page.value().caches) {
            if (cache.progress)
                fuzz::require(*cache.progress >= 0 && *cache.progress <= 100, "Progress 0..100");
            fuzz::require(cache.retentionDays >= 0 || !cache.expires.isValid()
                              || cache.expires <= cache.created,
                          "retention from the expiry is not negative");
            const core::ImageCache again
                = AlibabaMapping::cacheFromJson(AlibabaMapping::cacheToJson(cache));
            fuzz::require(again.id == cache.id, "ECI round trip");
        }
        if (!page.value().caches.isEmpty()) {
            core::CacheSpec spec;
            spec.name = page.value().caches.constFirst().name;
            spec.images = page.value().caches.constFirst().images;
            QStringList ambiguous;
            (void)EciCacheService::createdBy(page.value().caches, spec,
                                             QDateTime::currentDateTimeUtc(), &ambiguous);
        }
    }
    const net::ApiError error = AlibabaErrors::decode(response);
    fuzz::require(error.retryAfterMs >= -1, "x-acs-retry-after in range");
    (void)error.toString();
    (void)AlibabaMapping::parseProgress(QString::fromUtf8(response.header("Progress")));
    return 0;
}
