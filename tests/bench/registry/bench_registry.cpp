#include "localregistry.h"

#include "registry/registryclient.h"

#include <QElapsedTimer>
#include <QtTest>

#include <cstdio>

using registrytest::LocalRegistry;
using registrytest::Pusher;

// Inspecting 20 images of 10 layers each against a real docker-registry on loopback: the time,
// and the requests sent, bounded at one manifest, one config and one ranged read per layer.
class BenchRegistry final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void inspectTwentyImages();

private:
    LocalRegistry m_registry;
    QList<registrytest::PushedImage> m_images;
};

constexpr int Images = 20;
constexpr int Layers = 10;

void BenchRegistry::initTestCase()
{
    if (LocalRegistry::binary().isEmpty())
        QSKIP("docker-registry is not installed (scripts/install-deps.sh installs it)");
    QVERIFY2(m_registry.start(), qPrintable(m_registry.errorString()));
    Pusher pusher(m_registry.url());
    for (int i = 0; i < Images; ++i) {
        m_images << pusher.pushImage(QStringLiteral("bench/app%1").arg(i), QStringLiteral("1"),
                                     100 + i, Layers);
        QVERIFY2(!m_images.last().manifestDigest.isEmpty(), qPrintable(pusher.error()));
    }
}

void BenchRegistry::inspectTwentyImages()
{
    net::ApiClient transport;
    registry::RegistryClient client(&transport);
    QList<registry::RegistryReference> references;
    for (int i = 0; i < Images; ++i)
        references << registry::RegistryReference::parse(m_registry.domain()
                                                         + QStringLiteral("/bench/app%1:1").arg(i))
                          .value();
    qint64 best = std::numeric_limits<qint64>::max();
    registry::RequestCounts counts;
    QBENCHMARK
    {
        client.resetRequestCounts();
        QElapsedTimer timer;
        timer.start();
        QList<QFuture<net::Result<registry::ImageDetails>>> futures;
        for (const auto &reference : std::as_const(references))
            futures << client.inspect(reference);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return std::all_of(futures.begin(), futures.end(),
                                   [](const auto &f) { return f.isFinished(); });
            },
            60000));
        best = qMin(best, timer.elapsed());
        counts = client.requestCounts();
        for (int i = 0; i < Images; ++i) {
            const auto result = futures[i].result();
            QVERIFY2(result.ok(), qPrintable(result.error().toString()));
            QCOMPARE(result.value().uncompressedSize(), m_images[i].uncompressedTotal());
        }
    }
    QVERIFY(counts.manifests <= Images);
    QVERIFY(counts.configs <= Images);
    QVERIFY(counts.rangedReads <= Images * Layers);
    QCOMPARE(counts.total(), Images * (2 + Layers));
    printf("FIGURE registry inspect %d images x %d layers: %lld ms, %d requests (%d manifests, "
           "%d configs, %d ranged reads)\n",
           Images, Layers, best, counts.total(), counts.manifests, counts.configs,
           counts.rangedReads);
    fflush(stdout);
}

QTEST_GUILESS_MAIN(BenchRegistry)
#include "bench_registry.moc"
