#include "core/changeset.h"

#include <QTest>

using namespace core;

namespace {
ImageCache cache(const QString &id, CacheStatus status = CacheStatus::Ready)
{
    ImageCache c;
    c.provider = Provider::Alibaba;
    c.accountId = QStringLiteral("acc");
    c.region = QStringLiteral("cn-hangzhou");
    c.id = id;
    c.name = QStringLiteral("cache-") + id;
    c.status = status;
    c.rawStatus = statusKey(status);
    return c;
}
} // namespace

class TestChangeSet final : public QObject
{
    Q_OBJECT
private slots:
    void emptyWhenNothingChanged()
    {
        const QList<ImageCache> list = {cache("a"), cache("b")};
        QVERIFY(ChangeSet::between(list, list).isEmpty());
    }

    void detectsInsertChangeRemove()
    {
        const QList<ImageCache> before = {cache("a"), cache("b", CacheStatus::Creating)};
        ImageCache b = cache("b", CacheStatus::Creating);
        b.progress = 40;
        const QList<ImageCache> after = {b, cache("c")};

        const ChangeSet set = ChangeSet::between(before, after);
        QCOMPARE(set.inserted.size(), 1);
        QCOMPARE(set.inserted.first().id, QStringLiteral("c"));
        QCOMPARE(set.changed.size(), 1);
        QCOMPARE(set.changed.first().cache.id, QStringLiteral("b"));
        QCOMPARE(set.changed.first().fields, CacheFields(CacheField::Progress));
        QCOMPARE(set.removed, QStringList{cache("a").key()});
    }

    void namesEveryChangedField()
    {
        ImageCache a = cache("a", CacheStatus::Creating);
        ImageCache b = a;
        b.status = CacheStatus::Ready;
        b.rawStatus = QStringLiteral("Ready");
        b.tags = {{QStringLiteral("env"), QStringLiteral("prod")}};
        b.events
            = {CacheEvent{QStringLiteral("Normal"), QStringLiteral("Created"), {}, {}, 1, {}, {}}};
        const CacheFields fields = diffCaches(a, b);
        QVERIFY(fields.testFlag(CacheField::Status));
        QVERIFY(fields.testFlag(CacheField::Tags));
        QVERIFY(fields.testFlag(CacheField::Events));
        QVERIFY(!fields.testFlag(CacheField::Name));
        QVERIFY(!fields.testFlag(CacheField::Progress));
    }

    void sameIdInAnotherRegionIsAnotherCache()
    {
        ImageCache other = cache("a");
        other.region = QStringLiteral("cn-beijing");
        const ChangeSet set = ChangeSet::between({cache("a")}, {other});
        QCOMPARE(set.inserted.size(), 1);
        QCOMPARE(set.removed.size(), 1);
        QVERIFY(set.changed.isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestChangeSet)
#include "tst_changeset.moc"
