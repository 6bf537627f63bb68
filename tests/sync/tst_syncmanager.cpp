#include "fakecacheservice.h"

#include "sync/changesink.h"
#include "sync/manualclock.h"
#include "sync/regionpoller.h"
#include "sync/syncmanager.h"

#include <QSignalSpy>
#include <QTest>

using namespace cachesync;
using core::CacheStatus;
using Kind = net::ApiError::Kind;

namespace {

class CountingSink final : public ChangeSink
{
public:
    bool apply(const core::ChangeSet &changes) override
    {
        rows += int(changes.inserted.size() + changes.changed.size() + changes.removed.size());
        ++sets;
        return true;
    }
    int sets = 0;
    int rows = 0;
};

} // namespace

class tst_SyncManager final : public QObject
{
    Q_OBJECT

private slots:
    void pollsEveryRegionAndForwards();
    void sharedLimiterCapsAllPollers();
    void credentialsStopOnlyThatAccount();
    void seedAndStatuses();
    void statusSummaryForTheStatusBar();
};

void tst_SyncManager::pollsEveryRegionAndForwards()
{
    ManualClock clock;
    FakeCacheService hz(QStringLiteral("cn-hangzhou"));
    FakeCacheService bj(QStringLiteral("cn-beijing"));
    hz.caches = {makeCache(QStringLiteral("a"), CacheStatus::Creating)};
    bj.caches = {makeCache(QStringLiteral("b"), CacheStatus::Ready, {}, QStringLiteral("acct"),
                           QStringLiteral("cn-beijing"))};
    CountingSink sink;
    SyncManager manager(&clock);
    manager.setSink(&sink);
    manager.addRegion(QStringLiteral("acct"), QStringLiteral("cn-hangzhou"), &hz);
    manager.addRegion(QStringLiteral("acct"), QStringLiteral("cn-beijing"), &bj);
    QSignalSpy changes(&manager, &SyncManager::changesApplied);
    QSignalSpy usable(manager.events(), &CacheEvents::becameUsable);
    manager.start();
    QCOMPARE(hz.listCalls(), 1);
    QCOMPARE(bj.listCalls(), 1);
    QCOMPARE(changes.count(), 2);
    QCOMPARE(sink.sets, 2);

    hz.caches[0].status = CacheStatus::Ready;
    clock.advance(3'000);
    QCOMPARE(changes.count(), 3);
    QCOMPARE(usable.count(), 1);
    QCOMPARE(usable.at(0).at(0).value<core::ImageCache>().id, QStringLiteral("a"));

    manager.setWindowVisible(false);
    manager.setOnline(false);
    clock.advance(600'000);
    QCOMPARE(hz.listCalls(), 1);
    manager.setOnline(true);
    QCOMPARE(hz.listCalls(), 2);
    QCOMPARE(bj.listCalls(), 2);
    manager.refreshNow(QStringLiteral("acct"), QStringLiteral("cn-beijing"));
    QCOMPARE(bj.listCalls(), 3);
    QCOMPARE(hz.listCalls(), 2);
    manager.stop();
    clock.advance(3'600'000);
    QCOMPARE(hz.listCalls(), 2);
}

void tst_SyncManager::sharedLimiterCapsAllPollers()
{
    ManualClock clock;
    QList<FakeCacheService *> services;
    SyncManager manager(&clock);
    manager.setGlobalMaxInFlight(2);
    for (const char *region : {"r1", "r2", "r3", "r4"}) {
        auto *s = new FakeCacheService(QString::fromLatin1(region));
        s->hold = true;
        services.append(s);
        manager.addRegion(QStringLiteral("acct"), s->region(), s);
    }
    manager.start();
    auto calls = [&] {
        int n = 0;
        for (auto *s : services)
            n += s->listCalls();
        return n;
    };
    auto inFlight = [&] {
        int n = 0;
        for (const PollerStatus &st : manager.statuses())
            n += st.inFlight;
        return n;
    };
    QCOMPARE(calls(), 2);
    QCOMPARE(inFlight(), 2);
    services[0]->releaseAll();
    QCOMPARE(calls(), 3);
    for (auto *s : services)
        s->releaseAll();
    for (auto *s : services)
        s->releaseAll();
    QCOMPARE(calls(), 4);
    QCOMPARE(inFlight(), 0);

    // Removing a poller with a request in flight gives its slot back.
    clock.advance(60'000);
    QCOMPARE(calls(), 6);
    manager.removeRegion(QStringLiteral("acct"), QStringLiteral("r1"));
    QCOMPARE(calls(), 7);
    for (auto *s : services)
        s->releaseAll();
    for (auto *s : services)
        s->releaseAll();
    QCOMPARE(calls(), 8); // r1's late reply is dropped, r4 gets the freed slot
    QCOMPARE(services[0]->listCalls(), 2);
    QCOMPARE(manager.pollers().size(), 3);
    qDeleteAll(services);
}

void tst_SyncManager::credentialsStopOnlyThatAccount()
{
    ManualClock clock;
    FakeCacheService bad;
    FakeCacheService good;
    bad.errors = {makeError(Kind::Auth), makeError(Kind::Auth)};
    SyncManager manager(&clock);
    manager.addRegion(QStringLiteral("bad"), QStringLiteral("cn-hangzhou"), &bad);
    manager.addRegion(QStringLiteral("good"), QStringLiteral("cn-hangzhou"), &good);
    QSignalSpy spy(&manager, &SyncManager::credentialsRequired);
    manager.start();
    clock.advance(10'000);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("bad"));
    clock.advance(600'000);
    QCOMPARE(bad.listCalls(), 2);
    QCOMPARE(good.listCalls(), 11);

    // New keys, new service: addRegion again replaces it and resumes.
    FakeCacheService renewed;
    manager.addRegion(QStringLiteral("bad"), QStringLiteral("cn-hangzhou"), &renewed);
    QCOMPARE(renewed.listCalls(), 1);
    QCOMPARE(manager.poller(QStringLiteral("bad"), QStringLiteral("cn-hangzhou"))->status().state,
             PollerStatus::State::Polling);
}

void tst_SyncManager::seedAndStatuses()
{
    ManualClock clock;
    FakeCacheService hz;
    const auto a = makeCache(QStringLiteral("a"), CacheStatus::Ready);
    hz.caches = {a};
    SyncManager manager(&clock);
    manager.setKnownCaches({a});
    manager.addRegion(QStringLiteral("acct"), QStringLiteral("cn-hangzhou"), &hz);
    QSignalSpy changes(&manager, &SyncManager::changesApplied);
    QSignalSpy status(&manager, &SyncManager::statusChanged);
    manager.start();
    QCOMPARE(changes.count(), 0); // the store already had it
    QVERIFY(status.count() >= 1);
    QCOMPARE(status.last().at(0).toString(), QStringLiteral("acct"));
    const QList<PollerStatus> all = manager.statuses();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first().region, QStringLiteral("cn-hangzhou"));
    QCOMPARE(all.first().cacheCount, 1);
    QCOMPARE(all.first().lastSuccess, clock.now());

    hz.errors = {makeError(Kind::Http)};
    hz.errors.first().requestId = QStringLiteral("0E5C-REQ");
    manager.refreshNow();
    QCOMPARE(manager.statuses().first().lastError.requestId, QStringLiteral("0E5C-REQ"));
    QCOMPARE(manager.statuses().first().state, PollerStatus::State::BackingOff);
}

void tst_SyncManager::statusSummaryForTheStatusBar()
{
    ManualClock clock;
    FakeCacheService hz;
    hz.caches = {makeCache(QStringLiteral("a"), CacheStatus::Ready),
                 makeCache(QStringLiteral("b"), CacheStatus::Ready)};
    SyncManager manager(&clock);
    RegionPoller *poller
        = manager.addRegion(QStringLiteral("acct"), QStringLiteral("cn-hangzhou"), &hz);
    QCOMPARE(poller->status().summary(clock.now()), QStringLiteral("cn-hangzhou: not polling"));
    manager.start();
    QVERIFY2(poller->status()
                 .summary(clock.now())
                 .startsWith(QLatin1String("cn-hangzhou: 2 cache(s), updated ")),
             qPrintable(poller->status().summary(clock.now())));
    hz.errors = {makeError(Kind::Throttled, 30'000)};
    manager.refreshNow();
    clock.advance(10'000);
    QCOMPARE(poller->status().summary(clock.now()),
             QStringLiteral("cn-hangzhou: retrying in 20 s (Throttling.User)"));
    manager.setOnline(false);
    QCOMPARE(poller->status().summary(clock.now()),
             QStringLiteral("cn-hangzhou: offline, showing the last known state"));
    manager.setOnline(true);
    hz.errors = {makeError(Kind::Auth), makeError(Kind::Auth)};
    manager.refreshNow();
    clock.advance(clock.nextDueMs() - clock.nowMs());
    QCOMPARE(poller->status().summary(clock.now()),
             QStringLiteral("cn-hangzhou: credentials rejected (Forbidden.AccessKeyDisabled), "
                            "update them to resume"));
    // New keys (the console saves the account): the region's service is replaced and polling
    // resumes.
    RegionPoller *resumed
        = manager.addRegion(QStringLiteral("acct"), QStringLiteral("cn-hangzhou"), &hz);
    QCOMPARE(resumed->status().state, PollerStatus::State::Polling);
}

QTEST_GUILESS_MAIN(tst_SyncManager)
#include "tst_syncmanager.moc"
