#include "imagedetails.h"

#include <QJsonArray>

namespace registry {

qint64 ImageDetails::compressedSize() const
{
    qint64 total = configSize;
    for (const LayerDetails &layer : layers)
        total += layer.compressedSize;
    return total;
}

qint64 ImageDetails::uncompressedSize() const
{
    qint64 total = 0;
    for (const LayerDetails &layer : layers)
        total += std::max<qint64>(0, layer.uncompressedSize);
    return total;
}

bool ImageDetails::uncompressedEstimated() const
{
    return std::any_of(layers.begin(), layers.end(), [](const LayerDetails &layer) {
        return layer.uncompressedEstimated || layer.uncompressedSize < 0;
    });
}

QJsonObject ImageDetails::toJson() const
{
    QJsonArray layerArray;
    for (const LayerDetails &layer : layers) {
        QJsonObject object{{QStringLiteral("digest"), layer.digest},
                           {QStringLiteral("mediaType"), layer.mediaType},
                           {QStringLiteral("compressedSize"), layer.compressedSize},
                           {QStringLiteral("uncompressedSize"), layer.uncompressedSize},
                           {QStringLiteral("uncompressedEstimated"), layer.uncompressedEstimated},
                           {QStringLiteral("createdBy"), layer.createdBy}};
        if (!layer.diffId.isEmpty())
            object.insert(QStringLiteral("diffId"), layer.diffId);
        layerArray.append(object);
    }
    QJsonObject object{{QStringLiteral("name"), name},
                       {QStringLiteral("digest"), digest},
                       {QStringLiteral("mediaType"), mediaType},
                       {QStringLiteral("platform"), platform.toString()},
                       {QStringLiteral("os"), platform.os},
                       {QStringLiteral("architecture"), platform.architecture},
                       {QStringLiteral("platforms"), QJsonArray::fromStringList(platforms)},
                       {QStringLiteral("configDigest"), configDigest},
                       {QStringLiteral("configSize"), configSize},
                       {QStringLiteral("layers"), layerArray},
                       {QStringLiteral("compressedSize"), compressedSize()},
                       {QStringLiteral("uncompressedSize"), uncompressedSize()},
                       {QStringLiteral("uncompressedEstimated"), uncompressedEstimated()}};
    if (!tag.isEmpty())
        object.insert(QStringLiteral("tag"), tag);
    if (!indexDigest.isEmpty())
        object.insert(QStringLiteral("indexDigest"), indexDigest);
    if (!platform.variant.isEmpty())
        object.insert(QStringLiteral("variant"), platform.variant);
    if (created.isValid())
        object.insert(QStringLiteral("created"), created.toString(Qt::ISODate));
    return object;
}

} // namespace registry
