#include "catalog.h"

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

} // namespace emulator
