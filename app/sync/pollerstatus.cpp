#include "pollerstatus.h"

namespace cachesync {

QString PollerStatus::summary(const QDateTime &now) const
{
    switch (state) {
    case State::Idle:
        return tr("%1: not polling").arg(region);
    case State::Offline:
        return tr("%1: offline, showing the last known state").arg(region);
    case State::CredentialsRequired:
        return tr("%1: credentials rejected (%2), update them to resume")
            .arg(region,
                 lastError.code.isEmpty() ? QString::number(lastError.httpStatus) : lastError.code);
    case State::BackingOff: {
        const qint64 seconds
            = nextPoll.isValid() ? qMax<qint64>(0, (now.msecsTo(nextPoll) + 999) / 1000) : 0;
        const QString reason
            = lastError.code.isEmpty() ? net::ApiError::kindName(lastError.kind) : lastError.code;
        return tr("%1: retrying in %2 s (%3)").arg(region).arg(seconds).arg(reason);
    }
    case State::Polling:
        break;
    }
    if (inFlight > 0)
        return tr("%1: refreshing…").arg(region);
    if (lastSuccess.isValid())
        return tr("%1: %n cache(s), updated %2", nullptr, cacheCount)
            .arg(region, lastSuccess.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
    return tr("%1: waiting for the first listing").arg(region);
}

} // namespace cachesync
