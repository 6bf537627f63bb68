#pragma once

#include "coverage.h"

#include <QHash>

namespace workload {

// CCE Autopilot has no server-side match: the client compares the workload's normalised
// images with each cache's `images`. With imagecache.cce.io/specified-name the named cache is
// used, and when it is missing or unusable the pod silently pulls from the registry; without
// it the cache holding most of the workload's images is chosen (then the later expiry, then
// the name), as the console's "select the optimal cache" does.
class HuaweiCoverage final
{
public:
    // `caches` are the target's caches. Build once per target, evaluate many workloads:
    // lookups are by hash, so a run is linear in containers + cached images.
    HuaweiCoverage(CoverageTarget target, const QList<core::ImageCache> &caches,
                   CoverageOptions options);

    TargetAnswer evaluate(const Workload &workload) const;

private:
    CoverageTarget m_target;
    CoverageOptions m_options;
    QList<core::ImageCache> m_caches;
    QList<QSet<QString>> m_imagesOfCache;       // normalised, by cache index
    QHash<QString, QList<int>> m_cachesByImage; // normalised image → cache indexes
    QHash<QString, int> m_cacheByName;
};

} // namespace workload
