#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace emulator {

// The images the emulated registries hold (emulator/catalog.json, built in as a resource).
// Both clouds pull from it; HSS and E-HPC views are derived from the same entries.
class Catalog final
{
public:
    struct Image
    {
        QString reference;
        QStringList aliases;
        QString cloud; // huawei | alibaba | both
        bool isPrivate = false;
        QString os;
        QString osVersion;
        qint64 compressedSize = 0;
        qint64 size = 0; // decompressed, bytes
        QStringList layers;
        int baseLayers = 1;
        QString digest;
        QJsonObject hss;  // empty when HSS does not list it
        QJsonObject ehpc; // empty when E-HPC Instant does not list it

        QString registryHost() const; // "" for Docker Hub short names
    };

    Catalog();
    static const Catalog &instance();

    const QList<Image> &images() const { return m_images; }
    const QList<QJsonObject> &ehpcVmImages() const { return m_vmImages; }
    // Finds an image by reference or alias; Docker Hub names are normalized
    // ("busybox" = "busybox:latest" = "docker.io/library/busybox:latest").
    const Image *find(const QString &reference) const;
    // What a pull of `reference` finds: the catalog's entry; else, for any well-formed
    // reference not listed as missing (catalog.json "missing"), a public image whose sizes,
    // OS and layers derive from a hash of the normalised reference (the same every run), so
    // "nginx:1.27" typed into the demo builds. Empty for missing and malformed references.
    std::optional<Image> lookup(const QString &reference) const;
    bool isMissing(const QString &reference) const;
    static Image synthesise(const QString &normalizedReference);
    static QString normalize(const QString &reference);

private:
    QList<Image> m_images;
    QList<QJsonObject> m_vmImages;
    QHash<QString, int> m_index;
    QSet<QString> m_missing; // normalised
};

} // namespace emulator
