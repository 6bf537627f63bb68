#include "catalog.h"

#include "workload/imagereference.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace emulator {

namespace {
QStringList toStringList(const QJsonValue &value)
{
    QStringList list;
    const auto array = value.toArray();
    for (const auto &item : array)
        list.append(item.toString());
    return list;
}
} // namespace

QString Catalog::Image::registryHost() const
{
    const auto slash = reference.indexOf(u'/');
    if (slash < 0)
        return {};
    const auto first = reference.left(slash);
    // Docker's rule: the first component is a registry host when it has a dot or a port.
    if (first.contains(u'.') || first.contains(u':') || first == u"localhost")
        return first;
    return {};
}

Catalog::Catalog()
{
    QFile file(QStringLiteral(":/emulator/catalog.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("imagecache-emulator: the built-in catalog resource is missing");
    const auto root = QJsonDocument::fromJson(file.readAll()).object();
    const auto images = root.value(u"images").toArray();
    for (const auto &value : images) {
        const auto o = value.toObject();
        Image image;
        image.reference = o.value(u"reference").toString();
        image.aliases = toStringList(o.value(u"aliases"));
        image.cloud = o.value(u"cloud").toString();
        image.isPrivate = o.value(u"private").toBool();
        image.os = o.value(u"os").toString();
        image.osVersion = o.value(u"osVersion").toString();
        image.compressedSize = o.value(u"compressedSize").toInteger();
        image.size = o.value(u"size").toInteger();
        image.layers = toStringList(o.value(u"layers"));
        image.baseLayers = o.value(u"baseLayers").toInt(1);
        image.digest = o.value(u"digest").toString();
        image.hss = o.value(u"hss").toObject();
        image.ehpc = o.value(u"ehpc").toObject();
        const int index = int(m_images.size());
        m_index.insert(normalize(image.reference), index);
        for (const auto &alias : std::as_const(image.aliases))
            m_index.insert(normalize(alias), index);
        m_images.append(image);
    }
    for (const auto &reference : toStringList(root.value(u"missing")))
        m_missing.insert(normalize(reference));
    const auto vms = root.value(u"ehpcVmImages").toArray();
    for (const auto &value : vms)
        m_vmImages.append(value.toObject());
}

const Catalog &Catalog::instance()
{
    static const Catalog catalog;
    return catalog;
}

QString Catalog::normalize(const QString &reference)
{
    QString ref = reference.trimmed();
    for (const auto &prefix : {QStringLiteral("docker.io/library/"), QStringLiteral("docker.io/"),
                               QStringLiteral("library/")}) {
        if (ref.startsWith(prefix)) {
            ref = ref.mid(prefix.size());
            break;
        }
    }
    const auto lastSlash = ref.lastIndexOf(u'/');
    const auto name = ref.mid(lastSlash + 1);
    if (!name.contains(u':') && !name.contains(u'@'))
        ref += QStringLiteral(":latest");
    return ref;
}

const Catalog::Image *Catalog::find(const QString &reference) const
{
    const auto it = m_index.constFind(normalize(reference));
    return it == m_index.cend() ? nullptr : &m_images.at(*it);
}

bool Catalog::isMissing(const QString &reference) const
{
    return m_missing.contains(normalize(reference));
}

std::optional<Catalog::Image> Catalog::lookup(const QString &reference) const
{
    if (const Image *entry = find(reference))
        return *entry;
    if (isMissing(reference)
        || !workload::ImageReference::parseNormalized(reference.trimmed()).isValid())
        return std::nullopt;
    return synthesise(normalize(reference));
}

Catalog::Image Catalog::synthesise(const QString &normalizedReference)
{
    const QByteArray seed
        = QCryptographicHash::hash(normalizedReference.toUtf8(), QCryptographicHash::Sha256);
    const auto byte = [&seed](int i) {
        return quint32(quint8(seed.at(i % seed.size())));
    };
    const auto digestOf = [&normalizedReference](const QString &what) {
        return QStringLiteral("sha256:")
               + QString::fromLatin1(
                   QCryptographicHash::hash((normalizedReference + u'#' + what).toUtf8(),
                                            QCryptographicHash::Sha256)
                       .toHex());
    };
    static const struct
    {
        const char *os;
        const char *version;
    } systems[] = {{"Debian", "12"}, {"Alpine", "3.20"}, {"Ubuntu", "22.04"}, {"Debian", "11"}};
    Image image;
    image.reference = normalizedReference;
    image.cloud = QStringLiteral("both");
    const auto &system = systems[byte(0) % std::size(systems)];
    image.os = QString::fromLatin1(system.os);
    image.osVersion = QString::fromLatin1(system.version);
    // 5–260 MiB compressed, 2–3.5x that decompressed: the range of common public images.
    constexpr qint64 MiB = 1024 * 1024;
    image.compressedSize = 5 * MiB + qint64((byte(1) << 8 | byte(2)) % 256) * MiB;
    image.size = image.compressedSize * (20 + qint64(byte(3) % 16)) / 10;
    const int layers = 2 + int(byte(4) % 7);
    for (int i = 0; i < layers; ++i)
        image.layers << digestOf(QStringLiteral("layer-%1").arg(i));
    image.baseLayers = 1;
    image.digest = digestOf(QStringLiteral("manifest"));
    return image;
}

} // namespace emulator
