#pragma once

#include "core/cachespec.h"
#include "core/imagecache.h"
#include "net/result.h"

#include <QFuture>
#include <QObject>

namespace providers {

// Filters of a cache listing. Huawei honours `name` (exact) only; Alibaba every field, and
// pages with NextToken until the last page.
struct CacheQuery
{
    QString name;
    QString id;
    QString snapshotId;
    QString image;
    QString resourceGroupId;
    QList<core::Tag> tags;
    QStringList matchImages;
    std::optional<bool> imageFullMatch;
    std::optional<int> imageMatchCount;
    int pageSize = 0; // Alibaba Limit; 0 = provider default
};

// The image-cache API of one provider in one region, asynchronous in one style: every call
// returns a QFuture that never throws and yields a value or a typed ApiError.
class CacheService : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual core::Provider provider() const = 0;
    virtual QString region() const = 0;

    virtual QFuture<net::Result<QList<core::ImageCache>>> list(const CacheQuery &query = {}) = 0;
    virtual QFuture<net::Result<core::ImageCache>> show(const QString &id) = 0;
    // Validates with CacheSpecValidator first (Kind::Validation, nothing sent), then creates.
    // Yields the new cache as far as the provider reports it (Huawei: the full object;
    // Alibaba: id, followed by a describe).
    virtual QFuture<net::Result<core::ImageCache>> create(const core::CacheSpec &spec) = 0;
    // Alibaba only (Ready / UpdateFailed caches); Huawei yields Kind::Validation.
    virtual QFuture<net::Result<net::Done>> update(const core::CacheSpec &spec) = 0;
    virtual QFuture<net::Result<net::Done>> remove(const QString &id) = 0;

    virtual bool supportsUpdate() const = 0;
    // Whether update is allowed for a cache in its current state.
    virtual bool canUpdate(const core::ImageCache &cache) const = 0;
};

} // namespace providers
