#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QIODevice;

namespace csv {

// Streams RFC 4180 records to a device: fields separated by ',', records ended by CRLF,
// UTF-8 with an optional byte order mark (Excel needs it to detect UTF-8). Cells that a
// spreadsheet would run as a formula are neutralised with a leading apostrophe.
class CsvWriter final
{
    Q_DECLARE_TR_FUNCTIONS(CsvWriter)
public:
    struct Options
    {
        bool byteOrderMark = false;
        bool neutralizeFormulas = true;
    };

    explicit CsvWriter(QIODevice *device);
    CsvWriter(QIODevice *device, Options options);

    // Writes one record (the BOM goes before the first one). False once the device failed;
    // every later call is refused so a broken export stops early.
    bool writeRecord(const QStringList &fields);
    bool ok() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    qint64 recordsWritten() const { return m_records; }

    // One cell as it appears in the file: neutralised, then quoted when it holds a
    // separator, quote, CR, LF or leading/trailing white space (quotes doubled).
    static QString escapeField(const QString &field, bool neutralizeFormulas = true);
    // True when a spreadsheet would evaluate the cell (= + - @, tab, CR at the start).
    static bool looksLikeFormula(const QString &field);
    // One record with its CRLF, UTF-8 encoded.
    static QByteArray formatRecord(const QStringList &fields, bool neutralizeFormulas = true);

private:
    bool write(const QByteArray &bytes);

    QIODevice *m_device;
    Options m_options;
    QString m_error;
    QByteArray m_line;
    qint64 m_records = 0;
    bool m_bomWritten = false;
};

} // namespace csv
