#include "registrylayermodel.h"

#include "registrytext.h"

namespace models {

RegistryLayerModel::RegistryLayerModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

RegistryLayerModel::~RegistryLayerModel() = default;

int RegistryLayerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_image.layers.size());
}

int RegistryLayerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RegistryLayerModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this || index.row() >= rowCount()
        || index.column() >= ColumnCount)
        return {};
    const registry::LayerDetails &layer = m_image.layers[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Digest:
            return RegistryText::shortDigest(layer.digest);
        case Compressed:
            return RegistryText::size(layer.compressedSize, false);
        case Uncompressed:
            return layer.uncompressedSize < 0
                       ? tr("unknown", "uncompressed size")
                       : RegistryText::size(layer.uncompressedSize, layer.uncompressedEstimated);
        case CreatedBy: {
            // One line in the table; the tooltip has it as written.
            QString command = layer.createdBy;
            command.replace(QLatin1Char('\n'), QLatin1Char(' '));
            return command;
        }
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Digest:
            return layer.diffId.isEmpty()
                       ? layer.digest
                       : tr("%1\nUncompressed (diff ID): %2").arg(layer.digest, layer.diffId);
        case Uncompressed:
            return layer.uncompressedEstimated
                       ? tr("Estimated as %1 × the compressed size: the registry did not serve "
                            "the layer's gzip trailer.")
                             .arg(registry::ImageDetails::EstimatedGzipRatio)
                       : tr("From the layer's gzip trailer (ISIZE), read with a 4-byte ranged "
                            "request.");
        case CreatedBy:
            return layer.createdBy;
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (index.column() == Compressed || index.column() == Uncompressed)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
    case ExportRole:
        switch (index.column()) {
        case Digest:
            return layer.digest;
        case Compressed:
            return layer.compressedSize;
        case Uncompressed:
            return layer.uncompressedSize;
        case CreatedBy:
            return layer.createdBy;
        default:
            return {};
        }
    case DigestRole:
        return layer.digest;
    default:
        return {};
    }
}

QVariant RegistryLayerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != ExportRole))
        return QAbstractTableModel::headerData(section, orientation, role);
    const bool key = role == ExportRole;
    switch (section) {
    case Digest:
        return key ? QStringLiteral("digest") : tr("Layer", "registry layer digest");
    case Compressed:
        return key ? QStringLiteral("compressedSize") : tr("Compressed", "layer size as pulled");
    case Uncompressed:
        return key ? QStringLiteral("uncompressedSize")
                   : tr("Uncompressed", "layer size once unpacked");
    case CreatedBy:
        return key ? QStringLiteral("createdBy") : tr("Created by", "the layer's build command");
    default:
        return {};
    }
}

void RegistryLayerModel::setImage(const registry::ImageDetails &image)
{
    if (image.digest == m_image.digest && image.layers.size() == m_image.layers.size()
        && image.name == m_image.name)
        return;
    beginResetModel();
    m_image = image;
    endResetModel();
}

void RegistryLayerModel::clear()
{
    if (m_image.layers.isEmpty() && m_image.digest.isEmpty())
        return;
    beginResetModel();
    m_image = {};
    endResetModel();
}

} // namespace models
