#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSettings;
class QTableView;

namespace models {
class JournalFilterProxyModel;
class JournalModel;
} // namespace models

namespace ui {

// The "History" view: the operation journal (when, who, account, action, target, result, the
// provider's request id and message) with a filter bar like the caches' (text, result), newest
// first, sortable by any column. The rows come from the session's JournalModel, which loads
// them on the store's thread.
class HistoryPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryPage)
public:
    explicit HistoryPage(models::JournalModel *model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    models::JournalFilterProxyModel *proxy() const { return m_proxy; }

    // The account picked in the navigation tree (empty: all).
    void setScope(const QString &accountId);
    void focusFilter();
    void copySelection() const;

    void saveState(QSettings &settings) const;
    void restoreState(const QSettings &settings);

private:
    void updateCount();

    models::JournalModel *m_model;
    models::JournalFilterProxyModel *m_proxy;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_result = nullptr;
    QLabel *m_count = nullptr;
    QTableView *m_table = nullptr;
};

} // namespace ui
