#pragma once

#include "platform.h"

#include "net/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace registry {

namespace mediatype {
inline const QString OciIndex = QStringLiteral("application/vnd.oci.image.index.v1+json");
inline const QString OciManifest = QStringLiteral("application/vnd.oci.image.manifest.v1+json");
inline const QString DockerList
    = QStringLiteral("application/vnd.docker.distribution.manifest.list.v2+json");
inline const QString DockerManifest
    = QStringLiteral("application/vnd.docker.distribution.manifest.v2+json");
// The Accept of every manifest request, most specific first.
QByteArray manifestAccept();
// A layer whose blob is a gzip stream (OCI +gzip, Docker's rootfs.diff.tar.gzip and foreign).
bool isGzipLayer(const QString &mediaType);
// A layer stored as a plain tar: its blob size is its uncompressed size.
bool isUncompressedLayer(const QString &mediaType);
} // namespace mediatype

struct Descriptor
{
    QString mediaType;
    QString digest;
    qint64 size = 0;
    Platform platform; // index entries only
    bool hasPlatform = false;
};

// An index (OCI image index, Docker manifest list) or an image manifest.
struct ParsedManifest
{
    bool isIndex = false;
    QString mediaType;
    QList<Descriptor> manifests; // index
    Descriptor config;           // image manifest
    QList<Descriptor> layers;    // image manifest

    // The index entry for `platform`, skipping attestation manifests (platform unknown/unknown).
    const Descriptor *entryFor(const Platform &platform) const;
    QStringList platforms() const;
};

struct HistoryEntry
{
    QString createdBy;
    bool emptyLayer = false;
};

// The facts of an image config blob this client uses.
struct ImageConfig
{
    Platform platform;
    QDateTime created;
    QStringList diffIds;
    QList<HistoryEntry> history;
};

class ManifestParser final
{
    Q_DECLARE_TR_FUNCTIONS(ManifestParser)
public:
    // `contentType` is the response's Content-Type; the body's mediaType wins when present.
    static net::Result<ParsedManifest> parseManifest(const QByteArray &body,
                                                     const QByteArray &contentType);
    static net::Result<ImageConfig> parseConfig(const QByteArray &body);
    // "sha256:<hex>" of `data`.
    static QString sha256Digest(const QByteArray &data);
};

} // namespace registry
