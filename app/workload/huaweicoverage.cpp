#include "huaweicoverage.h"

#include "imagereference.h"

#include <QCoreApplication>

namespace workload {

HuaweiCoverage::HuaweiCoverage(CoverageTarget target, const QList<core::ImageCache> &caches,
                               CoverageOptions options)
    : m_target(std::move(target))
    , m_options(std::move(options))
{
    if (!m_options.now.isValid())
        m_options.now = QDateTime::currentDateTimeUtc();
    for (const core::ImageCache &cache : caches) {
        if (cache.provider != core::Provider::Huawei || cache.region != m_target.region
            || (!m_target.accountId.isEmpty() && cache.accountId != m_target.accountId))
            continue;
        const int index = int(m_caches.size());
        m_caches.append(cache);
        QSet<QString> images;
        for (const QString &image : cache.images) {
            const QString normalized = normalizedImage(image);
            if (!normalized.isEmpty() && !images.contains(normalized)) {
                images.insert(normalized);
                m_cachesByImage[normalized].append(index);
            }
        }
        m_imagesOfCache.append(images);
        m_cacheByName.insert(cache.name, index);
    }
}

TargetAnswer HuaweiCoverage::evaluate(const Workload &workload) const
{
    TargetAnswer answer;
    answer.target = m_target;
    answer.containers.resize(workload.containers.size());

    const QString pinnedName
        = workload.annotations.value(QString::fromLatin1(annotation::HuaweiSpecifiedName));
    int chosen = -1;
    Reason unusable = Reason::None;
    if (!pinnedName.isEmpty()) {
        answer.pinned = true;
        const auto found = m_cacheByName.constFind(pinnedName);
        if (found == m_cacheByName.cend()) {
            unusable = Reason::PinnedCacheMissing;
        } else {
            chosen = *found;
            unusable = usability(m_caches.at(chosen), m_options);
        }
        if (unusable != Reason::None)
            answer.silentPullNote = QCoreApplication::translate(
                "workload::Coverage",
                "CCE Autopilot does not refuse the pod: it pulls every image from the "
                "registry, silently.");
    } else {
        // The usable cache holding most of the workload's images; then the later expiry.
        QHash<int, int> held;
        for (const QString &image : workload.images()) {
            for (int index : m_cachesByImage.value(image)) {
                if (usability(m_caches.at(index), m_options) == Reason::None)
                    ++held[index];
            }
        }
        for (auto it = held.cbegin(); it != held.cend(); ++it) {
            if (chosen < 0) {
                chosen = it.key();
                continue;
            }
            const core::ImageCache &a = m_caches.at(it.key());
            const core::ImageCache &b = m_caches.at(chosen);
            const int heldB = held.value(chosen);
            const auto expiry = [](const core::ImageCache &c) {
                return c.retentionDays == 0 || !c.expires.isValid()
                           ? std::numeric_limits<qint64>::max()
                           : c.expires.toSecsSinceEpoch();
            };
            if (it.value() > heldB || (it.value() == heldB && expiry(a) > expiry(b))
                || (it.value() == heldB && expiry(a) == expiry(b) && a.name < b.name))
                chosen = it.key();
        }
    }
    if (chosen >= 0) {
        answer.cache = m_caches.at(chosen);
        answer.annotation = pinningAnnotation(*answer.cache);
    }

    for (int i = 0; i < workload.containers.size(); ++i) {
        const Container &c = workload.containers.at(i);
        ContainerAnswer &result = answer.containers[i];
        if (c.normalized.isEmpty()) {
            result = {Verdict::NotCovered, Reason::InvalidReference, c.problem};
            continue;
        }
        if (unusable != Reason::None) {
            result = {Verdict::NotCovered, unusable, pinnedName};
            continue;
        }
        if (chosen >= 0 && m_imagesOfCache.at(chosen).contains(c.normalized)) {
            result = {Verdict::Covered, Reason::None, {}};
            continue;
        }
        // Not in the pod's cache. Say whether another cache holds it, to guide the user.
        bool elsewhere = false;
        bool expiring = false;
        for (int index : m_cachesByImage.value(c.normalized)) {
            const Reason r = usability(m_caches.at(index), m_options);
            elsewhere = elsewhere || r == Reason::None;
            expiring = expiring || r == Reason::ExpiresWithinWindow;
        }
        if (elsewhere)
            result = {Verdict::NotCovered, Reason::NotInServingCache, {}};
        else if (expiring)
            result = {Verdict::NotCovered, Reason::ExpiresWithinWindow, {}};
        else
            result = {Verdict::NotCovered, Reason::NoCacheHoldsIt, {}};
    }
    return answer;
}

} // namespace workload
