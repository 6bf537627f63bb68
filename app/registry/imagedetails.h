#pragma once

#include "platform.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace registry {

struct LayerDetails
{
    QString digest;
    QString mediaType;
    qint64 compressedSize = 0; // from the manifest
    // From the gzip trailer (ISIZE) read with a ranged GET; an estimate when the registry does
    // not serve ranges or the layer is not gzip; -1 when unknown.
    qint64 uncompressedSize = -1;
    bool uncompressedEstimated = false;
    QString diffId;    // rootfs.diff_ids of the config, in layer order
    QString createdBy; // the history command that made the layer
};

// What a registry says about one image for one platform (skopeo inspect, dive's layer view).
struct ImageDetails
{
    QString name;        // "docker.io/library/nginx"
    QString tag;         // empty when asked by digest
    QString digest;      // of the platform's manifest
    QString indexDigest; // of the index the manifest was chosen from; empty for single images
    QString mediaType;
    QStringList platforms; // every platform of the index; the one platform otherwise
    Platform platform;     // from the config
    QDateTime created;
    QString configDigest;
    qint64 configSize = 0;
    QList<LayerDetails> layers;

    // Config + Σ layers: what a pull transfers and what the registry stores.
    qint64 compressedSize() const;
    // Σ uncompressed layer sizes: what the image takes on disk once unpacked.
    qint64 uncompressedSize() const;
    bool uncompressedEstimated() const;

    QJsonObject toJson() const;

    // Applied when no ISIZE can be read: a typical gzip ratio of container filesystem layers.
    static constexpr double EstimatedGzipRatio = 2.5;
    // The uncompressed size of a gzip stream of `compressedSize` bytes whose last 4 bytes are
    // `trailer` (ISIZE, RFC 1952: the size mod 2^32, little endian); -1 when `trailer` is not 4
    // bytes. Streams of 4 GiB and more wrap: the multiple of 2^32 added is the one that makes the
    // size no smaller than the compressed size less deflate's framing. The sizes come from a
    // registry's manifest, so nothing here may overflow: the result saturates at the largest
    // qint64.
    static qint64 sizeFromGzipTrailer(const QByteArray &trailer, qint64 compressedSize);
    // compressedSize × EstimatedGzipRatio, saturated.
    static qint64 estimatedUncompressedSize(qint64 compressedSize);
};

} // namespace registry
