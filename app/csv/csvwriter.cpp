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

// UTF-8 of `text` appended to `out`; ASCII (nearly every cell) is copied without a converter.
void appendUtf8(QByteArray &out, QStringView text)
{
    const char16_t *p = text.utf16();
    const qsizetype size = text.size();
    qsizetype i = 0;
    while (i < size && p[i] < 0x80)
        ++i;
    const qsizetype at = out.size();
    out.resize(at + i);
    char *dest = out.data() + at;
    for (qsizetype k = 0; k < i; ++k)
        dest[k] = char(p[k]);
    if (i < size)
        out += text.sliced(i).toUtf8();
}

// Appends one cell as it appears in the file, UTF-8 encoded.
void appendEscaped(QByteArray &out, const QString &field, bool neutralizeFormulas)
{
    // Neutralise first: the apostrophe goes inside the quotes, and then it is the first
    // character, so only a trailing space still asks for quotes.
    const bool prefix = neutralizeFormulas && CsvWriter::looksLikeFormula(field);
    const bool edgeSpace
        = !field.isEmpty() && ((!prefix && field.front().isSpace()) || field.back().isSpace());
    const bool quote = edgeSpace || hasSeparatorQuoteOrBreak(field);
    if (quote)
        out += '"';
    if (prefix)
        out += '\'';
    if (quote) {
        QStringView rest(field);
        for (qsizetype q = rest.indexOf(u'"'); q >= 0; q = rest.indexOf(u'"')) {
            appendUtf8(out, rest.first(q + 1));
            out += '"';
            rest = rest.sliced(q + 1);
        }
        appendUtf8(out, rest);
        out += '"';
    } else {
        appendUtf8(out, field);
    }
}

void appendRecord(QByteArray &out, const QStringList &fields, bool neutralizeFormulas)
{
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out += ',';
        appendEscaped(out, fields.at(i), neutralizeFormulas);
    }
    out += "\r\n";
}

} // namespace

QString CsvWriter::escapeField(const QString &field, bool neutralizeFormulas)
{
    QByteArray cell;
    appendEscaped(cell, field, neutralizeFormulas);
    return QString::fromUtf8(cell);
}

QByteArray CsvWriter::formatRecord(const QStringList &fields, bool neutralizeFormulas)
{
    QByteArray line;
    line.reserve(256);
    appendRecord(line, fields, neutralizeFormulas);
    return line;
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
    m_line.clear(); // reused: one allocation for the whole export
    appendRecord(m_line, fields, m_options.neutralizeFormulas);
    if (!write(m_line))
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
