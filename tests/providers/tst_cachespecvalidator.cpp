#include "core/cachespec.h"

#include <QTest>

using core::CacheSpec;
using core::CacheSpecValidator;
using core::FieldError;
using core::Provider;
using Op = CacheSpecValidator::Operation;

namespace {
CacheSpec validHuawei()
{
    CacheSpec spec;
    spec.name = QStringLiteral("test-imagecache1");
    spec.images = {QStringLiteral("swr.ap-southeast-1.myhuaweicloud.com/test/nginx:v1"),
                   QStringLiteral("busybox:latest")};
    spec.sizeGiB = 25;
    spec.retentionDays = 7;
    spec.cluster = QStringLiteral("8b3b4b2d-e39d-11ef-a9ac-0255ac100113");
    spec.imagePullSecrets
        = {QStringLiteral("default:default-secret"), QStringLiteral("test:my-secret")};
    return spec;
}

CacheSpec validAlibaba()
{
    CacheSpec spec;
    spec.name = QStringLiteral("my-cache");
    spec.images
        = {QStringLiteral("registry-vpc.cn-hangzhou.aliyuncs.com/eci_open/nginx:1.15.10-perl")};
    spec.securityGroupId = QStringLiteral("sg-bp1daxpbz9lzpvvc1234");
    spec.vSwitchId = QStringLiteral("vsw-bp1xpiowfm5vo8o3c1234");
    spec.sizeGiB = 30;
    spec.retentionDays = 7;
    spec.eliminationStrategy = QStringLiteral("LRU");
    spec.tags = {{QStringLiteral("env"), QStringLiteral("prod")}};
    spec.registryLogins
        = {{QStringLiteral("registry.example.com"), QStringLiteral("u"), QStringLiteral("p")}};
    spec.clientToken = QStringLiteral("0c593ea1-3bea-11e9-b96b-88e9fe637760");
    spec.osType = QStringLiteral("Linux");
    return spec;
}

// "image_cache_size", "ImageCacheName", "building_config.cluster": not a plain word.
bool isParameterName(const QString &field)
{
    return field.contains(QLatin1Char('_')) || field.contains(QLatin1Char('.'))
           || field != field.toLower();
}

QStringList fields(const QList<FieldError> &errors)
{
    QStringList out;
    for (const auto &e : errors)
        out.append(e.field);
    return out;
}
} // namespace

class TestCacheSpecValidator final : public QObject
{
    Q_OBJECT
private slots:
    void validSpecsPass();
    void huaweiRules_data();
    void huaweiRules();
    void huaweiNameUnique();
    void huaweiUpdateUnsupported();
    void alibabaRules_data();
    void alibabaRules();
    void alibabaUpdate();
    void warningsAndSuggestion();
    void suggestedSizeFollowsEachProvidersRule();
};

void TestCacheSpecValidator::validSpecsPass()
{
    QCOMPARE(CacheSpecValidator::validate(Provider::Huawei, Op::Create, validHuawei()),
             QList<FieldError>());
    QCOMPARE(CacheSpecValidator::validate(Provider::Alibaba, Op::Create, validAlibaba()),
             QList<FieldError>());
    CacheSpec minimal;
    minimal.name = QStringLiteral("a");
    minimal.images = {QStringLiteral("busybox")};
    minimal.cluster = QStringLiteral("c");
    QCOMPARE(CacheSpecValidator::validate(Provider::Huawei, Op::Create, minimal),
             QList<FieldError>());
    CacheSpec edges = validHuawei();
    edges.name = QStringLiteral("a") + QString(127, QLatin1Char('b'));
    edges.sizeGiB = 400;
    edges.retentionDays = 10000;
    QCOMPARE(CacheSpecValidator::validate(Provider::Huawei, Op::Create, edges),
             QList<FieldError>());
    edges.sizeGiB = 20;
    edges.retentionDays = 0;
    QCOMPARE(CacheSpecValidator::validate(Provider::Huawei, Op::Create, edges),
             QList<FieldError>());
}

void TestCacheSpecValidator::huaweiRules_data()
{
    QTest::addColumn<CacheSpec>("spec");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("mentions");
    auto with = [](auto change) {
        CacheSpec spec = validHuawei();
        change(spec);
        return spec;
    };
    QTest::newRow("name empty") << with([](CacheSpec &s) { s.name.clear(); }) << "name"
                                << "name";
    QTest::newRow("name 129") << with([](CacheSpec &s) { s.name = QString(129, QLatin1Char('a')); })
                              << "name"
                              << "128";
    QTest::newRow("name uppercase")
        << with([](CacheSpec &s) { s.name = QStringLiteral("Cache"); }) << "name"
        << "lowercase";
    QTest::newRow("name starts digit")
        << with([](CacheSpec &s) { s.name = QStringLiteral("1cache"); }) << "name"
        << "lowercase letter";
    QTest::newRow("name ends hyphen")
        << with([](CacheSpec &s) { s.name = QStringLiteral("cache-"); }) << "name"
        << "hyphen";
    QTest::newRow("name underscore")
        << with([](CacheSpec &s) { s.name = QStringLiteral("my_cache"); }) << "name"
        << "hyphens";
    QTest::newRow("no images") << with([](CacheSpec &s) { s.images.clear(); }) << "images"
                               << "at least one";
    QTest::newRow("blank image") << with([](CacheSpec &s) { s.images << QStringLiteral("  "); })
                                 << "images"
                                 << "blank";
    QTest::newRow("image with space")
        << with([](CacheSpec &s) { s.images << QStringLiteral("nginx :1"); }) << "images"
        << "whitespace";
    QTest::newRow("duplicate image")
        << with([](CacheSpec &s) { s.images << QStringLiteral("busybox:latest"); }) << "images"
        << "twice";
    QTest::newRow("size 19") << with([](CacheSpec &s) { s.sizeGiB = 19; }) << "image_cache_size"
                             << "20 and 400";
    QTest::newRow("size 401") << with([](CacheSpec &s) { s.sizeGiB = 401; }) << "image_cache_size"
                              << "20 and 400";
    QTest::newRow("retention -1") << with([](CacheSpec &s) { s.retentionDays = -1; })
                                  << "retention_days"
                                  << "0 and 10000";
    QTest::newRow("retention 10001")
        << with([](CacheSpec &s) { s.retentionDays = 10001; }) << "retention_days"
        << "0 and 10000";
    QTest::newRow("no cluster") << with([](CacheSpec &s) { s.cluster = QStringLiteral(" "); })
                                << "building_config.cluster"
                                << "cluster";
    QTest::newRow("secret without namespace")
        << with([](CacheSpec &s) { s.imagePullSecrets = {QStringLiteral("secret1")}; })
        << "building_config.image_pull_secrets"
        << "namespace:secret";
    QTest::newRow("secret bad name")
        << with([](CacheSpec &s) { s.imagePullSecrets = {QStringLiteral("default:My_Secret")}; })
        << "building_config.image_pull_secrets"
        << "DNS-1123";
    QTest::newRow("secret three parts")
        << with([](CacheSpec &s) { s.imagePullSecrets = {QStringLiteral("a:b:c")}; })
        << "building_config.image_pull_secrets"
        << "namespace:secret";
}

void TestCacheSpecValidator::huaweiRules()
{
    QFETCH(CacheSpec, spec);
    QFETCH(QString, field);
    QFETCH(QString, mentions);
    const auto errors = CacheSpecValidator::validate(Provider::Huawei, Op::Create, spec);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().field, field);
    QVERIFY2(errors.first().message.contains(mentions), qPrintable(errors.first().message));
    // Plain words: the parameter name is the field, not part of the message.
    QVERIFY2(!isParameterName(field) || !errors.first().message.contains(field),
             qPrintable(errors.first().message));
}

void TestCacheSpecValidator::huaweiNameUnique()
{
    core::ValidationContext context;
    context.existingNames = {QStringLiteral("test-imagecache1")};
    const auto errors
        = CacheSpecValidator::validate(Provider::Huawei, Op::Create, validHuawei(), context);
    QCOMPARE(fields(errors), QStringList{QStringLiteral("name")});
    QVERIFY(errors.first().message.contains(QLatin1String("already")));
}

void TestCacheSpecValidator::huaweiUpdateUnsupported()
{
    const auto errors = CacheSpecValidator::validate(Provider::Huawei, Op::Update, validHuawei());
    QCOMPARE(errors.size(), 1);
    QVERIFY(errors.first().message.contains(QLatin1String("no update API")));
}

void TestCacheSpecValidator::alibabaRules_data()
{
    QTest::addColumn<CacheSpec>("spec");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("mentions");
    auto with = [](auto change) {
        CacheSpec spec = validAlibaba();
        change(spec);
        return spec;
    };
    QTest::newRow("name missing") << with([](CacheSpec &s) { s.name.clear(); }) << "ImageCacheName"
                                  << "required";
    QTest::newRow("name 1 char") << with([](CacheSpec &s) { s.name = QStringLiteral("a"); })
                                 << "ImageCacheName"
                                 << "2 to 128";
    QTest::newRow("name 129") << with([](CacheSpec &s) { s.name = QString(129, QLatin1Char('a')); })
                              << "ImageCacheName"
                              << "2 to 128";
    QTest::newRow("name uppercase")
        << with([](CacheSpec &s) { s.name = QStringLiteral("MyCache"); }) << "ImageCacheName"
        << "lowercase";
    QTest::newRow("name leading hyphen")
        << with([](CacheSpec &s) { s.name = QStringLiteral("-cache"); }) << "ImageCacheName"
        << "hyphen";
    QTest::newRow("no image") << with([](CacheSpec &s) { s.images.clear(); }) << "Image"
                              << "at least one";
    QTest::newRow("21 images") << with([](CacheSpec &s) {
        s.images.clear();
        for (int i = 0; i < 21; ++i)
            s.images << QStringLiteral("nginx:%1").arg(i);
    }) << "Image"
                               << "20";
    QTest::newRow("no security group")
        << with([](CacheSpec &s) { s.securityGroupId.clear(); }) << "SecurityGroupId"
        << "required";
    QTest::newRow("bad security group")
        << with([](CacheSpec &s) { s.securityGroupId = QStringLiteral("default"); })
        << "SecurityGroupId"
        << "sg-";
    QTest::newRow("no vswitch") << with([](CacheSpec &s) { s.vSwitchId.clear(); }) << "VSwitchId"
                                << "required";
    QTest::newRow("bad vswitch") << with([](CacheSpec &s) {
        s.vSwitchId = QStringLiteral("vsw-a,subnet-b");
    }) << "VSwitchId"
                                 << "vsw-";
    QTest::newRow("11 vswitches") << with([](CacheSpec &s) {
        QStringList ids;
        for (int i = 0; i < 11; ++i)
            ids << QStringLiteral("vsw-%1").arg(i);
        s.vSwitchId = ids.join(QLatin1Char(','));
    }) << "VSwitchId"
                                  << "10";
    QTest::newRow("size 19") << with([](CacheSpec &s) { s.sizeGiB = 19; }) << "ImageCacheSize"
                             << "20";
    QTest::newRow("size 32769") << with([](CacheSpec &s) { s.sizeGiB = 32769; }) << "ImageCacheSize"
                                << "32768";
    QTest::newRow("retention 0") << with([](CacheSpec &s) { s.retentionDays = 0; })
                                 << "RetentionDays"
                                 << "1 and 65536";
    QTest::newRow("retention 65537")
        << with([](CacheSpec &s) { s.retentionDays = 65537; }) << "RetentionDays"
        << "65536";
    QTest::newRow("elimination FIFO")
        << with([](CacheSpec &s) { s.eliminationStrategy = QStringLiteral("FIFO"); })
        << "EliminationStrategy"
        << "LRU";
    QTest::newRow("21 tags") << with([](CacheSpec &s) {
        s.tags.clear();
        for (int i = 0; i < 21; ++i)
            s.tags.append({QStringLiteral("k%1").arg(i), QString()});
    }) << "Tag"
                             << "20";
    QTest::newRow("empty tag key") << with([](CacheSpec &s) {
        s.tags = {{QString(), QStringLiteral("v")}};
    }) << "Tag.Key"
                                   << "empty";
    QTest::newRow("token 65") << with([](CacheSpec &s) {
        s.clientToken = QString(65, QLatin1Char('t'));
    }) << "ClientToken"
                              << "64";
    QTest::newRow("token non-ascii")
        << with([](CacheSpec &s) { s.clientToken = QStringLiteral("tök"); }) << "ClientToken"
        << "ASCII";
    QTest::newRow("registry with scheme") << with([](CacheSpec &s) {
        s.registryLogins.first().server = QStringLiteral("https://registry.example.com");
    }) << "ImageRegistryCredential.Server"
                                          << "http";
    QTest::newRow("user without password")
        << with([](CacheSpec &s) { s.registryLogins.first().password.clear(); })
        << "ImageRegistryCredential.UserName"
        << "together";
    QTest::newRow("acr without instance")
        << with([](CacheSpec &s) { s.acrRegistries = {core::AcrRegistry{}}; })
        << "AcrRegistryInfo.InstanceId"
        << "required";
    QTest::newRow("os type") << with([](CacheSpec &s) { s.osType = QStringLiteral("macOS"); })
                             << "OsType"
                             << "Linux or Windows";
}

void TestCacheSpecValidator::alibabaRules()
{
    QFETCH(CacheSpec, spec);
    QFETCH(QString, field);
    QFETCH(QString, mentions);
    const auto errors = CacheSpecValidator::validate(Provider::Alibaba, Op::Create, spec);
    QCOMPARE(fields(errors), QStringList{field});
    QVERIFY2(errors.first().message.contains(mentions), qPrintable(errors.first().message));
    // Plain words: the parameter name is the field, not part of the message.
    QVERIFY2(!isParameterName(field) || !errors.first().message.contains(field),
             qPrintable(errors.first().message));
}

void TestCacheSpecValidator::alibabaUpdate()
{
    CacheSpec spec;
    auto errors = CacheSpecValidator::validate(Provider::Alibaba, Op::Update, spec);
    QCOMPARE(fields(errors), QStringList{QStringLiteral("ImageCacheId")});
    spec.id = QStringLiteral("imc-1");
    QCOMPARE(CacheSpecValidator::validate(Provider::Alibaba, Op::Update, spec),
             QList<FieldError>());
    spec.sizeGiB = 10; // update values follow the create rules
    QCOMPARE(fields(CacheSpecValidator::validate(Provider::Alibaba, Op::Update, spec)),
             QStringList{QStringLiteral("ImageCacheSize")});
}

void TestCacheSpecValidator::warningsAndSuggestion()
{
    constexpr qint64 GiB = 1024LL * 1024 * 1024;
    core::ValidationContext context;
    context.imageSizeBytes.insert(QStringLiteral("busybox:latest"), 5 * GiB);
    context.imageSizeBytes.insert(
        QStringLiteral("swr.ap-southeast-1.myhuaweicloud.com/test/nginx:v1"), 4 * GiB);
    CacheSpec spec = validHuawei();
    QCOMPARE(CacheSpecValidator::suggestedHuaweiSizeGiB(spec.images, context),
             std::optional<int>(27));
    auto warnings = CacheSpecValidator::warnings(Provider::Huawei, spec, context);
    QCOMPARE(fields(warnings), QStringList{QStringLiteral("image_cache_size")});
    QVERIFY(warnings.first().message.contains(QLatin1String("27")));
    spec.sizeGiB = 27;
    QVERIFY(CacheSpecValidator::warnings(Provider::Huawei, spec, context).isEmpty());
    // Small images: the 20 GiB minimum is enough.
    context.imageSizeBytes[QStringLiteral("busybox:latest")] = 1 * GiB;
    context.imageSizeBytes[QStringLiteral("swr.ap-southeast-1.myhuaweicloud.com/test/nginx:v1")]
        = 1 * GiB;
    QCOMPARE(CacheSpecValidator::suggestedHuaweiSizeGiB(spec.images, context),
             std::optional<int>(20));
    QVERIFY(CacheSpecValidator::suggestedHuaweiSizeGiB(spec.images, {}) == std::nullopt);
    QVERIFY(CacheSpecValidator::warnings(Provider::Huawei, spec, {}).isEmpty());
    QVERIFY(CacheSpecValidator::warnings(Provider::Alibaba, spec, context).isEmpty());
}

void TestCacheSpecValidator::suggestedSizeFollowsEachProvidersRule()
{
    constexpr qint64 GiB = 1024LL * 1024 * 1024;
    constexpr qint64 MiB = 1024LL * 1024;
    const QStringList images{QStringLiteral("a:1"), QStringLiteral("b:1"), QStringLiteral("c:1")};
    core::ValidationContext context;
    // 11.7 GiB decompressed over two images; the third is unknown.
    context.imageSizeBytes.insert(QStringLiteral("a:1"), 10 * GiB);
    context.imageSizeBytes.insert(QStringLiteral("b:1"), 1 * GiB + 717 * MiB);

    const auto huawei = CacheSpecValidator::suggestedSize(Provider::Huawei, images, context);
    QVERIFY(huawei);
    QCOMPARE(huawei->sizeGiB, 36); // ceil(3 × 11.7)
    QCOMPARE(huawei->decompressedBytes, 11 * GiB + 717 * MiB);
    QCOMPARE(huawei->knownImages, 2);
    QCOMPARE(huawei->images, 3);
    QVERIFY(!huawei->capped());
    const auto eci = CacheSpecValidator::suggestedSize(Provider::Alibaba, images, context);
    QVERIFY(eci);
    QCOMPARE(eci->sizeGiB, 20); // 12 GiB rounded up, below ECI's default of 20
    context.imageSizeBytes[QStringLiteral("c:1")] = 30 * GiB + 1;
    QCOMPARE(CacheSpecValidator::suggestedSize(Provider::Alibaba, images, context)->sizeGiB, 42);

    // Above Huawei's 400 GiB: the maximum, and the rule's own value kept for the warning.
    context.imageSizeBytes[QStringLiteral("c:1")] = 200 * GiB;
    const auto big = CacheSpecValidator::suggestedSize(Provider::Huawei, images, context);
    QCOMPARE(big->sizeGiB, 400);
    QCOMPARE(big->ruleGiB, 636);
    QVERIFY(big->capped());
    QCOMPARE(CacheSpecValidator::suggestedHuaweiSizeGiB(images, context), std::optional<int>(636));
    QVERIFY(!CacheSpecValidator::suggestedSize(Provider::Alibaba, images, {}));
}

QTEST_APPLESS_MAIN(TestCacheSpecValidator)
#include "tst_cachespecvalidator.moc"
