#include "cachetablemodel.h"

#include "presentation.h"

#include <QMetaEnum>
#include <QSet>

#include <algorithm>
#include <limits>

namespace models {

using core::CacheField;
using core::CacheFields;
using core::CacheStatus;
using core::ImageCache;

namespace {

// Columns and roles each changed field touches. Status also moves the Name icon and the
// Progress column (a busy cache without a percentage shows an indeterminate bar).
struct FieldEffect
{
    CacheField field;
    std::initializer_list<int> columns;
    std::initializer_list<int> roles;
};

const FieldEffect fieldEffects[] = {
    {CacheField::Name, {CacheTableModel::Name}, {Qt::DisplayRole, SortRole, SearchTextRole}},
    {CacheField::Status,
     {CacheTableModel::Name, CacheTableModel::Status, CacheTableModel::Progress},
     {Qt::DisplayRole, Qt::DecorationRole, Qt::ForegroundRole, SortRole, StatusRole, ProgressRole}},
    {CacheField::Progress, {CacheTableModel::Progress}, {Qt::DisplayRole, SortRole, ProgressRole}},
    {CacheField::Images,
     {CacheTableModel::Images},
     {Qt::DisplayRole, Qt::ToolTipRole, SortRole, SearchTextRole}},
    {CacheField::Size, {CacheTableModel::Size}, {Qt::DisplayRole, SortRole}},
    {CacheField::Retention,
     {CacheTableModel::Retention, CacheTableModel::Expires},
     {Qt::DisplayRole, Qt::ToolTipRole, SortRole}},
    {CacheField::Times,
     {CacheTableModel::Created, CacheTableModel::LastMatched},
     {Qt::DisplayRole, SortRole}},
    {CacheField::Tags, {CacheTableModel::Tags}, {Qt::DisplayRole, Qt::ToolTipRole, SortRole}},
    {CacheField::Events, {CacheTableModel::Name}, {DetailsRevisionRole}},
    {CacheField::Message, {CacheTableModel::Message}, {Qt::DisplayRole, Qt::ToolTipRole, SortRole}},
    {CacheField::Config, {CacheTableModel::Name}, {DetailsRevisionRole}},
    {CacheField::Raw, {CacheTableModel::Name}, {DetailsRevisionRole}},
};

constexpr CacheFields detailFields
    = CacheFields(CacheField::Events) | CacheField::Config | CacheField::Raw;

quint32 columnMask(CacheFields fields)
{
    quint32 mask = 0;
    for (const FieldEffect &effect : fieldEffects) {
        if (fields.testFlag(effect.field)) {
            for (int column : effect.columns)
                mask |= 1u << column;
        }
    }
    return mask;
}

QString tagsText(const QList<core::Tag> &tags, const QString &separator)
{
    QStringList parts;
    parts.reserve(tags.size());
    for (const core::Tag &tag : tags)
        parts << (tag.value.isEmpty() ? tag.key : tag.key + QLatin1Char('=') + tag.value);
    return parts.join(separator);
}

QVariant dateValue(const QDateTime &time)
{
    return time.isValid() ? QVariant(time) : QVariant();
}

QVariant textValue(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

} // namespace

CacheTableModel::CacheTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    // Translated once: data() runs for every visible cell on every repaint.
    for (int s = 0; s <= static_cast<int>(CacheStatus::Expired); ++s) {
        const auto status = static_cast<CacheStatus>(s);
        m_statusText.insert(status, Presentation::statusText(status));
    }
    m_providerName[0] = Presentation::providerName(core::Provider::Huawei);
    m_providerName[1] = Presentation::providerName(core::Provider::Alibaba);
}

CacheTableModel::~CacheTableModel() = default;

int CacheTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int CacheTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CacheTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this || index.row() >= rowCount()
        || index.column() >= ColumnCount)
        return {};
    const Row &row = *m_rows[index.row()];
    const ImageCache &cache = row.cache;
    const int column = index.column();

    switch (role) {
    case Qt::DisplayRole:
        return displayText(row, column);
    case Qt::ToolTipRole:
        return toolTip(row, column);
    case Qt::DecorationRole:
        if (column == Name)
            return Presentation::statusIcon(cache.status);
        return {};
    case Qt::ForegroundRole:
        if (column == Status) {
            const QColor color = Presentation::statusColor(cache.status);
            return color.isValid() ? QVariant(color) : QVariant();
        }
        return {};
    case Qt::TextAlignmentRole:
        switch (column) {
        case Progress:
        case Size:
        case Retention:
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    case SortRole:
        return sortValue(row, column);
    case ExportRole:
        return exportValue(row, column);
    case StatusRole:
        return static_cast<int>(cache.status);
    case ProgressRole:
        return progressOf(cache);
    case KeyRole:
        return row.key;
    case ProviderRole:
        return static_cast<int>(cache.provider);
    case AccountRole:
        return cache.accountId;
    case RegionRole:
        return cache.region;
    case SearchTextRole:
        return searchText(index.row());
    case DetailsRevisionRole:
        return row.detailsRevision;
    default:
        return {};
    }
}

QString CacheTableModel::displayText(const Row &row, int column) const
{
    const ImageCache &cache = row.cache;
    switch (column) {
    case Name:
        return cache.name;
    case Status:
        return m_statusText.value(cache.status);
    case Progress: {
        const int progress = progressOf(cache);
        if (progress >= 0)
            return tr("%1%", "progress percentage").arg(progress);
        return {};
    }
    case Provider:
        return m_providerName[cache.provider == core::Provider::Huawei ? 0 : 1];
    case Account:
        return accountName(cache.accountId);
    case Region:
        return cache.region;
    case Size:
        return Presentation::sizeGiB(cache.sizeGiB);
    case Retention:
        return Presentation::retention(cache.retentionDays);
    case Expires:
        if (!cache.expires.isValid())
            return cache.retentionDays <= 0 ? Presentation::retention(0) : QString();
        // The time left first: a narrow column elides the date, never what matters.
        return tr("%1 (%2)", "expiry: time left (date/time)")
            .arg(Presentation::timeLeft(cache.expires, now()),
                 Presentation::dateTime(cache.expires));
    case Images:
        return cache.images.join(QLatin1String(", "));
    case Tags:
        return tagsText(cache.tags, QStringLiteral(", "));
    case Created:
        return Presentation::dateTime(cache.created);
    case LastMatched:
        return Presentation::dateTime(cache.lastMatched);
    case Id:
        return cache.id;
    case Message:
        return cache.message.section(QLatin1Char('\n'), 0, 0).simplified();
    default:
        return {};
    }
}

QVariant CacheTableModel::toolTip(const Row &row, int column) const
{
    const ImageCache &cache = row.cache;
    switch (column) {
    case Images:
        return textValue(cache.images.join(QLatin1Char('\n')));
    case Tags:
        return textValue(tagsText(cache.tags, QStringLiteral("\n")));
    case Message:
        return textValue(cache.message);
    case Retention:
    case Expires:
        if (cache.expires.isValid())
            return tr("Expires %1", "tooltip: expiry date/time")
                .arg(cache.expires.toLocalTime().toString(Qt::ISODate));
        return {};
    default:
        return {};
    }
}

QVariant CacheTableModel::exportValue(const Row &row, int column) const
{
    const ImageCache &cache = row.cache;
    switch (column) {
    case Status:
        return core::statusKey(cache.status);
    case Progress: {
        const int progress = progressOf(cache);
        return progress >= 0 ? QVariant(progress) : QVariant(QString());
    }
    case Provider:
        return core::providerKey(cache.provider);
    case Account:
        return cache.accountId;
    case Size:
        return cache.sizeGiB;
    case Retention: // 0: never expires, as the providers write it
        return std::max(cache.retentionDays, 0);
    case Expires:
        return cache.expires.isValid() ? QVariant(cache.expires) : QVariant(QString());
    case Images:
        return cache.images.join(QLatin1Char(' '));
    case Tags: {
        QStringList tags;
        for (const core::Tag &tag : cache.tags)
            tags.append(tag.key + QLatin1Char('=') + tag.value);
        return tags.join(QLatin1Char(' '));
    }
    default:
        return {}; // the sort value when it is a time, else the display text
    }
}

QVariant CacheTableModel::sortValue(const Row &row, int column) const
{
    const ImageCache &cache = row.cache;
    switch (column) {
    case Name:
        return cache.name;
    case Status:
        return static_cast<int>(cache.status);
    case Progress:
        return progressOf(cache);
    case Provider:
        return m_providerName[cache.provider == core::Provider::Huawei ? 0 : 1];
    case Account:
        return accountName(cache.accountId);
    case Region:
        return textValue(cache.region);
    case Size:
        return cache.sizeGiB;
    case Retention: // "never" is the longest retention
        return cache.retentionDays <= 0 ? std::numeric_limits<int>::max() : cache.retentionDays;
    case Expires:
        return dateValue(cache.expires);
    case Images:
        return textValue(cache.images.join(QLatin1String(", ")));
    case Tags:
        return textValue(tagsText(cache.tags, QStringLiteral(", ")));
    case Created:
        return dateValue(cache.created);
    case LastMatched:
        return dateValue(cache.lastMatched);
    case Id:
        return cache.id;
    case Message:
        return textValue(cache.message);
    default:
        return {};
    }
}

QVariant CacheTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole) {
        if (section == Progress || section == Size || section == Retention)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    if (role == ExportRole) // stable keys for tools: "name", "status", "lastMatched", ...
        return columnKey(section);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name", "image cache name");
    case Status:
        return tr("Status", "image cache status");
    case Progress:
        return tr("Progress", "image cache build progress");
    case Provider:
        return tr("Cloud", "cloud provider");
    case Account:
        return tr("Account");
    case Region:
        return tr("Region");
    case Size:
        return tr("Size", "image cache size");
    case Retention:
        return tr("Retention", "days before the cache expires");
    case Expires:
        return tr("Expires", "expiry time");
    case Images:
        return tr("Images", "container images in the cache");
    case Tags:
        return tr("Tags");
    case Created:
        return tr("Created", "creation time");
    case LastMatched:
        return tr("Last Matched", "last time a pod used the cache");
    case Id:
        return tr("ID");
    case Message:
        return tr("Message", "failure or status message");
    default:
        return {};
    }
}

QHash<int, QByteArray> CacheTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SortRole, "sortValue");
    names.insert(StatusRole, "status");
    names.insert(ProgressRole, "progress");
    names.insert(KeyRole, "key");
    names.insert(ProviderRole, "provider");
    names.insert(AccountRole, "account");
    names.insert(RegionRole, "region");
    names.insert(SearchTextRole, "searchText");
    names.insert(DetailsRevisionRole, "detailsRevision");
    return names;
}

void CacheTableModel::setCaches(const QList<ImageCache> &caches)
{
    beginResetModel();
    m_rows.clear();
    m_rowOfKey.clear();
    m_indexValidBelow = 0;
    m_rows.reserve(caches.size());
    m_rowOfKey.reserve(caches.size());
    for (const ImageCache &cache : caches) {
        auto row = makeRow(cache);
        const auto existing = m_rowOfKey.constFind(row->key);
        if (existing != m_rowOfKey.constEnd()) { // duplicate key: the later listing wins
            m_rows[*existing] = std::move(row);
            continue;
        }
        m_rowOfKey.insert(row->key, static_cast<int>(m_rows.size()));
        m_rows.push_back(std::move(row));
    }
    m_indexValidBelow = static_cast<int>(m_rows.size());
    endResetModel();
}

void CacheTableModel::applyChangeSet(const core::ChangeSet &changes)
{
    if (changes.isEmpty())
        return;
    emit changeSetAboutToBeApplied();

    removeKeys(changes.removed);

    // Changes first (row numbers are stable), collecting rows to announce.
    QList<std::pair<int, CacheFields>> changed;
    QList<ImageCache> appended;
    QSet<QString> appendedKeys;
    const auto update = [&](const ImageCache &cache, CacheFields declared) {
        const QString key = cache.key();
        const int row = rowOfKey(key);
        if (row < 0) {
            // Unknown key: a change we never saw inserted; show it rather than drop it.
            if (!appendedKeys.contains(key)) {
                appendedKeys.insert(key);
                appended.append(cache);
            } else {
                for (ImageCache &pending : appended) {
                    if (pending.key() == key)
                        pending = cache;
                }
            }
            return;
        }
        Row &target = *m_rows[row];
        // Trust but verify: the model holds the old value, so an identical "change" is
        // dropped and an under-declared one still refreshes every stale cell.
        const CacheFields actual = core::diffCaches(target.cache, cache);
        if (!actual)
            return;
        const CacheFields fields = declared | actual;
        target.cache = cache;
        if (fields & (CacheFields(CacheField::Name) | CacheField::Images))
            target.searchText = QString();
        if (fields & detailFields)
            ++target.detailsRevision;
        changed.append({row, fields});
    };
    for (const core::CacheChange &change : changes.changed)
        update(change.cache, change.fields);
    for (const ImageCache &cache : changes.inserted) // already known: treat as a change
        update(cache, {});

    emitChanged(changed);
    appendRows(appended);
    emit changeSetApplied();
}

void CacheTableModel::removeKeys(const QStringList &keys)
{
    QList<int> rows;
    rows.reserve(keys.size());
    for (const QString &key : keys) {
        const int row = rowOfKey(key);
        if (row >= 0)
            rows.append(row);
    }
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());

    // One beginRemoveRows per contiguous run, from the bottom up so earlier rows keep their
    // numbers while we go.
    qsizetype i = 0;
    while (i < rows.size()) {
        const int last = rows[i];
        int first = last;
        ++i;
        while (i < rows.size() && rows[i] == first - 1) {
            first = rows[i];
            ++i;
        }
        beginRemoveRows({}, first, last);
        for (int r = first; r <= last; ++r)
            m_rowOfKey.remove(m_rows[r]->key);
        m_rows.erase(m_rows.begin() + first, m_rows.begin() + last + 1);
        m_indexValidBelow = std::min(m_indexValidBelow, first);
        endRemoveRows();
    }
}

void CacheTableModel::appendRows(const QList<ImageCache> &caches)
{
    if (caches.isEmpty())
        return;
    const int first = rowCount();
    beginInsertRows({}, first, first + static_cast<int>(caches.size()) - 1);
    m_rows.reserve(m_rows.size() + caches.size());
    for (const ImageCache &cache : caches) {
        auto row = makeRow(cache);
        const bool indexed = m_indexValidBelow == static_cast<int>(m_rows.size());
        m_rowOfKey.insert(row->key, static_cast<int>(m_rows.size()));
        m_rows.push_back(std::move(row));
        if (indexed)
            m_indexValidBelow = static_cast<int>(m_rows.size());
    }
    endInsertRows();
}

void CacheTableModel::emitChanged(const QList<std::pair<int, CacheFields>> &changed)
{
    if (changed.isEmpty())
        return;

    // Many rows changed (a full refresh after an outage): one signal is cheaper for the views
    // than thousands. Otherwise one per row and per contiguous run of affected columns.
    if (changed.size() > rowCount() / 2) {
        CacheFields all;
        int top = rowCount();
        int bottom = -1;
        for (const auto &[row, fields] : changed) {
            all |= fields;
            top = std::min(top, row);
            bottom = std::max(bottom, row);
        }
        const QList<int> columns = columnsFor(all);
        emit dataChanged(index(top, columns.first()), index(bottom, columns.last()), rolesFor(all));
        return;
    }

    // A poll's changes share a few field combinations: their roles are listed once each.
    QHash<CacheFields::Int, QList<int>> rolesByFields;
    for (const auto &[row, fields] : changed) {
        const quint32 mask = columnMask(fields);
        auto roles = rolesByFields.constFind(fields.toInt());
        if (roles == rolesByFields.cend())
            roles = rolesByFields.insert(fields.toInt(), rolesFor(fields));
        int column = 0;
        while (column < ColumnCount) {
            if (!(mask & (1u << column))) {
                ++column;
                continue;
            }
            const int first = column;
            while (column + 1 < ColumnCount && (mask & (1u << (column + 1))))
                ++column;
            emit dataChanged(index(row, first), index(row, column), *roles);
            ++column;
        }
    }
}

QList<int> CacheTableModel::columnsFor(CacheFields fields)
{
    QList<int> columns;
    const quint32 mask = columnMask(fields);
    for (int column = 0; column < ColumnCount; ++column) {
        if (mask & (1u << column))
            columns.append(column);
    }
    return columns;
}

QList<int> CacheTableModel::rolesFor(CacheFields fields)
{
    QList<int> roles;
    for (const FieldEffect &effect : fieldEffects) {
        if (!fields.testFlag(effect.field))
            continue;
        for (int role : effect.roles) {
            if (!roles.contains(role))
                roles.append(role);
        }
    }
    std::sort(roles.begin(), roles.end());
    return roles;
}

void CacheTableModel::setAccountNames(const QHash<QString, QString> &names)
{
    if (names == m_accountNames)
        return;
    m_accountNames = names;
    if (!m_rows.empty())
        emit dataChanged(index(0, Account), index(rowCount() - 1, Account),
                         {Qt::DisplayRole, SortRole});
}

void CacheTableModel::setClock(Clock clock)
{
    m_clock = clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); });
    refreshRelativeTimes();
}

void CacheTableModel::refreshRelativeTimes()
{
    if (!m_rows.empty())
        emit dataChanged(index(0, Expires), index(rowCount() - 1, Expires), {Qt::DisplayRole});
}

QDateTime CacheTableModel::now() const
{
    return m_clock();
}

QString CacheTableModel::accountName(const QString &accountId) const
{
    const QString name = m_accountNames.value(accountId);
    return name.isEmpty() ? accountId : name;
}

void CacheTableModel::reindexFrom(int first) const
{
    for (int row = first; row < static_cast<int>(m_rows.size()); ++row)
        m_rowOfKey.insert(m_rows[row]->key, row);
    m_indexValidBelow = static_cast<int>(m_rows.size());
}

int CacheTableModel::rowOfKey(const QString &key) const
{
    auto it = m_rowOfKey.constFind(key);
    if (it == m_rowOfKey.constEnd())
        return -1;
    if (*it >= m_indexValidBelow) {
        reindexFrom(m_indexValidBelow);
        it = m_rowOfKey.constFind(key);
    }
    return *it;
}

QModelIndex CacheTableModel::indexOfKey(const QString &key, int column) const
{
    const int row = rowOfKey(key);
    return row < 0 ? QModelIndex() : index(row, column);
}

const ImageCache *CacheTableModel::cache(int row) const
{
    if (row < 0 || row >= rowCount())
        return nullptr;
    return &m_rows[row]->cache;
}

const ImageCache *CacheTableModel::cacheByKey(const QString &key) const
{
    return cache(rowOfKey(key));
}

const QString &CacheTableModel::searchText(int row) const
{
    // Made on the first filter, not at load: most sessions never type one.
    const Row &target = *m_rows[row];
    if (target.searchText.isNull())
        target.searchText = searchTextOf(target.cache);
    return target.searchText;
}

QHash<CacheStatus, int> CacheTableModel::statusCounts() const
{
    QHash<CacheStatus, int> counts;
    for (const auto &row : m_rows)
        ++counts[row->cache.status];
    return counts;
}

std::unique_ptr<CacheTableModel::Row> CacheTableModel::makeRow(const ImageCache &cache)
{
    auto row = std::make_unique<Row>();
    row->cache = cache;
    row->key = cache.key();
    return row;
}

QString CacheTableModel::searchTextOf(const ImageCache &cache)
{
    QString text = cache.name;
    text += QLatin1Char('\n');
    text += cache.id;
    for (const QString &image : cache.images) {
        text += QLatin1Char('\n');
        text += image;
    }
    return text.toLower();
}

int CacheTableModel::progressOf(const ImageCache &cache)
{
    if (cache.progress)
        return std::clamp(*cache.progress, 0, 100);
    // Huawei reports no percentage: a busy cache shows an indeterminate bar.
    return core::isTransitional(cache.status) ? IndeterminateProgress : NoProgress;
}

} // namespace models

namespace models {

namespace {

QString columnKeyOf(const char *enumKey)
{
    QString key = QString::fromLatin1(enumKey);
    if (!key.isEmpty())
        key[0] = key.at(0).toLower();
    return key;
}

} // namespace

QString CacheTableModel::columnKey(int column)
{
    return columnKeyOf(QMetaEnum::fromType<Column>().valueToKey(column));
}

} // namespace models
