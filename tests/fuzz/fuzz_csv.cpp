// The CSV reader (RFC 4180, BOM, CRLF/LF, quotes). Property: a parse either fails with a
// reason or yields records. Input: any bytes.

#include "csv/csvreader.h"
#include "fuzzinput.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const QList<QStringList> records = csv::CsvReader::parse(input, &error);
    fuzz::require(records.isEmpty() || error.isEmpty(), "records or an error, not both");
    return 0;
}
