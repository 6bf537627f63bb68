// One poll cycle of a region with 500 caches against the in-process emulator: the paged
// DescribeImageCaches listing (signed requests, JSON mapping) plus the change-set diff.

#include "emulator/emulator.h"
#include "net/apiclient.h"
#include "providers/servicefactory.h"
#include "sync/manualclock.h"
#include "sync/regionpoller.h"

#include <QEventLoop>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace cachesync;

class bench_Poll final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pollCycle_data();
    void pollCycle();

private:
    void waitIdle(const RegionPoller &poller);

    ManualClock m_clock{QDateTime::currentMSecsSinceEpoch()};
    emulator::Emulator m_emulator;
    net::ApiClient m_client;
    std::unique_ptr<providers::CacheService> m_service;
};

void bench_Poll::initTestCase()
{
    m_emulator.setClock([this] { return m_clock.now(); });
    m_emulator.addAlibabaCaches(QString::fromLatin1(emulator::demo::AlibabaRegion), 500);
    QVERIFY(m_emulator.listen() != 0);
    providers::Connection c;
    c.provider = core::Provider::Alibaba;
    c.accountId = QStringLiteral("bench");
    c.region = QString::fromLatin1(emulator::demo::AlibabaRegion);
    c.endpointOverride = m_emulator.baseUrl();
    c.accessKeyId = emulator::demo::AlibabaAccessKeyId;
    c.accessKeySecret = emulator::demo::AlibabaAccessKeySecret;
    c.clock = [this] {
        return m_clock.now();
    };
    m_service.reset(providers::createCacheService(&m_client, c));
    QVERIFY(m_service);
}

// Returns as soon as the poll is done (QTRY_* would add up to 50 ms of polling slack).
void bench_Poll::waitIdle(const RegionPoller &poller)
{
    if (poller.status().inFlight == 0)
        return;
    QEventLoop loop;
    QTimer::singleShot(30'000, &loop, &QEventLoop::quit);
    connect(&poller, &RegionPoller::statusChanged, &loop, [&] {
        if (poller.status().inFlight == 0)
            loop.quit();
    });
    loop.exec();
    QVERIFY(poller.status().inFlight == 0);
}

void bench_Poll::pollCycle_data()
{
    QTest::addColumn<bool>("firstPoll");
    // First poll of a fresh console: 500 insertions. Steady state: 500 unchanged caches.
    QTest::newRow("first poll, 500 inserted") << true;
    QTest::newRow("steady poll, 500 unchanged") << false;
}

void bench_Poll::pollCycle()
{
    QFETCH(bool, firstPoll);
    const QString region = QString::fromLatin1(emulator::demo::AlibabaRegion);
    RegionPoller poller(QStringLiteral("bench"), region, m_service.get(), &m_clock);
    QSignalSpy changes(&poller, &RegionPoller::changesApplied);
    poller.start();
    waitIdle(poller);
    QCOMPARE(poller.status().lastError.kind, net::ApiError::Kind::None);
    QCOMPARE(poller.knownCaches().size(), 500);
    const QList<core::ImageCache> known = poller.knownCaches();

    QBENCHMARK
    {
        if (firstPoll)
            poller.setKnownCaches({});
        poller.refreshNow();
        waitIdle(poller);
    }
    QCOMPARE(poller.status().lastError.kind, net::ApiError::Kind::None);
    QCOMPARE(poller.knownCaches().size(), 500);
    if (firstPoll)
        QCOMPARE(changes.last().at(0).value<core::ChangeSet>().inserted.size(), 500);
    else
        QCOMPARE(changes.count(), 1); // only the start-up poll changed anything
}

QTEST_GUILESS_MAIN(bench_Poll)
#include "bench_poll.moc"
