#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>
#include <QUrl>

namespace store {

// Where the store lives, chosen by URL:
//   sqlite:///abs/path/imagecache.db                      (the default, a local file)
//   postgresql://user[:password]@host[:port]/dbname        (a shared team database)
//   postgresql://user@/dbname?host=/run/postgresql          (Unix socket directory)
class DatabaseUrl final
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseUrl)
public:
    enum class Backend { Sqlite, Postgres };

    // Parses `url`; on failure returns false and sets `error` (translated).
    static bool parse(const QUrl &url, DatabaseUrl *out, QString *error);
    // sqlite URL of QStandardPaths::AppDataLocation + "/imagecache.db".
    static QUrl defaultUrl();
    static QUrl sqliteUrl(const QString &absolutePath);
    // The store the console and the CLI use: $IMAGECACHE_STORE_URL, else the "Store/Url"
    // setting, else defaultUrl().
    static QUrl configuredUrl();
    // Saves the "Store/Url" setting. A password in the URL is dropped: it would be a secret in
    // a settings file; PostgreSQL passwords belong in ~/.pgpass (read by libpq).
    static void saveConfiguredUrl(const QUrl &url);

    Backend backend() const { return m_backend; }
    QString filePath() const { return m_filePath; } // SQLite only
    QString databaseName() const { return m_databaseName; }
    // For messages and logs: the URL without any password.
    QString displayName() const;
    // `url` without its password or password parameters, for every message about a URL
    // (whatever its scheme, valid or not).
    static QString redacted(const QUrl &url);

    // A new connection under `connectionName`, configured but not opened.
    QSqlDatabase addConnection(const QString &connectionName) const;

private:
    Backend m_backend = Backend::Sqlite;
    QString m_filePath;
    QString m_databaseName;
    QString m_host;
    int m_port = -1;
    QString m_user;
    QString m_password;
    QUrl m_url;
};

} // namespace store
