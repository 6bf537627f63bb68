// One poll cycle of a region with 500 caches against the in-process emulator: the paged
// DescribeImageCaches listing (signed requests, JSON mapping) plus the change-set diff.

#include "emulator/emulator.h"
#include "net/apiclient.h"
#include "providers/alibaba/ecicacheservice.h"
#include "providers/servicefactory.h"
#include "sync/manualclock.h"
#include "sync/regionpoller.h"

#include <QEventLoop>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <cstdio>
#include <memory>

using namespace cachesync;

class bench_Poll final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pollCycle_data();
    void pollCycle();
    void describePageOf100();

private:
    void waitIdle(const RegionPoller &poller);

    ManualClock m_clock{QDateTime::currentMSecsSinceEpoch()};
    emulator::Emulator m_emulator;
    net::ApiClient m_client;
    std::unique_ptr<providers::CacheService> m_service;
    providers::Connection m_connection;
};

void bench_Poll::initTestCase()
{
    m_emulator.setClock([this] { return m_clock.now(); });
    m_emulator.addAlibabaCaches(QString::fromLatin1(emulator::demo::AlibabaRegion), 500);
    m_emulator.addAlibabaCaches(QStringLiteral("cn-shanghai"), 2000);
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
    m_connection = c;
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

// One DescribeImageCaches page of 100 (of 2,000 caches in the region), as the CLI and the
// pollers send it: signed, over loopback HTTP, answered by the emulator, and parsed.
void bench_Poll::describePageOf100()
{
    using providers::alibaba::AlibabaRpc;
    using providers::alibaba::EciCacheService;
    providers::CacheQuery query;
    query.pageSize = 100;
    const auto call = EciCacheService::describeCall(QStringLiteral("cn-shanghai"), query, {});
    int pages = 0;
    const qint64 serverBefore = m_emulator.serverNanoseconds();
    QBENCHMARK
    {
        auto sent = AlibabaRpc::send(&m_client, m_connection, m_emulator.baseUrl(), call);
        QEventLoop loop;
        QTimer::singleShot(30'000, &loop, &QEventLoop::quit);
        sent.then(&loop, [&loop](const auto &) { loop.quit(); });
        if (!sent.isFinished())
            loop.exec();
        QVERIFY(sent.isFinished());
        const auto response = sent.result();
        QVERIFY2(response.ok(), qPrintable(response.error().message));
        const auto page = EciCacheService::parseDescribe(response.value());
        QVERIFY(page.ok());
        QCOMPARE(page.value().caches.size(), 100);
        QVERIFY(!page.value().nextToken.isEmpty());
        ++pages;
    }
    std::printf("  emulator time per page: %.2f ms\n",
                double(m_emulator.serverNanoseconds() - serverBefore) / 1e6 / pages);
}

QTEST_GUILESS_MAIN(bench_Poll)
#include "bench_poll.moc"
