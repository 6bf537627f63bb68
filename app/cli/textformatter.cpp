#include "textformatter.h"

#include <QLocale>

namespace cli {

namespace {

bool isWide(char32_t c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F)
           || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF)
           || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
           || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

QString oneLine(const QString &text)
{
    QString line = text;
    line.replace(u"\r\n"_qs, u" "_qs).replace(QLatin1Char('\n'), QLatin1Char(' '));
    return line;
}

QString time(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

QString tagsText(const QList<core::Tag> &tags)
{
    QStringList parts;
    for (const core::Tag &tag : tags)
        parts.append(tag.key + QLatin1Char('=') + tag.value);
    return parts.join(u", "_qs);
}

QString orDash(const QString &text)
{
    return text.isEmpty() ? u"-"_qs : text;
}

} // namespace

int TextFormatter::displayWidth(const QString &text)
{
    int width = 0;
    for (const char32_t c : text.toUcs4())
        width += isWide(c) ? 2 : 1;
    return width;
}

QString TextFormatter::table(const QStringList &headers, const QList<QStringList> &rows)
{
    QList<int> widths;
    for (const QString &h : headers)
        widths.append(displayWidth(h));
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = qMax(widths[i], displayWidth(oneLine(row.at(i))));
    }
    const auto line = [&](const QStringList &cells) {
        QString text;
        for (qsizetype i = 0; i < widths.size(); ++i) {
            const QString cell = oneLine(cells.value(i));
            text += cell;
            if (i + 1 < widths.size())
                text += QString(widths.at(i) - displayWidth(cell) + 2, QLatin1Char(' '));
        }
        while (text.endsWith(QLatin1Char(' ')))
            text.chop(1);
        return text + QLatin1Char('\n');
    };
    QString text = line(headers);
    for (const QStringList &row : rows)
        text += line(row);
    return text;
}

QString TextFormatter::details(const Pairs &pairs)
{
    int width = 0;
    for (const auto &[key, value] : pairs)
        width = qMax(width, displayWidth(key));
    QString text;
    const QString indent(width + 2, QLatin1Char(' '));
    for (const auto &[key, value] : pairs) {
        text += key + QLatin1Char(':') + QString(width - displayWidth(key) + 1, QLatin1Char(' '));
        // Continuation lines of a list line up under the first value.
        text += QString(value).replace(QLatin1Char('\n'), QLatin1Char('\n') + indent);
        text += QLatin1Char('\n');
    }
    return text;
}

QString TextFormatter::statusName(core::CacheStatus status)
{
    switch (status) {
    case core::CacheStatus::Unknown:
        return tr("Unknown");
    case core::CacheStatus::Creating:
        return tr("Creating");
    case core::CacheStatus::Ready:
        return tr("Ready");
    case core::CacheStatus::Updating:
        return tr("Updating");
    case core::CacheStatus::Deleting:
        return tr("Deleting");
    case core::CacheStatus::Failed:
        return tr("Failed");
    case core::CacheStatus::Unavailable:
        return tr("Unavailable");
    case core::CacheStatus::Expired:
        return tr("Expired");
    }
    return {};
}

QString TextFormatter::statusText(const core::ImageCache &cache)
{
    QString text = statusName(cache.status);
    if (cache.progress && core::isTransitional(cache.status))
        text += tr(" %1%").arg(*cache.progress);
    if (!cache.rawStatus.isEmpty() && cache.rawStatus != statusName(cache.status))
        text += QStringLiteral(" (%1)").arg(cache.rawStatus);
    return text;
}

QString TextFormatter::caches(const QList<core::ImageCache> &caches, bool wide)
{
    QList<QStringList> rows;
    for (const core::ImageCache &c : caches) {
        QStringList row{c.id,
                        c.name,
                        statusText(c),
                        QString::number(c.sizeGiB),
                        c.retentionDays > 0 ? QString::number(c.retentionDays) : tr("never"),
                        time(c.created),
                        QString::number(c.images.size())};
        if (wide)
            row << c.region << orDash(time(c.expires)) << orDash(c.images.join(u", "_qs))
                << orDash(tagsText(c.tags));
        rows.append(row);
    }
    QStringList headers{tr("ID"),       tr("NAME"),           tr("STATUS"),
                        tr("SIZE GiB"), tr("RETENTION DAYS"), tr("CREATED"),
                        tr("IMAGES")};
    if (wide)
        headers << tr("REGION") << tr("EXPIRES") << tr("IMAGE NAMES") << tr("TAGS");
    return table(headers, rows);
}

QString TextFormatter::cache(const core::ImageCache &c)
{
    Pairs pairs{
        {tr("ID"), c.id},
        {tr("Name"), c.name},
        {tr("Provider"), core::providerKey(c.provider)},
        {tr("Region"), c.region},
        {tr("Status"), statusText(c)},
        {tr("Size"), tr("%1 GiB").arg(c.sizeGiB)},
        {tr("Retention"),
         c.retentionDays > 0 ? tr("%n day(s)", nullptr, c.retentionDays) : tr("never expires")},
        {tr("Created"), orDash(time(c.created))},
        {tr("Expires"), orDash(time(c.expires))},
        {tr("Last matched"), orDash(time(c.lastMatched))},
        {tr("Images"), orDash(c.images.join(QLatin1Char('\n')))},
        {tr("Tags"), orDash(tagsText(c.tags))},
    };
    if (!c.message.isEmpty())
        pairs.append({tr("Message"), c.message});
    if (!c.cluster.isEmpty())
        pairs.append({tr("Cluster"), c.cluster});
    if (!c.imagePullSecrets.isEmpty())
        pairs.append({tr("Pull secrets"), c.imagePullSecrets.join(QLatin1Char('\n'))});
    if (!c.snapshotId.isEmpty())
        pairs.append({tr("Snapshot ID"), c.snapshotId});
    if (!c.flashSnapshotId.isEmpty())
        pairs.append({tr("Flash snapshot ID"), c.flashSnapshotId});
    if (!c.containerGroupId.isEmpty())
        pairs.append({tr("Container group"), c.containerGroupId});
    if (!c.eliminationStrategy.isEmpty())
        pairs.append({tr("Elimination"), c.eliminationStrategy});
    if (!c.resourceGroupId.isEmpty())
        pairs.append({tr("Resource group"), c.resourceGroupId});
    QString text = details(pairs);
    if (!c.events.isEmpty()) {
        QList<QStringList> rows;
        for (const core::CacheEvent &e : c.events)
            rows.append({time(e.lastTimestamp.isValid() ? e.lastTimestamp : e.firstTimestamp),
                         e.type, e.reason, e.message});
        text += QLatin1Char('\n') + tr("Events:") + QLatin1Char('\n')
                + table({tr("TIME"), tr("TYPE"), tr("REASON"), tr("MESSAGE")}, rows);
    }
    return text;
}

QString TextFormatter::dataSize(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

QString TextFormatter::images(const QList<core::ImageInfo> &images, bool wide)
{
    QList<QStringList> rows;
    for (const core::ImageInfo &i : images) {
        const QString size = i.sizeBytes >= 0 ? dataSize(i.sizeBytes) : i.sizeText;
        QStringList row{i.id,
                        i.name,
                        i.version,
                        i.imageType,
                        i.namespaceName.isEmpty() ? i.category : i.namespaceName,
                        size,
                        time(i.created.isValid() ? i.created : i.updated)};
        if (wide)
            row << orDash(i.status) << orDash(i.scanStatus) << orDash(i.registryName)
                << orDash(i.digest);
        rows.append(row);
    }
    QStringList headers{
        tr("ID"),   tr("NAME"),   tr("VERSION"), tr("TYPE"), tr("NAMESPACE/CATEGORY"),
        tr("SIZE"), tr("CREATED")};
    if (wide)
        headers << tr("STATUS") << tr("SCAN") << tr("REGISTRY") << tr("DIGEST");
    return table(headers, rows);
}

QString TextFormatter::image(const core::ImageInfo &i)
{
    Pairs pairs{
        {tr("ID"), i.id},
        {tr("Name"), i.name},
        {tr("Version"), orDash(i.version)},
        {tr("Provider"), core::providerKey(i.provider)},
        {tr("Type"), orDash(i.imageType)},
    };
    const auto add = [&](const QString &key, const QString &value) {
        if (!value.isEmpty())
            pairs.append({key, value});
    };
    add(tr("Category"), i.category);
    add(tr("Namespace"), i.namespaceName);
    add(tr("Digest"), i.digest);
    add(tr("Registry"), i.registryName);
    add(tr("Description"), i.description);
    add(tr("Status"), i.status);
    add(tr("Scan status"), i.scanStatus);
    add(tr("Size"), i.sizeBytes >= 0 ? tr("%1 bytes").arg(i.sizeBytes) : i.sizeText);
    add(tr("Created"), time(i.created));
    add(tr("Updated"), time(i.updated));
    add(tr("OS"), i.osTag);
    QString text = details(pairs);
    if (i.hasContainerSpec) {
        const core::ContainerImageSpec &s = i.containerSpec;
        Pairs spec{{tr("Registry URL"), orDash(s.registryUrl)}};
        if (s.isAcrRegistry)
            spec.append({tr("ACR"), s.isAcrEnterprise ? tr("Enterprise Edition") : tr("yes")});
        if (!s.registryCriId.isEmpty())
            spec.append({tr("ACR instance"), s.registryCriId});
        if (!s.credential.server.isEmpty() || !s.credential.userName.isEmpty()
            || s.credential.hasPassword) {
            spec.append({tr("Registry server"), orDash(s.credential.server)});
            spec.append({tr("Registry user"), orDash(s.credential.userName)});
            spec.append({tr("Registry password"),
                         s.credential.hasPassword ? tr("(hidden)") : tr("(none)")});
        }
        if (!s.osTag.isEmpty())
            spec.append({tr("OS"), s.osTag});
        if (!s.platform.isEmpty())
            spec.append({tr("Platform"), s.platform});
        if (!s.architecture.isEmpty())
            spec.append({tr("Architecture"), s.architecture});
        text += QLatin1Char('\n') + tr("Container image:") + QLatin1Char('\n') + details(spec);
    }
    const bool vmSpecKnown
        = i.hasVmSpec
          && !(i.vmSpec.imageId + i.vmSpec.osTag + i.vmSpec.platform + i.vmSpec.architecture)
                  .isEmpty();
    if (vmSpecKnown) {
        Pairs spec{{tr("Image ID"), orDash(i.vmSpec.imageId)},
                   {tr("OS"), orDash(i.vmSpec.osTag)},
                   {tr("Platform"), orDash(i.vmSpec.platform)},
                   {tr("Architecture"), orDash(i.vmSpec.architecture)}};
        text += QLatin1Char('\n') + tr("VM image:") + QLatin1Char('\n') + details(spec);
    }
    if (!i.additionalRegions.isEmpty()) {
        QList<QStringList> rows;
        for (const core::AdditionalRegionInfo &r : i.additionalRegions)
            rows.append({r.regionId, r.imageId, r.status});
        text += QLatin1Char('\n') + tr("Other regions:") + QLatin1Char('\n')
                + table({tr("REGION"), tr("IMAGE ID"), tr("STATUS")}, rows);
    }
    if (!i.layers.isEmpty())
        text += QLatin1Char('\n') + tr("Layers:") + QLatin1Char('\n') + layers(i.layers);
    return text;
}

QString TextFormatter::layers(const QList<core::ImageLayer> &layers)
{
    QList<QStringList> rows;
    for (const core::ImageLayer &l : layers)
        rows.append({l.osName, l.osVersion, l.layerDigest});
    return table({tr("OS"), tr("OS VERSION"), tr("LAYER DIGEST")}, rows);
}

} // namespace cli
