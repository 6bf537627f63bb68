// HSS image answers: the pages of registry, local and CI/CD images and of base-image layers,
// as HssImageService reads them (data_list items through HuaweiMapping), and the errors.
// Input: an HTTP response (fuzzinput.h).

#include "fuzzinput.h"
#include "providers/huawei/huaweierrors.h"
#include "providers/huawei/huaweimapping.h"
#include "providers/jsonfields.h"

#include <QJsonArray>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace providers;
    using huawei::HuaweiMapping;
    const net::HttpResponse response = fuzz::response(fuzz::splitMessage(data, size));
    if (const auto body = json::parseObject(response.body)) {
        (void)json::integer(*body, "total_num");
        for (const QJsonValue &item : json::array(*body, "data_list")) {
            const QJsonObject object = item.toObject();
            (void)HuaweiMapping::imageFromRegistryJson(object);
            (void)HuaweiMapping::imageFromLocalJson(object);
            (void)HuaweiMapping::imageFromCicdJson(object);
            (void)HuaweiMapping::layerFromJson(object);
        }
    }
    (void)huawei::HuaweiErrors::decode(response).toString();
    return 0;
}
