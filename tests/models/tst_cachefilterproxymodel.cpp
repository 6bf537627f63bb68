#include "modelfixtures.h"

#include "models/cachefilterproxymodel.h"
#include "models/cachetablemodel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QTest>

using namespace core;
using models::CacheFilterProxyModel;
using models::CacheTableModel;

namespace {

struct Fixture
{
    Fixture()
    {
        model.setClock([] { return fixtures::now(); });
        proxy.setSourceModel(&model);
    }
    CacheTableModel model;
    CacheFilterProxyModel proxy;
    QAbstractItemModelTester sourceTester{&model,
                                          QAbstractItemModelTester::FailureReportingMode::QtTest};
    QAbstractItemModelTester proxyTester{&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest};

    QStringList column(int column = CacheTableModel::Name) const
    {
        QStringList values;
        for (int row = 0; row < proxy.rowCount(); ++row)
            values << proxy.index(row, column).data().toString();
        return values;
    }
};

ImageCache named(const QString &id, const QString &name)
{
    ImageCache c = fixtures::cache(id);
    c.name = name;
    return c;
}

} // namespace

class TestCacheFilterProxyModel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void textFilterMatchesNameIdAndImagesCaseInsensitively()
    {
        Fixture f;
        ImageCache web = named("1", "Web-Frontend");
        web.images = {QStringLiteral("nginx:1.25"), QStringLiteral("node:20")};
        ImageCache db = named("2", "orders-db");
        db.images = {QStringLiteral("postgres:16")};
        ImageCache ml = named("3", "ml-training");
        ml.images = {QStringLiteral("pytorch/pytorch:2.3-cuda12"), QStringLiteral("nginx:1.25")};
        f.model.setCaches({web, db, ml});
        QCOMPARE(f.proxy.rowCount(), 3);

        f.proxy.setFilterText(QStringLiteral("WEB"));
        QCOMPARE(f.column(), QStringList{"Web-Frontend"});
        f.proxy.setFilterText(QStringLiteral("imc-2")); // id
        QCOMPARE(f.column(), QStringList{"orders-db"});
        f.proxy.setFilterText(QStringLiteral("nginx")); // image
        QCOMPARE(f.proxy.rowCount(), 2);
        f.proxy.setFilterText(QStringLiteral("  nginx   CUDA ")); // every word must match
        QCOMPARE(f.column(), QStringList{"ml-training"});
        f.proxy.setFilterText(QStringLiteral("nginx postgres"));
        QCOMPARE(f.proxy.rowCount(), 0);
        f.proxy.setFilterText(QStringLiteral("   "));
        QCOMPARE(f.proxy.rowCount(), 3);
        QVERIFY(!f.proxy.hasFilter());
    }

    void structuredFiltersCombine()
    {
        Fixture f;
        ImageCache hwFailed = fixtures::cache("h1", CacheStatus::Failed, Provider::Huawei);
        ImageCache hwReady = fixtures::cache("h2", CacheStatus::Ready, Provider::Huawei);
        hwReady.region = QStringLiteral("ap-southeast-1");
        ImageCache aliReady = fixtures::cache("a1", CacheStatus::Ready);
        ImageCache aliCreating = fixtures::cache("a2", CacheStatus::Creating);
        aliCreating.accountId = QStringLiteral("ali-staging");
        f.model.setCaches({hwFailed, hwReady, aliReady, aliCreating});

        f.proxy.setStatusFilter({CacheStatus::Ready});
        QCOMPARE(f.column(), (QStringList{"cache-h2", "cache-a1"}));
        f.proxy.setStatusFilter({CacheStatus::Ready, CacheStatus::Creating});
        QCOMPARE(f.proxy.rowCount(), 3);
        f.proxy.setProviderFilter(Provider::Alibaba);
        QCOMPARE(f.column(), (QStringList{"cache-a1", "cache-a2"}));
        f.proxy.setAccountFilter(QStringLiteral("ali-staging"));
        QCOMPARE(f.column(), QStringList{"cache-a2"});
        f.proxy.clearFilters();
        QCOMPARE(f.proxy.rowCount(), 4);

        f.proxy.setRegionFilter(QStringLiteral("cn-north-4"));
        QCOMPARE(f.column(), QStringList{"cache-h1"});
        f.proxy.setRegionFilter({});
        f.proxy.setProviderFilter(Provider::Huawei);
        QCOMPARE(f.column(), (QStringList{"cache-h1", "cache-h2"}));
        f.proxy.setProviderFilter(std::nullopt);
        QCOMPARE(f.proxy.rowCount(), 4);
    }

    void filterFollowsChangeSets()
    {
        Fixture f;
        f.model.setCaches({fixtures::cache("1", CacheStatus::Creating),
                           fixtures::cache("2", CacheStatus::Ready)});
        f.proxy.setStatusFilter({CacheStatus::Creating});
        QCOMPARE(f.column(), QStringList{"cache-1"});

        // The creating cache becomes ready (leaves), a new creating one arrives (joins).
        ChangeSet set;
        ImageCache ready = fixtures::cache("1", CacheStatus::Ready);
        set.changed = {{ready, CacheField::Status}};
        set.inserted = {fixtures::cache("3", CacheStatus::Creating)};
        f.model.applyChangeSet(set);
        QCOMPARE(f.column(), QStringList{"cache-3"});
    }

    void sortsNamesNaturally()
    {
        Fixture f;
        f.model.setCaches({named("a", "cache-10"), named("b", "cache-2"), named("c", "Cache-3"),
                           named("d", "cache-1"), named("e", "alpha")});
        f.proxy.sort(CacheTableModel::Name, Qt::AscendingOrder);
        QCOMPARE(f.column(), (QStringList{"alpha", "cache-1", "cache-2", "Cache-3", "cache-10"}));
        f.proxy.sort(CacheTableModel::Name, Qt::DescendingOrder);
        QCOMPARE(f.column(), (QStringList{"cache-10", "Cache-3", "cache-2", "cache-1", "alpha"}));
    }

    void sortsSizesAsNumbersWithTiesByName()
    {
        Fixture f;
        QList<ImageCache> list;
        const QList<std::pair<QString, int>> sizes
            = {{"d", 100}, {"b", 20}, {"c", 9}, {"a", 20}, {"e", 1000}};
        for (const auto &[id, size] : sizes) {
            ImageCache c = fixtures::cache(id);
            c.sizeGiB = size;
            list << c;
        }
        f.model.setCaches(list);
        f.proxy.sort(CacheTableModel::Size, Qt::AscendingOrder);
        QCOMPARE(f.column(), (QStringList{"cache-c", "cache-a", "cache-b", "cache-d", "cache-e"}));
        QCOMPARE(f.column(CacheTableModel::Size).first(), QStringLiteral("9 GiB"));
        QCOMPARE(f.column(CacheTableModel::Size).last(), QStringLiteral("1,000 GiB"));
    }

    void defaultSortIsNewestFirstWithUnknownTimesLast()
    {
        Fixture f;
        ImageCache old = fixtures::cache("old");
        old.created = fixtures::now().addDays(-30);
        ImageCache recent = fixtures::cache("recent");
        recent.created = fixtures::now().addSecs(-60);
        ImageCache unknown = fixtures::cache("unknown");
        unknown.created = {};
        ImageCache middle = fixtures::cache("middle");
        middle.created = fixtures::now().addDays(-2);
        f.model.setCaches({old, unknown, recent, middle});

        QCOMPARE(CacheFilterProxyModel::defaultSortColumn(), int(CacheTableModel::Created));
        QCOMPARE(CacheFilterProxyModel::defaultSortOrder(), Qt::DescendingOrder);
        f.proxy.sort(CacheFilterProxyModel::defaultSortColumn(),
                     CacheFilterProxyModel::defaultSortOrder());
        QCOMPARE(f.column(),
                 (QStringList{"cache-recent", "cache-middle", "cache-old", "cache-unknown"}));
        f.proxy.sort(CacheTableModel::Created, Qt::AscendingOrder);
        QCOMPARE(f.column(),
                 (QStringList{"cache-old", "cache-middle", "cache-recent", "cache-unknown"}));
    }

    void sortOrderFollowsChangeSets()
    {
        Fixture f;
        f.model.setCaches({named("a", "cache-3"), named("b", "cache-1"), named("c", "cache-5")});
        f.proxy.sort(CacheTableModel::Name, Qt::AscendingOrder);
        QCOMPARE(f.column(), (QStringList{"cache-1", "cache-3", "cache-5"}));

        ChangeSet set;
        set.inserted = {named("d", "cache-4")};
        set.changed = {{named("b", "cache-9"), CacheField::Name}};
        f.model.applyChangeSet(set);
        QCOMPARE(f.column(), (QStringList{"cache-3", "cache-4", "cache-5", "cache-9"}));
    }

    void filteringALargeTableIsOneLayoutChangeAndKeepsTheSelection()
    {
        Fixture f;
        QList<ImageCache> many = fixtures::caches(5000);
        for (int i = 0; i < many.size(); ++i)
            many[i].name = (i % 3 == 0 ? QStringLiteral("web-%1") : QStringLiteral("db-%1")).arg(i);
        f.model.setCaches(many);
        // By id, so that the web rows are scattered among the db rows (by name they would be
        // one run, which goes as one removal).
        f.proxy.sort(CacheTableModel::Id);
        int selectedRow = -1;
        for (int row = 0; row < f.proxy.rowCount(); ++row) {
            if (f.proxy.index(row, 0).data().toString() == QLatin1String("web-300"))
                selectedRow = row;
        }
        QVERIFY(selectedRow >= 0);
        const QPersistentModelIndex selected = f.proxy.index(selectedRow, 0);
        QSignalSpy removed(&f.proxy, &QAbstractItemModel::rowsRemoved);
        QSignalSpy layout(&f.proxy, &QAbstractItemModel::layoutChanged);

        f.proxy.setFilterText(QStringLiteral("web"));

        // Thousands of scattered rows go, in one announcement rather than one per run.
        QCOMPARE(f.proxy.rowCount(), 1667);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(layout.count(), 1);
        QVERIFY(selected.isValid());
        QCOMPARE(selected.data().toString(), QStringLiteral("web-300"));
        QVERIFY(f.column().first().startsWith(QLatin1String("web-")));
    }

    void selectionThroughTheProxySurvivesAChangeSet()
    {
        Fixture f;
        f.model.setCaches(fixtures::caches(10));
        f.proxy.sort(CacheTableModel::Name, Qt::DescendingOrder);
        f.proxy.setFilterText(QStringLiteral("cache"));
        const QModelIndex sourceSelected = f.model.index(6, CacheTableModel::Name);
        const QPersistentModelIndex selected = f.proxy.mapFromSource(sourceSelected);
        QVERIFY(selected.isValid());
        const QString key = selected.data(CacheTableModel::KeyRole).toString();

        ChangeSet set;
        for (const char *id : {"0", "2", "5", "9"})
            set.removed << fixtures::cache(id).key();
        ImageCache c = *f.model.cache(6);
        c.status = CacheStatus::Updating;
        c.progress = 30;
        set.changed = {{c, CacheFields(CacheField::Status) | CacheField::Progress}};
        f.model.applyChangeSet(set);

        QVERIFY(selected.isValid());
        QCOMPARE(selected.data(CacheTableModel::KeyRole).toString(), key);
        QCOMPARE(selected.sibling(selected.row(), CacheTableModel::Status).data().toString(),
                 QStringLiteral("Updating"));
        QCOMPARE(f.column(),
                 (QStringList{"cache-8", "cache-7", "cache-6", "cache-4", "cache-3", "cache-1"}));
        QCOMPARE(selected.row(), 2);
    }

    // A poll that changes scattered rows of a large sorted table re-positions just those rows,
    // in one layout change for the whole change set (not one per row), and the order, the
    // filter and the selection are right afterwards.
    void aChangeSetRepositionsItsRowsInOneLayoutChange()
    {
        Fixture f;
        f.model.setCaches(fixtures::caches(5000));
        f.proxy.sort(CacheTableModel::Status);
        f.proxy.setStatusFilter({CacheStatus::Ready, CacheStatus::Updating});
        const int shown = f.proxy.rowCount();
        QVERIFY(shown > 0);
        const QPersistentModelIndex selected = f.proxy.index(shown / 2, 0);
        const QString selectedKey = selected.data(CacheTableModel::KeyRole).toString();

        ChangeSet set;
        QStringList changedKeys;
        for (int row = 0; row < f.model.rowCount(); row += 97) {
            ImageCache c = *f.model.cache(row);
            if (c.key() == selectedKey || c.status != CacheStatus::Ready)
                continue;
            c.status = CacheStatus::Updating;
            c.progress = 10;
            set.changed.append({c, CacheFields(CacheField::Status) | CacheField::Progress});
            changedKeys << c.key();
        }
        QVERIFY(changedKeys.size() > 10);
        QSignalSpy layout(&f.proxy, &QAbstractItemModel::layoutChanged);
        QSignalSpy removed(&f.proxy, &QAbstractItemModel::rowsRemoved);
        f.model.applyChangeSet(set);

        QCOMPARE(layout.count(), 1);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(f.proxy.rowCount(), shown);
        QVERIFY(selected.isValid());
        QCOMPARE(selected.data(CacheTableModel::KeyRole).toString(), selectedKey);
        int previous = -1;
        QStringList updating;
        for (int row = 0; row < f.proxy.rowCount(); ++row) {
            const int status = f.proxy.index(row, 0).data(CacheTableModel::StatusRole).toInt();
            QVERIFY2(status >= previous, qPrintable(QString::number(row)));
            previous = status;
            if (status == static_cast<int>(CacheStatus::Updating))
                updating << f.proxy.index(row, 0).data(CacheTableModel::KeyRole).toString();
        }
        for (const QString &key : std::as_const(changedKeys))
            QVERIFY2(updating.contains(key), qPrintable(key));

        // The same change set in reverse, and one that takes rows out of the filter.
        ChangeSet failing;
        for (int i = 0; i < 3; ++i) {
            ImageCache c = *f.model.cacheByKey(changedKeys.at(i));
            c.status = CacheStatus::Failed;
            failing.changed.append({c, CacheFields(CacheField::Status)});
        }
        f.model.applyChangeSet(failing);
        QCOMPARE(f.proxy.rowCount(), shown - 3);
        for (int i = 0; i < 3; ++i)
            QVERIFY(!f.proxy.mapFromSource(f.model.indexOfKey(changedKeys.at(i))).isValid());
        QCOMPARE(selected.data(CacheTableModel::KeyRole).toString(), selectedKey);
    }
};

QTEST_MAIN(TestCacheFilterProxyModel)
#include "tst_cachefilterproxymodel.moc"
