// The emulator held against what the official SDKs send and expect: signatures of all three
// schemes, the providers' own error bodies, lifecycles on a controlled clock, paging, faults
// seen from a raw client, and the state file.

#include <emulator/catalog.h>
#include <emulator/emulator.h>
#include <net/alibabasigner.h>
#include <net/huaweisigner.h>
#include <net/percentencoding.h>

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace emulator;

namespace {
const QByteArray kHuaweiAk = demo::HuaweiAccessKey;
const QByteArray kHuaweiSk = demo::HuaweiSecretKey;
const QByteArray kAliId = demo::AlibabaAccessKeyId;
const QByteArray kAliSecret = demo::AlibabaAccessKeySecret;
const QString kRegion = QStringLiteral("cn-hangzhou");

struct Response
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    net::HeaderList headers;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QByteArray header(const QByteArray &name) const { return net::headerValue(headers, name); }
};

QJsonArray caches(const Response &r)
{
    return r.json().value(u"ImageCaches").toArray();
}
} // namespace

class tst_Emulator final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void huaweiAcceptsSignedRequests();
    void huaweiRejectsBadSignatures_data();
    void huaweiRejectsBadSignatures();
    void huaweiIamToken();
    void huaweiLifecycle();
    void huaweiFailures();
    void huaweiValidationUniquenessQuota();
    void huaweiRetentionExpiry();
    void hssListings();

    void alibabaAcceptsV3AndV1();
    void alibabaRejections();
    void alibabaFormBodies();
    void alibabaLifecycle();
    void alibabaListingIsCanonicalJson();
    void alibabaFailedPull();
    void unknownPublicImagesAreSynthesised();
    void alibabaClientToken();
    void alibabaValidation();
    void alibabaPaging();
    void alibabaPagingLarge();
    void alibabaFilters();
    void alibabaUpdateOnlyFromReady();
    void alibabaDelete();
    void alibabaLruElimination();
    void ehpcListAndGet();
    void ehpcAddRemove();

    void faultRuleParsing();
    void faultsSeenByRawClient();
    void adminEndpoint();
    void stateFileRoundTrip();
    void demoData();
    void executable();

private:
    void start(Options options = {});
    Response send(const net::HttpRequest &request, int timeoutMs = 10000);
    net::HttpRequest huawei(const QByteArray &method, const QString &pathAndQuery,
                            const QByteArray &body = {}, const QByteArray &ak = kHuaweiAk,
                            const QByteArray &sk = kHuaweiSk);
    net::HttpRequest alibaba(const QByteArray &action, const net::RpcParams &params,
                             bool v1 = false, const QByteArray &version = "2018-08-08",
                             const QByteArray &id = kAliId, const QByteArray &secret = kAliSecret,
                             const QByteArray &nonce = {});
    Response call(const QByteArray &action, net::RpcParams params,
                  const QByteArray &version = "2018-08-08");
    QString createAlibaba(const QString &name, const QStringList &images,
                          const QList<net::ParamList> &tags = {}, const QString &extraKey = {},
                          const QString &extraValue = {});
    QJsonObject describeOne(const QString &id);
    Response createHuawei(const QJsonObject &body);
    void advance(qint64 ms) { m_now = m_now.addMSecs(ms); }

    std::unique_ptr<Emulator> m_emu;
    QNetworkAccessManager m_nam;
    QDateTime m_now;
};

void tst_Emulator::init()
{
    m_now = QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC);
    start();
}

void tst_Emulator::cleanup()
{
    m_emu.reset();
}

void tst_Emulator::start(Options options)
{
    m_emu.reset();
    m_emu = std::make_unique<Emulator>(std::move(options));
    m_emu->setClock([this] { return m_now; });
    QVERIFY(m_emu->listen() != 0);
}

Response tst_Emulator::send(const net::HttpRequest &request, int timeoutMs)
{
    QNetworkRequest nr(request.url);
    for (const auto &[name, value] : request.headers)
        nr.setRawHeader(name, value);
    nr.setTransferTimeout(timeoutMs);
    QNetworkReply *reply = m_nam.sendCustomRequest(nr, request.method, request.body);
    if (!reply->isFinished()) {
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    Response r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.error = reply->error();
    if (reply->isOpen())
        r.body = reply->readAll();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        r.headers.append({name, value});
    reply->deleteLater();
    return r;
}

net::HttpRequest tst_Emulator::huawei(const QByteArray &method, const QString &pathAndQuery,
                                      const QByteArray &body, const QByteArray &ak,
                                      const QByteArray &sk)
{
    net::HttpRequest request;
    request.method = method;
    request.url = QUrl(m_emu->baseUrl().toString() + pathAndQuery);
    request.setHeader("Content-Type", "application/json");
    request.setHeader("X-Project-Id", demo::HuaweiProjectId);
    request.body = body;
    net::HuaweiSigner::sign(request, {ak, sk, {}}, m_now);
    return request;
}

net::HttpRequest tst_Emulator::alibaba(const QByteArray &action, const net::RpcParams &params,
                                       bool v1, const QByteArray &version, const QByteArray &id,
                                       const QByteArray &secret, const QByteArray &nonce)
{
    net::HttpRequest request;
    request.method = v1 ? "GET" : "POST";
    request.url = m_emu->baseUrl();
    const auto n = nonce.isEmpty() ? net::AlibabaSigner::newNonce() : nonce;
    if (v1)
        net::AlibabaSigner::signV1(request, action, version, params.params(), {id, secret, {}},
                                   m_now, n);
    else
        net::AlibabaSigner::signV3(request, action, version, params.params(), {id, secret, {}},
                                   m_now, n);
    return request;
}

Response tst_Emulator::call(const QByteArray &action, net::RpcParams params,
                            const QByteArray &version)
{
    if (version == "2018-08-08")
        params.add("RegionId", kRegion);
    return send(alibaba(action, params, false, version));
}

QString tst_Emulator::createAlibaba(const QString &name, const QStringList &images,
                                    const QList<net::ParamList> &tags, const QString &extraKey,
                                    const QString &extraValue)
{
    net::RpcParams p;
    p.add("ImageCacheName", name)
        .addList("Image", images)
        .add("SecurityGroupId", u"sg-123"_qs)
        .add("VSwitchId", u"vsw-456"_qs)
        .addObjects("Tag", tags);
    if (!extraKey.isEmpty())
        p.add(extraKey.toLatin1(), extraValue);
    const auto r = call("CreateImageCache", p);
    if (r.status != 200)
        qWarning() << r.body;
    return r.json().value(u"ImageCacheId").toString();
}

QJsonObject tst_Emulator::describeOne(const QString &id)
{
    const auto r = call("DescribeImageCaches", net::RpcParams().add("ImageCacheId", id));
    const auto list = caches(r);
    return list.isEmpty() ? QJsonObject() : list.first().toObject();
}

Response tst_Emulator::createHuawei(const QJsonObject &body)
{
    return send(
        huawei("POST", u"/v5/imagecaches"_qs, QJsonDocument(body).toJson(QJsonDocument::Compact)));
}

namespace {
QJsonObject hwBody(const QString &name, const QStringList &images, const QStringList &secrets = {},
                   int retention = 0)
{
    QJsonObject building{{u"cluster"_qs, u"8b3b4b2d-e39d-11ef-a9ac-0255ac100113"_qs}};
    if (!secrets.isEmpty())
        building.insert(u"image_pull_secrets"_qs, QJsonArray::fromStringList(secrets));
    return {{u"name"_qs, name},
            {u"images"_qs, QJsonArray::fromStringList(images)},
            {u"image_cache_size"_qs, 25},
            {u"retention_days"_qs, retention},
            {u"building_config"_qs, building}};
}
} // namespace

// --- Huawei -----------------------------------------------------------------------------------

void tst_Emulator::huaweiAcceptsSignedRequests()
{
    const auto r = send(huawei("GET", u"/v5/imagecaches"_qs));
    QCOMPARE(r.status, 200);
    QVERIFY(r.json().value(u"image_caches").isArray());
    QCOMPARE(r.header("X-Request-Id").size(), 32);
    // The trailing slash form signs and answers the same.
    QCOMPARE(send(huawei("GET", u"/v5/imagecaches/?name=x"_qs)).status, 200);
}

void tst_Emulator::huaweiRejectsBadSignatures_data()
{
    QTest::addColumn<QByteArray>("ak");
    QTest::addColumn<QByteArray>("sk");
    QTest::addColumn<int>("ageSeconds");
    QTest::addColumn<bool>("unsigned_");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("wrong secret") << kHuaweiAk << QByteArray("nope") << 0 << false
                                  << u"verify aksk signature fail"_qs;
    QTest::newRow("unknown key") << QByteArray("UNKNOWNAK") << kHuaweiSk << 0 << false
                                 << u"not exist"_qs;
    QTest::newRow("16 minutes old")
        << kHuaweiAk << kHuaweiSk << 16 * 60 << false << u"the request has expired"_qs;
    QTest::newRow("no signature") << kHuaweiAk << kHuaweiSk << 0 << true << u"required"_qs;
}

void tst_Emulator::huaweiRejectsBadSignatures()
{
    QFETCH(QByteArray, ak);
    QFETCH(QByteArray, sk);
    QFETCH(int, ageSeconds);
    QFETCH(bool, unsigned_);
    QFETCH(QString, messagePart);
    const auto serverNow = m_now;
    m_now = m_now.addSecs(-ageSeconds);
    auto request = huawei("GET", u"/v5/imagecaches"_qs, {}, ak, sk);
    m_now = serverNow;
    if (unsigned_)
        net::removeHeader(request.headers, "Authorization");
    const auto r = send(request);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value(u"error_code").toString(), u"APIGW.0301"_qs);
    QVERIFY2(r.json().value(u"error_msg").toString().contains(messagePart), r.body);
    QCOMPARE(r.json().value(u"request_id").toString().toLatin1(), r.header("X-Request-Id"));
}

void tst_Emulator::huaweiIamToken()
{
    auto tokenRequest = [this](const QString &password) {
        const QJsonObject body{
            {u"auth"_qs,
             QJsonObject{
                 {u"identity"_qs,
                  QJsonObject{
                      {u"methods"_qs, QJsonArray{u"password"_qs}},
                      {u"password"_qs,
                       QJsonObject{
                           {u"user"_qs,
                            QJsonObject{
                                {u"name"_qs, QString::fromLatin1(demo::HuaweiIamUser)},
                                {u"password"_qs, password},
                                {u"domain"_qs,
                                 QJsonObject{{u"name"_qs,
                                              QString::fromLatin1(demo::HuaweiIamDomain)}}}}}}}}},
                 {u"scope"_qs,
                  QJsonObject{{u"project"_qs, QJsonObject{{u"name"_qs, u"cn-north-4"_qs}}}}}}}};
        net::HttpRequest request;
        request.method = "POST";
        request.url = QUrl(m_emu->baseUrl().toString() + u"/v3/auth/tokens"_qs);
        request.setHeader("Content-Type", "application/json;charset=UTF-8");
        request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        return send(request);
    };
    const auto wrong = tokenRequest(u"wrong"_qs);
    QCOMPARE(wrong.status, 401);
    const auto error = wrong.json().value(u"error").toObject();
    QCOMPARE(error.value(u"code").toInt(), 401);
    QCOMPARE(error.value(u"message").toString(), u"The username or password is wrong."_qs);
    QCOMPARE(error.value(u"title").toString(), u"Unauthorized"_qs);

    const auto ok = tokenRequest(QString::fromLatin1(demo::HuaweiIamPassword));
    QCOMPARE(ok.status, 201);
    const auto token = ok.header("X-Subject-Token");
    QVERIFY(!token.isEmpty());
    const auto t = ok.json().value(u"token").toObject();
    QCOMPARE(t.value(u"project").toObject().value(u"id").toString(),
             QString::fromLatin1(demo::HuaweiProjectId));
    QVERIFY(t.value(u"expires_at").toString().endsWith(u'Z'));
    QVERIFY(t.value(u"methods").toArray().contains(u"password"_qs));

    net::HttpRequest list;
    list.url = QUrl(m_emu->baseUrl().toString() + u"/v5/imagecaches"_qs);
    list.setHeader("X-Auth-Token", token);
    QCOMPARE(send(list).status, 200);
    list.setHeader("X-Auth-Token", "MIIEforged");
    QCOMPARE(send(list).json().value(u"error_code").toString(), u"APIGW.0301"_qs);
    list.setHeader("X-Auth-Token", token);
    advance(24LL * 3600 * 1000 + 1000);
    const auto expired = send(list);
    QCOMPARE(expired.status, 401);
    QCOMPARE(expired.json().value(u"error_code").toString(), u"APIGW.0307"_qs);

    // Project lookup as the SDK does it when no project id is configured.
    const auto projects = send(huawei("GET", u"/v3/projects?name=cn-north-4"_qs));
    QCOMPARE(projects.status, 200);
    const auto first = projects.json().value(u"projects").toArray().first().toObject();
    QCOMPARE(first.value(u"id").toString(), QString::fromLatin1(demo::HuaweiProjectId));
    QCOMPARE(first.value(u"name").toString(), u"cn-north-4"_qs);
}

void tst_Emulator::huaweiLifecycle()
{
    const auto created = createHuawei(
        hwBody(u"web-cache"_qs,
               {u"swr.cn-north-4.myhuaweicloud.com/library/nginx:1.25"_qs, u"busybox:latest"_qs}));
    QCOMPARE(created.status, 201);
    const auto cache = created.json().value(u"image_cache").toObject();
    QCOMPARE(cache.value(u"status").toString(), u"Creating"_qs);
    QCOMPARE(cache.value(u"image_cache_size").toInt(), 25);
    QVERIFY(
        QRegularExpression(u"^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d+)? \\+0000 UTC$"_qs)
            .match(cache.value(u"created_at").toString())
            .hasMatch());
    const auto id = cache.value(u"id").toString();
    QCOMPARE(id.size(), 36);

    advance(3999);
    QCOMPARE(send(huawei("GET", u"/v5/imagecaches/"_qs + id))
                 .json()
                 .value(u"image_cache")
                 .toObject()
                 .value(u"status")
                 .toString(),
             u"Creating"_qs);
    advance(1);
    const auto shown = send(huawei("GET", u"/v5/imagecaches/"_qs + id));
    QCOMPARE(shown.status, 200);
    QCOMPARE(shown.json().value(u"image_cache").toObject().value(u"status").toString(),
             u"Available"_qs);
    QVERIFY(!shown.json().value(u"image_cache").toObject().contains(u"message"));

    const auto deleted = send(huawei("DELETE", u"/v5/imagecaches/"_qs + id));
    QCOMPARE(deleted.status, 202);
    // Counted per operation, not per cache: ids are {id} in the counter's name.
    QCOMPARE(m_emu->handledRequests(u"GET /v5/imagecaches/{id}"_qs), 2);
    QCOMPARE(m_emu->handledRequests(u"DELETE /v5/imagecaches/{id}"_qs), 1);
    QCOMPARE(deleted.json().value(u"image_cache").toObject().value(u"status").toString(),
             u"Deleting"_qs);
    advance(1000);
    QCOMPARE(send(huawei("GET", u"/v5/imagecaches/"_qs + id))
                 .json()
                 .value(u"image_cache")
                 .toObject()
                 .value(u"status")
                 .toString(),
             u"Deleting"_qs);
    advance(500);
    const auto gone = send(huawei("GET", u"/v5/imagecaches/"_qs + id));
    QCOMPARE(gone.status, 404);
    QCOMPARE(gone.json().value(u"error_code").toString(), u"CCE.01404001"_qs);
    QVERIFY(gone.json().value(u"error_msg").toString().contains(u"not found"));
}

void tst_Emulator::huaweiFailures()
{
    const auto missing
        = createHuawei(hwBody(u"missing"_qs, {u"swr.cn-north-4.myhuaweicloud.com/x/none:1"_qs}));
    const auto privateNoSecret = createHuawei(hwBody(
        u"private"_qs, {u"swr.cn-north-4.myhuaweicloud.com/demo-team/inference-server:2.3.1"_qs}));
    const auto privateWithSecret = createHuawei(hwBody(
        u"private-ok"_qs, {u"swr.cn-north-4.myhuaweicloud.com/demo-team/inference-server:2.3.1"_qs},
        {u"default:default-secret"_qs}));
    QCOMPARE(missing.status, 201);
    advance(5000);
    auto show = [this](const Response &created) {
        const auto id = created.json().value(u"image_cache").toObject().value(u"id").toString();
        return send(huawei("GET", u"/v5/imagecaches/"_qs + id))
            .json()
            .value(u"image_cache")
            .toObject();
    };
    const auto a = show(missing);
    QCOMPARE(a.value(u"status").toString(), u"Failed"_qs);
    QVERIFY2(a.value(u"message").toString().contains(u"not found"),
             qPrintable(a.value(u"message").toString()));
    const auto b = show(privateNoSecret);
    QCOMPARE(b.value(u"status").toString(), u"Failed"_qs);
    QVERIFY(b.value(u"message").toString().contains(u"unauthorized: authentication required"));
    QCOMPARE(show(privateWithSecret).value(u"status").toString(), u"Available"_qs);
}

void tst_Emulator::huaweiValidationUniquenessQuota()
{
    Options options;
    options.huaweiQuota = 3;
    start(options);
    auto expectInvalid = [this](const QJsonObject &body, const QString &field) {
        const auto r = createHuawei(body);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(u"error_code").toString(), u"CCE.01400001"_qs);
        QVERIFY2(r.json().value(u"error_msg").toString().contains(field), r.body);
    };
    expectInvalid(hwBody(u"Bad_Name"_qs, {u"busybox"_qs}), u"name"_qs);
    expectInvalid(hwBody(u"ends-with-"_qs, {u"busybox"_qs}), u"name"_qs);
    expectInvalid(hwBody(u"ok"_qs, {}), u"images"_qs);
    auto body = hwBody(u"ok"_qs, {u"busybox"_qs});
    body.insert(u"image_cache_size"_qs, 10);
    expectInvalid(body, u"image_cache_size"_qs);
    body = hwBody(u"ok"_qs, {u"busybox"_qs}, {}, 10001);
    expectInvalid(body, u"retention_days"_qs);
    body = hwBody(u"ok"_qs, {u"busybox"_qs});
    body.remove(u"building_config"_qs);
    expectInvalid(body, u"building_config"_qs);
    expectInvalid(hwBody(u"ok"_qs, {u"busybox"_qs}, {u"no-colon"_qs}), u"image_pull_secrets"_qs);
    const auto notJson = send(huawei("POST", u"/v5/imagecaches"_qs, "{oops"));
    QCOMPARE(notJson.status, 400);
    QCOMPARE(notJson.json().value(u"error_code").toString(), u"CCE.01400001"_qs);

    QCOMPARE(createHuawei(hwBody(u"one"_qs, {u"busybox"_qs})).status, 201);
    const auto dup = createHuawei(hwBody(u"one"_qs, {u"busybox"_qs}));
    QCOMPARE(dup.status, 400);
    QCOMPARE(dup.json().value(u"error_code").toString(), u"CCE.01400002"_qs);
    QCOMPARE(createHuawei(hwBody(u"two"_qs, {u"busybox"_qs})).status, 201);
    QCOMPARE(createHuawei(hwBody(u"three"_qs, {u"busybox"_qs})).status, 201);
    const auto over = createHuawei(hwBody(u"four"_qs, {u"busybox"_qs}));
    QCOMPARE(over.status, 400);
    QCOMPARE(over.json().value(u"error_code").toString(), u"CCE.01400003"_qs);

    const auto byName = send(huawei("GET", u"/v5/imagecaches?name=two"_qs));
    const auto list = byName.json().value(u"image_caches").toArray();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().toObject().value(u"name").toString(), u"two"_qs);
    QCOMPARE(
        send(huawei("GET", u"/v5/imagecaches"_qs)).json().value(u"image_caches").toArray().size(),
        3);
}

void tst_Emulator::huaweiRetentionExpiry()
{
    const auto created = createHuawei(hwBody(u"short-lived"_qs, {u"busybox"_qs}, {}, 1));
    const auto id = created.json().value(u"image_cache").toObject().value(u"id").toString();
    advance(23LL * 3600 * 1000);
    QCOMPARE(send(huawei("GET", u"/v5/imagecaches/"_qs + id)).status, 200);
    advance(3600LL * 1000);
    QCOMPARE(send(huawei("GET", u"/v5/imagecaches/"_qs + id)).status, 404);
}

void tst_Emulator::hssListings()
{
    const auto base = u"/v5/"_qs + QString::fromLatin1(demo::HuaweiProjectId) + u"/image"_qs;
    const auto registry = send(huawei("GET", base + u"/registries/images?offset=0&limit=2"_qs));
    QCOMPARE(registry.status, 200);
    QVERIFY(registry.json().value(u"total_num").toInt() > 2);
    QCOMPARE(registry.json().value(u"data_list").toArray().size(), 2);
    const auto item = registry.json().value(u"data_list").toArray().first().toObject();
    for (const auto key : {u"image_id", u"image_digest", u"namespace", u"image_name",
                           u"image_version", u"image_type"})
        QVERIFY2(item.contains(QStringView(key).toString()),
                 qPrintable(QStringView(key).toString()));
    QCOMPARE(send(huawei("GET", base + u"/registries/images?limit=500"_qs))
                 .json()
                 .value(u"error_code")
                 .toString(),
             u"HSS.0001"_qs);

    auto basic = huawei(
        "GET",
        base
            + u"/abc123/basic-image?offset=0&limit=200&image_type=private_image&namespace=scc_hss_container&image_name=proxy-agent&image_version=24.5.0-x86_64&enterprise_project_id=all_granted_eps"_qs);
    QCOMPARE(send(basic).status, 400); // the required "region" header is missing
    net::HttpRequest withRegion;
    withRegion.method = "GET";
    withRegion.url = basic.url;
    withRegion.setHeader("Content-Type", "application/json");
    withRegion.setHeader("X-Project-Id", demo::HuaweiProjectId);
    withRegion.setHeader("region", "cn-north-4");
    net::HuaweiSigner::sign(withRegion, {kHuaweiAk, kHuaweiSk, {}}, m_now);
    const auto layers = send(withRegion);
    QCOMPARE(layers.status, 200);
    QCOMPARE(layers.json().value(u"total_num").toInt(), 1);
    const auto layer = layers.json().value(u"data_list").toArray().first().toObject();
    QCOMPARE(layer.value(u"os_name").toString(), u"Debian"_qs);
    QCOMPARE(layer.value(u"os_version").toString(), u"9"_qs);
    QCOMPARE(layer.value(u"layer_digest").toString(),
             u"sha256:27833a3ba0a545deda33bb01eaf95a14d05d43bf30bce9267d92d17f069fe897"_qs);

    const auto cicd = send(huawei("GET", base + u"/cicd/images"_qs));
    QVERIFY(cicd.json().value(u"total_num").toInt() >= 1);
    QVERIFY(!cicd.json()
                 .value(u"data_list")
                 .toArray()
                 .first()
                 .toObject()
                 .value(u"cicd_name")
                 .toString()
                 .isEmpty());
    QCOMPARE(send(huawei("GET", base + u"/local-repositories"_qs)).status, 200);
}

// --- Alibaba ----------------------------------------------------------------------------------

void tst_Emulator::alibabaAcceptsV3AndV1()
{
    const auto v3 = call("DescribeImageCaches", net::RpcParams());
    QCOMPARE(v3.status, 200);
    const auto requestId = v3.json().value(u"RequestId").toString();
    QVERIFY(QRegularExpression(u"^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$"_qs)
                .match(requestId)
                .hasMatch());
    QCOMPARE(v3.header("x-acs-request-id"), requestId.toLatin1());
    QCOMPARE(v3.json().value(u"TotalCount").toInt(), 0);

    const auto v1 = send(alibaba("DescribeImageCaches",
                                 net::RpcParams().add("RegionId", kRegion).add("Limit", 20), true));
    QCOMPARE(v1.status, 200);
    QVERIFY(v1.json().value(u"ImageCaches").isArray());
}

void tst_Emulator::alibabaRejections()
{
    const auto params = net::RpcParams().add("RegionId", kRegion);
    auto expect = [this](const Response &r, int status, const QString &code) {
        QCOMPARE(r.status, status);
        const auto body = r.json();
        QCOMPARE(body.value(u"Code").toString(), code);
        for (const auto key : {u"RequestId", u"HostId", u"Message", u"Recommend"})
            QVERIFY2(body.contains(QStringView(key).toString()), r.body);
        QCOMPARE(r.header("x-acs-request-id"), body.value(u"RequestId").toString().toLatin1());
    };
    const auto wrongSecret
        = send(alibaba("DescribeImageCaches", params, false, "2018-08-08", kAliId, "bad"));
    expect(wrongSecret, 400, u"SignatureDoesNotMatch"_qs);
    QVERIFY(
        wrongSecret.json()
            .value(u"Message")
            .toString()
            .startsWith(
                u"Specified signature is not matched with our calculation. server string to sign is:"_qs));
    expect(send(alibaba("DescribeImageCaches", params, true, "2018-08-08", kAliId, "bad")), 400,
           u"SignatureDoesNotMatch"_qs);
    expect(send(alibaba("DescribeImageCaches", params, false, "2018-08-08", "NOSUCHKEY")), 404,
           u"InvalidAccessKeyId.NotFound"_qs);

    const auto serverNow = m_now;
    m_now = m_now.addSecs(-16 * 60);
    const auto old = alibaba("DescribeImageCaches", params, true);
    m_now = serverNow;
    expect(send(old), 400, u"InvalidTimeStamp.Expired"_qs);

    const QByteArray nonce = "0f0e0d0c0b0a09080706050403020100";
    QCOMPARE(
        send(alibaba("DescribeImageCaches", params, true, "2018-08-08", kAliId, kAliSecret, nonce))
            .status,
        200);
    expect(
        send(alibaba("DescribeImageCaches", params, true, "2018-08-08", kAliId, kAliSecret, nonce)),
        400, u"SignatureNonceUsed"_qs);

    net::HttpRequest bare;
    bare.method = "POST";
    bare.url = QUrl(m_emu->baseUrl().toString() + u"/?RegionId=cn-hangzhou"_qs);
    bare.setHeader("x-acs-action", "DescribeImageCaches");
    bare.setHeader("x-acs-version", "2018-08-08");
    expect(send(bare), 400, u"MissingSignature"_qs);

    expect(send(alibaba("NoSuchAction", params)), 404, u"InvalidAction.NotFound"_qs);
}

void tst_Emulator::alibabaFormBodies()
{
    // V3 with the business parameters in a form body (spec vector V3-B's shape).
    net::HttpRequest v3;
    v3.method = "POST";
    v3.url = QUrl(m_emu->baseUrl().toString() + u"/?RegionId=cn-hangzhou"_qs);
    v3.body
        = "ImageCacheName=form-v3&Image.1=redis%3A7&Image.2=nginx%3Alatest&SecurityGroupId=sg-123"
          "&VSwitchId=vsw-456&Tag.1.Key=k&Tag.1.Value=v%201";
    v3.setHeader("content-type", "application/x-www-form-urlencoded");
    v3.setHeader("x-acs-action", "CreateImageCache");
    v3.setHeader("x-acs-version", "2018-08-08");
    v3.setHeader("x-acs-date", net::AlibabaSigner::timestamp(m_now));
    v3.setHeader("x-acs-signature-nonce", net::AlibabaSigner::newNonce());
    v3.setHeader("x-acs-content-sha256",
                 QCryptographicHash::hash(v3.body, QCryptographicHash::Sha256).toHex());
    v3.setHeader("Authorization", net::AlibabaSigner::computeV3(v3.method, v3.url, v3.headers,
                                                                v3.body, {kAliId, kAliSecret, {}})
                                      .authorization);
    const auto created = send(v3);
    QCOMPARE(created.status, 200);
    const auto c = describeOne(created.json().value(u"ImageCacheId").toString());
    QCOMPARE(c.value(u"Images").toArray().size(), 2);
    QCOMPARE(c.value(u"Tags").toArray().first().toObject().value(u"Value").toString(), u"v 1"_qs);

    // V1 as pop-core POSTs it: everything, Signature included, in a form body (vector V1-B).
    net::ParamList all{{"Action", "CreateImageCache"},
                       {"Version", "2018-08-08"},
                       {"Format", "JSON"},
                       {"AccessKeyId", kAliId},
                       {"SignatureMethod", "HMAC-SHA1"},
                       {"SignatureVersion", "1.0"},
                       {"SignatureNonce", net::AlibabaSigner::newNonce()},
                       {"Timestamp", net::AlibabaSigner::timestamp(m_now)},
                       {"RegionId", "cn-hangzhou"},
                       {"ImageCacheName", "form-v1"},
                       {"Image.1", "registry.example.com/ns/app:1.0"},
                       {"ImageRegistryCredential.1.Server", "registry.example.com"},
                       {"ImageRegistryCredential.1.UserName", "u"},
                       {"ImageRegistryCredential.1.Password", "p@ss w/rd"},
                       {"SecurityGroupId", "sg-123"},
                       {"VSwitchId", "vsw-456"}};
    all = net::sortedParams(all);
    const auto signature = net::AlibabaSigner::v1Signature(
        net::AlibabaSigner::v1StringToSign("POST", all), kAliSecret);
    net::HttpRequest v1;
    v1.method = "POST";
    v1.url = m_emu->baseUrl();
    v1.url.setPath(u"/"_qs);
    v1.setHeader("content-type", "application/x-www-form-urlencoded");
    v1.body = net::buildQuery(all) + "&Signature=" + net::percentEncode(signature);
    const auto v1Created = send(v1);
    QCOMPARE(v1Created.status, 200);
    advance(7000);
    // The private image was pulled with the credential given in the form body.
    QCOMPARE(
        describeOne(v1Created.json().value(u"ImageCacheId").toString()).value(u"Status").toString(),
        u"Ready"_qs);
}

void tst_Emulator::alibabaLifecycle()
{
    const auto id = createAlibaba(
        u"lifecycle"_qs,
        {u"registry-vpc.cn-hangzhou.aliyuncs.com/eci_open/nginx:1.15.10-perl"_qs, u"redis:7"_qs},
        {{{"Key", "env"}, {"Value", "test"}}});
    QVERIFY(id.startsWith(u"imc-"));
    auto c = describeOne(id);
    QCOMPARE(c.value(u"Status").toString(), u"Preparing"_qs);
    QCOMPARE(c.value(u"Progress").toString(), u"0%"_qs);
    QCOMPARE(c.value(u"CreationTime").toString(), u"2026-03-01T08:00:00Z"_qs);
    QVERIFY(c.value(u"ContainerGroupId").toString().startsWith(u"eci-"));

    advance(1000 + 1000);
    c = describeOne(id);
    QCOMPARE(c.value(u"Status").toString(), u"Creating"_qs);
    const int first = c.value(u"Progress").toString().chopped(1).toInt();
    advance(2000);
    c = describeOne(id);
    QCOMPARE(c.value(u"Status").toString(), u"Creating"_qs);
    const int second = c.value(u"Progress").toString().chopped(1).toInt();
    QVERIFY2(second > first, qPrintable(QStringLiteral("%1 -> %2").arg(first).arg(second)));
    QVERIFY(c.value(u"SnapshotId").toString().isEmpty());

    advance(2000);
    c = describeOne(id);
    QCOMPARE(c.value(u"Status").toString(), u"Ready"_qs);
    QCOMPARE(c.value(u"Progress").toString(), u"100%"_qs);
    QVERIFY(c.value(u"SnapshotId").toString().startsWith(u"s-"));
    const auto events = c.value(u"Events").toArray();
    QVERIFY(events.size() >= 6);
    const auto e0 = events.first().toObject();
    QCOMPARE(e0.value(u"Type").toString(), u"Normal"_qs);
    QCOMPARE(e0.value(u"Message").toString(), u"Successfully check image cache resource."_qs);
    QCOMPARE(e0.value(u"Count").toInt(), 1);
    QVERIFY(e0.value(u"Name").toString().startsWith(u"lifecycle."));
    for (const auto key : {u"Reason", u"FirstTimestamp", u"LastTimestamp"})
        QVERIFY(e0.contains(QStringView(key).toString()));
    int pulled = 0;
    for (const auto &e : events)
        pulled += e.toObject().value(u"Reason").toString() == u"Pulled";
    QCOMPARE(pulled, 2);
    QCOMPARE(c.value(u"Tags").toArray().first().toObject().value(u"Key").toString(), u"env"_qs);
    for (const auto key : {u"ExpireDateTime", u"LastMatchedTime", u"ResourceGroupId",
                           u"ImageCacheSize", u"EliminationStrategy", u"RegionId", u"Images"})
        QVERIFY2(c.contains(QStringView(key).toString()), qPrintable(QStringView(key).toString()));
    QVERIFY(!c.contains(u"FlashSnapshotId")); // Flash only
}

void tst_Emulator::alibabaListingIsCanonicalJson()
{
    // The listing is written by hand: it must be what QJsonDocument would write (valid JSON,
    // sorted keys, compact), whatever the strings hold.
    const QString tricky = u"say \"hi\" \\ back\nslash\t\x01 \u7f13\u5b58 \U0001F680 </end>"_qs;
    const auto id
        = createAlibaba(u"canonical"_qs, {u"nginx:1.25"_qs, u"redis:7"_qs},
                        {{{"Key", "note"}, {"Value", tricky.toUtf8()}}, {{"Key", "env"}}});
    QVERIFY(!id.isEmpty());
    for (const qint64 step : {0, 2500, 10000}) {
        advance(step);
        const auto r = call("DescribeImageCaches", net::RpcParams().add("ImageCacheId", id));
        QCOMPARE(r.status, 200);
        QCOMPARE(QJsonDocument::fromJson(r.body).toJson(QJsonDocument::Compact), r.body);
    }
    const auto c = describeOne(id);
    QCOMPARE(c.value(u"Status").toString(), u"Ready"_qs);
    const auto tags = c.value(u"Tags").toArray();
    QCOMPARE(tags.size(), 2);
    QCOMPARE(tags.at(0).toObject().value(u"Value").toString(), tricky);
    QCOMPARE(tags.at(1).toObject().value(u"Value").toString(), QString());
    QCOMPARE(c.value(u"Images").toArray().size(), 2);
    QVERIFY(c.value(u"Events").toArray().size() >= 6);
}

void tst_Emulator::unknownPublicImagesAreSynthesised()
{
    // Any well-formed public reference builds, with the same facts every run.
    const auto &catalog = emulator::Catalog::instance();
    QVERIFY(!catalog.find(u"nginx:1.27"_qs));
    const auto first = catalog.lookup(u"nginx:1.27"_qs);
    const auto again = catalog.lookup(u"docker.io/library/nginx:1.27"_qs);
    QVERIFY(first && again);
    QCOMPARE(first->digest, again->digest);
    QCOMPARE(first->layers, again->layers);
    QCOMPARE(first->compressedSize, again->compressedSize);
    QVERIFY(first->layers.size() >= 2 && first->layers.size() <= 8);
    QVERIFY(first->size > first->compressedSize && first->compressedSize > 0);
    QVERIFY(!first->isPrivate && !first->os.isEmpty());
    const auto other = catalog.lookup(u"ghcr.io/acme/tool:0.3"_qs);
    QVERIFY(other && other->digest != first->digest);
    // Configured missing and malformed references are still not found.
    QVERIFY(!catalog.lookup(u"registry-vpc.cn-hangzhou.aliyuncs.com/eci_open/nope:1"_qs));
    QVERIFY(!catalog.lookup(u"Not//A:Reference"_qs));

    const auto ali = createAlibaba(u"typed-in"_qs, {u"nginx:1.27"_qs});
    const auto hw = createHuawei(hwBody(u"typed-in"_qs, {u"nginx:1.27"_qs}));
    QCOMPARE(hw.status, 201);
    advance(7000);
    QCOMPARE(describeOne(ali).value(u"Status").toString(), u"Ready"_qs);
    const auto id = hw.json().value(u"image_cache").toObject().value(u"id").toString();
    QCOMPARE(send(huawei("GET", u"/v5/imagecaches/"_qs + id))
                 .json()
                 .value(u"image_cache")
                 .toObject()
                 .value(u"status")
                 .toString(),
             u"Available"_qs);
}

void tst_Emulator::alibabaFailedPull()
{
    const auto missing = createAlibaba(
        u"missing"_qs, {u"registry-vpc.cn-hangzhou.aliyuncs.com/eci_open/nope:1"_qs});
    const auto privateNoCred = createAlibaba(
        u"private"_qs, {u"registry.cn-hangzhou.aliyuncs.com/demo-ns/ml-training:1.4.0"_qs});
    advance(7000);
    const auto a = describeOne(missing);
    QCOMPARE(a.value(u"Status").toString(), u"Failed"_qs);
    const auto last = a.value(u"Events").toArray().last().toObject();
    QCOMPARE(last.value(u"Type").toString(), u"Warning"_qs);
    QVERIFY(last.value(u"Message").toString().contains(u"not found"));
    const auto b = describeOne(privateNoCred);
    QCOMPARE(b.value(u"Status").toString(), u"Failed"_qs);
    QVERIFY(b.value(u"Events")
                .toArray()
                .last()
                .toObject()
                .value(u"Message")
                .toString()
                .contains(u"unauthorized"));
    // Failed caches are removed after one day.
    advance(24LL * 3600 * 1000 + 1000);
    QVERIFY(describeOne(missing).isEmpty());
}

void tst_Emulator::alibabaClientToken()
{
    auto create = [this](const QString &name) {
        return call("CreateImageCache", net::RpcParams()
                                            .add("ImageCacheName", name)
                                            .addList("Image", {u"redis:7"_qs})
                                            .add("SecurityGroupId", u"sg-1"_qs)
                                            .add("VSwitchId", u"vsw-1"_qs)
                                            .add("ClientToken", u"token-123"_qs));
    };
    const auto first = create(u"idem"_qs);
    const auto second = create(u"idem"_qs);
    QCOMPARE(first.status, 200);
    QCOMPARE(second.status, 200);
    QCOMPARE(second.json().value(u"ImageCacheId"), first.json().value(u"ImageCacheId"));
    QCOMPARE(second.json().value(u"ContainerGroupId"), first.json().value(u"ContainerGroupId"));
    QCOMPARE(call("DescribeImageCaches", net::RpcParams()).json().value(u"TotalCount").toInt(), 1);
    const auto mismatch = create(u"other-name"_qs);
    QCOMPARE(mismatch.status, 400);
    QCOMPARE(mismatch.json().value(u"Code").toString(), u"IdempotentParameterMismatch"_qs);
}

void tst_Emulator::alibabaValidation()
{
    auto p = net::RpcParams()
                 .addList("Image", {u"redis:7"_qs})
                 .add("SecurityGroupId", u"sg-1"_qs)
                 .add("VSwitchId", u"vsw-1"_qs);
    auto r = call("CreateImageCache", p);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(u"Code").toString(), u"MissingParameter"_qs);
    QVERIFY(r.json().value(u"Message").toString().contains(u"ImageCacheName"));

    r = call("CreateImageCache", net::RpcParams()
                                     .add("ImageCacheName", u"x"_qs)
                                     .add("SecurityGroupId", u"sg-1"_qs)
                                     .add("VSwitchId", u"vsw-1"_qs));
    QVERIFY(r.json().value(u"Message").toString().contains(u"Image"));
    r = call("CreateImageCache", net::RpcParams()
                                     .add("ImageCacheName", u"x"_qs)
                                     .addList("Image", {u"redis:7"_qs})
                                     .add("VSwitchId", u"vsw-1"_qs));
    QVERIFY(r.json().value(u"Message").toString().contains(u"SecurityGroupId"));

    p.add("ImageCacheName", u"x"_qs).add("ImageCacheSize", 5);
    r = call("CreateImageCache", p);
    QCOMPARE(r.json().value(u"Code").toString(), u"InvalidParameter"_qs);
    QVERIFY(r.json().value(u"Message").toString().contains(u"ImageCacheSize"));

    auto noRegion = send(alibaba("DescribeImageCaches", net::RpcParams()));
    QCOMPARE(noRegion.json().value(u"Code").toString(), u"MissingParameter"_qs);
    QVERIFY(noRegion.json().value(u"Message").toString().contains(u"RegionId"));
}

void tst_Emulator::alibabaPaging()
{
    m_emu->addAlibabaCaches(kRegion, 25);
    QSet<QString> seen;
    QString token;
    int pages = 0;
    do {
        auto p = net::RpcParams().add("Limit", 10);
        if (!token.isEmpty())
            p.add("NextToken", token);
        const auto r = call("DescribeImageCaches", p);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(u"TotalCount").toInt(), 25);
        const auto list = caches(r);
        QCOMPARE(list.size(), pages < 2 ? 10 : 5);
        for (const auto &c : list) {
            const auto id = c.toObject().value(u"ImageCacheId").toString();
            QVERIFY2(!seen.contains(id), qPrintable(id));
            seen.insert(id);
        }
        token = r.json().value(u"NextToken").toString();
        ++pages;
    } while (!token.isEmpty() && pages < 10);
    QCOMPARE(pages, 3);
    QCOMPARE(seen.size(), 25);
    const auto bad = call("DescribeImageCaches", net::RpcParams().add("NextToken", u"garbage"_qs));
    QCOMPARE(bad.status, 400);

    // Deleting the last cache of a page between two calls neither repeats nor skips any.
    const auto page1 = call("DescribeImageCaches", net::RpcParams().add("Limit", 10));
    const auto anchor = caches(page1).last().toObject().value(u"ImageCacheId").toString();
    QCOMPARE(call("DeleteImageCache", net::RpcParams().add("ImageCacheId", anchor)).status, 200);
    const auto page2 = call("DescribeImageCaches",
                            net::RpcParams()
                                .add("Limit", 10)
                                .add("NextToken", page1.json().value(u"NextToken").toString()));
    QCOMPARE(page2.json().value(u"TotalCount").toInt(), 24);
    QCOMPARE(caches(page2).size(), 10);
    const auto all = call("DescribeImageCaches", net::RpcParams().add("Limit", 100));
    QCOMPARE(caches(page2).first(), caches(all).at(9));
}

void tst_Emulator::alibabaPagingLarge()
{
    m_emu->addAlibabaCaches(kRegion, 5000);
    QElapsedTimer timer;
    timer.start();
    QSet<QString> seen;
    QString token;
    int pages = 0;
    do {
        auto p = net::RpcParams().add("Limit", 100);
        if (!token.isEmpty())
            p.add("NextToken", token);
        const auto r = call("DescribeImageCaches", p);
        QCOMPARE(r.status, 200);
        for (const auto &c : caches(r))
            seen.insert(c.toObject().value(u"ImageCacheId").toString());
        token = r.json().value(u"NextToken").toString();
        ++pages;
    } while (!token.isEmpty() && pages < 100);
    QCOMPARE(pages, 50);
    QCOMPARE(seen.size(), 5000);
    qDebug("50 pages over 5000 caches: %lld ms (server %lld ms)", timer.elapsed(),
           m_emu->serverNanoseconds() / 1000000);
}

void tst_Emulator::alibabaFilters()
{
    const auto nginx
        = createAlibaba(u"nginx-cache"_qs,
                        {u"registry-vpc.cn-hangzhou.aliyuncs.com/eci_open/nginx:1.15.10-perl"_qs},
                        {{{"Key", "team"}, {"Value", "web"}}});
    const auto redis
        = createAlibaba(u"redis-cache"_qs, {u"redis:7"_qs}, {{{"Key", "team"}, {"Value", "data"}}},
                        u"ResourceGroupId"_qs, u"rg-data"_qs);
    advance(10000);
    auto ids = [](const Response &r) {
        QStringList list;
        for (const auto &c : caches(r))
            list.append(c.toObject().value(u"ImageCacheId").toString());
        return list;
    };
    QCOMPARE(
        ids(call("DescribeImageCaches", net::RpcParams().add("ImageCacheName", u"redis-cache"_qs))),
        QStringList{redis});
    QCOMPARE(ids(call("DescribeImageCaches",
                      net::RpcParams().addObjects("Tag", {{{"Key", "team"}, {"Value", "web"}}}))),
             QStringList{nginx});
    QCOMPARE(ids(call("DescribeImageCaches", net::RpcParams().add("Image", u"redis:7"_qs))),
             QStringList{redis});
    QCOMPARE(
        ids(call("DescribeImageCaches", net::RpcParams().add("ResourceGroupId", u"rg-data"_qs))),
        QStringList{redis});
    const auto snapshot = describeOne(nginx).value(u"SnapshotId").toString();
    QCOMPARE(ids(call("DescribeImageCaches", net::RpcParams().add("SnapshotId", snapshot))),
             QStringList{nginx});

    // python:3.12-slim shares its Debian base layer with redis:7 but no other layer.
    const auto partial = call("DescribeImageCaches",
                              net::RpcParams().addList("MatchImage", {u"python:3.12-slim"_qs}));
    QCOMPARE(ids(partial), QStringList{redis});
    QVERIFY(!caches(partial).first().toObject().value(u"LastMatchedTime").toString().isEmpty());
    QVERIFY(ids(call("DescribeImageCaches", net::RpcParams()
                                                .addList("MatchImage", {u"python:3.12-slim"_qs})
                                                .addBool("ImageFullMatch", true)))
                .isEmpty());
    QCOMPARE(ids(call("DescribeImageCaches", net::RpcParams()
                                                 .addList("MatchImage", {u"redis:7"_qs})
                                                 .addBool("ImageFullMatch", true))),
             QStringList{redis});
    QCOMPARE(
        ids(call("DescribeImageCaches",
                 net::RpcParams()
                     .addList(
                         "MatchImage",
                         {u"redis:7"_qs,
                          u"registry-vpc.cn-hangzhou.aliyuncs.com/eci_open/nginx:1.15.10-perl"_qs})
                     .add("ImageMatchCountRequest", 1)))
            .size(),
        1);
}

void tst_Emulator::alibabaUpdateOnlyFromReady()
{
    const auto id = createAlibaba(u"upd"_qs, {u"redis:7"_qs});
    auto update = [this, &id](const QStringList &images) {
        return call("UpdateImageCache",
                    net::RpcParams().add("ImageCacheId", id).addList("Image", images));
    };
    const auto early = update({u"python:3.12-slim"_qs});
    QCOMPARE(early.status, 403);
    QCOMPARE(early.json().value(u"Code").toString(), u"IncorrectImageCacheStatus"_qs);

    advance(6000);
    QCOMPARE(update({u"redis:7"_qs, u"python:3.12-slim"_qs}).status, 200);
    QCOMPARE(describeOne(id).value(u"Status").toString(), u"Updating"_qs);
    QCOMPARE(update({u"redis:7"_qs}).status, 403);
    advance(3000);
    auto c = describeOne(id);
    QCOMPARE(c.value(u"Status").toString(), u"Ready"_qs);
    QCOMPARE(c.value(u"Images").toArray().size(), 2);

    QCOMPARE(update({u"registry-vpc.cn-hangzhou.aliyuncs.com/eci_open/nope:1"_qs}).status, 200);
    advance(3000);
    c = describeOne(id);
    QCOMPARE(c.value(u"Status").toString(), u"UpdateFailed"_qs);
    QCOMPARE(c.value(u"Events").toArray().last().toObject().value(u"Type").toString(),
             u"Warning"_qs);
    // UpdateFailed may be updated again.
    QCOMPARE(update({u"redis:7"_qs}).status, 200);
    const auto unknown
        = call("UpdateImageCache", net::RpcParams().add("ImageCacheId", u"imc-nope"_qs));
    QCOMPARE(unknown.status, 404);
}

void tst_Emulator::alibabaDelete()
{
    const auto id = createAlibaba(u"del"_qs, {u"redis:7"_qs});
    const auto r = call("DeleteImageCache", net::RpcParams().add("ImageCacheId", id));
    QCOMPARE(r.status, 200);
    QVERIFY(!r.json().value(u"RequestId").toString().isEmpty());
    QVERIFY(describeOne(id).isEmpty());
    const auto again = call("DeleteImageCache", net::RpcParams().add("ImageCacheId", id));
    QCOMPARE(again.status, 404);
    QCOMPARE(again.json().value(u"Code").toString(), u"InvalidImageCacheId.NotFound"_qs);

    // A retry with the same ClientToken (its first answer lost) succeeds again.
    const auto other = createAlibaba(u"del2"_qs, {u"redis:7"_qs});
    const auto withToken = [&] {
        return call(
            "DeleteImageCache",
            net::RpcParams().add("ImageCacheId", other).add("ClientToken", u"tok-delete-1"_qs));
    };
    QCOMPARE(withToken().status, 200);
    QCOMPARE(withToken().status, 200);
    const auto mismatch
        = call("DeleteImageCache",
               net::RpcParams().add("ImageCacheId", id).add("ClientToken", u"tok-delete-1"_qs));
    QCOMPARE(mismatch.status, 400);
    QCOMPARE(mismatch.json().value(u"Code").toString(), u"IdempotentParameterMismatch"_qs);
}

void tst_Emulator::alibabaLruElimination()
{
    Options options;
    options.alibabaQuota = 2;
    start(options);
    const auto a
        = createAlibaba(u"a"_qs, {u"redis:7"_qs}, {}, u"EliminationStrategy"_qs, u"LRU"_qs);
    advance(1000);
    const auto b = createAlibaba(u"b"_qs, {u"python:3.12-slim"_qs}, {}, u"EliminationStrategy"_qs,
                                 u"LRU"_qs);
    advance(10000);
    // Matching `a` makes `b` the least recently used.
    QCOMPARE(caches(call("DescribeImageCaches", net::RpcParams()
                                                    .addList("MatchImage", {u"redis:7"_qs})
                                                    .addBool("ImageFullMatch", true)))
                 .size(),
             1);
    const auto c = createAlibaba(u"c"_qs, {u"redis:7"_qs});
    QVERIFY(!c.isEmpty());
    QVERIFY(!describeOne(a).isEmpty());
    QVERIFY(describeOne(b).isEmpty());
    // Now a (LRU) would go next; with c not evictable and a evicted, d fits.
    QVERIFY(!createAlibaba(u"d"_qs, {u"redis:7"_qs}).isEmpty());
    QVERIFY(describeOne(a).isEmpty());
    const auto full = call("CreateImageCache", net::RpcParams()
                                                   .add("ImageCacheName", u"e"_qs)
                                                   .addList("Image", {u"redis:7"_qs})
                                                   .add("SecurityGroupId", u"sg-1"_qs)
                                                   .add("VSwitchId", u"vsw-1"_qs));
    QCOMPARE(full.status, 400);
    QCOMPARE(full.json().value(u"Code").toString(), u"QuotaExceeded.ImageCache"_qs);
}

void tst_Emulator::ehpcListAndGet()
{
    const auto all = call("ListImages", net::RpcParams().add("PageSize", 2), "2023-07-01");
    QCOMPARE(all.status, 200);
    const int total = all.json().value(u"TotalCount").toInt();
    QVERIFY(total >= 4);
    QCOMPARE(all.json().value(u"Images").toArray().size(), 2);
    QSet<QString> seen;
    for (int page = 1; (page - 1) * 2 < total; ++page) {
        const auto r
            = call("ListImages", net::RpcParams().add("PageSize", 2).add("PageNumber", page),
                   "2023-07-01");
        QCOMPARE(r.json().value(u"PageNumber").toInt(), page);
        for (const auto &i : r.json().value(u"Images").toArray())
            seen.insert(i.toObject().value(u"ImageId").toString());
    }
    QCOMPARE(seen.size(), total);
    const auto containers
        = call("ListImages", net::RpcParams().add("ImageType", u"Container"_qs), "2023-07-01");
    for (const auto &i : containers.json().value(u"Images").toArray())
        QCOMPARE(i.toObject().value(u"ImageType").toString(), u"Container"_qs);
    const auto byId
        = call("ListImages", net::RpcParams().addJson("ImageIds", R"(["m-ehpcmltraining0001"])"),
               "2023-07-01");
    QCOMPARE(byId.json().value(u"TotalCount").toInt(), 1);
    QCOMPARE(call("ListImages", net::RpcParams().add("ImageIds", u"not-json"_qs), "2023-07-01")
                 .json()
                 .value(u"Code")
                 .toString(),
             u"InvalidParams"_qs);

    const auto got = call("GetImage",
                          net::RpcParams()
                              .add("ImageId", u"m-ehpcmltraining0001"_qs)
                              .add("ImageType", u"Container"_qs),
                          "2023-07-01");
    QCOMPARE(got.status, 200);
    QCOMPARE(got.json().value(u"Success").toBool(), true);
    const auto image = got.json().value(u"Image").toObject();
    for (const auto key : {u"ImageType", u"AppId", u"Name", u"Version", u"Description", u"Size",
                           u"CreateTime", u"Status", u"ContainerImageSpec", u"VMImageSpec",
                           u"DocumentInfo", u"AdditionalRegionsInfo"})
        QVERIFY2(image.contains(QStringView(key).toString()),
                 qPrintable(QStringView(key).toString()));
    const auto spec = image.value(u"ContainerImageSpec").toObject();
    QCOMPARE(spec.value(u"RegistryUrl").toString(),
             u"registry.cn-hangzhou.aliyuncs.com/demo-ns/ml-training:1.4.0"_qs);
    const auto credential = spec.value(u"RegistryCredential").toObject();
    QCOMPARE(credential.value(u"Server").toString(), u"registry.cn-hangzhou.aliyuncs.com"_qs);
    QVERIFY(
        !credential.value(u"Password").toString().isEmpty()); // as the real API; clients mask it
    QVERIFY(image.value(u"Size").toString().endsWith(u" GiB"));

    const auto vm = call("GetImage",
                         net::RpcParams()
                             .add("ImageId", u"m-2ze74g5mvy4pjg0demo"_qs)
                             .addJson("AdditionalRegionIds", R"(["cn-beijing"])"),
                         "2023-07-01");
    QCOMPARE(vm.json()
                 .value(u"Image")
                 .toObject()
                 .value(u"VMImageSpec")
                 .toObject()
                 .value(u"OsTag")
                 .toString(),
             u"CentOS 7.6 64 bit"_qs);
    QCOMPARE(vm.json()
                 .value(u"Image")
                 .toObject()
                 .value(u"AdditionalRegionsInfo")
                 .toArray()
                 .first()
                 .toObject()
                 .value(u"RegionId")
                 .toString(),
             u"cn-beijing"_qs);

    const auto missing
        = call("GetImage", net::RpcParams().add("ImageId", u"m-missing"_qs), "2023-07-01");
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.json().value(u"Code").toString(), u"ImageNotFound"_qs);
}

void tst_Emulator::ehpcAddRemove()
{
    const auto added = call("AddImage",
                            net::RpcParams()
                                .add("Name", u"my-app"_qs)
                                .add("ImageVersion", u"2.0"_qs)
                                .addJson("ContainerImageSpec", R"({"RegistryUrl":"redis:7"})"),
                            "2023-07-01");
    QCOMPARE(added.status, 200);
    const auto id = added.json().value(u"ImageId").toString();
    QVERIFY(id.startsWith(u"m-"));
    const auto got = call("GetImage", net::RpcParams().add("ImageId", id), "2023-07-01");
    QCOMPARE(got.json().value(u"Image").toObject().value(u"Name").toString(), u"my-app"_qs);
    QCOMPARE(call("RemoveImage", net::RpcParams().add("ImageId", id), "2023-07-01").status, 200);
    QCOMPARE(call("GetImage", net::RpcParams().add("ImageId", id), "2023-07-01").status, 404);
    QCOMPARE(call("AddImage", net::RpcParams().add("ImageVersion", u"1"_qs), "2023-07-01")
                 .json()
                 .value(u"Code")
                 .toString(),
             u"InvalidParams"_qs);
}

// --- Faults, admin, state ---------------------------------------------------------------------

void tst_Emulator::faultRuleParsing()
{
    auto rule = FaultRule::parse(u"throttle@DescribeImageCaches%0.5"_qs);
    QVERIFY(rule);
    QCOMPARE(rule->kind, FaultRule::Kind::Throttle);
    QCOMPARE(rule->match, u"DescribeImageCaches"_qs);
    QCOMPARE(rule->fraction, 0.5);
    rule = FaultRule::parse(u"error5xx:502@/v5/imagecaches#3"_qs);
    QVERIFY(rule);
    QCOMPARE(rule->status, 502);
    QCOMPARE(rule->count, 3);
    QCOMPARE(FaultRule::parse(rule->toString())->toString(), rule->toString());
    QCOMPARE(FaultRule::parse(u"latency:800"_qs)->latencyMs, 800);
    QString error;
    QVERIFY(!FaultRule::parse(u"latency"_qs, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!FaultRule::parse(u"explode"_qs));
    QVERIFY(!FaultRule::parse(u"error5xx:404"_qs));
    QVERIFY(!FaultRule::parse(u"stall%1.5"_qs));

    // Fractions are deterministic for a seed and roughly honoured.
    FaultInjector a, b;
    a.addRule(*FaultRule::parse(u"reset%0.5"_qs));
    b.addRule(*FaultRule::parse(u"reset%0.5"_qs));
    int hits = 0;
    for (int i = 0; i < 200; ++i) {
        const bool ha = a.decide(u"/"_qs, {}).fault.has_value();
        QCOMPARE(b.decide(u"/"_qs, {}).fault.has_value(), ha);
        hits += ha;
    }
    QVERIFY2(hits > 60 && hits < 140, qPrintable(QString::number(hits)));
}

void tst_Emulator::faultsSeenByRawClient()
{
    auto *faults = m_emu->faults();
    auto once = [faults](const QString &text) {
        faults->addRule(*FaultRule::parse(text + u"#1"_qs));
    };
    auto describe = [this] {
        return alibaba("DescribeImageCaches", net::RpcParams().add("RegionId", kRegion));
    };

    once(u"latency:300@DescribeImageCaches"_qs);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(send(describe()).status, 200);
    QVERIFY(timer.elapsed() >= 290);

    once(u"error5xx@/v5/imagecaches"_qs);
    auto r = send(huawei("GET", u"/v5/imagecaches"_qs));
    QCOMPARE(r.status, 503);
    QVERIFY(r.json().value(u"error_code").toString().startsWith(u"APIGW."));
    once(u"error5xx@DescribeImageCaches"_qs);
    r = send(describe());
    QCOMPARE(r.status, 503);
    QCOMPARE(r.json().value(u"Code").toString(), u"ServiceUnavailable"_qs);

    once(u"throttle@/v5/"_qs);
    r = send(huawei("GET", u"/v5/imagecaches"_qs));
    QCOMPARE(r.status, 429);
    QCOMPARE(r.json().value(u"error_code").toString(), u"APIGW.0308"_qs);
    once(u"throttle@DescribeImageCaches"_qs);
    r = send(describe());
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(u"Code").toString(), u"Throttling.User"_qs);
    QCOMPARE(r.header("x-acs-retry-after"), QByteArray("200"));

    once(u"malformed"_qs);
    r = send(describe());
    QCOMPARE(r.status, 200);
    QJsonParseError parseError;
    QJsonDocument::fromJson(r.body, &parseError);
    QVERIFY(parseError.error != QJsonParseError::NoError);

    once(u"truncate"_qs);
    r = send(describe());
    QVERIFY2(r.error != QNetworkReply::NoError, r.body); // fewer bytes than Content-Length

    // QNAM silently resends a request whose connection closed before any byte came back, so
    // a one-shot reset is invisible to it: keep resetting until the client gives up.
    const int resetRule = faults->addRule(*FaultRule::parse(u"reset"_qs));
    r = send(describe());
    QVERIFY(r.error != QNetworkReply::NoError);
    QCOMPARE(r.status, 0);
    QVERIFY(faults->removeRule(resetRule));

    once(u"stall"_qs);
    timer.restart();
    r = send(describe(), 500);
    QVERIFY(r.error != QNetworkReply::NoError);
    QCOMPARE(r.status, 0);

    // The rules were one-shot: everything answers normally again.
    QCOMPARE(send(describe()).status, 200);
    QCOMPARE(send(huawei("GET", u"/v5/imagecaches"_qs)).status, 200);
    QVERIFY(faults->rules().isEmpty());
    QVERIFY(faults->injectedCount() >= 9);
}

void tst_Emulator::adminEndpoint()
{
    net::HttpRequest add;
    add.method = "POST";
    add.url = QUrl(m_emu->baseUrl().toString() + u"/_emulator/faults"_qs);
    add.setHeader("Content-Type", "application/json");
    add.body = R"({"kind":"throttle","match":"/v5/imagecaches","count":1})";
    QCOMPARE(send(add).status, 201);
    QCOMPARE(send(huawei("GET", u"/v5/imagecaches"_qs)).status, 429);
    QCOMPARE(send(huawei("GET", u"/v5/imagecaches"_qs)).status, 200);

    add.body = R"({"kind":"stall"})";
    QCOMPARE(send(add).status, 201);
    add.body = R"({"kind":"bogus"})";
    QCOMPARE(send(add).status, 400);
    net::HttpRequest clear;
    clear.method = "DELETE";
    clear.url = add.url;
    QCOMPARE(send(clear).status, 204);
    QCOMPARE(send(huawei("GET", u"/v5/imagecaches"_qs)).status, 200);

    net::HttpRequest state;
    state.url = QUrl(m_emu->baseUrl().toString() + u"/_emulator/state"_qs);
    const auto s = send(state);
    QCOMPARE(s.status, 200);
    QVERIFY(s.json().value(u"handledRequests").toInteger() >= 6);
    QVERIFY(s.json().contains(u"huawei"));
    QVERIFY(m_emu->serverNanoseconds() > 0);
}

void tst_Emulator::stateFileRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Options options;
    options.stateFile = dir.filePath(u"state.json"_qs);
    start(options);
    QCOMPARE(createHuawei(hwBody(u"kept"_qs, {u"busybox"_qs})).status, 201);
    const auto created
        = call("CreateImageCache", net::RpcParams()
                                       .add("ImageCacheName", u"kept-ali"_qs)
                                       .addList("Image", {u"registry.example.com/ns/app:1.0"_qs})
                                       .add("SecurityGroupId", u"sg-1"_qs)
                                       .add("VSwitchId", u"vsw-1"_qs)
                                       .addObjects("ImageRegistryCredential",
                                                   {{{"Server", "registry.example.com"},
                                                     {"UserName", "puller"},
                                                     {"Password", "very-secret-registry-pw"}}}));
    const auto id = created.json().value(u"ImageCacheId").toString();
    QVERIFY(!id.isEmpty());
    QVERIFY(m_emu->stateError().isEmpty());
    m_emu.reset();

    QFile file(options.stateFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto saved = file.readAll();
    QVERIFY(saved.contains("kept-ali"));
    QVERIFY(!saved.contains("very-secret-registry-pw")); // secrets never reach the disk

    start(options);
    const auto list = send(huawei("GET", u"/v5/imagecaches?name=kept"_qs));
    QCOMPARE(list.json().value(u"image_caches").toArray().size(), 1);
    QCOMPARE(describeOne(id).value(u"ImageCacheName").toString(), u"kept-ali"_qs);
    advance(10000);
    QCOMPARE(describeOne(id).value(u"Status").toString(), u"Ready"_qs);
}

void tst_Emulator::demoData()
{
    Options options;
    options.demoData = true;
    m_now = QDateTime::currentDateTimeUtc();
    start(options);
    QSet<QString> statuses;
    for (const auto &c : caches(call("DescribeImageCaches", net::RpcParams().add("Limit", 100))))
        statuses.insert(c.toObject().value(u"Status").toString());
    for (const auto s : {u"Ready", u"Creating", u"Failed", u"Updating"})
        QVERIFY2(statuses.contains(QStringView(s).toString()),
                 qPrintable(QStringView(s).toString()));
    QSet<QString> huaweiStatuses;
    for (const auto &c :
         send(huawei("GET", u"/v5/imagecaches"_qs)).json().value(u"image_caches").toArray())
        huaweiStatuses.insert(c.toObject().value(u"status").toString());
    for (const auto s : {u"Available", u"Creating", u"Failed", u"Unavailable"})
        QVERIFY2(huaweiStatuses.contains(QStringView(s).toString()),
                 qPrintable(QStringView(s).toString()));
}

void tst_Emulator::executable()
{
    QTemporaryDir dir;
    const auto stateFile = dir.filePath(u"cli-state.json"_qs);
    QProcess process;
    process.start(QStringLiteral(EMULATOR_BINARY),
                  {u"--port"_qs, u"0"_qs, u"--state"_qs, stateFile, u"--demo-data"_qs,
                   u"--fault"_qs, u"throttle@/v5/imagecaches#1"_qs});
    QVERIFY(process.waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 10000);
    const auto line = QString::fromUtf8(process.readLine()).trimmed();
    static const QRegularExpression pattern(
        QStringLiteral(R"(^imagecache-emulator listening on (http://127\.0\.0\.1:\d+)$)"));
    const auto match = pattern.match(line);
    QVERIFY2(match.hasMatch(), qPrintable(line));

    net::HttpRequest request;
    request.url = QUrl(match.captured(1) + u"/v5/imagecaches"_qs);
    QCOMPARE(send(request).status, 429); // the --fault rule
    request.url = QUrl(match.captured(1) + u"/_emulator/state"_qs);
    const auto state = send(request);
    QCOMPARE(state.json().value(u"alibaba").toObject().value(u"caches").toInt(), 6);

    process.terminate(); // SIGTERM
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(process.readAllStandardOutput().isEmpty()); // exactly one line
    QVERIFY(QFile::exists(stateFile));

    QProcess bad;
    bad.start(QStringLiteral(EMULATOR_BINARY), {u"--fault"_qs, u"explode"_qs});
    QVERIFY(bad.waitForFinished(10000));
    QCOMPARE(bad.exitCode(), 2);
    QVERIFY(bad.readAllStandardError().contains("unknown fault kind"));
}

QTEST_GUILESS_MAIN(tst_Emulator)
#include "tst_emulator.moc"
