#include "journalfilterproxymodel.h"

#include "journalmodel.h"

namespace models {

JournalFilterProxyModel::JournalFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SortRole);
    setDynamicSortFilter(true);
}

JournalFilterProxyModel::~JournalFilterProxyModel() = default;

int JournalFilterProxyModel::defaultSortColumn()
{
    return JournalModel::When;
}

void JournalFilterProxyModel::setFilterText(const QString &text)
{
    if (text == m_filterText)
        return;
    m_filterText = text;
    m_words = text.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateFilter();
}

void JournalFilterProxyModel::setResultFilter(const QString &result)
{
    if (result == m_result)
        return;
    m_result = result;
    invalidateFilter();
}

void JournalFilterProxyModel::setAccountFilter(const QString &accountId)
{
    if (accountId == m_accountId)
        return;
    m_accountId = accountId;
    invalidateFilter();
}

bool JournalFilterProxyModel::hasFilter() const
{
    return !m_words.isEmpty() || !m_result.isEmpty() || !m_accountId.isEmpty();
}

bool JournalFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_accountId.isEmpty() && index.data(AccountRole).toString() != m_accountId)
        return false;
    if (!m_result.isEmpty() && index.data(JournalModel::ResultRole).toString() != m_result)
        return false;
    if (m_words.isEmpty())
        return true;
    const QString text = index.data(SearchTextRole).toString();
    for (const QString &word : m_words) {
        if (!text.contains(word))
            return false;
    }
    return true;
}

bool JournalFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(SortRole);
    const QVariant r = right.data(SortRole);
    if (l.typeId() == QMetaType::LongLong && r.typeId() == QMetaType::LongLong)
        return l.toLongLong() < r.toLongLong();
    const int byText = QString::localeAwareCompare(l.toString(), r.toString());
    if (byText != 0)
        return byText < 0;
    // Ties in any column: the older entry first, so the order never flickers.
    return left.data(KeyRole).toLongLong() < right.data(KeyRole).toLongLong();
}

} // namespace models
