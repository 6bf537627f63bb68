#include "modelfixtures.h"

#include "models/cachetablemodel.h"
#include "models/presentation.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QImage>
#include <QLocale>
#include <QPersistentModelIndex>
#include <QRandomGenerator>
#include <QTest>

#include <map>

using namespace core;
using models::CacheTableModel;

namespace {

using ColumnRuns = QList<std::pair<int, int>>; // first..last column of each dataChanged

struct Fixture
{
    Fixture()
        : tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest)
    {
        model.setClock([] { return fixtures::now(); });
    }
    CacheTableModel model;
    QAbstractItemModelTester tester; // attached before anything mutates the model
};

QString keyAt(const CacheTableModel &model, int row)
{
    return model.index(row, 0).data(CacheTableModel::KeyRole).toString();
}

QList<int> rolesOf(const QList<QVariant> &dataChangedArgs)
{
    QList<int> roles = dataChangedArgs.at(2).value<QList<int>>();
    std::sort(roles.begin(), roles.end());
    return roles;
}

QImage alphaMask(const QIcon &icon)
{
    return icon.pixmap(32, 32).toImage().convertToFormat(QImage::Format_Alpha8);
}

} // namespace

class TestCacheTableModel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void loadsRowsWithKeyLookup()
    {
        Fixture f;
        f.model.setCaches(fixtures::caches(3));
        QCOMPARE(f.model.rowCount(), 3);
        QCOMPARE(f.model.columnCount(), int(CacheTableModel::ColumnCount));
        for (int row = 0; row < 3; ++row) {
            const ImageCache expected = fixtures::cache(QString::number(row));
            QCOMPARE(f.model.rowOfKey(expected.key()), row);
            QVERIFY(f.model.cacheByKey(expected.key()));
            QCOMPARE(*f.model.cacheByKey(expected.key()), expected);
            QCOMPARE(*f.model.cache(row), expected);
            QCOMPARE(f.model.indexOfKey(expected.key(), CacheTableModel::Size),
                     f.model.index(row, CacheTableModel::Size));
        }
        QCOMPARE(f.model.rowOfKey(QStringLiteral("nope")), -1);
        QVERIFY(!f.model.cacheByKey(QStringLiteral("nope")));
        QVERIFY(!f.model.cache(-1));
        QVERIFY(!f.model.cache(3));
        QVERIFY(!f.model.index(5, 0).data().isValid());
    }

    void duplicateKeysInALoadKeepTheLaterCache()
    {
        Fixture f;
        ImageCache later = fixtures::cache("1");
        later.sizeGiB = 99;
        f.model.setCaches({fixtures::cache("1"), fixtures::cache("2"), later});
        QCOMPARE(f.model.rowCount(), 2);
        QCOMPARE(f.model.cacheByKey(later.key())->sizeGiB, 99);
    }

    void displayTextFormats()
    {
        Fixture f;
        ImageCache ali = fixtures::cache("a");
        ali.sizeGiB = 25;
        ali.progress = 40;
        ali.status = CacheStatus::Creating;
        ali.images = {QStringLiteral("nginx:1.25"), QStringLiteral("redis:7")};
        ali.tags = {{QStringLiteral("env"), QStringLiteral("prod")},
                    {QStringLiteral("team"), QStringLiteral("core")}};
        ali.message = QStringLiteral("pull failed:\n  manifest unknown");
        ImageCache hw = fixtures::cache("h", CacheStatus::Ready, Provider::Huawei);
        hw.retentionDays = 0;
        hw.expires = {};
        hw.sizeGiB = 0;
        ImageCache oneDay = fixtures::cache("d");
        oneDay.retentionDays = 1;
        f.model.setCaches({ali, hw, oneDay});

        const auto text = [&](int row, int column) {
            return f.model.index(row, column).data().toString();
        };
        QCOMPARE(text(0, CacheTableModel::Name), QStringLiteral("cache-a"));
        QCOMPARE(text(0, CacheTableModel::Status), QStringLiteral("Creating"));
        QCOMPARE(text(1, CacheTableModel::Status), QStringLiteral("Ready"));
        QCOMPARE(text(0, CacheTableModel::Progress), QStringLiteral("40%"));
        QCOMPARE(text(1, CacheTableModel::Progress), QString());
        QCOMPARE(text(0, CacheTableModel::Provider), QStringLiteral("Alibaba Cloud"));
        QCOMPARE(text(1, CacheTableModel::Provider), QStringLiteral("Huawei Cloud"));
        QCOMPARE(text(0, CacheTableModel::Region), QStringLiteral("cn-hangzhou"));
        QCOMPARE(text(0, CacheTableModel::Size), QStringLiteral("25 GiB"));
        QCOMPARE(text(1, CacheTableModel::Size), QString()); // not reported
        QCOMPARE(text(0, CacheTableModel::Retention), QStringLiteral("7 days"));
        QCOMPARE(text(2, CacheTableModel::Retention), QStringLiteral("1 day"));
        QCOMPARE(text(1, CacheTableModel::Retention), QStringLiteral("never"));
        QCOMPARE(text(1, CacheTableModel::Expires), QStringLiteral("never"));
        QCOMPARE(text(0, CacheTableModel::Images), QStringLiteral("nginx:1.25, redis:7"));
        QCOMPARE(text(0, CacheTableModel::Tags), QStringLiteral("env=prod, team=core"));
        QCOMPARE(text(0, CacheTableModel::Created), QStringLiteral("2026-02-28 10:00"));
        QCOMPARE(text(0, CacheTableModel::Id), QStringLiteral("imc-a"));
        QCOMPARE(text(0, CacheTableModel::Message), QStringLiteral("pull failed:"));

        // Long columns carry the full text in the tooltip.
        const auto tip = [&](int row, int column) {
            return f.model.index(row, column).data(Qt::ToolTipRole).toString();
        };
        QCOMPARE(tip(0, CacheTableModel::Images), QStringLiteral("nginx:1.25\nredis:7"));
        QCOMPARE(tip(0, CacheTableModel::Tags), QStringLiteral("env=prod\nteam=core"));
        QCOMPARE(tip(0, CacheTableModel::Message), ali.message);
        QVERIFY(!f.model.index(0, CacheTableModel::Name).data(Qt::ToolTipRole).isValid());

        const auto alignment = [&](int column) {
            return f.model.index(0, column).data(Qt::TextAlignmentRole).toInt();
        };
        QVERIFY(alignment(CacheTableModel::Size) & Qt::AlignRight);
        QVERIFY(alignment(CacheTableModel::Retention) & Qt::AlignRight);
        QVERIFY(alignment(CacheTableModel::Progress) & Qt::AlignRight);
        QVERIFY(!(alignment(CacheTableModel::Name) & Qt::AlignRight));

        QCOMPARE(f.model.headerData(CacheTableModel::Name, Qt::Horizontal).toString(),
                 QStringLiteral("Name"));
        QCOMPARE(f.model.headerData(CacheTableModel::LastMatched, Qt::Horizontal).toString(),
                 QStringLiteral("Last Matched"));
        for (int column = 0; column < CacheTableModel::ColumnCount; ++column)
            QVERIFY(!f.model.headerData(column, Qt::Horizontal).toString().isEmpty());
    }

    void expiryShowsDateAndTimeLeftFromTheInjectedClock()
    {
        Fixture f;
        ImageCache c = fixtures::cache("x");
        c.expires = fixtures::now().addDays(3).addSecs(2 * 3600);
        f.model.setCaches({c});
        const QModelIndex expires = f.model.index(0, CacheTableModel::Expires);
        QCOMPARE(expires.data().toString(), QStringLiteral("in 3 days (2026-03-04 12:00)"));
        QCOMPARE(expires.data(CacheTableModel::SortRole).toDateTime(), c.expires);

        // The clock moves on: the view asks for a refresh and the text follows.
        QDateTime later = fixtures::now().addDays(3);
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        f.model.setClock([&later] { return later; });
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex(), expires);
        QCOMPARE(expires.data().toString(), QStringLiteral("in 2 hours (2026-03-04 12:00)"));

        later = fixtures::now().addDays(5);
        f.model.refreshRelativeTimes();
        QCOMPARE(changed.size(), 2);
        QCOMPARE(expires.data().toString(), QStringLiteral("1 day ago (2026-03-04 12:00)"));
    }

    void progressRoleDistinguishesNoneAndIndeterminate()
    {
        Fixture f;
        ImageCache aliCreating = fixtures::cache("a", CacheStatus::Creating);
        aliCreating.progress = 55;
        const ImageCache hwCreating = fixtures::cache("h", CacheStatus::Creating, Provider::Huawei);
        const ImageCache hwReady = fixtures::cache("r", CacheStatus::Ready, Provider::Huawei);
        ImageCache overflow = fixtures::cache("o", CacheStatus::Creating);
        overflow.progress = 140;
        f.model.setCaches({aliCreating, hwCreating, hwReady, overflow});
        const auto progress = [&](int row) {
            return f.model.index(row, CacheTableModel::Name)
                .data(CacheTableModel::ProgressRole)
                .toInt();
        };
        QCOMPARE(progress(0), 55);
        QCOMPARE(progress(1), models::IndeterminateProgress);
        QCOMPARE(progress(2), models::NoProgress);
        QCOMPARE(progress(3), 100); // clamped, never a broken bar
    }

    void rowRolesExposeRawValues()
    {
        Fixture f;
        f.model.setCaches({fixtures::cache("7", CacheStatus::Failed, Provider::Huawei)});
        const QModelIndex index = f.model.index(0, CacheTableModel::Tags);
        QCOMPARE(index.data(CacheTableModel::StatusRole).toInt(), int(CacheStatus::Failed));
        QCOMPARE(index.data(CacheTableModel::ProviderRole).toInt(), int(Provider::Huawei));
        QCOMPARE(index.data(CacheTableModel::AccountRole).toString(), QStringLiteral("hw-prod"));
        QCOMPARE(index.data(CacheTableModel::RegionRole).toString(), QStringLiteral("cn-north-4"));
        QCOMPARE(index.data(CacheTableModel::KeyRole).toString(),
                 QStringLiteral("hw-prod/cn-north-4/ic-7"));
        QCOMPARE(index.data(CacheTableModel::SearchTextRole).toString(),
                 QStringLiteral("cache-7\nic-7\nregistry.example.com/app/7:1.0"));
        QCOMPARE(f.model.index(0, CacheTableModel::Size).data(CacheTableModel::SortRole).toInt(),
                 20);
        QVERIFY(f.model.roleNames().contains(CacheTableModel::SearchTextRole));
    }

    void statusHasIconColourAndDistinctShapes()
    {
        Fixture f;
        QList<ImageCache> list;
        for (int s = 0; s <= int(CacheStatus::Expired); ++s)
            list << fixtures::cache(QString::number(s), CacheStatus(s));
        f.model.setCaches(list);

        QList<QImage> masks;
        for (int row = 0; row < list.size(); ++row) {
            const QVariant decoration
                = f.model.index(row, CacheTableModel::Name).data(Qt::DecorationRole);
            QVERIFY(decoration.canConvert<QIcon>());
            const QIcon icon = decoration.value<QIcon>();
            QVERIFY(!icon.isNull());
            masks << alphaMask(icon);
        }
        // Shapes, not colour alone: the alpha masks of any two statuses differ.
        for (int a = 0; a < masks.size(); ++a) {
            for (int b = a + 1; b < masks.size(); ++b)
                QVERIFY2(masks[a] != masks[b], qPrintable(QStringLiteral("statuses %1 and %2 "
                                                                         "share a shape")
                                                              .arg(a)
                                                              .arg(b)));
        }

        const int failedRow = int(CacheStatus::Failed);
        QCOMPARE(f.model.index(failedRow, CacheTableModel::Status)
                     .data(Qt::ForegroundRole)
                     .value<QColor>(),
                 models::Presentation::statusColor(CacheStatus::Failed));
        QVERIFY(models::Presentation::statusColor(CacheStatus::Failed)
                != models::Presentation::statusColor(CacheStatus::Ready));
        QVERIFY(!f.model.index(0, CacheTableModel::Size).data(Qt::DecorationRole).isValid());
    }

    void insertionIsOneRowsInsertedAtTheEnd()
    {
        Fixture f;
        f.model.setCaches(fixtures::caches(5));
        fixtures::ModelSignals spy(&f.model);

        ChangeSet set;
        set.inserted = {fixtures::cache("new1"), fixtures::cache("new2")};
        f.model.applyChangeSet(set);

        QVERIFY(spy.noneExcept({&spy.inserted}));
        QCOMPARE(spy.inserted.size(), 1);
        QCOMPARE(spy.inserted.first().at(1).toInt(), 5);
        QCOMPARE(spy.inserted.first().at(2).toInt(), 6);
        QCOMPARE(keyAt(f.model, 6), fixtures::cache("new2").key());
        QCOMPARE(f.model.rowOfKey(fixtures::cache("new1").key()), 5);
    }

    void removalIsOneSignalPerContiguousRunBottomUp()
    {
        Fixture f;
        f.model.setCaches(fixtures::caches(10));
        fixtures::ModelSignals spy(&f.model);

        ChangeSet set;
        for (int row : {3, 9, 2, 4, 7})
            set.removed << fixtures::cache(QString::number(row)).key();
        set.removed << QStringLiteral("unknown/key/x"); // already gone: ignored
        f.model.applyChangeSet(set);

        QVERIFY(spy.noneExcept({&spy.removed}));
        QCOMPARE(spy.removed.size(), 3);
        const auto range = [&](int i) {
            return std::pair(spy.removed.at(i).at(1).toInt(), spy.removed.at(i).at(2).toInt());
        };
        QCOMPARE(range(0), std::pair(9, 9));
        QCOMPARE(range(1), std::pair(7, 7));
        QCOMPARE(range(2), std::pair(2, 4));

        QCOMPARE(f.model.rowCount(), 5);
        const QStringList expected = {"0", "1", "5", "6", "8"};
        for (int row = 0; row < expected.size(); ++row) {
            const QString key = fixtures::cache(expected[row]).key();
            QCOMPARE(keyAt(f.model, row), key);
            QCOMPARE(f.model.rowOfKey(key), row); // lookups right after removals
        }
        QCOMPARE(f.model.rowOfKey(fixtures::cache("3").key()), -1);
    }

    void lookupsStayRightInsideRemovalSignals()
    {
        // A view slot that looks a cache up by key while rows go must never get a wrong row.
        Fixture f;
        f.model.setCaches(fixtures::caches(12));
        int checks = 0;
        connect(&f.model, &QAbstractItemModel::rowsRemoved, &f.model, [&] {
            for (int row = 0; row < f.model.rowCount(); ++row) {
                const QString key = keyAt(f.model, row);
                QCOMPARE(f.model.rowOfKey(key), row);
                QCOMPARE(f.model.cacheByKey(key)->key(), key);
                ++checks;
            }
        });
        ChangeSet set;
        for (const char *id : {"1", "4", "5", "10"})
            set.removed << fixtures::cache(id).key();
        f.model.applyChangeSet(set);
        QCOMPARE(checks, 11 + 9 + 8); // after the runs {10}, {4, 5} and {1}
        QCOMPARE(f.model.rowOfKey(fixtures::cache("4").key()), -1);
    }

    void changeEmitsOnlyTheAffectedColumnsAndRoles_data()
    {
        QTest::addColumn<int>("fields");
        QTest::addColumn<ColumnRuns>("columnRuns");
        QTest::addColumn<QList<int>>("roles");

        using R = QList<int>;
        using C = QList<std::pair<int, int>>;
        QTest::newRow("progress") << int(CacheField::Progress)
                                  << C{{CacheTableModel::Progress, CacheTableModel::Progress}}
                                  << R{Qt::DisplayRole, models::SortRole, models::ProgressRole};
        QTest::newRow("status") << int(CacheField::Status)
                                << C{{CacheTableModel::Name, CacheTableModel::Progress}}
                                << R{Qt::DisplayRole,  Qt::DecorationRole, Qt::ForegroundRole,
                                     models::SortRole, models::StatusRole, models::ProgressRole};
        QTest::newRow("size") << int(CacheField::Size)
                              << C{{CacheTableModel::Size, CacheTableModel::Size}}
                              << R{Qt::DisplayRole, models::SortRole};
        QTest::newRow("retention") << int(CacheField::Retention)
                                   << C{{CacheTableModel::Retention, CacheTableModel::Expires}}
                                   << R{Qt::DisplayRole, Qt::ToolTipRole, models::SortRole};
        QTest::newRow("status+message")
            << int(CacheFields(CacheField::Status) | CacheField::Message)
            << C{{CacheTableModel::Name, CacheTableModel::Progress},
                 {CacheTableModel::Message, CacheTableModel::Message}}
            << R{Qt::DisplayRole,  Qt::DecorationRole, Qt::ToolTipRole,     Qt::ForegroundRole,
                 models::SortRole, models::StatusRole, models::ProgressRole};
        QTest::newRow("images") << int(CacheField::Images)
                                << C{{CacheTableModel::Images, CacheTableModel::Images}}
                                << R{Qt::DisplayRole, Qt::ToolTipRole, models::SortRole,
                                     models::SearchTextRole};
        QTest::newRow("events only")
            << int(CacheField::Events) << C{{CacheTableModel::Name, CacheTableModel::Name}}
            << R{models::DetailsRevisionRole};
    }

    void changeEmitsOnlyTheAffectedColumnsAndRoles()
    {
        QFETCH(int, fields);
        QFETCH(QList<int>, roles);
        QFETCH(ColumnRuns, columnRuns);

        Fixture f;
        f.model.setCaches(fixtures::caches(6));
        const int row = 4;
        ImageCache changed = *f.model.cache(row);
        const CacheFields flags = CacheFields::fromInt(fields);
        if (flags & CacheField::Progress)
            changed.progress = 70;
        if (flags & CacheField::Status) {
            changed.status = CacheStatus::Failed;
            changed.rawStatus = QStringLiteral("Failed");
        }
        if (flags & CacheField::Size)
            changed.sizeGiB = 64;
        if (flags & CacheField::Retention)
            changed.retentionDays = 30;
        if (flags & CacheField::Message)
            changed.message = QStringLiteral("quota exceeded");
        if (flags & CacheField::Images)
            changed.images << QStringLiteral("busybox:latest");
        if (flags & CacheField::Events)
            changed.events << CacheEvent{
                QStringLiteral("Normal"), QStringLiteral("Pulled"), {}, {}, 1, {}, {}};
        QCOMPARE(diffCaches(*f.model.cache(row), changed), flags);
        const int revision
            = f.model.index(row, 0).data(CacheTableModel::DetailsRevisionRole).toInt();

        fixtures::ModelSignals spy(&f.model);
        ChangeSet set;
        set.changed = {{changed, flags}};
        f.model.applyChangeSet(set);

        QVERIFY(spy.noneExcept({&spy.changed}));
        QCOMPARE(spy.changed.size(), columnRuns.size());
        for (int i = 0; i < columnRuns.size(); ++i) {
            const QList<QVariant> args = spy.changed.at(i);
            QCOMPARE(args.at(0).toModelIndex(), f.model.index(row, columnRuns[i].first));
            QCOMPARE(args.at(1).toModelIndex(), f.model.index(row, columnRuns[i].second));
            QCOMPARE(rolesOf(args), roles);
        }
        QCOMPARE(*f.model.cache(row), changed);
        const int newRevision
            = f.model.index(row, 0).data(CacheTableModel::DetailsRevisionRole).toInt();
        QCOMPARE(newRevision, revision + ((flags & CacheField::Events) ? 1 : 0));
        if (flags & CacheField::Images) {
            QVERIFY(f.model.index(row, 0)
                        .data(CacheTableModel::SearchTextRole)
                        .toString()
                        .contains(QStringLiteral("busybox")));
        }
    }

    void underDeclaredFieldsAreStillAnnounced()
    {
        Fixture f;
        f.model.setCaches(fixtures::caches(4));
        ImageCache changed = *f.model.cache(1);
        changed.status = CacheStatus::Deleting;
        fixtures::ModelSignals spy(&f.model);
        ChangeSet set;
        set.changed = {{changed, {}}}; // a careless producer
        f.model.applyChangeSet(set);
        QCOMPARE(spy.changed.size(), 1);
        QVERIFY(rolesOf(spy.changed.first()).contains(models::StatusRole));
        QCOMPARE(f.model.index(1, CacheTableModel::Status).data().toString(),
                 QStringLiteral("Deleting"));

        // And an identical "change" emits nothing at all.
        spy.changed.clear();
        set.changed = {{changed, CacheField::Status}};
        f.model.applyChangeSet(set);
        QVERIFY(spy.noneExcept({}));
    }

    void upToHalfTheRowsChangedEmitsPerRow()
    {
        Fixture f;
        f.model.setCaches(fixtures::caches(10));
        ChangeSet set;
        for (int row : {1, 3, 5, 7, 9}) {
            ImageCache c = *f.model.cache(row);
            c.sizeGiB = 100 + row;
            set.changed.append({c, CacheField::Size});
        }
        fixtures::ModelSignals spy(&f.model);
        f.model.applyChangeSet(set);
        QVERIFY(spy.noneExcept({&spy.changed}));
        QCOMPARE(spy.changed.size(), 5);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(spy.changed.at(i).at(0).toModelIndex().row(), 1 + 2 * i);
            QCOMPARE(spy.changed.at(i).at(1).toModelIndex().row(), 1 + 2 * i);
        }
    }

    void moreThanHalfTheRowsChangedEmitsOneRangeSignal()
    {
        Fixture f;
        f.model.setCaches(fixtures::caches(10));
        ChangeSet set;
        for (int row = 2; row < 8; ++row) { // six of ten rows
            ImageCache c = *f.model.cache(row);
            c.progress = row * 10;
            if (row == 5)
                c.message = QStringLiteral("slow registry");
            set.changed.append({c, diffCaches(*f.model.cache(row), c)});
        }
        fixtures::ModelSignals spy(&f.model);
        f.model.applyChangeSet(set);
        QVERIFY(spy.noneExcept({&spy.changed}));
        QCOMPARE(spy.changed.size(), 1);
        const QList<QVariant> args = spy.changed.first();
        QCOMPARE(args.at(0).toModelIndex(), f.model.index(2, CacheTableModel::Progress));
        QCOMPARE(args.at(1).toModelIndex(), f.model.index(7, CacheTableModel::Message));
        QCOMPARE(rolesOf(args), CacheTableModel::rolesFor(CacheFields(CacheField::Progress)
                                                          | CacheField::Message));
        QCOMPARE(f.model.index(5, CacheTableModel::Progress).data().toString(),
                 QStringLiteral("50%"));
    }

    void changeOfAnUnknownKeyIsShownAsNew()
    {
        Fixture f;
        f.model.setCaches(fixtures::caches(2));
        fixtures::ModelSignals spy(&f.model);
        ChangeSet set;
        set.changed = {{fixtures::cache("late"), CacheField::Status}};
        f.model.applyChangeSet(set);
        QVERIFY(spy.noneExcept({&spy.inserted}));
        QCOMPARE(f.model.rowOfKey(fixtures::cache("late").key()), 2);
    }

    void selectionSurvivesAChangeSet()
    {
        Fixture f;
        f.model.setCaches(fixtures::caches(8));
        const QPersistentModelIndex selected = f.model.index(5, CacheTableModel::Status);
        const QString key = keyAt(f.model, 5);

        ChangeSet set;
        set.removed
            = {fixtures::cache("0").key(), fixtures::cache("1").key(), fixtures::cache("7").key()};
        ImageCache c = *f.model.cache(5);
        c.status = CacheStatus::Updating;
        set.changed = {{c, CacheField::Status}};
        set.inserted = {fixtures::cache("8")};
        f.model.applyChangeSet(set);

        QVERIFY(selected.isValid());
        QCOMPARE(selected.row(), 3);
        QCOMPARE(selected.data(CacheTableModel::KeyRole).toString(), key);
        QCOMPARE(selected.data().toString(), QStringLiteral("Updating"));
    }

    void randomChangeSetsKeepTheModelEqualToTheListing()
    {
        // Poll after poll, the rows must equal the latest listing and every lookup stay right.
        Fixture f;
        QRandomGenerator rng(20260301);
        std::map<int, ImageCache> listing;
        int nextId = 0;
        for (; nextId < 40; ++nextId)
            listing[nextId] = fixtures::cache(QString::number(nextId));
        QList<ImageCache> current;
        for (const auto &[id, c] : listing)
            current << c;
        f.model.setCaches(current);

        for (int round = 0; round < 30; ++round) {
            const QList<ImageCache> before = current;
            for (auto it = listing.begin(); it != listing.end();) {
                const int dice = rng.bounded(10);
                if (dice == 0) {
                    it = listing.erase(it);
                    continue;
                }
                if (dice == 1) {
                    it->second.progress = rng.bounded(101);
                    it->second.status = CacheStatus::Creating;
                }
                ++it;
            }
            for (int n = rng.bounded(5); n > 0; --n, ++nextId)
                listing[nextId] = fixtures::cache(QString::number(nextId));
            current.clear();
            for (const auto &[id, c] : listing)
                current << c;

            f.model.applyChangeSet(ChangeSet::between(before, current));
            QCOMPARE(f.model.rowCount(), int(listing.size()));
            for (const auto &[id, c] : listing) {
                const int row = f.model.rowOfKey(c.key());
                QVERIFY(row >= 0);
                QCOMPARE(*f.model.cache(row), c);
            }
        }
    }

    void countsCachesPerStatus()
    {
        Fixture f;
        f.model.setCaches({fixtures::cache("1", CacheStatus::Ready),
                           fixtures::cache("2", CacheStatus::Creating),
                           fixtures::cache("3", CacheStatus::Ready)});
        ImageCache failed = fixtures::cache("2", CacheStatus::Failed);
        ChangeSet set;
        set.changed = {{failed, CacheField::Status}};
        f.model.applyChangeSet(set);
        const QHash<CacheStatus, int> counts = f.model.statusCounts();
        QCOMPARE(counts.value(CacheStatus::Ready), 2);
        QCOMPARE(counts.value(CacheStatus::Failed), 1);
        QCOMPARE(counts.value(CacheStatus::Creating), 0);
    }

    void accountNamesReplaceIds()
    {
        Fixture f;
        f.model.setCaches(
            {fixtures::cache("1"), fixtures::cache("2", CacheStatus::Ready, Provider::Huawei)});
        QCOMPARE(f.model.index(0, CacheTableModel::Account).data().toString(),
                 QStringLiteral("ali-prod"));
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        const QHash<QString, QString> names
            = {{QStringLiteral("ali-prod"), QStringLiteral("Alibaba production")}};
        f.model.setAccountNames(names);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex(), f.model.index(0, CacheTableModel::Account));
        QCOMPARE(changed.first().at(1).toModelIndex(), f.model.index(1, CacheTableModel::Account));
        QCOMPARE(f.model.index(0, CacheTableModel::Account).data().toString(),
                 QStringLiteral("Alibaba production"));
        QCOMPARE(f.model.index(1, CacheTableModel::Account).data().toString(),
                 QStringLiteral("hw-prod"));
        f.model.setAccountNames(names);
        QCOMPARE(changed.size(), 1);
    }
};

QTEST_MAIN(TestCacheTableModel)
#include "tst_cachetablemodel.moc"
