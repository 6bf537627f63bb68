#include "coverage.h"

#include <QSet>

namespace workload {

namespace {
int rank(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Covered:
        return 2;
    case Verdict::Partial:
        return 1;
    case Verdict::NotCovered:
        return 0;
    }
    return 0;
}
} // namespace

QString CoverageTarget::label() const
{
    return (accountName.isEmpty() ? accountId : accountName) + QStringLiteral(" / ") + region;
}

const TargetAnswer *WorkloadAnswer::bestTarget(int container) const
{
    const TargetAnswer *best = nullptr;
    for (const TargetAnswer &answer : targets) {
        if (container >= answer.containers.size())
            continue;
        if (!best
            || rank(answer.containers.at(container).verdict)
                   > rank(best->containers.at(container).verdict))
            best = &answer;
    }
    return best;
}

ContainerAnswer WorkloadAnswer::best(int container) const
{
    const TargetAnswer *target = bestTarget(container);
    if (target)
        return target->containers.at(container);
    ContainerAnswer none;
    const Container &c = workload.containers.at(container);
    if (c.normalized.isEmpty())
        none.reason = Reason::InvalidReference;
    return none;
}

QString CoverageReport::summaryText() const
{
    const CoverageSummary s = summary();
    QStringList parts{
        QCoreApplication::translate("workload::Coverage", "%n workload(s)", nullptr, s.workloads),
        QCoreApplication::translate("workload::Coverage", "%n image(s)", nullptr, s.images),
        QCoreApplication::translate("workload::Coverage", "%n container(s)", nullptr, s.containers),
        QCoreApplication::translate("workload::Coverage", "%n covered", nullptr, s.covered),
        QCoreApplication::translate("workload::Coverage", "%n partial", nullptr, s.partial),
        QCoreApplication::translate("workload::Coverage", "%n not covered", nullptr, s.uncovered)};
    if (s.skippedDocuments > 0)
        parts << QCoreApplication::translate("workload::Coverage",
                                             "%n document(s) skipped (not workloads)", nullptr,
                                             s.skippedDocuments);
    if (const int broken = int(manifests.problems.size()); broken > 0)
        parts << QCoreApplication::translate("workload::Coverage", "%n broken document(s)", nullptr,
                                             broken);
    return parts.join(QStringLiteral(" · "));
}

CoverageSummary CoverageReport::summary() const
{
    CoverageSummary s;
    s.workloads = int(answers.size());
    s.skippedDocuments = manifests.skippedDocuments;
    s.problems = int(manifests.problems.size() + targetErrors.size());
    QSet<QString> images;
    for (const WorkloadAnswer &answer : answers) {
        for (int i = 0; i < answer.workload.containers.size(); ++i) {
            ++s.containers;
            const Container &c = answer.workload.containers.at(i);
            if (!c.normalized.isEmpty())
                images.insert(c.normalized);
            switch (answer.best(i).verdict) {
            case Verdict::Covered:
                ++s.covered;
                break;
            case Verdict::Partial:
                ++s.partial;
                break;
            case Verdict::NotCovered:
                ++s.uncovered;
                break;
            }
        }
    }
    s.images = int(images.size());
    return s;
}

QStringList CoverageReport::uncoveredImages(core::Provider provider) const
{
    QStringList result;
    QSet<QString> seen;
    for (const WorkloadAnswer &answer : answers) {
        for (int i = 0; i < answer.workload.containers.size(); ++i) {
            const Container &c = answer.workload.containers.at(i);
            if (c.normalized.isEmpty() || seen.contains(c.normalized))
                continue;
            bool covered = false;
            for (const TargetAnswer &t : answer.targets) {
                if (t.target.provider == provider && i < t.containers.size()
                    && t.containers.at(i).verdict == Verdict::Covered)
                    covered = true;
            }
            if (!covered) {
                seen.insert(c.normalized);
                result.append(c.image);
            }
        }
    }
    return result;
}

Reason usability(const core::ImageCache &cache, const CoverageOptions &options)
{
    if (cache.status != core::CacheStatus::Ready)
        return Reason::PinnedCacheNotReady;
    const QDateTime now = options.now.isValid() ? options.now : QDateTime::currentDateTimeUtc();
    if (cache.expires.isValid() && cache.retentionDays != 0
        && cache.expires <= now.addSecs(options.expiresWithinSeconds))
        return Reason::ExpiresWithinWindow;
    if (cache.expires.isValid() && cache.retentionDays == 0 && cache.expires <= now)
        return Reason::ExpiresWithinWindow;
    return Reason::None;
}

QString pinningAnnotation(const core::ImageCache &cache)
{
    if (cache.provider == core::Provider::Alibaba)
        return QString::fromLatin1(annotation::EciImageCacheId) + QStringLiteral(": \"") + cache.id
               + QLatin1Char('"');
    return QString::fromLatin1(annotation::HuaweiSpecifiedName) + QStringLiteral(": \"")
           + cache.name + QLatin1Char('"');
}

QString expiryText(const core::ImageCache &cache, const QDateTime &now)
{
    if (cache.retentionDays == 0 || !cache.expires.isValid())
        return QCoreApplication::translate("workload::Coverage", "never expires");
    const QString when = cache.expires.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                         + QStringLiteral(" UTC");
    qint64 seconds = now.secsTo(cache.expires);
    const bool past = seconds < 0;
    seconds = qAbs(seconds);
    // The counts are computed first: lupdate 6.4 loops forever on a division inside the
    // arguments of two translate() calls in a row.
    const int days = int(seconds / 86400);
    const int hours = int(seconds / 3600);
    const int minutes = int(qMax<qint64>(1, seconds / 60));
    QString span;
    if (days > 0)
        span = QCoreApplication::translate("workload::Coverage", "%n day(s)", nullptr, days);
    else if (hours > 0)
        span = QCoreApplication::translate("workload::Coverage", "%n hour(s)", nullptr, hours);
    else
        span = QCoreApplication::translate("workload::Coverage", "%n minute(s)", nullptr, minutes);
    return past ? QCoreApplication::translate("workload::Coverage", "%1 (expired %2 ago)")
                      .arg(when, span)
                : QCoreApplication::translate("workload::Coverage", "%1 (in %2)").arg(when, span);
}

QString reasonText(Reason reason)
{
    switch (reason) {
    case Reason::None:
        return {};
    case Reason::NoCacheHoldsIt:
        return QCoreApplication::translate("workload::Coverage", "no usable cache holds it");
    case Reason::PinnedCacheMissing:
        return QCoreApplication::translate("workload::Coverage",
                                           "the cache the annotation names does not exist");
    case Reason::PinnedCacheNotReady:
        return QCoreApplication::translate("workload::Coverage", "the named cache is not Ready");
    case Reason::ExpiresWithinWindow:
        return QCoreApplication::translate("workload::Coverage",
                                           "the cache expires before the chosen date");
    case Reason::PartialMatchOnly:
        return QCoreApplication::translate("workload::Coverage",
                                           "partial match only: some layers are pulled");
    case Reason::NotInServingCache:
        return QCoreApplication::translate("workload::Coverage",
                                           "the pod's cache does not hold it; it is pulled");
    case Reason::AutoMatchDisabled:
        return QCoreApplication::translate("workload::Coverage",
                                           "automatic matching is off (eci-auto-imc: \"false\")");
    case Reason::InvalidReference:
        return QCoreApplication::translate("workload::Coverage", "not a valid image reference");
    case Reason::QueryFailed:
        return QCoreApplication::translate("workload::Coverage", "the provider did not answer");
    }
    return {};
}

QString verdictText(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Covered:
        return QCoreApplication::translate("workload::Coverage", "covered");
    case Verdict::Partial:
        return QCoreApplication::translate("workload::Coverage", "partial");
    case Verdict::NotCovered:
        return QCoreApplication::translate("workload::Coverage", "not covered");
    }
    return {};
}

QString verdictKey(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Covered:
        return QStringLiteral("covered");
    case Verdict::Partial:
        return QStringLiteral("partial");
    case Verdict::NotCovered:
        return QStringLiteral("not-covered");
    }
    return {};
}

QString reasonKey(Reason reason)
{
    switch (reason) {
    case Reason::None:
        return {};
    case Reason::NoCacheHoldsIt:
        return QStringLiteral("no-cache-holds-it");
    case Reason::PinnedCacheMissing:
        return QStringLiteral("pinned-cache-missing");
    case Reason::PinnedCacheNotReady:
        return QStringLiteral("pinned-cache-not-ready");
    case Reason::ExpiresWithinWindow:
        return QStringLiteral("expires-within-window");
    case Reason::PartialMatchOnly:
        return QStringLiteral("partial-match-only");
    case Reason::NotInServingCache:
        return QStringLiteral("not-in-serving-cache");
    case Reason::AutoMatchDisabled:
        return QStringLiteral("auto-match-disabled");
    case Reason::InvalidReference:
        return QStringLiteral("invalid-reference");
    case Reason::QueryFailed:
        return QStringLiteral("query-failed");
    }
    return {};
}

} // namespace workload
