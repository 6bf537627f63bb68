#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

namespace models {

// Filters and sorts a JournalModel the way the caches view does: a quick text filter (every
// word must occur in the row's search text), a result filter and the account picked in the
// navigation; sorting reads SortRole (the entry id for When, so equal times keep their order).
class JournalFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JournalFilterProxyModel)

public:
    explicit JournalFilterProxyModel(QObject *parent = nullptr);
    ~JournalFilterProxyModel() override;

    void setFilterText(const QString &text);
    QString filterText() const { return m_filterText; }
    // "ok", "failed", "pending"; empty: every result.
    void setResultFilter(const QString &result);
    QString resultFilter() const { return m_result; }
    // Empty: every account.
    void setAccountFilter(const QString &accountId);
    QString accountFilter() const { return m_accountId; }
    bool hasFilter() const;

    // Newest first.
    static int defaultSortColumn();
    static Qt::SortOrder defaultSortOrder() { return Qt::DescendingOrder; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_filterText;
    QStringList m_words;
    QString m_result;
    QString m_accountId;
};

} // namespace models
