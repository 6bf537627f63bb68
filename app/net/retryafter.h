#pragma once

#include <QByteArray>
#include <QDateTime>

namespace net {

// The delay a server asks for before the next attempt, as milliseconds for the retry timer.
// Every value comes from a header a hostile or broken server controls, so each conversion
// saturates at the int range instead of overflowing (no `seconds * 1000` on raw input).
struct RetryAfter
{
    // Retry-After as delta-seconds (RFC 9110 §10.2.3): -1 when absent, negative or not a number.
    static int fromSeconds(const QByteArray &value);
    // Retry-After as delta-seconds or an HTTP-date (relative to `now`); -1 when unusable.
    static int fromHeader(const QByteArray &value, const QDateTime &now);
    // Alibaba's x-acs-retry-after, in milliseconds as darabonba reads it: -1 when absent,
    // negative or not a number.
    static int fromMilliseconds(const QByteArray &value);
    // Saturating conversion of a parsed count of seconds (negative = -1).
    static int secondsToMs(qint64 seconds);
};

} // namespace net
