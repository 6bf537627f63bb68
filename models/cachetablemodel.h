#pragma once

#include "itemroles.h"

#include "core/changeset.h"
#include "core/imagecache.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>

#include <functional>
#include <memory>
#include <vector>

namespace models {

// The image caches of every account and region, one row each. Fed once by setCaches() and then
// only by change sets, which it applies as row insertions, removals and dataChanged for the
// affected columns and roles — never a reset — so selection, scroll position and sort survive
// a poll (qBittorrent's TransferListModel pattern).
class CacheTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CacheTableModel)

public:
    enum Column {
        Name,
        Status,
        Progress,
        Provider,
        Account,
        Region,
        Size,
        Retention,
        Expires,
        Images,
        Tags,
        Created,
        LastMatched,
        Id,
        Message,
        ColumnCount
    };
    Q_ENUM(Column)

    // The shared roles (itemroles.h), also reachable as CacheTableModel::SortRole etc.
    static constexpr int SortRole = models::SortRole;
    static constexpr int StatusRole = models::StatusRole;
    static constexpr int ProgressRole = models::ProgressRole;
    static constexpr int KeyRole = models::KeyRole;
    static constexpr int ProviderRole = models::ProviderRole;
    static constexpr int AccountRole = models::AccountRole;
    static constexpr int RegionRole = models::RegionRole;
    static constexpr int SearchTextRole = models::SearchTextRole;
    static constexpr int DetailsRevisionRole = models::DetailsRevisionRole;

    using Clock = std::function<QDateTime()>;

    explicit CacheTableModel(QObject *parent = nullptr);
    ~CacheTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Initial load (the only place that resets the model).
    void setCaches(const QList<core::ImageCache> &caches);
    // A poll's or an action's result: removals, then changes in place, then insertions at the end.
    void applyChangeSet(const core::ChangeSet &changes);

    // Account id → display name for the Account column (ids show when no name is known).
    void setAccountNames(const QHash<QString, QString> &names);
    // The "now" used for time-left texts; tests inject a fixed clock.
    void setClock(Clock clock);
    // Re-announces the time-dependent texts (Expires) after the clock moved on; call it from a
    // minute timer in the view.
    void refreshRelativeTimes();

    // Row of a cache key, -1 when absent. O(1).
    int rowOfKey(const QString &key) const;
    QModelIndex indexOfKey(const QString &key, int column = Name) const;
    // The cache shown in `row`, or nullptr for a bad row. Valid until the model next changes.
    const core::ImageCache *cache(int row) const;
    const core::ImageCache *cacheByKey(const QString &key) const;
    // SearchTextRole of `row` (a valid row), without the QVariant.
    const QString &searchText(int row) const;

    // How many caches are in each status (the status bar's ui::StatusCountLabel). O(rows).
    QHash<core::CacheStatus, int> statusCounts() const;

    // Which columns and roles a set of changed fields touches (public for tests and the view).
    static QList<int> columnsFor(core::CacheFields fields);
    static QList<int> rolesFor(core::CacheFields fields);

    // Stable column name for tools ("name", "lastMatched"), from the Column enum.
    static QString columnKey(int column);

signals:
    // Around the signals of one applyChangeSet(), so a sorting proxy re-positions the changed
    // rows once at the end instead of once per changed row.
    void changeSetAboutToBeApplied();
    void changeSetApplied();

private:
    struct Row
    {
        core::ImageCache cache;
        QString key;
        mutable QString searchText; // null until the filter first asks
        int detailsRevision = 0;
    };

    static std::unique_ptr<Row> makeRow(const core::ImageCache &cache);
    static QString searchTextOf(const core::ImageCache &cache);
    static int progressOf(const core::ImageCache &cache);

    QString displayText(const Row &row, int column) const;
    QVariant toolTip(const Row &row, int column) const;
    QVariant sortValue(const Row &row, int column) const;
    QVariant exportValue(const Row &row, int column) const;
    QString accountName(const QString &accountId) const;
    QDateTime now() const;

    void removeKeys(const QStringList &keys);
    void appendRows(const QList<core::ImageCache> &caches);
    void emitChanged(const QList<std::pair<int, core::CacheFields>> &changed);
    void reindexFrom(int row) const;

    std::vector<std::unique_ptr<Row>> m_rows;
    // key → row; rows at or after m_indexValidBelow may be stale after removals and are
    // re-indexed lazily on the next lookup, so a change set with many scattered removals
    // stays linear.
    mutable QHash<QString, int> m_rowOfKey;
    mutable int m_indexValidBelow = 0;

    QHash<core::CacheStatus, QString> m_statusText;
    QString m_providerName[2];
    QHash<QString, QString> m_accountNames;
    Clock m_clock;
};

} // namespace models
