#pragma once

#include "core/imagecache.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QSignalSpy>
#include <QString>

#include <memory>
#include <vector>

namespace fixtures {

// A fixed "now" for every suite: 2026-03-01 10:00 UTC.
inline QDateTime now()
{
    return QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC);
}

inline core::ImageCache cache(const QString &id,
                              core::CacheStatus status = core::CacheStatus::Ready,
                              core::Provider provider = core::Provider::Alibaba)
{
    core::ImageCache c;
    c.provider = provider;
    c.accountId = provider == core::Provider::Alibaba ? QStringLiteral("ali-prod")
                                                      : QStringLiteral("hw-prod");
    c.region = provider == core::Provider::Alibaba ? QStringLiteral("cn-hangzhou")
                                                   : QStringLiteral("cn-north-4");
    c.id = (provider == core::Provider::Alibaba ? QStringLiteral("imc-") : QStringLiteral("ic-"))
           + id;
    c.name = QStringLiteral("cache-") + id;
    c.status = status;
    c.rawStatus = core::statusKey(status);
    c.images = {QStringLiteral("registry.example.com/app/") + id + QStringLiteral(":1.0")};
    c.sizeGiB = 20;
    c.retentionDays = 7;
    c.created = now().addDays(-1);
    c.expires = c.created.addDays(c.retentionDays);
    return c;
}

inline QList<core::ImageCache> caches(int count)
{
    QList<core::ImageCache> list;
    for (int i = 0; i < count; ++i)
        list << cache(QString::number(i));
    return list;
}

// Every structural signal a source model can send, so a test can say "exactly these".
struct ModelSignals
{
    explicit ModelSignals(QAbstractItemModel *model)
        : inserted(model, &QAbstractItemModel::rowsInserted)
        , removed(model, &QAbstractItemModel::rowsRemoved)
        , changed(model, &QAbstractItemModel::dataChanged)
        , reset(model, &QAbstractItemModel::modelReset)
        , aboutToReset(model, &QAbstractItemModel::modelAboutToBeReset)
        , layoutChanged(model, &QAbstractItemModel::layoutChanged)
        , moved(model, &QAbstractItemModel::rowsMoved)
    {}

    bool noneExcept(std::initializer_list<const QSignalSpy *> allowed) const
    {
        for (const QSignalSpy *spy :
             {&inserted, &removed, &changed, &reset, &aboutToReset, &layoutChanged, &moved}) {
            if (!spy->isEmpty() && std::find(allowed.begin(), allowed.end(), spy) == allowed.end())
                return false;
        }
        return true;
    }

    QSignalSpy inserted;
    QSignalSpy removed;
    QSignalSpy changed;
    QSignalSpy reset;
    QSignalSpy aboutToReset;
    QSignalSpy layoutChanged;
    QSignalSpy moved;
};

} // namespace fixtures
