#include "core/cachestatus.h"
#include "providers/alibaba/alibabamapping.h"
#include "providers/alibaba/ecicacheservice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace providers::alibaba;
using core::CacheStatus;
Q_DECLARE_METATYPE(core::CacheStatus)
Q_DECLARE_METATYPE(std::optional<int>)

namespace {
// Seed 002 (DescribeImageCaches example response), verbatim.
const QByteArray Seed002 = R"({
  "RequestId": "39FC2E43-3DD7-4CEF-9EF4-E4AD6E635301",
  "ImageCaches": [
    {
      "Images": [
        "registry-vpc.cn-hangzhou.aliyuncs.com/eci_open/nginx:1.15.10-perl"
      ],
      "CreationTime": "2021-02-09T02:24:07Z",
      "Status": "Ready",
      "Progress": "100%",
      "ExpireDateTime": "2019-11-10T09:00:48Z",
      "LastMatchedTime": "2021-08-18T03:48:10Z",
      "ContainerGroupId": "eci-bp18oq3m15prd9jb****",
      "Tags": [
        {
          "Key": "imc",
          "Value": "test"
        }
      ],
      "Events": [
        {
          "Type": "Normal",
          "LastTimestamp": "2021-02-09T02:24:48Z",
          "Message": "Successfully check image cache resource.",
          "Name": "imagetest.1661f31f851a****",
          "Count": 1,
          "FirstTimestamp": "2021-02-09T02:24:48Z",
          "Reason": "Started"
        }
      ],
      "ImageCacheId": "imc-bp195erqe9o2pb09****",
      "RegionId": "cn-beijing",
      "SnapshotId": "s-2zec5oj8e1yhxijt****",
      "FlashSnapshotId": "s-bp12w3v37sit96t6****",
      "ResourceGroupId": "rg-2df3isufhi38****",
      "ImageCacheSize": 20,
      "ImageCacheName": "imagetest",
      "EliminationStrategy": "LRU"
    }
  ],
  "NextToken": "AAAAAdDWBF2****",
  "TotalCount": 15
})";

// Seed 004 (GetImage example response), verbatim.
const QByteArray Seed004 = R"({
"RequestId": "04F0F334-1335-436C-A1D7-6C044FE73368\n",
"Success": true,
"TotalCount": 10,
"Image": {
"ImageType": "VM",
"AppId": "",
"Name": "app-image",
"Version": "v1.0",
"Description": "应用测试镜像。",
"Size": "40 GiB",
"CreateTime": "2022-12-23T09:51:39Z",
"Status": "",
"ContainerImageSpec": {
"RegistryUrl": "registry-vpc.cn-hangzhou.aliyuncs.com/ehpc_open/nginx:latest",
"IsACRRegistry": true,
"IsACREnterprise": true,
"RegistryCriId": "cri-xyz795ygf8k9****",
"RegistryCredential": {
"Server": "registry-vpc.cn-hangzhou.aliyuncs.com",
"UserName": "username",
"Password": "userpassword"
},
"OsTag": "",
"Platform": "",
"Architecture": ""
},
"VMImageSpec": {
"ImageId": "m-uf60twafjtaart******",
"OsTag": "CentOS 7.6 64 bit",
"Platform": "CentOS",
"Architecture": "x86_64"
},
"DocumentInfo": {
"DocumentId": "",
"EncodingMode": "",
"Document": ""
},
"AdditionalRegionsInfo": [
{
"Status": "",
"ImageId": "",
"RegionId": ""
}
]
}
})";

QDateTime utc(int y, int mo, int d, int h, int mi, int s)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC);
}

QJsonObject seedItem()
{
    return QJsonDocument::fromJson(Seed002)
        .object()
        .value(QLatin1String("ImageCaches"))
        .toArray()
        .first()
        .toObject();
}
} // namespace

class TestAlibabaMapping final : public QObject
{
    Q_OBJECT
private slots:
    void seed002FieldByField();
    void describePage();
    void statusBothWays_data();
    void statusBothWays();
    void progress_data();
    void progress();
    void failedMessageFromWarningEvent();
    void missingAndWrongTypedFields();
    void toJsonRoundTrip();
    void getImageMasksPassword();
    void getImageWithoutCredential();
    void listImageItem();
};

void TestAlibabaMapping::seed002FieldByField()
{
    const core::ImageCache c = AlibabaMapping::cacheFromJson(seedItem());
    QCOMPARE(c.provider, core::Provider::Alibaba);
    QCOMPARE(c.images,
             QStringList{"registry-vpc.cn-hangzhou.aliyuncs.com/eci_open/nginx:1.15.10-perl"});
    QCOMPARE(c.created, utc(2021, 2, 9, 2, 24, 7));
    QCOMPARE(c.rawStatus, QStringLiteral("Ready"));
    QCOMPARE(c.status, CacheStatus::Ready);
    QCOMPARE(c.progress, std::optional<int>(100));
    QCOMPARE(c.expires, utc(2019, 11, 10, 9, 0, 48));
    QCOMPARE(c.lastMatched, utc(2021, 8, 18, 3, 48, 10));
    QCOMPARE(c.containerGroupId, QStringLiteral("eci-bp18oq3m15prd9jb****"));
    QCOMPARE(c.tags, (QList<core::Tag>{{"imc", "test"}}));
    QCOMPARE(c.events.size(), 1);
    const core::CacheEvent &e = c.events.first();
    QCOMPARE(e.type, QStringLiteral("Normal"));
    QCOMPARE(e.lastTimestamp, utc(2021, 2, 9, 2, 24, 48));
    QCOMPARE(e.firstTimestamp, utc(2021, 2, 9, 2, 24, 48));
    QCOMPARE(e.message, QStringLiteral("Successfully check image cache resource."));
    QCOMPARE(e.name, QStringLiteral("imagetest.1661f31f851a****"));
    QCOMPARE(e.count, 1);
    QCOMPARE(e.reason, QStringLiteral("Started"));
    QCOMPARE(c.id, QStringLiteral("imc-bp195erqe9o2pb09****"));
    QCOMPARE(c.region, QStringLiteral("cn-beijing"));
    QCOMPARE(c.snapshotId, QStringLiteral("s-2zec5oj8e1yhxijt****"));
    QCOMPARE(c.flashSnapshotId, QStringLiteral("s-bp12w3v37sit96t6****"));
    QCOMPARE(c.resourceGroupId, QStringLiteral("rg-2df3isufhi38****"));
    QCOMPARE(c.sizeGiB, 20);
    QCOMPARE(c.name, QStringLiteral("imagetest"));
    QCOMPARE(c.eliminationStrategy, QStringLiteral("LRU"));
    QCOMPARE(c.raw, seedItem());
}

void TestAlibabaMapping::describePage()
{
    net::HttpResponse response;
    response.status = 200;
    response.body = Seed002;
    const auto page = EciCacheService::parseDescribe(response);
    QVERIFY(page.ok());
    QCOMPARE(page.value().caches.size(), 1);
    QCOMPARE(page.value().nextToken, QStringLiteral("AAAAAdDWBF2****"));
    QCOMPARE(page.value().totalCount, 15);

    response.body = R"({"ImageCaches": {"not": "a list"}})";
    QCOMPARE(EciCacheService::parseDescribe(response).error().kind,
             net::ApiError::Kind::MalformedResponse);
    response.body = "<html>";
    QCOMPARE(EciCacheService::parseDescribe(response).error().kind,
             net::ApiError::Kind::MalformedResponse);
    response.body = R"({"RequestId": "x"})"; // no caches at all: an empty page
    QVERIFY(EciCacheService::parseDescribe(response).value().caches.isEmpty());
}

void TestAlibabaMapping::statusBothWays_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<CacheStatus>("status");
    QTest::addColumn<QString>("back");
    QTest::newRow("Preparing") << "Preparing" << CacheStatus::Creating << "Creating";
    QTest::newRow("Creating") << "Creating" << CacheStatus::Creating << "Creating";
    QTest::newRow("Ready") << "Ready" << CacheStatus::Ready << "Ready";
    QTest::newRow("Failed") << "Failed" << CacheStatus::Failed << "Failed";
    QTest::newRow("Updating") << "Updating" << CacheStatus::Updating << "Updating";
    QTest::newRow("UpdateFailed") << "UpdateFailed" << CacheStatus::Failed << "Failed";
    QTest::newRow("unknown word") << "Frozen" << CacheStatus::Unknown << "";
}

void TestAlibabaMapping::statusBothWays()
{
    QFETCH(QString, word);
    QFETCH(CacheStatus, status);
    QFETCH(QString, back);
    QJsonObject item = seedItem();
    item.insert(QStringLiteral("Status"), word);
    const auto cache = AlibabaMapping::cacheFromJson(item);
    QCOMPARE(cache.status, status);
    QCOMPARE(cache.rawStatus, word);
    QCOMPARE(AlibabaMapping::statusWord(status), back);
}

void TestAlibabaMapping::progress_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<std::optional<int>>("expected");
    QTest::newRow("100%") << "100%" << std::optional<int>(100);
    QTest::newRow("0%") << "0%" << std::optional<int>(0);
    QTest::newRow("45.5%") << "45.5%" << std::optional<int>(45);
    QTest::newRow("no percent sign") << "30" << std::optional<int>(30);
    QTest::newRow("over 100") << "130%" << std::optional<int>(100);
    QTest::newRow("empty") << "" << std::optional<int>();
    QTest::newRow("junk") << "soon" << std::optional<int>();
    // Found by fuzzing: beyond int, it was cast before it was clamped (undefined behaviour).
    QTest::newRow("beyond int") << QString(40, QLatin1Char('6')) + QLatin1Char('%')
                                << std::optional<int>(100);
    QTest::newRow("beyond int, negative") << "-99999999999999999999%" << std::optional<int>(0);
    QTest::newRow("huge exponent") << "1e300%" << std::optional<int>(100);
}

void TestAlibabaMapping::progress()
{
    QFETCH(QString, text);
    QFETCH(std::optional<int>, expected);
    QCOMPARE(AlibabaMapping::parseProgress(text), expected);
}

void TestAlibabaMapping::failedMessageFromWarningEvent()
{
    QJsonObject item = seedItem();
    item.insert(QStringLiteral("Status"), QStringLiteral("Failed"));
    QJsonArray events = item.value(QLatin1String("Events")).toArray();
    events.append(QJsonObject{{QStringLiteral("Type"), QStringLiteral("Warning")},
                              {QStringLiteral("Reason"), QStringLiteral("Failed")},
                              {QStringLiteral("Message"), QStringLiteral("pull access denied")}});
    item.insert(QStringLiteral("Events"), events);
    const auto cache = AlibabaMapping::cacheFromJson(item);
    QCOMPARE(cache.events.size(), 2);
    QCOMPARE(cache.message, QStringLiteral("pull access denied"));
}

void TestAlibabaMapping::missingAndWrongTypedFields()
{
    const auto empty = AlibabaMapping::cacheFromJson({});
    QCOMPARE(empty.status, CacheStatus::Unknown);
    QVERIFY(!empty.progress);
    const QJsonObject wrong
        = QJsonDocument::fromJson(
              R"({"ImageCacheId": ["x"], "Tags": "a", "Events": [1, "x", {"Count": "3"}],
            "ImageCacheSize": "30", "Progress": 50, "CreationTime": false, "Images": [1]})")
              .object();
    const auto cache = AlibabaMapping::cacheFromJson(wrong);
    QVERIFY(cache.id.isEmpty());
    QVERIFY(cache.tags.isEmpty());
    QCOMPARE(cache.events.size(), 1);
    QCOMPARE(cache.events.first().count, 3);
    QCOMPARE(cache.sizeGiB, 30);
    QCOMPARE(cache.progress, std::optional<int>(50));
    QVERIFY(!cache.created.isValid());
    QVERIFY(cache.images.isEmpty());
    QCOMPARE(cache.raw, wrong);
}

void TestAlibabaMapping::toJsonRoundTrip()
{
    const auto original = AlibabaMapping::cacheFromJson(seedItem());
    auto back = AlibabaMapping::cacheFromJson(AlibabaMapping::cacheToJson(original));
    back.raw = original.raw;
    QCOMPARE(back, original);
}

void TestAlibabaMapping::getImageMasksPassword()
{
    const QJsonObject image
        = QJsonDocument::fromJson(Seed004).object().value(QLatin1String("Image")).toObject();
    const core::ImageInfo info = AlibabaMapping::imageFromGetJson(image);
    QCOMPARE(info.provider, core::Provider::Alibaba);
    QCOMPARE(info.imageType, QStringLiteral("VM"));
    QCOMPARE(info.name, QStringLiteral("app-image"));
    QCOMPARE(info.version, QStringLiteral("v1.0"));
    QCOMPARE(info.description, QStringLiteral("应用测试镜像。"));
    QCOMPARE(info.sizeText, QStringLiteral("40 GiB"));
    QCOMPARE(info.created, utc(2022, 12, 23, 9, 51, 39));
    QVERIFY(info.hasContainerSpec);
    QCOMPARE(info.containerSpec.registryUrl,
             QStringLiteral("registry-vpc.cn-hangzhou.aliyuncs.com/ehpc_open/nginx:latest"));
    QVERIFY(info.containerSpec.isAcrRegistry);
    QVERIFY(info.containerSpec.isAcrEnterprise);
    QCOMPARE(info.containerSpec.registryCriId, QStringLiteral("cri-xyz795ygf8k9****"));
    QCOMPARE(info.containerSpec.credential.server,
             QStringLiteral("registry-vpc.cn-hangzhou.aliyuncs.com"));
    QCOMPARE(info.containerSpec.credential.userName, QStringLiteral("username"));
    QVERIFY(info.containerSpec.credential.hasPassword);
    QVERIFY(info.hasVmSpec);
    QCOMPARE(info.vmSpec.imageId, QStringLiteral("m-uf60twafjtaart******"));
    QCOMPARE(info.vmSpec.osTag, QStringLiteral("CentOS 7.6 64 bit"));
    QCOMPARE(info.vmSpec.platform, QStringLiteral("CentOS"));
    QCOMPARE(info.vmSpec.architecture, QStringLiteral("x86_64"));
    QCOMPARE(info.additionalRegions.size(), 1);

    // The password string appears nowhere: not in raw, not in any text field.
    const QByteArray rawText = QJsonDocument(info.raw).toJson();
    QVERIFY(!rawText.contains("userpassword"));
    QCOMPARE(info.raw.value(QLatin1String("ContainerImageSpec"))
                 .toObject()
                 .value(QLatin1String("RegistryCredential"))
                 .toObject()
                 .value(QLatin1String("Password"))
                 .toString(),
             AlibabaMapping::MaskedPassword);
    // Everything else of raw is kept as received.
    QCOMPARE(info.raw.value(QLatin1String("DocumentInfo")),
             image.value(QLatin1String("DocumentInfo")));
    QCOMPARE(info.raw.value(QLatin1String("AppId")), image.value(QLatin1String("AppId")));
}

void TestAlibabaMapping::getImageWithoutCredential()
{
    const QJsonObject image
        = QJsonDocument::fromJson(
              R"({"ImageType": "Container", "ContainerImageSpec": {"RegistryUrl": "nginx:latest"}})")
              .object();
    const auto info = AlibabaMapping::imageFromGetJson(image);
    QVERIFY(info.hasContainerSpec);
    QVERIFY(!info.hasVmSpec);
    QVERIFY(!info.containerSpec.credential.hasPassword);
    QCOMPARE(info.raw, image);
}

void TestAlibabaMapping::listImageItem()
{
    const QJsonObject item
        = QJsonDocument::fromJson(
              R"({"ImageId": "m-1", "ImageType": "VM", "Name": "centos", "Version": "7",
            "Description": "d", "AppId": "a", "CreateTime": "2022-12-23T09:51:39Z",
            "UpdateTime": "2023-01-01T00:00:00Z", "OsTag": "CentOS 7.6", "DocumentId": 3,
            "Weight": 1})")
              .object();
    const auto info = AlibabaMapping::imageFromListJson(item);
    QCOMPARE(info.id, QStringLiteral("m-1"));
    QCOMPARE(info.imageType, QStringLiteral("VM"));
    QCOMPARE(info.name, QStringLiteral("centos"));
    QCOMPARE(info.version, QStringLiteral("7"));
    QCOMPARE(info.description, QStringLiteral("d"));
    QCOMPARE(info.created, utc(2022, 12, 23, 9, 51, 39));
    QCOMPARE(info.updated, utc(2023, 1, 1, 0, 0, 0));
    QCOMPARE(info.osTag, QStringLiteral("CentOS 7.6"));
    QCOMPARE(info.raw, item);
}

QTEST_APPLESS_MAIN(TestAlibabaMapping)
#include "tst_alibabamapping.moc"
