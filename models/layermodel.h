#pragma once

#include "itemroles.h"

#include "core/imageinfo.h"

#include <QAbstractTableModel>
#include <QList>

namespace models {

// The base-image layers of the selected image (HSS ListImageBasicImage). The digest shows in
// full so Copy gets the whole sha256.
class LayerModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LayerModel)

public:
    enum Column { Digest, Os, OsVersion, ColumnCount };
    Q_ENUM(Column)

    static constexpr int SortRole = models::SortRole;

    explicit LayerModel(QObject *parent = nullptr);
    ~LayerModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Replaces the list; an equal list emits nothing, so a poll does not reset the pane.
    void setLayers(const QList<core::ImageLayer> &layers);
    const QList<core::ImageLayer> &layers() const { return m_layers; }

private:
    QList<core::ImageLayer> m_layers;
};

} // namespace models
