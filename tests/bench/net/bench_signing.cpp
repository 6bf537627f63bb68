#include "net/alibabasigner.h"
#include "net/huaweisigner.h"

#include <QTest>

using net::AlibabaSigner;
using net::HttpRequest;
using net::HuaweiSigner;

namespace {

const QDateTime Now(QDate(2025, 1, 1), QTime(12, 0, 0), Qt::UTC);

// A CreateImageCache as the Huawei provider sends it (Huawei signing vector V2).
HttpRequest huaweiCreate()
{
    HttpRequest request;
    request.method = "POST";
    request.url
        = QUrl(QStringLiteral("https://cce.ap-southeast-1.myhuaweicloud.com/v5/imagecaches"));
    request.headers = {{"Content-Type", "application/json"},
                       {"X-Project-Id", "0123456789abcdef0123456789abcdef"}};
    request.body
        = R"({"name":"test-imagecache1","images":["swr.ap-southeast-1.myhuaweicloud.com/test/nginx:v1","busybox:latest"],"image_cache_size":25,"retention_days":7,"building_config":{"cluster":"8b3b4b2d-e39d-11ef-a9ac-0255ac100113","image_pull_secrets":["default:default-secret"]}})";
    return request;
}

// A DescribeImageCaches page request with tags and a page token (Alibaba signing vector V3-A).
net::ParamList describeParams()
{
    return net::RpcParams()
        .add("RegionId", QStringLiteral("cn-hangzhou"))
        .add("ImageCacheName", QStringLiteral("test cache"))
        .add("Limit", qint64(20))
        .addObjects("Tag", {{{"Key", "env"}, {"Value", "prod"}}})
        .add("NextToken", QStringLiteral("AAAA/+="))
        .params();
}

} // namespace

class BenchSigning final : public QObject
{
    Q_OBJECT
private slots:
    void huaweiSign()
    {
        const HttpRequest base = huaweiCreate();
        const HuaweiSigner::Credentials creds{
            "HPUAEXAMPLEAK0000001", "exampleSecretKey0123456789abcdefEXAMPLE0", {}};
        QByteArray authorization;
        QBENCHMARK
        {
            HttpRequest request = base;
            HuaweiSigner::sign(request, creds, Now);
            authorization = request.header("Authorization");
        }
        QVERIFY(authorization.startsWith("SDK-HMAC-SHA256 Access="));
    }

    void alibabaSignV3()
    {
        const net::ParamList params = describeParams();
        const AlibabaSigner::Credentials creds{"testid", "testsecret", {}};
        HttpRequest base;
        base.url = QUrl(QStringLiteral("https://eci.cn-hangzhou.aliyuncs.com"));
        QByteArray authorization;
        QBENCHMARK
        {
            HttpRequest request = base;
            AlibabaSigner::signV3(request, "DescribeImageCaches", "2018-08-08", params, creds, Now,
                                  "3f6c2a1e9b8d4c7e8a5b0d2f1e4c6a89");
            authorization = request.header("Authorization");
        }
        QVERIFY(authorization.startsWith("ACS3-HMAC-SHA256 Credential=testid,"));
    }

    void alibabaSignV1()
    {
        const net::ParamList params = describeParams();
        const AlibabaSigner::Credentials creds{"testid", "testsecret", {}};
        HttpRequest base;
        base.url = QUrl(QStringLiteral("https://eci.cn-hangzhou.aliyuncs.com"));
        QUrl url;
        QBENCHMARK
        {
            HttpRequest request = base;
            AlibabaSigner::signV1(request, "DescribeImageCaches", "2018-08-08", params, creds, Now,
                                  "3f6c2a1e9b8d4c7e8a5b0d2f1e4c6a89");
            url = request.url;
        }
        QVERIFY(url.query().contains(QLatin1String("&Signature=")));
    }
};

QTEST_APPLESS_MAIN(BenchSigning)
#include "bench_signing.moc"
