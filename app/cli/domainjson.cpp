#include "domainjson.h"

namespace cli {

namespace {
QJsonValue text(const QString &value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}
} // namespace

QJsonValue DomainJson::time(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODate))
                          : QJsonValue(QJsonValue::Null);
}

JsonFields DomainJson::cacheFields(const core::ImageCache &c)
{
    QJsonArray tags;
    for (const core::Tag &tag : c.tags)
        tags.append(QJsonObject{{u"key"_qs, tag.key}, {u"value"_qs, tag.value}});
    QJsonArray events;
    for (const core::CacheEvent &e : c.events) {
        events.append(QJsonObject{{u"type"_qs, e.type},
                                  {u"reason"_qs, e.reason},
                                  {u"message"_qs, e.message},
                                  {u"name"_qs, e.name},
                                  {u"count"_qs, e.count},
                                  {u"firstTimestamp"_qs, time(e.firstTimestamp)},
                                  {u"lastTimestamp"_qs, time(e.lastTimestamp)}});
    }
    return {
        {QLatin1String("provider"), core::providerKey(c.provider)},
        {QLatin1String("account"), c.accountId},
        {QLatin1String("region"), c.region},
        {QLatin1String("id"), c.id},
        {QLatin1String("name"), c.name},
        {QLatin1String("status"), core::statusKey(c.status)},
        {QLatin1String("providerStatus"), c.rawStatus},
        {QLatin1String("progress"),
         c.progress ? QJsonValue(*c.progress) : QJsonValue(QJsonValue::Null)},
        {QLatin1String("images"), QJsonArray::fromStringList(c.images)},
        {QLatin1String("sizeGiB"), c.sizeGiB},
        {QLatin1String("retentionDays"), c.retentionDays},
        {QLatin1String("created"), time(c.created)},
        {QLatin1String("expires"), time(c.expires)},
        {QLatin1String("lastMatched"), time(c.lastMatched)},
        {QLatin1String("tags"), tags},
        {QLatin1String("events"), events},
        {QLatin1String("message"), text(c.message)},
        {QLatin1String("cluster"), text(c.cluster)},
        {QLatin1String("imagePullSecrets"), QJsonArray::fromStringList(c.imagePullSecrets)},
        {QLatin1String("snapshotId"), text(c.snapshotId)},
        {QLatin1String("flashSnapshotId"), text(c.flashSnapshotId)},
        {QLatin1String("containerGroupId"), text(c.containerGroupId)},
        {QLatin1String("resourceGroupId"), text(c.resourceGroupId)},
        {QLatin1String("eliminationStrategy"), text(c.eliminationStrategy)},
    };
}

QJsonObject DomainJson::cache(const core::ImageCache &c)
{
    QJsonObject object;
    for (const auto &[key, value] : cacheFields(c))
        object.insert(key, value);
    return object;
}

QJsonArray DomainJson::caches(const QList<core::ImageCache> &caches)
{
    QJsonArray array;
    for (const core::ImageCache &c : caches)
        array.append(cache(c));
    return array;
}

QJsonObject DomainJson::layer(const core::ImageLayer &l)
{
    return QJsonObject{{u"osName"_qs, l.osName},
                       {u"osVersion"_qs, l.osVersion},
                       {u"layerDigest"_qs, l.layerDigest}};
}

QJsonArray DomainJson::layers(const QList<core::ImageLayer> &layers)
{
    QJsonArray array;
    for (const core::ImageLayer &l : layers)
        array.append(layer(l));
    return array;
}

QJsonObject DomainJson::image(const core::ImageInfo &i)
{
    QJsonObject object{
        {u"provider"_qs, core::providerKey(i.provider)},
        {u"account"_qs, i.accountId},
        {u"region"_qs, i.region},
        {u"id"_qs, i.id},
        {u"name"_qs, i.name},
        {u"version"_qs, text(i.version)},
        {u"type"_qs, text(i.imageType)},
        {u"category"_qs, text(i.category)},
        {u"namespace"_qs, text(i.namespaceName)},
        {u"digest"_qs, text(i.digest)},
        {u"registryName"_qs, text(i.registryName)},
        {u"description"_qs, text(i.description)},
        {u"status"_qs, text(i.status)},
        {u"scanStatus"_qs, text(i.scanStatus)},
        {u"sizeBytes"_qs,
         i.sizeBytes >= 0 ? QJsonValue(i.sizeBytes) : QJsonValue(QJsonValue::Null)},
        {u"size"_qs, text(i.sizeText)},
        {u"created"_qs, time(i.created)},
        {u"updated"_qs, time(i.updated)},
        {u"osTag"_qs, text(i.osTag)},
        {u"containerSpec"_qs, QJsonValue(QJsonValue::Null)},
        {u"vmSpec"_qs, QJsonValue(QJsonValue::Null)},
        {u"layers"_qs, layers(i.layers)},
    };
    if (i.hasContainerSpec) {
        const core::ContainerImageSpec &s = i.containerSpec;
        object[u"containerSpec"_qs] = QJsonObject{
            {u"registryUrl"_qs, text(s.registryUrl)},
            {u"isAcrRegistry"_qs, s.isAcrRegistry},
            {u"isAcrEnterprise"_qs, s.isAcrEnterprise},
            {u"registryCriId"_qs, text(s.registryCriId)},
            {u"registryCredential"_qs, QJsonObject{{u"server"_qs, text(s.credential.server)},
                                                   {u"userName"_qs, text(s.credential.userName)},
                                                   {u"hasPassword"_qs, s.credential.hasPassword}}},
            {u"osTag"_qs, text(s.osTag)},
            {u"platform"_qs, text(s.platform)},
            {u"architecture"_qs, text(s.architecture)},
        };
    }
    if (i.hasVmSpec) {
        object[u"vmSpec"_qs] = QJsonObject{{u"imageId"_qs, text(i.vmSpec.imageId)},
                                           {u"osTag"_qs, text(i.vmSpec.osTag)},
                                           {u"platform"_qs, text(i.vmSpec.platform)},
                                           {u"architecture"_qs, text(i.vmSpec.architecture)}};
    }
    QJsonArray regions;
    for (const core::AdditionalRegionInfo &r : i.additionalRegions) {
        regions.append(QJsonObject{
            {u"regionId"_qs, r.regionId}, {u"imageId"_qs, r.imageId}, {u"status"_qs, r.status}});
    }
    object[u"additionalRegions"_qs] = regions;
    return object;
}

QJsonArray DomainJson::images(const QList<core::ImageInfo> &images)
{
    QJsonArray array;
    for (const core::ImageInfo &i : images)
        array.append(image(i));
    return array;
}

} // namespace cli
