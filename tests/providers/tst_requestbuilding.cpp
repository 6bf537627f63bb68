#include "net/alibabasigner.h"
#include "providers/alibaba/alibabarpc.h"
#include "providers/alibaba/ecicacheservice.h"
#include "providers/alibaba/ehpcimageservice.h"
#include "providers/huawei/ccecacheservice.h"
#include "providers/huawei/hssimageservice.h"
#include "providers/huawei/huaweiauth.h"
#include "providers/huawei/iamtokenprovider.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace providers;
using Retry = net::HttpRequest::Retry;

namespace {
const QUrl Cce(QStringLiteral("https://cce.ap-southeast-1.myhuaweicloud.com"));
const QUrl Hss(QStringLiteral("https://hss.ap-southeast-1.myhuaweicloud.com"));
const QUrl Eci(QStringLiteral("https://eci.cn-hangzhou.aliyuncs.com"));
const QString ProjectId = QStringLiteral("0123456789abcdef0123456789abcdef");

QString wire(const net::HttpRequest &request)
{
    return request.url.toString(QUrl::FullyEncoded);
}

QByteArray param(const net::ParamList &params, const QByteArray &key)
{
    for (const auto &[k, v] : params) {
        if (k == key)
            return v;
    }
    return "<absent>";
}

QList<QByteArray> keys(const net::ParamList &params)
{
    QList<QByteArray> out;
    for (const auto &p : params)
        out.append(p.first);
    std::sort(out.begin(), out.end());
    return out;
}

core::CacheSpec fullEciSpec()
{
    core::CacheSpec spec;
    spec.name = QStringLiteral("my-cache");
    spec.images
        = {QStringLiteral("registry.example.com/ns/app:1.0"), QStringLiteral("nginx:latest")};
    spec.sizeGiB = 30;
    spec.retentionDays = 7;
    spec.securityGroupId = QStringLiteral("sg-123");
    spec.vSwitchId = QStringLiteral("vsw-456,vsw-789");
    spec.zoneId = QStringLiteral("cn-hangzhou-g");
    spec.eipInstanceId = QStringLiteral("eip-1");
    spec.eliminationStrategy = QStringLiteral("LRU");
    spec.flash = true;
    spec.flashCopyCount = 2;
    spec.standardCopyCount = 3;
    spec.autoMatchImageCache = false;
    spec.registryLogins = {
        {QStringLiteral("registry.example.com"), QStringLiteral("u"), QStringLiteral("p@ss w/rd")}};
    spec.acrRegistries = {{QStringLiteral("cri-1"),
                           QStringLiteral("acr"),
                           QStringLiteral("cn-hangzhou"),
                           {QStringLiteral("a.example.com"), QStringLiteral("b.example.com")},
                           QStringLiteral("arn:svc"),
                           QStringLiteral("arn:user")}};
    spec.insecureRegistry = QStringLiteral("harbor.x.com");
    spec.plainHttpRegistry = QStringLiteral("192.168.1.1:5000");
    spec.tags = {{QStringLiteral("env"), QStringLiteral("prod")},
                 {QStringLiteral("k"), QStringLiteral("a&b")}};
    spec.resourceGroupId = QStringLiteral("rg-1");
    spec.annotations = QStringLiteral("hide");
    spec.osType = QStringLiteral("Linux");
    spec.clientToken = QStringLiteral("0c593ea1-3bea-11e9-b96b-88e9fe637760");
    return spec;
}
} // namespace

class TestRequestBuilding final : public QObject
{
    Q_OBJECT
private slots:
    void cceList();
    void cceShowAndDelete();
    void cceCreate();
    void hssListings();
    void hssLayersRepositoryImage();
    void hssLayersCicdImage();
    void hssLayersRefusesLocalImage();
    void iamRequests();
    void iamTokenParsing();
    void eciCreateFlattensEveryParam();
    void eciCreateAlwaysHasClientToken();
    void eciDescribeFilters();
    void eciUpdateLeavesOutCreateOnlyParams();
    void eciDeleteMatchesSdkWire();
    void huaweiSignedRequestsMatchSdkVectors();
    void eciSignedDeleteMatchesSdkVector();
    void rpcSignerFreshPerAttempt();
    void rpcSignerV1();
    void rpcSignerWithoutKeyFails();
    void ehpcJsonStringParams();
    void ehpcAddImage();
};

void TestRequestBuilding::cceList()
{
    auto request = huawei::CceCacheService::listRequest(Cce, {});
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(wire(request),
             QStringLiteral("https://cce.ap-southeast-1.myhuaweicloud.com/v5/imagecaches"));
    QCOMPARE(request.header("Content-Type"), QByteArray("application/json"));
    QVERIFY(request.body.isEmpty());
    QCOMPARE(request.retry, Retry::Idempotent);
    QCOMPARE(request.operation, QStringLiteral("ListImageCaches"));

    request = huawei::CceCacheService::listRequest(Cce, QStringLiteral("test-imagecache1"));
    QCOMPARE(
        wire(request),
        QStringLiteral(
            "https://cce.ap-southeast-1.myhuaweicloud.com/v5/imagecaches?name=test-imagecache1"));
}

void TestRequestBuilding::cceShowAndDelete()
{
    const QString id = QStringLiteral("c271e39e-1a6e-4d3d-8fa8-2a36329c68d2");
    auto show = huawei::CceCacheService::showRequest(Cce, id);
    QCOMPARE(show.method, QByteArray("GET"));
    QCOMPARE(wire(show),
             QStringLiteral("https://cce.ap-southeast-1.myhuaweicloud.com/v5/imagecaches/") + id);
    QCOMPARE(show.retry, Retry::Idempotent);
    auto remove = huawei::CceCacheService::removeRequest(Cce, id);
    QCOMPARE(remove.method, QByteArray("DELETE"));
    QCOMPARE(wire(remove), wire(show));
    QCOMPARE(remove.retry, Retry::Never);
    QCOMPARE(remove.header("Content-Type"), QByteArray("application/json"));
    // An id with a slash cannot escape its path segment.
    QVERIFY(wire(huawei::CceCacheService::showRequest(Cce, QStringLiteral("a/b")))
                .endsWith(QLatin1String("/imagecaches/a%2Fb")));
}

void TestRequestBuilding::cceCreate()
{
    core::CacheSpec spec;
    spec.name = QStringLiteral("test-imagecache1");
    spec.images = {QStringLiteral("swr.ap-southeast-1.myhuaweicloud.com/test/nginx:v1"),
                   QStringLiteral("busybox:latest")};
    spec.sizeGiB = 25;
    spec.retentionDays = 7;
    spec.cluster = QStringLiteral("8b3b4b2d-e39d-11ef-a9ac-0255ac100113");
    spec.imagePullSecrets = {QStringLiteral("default:default-secret")};
    const auto request = huawei::CceCacheService::createRequest(Cce, spec);
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(wire(request),
             QStringLiteral("https://cce.ap-southeast-1.myhuaweicloud.com/v5/imagecaches"));
    QCOMPARE(request.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(request.retry, Retry::Never);
    QCOMPARE(request.body.size(), 266); // the bytes of signing vector V2
}

void TestRequestBuilding::hssListings()
{
    ImageQuery query;
    query.imageType = QStringLiteral("private_image");
    query.namespaceName = QStringLiteral("scc hss");
    auto r = huawei::HssImageService::listRequest(Hss, ProjectId, query, 400);
    QVERIFY(r.ok());
    QCOMPARE(wire(r.value()),
             QStringLiteral("https://hss.ap-southeast-1.myhuaweicloud.com/v5/") + ProjectId
                 + QStringLiteral(
                     "/image/registries/"
                     "images?offset=400&limit=200&image_type=private_image&namespace=scc%20hss"));
    QCOMPARE(r.value().retry, Retry::Idempotent);
    QCOMPARE(r.value().operation, QStringLiteral("ListRegistryImages"));

    query = {};
    query.source = QStringLiteral("local");
    query.name = QStringLiteral("nginx");
    query.pageSize = 5; // below the 10–200 range of the sibling APIs
    r = huawei::HssImageService::listRequest(Hss, ProjectId, query, 0);
    QCOMPARE(wire(r.value()),
             QStringLiteral("https://hss.ap-southeast-1.myhuaweicloud.com/v5/") + ProjectId
                 + QStringLiteral("/image/local-repositories?offset=0&limit=10&image_name=nginx"));

    query.source = QStringLiteral("cicd");
    query.pageSize = 500;
    r = huawei::HssImageService::listRequest(Hss, ProjectId, query, 0);
    QCOMPARE(wire(r.value()),
             QStringLiteral("https://hss.ap-southeast-1.myhuaweicloud.com/v5/") + ProjectId
                 + QStringLiteral("/image/cicd/images?offset=0&limit=200&image_name=nginx"));

    query.source = QStringLiteral("docker-hub");
    r = huawei::HssImageService::listRequest(Hss, ProjectId, query, 0);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, net::ApiError::Kind::Validation);
    QCOMPARE(huawei::HssImageService::pageSize(QStringLiteral("registry"), 1), 1);
}

void TestRequestBuilding::hssLayersRepositoryImage()
{
    core::ImageInfo image;
    image.id = QStringLiteral("abc123");
    image.imageType = QStringLiteral("private_image");
    image.namespaceName = QStringLiteral("scc hss");
    image.name = QStringLiteral("proxy-agent");
    const auto r = huawei::HssImageService::layersRequest(
        Hss, ProjectId, QStringLiteral("ap-southeast-1"), image, 0, 200);
    QVERIFY(r.ok());
    // The URL of signing vector V1 (a Huawei signing vector from the official Node signer).
    QCOMPARE(wire(r.value()),
             QStringLiteral("https://hss.ap-southeast-1.myhuaweicloud.com/v5/"
                            "0123456789abcdef0123456789abcdef/image/abc123/"
                            "basic-image?offset=0&limit=200&image_type=private_image&namespace=scc%"
                            "20hss&image_name=proxy-agent&enterprise_project_id=all_granted_eps"));
    QCOMPARE(r.value().header("region"), QByteArray("ap-southeast-1"));
    QCOMPARE(r.value().header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(r.value().retry, Retry::Idempotent);
}

void TestRequestBuilding::hssLayersCicdImage()
{
    core::ImageInfo image;
    image.id = QStringLiteral("111");
    image.imageType = QStringLiteral("cicd");
    image.name = QStringLiteral("ignored");
    const auto r = huawei::HssImageService::layersRequest(
        Hss, ProjectId, QStringLiteral("ap-southeast-1"), image, 200, 200);
    QCOMPARE(wire(r.value()), QStringLiteral("https://hss.ap-southeast-1.myhuaweicloud.com/v5/")
                                  + ProjectId
                                  + QStringLiteral("/image/111/"
                                                   "basic-image?offset=200&limit=200&image_type="
                                                   "cicd&enterprise_project_id=all_granted_eps"));
}

void TestRequestBuilding::hssLayersRefusesLocalImage()
{
    core::ImageInfo image;
    image.id = QStringLiteral("l1");
    image.imageType = QStringLiteral("other_image");
    const auto r = huawei::HssImageService::layersRequest(Hss, ProjectId, QStringLiteral("r"),
                                                          image, 0, 200);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, net::ApiError::Kind::Validation);
    QCOMPARE(r.error().code, QStringLiteral("image_type"));
}

void TestRequestBuilding::iamRequests()
{
    Connection c;
    c.region = QStringLiteral("ap-southeast-1");
    c.iamUserName = QStringLiteral("alice");
    c.iamPassword = QStringLiteral("s3cret");
    c.iamDomainName = QStringLiteral("acme");
    const auto token = huawei::IamTokenProvider::tokenRequest(c);
    QCOMPARE(token.method, QByteArray("POST"));
    QCOMPARE(wire(token),
             QStringLiteral("https://iam.ap-southeast-1.myhuaweicloud.com/v3/auth/tokens"));
    QCOMPARE(token.header("Content-Type"), QByteArray("application/json;charset=UTF-8"));
    // Byte for byte what the official SDK serialises: its models (PwdAuth, PwdIdentity,
    // PwdPasswordUser, AuthScope…) declare their fields alphabetically, the order Qt writes.
    const QByteArray sdkBody = "{\"auth\":{\"identity\":{\"methods\":[\"password\"],"
                               "\"password\":{\"user\":{\"domain\":{\"name\":\"acme\"},"
                               "\"name\":\"alice\",\"password\":\"s3cret\"}}},"
                               "\"scope\":{\"project\":{\"name\":\"ap-southeast-1\"}}}}";
    QCOMPARE(token.body, sdkBody);
    const QJsonObject auth
        = QJsonDocument::fromJson(token.body).object().value(QLatin1String("auth")).toObject();
    const QJsonObject identity = auth.value(QLatin1String("identity")).toObject();
    QCOMPARE(identity.value(QLatin1String("methods")).toArray(),
             QJsonArray{QStringLiteral("password")});
    const QJsonObject user = identity.value(QLatin1String("password"))
                                 .toObject()
                                 .value(QLatin1String("user"))
                                 .toObject();
    QCOMPARE(user.value(QLatin1String("name")).toString(), QStringLiteral("alice"));
    QCOMPARE(user.value(QLatin1String("password")).toString(), QStringLiteral("s3cret"));
    QCOMPARE(user.value(QLatin1String("domain")).toObject().value(QLatin1String("name")).toString(),
             QStringLiteral("acme"));
    QCOMPARE(auth.value(QLatin1String("scope"))
                 .toObject()
                 .value(QLatin1String("project"))
                 .toObject()
                 .value(QLatin1String("name"))
                 .toString(),
             QStringLiteral("ap-southeast-1"));

    const auto projects = huawei::HuaweiAuth::projectLookupRequest(c);
    QCOMPARE(projects.method, QByteArray("GET"));
    QCOMPARE(wire(projects),
             QStringLiteral(
                 "https://iam.ap-southeast-1.myhuaweicloud.com/v3/projects?name=ap-southeast-1"));
    QCOMPARE(projects.retry, Retry::Idempotent);
}

void TestRequestBuilding::iamTokenParsing()
{
    net::HttpResponse response;
    response.status = 201;
    response.headers = {{"X-Subject-Token", "MIIExample"}};
    response.body
        = R"({"token":{"expires_at":"2019-02-13T06:52:13.855000Z","project":{"id":"p-1","name":"ap-southeast-1"}}})";
    auto token = huawei::IamTokenProvider::parseTokenResponse(response);
    QVERIFY(token.ok());
    QCOMPARE(token.value().token, QByteArray("MIIExample"));
    QCOMPARE(token.value().projectId, QStringLiteral("p-1"));
    QCOMPARE(token.value().expiresAt,
             QDateTime(QDate(2019, 2, 13), QTime(6, 52, 13, 855), Qt::UTC));
    response.headers.clear();
    QCOMPARE(huawei::IamTokenProvider::parseTokenResponse(response).error().kind,
             net::ApiError::Kind::MalformedResponse);

    response.body = R"({"projects":[{"id":"abc","name":"ap-southeast-1"}]})";
    QCOMPARE(
        huawei::HuaweiAuth::parseProjectLookup(response, QStringLiteral("ap-southeast-1")).value(),
        QStringLiteral("abc"));
    response.body = R"({"projects":[]})";
    QVERIFY(
        !huawei::HuaweiAuth::parseProjectLookup(response, QStringLiteral("ap-southeast-1")).ok());
}

void TestRequestBuilding::eciCreateFlattensEveryParam()
{
    const auto call = alibaba::EciCacheService::createCall(
        QStringLiteral("cn-hangzhou"), fullEciSpec(),
        QStringLiteral("0c593ea1-3bea-11e9-b96b-88e9fe637760"));
    QCOMPARE(call.action, QByteArray("CreateImageCache"));
    QCOMPARE(call.version, QByteArray("2018-08-08"));
    QCOMPARE(call.retry, Retry::Idempotent);
    const auto &p = call.params;
    QCOMPARE(param(p, "RegionId"), QByteArray("cn-hangzhou"));
    QCOMPARE(param(p, "ImageCacheName"), QByteArray("my-cache"));
    QCOMPARE(param(p, "Image.1"), QByteArray("registry.example.com/ns/app:1.0"));
    QCOMPARE(param(p, "Image.2"), QByteArray("nginx:latest"));
    QCOMPARE(param(p, "SecurityGroupId"), QByteArray("sg-123"));
    QCOMPARE(param(p, "VSwitchId"), QByteArray("vsw-456,vsw-789"));
    QCOMPARE(param(p, "ZoneId"), QByteArray("cn-hangzhou-g"));
    QCOMPARE(param(p, "EipInstanceId"), QByteArray("eip-1"));
    QCOMPARE(param(p, "ImageCacheSize"), QByteArray("30"));
    QCOMPARE(param(p, "RetentionDays"), QByteArray("7"));
    QCOMPARE(param(p, "EliminationStrategy"), QByteArray("LRU"));
    QCOMPARE(param(p, "Flash"), QByteArray("true"));
    QCOMPARE(param(p, "FlashCopyCount"), QByteArray("2"));
    QCOMPARE(param(p, "StandardCopyCount"), QByteArray("3"));
    QCOMPARE(param(p, "AutoMatchImageCache"), QByteArray("false"));
    QCOMPARE(param(p, "ImageRegistryCredential.1.Server"), QByteArray("registry.example.com"));
    QCOMPARE(param(p, "ImageRegistryCredential.1.UserName"), QByteArray("u"));
    QCOMPARE(param(p, "ImageRegistryCredential.1.Password"), QByteArray("p@ss w/rd"));
    QCOMPARE(param(p, "AcrRegistryInfo.1.InstanceId"), QByteArray("cri-1"));
    QCOMPARE(param(p, "AcrRegistryInfo.1.InstanceName"), QByteArray("acr"));
    QCOMPARE(param(p, "AcrRegistryInfo.1.RegionId"), QByteArray("cn-hangzhou"));
    QCOMPARE(param(p, "AcrRegistryInfo.1.Domain.1"), QByteArray("a.example.com"));
    QCOMPARE(param(p, "AcrRegistryInfo.1.Domain.2"), QByteArray("b.example.com"));
    QCOMPARE(param(p, "AcrRegistryInfo.1.ArnService"), QByteArray("arn:svc"));
    QCOMPARE(param(p, "AcrRegistryInfo.1.ArnUser"), QByteArray("arn:user"));
    QCOMPARE(param(p, "InsecureRegistry"), QByteArray("harbor.x.com"));
    QCOMPARE(param(p, "PlainHttpRegistry"), QByteArray("192.168.1.1:5000"));
    QCOMPARE(param(p, "Tag.1.Key"), QByteArray("env"));
    QCOMPARE(param(p, "Tag.1.Value"), QByteArray("prod"));
    QCOMPARE(param(p, "Tag.2.Key"), QByteArray("k"));
    QCOMPARE(param(p, "Tag.2.Value"), QByteArray("a&b"));
    QCOMPARE(param(p, "ResourceGroupId"), QByteArray("rg-1"));
    QCOMPARE(param(p, "Annotations"), QByteArray("hide"));
    QCOMPARE(param(p, "OsType"), QByteArray("Linux"));
    QCOMPARE(param(p, "ClientToken"), QByteArray("0c593ea1-3bea-11e9-b96b-88e9fe637760"));
    QCOMPARE(p.size(), 35);

    // On the wire: POST / with every parameter in the query (encoded, sorted), empty body.
    const auto request = alibaba::AlibabaRpc::build(Eci, call);
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.url.path(), QStringLiteral("/"));
    QVERIFY(request.body.isEmpty());
    QCOMPARE(request.retry, Retry::Idempotent);
    const QString query = request.url.query(QUrl::FullyEncoded);
    QVERIFY(query.startsWith(QLatin1String("AcrRegistryInfo.1.ArnService=arn%3Asvc&")));
    QVERIFY(query.contains(QLatin1String("&Image.1=registry.example.com%2Fns%2Fapp%3A1.0&")));
    QVERIFY(query.contains(QLatin1String("&ImageRegistryCredential.1.Password=p%40ss%20w%2Frd&")));
    QVERIFY(query.contains(QLatin1String("&Tag.2.Value=a%26b")));
}

void TestRequestBuilding::eciCreateAlwaysHasClientToken()
{
    // The service fills a fresh UUID when the spec has none.
    const QString token = alibaba::EciCacheService::newClientToken();
    QCOMPARE(token.size(), 36);
    QVERIFY(token != alibaba::EciCacheService::newClientToken());
    core::CacheSpec spec;
    spec.name = QStringLiteral("c");
    spec.images = {QStringLiteral("nginx:latest")};
    const auto call
        = alibaba::EciCacheService::createCall(QStringLiteral("cn-hangzhou"), spec, token);
    QCOMPARE(param(call.params, "ClientToken"), token.toUtf8());
    QCOMPARE(keys(call.params),
             (QList<QByteArray>{"ClientToken", "Image.1", "ImageCacheName", "RegionId"}));
}

void TestRequestBuilding::eciDescribeFilters()
{
    CacheQuery query;
    query.id = QStringLiteral("imc-1");
    query.name = QStringLiteral("test cache");
    query.snapshotId = QStringLiteral("s-1");
    query.image = QStringLiteral("nginx");
    query.resourceGroupId = QStringLiteral("rg-1");
    query.tags = {{QStringLiteral("env"), QStringLiteral("prod")}};
    query.matchImages = {QStringLiteral("nginx:1.25"), QStringLiteral("redis:7")};
    query.imageFullMatch = true;
    query.imageMatchCount = 3;
    query.pageSize = 20;
    const auto call = alibaba::EciCacheService::describeCall(QStringLiteral("cn-hangzhou"), query,
                                                             QStringLiteral("AAAA/+="));
    QCOMPARE(call.action, QByteArray("DescribeImageCaches"));
    QCOMPARE(call.retry, Retry::Idempotent);
    QCOMPARE(keys(call.params),
             (QList<QByteArray>{"Image", "ImageCacheId", "ImageCacheName", "ImageFullMatch",
                                "ImageMatchCountRequest", "Limit", "MatchImage.1", "MatchImage.2",
                                "NextToken", "RegionId", "ResourceGroupId", "SnapshotId",
                                "Tag.1.Key", "Tag.1.Value"}));
    QCOMPARE(param(call.params, "ImageFullMatch"), QByteArray("true"));
    QCOMPARE(param(call.params, "ImageMatchCountRequest"), QByteArray("3"));
    QCOMPARE(param(call.params, "Limit"), QByteArray("20"));
    const auto request = alibaba::AlibabaRpc::build(Eci, call);
    QVERIFY(
        request.url.query(QUrl::FullyEncoded).contains(QLatin1String("NextToken=AAAA%2F%2B%3D")));
    QVERIFY(
        request.url.query(QUrl::FullyEncoded).contains(QLatin1String("MatchImage.1=nginx%3A1.25")));

    const auto first
        = alibaba::EciCacheService::describeCall(QStringLiteral("cn-hangzhou"), {}, {});
    QCOMPARE(keys(first.params), QList<QByteArray>{"RegionId"});
}

void TestRequestBuilding::eciUpdateLeavesOutCreateOnlyParams()
{
    core::CacheSpec spec = fullEciSpec();
    spec.id = QStringLiteral("imc-1");
    const auto call = alibaba::EciCacheService::updateCall(QStringLiteral("cn-hangzhou"), spec,
                                                           QStringLiteral("tok"));
    QCOMPARE(call.action, QByteArray("UpdateImageCache"));
    QCOMPARE(call.retry, Retry::Idempotent);
    QCOMPARE(param(call.params, "ImageCacheId"), QByteArray("imc-1"));
    QCOMPARE(param(call.params, "ClientToken"), QByteArray("tok"));
    for (const char *absent :
         {"ZoneId", "InsecureRegistry", "PlainHttpRegistry", "Annotations", "OsType"})
        QCOMPARE(param(call.params, absent), QByteArray("<absent>"));
    QCOMPARE(param(call.params, "Image.2"), QByteArray("nginx:latest"));
    QCOMPARE(param(call.params, "Tag.1.Key"), QByteArray("env"));

    // An empty strategy is sent (it clears LRU); a null one is left out (unchanged).
    spec.eliminationStrategy = QStringLiteral("");
    auto cleared = alibaba::EciCacheService::updateCall(QStringLiteral("cn-hangzhou"), spec,
                                                        QStringLiteral("tok"));
    QCOMPARE(param(cleared.params, "EliminationStrategy"), QByteArray(""));
    QVERIFY(alibaba::AlibabaRpc::build(Eci, cleared)
                .url.query()
                .contains(QLatin1String("EliminationStrategy=&")));
    spec.eliminationStrategy = QString();
    cleared = alibaba::EciCacheService::updateCall(QStringLiteral("cn-hangzhou"), spec,
                                                   QStringLiteral("tok"));
    QCOMPARE(param(cleared.params, "EliminationStrategy"), QByteArray("<absent>"));
}

void TestRequestBuilding::eciDeleteMatchesSdkWire()
{
    // Alibaba signing vector V3-C: what @alicloud/eci20180808 sends.
    const auto call = alibaba::EciCacheService::deleteCall(
        QStringLiteral("cn-hangzhou"), QStringLiteral("imc-bp195erqe9o2pb09abcd"),
        QStringLiteral("123e4567-e89b-12d3-a456-426655440000"));
    QCOMPARE(call.action, QByteArray("DeleteImageCache"));
    const auto request = alibaba::AlibabaRpc::build(Eci, call);
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(wire(request),
             QStringLiteral("https://eci.cn-hangzhou.aliyuncs.com/"
                            "?ClientToken=123e4567-e89b-12d3-a456-426655440000&ImageCacheId=imc-"
                            "bp195erqe9o2pb09abcd&RegionId=cn-hangzhou"));
    QVERIFY(request.body.isEmpty());
    QCOMPARE(request.operation, QStringLiteral("DeleteImageCache"));
}

void TestRequestBuilding::huaweiSignedRequestsMatchSdkVectors()
{
    // As the Huawei signing vectors: our requests, signed through the service's signer callback,
    // carry exactly the Authorization the official SDK computes.
    Connection c;
    c.accessKeyId = "HPUAEXAMPLEAK0000001";
    c.accessKeySecret = "exampleSecretKey0123456789abcdefEXAMPLE0";
    c.clock = [] {
        return QDateTime(QDate(2025, 1, 1), QTime(12, 0), Qt::UTC);
    };
    const QString auth
        = QStringLiteral("SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK0000001, SignedHeaders=");

    core::CacheSpec spec;
    spec.name = QStringLiteral("test-imagecache1");
    spec.images = {QStringLiteral("swr.ap-southeast-1.myhuaweicloud.com/test/nginx:v1"),
                   QStringLiteral("busybox:latest")};
    spec.sizeGiB = 25;
    spec.retentionDays = 7;
    spec.cluster = QStringLiteral("8b3b4b2d-e39d-11ef-a9ac-0255ac100113");
    spec.imagePullSecrets = {QStringLiteral("default:default-secret")};
    auto create = huawei::CceCacheService::createRequest(Cce, spec);
    QVERIFY(!huawei::HuaweiAuth::accessKeySigner(c, {})(create).isError());
    QCOMPARE(create.header("X-Sdk-Date"), QByteArray("20250101T120000Z"));
    QCOMPARE(QString::fromLatin1(create.header("Authorization")),
             auth
                 + QStringLiteral(
                     "content-type;host;x-sdk-date, "
                     "Signature=e85577aefaef7095bc8dda348947d6a0a870959d80e97ca3d93fe8ce7997df69"));

    auto list = huawei::CceCacheService::listRequest(Cce, QStringLiteral("test-imagecache1"));
    QVERIFY(!huawei::HuaweiAuth::accessKeySigner(c, {})(list).isError());
    QCOMPARE(QString::fromLatin1(list.header("Authorization")),
             auth
                 + QStringLiteral(
                     "content-type;host;x-sdk-date, "
                     "Signature=4eaebbdd5387893875240c1ab187a9a50aba4579f4fe3df10cecdfb8b2f52b49"));

    auto remove = huawei::CceCacheService::removeRequest(
        Cce, QStringLiteral("c271e39e-1a6e-4d3d-8fa8-2a36329c68d2"));
    const auto signer = huawei::HuaweiAuth::accessKeySigner(c, {});
    QVERIFY(!signer(remove).isError());
    QVERIFY(!signer(remove).isError()); // signing again (a retry) gives the same for the same clock
    QCOMPARE(QString::fromLatin1(remove.header("Authorization")),
             auth
                 + QStringLiteral(
                     "content-type;host;x-sdk-date, "
                     "Signature=04a7e0d5752e1b4cb4ed3bca353e04c988639ae90e26d966d187667562629d07"));

    core::ImageInfo image;
    image.id = QStringLiteral("abc123");
    image.imageType = QStringLiteral("private_image");
    image.namespaceName = QStringLiteral("scc hss");
    image.name = QStringLiteral("proxy-agent");
    auto layers = huawei::HssImageService::layersRequest(
                      Hss, ProjectId, QStringLiteral("ap-southeast-1"), image, 0, 200)
                      .value();
    QVERIFY(!huawei::HuaweiAuth::accessKeySigner(c, ProjectId)(layers).isError());
    QCOMPARE(layers.header("X-Project-Id"), ProjectId.toLatin1());
    QCOMPARE(QString::fromLatin1(layers.header("Authorization")),
             auth
                 + QStringLiteral(
                     "content-type;host;region;x-project-id;x-sdk-date, "
                     "Signature=ba73896e1f078c2e570b758a879a43ac72e2b2ad2a83062e8a204de71bda0a0d"));

    // Temporary keys add X-Security-Token; a missing key fails before sending.
    c.securityToken = "sts-token";
    auto withToken = huawei::CceCacheService::listRequest(Cce, {});
    QVERIFY(!huawei::HuaweiAuth::accessKeySigner(c, {})(withToken).isError());
    QCOMPARE(withToken.header("X-Security-Token"), QByteArray("sts-token"));
    c.accessKeySecret.clear();
    auto unsigned_ = huawei::CceCacheService::listRequest(Cce, {});
    QCOMPARE(huawei::HuaweiAuth::accessKeySigner(c, {})(unsigned_).kind, net::ApiError::Kind::Auth);

    auto tokenRequest = huawei::CceCacheService::listRequest(Cce, {});
    QVERIFY(!huawei::HuaweiAuth::tokenSigner("MIItoken")(tokenRequest).isError());
    QCOMPARE(tokenRequest.header("X-Auth-Token"), QByteArray("MIItoken"));
    QVERIFY(tokenRequest.header("Authorization").isEmpty());
}

void TestRequestBuilding::eciSignedDeleteMatchesSdkVector()
{
    // Vector V3-C: the request we build, signed with the pinned nonce and clock.
    const auto call = alibaba::EciCacheService::deleteCall(
        QStringLiteral("cn-hangzhou"), QStringLiteral("imc-bp195erqe9o2pb09abcd"),
        QStringLiteral("123e4567-e89b-12d3-a456-426655440000"));
    auto request = alibaba::AlibabaRpc::build(Eci, call);
    net::AlibabaSigner::signV3(
        request, call.action, call.version, call.params, {"testid", "testsecret", {}},
        QDateTime(QDate(2024, 5, 1), QTime(8, 0), Qt::UTC), "3f6c2a1e9b8d4c7e8a5b0d2f1e4c6a89");
    QCOMPARE(request.header("Authorization"),
             QByteArray("ACS3-HMAC-SHA256 "
                        "Credential=testid,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-"
                        "acs-date;x-acs-signature-nonce;x-acs-version,Signature="
                        "e6725a0d7326687d1b0d2ac79740835a5ecc40eb3594c670981d020e05e592c7"));
    QCOMPARE(wire(request),
             QStringLiteral("https://eci.cn-hangzhou.aliyuncs.com/"
                            "?ClientToken=123e4567-e89b-12d3-a456-426655440000&ImageCacheId=imc-"
                            "bp195erqe9o2pb09abcd&RegionId=cn-hangzhou"));
}

void TestRequestBuilding::rpcSignerFreshPerAttempt()
{
    Connection c;
    c.provider = core::Provider::Alibaba;
    c.accessKeyId = "testid";
    c.accessKeySecret = "testsecret";
    c.clock = [] {
        return QDateTime(QDate(2024, 5, 1), QTime(8, 0), Qt::UTC);
    };
    const auto call = alibaba::EciCacheService::deleteCall(
        QStringLiteral("cn-hangzhou"), QStringLiteral("imc-1"), QStringLiteral("t"));
    auto request = alibaba::AlibabaRpc::build(Eci, call);
    const auto sign = alibaba::AlibabaRpc::signer(c, call);
    QVERIFY(!sign(request).isError());
    QCOMPARE(request.header("x-acs-action"), QByteArray("DeleteImageCache"));
    QCOMPARE(request.header("x-acs-version"), QByteArray("2018-08-08"));
    QCOMPARE(request.header("x-acs-date"), QByteArray("2024-05-01T08:00:00Z"));
    QVERIFY(request.header("Authorization").startsWith("ACS3-HMAC-SHA256 Credential=testid,"));
    const QByteArray firstNonce = request.header("x-acs-signature-nonce");
    QCOMPARE(firstNonce.size(), 32);
    QVERIFY(!sign(request).isError()); // a retry
    QVERIFY(request.header("x-acs-signature-nonce") != firstNonce);
    QVERIFY(request.body.isEmpty());
    QVERIFY(request.url.query(QUrl::FullyEncoded).contains(QLatin1String("ImageCacheId=imc-1")));
}

void TestRequestBuilding::rpcSignerV1()
{
    Connection c;
    c.provider = core::Provider::Alibaba;
    c.accessKeyId = "testid";
    c.accessKeySecret = "testsecret";
    c.signatureVersion = net::AlibabaSigner::Version::V1;
    const auto call = alibaba::EciCacheService::deleteCall(
        QStringLiteral("cn-hangzhou"), QStringLiteral("imc-1"), QStringLiteral("t"));
    auto request = alibaba::AlibabaRpc::build(Eci, call);
    QVERIFY(!alibaba::AlibabaRpc::signer(c, call)(request).isError());
    const QString query = request.url.query(QUrl::FullyEncoded);
    QVERIFY(query.contains(QLatin1String("Action=DeleteImageCache")));
    QVERIFY(query.contains(QLatin1String("SignatureMethod=HMAC-SHA1")));
    QVERIFY(query.contains(QLatin1String("Signature=")));
    QVERIFY(query.contains(QLatin1String("ImageCacheId=imc-1")));
}

void TestRequestBuilding::rpcSignerWithoutKeyFails()
{
    Connection c;
    const auto call = alibaba::EciCacheService::deleteCall(QStringLiteral("r"), QStringLiteral("i"),
                                                           QStringLiteral("t"));
    auto request = alibaba::AlibabaRpc::build(Eci, call);
    const auto error = alibaba::AlibabaRpc::signer(c, call)(request);
    QCOMPARE(error.kind, net::ApiError::Kind::Auth);
    QVERIFY(!request.header("Authorization").size());
}

void TestRequestBuilding::ehpcJsonStringParams()
{
    ImageQuery query;
    query.category = QStringLiteral("Custom");
    query.imageType = QStringLiteral("Container");
    query.name = QStringLiteral("app-image");
    query.pageSize = 20;
    const auto call = alibaba::EhpcImageService::listCall(query, 3);
    QCOMPARE(call.action, QByteArray("ListImages"));
    QCOMPARE(call.version, QByteArray("2023-07-01"));
    QCOMPARE(call.retry, Retry::Idempotent);
    QCOMPARE(param(call.params, "ImageNames"), QByteArray(R"(["app-image"])"));
    QCOMPARE(param(call.params, "ImageCategory"), QByteArray("Custom"));
    QCOMPARE(param(call.params, "ImageType"), QByteArray("Container"));
    QCOMPARE(param(call.params, "PageNumber"), QByteArray("3"));
    QCOMPARE(param(call.params, "PageSize"), QByteArray("20"));
    const auto request = alibaba::AlibabaRpc::build(
        QUrl(QStringLiteral("https://ehpcinstant.cn-hangzhou.aliyuncs.com")), call);
    QVERIFY(request.url.query(QUrl::FullyEncoded)
                .contains(QLatin1String("ImageNames=%5B%22app-image%22%5D")));

    core::ImageInfo image;
    image.id = QStringLiteral("m-2ze74g5mvy4pjg");
    image.imageType = QStringLiteral("VM");
    image.category = QStringLiteral("Custom");
    const auto get = alibaba::EhpcImageService::getCall(image);
    QCOMPARE(get.action, QByteArray("GetImage"));
    QCOMPARE(keys(get.params), (QList<QByteArray>{"ImageCategory", "ImageId", "ImageType"}));
    const auto remove = alibaba::EhpcImageService::removeCall(image.id, image.imageType);
    QCOMPARE(remove.action, QByteArray("RemoveImage"));
    QCOMPARE(remove.retry, Retry::Never);
    QCOMPARE(keys(remove.params), (QList<QByteArray>{"ImageId", "ImageType"}));
}

void TestRequestBuilding::ehpcAddImage()
{
    alibaba::NewEhpcImage image;
    image.name = QStringLiteral("app-image");
    image.imageType = QStringLiteral("Container");
    image.version = QStringLiteral("v1.0");
    image.description = QStringLiteral("test");
    image.hasContainerSpec = true;
    image.containerSpec.registryUrl = QStringLiteral("registry.example.com/ns/app:1.0");
    image.containerSpec.credential.server = QStringLiteral("registry.example.com");
    image.containerSpec.credential.userName = QStringLiteral("u");
    image.registryPassword = QStringLiteral("pw\"1");
    image.vmImageId = QStringLiteral("m-1");
    const auto call = alibaba::EhpcImageService::addCall(image);
    QCOMPARE(call.action, QByteArray("AddImage"));
    QCOMPARE(call.retry, Retry::Never);
    QCOMPARE(param(call.params, "Name"), QByteArray("app-image"));
    QCOMPARE(param(call.params, "ImageVersion"), QByteArray("v1.0"));
    // The SDK's AddImageRequestContainerImageSpec.to_map() writes IsACREnterprise, IsACRRegistry,
    // RegistryCredential (Password, Server, UserName), RegistryCriId, RegistryUrl, compact.
    const QByteArray sdkSpec
        = "{\"IsACREnterprise\":false,\"IsACRRegistry\":false,\"RegistryCredential\":"
          "{\"Password\":\"pw\\\"1\",\"Server\":\"registry.example.com\",\"UserName\":\"u\"},"
          "\"RegistryUrl\":\"registry.example.com/ns/app:1.0\"}";
    QCOMPARE(param(call.params, "ContainerImageSpec"), sdkSpec);
    const QJsonObject spec
        = QJsonDocument::fromJson(param(call.params, "ContainerImageSpec")).object();
    QCOMPARE(spec.value(QLatin1String("RegistryUrl")).toString(), image.containerSpec.registryUrl);
    QCOMPARE(spec.value(QLatin1String("RegistryCredential"))
                 .toObject()
                 .value(QLatin1String("Password"))
                 .toString(),
             image.registryPassword);
    QCOMPARE(param(call.params, "VMImageSpec"), QByteArray(R"({"ImageId":"m-1"})"));
}

QTEST_APPLESS_MAIN(TestRequestBuilding)
#include "tst_requestbuilding.moc"
