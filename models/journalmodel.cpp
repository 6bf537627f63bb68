#include "journalmodel.h"

#include "presentation.h"

#include <QColor>
#include <QGuiApplication>
#include <QPalette>

namespace models {

JournalModel::JournalModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

JournalModel::~JournalModel() = default;

int JournalModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int JournalModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString JournalModel::actionText(const QString &action)
{
    static const QHash<QString, const char *> texts = {
        {QStringLiteral("cache.create"), QT_TRANSLATE_NOOP("models::JournalModel", "Create cache")},
        {QStringLiteral("cache.update"), QT_TRANSLATE_NOOP("models::JournalModel", "Update cache")},
        {QStringLiteral("cache.delete"), QT_TRANSLATE_NOOP("models::JournalModel", "Delete cache")},
        {QStringLiteral("account.create"),
         QT_TRANSLATE_NOOP("models::JournalModel", "Add account")},
        {QStringLiteral("account.update"),
         QT_TRANSLATE_NOOP("models::JournalModel", "Change account")},
        {QStringLiteral("account.delete"),
         QT_TRANSLATE_NOOP("models::JournalModel", "Remove account")},
    };
    const auto it = texts.constFind(action);
    return it == texts.cend() ? action : tr(*it);
}

QString JournalModel::resultText(const QString &result)
{
    if (result == QLatin1String("ok"))
        return tr("Succeeded");
    if (result == QLatin1String("failed"))
        return tr("Failed");
    if (result == QLatin1String("pending"))
        return tr("Pending");
    return result;
}

QString JournalModel::searchText(const store::JournalEntry &e) const
{
    return QStringList{e.osUser,
                       m_accountNames.value(e.accountId, e.accountId),
                       e.accountId,
                       e.action,
                       actionText(e.action),
                       e.target,
                       resultText(e.result),
                       e.requestId,
                       e.message}
        .join(QLatin1Char('\n'))
        .toLower();
}

QVariant JournalModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const store::JournalEntry &e = m_entries.at(index.row());
    const QString account = m_accountNames.value(e.accountId, e.accountId);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case When:
            return QLocale().toString(e.at.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case User:
            return e.osUser;
        case Account:
            return account;
        case Action:
            return actionText(e.action);
        case Target:
            return e.target;
        case Result:
            return resultText(e.result);
        case RequestId:
            return e.requestId;
        case Message:
            return e.message;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == When)
            return e.at.toUTC().toString(Qt::ISODateWithMs);
        if (index.column() == Message || index.column() == Target)
            return data(index, Qt::DisplayRole);
        break;
    case Qt::ForegroundRole:
        if (index.column() == Result && e.result == QLatin1String("failed"))
            return QColor(0xc0, 0x1c, 0x28);
        break;
    case SortRole:
        switch (index.column()) {
        case When:
            return e.id; // the store's order: ties of the clock stay in write order
        case Action:
            return actionText(e.action);
        case Result:
            return resultText(e.result);
        default:
            return data(index, Qt::DisplayRole);
        }
    case ExportRole:
        switch (index.column()) {
        case When:
            return e.at;
        case Account:
            return e.accountId;
        case Action:
            return e.action;
        case Result:
            return e.result;
        default:
            return {};
        }
    case KeyRole:
        return e.id;
    case AccountRole:
        return e.accountId;
    case ResultRole:
        return e.result;
    case SearchTextRole:
        return searchText(e);
    default:
        break;
    }
    return {};
}

QVariant JournalModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case When:
        return tr("When");
    case User:
        return tr("User");
    case Account:
        return tr("Account");
    case Action:
        return tr("Action");
    case Target:
        return tr("Target");
    case Result:
        return tr("Result");
    case RequestId:
        return tr("Request ID");
    case Message:
        return tr("Message");
    }
    return {};
}

void JournalModel::setEntries(const QList<store::JournalEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    m_rowById.clear();
    m_rowById.reserve(m_entries.size());
    m_lastId = 0;
    for (int row = 0; row < m_entries.size(); ++row) {
        m_rowById.insert(m_entries.at(row).id, row);
        m_lastId = std::max(m_lastId, m_entries.at(row).id);
    }
    endResetModel();
}

void JournalModel::appendEntries(const QList<store::JournalEntry> &entries)
{
    QList<store::JournalEntry> fresh;
    for (const store::JournalEntry &e : entries) {
        if (e.id != 0 && !m_rowById.contains(e.id))
            fresh.append(e);
    }
    if (fresh.isEmpty())
        return;
    const int first = int(m_entries.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    for (const store::JournalEntry &e : std::as_const(fresh)) {
        m_rowById.insert(e.id, int(m_entries.size()));
        m_entries.append(e);
        m_lastId = std::max(m_lastId, e.id);
    }
    endInsertRows();
}

const store::JournalEntry *JournalModel::entry(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries.at(row) : nullptr;
}

void JournalModel::setAccountNames(const QHash<QString, QString> &names)
{
    if (names == m_accountNames)
        return;
    m_accountNames = names;
    if (!m_entries.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

} // namespace models
