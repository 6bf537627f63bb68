#pragma once

#include "core/cachestatus.h"
#include "core/provider.h"

#include <QAbstractProxyModel>
#include <QCollator>
#include <QCollatorSortKey>
#include <QSet>
#include <QStringList>
#include <QVariant>

#include <optional>
#include <vector>

namespace models {

// Filters and sorts a flat table model (a CacheTableModel or, through the shared roles, an
// ImageTableModel): quick text filter, status, cloud, account and region. Sorting reads
// SortRole: natural order for text ("cache-2" before "cache-10"), typed compares for numbers and
// times, empty values last in both directions, ties broken by name then key so the order never
// flickers.
//
// Built for 100,000 rows that change a little at every poll. It keeps the order of every source
// row (filtered out or not) and derives the visible rows from it, with each row's sort value
// computed once and kept until the row changes. So a filter keystroke is one pass over that
// order (no sort), and a change set only re-positions the rows it changed: a CacheTableModel
// announces its change sets, the rows they touch are taken out and put back by binary search
// in one layout change at the end — never a re-sort of the whole table per changed row, which
// is what QSortFilterProxyModel's dynamic sort does (1 % of 100,000 rows changed: 85 ms).
class CacheFilterProxyModel final : public QAbstractProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CacheFilterProxyModel)

public:
    explicit CacheFilterProxyModel(QObject *parent = nullptr);
    ~CacheFilterProxyModel() override;

    void setSourceModel(QAbstractItemModel *model) override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    // Case-insensitive; every whitespace-separated word must occur in the row's search text
    // (name, id, images).
    void setFilterText(const QString &text);
    QString filterText() const { return m_filterText; }

    // Empty = every status.
    void setStatusFilter(const QSet<core::CacheStatus> &statuses);
    QSet<core::CacheStatus> statusFilter() const { return m_statuses; }
    void setProviderFilter(std::optional<core::Provider> provider);
    std::optional<core::Provider> providerFilter() const { return m_provider; }
    // Empty = every account / region.
    void setAccountFilter(const QString &accountId);
    QString accountFilter() const { return m_accountId; }
    void setRegionFilter(const QString &region);
    QString regionFilter() const { return m_region; }
    void clearFilters();
    bool hasFilter() const;

    // Newest first: the view applies this when no sort state was saved.
    static int defaultSortColumn();
    static Qt::SortOrder defaultSortOrder() { return Qt::DescendingOrder; }

private:
    // A row's SortRole value, reduced once to what compares fast.
    struct SortKey
    {
        QVariant value;                       // the raw value (mixed types compare as text)
        std::optional<QCollatorSortKey> text; // QString values
        qint64 number = 0;                    // integers, times (ms), dates (Julian day)
        double real = 0;                      // floating point values
        int type = QMetaType::UnknownType;    // the value's type id
        // The row changed in a column range that includes this one: the value is read again
        // and the key rebuilt only when it differs (a status change also announces the name
        // column, for its icon).
        bool stale = false;
        enum Kind { Null, Text, Signed, Unsigned, Real, Other } kind = Null;
    };

    bool filterAcceptsRow(int sourceRow) const;
    // Whether source row `left` sorts before `right` in ascending order.
    bool lessThan(int left, int right) const;
    // Whether `left` is shown above `right` in the current sort order.
    bool before(int left, int right) const;
    int compareKeys(const SortKey &left, const SortKey &right) const;
    const SortKey &sortKey(int sourceRow) const;
    const SortKey &nameKey(int sourceRow) const;
    SortKey makeKey(const QVariant &value) const;

    void refilter();
    // Every source row's filter flag and order from scratch (reset, source layout change).
    void rebuild();
    void sortAll();
    bool sortByCompactKeys();
    // Makes `visible` (source rows in display order) the proxy's rows in one layout change,
    // carrying persistent indexes (the selection) over; nothing is announced when unchanged.
    void applyLayout(std::vector<int> visible);
    std::vector<int> visibleRows() const;
    void setRows(std::vector<int> visible);

    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                       const QList<int> &roles);
    // Re-filters and re-positions the rows changed since the last flush.
    void flushChanged();
    void onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void onRowsRemoved(const QModelIndex &parent, int first, int last);
    void onRowsAboutToBeInserted();
    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void onSourceLayoutAboutToBeChanged();
    void onSourceLayoutChanged();

    QString m_filterText;
    QStringList m_words;
    QSet<core::CacheStatus> m_statuses;
    std::optional<core::Provider> m_provider;
    QString m_accountId;
    QString m_region;

    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QCollator m_collator;

    // By source row: in the filter or not, the sort column's key, the name key (the
    // tie-breaker of every column). Keys are made lazily and dropped when their row changes.
    std::vector<char> m_accepted;
    mutable std::vector<std::optional<SortKey>> m_sortKeys;
    mutable std::vector<std::optional<SortKey>> m_nameKeys;
    // Every source row in display order, filtered out or not.
    std::vector<int> m_sorted;
    // Proxy row → source row, and source row → proxy row (-1 when filtered out).
    std::vector<int> m_proxyToSource;
    std::vector<int> m_sourceToProxy;

    // Rows changed inside a change set, re-positioned when it ends.
    bool m_inChangeSet = false;
    std::vector<int> m_changedRows;
    std::vector<char> m_changedMark;
    QList<QPersistentModelIndex> m_layoutSourceIndexes;
    QModelIndexList m_layoutProxyIndexes;
    QList<QMetaObject::Connection> m_sourceConnections;
};

} // namespace models
