#include "modelfixtures.h"

#include "models/cachefilterproxymodel.h"
#include "models/imagetablemodel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QPersistentModelIndex>
#include <QTest>

using namespace core;
using models::ImageTableModel;

namespace {

ImageInfo image(const QString &id, Provider provider = Provider::Huawei)
{
    ImageInfo i;
    i.provider = provider;
    i.accountId = provider == Provider::Huawei ? QStringLiteral("hw") : QStringLiteral("ali");
    i.region = provider == Provider::Huawei ? QStringLiteral("cn-north-4")
                                            : QStringLiteral("cn-hangzhou");
    i.id = id;
    i.name = QStringLiteral("library/app-") + id;
    i.version = QStringLiteral("1.0");
    i.imageType = QStringLiteral("private_image");
    i.namespaceName = QStringLiteral("library");
    i.digest = QStringLiteral("sha256:") + QString(64, QLatin1Char('a'));
    i.sizeBytes = 1610612736; // 1.5 GiB
    i.created = fixtures::now().addDays(-3);
    return i;
}

} // namespace

class TestImageTableModel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void showsImagesWithRolesAndFormats()
    {
        ImageTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ImageInfo ehpc = image("m-123", Provider::Alibaba);
        ehpc.sizeBytes = -1;
        ehpc.sizeText = QStringLiteral("40 GiB");
        ehpc.imageType = QStringLiteral("Container");
        ehpc.hasContainerSpec = true;
        ehpc.containerSpec.osTag = QStringLiteral("CentOS_7.9_64");
        model.setImages({image("i1"), ehpc});

        QCOMPARE(model.rowCount(), 2);
        const auto text = [&](int row, int column) {
            return model.index(row, column).data().toString();
        };
        QCOMPARE(text(0, ImageTableModel::Name), QStringLiteral("library/app-i1"));
        QCOMPARE(text(0, ImageTableModel::Size), QStringLiteral("1.50 GiB"));
        // E-HPC's "40 GiB" text through the same formatter as HSS bytes: one unit style.
        QCOMPARE(text(1, ImageTableModel::Size), QStringLiteral("40.00 GiB"));
        QCOMPARE(text(0, ImageTableModel::Type), QStringLiteral("Private image"));
        QCOMPARE(text(1, ImageTableModel::Type), QStringLiteral("Container"));
        QCOMPARE(text(0, ImageTableModel::Account), QStringLiteral("hw")); // no name known yet
        model.setAccountNames({{QStringLiteral("hw"), QStringLiteral("Huawei prod")}});
        QCOMPARE(text(0, ImageTableModel::Account), QStringLiteral("Huawei prod"));
        QCOMPARE(text(0, ImageTableModel::Provider), QStringLiteral("Huawei Cloud"));
        QCOMPARE(text(1, ImageTableModel::Os), QStringLiteral("CentOS_7.9_64"));
        QCOMPARE(text(0, ImageTableModel::Created), QStringLiteral("2026-02-26 10:00"));
        QCOMPARE(text(0, ImageTableModel::Digest), image("i1").digest); // whole digest
        QCOMPARE(model.index(1, ImageTableModel::Size).data(models::SortRole).toLongLong(),
                 40LL * 1024 * 1024 * 1024);
        QCOMPARE(model.index(0, 3).data(models::KeyRole).toString(),
                 QStringLiteral("huawei/hw/cn-north-4/i1"));
        QCOMPARE(model.index(1, 0).data(models::ProviderRole).toInt(), int(Provider::Alibaba));
        QVERIFY(model.index(0, 0).data(models::SearchTextRole).toString().contains("app-i1"));
        QVERIFY(model.index(0, ImageTableModel::Size).data(Qt::TextAlignmentRole).toInt()
                & Qt::AlignRight);
        QCOMPARE(model.imageByKey(QStringLiteral("huawei/hw/cn-north-4/i1"))->id,
                 QStringLiteral("i1"));
        QVERIFY(!model.image(7));
    }

    void blankDetailsAreRecognised()
    {
        ImageInfo listed = image("i1");
        listed.status = QStringLiteral("normal");
        QVERIFY(ImageTableModel::hasBlankDetails(listed)); // no OS yet
        listed.osTag = QStringLiteral("Ubuntu 22.04");
        QVERIFY(!ImageTableModel::hasBlankDetails(listed));
        listed.sizeBytes = -1;
        QVERIFY(ImageTableModel::hasBlankDetails(listed));
    }

    void sizeTextParsing()
    {
        ImageInfo i;
        i.sizeText = QStringLiteral("512 MiB");
        QCOMPARE(ImageTableModel::sizeInBytes(i), 512LL * 1024 * 1024);
        i.sizeText = QStringLiteral("1.5GB");
        QCOMPARE(ImageTableModel::sizeInBytes(i), qint64(1.5 * 1024 * 1024 * 1024));
        i.sizeText = QStringLiteral("large");
        QCOMPARE(ImageTableModel::sizeInBytes(i), -1);
        i.sizeText.clear();
        QCOMPARE(ImageTableModel::sizeInBytes(i), -1);
    }

    void refreshUpdatesInPlaceWithoutReset()
    {
        ImageTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setImages({image("1"), image("2"), image("3"), image("4"), image("5")});
        const QPersistentModelIndex selected = model.index(3, ImageTableModel::Name);

        fixtures::ModelSignals spy(&model);
        ImageInfo changed = image("4");
        changed.version = QStringLiteral("2.0");
        model.setImages({image("1"), image("3"), changed, image("5"), image("6")});

        QVERIFY(spy.noneExcept({&spy.removed, &spy.inserted, &spy.changed}));
        QCOMPARE(spy.removed.size(), 1);
        QCOMPARE(spy.removed.first().at(1).toInt(), 1);
        QCOMPARE(spy.changed.size(), 1);
        QCOMPARE(spy.changed.first().at(0).toModelIndex().row(), 2);
        QCOMPARE(spy.inserted.size(), 1);
        QCOMPARE(spy.inserted.first().at(1).toInt(), 4);
        QVERIFY(selected.isValid());
        QCOMPARE(selected.row(), 2);
        QCOMPARE(selected.sibling(2, ImageTableModel::Version).data().toString(),
                 QStringLiteral("2.0"));
        QCOMPARE(model.rowOfKey(ImageTableModel::keyOf(image("6"))), 4);

        // The same listing again: nothing at all.
        spy.changed.clear();
        spy.removed.clear();
        spy.inserted.clear();
        model.setImages({image("1"), image("3"), changed, image("5"), image("6")});
        QVERIFY(spy.noneExcept({}));

        // One image refreshed alone (its layers arrived).
        ImageInfo withLayers = image("5");
        withLayers.layers = {{QStringLiteral("Ubuntu"), QStringLiteral("22.04"),
                              QStringLiteral("sha256:") + QString(64, QLatin1Char('b'))}};
        QVERIFY(model.updateImage(withLayers));
        QCOMPARE(spy.changed.size(), 1);
        QCOMPARE(model.index(3, ImageTableModel::Os).data().toString(),
                 QStringLiteral("Ubuntu 22.04"));
        QVERIFY(!model.updateImage(image("missing")));
    }

    void proxyFiltersImagesByTextAndProvider()
    {
        ImageTableModel model;
        models::CacheFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ImageInfo nginx = image("n");
        nginx.name = QStringLiteral("nginx");
        model.setImages({nginx, image("x"), image("y", Provider::Alibaba)});
        proxy.setFilterText(QStringLiteral("NGINX"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setFilterText({});
        proxy.setProviderFilter(Provider::Alibaba);
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setStatusFilter({CacheStatus::Ready}); // images have no cache status: no effect
        QCOMPARE(proxy.rowCount(), 1);
        proxy.clearFilters();
        proxy.sort(ImageTableModel::Name, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("library/app-x"));
    }

    // Which rows name a registry image the layer detail can ask.
    void registryReferenceOfSwrAndEhpcImages()
    {
        ImageInfo swr = image("s");
        swr.name = QStringLiteral("nginx");
        swr.version = QStringLiteral("1.25");
        swr.raw.insert(QStringLiteral("registry_type"), QStringLiteral("SwrShared"));
        QCOMPARE(ImageTableModel::registryReference(swr),
                 QStringLiteral("swr.cn-north-4.myhuaweicloud.com/library/nginx:1.25"));
        swr.raw.insert(QStringLiteral("registry_type"), QStringLiteral("Harbor"));
        QVERIFY(ImageTableModel::registryReference(swr).isEmpty()); // not guessed
        ImageInfo local = image("l");
        QVERIFY(ImageTableModel::registryReference(local).isEmpty()); // no registry_type

        ImageInfo ehpc = image("e", Provider::Alibaba);
        QVERIFY(ImageTableModel::registryReference(ehpc).isEmpty()); // VM or not described yet
        ehpc.hasContainerSpec = true;
        ehpc.containerSpec.registryUrl
            = QStringLiteral("registry.cn-hangzhou.aliyuncs.com/demo-ns/ml-training:1.4.0");
        QCOMPARE(ImageTableModel::registryReference(ehpc), ehpc.containerSpec.registryUrl);
    }
};

QTEST_MAIN(TestImageTableModel)
#include "tst_imagetablemodel.moc"
