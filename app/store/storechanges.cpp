#include "storechanges.h"

#include <QStringList>

namespace store {

namespace {
const QChar separator = QLatin1Char('\t');
}

QString StoreChange::caches(const QString &accountId, const QString &region)
{
    return QStringList{QStringLiteral("caches"), accountId, region}.join(separator);
}

QString StoreChange::journal(const QString &action)
{
    return QStringList{QStringLiteral("journal"), action}.join(separator);
}

QString StoreChange::polled(const RegionPoll &poll)
{
    return QStringList{QStringLiteral("poll"), poll.accountId, poll.region, poll.polledBy,
                       QString::number(poll.polledAt.toMSecsSinceEpoch())}
        .join(separator);
}

StoreChange StoreChange::parse(const QString &payload)
{
    const QStringList parts = payload.split(separator);
    StoreChange change;
    const QString kind = parts.value(0);
    if (kind == QLatin1String("caches") && parts.size() == 3) {
        change.kind = Kind::Caches;
        change.accountId = parts.at(1);
        change.region = parts.at(2);
    } else if (kind == QLatin1String("journal") && parts.size() == 2) {
        change.kind = Kind::Journal;
        change.action = parts.at(1);
    } else if (kind == QLatin1String("poll") && parts.size() == 5) {
        bool ok = false;
        const qint64 at = parts.at(4).toLongLong(&ok);
        if (!ok)
            return change;
        change.kind = Kind::Poll;
        change.accountId = change.poll.accountId = parts.at(1);
        change.region = change.poll.region = parts.at(2);
        change.poll.polledBy = parts.at(3);
        change.poll.polledAt = QDateTime::fromMSecsSinceEpoch(at, Qt::UTC);
    }
    return change;
}

} // namespace store
