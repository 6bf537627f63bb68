#include "core/secretmask.h"
#include "net/apiclient.h"
#include "net/percentencoding.h"
#include "store/databaseurl.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

class TestSecretMask final : public QObject
{
    Q_OBJECT
private slots:
    void masksEHpcRegistryPasswordAtAnyDepth()
    {
        // GetImage returns the registry password in clear (seed 004).
        const QByteArray json = R"({"Image":{"Name":"app","ContainerImageSpec":{
            "RegistryUrl":"registry-vpc.cn-hangzhou.aliyuncs.com/ehpc_open/nginx:latest",
            "RegistryCredential":{"Server":"registry-vpc.cn-hangzhou.aliyuncs.com",
            "UserName":"username","Password":"userpassword"}}},
            "Logins":[{"password":"p@ss w/rd"}]})";
        const QJsonObject masked = core::maskSecrets(QJsonDocument::fromJson(json).object());
        const QByteArray out = QJsonDocument(masked).toJson(QJsonDocument::Compact);
        QVERIFY(!out.contains("userpassword"));
        QVERIFY(!out.contains("p@ss w/rd"));
        QVERIFY(out.contains("\"UserName\":\"username\""));
        QVERIFY(out.contains("registry-vpc.cn-hangzhou.aliyuncs.com/ehpc_open/nginx:latest"));
        QCOMPARE(masked["Image"]["ContainerImageSpec"]["RegistryCredential"]["Password"].toString(),
                 QString::fromLatin1(core::MaskedSecret));
    }

    // The one rule, row by row, through every place that hides secrets: the rule itself, the
    // raw-JSON pane (core::maskSecrets), the request log (ApiClient: JSON body, form body, URL
    // query, headers) and the offline store (raw JSON written and read back).
    void everyConsumerFollowsTheOneRule_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("secret");
        const auto row = [](const char *key, bool secret) {
            QTest::newRow(key) << QString::fromLatin1(key) << secret;
        };
        row("Password", true);
        row("registry_password", true);
        row("ImageRegistryCredential.1.Password", true);
        row("AccessKeySecret", true);
        row("access_key_secret", true);
        row("secret", true);
        row("sk", true);
        row("SK", true);
        row("Signature", true);
        row("SecurityToken", true);
        row("security_token", true);
        row("x-acs-security-token", true);
        row("X-Auth-Token", true);
        row("X-Subject-Token", true);
        row("token", true);
        row("access_token", true);
        row("Authorization", true);
        row("Proxy-Authorization", true);
        row("Cookie", true);
        row("NextToken", false);
        row("next_token", false);
        row("ClientToken", false);
        row("image_pull_secrets", false);
        row("UserName", false);
        row("AccessKeyId", false);
        row("ImageCacheName", false);
        row("SignatureNonce", false);
        row("SignatureMethod", false);
        row("x-acs-signature-nonce", false);
        row("X-Sdk-Date", false);
    }
    void everyConsumerFollowsTheOneRule()
    {
        QFETCH(QString, key);
        QFETCH(bool, secret);
        const QString value = QStringLiteral("v4lue-0f-%1").arg(key);
        const QByteArray valueBytes = value.toUtf8();
        QCOMPARE(core::isSecretKey(key), secret);

        const QJsonObject object{{key, value}};
        QCOMPARE(core::maskSecrets(object).value(key).toString() != value, secret);

        const QByteArray jsonLog
            = net::ApiClient::redactedBody(QJsonDocument(object).toJson(QJsonDocument::Compact));
        QCOMPARE(!jsonLog.contains(valueBytes), secret);
        const QByteArray formLog
            = net::ApiClient::redactedBody(net::percentEncode(key.toUtf8()) + "=" + valueBytes);
        QCOMPARE(!formLog.contains(valueBytes), secret);
        QUrl url(QStringLiteral("https://eci.aliyuncs.com/"));
        url.setQuery(QString::fromLatin1(net::percentEncode(key.toUtf8()) + "=" + valueBytes),
                     QUrl::StrictMode);
        QCOMPARE(!net::ApiClient::redactedUrl(url).contains(value), secret);
        const net::HeaderList headers{{key.toUtf8(), valueBytes}};
        QCOMPARE(net::ApiClient::redactedHeaders(headers).constFirst().second != valueBytes,
                 secret);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        store::Store store;
        QVERIFY(store.open(store::DatabaseUrl::sqliteUrl(dir.filePath(QStringLiteral("s.db")))));
        core::ImageCache cache;
        cache.provider = core::Provider::Alibaba;
        cache.accountId = QStringLiteral("a");
        cache.region = QStringLiteral("cn-hangzhou");
        cache.id = QStringLiteral("imc-1");
        cache.name = QStringLiteral("c");
        cache.raw = object;
        QVERIFY(store.applyChangeSet({{cache}, {}, {}}));
        const auto loaded = store.loadCaches();
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(loaded.constFirst().raw.value(key).toString() != value, secret);
    }

    // Values: a non-empty string or a number is hidden; empty, null and flags stay as they are
    // (nothing hidden, nothing invented); objects and arrays are searched instead.
    void maskedValues()
    {
        const QJsonObject masked = core::maskSecrets(
            QJsonObject{{"Password", 1234},
                        {"secret", true},
                        {"sk", QJsonValue::Null},
                        {"token", QJsonObject{{"value", "x"}, {"Password", "y"}}}});
        QCOMPARE(masked["Password"].toString(), QString::fromLatin1(core::MaskedSecret));
        QCOMPARE(masked["secret"].toBool(), true);
        QVERIFY(masked["sk"].isNull());
        QCOMPARE(masked["token"]["value"].toString(), QStringLiteral("x"));
        QCOMPARE(masked["token"]["Password"].toString(), QString::fromLatin1(core::MaskedSecret));
    }

    void emptySecretStaysEmpty()
    {
        const QJsonObject masked = core::maskSecrets(QJsonObject{{"Password", ""}});
        QCOMPARE(masked["Password"].toString(), QString());
    }
};

QTEST_GUILESS_MAIN(TestSecretMask)
#include "tst_secretmask.moc"
