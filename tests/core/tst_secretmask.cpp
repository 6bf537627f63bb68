#include "core/secretmask.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

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

    void secretKeyNames_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("secret");
        QTest::newRow("Password") << "Password" << true;
        QTest::newRow("AccessKeySecret") << "AccessKeySecret" << true;
        QTest::newRow("X-Auth-Token") << "X-Auth-Token" << true;
        QTest::newRow("SecurityToken") << "SecurityToken" << true;
        QTest::newRow("image_pull_secrets lists names") << "image_pull_secrets" << false;
        QTest::newRow("access_key_secret") << "access_key_secret" << true;
        QTest::newRow("UserName") << "UserName" << false;
        QTest::newRow("NextToken is paging") << "NextToken" << false;
        QTest::newRow("ClientToken is idempotency") << "ClientToken" << false;
        QTest::newRow("ImageCacheName") << "ImageCacheName" << false;
    }
    void secretKeyNames()
    {
        QFETCH(QString, key);
        QFETCH(bool, secret);
        QCOMPARE(core::isSecretKey(key), secret);
    }

    void emptySecretStaysEmpty()
    {
        const QJsonObject masked = core::maskSecrets(QJsonObject{{"Password", ""}});
        QCOMPARE(masked["Password"].toString(), QString());
    }
};

QTEST_APPLESS_MAIN(TestSecretMask)
#include "tst_secretmask.moc"
