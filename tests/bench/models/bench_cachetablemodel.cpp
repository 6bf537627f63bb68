// How the cache table scales: 100,000 caches loaded, polled (1% changed), sorted by name and
// filtered one keystroke at a time through the proxy, as the console does it.

#include "core/changeset.h"
#include "models/cachefilterproxymodel.h"
#include "models/cachetablemodel.h"

#include <QCollator>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace core;
using models::CacheFilterProxyModel;
using models::CacheTableModel;

namespace {

constexpr int rowCount = 100000;

QList<ImageCache> makeCaches()
{
    QRandomGenerator rng(42);
    const QDateTime base(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    QList<ImageCache> list;
    list.reserve(rowCount);
    for (int i = 0; i < rowCount; ++i) {
        ImageCache c;
        c.provider = i % 2 ? Provider::Alibaba : Provider::Huawei;
        c.accountId = QStringLiteral("account-%1").arg(i % 7);
        c.region = i % 3 ? QStringLiteral("cn-hangzhou") : QStringLiteral("cn-north-4");
        c.id = QStringLiteral("imc-%1").arg(i, 8, 16, QLatin1Char('0'));
        // Random numbers in names so natural sorting has real work to do.
        c.name = QStringLiteral("cache-%1-%2").arg(rng.bounded(100000)).arg(i);
        c.status = static_cast<CacheStatus>(rng.bounded(8));
        c.images = {QStringLiteral("registry.example.com/team-%1/app:%2").arg(i % 50).arg(i % 9)};
        c.sizeGiB = 20 + rng.bounded(200);
        c.retentionDays = rng.bounded(30);
        c.created = base.addSecs(rng.bounded(86400 * 300));
        c.expires = c.created.addDays(c.retentionDays);
        list << c;
    }
    return list;
}

// Two change sets that flip 1% of the rows between two states, so every apply really changes.
std::pair<ChangeSet, ChangeSet> onePercentChanges(const QList<ImageCache> &caches)
{
    ChangeSet forth;
    ChangeSet back;
    for (int i = 0; i < rowCount; i += 100) {
        ImageCache changed = caches[i];
        changed.status = CacheStatus::Updating;
        changed.progress = i % 101;
        forth.changed.append({changed, diffCaches(caches[i], changed)});
        back.changed.append({caches[i], diffCaches(changed, caches[i])});
    }
    return {forth, back};
}

// What a view does after a change: the row count, then every cell of the first screen.
qint64 readVisibleRows(const QAbstractItemModel &view)
{
    qint64 characters = 0;
    const int rows = std::min(view.rowCount(), 40);
    for (int row = 0; row < rows; ++row) {
        for (int column = 0; column < view.columnCount(); ++column)
            characters += view.index(row, column).data().toString().size();
    }
    return characters;
}

bool isSorted(const QAbstractItemModel &proxy, int column, Qt::SortOrder order)
{
    QCollator collator;
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    for (int row = 1; row < proxy.rowCount(); ++row) {
        const QVariant a = proxy.index(row - 1, column).data(CacheTableModel::SortRole);
        const QVariant b = proxy.index(row, column).data(CacheTableModel::SortRole);
        if (!a.isValid() || !b.isValid())
            continue;
        int cmp = 0;
        if (a.typeId() == QMetaType::QString)
            cmp = collator.compare(a.toString(), b.toString());
        else if (a.typeId() == QMetaType::QDateTime)
            cmp = a.toDateTime() < b.toDateTime() ? -1 : (b.toDateTime() < a.toDateTime() ? 1 : 0);
        else
            cmp = a.toLongLong() < b.toLongLong() ? -1 : (b.toLongLong() < a.toLongLong() ? 1 : 0);
        if (order == Qt::AscendingOrder ? cmp > 0 : cmp < 0) {
            qWarning("row %d out of order", row);
            return false;
        }
    }
    return true;
}

int countStatus(const QAbstractItemModel &proxy, CacheStatus status)
{
    int count = 0;
    for (int row = 0; row < proxy.rowCount(); ++row)
        count += proxy.index(row, 0).data(CacheTableModel::StatusRole).toInt()
                 == static_cast<int>(status);
    return count;
}

} // namespace

class BenchCacheTableModel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_caches = makeCaches(); }

    // What a load costs the user: the model filled and the view's proxy (default sort,
    // newest first) ordered, up to the rows the view shows first.
    void load()
    {
        CacheTableModel model;
        CacheFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.sort(CacheFilterProxyModel::defaultSortColumn(),
                   CacheFilterProxyModel::defaultSortOrder());
        qint64 read = 0;
        QBENCHMARK
        {
            model.setCaches(m_caches);
            read += readVisibleRows(proxy);
        }
        QCOMPARE(model.rowCount(), rowCount);
        QCOMPARE(proxy.rowCount(), rowCount);
        QVERIFY(read > 0);
        QVERIFY(isSorted(proxy, CacheFilterProxyModel::defaultSortColumn(),
                         CacheFilterProxyModel::defaultSortOrder()));
    }

    void applyOnePercentChanged()
    {
        CacheTableModel model;
        model.setCaches(m_caches);
        const auto [forth, back] = onePercentChanges(m_caches);
        bool flip = false;
        QBENCHMARK
        {
            model.applyChangeSet(flip ? back : forth);
            flip = !flip;
        }
        QCOMPARE(model.rowCount(), rowCount);
    }

    // A poll's change set through the proxy as the view has it: sorted by a column the change
    // moves (status), filtered, and the rows on screen read again after each change set.
    void applyOnePercentChangedThroughSortedFilteredProxy()
    {
        CacheTableModel model;
        model.setCaches(m_caches);
        CacheFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.sort(CacheTableModel::Status, Qt::AscendingOrder);
        proxy.setFilterText(QStringLiteral("cache-")); // every name: the filter runs, keeps all
        QCOMPARE(proxy.rowCount(), rowCount);
        const auto [forth, back] = onePercentChanges(m_caches);
        bool flip = false;
        qint64 read = 0;
        QBENCHMARK
        {
            model.applyChangeSet(flip ? back : forth);
            flip = !flip;
            read += readVisibleRows(proxy);
        }
        QVERIFY(read > 0);
        QCOMPARE(proxy.rowCount(), rowCount);
        QVERIFY(isSorted(proxy, CacheTableModel::Status, Qt::AscendingOrder));
        // The changed rows really moved: every one of them is among the Updating rows now
        // (or back where it was, after an even number of applies).
        const int updating = countStatus(proxy, CacheStatus::Updating);
        QVERIFY2(updating >= (flip ? rowCount / 100 : 0), qPrintable(QString::number(updating)));
    }

    void applyOnePercentChangedThroughSortedProxy()
    {
        CacheTableModel model;
        model.setCaches(m_caches);
        CacheFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.sort(CacheTableModel::Status, Qt::AscendingOrder);
        const auto [forth, back] = onePercentChanges(m_caches);
        bool flip = false;
        qint64 read = 0;
        QBENCHMARK
        {
            model.applyChangeSet(flip ? back : forth);
            flip = !flip;
            read += readVisibleRows(proxy);
        }
        QVERIFY(read > 0);
        QCOMPARE(proxy.rowCount(), rowCount);
        QVERIFY(isSorted(proxy, CacheTableModel::Status, Qt::AscendingOrder));
    }

    // The user's first click on the Name header: collation keys computed from scratch.
    void sortByNameFirstTime()
    {
        CacheTableModel model;
        model.setCaches(m_caches);
        qint64 read = 0;
        QBENCHMARK
        {
            CacheFilterProxyModel proxy; // fresh: collation keys computed from scratch
            proxy.setSourceModel(&model);
            proxy.sort(CacheTableModel::Name, Qt::AscendingOrder);
            QCOMPARE(proxy.rowCount(), rowCount);
            read += readVisibleRows(proxy);
        }
        QVERIFY(read > 0);
    }

    void resortByName()
    {
        CacheTableModel model;
        model.setCaches(m_caches);
        CacheFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.sort(CacheTableModel::Name, Qt::AscendingOrder);
        bool ascending = false;
        qint64 read = 0;
        QBENCHMARK
        {
            proxy.sort(CacheTableModel::Name, ascending ? Qt::AscendingOrder : Qt::DescendingOrder);
            ascending = !ascending;
            read += readVisibleRows(proxy);
        }
        QVERIFY(read > 0);
        QVERIFY(isSorted(proxy, CacheTableModel::Name,
                         ascending ? Qt::DescendingOrder : Qt::AscendingOrder));
    }

    // One keystroke in the quick filter, through to the rows the view then shows: the proxy
    // is read inside the loop (row count and every cell of the first screen), so nothing lazy
    // is left out of the figure.
    void filterKeystroke()
    {
        CacheTableModel model;
        model.setCaches(m_caches);
        CacheFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.sort(CacheFilterProxyModel::defaultSortColumn(),
                   CacheFilterProxyModel::defaultSortOrder());
        proxy.setFilterText(QStringLiteral("cache-1"));
        const int shortMatches = proxy.rowCount();
        bool longer = true;
        qint64 read = 0;
        int shown = 0;
        QBENCHMARK
        {
            // Typing one more character, or deleting it again.
            proxy.setFilterText(longer ? QStringLiteral("cache-12") : QStringLiteral("cache-1"));
            longer = !longer;
            shown += proxy.rowCount();
            read += readVisibleRows(proxy);
        }
        QVERIFY(read > 0);
        QVERIFY(shown > 0);
        QVERIFY(shortMatches > 0);
        QVERIFY(proxy.rowCount() > 0 && proxy.rowCount() < rowCount);
        // Every row shown matches, every row hidden does not.
        int matching = 0;
        const QString word = longer ? QStringLiteral("cache-1") : QStringLiteral("cache-12");
        for (int row = 0; row < model.rowCount(); ++row)
            matching += model.index(row, 0)
                            .data(CacheTableModel::SearchTextRole)
                            .toString()
                            .contains(word);
        QCOMPARE(proxy.rowCount(), matching);
    }

private:
    QList<ImageCache> m_caches;
};

QTEST_GUILESS_MAIN(BenchCacheTableModel)
#include "bench_cachetablemodel.moc"
