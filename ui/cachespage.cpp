#include "cachespage.h"

#include "cachedetailpane.h"
#include "emptystate.h"
#include "statusdelegate.h"
#include "viewexport.h"

#include "models/cachefilterproxymodel.h"
#include "models/cachetablemodel.h"
#include "models/presentation.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace ui {

using models::CacheTableModel;

CachesPage::CachesPage(CacheTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new models::CacheFilterProxyModel(this))
{
    m_proxy->setSourceModel(model);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *filterBar = new QHBoxLayout;
    m_filter = new QLineEdit;
    m_filter->setPlaceholderText(tr("Filter by name, ID or image (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setObjectName(QStringLiteral("cacheFilter"));
    filterBar->addWidget(m_filter, 1);

    m_status = new QComboBox;
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->addItem(tr("All statuses"), -1);
    for (core::CacheStatus status :
         {core::CacheStatus::Ready, core::CacheStatus::Creating, core::CacheStatus::Updating,
          core::CacheStatus::Deleting, core::CacheStatus::Failed, core::CacheStatus::Unavailable,
          core::CacheStatus::Expired}) {
        m_status->addItem(models::Presentation::statusIcon(status),
                          models::Presentation::statusText(status), int(status));
    }
    // Wide enough for the longest status in any language: no "Unav…able".
    // The style's size hint leaves no room for the icon's spacing in some styles: reserve the
    // text, the icon and the arrow explicitly.
    m_status->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    int longest = 0;
    for (int i = 0; i < m_status->count(); ++i)
        longest
            = std::max(longest, m_status->fontMetrics().horizontalAdvance(m_status->itemText(i)));
    m_status->setMinimumWidth(longest + m_status->iconSize().width() + 48);
    filterBar->addWidget(m_status);

    m_provider = new QComboBox;
    m_provider->setObjectName(QStringLiteral("providerFilter"));
    m_provider->addItem(tr("All clouds"), -1);
    m_provider->addItem(models::Presentation::providerName(core::Provider::Huawei),
                        int(core::Provider::Huawei));
    m_provider->addItem(models::Presentation::providerName(core::Provider::Alibaba),
                        int(core::Provider::Alibaba));
    filterBar->addWidget(m_provider);
    layout->addLayout(filterBar);

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("cacheTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(models::CacheFilterProxyModel::defaultSortColumn(),
                          models::CacheFilterProxyModel::defaultSortOrder());
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 12);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_statusDelegate
        = new StatusDelegate(CacheTableModel::ProgressRole, CacheTableModel::StatusRole, this);
    m_table->setItemDelegateForColumn(CacheTableModel::Status, m_statusDelegate);
    // Less useful columns start hidden; the header's menu shows them.
    for (int column : {CacheTableModel::Progress, CacheTableModel::LastMatched, CacheTableModel::Id,
                       CacheTableModel::Message})
        m_table->setColumnHidden(column, true);
    m_table->setColumnWidth(CacheTableModel::Name, 220);
    m_table->setColumnWidth(CacheTableModel::Status, 150);
    m_table->setColumnWidth(CacheTableModel::Images, 260);

    m_detail = new CacheDetailPane;
    m_splitter = new QSplitter(Qt::Vertical);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    layout->addWidget(m_splitter, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &models::CacheFilterProxyModel::setFilterText);
    connect(m_status, &QComboBox::currentIndexChanged, this, [this] {
        const int value = m_status->currentData().toInt();
        m_proxy->setStatusFilter(value < 0 ? QSet<core::CacheStatus>{}
                                           : QSet<core::CacheStatus>{core::CacheStatus(value)});
    });
    connect(m_provider, &QComboBox::currentIndexChanged, this, [this] {
        const int value = m_provider->currentData().toInt();
        m_proxy->setProviderFilter(value < 0 ? std::nullopt : std::optional(core::Provider(value)));
    });
    connect(m_table->horizontalHeader(), &QHeaderView::customContextMenuRequested, this,
            &CachesPage::showHeaderMenu);
    connect(m_table, &QTableView::customContextMenuRequested, this, [this](const QPoint &pos) {
        emit contextMenuRequested(m_table->viewport()->mapToGlobal(pos));
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateDetail();
        emit selectionChanged();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CachesPage::updateDetail);
    // A poll changed the shown cache: refresh the pane in place.
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const QString key = m_detail->cacheKey();
                if (key.isEmpty())
                    return;
                const int row = m_model->rowOfKey(key);
                if (row >= topLeft.row() && row <= bottomRight.row())
                    updateDetail();
            });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &CachesPage::updateDetail);

    m_empty = new EmptyState(m_table, [this] { return emptyText(); });
    connect(m_filter, &QLineEdit::textChanged, m_empty, &EmptyState::refresh);
    for (QComboBox *combo : {m_status, m_provider})
        connect(combo, &QComboBox::currentIndexChanged, m_empty, &EmptyState::refresh);
    connect(m_model, &QAbstractItemModel::rowsInserted, m_empty, &EmptyState::refresh);
    connect(m_model, &QAbstractItemModel::rowsRemoved, m_empty, &EmptyState::refresh);
    // Esc anywhere in the view gives back every cache.
    auto *clear = new QAction(tr("Clear Filter"), this);
    clear->setObjectName(QStringLiteral("clearFilter"));
    clear->setShortcut(QKeySequence(Qt::Key_Escape));
    clear->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(clear, &QAction::triggered, this, &CachesPage::clearFilter);
    addAction(clear);
    // The line edit takes Esc for itself: it clears there too.
    m_filter->installEventFilter(this);

    // The indeterminate bars move while any visible row is busy without a percentage.
    m_animation = new QTimer(this);
    m_animation->setInterval(60);
    connect(m_animation, &QTimer::timeout, this, &CachesPage::animateIndeterminate);
    m_animation->start();

    // "Expires in 3 days" goes stale as time passes without any poll changing the cache.
    auto *minute = new QTimer(this);
    minute->setInterval(60'000);
    connect(minute, &QTimer::timeout, m_model, &CacheTableModel::refreshRelativeTimes);
    minute->start();
}

void CachesPage::animateIndeterminate()
{
    if (!isVisible())
        return;
    bool any = false;
    const int first = m_table->rowAt(0);
    int last = m_table->rowAt(m_table->viewport()->height() - 1);
    if (last < 0)
        last = m_proxy->rowCount() - 1;
    for (int row = qMax(0, first); row <= last && row >= 0; ++row) {
        const QModelIndex status = m_proxy->index(row, CacheTableModel::Status);
        if (status.data(CacheTableModel::ProgressRole).toInt() == StatusDelegate::Indeterminate
            && core::isTransitional(
                core::CacheStatus(status.data(CacheTableModel::StatusRole).toInt()))) {
            any = true;
            break;
        }
    }
    if (!any)
        return;
    m_phase += 0.02;
    if (m_phase > 1.0)
        m_phase = 0;
    m_statusDelegate->setIndeterminatePhase(m_phase < 0.5 ? m_phase * 2 : (1.0 - m_phase) * 2);
    m_table->viewport()->update();
}

QList<core::ImageCache> CachesPage::selectedCaches() const
{
    QList<core::ImageCache> caches;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows()) {
        if (const core::ImageCache *cache
            = m_model->cacheByKey(index.data(CacheTableModel::KeyRole).toString()))
            caches.append(*cache);
    }
    return caches;
}

const core::ImageCache *CachesPage::currentCache() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid() || !m_table->selectionModel()->isRowSelected(current.row()))
        return nullptr;
    return m_model->cacheByKey(current.data(CacheTableModel::KeyRole).toString());
}

void CachesPage::updateDetail()
{
    const core::ImageCache *cache = currentCache();
    const QModelIndex account
        = cache ? m_model->indexOfKey(cache->key(), CacheTableModel::Account) : QModelIndex();
    m_detail->setCache(cache, account.data().toString());
}

void CachesPage::setScope(const QString &accountId, const QString &region)
{
    m_proxy->setAccountFilter(accountId);
    m_proxy->setRegionFilter(region);
}

bool CachesPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape && isFiltered()) {
        clearFilter();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

bool CachesPage::isFiltered() const
{
    return !m_filter->text().isEmpty() || m_status->currentIndex() > 0
           || m_provider->currentIndex() > 0;
}

void CachesPage::clearFilter()
{
    m_filter->clear();
    m_status->setCurrentIndex(0);
    m_provider->setCurrentIndex(0);
}

QString CachesPage::emptyText() const
{
    if (m_model->rowCount() == 0)
        return tr("No image caches yet.\nCreate one with Cache ▸ New Cache… (Ctrl+N); caches "
                  "made elsewhere show up at the next refresh.");
    if (!isFiltered())
        return tr("No image caches in this account or region.");
    const QString what = m_filter->text().isEmpty()
                             ? tr("the chosen status and cloud")
                             : tr("“%1”", "the filter text, quoted").arg(m_filter->text());
    return tr("No caches match %1 (%n hidden by the filter).\nPress Esc to clear the filter.",
              nullptr, m_model->rowCount())
        .arg(what);
}

bool CachesPage::selectKey(const QString &key)
{
    const QModelIndex source = m_model->indexOfKey(key);
    const QModelIndex index = m_proxy->mapFromSource(source);
    if (!index.isValid())
        return false;
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect
                                                          | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

void CachesPage::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void CachesPage::copySelection() const
{
    const ViewSnapshot snapshot = ViewSnapshot::take(m_table, true);
    if (!snapshot.rows.isEmpty())
        QApplication::clipboard()->setText(snapshot.toTsv(true));
}

void CachesPage::showHeaderMenu(const QPoint &pos)
{
    QMenu menu(this);
    QHeaderView *header = m_table->horizontalHeader();
    for (int column = 0; column < m_proxy->columnCount(); ++column) {
        QAction *action = menu.addAction(m_proxy->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        // The name identifies a row: it stays.
        action->setEnabled(column != CacheTableModel::Name);
        connect(action, &QAction::toggled, this,
                [this, column](bool on) { m_table->setColumnHidden(column, !on); });
    }
    menu.exec(header->viewport()->mapToGlobal(pos));
}

void CachesPage::saveState(QSettings &settings) const
{
    settings.setValue(QStringLiteral("Caches/HeaderState"),
                      m_table->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("Caches/SplitterState"), m_splitter->saveState());
    settings.setValue(QStringLiteral("Caches/DetailTab"), m_detail->tabs()->currentIndex());
}

void CachesPage::restoreState(const QSettings &settings)
{
    const QByteArray header = settings.value(QStringLiteral("Caches/HeaderState")).toByteArray();
    if (!header.isEmpty())
        m_table->horizontalHeader()->restoreState(header);
    const QByteArray splitter
        = settings.value(QStringLiteral("Caches/SplitterState")).toByteArray();
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
    m_detail->tabs()->setCurrentIndex(
        settings.value(QStringLiteral("Caches/DetailTab"), 0).toInt());
}

} // namespace ui
