#include "imagecheckmodel.h"

#include "presentation.h"
#include "registrytext.h"

#include <QSet>

namespace models {

using registry::ImageCheck;

ImageCheckModel::ImageCheckModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

ImageCheckModel::~ImageCheckModel() = default;

int ImageCheckModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_checks.size());
}

int ImageCheckModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ImageCheckModel::resultText(const ImageCheck &check)
{
    switch (check.state) {
    case ImageCheck::State::Waiting:
    case ImageCheck::State::Checking:
        return tr("checking…", "image check in progress");
    case ImageCheck::State::Found:
        return tr("✓ exists (%1)", "image check: found for the platform")
            .arg(check.details.platform.toString());
    case ImageCheck::State::Failed:
        return tr("✗ %1", "image check: the named problem")
            .arg(RegistryText::problem(check.kind, check.error));
    }
    return {};
}

QString ImageCheckModel::describe(const ImageCheck &check)
{
    QString text;
    switch (check.state) {
    case ImageCheck::State::Waiting:
    case ImageCheck::State::Checking:
        text = tr("%1: checking with its registry…").arg(check.image);
        break;
    case ImageCheck::State::Found: {
        const registry::ImageDetails &details = check.details;
        text = tr("%1 exists for %2: %n layer(s), %3 compressed, %4 uncompressed; digest %5.",
                  nullptr, int(details.layers.size()))
                   .arg(check.image, details.platform.toString(),
                        RegistryText::size(details.compressedSize(), false),
                        RegistryText::size(details.uncompressedSize(),
                                           details.uncompressedEstimated()),
                        details.digest);
        break;
    }
    case ImageCheck::State::Failed:
        text = tr("%1: %2. The cache can still be created; the provider may fail to pull it.")
                   .arg(check.image, RegistryText::problem(check.kind, check.error));
        break;
    }
    if (check.state == ImageCheck::State::Found || check.state == ImageCheck::State::Failed) {
        if (check.usedFormLogin)
            text += QLatin1Char(' ') + tr("Checked with the registry login of this form.");
        if (!check.loginWarning.isEmpty())
            text += QLatin1Char(' ') + check.loginWarning;
    }
    return text;
}

QVariant ImageCheckModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this || index.row() >= rowCount()
        || index.column() >= ColumnCount)
        return {};
    const ImageCheck &check = m_checks[index.row()];
    const bool found = check.state == ImageCheck::State::Found;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Image:
            return check.image;
        case Result:
            return resultText(check);
        case Compressed:
            return found ? RegistryText::size(check.details.compressedSize(), false) : QString();
        case Uncompressed:
            return found ? RegistryText::size(check.details.uncompressedSize(),
                                              check.details.uncompressedEstimated())
                         : QString();
        default:
            return {};
        }
    case Qt::ToolTipRole:
    case Qt::AccessibleDescriptionRole:
        return describe(check);
    case Qt::ForegroundRole:
        if (index.column() == Result && check.state == ImageCheck::State::Failed)
            return Presentation::warningColor();
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Compressed || index.column() == Uncompressed)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
    case ExportRole:
        switch (index.column()) {
        case Image:
            return check.image;
        case Result:
            return int(check.state);
        case Compressed:
            return found ? check.details.compressedSize() : qint64(-1);
        case Uncompressed:
            return found ? check.details.uncompressedSize() : qint64(-1);
        default:
            return {};
        }
    case StateRole:
        return int(check.state);
    case ErrorKindRole:
        return int(check.kind);
    default:
        return {};
    }
}

QVariant ImageCheckModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Image:
        return tr("Image");
    case Result:
        return tr("Registry check");
    case Compressed:
        return tr("Compressed", "image size as pulled");
    case Uncompressed:
        return tr("Uncompressed", "image size once unpacked");
    default:
        return {};
    }
}

void ImageCheckModel::setChecks(const QList<ImageCheck> &checks)
{
    QSet<QString> wanted;
    for (const ImageCheck &check : checks)
        wanted.insert(check.image);
    for (int row = int(m_checks.size()) - 1; row >= 0; --row) {
        if (wanted.contains(m_checks.at(row).image))
            continue;
        beginRemoveRows({}, row, row);
        m_checks.removeAt(row);
        endRemoveRows();
    }
    for (int row = 0; row < checks.size(); ++row) {
        const ImageCheck &check = checks.at(row);
        int from = -1;
        for (int i = row; i < m_checks.size(); ++i) {
            if (m_checks.at(i).image == check.image) {
                from = i;
                break;
            }
        }
        if (from < 0) {
            beginInsertRows({}, row, row);
            m_checks.insert(row, check);
            endInsertRows();
            continue;
        }
        if (from != row) {
            beginMoveRows({}, from, from, {}, row);
            m_checks.move(from, row);
            endMoveRows();
        }
        if (!(m_checks.at(row) == check)) {
            m_checks[row] = check;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }
}

} // namespace models
