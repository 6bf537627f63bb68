#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace net {

using ParamList = QList<std::pair<QByteArray, QByteArray>>; // decoded (UTF-8) key/value pairs

// RFC 3986 encoding as both clouds' signers do it: A-Z a-z 0-9 - _ . ~ kept, every other byte
// of the UTF-8 form as %XX with uppercase hex (space → %20, never '+'; '*' → %2A).
QByteArray percentEncode(const QByteArray &utf8);
inline QByteArray percentEncode(const QString &text)
{
    return percentEncode(text.toUtf8());
}
// Decodes %XX; '+' stays '+' (neither cloud's signer writes '+' for a space).
QByteArray percentDecode(const QByteArray &encoded);

// Splits a raw query string ("a=1&b=x%20y") into decoded pairs, in order; "k" alone → ("k", "").
ParamList parseQuery(const QByteArray &encodedQuery);
// Joins pairs as percentEncode(key)=percentEncode(value) with '&', in the given order.
QByteArray buildQuery(const ParamList &params);
// Stable sort by key (byte order), then by value for repeated keys.
ParamList sortedParams(ParamList params);

} // namespace net
