#include "historypage.h"

#include "emptystate.h"

#include "viewexport.h"

#include "models/journalfilterproxymodel.h"
#include "models/journalmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QTableView>
#include <QVBoxLayout>

namespace ui {

using models::JournalModel;

HistoryPage::HistoryPage(JournalModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new models::JournalFilterProxyModel(this))
{
    m_proxy->setSourceModel(model);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *filterBar = new QHBoxLayout;
    m_filter = new QLineEdit;
    m_filter->setObjectName(QStringLiteral("historyFilter"));
    m_filter->setPlaceholderText(
        tr("Filter by user, account, action, target or request ID (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    filterBar->addWidget(m_filter, 1);
    m_result = new QComboBox;
    m_result->setObjectName(QStringLiteral("resultFilter"));
    m_result->addItem(tr("All results"), QString());
    for (const char *result : {"ok", "failed", "pending"}) {
        const QString key = QString::fromLatin1(result);
        m_result->addItem(JournalModel::resultText(key), key);
    }
    filterBar->addWidget(m_result);
    m_count = new QLabel;
    m_count->setObjectName(QStringLiteral("historyCount"));
    filterBar->addWidget(m_count);
    layout->addLayout(filterBar);

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("historyTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(models::JournalFilterProxyModel::defaultSortColumn(),
                          models::JournalFilterProxyModel::defaultSortOrder());
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 12);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(JournalModel::When, 160);
    m_table->setColumnWidth(JournalModel::Target, 260);
    m_table->setColumnWidth(JournalModel::RequestId, 280);
    layout->addWidget(m_table, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &models::JournalFilterProxyModel::setFilterText);
    connect(m_result, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setResultFilter(m_result->currentData().toString()); });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &HistoryPage::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &HistoryPage::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &HistoryPage::updateCount);
    updateCount();

    auto *empty = new EmptyState(m_table, [this]() -> QString {
        if (m_model->rowCount() > 0)
            return tr("No entries match the filter.\nClear the filter text or pick All results.");
        return tr("No operations recorded yet.\nEvery create, update and delete, from this "
                  "console or the imagecache command, is listed here with who, when and the "
                  "provider's request ID.");
    });
    connect(m_filter, &QLineEdit::textChanged, empty, &EmptyState::refresh);
    connect(m_result, &QComboBox::currentIndexChanged, empty, &EmptyState::refresh);
}

void HistoryPage::updateCount()
{
    const int shown = m_proxy->rowCount();
    const int total = m_model->rowCount();
    m_count->setText(shown == total ? tr("%n entries", nullptr, total)
                                    : tr("%1 of %n entries", nullptr, total).arg(shown));
}

void HistoryPage::setScope(const QString &accountId)
{
    m_proxy->setAccountFilter(accountId);
    updateCount();
}

void HistoryPage::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void HistoryPage::copySelection() const
{
    const ViewSnapshot snapshot = ViewSnapshot::take(m_table, true);
    if (!snapshot.rows.isEmpty())
        QApplication::clipboard()->setText(snapshot.toTsv(true));
}

void HistoryPage::saveState(QSettings &settings) const
{
    settings.setValue(QStringLiteral("History/HeaderState"),
                      m_table->horizontalHeader()->saveState());
}

void HistoryPage::restoreState(const QSettings &settings)
{
    const QByteArray header = settings.value(QStringLiteral("History/HeaderState")).toByteArray();
    if (!header.isEmpty())
        m_table->horizontalHeader()->restoreState(header);
}

} // namespace ui
