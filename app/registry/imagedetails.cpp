#include "imagedetails.h"

#include <QJsonArray>
#include <QtNumeric>

#include <limits>

namespace registry {

namespace {

constexpr qint64 MaxSize = std::numeric_limits<qint64>::max();
constexpr qint64 IsizeModulus = qint64(1) << 32;

// Sizes are a registry's claims: a hostile manifest must not make a total overflow.
qint64 addSaturated(qint64 total, qint64 size)
{
    qint64 sum = 0;
    return qAddOverflow(total, std::max<qint64>(0, size), &sum) ? MaxSize : sum;
}

} // namespace

qint64 ImageDetails::compressedSize() const
{
    qint64 total = std::max<qint64>(0, configSize);
    for (const LayerDetails &layer : layers)
        total = addSaturated(total, layer.compressedSize);
    return total;
}

qint64 ImageDetails::uncompressedSize() const
{
    qint64 total = 0;
    for (const LayerDetails &layer : layers)
        total = addSaturated(total, layer.uncompressedSize);
    return total;
}

qint64 ImageDetails::sizeFromGzipTrailer(const QByteArray &trailer, qint64 compressedSize)
{
    if (trailer.size() != 4)
        return -1;
    const auto *bytes = reinterpret_cast<const uchar *>(trailer.constData());
    qint64 size = qint64(bytes[0]) | qint64(bytes[1]) << 8 | qint64(bytes[2]) << 16
                  | qint64(bytes[3]) << 24;
    // Deflate never shrinks data by more than its stored-block framing (5 bytes a 64 KiB block)
    // plus the gzip header: the true size is at least this much. The fewest wraps that reach it.
    const qint64 lowerBound = compressedSize - compressedSize / 4096 - 65536;
    if (size < lowerBound) {
        const qint64 missing = lowerBound - size; // size < 2^32: no overflow
        const qint64 wraps = missing / IsizeModulus + (missing % IsizeModulus != 0 ? 1 : 0);
        if (wraps > (MaxSize - size) / IsizeModulus)
            return MaxSize;
        size += wraps * IsizeModulus;
    }
    return size;
}

qint64 ImageDetails::estimatedUncompressedSize(qint64 compressedSize)
{
    if (compressedSize <= 0)
        return 0;
    // Casting a double beyond the qint64 range is undefined: saturate below it (2^63 ≈ 9.22e18).
    const double estimate = double(compressedSize) * EstimatedGzipRatio;
    return estimate >= 9.0e18 ? MaxSize : qint64(estimate);
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
