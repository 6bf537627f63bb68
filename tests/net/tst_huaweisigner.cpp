#include "net/huaweisigner.h"
#include "net/percentencoding.h"

#include <QCryptographicHash>
#include <QTest>

using net::HeaderList;
using net::HttpRequest;
using net::HuaweiSigner;
using net::SignatureCheck;

namespace {

// Common inputs of the Huawei signing vectors.
const QByteArray Ak = "HPUAEXAMPLEAK0000001";
const QByteArray Sk = "exampleSecretKey0123456789abcdefEXAMPLE0";
const QByteArray SdkDate = "20250101T120000Z";
const QDateTime SignTime(QDate(2025, 1, 1), QTime(12, 0, 0), Qt::UTC);

const QByteArray V2Body
    = R"({"name":"test-imagecache1","images":["swr.ap-southeast-1.myhuaweicloud.com/test/nginx:v1","busybox:latest"],"image_cache_size":25,"retention_days":7,"building_config":{"cluster":"8b3b4b2d-e39d-11ef-a9ac-0255ac100113","image_pull_secrets":["default:default-secret"]}})";

// "Name: value" lines → header list, in order.
HeaderList headersFrom(const QStringList &lines)
{
    HeaderList headers;
    for (const QString &line : lines) {
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        headers.append({line.left(colon).toUtf8(), line.mid(colon + 1).trimmed().toUtf8()});
    }
    return headers;
}

QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

// What the server sees: the request's headers plus the Host QNAM puts on the wire.
SignatureCheck verifySent(const HttpRequest &request, const QByteArray &secret,
                          const QDateTime &now, const QByteArray &host)
{
    HeaderList headers = request.headers;
    if (!net::hasHeader(headers, "Host"))
        headers.append({"Host", host});
    const auto lookup = [&](const QByteArray &ak) -> std::optional<QByteArray> {
        if (ak == Ak)
            return secret;
        return std::nullopt;
    };
    return HuaweiSigner::verify(request.method, request.url.path(QUrl::FullyEncoded).toUtf8(),
                                request.url.query(QUrl::FullyEncoded).toUtf8(), headers,
                                request.body, lookup, now);
}

} // namespace

class TestHuaweiSigner final : public QObject
{
    Q_OBJECT
private slots:
    void canonicalUri_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("canonical");
        QTest::newRow("trailing slash appended")
            << QByteArray("/v5/imagecaches") << QByteArray("/v5/imagecaches/");
        QTest::newRow("trailing slash kept")
            << QByteArray("/v5/imagecaches/") << QByteArray("/v5/imagecaches/");
        QTest::newRow("empty") << QByteArray() << QByteArray("/");
        QTest::newRow("root") << QByteArray("/") << QByteArray("/");
        QTest::newRow("encoded space") << QByteArray("/a%20b/c") << QByteArray("/a%20b/c/");
        QTest::newRow("raw space") << QByteArray("/a b") << QByteArray("/a%20b/");
        QTest::newRow("encoded slash in segment") << QByteArray("/a%2Fb") << QByteArray("/a%2Fb/");
        QTest::newRow("needless escape undone") << QByteArray("/a%7eb%2d") << QByteArray("/a~b-/");
        QTest::newRow("utf-8 segment")
            << QByteArray("/v5/%e4%b8%80/x") << QByteArray("/v5/%E4%B8%80/x/");
        QTest::newRow("star and colon escaped")
            << QByteArray("/a*b:c") << QByteArray("/a%2Ab%3Ac/");
        QTest::newRow("empty segments kept") << QByteArray("/a//b") << QByteArray("/a//b/");
        QTest::newRow("V1 path")
            << QByteArray("/v5/0123456789abcdef0123456789abcdef/image/abc123/basic-image")
            << QByteArray("/v5/0123456789abcdef0123456789abcdef/image/abc123/basic-image/");
    }
    void canonicalUri()
    {
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, canonical);
        QCOMPARE(HuaweiSigner::canonicalUri(path), canonical);
    }

    void canonicalQuery_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QByteArray>("canonical");
        QTest::newRow("none") << QByteArray() << QByteArray();
        QTest::newRow("key alone") << QByteArray("k") << QByteArray("k=");
        QTest::newRow("sorted by key then value")
            << QByteArray("b=2&a=1&a=") << QByteArray("a=&a=1&b=2");
        QTest::newRow("V1 query")
            << QByteArray("offset=0&limit=200&image_type=private_image&namespace=scc%20hss&image_"
                          "name=proxy-agent&enterprise_project_id=all_granted_eps")
            << QByteArray("enterprise_project_id=all_granted_eps&image_name=proxy-agent&image_"
                          "type=private_image&limit=200&namespace=scc%20hss&offset=0");
        // The Go SDK vector, arriving with loose wire escaping: decoded first, then re-encoded.
        QTest::newRow("go vector")
            << QByteArray("limit=1&enable=true&test=%E4%B8%80%20(%26%3D%3F!%23%25.*)&path=/tmp/"
                          "123&multi=3&multi=1&multi=2")
            << QByteArray("enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test="
                          "%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29");
    }
    void canonicalQuery()
    {
        QFETCH(QByteArray, query);
        QFETCH(QByteArray, canonical);
        QCOMPARE(HuaweiSigner::canonicalQuery(query), canonical);
    }

    void sdkDate()
    {
        QCOMPARE(HuaweiSigner::sdkDate(SignTime), SdkDate);
        QCOMPARE(HuaweiSigner::sdkDate(QDateTime(QDate(2006, 1, 2), QTime(15, 4, 5), Qt::UTC)),
                 QByteArray("20060102T150405Z"));
        // Converted to UTC whatever the zone of the input.
        const QDateTime plus8 = SignTime.toOffsetFromUtc(8 * 3600);
        QCOMPARE(HuaweiSigner::sdkDate(plus8), SdkDate);
    }

    // Huawei signing vectors, produced by the official Node signer: sign() must give the same
    // header.
    void sdkVectors_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QStringList>("headers");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("canonicalRequest"); // empty when the spec does not give it
        QTest::addColumn<QByteArray>("stringToSignHash"); // empty when the spec does not give it
        QTest::addColumn<QByteArray>("authorization");

        const QString h = QStringLiteral("X-Sdk-Date: ") + QString::fromLatin1(SdkDate);
        QTest::newRow("V1 HSS GET with query")
            << QByteArray("GET")
            << "https://hss.ap-southeast-1.myhuaweicloud.com/v5/0123456789abcdef0123456789abcdef/"
               "image/abc123/basic-image?offset=0&limit=200&image_type=private_image&namespace="
               "scc%20hss&image_name=proxy-agent&enterprise_project_id=all_granted_eps"
            << QStringList{h, "X-Project-Id: 0123456789abcdef0123456789abcdef",
                           "content-type: application/json", "region: ap-southeast-1"}
            << QByteArray()
            << QByteArray("GET\n"
                          "/v5/0123456789abcdef0123456789abcdef/image/abc123/basic-image/\n"
                          "enterprise_project_id=all_granted_eps&image_name=proxy-agent&image_"
                          "type=private_image&limit=200&namespace=scc%20hss&offset=0\n"
                          "content-type:application/json\n"
                          "host:hss.ap-southeast-1.myhuaweicloud.com\n"
                          "region:ap-southeast-1\n"
                          "x-project-id:0123456789abcdef0123456789abcdef\n"
                          "x-sdk-date:20250101T120000Z\n"
                          "\n"
                          "content-type;host;region;x-project-id;x-sdk-date\n"
                          "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
            << QByteArray("68ef89e3a67dc9b02b98dc54803f2e230c59a076baf2c9e76ff2b33353ed2112")
            << QByteArray("SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK0000001, "
                          "SignedHeaders=content-type;host;region;x-project-id;x-sdk-date, "
                          "Signature="
                          "ba73896e1f078c2e570b758a879a43ac72e2b2ad2a83062e8a204de71bda0a0d");
        QTest::newRow("V2 CCE POST JSON")
            << QByteArray("POST") << "https://cce.ap-southeast-1.myhuaweicloud.com/v5/imagecaches"
            << QStringList{h, "content-type: application/json"} << V2Body << QByteArray()
            << QByteArray("673424be7e9293dd1fd44966ba293283037765f5d49de2ac7291618ae6d7df81")
            << QByteArray("SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK0000001, "
                          "SignedHeaders=content-type;host;x-sdk-date, Signature="
                          "e85577aefaef7095bc8dda348947d6a0a870959d80e97ca3d93fe8ce7997df69");
        const QByteArray v3Auth("SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK0000001, "
                                "SignedHeaders=content-type;host;x-sdk-date, Signature="
                                "4eaebbdd5387893875240c1ab187a9a50aba4579f4fe3df10cecdfb8b2f52b49");
        const QByteArray v3Hash("78ecc8b5877ff7c57055ae3d2bf712b447ce741e859a6e501a1951f8276862b9");
        QTest::newRow("V3 path ending in slash")
            << QByteArray("GET")
            << "https://cce.ap-southeast-1.myhuaweicloud.com/v5/imagecaches/?name=test-imagecache1"
            << QStringList{h, "content-type: application/json"} << QByteArray() << QByteArray()
            << v3Hash << v3Auth;
        QTest::newRow("V3b same without slash")
            << QByteArray("GET")
            << "https://cce.ap-southeast-1.myhuaweicloud.com/v5/imagecaches?name=test-imagecache1"
            << QStringList{h, "content-type: application/json"} << QByteArray() << QByteArray()
            << v3Hash << v3Auth;
        QTest::newRow("V4 DELETE")
            << QByteArray("DELETE")
            << "https://cce.ap-southeast-1.myhuaweicloud.com/v5/imagecaches/"
               "c271e39e-1a6e-4d3d-8fa8-2a36329c68d2"
            << QStringList{h, "content-type: application/json"} << QByteArray() << QByteArray()
            << QByteArray()
            << QByteArray("SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK0000001, "
                          "SignedHeaders=content-type;host;x-sdk-date, Signature="
                          "04a7e0d5752e1b4cb4ed3bca353e04c988639ae90e26d966d187667562629d07");
        // The body does not matter with UNSIGNED-PAYLOAD: any bytes give the SDK's signature.
        QTest::newRow("V5 UNSIGNED-PAYLOAD")
            << QByteArray("POST") << "https://cce.ap-southeast-1.myhuaweicloud.com/v5/imagecaches"
            << QStringList{h, "content-type: application/octet-stream",
                           "X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD"}
            << QByteArray("\x00\x01 arbitrary bytes", 18) << QByteArray() << QByteArray()
            << QByteArray("SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK0000001, "
                          "SignedHeaders=content-type;host;x-sdk-content-sha256;x-sdk-date, "
                          "Signature="
                          "128db4a4e4fdeaa1b493306c979054cc1ad17e58b87bbc40ee4a092ca1438a7c");
    }
    void sdkVectors()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, url);
        QFETCH(QStringList, headers);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, canonicalRequest);
        QFETCH(QByteArray, stringToSignHash);
        QFETCH(QByteArray, authorization);

        HttpRequest request;
        request.method = method;
        request.url = QUrl(url);
        request.headers = headersFrom(headers);
        request.body = body;
        HuaweiSigner::sign(request, {Ak, Sk, {}}, SignTime.addDays(3)); // date header wins
        QCOMPARE(request.header("X-Sdk-Date"), SdkDate);
        QCOMPARE(request.header("Authorization"), authorization);

        // compute() over host + the request's own headers yields the same parts.
        QList<QByteArray> names{"host"};
        for (const QString &line : headers)
            names.append(line.section(QLatin1Char(':'), 0, 0).toLower().toUtf8());
        const HuaweiSigner::Parts parts = HuaweiSigner::compute(
            method, QUrl(url), headersFrom(headers), names, body, {Ak, Sk, {}});
        QCOMPARE(parts.authorization, authorization);
        if (!canonicalRequest.isEmpty())
            QCOMPARE(parts.canonicalRequest, canonicalRequest);
        if (!stringToSignHash.isEmpty()) {
            QCOMPARE(parts.stringToSign,
                     QByteArray("SDK-HMAC-SHA256\n") + SdkDate + '\n' + stringToSignHash);
            QCOMPARE(sha256Hex(parts.canonicalRequest), stringToSignHash);
        }
        QVERIFY(authorization.endsWith("Signature=" + parts.signature));
        QVERIFY(authorization.contains("SignedHeaders=" + parts.signedHeaders + ", "));

        // And the emulator accepts exactly what the SDK sends.
        const SignatureCheck check = verifySent(request, Sk, SignTime, request.url.host().toUtf8());
        QCOMPARE(check.status, SignatureCheck::Status::Ok);
        QCOMPARE(check.accessKeyId, Ak);
        QCOMPARE(check.timestamp, SignTime);
    }

    void v2PayloadHash()
    {
        QCOMPARE(V2Body.size(), 266);
        QCOMPARE(sha256Hex(V2Body),
                 QByteArray("3b05beb411776f30cdb3694aab19b35dd6f4a0323ab4da1114778b5f47547079"));
        const auto parts = HuaweiSigner::compute(
            "POST",
            QUrl("https://cce.ap-southeast-1.myhuaweicloud.com/v5/"
                 "imagecaches"),
            headersFrom({"X-Sdk-Date: 20250101T120000Z", "content-type: application/json"}),
            {"content-type", "host", "x-sdk-date"}, V2Body, {Ak, Sk, {}});
        QVERIFY(parts.canonicalRequest.startsWith("POST\n/v5/imagecaches/\n\n"));
        QVERIFY(parts.canonicalRequest.endsWith(
            "\n3b05beb411776f30cdb3694aab19b35dd6f4a0323ab4da1114778b5f47547079"));
    }

    // signing vectors GO1/GO2: the Go SDK's unit tests sign x-sdk-date only (no host).
    void goVectors_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("signature");
        QTest::newRow("GO1 GET") << QByteArray("GET")
                                 << "https://example.huaweicloud.com/path?limit=1" << QByteArray()
                                 << QByteArray(
                                        "5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d"
                                        "58d02ac79624");
        QTest::newRow("GO2 POST, body with trailing newline")
            << QByteArray("POST") << "https://example.huaweicloud.com/path?key=value"
            << QByteArray("{\"Name\":\"test\",\"Id\":1}\n")
            << QByteArray("cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59");
    }
    void goVectors()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, url);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, signature);
        const HeaderList headers{{"X-Sdk-Date", "20060102T150405Z"},
                                 {"Content-Type", "application/json"}};
        const auto parts = HuaweiSigner::compute(method, QUrl(url), headers, {"x-sdk-date"}, body,
                                                 {"AccessKey", "SecretKey", {}});
        QCOMPARE(parts.signature, signature);
        QCOMPARE(parts.signedHeaders, QByteArray("x-sdk-date"));
        QCOMPARE(parts.authorization,
                 "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature="
                     + signature);
        // A body byte more or less changes the signature (the trailing \n of GO2 matters).
        const QByteArray other = body.isEmpty() ? QByteArray("\n") : body.chopped(1);
        QVERIFY(HuaweiSigner::compute(method, QUrl(url), headers, {"x-sdk-date"}, other,
                                      {"AccessKey", "SecretKey", {}})
                    .signature
                != signature);

        // The verifier accepts a request that signs x-sdk-date only.
        HeaderList sent = headers;
        sent.append({"Authorization", parts.authorization});
        const QUrl u(url);
        const auto check = HuaweiSigner::verify(
            method, u.path(QUrl::FullyEncoded).toUtf8(), u.query(QUrl::FullyEncoded).toUtf8(), sent,
            body,
            [](const QByteArray &ak) -> std::optional<QByteArray> {
                return ak == "AccessKey" ? std::optional<QByteArray>("SecretKey") : std::nullopt;
            },
            QDateTime(QDate(2006, 1, 2), QTime(15, 10, 0), Qt::UTC));
        QCOMPARE(check.status, SignatureCheck::Status::Ok);
    }

    void signAddsDateAndToken()
    {
        HttpRequest request;
        request.method = "GET";
        request.url = QUrl("https://cce.ap-southeast-1.myhuaweicloud.com/v5/imagecaches");
        request.headers = {{"Content-Type", "application/json"}};
        HuaweiSigner::sign(request, {Ak, Sk, "sts-token-value"}, SignTime);
        QCOMPARE(request.header("X-Sdk-Date"), SdkDate);
        QCOMPARE(request.header("X-Security-Token"), QByteArray("sts-token-value"));
        QVERIFY(request.header("Authorization")
                    .contains("SignedHeaders=content-type;host;x-sdk-date;x-security-token, "));
        QCOMPARE(verifySent(request, Sk, SignTime, "cce.ap-southeast-1.myhuaweicloud.com").status,
                 SignatureCheck::Status::Ok);

        // Without a token, no token header.
        HttpRequest plain;
        plain.url = request.url;
        HuaweiSigner::sign(plain, {Ak, Sk, {}}, SignTime);
        QVERIFY(!net::hasHeader(plain.headers, "X-Security-Token"));
        QVERIFY(plain.header("Authorization").contains("SignedHeaders=host;x-sdk-date, "));
    }

    void signSkipsRewrittenHeadersAndTrims()
    {
        HttpRequest request;
        request.method = "POST";
        request.url = QUrl("https://cce.ap-southeast-1.myhuaweicloud.com/v5/imagecaches");
        request.headers = {{"Content-Type", "  application/json  "},
                           {"Content-Length", "266"},
                           {"User-Agent", "imagecache-console/0.1"},
                           {"X-Sdk-Date", SdkDate}};
        request.body = V2Body;
        HuaweiSigner::sign(request, {Ak, Sk, {}}, SignTime);
        // Same as V2: the padded value is trimmed, length and agent are not signed.
        QCOMPARE(request.header("Authorization"),
                 QByteArray("SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK0000001, "
                            "SignedHeaders=content-type;host;x-sdk-date, Signature="
                            "e85577aefaef7095bc8dda348947d6a0a870959d80e97ca3d93fe8ce7997df69"));

        // Signing again (a retry) replaces the header and does not sign the old one.
        const QByteArray first = request.header("Authorization");
        HuaweiSigner::sign(request, {Ak, Sk, {}}, SignTime);
        QCOMPARE(request.header("Authorization"), first);
        qsizetype authCount = 0;
        for (const auto &header : request.headers)
            authCount += header.first.compare("authorization", Qt::CaseInsensitive) == 0;
        QCOMPARE(authCount, 1);
    }

    void hostCarriesNonDefaultPort_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QByteArray>("host");
        QTest::newRow("https default") << "https://h.example.com/x" << QByteArray("h.example.com");
        QTest::newRow("https 443 explicit")
            << "https://h.example.com:443/x" << QByteArray("h.example.com");
        QTest::newRow("http 80 explicit") << "http://127.0.0.1:80/x" << QByteArray("127.0.0.1");
        QTest::newRow("emulator port")
            << "http://127.0.0.1:38211/x" << QByteArray("127.0.0.1:38211");
        QTest::newRow("https other port")
            << "https://h.example.com:8443/x" << QByteArray("h.example.com:8443");
        QTest::newRow("ipv6") << "http://[::1]:8080/x" << QByteArray("[::1]:8080");
    }
    void hostCarriesNonDefaultPort()
    {
        QFETCH(QString, url);
        QFETCH(QByteArray, host);
        const auto parts = HuaweiSigner::compute("GET", QUrl(url), {{"X-Sdk-Date", SdkDate}},
                                                 {"host", "x-sdk-date"}, {}, {Ak, Sk, {}});
        QVERIFY2(parts.canonicalRequest.contains("\nhost:" + host + "\n"),
                 parts.canonicalRequest.constData());
        // An explicit Host header wins over the URL.
        const auto explicitHost = HuaweiSigner::compute(
            "GET", QUrl(url), {{"X-Sdk-Date", SdkDate}, {"Host", "proxy.example"}},
            {"host", "x-sdk-date"}, {}, {Ak, Sk, {}});
        QVERIFY(explicitHost.canonicalRequest.contains("\nhost:proxy.example\n"));
    }

    void roundTripUnusualPathAndQuery()
    {
        HttpRequest request;
        request.method = "POST";
        QUrl url("https://cce.example.com:8443");
        url.setPath(QStringLiteral("/v5/镜像缓存/a b"));
        url.setQuery(
            QString::fromLatin1(net::buildQuery(
                {{"name", "a b/c*d~e"}, {"z", QStringLiteral("ü一").toUtf8()}, {"e", ""}})),
            QUrl::StrictMode);
        request.url = url;
        request.headers = {{"Content-Type", "application/json"}, {"X-Project-Id", "p1"}};
        request.body = "{\"k\":\"v\"}";
        HuaweiSigner::sign(request, {Ak, Sk, {}}, SignTime);

        const auto parts = HuaweiSigner::compute(request.method, request.url, request.headers,
                                                 {"host"}, request.body, {Ak, Sk, {}});
        QVERIFY(parts.canonicalRequest.startsWith(
            "POST\n/v5/%E9%95%9C%E5%83%8F%E7%BC%93%E5%AD%98/a%20b/\n"
            "e=&name=a%20b%2Fc%2Ad~e&z=%C3%BC%E4%B8%80\nhost:cce.example.com:8443\n"));

        const auto check = verifySent(request, Sk, SignTime.addSecs(30), "cce.example.com:8443");
        QCOMPARE(check.status, SignatureCheck::Status::Ok);
    }

    void goSdkPlusForSpaceIsAccepted()
    {
        // The Go SDK signs "scc hss" as scc%20hss but sends it as scc+hss (Go's encoder).
        HttpRequest request;
        request.method = "GET";
        request.url = QUrl("https://hss.ap-southeast-1.myhuaweicloud.com/v5/p/image/abc/"
                           "basic-image?image_type=private_image&namespace=scc%20hss");
        request.headers = {{"X-Project-Id", "p"}, {"Content-Type", "application/json"}};
        HuaweiSigner::sign(request, {Ak, Sk, {}}, SignTime);
        HttpRequest onTheWire = request;
        onTheWire.url = QUrl("https://hss.ap-southeast-1.myhuaweicloud.com/v5/p/image/abc/"
                             "basic-image?image_type=private_image&namespace=scc+hss");
        QCOMPARE(verifySent(onTheWire, Sk, SignTime, "hss.ap-southeast-1.myhuaweicloud.com").status,
                 SignatureCheck::Status::Ok);
    }

    void rejections()
    {
        HttpRequest request;
        request.method = "GET";
        request.url = QUrl("https://hss.ap-southeast-1.myhuaweicloud.com/v5/p/image/abc/"
                           "basic-image?image_type=private_image&namespace=scc%20hss");
        request.headers = {{"X-Project-Id", "p"}, {"Content-Type", "application/json"}};
        HuaweiSigner::sign(request, {Ak, Sk, {}}, SignTime);
        const QByteArray host = "hss.ap-southeast-1.myhuaweicloud.com";
        QCOMPARE(verifySent(request, Sk, SignTime, host).status, SignatureCheck::Status::Ok);

        // Wrong secret: the detail is the server's string-to-sign (what APIG reports).
        const SignatureCheck wrong = verifySent(request, "another-secret", SignTime, host);
        QCOMPARE(wrong.status, SignatureCheck::Status::Mismatch);
        HeaderList withHost = request.headers;
        withHost.append({"Host", host});
        const auto parts = HuaweiSigner::compute(
            request.method, request.url, withHost,
            {"host", "x-project-id", "content-type", "x-sdk-date"}, {}, {Ak, Sk, {}});
        QCOMPARE(wrong.detail, QString::fromLatin1(parts.stringToSign));

        // Unknown access key.
        HttpRequest unknown = request;
        unknown.setHeader("Authorization",
                          request.header("Authorization").replace(Ak, "SOMEONEELSE"));
        QCOMPARE(verifySent(unknown, Sk, SignTime, host).status,
                 SignatureCheck::Status::UnknownKey);

        // Clock skew: 15 min is accepted both ways, 16 min is not.
        QCOMPARE(verifySent(request, Sk, SignTime.addSecs(15 * 60), host).status,
                 SignatureCheck::Status::Ok);
        QCOMPARE(verifySent(request, Sk, SignTime.addSecs(16 * 60), host).status,
                 SignatureCheck::Status::Expired);
        QCOMPARE(verifySent(request, Sk, SignTime.addSecs(-16 * 60), host).status,
                 SignatureCheck::Status::Expired);

        // Tampering with the query, the body or a signed header value.
        HttpRequest query = request;
        query.url.setQuery(QStringLiteral("image_type=shared_image&namespace=scc%20hss"));
        QCOMPARE(verifySent(query, Sk, SignTime, host).status, SignatureCheck::Status::Mismatch);
        HttpRequest extraParam = request;
        extraParam.url.setQuery(request.url.query() + QStringLiteral("&limit=1"));
        QCOMPARE(verifySent(extraParam, Sk, SignTime, host).status,
                 SignatureCheck::Status::Mismatch);
        HttpRequest body = request;
        body.body = "x";
        QCOMPARE(verifySent(body, Sk, SignTime, host).status, SignatureCheck::Status::Mismatch);
        HttpRequest header = request;
        header.setHeader("X-Project-Id", "q");
        QCOMPARE(verifySent(header, Sk, SignTime, host).status, SignatureCheck::Status::Mismatch);
        HttpRequest path = request;
        path.url.setPath(QStringLiteral("/v5/p/image/abd/basic-image"));
        QCOMPARE(verifySent(path, Sk, SignTime, host).status, SignatureCheck::Status::Mismatch);
        // The server sees another Host than the one signed.
        QCOMPARE(verifySent(request, Sk, SignTime, "evil.example.com").status,
                 SignatureCheck::Status::Mismatch);

        // Authorization removed; a signed header removed.
        HttpRequest missing = request;
        net::removeHeader(missing.headers, "Authorization");
        QCOMPARE(verifySent(missing, Sk, SignTime, host).status, SignatureCheck::Status::Missing);
        HttpRequest dropped = request;
        net::removeHeader(dropped.headers, "X-Project-Id");
        const auto malformed = verifySent(dropped, Sk, SignTime, host);
        QCOMPARE(malformed.status, SignatureCheck::Status::Malformed);
        QVERIFY(malformed.detail.contains(QLatin1String("x-project-id")));
    }

    void malformedAuthorization_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::newRow("other scheme") << QByteArray("Bearer abc");
        QTest::newRow("no signature")
            << QByteArray("SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK0000001, SignedHeaders=x-sdk-date");
        QTest::newRow("no access")
            << QByteArray("SDK-HMAC-SHA256 SignedHeaders=x-sdk-date, Signature=00");
        QTest::newRow("empty") << QByteArray("");
        QTest::newRow("date not signed")
            << QByteArray("SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK0000001, SignedHeaders=host, "
                          "Signature=00");
        QTest::newRow("unsigned header listed")
            << QByteArray("SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK0000001, "
                          "SignedHeaders=host;x-absent;x-sdk-date, Signature=00");
        QTest::newRow("duplicate part")
            << QByteArray("SDK-HMAC-SHA256 Access=A, Access=B, SignedHeaders=host;x-sdk-date, "
                          "Signature=00");
    }
    void malformedAuthorization()
    {
        QFETCH(QByteArray, authorization);
        const HeaderList headers{
            {"Host", "h"}, {"X-Sdk-Date", SdkDate}, {"Authorization", authorization}};
        const auto check = HuaweiSigner::verify(
            "GET", "/", {}, headers, {}, [](const QByteArray &) { return QByteArray("s"); },
            SignTime);
        QCOMPARE(check.status, SignatureCheck::Status::Malformed);
        QVERIFY(!check.detail.isEmpty());
    }

    void badDateIsMalformed()
    {
        HttpRequest request;
        request.url = QUrl("https://h.example.com/x");
        request.headers = {{"X-Sdk-Date", "2025-01-01T12:00:00Z"}};
        HuaweiSigner::sign(request, {Ak, Sk, {}}, SignTime);
        QCOMPARE(verifySent(request, Sk, SignTime, "h.example.com").status,
                 SignatureCheck::Status::Malformed);
    }
};

QTEST_APPLESS_MAIN(TestHuaweiSigner)
#include "tst_huaweisigner.moc"
