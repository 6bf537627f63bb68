#pragma once

#include "account.h"
#include "databaseurl.h"
#include "imagedigest.h"
#include "journalentry.h"

#include "core/changeset.h"
#include "core/imagecache.h"
#include "core/imageinfo.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <optional>

class QSqlQuery;

namespace store {

// The offline store: what the console and the CLI show at start, before any network call.
// Synchronous and bound to the thread that opened it; the GUI goes through StoreWorker.
// Every method returns false / an empty value on failure and sets errorString().
class Store final
{
    Q_DECLARE_TR_FUNCTIONS(Store)
public:
    Store();
    ~Store();
    Q_DISABLE_COPY_MOVE(Store)

    // Opens (creating and migrating when needed) the database named by `url`. A SQLite file
    // that is not a database, or fails its integrity check, is moved aside to
    // "<name>.corrupt-<yyyyMMdd-HHmmss>" and a fresh one is made (see notices()). A file that
    // cannot be read, or a schema newer than this build knows, is an error; nothing is moved.
    bool open(const QUrl &url = DatabaseUrl::defaultUrl());
    void close();
    bool isOpen() const;
    QString errorString() const { return m_error; }
    // Messages for the user from open(), e.g. the corrupt file that was moved aside.
    QStringList notices() const { return m_notices; }
    const DatabaseUrl &location() const { return m_location; }
    int schemaVersion();

    // Caches: one change set is one transaction.
    bool applyChangeSet(const core::ChangeSet &set);
    QList<core::ImageCache> loadCaches();
    QList<core::ImageCache> loadCaches(const QString &accountId, const QString &region);
    int cacheCount();
    // Forgets the caches of an account (and region, when given), e.g. when a region is
    // taken off an account. One transaction.
    bool removeCaches(const QString &accountId, const QString &region = {});

    // Image digests recorded at create ("tag moved" checks). recordDigests replaces what is
    // recorded for each cache it names; recordDigestChecks sets the last check of rows already
    // recorded (cache key and image), leaving the recorded digest alone. A cache removed from
    // the store takes its digests with it. Not announced to other consoles: each reads them
    // when it checks.
    bool recordDigests(const QList<ImageDigest> &digests);
    bool recordDigestChecks(const QList<ImageDigest> &checks);
    QList<ImageDigest> imageDigests();

    // Images of one account×region: the listing replaces the previous one.
    bool saveImages(const QString &accountId, const QString &region,
                    const QList<core::ImageInfo> &images);
    QList<core::ImageInfo> loadImages(const QString &accountId, const QString &region);
    bool saveLayers(const QString &accountId, const QString &region, const QString &imageId,
                    const QList<core::ImageLayer> &layers);

    // Accounts (no secrets). Each change is journaled as account.create/update/delete.
    bool addAccount(const Account &account);
    bool updateAccount(const Account &account);
    bool removeAccount(const QString &accountId); // with its caches, images and sync state
    QList<Account> accounts();
    std::optional<Account> account(const QString &accountId);

    // The operation journal. Returns the new entry's id, or 0 on failure.
    qint64 appendJournal(JournalEntry entry);
    QList<JournalEntry> journal(const JournalQuery &query = {});

    // Consoles sharing a PostgreSQL store: every write is announced (NOTIFY, delivered at
    // commit) on ChangeChannel with a payload from StoreChanges; `listener` receives what other
    // connections announce, on this store's thread, from now on and after every re-open. On
    // SQLite nothing is announced and the listener is never called. False when subscribing
    // failed (the message is in errorString()).
    bool setChangeListener(std::function<void(const QString &payload)> listener);
    bool announcesChanges() const;
    // Who polled the region last (written only on a store that announces changes).
    bool recordPoll(const RegionPoll &poll);
    QList<RegionPoll> regionPolls();

    // The OS user recorded in the journal (USER, else USERNAME).
    static QString osUser();

private:
    bool openAndPrepare();
    bool openConnection();
    bool checkSqliteFile(bool *corrupt);
    bool sqliteHealthy(QString *reason);
    bool moveAside(const QString &reason);
    bool configureSqlite();
    bool migrate();
    bool begin();
    bool commit();
    void rollback();
    // `what` is a QT_TRANSLATE_NOOP("Store", …) phrase ("writing caches"), translated into the
    // error message so that all of it is in the user's language.
    bool exec(QSqlQuery &query, const char *what);
    bool execSql(const QString &sql, const char *what);
    bool fail(const QString &message);
    bool writeAccount(const Account &account, bool insert);
    qint64 journalInTransaction(JournalEntry entry);
    bool subscribeListener();
    bool announce(const QString &payload); // inside the caller's transaction
    QList<core::ImageCache> queryCaches(const QString &accountId, const QString &region,
                                        bool filtered);

    QSqlDatabase m_db;
    QString m_connectionName;
    DatabaseUrl m_location;
    QString m_error;
    QStringList m_notices;
    std::function<void(const QString &)> m_listener;
};

} // namespace store
