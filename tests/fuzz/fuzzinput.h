#pragma once

// The input format of the HTTP fuzz targets: a message as on the wire, readable in the
// corpus. First line (status "200" or request line "GET /path?query"), then "Name: value"
// header lines, an empty line, then the body. LF or CRLF; anything goes after the blank line.

#include "net/httpmessage.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

namespace fuzz {

struct Message
{
    QByteArray startLine;
    net::HeaderList headers;
    QByteArray body;
};

Message splitMessage(const uint8_t *data, size_t size);
// The status is the first number of the start line, saturated to 0..999 (0 when none).
net::HttpResponse response(const Message &message);

// Aborts (a crash libFuzzer reports with its input) when `condition` is false: for the
// properties a target checks beyond "does not crash".
void require(bool condition, const char *what);

} // namespace fuzz
