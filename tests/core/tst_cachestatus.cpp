#include "core/cachestatus.h"

#include <QTest>

using core::CacheStatus;

class TestCacheStatus final : public QObject
{
    Q_OBJECT
private slots:
    void huaweiMapping_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<CacheStatus>("status");
        QTest::newRow("Available") << "Available" << CacheStatus::Ready;
        QTest::newRow("Unavailable") << "Unavailable" << CacheStatus::Unavailable;
        QTest::newRow("Creating") << "Creating" << CacheStatus::Creating;
        QTest::newRow("Deleting") << "Deleting" << CacheStatus::Deleting;
        QTest::newRow("Failed") << "Failed" << CacheStatus::Failed;
        QTest::newRow("unknown word") << "Frozen" << CacheStatus::Unknown;
        QTest::newRow("Alibaba word is not Huawei") << "Ready" << CacheStatus::Unknown;
    }
    void huaweiMapping()
    {
        QFETCH(QString, raw);
        QFETCH(CacheStatus, status);
        QCOMPARE(core::normalizeHuaweiStatus(raw), status);
    }

    void alibabaMapping_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<CacheStatus>("status");
        QTest::newRow("Preparing") << "Preparing" << CacheStatus::Creating;
        QTest::newRow("Creating") << "Creating" << CacheStatus::Creating;
        QTest::newRow("Ready") << "Ready" << CacheStatus::Ready;
        QTest::newRow("Failed") << "Failed" << CacheStatus::Failed;
        QTest::newRow("Updating") << "Updating" << CacheStatus::Updating;
        QTest::newRow("UpdateFailed") << "UpdateFailed" << CacheStatus::Failed;
        QTest::newRow("empty") << "" << CacheStatus::Unknown;
        QTest::newRow("Huawei word is not Alibaba") << "Available" << CacheStatus::Unknown;
    }
    void alibabaMapping()
    {
        QFETCH(QString, raw);
        QFETCH(CacheStatus, status);
        QCOMPARE(core::normalizeAlibabaStatus(raw), status);
    }

    void keysRoundTrip()
    {
        for (auto s : {CacheStatus::Unknown, CacheStatus::Creating, CacheStatus::Ready,
                       CacheStatus::Updating, CacheStatus::Deleting, CacheStatus::Failed,
                       CacheStatus::Unavailable, CacheStatus::Expired}) {
            QCOMPARE(core::statusFromKey(core::statusKey(s)), s);
        }
        QCOMPARE(core::statusFromKey(QStringLiteral("bogus")), CacheStatus::Unknown);
    }

    void transitionalStatesArePolledFast()
    {
        QVERIFY(core::isTransitional(CacheStatus::Creating));
        QVERIFY(core::isTransitional(CacheStatus::Updating));
        QVERIFY(core::isTransitional(CacheStatus::Deleting));
        QVERIFY(!core::isTransitional(CacheStatus::Ready));
        QVERIFY(!core::isTransitional(CacheStatus::Failed));
        QVERIFY(core::isUsable(CacheStatus::Ready));
        QVERIFY(!core::isUsable(CacheStatus::Unavailable));
    }
};

QTEST_APPLESS_MAIN(TestCacheStatus)
#include "tst_cachestatus.moc"
