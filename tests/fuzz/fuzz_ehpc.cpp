// E-HPC Instant image answers: ListImages items and GetImage's Image (container and VM specs,
// registry credentials masked) through AlibabaMapping, as EhpcImageService reads them, and the
// errors. Input: an HTTP response (fuzzinput.h).

#include "fuzzinput.h"
#include "providers/alibaba/alibabaerrors.h"
#include "providers/alibaba/alibabamapping.h"
#include "providers/jsonfields.h"

#include <QJsonArray>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace providers;
    using alibaba::AlibabaMapping;
    const net::HttpResponse response = fuzz::response(fuzz::splitMessage(data, size));
    if (const auto body = json::parseObject(response.body)) {
        (void)json::boolean(*body, "Success");
        (void)json::integer(*body, "TotalCount");
        for (const QJsonValue &item : json::array(*body, "Images"))
            (void)AlibabaMapping::imageFromListJson(item.toObject());
        const QJsonObject source = json::object(*body, "Image");
        const core::ImageInfo image = AlibabaMapping::imageFromGetJson(source);
        // The registry password never survives into what is shown, stored or exported.
        const auto credentialOf = [](const QJsonObject &o) {
            return json::object(json::object(o, "ContainerImageSpec"), "RegistryCredential");
        };
        if (credentialOf(source).contains(QLatin1String("Password")))
            fuzz::require(credentialOf(image.raw).value(QLatin1String("Password")).toString()
                              == AlibabaMapping::MaskedPassword,
                          "E-HPC registry password masked");
    }
    (void)alibaba::AlibabaErrors::decode(response).toString();
    return 0;
}
