#include "sync/manualclock.h"
#include "sync/requestlimiter.h"
#include "sync/systemclock.h"

#include <QElapsedTimer>
#include <QTest>

using namespace cachesync;

class tst_Clock final : public QObject
{
    Q_OBJECT

private slots:
    void manualClockFiresInOrderWithItsOwnTime();
    void manualClockCancel();
    void systemClockFiresAndCancels();
    void limiterQueuesBeyondCapacity();
};

void tst_Clock::manualClockFiresInOrderWithItsOwnTime()
{
    ManualClock clock(1'000);
    QList<QPair<QString, qint64>> fired;
    auto note = [&](const char *name) {
        return [&fired, &clock, name] {
            fired.append({QString::fromLatin1(name), clock.nowMs()});
        };
    };
    clock.callAfter(300, note("c"));
    clock.callAfter(100, note("a"));
    clock.callAfter(100, note("b")); // same due time: scheduling order
    clock.callAfter(0, [&] {
        fired.append({QStringLiteral("now"), clock.nowMs()});
        clock.callAfter(150, note("chained")); // scheduled from a callback, due within advance
    });
    QCOMPARE(clock.nextDueMs(), 1'000);
    clock.advance(200);
    QCOMPARE(fired, (QList<QPair<QString, qint64>>{{QStringLiteral("now"), 1'000},
                                                   {QStringLiteral("a"), 1'100},
                                                   {QStringLiteral("b"), 1'100},
                                                   {QStringLiteral("chained"), 1'150}}));
    QCOMPARE(clock.nowMs(), 1'200);
    QCOMPARE(clock.pendingCount(), 1);
    clock.setNow(QDateTime::fromMSecsSinceEpoch(2'000, Qt::UTC));
    QCOMPARE(fired.last(), qMakePair(QStringLiteral("c"), qint64(1'300)));
    QCOMPARE(clock.now(), QDateTime::fromMSecsSinceEpoch(2'000, Qt::UTC));
    QCOMPARE(clock.nextDueMs(), -1);
}

void tst_Clock::manualClockCancel()
{
    ManualClock clock;
    int runs = 0;
    const auto id = clock.callAfter(10, [&] { ++runs; });
    clock.callAfter(20, [&] { ++runs; });
    clock.cancel(id);
    clock.cancel(id); // harmless
    clock.advance(100);
    QCOMPARE(runs, 1);
}

void tst_Clock::systemClockFiresAndCancels()
{
    SystemClock clock;
    QVERIFY(qAbs(clock.nowMs() - QDateTime::currentMSecsSinceEpoch()) < 1'000);
    bool fired = false;
    bool cancelled = false;
    QElapsedTimer elapsed;
    elapsed.start();
    clock.callAfter(20, [&] { fired = true; });
    const auto id = clock.callAfter(10, [&] { cancelled = true; });
    clock.cancel(id);
    QTRY_VERIFY_WITH_TIMEOUT(fired, 5'000);
    QVERIFY(elapsed.elapsed() >= 15); // coarse timers may be 5% early
    QVERIFY(!cancelled);
}

void tst_Clock::limiterQueuesBeyondCapacity()
{
    RequestLimiter limiter(2);
    QObject owner;
    QStringList started;
    for (const char *name : {"a", "b", "c", "d"})
        limiter.submit(&owner, [&started, name] { started.append(QString::fromLatin1(name)); });
    QCOMPARE(started, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(limiter.active(), 2);
    QCOMPARE(limiter.queued(), 2);
    limiter.release();
    QCOMPARE(started.last(), QStringLiteral("c"));
    {
        QObject gone;
        limiter.submit(&gone, [&] { started.append(QStringLiteral("gone")); });
    }
    limiter.dropQueued(&owner); // "d" never starts
    limiter.release();
    limiter.release();
    QCOMPARE(started.size(), 3);
    QCOMPARE(limiter.active(), 0);
}

QTEST_GUILESS_MAIN(tst_Clock)
#include "tst_clock.moc"
