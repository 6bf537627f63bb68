#include "modelfixtures.h"

#include "models/presentation.h"

#include <QLocale>
#include <QTest>

using models::Presentation;

class TestPresentation final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void sizes()
    {
        QCOMPARE(Presentation::sizeGiB(25), QStringLiteral("25 GiB"));
        QCOMPARE(Presentation::sizeGiB(2048), QStringLiteral("2,048 GiB"));
        QCOMPARE(Presentation::sizeGiB(0), QString());
        QCOMPARE(Presentation::bytes(1024), QStringLiteral("1.00 KiB"));
        QCOMPARE(Presentation::bytes(-1), QString());
    }

    void retention()
    {
        QCOMPARE(Presentation::retention(0), QStringLiteral("never"));
        QCOMPARE(Presentation::retention(-3), QStringLiteral("never"));
        QCOMPARE(Presentation::retention(1), QStringLiteral("1 day"));
        QCOMPARE(Presentation::retention(7), QStringLiteral("7 days"));
    }

    void timeLeft_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("seconds") << qint64(30) << QStringLiteral("in less than a minute");
        QTest::newRow("one minute") << qint64(90) << QStringLiteral("in 1 minute");
        QTest::newRow("minutes") << qint64(45 * 60) << QStringLiteral("in 45 minutes");
        QTest::newRow("hours") << qint64(5 * 3600 + 10) << QStringLiteral("in 5 hours");
        QTest::newRow("one day") << qint64(86400 + 3600) << QStringLiteral("in 1 day");
        QTest::newRow("days") << qint64(3 * 86400 + 7200) << QStringLiteral("in 3 days");
        QTest::newRow("past") << qint64(-2 * 86400) << QStringLiteral("2 days ago");
        QTest::newRow("just now") << qint64(0) << QStringLiteral("less than a minute ago");
    }

    void timeLeft()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, text);
        const QDateTime now = fixtures::now();
        QCOMPARE(Presentation::timeLeft(now.addSecs(seconds), now), text);
    }

    void invalidTimesGiveEmptyText()
    {
        QCOMPARE(Presentation::timeLeft({}, fixtures::now()), QString());
        QCOMPARE(Presentation::dateTime({}), QString());
        QCOMPARE(Presentation::dateTime(fixtures::now()), QStringLiteral("2026-03-01 10:00"));
    }

    void everyStatusHasItsOwnWords()
    {
        QSet<QString> texts;
        for (int s = 0; s <= int(core::CacheStatus::Expired); ++s)
            texts.insert(Presentation::statusText(core::CacheStatus(s)));
        QCOMPARE(texts.size(), int(core::CacheStatus::Expired) + 1);
        QCOMPARE(Presentation::providerName(core::Provider::Alibaba),
                 QStringLiteral("Alibaba Cloud"));
    }
};

QTEST_MAIN(TestPresentation)
#include "tst_presentation.moc"
