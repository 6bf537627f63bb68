#include "fuzzinput.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace fuzz {

Message splitMessage(const uint8_t *data, size_t size)
{
    const QByteArray all
        = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    Message message;
    qsizetype at = 0;
    auto nextLine = [&](QByteArray *line) {
        if (at >= all.size())
            return false;
        qsizetype end = all.indexOf('\n', at);
        if (end < 0)
            end = all.size();
        *line = all.mid(at, end - at);
        if (line->endsWith('\r'))
            line->chop(1);
        at = end + 1;
        return true;
    };
    QByteArray line;
    if (!nextLine(&line))
        return message;
    message.startLine = line;
    while (nextLine(&line)) {
        if (line.isEmpty())
            break;
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            message.headers.append({line, QByteArray()});
        else
            message.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }
    if (at < all.size())
        message.body = all.mid(at); // a deep copy: the fuzzer's buffer is not ours to keep
    return message;
}

net::HttpResponse response(const Message &message)
{
    net::HttpResponse r;
    int status = 0;
    for (const char c : message.startLine) {
        if (c >= '0' && c <= '9') {
            status = std::min(999, status * 10 + (c - '0'));
        } else if (status > 0) {
            break;
        }
    }
    r.status = status;
    r.headers = message.headers;
    r.body = message.body;
    return r;
}

void require(bool condition, const char *what)
{
    if (condition)
        return;
    std::fprintf(stderr, "fuzz property violated: %s\n", what);
    std::abort();
}

} // namespace fuzz
