#include "databaseurl.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QUrlQuery>

namespace store {

QUrl DatabaseUrl::sqliteUrl(const QString &absolutePath)
{
    QUrl url;
    url.setScheme(QStringLiteral("sqlite"));
    url.setPath(QDir::cleanPath(QDir(absolutePath).absolutePath()));
    return url;
}

QUrl DatabaseUrl::defaultUrl()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return sqliteUrl(dir + QStringLiteral("/imagecache.db"));
}

QUrl DatabaseUrl::configuredUrl()
{
    const QString fromEnvironment = qEnvironmentVariable("IMAGECACHE_STORE_URL");
    if (!fromEnvironment.isEmpty())
        return QUrl(fromEnvironment);
    const QString fromSettings = QSettings().value(QStringLiteral("Store/Url")).toString();
    if (!fromSettings.isEmpty())
        return QUrl(fromSettings);
    return defaultUrl();
}

void DatabaseUrl::saveConfiguredUrl(const QUrl &url)
{
    QSettings().setValue(QStringLiteral("Store/Url"), url.toString(QUrl::RemovePassword));
}

bool DatabaseUrl::parse(const QUrl &url, DatabaseUrl *out, QString *error)
{
    DatabaseUrl result;
    result.m_url = url;
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("sqlite")) {
        const QString path = url.path();
        if (path.isEmpty() || !QDir::isAbsolutePath(path)) {
            *error = tr("The database URL \"%1\" needs an absolute file path, e.g. "
                        "sqlite:///home/me/imagecache.db")
                         .arg(redacted(url));
            return false;
        }
        result.m_backend = Backend::Sqlite;
        result.m_filePath = QDir::cleanPath(path);
        result.m_databaseName = result.m_filePath;
    } else if (scheme == QLatin1String("postgresql") || scheme == QLatin1String("postgres")) {
        result.m_backend = Backend::Postgres;
        result.m_databaseName = url.path().mid(1);
        if (result.m_databaseName.isEmpty() || result.m_databaseName.contains(QLatin1Char('/'))) {
            *error = tr("The database URL \"%1\" needs a database name, e.g. "
                        "postgresql://user@host:5432/imagecache")
                         .arg(redacted(url));
            return false;
        }
        result.m_host = url.host();
        const QUrlQuery query(url);
        if (query.hasQueryItem(QStringLiteral("host")))
            result.m_host = query.queryItemValue(QStringLiteral("host"), QUrl::FullyDecoded);
        result.m_port = url.port(-1);
        result.m_user = url.userName(QUrl::FullyDecoded);
        result.m_password = url.password(QUrl::FullyDecoded);
    } else {
        *error = tr("Unsupported database URL \"%1\": use sqlite:///path or "
                    "postgresql://user@host/dbname")
                     .arg(redacted(url));
        return false;
    }
    *out = result;
    return true;
}

QString DatabaseUrl::redacted(const QUrl &url)
{
    QUrl shown = url.adjusted(QUrl::RemovePassword);
    // libpq also takes a password as a query parameter (postgresql://…/db?password=…).
    if (shown.hasQuery()) {
        QStringList kept;
        const QStringList pairs = shown.query(QUrl::FullyEncoded).split(QLatin1Char('&'));
        for (const QString &pair : pairs) {
            const QString key
                = QUrl::fromPercentEncoding(pair.section(QLatin1Char('='), 0, 0).toUtf8())
                      .toLower();
            if (!key.contains(QLatin1String("password")) && key != QLatin1String("passfile"))
                kept << pair;
        }
        shown.setQuery(kept.join(QLatin1Char('&')), QUrl::StrictMode);
    }
    return shown.toString();
}

QString DatabaseUrl::displayName() const
{
    return redacted(m_url);
}

QSqlDatabase DatabaseUrl::addConnection(const QString &connectionName) const
{
    if (m_backend == Backend::Sqlite) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(m_filePath);
        // Waits for another process's write lock instead of failing at once.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        return db;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    db.setDatabaseName(m_databaseName);
    if (!m_host.isEmpty())
        db.setHostName(m_host);
    if (m_port > 0)
        db.setPort(m_port);
    if (!m_user.isEmpty())
        db.setUserName(m_user);
    if (!m_password.isEmpty())
        db.setPassword(m_password);
    db.setConnectOptions(QStringLiteral("connect_timeout=10"));
    return db;
}

} // namespace store
