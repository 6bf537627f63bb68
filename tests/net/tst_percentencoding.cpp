#include "net/percentencoding.h"

#include <QTest>

using net::ParamList;

class TestPercentEncoding final : public QObject
{
    Q_OBJECT
private slots:
    void encode_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("unreserved kept") << "AZaz09-_.~" << QByteArray("AZaz09-_.~");
        QTest::newRow("empty") << "" << QByteArray();
        QTest::newRow("space is %20, never +") << "a b" << QByteArray("a%20b");
        // The Huawei SDKs' encoding, checked with the Node SDK.
        QTest::newRow("huawei node urlEncode")
            << QStringLiteral("a b+c/d~e*f'g!(h)ü")
            << QByteArray("a%20b%2Bc%2Fd~e%2Af%27g%21%28h%29%C3%BC");
        QTest::newRow("star") << "*" << QByteArray("%2A");
        QTest::newRow("uppercase hex") << QStringLiteral("\u00ff") << QByteArray("%C3%BF");
        QTest::newRow("CJK") << QStringLiteral("一") << QByteArray("%E4%B8%80");
        // Wire encodings seen from the ECI SDK.
        QTest::newRow("eci image") << "registry.example.com/ns/app:1.0"
                                   << QByteArray("registry.example.com%2Fns%2Fapp%3A1.0");
        QTest::newRow("eci password") << "p@ss w/rd" << QByteArray("p%40ss%20w%2Frd");
        QTest::newRow("eci tag") << "a&b" << QByteArray("a%26b");
        QTest::newRow("eci match image") << "nginx:1.25" << QByteArray("nginx%3A1.25");
        QTest::newRow("next token") << "AAAA/+=" << QByteArray("AAAA%2F%2B%3D");
    }
    void encode()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, encoded);
        QCOMPARE(net::percentEncode(text), encoded);
        QCOMPARE(net::percentEncode(text.toUtf8()), encoded);
        QCOMPARE(net::percentDecode(encoded), text.toUtf8());
    }

    void encodeEveryByte()
    {
        // All 256 byte values survive a round trip and only unreserved ones stay literal.
        QByteArray all;
        for (int i = 0; i < 256; ++i)
            all.append(static_cast<char>(i));
        const QByteArray encoded = net::percentEncode(all);
        QCOMPARE(net::percentDecode(encoded), all);
        QCOMPARE(encoded.size(), 66 + (256 - 66) * 3);
        QVERIFY(!encoded.contains('+'));
        QVERIFY(!encoded.contains(' '));
    }

    void decode_data()
    {
        QTest::addColumn<QByteArray>("encoded");
        QTest::addColumn<QByteArray>("decoded");
        QTest::newRow("plus stays plus") << QByteArray("a+b") << QByteArray("a+b");
        QTest::newRow("lowercase hex") << QByteArray("%c3%bc") << QByteArray("\xc3\xbc");
        QTest::newRow("stray percent") << QByteArray("100%") << QByteArray("100%");
        QTest::newRow("percent then one digit") << QByteArray("a%2") << QByteArray("a%2");
        QTest::newRow("percent not hex") << QByteArray("%zz%41") << QByteArray("%zzA");
        QTest::newRow("encoded percent") << QByteArray("%2541") << QByteArray("%41");
    }
    void decode()
    {
        QFETCH(QByteArray, encoded);
        QFETCH(QByteArray, decoded);
        QCOMPARE(net::percentDecode(encoded), decoded);
    }

    void parseQuery()
    {
        const ParamList params = net::parseQuery("a=1&k&&b=x%20y&c=&d=e=f&%E4%B8%80=%2F");
        const ParamList expected{{"a", "1"}, {"k", ""},    {"b", "x y"},
                                 {"c", ""},  {"d", "e=f"}, {"\xe4\xb8\x80", "/"}};
        QCOMPARE(params, expected);
        QVERIFY(net::parseQuery("").isEmpty());
        QVERIFY(net::parseQuery("&&").isEmpty());
    }

    void buildQuery()
    {
        const ParamList params{{"Image.1", "nginx:latest"}, {"Name", "my cache"}, {"Empty", ""}};
        QCOMPARE(net::buildQuery(params),
                 QByteArray("Image.1=nginx%3Alatest&Name=my%20cache&Empty="));
        QCOMPARE(net::buildQuery({}), QByteArray());
        // What buildQuery writes, parseQuery reads back unchanged.
        QCOMPARE(net::parseQuery(net::buildQuery(params)), params);
    }

    void sortedParams()
    {
        const ParamList params{{"b", "2"}, {"a", "z"}, {"a", "y"}, {"B", "1"}, {"a.1", ""}};
        const ParamList expected{{"B", "1"}, {"a", "y"}, {"a", "z"}, {"a.1", ""}, {"b", "2"}};
        QCOMPARE(net::sortedParams(params), expected);
    }

    void sortIsByBytes()
    {
        // UTF-8 lead bytes (>= 0x80) sort after ASCII: unsigned byte order, as Go and Node do.
        const ParamList params{{"\xc3\xbc", "1"}, {"z", "1"}, {"Z", "1"}};
        const ParamList expected{{"Z", "1"}, {"z", "1"}, {"\xc3\xbc", "1"}};
        QCOMPARE(net::sortedParams(params), expected);
    }

    // The Go SDK unit-test vector, reproduced by sorting and encoding.
    void goQueryVector()
    {
        const ParamList params{{"limit", "1"},
                               {"enable", "true"},
                               {"test", QStringLiteral("一 (&=?!#%.*)").toUtf8()},
                               {"path", "/tmp/123"},
                               {"multi", "3"},
                               {"multi", "1"},
                               {"multi", "2"}};
        QCOMPARE(net::buildQuery(net::sortedParams(params)),
                 QByteArray("enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test="
                            "%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29"));
    }
};

QTEST_APPLESS_MAIN(TestPercentEncoding)
#include "tst_percentencoding.moc"
