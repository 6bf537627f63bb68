#include "duration.h"

#include <QRegularExpression>

namespace workload {

std::optional<qint64> parseDuration(const QString &text)
{
    const QString trimmed = text.trimmed().toLower();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 plain = trimmed.toLongLong(&ok);
    if (ok)
        return plain >= 0 ? std::optional<qint64>(plain) : std::nullopt;
    static const QRegularExpression whole(QStringLiteral("^(?:\\d+[smhdw])+$"));
    if (!whole.match(trimmed).hasMatch())
        return std::nullopt;
    static const QRegularExpression part(QStringLiteral("(\\d+)([smhdw])"));
    qint64 seconds = 0;
    for (const QRegularExpressionMatch &m : part.globalMatch(trimmed)) {
        const qint64 n = m.captured(1).toLongLong(&ok);
        if (!ok || n > 100LL * 365 * 24 * 3600)
            return std::nullopt;
        const QChar unit = m.captured(2).at(0);
        const qint64 factor = unit == u's'   ? 1
                              : unit == u'm' ? 60
                              : unit == u'h' ? 3600
                              : unit == u'd' ? 86400
                                             : 7 * 86400;
        seconds += n * factor;
    }
    return seconds;
}

} // namespace workload
