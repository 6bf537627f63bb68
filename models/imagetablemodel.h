#pragma once

#include "itemroles.h"

#include "core/imageinfo.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace models {

// Container images of the image browser (Huawei HSS, Alibaba E-HPC), one row each, keyed by
// provider/account/region/id. setImages() loads the first listing with a reset and afterwards
// updates in place (insert, remove, dataChanged), so a refresh keeps the selection.
class ImageTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageTableModel)

public:
    enum Column {
        Name,
        Version,
        Type,
        Category,
        Provider,
        Account,
        Region,
        Namespace,
        Registry,
        Digest,
        Size,
        Os,
        Status,
        Created,
        Updated,
        Id,
        ColumnCount
    };
    Q_ENUM(Column)

    static constexpr int SortRole = models::SortRole;
    static constexpr int KeyRole = models::KeyRole;
    static constexpr int ProviderRole = models::ProviderRole;
    static constexpr int AccountRole = models::AccountRole;
    static constexpr int RegionRole = models::RegionRole;
    static constexpr int SearchTextRole = models::SearchTextRole;

    explicit ImageTableModel(QObject *parent = nullptr);
    ~ImageTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setImages(const QList<core::ImageInfo> &images);
    // Account id -> display name, as the other views show accounts.
    void setAccountNames(const QHash<QString, QString> &names);
    // HSS / E-HPC image types in words ("private_image" -> "Private image"); unknown as is.
    static QString typeName(const QString &imageType);
    // HSS scan_status in words ("success" -> "Scanned"); unknown as is.
    static QString scanStatusName(const QString &scanStatus);
    // One image refreshed on its own (e.g. its layers were fetched); false if not shown.
    bool updateImage(const core::ImageInfo &image);

    static QString keyOf(const core::ImageInfo &image);
    int rowOfKey(const QString &key) const;
    const core::ImageInfo *image(int row) const;
    const core::ImageInfo *imageByKey(const QString &key) const;

    // True when the listing left Size, Status or OS blank: a describe (ImageService::show)
    // fills them.
    static bool hasBlankDetails(const core::ImageInfo &image);

    // The registry reference the image is pulled by, for the registry layer detail: an E-HPC
    // container image's RegistryUrl; an HSS image of an SWR registry (SwrPrivate, SwrShared) as
    // swr.<region>.myhuaweicloud.com/<namespace>/<name>:<version>. Empty when the row names no
    // registry image the console can reach (CI/CD, local, third-party and enterprise registries,
    // VM images).
    static QString registryReference(const core::ImageInfo &image);

    // Bytes for sorting: sizeBytes, or E-HPC's "40 GiB" text parsed; -1 when unknown.
    static qint64 sizeInBytes(const core::ImageInfo &image);

private:
    struct Row
    {
        core::ImageInfo image;
        QString key;
        QString searchText;
    };

    static Row makeRow(const core::ImageInfo &image);
    QString displayText(const core::ImageInfo &image, int column) const;
    QVariant sortValue(const core::ImageInfo &image, int column) const;
    void reindex();

    QList<Row> m_rows;
    QHash<QString, int> m_rowOfKey;
    QHash<QString, QString> m_accountNames;
};

} // namespace models
