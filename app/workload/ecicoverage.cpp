#include "ecicoverage.h"

#include "imagereference.h"
#include "providers/alibaba/ecicacheservice.h"
#include "providers/completer.h"

#include <QSet>

namespace workload {

struct EciCoverage::Run
{
    QList<Workload> workloads;
    QList<TargetAnswer> answers;
    int pending = 0;
    providers::CompleterPtr<QList<TargetAnswer>> completer;
};

namespace {
bool isFalse(const QString &value)
{
    return value.trimmed().compare(QStringLiteral("false"), Qt::CaseInsensitive) == 0;
}
bool isTrue(const QString &value)
{
    return value.trimmed().compare(QStringLiteral("true"), Qt::CaseInsensitive) == 0;
}
// Every container not covered, for `reason`.
void fill(TargetAnswer *answer, const Workload &workload, Reason reason, const QString &detail)
{
    for (int i = 0; i < workload.containers.size(); ++i) {
        const Container &c = workload.containers.at(i);
        answer->containers[i]
            = c.normalized.isEmpty()
                  ? ContainerAnswer{Verdict::NotCovered, Reason::InvalidReference, c.problem}
                  : ContainerAnswer{Verdict::NotCovered, reason, detail};
    }
}
QSet<QString> normalizedImages(const core::ImageCache &cache)
{
    QSet<QString> images;
    for (const QString &image : cache.images)
        images.insert(normalizedImage(image));
    return images;
}
} // namespace

EciCoverage::EciCoverage(CoverageTarget target, providers::CacheService *service,
                         QList<core::ImageCache> caches, CoverageOptions options, QObject *parent)
    : QObject(parent)
    , m_target(std::move(target))
    , m_service(service)
    , m_caches(std::move(caches))
    , m_options(std::move(options))
{
    if (!m_options.now.isValid())
        m_options.now = QDateTime::currentDateTimeUtc();
}

EciCoverage::~EciCoverage() = default;

QFuture<EciCoverage::Listing> EciCoverage::ask(const QStringList &images, bool fullMatch,
                                               std::optional<int> count, const QString &cacheId)
{
    const QString key = images.join(QLatin1Char('\n')) + QLatin1Char('|')
                        + QString::number(fullMatch) + QLatin1Char('|')
                        + QString::number(count.value_or(0)) + QLatin1Char('|') + cacheId;
    const auto found = m_asked.constFind(key);
    if (found != m_asked.cend())
        return *found;
    providers::CacheQuery query;
    query.matchImages = images.mid(0, providers::alibaba::EciCacheService::MaxMatchImages);
    if (fullMatch)
        query.imageFullMatch = true;
    query.imageMatchCount = count;
    query.id = cacheId;
    const QFuture<Listing> future = m_service->list(query);
    m_asked.insert(key, future);
    return future;
}

QFuture<QList<TargetAnswer>> EciCoverage::evaluate(const QList<Workload> &workloads)
{
    auto run = std::make_shared<Run>();
    run->workloads = workloads;
    run->answers.resize(workloads.size());
    run->completer = providers::makeCompleter<QList<TargetAnswer>>();
    run->pending = int(workloads.size()) + 1;
    for (int i = 0; i < workloads.size(); ++i)
        evaluateOne(run, i);
    done(run); // the +1: finishes here when there was nothing to ask
    return run->completer->future();
}

void EciCoverage::done(const std::shared_ptr<Run> &run)
{
    if (--run->pending == 0)
        run->completer->complete(run->answers);
}

void EciCoverage::evaluateOne(const std::shared_ptr<Run> &run, int index)
{
    const Workload &workload = run->workloads.at(index);
    TargetAnswer answer;
    answer.target = m_target;
    answer.containers.resize(workload.containers.size());
    const auto fillAll = [&answer, &workload](Reason reason, const QString &detail) {
        fill(&answer, workload, reason, detail);
    };

    const QString pinnedId
        = workload.annotations.value(QString::fromLatin1(annotation::EciImageCacheId)).trimmed();
    const QString snapshotId
        = workload.annotations.value(QString::fromLatin1(annotation::EciSnapshotId)).trimmed();
    if (!pinnedId.isEmpty() || !snapshotId.isEmpty()) {
        answer.pinned = true;
        const core::ImageCache *found = nullptr;
        for (const core::ImageCache &cache : std::as_const(m_caches)) {
            if ((!pinnedId.isEmpty() && cache.id == pinnedId)
                || (pinnedId.isEmpty()
                    && (cache.snapshotId == snapshotId || cache.flashSnapshotId == snapshotId)))
                found = &cache;
        }
        const QString named = pinnedId.isEmpty() ? snapshotId : pinnedId;
        if (!found) {
            fillAll(Reason::PinnedCacheMissing, named);
            run->answers[index] = answer;
            return done(run);
        }
        answer.cache = *found;
        answer.annotation = pinningAnnotation(*found);
        const Reason reason = usability(*found, m_options);
        if (reason != Reason::None) {
            fillAll(reason, named);
            run->answers[index] = answer;
            return done(run);
        }
        return classify(run, index, answer);
    }
    if (isFalse(workload.annotations.value(QString::fromLatin1(annotation::EciAutoMatch)))) {
        fillAll(Reason::AutoMatchDisabled, {});
        run->answers[index] = answer;
        return done(run);
    }
    const QStringList images = workload.images();
    if (images.isEmpty()) {
        fillAll(Reason::NoCacheHoldsIt, {});
        run->answers[index] = answer;
        return done(run);
    }
    const bool perfect
        = isTrue(workload.annotations.value(QString::fromLatin1(annotation::EciPerfectMatch)));
    std::optional<int> count;
    bool ok = false;
    const int n
        = workload.annotations.value(QString::fromLatin1(annotation::EciMatchCount)).toInt(&ok);
    if (ok && n > 0)
        count = n;
    providers::whenFinished(ask(images, perfect, count, {}), this,
                            [this, run, index, answer](const Listing &listing) mutable {
                                const Workload &workload = run->workloads.at(index);
                                const auto fillAll
                                    = [&answer, &workload](Reason reason, const QString &detail) {
                                          fill(&answer, workload, reason, detail);
                                      };
                                if (!listing.ok()) {
                                    fillAll(Reason::QueryFailed, listing.error().toString());
                                    run->answers[index] = answer;
                                    return done(run);
                                }
                                if (listing.value().isEmpty()) {
                                    fillAll(Reason::NoCacheHoldsIt, {});
                                    run->answers[index] = answer;
                                    return done(run);
                                }
                                // The server's order is the pod's: the first cache serves it.
                                answer.cache = listing.value().constFirst();
                                answer.annotation = pinningAnnotation(*answer.cache);
                                const Reason reason = usability(*answer.cache, m_options);
                                if (reason != Reason::None) {
                                    fillAll(reason, answer.cache->id);
                                    run->answers[index] = answer;
                                    return done(run);
                                }
                                classify(run, index, answer);
                            });
}

// Per container: listed by name in the serving cache → covered; otherwise the server says
// whether the cache holds every layer of it (covered), some (partial) or none.
void EciCoverage::classify(const std::shared_ptr<Run> &run, int index, TargetAnswer answer)
{
    const Workload &workload = run->workloads.at(index);
    const QSet<QString> held = normalizedImages(*answer.cache);
    auto state = std::make_shared<TargetAnswer>(std::move(answer));
    auto waiting = std::make_shared<int>(1);
    const auto finishOne = [this, run, index, state, waiting]() {
        if (--*waiting == 0) {
            run->answers[index] = *state;
            done(run);
        }
    };
    for (int i = 0; i < workload.containers.size(); ++i) {
        const Container &c = workload.containers.at(i);
        if (c.normalized.isEmpty()) {
            state->containers[i] = {Verdict::NotCovered, Reason::InvalidReference, c.problem};
            continue;
        }
        if (held.contains(c.normalized)) {
            state->containers[i] = {Verdict::Covered, Reason::None, {}};
            continue;
        }
        ++*waiting;
        const QString cacheId = state->cache->id;
        const QString image = c.normalized;
        providers::whenFinished(
            ask({image}, true, {}, cacheId), this,
            [this, state, i, image, cacheId, finishOne](const Listing &full) {
                if (!full.ok()) {
                    state->containers[i]
                        = {Verdict::NotCovered, Reason::QueryFailed, full.error().toString()};
                    return finishOne();
                }
                if (!full.value().isEmpty()) {
                    state->containers[i] = {Verdict::Covered, Reason::None, {}};
                    return finishOne();
                }
                providers::whenFinished(
                    ask({image}, false, {}, cacheId), this,
                    [state, i, finishOne](const Listing &any) {
                        if (!any.ok())
                            state->containers[i] = {Verdict::NotCovered, Reason::QueryFailed,
                                                    any.error().toString()};
                        else if (!any.value().isEmpty())
                            state->containers[i] = {Verdict::Partial, Reason::PartialMatchOnly, {}};
                        else
                            state->containers[i]
                                = {Verdict::NotCovered, Reason::NotInServingCache, {}};
                        finishOne();
                    });
            });
    }
    finishOne();
}

} // namespace workload
