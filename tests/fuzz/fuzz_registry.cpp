// A registry's answers as RegistryClient reads them: the manifest (index or image, by body or
// Content-Type), the config blob, the error body, the WWW-Authenticate challenge, the gzip
// trailer of a ranged read and the sizes a manifest claims; and the references and platforms a
// user types. Input: an HTTP response (fuzzinput.h) whose start line is the status, then
// optionally an image reference and a platform ("200 nginx:1.27 linux/arm64/v8").
// Properties: an accepted manifest has digests and non-negative sizes; sizes never overflow.

#include "fuzzinput.h"
#include "registry/authchallenge.h"
#include "registry/imagedetails.h"
#include "registry/manifestparser.h"
#include "registry/platform.h"
#include "registry/registryerrors.h"
#include "registry/registryreference.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace registry;
    const fuzz::Message message = fuzz::splitMessage(data, size);
    const net::HttpResponse response = fuzz::response(message);

    const QList<QByteArray> words = message.startLine.split(' ');
    Platform platform;
    if (words.size() > 2) {
        if (const auto parsed = Platform::parse(QString::fromUtf8(words.at(2))); parsed.ok())
            platform = parsed.value();
    }
    if (words.size() > 1) {
        if (const auto reference = RegistryReference::parse(QString::fromUtf8(words.at(1)));
            reference.ok()) {
            (void)reference.value().baseUrl();
            (void)reference.value().toString();
        }
    }

    (void)AuthChallenge::parse(response.header("WWW-Authenticate"));
    (void)RegistryErrors::decode(response).toString();

    const auto manifest
        = ManifestParser::parseManifest(response.body, response.header("Content-Type"));
    if (manifest.ok()) {
        const ParsedManifest &m = manifest.value();
        (void)m.platforms();
        if (m.isIndex) {
            if (const Descriptor *entry = m.entryFor(platform))
                fuzz::require(entry->size >= 0, "an index entry has a size");
        }
        ImageDetails details;
        details.configSize = m.config.size;
        const QByteArray trailer = response.body.right(4);
        for (const Descriptor &layer : m.layers) {
            fuzz::require(layer.size >= 0 && layer.digest.contains(QLatin1Char(':')),
                          "an accepted layer has a digest and a size");
            LayerDetails d;
            d.compressedSize = layer.size;
            d.uncompressedSize = ImageDetails::sizeFromGzipTrailer(trailer, layer.size);
            fuzz::require(trailer.size() != 4 || d.uncompressedSize >= 0, "a trailer gives a size");
            fuzz::require(ImageDetails::estimatedUncompressedSize(layer.size) >= 0,
                          "an estimate is a size");
            details.layers.append(d);
        }
        fuzz::require(details.compressedSize() >= 0 && details.uncompressedSize() >= 0,
                      "totals do not overflow");
        (void)details.toJson();
    }
    (void)ManifestParser::parseConfig(response.body);
    return 0;
}
