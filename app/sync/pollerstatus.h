#pragma once

#include "net/apierror.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace cachesync {

// What the status bar shows for one account×region.
struct PollerStatus
{
    Q_DECLARE_TR_FUNCTIONS(PollerStatus)
public:
    enum class State {
        Idle,                // not started, or stopped
        Polling,             // running on its normal intervals
        BackingOff,          // last request failed; retrying after nextPoll
        Offline,             // paused: no network
        CredentialsRequired, // stopped after repeated 401/403
    };

    QString accountId;
    QString region;
    State state = State::Idle;
    QDateTime lastSuccess;   // last request that succeeded
    net::ApiError lastError; // kind None when the last request succeeded; has the request id
    int consecutiveFailures = 0;
    int inFlight = 0;
    int cacheCount = 0;
    QDateTime nextPoll; // next scheduled listing (invalid when none)

    // One line for the status bar, e.g. "cn-hangzhou: retrying in 12 s (Throttling.User)".
    QString summary(const QDateTime &now) const;
};

} // namespace cachesync
