#include "requesttracker.h"

#include "models/cachetablemodel.h"

namespace ui {

RequestTracker::RequestTracker(models::CacheTableModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(model, signal, this, &RequestTracker::check);
    connect(model, &QAbstractItemModel::dataChanged, this, &RequestTracker::check);
    connect(model, &QAbstractItemModel::modelReset, this, &RequestTracker::check);
}

QString RequestTracker::acceptedText(Kind kind, const QString &name)
{
    switch (kind) {
    case Kind::Create:
        return tr("Create %1 requested; it is ready when the table says Ready.").arg(name);
    case Kind::Update:
        return tr("Update %1 requested.").arg(name);
    case Kind::Delete:
        return tr("Delete %1 requested.").arg(name);
    }
    return {};
}

void RequestTracker::track(Kind kind, const QString &key, const QString &name)
{
    m_pending.append({kind, key, name});
    check();
}

bool RequestTracker::settle(Pending &p)
{
    const core::ImageCache *cache = m_model->cacheByKey(p.key);
    if (cache) {
        p.seen = true;
        p.transitional = p.transitional || core::isTransitional(cache->status);
    }
    const QString reason
        = cache && !cache->message.isEmpty() ? cache->message : tr("the provider gave no reason");
    const bool failed
        = cache
          && (cache->status == core::CacheStatus::Failed
              || (p.kind == Kind::Create && cache->status == core::CacheStatus::Unavailable));
    switch (p.kind) {
    case Kind::Create:
        if (failed) {
            emit settled(tr("Create %1 failed: %2").arg(p.name, reason), p.key, true);
            return true;
        }
        if (cache && cache->status == core::CacheStatus::Ready) {
            emit settled(tr("Image cache %1 is ready.").arg(p.name), p.key, false);
            return true;
        }
        if (!cache && p.seen) {
            emit settled(tr("Create %1 failed: the cache disappeared.").arg(p.name), p.key, true);
            return true;
        }
        return false;
    case Kind::Update:
        if (failed) {
            emit settled(tr("Update %1 failed: %2").arg(p.name, reason), p.key, true);
            return true;
        }
        // Until a poll showed Updating, Ready is the state from before the request.
        if (cache && p.transitional && cache->status == core::CacheStatus::Ready) {
            emit settled(tr("Image cache %1 is updated and ready.").arg(p.name), p.key, false);
            return true;
        }
        return false;
    case Kind::Delete:
        if (!cache) {
            emit settled(tr("Image cache %1 deleted.").arg(p.name), p.key, false);
            return true;
        }
        if (failed && p.transitional) {
            emit settled(tr("Delete %1 failed: %2").arg(p.name, reason), p.key, true);
            return true;
        }
        return false;
    }
    return false;
}

void RequestTracker::check()
{
    for (qsizetype i = 0; i < m_pending.size();) {
        if (settle(m_pending[i]))
            m_pending.removeAt(i);
        else
            ++i;
    }
}

} // namespace ui
