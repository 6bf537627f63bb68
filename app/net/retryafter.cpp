#include "retryafter.h"

#include <QLocale>

#include <algorithm>
#include <limits>
#include <optional>

namespace net {

namespace {

constexpr qint64 MaxMs = std::numeric_limits<int>::max();

// A run of decimal digits (optionally signed) of any length: its sign, and whether it is
// at least `cap` (so a 40-digit value saturates instead of failing to parse).
std::optional<qint64> saturatingInteger(const QByteArray &text, qint64 cap)
{
    const QByteArray t = text.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    qsizetype i = 0;
    bool negative = false;
    if (t.at(0) == '-' || t.at(0) == '+') {
        negative = t.at(0) == '-';
        ++i;
    }
    if (i == t.size())
        return std::nullopt;
    qint64 value = 0;
    for (; i < t.size(); ++i) {
        const char c = t.at(i);
        if (c < '0' || c > '9')
            return std::nullopt;
        if (value < cap)
            value = std::min(cap, value * 10 + (c - '0'));
    }
    return negative ? -value : value;
}

QDateTime parseHttpDate(const QByteArray &value)
{
    const QString text = QString::fromLatin1(value).simplified();
    // IMF-fixdate, the form RFC 9110 requires senders to use.
    const QDateTime parsed
        = QLocale::c().toDateTime(text, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (parsed.isValid())
        return QDateTime(parsed.date(), parsed.time(), Qt::UTC);
    return QDateTime::fromString(text, Qt::RFC2822Date);
}

} // namespace

int RetryAfter::secondsToMs(qint64 seconds)
{
    if (seconds < 0)
        return -1;
    return int(seconds > MaxMs / 1000 ? MaxMs : seconds * 1000);
}

int RetryAfter::fromSeconds(const QByteArray &value)
{
    const auto seconds = saturatingInteger(value, MaxMs);
    return seconds ? secondsToMs(*seconds) : -1;
}

int RetryAfter::fromMilliseconds(const QByteArray &value)
{
    const auto ms = saturatingInteger(value, MaxMs);
    return ms && *ms >= 0 ? int(*ms) : -1;
}

int RetryAfter::fromHeader(const QByteArray &value, const QDateTime &now)
{
    if (value.trimmed().isEmpty())
        return -1;
    if (const auto seconds = saturatingInteger(value, MaxMs))
        return secondsToMs(*seconds);
    const QDateTime when = parseHttpDate(value);
    if (!when.isValid())
        return -1;
    return int(std::clamp<qint64>(now.msecsTo(when), 0, MaxMs));
}

} // namespace net
