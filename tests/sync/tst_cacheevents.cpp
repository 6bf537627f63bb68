#include "sync/cacheevents.h"
#include "sync/manualclock.h"

#include <QSignalSpy>
#include <QTest>

using namespace cachesync;
using core::CacheField;
using core::CacheStatus;
using core::ChangeSet;
using core::ImageCache;

namespace {

constexpr qint64 hour = 3'600'000;
constexpr qint64 day = 24 * hour;

ImageCache cache(const QString &id, CacheStatus status, const QString &raw)
{
    ImageCache c;
    c.provider = core::Provider::Alibaba;
    c.accountId = QStringLiteral("acct");
    c.region = QStringLiteral("cn-hangzhou");
    c.id = id;
    c.name = QStringLiteral("cache-") + id;
    c.status = status;
    c.rawStatus = raw;
    return c;
}

ChangeSet changed(const ImageCache &c, core::CacheFields fields = CacheField::Status)
{
    ChangeSet set;
    set.changed.append({c, fields});
    return set;
}

ChangeSet inserted(const ImageCache &c)
{
    ChangeSet set;
    set.inserted.append(c);
    return set;
}

} // namespace

class tst_CacheEvents final : public QObject
{
    Q_OBJECT

private slots:
    void becameUsableOnceOnTransition();
    void failedIncludesUpdateFailed();
    void expiringSoonOncePerWindow();
    void disappearedCarriesTheLastKnownCache();
    void knownStateIsNotNews();
};

void tst_CacheEvents::becameUsableOnceOnTransition()
{
    ManualClock clock;
    CacheEvents events(&clock);
    QSignalSpy usable(&events, &CacheEvents::becameUsable);
    const auto creating
        = cache(QStringLiteral("a"), CacheStatus::Creating, QStringLiteral("Preparing"));
    events.apply(inserted(creating));
    QCOMPARE(usable.count(), 0);
    auto ready = creating;
    ready.status = CacheStatus::Ready;
    ready.rawStatus = QStringLiteral("Ready");
    events.apply(changed(ready));
    QCOMPARE(usable.count(), 1);
    QCOMPARE(usable.at(0).at(0).value<ImageCache>().id, QStringLiteral("a"));
    // Later changes of a Ready cache (last matched time, tags) are not "became usable".
    ready.lastMatched = clock.now();
    events.apply(changed(ready, CacheField::Times));
    QCOMPARE(usable.count(), 1);
    // Ready → Updating → Ready (Alibaba update) is usable again.
    auto updating = ready;
    updating.status = CacheStatus::Updating;
    updating.rawStatus = QStringLiteral("Updating");
    events.apply(changed(updating));
    events.apply(changed(ready));
    QCOMPARE(usable.count(), 2);
    // A cache that first appears already Ready (created elsewhere) is quiet.
    events.apply(inserted(cache(QStringLiteral("b"), CacheStatus::Ready, QStringLiteral("Ready"))));
    QCOMPARE(usable.count(), 2);
}

void tst_CacheEvents::failedIncludesUpdateFailed()
{
    ManualClock clock;
    CacheEvents events(&clock);
    QSignalSpy failed(&events, &CacheEvents::failed);
    QSignalSpy usable(&events, &CacheEvents::becameUsable);
    const auto creating
        = cache(QStringLiteral("a"), CacheStatus::Creating, QStringLiteral("Creating"));
    events.apply(inserted(creating));
    auto f = creating;
    f.status = CacheStatus::Failed;
    f.rawStatus = QStringLiteral("Failed");
    f.message = QStringLiteral("pull image failed");
    events.apply(changed(f));
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.at(0).at(0).value<ImageCache>().message, QStringLiteral("pull image failed"));
    events.apply(changed(f, CacheField::Events)); // still failed: no repeat
    QCOMPARE(failed.count(), 1);

    // An update of a Ready cache that fails: Updating → UpdateFailed.
    auto r = cache(QStringLiteral("u"), CacheStatus::Ready, QStringLiteral("Ready"));
    events.apply(inserted(r));
    r.status = CacheStatus::Updating;
    r.rawStatus = QStringLiteral("Updating");
    events.apply(changed(r));
    r.status = CacheStatus::Failed;
    r.rawStatus = QStringLiteral("UpdateFailed");
    events.apply(changed(r));
    QCOMPARE(failed.count(), 2);
    QCOMPARE(failed.at(1).at(0).value<ImageCache>().rawStatus, QStringLiteral("UpdateFailed"));
    // Failed → UpdateFailed is a new failure too.
    f.rawStatus = QStringLiteral("UpdateFailed");
    events.apply(changed(f));
    QCOMPARE(failed.count(), 3);
    QCOMPARE(usable.count(), 0);
}

void tst_CacheEvents::expiringSoonOncePerWindow()
{
    ManualClock clock;
    CacheEvents events(&clock);
    events.setExpiryWindowMs(3 * day);
    events.setExpiryCheckIntervalMs(hour);
    QSignalSpy expiring(&events, &CacheEvents::expiringSoon);
    auto c = cache(QStringLiteral("a"), CacheStatus::Ready, QStringLiteral("Ready"));
    c.retentionDays = 10;
    c.created = clock.now();
    c.expires = clock.now().addMSecs(10 * day);
    events.apply(inserted(c));
    QCOMPARE(expiring.count(), 0);

    // Time passes with no change to the cache: the periodic check catches the window.
    clock.advance(7 * day - hour);
    QCOMPARE(expiring.count(), 0);
    clock.advance(hour);
    QCOMPARE(expiring.count(), 1);
    QCOMPARE(expiring.at(0).at(0).value<WatchedCache>().id, QStringLiteral("a"));
    clock.advance(2 * day);
    events.apply(changed(c, CacheField::Times));
    QCOMPARE(expiring.count(), 1); // once per window

    // Retention extended: out of the window; approaching the new date warns again.
    c.expires = c.expires.addMSecs(30 * day);
    events.apply(changed(c, CacheField::Retention));
    QCOMPARE(expiring.count(), 1);
    clock.advance(28 * day);
    QCOMPARE(expiring.count(), 2);

    // A cache already inside the window when seen warns at once; an expired one does not.
    auto soon = cache(QStringLiteral("b"), CacheStatus::Ready, QStringLiteral("Ready"));
    soon.expires = clock.now().addMSecs(day);
    auto past = cache(QStringLiteral("c"), CacheStatus::Expired, QStringLiteral("Expired"));
    past.expires = clock.now().addMSecs(-day);
    ChangeSet set;
    set.inserted = {soon, past};
    events.apply(set);
    QCOMPARE(expiring.count(), 3);
    QCOMPARE(expiring.at(2).at(0).value<WatchedCache>().id, QStringLiteral("b"));

    // A new window re-arms: "b" (1 day left) warns again, "a" (3 days left) is outside 2 days.
    events.setExpiryWindowMs(2 * day);
    QCOMPARE(expiring.count(), 4);
    QCOMPARE(expiring.at(3).at(0).value<WatchedCache>().id, QStringLiteral("b"));
}

void tst_CacheEvents::disappearedCarriesTheLastKnownCache()
{
    ManualClock clock;
    CacheEvents events(&clock);
    QSignalSpy gone(&events, &CacheEvents::disappeared);
    auto c = cache(QStringLiteral("a"), CacheStatus::Ready, QStringLiteral("Available"));
    events.apply(inserted(c));
    c.status = CacheStatus::Deleting;
    c.rawStatus = QStringLiteral("Deleting");
    events.apply(changed(c));
    ChangeSet removal;
    removal.removed = {c.key()};
    events.apply(removal);
    QCOMPARE(gone.count(), 1);
    const auto last = gone.at(0).at(0).value<WatchedCache>();
    QCOMPARE(last.name, QStringLiteral("cache-a"));
    QCOMPARE(last.status, CacheStatus::Deleting);
    events.apply(removal); // already gone
    QCOMPARE(gone.count(), 1);
}

void tst_CacheEvents::knownStateIsNotNews()
{
    ManualClock clock;
    CacheEvents events(&clock);
    QSignalSpy usable(&events, &CacheEvents::becameUsable);
    QSignalSpy gone(&events, &CacheEvents::disappeared);
    const auto creating
        = cache(QStringLiteral("a"), CacheStatus::Creating, QStringLiteral("Creating"));
    events.setKnownCaches(
        {creating, cache(QStringLiteral("b"), CacheStatus::Ready, QStringLiteral("Ready"))});
    QCOMPARE(usable.count(), 0);
    auto ready = creating;
    ready.status = CacheStatus::Ready;
    events.apply(changed(ready)); // the cache finished while the console was closed
    QCOMPARE(usable.count(), 1);
    ChangeSet removal;
    removal.removed = {QStringLiteral("acct/cn-hangzhou/b")};
    events.apply(removal);
    QCOMPARE(gone.count(), 1);
}

QTEST_GUILESS_MAIN(tst_CacheEvents)
#include "tst_cacheevents.moc"
