#include "layermodel.h"

namespace models {

LayerModel::LayerModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

LayerModel::~LayerModel() = default;

int LayerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_layers.size());
}

int LayerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LayerModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this || index.row() >= rowCount()
        || index.column() >= ColumnCount)
        return {};
    const core::ImageLayer &layer = m_layers[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case SortRole:
        switch (index.column()) {
        case Digest:
            return layer.layerDigest;
        case Os:
            return layer.osName;
        case OsVersion:
            return layer.osVersion;
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant LayerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Digest:
        return tr("Layer Digest");
    case Os:
        return tr("OS", "operating system");
    case OsVersion:
        return tr("OS Version", "operating system version");
    default:
        return {};
    }
}

void LayerModel::setLayers(const QList<core::ImageLayer> &layers)
{
    if (layers == m_layers)
        return;
    beginResetModel();
    m_layers = layers;
    endResetModel();
}

} // namespace models
