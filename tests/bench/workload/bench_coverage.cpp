// Coverage of a large release: a 2,000-document manifest with 5,000 containers against 1,000
// caches, timed end to end as the user's action runs it (parse the text, evaluate through
// CoverageEvaluator, read the summary), at 1×, 2× and 4× in one run to show growth is linear.
// Huawei targets are evaluated client-side, so no network time is in the figure.

#include "workload/coverageevaluator.h"
#include "workload/manifestreader.h"

#include <QElapsedTimer>
#include <QTest>

namespace {

struct Input
{
    QByteArray manifest;
    QList<core::ImageCache> caches;
    int containers = 0;
};

// `scale` × (2,000 documents, 5,000 containers, 1,000 caches of 5 images each).
Input makeInput(int scale)
{
    Input input;
    const int documents = 2000 * scale;
    const int images = 3000 * scale;
    for (int d = 0; d < documents; ++d) {
        const int count = d % 2 == 0 ? 3 : 2; // 1,000 × 3 + 1,000 × 2 = 5,000
        input.manifest
            += "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-"
               + QByteArray::number(d) + "\n  namespace: team-" + QByteArray::number(d % 17)
               + "\nspec:\n  replicas: 2\n  template:\n    metadata:\n      labels: {app: x}\n"
                 "    spec:\n      containers:\n";
        for (int c = 0; c < count; ++c) {
            const int image = (d * 3 + c * 7) % images;
            input.manifest += "      - name: c" + QByteArray::number(c)
                              + "\n        image: registry.example.com/team/svc-"
                              + QByteArray::number(image) + ":1." + QByteArray::number(image % 5)
                              + "\n        ports: [{containerPort: 8080}]\n";
            ++input.containers;
        }
        if (d % 10 == 0) // other documents of a release
            input.manifest += "---\napiVersion: v1\nkind: Service\nmetadata: {name: svc-"
                              + QByteArray::number(d) + "}\nspec: {ports: [{port: 80}]}\n";
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int k = 0; k < 1000 * scale; ++k) {
        core::ImageCache cache;
        cache.provider = core::Provider::Huawei;
        cache.accountId = QStringLiteral("hw");
        cache.region = QStringLiteral("cn-north-4");
        cache.id = QStringLiteral("id-%1").arg(k);
        cache.name = QStringLiteral("cache-%1").arg(k);
        cache.status = core::CacheStatus::Ready;
        cache.retentionDays = 30;
        cache.created = now.addDays(-1);
        cache.expires = now.addDays(29 - k % 20);
        for (int i = 0; i < 5; ++i) {
            const int image = (k * 5 + i) % images;
            cache.images.append(
                QStringLiteral("registry.example.com/team/svc-%1:1.%2").arg(image).arg(image % 5));
        }
        input.caches.append(cache);
    }
    return input;
}

// The user's action: read the text, evaluate, read the answer.
workload::CoverageSummary evaluate(const Input &input)
{
    workload::CoverageSource source;
    source.target = {core::Provider::Huawei, QStringLiteral("hw"), QStringLiteral("Huawei"),
                     QStringLiteral("cn-north-4")};
    source.caches = input.caches;
    workload::CoverageEvaluator evaluator;
    const workload::ManifestSet manifests
        = workload::ManifestReader::read(input.manifest, QStringLiteral("release.yaml"));
    QFuture<workload::CoverageReport> future
        = evaluator.evaluate(manifests, {source}, workload::CoverageOptions{7 * 86400, {}});
    while (!future.isFinished())
        QCoreApplication::processEvents();
    return future.result().summary();
}

} // namespace

class BenchCoverage final : public QObject
{
    Q_OBJECT
private slots:
    void release_data();
    void release();
    void growthIsLinear();
};

void BenchCoverage::release_data()
{
    QTest::addColumn<int>("scale");
    QTest::newRow("2000 documents, 5000 containers, 1000 caches") << 1;
}

void BenchCoverage::release()
{
    QFETCH(int, scale);
    const Input input = makeInput(scale);
    workload::CoverageSummary summary;
    QBENCHMARK
    {
        summary = evaluate(input);
    }
    QCOMPARE(summary.containers, input.containers);
    QCOMPARE(summary.workloads, 2000 * scale);
    QVERIFY(summary.covered > 0 && summary.uncovered > 0);
}

void BenchCoverage::growthIsLinear()
{
    qint64 base = 0;
    for (int scale : {1, 2, 4}) {
        const Input input = makeInput(scale);
        qint64 best = std::numeric_limits<qint64>::max();
        for (int run = 0; run < 3; ++run) {
            QElapsedTimer timer;
            timer.start();
            const workload::CoverageSummary summary = evaluate(input);
            best = qMin(best, timer.elapsed());
            QCOMPARE(summary.containers, input.containers);
        }
        if (scale == 1)
            base = qMax<qint64>(best, 1);
        printf("FIGURE %dx (%d documents, %d containers, %d caches): %lld ms, %.2f x the 1x time\n",
               scale, 2000 * scale, input.containers, 1000 * scale, best, double(best) / base);
        fflush(stdout);
    }
}

QTEST_GUILESS_MAIN(BenchCoverage)
#include "bench_coverage.moc"
