#include "alibabamapping.h"

#include "core/cachestatus.h"
#include "providers/jsonfields.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>

namespace providers::alibaba {

namespace {
QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}
} // namespace

std::optional<int> AlibabaMapping::parseProgress(const QString &text)
{
    QString number = text.trimmed();
    if (number.endsWith(QLatin1Char('%')))
        number.chop(1);
    bool ok = false;
    const double value = number.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    // Clamp as a double first: a hostile "6666…6%" is beyond int, and casting it is undefined.
    return static_cast<int>(std::clamp(value, 0.0, 100.0));
}

core::ImageCache AlibabaMapping::cacheFromJson(const QJsonObject &item)
{
    core::ImageCache cache;
    cache.provider = core::Provider::Alibaba;
    cache.id = json::string(item, "ImageCacheId");
    cache.name = json::string(item, "ImageCacheName");
    cache.region = json::string(item, "RegionId");
    cache.rawStatus = json::string(item, "Status");
    cache.status = core::normalizeAlibabaStatus(cache.rawStatus);
    cache.progress = parseProgress(json::string(item, "Progress"));
    cache.images = json::strings(item, "Images");
    cache.sizeGiB = json::integer(item, "ImageCacheSize");
    cache.created = json::parseTime(json::string(item, "CreationTime"));
    cache.expires = json::parseTime(json::string(item, "ExpireDateTime"));
    cache.lastMatched = json::parseTime(json::string(item, "LastMatchedTime"));
    if (cache.created.isValid() && cache.expires.isValid() && cache.expires > cache.created)
        cache.retentionDays = static_cast<int>(
            std::min<qint64>(cache.created.daysTo(cache.expires), std::numeric_limits<int>::max()));
    cache.snapshotId = json::string(item, "SnapshotId");
    cache.flashSnapshotId = json::string(item, "FlashSnapshotId");
    cache.containerGroupId = json::string(item, "ContainerGroupId");
    cache.resourceGroupId = json::string(item, "ResourceGroupId");
    cache.eliminationStrategy = json::string(item, "EliminationStrategy");

    for (const QJsonValue &value : json::array(item, "Tags")) {
        const QJsonObject tag = value.toObject();
        if (!tag.isEmpty())
            cache.tags.append({json::string(tag, "Key"), json::string(tag, "Value")});
    }
    for (const QJsonValue &value : json::array(item, "Events")) {
        const QJsonObject e = value.toObject();
        if (e.isEmpty())
            continue;
        core::CacheEvent event;
        event.type = json::string(e, "Type");
        event.reason = json::string(e, "Reason");
        event.message = json::string(e, "Message");
        event.name = json::string(e, "Name");
        event.count = json::integer(e, "Count");
        event.firstTimestamp = json::parseTime(json::string(e, "FirstTimestamp"));
        event.lastTimestamp = json::parseTime(json::string(e, "LastTimestamp"));
        cache.events.append(event);
    }
    // ECI has no message field: a failed cache explains itself in its last Warning event.
    if (cache.status == core::CacheStatus::Failed) {
        for (auto it = cache.events.crbegin(); it != cache.events.crend(); ++it) {
            if (it->type == QLatin1String("Warning")) {
                cache.message = it->message;
                break;
            }
        }
    }
    cache.raw = item;
    return cache;
}

QJsonObject AlibabaMapping::cacheToJson(const core::ImageCache &cache)
{
    QJsonObject item;
    item.insert(QStringLiteral("ImageCacheId"), cache.id);
    item.insert(QStringLiteral("ImageCacheName"), cache.name);
    item.insert(QStringLiteral("RegionId"), cache.region);
    item.insert(QStringLiteral("Status"),
                cache.rawStatus.isEmpty() ? statusWord(cache.status) : cache.rawStatus);
    if (cache.progress)
        item.insert(QStringLiteral("Progress"), QStringLiteral("%1%").arg(*cache.progress));
    item.insert(QStringLiteral("Images"), QJsonArray::fromStringList(cache.images));
    item.insert(QStringLiteral("ImageCacheSize"), cache.sizeGiB);
    item.insert(QStringLiteral("CreationTime"), isoTime(cache.created));
    if (cache.expires.isValid())
        item.insert(QStringLiteral("ExpireDateTime"), isoTime(cache.expires));
    if (cache.lastMatched.isValid())
        item.insert(QStringLiteral("LastMatchedTime"), isoTime(cache.lastMatched));
    item.insert(QStringLiteral("SnapshotId"), cache.snapshotId);
    if (!cache.flashSnapshotId.isEmpty())
        item.insert(QStringLiteral("FlashSnapshotId"), cache.flashSnapshotId);
    item.insert(QStringLiteral("ContainerGroupId"), cache.containerGroupId);
    item.insert(QStringLiteral("ResourceGroupId"), cache.resourceGroupId);
    item.insert(QStringLiteral("EliminationStrategy"), cache.eliminationStrategy);
    QJsonArray tags;
    for (const core::Tag &tag : cache.tags)
        tags.append(
            QJsonObject{{QStringLiteral("Key"), tag.key}, {QStringLiteral("Value"), tag.value}});
    item.insert(QStringLiteral("Tags"), tags);
    QJsonArray events;
    for (const core::CacheEvent &e : cache.events) {
        events.append(QJsonObject{{QStringLiteral("Type"), e.type},
                                  {QStringLiteral("Reason"), e.reason},
                                  {QStringLiteral("Message"), e.message},
                                  {QStringLiteral("Name"), e.name},
                                  {QStringLiteral("Count"), e.count},
                                  {QStringLiteral("FirstTimestamp"), isoTime(e.firstTimestamp)},
                                  {QStringLiteral("LastTimestamp"), isoTime(e.lastTimestamp)}});
    }
    item.insert(QStringLiteral("Events"), events);
    return item;
}

QString AlibabaMapping::statusWord(core::CacheStatus status)
{
    switch (status) {
    case core::CacheStatus::Creating:
        return QStringLiteral("Creating");
    case core::CacheStatus::Ready:
        return QStringLiteral("Ready");
    case core::CacheStatus::Updating:
        return QStringLiteral("Updating");
    case core::CacheStatus::Failed:
        return QStringLiteral("Failed");
    case core::CacheStatus::Deleting:
    case core::CacheStatus::Unavailable:
    case core::CacheStatus::Expired:
    case core::CacheStatus::Unknown:
        break;
    }
    return {};
}

core::ImageInfo AlibabaMapping::imageFromListJson(const QJsonObject &item)
{
    core::ImageInfo image;
    image.provider = core::Provider::Alibaba;
    image.id = json::string(item, "ImageId");
    image.imageType = json::string(item, "ImageType");
    image.name = json::string(item, "Name");
    image.version = json::string(item, "Version");
    image.description = json::string(item, "Description");
    image.created = json::parseTime(json::string(item, "CreateTime"));
    image.updated = json::parseTime(json::string(item, "UpdateTime"));
    image.osTag = json::string(item, "OsTag");
    image.raw = item;
    return image;
}

core::ImageInfo AlibabaMapping::imageFromGetJson(const QJsonObject &source)
{
    QJsonObject image = source;
    core::ImageInfo info;
    info.provider = core::Provider::Alibaba;
    info.id = json::string(image, "ImageId"); // GetImage does not echo it; the caller sets it
    info.imageType = json::string(image, "ImageType");
    info.name = json::string(image, "Name");
    info.version = json::string(image, "Version");
    info.description = json::string(image, "Description");
    info.sizeText = json::string(image, "Size");
    info.created = json::parseTime(json::string(image, "CreateTime"));
    info.status = json::string(image, "Status");

    if (image.value(QLatin1String("ContainerImageSpec")).isObject()) {
        QJsonObject spec = json::object(image, "ContainerImageSpec");
        info.hasContainerSpec = true;
        auto &c = info.containerSpec;
        c.registryUrl = json::string(spec, "RegistryUrl");
        c.isAcrRegistry = json::boolean(spec, "IsACRRegistry");
        c.isAcrEnterprise = json::boolean(spec, "IsACREnterprise");
        c.registryCriId = json::string(spec, "RegistryCriId");
        c.osTag = json::string(spec, "OsTag");
        c.platform = json::string(spec, "Platform");
        c.architecture = json::string(spec, "Architecture");
        if (spec.value(QLatin1String("RegistryCredential")).isObject()) {
            QJsonObject credential = json::object(spec, "RegistryCredential");
            c.credential.server = json::string(credential, "Server");
            c.credential.userName = json::string(credential, "UserName");
            const QJsonValue password = credential.value(QLatin1String("Password"));
            c.credential.hasPassword = !password.isNull() && !password.isUndefined()
                                       && !(password.isString() && password.toString().isEmpty());
            if (!password.isUndefined())
                credential.insert(QStringLiteral("Password"), MaskedPassword);
            spec.insert(QStringLiteral("RegistryCredential"), credential);
            image.insert(QStringLiteral("ContainerImageSpec"), spec);
        }
    }
    if (image.value(QLatin1String("VMImageSpec")).isObject()) {
        const QJsonObject spec = json::object(image, "VMImageSpec");
        info.hasVmSpec = true;
        info.vmSpec.imageId = json::string(spec, "ImageId");
        info.vmSpec.osTag = json::string(spec, "OsTag");
        info.vmSpec.platform = json::string(spec, "Platform");
        info.vmSpec.architecture = json::string(spec, "Architecture");
    }
    for (const QJsonValue &value : json::array(image, "AdditionalRegionsInfo")) {
        const QJsonObject region = value.toObject();
        if (region.isEmpty())
            continue;
        info.additionalRegions.append({json::string(region, "RegionId"),
                                       json::string(region, "ImageId"),
                                       json::string(region, "Status")});
    }
    info.raw = image;
    return info;
}

} // namespace providers::alibaba
