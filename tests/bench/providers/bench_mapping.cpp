// Provider-side costs: mapping a full DescribeImageCaches page, and listing 2,000 ECI caches
// over 20 NextToken pages from the emulator (client wall time beside the emulator's own time).

#include "emulator/emulator.h"
#include "net/apiclient.h"
#include "providers/alibaba/alibabamapping.h"
#include "providers/alibaba/ecicacheservice.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cstdio>
#include <utility>

using namespace providers;

namespace {
// A DescribeImageCaches page of `count` caches shaped like seed 002.
QByteArray describePage(int count)
{
    QJsonArray caches;
    for (int i = 0; i < count; ++i) {
        caches.append(QJsonObject{
            {QStringLiteral("Images"),
             QJsonArray{
                 QStringLiteral(
                     "registry-vpc.cn-hangzhou.aliyuncs.com/eci_open/nginx:1.15.10-perl"),
                 QStringLiteral("registry-vpc.cn-hangzhou.aliyuncs.com/eci_open/busybox:1.30")}},
            {QStringLiteral("CreationTime"), QStringLiteral("2021-02-09T02:24:07Z")},
            {QStringLiteral("Status"),
             i % 5 == 0 ? QStringLiteral("Creating") : QStringLiteral("Ready")},
            {QStringLiteral("Progress"),
             i % 5 == 0 ? QStringLiteral("45%") : QStringLiteral("100%")},
            {QStringLiteral("ExpireDateTime"), QStringLiteral("2021-02-16T02:24:07Z")},
            {QStringLiteral("LastMatchedTime"), QStringLiteral("2021-08-18T03:48:10Z")},
            {QStringLiteral("ContainerGroupId"), QStringLiteral("eci-bp18oq3m15prd9jb%1").arg(i)},
            {QStringLiteral("Tags"),
             QJsonArray{QJsonObject{{QStringLiteral("Key"), QStringLiteral("imc")},
                                    {QStringLiteral("Value"), QStringLiteral("test")}}}},
            {QStringLiteral("Events"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("Type"), QStringLiteral("Normal")},
                 {QStringLiteral("LastTimestamp"), QStringLiteral("2021-02-09T02:24:48Z")},
                 {QStringLiteral("Message"),
                  QStringLiteral("Successfully check image cache resource.")},
                 {QStringLiteral("Name"), QStringLiteral("imagetest.1661f31f851a%1").arg(i)},
                 {QStringLiteral("Count"), 1},
                 {QStringLiteral("FirstTimestamp"), QStringLiteral("2021-02-09T02:24:48Z")},
                 {QStringLiteral("Reason"), QStringLiteral("Started")}}}},
            {QStringLiteral("ImageCacheId"),
             QStringLiteral("imc-bp195erqe9o2pb%1").arg(i, 6, 10, QLatin1Char('0'))},
            {QStringLiteral("RegionId"), QStringLiteral("cn-hangzhou")},
            {QStringLiteral("SnapshotId"), QStringLiteral("s-2zec5oj8e1yhxijt%1").arg(i)},
            {QStringLiteral("FlashSnapshotId"), QStringLiteral("s-bp12w3v37sit96t6%1").arg(i)},
            {QStringLiteral("ResourceGroupId"), QStringLiteral("rg-2df3isufhi38")},
            {QStringLiteral("ImageCacheSize"), 20},
            {QStringLiteral("ImageCacheName"), QStringLiteral("imagetest-%1").arg(i)},
            {QStringLiteral("EliminationStrategy"), QStringLiteral("LRU")},
        });
    }
    const QJsonObject page{
        {QStringLiteral("RequestId"), QStringLiteral("39FC2E43-3DD7-4CEF-9EF4-E4AD6E635301")},
        {QStringLiteral("ImageCaches"), caches},
        {QStringLiteral("NextToken"), QStringLiteral("AAAAAdDWBF2")},
        {QStringLiteral("TotalCount"), count}};
    return QJsonDocument(page).toJson(QJsonDocument::Compact);
}
} // namespace

class BenchMapping final : public QObject
{
    Q_OBJECT
private slots:
    void mapDescribePage();
    void listTwoThousandEciCaches();
};

void BenchMapping::mapDescribePage()
{
    net::HttpResponse response;
    response.status = 200;
    response.body = describePage(100);
    int mapped = 0;
    QBENCHMARK
    {
        const auto page = alibaba::EciCacheService::parseDescribe(response);
        mapped = int(page.value().caches.size());
    }
    QCOMPARE(mapped, 100);
}

void BenchMapping::listTwoThousandEciCaches()
{
    emulator::Emulator emu;
    QVERIFY(emu.listen() != 0);
    const QString region = QString::fromLatin1(emulator::demo::AlibabaRegion);
    emu.addAlibabaCaches(region, 2000);

    net::ApiClient client;
    Connection c;
    c.provider = core::Provider::Alibaba;
    c.region = region;
    c.endpointOverride = emu.baseUrl();
    c.accessKeyId = emulator::demo::AlibabaAccessKeyId;
    c.accessKeySecret = emulator::demo::AlibabaAccessKeySecret;
    alibaba::EciCacheService service(&client, c);
    CacheQuery query;
    query.pageSize = 100;

    qint64 listed = 0;
    qint64 wallNs = 0;
    qint64 serverNs = 0;
    qint64 requests = 0;
    QBENCHMARK_ONCE
    {
        const qint64 serverBefore = emu.serverNanoseconds();
        const qint64 requestsBefore = emu.handledRequests();
        QElapsedTimer timer;
        timer.start();
        auto future = service.list(query);
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 60000);
        wallNs = timer.nsecsElapsed();
        const auto result = future.result();
        QVERIFY2(result.ok(), qPrintable(result.error().toString()));
        listed = result.value().size();
        serverNs = emu.serverNanoseconds() - serverBefore;
        requests = emu.handledRequests() - requestsBefore;
    }
    QCOMPARE(listed, qint64(2000));
    QCOMPARE(requests, qint64(20));
    // QTest runs a benchmark function more than once (calibration, then measurement).
    static bool printed = false;
    if (std::exchange(printed, true))
        return;
    std::printf("FIGURE list 2000 ECI caches over %lld pages: client wall %.1f ms, emulator "
                "handlers %.1f ms, client-side %.1f ms\n",
                static_cast<long long>(requests), wallNs / 1e6, serverNs / 1e6,
                (wallNs - serverNs) / 1e6);
    std::fflush(stdout);
}

QTEST_GUILESS_MAIN(BenchMapping)
#include "bench_mapping.moc"
