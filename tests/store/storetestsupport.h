#pragma once

// Shared by the store suites: where a fresh database comes from on each backend.

#include "store/databaseurl.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrl>
#include <QUrlQuery>

namespace storetest {

class Backend
{
public:
#ifdef IC_STORE_POSTGRES
    static constexpr bool postgres = true;
#else
    static constexpr bool postgres = false;
#endif

    // Empty when usable; otherwise why this backend cannot run here.
    QString prepare()
    {
        if (!m_tmp.isValid())
            return QStringLiteral("cannot create a temporary directory");
        if (!postgres)
            return {};
        const QString dir = qEnvironmentVariable("IMAGECACHE_TEST_PG_DIR");
        if (dir.isEmpty())
            return QStringLiteral("IMAGECACHE_TEST_PG_DIR is not set: run this suite through "
                                  "ctest, whose fixture starts a throwaway PostgreSQL cluster");
        QFile skip(dir + QStringLiteral("/skip-reason"));
        if (skip.open(QIODevice::ReadOnly))
            return QStringLiteral("PostgreSQL cluster unavailable: ")
                   + QString::fromUtf8(skip.readAll()).trimmed();
        QFile url(dir + QStringLiteral("/url"));
        if (!url.open(QIODevice::ReadOnly))
            return QStringLiteral("the PostgreSQL fixture wrote no URL in ") + dir;
        m_baseUrl = QUrl(QString::fromUtf8(url.readAll()).trimmed());
        return {};
    }

    QString tempPath(const QString &name) const
    {
        return m_tmp.filePath(name);
    }

    // A new, empty database: a new file, or a new PostgreSQL database in the test cluster.
    QUrl freshUrl()
    {
        const int n = ++m_counter;
        if (!postgres)
            return store::DatabaseUrl::sqliteUrl(
                m_tmp.filePath(QStringLiteral("db-%1.sqlite").arg(n)));
        const QString name
            = QStringLiteral("ic_%1_%2").arg(QCoreApplication::applicationPid()).arg(n);
        {
            store::DatabaseUrl base;
            QString error;
            store::DatabaseUrl::parse(m_baseUrl, &base, &error);
            QSqlDatabase admin = base.addConnection(QStringLiteral("pg-admin"));
            if (admin.open()) {
                QSqlQuery q(admin);
                if (!q.exec(QStringLiteral("CREATE DATABASE %1").arg(name)))
                    qWarning() << "CREATE DATABASE failed:" << q.lastError().text();
            } else {
                qWarning() << "cannot reach the test cluster:" << admin.lastError().text();
            }
            admin.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("pg-admin"));
        QUrl url = m_baseUrl;
        url.setPath(QLatin1Char('/') + name);
        return url;
    }

    QUrl baseUrl() const
    {
        return m_baseUrl;
    }
    // The cluster's files (PostgreSQL only), to look for leaked secrets.
    QString clusterDir() const
    {
        return QUrlQuery(m_baseUrl).queryItemValue(QStringLiteral("host"));
    }

private:
    QTemporaryDir m_tmp;
    QUrl m_baseUrl;
    int m_counter = 0;
};

// A raw connection to a store URL, for what the Store API must not offer (old schemas,
// triggers, direct inspection).
class RawConnection
{
public:
    explicit RawConnection(const QUrl &url, const QString &name = QStringLiteral("raw"))
        : m_name(name)
    {
        store::DatabaseUrl parsed;
        QString error;
        store::DatabaseUrl::parse(url, &parsed, &error);
        m_db = parsed.addConnection(m_name);
        m_db.open();
    }
    ~RawConnection()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    bool isOpen() const { return m_db.isOpen(); }
    QString exec(const QString &sql) // empty on success, else the error
    {
        QSqlQuery q(m_db);
        return q.exec(sql) ? QString() : q.lastError().text();
    }
    QVariant scalar(const QString &sql)
    {
        QSqlQuery q(m_db);
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0);
    }
    QSqlDatabase &db() { return m_db; }

private:
    QString m_name;
    QSqlDatabase m_db;
};

} // namespace storetest
