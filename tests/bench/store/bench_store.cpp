// Store figures: applying a poll of 10,000 caches, and loading 10,000 stored caches as the
// console does at start. SQLite file in a temporary directory; the same figures on PostgreSQL
// when IMAGECACHE_BENCH_PG_URL names a database (scripts/pg-test-cluster.sh prints one).
#include "store/store.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace store;

namespace {
constexpr int cacheCount = 10000;

QList<core::ImageCache> makeCaches(int generation)
{
    QList<core::ImageCache> caches;
    caches.reserve(cacheCount);
    for (int i = 0; i < cacheCount; ++i) {
        core::ImageCache c;
        c.provider = i % 2 ? core::Provider::Alibaba : core::Provider::Huawei;
        c.accountId = QStringLiteral("acc-%1").arg(i % 4);
        c.region = i % 3 ? QStringLiteral("cn-hangzhou") : QStringLiteral("ap-southeast-1");
        c.id = QStringLiteral("imc-%1").arg(i, 6, 10, QLatin1Char('0'));
        c.name = QStringLiteral("cache-%1").arg(i);
        c.status = generation ? core::CacheStatus::Ready : core::CacheStatus::Creating;
        c.rawStatus = generation ? QStringLiteral("Ready") : QStringLiteral("Creating");
        c.progress = generation ? 100 : i % 100;
        c.images = {QStringLiteral("registry.example.com/app/svc-%1:1.%2").arg(i).arg(generation),
                    QStringLiteral("nginx:1.25")};
        c.sizeGiB = 20 + i % 100;
        c.retentionDays = 7;
        c.created = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000 + i, Qt::UTC);
        c.tags = {{QStringLiteral("team"), QStringLiteral("t%1").arg(i % 10)},
                  {QStringLiteral("gen"), QString::number(generation)}};
        c.events = {{QStringLiteral("Normal"), QStringLiteral("Created"), QStringLiteral("created"),
                     c.id + QStringLiteral("-ev"), 1, c.created, c.created}};
        c.raw = QJsonObject{{QStringLiteral("ImageCacheId"), c.id},
                            {QStringLiteral("Status"), c.rawStatus},
                            {QStringLiteral("Progress"), QString::number(*c.progress) + '%'}};
        caches.append(c);
    }
    return caches;
}
} // namespace

class BenchStore final : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_files = 0;

    // An empty store on the backend of the current global data row.
    QUrl emptyStore()
    {
        QFETCH_GLOBAL(QString, backend);
        if (backend == QLatin1String("sqlite"))
            return DatabaseUrl::sqliteUrl(
                m_dir.filePath(QStringLiteral("bench-%1.db").arg(++m_files)));
        const QUrl url(qEnvironmentVariable("IMAGECACHE_BENCH_PG_URL"));
        Store store;
        if (store.open(url)) {
            for (int a = 0; a < 4; ++a)
                store.removeCaches(QStringLiteral("acc-%1").arg(a));
        }
        return url;
    }

private slots:
    void initTestCase_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        if (!qEnvironmentVariableIsEmpty("IMAGECACHE_BENCH_PG_URL"))
            QTest::newRow("postgres") << QStringLiteral("postgres");
    }

    void insert10000()
    {
        Store store;
        QVERIFY2(store.open(emptyStore()), qPrintable(store.errorString()));
        const QList<core::ImageCache> caches = makeCaches(0);
        QBENCHMARK_ONCE
        {
            QVERIFY(store.applyChangeSet({caches, {}, {}}));
        }
        QCOMPARE(store.cacheCount(), cacheCount);
    }

    void change10000()
    {
        Store store;
        QVERIFY2(store.open(emptyStore()), qPrintable(store.errorString()));
        const QList<core::ImageCache> before = makeCaches(0);
        QVERIFY(store.applyChangeSet({before, {}, {}}));
        const core::ChangeSet changes = core::ChangeSet::between(before, makeCaches(1));
        QCOMPARE(changes.changed.size(), cacheCount);
        QBENCHMARK
        {
            QVERIFY(store.applyChangeSet(changes));
        }
    }

    void loadAtStart10000()
    {
        const QUrl url = emptyStore();
        {
            Store store;
            QVERIFY(store.open(url));
            QVERIFY(store.applyChangeSet({makeCaches(0), {}, {}}));
        }
        QBENCHMARK
        {
            // What a start does: open (integrity check, migrations) and load everything.
            Store store;
            QVERIFY(store.open(url));
            QCOMPARE(store.loadCaches().size(), cacheCount);
        }
    }
};

QTEST_GUILESS_MAIN(BenchStore)
#include "bench_store.moc"
