#include "coverageevaluator.h"

#include "ecicoverage.h"
#include "huaweicoverage.h"
#include "providers/cacheservice.h"
#include "providers/completer.h"

namespace workload {

namespace {
struct Evaluation
{
    CoverageReport report;
    CoverageOptions options;
    QList<QList<TargetAnswer>> perSource; // by source, aligned with the workloads
    int pending = 0;
    providers::CompleterPtr<CoverageReport> completer;

    void finishOne()
    {
        if (--pending > 0)
            return;
        for (int w = 0; w < report.answers.size(); ++w) {
            for (const QList<TargetAnswer> &answers : std::as_const(perSource)) {
                if (w < answers.size())
                    report.answers[w].targets.append(answers.at(w));
            }
        }
        completer->complete(report);
    }
};
} // namespace

CoverageEvaluator::CoverageEvaluator(QObject *parent)
    : QObject(parent)
{}

CoverageEvaluator::~CoverageEvaluator() = default;

QFuture<CoverageReport> CoverageEvaluator::evaluate(const ManifestSet &manifests,
                                                    const QList<CoverageSource> &sources,
                                                    const CoverageOptions &options)
{
    auto evaluation = std::make_shared<Evaluation>();
    evaluation->report.manifests = manifests;
    evaluation->options = options;
    if (!evaluation->options.now.isValid())
        evaluation->options.now = QDateTime::currentDateTimeUtc();
    for (const Workload &w : manifests.workloads)
        evaluation->report.answers.append(WorkloadAnswer{w, {}});
    evaluation->perSource.resize(sources.size());
    evaluation->completer = providers::makeCompleter<CoverageReport>();
    evaluation->pending = int(sources.size()) + 1;

    for (int s = 0; s < sources.size(); ++s) {
        const CoverageSource &source = sources.at(s);
        evaluation->report.targets.append(source.target);
        const auto withCaches = [this, evaluation, source, s, workloads = manifests.workloads](
                                    const QList<core::ImageCache> &caches) {
            if (source.target.provider == core::Provider::Huawei) {
                const HuaweiCoverage rules(source.target, caches, evaluation->options);
                QList<TargetAnswer> answers;
                answers.reserve(workloads.size());
                for (const Workload &w : workloads)
                    answers.append(rules.evaluate(w));
                evaluation->perSource[s] = answers;
                return evaluation->finishOne();
            }
            auto *eci
                = new EciCoverage(source.target, source.service, caches, evaluation->options, this);
            providers::whenFinished(eci->evaluate(workloads), this,
                                    [evaluation, s, eci](const QList<TargetAnswer> &answers) {
                                        evaluation->perSource[s] = answers;
                                        eci->deleteLater();
                                        evaluation->finishOne();
                                    });
        };
        if (source.caches) {
            withCaches(*source.caches);
            continue;
        }
        if (!source.service) {
            evaluation->report.targetErrors.append(source.target.label());
            evaluation->finishOne();
            continue;
        }
        providers::whenFinished(
            source.service->list(), this,
            [evaluation, source, withCaches](const net::Result<QList<core::ImageCache>> &r) {
                if (!r.ok()) {
                    evaluation->report.targetErrors.append(
                        source.target.label() + QStringLiteral(": ") + r.error().toString());
                    return evaluation->finishOne();
                }
                QList<core::ImageCache> caches = r.value();
                for (core::ImageCache &cache : caches) {
                    if (cache.accountId.isEmpty())
                        cache.accountId = source.target.accountId;
                }
                withCaches(caches);
            });
    }
    evaluation->finishOne();
    return evaluation->completer->future();
}

} // namespace workload
