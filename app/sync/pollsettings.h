#pragma once

#include <QtGlobal>

namespace cachesync {

// Tunables of a RegionPoller. Defaults suit a desktop console: one listing a minute per
// region, a few seconds for caches that are changing.
struct PollSettings
{
    qint64 slowIntervalMs = 60'000; // full listing of stable caches
    qint64 fastIntervalMs = 3'000;  // per-cache show of transitional caches
    // With more transitional caches than this, one fast listing replaces per-cache shows.
    int listWhenTransitionalAbove = 3;
    int hiddenSlowdown = 4;        // intervals are multiplied while the window is hidden
    int maxInFlight = 2;           // requests in flight for one poller
    qint64 backoffBaseMs = 2'000;  // first retry waits in [base, 2·base]
    qint64 backoffCapMs = 300'000; // ceiling of the exponential backoff
    int authFailureLimit = 2;      // consecutive 401/403 before asking for credentials
    // Page size of a listing where the provider pages (Alibaba Limit, default 10): fewer,
    // larger pages make one poll of a big region a handful of requests instead of dozens.
    int listPageSize = 100;
};

} // namespace cachesync
