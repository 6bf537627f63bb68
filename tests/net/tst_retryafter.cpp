// The retry delays a server asks for, from headers it controls: every conversion saturates.

#include "net/retryafter.h"

#include <QTest>

#include <limits>

using net::RetryAfter;

namespace {
constexpr int Max = std::numeric_limits<int>::max();
}

class TestRetryAfter final : public QObject
{
    Q_OBJECT
private slots:
    void seconds_data();
    void seconds();
    void milliseconds_data();
    void milliseconds();
    void httpDate();
};

void TestRetryAfter::seconds_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("expected");
    QTest::newRow("3") << QByteArray("3") << 3000;
    QTest::newRow("0") << QByteArray("0") << 0;
    QTest::newRow("spaces") << QByteArray("  7 ") << 7000;
    QTest::newRow("22222222 (was int overflow)") << QByteArray("22222222") << Max;
    QTest::newRow("int64 max (was int64 overflow)") << QByteArray("9223372036854775807") << Max;
    QTest::newRow("100 digits") << QByteArray(100, '9') << Max;
    QTest::newRow("negative") << QByteArray("-1") << -1;
    QTest::newRow("empty") << QByteArray() << -1;
    QTest::newRow("sign only") << QByteArray("+") << -1;
    QTest::newRow("junk") << QByteArray("12s") << -1;
}

void TestRetryAfter::seconds()
{
    QFETCH(QByteArray, value);
    QFETCH(int, expected);
    QCOMPARE(RetryAfter::fromSeconds(value), expected);
    QCOMPARE(RetryAfter::fromHeader(value, QDateTime::currentDateTimeUtc()), expected);
}

void TestRetryAfter::milliseconds_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("expected");
    QTest::newRow("200") << QByteArray("200") << 200;
    QTest::newRow("beyond int") << QByteArray("99999999999999999999") << Max;
    QTest::newRow("negative") << QByteArray("-200") << -1;
    QTest::newRow("junk") << QByteArray("fast") << -1;
}

void TestRetryAfter::milliseconds()
{
    QFETCH(QByteArray, value);
    QFETCH(int, expected);
    QCOMPARE(RetryAfter::fromMilliseconds(value), expected);
}

void TestRetryAfter::httpDate()
{
    const QDateTime now(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
    QCOMPARE(RetryAfter::fromHeader("Thu, 01 Jan 2026 12:00:05 GMT", now), 5000);
    QCOMPARE(RetryAfter::fromHeader("Thu, 01 Jan 2026 11:00:00 GMT", now), 0); // in the past
    QCOMPARE(RetryAfter::fromHeader("Fri, 31 Dec 9999 23:59:59 GMT", now), Max);
    QCOMPARE(RetryAfter::fromHeader("tomorrow", now), -1);
}

QTEST_APPLESS_MAIN(TestRetryAfter)
#include "tst_retryafter.moc"
