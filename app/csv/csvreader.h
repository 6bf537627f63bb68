#pragma once

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace csv {

// Reads RFC 4180 text back into records (UTF-8, optional BOM, CRLF or LF). Used to check
// exports and to import lists; the writer's formula apostrophe is kept as written.
class CsvReader final
{
    Q_DECLARE_TR_FUNCTIONS(CsvReader)
public:
    // Empty list and `error` set when a quoted field is not closed or text follows a
    // closing quote.
    static QList<QStringList> parse(const QByteArray &data, QString *error = nullptr);
};

} // namespace csv
