#include "fakecacheservice.h"

#include "sync/cacheevents.h"
#include "sync/changesink.h"
#include "sync/manualclock.h"
#include "sync/regionpoller.h"

#include <QSignalSpy>
#include <QTest>

using namespace cachesync;
using core::CacheField;
using core::CacheStatus;
using Kind = net::ApiError::Kind;

namespace {

// Records what was written, and logs it so the test can check "written, then announced".
class RecordingSink final : public ChangeSink
{
public:
    explicit RecordingSink(QStringList *log)
        : m_log(log)
    {}
    bool apply(const core::ChangeSet &changes) override
    {
        sets.append(changes);
        m_log->append(QStringLiteral("sink"));
        return true;
    }
    QList<core::ChangeSet> sets;

private:
    QStringList *m_log;
};

PollSettings testSettings()
{
    PollSettings s;
    s.slowIntervalMs = 60'000;
    s.fastIntervalMs = 3'000;
    s.listWhenTransitionalAbove = 3;
    s.hiddenSlowdown = 4;
    s.maxInFlight = 2;
    s.backoffBaseMs = 1'000;
    s.backoffCapMs = 8'000;
    s.authFailureLimit = 2;
    return s;
}

} // namespace

class tst_RegionPoller final : public QObject
{
    Q_OBJECT

private slots:
    void slowIntervalHonoured();
    void firstPollDiffsAgainstKnownState_data();
    void firstPollDiffsAgainstKnownState();
    void sinkIsWrittenBeforeAnnouncement();
    void transitionalCacheGetsFastShowsUntilReady();
    void manyTransitionalCachesUseOneFastListing();
    void deletedCacheIsRemovedWhenShowFindsNothing();
    void backoffGrowsCappedJitteredAndResets();
    void backoffIsJittered();
    void throttlingHonoursRetryAfter();
    void repeatedAuthErrorsStopAndAskForCredentials();
    void authErrorsMustBeConsecutive();
    void inFlightCapIsRespected();
    void offlinePausesAndReconnectPollsAtOnce();
    void hiddenWindowSlowsPolling();
    void manualRefreshSkipsTheWait();
    void stopDiscardsLateReplies();
    void localCreateIsShownAndPolledAtOnce();
    void freshListingEndsBackoffOfAFailedShow();
    void listingSentBeforeALocalCreateKeepsTheCache();
    void olderListingDoesNotUndoANewerShow();
    void olderListingDoesNotBringBackACacheAShowFoundGone();
    void freshPollByAnotherConsoleDefersOwnPollsButNotF5();
    void remoteChangesAreAnnouncedNotWritten();
};

void tst_RegionPoller::slowIntervalHonoured()
{
    ManualClock clock;
    FakeCacheService service;
    service.caches = {makeCache(QStringLiteral("a"), CacheStatus::Ready)};
    RegionPoller poller(QStringLiteral("acct"), QStringLiteral("cn-hangzhou"), &service, &clock,
                        testSettings());
    QCOMPARE(service.listCalls(), 0);
    poller.start();
    QCOMPARE(service.listCalls(), 1); // the first listing goes out at once
    clock.advance(59'999);
    QCOMPARE(service.listCalls(), 1);
    clock.advance(1);
    QCOMPARE(service.listCalls(), 2);
    clock.advance(60'000);
    QCOMPARE(service.listCalls(), 3);
    QCOMPARE(service.showCalls(), 0); // a Ready cache is never polled on its own
    const PollerStatus status = poller.status();
    QCOMPARE(status.state, PollerStatus::State::Polling);
    QCOMPARE(status.cacheCount, 1);
    QCOMPARE(status.lastSuccess, clock.now());
    QCOMPARE(status.nextPoll, clock.now().addMSecs(60'000));
}

void tst_RegionPoller::firstPollDiffsAgainstKnownState_data()
{
    QTest::addColumn<bool>("seeded");
    QTest::newRow("restart with the store's state") << true;
    QTest::newRow("first start, empty store") << false;
}

void tst_RegionPoller::firstPollDiffsAgainstKnownState()
{
    QFETCH(bool, seeded);
    ManualClock clock;
    FakeCacheService service;
    const auto a
        = makeCache(QStringLiteral("a"), CacheStatus::Creating, QStringLiteral("Creating"));
    const auto b = makeCache(QStringLiteral("b"), CacheStatus::Ready);
    const auto gone = makeCache(QStringLiteral("gone"), CacheStatus::Ready);
    auto aNow = a;
    aNow.status = CacheStatus::Ready;
    aNow.rawStatus = QStringLiteral("Ready");
    aNow.progress = 100;
    // The provider may leave the account empty: the poller owns the key.
    auto bNow = b;
    bNow.accountId.clear();
    const auto c = makeCache(QStringLiteral("c"), CacheStatus::Creating);
    service.caches = {aNow, bNow, c};

    RegionPoller poller(QStringLiteral("acct"), QStringLiteral("cn-hangzhou"), &service, &clock,
                        testSettings());
    // A cache of another region is not this poller's business.
    const auto otherRegion = makeCache(QStringLiteral("x"), CacheStatus::Ready, {},
                                       QStringLiteral("acct"), QStringLiteral("cn-beijing"));
    if (seeded)
        poller.setKnownCaches({a, b, gone, otherRegion});
    QSignalSpy spy(&poller, &RegionPoller::changesApplied);
    poller.start();
    QCOMPARE(spy.count(), 1);
    const auto set = spy.at(0).at(0).value<core::ChangeSet>();
    if (!seeded) {
        QCOMPARE(set.inserted.size(), 3);
        QVERIFY(set.changed.isEmpty());
        QVERIFY(set.removed.isEmpty());
        return;
    }
    QCOMPARE(set.inserted.size(), 1);
    QCOMPARE(set.inserted.first().id, QStringLiteral("c"));
    QCOMPARE(set.changed.size(), 1); // b is unchanged, so not reported
    QCOMPARE(set.changed.first().cache.id, QStringLiteral("a"));
    QCOMPARE(set.changed.first().fields,
             core::CacheFields(CacheField::Status) | CacheField::Progress);
    QCOMPARE(set.removed, QStringList{gone.key()});
    QCOMPARE(poller.knownCaches().size(), 3);

    // Nothing changed on the server: the next listing announces nothing.
    clock.advance(60'000);
    QCOMPARE(service.listCalls(), 2);
    QCOMPARE(spy.count(), 1);
}

void tst_RegionPoller::sinkIsWrittenBeforeAnnouncement()
{
    ManualClock clock;
    FakeCacheService service;
    service.caches = {makeCache(QStringLiteral("a"), CacheStatus::Ready)};
    QStringList log;
    RecordingSink sink(&log);
    RegionPoller poller(QStringLiteral("acct"), QStringLiteral("cn-hangzhou"), &service, &clock,
                        testSettings());
    poller.setSink(&sink);
    connect(&poller, &RegionPoller::changesApplied, this, [&](const core::ChangeSet &set) {
        // The store already holds what the models are being told about.
        QCOMPARE(sink.sets.size(), 1);
        QCOMPARE(sink.sets.last().inserted, set.inserted);
        log.append(QStringLiteral("announce"));
    });
    poller.start();
    QCOMPARE(log, (QStringList{QStringLiteral("sink"), QStringLiteral("announce")}));
    clock.advance(60'000); // unchanged: neither written nor announced
    QCOMPARE(log.size(), 2);
}

void tst_RegionPoller::transitionalCacheGetsFastShowsUntilReady()
{
    ManualClock clock;
    FakeCacheService service;
    auto creating
        = makeCache(QStringLiteral("new"), CacheStatus::Creating, QStringLiteral("Preparing"));
    creating.progress = 0;
    service.caches = {creating, makeCache(QStringLiteral("old"), CacheStatus::Ready)};
    RegionPoller poller(QStringLiteral("acct"), QStringLiteral("cn-hangzhou"), &service, &clock,
                        testSettings());
    QSignalSpy spy(&poller, &RegionPoller::changesApplied);
    poller.start();
    QCOMPARE(spy.count(), 1);

    clock.advance(2'999);
    QCOMPARE(service.showCalls(QStringLiteral("new")), 0);
    clock.advance(1);
    QCOMPARE(service.showCalls(QStringLiteral("new")), 1);
    QCOMPARE(spy.count(), 1); // nothing changed yet

    service.caches[0].progress = 40;
    service.caches[0].rawStatus = QStringLiteral("Creating");
    clock.advance(3'000);
    QCOMPARE(service.showCalls(QStringLiteral("new")), 2);
    QCOMPARE(spy.count(), 2);
    auto set = spy.at(1).at(0).value<core::ChangeSet>();
    QCOMPARE(set.changed.size(), 1);
    QCOMPARE(set.changed.first().cache.progress, 40);
    QCOMPARE(set.changed.first().fields,
             core::CacheFields(CacheField::Status) | CacheField::Progress);

    service.caches[0].status = CacheStatus::Ready;
    service.caches[0].rawStatus = QStringLiteral("Ready");
    service.caches[0].progress = 100;
    clock.advance(3'000);
    QCOMPARE(service.showCalls(QStringLiteral("new")), 3);
    set = spy.at(2).at(0).value<core::ChangeSet>();
    QCOMPARE(set.changed.first().cache.status, CacheStatus::Ready);

    // Ready: no more fast polls, only the slow listing.
    clock.advance(50'000);
    QCOMPARE(service.showCalls(), 3);
    QCOMPARE(service.showCalls(QStringLiteral("old")), 0);
    QCOMPARE(service.listCalls(), 1);
    clock.advance(10'000);
    QCOMPARE(service.listCalls(), 2);
}

void tst_RegionPoller::manyTransitionalCachesUseOneFastListing()
{
    ManualClock clock;
    FakeCacheService service;
    for (int i = 0; i < 5; ++i)
        service.caches.append(makeCache(QString::number(i), CacheStatus::Creating));
    RegionPoller poller(QStringLiteral("acct"), QStringLiteral("cn-hangzhou"), &service, &clock,
                        testSettings());
    poller.start();
    clock.advance(3'000);
    QCOMPARE(service.showCalls(), 0);
    QCOMPARE(service.listCalls(), 2);
    clock.advance(3'000);
    QCOMPARE(service.listCalls(), 3);

    // Down to two transitional caches: per-cache shows again, listing back to slow.
    for (int i = 0; i < 3; ++i)
        service.caches[i].status = CacheStatus::Ready;
    clock.advance(3'000);
    QCOMPARE(service.listCalls(), 4);
    clock.advance(3'000);
    QCOMPARE(service.showCalls(QStringLiteral("3")), 1);
    QCOMPARE(service.showCalls(QStringLiteral("4")), 1);
    QCOMPARE(service.showCalls(QStringLiteral("0")), 0);
    QCOMPARE(service.listCalls(), 4);
}

void tst_RegionPoller::deletedCacheIsRemovedWhenShowFindsNothing()
{
    ManualClock clock;
    FakeCacheService service;
    const auto deleting
        = makeCache(QStringLiteral("d"), CacheStatus::Deleting, QStringLiteral("Deleting"));
    service.caches = {deleting};
    RegionPoller poller(QStringLiteral("acct"), QStringLiteral("cn-hangzhou"), &service, &clock,
                        testSettings());
    QSignalSpy spy(&poller, &RegionPoller::changesApplied);
    poller.start();
    service.caches.clear(); // delete completed: show() now answers 404
    clock.advance(3'000);
    QCOMPARE(service.showCalls(QStringLiteral("d")), 1);
    QCOMPARE(spy.count(), 2);
    const auto set = spy.at(1).at(0).value<core::ChangeSet>();
    QCOMPARE(set.removed, QStringList{deleting.key()});
    QVERIFY(poller.knownCaches().isEmpty());
    QCOMPARE(poller.status().state, PollerStatus::State::Polling); // a 404 here is no failure
    clock.advance(30'000);
    QCOMPARE(service.showCalls(), 1);
}

void tst_RegionPoller::backoffGrowsCappedJitteredAndResets()
{
    ManualClock clock;
    FakeCacheService service;
    service.caches = {makeCache(QStringLiteral("a"), CacheStatus::Ready)};
    for (int i = 0; i < 6; ++i)
        service.errors.append(makeError(i % 2 ? Kind::Timeout : Kind::Network));
    RegionPoller poller(QStringLiteral("acct"), QStringLiteral("cn-hangzhou"), &service, &clock,
                        testSettings());
    QSignalSpy failures(&poller, &RegionPoller::requestFailed);
    poller.start();
    // base 1 s, cap 8 s: the k-th failure waits within [c/2, c], c = min(8 s, 1 s·2^k).
    const qint64 ceilings[] = {2'000, 4'000, 8'000, 8'000, 8'000, 8'000};
    for (int k = 0; k < 6; ++k) {
        QCOMPARE(failures.count(), k + 1);
        const PollerStatus st = poller.status();
        QCOMPARE(st.state, PollerStatus::State::BackingOff);
        QCOMPARE(st.consecutiveFailures, k + 1);
        QVERIFY(!st.lastError.requestId.isEmpty());
        const qint64 delay = clock.nextDueMs() - clock.nowMs();
        QVERIFY2(delay >= ceilings[k] / 2 && delay <= ceilings[k],
                 qPrintable(QStringLiteral("failure %1 waits %2 ms").arg(k + 1).arg(delay)));
        QCOMPARE(st.nextPoll, clock.now().addMSecs(delay));
        const int calls = service.listCalls();
        clock.advance(delay - 1);
        QCOMPARE(service.listCalls(), calls); // no retry before the backoff ends
        clock.advance(1);
        QCOMPARE(service.listCalls(), calls + 1);
    }
    // The 7th call succeeded: back to the slow interval, failures forgotten.
    const PollerStatus st = poller.status();
    QCOMPARE(st.state, PollerStatus::State::Polling);
    QCOMPARE(st.consecutiveFailures, 0);
    QCOMPARE(st.lastError.kind, Kind::None);
    QCOMPARE(clock.nextDueMs() - clock.nowMs(), 60'000);

    // A new failure starts again from the first step.
    service.errors.append(makeError(Kind::Network));
    clock.advance(60'000);
    const qint64 delay = clock.nextDueMs() - clock.nowMs();
    QVERIFY(delay >= 1'000 && delay <= 2'000);
}

void tst_RegionPoller::backoffIsJittered()
{
    // Pollers that failed together must not retry together.
    QSet<qint64> delays;
    for (quint32 seed = 1; seed <= 20; ++seed) {
        ManualClock clock;
        FakeCacheService service;
        service.errors = {makeError(Kind::Network), makeError(Kind::Network)};
        RegionPoller poller(QStringLiteral("acct"), QStringLiteral("cn-hangzhou"), &service, &clock,
                            testSettings());
        poller.setRandomSeed(seed);
        poller.start();
        clock.advance(clock.nextDueMs() - clock.nowMs());
        delays.insert(clock.nextDueMs() - clock.nowMs());
    }
    QVERIFY2(delays.size() >= 10, qPrintable(QString::number(delays.size())));
}

void tst_RegionPoller::throttlingHonoursRetryAfter()
{
    ManualClock clock;
    FakeCacheService service;
    service.errors = {makeError(Kind::Throttled, 30'000)};
    RegionPoller poller(QStringLiteral("acct"), QStringLiteral("cn-hangzhou"), &service, &clock,
                        testSettings());
    poller.start();
    QCOMPARE(poller.status().state, PollerStatus::State::BackingOff);
    QCOMPARE(poller.status().lastError.code, QStringLiteral("Throttling.User"));
    clock.advance(29'999);
    QCOMPARE(service.listCalls(), 1);
    clock.advance(1);
    QCOMPARE(service.listCalls(), 2);
    QCOMPARE(poller.status().state, PollerStatus::State::Polling);

    // Without Retry-After, throttling backs off like any other error.
    service.errors = {makeError(Kind::Throttled)};
    clock.advance(60'000);
    const qint64 delay = clock.nextDueMs() - clock.nowMs();
    QVERIFY(delay >= 1'000 && delay <= 2'000);
}

void tst_RegionPoller::repeatedAuthErrorsStopAndAskForCredentials()
{
    ManualClock clock;
    FakeCacheService service;
    service.caches = {makeCache(QStringLiteral("a"), CacheStatus::Creating)};
    service.errors = {makeError(Kind::Auth), makeError(Kind::Auth), makeError(Kind::Auth)};
    RegionPoller poller(QStringLiteral("acct"), QStringLiteral("cn-hangzhou"), &service, &clock,
                        testSettings());
    QSignalSpy spy(&poller, &RegionPoller::credentialsRequired);
    poller.start();
    QCOMPARE(spy.count(), 0); // one 403 may be a clock skew or a race with a key rotation
    QCOMPARE(poller.status().state, PollerStatus::State::BackingOff);
    clock.advance(clock.nextDueMs() - clock.nowMs());
    QCOMPARE(service.listCalls(), 2);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("acct"));
    QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("cn-hangzhou"));
    QCOMPARE(spy.at(0).at(2).value<net::ApiError>().httpStatus, 403);
    QCOMPARE(poller.status().state, PollerStatus::State::CredentialsRequired);
    QCOMPARE(clock.pendingCount(), 0);

    // Stopped: no retries, no manual refresh, however long we wait.
    clock.advance(3'600'000);
    poller.refreshNow();
    QCOMPARE(service.listCalls(), 2);
    QCOMPARE(spy.count(), 1);

    // New credentials: polling resumes at once (the third scripted 403 counts from zero).
    poller.resumeWithCredentials();
    QCOMPARE(service.listCalls(), 3);
    QCOMPARE(poller.status().state, PollerStatus::State::BackingOff);
    clock.advance(clock.nextDueMs() - clock.nowMs());
    QCOMPARE(service.listCalls(), 4);
    QCOMPARE(poller.status().state, PollerStatus::State::Polling);
    QCOMPARE(poller.knownCaches().size(), 1);
    QCOMPARE(spy.count(), 1);

    // A replacement service (new keys) is used from then on.
    FakeCacheService fresh;
    service.errors = {makeError(Kind::Auth), makeError(Kind::Auth)};
    poller.refreshNow();
    clock.advance(clock.nextDueMs() - clock.nowMs());
    QCOMPARE(spy.count(), 2);
    poller.resumeWithCredentials(&fresh);
    QCOMPARE(fresh.listCalls(), 1);
    QCOMPARE(service.listCalls(), 6);
}

void tst_RegionPoller::authErrorsMustBeConsecutive()
{
    ManualClock clock;
    FakeCacheService service;
    RegionPoller poller(QStringLiteral("acct"), QStringLiteral("cn-hangzhou"), &service, &clock,
                        testSettings());
    QSignalSpy spy(&poller, &RegionPoller::credentialsRequired);
    service.errors = {makeError(Kind::Auth), makeError(Kind::Network), makeError(Kind::Auth)};
    poller.start();
    for (int i = 0; i < 3; ++i)
        clock.advance(clock.nextDueMs() - clock.nowMs());
    QCOMPARE(service.listCalls(), 4);
    QCOMPARE(spy.count(), 0);
    QCOMPARE(poller.status().state, PollerStatus::State::Polling);
}

void tst_RegionPoller::inFlightCapIsRespected()
{
    ManualClock clock;
    FakeCacheService service;
    for (const char *id : {"a", "b", "c"})
        service.caches.append(makeCache(QString::fromLatin1(id), CacheStatus::Creating));
    PollSettings settings = testSettings();
    settings.maxInFlight = 2;
    RegionPoller poller(QStringLiteral("acct"), QStringLiteral("cn-hangzhou"), &service, &clock,
                        settings);
    service.hold = true;
    poller.start();
    QCOMPARE(poller.status().inFlight, 1);
    poller.refreshNow(); // a listing already under way is not sent twice
    QCOMPARE(service.listCalls(), 1);
    service.releaseAll();
    QCOMPARE(poller.status().inFlight, 0);

    clock.advance(3'000); // three shows are due, two may go out
    QCOMPARE(service.showCalls(), 2);
    QCOMPARE(poller.status().inFlight, 2);
    QCOMPARE(service.heldCount(), 2);
    service.releaseOne();
    QCOMPARE(service.showCalls(), 3);
    QCOMPARE(poller.status().inFlight, 2);
    service.releaseAll();
    QCOMPARE(poller.status().inFlight, 0);
    QCOMPARE(service.showCalls(), 3);
}

void tst_RegionPoller::offlinePausesAndReconnectPollsAtOnce()
{
    ManualClock clock;
    FakeCacheService service;
    service.caches = {makeCache(QStringLiteral("a"), CacheStatus::Creating)};
    RegionPoller poller(QStringLiteral("acct"), QStringLiteral("cn-hangzhou"), &service, &clock,
                        testSettings());
    poller.start();
    poller.setOnline(false);
    QCOMPARE(poller.status().state, PollerStatus::State::Offline);
    clock.advance(600'000);
    QCOMPARE(service.calls.size(), 1);
    poller.refreshNow(); // nothing to refresh from while offline
    QCOMPARE(service.calls.size(), 1);
    poller.setOnline(true);
    QCOMPARE(service.listCalls(), 2);
    QCOMPARE(poller.status().state, PollerStatus::State::Polling);
    clock.advance(3'000);
    QCOMPARE(service.showCalls(QStringLiteral("a")), 1);

    // A network error that arrives while offline does not start a backoff.
    service.hold = true;
    service.errors = {makeError(Kind::Network)};
    poller.refreshNow();
    poller.setOnline(false);
    service.releaseAll();
    QCOMPARE(poller.status().consecutiveFailures, 1);
    QCOMPARE(clock.pendingCount(), 0);
    service.hold = false;
    poller.setOnline(true);
    QCOMPARE(poller.status().state, PollerStatus::State::Polling);
}

void tst_RegionPoller::hiddenWindowSlowsPolling()
{
    ManualClock clock;
    FakeCacheService service;
    service.caches = {makeCache(QStringLiteral("a"), CacheStatus::Updating)};
    RegionPoller poller(QStringLiteral("acct"), QStringLiteral("cn-hangzhou"), &service, &clock,
                        testSettings());
    poller.start();
    poller.setWindowVisible(false);
    clock.advance(3'000);
    QCOMPARE(service.showCalls(), 0);
    clock.advance(9'000);
    QCOMPARE(service.showCalls(), 1); // 3 s × 4
    clock.advance(60'000 - 12'000);
    QCOMPARE(service.listCalls(), 1);
    clock.advance(180'000 - 1);
    QCOMPARE(service.listCalls(), 1);
    clock.advance(1);
    QCOMPARE(service.listCalls(), 2); // 60 s × 4

    // Shown again 100 s after the last listing: a minute has passed, so poll now.
    clock.advance(100'000);
    QCOMPARE(service.listCalls(), 2);
    poller.setWindowVisible(true);
    clock.runDue();
    QCOMPARE(service.listCalls(), 3);
    clock.advance(60'000);
    QCOMPARE(service.listCalls(), 4);
}

void tst_RegionPoller::manualRefreshSkipsTheWait()
{
    ManualClock clock;
    FakeCacheService service;
    RegionPoller poller(QStringLiteral("acct"), QStringLiteral("cn-hangzhou"), &service, &clock,
                        testSettings());
    poller.refreshNow(); // not started: nothing
    QCOMPARE(service.listCalls(), 0);
    poller.start();
    clock.advance(5'000);
    poller.refreshNow();
    QCOMPARE(service.listCalls(), 2);
    QCOMPARE(clock.nextDueMs() - clock.nowMs(), 60'000); // the interval restarts from now

    service.errors = {makeError(Kind::Network)};
    poller.refreshNow();
    QCOMPARE(poller.status().state, PollerStatus::State::BackingOff);
    poller.refreshNow(); // F5 during a backoff tries again at once
    QCOMPARE(service.listCalls(), 4);
    QCOMPARE(poller.status().state, PollerStatus::State::Polling);
}

void tst_RegionPoller::stopDiscardsLateReplies()
{
    ManualClock clock;
    FakeCacheService service;
    service.caches = {makeCache(QStringLiteral("a"), CacheStatus::Ready)};
    service.hold = true;
    QStringList log;
    RecordingSink sink(&log);
    RegionPoller poller(QStringLiteral("acct"), QStringLiteral("cn-hangzhou"), &service, &clock,
                        testSettings());
    poller.setSink(&sink);
    QSignalSpy spy(&poller, &RegionPoller::changesApplied);
    poller.start();
    poller.stop();
    service.releaseAll();
    QCOMPARE(spy.count(), 0);
    QVERIFY(sink.sets.isEmpty());
    clock.advance(600'000);
    QCOMPARE(service.listCalls(), 1);
    QCOMPARE(poller.status().state, PollerStatus::State::Idle);

    // A poller destroyed with a reply in flight is not called back.
    {
        RegionPoller shortLived(QStringLiteral("acct"), QStringLiteral("cn-hangzhou"), &service,
                                &clock, testSettings());
        shortLived.start();
    }
    service.releaseAll();
}

void tst_RegionPoller::localCreateIsShownAndPolledAtOnce()
{
    ManualClock clock;
    FakeCacheService service;
    QStringList log;
    RecordingSink sink(&log);
    RegionPoller poller(QStringLiteral("acct"), QStringLiteral("cn-hangzhou"), &service, &clock,
                        testSettings());
    poller.setSink(&sink);
    QSignalSpy spy(&poller, &RegionPoller::changesApplied);
    poller.start();
    clock.advance(10'000);
    QCOMPARE(spy.count(), 0);

    // create() answered: the cache shows at once and is followed fast, not in 50 s.
    const auto created
        = makeCache(QStringLiteral("new"), CacheStatus::Creating, QStringLiteral("Creating"));
    service.caches = {created};
    poller.applyLocal(created);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(sink.sets.size(), 1);
    QCOMPARE(spy.at(0).at(0).value<core::ChangeSet>().inserted.size(), 1);
    service.caches[0].status = CacheStatus::Ready;
    clock.advance(3'000);
    QCOMPARE(service.showCalls(QStringLiteral("new")), 1);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).value<core::ChangeSet>().changed.first().cache.status,
             CacheStatus::Ready);
    // The next listing finds it as known: nothing to announce.
    clock.advance(60'000);
    QCOMPARE(service.listCalls(), 2);
    QCOMPARE(spy.count(), 2);
}

void tst_RegionPoller::freshListingEndsBackoffOfAFailedShow()
{
    ManualClock clock;
    FakeCacheService service;
    const auto creating = makeCache(QStringLiteral("a"), CacheStatus::Creating);
    service.caches = {creating};
    RegionPoller poller(QStringLiteral("acct"), QStringLiteral("cn-hangzhou"), &service, &clock,
                        testSettings());
    poller.setKnownCaches({creating});
    service.hold = true;
    poller.start();       // listing held
    clock.advance(3'000); // fast show held too
    QCOMPARE(service.heldCount(), 2);
    service.errors = {makeError(Kind::Timeout)};
    service.releaseLast(); // the show times out: backoff
    QCOMPARE(poller.status().state, PollerStatus::State::BackingOff);
    service.releaseAll(); // then the listing succeeds
    QCOMPARE(poller.status().state, PollerStatus::State::Polling);
    QCOMPARE(poller.status().consecutiveFailures, 0);
    service.hold = false;
    clock.advance(3'000); // fast polls are back
    QCOMPARE(service.showCalls(QStringLiteral("a")), 2);
}

void tst_RegionPoller::listingSentBeforeALocalCreateKeepsTheCache()
{
    ManualClock clock;
    FakeCacheService service;
    QStringList log;
    RecordingSink sink(&log);
    const auto old = makeCache(QStringLiteral("old"), CacheStatus::Ready);
    RegionPoller poller(QStringLiteral("acct"), QStringLiteral("cn-hangzhou"), &service, &clock,
                        testSettings());
    poller.setSink(&sink);
    poller.setKnownCaches({old});
    QSignalSpy spy(&poller, &RegionPoller::changesApplied);
    service.hold = true;
    poller.start(); // the listing goes out; the server has neither "old" (deleted) nor "new"
    QCOMPARE(service.heldCount(), 1);

    // create() answers while the listing is in flight.
    const auto created
        = makeCache(QStringLiteral("new"), CacheStatus::Creating, QStringLiteral("Creating"));
    poller.applyLocal(created);
    QCOMPARE(spy.count(), 1);
    service.releaseOne(); // the listing's snapshot predates the create
    QCOMPARE(service.heldCount(), 0);

    // "old" really vanished and is removed; "new" is not, and nothing else is announced.
    QCOMPARE(spy.count(), 2);
    const auto set = spy.at(1).at(0).value<core::ChangeSet>();
    QCOMPARE(set.removed, QStringList{old.key()});
    QVERIFY(set.inserted.isEmpty());
    QVERIFY(set.changed.isEmpty());
    QCOMPARE(sink.sets.size(), 2);
    QCOMPARE(sink.sets.at(1).removed, QStringList{old.key()});
    const auto known = poller.knownCaches();
    QCOMPARE(known.size(), 1);
    QCOMPARE(known.first().key(), created.key());
    QCOMPARE(known.first().status, CacheStatus::Creating);
    QCOMPARE(poller.status().cacheCount, 1);

    // Its fast show is still due 3 s after the create, not after the next slow listing.
    service.hold = false;
    service.caches = {created};
    service.caches[0].status = CacheStatus::Ready;
    service.caches[0].rawStatus = QStringLiteral("Ready");
    clock.advance(3'000);
    QCOMPARE(service.showCalls(QStringLiteral("new")), 1);
    QCOMPARE(spy.count(), 3);
    QCOMPARE(spy.at(2).at(0).value<core::ChangeSet>().changed.first().cache.status,
             CacheStatus::Ready);
    // The next listing settles it: it is known, nothing to announce.
    clock.advance(60'000);
    QCOMPARE(service.listCalls(), 2);
    QCOMPARE(spy.count(), 3);
    QCOMPARE(poller.knownCaches().size(), 1);
}

void tst_RegionPoller::olderListingDoesNotUndoANewerShow()
{
    ManualClock clock;
    FakeCacheService service;
    const auto creating
        = makeCache(QStringLiteral("a"), CacheStatus::Creating, QStringLiteral("Creating"));
    service.caches = {creating};
    RegionPoller poller(QStringLiteral("acct"), QStringLiteral("cn-hangzhou"), &service, &clock,
                        testSettings());
    poller.setKnownCaches({creating});
    CacheEvents events(&clock);
    events.setKnownCaches({creating});
    connect(&poller, &RegionPoller::changesApplied, &events, &CacheEvents::apply);
    QSignalSpy usable(&events, &CacheEvents::becameUsable);
    QSignalSpy spy(&poller, &RegionPoller::changesApplied);
    service.hold = true;
    poller.start();       // the listing is held: it will report Creating
    clock.advance(3'000); // the fast show is held too
    QCOMPARE(service.heldCount(), 2);

    service.caches[0].status = CacheStatus::Ready;
    service.caches[0].rawStatus = QStringLiteral("Ready");
    service.releaseLast(); // the newer show answers first: Ready
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<core::ChangeSet>().changed.first().cache.status,
             CacheStatus::Ready);
    QCOMPARE(usable.count(), 1);

    service.caches[0].status = CacheStatus::Creating; // what the listing saw when it was sent
    service.caches[0].rawStatus = QStringLiteral("Creating");
    service.releaseOne();
    QCOMPARE(service.heldCount(), 0);
    QCOMPARE(spy.count(), 1); // nothing flips it back to Creating
    QCOMPARE(poller.knownCaches().first().status, CacheStatus::Ready);
    QCOMPARE(poller.status().consecutiveFailures, 0);

    // Ready: no more fast shows, and the next listing (Ready) announces nothing; the user was
    // told once.
    service.hold = false;
    service.caches[0].status = CacheStatus::Ready;
    service.caches[0].rawStatus = QStringLiteral("Ready");
    clock.advance(3'000);
    QCOMPARE(service.showCalls(QStringLiteral("a")), 1);
    clock.advance(60'000);
    QCOMPARE(service.listCalls(), 2);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(usable.count(), 1);
}

void tst_RegionPoller::olderListingDoesNotBringBackACacheAShowFoundGone()
{
    ManualClock clock;
    FakeCacheService service;
    const auto deleting
        = makeCache(QStringLiteral("a"), CacheStatus::Deleting, QStringLiteral("Deleting"));
    service.caches = {deleting};
    RegionPoller poller(QStringLiteral("acct"), QStringLiteral("cn-hangzhou"), &service, &clock,
                        testSettings());
    poller.setKnownCaches({deleting});
    QSignalSpy spy(&poller, &RegionPoller::changesApplied);
    service.hold = true;
    poller.start();       // the listing is held: it will still list the cache
    clock.advance(3'000); // the fast show is held too
    QCOMPARE(service.heldCount(), 2);
    service.caches.clear();
    service.releaseLast(); // the newer show: gone
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<core::ChangeSet>().removed, QStringList{deleting.key()});

    service.caches = {deleting}; // the listing's older snapshot
    service.releaseOne();
    QCOMPARE(spy.count(), 1); // not inserted again
    QVERIFY(poller.knownCaches().isEmpty());

    // A listing sent afterwards is the truth again.
    service.hold = false;
    service.caches.clear();
    clock.advance(60'000);
    QCOMPARE(service.listCalls(), 2);
    QCOMPARE(spy.count(), 1);
    QVERIFY(poller.knownCaches().isEmpty());
}

void tst_RegionPoller::freshPollByAnotherConsoleDefersOwnPollsButNotF5()
{
    ManualClock clock;
    FakeCacheService service;
    service.caches = {makeCache(QStringLiteral("a"), CacheStatus::Ready)};
    RegionPoller poller(QStringLiteral("acct"), QStringLiteral("cn-hangzhou"), &service, &clock,
                        testSettings());
    // Another console listed this region 10 s ago (the gate's clock: ms since that poll).
    qint64 otherPolledAt = clock.nowMs() - 10'000;
    poller.setPollGate([&] { return clock.nowMs() - otherPolledAt; });
    poller.start();
    QCOMPARE(service.listCalls(), 0); // its listing is in the store already
    clock.advance(49'999);
    QCOMPARE(service.listCalls(), 0);
    clock.advance(1); // the other's poll is a slow interval old: this console polls again
    QCOMPARE(service.listCalls(), 1);
    // The other keeps polling: the next scheduled listings wait for it.
    otherPolledAt = clock.nowMs() + 30'000;
    clock.advance(30'000);
    clock.advance(30'000);
    QCOMPARE(service.listCalls(), 1);
    // A transitional cache seen through the store is not shown by this console either.
    poller.applyRemote({makeCache(QStringLiteral("a"), CacheStatus::Creating)});
    clock.advance(3'000);
    QCOMPARE(service.showCalls(), 0);
    // F5 always asks the cloud.
    poller.refreshNow();
    QCOMPARE(service.listCalls(), 2);
    // Once the other stops (its poll grows older than the slow interval), polling resumes.
    clock.advance(60'000);
    QVERIFY(service.listCalls() + service.showCalls() > 2);
}

void tst_RegionPoller::remoteChangesAreAnnouncedNotWritten()
{
    ManualClock clock;
    FakeCacheService service;
    RegionPoller poller(QStringLiteral("acct"), QStringLiteral("cn-hangzhou"), &service, &clock,
                        testSettings());
    struct CountingSink final : cachesync::ChangeSink
    {
        bool apply(const core::ChangeSet &) override
        {
            ++writes;
            return true;
        }
        int writes = 0;
    } sink;
    poller.setSink(&sink);
    poller.setKnownCaches({makeCache(QStringLiteral("a"), CacheStatus::Ready)});
    QSignalSpy applied(&poller, &RegionPoller::changesApplied);
    // Another console created "b" and deleted "a"; a cache of another region is ignored.
    core::ImageCache other = makeCache(QStringLiteral("c"), CacheStatus::Ready);
    other.region = QStringLiteral("cn-beijing");
    poller.applyRemote({makeCache(QStringLiteral("b"), CacheStatus::Creating), other});
    QCOMPARE(applied.count(), 1);
    const core::ChangeSet changes = applied.first().first().value<core::ChangeSet>();
    QCOMPARE(changes.inserted.size(), 1);
    QCOMPARE(changes.inserted.first().id, QStringLiteral("b"));
    QCOMPARE(changes.removed.size(), 1);
    QCOMPARE(sink.writes, 0); // already in the store
    QCOMPARE(poller.knownCaches().size(), 1);
    // The same state again changes nothing.
    poller.applyRemote({makeCache(QStringLiteral("b"), CacheStatus::Creating)});
    QCOMPARE(applied.count(), 1);
}

QTEST_GUILESS_MAIN(tst_RegionPoller)
#include "tst_regionpoller.moc"
