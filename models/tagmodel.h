#pragma once

#include "itemroles.h"

#include "core/imagecache.h"

#include <QAbstractTableModel>
#include <QList>

namespace models {

// The tags (labels) of the selected image cache.
class TagModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagModel)

public:
    enum Column { Key, Value, ColumnCount };
    Q_ENUM(Column)

    static constexpr int SortRole = models::SortRole;

    explicit TagModel(QObject *parent = nullptr);
    ~TagModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Replaces the list; an equal list emits nothing, so a poll does not reset the pane.
    void setTags(const QList<core::Tag> &tags);
    const QList<core::Tag> &tags() const { return m_tags; }

private:
    QList<core::Tag> m_tags;
};

} // namespace models
