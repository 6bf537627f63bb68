#include "manifestparser.h"

#include "registryerrors.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace registry {

QByteArray mediatype::manifestAccept()
{
    return (OciIndex + QStringLiteral(", ") + OciManifest + QStringLiteral(", ") + DockerList
            + QStringLiteral(", ") + DockerManifest)
        .toLatin1();
}

bool mediatype::isGzipLayer(const QString &mediaType)
{
    return mediaType.endsWith(QLatin1String("+gzip"))
           || mediaType.endsWith(QLatin1String(".tar.gzip"));
}

bool mediatype::isUncompressedLayer(const QString &mediaType)
{
    return mediaType.endsWith(QLatin1String(".tar"));
}

namespace {

Descriptor descriptorOf(const QJsonObject &object)
{
    Descriptor descriptor;
    descriptor.mediaType = object.value(QLatin1String("mediaType")).toString();
    descriptor.digest = object.value(QLatin1String("digest")).toString();
    descriptor.size = object.value(QLatin1String("size")).toInteger(-1);
    const QJsonObject platform = object.value(QLatin1String("platform")).toObject();
    if (!platform.isEmpty()) {
        descriptor.hasPlatform = true;
        descriptor.platform.os = platform.value(QLatin1String("os")).toString();
        descriptor.platform.architecture = platform.value(QLatin1String("architecture")).toString();
        descriptor.platform.variant = platform.value(QLatin1String("variant")).toString();
    }
    return descriptor;
}

bool validDescriptor(const Descriptor &descriptor)
{
    return descriptor.digest.contains(QLatin1Char(':')) && descriptor.size >= 0;
}

} // namespace

const Descriptor *ParsedManifest::entryFor(const Platform &platform) const
{
    for (const Descriptor &entry : manifests) {
        if (entry.hasPlatform && platform.matches(entry.platform))
            return &entry;
    }
    return nullptr;
}

QStringList ParsedManifest::platforms() const
{
    QStringList list;
    for (const Descriptor &entry : manifests) {
        if (entry.hasPlatform && entry.platform.os != QLatin1String("unknown"))
            list << entry.platform.toString();
    }
    return list;
}

net::Result<ParsedManifest> ManifestParser::parseManifest(const QByteArray &body,
                                                          const QByteArray &contentType)
{
    const QString operation = QStringLiteral("GetManifest");
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (!document.isObject())
        return RegistryErrors::malformed(operation, tr("The manifest is not a JSON object."));
    const QJsonObject object = document.object();
    ParsedManifest manifest;
    manifest.mediaType = object.value(QLatin1String("mediaType")).toString();
    if (manifest.mediaType.isEmpty())
        manifest.mediaType = QString::fromLatin1(contentType.split(';').first().trimmed());
    const int schemaVersion = object.value(QLatin1String("schemaVersion")).toInt();
    if (schemaVersion != 2)
        return RegistryErrors::malformed(
            operation,
            tr("Manifest schema version %1 is not supported (only 2).").arg(schemaVersion));

    const bool index
        = manifest.mediaType == mediatype::OciIndex || manifest.mediaType == mediatype::DockerList
          || (manifest.mediaType.isEmpty() && object.contains(QLatin1String("manifests")));
    if (index) {
        manifest.isIndex = true;
        for (const QJsonValue &value : object.value(QLatin1String("manifests")).toArray()) {
            const Descriptor entry = descriptorOf(value.toObject());
            if (!validDescriptor(entry))
                return RegistryErrors::malformed(operation,
                                                 tr("An index entry has no digest or size."));
            manifest.manifests << entry;
        }
        return manifest;
    }
    if (!object.value(QLatin1String("config")).isObject())
        return RegistryErrors::malformed(
            operation, tr("The manifest (%1) has no config.").arg(manifest.mediaType));
    manifest.config = descriptorOf(object.value(QLatin1String("config")).toObject());
    if (!validDescriptor(manifest.config))
        return RegistryErrors::malformed(operation, tr("The config has no digest or size."));
    for (const QJsonValue &value : object.value(QLatin1String("layers")).toArray()) {
        const Descriptor layer = descriptorOf(value.toObject());
        if (!validDescriptor(layer))
            return RegistryErrors::malformed(operation, tr("A layer has no digest or size."));
        manifest.layers << layer;
    }
    return manifest;
}

net::Result<ImageConfig> ManifestParser::parseConfig(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject())
        return RegistryErrors::malformed(QStringLiteral("GetConfig"),
                                         tr("The image config is not a JSON object."));
    const QJsonObject object = document.object();
    ImageConfig config;
    config.platform.os = object.value(QLatin1String("os")).toString();
    config.platform.architecture = object.value(QLatin1String("architecture")).toString();
    config.platform.variant = object.value(QLatin1String("variant")).toString();
    config.created = QDateTime::fromString(object.value(QLatin1String("created")).toString(),
                                           Qt::ISODateWithMs);
    const QJsonObject rootfs = object.value(QLatin1String("rootfs")).toObject();
    for (const QJsonValue &value : rootfs.value(QLatin1String("diff_ids")).toArray())
        config.diffIds << value.toString();
    for (const QJsonValue &value : object.value(QLatin1String("history")).toArray()) {
        const QJsonObject entry = value.toObject();
        config.history << HistoryEntry{entry.value(QLatin1String("created_by")).toString(),
                                       entry.value(QLatin1String("empty_layer")).toBool()};
    }
    return config;
}

QString ManifestParser::sha256Digest(const QByteArray &data)
{
    return QStringLiteral("sha256:")
           + QString::fromLatin1(
               QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

} // namespace registry
