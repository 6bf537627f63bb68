#include "providers/connection.h"
#include "providers/jsonfields.h"

#include <QJsonDocument>
#include <QTest>

using namespace providers;

class TestJsonFields final : public QObject
{
    Q_OBJECT
private slots:
    void parseTime_data();
    void parseTime();
    void lenientReaders();
    void quotedEscapes();
    void endpointKeepsEncoding();
    void serviceUrls();
};

void TestJsonFields::parseTime_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime base(QDate(2024, 11, 25), QTime(6, 32, 34, 923), Qt::UTC);
    QTest::newRow("go microseconds") << "2024-11-25 06:32:34.923248 +0000 UTC" << base;
    QTest::newRow("go nanoseconds") << "2024-11-25 06:32:34.923248123 +0000 UTC" << base;
    QTest::newRow("go one digit") << "2024-11-25 06:32:34.9 +0000 UTC" << base.addMSecs(-23);
    QTest::newRow("go no fraction") << "2024-11-25 06:32:34 +0000 UTC" << base.addMSecs(-923);
    QTest::newRow("go +0800 CST") << "2024-11-25 14:32:34.923248 +0800 CST" << base;
    QTest::newRow("go zone without abbreviation")
        << "2024-11-25 14:32:34.923248 +0800 +0800" << base;
    QTest::newRow("go negative offset") << "2024-11-25 01:02:34.923 -0530 EST" << base;
    QTest::newRow("go monotonic suffix")
        << "2024-11-25 06:32:34.923248 +0000 UTC m=+0.000123" << base;
    QTest::newRow("iso Z") << "2024-11-25T06:32:34Z" << base.addMSecs(-923);
    QTest::newRow("iso fraction Z") << "2024-11-25T06:32:34.923Z" << base;
    QTest::newRow("iso offset") << "2024-11-25T08:32:34.923+02:00" << base;
    QTest::newRow("iam expires_at")
        << "2019-02-13T06:52:13.855000Z"
        << QDateTime(QDate(2019, 2, 13), QTime(6, 52, 13, 855), Qt::UTC);
    QTest::newRow("garbage") << "yesterday" << QDateTime();
    QTest::newRow("empty") << "" << QDateTime();
    QTest::newRow("bad month") << "2024-13-25T06:32:34Z" << QDateTime();
    QTest::newRow("letter in seconds") << "2024-11-25T06:32:3xZ" << QDateTime();
    QTest::newRow("hour 24") << "2024-11-25T24:00:00Z" << QDateTime();
}

void TestJsonFields::parseTime()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    const QDateTime parsed = json::parseTime(text);
    QCOMPARE(parsed.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(parsed, expected);
        QCOMPARE(parsed.timeSpec(), Qt::UTC);
    }
}

void TestJsonFields::lenientReaders()
{
    const QJsonObject o = QJsonDocument::fromJson(
                              R"({"s":"x","n":5,"ns":"7","b":true,"bs":"True","a":["p",3,"q"],
                                 "big":1e300,"o":{"k":"v"}})")
                              .object();
    QCOMPARE(json::string(o, "s"), QStringLiteral("x"));
    QCOMPARE(json::string(o, "missing"), QString());
    QCOMPARE(json::string(o, "o"), QString()); // wrong type reads as empty
    QCOMPARE(json::integer(o, "n"), 5);
    QCOMPARE(json::integer(o, "ns"), 7);
    QCOMPARE(json::integer(o, "s", -1), -1);
    QCOMPARE(json::optionalInteger(o, "big"), std::nullopt);
    QCOMPARE(json::integer64(o, "big", -1), qint64(-1));
    QCOMPARE(json::boolean(o, "b"), true);
    QCOMPARE(json::boolean(o, "bs"), true);
    QCOMPARE(json::boolean(o, "s", false), false);
    QCOMPARE(json::strings(o, "a"), (QStringList{"p", "q"}));
    QCOMPARE(json::strings(o, "s"), QStringList());
    QCOMPARE(json::string(json::object(o, "o"), "k"), QStringLiteral("v"));
    QVERIFY(json::object(o, "a").isEmpty());
    QVERIFY(!json::parseObject("[1]"));
    QVERIFY(!json::parseObject("{\"trunc"));
    QVERIFY(json::parseObject("{}"));
}

void TestJsonFields::quotedEscapes()
{
    QCOMPARE(json::quoted(QStringLiteral("a\"b\\c\n")), QByteArray("\"a\\\"b\\\\c\\n\""));
    QCOMPARE(json::quoted(QStringLiteral("plain")), QByteArray("\"plain\""));
}

void TestJsonFields::endpointKeepsEncoding()
{
    const QUrl url = json::endpoint(QUrl(QStringLiteral("http://127.0.0.1:8080/prefix/")),
                                    "/v5/a%2Fb/x", "k=a%2Fb%20c&z=1");
    QCOMPARE(url.toString(QUrl::FullyEncoded),
             QStringLiteral("http://127.0.0.1:8080/prefix/v5/a%2Fb/x?k=a%2Fb%20c&z=1"));
    const QUrl plain = json::endpoint(QUrl(QStringLiteral("https://cce.x.com")), "/v5/imagecaches");
    QCOMPARE(plain.toString(QUrl::FullyEncoded),
             QStringLiteral("https://cce.x.com/v5/imagecaches"));
}

void TestJsonFields::serviceUrls()
{
    Connection c;
    c.provider = core::Provider::Huawei;
    c.region = QStringLiteral("ap-southeast-1");
    QCOMPARE(c.serviceUrl(QStringLiteral("cce")),
             QUrl(QStringLiteral("https://cce.ap-southeast-1.myhuaweicloud.com")));
    QCOMPARE(c.serviceUrl(QStringLiteral("iam")),
             QUrl(QStringLiteral("https://iam.ap-southeast-1.myhuaweicloud.com")));
    c.region = QStringLiteral("eu-west-101");
    QCOMPARE(c.serviceUrl(QStringLiteral("hss")),
             QUrl(QStringLiteral("https://hss.eu-west-101.myhuaweicloud.eu")));
    c.provider = core::Provider::Alibaba;
    c.region = QStringLiteral("cn-hangzhou");
    QCOMPARE(c.serviceUrl(QStringLiteral("eci")),
             QUrl(QStringLiteral("https://eci.cn-hangzhou.aliyuncs.com")));
    QCOMPARE(c.serviceUrl(QStringLiteral("ehpcinstant")),
             QUrl(QStringLiteral("https://ehpcinstant.cn-hangzhou.aliyuncs.com")));
    c.endpointOverride = QUrl(QStringLiteral("http://127.0.0.1:4000"));
    QCOMPARE(c.serviceUrl(QStringLiteral("eci")), c.endpointOverride);
}

QTEST_APPLESS_MAIN(TestJsonFields)
#include "tst_jsonfields.moc"
