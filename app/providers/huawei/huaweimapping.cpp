#include "huaweimapping.h"

#include "core/cachestatus.h"
#include "providers/jsonfields.h"

#include <QJsonArray>

namespace providers::huawei {

core::ImageCache HuaweiMapping::cacheFromJson(const QJsonObject &detail)
{
    core::ImageCache cache;
    cache.provider = core::Provider::Huawei;
    cache.id = json::string(detail, "id");
    cache.name = json::string(detail, "name");
    cache.rawStatus = json::string(detail, "status");
    cache.status = core::normalizeHuaweiStatus(cache.rawStatus);
    cache.images = json::strings(detail, "images");
    cache.sizeGiB = json::integer(detail, "image_cache_size");
    cache.retentionDays = json::integer(detail, "retention_days");
    cache.created = json::parseTime(json::string(detail, "created_at"));
    if (cache.created.isValid() && cache.retentionDays > 0)
        cache.expires = cache.created.addDays(cache.retentionDays);
    cache.message = json::string(detail, "message");
    const QJsonObject building = json::object(detail, "building_config");
    cache.cluster = json::string(building, "cluster");
    cache.imagePullSecrets = json::strings(building, "image_pull_secrets");
    cache.raw = detail;
    return cache;
}

QJsonObject HuaweiMapping::cacheToJson(const core::ImageCache &cache)
{
    QJsonObject detail;
    detail.insert(QStringLiteral("name"), cache.name);
    detail.insert(QStringLiteral("id"), cache.id);
    if (cache.created.isValid()) {
        // Go time.String() form, as CCE sends it.
        detail.insert(QStringLiteral("created_at"),
                      cache.created.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))
                          + QStringLiteral(" +0000 UTC"));
    }
    detail.insert(QStringLiteral("images"), QJsonArray::fromStringList(cache.images));
    detail.insert(QStringLiteral("image_cache_size"), cache.sizeGiB);
    detail.insert(QStringLiteral("retention_days"), cache.retentionDays);
    QJsonObject building;
    building.insert(QStringLiteral("cluster"), cache.cluster);
    building.insert(QStringLiteral("image_pull_secrets"),
                    QJsonArray::fromStringList(cache.imagePullSecrets));
    detail.insert(QStringLiteral("building_config"), building);
    detail.insert(QStringLiteral("status"),
                  cache.rawStatus.isEmpty() ? statusWord(cache.status) : cache.rawStatus);
    if (!cache.message.isEmpty())
        detail.insert(QStringLiteral("message"), cache.message);
    return detail;
}

QByteArray HuaweiMapping::createBody(const core::CacheSpec &spec)
{
    auto stringArray = [](const QStringList &values) {
        QByteArray out = "[";
        for (qsizetype i = 0; i < values.size(); ++i) {
            if (i > 0)
                out += ',';
            out += json::quoted(values.at(i));
        }
        return out + ']';
    };
    QByteArray body = "{\"name\":" + json::quoted(spec.name);
    body += ",\"images\":" + stringArray(spec.images);
    if (spec.sizeGiB)
        body += ",\"image_cache_size\":" + QByteArray::number(*spec.sizeGiB);
    if (spec.retentionDays)
        body += ",\"retention_days\":" + QByteArray::number(*spec.retentionDays);
    body += ",\"building_config\":{\"cluster\":" + json::quoted(spec.cluster);
    if (!spec.imagePullSecrets.isEmpty())
        body += ",\"image_pull_secrets\":" + stringArray(spec.imagePullSecrets);
    body += "}}";
    return body;
}

QString HuaweiMapping::statusWord(core::CacheStatus status)
{
    switch (status) {
    case core::CacheStatus::Ready:
        return QStringLiteral("Available");
    case core::CacheStatus::Creating:
        return QStringLiteral("Creating");
    case core::CacheStatus::Deleting:
        return QStringLiteral("Deleting");
    case core::CacheStatus::Failed:
        return QStringLiteral("Failed");
    case core::CacheStatus::Unavailable:
    case core::CacheStatus::Expired: // CCE reports an expired cache as Unavailable
        return QStringLiteral("Unavailable");
    case core::CacheStatus::Updating:
    case core::CacheStatus::Unknown:
        break;
    }
    return {};
}

namespace {
core::ImageInfo hssImage(const QJsonObject &item)
{
    core::ImageInfo image;
    image.provider = core::Provider::Huawei;
    image.id = json::string(item, "image_id");
    image.name = json::string(item, "image_name");
    image.version = json::string(item, "image_version");
    image.namespaceName = json::string(item, "namespace");
    image.digest = json::string(item, "image_digest");
    image.scanStatus = json::string(item, "scan_status");
    image.sizeBytes = json::integer64(item, "image_size", -1);
    image.raw = item;
    return image;
}
} // namespace

core::ImageInfo HuaweiMapping::imageFromRegistryJson(const QJsonObject &item)
{
    core::ImageInfo image = hssImage(item);
    image.imageType = json::string(item, "image_type");
    image.registryName = json::string(item, "registry_name");
    image.updated = json::fromEpochMs(json::integer64(item, "latest_update_time", 0));
    return image;
}

core::ImageInfo HuaweiMapping::imageFromLocalJson(const QJsonObject &item)
{
    core::ImageInfo image = hssImage(item);
    // other_image | swr_image: local images have no repository image_type.
    image.imageType = json::string(item, "local_image_type");
    image.updated = json::fromEpochMs(json::integer64(item, "latest_update_time", 0));
    return image;
}

core::ImageInfo HuaweiMapping::imageFromCicdJson(const QJsonObject &item)
{
    core::ImageInfo image = hssImage(item);
    image.imageType = QStringLiteral("cicd"); // the image_type ListImageBasicImage expects
    image.registryName = json::string(item, "cicd_name");
    image.updated = json::fromEpochMs(json::integer64(item, "latest_update_time", 0));
    return image;
}

core::ImageLayer HuaweiMapping::layerFromJson(const QJsonObject &item)
{
    return {json::string(item, "os_name"), json::string(item, "os_version"),
            json::string(item, "layer_digest")};
}

} // namespace providers::huawei
