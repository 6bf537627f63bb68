#include "tagmodel.h"

namespace models {

TagModel::TagModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

TagModel::~TagModel() = default;

int TagModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_tags.size());
}

int TagModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TagModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this || index.row() >= rowCount()
        || index.column() >= ColumnCount)
        return {};
    const core::Tag &tag = m_tags[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case SortRole:
        return index.column() == Key ? tag.key : tag.value;
    default:
        return {};
    }
}

QVariant TagModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Key:
        return tr("Key", "tag key");
    case Value:
        return tr("Value", "tag value");
    default:
        return {};
    }
}

void TagModel::setTags(const QList<core::Tag> &tags)
{
    if (tags == m_tags)
        return;
    beginResetModel();
    m_tags = tags;
    endResetModel();
}

} // namespace models
