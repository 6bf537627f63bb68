#include "cachefilterproxymodel.h"

#include "cachetablemodel.h"
#include "itemroles.h"

#include <QDateTime>
#include <QRegularExpression>

namespace models {

namespace {

bool isNullValue(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return true;
    if (value.typeId() == QMetaType::QString)
        return value.toString().isEmpty();
    return false;
}

template<typename T>
int threeWay(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

} // namespace

CacheFilterProxyModel::CacheFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    m_collator.setNumericMode(true);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    setSortRole(SortRole);
    setDynamicSortFilter(true);
}

CacheFilterProxyModel::~CacheFilterProxyModel() = default;

int CacheFilterProxyModel::defaultSortColumn()
{
    return CacheTableModel::Created;
}

void CacheFilterProxyModel::setSourceModel(QAbstractItemModel *model)
{
    for (const auto &connection : std::as_const(m_sourceConnections))
        disconnect(connection);
    m_sourceConnections.clear();
    forgetNameKeys();

    // Connected before the base class connects its own handlers, so the cached keys are
    // already dropped when the proxy re-sorts in response to the same signal.
    if (model) {
        const auto forget = [this] {
            forgetNameKeys();
        };
        m_sourceConnections
            << connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, forget)
            << connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this, forget)
            << connect(model, &QAbstractItemModel::rowsAboutToBeMoved, this, forget)
            << connect(model, &QAbstractItemModel::modelAboutToBeReset, this, forget)
            << connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this, forget)
            << connect(model, &QAbstractItemModel::dataChanged, this,
                       [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                           forgetNameKeys(topLeft, bottomRight);
                       });
    }
    QSortFilterProxyModel::setSourceModel(model);
}

void CacheFilterProxyModel::setFilterText(const QString &text)
{
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    const QStringList words = text.toLower().split(whitespace, Qt::SkipEmptyParts);
    m_filterText = text;
    if (words == m_words)
        return;
    m_words = words;
    refilter();
}

void CacheFilterProxyModel::setStatusFilter(const QSet<core::CacheStatus> &statuses)
{
    if (statuses == m_statuses)
        return;
    m_statuses = statuses;
    refilter();
}

void CacheFilterProxyModel::setProviderFilter(std::optional<core::Provider> provider)
{
    if (provider == m_provider)
        return;
    m_provider = provider;
    refilter();
}

void CacheFilterProxyModel::setAccountFilter(const QString &accountId)
{
    if (accountId == m_accountId)
        return;
    m_accountId = accountId;
    refilter();
}

void CacheFilterProxyModel::setRegionFilter(const QString &region)
{
    if (region == m_region)
        return;
    m_region = region;
    refilter();
}

void CacheFilterProxyModel::clearFilters()
{
    if (!hasFilter())
        return;
    m_filterText.clear();
    m_words.clear();
    m_statuses.clear();
    m_provider.reset();
    m_accountId.clear();
    m_region.clear();
    refilter();
}

void CacheFilterProxyModel::refilter()
{
    // A filter change can hide thousands of scattered rows. QSortFilterProxyModel announces
    // each contiguous run as its own rowsRemoved and the view lays out once per signal (one
    // keystroke over 10,000 caches: 3,500 signals, 60 ms). On large tables one layout change
    // is cheaper; persistent indexes (the selection) survive it the same way.
    if (sourceModel() && sourceModel()->rowCount() > LargeTableRows)
        invalidate();
    else
        invalidateRowsFilter();
}

bool CacheFilterProxyModel::hasFilter() const
{
    return !m_words.isEmpty() || !m_statuses.isEmpty() || m_provider || !m_accountId.isEmpty()
           || !m_region.isEmpty();
}

bool CacheFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    if (!model)
        return false;
    const QModelIndex index = model->index(sourceRow, 0, sourceParent);

    // Cheapest tests first; each role is read only when its filter is set. A model that does
    // not provide a role (images have no CacheStatus) is not filtered by it.
    if (m_provider) {
        const QVariant provider = index.data(ProviderRole);
        if (provider.isValid() && provider.toInt() != static_cast<int>(*m_provider))
            return false;
    }
    if (!m_accountId.isEmpty()) {
        const QVariant account = index.data(AccountRole);
        if (account.isValid() && account.toString() != m_accountId)
            return false;
    }
    if (!m_region.isEmpty()) {
        const QVariant region = index.data(RegionRole);
        if (region.isValid() && region.toString() != m_region)
            return false;
    }
    if (!m_statuses.isEmpty()) {
        const QVariant status = index.data(StatusRole);
        if (status.isValid()
            && !m_statuses.contains(static_cast<core::CacheStatus>(status.toInt())))
            return false;
    }
    if (!m_words.isEmpty()) {
        const QString text = index.data(SearchTextRole).toString();
        for (const QString &word : m_words) {
            if (!text.contains(word))
                return false;
        }
    }
    return true;
}

bool CacheFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const bool nameColumn = left.column() == 0;
    int cmp = 0;
    bool lNull = false;
    bool rNull = false;
    if (nameColumn) {
        // Names are compared through cached collation keys only: no QVariant per comparison.
        const NameKey &l = nameKey(left.row());
        const NameKey &r = nameKey(right.row());
        lNull = l.empty;
        rNull = r.empty;
        if (!lNull && !rNull)
            cmp = l.key.compare(r.key);
    } else {
        const QVariant l = left.data(SortRole);
        const QVariant r = right.data(SortRole);
        lNull = isNullValue(l);
        rNull = isNullValue(r);
        if (!lNull && !rNull)
            cmp = compareValues(l, r);
    }
    // Empty values go last whichever way the column is sorted (the base class inverts
    // lessThan for descending order, so undo that here).
    if (lNull != rNull)
        return sortOrder() == Qt::AscendingOrder ? rNull : lNull;

    if (cmp == 0 && !nameColumn)
        cmp = nameKey(left.row()).key.compare(nameKey(right.row()).key);
    if (cmp == 0)
        cmp = QString::compare(left.data(KeyRole).toString(), right.data(KeyRole).toString());
    return cmp < 0;
}

const CacheFilterProxyModel::NameKey &CacheFilterProxyModel::nameKey(int sourceRow) const
{
    if (sourceRow >= static_cast<int>(m_nameKeys.size()))
        m_nameKeys.resize(sourceModel()->rowCount());
    auto &slot = m_nameKeys[sourceRow];
    if (!slot) {
        const QString name = sourceModel()->index(sourceRow, 0).data(SortRole).toString();
        slot.emplace(NameKey{m_collator.sortKey(name), name.isEmpty()});
    }
    return *slot;
}

int CacheFilterProxyModel::compareValues(const QVariant &left, const QVariant &right) const
{
    const int type = left.typeId();
    if (type != right.typeId())
        return threeWay(left.toString(), right.toString());
    switch (type) {
    case QMetaType::QString:
        return m_collator.compare(left.toString(), right.toString());
    case QMetaType::Int:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::Short:
        return threeWay(left.toLongLong(), right.toLongLong());
    case QMetaType::UInt:
    case QMetaType::ULong:
    case QMetaType::ULongLong:
    case QMetaType::UShort:
        return threeWay(left.toULongLong(), right.toULongLong());
    case QMetaType::Double:
    case QMetaType::Float:
        return threeWay(left.toDouble(), right.toDouble());
    case QMetaType::QDateTime:
        return threeWay(left.toDateTime(), right.toDateTime());
    case QMetaType::QDate:
        return threeWay(left.toDate(), right.toDate());
    case QMetaType::Bool:
        return threeWay(left.toBool(), right.toBool());
    default:
        break;
    }
    const QPartialOrdering order = QVariant::compare(left, right);
    if (order == QPartialOrdering::Less)
        return -1;
    if (order == QPartialOrdering::Greater)
        return 1;
    return 0;
}

void CacheFilterProxyModel::forgetNameKeys()
{
    m_nameKeys.clear();
}

void CacheFilterProxyModel::forgetNameKeys(const QModelIndex &topLeft,
                                           const QModelIndex &bottomRight)
{
    if (topLeft.column() > 0)
        return; // the name column is not in the range
    const int last = std::min(bottomRight.row(), static_cast<int>(m_nameKeys.size()) - 1);
    for (int row = topLeft.row(); row <= last; ++row)
        m_nameKeys[row].reset();
}

} // namespace models
