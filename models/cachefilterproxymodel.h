#pragma once

#include "core/cachestatus.h"
#include "core/provider.h"

#include <QCollator>
#include <QCollatorSortKey>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QStringList>

#include <optional>
#include <vector>

namespace models {

// Filters and sorts a CacheTableModel (and, through the shared roles, an ImageTableModel):
// quick text filter, status, cloud, account and region. Sorting reads SortRole: natural order
// for text ("cache-2" before "cache-10"), typed compares for numbers and times, empty values
// last in both directions, ties broken by name then key so the order never flickers.
class CacheFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CacheFilterProxyModel)

public:
    explicit CacheFilterProxyModel(QObject *parent = nullptr);
    ~CacheFilterProxyModel() override;

    void setSourceModel(QAbstractItemModel *model) override;

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

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    static constexpr int LargeTableRows = 2000;
    void refilter();

    struct NameKey
    {
        QCollatorSortKey key;
        bool empty;
    };
    const NameKey &nameKey(int sourceRow) const;
    int compareValues(const QVariant &left, const QVariant &right) const;
    void forgetNameKeys();
    void forgetNameKeys(const QModelIndex &topLeft, const QModelIndex &bottomRight);

    QString m_filterText;
    QStringList m_words;
    QSet<core::CacheStatus> m_statuses;
    std::optional<core::Provider> m_provider;
    QString m_accountId;
    QString m_region;

    QCollator m_collator;
    // Collation keys of the name column by source row: natural compare of 100k names is then
    // a memcmp instead of an ICU call per comparison. Filled lazily, dropped on row changes.
    mutable std::vector<std::optional<NameKey>> m_nameKeys;
    QList<QMetaObject::Connection> m_sourceConnections;
};

} // namespace models
