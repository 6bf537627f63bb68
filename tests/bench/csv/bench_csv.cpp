#include "csv/csvexporter.h"

#include <QBuffer>
#include <QTest>

// How long a CSV export of a large fleet takes, all columns, to memory.
class BenchCsv final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void exportCaches();

private:
    QList<core::ImageCache> m_caches;
};

void BenchCsv::initTestCase()
{
    constexpr int rows = 100000;
    m_caches.reserve(rows);
    const QDateTime start(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
    for (int i = 0; i < rows; ++i) {
        core::ImageCache c;
        c.provider = i % 2 ? core::Provider::Alibaba : core::Provider::Huawei;
        c.accountId = QStringLiteral("account-%1").arg(i % 7);
        c.region = i % 2 ? QStringLiteral("cn-hangzhou") : QStringLiteral("cn-north-4");
        c.id = QStringLiteral("imc-%1").arg(i, 8, 16, QLatin1Char('0'));
        c.name = QStringLiteral("cache-%1").arg(i);
        c.status = core::CacheStatus::Ready;
        c.rawStatus = i % 2 ? QStringLiteral("Ready") : QStringLiteral("Available");
        c.progress = 100;
        c.images = {QStringLiteral("nginx:1.25"),
                    QStringLiteral("registry.example.com/ns/app:%1").arg(i)};
        c.sizeGiB = 20 + i % 380;
        c.retentionDays = i % 30;
        c.created = start.addSecs(i);
        c.expires = c.created.addDays(c.retentionDays);
        c.tags = {{QStringLiteral("env"), QStringLiteral("prod")}};
        c.message = i % 10 == 0 ? QStringLiteral("pull failed, retrying \"soon\"") : QString();
        m_caches.append(c);
    }
}

void BenchCsv::exportCaches()
{
    qint64 bytes = 0;
    QBENCHMARK
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(csv::CsvExporter::writeCaches(&buffer, m_caches, {}));
        bytes = buffer.size();
    }
    QVERIFY(bytes > 0);
}

QTEST_APPLESS_MAIN(BenchCsv)
#include "bench_csv.moc"
