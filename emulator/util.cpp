#include "context.h"

#include "core/jsontext.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QUuid>

namespace emulator::util {

QString randomLowerAlnum(int length)
{
    static const char alphabet[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    QString text;
    text.reserve(length);
    for (int i = 0; i < length; ++i)
        text.append(QLatin1Char(alphabet[QRandomGenerator::global()->bounded(36)]));
    return text;
}

QString uuid(bool upper)
{
    const auto text = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return upper ? text.toUpper() : text;
}

QString isoSeconds(const QDateTime &utc)
{
    return core::isoUtcSeconds(utc);
}

QDateTime parseIso(const QString &text)
{
    auto dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(text, Qt::ISODate);
    return dt.toUTC();
}

QString goTimeString(const QDateTime &utc, int microsExtra)
{
    // Go's time.String(): "2006-01-02 15:04:05.999999999 -0700 MST", trailing zeros trimmed.
    const auto t = utc.toUTC();
    QString fraction = QStringLiteral("%1").arg(t.time().msec() * 1000 + microsExtra % 1000, 6, 10,
                                                QLatin1Char('0'));
    while (fraction.endsWith(u'0'))
        fraction.chop(1);
    QString text = t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (!fraction.isEmpty())
        text += u'.' + fraction;
    return text + QStringLiteral(" +0000 UTC");
}

QString deterministicHex(const QString &seed, int length)
{
    return QString::fromLatin1(
               QCryptographicHash::hash(seed.toUtf8(), QCryptographicHash::Sha256).toHex())
        .left(length);
}

} // namespace emulator::util
