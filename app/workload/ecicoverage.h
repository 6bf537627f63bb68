#pragma once

#include "coverage.h"
#include "net/result.h"

#include <QFuture>
#include <QHash>
#include <QObject>

namespace providers {
class CacheService;
}

namespace workload {

// ECI matches server-side: DescribeImageCaches with MatchImage (the pod's images, at most
// 100), ImageFullMatch (k8s.aliyun.com/imc-perfect-match) and ImageMatchCountRequest
// (k8s.aliyun.com/imc-match-count-request) answers the usable caches in the order a pod
// would get them, and the first one serves the pod. The client does not re-rank. For each
// image the serving cache does not list by name, the same API is asked again for that
// image and that cache (full match, then any match) to tell covered from partial.
// k8s.aliyun.com/eci-imc-id (and the legacy eci-image-snapshot-id) pin a cache instead,
// which must be Ready; k8s.aliyun.com/eci-auto-imc: "false" turns matching off.
class EciCoverage final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EciCoverage)
public:
    // `caches`: the target's listing (used for pinned caches only).
    EciCoverage(CoverageTarget target, providers::CacheService *service,
                QList<core::ImageCache> caches, CoverageOptions options, QObject *parent = nullptr);
    ~EciCoverage() override;

    // Answers aligned with `workloads`. Identical questions are asked once.
    QFuture<QList<TargetAnswer>> evaluate(const QList<Workload> &workloads);

private:
    struct Run;
    using Listing = net::Result<QList<core::ImageCache>>;
    QFuture<Listing> ask(const QStringList &images, bool fullMatch, std::optional<int> count,
                         const QString &cacheId);
    void evaluateOne(const std::shared_ptr<Run> &run, int index);
    void classify(const std::shared_ptr<Run> &run, int index, TargetAnswer answer);
    void done(const std::shared_ptr<Run> &run);

    CoverageTarget m_target;
    providers::CacheService *m_service;
    QList<core::ImageCache> m_caches;
    CoverageOptions m_options;
    QHash<QString, QFuture<Listing>> m_asked;
};

} // namespace workload
