#include "imagetablemodel.h"

#include "presentation.h"

#include <QMetaEnum>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace models {

using core::ImageInfo;

namespace {

QString osOf(const ImageInfo &image)
{
    if (!image.osTag.isEmpty())
        return image.osTag;
    if (image.hasContainerSpec && !image.containerSpec.osTag.isEmpty())
        return image.containerSpec.osTag;
    if (image.hasVmSpec && !image.vmSpec.osTag.isEmpty())
        return image.vmSpec.osTag;
    if (!image.layers.isEmpty()) {
        const core::ImageLayer &layer = image.layers.first();
        return (layer.osName + QLatin1Char(' ') + layer.osVersion).trimmed();
    }
    return {};
}

QVariant textValue(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

QVariant dateValue(const QDateTime &time)
{
    return time.isValid() ? QVariant(time) : QVariant();
}

} // namespace

ImageTableModel::ImageTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

ImageTableModel::~ImageTableModel() = default;

int ImageTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ImageTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImageTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this || index.row() >= rowCount()
        || index.column() >= ColumnCount)
        return {};
    const Row &row = m_rows[index.row()];
    const ImageInfo &image = row.image;
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayText(image, column);
    case Qt::ToolTipRole:
        if (column == Digest || column == Name || column == Registry)
            return textValue(displayText(image, column));
        if (column == Size && image.sizeBytes >= 0)
            return tr("%1 bytes").arg(image.sizeBytes);
        return {};
    case Qt::TextAlignmentRole:
        if (column == Size)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        return sortValue(image, column);
    case ExportRole:
        switch (column) {
        case Type:
            return image.imageType;
        case Provider:
            return core::providerKey(image.provider);
        case Account:
            return image.accountId;
        case Size: {
            const qint64 bytes = sizeInBytes(image);
            return bytes >= 0 ? QVariant(bytes) : QVariant(QString());
        }
        case Status:
            return image.status.isEmpty() ? image.scanStatus : image.status;
        default:
            return {}; // times from SortRole, the rest as displayed
        }
    case KeyRole:
        return row.key;
    case ProviderRole:
        return static_cast<int>(image.provider);
    case AccountRole:
        return image.accountId;
    case RegionRole:
        return image.region;
    case SearchTextRole:
        return row.searchText;
    default:
        return {};
    }
}

QString ImageTableModel::displayText(const ImageInfo &image, int column) const
{
    switch (column) {
    case Name:
        return image.name;
    case Version:
        return image.version;
    case Type:
        return typeName(image.imageType);
    case Category:
        return image.category;
    case Provider:
        return Presentation::providerName(image.provider);
    case Account:
        return m_accountNames.value(image.accountId, image.accountId);
    case Region:
        return image.region;
    case Namespace:
        return image.namespaceName;
    case Registry:
        return image.registryName;
    case Digest:
        return image.digest;
    case Size: {
        // One formatter for HSS bytes and E-HPC's "40 GiB" text alike.
        const qint64 bytes = sizeInBytes(image);
        return bytes >= 0 ? Presentation::bytes(bytes) : image.sizeText;
    }
    case Os:
        return osOf(image);
    case Status:
        // HSS has no image status, only its security scan: shown in words.
        return image.status.isEmpty() ? scanStatusName(image.scanStatus) : image.status;
    case Created:
        return Presentation::dateTime(image.created);
    case Updated:
        return Presentation::dateTime(image.updated);
    case Id:
        return image.id;
    default:
        return {};
    }
}

QVariant ImageTableModel::sortValue(const ImageInfo &image, int column) const
{
    switch (column) {
    case Size: {
        const qint64 bytes = sizeInBytes(image);
        return bytes >= 0 ? QVariant(bytes) : QVariant();
    }
    case Created:
        return dateValue(image.created);
    case Updated:
        return dateValue(image.updated);
    default:
        return textValue(displayText(image, column));
    }
}

QVariant ImageTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole)
        return section == Size ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    if (role == ExportRole) { // stable keys for tools: "name", "digest", ...
        QString key = QString::fromLatin1(QMetaEnum::fromType<Column>().valueToKey(section));
        if (!key.isEmpty())
            key[0] = key.at(0).toLower();
        return key;
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name", "container image name");
    case Version:
        return tr("Version", "container image version or tag");
    case Type:
        return tr("Type", "container image type");
    case Category:
        return tr("Category", "public or custom image");
    case Provider:
        return tr("Cloud", "cloud provider");
    case Account:
        return tr("Account");
    case Region:
        return tr("Region");
    case Namespace:
        return tr("Namespace", "registry namespace");
    case Registry:
        return tr("Registry");
    case Digest:
        return tr("Digest", "image digest");
    case Size:
        return tr("Size", "image size");
    case Os:
        return tr("OS", "operating system");
    case Status:
        return tr("Status", "image status");
    case Created:
        return tr("Created", "creation time");
    case Updated:
        return tr("Updated", "last update time");
    case Id:
        return tr("ID");
    default:
        return {};
    }
}

QString ImageTableModel::keyOf(const ImageInfo &image)
{
    return core::providerKey(image.provider) + QLatin1Char('/') + image.accountId + QLatin1Char('/')
           + image.region + QLatin1Char('/') + image.id;
}

ImageTableModel::Row ImageTableModel::makeRow(const ImageInfo &image)
{
    QStringList parts = {image.name, image.version, image.id, image.digest, image.namespaceName};
    parts.removeAll(QString());
    return Row{image, keyOf(image), parts.join(QLatin1Char('\n')).toLower()};
}

void ImageTableModel::setImages(const QList<ImageInfo> &images)
{
    // The later entry wins when a listing repeats a key.
    QList<ImageInfo> unique;
    QHash<QString, qsizetype> positionOfKey;
    unique.reserve(images.size());
    for (const ImageInfo &image : images) {
        const QString key = keyOf(image);
        const auto it = positionOfKey.constFind(key);
        if (it != positionOfKey.constEnd()) {
            unique[*it] = image;
        } else {
            positionOfKey.insert(key, unique.size());
            unique.append(image);
        }
    }

    if (m_rows.isEmpty()) {
        if (unique.isEmpty())
            return;
        beginResetModel();
        for (const ImageInfo &image : std::as_const(unique))
            m_rows.append(makeRow(image));
        reindex();
        endResetModel();
        return;
    }

    // Removals, bottom-up, one signal per contiguous run.
    QList<int> removed;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (!positionOfKey.contains(m_rows[row].key))
            removed.append(row);
    }
    for (qsizetype i = removed.size() - 1; i >= 0;) {
        const int last = removed[i];
        int first = last;
        --i;
        while (i >= 0 && removed[i] == first - 1) {
            first = removed[i];
            --i;
        }
        beginRemoveRows({}, first, last);
        m_rows.remove(first, last - first + 1);
        endRemoveRows();
    }
    if (!removed.isEmpty())
        reindex();

    // Changes in place, then new images at the end.
    QList<int> changedRows;
    QList<ImageInfo> added;
    for (const ImageInfo &image : std::as_const(unique)) {
        const auto it = m_rowOfKey.constFind(keyOf(image));
        if (it == m_rowOfKey.constEnd()) {
            added.append(image);
            continue;
        }
        Row &row = m_rows[*it];
        if (row.image == image)
            continue;
        row = makeRow(image);
        changedRows.append(*it);
    }
    if (!changedRows.isEmpty()) {
        if (changedRows.size() > m_rows.size() / 2) {
            const auto [top, bottom]
                = std::minmax_element(changedRows.cbegin(), changedRows.cend());
            emit dataChanged(index(*top, 0), index(*bottom, ColumnCount - 1));
        } else {
            for (int row : std::as_const(changedRows))
                emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }
    if (!added.isEmpty()) {
        const int first = rowCount();
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        for (const ImageInfo &image : std::as_const(added)) {
            m_rowOfKey.insert(keyOf(image), static_cast<int>(m_rows.size()));
            m_rows.append(makeRow(image));
        }
        endInsertRows();
    }
}

bool ImageTableModel::updateImage(const ImageInfo &image)
{
    const int row = rowOfKey(keyOf(image));
    if (row < 0)
        return false;
    if (m_rows[row].image != image) {
        m_rows[row] = makeRow(image);
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    return true;
}

void ImageTableModel::reindex()
{
    m_rowOfKey.clear();
    m_rowOfKey.reserve(m_rows.size());
    for (int row = 0; row < m_rows.size(); ++row)
        m_rowOfKey.insert(m_rows[row].key, row);
}

int ImageTableModel::rowOfKey(const QString &key) const
{
    return m_rowOfKey.value(key, -1);
}

const ImageInfo *ImageTableModel::image(int row) const
{
    if (row < 0 || row >= rowCount())
        return nullptr;
    return &m_rows[row].image;
}

const ImageInfo *ImageTableModel::imageByKey(const QString &key) const
{
    return image(rowOfKey(key));
}

void ImageTableModel::setAccountNames(const QHash<QString, QString> &names)
{
    if (names == m_accountNames)
        return;
    m_accountNames = names;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, Account), index(rowCount() - 1, Account));
}

QString ImageTableModel::typeName(const QString &imageType)
{
    if (imageType == QLatin1String("private_image"))
        return tr("Private image", "HSS image type");
    if (imageType == QLatin1String("shared_image"))
        return tr("Shared image", "HSS image type");
    if (imageType == QLatin1String("instance_image"))
        return tr("Enterprise instance image", "HSS image type (SWR enterprise edition)");
    if (imageType == QLatin1String("cicd"))
        return tr("CI/CD image", "HSS image type");
    return imageType;
}

QString ImageTableModel::scanStatusName(const QString &scanStatus)
{
    if (scanStatus == QLatin1String("success"))
        return tr("Scanned", "HSS scan status");
    if (scanStatus == QLatin1String("scanning"))
        return tr("Scanning", "HSS scan status");
    if (scanStatus == QLatin1String("failed"))
        return tr("Scan failed", "HSS scan status");
    if (scanStatus == QLatin1String("unscan") || scanStatus == QLatin1String("waiting_for_scan"))
        return tr("Not scanned", "HSS scan status");
    return scanStatus;
}

bool ImageTableModel::hasBlankDetails(const ImageInfo &image)
{
    return sizeInBytes(image) < 0 || (image.status.isEmpty() && image.scanStatus.isEmpty())
           || osOf(image).isEmpty();
}

qint64 ImageTableModel::sizeInBytes(const ImageInfo &image)
{
    if (image.sizeBytes >= 0)
        return image.sizeBytes;
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([KMGTP]?)(i?B)?\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(image.sizeText);
    if (!match.hasMatch())
        return -1;
    const double number = match.captured(1).toDouble();
    const QString unit = match.captured(2).toUpper();
    const QString base = match.captured(3);
    if (unit.isEmpty() && base.isEmpty() && number == 0)
        return 0;
    // E-HPC writes GiB; a bare "B" is bytes; "GB" is read as GiB too (clouds use both loosely).
    static const QString units = QStringLiteral("KMGTP");
    const int power = unit.isEmpty() ? 0 : static_cast<int>(units.indexOf(unit)) + 1;
    double bytes = number;
    for (int i = 0; i < power; ++i)
        bytes *= 1024.0;
    return static_cast<qint64>(bytes);
}

QString ImageTableModel::registryReference(const core::ImageInfo &image)
{
    if (image.provider == core::Provider::Alibaba)
        return image.hasContainerSpec ? image.containerSpec.registryUrl.trimmed() : QString();
    // HSS names SWR registries by type; SWR's host is the region's (SWR endpoint pattern).
    const QString type = image.raw.value(QLatin1String("registry_type")).toString();
    if (type != QLatin1String("SwrPrivate") && type != QLatin1String("SwrShared"))
        return {};
    if (image.region.isEmpty() || image.namespaceName.isEmpty() || image.name.isEmpty()
        || image.version.isEmpty())
        return {};
    return QStringLiteral("swr.%1.myhuaweicloud.com/%2/%3:%4")
        .arg(image.region, image.namespaceName, image.name, image.version);
}

} // namespace models
