#include "csvreader.h"

namespace csv {

QList<QStringList> CsvReader::parse(const QByteArray &data, QString *error)
{
    QString text = QString::fromUtf8(data);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);

    QList<QStringList> records;
    QStringList record;
    QString field;
    bool inQuotes = false;
    bool wasQuoted = false;
    const auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return QList<QStringList>();
    };
    const auto endRecord = [&] {
        record.append(field);
        records.append(record);
        record.clear();
        field.clear();
        wasQuoted = false;
    };

    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char(',')) {
            record.append(field);
            field.clear();
            wasQuoted = false;
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < n && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            endRecord();
        } else if (c == QLatin1Char('"') && field.isEmpty() && !wasQuoted) {
            inQuotes = true;
            wasQuoted = true;
        } else if (wasQuoted) {
            return fail(
                tr("Unexpected text after a closing quote in record %1.").arg(records.size() + 1));
        } else {
            field += c;
        }
    }
    if (inQuotes)
        return fail(tr("A quoted field is not closed in record %1.").arg(records.size() + 1));
    if (!field.isEmpty() || !record.isEmpty() || wasQuoted)
        endRecord();
    if (error)
        error->clear();
    return records;
}

} // namespace csv
