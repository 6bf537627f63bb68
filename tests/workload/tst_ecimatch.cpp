// DescribeImageCaches' match (MatchImage, ImageFullMatch, ImageMatchCountRequest) through the
// real ECI client against the emulator: the documented order (match degree, matched image
// size, creation time), LastMatchedTime, the 100-image limit, and the CoverageEvaluator's
// ECI answers built on it.

#include "emulator.h"
#include "net/apiclient.h"
#include "providers/alibaba/ecicacheservice.h"
#include "workload/coverageevaluator.h"
#include "workload/manifestreader.h"

#include <QSignalSpy>
#include <QTest>

using providers::CacheQuery;
using providers::alibaba::EciCacheService;

namespace {
// Runs the event loop until `future` is done (bounded); a default value on timeout, which
// the callers' checks then fail on.
template<typename T>
T wait(const QFuture<T> &future)
{
    QDeadlineTimer deadline(10000);
    while (!future.isFinished() && !deadline.hasExpired())
        QTest::qWait(5);
    return future.isFinished() && future.resultCount() > 0 ? future.result() : T{};
}
} // namespace

class TestEciMatch final : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void docsExampleImageIsMatched();
    void orderIsDegreeThenSizeThenCreation();
    void fullMatchAndLastMatchedTime();
    void atMostOneHundredImages();
    void evaluatorUsesTheServersChoice();

private:
    QString create(const QString &name, const QStringList &images);
    QStringList names(const CacheQuery &query);

    QDateTime m_now;
    std::unique_ptr<emulator::Emulator> m_emulator;
    std::unique_ptr<net::ApiClient> m_client;
    EciCacheService *m_service = nullptr;
};

void TestEciMatch::init()
{
    m_now = QDateTime::currentDateTimeUtc();
    emulator::Options options;
    options.timings.alibabaPrepareMs = 1;
    options.timings.alibabaCreateMs = 1;
    m_emulator = std::make_unique<emulator::Emulator>(options);
    m_emulator->setClock([this] { return m_now; });
    QVERIFY(m_emulator->listen() != 0);
    m_client = std::make_unique<net::ApiClient>();
    providers::Connection c;
    c.provider = core::Provider::Alibaba;
    c.accountId = QStringLiteral("ali");
    c.region = QString::fromLatin1(emulator::demo::AlibabaRegion);
    c.endpointOverride = m_emulator->baseUrl();
    c.accessKeyId = emulator::demo::AlibabaAccessKeyId;
    c.accessKeySecret = emulator::demo::AlibabaAccessKeySecret;
    c.clock = [this] {
        return m_now;
    };
    m_service = new EciCacheService(m_client.get(), c, m_client.get());
}

void TestEciMatch::cleanup()
{
    m_client.reset();
    m_emulator.reset();
}

QString TestEciMatch::create(const QString &name, const QStringList &images)
{
    core::CacheSpec spec;
    spec.name = name;
    spec.images = images;
    spec.securityGroupId = QStringLiteral("sg-match");
    spec.vSwitchId = QStringLiteral("vsw-match");
    spec.sizeGiB = 20;
    spec.retentionDays = 7;
    const auto created = wait(m_service->create(spec));
    if (!created.ok())
        qWarning() << created.error().toString();
    m_now = m_now.addSecs(60); // every cache Ready, each created a minute after the last
    return created.ok() ? created.value().id : QString();
}

QStringList TestEciMatch::names(const CacheQuery &query)
{
    const auto listed = wait(m_service->list(query));
    if (!listed.ok())
        qWarning() << listed.error().toString();
    QStringList result;
    for (const core::ImageCache &c : listed.ok() ? listed.value() : QList<core::ImageCache>{})
        result.append(c.name);
    return result;
}

// The DescribeImageCaches reference gives this image as MatchImage's example.
void TestEciMatch::docsExampleImageIsMatched()
{
    const QString docsImage
        = u"registry-vpc.cn-hangzhou.aliyuncs.com/eci_open/nginx:1.15.10-perl"_qs;
    QVERIFY(!create(u"perl"_qs, {docsImage}).isEmpty());
    QVERIFY(!create(u"other"_qs, {u"redis:7"_qs}).isEmpty());
    CacheQuery query;
    query.matchImages = {docsImage};
    QCOMPARE(names(query), QStringList{u"perl"_qs});
    query.imageFullMatch = true;
    QCOMPARE(names(query), QStringList{u"perl"_qs});
}

void TestEciMatch::orderIsDegreeThenSizeThenCreation()
{
    // python:3.12-slim (50 MB) and nginx:1.25 (71 MB) share only the Debian base layer.
    QVERIFY(!create(u"python-first"_qs, {u"python:3.12-slim"_qs}).isEmpty());
    QVERIFY(!create(u"nginx-later"_qs, {u"nginx:1.25"_qs}).isEmpty());
    QVERIFY(!create(u"nginx-latest"_qs, {u"nginx:1.25"_qs}).isEmpty());
    QVERIFY(!create(u"both"_qs, {u"nginx:1.25"_qs, u"python:3.12-slim"_qs}).isEmpty());
    CacheQuery query;
    query.matchImages = {u"nginx:1.25"_qs, u"python:3.12-slim"_qs};
    // "both": all 5 layers. Then 4 layers each: the nginx caches hold the larger image fully
    // (71 MB > 50 MB), so they come before the older python cache; between the two nginx
    // caches the earlier creation wins.
    QCOMPARE(names(query),
             (QStringList{u"both"_qs, u"nginx-later"_qs, u"nginx-latest"_qs, u"python-first"_qs}));
    query.imageMatchCount = 2; // the number of caches asked for
    QCOMPARE(names(query), (QStringList{u"both"_qs, u"nginx-later"_qs}));
}

void TestEciMatch::fullMatchAndLastMatchedTime()
{
    QVERIFY(!create(u"n125"_qs, {u"nginx:1.25"_qs}).isEmpty());
    QVERIFY(!create(u"n126"_qs, {u"nginx:1.26"_qs}).isEmpty());
    CacheQuery query;
    query.matchImages = {u"docker.io/library/nginx:1.26"_qs};
    // 1.25 shares two of 1.26's three layers: a partial match, after the full one.
    QCOMPARE(names(query), (QStringList{u"n126"_qs, u"n125"_qs}));
    query.imageFullMatch = true;
    QCOMPARE(names(query), QStringList{u"n126"_qs});

    const auto before = wait(m_service->list({}));
    QVERIFY(before.ok());
    m_now = m_now.addSecs(3600);
    const QDateTime matchedAt = m_now;
    QCOMPARE(names(query), QStringList{u"n126"_qs});
    const auto after = wait(m_service->list({}));
    QVERIFY(after.ok());
    for (const core::ImageCache &c : after.value()) {
        if (c.name == u"n126")
            QCOMPARE(c.lastMatched.toSecsSinceEpoch(), matchedAt.toSecsSinceEpoch());
        else
            QVERIFY(!c.lastMatched.isValid() || c.lastMatched < matchedAt);
    }
}

void TestEciMatch::atMostOneHundredImages()
{
    CacheQuery query;
    for (int i = 0; i < 101; ++i)
        query.matchImages.append(u"app-%1:1"_qs.arg(i));
    const auto refused = wait(m_service->list(query));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, net::ApiError::Kind::Validation);
    query.matchImages.removeLast();
    QVERIFY(wait(m_service->list(query)).ok());
}

void TestEciMatch::evaluatorUsesTheServersChoice()
{
    const QString id = create(u"web-cache"_qs, {u"nginx:1.25"_qs, u"redis:7"_qs});
    QVERIFY(!id.isEmpty());
    const workload::ManifestSet manifests = workload::ManifestReader::read(R"(
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      initContainers: [{name: init, image: 'registry.cn-hangzhou.aliyuncs.com/eci_open/alpine:3.18'}]
      containers:
      - {name: web, image: nginx:1.25}
      - {name: cache, image: docker.io/library/redis:7}
      - {name: next, image: nginx:1.26}
)",
                                                                           u"web.yaml"_qs);
    workload::CoverageSource source;
    source.target = {core::Provider::Alibaba, u"ali"_qs, u"Alibaba"_qs,
                     QString::fromLatin1(emulator::demo::AlibabaRegion)};
    source.service = m_service;
    workload::CoverageEvaluator evaluator;
    workload::CoverageOptions options;
    options.now = m_now;
    const workload::CoverageReport report = wait(evaluator.evaluate(manifests, {source}, options));
    QCOMPARE(report.answers.size(), 1);
    const workload::TargetAnswer &answer = report.answers.at(0).targets.at(0);
    QVERIFY(answer.cache);
    QCOMPARE(answer.cache->id, id);
    QCOMPARE(answer.containers.at(0).verdict, workload::Verdict::NotCovered);
    QCOMPARE(answer.containers.at(0).reason, workload::Reason::NotInServingCache);
    QCOMPARE(answer.containers.at(1).verdict, workload::Verdict::Covered);
    QCOMPARE(answer.containers.at(2).verdict, workload::Verdict::Covered);
    QCOMPARE(answer.containers.at(3).verdict, workload::Verdict::Partial);
    const workload::CoverageSummary summary = report.summary();
    QCOMPARE(summary.covered, 2);
    QCOMPARE(summary.partial, 1);
    QCOMPARE(summary.uncovered, 1);
    QCOMPARE(report.uncoveredImages(core::Provider::Alibaba),
             (QStringList{u"registry.cn-hangzhou.aliyuncs.com/eci_open/alpine:3.18"_qs,
                          u"nginx:1.26"_qs}));
}

QTEST_GUILESS_MAIN(TestEciMatch)
#include "tst_ecimatch.moc"
