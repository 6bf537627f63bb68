#include "models/coveragemodel.h"
#include "workload/huaweicoverage.h"
#include "workload/manifestreader.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using models::CoverageModel;

namespace {
core::ImageCache huaweiCache(const QString &name, const QStringList &images, int days,
                             const QDateTime &now)
{
    core::ImageCache c;
    c.provider = core::Provider::Huawei;
    c.accountId = u"hw"_qs;
    c.region = u"cn-north-4"_qs;
    c.id = name + u"-id"_qs;
    c.name = name;
    c.status = core::CacheStatus::Ready;
    c.images = images;
    c.retentionDays = days;
    c.created = now.addDays(-1);
    c.expires = now.addDays(days - 1);
    return c;
}

workload::CoverageReport report(const QList<core::ImageCache> &caches, const QDateTime &now)
{
    workload::CoverageReport r;
    r.manifests = workload::ManifestReader::read(
        "kind: Deployment\nmetadata: {name: web}\nspec: {template: {spec: {containers: "
        "[{name: web, image: nginx:1.25}, {name: cache, image: redis:7}]}}}\n",
        u"w.yaml"_qs);
    const workload::CoverageTarget target{core::Provider::Huawei, u"hw"_qs, u"Huawei"_qs,
                                          u"cn-north-4"_qs};
    r.targets = {target};
    workload::CoverageOptions options;
    options.now = now;
    const workload::HuaweiCoverage rules(target, caches, options);
    for (const workload::Workload &w : r.manifests.workloads)
        r.answers.append({w, {rules.evaluate(w)}});
    return r;
}
} // namespace

class TestCoverageModel final : public QObject
{
    Q_OBJECT
private slots:
    void rowsColumnsAndInPlaceUpdate();
};

void TestCoverageModel::rowsColumnsAndInPlaceUpdate()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    CoverageModel model;
    model.setNow(now);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setReport(
        report({huaweiCache(u"web"_qs, {u"docker.io/library/nginx:1.25"_qs}, 7, now)}, now));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, CoverageModel::Coverage).data().toString(), u"covered"_qs);
    QCOMPARE(model.index(0, CoverageModel::CacheName).data().toString(), u"web"_qs);
    QVERIFY(model.index(0, CoverageModel::Expires).data().toString().contains(u"(in 6 day"_qs));
    QCOMPARE(model.index(1, CoverageModel::Coverage).data(models::SortRole).toInt(),
             int(workload::Verdict::NotCovered));
    QVERIFY(model.summaryText().contains(u"1 covered"_qs));
    QCOMPARE(model.index(0, 0).data(CoverageModel::AnnotationRole).toString(),
             u"imagecache.cce.io/specified-name: \"web\""_qs);

    // The same rows, new answers: changed in place, no reset.
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setReport(
        report({huaweiCache(u"web"_qs, {u"nginx:1.25"_qs, u"redis:7"_qs}, 7, now)}, now));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(1, CoverageModel::Coverage).data().toString(), u"covered"_qs);
    model.setReport({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(reset.count(), 1);
}

QTEST_GUILESS_MAIN(TestCoverageModel)
#include "tst_coveragemodel.moc"
