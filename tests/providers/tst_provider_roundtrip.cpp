// Every provider operation against the in-process emulator: requests signed as the SDKs sign
// them, lifecycles driven by the emulator clock, paging, typed errors, and no duplicate create
// when a response is lost.

#include "emulator/emulator.h"
#include "net/apiclient.h"
#include "providers/alibaba/ecicacheservice.h"
#include "providers/alibaba/ehpcimageservice.h"
#include "providers/huawei/ccecacheservice.h"
#include "providers/huawei/hssimageservice.h"
#include "providers/servicefactory.h"

#include <QJsonDocument>
#include <QTest>

#include <memory>

using namespace providers;
using Kind = net::ApiError::Kind;

// Waits (bounded, event loop running) for a provider future and takes its result.
#define AWAIT(var, expr)                                                                           \
    auto var##Future = (expr);                                                                     \
    QTRY_VERIFY_WITH_TIMEOUT(var##Future.isFinished(), 20000);                                     \
    auto var = var##Future.result()

#define VERIFY_OK(result) QVERIFY2((result).ok(), qPrintable((result).error().toString()))

namespace {
int countNamed(const QList<core::ImageCache> &caches, const QString &name)
{
    return int(std::count_if(caches.cbegin(), caches.cend(),
                             [&name](const core::ImageCache &c) { return c.name == name; }));
}
} // namespace

class TestProviderRoundTrip final : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void huaweiLifecycle();
    void huaweiIamToken();
    void huaweiTokenCachedAndRefreshed();
    void huaweiProjectIdLookedUpOnce();
    void throttledReadsRetried();
    void malformedAnswerIsTyped();
    void serviceDestroyedMidCall();
    void huaweiUpdateRefused();
    void hssListingsAndLayers();
    void eciLifecycle();
    void eciPagingAndFilters();
    void eciUpdateRefusedWhileCreating();
    void ehpcImages();
    void wrongCredentials();
    void eciCreateRetriedOnceUnderFaults_data();
    void eciCreateRetriedOnceUnderFaults();
    void huaweiLostCreateFoundByName();
    void huaweiFailedCreateNotRepeated();

private:
    Connection huawei() const;
    Connection alibaba() const;
    core::CacheSpec huaweiSpec(const QString &name) const;
    core::CacheSpec eciSpec(const QString &name) const;
    void advance(int seconds) { m_now = m_now.addSecs(seconds); }

    std::unique_ptr<emulator::Emulator> m_emulator;
    std::unique_ptr<net::ApiClient> m_client;
    QDateTime m_now;
};

void TestProviderRoundTrip::init()
{
    m_now = QDateTime::currentDateTimeUtc();
    m_emulator = std::make_unique<emulator::Emulator>();
    m_emulator->setClock([this] { return m_now; });
    QVERIFY(m_emulator->listen() != 0);
    m_client = std::make_unique<net::ApiClient>();
    net::ApiClientOptions options;
    options.defaultTimeoutMs = 1500;
    options.baseBackoffMs = 10;
    options.maxBackoffMs = 50;
    m_client->setOptions(options);
}

void TestProviderRoundTrip::cleanup()
{
    m_client.reset();
    m_emulator.reset();
}

Connection TestProviderRoundTrip::huawei() const
{
    Connection c;
    c.provider = core::Provider::Huawei;
    c.accountId = QStringLiteral("hw-account");
    c.region = QString::fromLatin1(emulator::demo::HuaweiRegion);
    c.endpointOverride = m_emulator->baseUrl();
    c.accessKeyId = emulator::demo::HuaweiAccessKey;
    c.accessKeySecret = emulator::demo::HuaweiSecretKey;
    c.clock = [this] {
        return m_now;
    };
    return c;
}

Connection TestProviderRoundTrip::alibaba() const
{
    Connection c;
    c.provider = core::Provider::Alibaba;
    c.accountId = QStringLiteral("ali-account");
    c.region = QString::fromLatin1(emulator::demo::AlibabaRegion);
    c.endpointOverride = m_emulator->baseUrl();
    c.accessKeyId = emulator::demo::AlibabaAccessKeyId;
    c.accessKeySecret = emulator::demo::AlibabaAccessKeySecret;
    c.clock = [this] {
        return m_now;
    };
    return c;
}

core::CacheSpec TestProviderRoundTrip::huaweiSpec(const QString &name) const
{
    core::CacheSpec spec;
    spec.name = name;
    spec.images = {QStringLiteral("busybox:latest"),
                   QStringLiteral("swr.cn-north-4.myhuaweicloud.com/library/nginx:1.25")};
    spec.sizeGiB = 25;
    spec.retentionDays = 7;
    spec.cluster = QStringLiteral("8b3b4b2d-e39d-11ef-a9ac-0255ac100113");
    spec.imagePullSecrets = {QStringLiteral("default:default-secret")};
    return spec;
}

core::CacheSpec TestProviderRoundTrip::eciSpec(const QString &name) const
{
    core::CacheSpec spec;
    spec.name = name;
    spec.images
        = {QStringLiteral("registry-vpc.cn-hangzhou.aliyuncs.com/eci_open/nginx:1.15.10-perl")};
    spec.securityGroupId = QStringLiteral("sg-bp1daxpbz9lzpvvc0001");
    spec.vSwitchId = QStringLiteral("vsw-bp1xpiowfm5vo8o3c0001");
    spec.sizeGiB = 20;
    spec.retentionDays = 7;
    spec.tags = {{QStringLiteral("team"), QStringLiteral("ml")}};
    return spec;
}

void TestProviderRoundTrip::huaweiLifecycle()
{
    std::unique_ptr<CacheService> service(createCacheService(m_client.get(), huawei()));
    QCOMPARE(service->provider(), core::Provider::Huawei);
    QVERIFY(!service->supportsUpdate());

    AWAIT(created, service->create(huaweiSpec(QStringLiteral("it-cache"))));
    VERIFY_OK(created);
    const core::ImageCache cache = created.value();
    QVERIFY(!cache.id.isEmpty());
    QCOMPARE(cache.name, QStringLiteral("it-cache"));
    QCOMPARE(cache.status, core::CacheStatus::Creating);
    QCOMPARE(cache.accountId, QStringLiteral("hw-account"));
    QCOMPARE(cache.region, QString::fromLatin1(emulator::demo::HuaweiRegion));
    QCOMPARE(cache.sizeGiB, 25);
    QCOMPARE(cache.retentionDays, 7);
    QCOMPARE(cache.imagePullSecrets, QStringList{QStringLiteral("default:default-secret")});
    QVERIFY(cache.created.isValid());
    QCOMPARE(cache.expires, cache.created.addDays(7));

    AWAIT(all, service->list());
    VERIFY_OK(all);
    QCOMPARE(countNamed(all.value(), QStringLiteral("it-cache")), 1);
    CacheQuery byName;
    byName.name = QStringLiteral("it-cache");
    AWAIT(named, service->list(byName));
    VERIFY_OK(named);
    QCOMPARE(named.value().size(), 1);
    QCOMPARE(named.value().first().id, cache.id);
    byName.name = QStringLiteral("it-cach"); // exact match only
    AWAIT(none, service->list(byName));
    VERIFY_OK(none);
    QVERIFY(none.value().isEmpty());

    advance(60);
    AWAIT(shown, service->show(cache.id));
    VERIFY_OK(shown);
    QCOMPARE(shown.value().status, core::CacheStatus::Ready);
    QCOMPARE(shown.value().rawStatus, QStringLiteral("Available"));
    QCOMPARE(shown.value().accountId, QStringLiteral("hw-account"));

    AWAIT(removed, service->remove(cache.id));
    VERIFY_OK(removed);
    advance(60);
    AWAIT(gone, service->show(cache.id));
    QVERIFY(!gone.ok());
    QCOMPARE(gone.error().kind, Kind::Http);
    QCOMPARE(gone.error().httpStatus, 404);
    QVERIFY(!gone.error().requestId.isEmpty());
    AWAIT(after, service->list());
    VERIFY_OK(after);
    QCOMPARE(countNamed(after.value(), QStringLiteral("it-cache")), 0);
}

void TestProviderRoundTrip::huaweiIamToken()
{
    Connection c = huawei();
    c.auth = Connection::Auth::IamToken;
    c.accessKeyId.clear();
    c.accessKeySecret.clear();
    c.iamDomainName = QString::fromLatin1(emulator::demo::HuaweiIamDomain);
    c.iamUserName = QString::fromLatin1(emulator::demo::HuaweiIamUser);
    c.iamPassword = QString::fromLatin1(emulator::demo::HuaweiIamPassword);
    std::unique_ptr<CacheService> caches(createCacheService(m_client.get(), c));
    AWAIT(created, caches->create(huaweiSpec(QStringLiteral("token-cache"))));
    VERIFY_OK(created);
    AWAIT(listed, caches->list());
    VERIFY_OK(listed);
    QCOMPARE(countNamed(listed.value(), QStringLiteral("token-cache")), 1);

    // HSS paths need the project id: taken from the token's project.
    std::unique_ptr<ImageService> images(createImageService(m_client.get(), c));
    AWAIT(registry, images->list());
    VERIFY_OK(registry);
    QVERIFY(!registry.value().isEmpty());

    c.iamPassword = QStringLiteral("wrong");
    std::unique_ptr<CacheService> denied(createCacheService(m_client.get(), c));
    AWAIT(refused, denied->list());
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, Kind::Auth);
}

void TestProviderRoundTrip::huaweiTokenCachedAndRefreshed()
{
    Connection c = huawei();
    c.auth = Connection::Auth::IamToken;
    c.iamDomainName = QString::fromLatin1(emulator::demo::HuaweiIamDomain);
    c.iamUserName = QString::fromLatin1(emulator::demo::HuaweiIamUser);
    c.iamPassword = QString::fromLatin1(emulator::demo::HuaweiIamPassword);
    std::unique_ptr<CacheService> service(createCacheService(m_client.get(), c));

    // Two calls at once share one token request.
    qint64 before = m_emulator->handledRequests();
    auto first = service->list();
    auto second = service->list();
    QTRY_VERIFY_WITH_TIMEOUT(first.isFinished() && second.isFinished(), 20000);
    VERIFY_OK(first.result());
    VERIFY_OK(second.result());
    QCOMPARE(m_emulator->handledRequests() - before, 3);

    // The cached token serves the next call.
    before = m_emulator->handledRequests();
    AWAIT(cached, service->list());
    VERIFY_OK(cached);
    QCOMPARE(m_emulator->handledRequests() - before, 1);

    // Close to its 24 h expiry, a new token is fetched first.
    advance(24 * 3600 - 60);
    before = m_emulator->handledRequests();
    AWAIT(refreshed, service->list());
    VERIFY_OK(refreshed);
    QCOMPARE(m_emulator->handledRequests() - before, 2);
}

void TestProviderRoundTrip::huaweiProjectIdLookedUpOnce()
{
    Connection c = huawei();
    c.projectId.clear();
    std::unique_ptr<ImageService> service(createImageService(m_client.get(), c));
    qint64 before = m_emulator->handledRequests();
    AWAIT(first, service->list());
    VERIFY_OK(first);
    QCOMPARE(m_emulator->handledRequests() - before, 2); // GET /v3/projects, then the list
    before = m_emulator->handledRequests();
    AWAIT(second, service->list());
    VERIFY_OK(second);
    QCOMPARE(m_emulator->handledRequests() - before, 1);
}

void TestProviderRoundTrip::throttledReadsRetried()
{
    m_emulator->faults()->addRule(
        *emulator::FaultRule::parse(QStringLiteral("throttle@DescribeImageCaches#2")));
    m_emulator->faults()->addRule(
        *emulator::FaultRule::parse(QStringLiteral("throttle@/v5/imagecaches#1")));
    std::unique_ptr<CacheService> eci(createCacheService(m_client.get(), alibaba()));
    AWAIT(eciList, eci->list());
    VERIFY_OK(eciList);
    std::unique_ptr<CacheService> cce(createCacheService(m_client.get(), huawei()));
    AWAIT(cceList, cce->list());
    VERIFY_OK(cceList);
    QCOMPARE(m_emulator->faults()->injectedCount(), 3);
}

void TestProviderRoundTrip::malformedAnswerIsTyped()
{
    m_emulator->faults()->addRule(
        *emulator::FaultRule::parse(QStringLiteral("malformed@/v5/imagecaches")));
    std::unique_ptr<CacheService> service(createCacheService(m_client.get(), huawei()));
    AWAIT(listed, service->list());
    QVERIFY(!listed.ok());
    QCOMPARE(listed.error().kind, Kind::MalformedResponse);
}

void TestProviderRoundTrip::serviceDestroyedMidCall()
{
    // The caller's future still finishes (Cancelled) when the service goes away first.
    m_emulator->faults()->addRule(*emulator::FaultRule::parse(QStringLiteral("latency:300")));
    Connection c = huawei();
    c.auth = Connection::Auth::IamToken;
    c.iamDomainName = QString::fromLatin1(emulator::demo::HuaweiIamDomain);
    c.iamUserName = QString::fromLatin1(emulator::demo::HuaweiIamUser);
    c.iamPassword = QString::fromLatin1(emulator::demo::HuaweiIamPassword);
    auto *cce = createCacheService(m_client.get(), c);
    auto *eci = createCacheService(m_client.get(), alibaba());
    auto cceList = cce->list();
    auto eciList = eci->list();
    delete cce;
    delete eci;
    QTRY_VERIFY_WITH_TIMEOUT(cceList.isFinished() && eciList.isFinished(), 20000);
    QCOMPARE(cceList.result().error().kind, Kind::Cancelled);
    QCOMPARE(eciList.result().error().kind, Kind::Cancelled);
}

void TestProviderRoundTrip::huaweiUpdateRefused()
{
    std::unique_ptr<CacheService> service(createCacheService(m_client.get(), huawei()));
    AWAIT(update, service->update(huaweiSpec(QStringLiteral("x"))));
    QCOMPARE(update.error().kind, Kind::Validation);
    QVERIFY(update.error().message.contains(QLatin1String("no update API")));
    AWAIT(invalid, service->create(huaweiSpec(QStringLiteral("Bad_Name"))));
    QCOMPARE(invalid.error().kind, Kind::Validation);
    QCOMPARE(invalid.error().code, QStringLiteral("name"));
    QCOMPARE(m_emulator->handledRequests(), 0); // nothing was sent
}

void TestProviderRoundTrip::hssListingsAndLayers()
{
    Connection c = huawei();
    c.projectId.clear(); // looked up through GET /v3/projects?name=region
    std::unique_ptr<ImageService> service(createImageService(m_client.get(), c));

    AWAIT(registry, service->list());
    VERIFY_OK(registry);
    QVERIFY(registry.value().size() >= 3);
    ImageQuery paged;
    paged.pageSize = 1; // one image per page: every page must be fetched
    AWAIT(onePerPage, service->list(paged));
    VERIFY_OK(onePerPage);
    QCOMPARE(onePerPage.value().size(), registry.value().size());
    for (qsizetype i = 0; i < registry.value().size(); ++i)
        QCOMPARE(onePerPage.value().at(i).id, registry.value().at(i).id);

    ImageQuery local;
    local.source = QStringLiteral("local");
    AWAIT(locals, service->list(local));
    VERIFY_OK(locals);
    QVERIFY(!locals.value().isEmpty());

    ImageQuery cicd;
    cicd.source = QStringLiteral("cicd");
    AWAIT(cicds, service->list(cicd));
    VERIFY_OK(cicds);
    QVERIFY(!cicds.value().isEmpty());
    for (const auto &image : cicds.value())
        QCOMPARE(image.imageType, QStringLiteral("cicd"));

    // The proxy-agent base layer is the one of the HSS doc example.
    const auto agent = std::find_if(
        registry.value().cbegin(), registry.value().cend(),
        [](const core::ImageInfo &i) { return i.name == QLatin1String("proxy-agent"); });
    QVERIFY(agent != registry.value().cend());
    QCOMPARE(agent->accountId, QStringLiteral("hw-account"));
    AWAIT(layers, service->layers(*agent));
    VERIFY_OK(layers);
    QCOMPARE(layers.value().size(), 1);
    QCOMPARE(
        layers.value().first().layerDigest,
        QStringLiteral("sha256:27833a3ba0a545deda33bb01eaf95a14d05d43bf30bce9267d92d17f069fe897"));
    QCOMPARE(layers.value().first().osName, QStringLiteral("Debian"));

    // Local images have no base-image data: show() yields them as listed, layers() refuses.
    AWAIT(localShown, service->show(locals.value().first()));
    VERIFY_OK(localShown);
    QVERIFY(localShown.value().layers.isEmpty());
    const qint64 before = m_emulator->handledRequests();
    AWAIT(localLayers, service->layers(locals.value().first()));
    QCOMPARE(localLayers.error().kind, Kind::Validation);
    ImageQuery unknown;
    unknown.source = QStringLiteral("dockerhub");
    AWAIT(refused, service->list(unknown));
    QCOMPARE(refused.error().kind, Kind::Validation);
    QCOMPARE(m_emulator->handledRequests(), before);

    AWAIT(shown, service->show(cicds.value().first()));
    VERIFY_OK(shown);
    QVERIFY(!shown.value().layers.isEmpty());
    QVERIFY(shown.value().layers.first().layerDigest.startsWith(QLatin1String("sha256:")));
}

void TestProviderRoundTrip::eciLifecycle()
{
    std::unique_ptr<CacheService> service(createCacheService(m_client.get(), alibaba()));
    QVERIFY(service->supportsUpdate());
    core::CacheSpec spec = eciSpec(QStringLiteral("eci-cache"));
    spec.eliminationStrategy = QStringLiteral("LRU");
    AWAIT(created, service->create(spec));
    VERIFY_OK(created);
    const core::ImageCache cache = created.value();
    QVERIFY(cache.id.startsWith(QLatin1String("imc-")));
    QCOMPARE(cache.status, core::CacheStatus::Creating);
    QCOMPARE(cache.accountId, QStringLiteral("ali-account"));
    QCOMPARE(cache.tags, (QList<core::Tag>{{QStringLiteral("team"), QStringLiteral("ml")}}));
    QVERIFY(!service->canUpdate(cache));

    advance(600);
    AWAIT(ready, service->show(cache.id));
    VERIFY_OK(ready);
    QCOMPARE(ready.value().rawStatus, QStringLiteral("Ready"));
    QCOMPARE(ready.value().progress, std::optional<int>(100));
    QVERIFY(!ready.value().snapshotId.isEmpty());
    QVERIFY(!ready.value().events.isEmpty());
    QVERIFY(service->canUpdate(ready.value()));

    core::CacheSpec change;
    change.id = cache.id;
    change.sizeGiB = 40;
    change.tags = {{QStringLiteral("team"), QStringLiteral("infra")}};
    AWAIT(updated, service->update(change));
    VERIFY_OK(updated);
    AWAIT(updating, service->show(cache.id));
    VERIFY_OK(updating);
    QCOMPARE(updating.value().rawStatus, QStringLiteral("Updating"));
    advance(600);
    AWAIT(afterUpdate, service->show(cache.id));
    VERIFY_OK(afterUpdate);
    QCOMPARE(afterUpdate.value().rawStatus, QStringLiteral("Ready"));
    QCOMPARE(afterUpdate.value().sizeGiB, 40);
    // An update that does not name the strategy leaves it; an empty one clears LRU.
    QCOMPARE(afterUpdate.value().eliminationStrategy, QStringLiteral("LRU"));
    core::CacheSpec keep;
    keep.id = cache.id;
    keep.eliminationStrategy = QStringLiteral("");
    AWAIT(cleared, service->update(keep));
    VERIFY_OK(cleared);
    advance(600);
    AWAIT(afterClear, service->show(cache.id));
    VERIFY_OK(afterClear);
    QCOMPARE(afterClear.value().eliminationStrategy, QString());
    QCOMPARE(afterClear.value().sizeGiB, 40);

    AWAIT(removed, service->remove(cache.id));
    VERIFY_OK(removed);
    AWAIT(gone, service->show(cache.id));
    QVERIFY(!gone.ok());
    QCOMPARE(gone.error().httpStatus, 404);
    QVERIFY(gone.error().message.contains(cache.id));
}

void TestProviderRoundTrip::eciPagingAndFilters()
{
    const QString region = QString::fromLatin1(emulator::demo::AlibabaRegion);
    m_emulator->addAlibabaCaches(region, 25);
    std::unique_ptr<CacheService> service(createCacheService(m_client.get(), alibaba()));
    AWAIT(created, service->create(eciSpec(QStringLiteral("tagged-cache"))));
    VERIFY_OK(created);

    AWAIT(defaultPages, service->list());
    VERIFY_OK(defaultPages);
    QCOMPARE(defaultPages.value().size(), 26);
    CacheQuery pages;
    pages.pageSize = 10; // three pages, NextToken followed
    const qint64 before = m_emulator->handledRequests();
    AWAIT(paged, service->list(pages));
    VERIFY_OK(paged);
    QCOMPARE(paged.value().size(), 26);
    QCOMPARE(m_emulator->handledRequests() - before, 3);
    QSet<QString> ids;
    for (const auto &c : paged.value())
        ids.insert(c.id);
    QCOMPARE(ids.size(), 26);

    CacheQuery byTag;
    byTag.tags = {{QStringLiteral("team"), QStringLiteral("ml")}};
    AWAIT(tagged, service->list(byTag));
    VERIFY_OK(tagged);
    QCOMPARE(tagged.value().size(), 1);
    QCOMPARE(tagged.value().first().name, QStringLiteral("tagged-cache"));

    CacheQuery byName;
    byName.name = QStringLiteral("bulk-3");
    AWAIT(named, service->list(byName));
    VERIFY_OK(named);
    QCOMPARE(named.value().size(), 1);

    CacheQuery byId;
    byId.id = created.value().id;
    AWAIT(one, service->list(byId));
    VERIFY_OK(one);
    QCOMPARE(one.value().size(), 1);
    QCOMPARE(one.value().first().name, QStringLiteral("tagged-cache"));
}

void TestProviderRoundTrip::eciUpdateRefusedWhileCreating()
{
    std::unique_ptr<CacheService> service(createCacheService(m_client.get(), alibaba()));
    AWAIT(created, service->create(eciSpec(QStringLiteral("young-cache"))));
    VERIFY_OK(created);
    core::CacheSpec change;
    change.id = created.value().id;
    change.sizeGiB = 30;
    AWAIT(refused, service->update(change));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, Kind::Validation);
    QVERIFY(refused.error().message.contains(QLatin1String("Ready or UpdateFailed")));
}

void TestProviderRoundTrip::ehpcImages()
{
    auto *raw = createImageService(m_client.get(), alibaba());
    std::unique_ptr<alibaba::EhpcImageService> service(
        qobject_cast<alibaba::EhpcImageService *>(raw));
    QVERIFY(service);

    AWAIT(all, service->list());
    VERIFY_OK(all);
    QVERIFY(all.value().size() >= 4);
    ImageQuery paged;
    paged.pageSize = 1;
    AWAIT(onePerPage, service->list(paged));
    VERIFY_OK(onePerPage);
    QCOMPARE(onePerPage.value().size(), all.value().size());

    ImageQuery byName;
    byName.name = QStringLiteral("ml-training");
    byName.imageType = QStringLiteral("Container");
    AWAIT(named, service->list(byName));
    VERIFY_OK(named);
    QCOMPARE(named.value().size(), 1);

    AWAIT(shown, service->show(named.value().first()));
    VERIFY_OK(shown);
    const core::ImageInfo info = shown.value();
    QVERIFY(info.hasContainerSpec);
    QCOMPARE(info.containerSpec.credential.userName, QStringLiteral("demo-puller"));
    QVERIFY(info.containerSpec.credential.hasPassword);
    QVERIFY(!QJsonDocument(info.raw).toJson().contains("demo-registry-password"));

    AWAIT(layers, service->layers(info));
    VERIFY_OK(layers);
    QVERIFY(layers.value().isEmpty());

    alibaba::NewEhpcImage image;
    image.name = QStringLiteral("added-image");
    image.imageType = QStringLiteral("Container");
    image.version = QStringLiteral("1.0");
    image.description = QStringLiteral("from the round-trip test");
    image.hasContainerSpec = true;
    image.containerSpec.registryUrl = QStringLiteral("registry.example.com/ns/app:1.0");
    image.containerSpec.credential.server = QStringLiteral("registry.example.com");
    image.containerSpec.credential.userName = QStringLiteral("robot");
    image.registryPassword = QStringLiteral("added-secret-pw");
    AWAIT(added, service->addImage(image));
    VERIFY_OK(added);
    QVERIFY(!added.value().isEmpty());

    core::ImageInfo ref;
    ref.id = added.value();
    ref.imageType = QStringLiteral("Container");
    AWAIT(addedShown, service->show(ref));
    VERIFY_OK(addedShown);
    QCOMPARE(addedShown.value().name, QStringLiteral("added-image"));
    QVERIFY(addedShown.value().containerSpec.credential.hasPassword);
    QVERIFY(!QJsonDocument(addedShown.value().raw).toJson().contains("added-secret-pw"));

    AWAIT(removed, service->removeImage(added.value(), QStringLiteral("Container")));
    VERIFY_OK(removed);
    AWAIT(gone, service->show(ref));
    QVERIFY(!gone.ok());
    QCOMPARE(gone.error().code, QStringLiteral("ImageNotFound"));
}

void TestProviderRoundTrip::wrongCredentials()
{
    Connection hw = huawei();
    hw.accessKeySecret = "not-the-secret";
    std::unique_ptr<CacheService> cce(createCacheService(m_client.get(), hw));
    AWAIT(cceResult, cce->list());
    QVERIFY(!cceResult.ok());
    QCOMPARE(cceResult.error().kind, Kind::Auth);
    QCOMPARE(cceResult.error().code, QStringLiteral("APIGW.0301"));
    QCOMPARE(cceResult.error().httpStatus, 401);
    QVERIFY(!cceResult.error().retryable);

    Connection ali = alibaba();
    ali.accessKeySecret = "not-the-secret";
    std::unique_ptr<CacheService> eci(createCacheService(m_client.get(), ali));
    AWAIT(eciResult, eci->list());
    QVERIFY(!eciResult.ok());
    QCOMPARE(eciResult.error().kind, Kind::Auth);
    QCOMPARE(eciResult.error().code, QStringLiteral("SignatureDoesNotMatch"));
    QVERIFY(!eciResult.error().requestId.isEmpty());

    ali = alibaba();
    ali.accessKeyId = "UNKNOWNKEY";
    ali.signatureVersion = net::AlibabaSigner::Version::V1;
    std::unique_ptr<CacheService> eciV1(createCacheService(m_client.get(), ali));
    AWAIT(v1Result, eciV1->list());
    QCOMPARE(v1Result.error().kind, Kind::Auth);
    QVERIFY(v1Result.error().code.startsWith(QLatin1String("InvalidAccessKeyId")));

    // V1 with the right key works end to end.
    ali = alibaba();
    ali.signatureVersion = net::AlibabaSigner::Version::V1;
    std::unique_ptr<CacheService> v1ok(createCacheService(m_client.get(), ali));
    AWAIT(v1List, v1ok->list());
    VERIFY_OK(v1List);
}

void TestProviderRoundTrip::eciCreateRetriedOnceUnderFaults_data()
{
    QTest::addColumn<QString>("fault");
    QTest::newRow("5xx before processing") << "error5xx:503@CreateImageCache#1";
    QTest::newRow("stalled, never answered") << "stall@CreateImageCache#1";
    QTest::newRow("processed, answer truncated") << "truncate@CreateImageCache#1";
    QTest::newRow("connection reset, not processed") << "reset@CreateImageCache#1";
}

void TestProviderRoundTrip::eciCreateRetriedOnceUnderFaults()
{
    QFETCH(QString, fault);
    QString error;
    const auto rule = emulator::FaultRule::parse(fault, &error);
    QVERIFY2(rule, qPrintable(error));
    m_emulator->faults()->addRule(*rule);

    std::unique_ptr<CacheService> service(createCacheService(m_client.get(), alibaba()));
    AWAIT(created, service->create(eciSpec(QStringLiteral("faulty-cache"))));
    VERIFY_OK(created);
    QCOMPARE(m_emulator->faults()->injectedCount(), 1);
    QCOMPARE(created.value().name, QStringLiteral("faulty-cache"));

    AWAIT(all, service->list());
    VERIFY_OK(all);
    QCOMPARE(countNamed(all.value(), QStringLiteral("faulty-cache")), 1);
    QCOMPARE(all.value().size(), 1);
}

void TestProviderRoundTrip::huaweiLostCreateFoundByName()
{
    std::unique_ptr<CacheService> service(createCacheService(m_client.get(), huawei()));
    // With AK/SK and no configured project the SDK first looks the project id up through
    // IAM (for X-Project-Id); do that before counting.
    AWAIT(warm, service->list());
    VERIFY_OK(warm);
    const auto rule = emulator::FaultRule::parse(QStringLiteral("truncate@/v5/imagecaches#1"));
    QVERIFY(rule);
    m_emulator->faults()->addRule(*rule);
    const qint64 before = m_emulator->handledRequests();
    AWAIT(created, service->create(huaweiSpec(QStringLiteral("lost-answer"))));
    VERIFY_OK(created);
    QCOMPARE(created.value().name, QStringLiteral("lost-answer"));
    QVERIFY(!created.value().id.isEmpty());
    QCOMPARE(m_emulator->handledRequests() - before, 2); // the POST, then list?name=

    AWAIT(all, service->list());
    VERIFY_OK(all);
    QCOMPARE(countNamed(all.value(), QStringLiteral("lost-answer")), 1);
}

void TestProviderRoundTrip::huaweiFailedCreateNotRepeated()
{
    const auto rule = emulator::FaultRule::parse(QStringLiteral("error5xx:502@/v5/imagecaches#1"));
    QVERIFY(rule);
    m_emulator->faults()->addRule(*rule);
    std::unique_ptr<CacheService> service(createCacheService(m_client.get(), huawei()));
    AWAIT(created, service->create(huaweiSpec(QStringLiteral("refused-cache"))));
    QVERIFY(!created.ok());
    QCOMPARE(created.error().kind, Kind::Http);
    QCOMPARE(created.error().httpStatus, 502);
    QCOMPARE(created.error().operation, QStringLiteral("CreateImageCache"));

    AWAIT(all, service->list());
    VERIFY_OK(all);
    QCOMPARE(countNamed(all.value(), QStringLiteral("refused-cache")), 0);
}

QTEST_GUILESS_MAIN(TestProviderRoundTrip)
#include "tst_provider_roundtrip.moc"
