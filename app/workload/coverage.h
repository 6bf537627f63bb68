#pragma once

#include "core/imagecache.h"
#include "workload.h"

#include <QCoreApplication>
#include <QDateTime>

#include <optional>

namespace workload {

// The annotations both clouds read from a pod template (docs/coverage.md has the sources).
namespace annotation {
inline constexpr char EciImageCacheId[] = "k8s.aliyun.com/eci-imc-id";
inline constexpr char EciAutoMatch[] = "k8s.aliyun.com/eci-auto-imc";
inline constexpr char EciPerfectMatch[] = "k8s.aliyun.com/imc-perfect-match";
inline constexpr char EciMatchCount[] = "k8s.aliyun.com/imc-match-count-request";
inline constexpr char EciSnapshotId[] = "k8s.aliyun.com/eci-image-snapshot-id";     // legacy
inline constexpr char EciMatchedCache[] = "k8s.aliyun.com/eci-matched-image-cache"; // on pods
inline constexpr char HuaweiSpecifiedName[] = "imagecache.cce.io/specified-name";
} // namespace annotation

// One account in one region that a workload is evaluated against.
struct CoverageTarget
{
    core::Provider provider = core::Provider::Huawei;
    QString accountId;
    QString accountName;
    QString region;
    QString label() const; // "account / region"
    friend bool operator==(const CoverageTarget &, const CoverageTarget &) = default;
};

enum class Verdict { Covered, Partial, NotCovered };

enum class Reason {
    None,
    NoCacheHoldsIt,      // no usable cache holds the image (or shares a layer with it)
    PinnedCacheMissing,  // the annotation names a cache that does not exist
    PinnedCacheNotReady, // the named cache is not Ready
    ExpiresWithinWindow, // the serving cache expires before the chosen date
    PartialMatchOnly,    // the serving cache shares only some layers of the image
    NotInServingCache,   // another cache serves the pod; this image is pulled
    AutoMatchDisabled,   // eci-auto-imc is "false" and no cache is pinned
    InvalidReference,    // the image is not a valid reference
    QueryFailed,         // the provider did not answer (its error is in `detail`)
};

struct CoverageOptions
{
    qint64 expiresWithinSeconds = 0; // 0: only caches already expired are refused
    QDateTime now;                   // invalid: the current time
};

// The answer for one container of a workload in one target.
struct ContainerAnswer
{
    Verdict verdict = Verdict::NotCovered;
    Reason reason = Reason::NoCacheHoldsIt;
    QString detail; // a provider error, or which cache the annotation names
};

// How one target answers for one workload: the cache that would serve the pod (both clouds
// give a pod one cache) and the answer per container, aligned with Workload::containers.
struct TargetAnswer
{
    CoverageTarget target;
    std::optional<core::ImageCache> cache;
    bool pinned = false;    // chosen by an annotation, not by matching
    QString annotation;     // the annotation (key: value) that pins `cache`
    QString silentPullNote; // Huawei: what happens to a pod whose named cache is unusable
    QList<ContainerAnswer> containers;
};

struct WorkloadAnswer
{
    Workload workload;
    QList<TargetAnswer> targets;
    // The best answer per container over every target (what the summary and the gate use).
    ContainerAnswer best(int container) const;
    const TargetAnswer *bestTarget(int container) const;
};

struct CoverageSummary
{
    int workloads = 0;
    int containers = 0;
    int images = 0;  // distinct normalised images
    int covered = 0; // containers
    int partial = 0;
    int uncovered = 0;
    int skippedDocuments = 0;
    int problems = 0;
    bool allCovered() const { return partial == 0 && uncovered == 0 && problems == 0; }
};

struct CoverageReport
{
    ManifestSet manifests;
    QList<CoverageTarget> targets;
    QList<WorkloadAnswer> answers;
    QStringList targetErrors; // a target that could not be listed, with the provider's error
    CoverageSummary summary() const;
    // The summary in words, the console's and the CLI's: "2 workloads · 3 images · 4 containers
    // · 3 covered · 0 partial · 1 not covered", then skipped and broken documents when any.
    QString summaryText() const;
    // The valid images no target covers fully, per provider, for "create a cache".
    QStringList uncoveredImages(core::Provider provider) const;
};

// Whether `cache` can serve a pod now and until the window ends; the reason when not.
Reason usability(const core::ImageCache &cache, const CoverageOptions &options);

// The annotation that pins `cache` for pods of its provider ("key: value").
QString pinningAnnotation(const core::ImageCache &cache);

// "2026-12-10 10:00 UTC (in 6 days)", "never expires", "expired 2 hours ago".
QString expiryText(const core::ImageCache &cache, const QDateTime &now);
QString reasonText(Reason reason);
QString verdictText(Verdict verdict);
QString verdictKey(Verdict verdict); // covered | partial | not-covered
QString reasonKey(Reason reason);    // stable machine form for --json

} // namespace workload
