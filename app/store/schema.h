#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace store {

// The versioned schema: an ordered list of forward migrations. A database records the last
// one applied in schema_version; opening it applies the rest in one transaction. Never edit
// a published migration: add the next one.
class Schema final
{
public:
    enum class Dialect { Sqlite, Postgres };

    struct Migration
    {
        int version;
        QString description;
        QStringList statements; // portable SQL; "%AUTOID%" becomes the dialect's serial key
    };

    static const QList<Migration> &migrations();
    static int currentVersion();
    // The statements of one migration for a dialect (placeholders resolved).
    static QStringList statements(const Migration &migration, Dialect dialect);
};

} // namespace store
