#pragma once

#include "coverage.h"

#include <QFuture>
#include <QObject>

#include <optional>

namespace providers {
class CacheService;
}

namespace workload {

// One target and how to reach it: its cache service and, when the caller already holds
// them (the console's store), its caches; otherwise they are listed.
struct CoverageSource
{
    CoverageTarget target;
    providers::CacheService *service = nullptr;
    std::optional<QList<core::ImageCache>> caches;
};

// The one implementation of "which cache serves this workload", used by the console's
// Coverage view and by `imagecache coverage`: Huawei targets client-side (HuaweiCoverage),
// ECI targets through the server's match (EciCoverage), each answer labelled with its target.
class CoverageEvaluator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CoverageEvaluator)
public:
    explicit CoverageEvaluator(QObject *parent = nullptr);
    ~CoverageEvaluator() override;

    QFuture<CoverageReport> evaluate(const ManifestSet &manifests,
                                     const QList<CoverageSource> &sources,
                                     const CoverageOptions &options);
};

} // namespace workload
