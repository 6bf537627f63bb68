#pragma once

#include "core/imagecache.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QSettings;
class QSplitter;
class QTableView;
class QTimer;

namespace models {
class CacheFilterProxyModel;
class CacheTableModel;
} // namespace models

namespace ui {

class CacheDetailPane;
class EmptyState;
class StatusDelegate;

// The "Image caches" view: a filter bar (text over name, id and images; status; provider), the
// sortable table (newest first, column chooser on the header) and the detail pane below it.
class CachesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CachesPage)
public:
    CachesPage(models::CacheTableModel *model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    CacheDetailPane *detailPane() const { return m_detail; }
    models::CacheFilterProxyModel *proxy() const { return m_proxy; }

    QList<core::ImageCache> selectedCaches() const;
    const core::ImageCache *currentCache() const;
    // The account/region picked in the navigation tree (empty: all).
    void setScope(const QString &accountId, const QString &region);
    void focusFilter();
    // Text, status and cloud filters back to "all" (Esc).
    void clearFilter();
    bool isFiltered() const;
    // What the empty table says (also with a filter that matches nothing).
    QString emptyText() const;
    // Selects the cache of `key` (and makes it current); false when no visible row has it.
    bool selectKey(const QString &key);
    void copySelection() const;

    void saveState(QSettings &settings) const;
    void restoreState(const QSettings &settings);

signals:
    void selectionChanged();
    void contextMenuRequested(const QPoint &globalPos);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showHeaderMenu(const QPoint &pos);
    void updateDetail();
    void animateIndeterminate();

    models::CacheTableModel *m_model;
    models::CacheFilterProxyModel *m_proxy;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_status = nullptr;
    QComboBox *m_provider = nullptr;
    QTableView *m_table = nullptr;
    StatusDelegate *m_statusDelegate = nullptr;
    CacheDetailPane *m_detail = nullptr;
    QSplitter *m_splitter = nullptr;
    QTimer *m_animation = nullptr;
    EmptyState *m_empty = nullptr;
    qreal m_phase = 0;
};

} // namespace ui
