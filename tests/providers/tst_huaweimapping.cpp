#include "core/cachespec.h"
#include "providers/huawei/huaweimapping.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace providers::huawei;
using core::CacheStatus;
Q_DECLARE_METATYPE(core::CacheStatus)

namespace {
// Seed 000 (ShowImageCache example response), verbatim.
const QByteArray Seed000 = R"({
  "image_cache" : {
    "name" : "test-imagecache",
    "id" : "c271e39e-1a6e-4d3d-8fa8-2a36329c68d2",
    "created_at" : "2024-11-25 06:32:34.923248 +0000 UTC",
    "images" : [ "centos:latest", "busybox:latest" ],
    "image_cache_size" : 25,
    "retention_days" : 7,
    "building_config" : {
      "cluster" : "c271e39f-1a6e-4d3d-8fa8-2a36329c68d2",
      "image_pull_secrets" : [ "default:secret1", "default:secret2", "kube-system:secret3" ]
    },
    "status" : "Available"
  }
})";

QJsonObject detailOf(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object().value(QLatin1String("image_cache")).toObject();
}
} // namespace

class TestHuaweiMapping final : public QObject
{
    Q_OBJECT
private slots:
    void seed000FieldByField();
    void seed001CreatedResponse();
    void statusBothWays_data();
    void statusBothWays();
    void retentionZeroNeverExpires();
    void missingAndWrongTypedFields();
    void unknownFieldsKeptInRaw();
    void failedCacheMessage();
    void createBodyMatchesSdkBytes();
    void createBodyOmitsUnsetOptionals();
    void createBodyEscapes();
    void toJsonRoundTrip();
    void hssItems();
};

void TestHuaweiMapping::seed000FieldByField()
{
    const core::ImageCache c = HuaweiMapping::cacheFromJson(detailOf(Seed000));
    QCOMPARE(c.provider, core::Provider::Huawei);
    QCOMPARE(c.name, QStringLiteral("test-imagecache"));
    QCOMPARE(c.id, QStringLiteral("c271e39e-1a6e-4d3d-8fa8-2a36329c68d2"));
    QCOMPARE(c.created, QDateTime(QDate(2024, 11, 25), QTime(6, 32, 34, 923), Qt::UTC));
    QCOMPARE(c.images, (QStringList{"centos:latest", "busybox:latest"}));
    QCOMPARE(c.sizeGiB, 25);
    QCOMPARE(c.retentionDays, 7);
    QCOMPARE(c.expires, QDateTime(QDate(2024, 12, 2), QTime(6, 32, 34, 923), Qt::UTC));
    QCOMPARE(c.cluster, QStringLiteral("c271e39f-1a6e-4d3d-8fa8-2a36329c68d2"));
    QCOMPARE(c.imagePullSecrets,
             (QStringList{"default:secret1", "default:secret2", "kube-system:secret3"}));
    QCOMPARE(c.rawStatus, QStringLiteral("Available"));
    QCOMPARE(c.status, CacheStatus::Ready);
    QVERIFY(c.message.isEmpty());
    QVERIFY(!c.progress.has_value());
    QCOMPARE(c.raw, detailOf(Seed000));
}

void TestHuaweiMapping::seed001CreatedResponse()
{
    const QByteArray body = R"({ "image_cache" : { "name" : "test-imagecache1",
      "id" : "c271e39e-1a6e-4d3d-8fa8-2a36329c68d2",
      "created_at" : "2024-11-25 06:32:34.923248 +0000 UTC",
      "images" : [ "swr.region.com/test/nginx:v1", "busybox:latest" ], "image_cache_size" : 25,
      "retention_days" : 7, "building_config" : { "cluster" : "8b3b4b2d-e39d-11ef-a9ac-0255ac100113",
      "image_pull_secrets" : [ "default:default-secret", "test:my-secret" ] },
      "status" : "Creating" } })";
    const core::ImageCache c = HuaweiMapping::cacheFromJson(detailOf(body));
    QCOMPARE(c.status, CacheStatus::Creating);
    QCOMPARE(c.name, QStringLiteral("test-imagecache1"));
    QCOMPARE(c.images.first(), QStringLiteral("swr.region.com/test/nginx:v1"));
    QCOMPARE(c.imagePullSecrets, (QStringList{"default:default-secret", "test:my-secret"}));
}

void TestHuaweiMapping::statusBothWays_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<CacheStatus>("status");
    QTest::newRow("Available") << "Available" << CacheStatus::Ready;
    QTest::newRow("Unavailable") << "Unavailable" << CacheStatus::Unavailable;
    QTest::newRow("Creating") << "Creating" << CacheStatus::Creating;
    QTest::newRow("Deleting") << "Deleting" << CacheStatus::Deleting;
    QTest::newRow("Failed") << "Failed" << CacheStatus::Failed;
}

void TestHuaweiMapping::statusBothWays()
{
    QFETCH(QString, word);
    QFETCH(CacheStatus, status);
    QJsonObject detail = detailOf(Seed000);
    detail.insert(QStringLiteral("status"), word);
    const auto cache = HuaweiMapping::cacheFromJson(detail);
    QCOMPARE(cache.status, status);
    QCOMPARE(cache.rawStatus, word);
    QCOMPARE(HuaweiMapping::statusWord(status), word);
}

void TestHuaweiMapping::retentionZeroNeverExpires()
{
    QJsonObject detail = detailOf(Seed000);
    detail.insert(QStringLiteral("retention_days"), 0);
    const auto cache = HuaweiMapping::cacheFromJson(detail);
    QCOMPARE(cache.retentionDays, 0);
    QVERIFY(!cache.expires.isValid());
}

void TestHuaweiMapping::missingAndWrongTypedFields()
{
    const auto empty = HuaweiMapping::cacheFromJson(QJsonObject());
    QCOMPARE(empty.status, CacheStatus::Unknown);
    QVERIFY(empty.id.isEmpty());
    QVERIFY(!empty.created.isValid());

    const QJsonObject wrong = QJsonDocument::fromJson(
                                  R"({"id": 12, "name": ["x"], "images": "busybox",
                                     "image_cache_size": "big", "retention_days": {},
                                     "building_config": "c1", "status": 3, "created_at": 17,
                                     "message": null})")
                                  .object();
    const auto cache = HuaweiMapping::cacheFromJson(wrong);
    QCOMPARE(cache.id, QStringLiteral("12"));
    QVERIFY(cache.name.isEmpty());
    QVERIFY(cache.images.isEmpty());
    QCOMPARE(cache.sizeGiB, 0);
    QCOMPARE(cache.retentionDays, 0);
    QVERIFY(cache.cluster.isEmpty());
    QCOMPARE(cache.status, CacheStatus::Unknown);
    QVERIFY(!cache.created.isValid());
    QCOMPARE(cache.raw, wrong);
}

void TestHuaweiMapping::unknownFieldsKeptInRaw()
{
    QJsonObject detail = detailOf(Seed000);
    detail.insert(QStringLiteral("future_field"), QJsonObject{{QStringLiteral("x"), 1}});
    detail.insert(QStringLiteral("status"), QStringLiteral("Hibernating"));
    const auto cache = HuaweiMapping::cacheFromJson(detail);
    QCOMPARE(
        cache.raw.value(QLatin1String("future_field")).toObject().value(QLatin1String("x")).toInt(),
        1);
    QCOMPARE(cache.status, CacheStatus::Unknown);
    QCOMPARE(cache.rawStatus, QStringLiteral("Hibernating"));
}

void TestHuaweiMapping::failedCacheMessage()
{
    QJsonObject detail = detailOf(Seed000);
    detail.insert(QStringLiteral("status"), QStringLiteral("Failed"));
    detail.insert(QStringLiteral("message"), QStringLiteral("pull busybox:latest: 401"));
    const auto cache = HuaweiMapping::cacheFromJson(detail);
    QCOMPARE(cache.status, CacheStatus::Failed);
    QCOMPARE(cache.message, QStringLiteral("pull busybox:latest: 401"));
}

void TestHuaweiMapping::createBodyMatchesSdkBytes()
{
    // Huawei signing vector V2: 266 bytes, compact, field order.
    core::CacheSpec spec;
    spec.name = QStringLiteral("test-imagecache1");
    spec.images = {QStringLiteral("swr.ap-southeast-1.myhuaweicloud.com/test/nginx:v1"),
                   QStringLiteral("busybox:latest")};
    spec.sizeGiB = 25;
    spec.retentionDays = 7;
    spec.cluster = QStringLiteral("8b3b4b2d-e39d-11ef-a9ac-0255ac100113");
    spec.imagePullSecrets = {QStringLiteral("default:default-secret")};
    const QByteArray expected
        = R"({"name":"test-imagecache1","images":["swr.ap-southeast-1.myhuaweicloud.com/test/nginx:v1","busybox:latest"],"image_cache_size":25,"retention_days":7,"building_config":{"cluster":"8b3b4b2d-e39d-11ef-a9ac-0255ac100113","image_pull_secrets":["default:default-secret"]}})";
    const QByteArray body = HuaweiMapping::createBody(spec);
    QCOMPARE(body, expected);
    QCOMPARE(body.size(), 266);
}

void TestHuaweiMapping::createBodyOmitsUnsetOptionals()
{
    core::CacheSpec spec;
    spec.name = QStringLiteral("c");
    spec.images = {QStringLiteral("busybox:latest")};
    spec.cluster = QStringLiteral("k");
    QCOMPARE(HuaweiMapping::createBody(spec),
             QByteArray(
                 R"({"name":"c","images":["busybox:latest"],"building_config":{"cluster":"k"}})"));
    spec.retentionDays = 0; // explicitly set 0 is sent
    QVERIFY(HuaweiMapping::createBody(spec).contains("\"retention_days\":0"));
}

void TestHuaweiMapping::createBodyEscapes()
{
    core::CacheSpec spec;
    spec.name = QStringLiteral("a\"b");
    spec.images = {QStringLiteral("x\\y")};
    spec.cluster = QStringLiteral("k");
    const QByteArray body = HuaweiMapping::createBody(spec);
    const QJsonObject parsed = QJsonDocument::fromJson(body).object();
    QCOMPARE(parsed.value(QLatin1String("name")).toString(), spec.name);
    QCOMPARE(parsed.value(QLatin1String("images")).toArray().first().toString(),
             spec.images.first());
}

void TestHuaweiMapping::toJsonRoundTrip()
{
    core::ImageCache original = HuaweiMapping::cacheFromJson(detailOf(Seed000));
    core::ImageCache back = HuaweiMapping::cacheFromJson(HuaweiMapping::cacheToJson(original));
    back.raw = original.raw;
    QCOMPARE(back, original);
}

void TestHuaweiMapping::hssItems()
{
    const QJsonObject registry
        = QJsonDocument::fromJson(
              R"({"id": 5, "namespace": "scc_hss_container", "image_name": "proxy-agent",
            "image_id": "abc123", "image_digest": "sha256:aa", "image_version": "24.5.0-x86_64",
            "image_type": "private_image", "registry_name": "SWR", "registry_type": "SwrPrivate",
            "scan_status": "success", "image_size": 73400320, "latest_update_time": 1700000000000})")
              .object();
    const auto r = HuaweiMapping::imageFromRegistryJson(registry);
    QCOMPARE(r.id, QStringLiteral("abc123"));
    QCOMPARE(r.name, QStringLiteral("proxy-agent"));
    QCOMPARE(r.version, QStringLiteral("24.5.0-x86_64"));
    QCOMPARE(r.namespaceName, QStringLiteral("scc_hss_container"));
    QCOMPARE(r.imageType, QStringLiteral("private_image"));
    QCOMPARE(r.digest, QStringLiteral("sha256:aa"));
    QCOMPARE(r.registryName, QStringLiteral("SWR"));
    QCOMPARE(r.scanStatus, QStringLiteral("success"));
    QCOMPARE(r.sizeBytes, qint64(73400320));
    QCOMPARE(r.updated, QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC));
    QCOMPARE(r.raw, registry);

    const auto local = HuaweiMapping::imageFromLocalJson(
        QJsonDocument::fromJson(
            R"({"image_name": "nginx", "image_id": "l1", "image_version": "1.25",
            "local_image_type": "other_image", "image_size": 100})")
            .object());
    QCOMPARE(local.imageType, QStringLiteral("other_image"));
    QCOMPARE(local.sizeBytes, qint64(100));

    const auto cicd = HuaweiMapping::imageFromCicdJson(
        QJsonDocument::fromJson(
            R"({"image_id": "111", "cicd_name": "pipeline", "image_name": "app"})")
            .object());
    QCOMPARE(cicd.imageType, QStringLiteral("cicd"));
    QCOMPARE(cicd.id, QStringLiteral("111"));
    QCOMPARE(cicd.sizeBytes, qint64(-1));

    const auto layer = HuaweiMapping::layerFromJson(QJsonDocument::fromJson(
                                                        R"({"os_name": "Debian", "os_version": "9",
            "layer_digest": "sha256:27833a3ba0a545deda33bb01eaf95a14d05d43bf30bce9267d92d17f069fe897"})")
                                                        .object());
    QCOMPARE(layer.osName, QStringLiteral("Debian"));
    QCOMPARE(layer.osVersion, QStringLiteral("9"));
    QCOMPARE(
        layer.layerDigest,
        QStringLiteral("sha256:27833a3ba0a545deda33bb01eaf95a14d05d43bf30bce9267d92d17f069fe897"));
}

QTEST_APPLESS_MAIN(TestHuaweiMapping)
#include "tst_huaweimapping.moc"
