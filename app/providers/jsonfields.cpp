#include "jsonfields.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

namespace providers::json {

namespace {
QJsonValue field(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key));
}
} // namespace

QString string(const QJsonObject &object, const char *key)
{
    const QJsonValue v = field(object, key);
    if (v.isString())
        return v.toString();
    if (v.isDouble()) // a number where text is documented: keep its text rather than lose it
        return QString::number(v.toDouble(), 'g', 15);
    return {};
}

std::optional<int> optionalInteger(const QJsonObject &object, const char *key)
{
    const QJsonValue v = field(object, key);
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (std::isfinite(d) && d >= -2147483648.0 && d <= 2147483647.0)
            return static_cast<int>(d);
        return std::nullopt;
    }
    if (v.isString()) {
        bool ok = false;
        const int n = v.toString().trimmed().toInt(&ok);
        if (ok)
            return n;
    }
    return std::nullopt;
}

int integer(const QJsonObject &object, const char *key, int fallback)
{
    return optionalInteger(object, key).value_or(fallback);
}

qint64 integer64(const QJsonObject &object, const char *key, qint64 fallback)
{
    const QJsonValue v = field(object, key);
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (std::isfinite(d) && std::fabs(d) < 9.0e15)
            return static_cast<qint64>(d);
        return fallback;
    }
    if (v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().trimmed().toLongLong(&ok);
        if (ok)
            return n;
    }
    return fallback;
}

bool boolean(const QJsonObject &object, const char *key, bool fallback)
{
    const QJsonValue v = field(object, key);
    if (v.isBool())
        return v.toBool();
    if (v.isString()) {
        const QString s = v.toString().trimmed();
        if (s.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
            return true;
        if (s.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
            return false;
    }
    return fallback;
}

QStringList strings(const QJsonObject &object, const char *key)
{
    QStringList out;
    const QJsonValue v = field(object, key);
    if (!v.isArray())
        return out;
    const QJsonArray values = v.toArray();
    for (const QJsonValue &item : values) {
        if (item.isString())
            out.append(item.toString());
    }
    return out;
}

QJsonObject object(const QJsonObject &object, const char *key)
{
    return field(object, key).toObject();
}

QJsonArray array(const QJsonObject &object, const char *key)
{
    return field(object, key).toArray();
}

namespace {
// "2021-02-09T02:24:07Z", the form of every ECI / E-HPC time: parsed without the regex.
QDateTime parseIsoSecondsUtc(const QString &text)
{
    auto digits = [&text](int from, int count, int *out) {
        int value = 0;
        for (int i = from; i < from + count; ++i) {
            const char16_t c = text.at(i).unicode();
            if (c < u'0' || c > u'9')
                return false;
            value = value * 10 + (c - u'0');
        }
        *out = value;
        return true;
    };
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    if (!digits(0, 4, &y) || !digits(5, 2, &mo) || !digits(8, 2, &d) || !digits(11, 2, &h)
        || !digits(14, 2, &mi) || !digits(17, 2, &s))
        return {};
    const QDate date(y, mo, d);
    const QTime time(h, mi, s);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}
} // namespace

QDateTime parseTime(const QString &text)
{
    if (text.size() == 20 && text.at(4) == u'-' && text.at(7) == u'-' && text.at(10) == u'T'
        && text.at(13) == u':' && text.at(16) == u':' && text.at(19) == u'Z')
        return parseIsoSecondsUtc(text);
    // date [T or space] time [.fraction] [space] [Z | ±hh:mm | ±hhmm] [zone name] [m=±…]
    // (Go prints a zone without an abbreviation as its offset again: "+0800 +0800".)
    static const QRegularExpression re(QStringLiteral(
        R"(^\s*(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?\s*)"
        R"((Z|[+-]\d{2}:?\d{2})?(?:\s+(?:[A-Za-z][A-Za-z0-9+-]*|[+-]\d{2,4}))?(?:\s+m=[+-][0-9.]+)?\s*$)"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return {};
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    int ms = 0;
    if (const QString fraction = m.captured(7); !fraction.isEmpty())
        ms = (fraction + QStringLiteral("00")).left(3).toInt();
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt(), ms);
    if (!date.isValid() || !time.isValid())
        return {};
    int offsetSeconds = 0;
    if (QString zone = m.captured(8); !zone.isEmpty() && zone != QLatin1String("Z")) {
        zone.remove(QLatin1Char(':'));
        const int sign = zone.startsWith(QLatin1Char('-')) ? -1 : 1;
        offsetSeconds = sign * (zone.mid(1, 2).toInt() * 3600 + zone.mid(3, 2).toInt() * 60);
    }
    return QDateTime(date, time, Qt::OffsetFromUTC, offsetSeconds).toUTC();
}

QDateTime fromEpochMs(qint64 ms)
{
    if (ms <= 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

std::optional<QJsonObject> parseObject(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

net::ApiError malformed(const QString &operation, const QString &detail,
                        const net::HttpResponse &response)
{
    net::ApiError error;
    error.kind = net::ApiError::Kind::MalformedResponse;
    error.operation = operation;
    error.httpStatus = response.status;
    error.requestId = response.requestId;
    error.message = detail;
    return error;
}

QByteArray quoted(const QString &value)
{
    QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QUrl endpoint(const QUrl &base, const QByteArray &encodedPath, const QByteArray &encodedQuery)
{
    QUrl url = base;
    QString path = base.path(QUrl::FullyEncoded);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QString::fromLatin1(encodedPath), QUrl::TolerantMode);
    if (encodedQuery.isEmpty())
        url.setQuery(QString());
    else
        url.setQuery(QString::fromLatin1(encodedQuery), QUrl::TolerantMode);
    url.setFragment(QString());
    return url;
}

} // namespace providers::json
