#include "imagetable.h"

#include "cachetable.h"

namespace csv {

QStringList ImageTable::headers()
{
    return {
        tr("Provider"),      tr("ID"),        tr("Name"),         tr("Version"),
        tr("Type"),          tr("Namespace"), tr("Digest"),       tr("Size"),
        tr("Created (UTC)"), tr("OS"),        tr("Registry URL"), tr("Registry user"),
    };
}

QStringList ImageTable::row(const core::ImageInfo &image)
{
    QStringList cells(ColumnCount);
    cells[Provider] = core::providerKey(image.provider);
    cells[Id] = image.id;
    cells[Name] = image.name;
    cells[Version] = image.version;
    cells[Type] = image.imageType;
    cells[Namespace] = image.namespaceName;
    cells[Digest] = image.digest;
    // Bytes when the provider counts them (HSS), else its own text (E-HPC "40 GiB").
    cells[Size] = image.sizeBytes >= 0 ? QString::number(image.sizeBytes) : image.sizeText;
    cells[Created] = CacheTable::isoUtc(image.created);
    QString os = image.osTag;
    if (os.isEmpty() && image.hasContainerSpec)
        os = image.containerSpec.osTag;
    if (os.isEmpty() && image.hasVmSpec)
        os = image.vmSpec.osTag;
    if (os.isEmpty() && !image.layers.isEmpty())
        os = (image.layers.front().osName + QLatin1Char(' ') + image.layers.front().osVersion)
                 .trimmed();
    cells[Os] = os;
    if (image.hasContainerSpec) {
        cells[RegistryUrl] = image.containerSpec.registryUrl;
        cells[RegistryUser] = image.containerSpec.credential.userName;
    }
    return cells;
}

} // namespace csv
