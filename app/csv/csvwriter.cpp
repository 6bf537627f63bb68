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

namespace {

bool hasSeparatorQuoteOrBreak(QStringView cell)
{
    for (const QChar c : cell) {
        const char16_t u = c.unicode();
        if (u == u',' || u == u'"' || u == u'\r' || u == u'\n')
            return true;
    }
    return false;
}

// Appends one cell as it appears in the file; most cells need neither prefix nor quotes, and
// then nothing is copied but the cell itself.
void appendEscaped(QString &out, const QString &field, bool neutralizeFormulas)
{
    // Neutralise first: the apostrophe goes inside the quotes, and then it is the first
    // character, so only a trailing space still asks for quotes.
    const bool prefix = neutralizeFormulas && CsvWriter::looksLikeFormula(field);
    const bool edgeSpace
        = !field.isEmpty() && ((!prefix && field.front().isSpace()) || field.back().isSpace());
    const bool quote = edgeSpace || hasSeparatorQuoteOrBreak(field);
    if (quote)
        out += QLatin1Char('"');
    if (prefix)
        out += QLatin1Char('\'');
    if (quote) {
        for (const QChar c : field) {
            if (c == QLatin1Char('"'))
                out += QLatin1Char('"');
            out += c;
        }
        out += QLatin1Char('"');
    } else {
        out += field;
    }
}

} // namespace

QString CsvWriter::escapeField(const QString &field, bool neutralizeFormulas)
{
    QString cell;
    appendEscaped(cell, field, neutralizeFormulas);
    return cell;
}

QByteArray CsvWriter::formatRecord(const QStringList &fields, bool neutralizeFormulas)
{
    QString line;
    line.reserve(256);
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += QLatin1Char(',');
        appendEscaped(line, fields.at(i), neutralizeFormulas);
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
