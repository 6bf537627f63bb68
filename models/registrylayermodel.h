#pragma once

#include "itemroles.h"

#include "registry/imagedetails.h"

#include <QAbstractTableModel>

namespace models {

// The layers of one registry image for one platform, as docker history and dive list them:
// digest (short; the full sha256 in the tooltip and for copying), compressed size (the
// manifest's), uncompressed size (the gzip trailer's, or an estimate labelled so) and the
// history command that made the layer.
class RegistryLayerModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistryLayerModel)

public:
    enum Column { Digest, Compressed, Uncompressed, CreatedBy, ColumnCount };
    Q_ENUM(Column)

    static constexpr int SortRole = models::SortRole;
    // The full digest of the row's layer, on every column (what Copy digest copies).
    static constexpr int DigestRole = models::ExportRole + 1;

    explicit RegistryLayerModel(QObject *parent = nullptr);
    ~RegistryLayerModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Another image (or platform) resets the rows; the same manifest again emits nothing.
    void setImage(const registry::ImageDetails &image);
    void clear();
    const registry::ImageDetails &image() const { return m_image; }
    bool hasImage() const { return !m_image.digest.isEmpty(); }

private:
    registry::ImageDetails m_image;
};

} // namespace models
