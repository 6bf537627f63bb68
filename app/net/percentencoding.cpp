#include "percentencoding.h"

#include <algorithm>

namespace net {

namespace {

constexpr char HexDigits[] = "0123456789ABCDEF";

constexpr bool isUnreserved(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
           || c == '_' || c == '.' || c == '~';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

} // namespace

QByteArray percentEncode(const QByteArray &utf8)
{
    // Most keys and values are plain words: return them without copying the bytes.
    if (std::all_of(utf8.cbegin(), utf8.cend(),
                    [](char c) { return isUnreserved(static_cast<unsigned char>(c)); }))
        return utf8;

    QByteArray out;
    out.reserve(utf8.size() * 3);
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        if (isUnreserved(c)) {
            out.append(ch);
        } else {
            out.append('%');
            out.append(HexDigits[c >> 4]);
            out.append(HexDigits[c & 0x0F]);
        }
    }
    return out;
}

QByteArray percentDecode(const QByteArray &encoded)
{
    if (!encoded.contains('%'))
        return encoded;

    QByteArray out;
    out.reserve(encoded.size());
    const qsizetype n = encoded.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = encoded.at(i);
        if (c == '%' && i + 2 < n) {
            const int hi = hexValue(encoded.at(i + 1));
            const int lo = hexValue(encoded.at(i + 2));
            if (hi >= 0 && lo >= 0) {
                out.append(static_cast<char>((hi << 4) | lo));
                i += 2;
                continue;
            }
        }
        // A stray '%' (not followed by two hex digits) is kept as is, like the servers do.
        out.append(c);
    }
    return out;
}

ParamList parseQuery(const QByteArray &encodedQuery)
{
    ParamList params;
    if (encodedQuery.isEmpty())
        return params;
    params.reserve(encodedQuery.count('&') + 1);
    qsizetype start = 0;
    while (start <= encodedQuery.size()) {
        qsizetype end = encodedQuery.indexOf('&', start);
        if (end < 0)
            end = encodedQuery.size();
        if (end > start) {
            const QByteArrayView pair(encodedQuery.constData() + start, end - start);
            const qsizetype eq = pair.indexOf('=');
            if (eq < 0) {
                params.append({percentDecode(pair.toByteArray()), QByteArray()});
            } else {
                params.append({percentDecode(pair.first(eq).toByteArray()),
                               percentDecode(pair.sliced(eq + 1).toByteArray())});
            }
        }
        start = end + 1;
    }
    return params;
}

QByteArray buildQuery(const ParamList &params)
{
    QByteArray out;
    qsizetype size = 0;
    for (const auto &[key, value] : params)
        size += key.size() + value.size() + 2;
    out.reserve(size + size / 4);
    for (const auto &[key, value] : params) {
        if (!out.isEmpty())
            out.append('&');
        out.append(percentEncode(key));
        out.append('=');
        out.append(percentEncode(value));
    }
    return out;
}

ParamList sortedParams(ParamList params)
{
    // QByteArray compares bytes as unsigned, i.e. the byte order both clouds sort by.
    std::stable_sort(params.begin(), params.end(), [](const auto &a, const auto &b) {
        const int byKey = a.first.compare(b.first);
        return byKey != 0 ? byKey < 0 : a.second < b.second;
    });
    return params;
}

} // namespace net
