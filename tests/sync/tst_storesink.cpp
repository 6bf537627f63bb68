#include "fakecacheservice.h"

#include "store/databaseurl.h"
#include "store/store.h"
#include "store/storeworker.h"
#include "sync/manualclock.h"
#include "sync/regionpoller.h"
#include "sync/storesink.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cachesync;
using core::CacheStatus;

class tst_StoreSink final : public QObject
{
    Q_OBJECT

private slots:
    void pollsLandInTheStoreBeforeTheyAreAnnounced();
    void workerWritesAreSeenByLaterReads();
};

void tst_StoreSink::pollsLandInTheStoreBeforeTheyAreAnnounced()
{
    QTemporaryDir dir;
    store::Store db;
    QVERIFY2(db.open(store::DatabaseUrl::sqliteUrl(dir.filePath(QStringLiteral("s.db")))),
             qPrintable(db.errorString()));
    StoreSink sink(&db);
    ManualClock clock;
    FakeCacheService service;
    service.caches = {makeCache(QStringLiteral("a"), CacheStatus::Creating),
                      makeCache(QStringLiteral("b"), CacheStatus::Ready)};
    RegionPoller poller(QStringLiteral("acct"), QStringLiteral("cn-hangzhou"), &service, &clock);
    poller.setSink(&sink);
    QList<int> countsAtAnnouncement;
    QList<CacheStatus> storedStatusOfA;
    connect(&poller, &RegionPoller::changesApplied, this, [&] {
        countsAtAnnouncement.append(db.cacheCount());
        for (const core::ImageCache &c : db.loadCaches()) {
            if (c.id == QLatin1String("a"))
                storedStatusOfA.append(c.status);
        }
    });
    poller.start();
    QCOMPARE(countsAtAnnouncement, QList<int>{2});

    service.caches[0].status = CacheStatus::Ready;
    service.caches[0].rawStatus = QStringLiteral("Ready");
    service.caches.removeLast();
    clock.advance(3'000); // the fast show of "a" sees it Ready
    QCOMPARE(countsAtAnnouncement, (QList<int>{2, 2}));
    QCOMPARE(storedStatusOfA, (QList<CacheStatus>{CacheStatus::Creating, CacheStatus::Ready}));
    QCOMPARE(db.loadCaches().size(), 2);
    clock.advance(57'000); // the listing finds "b" gone
    QCOMPARE(countsAtAnnouncement, (QList<int>{2, 2, 1}));
    const QList<core::ImageCache> stored
        = db.loadCaches(QStringLiteral("acct"), QStringLiteral("cn-hangzhou"));
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().id, QStringLiteral("a"));
    QCOMPARE(stored.first().status, CacheStatus::Ready);
    QVERIFY(sink.lastError().isEmpty());
}

void tst_StoreSink::workerWritesAreSeenByLaterReads()
{
    QTemporaryDir dir;
    store::StoreWorker worker;
    auto opened = worker.open(store::DatabaseUrl::sqliteUrl(dir.filePath(QStringLiteral("w.db"))));
    QTRY_VERIFY_WITH_TIMEOUT(opened.isFinished(), 10000);
    QVERIFY2(opened.result().ok, qPrintable(opened.result().error));
    StoreSink sink(&worker);
    core::ChangeSet set;
    set.inserted
        = {makeCache(QStringLiteral("a"), CacheStatus::Ready),
           makeCache(QStringLiteral("b"), CacheStatus::Failed, QStringLiteral("UpdateFailed"))};
    QVERIFY(sink.apply(set));
    auto loaded = worker.loadCaches(); // queued after the write
    QTRY_VERIFY_WITH_TIMEOUT(loaded.isFinished(), 10000);
    QVERIFY(loaded.result().ok);
    QCOMPARE(loaded.result().value.size(), 2);
}

QTEST_GUILESS_MAIN(tst_StoreSink)
#include "tst_storesink.moc"
