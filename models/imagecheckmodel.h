#pragma once

#include "itemroles.h"

#include "registry/imagepreflight.h"

#include <QAbstractTableModel>
#include <QList>

namespace models {

// The create dialog's image checks, one row per image line: whether the registry has it for
// the platform, with its compressed and uncompressed size, or the named problem with the
// registry's code and message. Updated in place from ImagePreflight::checks() (rows inserted,
// moved, removed, changed), so a row keeps its place and the keyboard focus while others change.
class ImageCheckModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageCheckModel)

public:
    enum Column { Image, Result, Compressed, Uncompressed, ColumnCount };
    Q_ENUM(Column)

    static constexpr int SortRole = models::SortRole;
    // registry::ImageCheck::State as int, on every column of the row.
    static constexpr int StateRole = models::ExportRole + 1;
    // registry::ErrorKind as int (None unless the check failed).
    static constexpr int ErrorKindRole = models::ExportRole + 2;

    explicit ImageCheckModel(QObject *parent = nullptr);
    ~ImageCheckModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setChecks(const QList<registry::ImageCheck> &checks);
    const QList<registry::ImageCheck> &checks() const { return m_checks; }

    // The result in one sentence, for the tooltip and screen readers.
    static QString resultText(const registry::ImageCheck &check);
    static QString describe(const registry::ImageCheck &check);

private:
    QList<registry::ImageCheck> m_checks;
};

} // namespace models
