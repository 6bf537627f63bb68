// The store suite. Built twice from this one source: tst_store_sqlite and, with
// IC_STORE_POSTGRES, tst_store_postgres (against the throwaway cluster that ctest starts).

#include "storetestsupport.h"

#include "store/account.h"
#include "store/accountmanager.h"
#include "store/memorycredentialstore.h"
#include "store/profileimporter.h"
#include "store/schema.h"
#include "store/store.h"
#include "store/storeworker.h"

#include "csv/csvexporter.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutex>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <algorithm>

#include <unistd.h>

using namespace store;

Q_DECLARE_METATYPE(store::Account)

namespace {

QDateTime at(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

core::ImageCache fullCache(const QString &id, const QString &account = QStringLiteral("acc-1"))
{
    core::ImageCache c;
    c.provider = core::Provider::Alibaba;
    c.accountId = account;
    c.region = QStringLiteral("cn-hangzhou");
    c.id = id;
    c.name = QStringLiteral("cache-") + id;
    c.status = core::CacheStatus::Creating;
    c.rawStatus = QStringLiteral("Preparing");
    c.progress = 42;
    c.images = {QStringLiteral("registry.cn-hangzhou.aliyuncs.com/app/web:1.0"),
                QStringLiteral("nginx:1.25")};
    c.sizeGiB = 30;
    c.retentionDays = 7;
    c.created = at(1'700'000'000'123);
    c.expires = at(1'700'604'800'123);
    c.lastMatched = at(1'700'100'000'000);
    c.tags = {{QStringLiteral("team"), QStringLiteral("infra")},
              {QStringLiteral("env"), QStringLiteral("prod")},
              {QStringLiteral("empty"), QString()}};
    c.events = {{QStringLiteral("Normal"), QStringLiteral("Created"),
                 QStringLiteral("Image cache created"), QStringLiteral("imc-ev-1"), 1,
                 at(1'700'000'001'000), at(1'700'000'002'000)},
                {QStringLiteral("Warning"), QStringLiteral("PullBackOff"),
                 QStringLiteral("Back-off pulling image \"nginx:1.25\""),
                 QStringLiteral("imc-ev-2"), 3, at(1'700'000'003'000), QDateTime()}};
    c.message = QStringLiteral("still pulling; 中文 ok");
    c.snapshotId = QStringLiteral("s-abc");
    c.flashSnapshotId = QStringLiteral("s-flash");
    c.containerGroupId = QStringLiteral("eci-123");
    c.resourceGroupId = QStringLiteral("rg-1");
    c.eliminationStrategy = QStringLiteral("LRU");
    c.raw = QJsonDocument::fromJson(R"({"ImageCacheId":"imc-1","Progress":"42%",
        "Unknown":{"nested":[1,2,{"x":null}]},"Flag":true})")
                .object();
    return c;
}

core::ImageCache huaweiCache(const QString &id)
{
    core::ImageCache c;
    c.provider = core::Provider::Huawei;
    c.accountId = QStringLiteral("acc-2");
    c.region = QStringLiteral("ap-southeast-1");
    c.id = id;
    c.name = QStringLiteral("hw-") + id;
    c.status = core::CacheStatus::Ready;
    c.rawStatus = QStringLiteral("Available");
    c.sizeGiB = 40;
    c.created = at(1'690'000'000'000);
    c.cluster = QStringLiteral("c7a1e2f0-cluster");
    c.imagePullSecrets = {QStringLiteral("default:swr-secret"), QStringLiteral("ns2:other")};
    return c;
}

Account sampleAccount(const QString &name = QStringLiteral("Production"))
{
    Account a;
    a.id = Account::newId();
    a.provider = core::Provider::Huawei;
    a.displayName = name;
    a.accessKeyId = QStringLiteral("HPUAEXAMPLEAK0000001");
    a.regions = {
        {QStringLiteral("ap-southeast-1"), QUrl(),
         QStringLiteral("0123456789abcdef0123456789abcdef")},
        {QStringLiteral("cn-north-4"), QUrl(QStringLiteral("http://127.0.0.1:8443")), QString()}};
    a.registries = {{QStringLiteral("registry.example.com"), QStringLiteral("puller")}};
    return a;
}

QList<core::ImageCache> sortedByKey(QList<core::ImageCache> list)
{
    std::sort(list.begin(), list.end(), [](const core::ImageCache &a, const core::ImageCache &b) {
        return a.key() < b.key();
    });
    return list;
}

// Captures every log line while alive (the leak test greps them).
QMutex logMutex;
QStringList *capturedLogs = nullptr;
void captureHandler(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    QMutexLocker lock(&logMutex);
    if (capturedLogs)
        capturedLogs->append(QString::fromLatin1(context.category ? context.category : "")
                             + QStringLiteral(": ") + message);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

} // namespace

class TestStore final : public QObject
{
    Q_OBJECT
private:
    storetest::Backend m_backend;
    Schema::Dialect dialect() const
    {
        return storetest::Backend::postgres ? Schema::Dialect::Postgres : Schema::Dialect::Sqlite;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ImageCacheConsoleTests"));
        const QString reason = m_backend.prepare();
        if (!reason.isEmpty())
            QSKIP(qPrintable(reason));
        qInfo() << "store backend:" << (storetest::Backend::postgres ? "PostgreSQL" : "SQLite");
    }

    void migratesEveryOlderSchemaToCurrent_data()
    {
        QTest::addColumn<int>("fromVersion");
        for (const Schema::Migration &m : Schema::migrations()) {
            if (m.version < Schema::currentVersion())
                QTest::addRow("v%d", m.version) << m.version;
        }
    }

    void migratesEveryOlderSchemaToCurrent()
    {
        QFETCH(int, fromVersion);
        const QUrl url = m_backend.freshUrl();
        {
            // The database as an older build left it, written with that build's DDL.
            storetest::RawConnection raw(url);
            QVERIFY(raw.isOpen());
            QCOMPARE(raw.exec(QStringLiteral("CREATE TABLE schema_version (version INTEGER "
                                             "NOT NULL)")),
                     QString());
            for (const Schema::Migration &m : Schema::migrations()) {
                if (m.version > fromVersion)
                    break;
                for (const QString &sql : Schema::statements(m, dialect()))
                    QCOMPARE(raw.exec(sql), QString());
            }
            QCOMPARE(
                raw.exec(QStringLiteral("INSERT INTO schema_version VALUES (%1)").arg(fromVersion)),
                QString());
            // Rows only the first schema's columns know about.
            QCOMPARE(raw.exec(QStringLiteral(
                         "INSERT INTO accounts (id, provider, display_name, auth_kind, "
                         "access_key_id) VALUES ('a1', 'huawei', 'Old account', 'access-key', "
                         "'HPUAOLD')")),
                     QString());
            QCOMPARE(raw.exec(QStringLiteral(
                         "INSERT INTO account_regions (account_id, position, region) VALUES "
                         "('a1', 0, 'ap-southeast-1')")),
                     QString());
            QCOMPARE(raw.exec(QStringLiteral(
                         "INSERT INTO caches (key, provider, account_id, region, id, name, "
                         "status, raw_status, size_gib, images) VALUES "
                         "('a1/ap-southeast-1/c1', 'huawei', 'a1', 'ap-southeast-1', 'c1', "
                         "'old-cache', 'ready', 'Available', 25, '[\"nginx:1\"]')")),
                     QString());
            QCOMPARE(raw.exec(QStringLiteral(
                         "INSERT INTO cache_tags (cache_key, position, tag_key, tag_value) "
                         "VALUES ('a1/ap-southeast-1/c1', 0, 'team', 'infra')")),
                     QString());
            QCOMPARE(raw.exec(QStringLiteral(
                         "INSERT INTO journal (at, os_user, account_id, action, target, result) "
                         "VALUES (1700000000000, 'alice', 'a1', 'cache.create', 'c1', 'ok')")),
                     QString());
        }

        Store store;
        QVERIFY2(store.open(url), qPrintable(store.errorString()));
        QCOMPARE(store.schemaVersion(), Schema::currentVersion());

        const QList<Account> accounts = store.accounts();
        QCOMPARE(accounts.size(), 1);
        QCOMPARE(accounts.first().displayName, QStringLiteral("Old account"));
        QCOMPARE(accounts.first().regions.size(), 1);
        QCOMPARE(accounts.first().regions.first().region, QStringLiteral("ap-southeast-1"));

        const QList<core::ImageCache> caches = store.loadCaches();
        QCOMPARE(caches.size(), 1);
        QCOMPARE(caches.first().name, QStringLiteral("old-cache"));
        QCOMPARE(caches.first().status, core::CacheStatus::Ready);
        QCOMPARE(caches.first().images, QStringList{QStringLiteral("nginx:1")});
        QCOMPARE(caches.first().tags, (QList<core::Tag>{{"team", "infra"}}));
        QVERIFY(caches.first().events.isEmpty());
        QVERIFY(!caches.first().progress.has_value());

        const QList<JournalEntry> journal = store.journal();
        QCOMPARE(journal.size(), 1);
        QCOMPARE(journal.first().osUser, QStringLiteral("alice"));
        QVERIFY(journal.first().requestId.isEmpty());

        // The columns and tables of later schemas now work.
        core::ImageCache c = fullCache(QStringLiteral("new"));
        QVERIFY2(store.applyChangeSet({{c}, {}, {}}), qPrintable(store.errorString()));
        QCOMPARE(store.loadCaches(c.accountId, c.region), QList<core::ImageCache>{c});
        QVERIFY(store.appendJournal({0,
                                     {},
                                     {},
                                     QStringLiteral("a1"),
                                     QStringLiteral("cache.delete"),
                                     QStringLiteral("c1"),
                                     QStringLiteral("req-9"),
                                     QStringLiteral("ok"),
                                     {}})
                > 0);
        QVERIFY(store.saveImages(QStringLiteral("a1"), QStringLiteral("ap-southeast-1"), {}));

        // Opening again migrates nothing and keeps the data.
        store.close();
        QVERIFY(store.open(url));
        QCOMPARE(store.loadCaches().size(), 2);
    }

    void recordsImageDigestsAndTagChecks()
    {
        Store store;
        QVERIFY2(store.open(m_backend.freshUrl()), qPrintable(store.errorString()));
        const core::ImageCache a = fullCache(QStringLiteral("a"));
        const core::ImageCache b = fullCache(QStringLiteral("b"));
        QVERIFY(store.applyChangeSet({{a, b}, {}, {}}));
        const QString web = a.images.at(0);
        const QString nginx = a.images.at(1);
        const QString oldDigest = QStringLiteral("sha256:") + QString(64, QLatin1Char('a'));
        const QString newDigest = QStringLiteral("sha256:") + QString(64, QLatin1Char('b'));
        auto recorded = [&](const core::ImageCache &c, const QString &image) {
            return ImageDigest{c.key(), c.accountId, c.region,
                               image,   oldDigest,   at(1'700'000'000'000),
                               {},      {},          {}};
        };
        QVERIFY2(store.recordDigests({recorded(a, web), recorded(a, nginx), recorded(b, web)}),
                 qPrintable(store.errorString()));
        QList<ImageDigest> digests = store.imageDigests();
        QCOMPARE(digests.size(), 3);
        QCOMPARE(digests.at(0), recorded(a, web)); // in the cache's image order
        QCOMPARE(digests.at(1), recorded(a, nginx));
        QCOMPARE(digests.at(0).state(), ImageDigest::State::NotChecked);

        // A check sets the current digest or the error, never the recorded digest.
        ImageDigest moved = recorded(a, web);
        moved.digest = QStringLiteral("sha256:ignored");
        moved.currentDigest = newDigest;
        moved.checkedAt = at(1'700'000'600'000);
        ImageDigest failed = recorded(a, nginx);
        failed.checkedAt = at(1'700'000'600'000);
        failed.checkError = QStringLiteral("UNAUTHORIZED: authentication required");
        ImageDigest same = recorded(b, web);
        same.currentDigest = oldDigest;
        same.checkedAt = at(1'700'000'600'000);
        QVERIFY2(store.recordDigestChecks({moved, failed, same}), qPrintable(store.errorString()));
        digests = store.imageDigests();
        QCOMPARE(digests.at(0).digest, oldDigest);
        QCOMPARE(digests.at(0).currentDigest, newDigest);
        QCOMPARE(digests.at(0).checkedAt, at(1'700'000'600'000));
        QCOMPARE(digests.at(0).state(), ImageDigest::State::Moved);
        QCOMPARE(digests.at(1).state(), ImageDigest::State::CouldNotCheck);
        QCOMPARE(digests.at(1).checkError, failed.checkError);
        QCOMPARE(digests.at(2).state(), ImageDigest::State::Same);

        // Recording again (a cache re-created under the same key) replaces its rows.
        QVERIFY(store.recordDigests({recorded(a, nginx)}));
        QCOMPARE(store.imageDigests().size(), 2);

        // A cache gone from the store takes its digests with it, as does its account.
        QVERIFY(store.applyChangeSet({{}, {}, {a.key()}}));
        digests = store.imageDigests();
        QCOMPARE(digests.size(), 1);
        QCOMPARE(digests.first().cacheKey, b.key());
        QVERIFY(store.removeCaches(b.accountId, b.region));
        QVERIFY(store.imageDigests().isEmpty());
    }

    void roundTripsEveryField()
    {
        Store store;
        const QUrl url = m_backend.freshUrl();
        QVERIFY2(store.open(url), qPrintable(store.errorString()));
        core::ImageCache a = fullCache(QStringLiteral("imc-a"));
        core::ImageCache noProgress = fullCache(QStringLiteral("imc-b"));
        noProgress.progress.reset();
        noProgress.raw = {};
        noProgress.events.clear();
        core::ImageCache zeroProgress = fullCache(QStringLiteral("imc-c"));
        zeroProgress.progress = 0;
        const core::ImageCache hw = huaweiCache(QStringLiteral("ic-1"));
        QVERIFY2(store.applyChangeSet({{a, noProgress, zeroProgress, hw}, {}, {}}),
                 qPrintable(store.errorString()));

        const QList<core::ImageCache> loaded = sortedByKey(store.loadCaches());
        QCOMPARE(loaded, sortedByKey({a, noProgress, zeroProgress, hw}));
        const auto find = [&](const QString &id) {
            return *std::find_if(loaded.begin(), loaded.end(),
                                 [&](const core::ImageCache &c) { return c.id == id; });
        };
        QVERIFY(!find(QStringLiteral("imc-b")).progress.has_value());
        QCOMPARE(find(QStringLiteral("imc-c")).progress, std::optional<int>(0));
        QCOMPARE(find(QStringLiteral("imc-a")).raw.value(QStringLiteral("Unknown")).toObject(),
                 a.raw.value(QStringLiteral("Unknown")).toObject());
        QCOMPARE(find(QStringLiteral("imc-a")).events.at(1).lastTimestamp, QDateTime());

        QCOMPARE(store.loadCaches(QStringLiteral("acc-2"), QStringLiteral("ap-southeast-1")),
                 QList<core::ImageCache>{hw});
        QVERIFY(store.removeCaches(QStringLiteral("acc-1"), QStringLiteral("cn-north-4")));
        QCOMPARE(store.cacheCount(), 4); // another region: nothing removed
        QVERIFY(store.loadCaches(QStringLiteral("acc-2"), QStringLiteral("cn-hangzhou")).isEmpty());
        QCOMPARE(store.cacheCount(), 4);
        QVERIFY(store.removeCaches(QStringLiteral("acc-1"), QStringLiteral("cn-hangzhou")));
        QCOMPARE(store.loadCaches(), QList<core::ImageCache>{hw});
        QVERIFY(store.removeCaches(QStringLiteral("acc-2")));
        QCOMPARE(store.cacheCount(), 0);
        storetest::RawConnection raw(url);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM cache_tags")).toInt(), 0);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM cache_events")).toInt(), 0);
    }

    void appliesInsertChangeAndRemove()
    {
        Store store;
        const QUrl url = m_backend.freshUrl();
        QVERIFY(store.open(url));
        const QList<core::ImageCache> known = {fullCache("1"), fullCache("2"), fullCache("3")};
        QVERIFY(store.applyChangeSet({known, {}, {}}));

        core::ImageCache two = fullCache("2");
        two.status = core::CacheStatus::Ready;
        two.rawStatus = QStringLiteral("Ready");
        two.progress = 100;
        two.tags = {{QStringLiteral("team"), QStringLiteral("platform")}};
        two.events.append({QStringLiteral("Normal"), QStringLiteral("Ready"),
                           QStringLiteral("done"), QStringLiteral("ev-3"), 1, at(1), at(2)});
        core::ImageCache three = fullCache("3");
        three.message = QStringLiteral("renamed only");
        const QList<core::ImageCache> current = {two, three, fullCache("4")};
        const core::ChangeSet set = core::ChangeSet::between(known, current);
        QCOMPARE(set.inserted.size(), 1);
        QCOMPARE(set.changed.size(), 2);
        QCOMPARE(set.removed, QStringList{fullCache("1").key()});

        QVERIFY2(store.applyChangeSet(set), qPrintable(store.errorString()));
        QCOMPARE(sortedByKey(store.loadCaches()), sortedByKey(current));

        // Applying the same insert again (e.g. a retried poll) updates instead of failing.
        QVERIFY(store.applyChangeSet({{two}, {}, {}}));
        QCOMPARE(store.cacheCount(), 3);
        // A key both written and removed in one set ends removed, with no tags left behind;
        // a key inserted twice keeps the last version.
        core::ImageCache twice = fullCache("5");
        twice.name = QStringLiteral("second");
        QVERIFY(store.applyChangeSet(
            {{fullCache("5"), twice, fullCache("6")}, {}, {fullCache("6").key()}}));
        QCOMPARE(store.loadCaches(twice.accountId, twice.region).size(), 4);
        QCOMPARE(store.loadCaches().last().name, QStringLiteral("second"));
        {
            storetest::RawConnection raw(url);
            QCOMPARE(
                raw.scalar(QStringLiteral("SELECT COUNT(*) FROM cache_tags WHERE cache_key = '%1'")
                               .arg(fullCache("6").key()))
                    .toInt(),
                0);
        }
        // Removing what is not there is not an error.
        QVERIFY(store.applyChangeSet({{}, {}, {QStringLiteral("acc-1/cn-hangzhou/none")}}));
    }

    void failingStatementRollsBackTheWholeChangeSet()
    {
        const QUrl url = m_backend.freshUrl();
        Store store;
        QVERIFY(store.open(url));
        const QList<core::ImageCache> before = {fullCache("keep"), fullCache("gone")};
        QVERIFY(store.applyChangeSet({before, {}, {}}));
        {
            storetest::RawConnection raw(url);
            if (storetest::Backend::postgres) {
                QCOMPARE(raw.exec(QStringLiteral(
                             "CREATE FUNCTION boom() RETURNS trigger AS $$ BEGIN "
                             "IF NEW.tag_key = 'boom' THEN RAISE EXCEPTION 'boom tag refused'; "
                             "END IF; RETURN NEW; END $$ LANGUAGE plpgsql")),
                         QString());
                QCOMPARE(raw.exec(QStringLiteral("CREATE TRIGGER boom BEFORE INSERT ON "
                                                 "cache_tags FOR EACH ROW EXECUTE FUNCTION "
                                                 "boom()")),
                         QString());
            } else {
                QCOMPARE(raw.exec(QStringLiteral(
                             "CREATE TRIGGER boom BEFORE INSERT ON cache_tags WHEN "
                             "NEW.tag_key = 'boom' BEGIN SELECT RAISE(ABORT, 'boom tag refused'); "
                             "END")),
                         QString());
            }
        }
        core::ImageCache changed = fullCache("keep");
        changed.name = QStringLiteral("changed-name");
        core::ImageCache bad = fullCache("zz-bad");
        bad.tags = {{QStringLiteral("boom"), QStringLiteral("x")}};
        core::ChangeSet set;
        set.inserted = {fullCache("new-1"), fullCache("new-2")};
        set.changed = {{changed, core::CacheField::Name}};
        set.removed = {fullCache("gone").key()};
        set.inserted.append(bad); // fails after the others were written

        QVERIFY(!store.applyChangeSet(set));
        QVERIFY2(store.errorString().contains(QLatin1String("boom tag refused")),
                 qPrintable(store.errorString()));
        QCOMPARE(sortedByKey(store.loadCaches()), sortedByKey(before));
        // The store is still usable after the rollback.
        QVERIFY(store.applyChangeSet({{fullCache("after")}, {}, {}}));
        QCOMPARE(store.cacheCount(), 3);
    }

    void journalsCreateUpdateAndDelete()
    {
        Store store;
        QVERIFY(store.open(m_backend.freshUrl()));
        const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-1);
        const QStringList actions = {QStringLiteral("cache.create"), QStringLiteral("cache.update"),
                                     QStringLiteral("cache.delete")};
        for (const QString &action : actions) {
            JournalEntry e;
            e.accountId = QStringLiteral("acc-1");
            e.action = action;
            e.target = QStringLiteral("imc-1");
            e.requestId = QStringLiteral("req-") + action;
            e.result = action.endsWith(QLatin1String("delete")) ? QStringLiteral("failed")
                                                                : QStringLiteral("ok");
            e.message = action.endsWith(QLatin1String("delete"))
                            ? QStringLiteral("IncorrectImageCacheStatus")
                            : QString();
            QVERIFY(store.appendJournal(e) > 0);
        }
        JournalEntry other;
        other.accountId = QStringLiteral("acc-2");
        other.action = QStringLiteral("cache.create");
        other.target = QStringLiteral("ic-9");
        QVERIFY(store.appendJournal(other) > 0);
        JournalEntry noAction;
        QCOMPARE(store.appendJournal(noAction), 0);

        const QList<JournalEntry> mine = store.journal({QStringLiteral("acc-1"), {}, {}, 0});
        QCOMPARE(mine.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(mine.at(i).action, actions.at(i));
            QCOMPARE(mine.at(i).requestId, QStringLiteral("req-") + actions.at(i));
            QCOMPARE(mine.at(i).osUser, Store::osUser());
            QVERIFY(mine.at(i).at >= start);
            QVERIFY(mine.at(i).at <= QDateTime::currentDateTimeUtc());
        }
        QCOMPARE(mine.at(2).result, QStringLiteral("failed"));
        QCOMPARE(mine.at(2).message, QStringLiteral("IncorrectImageCacheStatus"));
        QVERIFY(mine.at(0).id < mine.at(1).id);

        QCOMPARE(store.journal({{}, QStringLiteral("cache.create"), {}, 0}).size(), 2);
        const QList<JournalEntry> lastTwo = store.journal({{}, {}, {}, 2});
        QCOMPARE(lastTwo.size(), 2);
        QCOMPARE(lastTwo.at(0).action, QStringLiteral("cache.delete"));
        QCOMPARE(lastTwo.at(1).target, QStringLiteral("ic-9"));
        QCOMPARE(store.journal({{}, {}, QDateTime::currentDateTimeUtc().addDays(1), 0}).size(), 0);
    }

    void validatesAccounts_data()
    {
        QTest::addColumn<Account>("account");
        QTest::addColumn<QString>("message");
        Account a = sampleAccount();
        a.displayName = QStringLiteral("  ");
        QTest::newRow("no name") << a << QStringLiteral("A display name is required");
        a = sampleAccount();
        a.regions.clear();
        QTest::newRow("no region") << a << QStringLiteral("At least one region is required");
        a = sampleAccount();
        a.regions[0].endpointOverride = QUrl(QStringLiteral("http://cce.example.com"));
        QTest::newRow("plain http") << a
                                    << QStringLiteral("Region ap-southeast-1: Endpoint "
                                                      "\"http://cce.example.com\" must use HTTPS "
                                                      "(plain HTTP is allowed for loopback "
                                                      "addresses only)");
        a = sampleAccount();
        a.regions[0].endpointOverride = QUrl(QStringLiteral("ftp://127.0.0.1/"));
        QTest::newRow("ftp") << a
                             << QStringLiteral("Region ap-southeast-1: Endpoint "
                                               "\"ftp://127.0.0.1/\" must be an https:// URL");
        a = sampleAccount();
        a.regions[0].projectId = QStringLiteral("0123456789abcdef0123456789abcde");
        QTest::newRow("short project id")
            << a
            << QStringLiteral("Region ap-southeast-1: project id "
                              "\"0123456789abcdef0123456789abcde\" must be 32 hexadecimal "
                              "characters");
        a = sampleAccount();
        a.regions.append(a.regions.first());
        QTest::newRow("twice") << a << QStringLiteral("Region ap-southeast-1 is listed twice");
        a = sampleAccount();
        a.regions[0].region = QStringLiteral("AP South");
        QTest::newRow("bad region") << a
                                    << QStringLiteral("Region \"AP South\" is not a region id "
                                                      "such as cn-hangzhou or ap-southeast-1");
        a = sampleAccount();
        a.authKind = Account::AuthKind::IamToken;
        QTest::newRow("iam without user")
            << a << QStringLiteral("An IAM user name is required for IAM token sign-in");
        a = sampleAccount();
        a.provider = core::Provider::Alibaba;
        a.regions[0].projectId.clear();
        a.authKind = Account::AuthKind::IamToken;
        a.iamUserName = QStringLiteral("u");
        a.iamDomainName = QStringLiteral("d");
        QTest::newRow("iam on alibaba")
            << a << QStringLiteral("IAM token sign-in applies to Huawei Cloud accounts only");
        a = sampleAccount();
        a.registries.append({QStringLiteral("https://registry.example.com"), QStringLiteral("u")});
        QTest::newRow("registry with scheme")
            << a
            << QStringLiteral("Registry \"https://registry.example.com\" must be a host name "
                              "such as registry.example.com, without http(s)://");
        a = sampleAccount();
        a.registries.append({QStringLiteral("registry.example.com"), QStringLiteral("u")});
        QTest::newRow("registry twice")
            << a << QStringLiteral("Registry registry.example.com is listed twice");
        a = sampleAccount();
        a.accessKeyId.clear();
        QTest::newRow("no key id") << a << QStringLiteral("An access key id is required");
    }

    void validatesAccounts()
    {
        QFETCH(Account, account);
        QFETCH(QString, message);
        const QStringList problems = account.validate();
        QVERIFY2(problems.contains(message), qPrintable(problems.join(QLatin1Char('|'))));

        Store store;
        QVERIFY(store.open(m_backend.freshUrl()));
        QVERIFY(!store.addAccount(account));
        QVERIFY(store.errorString().contains(message));
        QVERIFY(store.accounts().isEmpty());
        QVERIFY(store.journal().isEmpty());
    }

    void acceptsLoopbackEndpoints()
    {
        for (const char *endpoint :
             {"http://127.0.0.1:8080", "http://127.8.9.10", "http://[::1]:99",
              "http://localhost:1234/base", "https://cce.example.com"}) {
            Account a = sampleAccount();
            a.regions[0].endpointOverride = QUrl(QString::fromLatin1(endpoint));
            QVERIFY2(a.validate().isEmpty(), endpoint);
        }
    }

    void accountsCrudIsJournaled()
    {
        Store store;
        QVERIFY(store.open(m_backend.freshUrl()));
        Account a = sampleAccount();
        Account b = sampleAccount(QStringLiteral("Alpha"));
        b.provider = core::Provider::Alibaba;
        b.regions = {{QStringLiteral("cn-hangzhou"), QUrl(), QString()}};
        b.alibabaSignatureVersion = Account::SignatureVersion::V1;
        QVERIFY2(store.addAccount(a), qPrintable(store.errorString()));
        QVERIFY(store.addAccount(b));
        QVERIFY(!store.addAccount(a));
        QVERIFY(store.errorString().contains(QLatin1String("already exists")));
        QCOMPARE(store.accounts(), (QList<Account>{b, a})); // by display name
        QCOMPARE(store.account(a.id), std::optional<Account>(a));

        a.displayName = QStringLiteral("Production (renamed)");
        a.regions.removeLast();
        a.regions.append({QStringLiteral("cn-east-3"), QUrl(QStringLiteral("https://cce.internal")),
                          QStringLiteral("fedcba9876543210fedcba9876543210")});
        QVERIFY(store.updateAccount(a));
        QCOMPARE(store.account(a.id), std::optional<Account>(a));

        Account ghost = sampleAccount(QStringLiteral("Ghost"));
        QVERIFY(!store.updateAccount(ghost));
        QVERIFY(store.errorString().contains(ghost.id));

        // Removing an account removes what was cached for it, not other accounts' data.
        core::ImageCache mine = fullCache("x", a.id);
        core::ImageCache theirs = fullCache("y", b.id);
        QVERIFY(store.applyChangeSet({{mine, theirs}, {}, {}}));
        QVERIFY(store.removeAccount(a.id));
        QVERIFY(!store.removeAccount(a.id));
        QCOMPARE(store.accounts(), QList<Account>{b});
        QCOMPARE(store.loadCaches(), QList<core::ImageCache>{theirs});

        const QList<JournalEntry> journal = store.journal();
        QStringList actions;
        for (const JournalEntry &e : journal) {
            actions << e.action + QLatin1Char(' ') + e.target;
            QCOMPARE(e.osUser, Store::osUser());
            QCOMPARE(e.result, QStringLiteral("ok"));
        }
        QCOMPARE(actions, (QStringList{QStringLiteral("account.create ") + a.id,
                                       QStringLiteral("account.create ") + b.id,
                                       QStringLiteral("account.update ") + a.id,
                                       QStringLiteral("account.delete ") + a.id}));
    }

    void savesImagesLayersAndSyncState()
    {
        Store store;
        QVERIFY(store.open(m_backend.freshUrl()));
        core::ImageInfo hss;
        hss.provider = core::Provider::Huawei;
        hss.accountId = QStringLiteral("acc");
        hss.region = QStringLiteral("ap-southeast-1");
        hss.id = QStringLiteral("img-1");
        hss.name = QStringLiteral("proxy-agent");
        hss.version = QStringLiteral("v2");
        hss.imageType = QStringLiteral("private_image");
        hss.namespaceName = QStringLiteral("scc hss");
        hss.digest = QStringLiteral("sha256:") + QString(64, QLatin1Char('a'));
        hss.sizeBytes = 123456789012;
        hss.created = at(1'700'000'000'000);
        hss.scanStatus = QStringLiteral("finished");
        hss.raw = QJsonObject{{QStringLiteral("image_id"), QStringLiteral("img-1")}};
        hss.layers = {{QStringLiteral("Ubuntu"), QStringLiteral("22.04"),
                       QStringLiteral("sha256:") + QString(64, QLatin1Char('b'))}};
        core::ImageInfo ehpc;
        ehpc.provider = core::Provider::Huawei;
        ehpc.accountId = hss.accountId;
        ehpc.region = hss.region;
        ehpc.id = QStringLiteral("m-2");
        ehpc.sizeText = QStringLiteral("40 GiB");
        ehpc.hasContainerSpec = true;
        ehpc.containerSpec.registryUrl = QStringLiteral("registry.example.com/a:1");
        ehpc.containerSpec.isAcrEnterprise = true;
        ehpc.containerSpec.credential
            = {QStringLiteral("registry.example.com"), QStringLiteral("bob"), true};
        ehpc.hasVmSpec = true;
        ehpc.vmSpec = {QStringLiteral("m-vm"), QStringLiteral("CentOS"), QStringLiteral("linux"),
                       QStringLiteral("x86_64")};
        ehpc.additionalRegions
            = {{QStringLiteral("cn-beijing"), QStringLiteral("m-3"), QStringLiteral("Available")}};
        QVERIFY2(store.saveImages(hss.accountId, hss.region, {hss, ehpc}),
                 qPrintable(store.errorString()));
        QCOMPARE(store.loadImages(hss.accountId, hss.region), (QList<core::ImageInfo>{hss, ehpc}));

        const QList<core::ImageLayer> layers
            = {{QStringLiteral("Debian"), QStringLiteral("12"), QStringLiteral("sha256:1")},
               {QStringLiteral("Alpine"), QStringLiteral("3.19"), QStringLiteral("sha256:2")}};
        QVERIFY(store.saveLayers(hss.accountId, hss.region, ehpc.id, layers));
        QCOMPARE(store.loadImages(hss.accountId, hss.region).at(1).layers, layers);
        // A new listing replaces the old one.
        QVERIFY(store.saveImages(hss.accountId, hss.region, {ehpc}));
        QCOMPARE(store.loadImages(hss.accountId, hss.region).size(), 1);
        QVERIFY(store.loadImages(hss.accountId, QStringLiteral("cn-north-4")).isEmpty());
    }

    void corruptFileIsMovedAsideAndReplaced()
    {
        if (storetest::Backend::postgres)
            QSKIP("SQLite files only: a PostgreSQL server guards its own files");
        // 1. Not a database at all (with a stray WAL beside it).
        const QString path = m_backend.tempPath(QStringLiteral("corrupt.db"));
        const QByteArray garbage = "this is a shopping list, not a database\n";
        QVERIFY(writeFile(path, garbage));
        QVERIFY(writeFile(path + QStringLiteral("-wal"), "wal garbage"));
        Store store;
        QVERIFY2(store.open(DatabaseUrl::sqliteUrl(path)), qPrintable(store.errorString()));
        QCOMPARE(store.notices().size(), 1);
        const QString notice = store.notices().first();
        QVERIFY2(notice.contains(QLatin1String("corrupt.db.corrupt-")), qPrintable(notice));
        QVERIFY(notice.contains(QLatin1String("nothing was deleted")));
        const QStringList moved
            = QDir(m_backend.tempPath({})).entryList({QStringLiteral("corrupt.db.corrupt-*")});
        QCOMPARE(moved.size(), 2); // the file and its -wal, under matching names
        const QString movedFile = m_backend.tempPath(moved.first());
        QCOMPARE(readAll(movedFile), garbage);
        QCOMPARE(readAll(movedFile + QStringLiteral("-wal")), QByteArray("wal garbage"));
        QVERIFY(store.applyChangeSet({{fullCache("fresh")}, {}, {}}));
        QCOMPARE(store.schemaVersion(), Schema::currentVersion());
        store.close();

        // 2. A real database whose schema page was overwritten: the header still looks right.
        const QString path2 = m_backend.tempPath(QStringLiteral("damaged.db"));
        {
            Store good;
            QVERIFY(good.open(DatabaseUrl::sqliteUrl(path2)));
            QVERIFY(good.applyChangeSet({{fullCache("a"), fullCache("b")}, {}, {}}));
            good.close();
        }
        {
            // Checkpoint the WAL into the file so the damage below hits real data.
            storetest::RawConnection raw(DatabaseUrl::sqliteUrl(path2));
            raw.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
            raw.exec(QStringLiteral("PRAGMA journal_mode=DELETE"));
        }
        QByteArray bytes = readAll(path2);
        QVERIFY(bytes.size() > 4096);
        for (int i = 100; i < 4096; ++i)
            bytes[i] = char(0xA5 ^ (i & 0xFF));
        QVERIFY(writeFile(path2, bytes));
        QVERIFY2(store.open(DatabaseUrl::sqliteUrl(path2)), qPrintable(store.errorString()));
        QCOMPARE(store.notices().size(), 1);
        QVERIFY(store.notices().first().contains(QLatin1String("damaged.db.corrupt-")));
        QCOMPARE(store.cacheCount(), 0);
        const QStringList moved2
            = QDir(m_backend.tempPath({})).entryList({QStringLiteral("damaged.db.corrupt-*")});
        QCOMPARE(moved2.size(), 1);
        QCOMPARE(readAll(m_backend.tempPath(moved2.first())), bytes);
        store.close();

        // 3. Through the worker, as the console opens it: the notice comes back with the result.
        const QString path3 = m_backend.tempPath(QStringLiteral("worker.db"));
        QVERIFY(writeFile(path3, QByteArray(200, 'x')));
        StoreWorker worker;
        QFuture<StoreResult<QStringList>> opened = worker.open(DatabaseUrl::sqliteUrl(path3));
        QTRY_VERIFY_WITH_TIMEOUT(opened.isFinished(), 10000);
        QVERIFY(opened.result().ok);
        QCOMPARE(opened.result().value.size(), 1);
        QVERIFY(opened.result().value.first().contains(QLatin1String("worker.db.corrupt-")));
    }

    void unreadableFileIsNotTouched()
    {
        if (storetest::Backend::postgres)
            QSKIP("SQLite files only");
        const QString dirPath = m_backend.tempPath(QStringLiteral("a-folder.db"));
        QVERIFY(QDir().mkpath(dirPath));
        Store store;
        QVERIFY(!store.open(DatabaseUrl::sqliteUrl(dirPath)));
        QVERIFY2(store.errorString().contains(QLatin1String("is a folder")),
                 qPrintable(store.errorString()));
        QVERIFY(QFileInfo(dirPath).isDir());
        QVERIFY(store.notices().isEmpty());

        const QString path = m_backend.tempPath(QStringLiteral("locked.db"));
        {
            Store good;
            QVERIFY(good.open(DatabaseUrl::sqliteUrl(path)));
        }
        const QByteArray before = readAll(path);
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QString error;
        if (::geteuid() == 0) {
            // Root reads any file, so ask an unprivileged user to open it in a child process.
            const QString runuser = QStandardPaths::findExecutable(QStringLiteral("runuser"));
            if (runuser.isEmpty())
                QSKIP("running as root without runuser: cannot test an unreadable file");
            QFile::setPermissions(m_backend.tempPath({}),
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                      | QFileDevice::ExeOwner | QFileDevice::ExeOther);
            QProcess child;
            child.start(runuser,
                        {QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--"),
                         QStringLiteral(STORE_WRITER_PATH), DatabaseUrl::sqliteUrl(path).toString(),
                         QStringLiteral("x"), QStringLiteral("1"), QStringLiteral("1")});
            QVERIFY(child.waitForFinished(30000));
            QCOMPARE(child.exitCode(), 1);
            error = QString::fromUtf8(child.readAllStandardError());
            if (error.startsWith(QLatin1String("runuser:")))
                QSKIP(qPrintable(QStringLiteral("cannot switch to an unprivileged user: ")
                                 + error.trimmed()));
        } else {
            QFile::setPermissions(path, QFileDevice::Permissions());
            QVERIFY(!store.open(DatabaseUrl::sqliteUrl(path)));
            error = store.errorString();
            QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
        QVERIFY2(error.contains(QLatin1String("cannot be read")), qPrintable(error));
        QVERIFY(error.contains(QLatin1String("Nothing was changed")));
        QCOMPARE(readAll(path), before);
        QVERIFY(QDir(m_backend.tempPath({}))
                    .entryList({QStringLiteral("locked.db.corrupt-*")})
                    .isEmpty());
    }

    void reportsAnUnreachableDatabase()
    {
        Store store;
        QUrl url;
        if (storetest::Backend::postgres) {
            url = m_backend.baseUrl();
            url.setPath(QStringLiteral("/no_such_database"));
        } else {
            const QString file = m_backend.tempPath(QStringLiteral("plain-file"));
            QVERIFY(writeFile(file, "x"));
            url = DatabaseUrl::sqliteUrl(file + QStringLiteral("/sub/imagecache.db"));
        }
        QVERIFY(!store.open(url));
        QVERIFY(!store.isOpen());
        QVERIFY2(store.errorString().contains(storetest::Backend::postgres
                                                  ? QLatin1String("Cannot open the database")
                                                  : QLatin1String("Cannot create the folder")),
                 qPrintable(store.errorString()));
        QVERIFY(!store.applyChangeSet({{fullCache("x")}, {}, {}}));
        QCOMPARE(store.errorString(), QStringLiteral("The store is not open"));
        QVERIFY(store.loadCaches().isEmpty());
    }

    void accountManagerKeepsSecretsWithTheirAccount()
    {
        Store store;
        QVERIFY(store.open(m_backend.freshUrl()));
        MemoryCredentialStore credentials;
        AccountManager manager(store, credentials);
        const auto finish = [](QFuture<QString> f) {
            return QTest::qWaitFor([&] { return f.isFinished(); }, 10000)
                       ? f.result()
                       : QStringLiteral("timeout");
        };

        Account a = sampleAccount();
        AccountManager::Secrets secrets;
        QCOMPARE(finish(manager.add(a, secrets)),
                 QStringLiteral("The secret access key is required"));
        secrets.secretKey = QStringLiteral("sk-1");
        secrets.registryPasswords.insert(QStringLiteral("other.example.com"), QStringLiteral("x"));
        QVERIFY(finish(manager.add(a, secrets)).contains(QLatin1String("does not list")));
        QVERIFY(store.accounts().isEmpty());
        QVERIFY(credentials.keys().isEmpty());

        secrets.registryPasswords
            = {{QStringLiteral("Registry.Example.com"), QStringLiteral("rp-1")}};
        QCOMPARE(finish(manager.add(a, secrets)), QString());
        QCOMPARE(store.account(a.id), std::optional<Account>(a));
        QCOMPARE(credentials.readNow(CredentialStore::secretKey(a.id)).value,
                 QStringLiteral("sk-1"));
        QCOMPARE(credentials
                     .readNow(CredentialStore::registryPasswordKey(
                         a.id, QStringLiteral("registry.example.com")))
                     .value,
                 QStringLiteral("rp-1"));
        QVERIFY(finish(manager.add(a, secrets)).contains(QLatin1String("already exists")));

        // Dropping the registry drops its password; an empty secret keeps the stored one.
        a.registries.clear();
        QCOMPARE(finish(manager.update(a, {})), QString());
        QCOMPARE(credentials.keys(), QStringList{CredentialStore::secretKey(a.id)});
        QCOMPARE(credentials.readNow(CredentialStore::secretKey(a.id)).value,
                 QStringLiteral("sk-1"));

        QCOMPARE(finish(manager.remove(a.id)), QString());
        QVERIFY(credentials.keys().isEmpty());
        QVERIFY(store.accounts().isEmpty());
        QVERIFY(finish(manager.remove(a.id)).contains(a.id));
        QStringList actions;
        for (const JournalEntry &e : store.journal())
            actions << e.action;
        QCOMPARE(actions,
                 (QStringList{QStringLiteral("account.create"), QStringLiteral("account.update"),
                              QStringLiteral("account.delete")}));
    }

    void refusesANewerSchema()
    {
        const QUrl url = m_backend.freshUrl();
        {
            Store store;
            QVERIFY(store.open(url));
            QVERIFY(store.applyChangeSet({{fullCache("kept")}, {}, {}}));
        }
        const int newer = Schema::currentVersion() + 1;
        {
            storetest::RawConnection raw(url);
            QCOMPARE(raw.exec(QStringLiteral("UPDATE schema_version SET version = %1").arg(newer)),
                     QString());
        }
        Store store;
        QVERIFY(!store.open(url));
        QVERIFY2(store.errorString().contains(QLatin1String("newer version")),
                 qPrintable(store.errorString()));
        QVERIFY(store.errorString().contains(QString::number(newer)));
        QVERIFY(!store.isOpen());
        storetest::RawConnection raw(url);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT version FROM schema_version")).toInt(), newer);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM caches")).toInt(), 1);
    }

    void twoProcessesWriteOneDatabase()
    {
        const QUrl url = m_backend.freshUrl(); // not created yet: the writers race to create it
        const int batches = 40;
        const int perBatch = 25;
        QList<QProcess *> writers;
        for (const char *prefix : {"proc-a", "proc-b"}) {
            auto *p = new QProcess(this);
            p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
            p->start(QStringLiteral(STORE_WRITER_PATH),
                     {url.toString(), QString::fromLatin1(prefix), QString::number(batches),
                      QString::number(perBatch)});
            writers << p;
        }
        // This process writes at the same time through its own connection.
        Store store;
        QVERIFY2(store.open(url), qPrintable(store.errorString()));
        for (int b = 0; b < batches; ++b) {
            core::ChangeSet set;
            for (int i = 0; i < perBatch; ++i)
                set.inserted << fullCache(QStringLiteral("main-%1-%2").arg(b).arg(i),
                                          QStringLiteral("main"));
            QVERIFY2(store.applyChangeSet(set), qPrintable(store.errorString()));
        }
        for (QProcess *p : writers) {
            QVERIFY(p->waitForFinished(120000));
            QCOMPARE(p->exitStatus(), QProcess::NormalExit);
            QCOMPARE(p->exitCode(), 0);
        }
        QCOMPARE(store.cacheCount(), 3 * batches * perBatch);
        for (const char *prefix : {"proc-a", "proc-b"}) {
            const QList<core::ImageCache> written
                = store.loadCaches(QString::fromLatin1(prefix), QStringLiteral("cn-hangzhou"));
            QCOMPARE(written.size(), batches * perBatch);
            QCOMPARE(written.first().tags.size(), 1);
            QCOMPARE(store.journal({QString::fromLatin1(prefix), {}, {}, 0}).size(), batches);
        }
        store.close();
        if (!storetest::Backend::postgres) {
            storetest::RawConnection raw(url);
            QCOMPARE(raw.scalar(QStringLiteral("PRAGMA quick_check")).toString(),
                     QStringLiteral("ok"));
            QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(),
                     QStringLiteral("wal"));
        }
    }

    void importsExistingProfiles()
    {
        const QString aliyunPath = m_backend.tempPath(QStringLiteral("aliyun-config.json"));
        QVERIFY(writeFile(aliyunPath, R"({
          "current": "default",
          "profiles": [
            {"name": "default", "mode": "AK", "access_key_id": "EXAMPLEALIKEYID01",
             "access_key_secret": "aliyun-secret-1", "sts_token": "", "region_id": "cn-hangzhou",
             "output_format": "json", "language": "en"},
            {"name": "sts", "mode": "StsToken", "access_key_id": "STS.x",
             "access_key_secret": "s", "sts_token": "t", "region_id": "cn-beijing"},
            {"name": "noregion", "mode": "AK", "access_key_id": "EXAMPLEALIKEYID02",
             "access_key_secret": "aliyun-secret-2", "region_id": ""},
            {"name": "nokey", "mode": "AK", "access_key_id": "", "access_key_secret": "",
             "region_id": "cn-hangzhou"}
          ],
          "meta_path": ""
        })"));
        const QString kooPath = m_backend.tempPath(QStringLiteral("hcloud-config.json"));
        QVERIFY(writeFile(kooPath, R"({
          "language": "en",
          "profiles": [
            {"name": "default", "mode": "AKSK", "accessKeyId": "HPUAEXAMPLEAK0000001",
             "secretAccessKey": "koo-secret-1", "securityToken": "", "region": "ap-southeast-1",
             "projectId": "0123456789abcdef0123456789abcdef", "domainId": ""},
            {"name": "temp", "mode": "AKSK", "accessKeyId": "HPUATEMP",
             "secretAccessKey": "tmp", "securityToken": "token", "region": "cn-north-4"},
            {"name": "agent", "mode": "ecsAgency", "region": "cn-north-4"},
            {"name": "options", "cli-mode": "AKSK", "cli-access-key": "HPUAOPTIONS",
             "cli-secret-key": "koo-secret-2", "cli-region": "cn-north-4"}
          ]
        })"));

        const ImportReport aliyun = ProfileImporter::readAliyun(aliyunPath);
        QVERIFY(aliyun.error.isEmpty());
        QCOMPARE(aliyun.accounts.size(), 1);
        const Account &ali = aliyun.accounts.first().account;
        QCOMPARE(ali.provider, core::Provider::Alibaba);
        QCOMPARE(ali.accessKeyId, QStringLiteral("EXAMPLEALIKEYID01"));
        QCOMPARE(ali.displayName, QStringLiteral("default (aliyun CLI)"));
        QCOMPARE(ali.regions.first().region, QStringLiteral("cn-hangzhou"));
        QCOMPARE(aliyun.skipped.size(), 3);
        QVERIFY(aliyun.skipped.at(0).contains(QLatin1String("StsToken")));
        QVERIFY(aliyun.skipped.at(1).contains(QLatin1String("At least one region is required")));
        QVERIFY(aliyun.skipped.at(2).contains(QLatin1String("no AccessKey pair")));

        const ImportReport koo = ProfileImporter::readKooCli(kooPath);
        QCOMPARE(koo.accounts.size(), 2);
        QCOMPARE(koo.accounts.at(1).account.accessKeyId, QStringLiteral("HPUAOPTIONS"));
        QCOMPARE(koo.accounts.at(1).account.regions.first().region, QStringLiteral("cn-north-4"));
        QVERIFY(koo.accounts.at(1).account.regions.first().projectId.isEmpty());
        const Account &hw = koo.accounts.first().account;
        QCOMPARE(hw.provider, core::Provider::Huawei);
        QCOMPARE(hw.regions.first().projectId, QStringLiteral("0123456789abcdef0123456789abcdef"));
        QCOMPARE(koo.skipped.size(), 2);
        QVERIFY(koo.skipped.at(0).contains(QLatin1String("security token")));
        QVERIFY(koo.skipped.at(1).contains(QLatin1String("ecsAgency")));

        QVERIFY(!ProfileImporter::readAliyun(m_backend.tempPath(QStringLiteral("none.json")))
                     .error.isEmpty());
        QVERIFY(writeFile(m_backend.tempPath(QStringLiteral("bad.json")), "{not json"));
        QVERIFY(ProfileImporter::readKooCli(m_backend.tempPath(QStringLiteral("bad.json")))
                    .error.contains(QLatin1String("not a JSON")));

        Store store;
        QVERIFY(store.open(m_backend.freshUrl()));
        MemoryCredentialStore credentials;
        for (const ImportReport &report : {aliyun, koo}) {
            QFuture<QStringList> saved = ProfileImporter::save(report, store, credentials);
            QTRY_VERIFY_WITH_TIMEOUT(saved.isFinished(), 10000);
            QCOMPARE(saved.result(), QStringList());
        }
        QCOMPARE(store.accounts().size(), 3);
        QCOMPARE(credentials.readNow(CredentialStore::secretKey(ali.id)).value,
                 QStringLiteral("aliyun-secret-1"));
        QCOMPARE(credentials.readNow(CredentialStore::secretKey(hw.id)).value,
                 QStringLiteral("koo-secret-1"));
        QCOMPARE(store.journal({{}, QStringLiteral("account.create"), {}, 0}).size(), 3);

        // The same profiles again: already there, nothing added.
        QFuture<QStringList> again
            = ProfileImporter::save(ProfileImporter::readAliyun(aliyunPath), store, credentials);
        QTRY_VERIFY_WITH_TIMEOUT(again.isFinished(), 10000);
        QCOMPARE(again.result().size(), 1);
        QVERIFY(again.result().first().contains(QLatin1String("already exists")));
        QCOMPARE(store.accounts().size(), 3);

        // The SDKs' environment variables.
        QProcessEnvironment env;
        env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), QStringLiteral("LTAIENV"));
        env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), QStringLiteral("env-sec"));
        env.insert(QStringLiteral("ALIBABA_CLOUD_REGION_ID"), QStringLiteral("cn-shanghai"));
        env.insert(QStringLiteral("HUAWEICLOUD_SDK_AK"), QStringLiteral("HPUAENV"));
        const ImportReport fromEnv = ProfileImporter::fromEnvironment(env);
        QCOMPARE(fromEnv.accounts.size(), 1);
        QCOMPARE(fromEnv.accounts.first().account.regions.first().region,
                 QStringLiteral("cn-shanghai"));
        QCOMPARE(fromEnv.accounts.first().secrets.value(QStringLiteral("env-alibaba/secret")),
                 QStringLiteral("env-sec"));
        QCOMPARE(fromEnv.skipped, QStringList{QStringLiteral(
                                      "HUAWEICLOUD_SDK_AK is set without HUAWEICLOUD_SDK_SK")});
    }

    void secretsNeverReachFiles()
    {
        const QString canary
            = QStringLiteral("SK-CANARY-") + QUuid::createUuid().toString(QUuid::Id128);
        const QString registryCanary
            = QStringLiteral("REG-CANARY-") + QUuid::createUuid().toString(QUuid::Id128);

        QStringList logs;
        {
            QMutexLocker lock(&logMutex);
            capturedLogs = &logs;
        }
        QLoggingCategory::setFilterRules(QStringLiteral("imagecache.*=true"));
        const QtMessageHandler previous = qInstallMessageHandler(captureHandler);
        const auto restore = qScopeGuard([previous] {
            qInstallMessageHandler(previous);
            QLoggingCategory::setFilterRules(QString());
            QMutexLocker lock(&logMutex);
            capturedLogs = nullptr;
        });

        const QString profile = m_backend.tempPath(QStringLiteral("leak-aliyun.json"));
        QVERIFY(writeFile(profile, QStringLiteral(R"({"profiles":[{"name":"leak","mode":"AK",
            "access_key_id":"EXAMPLEALILEAKTEST","access_key_secret":"%1","region_id":"cn-hangzhou"}]})")
                                       .arg(canary)
                                       .toUtf8()));
        const QUrl url = m_backend.freshUrl();
        MemoryCredentialStore credentials;
        Account account;
        {
            Store store;
            QVERIFY(store.open(url));
            const ImportReport report = ProfileImporter::readAliyun(profile);
            QCOMPARE(report.accounts.size(), 1);
            account = report.accounts.first().account;
            QFuture<QStringList> saved = ProfileImporter::save(report, store, credentials);
            QTRY_VERIFY_WITH_TIMEOUT(saved.isFinished(), 10000);
            QCOMPARE(saved.result(), QStringList());
            credentials.writeNow(
                CredentialStore::registryPasswordKey(account.id, QStringLiteral("reg.example.com")),
                registryCanary);
            // The secret really is where it belongs.
            QCOMPARE(credentials.readNow(CredentialStore::secretKey(account.id)).value, canary);

            account.displayName = QStringLiteral("Leak test (renamed)");
            QVERIFY(store.updateAccount(account));
            core::ImageCache c = fullCache("leak-1", account.id);
            // A provider that forgot to mask a registry password in the raw JSON.
            c.raw.insert(QStringLiteral("ImageRegistryCredential"),
                         QJsonArray{QJsonObject{
                             {QStringLiteral("Server"), QStringLiteral("reg.example.com")},
                             {QStringLiteral("Password"), registryCanary}}});
            QVERIFY(store.applyChangeSet({{c}, {}, {}}));
            QVERIFY(store.appendJournal({0,
                                         {},
                                         {},
                                         account.id,
                                         QStringLiteral("cache.create"),
                                         c.id,
                                         QStringLiteral("req-1"),
                                         QStringLiteral("ok"),
                                         {}})
                    > 0);

            QSettings settings;
            settings.setValue(QStringLiteral("Store/Url"), url.toString(QUrl::RemovePassword));
            settings.setValue(QStringLiteral("Accounts/%1").arg(account.id),
                              QJsonDocument(account.toJson()).toJson(QJsonDocument::Compact));
            settings.sync();
            QCOMPARE(settings.status(), QSettings::NoError);
            const QString settingsPath = settings.fileName();

            const QString csvPath = m_backend.tempPath(QStringLiteral("caches.csv"));
            QString csvError;
            QVERIFY2(csv::CsvExporter::exportCaches(csvPath, store.loadCaches(), {}, &csvError),
                     qPrintable(csvError));
            store.close();

            QStringList files = {settingsPath, csvPath};
            if (!storetest::Backend::postgres) {
                const QString db = DatabaseUrl::sqliteUrl(url.path()).path();
                files << db << db + QStringLiteral("-wal") << db + QStringLiteral("-shm");
            } else {
                QDirIterator it(m_backend.clusterDir(), QDir::Files, QDirIterator::Subdirectories);
                while (it.hasNext())
                    files << it.next();
            }
            const QByteArray logBytes = logs.join(QLatin1Char('\n')).toUtf8();
            QVERIFY(logBytes.contains("imported profile")); // the log was really captured
            int checked = 0;
            for (const QString &file : files) {
                if (!QFileInfo::exists(file))
                    continue;
                const QByteArray bytes = readAll(file);
                ++checked;
                for (const QString &secret : {canary, registryCanary}) {
                    QVERIFY2(!bytes.contains(secret.toUtf8()), qPrintable(file));
                    QVERIFY2(
                        !bytes.contains(QByteArray(reinterpret_cast<const char *>(secret.utf16()),
                                                   secret.size() * 2)),
                        qPrintable(file));
                }
            }
            QVERIFY(checked >= 3);
            QVERIFY(readAll(settingsPath).contains("EXAMPLEALILEAKTEST")); // the id is there
            for (const QString &secret : {canary, registryCanary})
                QVERIFY(!logBytes.contains(secret.toUtf8()));
        }
    }

    void workerKeepsTheGuiThreadFree()
    {
        StoreWorker worker;
        QFuture<StoreResult<QStringList>> opened = worker.open(m_backend.freshUrl());
        QTRY_VERIFY_WITH_TIMEOUT(opened.isFinished(), 20000);
        QVERIFY2(opened.result().ok, qPrintable(opened.result().error));

        QList<core::ImageCache> caches;
        for (int i = 0; i < 200; ++i)
            caches << fullCache(QString::number(i));
        QFuture<StoreResult<bool>> applied = worker.applyChangeSet({caches, {}, {}});
        QFuture<StoreResult<QList<core::ImageCache>>> loaded = worker.loadCaches();
        QTRY_VERIFY_WITH_TIMEOUT(loaded.isFinished(), 20000);
        QVERIFY(applied.isFinished()); // calls run in order
        QVERIFY(applied.result().ok);
        QCOMPARE(loaded.result().value.size(), 200);

        QFuture<StoreResult<bool>> thread = worker.run<bool>([](Store &) {
            return StoreResult<bool>{true, QThread::currentThread() != qApp->thread(), {}};
        });
        QTRY_VERIFY_WITH_TIMEOUT(thread.isFinished(), 10000);
        QVERIFY(thread.result().value);

        JournalEntry e;
        e.action = QStringLiteral("cache.delete");
        e.target = QStringLiteral("imc-7");
        QFuture<StoreResult<qint64>> journaled = worker.appendJournal(e);
        QFuture<StoreResult<QList<JournalEntry>>> journal = worker.journal();
        QTRY_VERIFY_WITH_TIMEOUT(journal.isFinished(), 10000);
        QVERIFY(journaled.result().ok);
        QCOMPARE(journal.result().value.size(), 1);

        // A failure comes back as a message, not a crash.
        StoreWorker broken;
        QFuture<StoreResult<QStringList>> bad
            = broken.open(QUrl(QStringLiteral("mysql://nowhere/db")));
        QTRY_VERIFY_WITH_TIMEOUT(bad.isFinished(), 10000);
        QVERIFY(!bad.result().ok);
        QVERIFY(bad.result().error.contains(QLatin1String("Unsupported database URL")));
        QFuture<StoreResult<QList<core::ImageCache>>> none = broken.loadCaches();
        QTRY_VERIFY_WITH_TIMEOUT(none.isFinished(), 10000);
        QVERIFY(!none.result().ok);
    }

    void masksSecretsInRawJson()
    {
        // A cache carrying `raw`, written and read back.
        const auto storedRaw = [this](const QJsonObject &raw) {
            Store store;
            if (!store.open(m_backend.freshUrl()))
                return QJsonObject();
            core::ImageCache cache = fullCache(QStringLiteral("masked"));
            cache.raw = raw;
            if (!store.applyChangeSet({{cache}, {}, {}}))
                return QJsonObject();
            const auto loaded = store.loadCaches();
            return loaded.isEmpty() ? QJsonObject() : loaded.constFirst().raw;
        };
        const QJsonObject raw = QJsonDocument::fromJson(R"({
            "ImageCacheName": "web", "AccessKeySecret": "a", "password": "b",
            "nested": {"X-Security-Token": "e", "SecurityToken": "c", "count": 3,
                       "X-Auth-Token": "f", "NextToken": "page-2", "ClientToken": "ct"},
            "list": [{"registry_password": "d", "user": "bob"}],
            "PasswordInherit": true, "Authorization": "SDK-HMAC-SHA256 ..."})")
                                    .object();
        // What the store writes is what core::maskSecrets makes of it (tst_secretrule holds the
        // rule itself): save and read back.
        const QJsonObject masked = storedRaw(raw);
        QVERIFY(!masked.isEmpty());
        const QByteArray text = QJsonDocument(masked).toJson(QJsonDocument::Compact);
        for (const char *secret :
             {"\"a\"", "\"b\"", "\"c\"", "\"d\"", "\"e\"", "\"f\"", "SDK-HMAC"})
            QVERIFY2(!text.contains(secret), secret);
        QCOMPARE(masked.value(QStringLiteral("ImageCacheName")).toString(), QStringLiteral("web"));
        QCOMPARE(masked.value(QStringLiteral("PasswordInherit")).toBool(), true);
        const QJsonObject nested = masked.value(QStringLiteral("nested")).toObject();
        QCOMPARE(nested.value(QStringLiteral("NextToken")).toString(), QStringLiteral("page-2"));
        QCOMPARE(nested.value(QStringLiteral("ClientToken")).toString(), QStringLiteral("ct"));
        QCOMPARE(masked.value(QStringLiteral("nested"))
                     .toObject()
                     .value(QStringLiteral("count"))
                     .toInt(),
                 3);
        QCOMPARE(masked.value(QStringLiteral("list"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("user")),
                 QJsonValue(QStringLiteral("bob")));
    }

    void parsesDatabaseUrls()
    {
        DatabaseUrl parsed;
        QString error;
        QVERIFY(DatabaseUrl::parse(QUrl(QStringLiteral("sqlite:///tmp/x/ic.db")), &parsed, &error));
        QCOMPARE(parsed.backend(), DatabaseUrl::Backend::Sqlite);
        QCOMPARE(parsed.filePath(), QStringLiteral("/tmp/x/ic.db"));
        QVERIFY(DatabaseUrl::parse(QUrl(QStringLiteral("postgresql://team:pw@db.internal:6543/ic")),
                                   &parsed, &error));
        QCOMPARE(parsed.backend(), DatabaseUrl::Backend::Postgres);
        QCOMPARE(parsed.databaseName(), QStringLiteral("ic"));
        QVERIFY(!parsed.displayName().contains(QLatin1String("pw")));
        QVERIFY(!DatabaseUrl::parse(QUrl(QStringLiteral("sqlite:relative.db")), &parsed, &error));
        QVERIFY(error.contains(QLatin1String("absolute")));
        QVERIFY(!DatabaseUrl::parse(QUrl(QStringLiteral("postgresql://host/")), &parsed, &error));
        QVERIFY(error.contains(QLatin1String("database name")));
        QVERIFY(DatabaseUrl::defaultUrl().path().endsWith(QLatin1String("/imagecache.db")));

        // Environment, then settings, then the default; a saved URL never keeps a password.
        qunsetenv("IMAGECACHE_STORE_URL");
        QSettings().remove(QStringLiteral("Store/Url"));
        QCOMPARE(DatabaseUrl::configuredUrl(), DatabaseUrl::defaultUrl());
        DatabaseUrl::saveConfiguredUrl(QUrl(QStringLiteral("postgresql://team:hunter2@db/ic")));
        QCOMPARE(DatabaseUrl::configuredUrl(), QUrl(QStringLiteral("postgresql://team@db/ic")));
        qputenv("IMAGECACHE_STORE_URL", "sqlite:///srv/shared/ic.db");
        QCOMPARE(DatabaseUrl::configuredUrl(), QUrl(QStringLiteral("sqlite:///srv/shared/ic.db")));
        qunsetenv("IMAGECACHE_STORE_URL");
        QSettings().remove(QStringLiteral("Store/Url"));
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
