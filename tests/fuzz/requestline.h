#pragma once

#include "fuzzinput.h"

namespace fuzz {

// "METHOD /raw/path?raw=query" of a request message, as the emulator's server hands it over.
struct RequestLine
{
    QByteArray method;
    QByteArray rawPath;
    QByteArray rawQuery;
};

inline RequestLine requestLine(const Message &message)
{
    RequestLine line;
    const QByteArray &text = message.startLine;
    const qsizetype space = text.indexOf(' ');
    line.method = space < 0 ? text : text.left(space);
    QByteArray target = space < 0 ? QByteArray() : text.mid(space + 1);
    if (const qsizetype end = target.indexOf(' '); end >= 0)
        target.truncate(end); // " HTTP/1.1"
    const qsizetype question = target.indexOf('?');
    line.rawPath = question < 0 ? target : target.left(question);
    line.rawQuery = question < 0 ? QByteArray() : target.mid(question + 1);
    return line;
}

} // namespace fuzz
