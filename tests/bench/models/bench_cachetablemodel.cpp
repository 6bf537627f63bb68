// How the cache table scales: 100,000 caches loaded, polled (1% changed), sorted by name and
// filtered one keystroke at a time through the proxy, as the console does it.

#include "core/changeset.h"
#include "models/cachefilterproxymodel.h"
#include "models/cachetablemodel.h"

#include <QRandomGenerator>
#include <QTest>

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

} // namespace

class BenchCacheTableModel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_caches = makeCaches(); }

    void load()
    {
        CacheTableModel model;
        QBENCHMARK
        {
            model.setCaches(m_caches);
        }
        QCOMPARE(model.rowCount(), rowCount);
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

    void applyOnePercentChangedThroughSortedProxy()
    {
        CacheTableModel model;
        model.setCaches(m_caches);
        CacheFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.sort(CacheTableModel::Status, Qt::AscendingOrder);
        const auto [forth, back] = onePercentChanges(m_caches);
        bool flip = false;
        QBENCHMARK
        {
            model.applyChangeSet(flip ? back : forth);
            flip = !flip;
        }
        QCOMPARE(proxy.rowCount(), rowCount);
    }

    void sortByNameFirstTime()
    {
        CacheTableModel model;
        model.setCaches(m_caches);
        QBENCHMARK
        {
            CacheFilterProxyModel proxy; // fresh: collation keys computed from scratch
            proxy.setSourceModel(&model);
            proxy.sort(CacheTableModel::Name, Qt::AscendingOrder);
            QCOMPARE(proxy.rowCount(), rowCount);
        }
    }

    void resortByName()
    {
        CacheTableModel model;
        model.setCaches(m_caches);
        CacheFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.sort(CacheTableModel::Name, Qt::AscendingOrder);
        bool ascending = false;
        QBENCHMARK
        {
            proxy.sort(CacheTableModel::Name, ascending ? Qt::AscendingOrder : Qt::DescendingOrder);
            ascending = !ascending;
        }
    }

    void filterKeystroke()
    {
        CacheTableModel model;
        model.setCaches(m_caches);
        CacheFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.sort(CacheFilterProxyModel::defaultSortColumn(),
                   CacheFilterProxyModel::defaultSortOrder());
        proxy.setFilterText(QStringLiteral("cache-1"));
        bool longer = true;
        QBENCHMARK
        {
            // Typing one more character, or deleting it again.
            proxy.setFilterText(longer ? QStringLiteral("cache-12") : QStringLiteral("cache-1"));
            longer = !longer;
        }
        QVERIFY(proxy.rowCount() > 0);
    }

private:
    QList<ImageCache> m_caches;
};

QTEST_GUILESS_MAIN(BenchCacheTableModel)
#include "bench_cachetablemodel.moc"
