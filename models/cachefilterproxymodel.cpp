#include "cachefilterproxymodel.h"

#include "cachetablemodel.h"
#include "itemroles.h"

#include <QDateTime>
#include <QRegularExpression>

#include <algorithm>
#include <numeric>

namespace models {

namespace {

// Up to this many contiguous runs of rows leaving or joining the view are announced as row
// removals and insertions (the view moves the current row to a neighbour, as it does for any
// removal); beyond it, one layout change is cheaper for the views than thousands of signals
// (one keystroke over 10,000 caches hides some 3,500 scattered runs).
constexpr int maxAnnouncedRuns = 32;

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

int compareValues(const QCollator &collator, const QVariant &left, const QVariant &right)
{
    const int type = left.typeId();
    if (type != right.typeId())
        return threeWay(left.toString(), right.toString());
    switch (type) {
    case QMetaType::QString:
        return collator.compare(left.toString(), right.toString());
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

// Contiguous runs [first, last] of an ascending list of positions.
std::vector<std::pair<int, int>> runsOf(const std::vector<int> &positions)
{
    std::vector<std::pair<int, int>> runs;
    for (const int p : positions) {
        if (!runs.empty() && runs.back().second + 1 == p)
            runs.back().second = p;
        else
            runs.emplace_back(p, p);
    }
    return runs;
}

} // namespace

CacheFilterProxyModel::CacheFilterProxyModel(QObject *parent)
    : QAbstractProxyModel(parent)
{
    m_collator.setNumericMode(true);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
}

CacheFilterProxyModel::~CacheFilterProxyModel() = default;

int CacheFilterProxyModel::defaultSortColumn()
{
    return CacheTableModel::Created;
}

void CacheFilterProxyModel::setSourceModel(QAbstractItemModel *model)
{
    beginResetModel();
    for (const auto &connection : std::as_const(m_sourceConnections))
        disconnect(connection);
    m_sourceConnections.clear();
    QAbstractProxyModel::setSourceModel(model);
    if (model) {
        using M = QAbstractItemModel;
        m_sourceConnections
            << connect(model, &M::dataChanged, this, &CacheFilterProxyModel::onDataChanged)
            << connect(model, &M::headerDataChanged, this,
                       [this](Qt::Orientation orientation, int first, int last) {
                           if (orientation == Qt::Horizontal)
                               emit headerDataChanged(orientation, first, last);
                       })
            << connect(model, &M::rowsAboutToBeRemoved, this,
                       &CacheFilterProxyModel::onRowsAboutToBeRemoved)
            << connect(model, &M::rowsRemoved, this, &CacheFilterProxyModel::onRowsRemoved)
            << connect(model, &M::rowsAboutToBeInserted, this,
                       &CacheFilterProxyModel::onRowsAboutToBeInserted)
            << connect(model, &M::rowsInserted, this, &CacheFilterProxyModel::onRowsInserted)
            << connect(model, &M::layoutAboutToBeChanged, this,
                       &CacheFilterProxyModel::onSourceLayoutAboutToBeChanged)
            << connect(model, &M::layoutChanged, this,
                       &CacheFilterProxyModel::onSourceLayoutChanged)
            << connect(model, &M::rowsAboutToBeMoved, this,
                       &CacheFilterProxyModel::onSourceLayoutAboutToBeChanged)
            << connect(model, &M::rowsMoved, this, &CacheFilterProxyModel::onSourceLayoutChanged)
            << connect(model, &QObject::destroyed, this,
                       [this] {
                           beginResetModel();
                           m_sourceConnections.clear();
                           for (auto *rows :
                                {&m_sorted, &m_proxyToSource, &m_sourceToProxy, &m_changedRows})
                               rows->clear();
                           m_accepted.clear();
                           m_changedMark.clear();
                           m_sortKeys.clear();
                           m_nameKeys.clear();
                           endResetModel();
                       })
            << connect(model, &M::modelAboutToBeReset, this, [this] { beginResetModel(); })
            << connect(model, &M::modelReset, this, [this] {
                   rebuild();
                   endResetModel();
               });
        // Columns never change in these tables; should one, start again.
        for (const auto about : {&M::columnsAboutToBeInserted, &M::columnsAboutToBeRemoved})
            m_sourceConnections << connect(model, about, this, [this] { beginResetModel(); });
        for (const auto done : {&M::columnsInserted, &M::columnsRemoved})
            m_sourceConnections << connect(model, done, this, [this] {
                rebuild();
                endResetModel();
            });
        if (auto *cacheModel = qobject_cast<CacheTableModel *>(model)) {
            m_sourceConnections << connect(cacheModel, &CacheTableModel::changeSetAboutToBeApplied,
                                           this, [this] { m_inChangeSet = true; })
                                << connect(cacheModel, &CacheTableModel::changeSetApplied, this,
                                           [this] {
                                               m_inChangeSet = false;
                                               flushChanged();
                                           });
        }
    }
    rebuild();
    endResetModel();
}

QModelIndex CacheFilterProxyModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= static_cast<int>(m_proxyToSource.size()) || column < 0
        || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex CacheFilterProxyModel::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex CacheFilterProxyModel::sibling(int row, int column, const QModelIndex &) const
{
    return index(row, column);
}

int CacheFilterProxyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_proxyToSource.size());
}

int CacheFilterProxyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !sourceModel() ? 0 : sourceModel()->columnCount();
}

bool CacheFilterProxyModel::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && rowCount() > 0 && columnCount() > 0;
}

QModelIndex CacheFilterProxyModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || proxyIndex.model() != this
        || proxyIndex.row() >= static_cast<int>(m_proxyToSource.size()))
        return {};
    return sourceModel()->index(m_proxyToSource[proxyIndex.row()], proxyIndex.column());
}

QModelIndex CacheFilterProxyModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.model() != sourceModel()
        || sourceIndex.row() >= static_cast<int>(m_sourceToProxy.size()))
        return {};
    const int row = m_sourceToProxy[sourceIndex.row()];
    return row < 0 ? QModelIndex() : createIndex(row, sourceIndex.column());
}

QVariant CacheFilterProxyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!sourceModel())
        return {};
    if (orientation == Qt::Horizontal)
        return sourceModel()->headerData(section, orientation, role);
    if (section < 0 || section >= rowCount())
        return {};
    return sourceModel()->headerData(m_proxyToSource[section], orientation, role);
}

void CacheFilterProxyModel::sort(int column, Qt::SortOrder order)
{
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    if (column != m_sortColumn)
        m_sortKeys.assign(m_accepted.size(), std::nullopt);
    m_sortColumn = column < 0 ? -1 : column;
    m_sortOrder = order;
    flushChanged();
    sortAll();
    applyLayout(visibleRows());
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

bool CacheFilterProxyModel::hasFilter() const
{
    return !m_words.isEmpty() || !m_statuses.isEmpty() || m_provider || !m_accountId.isEmpty()
           || !m_region.isEmpty();
}

void CacheFilterProxyModel::refilter()
{
    flushChanged();
    for (int row = 0; row < static_cast<int>(m_accepted.size()); ++row)
        m_accepted[row] = filterAcceptsRow(row);
    applyLayout(visibleRows());
}

bool CacheFilterProxyModel::filterAcceptsRow(int sourceRow) const
{
    const QAbstractItemModel *model = sourceModel();
    if (!model)
        return false;
    if (!hasFilter())
        return true;
    const QModelIndex index = model->index(sourceRow, 0);

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
        // A cache table hands out its search text without a QVariant per row.
        const auto *caches = qobject_cast<const CacheTableModel *>(model);
        const QString text
            = caches ? caches->searchText(sourceRow) : index.data(SearchTextRole).toString();
        for (const QString &word : m_words) {
            if (!text.contains(word))
                return false;
        }
    }
    return true;
}

CacheFilterProxyModel::SortKey CacheFilterProxyModel::makeKey(const QVariant &value) const
{
    SortKey key;
    key.value = value;
    key.type = value.typeId();
    if (isNullValue(value))
        return key; // Null
    switch (key.type) {
    case QMetaType::QString:
        key.kind = SortKey::Text;
        key.text.emplace(m_collator.sortKey(value.toString()));
        break;
    case QMetaType::Int:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::Short:
    case QMetaType::Bool:
        key.kind = SortKey::Signed;
        key.number = value.toLongLong();
        break;
    case QMetaType::UInt:
    case QMetaType::ULong:
    case QMetaType::ULongLong:
    case QMetaType::UShort:
        key.kind = SortKey::Unsigned;
        key.number = static_cast<qint64>(value.toULongLong());
        break;
    case QMetaType::Double:
    case QMetaType::Float:
        key.kind = SortKey::Real;
        key.real = value.toDouble();
        break;
    case QMetaType::QDateTime: {
        const QDateTime time = value.toDateTime();
        key.kind = time.isValid() ? SortKey::Signed : SortKey::Other;
        key.number = time.isValid() ? time.toMSecsSinceEpoch() : 0;
        break;
    }
    case QMetaType::QDate: {
        const QDate date = value.toDate();
        key.kind = date.isValid() ? SortKey::Signed : SortKey::Other;
        key.number = date.isValid() ? date.toJulianDay() : 0;
        break;
    }
    default:
        key.kind = SortKey::Other;
        break;
    }
    return key;
}

int CacheFilterProxyModel::compareKeys(const SortKey &left, const SortKey &right) const
{
    if (left.type != right.type || left.kind != right.kind || left.kind == SortKey::Other)
        return compareValues(m_collator, left.value, right.value);
    switch (left.kind) {
    case SortKey::Text:
        return left.text->compare(*right.text);
    case SortKey::Signed:
        return threeWay(left.number, right.number);
    case SortKey::Unsigned:
        return threeWay(static_cast<quint64>(left.number), static_cast<quint64>(right.number));
    case SortKey::Real:
        return threeWay(left.real, right.real);
    default:
        return compareValues(m_collator, left.value, right.value);
    }
}

const CacheFilterProxyModel::SortKey &CacheFilterProxyModel::nameKey(int sourceRow) const
{
    auto &slot = m_nameKeys[sourceRow];
    if (slot && slot->stale) {
        const QString name = sourceModel()->index(sourceRow, 0).data(SortRole).toString();
        if (name == slot->value.toString())
            slot->stale = false;
        else
            slot.reset();
    }
    if (!slot) {
        const QString name = sourceModel()->index(sourceRow, 0).data(SortRole).toString();
        SortKey key;
        key.value = name;
        key.kind = name.isEmpty() ? SortKey::Null : SortKey::Text;
        key.text.emplace(m_collator.sortKey(name));
        slot.emplace(std::move(key));
    }
    return *slot;
}

const CacheFilterProxyModel::SortKey &CacheFilterProxyModel::sortKey(int sourceRow) const
{
    if (m_sortColumn == 0)
        return nameKey(sourceRow);
    auto &slot = m_sortKeys[sourceRow];
    if (slot && slot->stale) {
        const QVariant value = sourceModel()->index(sourceRow, m_sortColumn).data(SortRole);
        if (value == slot->value)
            slot->stale = false;
        else
            slot.emplace(makeKey(value));
    }
    if (!slot)
        slot.emplace(makeKey(sourceModel()->index(sourceRow, m_sortColumn).data(SortRole)));
    return *slot;
}

bool CacheFilterProxyModel::lessThan(int left, int right) const
{
    const bool nameColumn = m_sortColumn == 0;
    const SortKey &l = sortKey(left);
    const SortKey &r = sortKey(right);
    const bool lNull = l.kind == SortKey::Null;
    const bool rNull = r.kind == SortKey::Null;
    // Empty values go last whichever way the column is sorted (before() inverts lessThan for
    // descending order, so undo that here).
    if (lNull != rNull)
        return m_sortOrder == Qt::AscendingOrder ? rNull : lNull;
    int cmp = 0;
    if (!lNull)
        cmp = nameColumn ? l.text->compare(*r.text) : compareKeys(l, r);
    if (cmp == 0 && !nameColumn)
        cmp = nameKey(left).text->compare(*nameKey(right).text);
    if (cmp == 0) {
        const QAbstractItemModel *model = sourceModel();
        cmp = QString::compare(model->index(left, 0).data(KeyRole).toString(),
                               model->index(right, 0).data(KeyRole).toString());
    }
    return cmp < 0;
}

bool CacheFilterProxyModel::before(int left, int right) const
{
    return m_sortOrder == Qt::AscendingOrder ? lessThan(left, right) : lessThan(right, left);
}

void CacheFilterProxyModel::rebuild()
{
    const int rows = sourceModel() ? sourceModel()->rowCount() : 0;
    m_accepted.assign(rows, 1);
    m_sortKeys.assign(rows, std::nullopt);
    m_nameKeys.assign(rows, std::nullopt);
    m_changedRows.clear();
    m_changedMark.assign(rows, 0);
    if (hasFilter()) {
        for (int row = 0; row < rows; ++row)
            m_accepted[row] = filterAcceptsRow(row);
    }
    sortAll();
    setRows(visibleRows());
}

void CacheFilterProxyModel::sortAll()
{
    m_sorted.resize(m_accepted.size());
    std::iota(m_sorted.begin(), m_sorted.end(), 0);
    if (m_sortColumn < 0 || m_sortColumn >= columnCount())
        return;
    // Every row's key first, in row order: the comparisons then only read them.
    for (int row = 0; row < static_cast<int>(m_sorted.size()); ++row)
        (void)sortKey(row);
    // The order is total (ties go to the name, then the id): no need for a stable sort.
    if (sortByCompactKeys())
        return;
    std::sort(m_sorted.begin(), m_sorted.end(),
              [this](int left, int right) { return before(left, right); });
}

namespace {

// Sorts `rows` by `compare` (three-way, over compact per-row keys), then each run of rows that
// compare equal by `before`, the full rule.
template<typename Compare, typename Before>
void sortThenBreakTies(std::vector<int> &rows, bool ascending, Compare compare, Before before)
{
    std::sort(rows.begin(), rows.end(), [&](int left, int right) {
        const int cmp = compare(left, right);
        return ascending ? cmp < 0 : cmp > 0;
    });
    for (auto first = rows.begin(); first != rows.end();) {
        auto last = std::next(first);
        while (last != rows.end() && compare(*first, *last) == 0)
            ++last;
        if (std::distance(first, last) > 1)
            std::sort(first, last, before);
        first = last;
    }
}

} // namespace

// Sorting 100,000 rows is bound by memory latency, not by the comparisons: when every row's key
// is text (or every one a number) of one type, the comparator reads a compact copy of the keys
// (8 bytes a row) instead of each row's key slot. Mixed or empty values take the full rule.
bool CacheFilterProxyModel::sortByCompactKeys()
{
    const int rows = static_cast<int>(m_sorted.size());
    if (rows == 0)
        return true;
    const SortKey &first = sortKey(0);
    const SortKey::Kind kind = first.kind;
    const int type = first.type;
    if (kind != SortKey::Text && kind != SortKey::Signed)
        return false;
    std::vector<QCollatorSortKey> texts;
    std::vector<qint64> numbers;
    if (kind == SortKey::Text)
        texts.reserve(rows);
    else
        numbers.reserve(rows);
    for (int row = 0; row < rows; ++row) {
        const SortKey &key = sortKey(row);
        if (key.kind != kind || key.type != type)
            return false;
        if (kind == SortKey::Text)
            texts.push_back(*key.text);
        else
            numbers.push_back(key.number);
    }
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    const auto before = [this](int left, int right) {
        return this->before(left, right);
    };
    if (kind == SortKey::Text)
        sortThenBreakTies(
            m_sorted, ascending,
            [&texts](int left, int right) { return texts[left].compare(texts[right]); }, before);
    else
        sortThenBreakTies(
            m_sorted, ascending,
            [&numbers](int left, int right) { return threeWay(numbers[left], numbers[right]); },
            before);
    return true;
}

std::vector<int> CacheFilterProxyModel::visibleRows() const
{
    std::vector<int> rows;
    rows.reserve(m_sorted.size());
    for (const int row : m_sorted) {
        if (m_accepted[row])
            rows.push_back(row);
    }
    return rows;
}

void CacheFilterProxyModel::setRows(std::vector<int> visible)
{
    m_proxyToSource = std::move(visible);
    m_sourceToProxy.assign(m_accepted.size(), -1);
    for (int row = 0; row < static_cast<int>(m_proxyToSource.size()); ++row)
        m_sourceToProxy[m_proxyToSource[row]] = row;
}

void CacheFilterProxyModel::applyLayout(std::vector<int> visible)
{
    if (visible == m_proxyToSource)
        return;

    // Rows leaving and joining the view: a few runs are announced as such.
    std::vector<int> joining;
    for (int row = 0; row < static_cast<int>(visible.size()); ++row) {
        if (m_sourceToProxy[visible[row]] < 0)
            joining.push_back(row);
    }
    std::vector<int> leaving;
    // As many rows as before and none new: the same rows (a re-sort), nothing leaves.
    if (!joining.empty() || visible.size() != m_proxyToSource.size()) {
        std::vector<char> stays(m_accepted.size(), 0);
        for (const int source : visible)
            stays[source] = 1;
        for (int row = 0; row < static_cast<int>(m_proxyToSource.size()); ++row) {
            if (!stays[m_proxyToSource[row]])
                leaving.push_back(row);
        }
    }
    const auto leavingRuns = runsOf(leaving);
    const auto joiningRuns = runsOf(joining);
    const bool announce
        = leavingRuns.size() + joiningRuns.size() <= static_cast<std::size_t>(maxAnnouncedRuns);

    // From the bottom up, so the rows above keep their numbers.
    if (announce) {
        for (auto run = leavingRuns.crbegin(); run != leavingRuns.crend(); ++run) {
            beginRemoveRows({}, run->first, run->second);
            for (int row = run->first; row <= run->second; ++row)
                m_sourceToProxy[m_proxyToSource[row]] = -1;
            m_proxyToSource.erase(m_proxyToSource.begin() + run->first,
                                  m_proxyToSource.begin() + run->second + 1);
            for (int row = run->first; row < static_cast<int>(m_proxyToSource.size()); ++row)
                m_sourceToProxy[m_proxyToSource[row]] = row;
            endRemoveRows();
        }
    }

    // The rows that stay, in their new order (with the joining ones when not announced).
    std::vector<int> arranged;
    if (announce) {
        arranged.reserve(m_proxyToSource.size());
        for (const int source : visible) {
            if (m_sourceToProxy[source] >= 0)
                arranged.push_back(source);
        }
    } else {
        arranged = visible;
    }
    if (arranged != m_proxyToSource) {
        const bool filtering = arranged.size() != m_proxyToSource.size();
        const auto hint = filtering ? QAbstractItemModel::NoLayoutChangeHint
                                    : QAbstractItemModel::VerticalSortHint;
        emit layoutAboutToBeChanged({}, hint);
        const QModelIndexList from = persistentIndexList();
        std::vector<int> sources;
        sources.reserve(from.size());
        for (const QModelIndex &index : from)
            sources.push_back(index.row() < static_cast<int>(m_proxyToSource.size())
                                  ? m_proxyToSource[index.row()]
                                  : -1);
        setRows(std::move(arranged));
        QModelIndexList to;
        to.reserve(from.size());
        for (qsizetype i = 0; i < from.size(); ++i) {
            const int row = sources[i] < 0 ? -1 : m_sourceToProxy[sources[i]];
            to.append(row < 0 ? QModelIndex() : createIndex(row, from[i].column()));
        }
        changePersistentIndexList(from, to);
        emit layoutChanged({}, hint);
    }

    if (announce) {
        for (const auto &[first, last] : joiningRuns) {
            beginInsertRows({}, first, last);
            m_proxyToSource.insert(m_proxyToSource.begin() + first, visible.begin() + first,
                                   visible.begin() + last + 1);
            for (int row = first; row < static_cast<int>(m_proxyToSource.size()); ++row)
                m_sourceToProxy[m_proxyToSource[row]] = row;
            endInsertRows();
        }
    }
}

void CacheFilterProxyModel::onDataChanged(const QModelIndex &topLeft,
                                          const QModelIndex &bottomRight, const QList<int> &roles)
{
    if (!topLeft.isValid() || !bottomRight.isValid())
        return;
    const int top = topLeft.row();
    const int bottom = std::min(bottomRight.row(), static_cast<int>(m_accepted.size()) - 1);

    // The cells changed in place: pass that on now (one range over the rows shown).
    int first = -1;
    int last = -1;
    for (int row = top; row <= bottom; ++row) {
        const int proxyRow = m_sourceToProxy[row];
        if (proxyRow < 0)
            continue;
        first = first < 0 ? proxyRow : std::min(first, proxyRow);
        last = std::max(last, proxyRow);
    }
    if (first >= 0)
        emit dataChanged(index(first, topLeft.column()), index(last, bottomRight.column()), roles);

    // Then whether rows move or enter/leave the filter.
    const auto touches = [&roles](int role) {
        return roles.isEmpty() || roles.contains(role);
    };
    const bool nameChanged = topLeft.column() == 0 && touches(SortRole);
    const bool sortChanged = m_sortColumn > 0 && topLeft.column() <= m_sortColumn
                             && m_sortColumn <= bottomRight.column() && touches(SortRole);
    const bool filterChanged
        = hasFilter()
          && (touches(SearchTextRole) || touches(StatusRole) || touches(ProviderRole)
              || touches(AccountRole) || touches(RegionRole));
    if (!nameChanged && !sortChanged && !filterChanged)
        return;
    for (int row = top; row <= bottom; ++row) {
        if (nameChanged && m_nameKeys[row])
            m_nameKeys[row]->stale = true;
        if (sortChanged && m_sortKeys[row])
            m_sortKeys[row]->stale = true;
        if (!m_changedMark[row]) {
            m_changedMark[row] = 1;
            m_changedRows.push_back(row);
        }
    }
    if (!m_inChangeSet)
        flushChanged();
}

void CacheFilterProxyModel::flushChanged()
{
    if (m_changedRows.empty())
        return;
    std::vector<int> changed = std::move(m_changedRows);
    m_changedRows.clear();
    for (const int row : changed)
        m_accepted[row] = filterAcceptsRow(row);

    if (m_sortColumn >= 0 && m_sortColumn < columnCount()) {
        if (changed.size() > m_sorted.size() / 8) {
            sortAll();
        } else {
            // Take the changed rows out, then put each back where it now belongs: a binary
            // search among the unchanged rows, which are still in order.
            std::vector<int> unchanged;
            unchanged.reserve(m_sorted.size());
            for (const int row : m_sorted) {
                if (!m_changedMark[row])
                    unchanged.push_back(row);
            }
            const auto byOrder = [this](int left, int right) {
                return before(left, right);
            };
            std::sort(changed.begin(), changed.end(), byOrder);
            std::vector<int> merged;
            merged.reserve(m_sorted.size());
            auto from = unchanged.cbegin();
            for (const int row : changed) {
                const auto at = std::lower_bound(from, unchanged.cend(), row, byOrder);
                merged.insert(merged.end(), from, at);
                merged.push_back(row);
                from = at;
            }
            merged.insert(merged.end(), from, unchanged.cend());
            m_sorted = std::move(merged);
        }
    }
    for (const int row : changed)
        m_changedMark[row] = 0;
    applyLayout(visibleRows());
}

void CacheFilterProxyModel::onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    flushChanged();
    // The rows leave the view while the source still has them.
    for (int row = first; row <= last; ++row)
        m_accepted[row] = 0;
    applyLayout(visibleRows());
}

void CacheFilterProxyModel::onRowsRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    const int count = last - first + 1;
    const auto eraseRange = [first, last](auto &entries) {
        entries.erase(entries.begin() + first, entries.begin() + last + 1);
    };
    eraseRange(m_accepted);
    eraseRange(m_sortKeys);
    eraseRange(m_nameKeys);
    eraseRange(m_changedMark);
    const auto renumber = [first, last, count](std::vector<int> &rows) {
        rows.erase(std::remove_if(rows.begin(), rows.end(),
                                  [first, last](int row) { return row >= first && row <= last; }),
                   rows.end());
        for (int &row : rows) {
            if (row > last)
                row -= count;
        }
    };
    renumber(m_sorted);
    renumber(m_proxyToSource);
    setRows(std::move(m_proxyToSource));
}

void CacheFilterProxyModel::onRowsAboutToBeInserted()
{
    flushChanged();
}

void CacheFilterProxyModel::onRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    const int count = last - first + 1;
    m_accepted.insert(m_accepted.begin() + first, count, 0);
    m_sortKeys.insert(m_sortKeys.begin() + first, count, std::nullopt);
    m_nameKeys.insert(m_nameKeys.begin() + first, count, std::nullopt);
    m_changedMark.insert(m_changedMark.begin() + first, count, 0);
    const auto renumber = [first, count](std::vector<int> &rows) {
        for (int &row : rows) {
            if (row >= first)
                row += count;
        }
    };
    renumber(m_sorted);
    renumber(m_proxyToSource);
    setRows(std::move(m_proxyToSource));

    std::vector<int> added(count);
    std::iota(added.begin(), added.end(), first);
    for (const int row : added)
        m_accepted[row] = filterAcceptsRow(row);
    if (m_sortColumn >= 0 && m_sortColumn < columnCount()) {
        const auto byOrder = [this](int left, int right) {
            return before(left, right);
        };
        std::sort(added.begin(), added.end(), byOrder);
        std::vector<int> merged;
        merged.reserve(m_sorted.size() + added.size());
        auto from = m_sorted.cbegin();
        for (const int row : added) {
            const auto at = std::lower_bound(from, m_sorted.cend(), row, byOrder);
            merged.insert(merged.end(), from, at);
            merged.push_back(row);
            from = at;
        }
        merged.insert(merged.end(), from, m_sorted.cend());
        m_sorted = std::move(merged);
    } else {
        m_sorted.resize(m_accepted.size());
        std::iota(m_sorted.begin(), m_sorted.end(), 0);
    }
    applyLayout(visibleRows());
}

void CacheFilterProxyModel::onSourceLayoutAboutToBeChanged()
{
    flushChanged();
    emit layoutAboutToBeChanged();
    m_layoutProxyIndexes = persistentIndexList();
    m_layoutSourceIndexes.clear();
    for (const QModelIndex &index : std::as_const(m_layoutProxyIndexes))
        m_layoutSourceIndexes.append(QPersistentModelIndex(mapToSource(index)));
}

void CacheFilterProxyModel::onSourceLayoutChanged()
{
    rebuild();
    QModelIndexList to;
    to.reserve(m_layoutSourceIndexes.size());
    for (const QPersistentModelIndex &source : std::as_const(m_layoutSourceIndexes))
        to.append(mapFromSource(source));
    changePersistentIndexList(m_layoutProxyIndexes, to);
    m_layoutProxyIndexes.clear();
    m_layoutSourceIndexes.clear();
    emit layoutChanged();
}

} // namespace models
