#include "store.h"

#include "core/secretmask.h"
#include "core/stringpool.h"

#include "schema.h"
#include "storechanges.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

// Debug lines (one per change set) only when asked for: imagecache.store.debug=true.
Q_LOGGING_CATEGORY(lcStore, "imagecache.store", QtInfoMsg)

namespace store {

namespace {

QAtomicInt connectionCounter;

QVariant msOrNull(const QDateTime &dt)
{
    return dt.isValid() ? QVariant(dt.toMSecsSinceEpoch())
                        : QVariant(QMetaType::fromType<qint64>());
}

QDateTime fromMs(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QVariant intOrNull(const std::optional<int> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<int>());
}

QString compactJson(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString compactJson(const QJsonArray &a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QJsonObject parseObject(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

QJsonArray parseArray(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).array();
}

QStringList toStringList(const QJsonArray &a)
{
    QStringList out;
    out.reserve(a.size());
    for (const QJsonValue &v : a)
        out << v.toString();
    return out;
}

QJsonObject containerSpecJson(const core::ContainerImageSpec &s)
{
    return {{QStringLiteral("registryUrl"), s.registryUrl},
            {QStringLiteral("isAcrRegistry"), s.isAcrRegistry},
            {QStringLiteral("isAcrEnterprise"), s.isAcrEnterprise},
            {QStringLiteral("registryCriId"), s.registryCriId},
            {QStringLiteral("credentialServer"), s.credential.server},
            {QStringLiteral("credentialUser"), s.credential.userName},
            {QStringLiteral("credentialHasPassword"), s.credential.hasPassword},
            {QStringLiteral("osTag"), s.osTag},
            {QStringLiteral("platform"), s.platform},
            {QStringLiteral("architecture"), s.architecture}};
}

core::ContainerImageSpec containerSpecFromJson(const QJsonObject &o)
{
    core::ContainerImageSpec s;
    s.registryUrl = o.value(QStringLiteral("registryUrl")).toString();
    s.isAcrRegistry = o.value(QStringLiteral("isAcrRegistry")).toBool();
    s.isAcrEnterprise = o.value(QStringLiteral("isAcrEnterprise")).toBool();
    s.registryCriId = o.value(QStringLiteral("registryCriId")).toString();
    s.credential.server = o.value(QStringLiteral("credentialServer")).toString();
    s.credential.userName = o.value(QStringLiteral("credentialUser")).toString();
    s.credential.hasPassword = o.value(QStringLiteral("credentialHasPassword")).toBool();
    s.osTag = o.value(QStringLiteral("osTag")).toString();
    s.platform = o.value(QStringLiteral("platform")).toString();
    s.architecture = o.value(QStringLiteral("architecture")).toString();
    return s;
}

QJsonObject vmSpecJson(const core::VmImageSpec &s)
{
    return {{QStringLiteral("imageId"), s.imageId},
            {QStringLiteral("osTag"), s.osTag},
            {QStringLiteral("platform"), s.platform},
            {QStringLiteral("architecture"), s.architecture}};
}

core::VmImageSpec vmSpecFromJson(const QJsonObject &o)
{
    core::VmImageSpec s;
    s.imageId = o.value(QStringLiteral("imageId")).toString();
    s.osTag = o.value(QStringLiteral("osTag")).toString();
    s.platform = o.value(QStringLiteral("platform")).toString();
    s.architecture = o.value(QStringLiteral("architecture")).toString();
    return s;
}

constexpr auto cacheColumns
    = "key, provider, account_id, region, id, name, status, raw_status, progress, size_gib, "
      "retention_days, created_ms, expires_ms, last_matched_ms, message, cluster, pull_secrets, "
      "snapshot_id, flash_snapshot_id, container_group_id, resource_group_id, "
      "elimination_strategy, images, raw_json, updated_at";

} // namespace

Store::Store() = default;

Store::~Store()
{
    close();
}

QString Store::osUser()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return user.isEmpty() ? QStringLiteral("unknown") : user;
}

bool Store::fail(const QString &message)
{
    m_error = message;
    qCWarning(lcStore).noquote() << message;
    return false;
}

bool Store::isOpen() const
{
    return m_db.isValid() && m_db.isOpen();
}

void Store::close()
{
    if (m_connectionName.isEmpty())
        return;
    if (m_db.isOpen())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
}

bool Store::exec(QSqlQuery &query, const char *what)
{
    if (query.exec())
        return true;
    return fail(tr("Database error while %1: %2").arg(tr(what), query.lastError().text()));
}

bool Store::execSql(const QString &sql, const char *what)
{
    QSqlQuery query(m_db);
    if (query.exec(sql))
        return true;
    return fail(tr("Database error while %1: %2").arg(tr(what), query.lastError().text()));
}

bool Store::begin()
{
    // IMMEDIATE takes SQLite's write lock up front, so a second process waits (busy timeout)
    // instead of failing when its read snapshot turns out to be stale.
    return execSql(m_location.backend() == DatabaseUrl::Backend::Sqlite
                       ? QStringLiteral("BEGIN IMMEDIATE")
                       : QStringLiteral("BEGIN"),
                   QT_TRANSLATE_NOOP("Store", "starting a transaction"));
}

bool Store::commit()
{
    if (execSql(QStringLiteral("COMMIT"), QT_TRANSLATE_NOOP("Store", "committing")))
        return true;
    rollback();
    return false;
}

void Store::rollback()
{
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("ROLLBACK"));
}

// ---- opening -------------------------------------------------------------------------------

bool Store::open(const QUrl &url)
{
    close();
    m_error.clear();
    m_notices.clear();
    if (!DatabaseUrl::parse(url, &m_location, &m_error))
        return false;
    if (!openAndPrepare()) {
        close(); // a half-opened store is never left behind
        return false;
    }
    qCInfo(lcStore).noquote() << "opened" << m_location.displayName() << "schema"
                              << Schema::currentVersion();
    if (!subscribeListener())
        m_notices.append(m_error); // the store works; only the live view of others is missing
    m_error.clear();
    return true;
}

bool Store::openAndPrepare()
{
    const bool sqlite = m_location.backend() == DatabaseUrl::Backend::Sqlite;
    if (sqlite) {
        const QFileInfo info(m_location.filePath());
        if (!QDir().mkpath(info.absolutePath()))
            return fail(tr("Cannot create the folder %1 for the database")
                            .arg(QDir::toNativeSeparators(info.absolutePath())));
        bool corrupt = false;
        if (!checkSqliteFile(&corrupt))
            return false;
        if (corrupt && !moveAside(tr("it is not a SQLite database")))
            return false;
    }
    if (!openConnection())
        return false;

    if (sqlite) {
        QString reason;
        if (!sqliteHealthy(&reason)) {
            if (reason.isEmpty())
                return false; // an error that is not corruption (e.g. locked): keep the file
            close();
            if (!moveAside(reason) || !openConnection())
                return false;
        }
        if (!configureSqlite())
            return false;
    }
    return migrate();
}

bool Store::openConnection()
{
    m_connectionName
        = QStringLiteral("imagecache-store-%1").arg(connectionCounter.fetchAndAddRelaxed(1));
    m_db = m_location.addConnection(m_connectionName);
    if (!m_db.isValid()) {
        const QString driver = m_location.backend() == DatabaseUrl::Backend::Sqlite
                                   ? QStringLiteral("QSQLITE")
                                   : QStringLiteral("QPSQL");
        close();
        return fail(tr("The Qt SQL driver %1 is not installed").arg(driver));
    }
    if (!m_db.open()) {
        const QString text = m_db.lastError().text();
        close();
        return fail(tr("Cannot open the database %1: %2").arg(m_location.displayName(), text));
    }
    return true;
}

bool Store::checkSqliteFile(bool *corrupt)
{
    const QString path = m_location.filePath();
    const QFileInfo info(path);
    *corrupt = false;
    if (!info.exists())
        return true;
    if (info.isDir())
        return fail(tr("The database path %1 is a folder, not a file. Nothing was changed.")
                        .arg(QDir::toNativeSeparators(path)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("The database file %1 cannot be read (%2). Nothing was changed; check "
                       "its permissions.")
                        .arg(QDir::toNativeSeparators(path), file.errorString()));
    const QByteArray header = file.read(16);
    if (file.size() == 0)
        return true; // SQLite treats an empty file as an empty database
    *corrupt = header != QByteArray("SQLite format 3\0", 16);
    return true;
}

bool Store::sqliteHealthy(QString *reason)
{
    reason->clear();
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA quick_check"))) {
        const QSqlError error = query.lastError();
        const QString code = error.nativeErrorCode();
        // SQLITE_CORRUPT (11) and SQLITE_NOTADB (26) mean the bytes are bad; anything else
        // (locked, I/O) is reported without touching the file.
        if (code == QLatin1String("11") || code == QLatin1String("26")
            || error.databaseText().contains(QLatin1String("malformed"))
            || error.databaseText().contains(QLatin1String("not a database"))) {
            *reason = error.databaseText();
            return false;
        }
        return fail(
            tr("Cannot check the database %1: %2").arg(m_location.displayName(), error.text()));
    }
    QStringList problems;
    while (query.next())
        problems << query.value(0).toString();
    if (problems == QStringList{QStringLiteral("ok")})
        return true;
    *reason = tr("integrity check failed: %1").arg(problems.mid(0, 3).join(QLatin1String("; ")));
    return false;
}

bool Store::moveAside(const QString &reason)
{
    const QString path = m_location.filePath();
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target = path + QStringLiteral(".corrupt-") + stamp;
    for (int n = 1; QFileInfo::exists(target); ++n)
        target = path + QStringLiteral(".corrupt-") + stamp + QLatin1Char('-') + QString::number(n);
    if (!QFile::rename(path, target))
        return fail(tr("The database file %1 is damaged (%2) and could not be moved aside. "
                       "Nothing was deleted; move it away by hand.")
                        .arg(QDir::toNativeSeparators(path), reason));
    // Keep the journal files beside it under matching names, so SQLite can open the copy.
    for (const char *suffix : {"-wal", "-shm"}) {
        const QString side = path + QLatin1String(suffix);
        if (QFileInfo::exists(side))
            QFile::rename(side, target + QLatin1String(suffix));
    }
    const QString notice
        = tr("The database file %1 could not be used (%2). It was moved to %3 and a new, empty "
             "database was created; nothing was deleted.")
              .arg(QDir::toNativeSeparators(path), reason, QDir::toNativeSeparators(target));
    m_notices << notice;
    qCWarning(lcStore).noquote() << notice;
    return true;
}

bool Store::configureSqlite()
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !query.next())
        return fail(tr("Cannot switch the database %1 to write-ahead logging: %2")
                        .arg(m_location.displayName(), query.lastError().text()));
    if (query.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        qCWarning(lcStore) << "journal mode stays" << query.value(0).toString();
    return execSql(QStringLiteral("PRAGMA busy_timeout=10000"),
                   QT_TRANSLATE_NOOP("Store", "configuring the database"))
           && execSql(QStringLiteral("PRAGMA foreign_keys=ON"),
                      QT_TRANSLATE_NOOP("Store", "configuring the database"))
           && execSql(QStringLiteral("PRAGMA synchronous=NORMAL"),
                      QT_TRANSLATE_NOOP("Store", "configuring the database"));
}

bool Store::migrate()
{
    const bool sqlite = m_location.backend() == DatabaseUrl::Backend::Sqlite;
    if (!begin())
        return false;
    // Two consoles opening one new PostgreSQL database must not both create the tables.
    if (!sqlite
        && !execSql(QStringLiteral("SELECT pg_advisory_xact_lock(737020101)"),
                    QT_TRANSLATE_NOOP("Store", "locking the schema"))) {
        rollback();
        return false;
    }
    if (!execSql(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version "
                                "(version INTEGER NOT NULL)"),
                 QT_TRANSLATE_NOOP("Store", "creating the schema table"))) {
        rollback();
        return false;
    }
    int version = 0;
    {
        QSqlQuery query(m_db);
        if (!query.exec(QStringLiteral("SELECT version FROM schema_version"))) {
            fail(tr("Cannot read the schema version: %1").arg(query.lastError().text()));
            rollback();
            return false;
        }
        if (query.next()) {
            version = query.value(0).toInt();
        } else if (!execSql(QStringLiteral("INSERT INTO schema_version (version) VALUES (0)"),
                            QT_TRANSLATE_NOOP("Store", "creating the schema table"))) {
            rollback();
            return false;
        }
    }
    const int current = Schema::currentVersion();
    if (version > current) {
        rollback();
        return fail(tr("The database %1 was written by a newer version of ImageCache Console "
                       "(schema %2; this version knows up to %3). Nothing was changed: update "
                       "the application or choose another database.")
                        .arg(m_location.displayName())
                        .arg(version)
                        .arg(current));
    }
    if (version == current)
        return commit();

    const Schema::Dialect dialect = sqlite ? Schema::Dialect::Sqlite : Schema::Dialect::Postgres;
    for (const Schema::Migration &migration : Schema::migrations()) {
        if (migration.version <= version)
            continue;
        for (const QString &sql : Schema::statements(migration, dialect)) {
            QSqlQuery query(m_db);
            if (!query.exec(sql)) {
                fail(tr("Cannot upgrade the database to schema %1 (%2): %3")
                         .arg(migration.version)
                         .arg(migration.description, query.lastError().text()));
                rollback();
                return false;
            }
        }
        qCInfo(lcStore).noquote() << "migrated" << m_location.displayName() << "to schema"
                                  << migration.version << "-" << migration.description;
    }
    QSqlQuery update(m_db);
    update.prepare(QStringLiteral("UPDATE schema_version SET version = ?"));
    update.addBindValue(current);
    if (!exec(update, QT_TRANSLATE_NOOP("Store", "recording the schema version"))) {
        rollback();
        return false;
    }
    return commit();
}

int Store::schemaVersion()
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT version FROM schema_version")) || !query.next())
        return 0;
    return query.value(0).toInt();
}

// ---- caches --------------------------------------------------------------------------------

namespace {

// Many rows per statement: one round trip per chunk instead of per row, which is what makes
// a 10,000-cache poll cheap on a shared PostgreSQL server. The statement for a full chunk is
// prepared once and reused; the last, shorter chunk gets its own.
class BatchStatement
{
public:
    // `head` ends before the first "(", `rowSql` is one row's "(?, ?, ...)" (or for a delete,
    // one "?"), `separator` joins rows, `tail` follows the last row.
    BatchStatement(const QSqlDatabase &db, QString head, QString rowSql, QString separator,
                   QString tail, int columns, int rowsPerStatement)
        : m_db(db)
        , m_head(std::move(head))
        , m_rowSql(std::move(rowSql))
        , m_separator(std::move(separator))
        , m_tail(std::move(tail))
        , m_columns(columns)
        , m_rowsPerStatement(rowsPerStatement)
    {
        m_pending.reserve(m_columns * m_rowsPerStatement);
    }

    bool add(const QVariantList &row)
    {
        Q_ASSERT(row.size() == m_columns);
        m_pending.append(row);
        return m_pending.size() < m_columns * m_rowsPerStatement || flush();
    }

    bool flush()
    {
        const int rows = int(m_pending.size() / m_columns);
        if (rows == 0)
            return true;
        QSqlQuery *query = nullptr;
        QSqlQuery tailQuery(m_db);
        if (rows == m_rowsPerStatement) {
            if (!m_full) {
                m_full = std::make_unique<QSqlQuery>(m_db);
                if (!m_full->prepare(sql(rows)))
                    return failed(*m_full);
            }
            query = m_full.get();
        } else {
            if (!tailQuery.prepare(sql(rows)))
                return failed(tailQuery);
            query = &tailQuery;
        }
        for (int i = 0; i < m_pending.size(); ++i)
            query->bindValue(i, m_pending.at(i));
        m_pending.clear();
        if (!query->exec())
            return failed(*query);
        query->finish();
        return true;
    }

    QString error() const { return m_error; }

private:
    QString sql(int rows) const
    {
        QString text = m_head;
        text.reserve(m_head.size() + rows * (m_rowSql.size() + 2) + m_tail.size());
        for (int r = 0; r < rows; ++r) {
            if (r)
                text += m_separator;
            text += m_rowSql;
        }
        return text + m_tail;
    }

    bool failed(const QSqlQuery &query)
    {
        m_error = query.lastError().text();
        return false;
    }

    QSqlDatabase m_db;
    QString m_head;
    QString m_rowSql;
    QString m_separator;
    QString m_tail;
    int m_columns;
    int m_rowsPerStatement;
    QVariantList m_pending;
    std::unique_ptr<QSqlQuery> m_full;
    QString m_error;
};

QString placeholders(int count)
{
    QString text = QStringLiteral("(?");
    for (int i = 1; i < count; ++i)
        text += QStringLiteral(", ?");
    return text + QLatin1Char(')');
}

} // namespace

bool Store::applyChangeSet(const core::ChangeSet &set)
{
    m_error.clear();
    if (set.isEmpty())
        return true;
    if (!isOpen())
        return fail(tr("The store is not open"));

    // One write per key, the last one winning (PostgreSQL refuses to upsert a key twice in
    // one statement).
    struct Write
    {
        const core::ImageCache *cache;
        core::CacheFields fields; // empty: everything (an insert)
    };
    QList<Write> writes;
    writes.reserve(set.inserted.size() + set.changed.size());
    QHash<QString, qsizetype> byKey;
    // A key both written and removed is removed (removals have always been applied last).
    const QSet<QString> removed(set.removed.cbegin(), set.removed.cend());
    auto addWrite = [&](const core::ImageCache &cache, core::CacheFields fields) {
        const QString key = cache.key();
        if (removed.contains(key))
            return;
        const auto it = byKey.constFind(key);
        if (it != byKey.constEnd()) {
            writes[*it] = {&cache, {}};
            return;
        }
        byKey.insert(key, writes.size());
        writes.append({&cache, fields});
    };
    for (const core::ImageCache &cache : set.inserted)
        addWrite(cache, {});
    for (const core::CacheChange &change : set.changed)
        addWrite(change.cache, change.fields);

    const QStringList columns = QString::fromLatin1(cacheColumns).split(QStringLiteral(", "));
    QString updates;
    for (const QString &c : columns.mid(1))
        updates += (updates.isEmpty() ? QString() : QStringLiteral(", ")) + c
                   + QStringLiteral(" = excluded.") + c;
    BatchStatement upsert(
        m_db,
        QStringLiteral("INSERT INTO caches (%1) VALUES ").arg(QString::fromLatin1(cacheColumns)),
        placeholders(int(columns.size())), QStringLiteral(", "),
        QStringLiteral(" ON CONFLICT (key) DO UPDATE SET ") + updates, int(columns.size()), 100);
    auto deleteWhereKeyIn = [this](const QString &table, const QString &column) {
        return BatchStatement(
            m_db, QStringLiteral("DELETE FROM %1 WHERE %2 IN (").arg(table, column),
            QStringLiteral("?"), QStringLiteral(", "), QStringLiteral(")"), 1, 200);
    };
    BatchStatement deleteTags
        = deleteWhereKeyIn(QStringLiteral("cache_tags"), QStringLiteral("cache_key"));
    BatchStatement deleteEvents
        = deleteWhereKeyIn(QStringLiteral("cache_events"), QStringLiteral("cache_key"));
    BatchStatement deleteCaches = deleteWhereKeyIn(QStringLiteral("caches"), QStringLiteral("key"));
    BatchStatement deleteDigests
        = deleteWhereKeyIn(QStringLiteral("cache_digests"), QStringLiteral("cache_key"));
    BatchStatement insertTags(m_db,
                              QStringLiteral("INSERT INTO cache_tags (cache_key, position, "
                                             "tag_key, tag_value) VALUES "),
                              placeholders(4), QStringLiteral(", "), {}, 4, 250);
    BatchStatement insertEvents(m_db,
                                QStringLiteral("INSERT INTO cache_events (cache_key, position, "
                                               "type, reason, message, name, event_count, "
                                               "first_ms, last_ms) VALUES "),
                                placeholders(9), QStringLiteral(", "), {}, 9, 100);

    const auto failWith = [this](const BatchStatement &statement, const char *what) {
        rollback();
        return fail(tr("Database error while %1: %2").arg(tr(what), statement.error()));
    };

    if (!begin())
        return false;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const Write &w : std::as_const(writes)) {
        const core::ImageCache &c = *w.cache;
        const QVariantList row = {
            c.key(),
            core::providerKey(c.provider),
            c.accountId,
            c.region,
            c.id,
            c.name,
            core::statusKey(c.status),
            c.rawStatus,
            intOrNull(c.progress),
            c.sizeGiB,
            c.retentionDays,
            msOrNull(c.created),
            msOrNull(c.expires),
            msOrNull(c.lastMatched),
            c.message,
            c.cluster,
            compactJson(QJsonArray::fromStringList(c.imagePullSecrets)),
            c.snapshotId,
            c.flashSnapshotId,
            c.containerGroupId,
            c.resourceGroupId,
            c.eliminationStrategy,
            compactJson(QJsonArray::fromStringList(c.images)),
            compactJson(core::maskSecrets(c.raw)),
            now,
        };
        if (!upsert.add(row))
            return failWith(upsert, QT_TRANSLATE_NOOP("Store", "writing caches"));
    }
    if (!upsert.flush())
        return failWith(upsert, QT_TRANSLATE_NOOP("Store", "writing caches"));

    // A changed cache rewrites its tags and events only when they changed.
    for (const Write &w : std::as_const(writes)) {
        if (!w.fields || w.fields.testFlag(core::CacheField::Tags)) {
            if (!deleteTags.add({w.cache->key()}))
                return failWith(deleteTags, QT_TRANSLATE_NOOP("Store", "writing cache tags"));
        }
        if (!w.fields || w.fields.testFlag(core::CacheField::Events)) {
            if (!deleteEvents.add({w.cache->key()}))
                return failWith(deleteEvents, QT_TRANSLATE_NOOP("Store", "writing cache events"));
        }
    }
    for (const QString &key : set.removed) {
        if (!deleteTags.add({key}) || !deleteEvents.add({key}))
            return failWith(deleteTags.error().isEmpty() ? deleteEvents : deleteTags,
                            "removing caches");
    }
    if (!deleteTags.flush())
        return failWith(deleteTags, QT_TRANSLATE_NOOP("Store", "writing cache tags"));
    if (!deleteEvents.flush())
        return failWith(deleteEvents, QT_TRANSLATE_NOOP("Store", "writing cache events"));

    for (const Write &w : std::as_const(writes)) {
        const core::ImageCache &c = *w.cache;
        const QString key = c.key();
        if (!w.fields || w.fields.testFlag(core::CacheField::Tags)) {
            for (int p = 0; p < c.tags.size(); ++p) {
                if (!insertTags.add({key, p, c.tags.at(p).key, c.tags.at(p).value}))
                    return failWith(insertTags, QT_TRANSLATE_NOOP("Store", "writing cache tags"));
            }
        }
        if (!w.fields || w.fields.testFlag(core::CacheField::Events)) {
            for (int p = 0; p < c.events.size(); ++p) {
                const core::CacheEvent &e = c.events.at(p);
                if (!insertEvents.add({key, p, e.type, e.reason, e.message, e.name, e.count,
                                       msOrNull(e.firstTimestamp), msOrNull(e.lastTimestamp)}))
                    return failWith(insertEvents,
                                    QT_TRANSLATE_NOOP("Store", "writing cache events"));
            }
        }
    }
    if (!insertTags.flush())
        return failWith(insertTags, QT_TRANSLATE_NOOP("Store", "writing cache tags"));
    if (!insertEvents.flush())
        return failWith(insertEvents, QT_TRANSLATE_NOOP("Store", "writing cache events"));

    for (const QString &key : set.removed) {
        if (!deleteCaches.add({key}))
            return failWith(deleteCaches, QT_TRANSLATE_NOOP("Store", "removing caches"));
        if (!deleteDigests.add({key}))
            return failWith(deleteDigests, QT_TRANSLATE_NOOP("Store", "removing caches"));
    }
    if (!deleteCaches.flush())
        return failWith(deleteCaches, QT_TRANSLATE_NOOP("Store", "removing caches"));
    if (!deleteDigests.flush())
        return failWith(deleteDigests, QT_TRANSLATE_NOOP("Store", "removing caches"));

    // Other consoles on a shared store read the regions back (delivered at commit).
    QSet<QString> regions;
    for (const Write &w : std::as_const(writes))
        regions.insert(StoreChange::caches(w.cache->accountId, w.cache->region));
    for (const QString &key : set.removed)
        regions.insert(StoreChange::caches(key.section(QLatin1Char('/'), 0, 0),
                                           key.section(QLatin1Char('/'), 1, 1)));
    for (const QString &payload : std::as_const(regions)) {
        if (!announce(payload)) {
            rollback();
            return false;
        }
    }

    if (!commit())
        return false;
    qCDebug(lcStore) << "applied change set:" << set.inserted.size() << "inserted,"
                     << set.changed.size() << "changed," << set.removed.size() << "removed";
    return true;
}

QList<core::ImageCache> Store::loadCaches()
{
    return queryCaches({}, {}, false);
}

QList<core::ImageCache> Store::loadCaches(const QString &accountId, const QString &region)
{
    return queryCaches(accountId, region, true);
}

int Store::cacheCount()
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM caches")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

bool Store::removeCaches(const QString &accountId, const QString &region)
{
    m_error.clear();
    if (!isOpen())
        return fail(tr("The store is not open"));
    if (!begin())
        return false;
    const QString where = region.isEmpty() ? QStringLiteral("account_id = ?")
                                           : QStringLiteral("account_id = ? AND region = ?");
    const QStringList statements = {
        QStringLiteral("DELETE FROM cache_tags WHERE cache_key IN (SELECT key FROM caches "
                       "WHERE %1)")
            .arg(where),
        QStringLiteral("DELETE FROM cache_events WHERE cache_key IN (SELECT key FROM caches "
                       "WHERE %1)")
            .arg(where),
        QStringLiteral("DELETE FROM caches WHERE %1").arg(where),
        QStringLiteral("DELETE FROM cache_digests WHERE %1").arg(where),
    };
    for (const QString &sql : statements) {
        QSqlQuery query(m_db);
        query.prepare(sql);
        query.addBindValue(accountId);
        if (!region.isEmpty())
            query.addBindValue(region);
        if (!exec(query, QT_TRANSLATE_NOOP("Store", "removing caches"))) {
            rollback();
            return false;
        }
    }
    if (!announce(StoreChange::caches(accountId, region))) {
        rollback();
        return false;
    }
    return commit();
}

QList<core::ImageCache> Store::queryCaches(const QString &accountId, const QString &region,
                                           bool filtered)
{
    m_error.clear();
    QList<core::ImageCache> caches;
    if (!isOpen()) {
        fail(tr("The store is not open"));
        return caches;
    }
    const QString where
        = filtered ? QStringLiteral(" WHERE c.account_id = ? AND c.region = ?") : QString();
    auto prepare = [&](QSqlQuery &q, const QString &sql) {
        q.setForwardOnly(true);
        q.prepare(sql);
        if (filtered) {
            q.addBindValue(accountId);
            q.addBindValue(region);
        }
        return exec(q, QT_TRANSLATE_NOOP("Store", "loading caches"));
    };

    // Sized first: grown by appends, the list of 100,000 caches (448 bytes each) would pass
    // through 18 reallocations and peak at ~67 MB beside the rows already read.
    QSqlQuery count(m_db);
    if (prepare(count, QStringLiteral("SELECT COUNT(*) FROM caches c%1").arg(where))
        && count.next())
        caches.reserve(count.value(0).toInt());
    count.finish();

    QSqlQuery query(m_db);
    QString columns;
    for (const QString &c : QString::fromLatin1(cacheColumns).split(QStringLiteral(", ")))
        columns
            += (columns.isEmpty() ? QString() : QStringLiteral(", ")) + QStringLiteral("c.") + c;
    if (!prepare(query,
                 QStringLiteral("SELECT %1 FROM caches c%2 ORDER BY c.key").arg(columns, where)))
        return caches;

    // Account, region, images, tags and event texts repeat across caches: one copy each.
    core::StringPool pool;
    QHash<QString, qsizetype> index;
    while (query.next()) {
        core::ImageCache c;
        int i = 1; // 0 is the key, derived again from account/region/id
        core::providerFromKey(query.value(i++).toString(), &c.provider);
        c.accountId = pool(query.value(i++).toString());
        c.region = pool(query.value(i++).toString());
        c.id = query.value(i++).toString();
        c.name = query.value(i++).toString();
        c.status = core::statusFromKey(query.value(i++).toString());
        c.rawStatus = pool(query.value(i++).toString());
        const QVariant progress = query.value(i++);
        if (!progress.isNull())
            c.progress = progress.toInt();
        c.sizeGiB = query.value(i++).toInt();
        c.retentionDays = query.value(i++).toInt();
        c.created = fromMs(query.value(i++));
        c.expires = fromMs(query.value(i++));
        c.lastMatched = fromMs(query.value(i++));
        c.message = pool(query.value(i++).toString());
        c.cluster = pool(query.value(i++).toString());
        c.imagePullSecrets = pool(toStringList(parseArray(query.value(i++))));
        c.snapshotId = query.value(i++).toString();
        c.flashSnapshotId = query.value(i++).toString();
        c.containerGroupId = query.value(i++).toString();
        c.resourceGroupId = pool(query.value(i++).toString());
        c.eliminationStrategy = pool(query.value(i++).toString());
        c.images = pool(toStringList(parseArray(query.value(i++))));
        c.raw = parseObject(query.value(i++));
        index.insert(query.value(0).toString(), caches.size());
        caches.append(std::move(c));
    }

    const QString join = QStringLiteral(" JOIN caches c ON c.key = t.cache_key");
    QSqlQuery tags(m_db);
    if (!prepare(tags, QStringLiteral("SELECT t.cache_key, t.tag_key, t.tag_value FROM "
                                      "cache_tags t%1%2 ORDER BY t.cache_key, t.position")
                           .arg(filtered ? join : QString(), where)))
        return {};
    // Rows come grouped by cache: each cache's list is squeezed when its group ends, so the
    // spare capacity of a list grown by appends (up to twice its size: ~100 MB of events for
    // 100,000 caches) is given back while loading, not after.
    qsizetype grown = -1;
    auto squeezeGrown = [&](qsizetype next, auto member) {
        if (grown >= 0 && grown != next)
            (caches[grown].*member).squeeze();
        grown = next;
    };
    while (tags.next()) {
        const auto it = index.constFind(tags.value(0).toString());
        if (it == index.constEnd())
            continue;
        squeezeGrown(*it, &core::ImageCache::tags);
        caches[*it].tags.append({pool(tags.value(1).toString()), pool(tags.value(2).toString())});
    }
    squeezeGrown(-1, &core::ImageCache::tags);

    QSqlQuery events(m_db);
    if (!prepare(events,
                 QStringLiteral("SELECT t.cache_key, t.type, t.reason, t.message, t.name, "
                                "t.event_count, t.first_ms, t.last_ms FROM cache_events t%1%2 "
                                "ORDER BY t.cache_key, t.position")
                     .arg(filtered ? join : QString(), where)))
        return {};
    while (events.next()) {
        const auto it = index.constFind(events.value(0).toString());
        if (it == index.constEnd())
            continue;
        squeezeGrown(*it, &core::ImageCache::events);
        core::CacheEvent e;
        e.type = pool(events.value(1).toString());
        e.reason = pool(events.value(2).toString());
        e.message = pool(events.value(3).toString());
        e.name = events.value(4).toString();
        e.count = events.value(5).toInt();
        e.firstTimestamp = fromMs(events.value(6));
        e.lastTimestamp = fromMs(events.value(7));
        caches[*it].events.append(std::move(e));
    }
    squeezeGrown(-1, &core::ImageCache::events);
    return caches;
}

// ---- images --------------------------------------------------------------------------------

bool Store::recordDigests(const QList<ImageDigest> &digests)
{
    m_error.clear();
    if (digests.isEmpty())
        return true;
    if (!isOpen())
        return fail(tr("The store is not open"));
    if (!begin())
        return false;
    QSet<QString> cleared;
    QHash<QString, int> positions;
    for (const ImageDigest &d : digests) {
        if (!cleared.contains(d.cacheKey)) {
            cleared.insert(d.cacheKey);
            QSqlQuery clear(m_db);
            clear.prepare(QStringLiteral("DELETE FROM cache_digests WHERE cache_key = ?"));
            clear.addBindValue(d.cacheKey);
            if (!exec(clear, QT_TRANSLATE_NOOP("Store", "recording image digests"))) {
                rollback();
                return false;
            }
        }
        QSqlQuery insert(m_db);
        insert.prepare(QStringLiteral(
            "INSERT INTO cache_digests (cache_key, account_id, region, position, image, digest, "
            "resolved_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (cache_key, image) DO UPDATE "
            "SET digest = excluded.digest, resolved_at = excluded.resolved_at"));
        insert.addBindValue(d.cacheKey);
        insert.addBindValue(d.accountId);
        insert.addBindValue(d.region);
        insert.addBindValue(positions[d.cacheKey]++);
        insert.addBindValue(d.image);
        insert.addBindValue(d.digest);
        insert.addBindValue(d.resolvedAt.toMSecsSinceEpoch());
        if (!exec(insert, QT_TRANSLATE_NOOP("Store", "recording image digests"))) {
            rollback();
            return false;
        }
    }
    return commit();
}

bool Store::recordDigestChecks(const QList<ImageDigest> &checks)
{
    m_error.clear();
    if (checks.isEmpty())
        return true;
    if (!isOpen())
        return fail(tr("The store is not open"));
    if (!begin())
        return false;
    for (const ImageDigest &d : checks) {
        QSqlQuery update(m_db);
        update.prepare(QStringLiteral("UPDATE cache_digests SET current_digest = ?, "
                                      "checked_at = ?, check_error = ? "
                                      "WHERE cache_key = ? AND image = ?"));
        update.addBindValue(textOrNull(d.currentDigest));
        update.addBindValue(msOrNull(d.checkedAt));
        update.addBindValue(textOrNull(d.checkError));
        update.addBindValue(d.cacheKey);
        update.addBindValue(d.image);
        if (!exec(update, QT_TRANSLATE_NOOP("Store", "recording tag checks"))) {
            rollback();
            return false;
        }
    }
    return commit();
}

QList<ImageDigest> Store::imageDigests()
{
    m_error.clear();
    QList<ImageDigest> digests;
    if (!isOpen()) {
        fail(tr("The store is not open"));
        return digests;
    }
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral(
            "SELECT cache_key, account_id, region, image, digest, resolved_at, current_digest, "
            "checked_at, check_error FROM cache_digests ORDER BY cache_key, position"))) {
        fail(tr("Cannot read the image digests: %1").arg(query.lastError().text()));
        return digests;
    }
    while (query.next()) {
        ImageDigest d;
        d.cacheKey = query.value(0).toString();
        d.accountId = query.value(1).toString();
        d.region = query.value(2).toString();
        d.image = query.value(3).toString();
        d.digest = query.value(4).toString();
        d.resolvedAt = fromMs(query.value(5));
        d.currentDigest = query.value(6).toString();
        d.checkedAt = fromMs(query.value(7));
        d.checkError = query.value(8).toString();
        digests.append(d);
    }
    return digests;
}

bool Store::saveImages(const QString &accountId, const QString &region,
                       const QList<core::ImageInfo> &images)
{
    m_error.clear();
    if (!isOpen())
        return fail(tr("The store is not open"));
    if (!begin())
        return false;
    QSqlQuery remove(m_db);
    remove.prepare(QStringLiteral("DELETE FROM images WHERE account_id = ? AND region = ?"));
    remove.addBindValue(accountId);
    remove.addBindValue(region);
    QSqlQuery removeLayers(m_db);
    removeLayers.prepare(
        QStringLiteral("DELETE FROM image_layers WHERE account_id = ? AND region = ?"));
    removeLayers.addBindValue(accountId);
    removeLayers.addBindValue(region);
    if (!exec(remove, QT_TRANSLATE_NOOP("Store", "saving images"))
        || !exec(removeLayers, QT_TRANSLATE_NOOP("Store", "saving images"))) {
        rollback();
        return false;
    }
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral(
        "INSERT INTO images (account_id, region, position, provider, id, name, version, "
        "image_type, category, namespace, digest, registry_name, description, status, "
        "scan_status, size_bytes, size_text, created_ms, updated_ms, os_tag, container_spec, "
        "vm_spec, additional_regions, raw_json, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QSqlQuery insertLayer(m_db);
    insertLayer.prepare(QStringLiteral("INSERT INTO image_layers (account_id, region, image_id, "
                                       "position, os_name, os_version, layer_digest) VALUES "
                                       "(?, ?, ?, ?, ?, ?, ?)"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int p = 0; p < images.size(); ++p) {
        const core::ImageInfo &im = images.at(p);
        QJsonArray extra;
        for (const core::AdditionalRegionInfo &r : im.additionalRegions)
            extra.append(QJsonObject{{QStringLiteral("regionId"), r.regionId},
                                     {QStringLiteral("imageId"), r.imageId},
                                     {QStringLiteral("status"), r.status}});
        int i = 0;
        insert.bindValue(i++, accountId);
        insert.bindValue(i++, region);
        insert.bindValue(i++, p);
        insert.bindValue(i++, core::providerKey(im.provider));
        insert.bindValue(i++, im.id);
        insert.bindValue(i++, im.name);
        insert.bindValue(i++, im.version);
        insert.bindValue(i++, im.imageType);
        insert.bindValue(i++, im.category);
        insert.bindValue(i++, im.namespaceName);
        insert.bindValue(i++, im.digest);
        insert.bindValue(i++, im.registryName);
        insert.bindValue(i++, im.description);
        insert.bindValue(i++, im.status);
        insert.bindValue(i++, im.scanStatus);
        insert.bindValue(i++, im.sizeBytes);
        insert.bindValue(i++, im.sizeText);
        insert.bindValue(i++, msOrNull(im.created));
        insert.bindValue(i++, msOrNull(im.updated));
        insert.bindValue(i++, im.osTag);
        insert.bindValue(i++, im.hasContainerSpec ? compactJson(containerSpecJson(im.containerSpec))
                                                  : QString());
        insert.bindValue(i++, im.hasVmSpec ? compactJson(vmSpecJson(im.vmSpec)) : QString());
        insert.bindValue(i++, compactJson(extra));
        insert.bindValue(i++, compactJson(core::maskSecrets(im.raw)));
        insert.bindValue(i++, now);
        if (!exec(insert, QT_TRANSLATE_NOOP("Store", "saving images"))) {
            rollback();
            return false;
        }
        for (int l = 0; l < im.layers.size(); ++l) {
            insertLayer.bindValue(0, accountId);
            insertLayer.bindValue(1, region);
            insertLayer.bindValue(2, im.id);
            insertLayer.bindValue(3, l);
            insertLayer.bindValue(4, im.layers.at(l).osName);
            insertLayer.bindValue(5, im.layers.at(l).osVersion);
            insertLayer.bindValue(6, im.layers.at(l).layerDigest);
            if (!exec(insertLayer, QT_TRANSLATE_NOOP("Store", "saving image layers"))) {
                rollback();
                return false;
            }
        }
    }
    return commit();
}

bool Store::saveLayers(const QString &accountId, const QString &region, const QString &imageId,
                       const QList<core::ImageLayer> &layers)
{
    m_error.clear();
    if (!isOpen())
        return fail(tr("The store is not open"));
    if (!begin())
        return false;
    QSqlQuery remove(m_db);
    remove.prepare(QStringLiteral(
        "DELETE FROM image_layers WHERE account_id = ? AND region = ? AND image_id = ?"));
    remove.addBindValue(accountId);
    remove.addBindValue(region);
    remove.addBindValue(imageId);
    if (!exec(remove, QT_TRANSLATE_NOOP("Store", "saving image layers"))) {
        rollback();
        return false;
    }
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO image_layers (account_id, region, image_id, "
                                  "position, os_name, os_version, layer_digest) VALUES "
                                  "(?, ?, ?, ?, ?, ?, ?)"));
    for (int l = 0; l < layers.size(); ++l) {
        insert.bindValue(0, accountId);
        insert.bindValue(1, region);
        insert.bindValue(2, imageId);
        insert.bindValue(3, l);
        insert.bindValue(4, layers.at(l).osName);
        insert.bindValue(5, layers.at(l).osVersion);
        insert.bindValue(6, layers.at(l).layerDigest);
        if (!exec(insert, QT_TRANSLATE_NOOP("Store", "saving image layers"))) {
            rollback();
            return false;
        }
    }
    return commit();
}

QList<core::ImageInfo> Store::loadImages(const QString &accountId, const QString &region)
{
    m_error.clear();
    QList<core::ImageInfo> images;
    if (!isOpen()) {
        fail(tr("The store is not open"));
        return images;
    }
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT provider, id, name, version, image_type, category, namespace, digest, "
        "registry_name, description, status, scan_status, size_bytes, size_text, created_ms, "
        "updated_ms, os_tag, container_spec, vm_spec, additional_regions, raw_json FROM images "
        "WHERE account_id = ? AND region = ? ORDER BY position"));
    query.addBindValue(accountId);
    query.addBindValue(region);
    if (!exec(query, QT_TRANSLATE_NOOP("Store", "loading images")))
        return images;
    QHash<QString, QList<qsizetype>> byId;
    while (query.next()) {
        core::ImageInfo im;
        int i = 0;
        core::providerFromKey(query.value(i++).toString(), &im.provider);
        im.accountId = accountId;
        im.region = region;
        im.id = query.value(i++).toString();
        im.name = query.value(i++).toString();
        im.version = query.value(i++).toString();
        im.imageType = query.value(i++).toString();
        im.category = query.value(i++).toString();
        im.namespaceName = query.value(i++).toString();
        im.digest = query.value(i++).toString();
        im.registryName = query.value(i++).toString();
        im.description = query.value(i++).toString();
        im.status = query.value(i++).toString();
        im.scanStatus = query.value(i++).toString();
        im.sizeBytes = query.value(i++).toLongLong();
        im.sizeText = query.value(i++).toString();
        im.created = fromMs(query.value(i++));
        im.updated = fromMs(query.value(i++));
        im.osTag = query.value(i++).toString();
        const QString container = query.value(i++).toString();
        im.hasContainerSpec = !container.isEmpty();
        if (im.hasContainerSpec)
            im.containerSpec = containerSpecFromJson(parseObject(container));
        const QString vm = query.value(i++).toString();
        im.hasVmSpec = !vm.isEmpty();
        if (im.hasVmSpec)
            im.vmSpec = vmSpecFromJson(parseObject(vm));
        for (const QJsonValue &v : parseArray(query.value(i++))) {
            const QJsonObject o = v.toObject();
            im.additionalRegions.append({o.value(QStringLiteral("regionId")).toString(),
                                         o.value(QStringLiteral("imageId")).toString(),
                                         o.value(QStringLiteral("status")).toString()});
        }
        im.raw = parseObject(query.value(i++));
        byId[im.id].append(images.size());
        images.append(std::move(im));
    }
    QSqlQuery layers(m_db);
    layers.setForwardOnly(true);
    layers.prepare(QStringLiteral("SELECT image_id, os_name, os_version, layer_digest FROM "
                                  "image_layers WHERE account_id = ? AND region = ? "
                                  "ORDER BY image_id, position"));
    layers.addBindValue(accountId);
    layers.addBindValue(region);
    if (!exec(layers, QT_TRANSLATE_NOOP("Store", "loading image layers")))
        return {};
    while (layers.next()) {
        const core::ImageLayer layer{layers.value(1).toString(), layers.value(2).toString(),
                                     layers.value(3).toString()};
        for (qsizetype n : byId.value(layers.value(0).toString()))
            images[n].layers.append(layer);
    }
    return images;
}

// ---- accounts ------------------------------------------------------------------------------

bool Store::writeAccount(const Account &account, bool insert)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery query(m_db);
    if (insert) {
        query.prepare(QStringLiteral(
            "INSERT INTO accounts (provider, display_name, auth_kind, access_key_id, "
            "iam_user_name, iam_domain_name, signature_version, updated_at, created_at, id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    } else {
        query.prepare(
            QStringLiteral("UPDATE accounts SET provider = ?, display_name = ?, auth_kind = ?, "
                           "access_key_id = ?, iam_user_name = ?, iam_domain_name = ?, "
                           "signature_version = ?, updated_at = ? WHERE id = ?"));
    }
    query.addBindValue(core::providerKey(account.provider));
    query.addBindValue(account.displayName.trimmed());
    query.addBindValue(Account::authKindKey(account.authKind));
    query.addBindValue(account.accessKeyId.trimmed());
    query.addBindValue(account.iamUserName);
    query.addBindValue(account.iamDomainName);
    query.addBindValue(Account::signatureVersionKey(account.alibabaSignatureVersion));
    query.addBindValue(now);
    if (insert)
        query.addBindValue(now);
    query.addBindValue(account.id);
    if (!exec(query, insert ? "adding an account" : "updating an account"))
        return false;
    if (!insert && query.numRowsAffected() == 0)
        return fail(tr("There is no account with id %1").arg(account.id));

    QSqlQuery clear(m_db);
    clear.prepare(QStringLiteral("DELETE FROM account_regions WHERE account_id = ?"));
    clear.addBindValue(account.id);
    if (!exec(clear, QT_TRANSLATE_NOOP("Store", "writing account regions")))
        return false;
    QSqlQuery region(m_db);
    region.prepare(QStringLiteral("INSERT INTO account_regions (account_id, position, region, "
                                  "endpoint, project_id) VALUES (?, ?, ?, ?, ?)"));
    for (int p = 0; p < account.regions.size(); ++p) {
        const AccountRegion &r = account.regions.at(p);
        region.bindValue(0, account.id);
        region.bindValue(1, p);
        region.bindValue(2, r.region);
        region.bindValue(3, r.endpointOverride.toString());
        region.bindValue(4, r.projectId);
        if (!exec(region, QT_TRANSLATE_NOOP("Store", "writing account regions")))
            return false;
    }
    QSqlQuery clearRegistries(m_db);
    clearRegistries.prepare(QStringLiteral("DELETE FROM account_registries WHERE account_id = ?"));
    clearRegistries.addBindValue(account.id);
    if (!exec(clearRegistries, QT_TRANSLATE_NOOP("Store", "writing account registries")))
        return false;
    QSqlQuery registry(m_db);
    registry.prepare(QStringLiteral("INSERT INTO account_registries (account_id, position, "
                                    "server, user_name) VALUES (?, ?, ?, ?)"));
    for (int p = 0; p < account.registries.size(); ++p) {
        registry.bindValue(0, account.id);
        registry.bindValue(1, p);
        registry.bindValue(2, account.registries.at(p).server.trimmed().toLower());
        registry.bindValue(3, account.registries.at(p).userName);
        if (!exec(registry, QT_TRANSLATE_NOOP("Store", "writing account registries")))
            return false;
    }
    return true;
}

namespace {
// What the journal records of an account change: no secret, just the cloud and the name.
JournalEntry accountJournalEntry(const Account &account, const QString &action)
{
    JournalEntry entry;
    entry.accountId = account.id;
    entry.action = action;
    entry.target = account.id;
    entry.result = QStringLiteral("ok");
    entry.message
        = core::providerKey(account.provider) + QStringLiteral(": ") + account.displayName;
    return entry;
}
} // namespace

bool Store::addAccount(const Account &account)
{
    m_error.clear();
    if (!isOpen())
        return fail(tr("The store is not open"));
    if (account.id.isEmpty())
        return fail(tr("The account has no id"));
    const QStringList problems = account.validate();
    if (!problems.isEmpty())
        return fail(problems.join(QLatin1Char('\n')));
    if (!begin())
        return false;
    {
        QSqlQuery exists(m_db);
        exists.prepare(QStringLiteral("SELECT 1 FROM accounts WHERE id = ?"));
        exists.addBindValue(account.id);
        if (!exec(exists, QT_TRANSLATE_NOOP("Store", "adding an account"))) {
            rollback();
            return false;
        }
        if (exists.next()) {
            rollback();
            return fail(tr("An account with id %1 already exists").arg(account.id));
        }
    }
    const JournalEntry entry = accountJournalEntry(account, QStringLiteral("account.create"));
    if (!writeAccount(account, true) || journalInTransaction(entry) == 0) {
        rollback();
        return false;
    }
    return commit();
}

bool Store::updateAccount(const Account &account)
{
    m_error.clear();
    if (!isOpen())
        return fail(tr("The store is not open"));
    const QStringList problems = account.validate();
    if (!problems.isEmpty())
        return fail(problems.join(QLatin1Char('\n')));
    if (!begin())
        return false;
    const JournalEntry entry = accountJournalEntry(account, QStringLiteral("account.update"));
    if (!writeAccount(account, false) || journalInTransaction(entry) == 0) {
        rollback();
        return false;
    }
    return commit();
}

bool Store::removeAccount(const QString &accountId)
{
    m_error.clear();
    if (!isOpen())
        return fail(tr("The store is not open"));
    if (!begin())
        return false;
    const QStringList statements = {
        QStringLiteral("DELETE FROM cache_tags WHERE cache_key IN "
                       "(SELECT key FROM caches WHERE account_id = ?)"),
        QStringLiteral("DELETE FROM cache_events WHERE cache_key IN "
                       "(SELECT key FROM caches WHERE account_id = ?)"),
        QStringLiteral("DELETE FROM caches WHERE account_id = ?"),
        QStringLiteral("DELETE FROM cache_digests WHERE account_id = ?"),
        QStringLiteral("DELETE FROM image_layers WHERE account_id = ?"),
        QStringLiteral("DELETE FROM images WHERE account_id = ?"),
        QStringLiteral("DELETE FROM sync_state WHERE account_id = ?"),
        QStringLiteral("DELETE FROM account_regions WHERE account_id = ?"),
        QStringLiteral("DELETE FROM account_registries WHERE account_id = ?"),
        QStringLiteral("DELETE FROM accounts WHERE id = ?"),
    };
    int removed = 0;
    for (const QString &sql : statements) {
        QSqlQuery query(m_db);
        query.prepare(sql);
        query.addBindValue(accountId);
        if (!exec(query, QT_TRANSLATE_NOOP("Store", "removing an account"))) {
            rollback();
            return false;
        }
        removed = query.numRowsAffected();
    }
    if (removed == 0) {
        rollback();
        return fail(tr("There is no account with id %1").arg(accountId));
    }
    JournalEntry entry;
    entry.accountId = accountId;
    entry.action = QStringLiteral("account.delete");
    entry.target = accountId;
    entry.result = QStringLiteral("ok");
    if (journalInTransaction(entry) == 0) {
        rollback();
        return false;
    }
    return commit();
}

QList<Account> Store::accounts()
{
    m_error.clear();
    QList<Account> list;
    if (!isOpen()) {
        fail(tr("The store is not open"));
        return list;
    }
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral(
            "SELECT id, provider, display_name, auth_kind, access_key_id, iam_user_name, "
            "iam_domain_name, signature_version FROM accounts ORDER BY display_name, id"))) {
        fail(tr("Cannot load accounts: %1").arg(query.lastError().text()));
        return list;
    }
    // Account, region, images, tags and event texts repeat across caches: one copy each.
    core::StringPool pool;
    QHash<QString, qsizetype> index;
    while (query.next()) {
        Account a;
        a.id = query.value(0).toString();
        core::providerFromKey(query.value(1).toString(), &a.provider);
        a.displayName = query.value(2).toString();
        a.authKind = Account::authKindFromKey(query.value(3).toString());
        a.accessKeyId = query.value(4).toString();
        a.iamUserName = query.value(5).toString();
        a.iamDomainName = query.value(6).toString();
        a.alibabaSignatureVersion = Account::signatureVersionFromKey(query.value(7).toString());
        index.insert(a.id, list.size());
        list.append(a);
    }
    QSqlQuery regions(m_db);
    regions.setForwardOnly(true);
    if (!regions.exec(QStringLiteral("SELECT account_id, region, endpoint, project_id FROM "
                                     "account_regions ORDER BY account_id, position"))) {
        fail(tr("Cannot load accounts: %1").arg(regions.lastError().text()));
        return {};
    }
    while (regions.next()) {
        const auto it = index.constFind(regions.value(0).toString());
        if (it == index.constEnd())
            continue;
        AccountRegion r;
        r.region = regions.value(1).toString();
        const QString endpoint = regions.value(2).toString();
        if (!endpoint.isEmpty())
            r.endpointOverride = QUrl(endpoint);
        r.projectId = regions.value(3).toString();
        list[*it].regions.append(r);
    }
    QSqlQuery registries(m_db);
    registries.setForwardOnly(true);
    if (!registries.exec(QStringLiteral("SELECT account_id, server, user_name FROM "
                                        "account_registries ORDER BY account_id, position"))) {
        fail(tr("Cannot load accounts: %1").arg(registries.lastError().text()));
        return {};
    }
    while (registries.next()) {
        const auto it = index.constFind(registries.value(0).toString());
        if (it != index.constEnd())
            list[*it].registries.append(
                {registries.value(1).toString(), registries.value(2).toString()});
    }
    return list;
}

std::optional<Account> Store::account(const QString &accountId)
{
    for (const Account &a : accounts()) {
        if (a.id == accountId)
            return a;
    }
    return std::nullopt;
}

// ---- journal -------------------------------------------------------------------------------

qint64 Store::journalInTransaction(JournalEntry entry)
{
    if (!entry.at.isValid())
        entry.at = QDateTime::currentDateTimeUtc();
    if (entry.osUser.isEmpty())
        entry.osUser = osUser();
    if (entry.result.isEmpty())
        entry.result = QStringLiteral("ok");
    QSqlQuery query(m_db);
    // RETURNING works on both backends (SQLite 3.35+, PostgreSQL).
    query.prepare(QStringLiteral(
        "INSERT INTO journal (at, os_user, account_id, action, target, request_id, result, "
        "message) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    query.addBindValue(entry.at.toMSecsSinceEpoch());
    query.addBindValue(entry.osUser);
    query.addBindValue(entry.accountId);
    query.addBindValue(entry.action);
    query.addBindValue(entry.target);
    query.addBindValue(entry.requestId);
    query.addBindValue(entry.result);
    query.addBindValue(entry.message);
    if (!exec(query, QT_TRANSLATE_NOOP("Store", "writing the journal")) || !query.next())
        return 0;
    const qint64 id = query.value(0).toLongLong();
    return announce(StoreChange::journal(entry.action)) ? id : 0;
}

qint64 Store::appendJournal(JournalEntry entry)
{
    m_error.clear();
    if (!isOpen()) {
        fail(tr("The store is not open"));
        return 0;
    }
    if (entry.action.isEmpty()) {
        fail(tr("A journal entry needs an action"));
        return 0;
    }
    if (!begin())
        return 0;
    const qint64 id = journalInTransaction(entry);
    if (id == 0) {
        rollback();
        return 0;
    }
    return commit() ? id : 0;
}

QList<JournalEntry> Store::journal(const JournalQuery &q)
{
    m_error.clear();
    QList<JournalEntry> list;
    if (!isOpen()) {
        fail(tr("The store is not open"));
        return list;
    }
    QStringList conditions;
    QVariantList values;
    if (!q.accountId.isEmpty()) {
        conditions << QStringLiteral("account_id = ?");
        values << q.accountId;
    }
    if (!q.action.isEmpty()) {
        conditions << QStringLiteral("action = ?");
        values << q.action;
    }
    if (q.since.isValid()) {
        conditions << QStringLiteral("at >= ?");
        values << q.since.toMSecsSinceEpoch();
    }
    if (q.afterId > 0) {
        conditions << QStringLiteral("id > ?");
        values << q.afterId;
    }
    QString sql = QStringLiteral("SELECT id, at, os_user, account_id, action, target, "
                                 "request_id, result, message FROM journal");
    if (!conditions.isEmpty())
        sql += QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    // Limited queries want the newest entries; the list is then returned oldest first.
    sql += q.limit > 0 ? QStringLiteral(" ORDER BY id DESC LIMIT %1").arg(q.limit)
                       : QStringLiteral(" ORDER BY id");
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &v : values)
        query.addBindValue(v);
    if (!exec(query, QT_TRANSLATE_NOOP("Store", "reading the journal")))
        return list;
    while (query.next()) {
        JournalEntry e;
        e.id = query.value(0).toLongLong();
        e.at = QDateTime::fromMSecsSinceEpoch(query.value(1).toLongLong(), Qt::UTC);
        e.osUser = query.value(2).toString();
        e.accountId = query.value(3).toString();
        e.action = query.value(4).toString();
        e.target = query.value(5).toString();
        e.requestId = query.value(6).toString();
        e.result = query.value(7).toString();
        e.message = query.value(8).toString();
        list.append(e);
    }
    if (q.limit > 0)
        std::reverse(list.begin(), list.end());
    return list;
}

} // namespace store

namespace store {

// ---- consoles sharing a PostgreSQL store -----------------------------------------------------

bool Store::announcesChanges() const
{
    return isOpen() && m_location.backend() == DatabaseUrl::Backend::Postgres;
}

bool Store::announce(const QString &payload)
{
    if (!announcesChanges())
        return true;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT pg_notify(?, ?)"));
    query.addBindValue(StoreChange::channel());
    query.addBindValue(payload);
    return exec(query, QT_TRANSLATE_NOOP("Store", "announcing a change"));
}

bool Store::setChangeListener(std::function<void(const QString &payload)> listener)
{
    m_listener = std::move(listener);
    return subscribeListener();
}

bool Store::subscribeListener()
{
    if (!m_listener || !announcesChanges())
        return true;
    QSqlDriver *driver = m_db.driver();
    if (driver->subscribedToNotifications().contains(StoreChange::channel()))
        return true;
    // The driver lives on this (the store's) thread: its notifications arrive here, from the
    // connection's socket, without polling.
    QObject::connect(driver, &QSqlDriver::notification, driver,
                     [this](const QString &name, QSqlDriver::NotificationSource source,
                            const QVariant &payload) {
                         // Our own writes are already known to this console.
                         if (name == StoreChange::channel() && source == QSqlDriver::OtherSource
                             && m_listener)
                             m_listener(payload.toString());
                     });
    if (!driver->subscribeToNotification(StoreChange::channel()))
        return fail(tr("Cannot follow the changes of other consoles in %1: %2")
                        .arg(m_location.displayName(), driver->lastError().text()));
    return true;
}

bool Store::recordPoll(const RegionPoll &poll)
{
    m_error.clear();
    if (!announcesChanges())
        return true; // only consoles sharing a store need to know
    if (!begin())
        return false;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "INSERT INTO region_polls (account_id, region, polled_by, polled_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (account_id, region) DO UPDATE SET polled_by = excluded.polled_by, "
        "polled_at = excluded.polled_at"));
    query.addBindValue(poll.accountId);
    query.addBindValue(poll.region);
    query.addBindValue(poll.polledBy);
    query.addBindValue(poll.polledAt.toMSecsSinceEpoch());
    if (!exec(query, QT_TRANSLATE_NOOP("Store", "recording a poll"))
        || !announce(StoreChange::polled(poll))) {
        rollback();
        return false;
    }
    return commit();
}

QList<RegionPoll> Store::regionPolls()
{
    m_error.clear();
    QList<RegionPoll> polls;
    if (!isOpen()) {
        fail(tr("The store is not open"));
        return polls;
    }
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(
            QStringLiteral("SELECT account_id, region, polled_by, polled_at FROM region_polls"))) {
        fail(tr("Cannot read the poll records: %1").arg(query.lastError().text()));
        return polls;
    }
    while (query.next()) {
        polls.append({query.value(0).toString(), query.value(1).toString(),
                      query.value(2).toString(),
                      QDateTime::fromMSecsSinceEpoch(query.value(3).toLongLong(), Qt::UTC)});
    }
    return polls;
}

} // namespace store
