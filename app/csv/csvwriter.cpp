#include "csvwriter.h"

#include <QIODevice>

namespace csv {

CsvWriter::CsvWriter(QIODevice *device)
    : CsvWriter(device, Options())
{}

CsvWriter::CsvWriter(QIODevice *device, Options options)
    : m_device(device)
    , m_options(options)
{
    if (!m_device || !m_device->isWritable())
        m_error = tr("The CSV output is not open for writing.");
}

bool CsvWriter::looksLikeFormula(const QString &field)
{
    if (field.isEmpty())
        return false;
    switch (field.front().unicode()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
        return true;
    default:
        return false;
    }
}

QString CsvWriter::escapeField(const QString &field, bool neutralizeFormulas)
{
    // Neutralise first: the apostrophe must sit inside the quotes to reach the cell.
    QString cell
        = neutralizeFormulas && looksLikeFormula(field) ? QLatin1Char('\'') + field : field;
    bool quote = false;
    for (const QChar c : std::as_const(cell)) {
        if (c == QLatin1Char(',') || c == QLatin1Char('"') || c == QLatin1Char('\r')
            || c == QLatin1Char('\n')) {
            quote = true;
            break;
        }
    }
    if (!quote && !cell.isEmpty())
        quote = cell.front().isSpace() || cell.back().isSpace();
    if (!quote)
        return cell;
    cell.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + cell + QLatin1Char('"');
}

QByteArray CsvWriter::formatRecord(const QStringList &fields, bool neutralizeFormulas)
{
    QString line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += QLatin1Char(',');
        line += escapeField(fields.at(i), neutralizeFormulas);
    }
    line += QLatin1String("\r\n");
    return line.toUtf8();
}

bool CsvWriter::writeRecord(const QStringList &fields)
{
    if (!ok())
        return false;
    if (m_options.byteOrderMark && !m_bomWritten) {
        m_bomWritten = true;
        if (!write(QByteArrayLiteral("\xEF\xBB\xBF")))
            return false;
    }
    if (!write(formatRecord(fields, m_options.neutralizeFormulas)))
        return false;
    ++m_records;
    return true;
}

bool CsvWriter::write(const QByteArray &bytes)
{
    if (m_device->write(bytes) != bytes.size()) {
        const QString reason = m_device->errorString();
        m_error = reason.isEmpty() ? tr("Could not write the CSV output.")
                                   : tr("Could not write the CSV output: %1").arg(reason);
        return false;
    }
    return true;
}

} // namespace csv
