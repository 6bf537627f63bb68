// The poller against the in-process emulator with the real providers and store: time for
// the poller, the emulator's lifecycles and request signing all comes from one ManualClock,
// so the test decides when polls happen and only waits for the network itself.

#include "emulator/emulator.h"
#include "net/apiclient.h"
#include "providers/servicefactory.h"
#include "store/databaseurl.h"
#include "store/store.h"
#include "sync/cacheevents.h"
#include "sync/manualclock.h"
#include "sync/regionpoller.h"
#include "sync/storesink.h"
#include "sync/syncmanager.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace cachesync;
using core::CacheStatus;

namespace {

const QString account = QStringLiteral("demo");
const QString region = QString::fromLatin1(emulator::demo::AlibabaRegion);

providers::Connection alibaba(const QUrl &endpoint, ManualClock *clock,
                              const QByteArray &secret = emulator::demo::AlibabaAccessKeySecret)
{
    providers::Connection c;
    c.provider = core::Provider::Alibaba;
    c.accountId = account;
    c.region = region;
    c.endpointOverride = endpoint;
    c.accessKeyId = emulator::demo::AlibabaAccessKeyId;
    c.accessKeySecret = secret;
    c.clock = [clock] {
        return clock->now();
    };
    return c;
}

// One attempt per call: retries are the poller's business here.
void singleAttempt(net::ApiClient *client)
{
    net::ApiClientOptions o = client->options();
    o.maxAttempts = 1;
    o.defaultTimeoutMs = 5000;
    client->setOptions(o);
}

} // namespace

class tst_SyncEmulator final : public QObject
{
    Q_OBJECT

private slots:
    void createdCacheProgressesToReady();
    void deletedHuaweiCacheDisappears();
    void wrongKeyStopsAndAsksForCredentials();
    void throttlingBacksOff();
    void restartShowsPreviousStateWithEmulatorStopped();
};

#define SETTLE(poller) QTRY_VERIFY_WITH_TIMEOUT((poller).status().inFlight == 0, 10000)

void tst_SyncEmulator::createdCacheProgressesToReady()
{
    ManualClock clock(QDateTime::currentMSecsSinceEpoch());
    emulator::Emulator emu;
    emu.setClock([&clock] { return clock.now(); });
    QVERIFY(emu.listen() != 0);
    net::ApiClient client;
    singleAttempt(&client);
    std::unique_ptr<providers::CacheService> service(
        providers::createCacheService(&client, alibaba(emu.baseUrl(), &clock)));
    QVERIFY(service);

    RegionPoller poller(account, region, service.get(), &clock);
    CacheEvents events(&clock);
    connect(&poller, &RegionPoller::changesApplied, &events, &CacheEvents::apply);
    QSignalSpy changes(&poller, &RegionPoller::changesApplied);
    QSignalSpy usable(&events, &CacheEvents::becameUsable);
    poller.start();
    SETTLE(poller);
    QCOMPARE(poller.status().state, PollerStatus::State::Polling);
    QVERIFY2(poller.status().lastError.kind == net::ApiError::Kind::None,
             qPrintable(poller.status().lastError.toString()));
    QCOMPARE(changes.count(), 0); // empty region

    core::CacheSpec spec;
    spec.name = QStringLiteral("sync-it");
    spec.images
        = {QStringLiteral("registry-vpc.cn-hangzhou.aliyuncs.com/eci_open/nginx:1.15.10-perl")};
    spec.securityGroupId = QStringLiteral("sg-demo0001");
    spec.vSwitchId = QStringLiteral("vsw-demo0001");
    auto created = service->create(spec);
    QTRY_VERIFY_WITH_TIMEOUT(created.isFinished(), 10000);
    QVERIFY2(created.result().ok(), qPrintable(created.result().error().toString()));
    const QString id = created.result().value().id;
    QVERIFY(!id.isEmpty());

    poller.refreshNow(); // what the console does after a create
    SETTLE(poller);
    QCOMPARE(changes.count(), 1);
    auto set = changes.at(0).at(0).value<core::ChangeSet>();
    QCOMPARE(set.inserted.size(), 1);
    QCOMPARE(set.inserted.first().id, id);
    QCOMPARE(set.inserted.first().status, CacheStatus::Creating);

    // Fast polls (3 s) follow it through Preparing → Creating (progress) → Ready.
    QList<int> progress;
    for (int step = 0; step < 10 && poller.knownCaches().first().status != CacheStatus::Ready;
         ++step) {
        const int before = int(changes.count());
        clock.advance(3'000);
        QVERIFY(poller.status().inFlight > 0); // the fast show went out without a listing
        SETTLE(poller);
        for (int i = before; i < changes.count(); ++i) {
            set = changes.at(i).at(0).value<core::ChangeSet>();
            QVERIFY(set.inserted.isEmpty() && set.removed.isEmpty());
            QCOMPARE(set.changed.size(), 1);
            QCOMPARE(set.changed.first().cache.id, id);
            if (set.changed.first().cache.progress)
                progress.append(*set.changed.first().cache.progress);
        }
    }
    const core::ImageCache ready = poller.knownCaches().first();
    QCOMPARE(ready.status, CacheStatus::Ready);
    QCOMPARE(ready.rawStatus, QStringLiteral("Ready"));
    QCOMPARE(progress.last(), 100);
    QVERIFY2(
        std::any_of(progress.cbegin(), progress.cend(), [](int p) { return p > 0 && p < 100; }),
        "no intermediate progress was seen");
    QVERIFY(std::is_sorted(progress.cbegin(), progress.cend()));
    QCOMPARE(usable.count(), 1);
    QCOMPARE(usable.at(0).at(0).value<core::ImageCache>().id, id);

    // Ready: the next request is the slow listing, a minute after the last one.
    const qint64 handled = emu.handledRequests();
    clock.advance(30'000);
    QCOMPARE(poller.status().inFlight, 0);
    QCOMPARE(emu.handledRequests(), handled);
}

void tst_SyncEmulator::deletedHuaweiCacheDisappears()
{
    ManualClock clock(QDateTime::currentMSecsSinceEpoch());
    emulator::Emulator emu;
    emu.setClock([&clock] { return clock.now(); });
    emu.addHuaweiCaches(QString::fromLatin1(emulator::demo::HuaweiProjectId), 2);
    QVERIFY(emu.listen() != 0);
    net::ApiClient client;
    singleAttempt(&client);
    providers::Connection c;
    c.provider = core::Provider::Huawei;
    c.accountId = account;
    c.region = QString::fromLatin1(emulator::demo::HuaweiRegion);
    c.endpointOverride = emu.baseUrl();
    c.accessKeyId = emulator::demo::HuaweiAccessKey;
    c.accessKeySecret = emulator::demo::HuaweiSecretKey;
    c.projectId = QString::fromLatin1(emulator::demo::HuaweiProjectId);
    c.clock = [&clock] {
        return clock.now();
    };
    std::unique_ptr<providers::CacheService> service(providers::createCacheService(&client, c));

    SyncManager manager(&clock);
    QSignalSpy changes(&manager, &SyncManager::changesApplied);
    QSignalSpy gone(manager.events(), &CacheEvents::disappeared);
    RegionPoller *poller = manager.addRegion(account, c.region, service.get());
    manager.start();
    SETTLE(*poller);
    QCOMPARE(changes.count(), 1);
    QCOMPARE(poller->knownCaches().size(), 2);
    const core::ImageCache victim = poller->knownCaches().first();
    QCOMPARE(victim.provider, core::Provider::Huawei);

    auto removed = service->remove(victim.id);
    QTRY_VERIFY_WITH_TIMEOUT(removed.isFinished(), 10000);
    QVERIFY2(removed.result().ok(), qPrintable(removed.result().error().toString()));
    manager.refreshNow();
    SETTLE(*poller);
    // Huawei deletes asynchronously: Deleting first (fast polls), then 404 → removal.
    for (int step = 0; step < 5 && poller->knownCaches().size() == 2; ++step) {
        clock.advance(3'000);
        SETTLE(*poller);
    }
    QCOMPARE(poller->knownCaches().size(), 1);
    QCOMPARE(gone.count(), 1);
    QCOMPARE(gone.at(0).at(0).value<cachesync::WatchedCache>().id, victim.id);
    const auto last = changes.last().at(0).value<core::ChangeSet>();
    QCOMPARE(last.removed, QStringList{victim.key()});
    QCOMPARE(poller->status().state, PollerStatus::State::Polling);
}

void tst_SyncEmulator::wrongKeyStopsAndAsksForCredentials()
{
    ManualClock clock(QDateTime::currentMSecsSinceEpoch());
    emulator::Emulator emu;
    emu.setClock([&clock] { return clock.now(); });
    emu.addAlibabaCaches(region, 3);
    QVERIFY(emu.listen() != 0);
    net::ApiClient client;
    singleAttempt(&client);
    std::unique_ptr<providers::CacheService> wrong(providers::createCacheService(
        &client, alibaba(emu.baseUrl(), &clock, QByteArrayLiteral("not-the-secret"))));

    RegionPoller poller(account, region, wrong.get(), &clock);
    QSignalSpy asked(&poller, &RegionPoller::credentialsRequired);
    poller.start();
    SETTLE(poller);
    QCOMPARE(poller.status().lastError.kind, net::ApiError::Kind::Auth);
    QCOMPARE(poller.status().state, PollerStatus::State::BackingOff);
    QCOMPARE(asked.count(), 0);
    clock.advance(clock.nextDueMs() - clock.nowMs());
    SETTLE(poller);
    QCOMPARE(asked.count(), 1);
    const auto error = asked.at(0).at(2).value<net::ApiError>();
    QCOMPARE(error.code, QStringLiteral("SignatureDoesNotMatch"));
    QVERIFY(!error.requestId.isEmpty());
    QVERIFY(!error.toString().contains(QLatin1String("not-the-secret")));

    const qint64 handled = emu.handledRequests();
    clock.advance(3'600'000);
    QCOMPARE(poller.status().inFlight, 0);
    QCOMPARE(emu.handledRequests(), handled); // no retrying a rejected key

    std::unique_ptr<providers::CacheService> right(
        providers::createCacheService(&client, alibaba(emu.baseUrl(), &clock)));
    QSignalSpy changes(&poller, &RegionPoller::changesApplied);
    poller.resumeWithCredentials(right.get());
    SETTLE(poller);
    QCOMPARE(poller.status().state, PollerStatus::State::Polling);
    QCOMPARE(changes.count(), 1);
    QCOMPARE(changes.at(0).at(0).value<core::ChangeSet>().inserted.size(), 3);
}

void tst_SyncEmulator::throttlingBacksOff()
{
    ManualClock clock(QDateTime::currentMSecsSinceEpoch());
    emulator::Emulator emu;
    emu.setClock([&clock] { return clock.now(); });
    QVERIFY(emu.listen() != 0);
    emulator::FaultRule throttle;
    throttle.kind = emulator::FaultRule::Kind::Throttle;
    throttle.match = QStringLiteral("DescribeImageCaches");
    throttle.count = 2;
    emu.faults()->addRule(throttle);
    net::ApiClient client;
    singleAttempt(&client);
    std::unique_ptr<providers::CacheService> service(
        providers::createCacheService(&client, alibaba(emu.baseUrl(), &clock)));

    PollSettings settings;
    settings.backoffBaseMs = 1'000;
    RegionPoller poller(account, region, service.get(), &clock, settings);
    poller.start();
    SETTLE(poller);
    net::ApiError error = poller.status().lastError;
    QCOMPARE(error.kind, net::ApiError::Kind::Throttled);
    QCOMPARE(poller.status().state, PollerStatus::State::BackingOff);
    qint64 wait = clock.nextDueMs() - clock.nowMs();
    QVERIFY(wait >= qMax(1'000, error.retryAfterMs));

    clock.advance(wait);
    SETTLE(poller);
    error = poller.status().lastError;
    QCOMPARE(error.kind, net::ApiError::Kind::Throttled);
    QCOMPARE(poller.status().consecutiveFailures, 2);
    wait = clock.nextDueMs() - clock.nowMs();
    QVERIFY(wait >= qMax(2'000, error.retryAfterMs)); // the floor doubled

    clock.advance(wait);
    SETTLE(poller);
    QCOMPARE(poller.status().state, PollerStatus::State::Polling);
    QCOMPARE(poller.status().consecutiveFailures, 0);
    QCOMPARE(clock.nextDueMs() - clock.nowMs(), settings.slowIntervalMs);
}

void tst_SyncEmulator::restartShowsPreviousStateWithEmulatorStopped()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QUrl dbUrl = store::DatabaseUrl::sqliteUrl(dir.filePath(QStringLiteral("imagecache.db")));
    ManualClock clock(QDateTime::currentMSecsSinceEpoch());
    QUrl deadEndpoint;
    QList<core::ImageCache> before;

    {
        // First run: the emulator is up; the poll lands in the store.
        emulator::Emulator emu;
        emu.setClock([&clock] { return clock.now(); });
        emu.addAlibabaCaches(region, 12);
        QVERIFY(emu.listen() != 0);
        deadEndpoint = emu.baseUrl();
        net::ApiClient client;
        singleAttempt(&client);
        std::unique_ptr<providers::CacheService> service(
            providers::createCacheService(&client, alibaba(emu.baseUrl(), &clock)));
        store::Store db;
        QVERIFY2(db.open(dbUrl), qPrintable(db.errorString()));
        StoreSink sink(&db);
        SyncManager manager(&clock);
        manager.setSink(&sink);
        QSignalSpy changes(&manager, &SyncManager::changesApplied);
        RegionPoller *poller = manager.addRegion(account, region, service.get());
        manager.start();
        QTRY_COMPARE_WITH_TIMEOUT(changes.count(), 1, 10000);
        SETTLE(*poller);
        QCOMPARE(db.cacheCount(), 12);
        before = poller->knownCaches();
        manager.stop();
    }

    // Second run: the emulator is gone. The store shows the last state at once, and the
    // failing poll changes nothing in it.
    store::Store db;
    QVERIFY2(db.open(dbUrl), qPrintable(db.errorString()));
    const QList<core::ImageCache> loaded = db.loadCaches();
    QCOMPARE(loaded.size(), 12);
    auto byKey = [](QList<core::ImageCache> list) {
        std::sort(list.begin(), list.end(),
                  [](const auto &a, const auto &b) { return a.key() < b.key(); });
        return list;
    };
    const auto a = byKey(before);
    const auto b = byKey(loaded);
    for (int i = 0; i < a.size(); ++i) {
        QCOMPARE(b.at(i).key(), a.at(i).key());
        QCOMPARE(b.at(i).name, a.at(i).name);
        QCOMPARE(b.at(i).status, a.at(i).status);
        QCOMPARE(b.at(i).images, a.at(i).images);
    }

    net::ApiClient client;
    singleAttempt(&client);
    std::unique_ptr<providers::CacheService> service(
        providers::createCacheService(&client, alibaba(deadEndpoint, &clock)));
    StoreSink sink(&db);
    SyncManager manager(&clock);
    manager.setSink(&sink);
    manager.setKnownCaches(loaded);
    QSignalSpy changes(&manager, &SyncManager::changesApplied);
    QSignalSpy gone(manager.events(), &CacheEvents::disappeared);
    RegionPoller *poller = manager.addRegion(account, region, service.get());
    QCOMPARE(poller->knownCaches().size(), 12);
    manager.start();
    SETTLE(*poller);
    const PollerStatus status = manager.statuses().first();
    QCOMPARE(status.state, PollerStatus::State::BackingOff);
    QVERIFY2(status.lastError.kind == net::ApiError::Kind::Network
                 || status.lastError.kind == net::ApiError::Kind::Timeout,
             qPrintable(status.lastError.toString()));
    QCOMPARE(status.cacheCount, 12);
    QCOMPARE(changes.count(), 0);
    QCOMPARE(gone.count(), 0); // an unreachable cloud is not an empty one
    QCOMPARE(db.cacheCount(), 12);
}

QTEST_GUILESS_MAIN(tst_SyncEmulator)
#include "tst_syncemulator.moc"
