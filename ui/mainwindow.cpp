#include "mainwindow.h"

#include "accountdialog.h"
#include "cachedetailpane.h"
#include "cachespage.h"
#include "consolesession.h"
#include "consolesettings.h"
#include "coveragepage.h"
#include "createcachedialog.h"
#include "historypage.h"
#include "imagespage.h"
#include "requesttracker.h"
#include "settingsdialog.h"
#include "statuscountlabel.h"
#include "viewexport.h"
#include "welcomepage.h"

#include "models/cachetablemodel.h"
#include "models/presentation.h"
#include "registry/imagepreflight.h"
#include "registry/registryclient.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHash>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QTableWidget>
#include <QThread>
#include <QToolBar>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

namespace ui {

namespace {
// A status-bar label that never pushes the window wider: a long error is elided at the right
// edge, text() and the tooltip keep it whole.
class ElidedLabel final : public QLabel
{
public:
    using QLabel::QLabel;
    QSize minimumSizeHint() const override
    {
        return {fontMetrics().averageCharWidth() * 12, QLabel::minimumSizeHint().height()};
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        const QRect area = contentsRect();
        painter.drawText(area, Qt::AlignLeft | Qt::AlignVCenter,
                         fontMetrics().elidedText(text(), Qt::ElideRight, area.width()));
    }
};

enum NavigationRole { PageRole = Qt::UserRole + 1, AccountIdRole, RegionRole, BaseToolTipRole };
enum Page {
    CachesPageIndex,
    ImagesPageIndex,
    HistoryPageIndex,
    CoveragePageIndex,
    WelcomePageIndex
};
} // namespace

MainWindow::MainWindow(ConsoleSession *session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
{
    setWindowTitle(tr("ImageCache Console"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/imagecache-console.svg")));
    m_confirmDelete = [this](const QStringList &names) {
        const std::unique_ptr<QMessageBox> box = deleteConfirmation(names, this);
        box->exec();
        return box->buttonRole(box->clickedButton()) == QMessageBox::DestructiveRole;
    };

    m_cachesPage = new CachesPage(session->cacheModel());
    m_imagesPage = new ImagesPage(session->imageModel());
    m_imagesPage->setRegistryInspection(newImagePreflight());
    m_pages = new QStackedWidget;
    m_pages->addWidget(m_cachesPage);
    m_pages->addWidget(m_imagesPage);
    m_historyPage = new HistoryPage(session->journalModel());
    m_pages->addWidget(m_historyPage);
    m_coveragePage = new CoveragePage([session] { return session->coverageSources(); });
    m_pages->addWidget(m_coveragePage);
    m_welcomePage = new WelcomePage;
    m_pages->addWidget(m_welcomePage);
    m_launchDemo = [] {
        // A console of its own: the demo never mixes with real accounts (DemoEnvironment).
        return QProcess::startDetached(QCoreApplication::applicationFilePath(),
                                       {QStringLiteral("--demo")});
    };

    createNavigation();
    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({220, 1000});
    setCentralWidget(splitter);

    createActions();
    createMenus();
    createToolBar();

    m_statusSummary = new QLabel;
    m_statusSummary->setObjectName(QStringLiteral("statusSummary"));
    m_statusError = new ElidedLabel;
    m_statusError->setObjectName(QStringLiteral("statusError"));
    m_statusError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_statusSummary, 1);
    statusBar()->addPermanentWidget(new StatusCountLabel(m_session->cacheModel()));
    // The end of the last create/update/delete: stays until the next one, with a link to
    // the cache's events.
    m_requestNotice = new QLabel;
    m_requestNotice->setObjectName(QStringLiteral("requestNotice"));
    m_requestNotice->setTextFormat(Qt::RichText);
    m_requestNotice->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_requestNotice->hide();
    statusBar()->addPermanentWidget(m_requestNotice);
    statusBar()->addPermanentWidget(m_statusError);

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        m_tray->setToolTip(windowTitle());
        m_tray->show();
    }

    connect(session, &ConsoleSession::accountsChanged, this, &MainWindow::rebuildNavigation);
    connect(m_welcomePage, &WelcomePage::addAccountRequested, this, &MainWindow::addAccount);
    connect(m_welcomePage, &WelcomePage::importRequested, this, &MainWindow::importProfiles);
    connect(m_welcomePage, &WelcomePage::demoRequested, this, [this] {
        if (!m_launchDemo || !m_launchDemo())
            showError(tr("The demo could not be started: run imagecache-console --demo."), false);
        else
            statusBar()->showMessage(tr("The demo opens in a window of its own."), 8000);
    });
    connect(session, &ConsoleSession::statusChanged, this, &MainWindow::updateStatusBar);
    connect(session, &ConsoleSession::statusChanged, this, &MainWindow::updateAccountBadges);
    connect(session, &ConsoleSession::operationFinished, this,
            [this](const QString &description, const net::ApiError &error) {
                // No modal dialog: the message goes to the status bar, the data stays.
                if (error.isError()) {
                    showError(tr("%1 failed: %2").arg(description, error.toString()), false);
                } else {
                    showError(QString(), false);
                    statusBar()->showMessage(tr("%1: done").arg(description), 8000);
                }
            });
    connect(session, &ConsoleSession::requestAccepted, this, [this](const QString &text) {
        showError(QString(), false);
        statusBar()->showMessage(text, 8000);
    });
    connect(session->requests(), &RequestTracker::settled, this, &MainWindow::showRequestNotice);
    connect(m_requestNotice, &QLabel::linkActivated, this, [this](const QString &key) {
        m_requestNotice->hide();
        if (key.isEmpty() || !m_session->cacheModel()->cacheByKey(key))
            return;
        showCaches();
        m_cachesPage->selectKey(key);
        m_cachesPage->detailPane()->tabs()->setCurrentIndex(CacheDetailPane::EventsTab);
    });
    connect(session, &ConsoleSession::notify, this,
            [this](const QString &title, const QString &message) {
                if (m_tray && m_session->notificationsEnabled())
                    m_tray->showMessage(title, message);
                statusBar()->showMessage(
                    tr("%1: %2", "notification title: text").arg(title, message), 10000);
            });
    connect(
        session, &ConsoleSession::credentialsRequired, this,
        [this](const QString &accountId, const QString &region, const net::ApiError &error) {
            // Ask without a modal dialog and without moving the user's view: the message
            // says which account and why; Accounts ▸ Edit Account takes the new keys.
            QString name = accountId;
            for (const store::Account &account : m_session->accounts()) {
                if (account.id == accountId)
                    name = account.displayName;
            }
            showError(tr("%1 · %2: the keys were refused (%3). Use Accounts ▸ Edit Account "
                         "to enter new ones; polling resumes when they are saved.")
                          .arg(name, region, error.code.isEmpty() ? error.toString() : error.code),
                      true);
            m_statusError->setToolTip(m_statusError->text() + QLatin1Char('\n') + error.toString());
        });
    connect(session, &ConsoleSession::noticesChanged, this, [this](const QStringList &notices) {
        if (!notices.isEmpty())
            statusBar()->showMessage(notices.last(), 15000);
    });
    connect(session, &ConsoleSession::layersReady, m_cachesPage->detailPane(),
            &CacheDetailPane::setLayers);
    connect(m_cachesPage->detailPane(), &CacheDetailPane::layersWanted, this,
            [this](const QString &key) {
                if (const core::ImageCache *cache = m_session->cacheModel()->cacheByKey(key))
                    m_session->requestLayers(*cache);
            });
    connect(m_cachesPage->detailPane(), &CacheDetailPane::imageActivated, this,
            [this](const QString &reference) {
                showImages();
                // The images may still be on their way: select it when they arrive.
                if (!m_imagesPage->selectReference(reference)) {
                    m_pendingImage = reference;
                    m_session->loadImages();
                }
            });
    connect(session, &ConsoleSession::imagesLoaded, this, [this] {
        if (!m_pendingImage.isEmpty() && m_imagesPage->selectReference(m_pendingImage))
            m_pendingImage.clear();
    });
    connect(m_imagesPage, &ImagesPage::detailsWanted, session,
            &ConsoleSession::requestImageDetails);
    connect(session, &ConsoleSession::imageDetailsReady, m_imagesPage, &ImagesPage::showDetails);
    connect(m_cachesPage, &CachesPage::selectionChanged, this, &MainWindow::updateActions);
    // Coverage follows the caches: a poll that turns a cache Ready re-evaluates the view.
    models::CacheTableModel *caches = session->cacheModel();
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(caches, signal, m_coveragePage, &CoveragePage::scheduleEvaluation);
    connect(caches, &QAbstractItemModel::dataChanged, m_coveragePage,
            &CoveragePage::scheduleEvaluation);
    connect(caches, &QAbstractItemModel::modelReset, m_coveragePage,
            &CoveragePage::scheduleEvaluation);
    connect(m_coveragePage, &CoveragePage::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_coveragePage, &CoveragePage::createCacheRequested, this, &MainWindow::createCacheFor);
    connect(m_cachesPage, &CachesPage::contextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu(this);
        menu.addActions({m_newCache, m_updateCache, m_deleteCaches});
        menu.addSeparator();
        menu.addActions({m_copy, m_exportSelection, m_refresh});
        menu.exec(pos);
    });
    connect(session->cacheModel(), &QAbstractItemModel::dataChanged, this,
            &MainWindow::updateActions);

    rebuildNavigation();
    updateActions();
    updateStatusBar();
    restoreWindowState();
}

MainWindow::~MainWindow() = default;

std::unique_ptr<QMessageBox> MainWindow::deleteConfirmation(const QStringList &names,
                                                            QWidget *parent)
{
    const int count = int(names.size());
    QString list = names.mid(0, 15).join(QLatin1Char('\n'));
    if (count > 15)
        list += QLatin1Char('\n') + tr("… and %1 more").arg(count - 15);
    auto box = std::make_unique<QMessageBox>(parent);
    box->setIcon(QMessageBox::Warning);
    box->setWindowTitle(tr("Delete Image Caches"));
    // English has no plural for one: the singular names the cache instead of a count.
    box->setText(count == 1 ? tr("Delete 1 cache?") : tr("Delete %n caches?", nullptr, count));
    box->setInformativeText(
        tr("Pods will no longer start from them. This cannot be undone.\n\n%1").arg(list));
    QPushButton *remove
        = box->addButton(count == 1 ? tr("Delete 1 cache") : tr("Delete %n caches", nullptr, count),
                         QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmDelete"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    return box;
}

void MainWindow::setConfirmDelete(std::function<bool(const QStringList &)> confirm)
{
    m_confirmDelete = std::move(confirm);
}

QAction *MainWindow::action(const QString &objectName) const
{
    return findChild<QAction *>(objectName);
}

void MainWindow::createActions()
{
    const auto make = [this](const QString &name, const QString &text, const QKeySequence &key,
                             const QString &icon, auto slot) {
        auto *action = new QAction(QIcon::fromTheme(icon), text, this);
        action->setObjectName(name);
        if (!key.isEmpty())
            action->setShortcut(key);
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    m_newCache = make(QStringLiteral("newCache"), tr("&New Cache…"), QKeySequence::New,
                      QStringLiteral("document-new"), &MainWindow::newCache);
    m_updateCache
        = make(QStringLiteral("updateCache"), tr("&Update Cache…"), QKeySequence(tr("Ctrl+U")),
               QStringLiteral("document-edit"), &MainWindow::updateCache);
    m_deleteCaches = make(QStringLiteral("deleteCaches"), tr("&Delete…"), QKeySequence::Delete,
                          QStringLiteral("edit-delete"), &MainWindow::deleteCaches);
    m_refresh = make(QStringLiteral("refresh"), tr("&Refresh"), QKeySequence::Refresh,
                     QStringLiteral("view-refresh"), [this] {
                         m_session->refresh();
                         if (m_pages->currentIndex() == ImagesPageIndex)
                             m_session->loadImages(true);
                     });
    m_exportCsv
        = make(QStringLiteral("exportCsv"), tr("&Export View as CSV…"), QKeySequence(tr("Ctrl+E")),
               QStringLiteral("document-save-as"), [this] { exportView(false); });
    m_exportSelection
        = make(QStringLiteral("exportSelection"), tr("Export &Selection as CSV…"),
               QKeySequence(tr("Ctrl+Shift+E")), QString(), [this] { exportView(true); });
    // For scripts and spreadsheets: ids, ISO-8601 UTC times and plain numbers.
    m_exportForTools = make(QStringLiteral("exportCsvForTools"),
                            tr("Export View for &Tools (CSV)…"), QKeySequence(), QString(),
                            [this] { exportView(false, ViewSnapshot::Format::ForTools); });
    m_exportForTools->setToolTip(tr("Every column with machine-readable values: ids, ISO-8601 "
                                    "UTC times, sizes and days as plain numbers"));
    m_copy = make(QStringLiteral("copy"), tr("&Copy"), QKeySequence::Copy,
                  QStringLiteral("edit-copy"), &MainWindow::copy);
    m_find = make(QStringLiteral("find"), tr("&Find…"), QKeySequence::Find,
                  QStringLiteral("edit-find"), &MainWindow::find);
    m_showCaches = make(QStringLiteral("showCaches"), tr("Image &Caches"),
                        QKeySequence(tr("Ctrl+1")), QString(), &MainWindow::showCaches);
    m_showImages = make(QStringLiteral("showImages"), tr("&Images"), QKeySequence(tr("Ctrl+2")),
                        QString(), &MainWindow::showImages);
    m_inspectImage = make(QStringLiteral("inspectImage"), tr("I&nspect Image…"),
                          QKeySequence(tr("Ctrl+I")), QString(), [this] {
                              showImages();
                              m_imagesPage->inspectImage();
                          });
    m_inspectImage->setToolTip(tr("Any image's layers and sizes, from its registry"));
    m_showCoverage = make(QStringLiteral("showCoverage"), tr("C&overage"),
                          QKeySequence(tr("Ctrl+3")), QString(), &MainWindow::showCoverage);
    // Ctrl+3 is the Coverage view's.
    m_showHistory = make(QStringLiteral("showHistory"), tr("&History"), QKeySequence(tr("Ctrl+4")),
                         QString(), &MainWindow::showHistory);
    m_settings = make(QStringLiteral("settings"), tr("&Settings…"), QKeySequence(tr("Ctrl+,")),
                      QStringLiteral("preferences-system"), &MainWindow::openSettings);
    m_addAccount = make(QStringLiteral("addAccount"), tr("&Add Account…"), QKeySequence(),
                        QStringLiteral("list-add"), &MainWindow::addAccount);
    m_editAccount = make(QStringLiteral("editAccount"), tr("&Edit Account…"), QKeySequence(),
                         QString(), &MainWindow::editAccount);
    m_removeAccount = make(QStringLiteral("removeAccount"), tr("&Remove Account…"), QKeySequence(),
                           QStringLiteral("list-remove"), &MainWindow::removeAccount);
    m_importProfiles = make(QStringLiteral("importProfiles"), tr("&Import CLI Profiles…"),
                            QKeySequence(), QString(), &MainWindow::importProfiles);
    m_quit = make(QStringLiteral("quit"), tr("&Quit"), QKeySequence::Quit,
                  QStringLiteral("application-exit"), &QWidget::close);
    m_about = make(QStringLiteral("about"), tr("&About"), QKeySequence(), QString(), [this] {
        QMessageBox::about(this, tr("About ImageCache Console"),
                           tr("ImageCache Console %1\nImage caches of Huawei Cloud CCE Autopilot "
                              "and Alibaba Cloud ECI in one window.")
                               .arg(QApplication::applicationVersion()));
    });
    m_shortcuts
        = make(QStringLiteral("shortcuts"), tr("&Keyboard Shortcuts"), QKeySequence::HelpContents,
               QStringLiteral("help-keyboard-shortcuts"), &MainWindow::showShortcuts);
    m_shortcuts->setShortcuts({QKeySequence(QKeySequence::HelpContents), QKeySequence(tr("?"))});
    m_documentation = make(QStringLiteral("documentation"), tr("&Documentation"), QKeySequence(),
                           QStringLiteral("help-contents"),
                           [] { QDesktopServices::openUrl(documentationUrl()); });
    m_documentation->setToolTip(documentationUrl().toString());
    // Copy and Find belong to the focused table, not to a line edit with a selection.
    m_copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_cachesPage->table()->addAction(m_copy);
    m_historyPage->table()->addAction(m_copy);
}

QUrl MainWindow::documentationUrl()
{
    return QUrl(QStringLiteral(IMAGECACHE_HOMEPAGE "#readme"));
}

QList<std::pair<QString, QString>> MainWindow::shortcutList() const
{
    QList<std::pair<QString, QString>> rows;
    const QList<QAction *> ordered
        = {m_newCache,    m_updateCache, m_deleteCaches, m_refresh,
           m_copy,        m_find,        m_exportCsv,    m_exportSelection,
           m_showCaches,  m_showImages,  m_inspectImage, m_showCoverage,
           m_showHistory, m_settings,    m_shortcuts,    m_quit};
    for (QAction *action : ordered) {
        QStringList keys;
        for (const QKeySequence &key : action->shortcuts())
            keys.append(key.toString(QKeySequence::NativeText));
        if (keys.isEmpty())
            continue;
        rows.append({action->text().remove(QLatin1Char('&')).remove(QStringLiteral("…")),
                     keys.join(tr(" or "))});
    }
    if (const QAction *clear = m_cachesPage->findChild<QAction *>(QStringLiteral("clearFilter")))
        rows.append({tr("Clear the filter"), clear->shortcut().toString(QKeySequence::NativeText)});
    return rows;
}

void MainWindow::showShortcuts()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Keyboard Shortcuts"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *table = new QTableWidget(0, 2);
    table->setObjectName(QStringLiteral("shortcutTable"));
    table->setHorizontalHeaderLabels({tr("Action"), tr("Shortcut")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    for (const auto &[text, keys] : shortcutList()) {
        const int row = table->rowCount();
        table->insertRow(row);
        table->setItem(row, 0, new QTableWidgetItem(text));
        table->setItem(row, 1, new QTableWidgetItem(keys));
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(table);
    auto *docs = new QLabel(tr("More in the <a href=\"%1\">documentation</a>.")
                                .arg(documentationUrl().toString().toHtmlEscaped()));
    docs->setOpenExternalLinks(true);
    layout->addWidget(docs);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(460, 480);
    if (m_prepareShortcuts)
        m_prepareShortcuts(&dialog);
    dialog.exec();
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addActions({m_newCache, m_exportCsv, m_exportSelection, m_exportForTools});
    file->addSeparator();
    file->addAction(m_settings);
    file->addSeparator();
    file->addAction(m_quit);
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addActions({m_copy, m_find});
    QMenu *cache = menuBar()->addMenu(tr("&Cache", "menu"));
    cache->addActions({m_newCache, m_updateCache, m_deleteCaches});
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addActions({m_showCaches, m_showImages, m_inspectImage, m_showCoverage, m_showHistory});
    view->addSeparator();
    view->addAction(m_refresh);
    QMenu *accounts = menuBar()->addMenu(tr("&Accounts"));
    accounts->addActions({m_addAccount, m_editAccount, m_removeAccount, m_importProfiles});
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addActions({m_shortcuts, m_documentation});
    help->addSeparator();
    help->addAction(m_about);
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addActions({m_newCache, m_updateCache, m_deleteCaches});
    bar->addSeparator();
    bar->addActions({m_refresh, m_exportCsv});
    bar->addSeparator();
    bar->addAction(m_addAccount);
}

void MainWindow::createNavigation()
{
    m_navigationModel = new QStandardItemModel(this);
    m_navigation = new QTreeView;
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setModel(m_navigationModel);
    m_navigation->setHeaderHidden(true);
    m_navigation->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_navigation->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_navigation->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onNavigationChanged);
}

void MainWindow::updateAccountBadges()
{
    // Accounts whose keys a provider refused: a warning badge and the reason as tooltip, until
    // new keys are accepted.
    QHash<QString, QString> refused; // account id -> provider's answer
    for (const RegionStatus &status : m_session->statuses()) {
        if (status.credentialsRequired)
            refused.insert(status.accountId, status.lastError.toString());
    }
    const QIcon badge = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (int top = 0; top < m_navigationModel->rowCount(); ++top) {
        QStandardItem *page = m_navigationModel->item(top);
        for (int row = 0; row < page->rowCount(); ++row) {
            QStandardItem *item = page->child(row);
            const QString id = item->data(AccountIdRole).toString();
            const auto it = refused.constFind(id);
            const QString base = item->data(BaseToolTipRole).isValid()
                                     ? item->data(BaseToolTipRole).toString()
                                     : item->toolTip();
            item->setData(base, BaseToolTipRole);
            if (it == refused.constEnd()) {
                if (!item->icon().isNull())
                    item->setIcon(QIcon());
                item->setToolTip(base);
                continue;
            }
            item->setIcon(badge);
            item->setToolTip(tr("%1\nThe keys were refused: %2\nUse Accounts ▸ Edit Account to "
                                "enter new ones.")
                                 .arg(base, it.value()));
        }
    }
}

void MainWindow::rebuildNavigation()
{
    const QModelIndex current = m_navigation->currentIndex();
    const int page = current.isValid() ? current.data(PageRole).toInt() : CachesPageIndex;
    const QString account = current.data(AccountIdRole).toString();
    const QString region = current.data(RegionRole).toString();

    m_navigationModel->clear();
    QModelIndex restore;
    for (int p : {CachesPageIndex, ImagesPageIndex, HistoryPageIndex}) {
        auto *top = new QStandardItem(p == CachesPageIndex   ? tr("Image caches")
                                      : p == ImagesPageIndex ? tr("Images")
                                                             : tr("History"));
        top->setData(p, PageRole);
        m_navigationModel->appendRow(top);
        if (p == page && account.isEmpty())
            restore = top->index();
        for (const store::Account &a : m_session->accounts()) {
            auto *accountItem = new QStandardItem(a.displayName);
            accountItem->setToolTip(
                tr("%1 (%2)").arg(a.displayName, models::Presentation::providerName(a.provider)));
            accountItem->setData(p, PageRole);
            accountItem->setData(a.id, AccountIdRole);
            top->appendRow(accountItem);
            if (p == page && a.id == account && region.isEmpty())
                restore = accountItem->index();
            if (p == HistoryPageIndex)
                continue; // the journal is per account
            for (const store::AccountRegion &r : a.regions) {
                auto *regionItem = new QStandardItem(r.region);
                regionItem->setData(p, PageRole);
                regionItem->setData(a.id, AccountIdRole);
                regionItem->setData(r.region, RegionRole);
                accountItem->appendRow(regionItem);
                if (p == page && a.id == account && r.region == region)
                    restore = regionItem->index();
            }
        }
    }
    auto *coverage = new QStandardItem(tr("Coverage"));
    coverage->setData(CoveragePageIndex, PageRole);
    m_navigationModel->appendRow(coverage);
    if (page == CoveragePageIndex)
        restore = coverage->index();
    m_navigation->expandAll();
    m_navigation->setCurrentIndex(restore.isValid() ? restore : m_navigationModel->index(0, 0));
    updateAccountBadges();
    m_navigation->addActions({m_addAccount, m_editAccount, m_removeAccount});
    onNavigationChanged();
}

void MainWindow::onNavigationChanged()
{
    const QModelIndex current = m_navigation->currentIndex();
    const int page = current.data(PageRole).toInt();
    const QString account = current.data(AccountIdRole).toString();
    const QString region = current.data(RegionRole).toString();
    // Nothing to list without an account: the welcome page says how to start.
    const bool welcome
        = m_session->accounts().isEmpty() && (page == CachesPageIndex || page == ImagesPageIndex);
    m_pages->setCurrentIndex(welcome ? WelcomePageIndex : page);
    m_cachesPage->setScope(account, region);
    m_imagesPage->setScope(account, region);
    m_historyPage->setScope(account);
    if (page == ImagesPageIndex)
        m_session->loadImages();
    if (page == HistoryPageIndex)
        m_session->refreshJournal(); // entries the CLI wrote meanwhile
    updateActions();
}

QString MainWindow::currentAccountId() const
{
    return m_navigation->currentIndex().data(AccountIdRole).toString();
}

void MainWindow::showCaches()
{
    m_navigation->setCurrentIndex(m_navigationModel->index(CachesPageIndex, 0));
}

void MainWindow::showImages()
{
    m_navigation->setCurrentIndex(m_navigationModel->index(ImagesPageIndex, 0));
}

void MainWindow::showHistory()
{
    m_navigation->setCurrentIndex(m_navigationModel->index(HistoryPageIndex, 0));
}

void MainWindow::setSettingsDialogHook(std::function<void(SettingsDialog *)> prepare)
{
    m_prepareSettings = std::move(prepare);
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(this);
    ConsoleSettings current = ConsoleSettings::load();
    current.storeUrl = m_session->storeUrl();
    dialog.setSettings(current);
    connect(&dialog, &SettingsDialog::testRequested, this,
            [this, &dialog](const QUrl &url) { dialog.setTestRun(m_session->testStore(url)); });
    connect(m_session, &ConsoleSession::storeTestResult, &dialog, &SettingsDialog::showTestResult);
    if (m_prepareSettings)
        m_prepareSettings(&dialog);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const ConsoleSettings chosen = dialog.settings();
    const QString password = dialog.password();
    chosen.save(); // never with the password: that goes to the keychain (switchStore)
    m_session->setNotificationsEnabled(chosen.notifications);
    m_session->setExpiryWarningDays(chosen.expiryWarningDays);
    m_session->setPollIntervals(qint64(chosen.slowPollSeconds) * 1000,
                                qint64(chosen.fastPollSeconds) * 1000);
    if (chosen.storeUrl != current.storeUrl || !password.isEmpty())
        m_session->switchStore(chosen.storeUrl, password);
    if (chosen.language != current.language)
        statusBar()->showMessage(tr("The language changes at the next start."), 10000);
}

void MainWindow::showCoverage()
{
    m_navigation->setCurrentIndex(m_navigationModel->index(CoveragePageIndex, 0));
    m_coveragePage->table()->setFocus();
}

void MainWindow::createCacheFor(core::Provider provider, const QStringList &images)
{
    QList<CacheTarget> targets;
    for (const CacheTarget &target : m_session->targets()) {
        if (target.provider == provider)
            targets.append(target);
    }
    if (targets.isEmpty())
        return;
    CreateCacheDialog dialog(CreateCacheDialog::Mode::Create, targets, this);
    dialog.setValidationContext(m_session->validationContext());
    attachImagePreflight(dialog);
    dialog.prefill(targets.constFirst(), images);
    if (dialog.exec() == QDialog::Accepted)
        m_session->createCache(dialog.target(), dialog.spec());
}

void MainWindow::updateActions()
{
    const bool caches = m_pages->currentIndex() == CachesPageIndex;
    const QList<core::ImageCache> selected = m_cachesPage->selectedCaches();
    m_newCache->setEnabled(!m_session->targets().isEmpty());
    m_newCache->setToolTip(m_session->targets().isEmpty()
                               ? tr("Add an account first (Accounts ▸ Add Account…).")
                               : QString());
    // ECI only, and only from Ready / UpdateFailed: the provider refuses anything else.
    m_updateCache->setEnabled(caches && selected.size() == 1
                              && m_session->canUpdate(selected.first()));
    m_deleteCaches->setEnabled(caches && !selected.isEmpty());
    m_exportSelection->setEnabled(!caches || !selected.isEmpty());
    m_editAccount->setEnabled(!currentAccountId().isEmpty());
    m_removeAccount->setEnabled(!currentAccountId().isEmpty());
}

void MainWindow::updateStatusBar()
{
    QStringList parts;
    int inFlight = 0;
    const RegionStatus *latestError = nullptr;
    const QList<RegionStatus> statuses = m_session->statuses();
    for (const RegionStatus &status : statuses) {
        inFlight += status.requestsInFlight;
        QString text = tr("%1 · %2: ").arg(status.accountName, status.region);
        if (status.credentialsRequired)
            text += tr("credentials required");
        else if (status.lastRefresh.isValid())
            text += tr("updated %1")
                        .arg(QLocale().toString(status.lastRefresh.toLocalTime().time(),
                                                QLocale::ShortFormat));
        else
            text += tr("not yet refreshed");
        parts.append(text);
        if (status.lastError.isError())
            latestError = &status;
    }
    // Only while something is under way: "0 requests" says nothing.
    if (inFlight == 1)
        parts.append(tr("1 request in flight"));
    else if (inFlight > 1)
        parts.append(tr("%n requests in flight", nullptr, inFlight));
    m_statusSummary->setText(parts.join(QStringLiteral("   ")));
    if (latestError) {
        showError(tr("%1 · %2: %3")
                      .arg(latestError->accountName, latestError->region,
                           latestError->lastError.toString()),
                  true);
    } else if (m_errorFromPolling) {
        showError(QString(), true); // every region polls fine again
    }
}

void MainWindow::showRequestNotice(const QString &text, const QString &key, bool failed)
{
    const QString link
        = m_session->cacheModel()->cacheByKey(key)
              ? QStringLiteral(" <a href=\"%1\">%2</a>").arg(key.toHtmlEscaped(), tr("Show events"))
              : QString();
    m_requestNotice->setText(
        (failed ? QStringLiteral("<b>%1</b>") : QStringLiteral("%1")).arg(text.toHtmlEscaped())
        + link);
    m_requestNotice->setToolTip(text);
    m_requestNotice->show();
}

void MainWindow::showError(const QString &text, bool fromPolling)
{
    m_statusError->setText(text);
    m_statusError->setToolTip(text);
    m_errorFromPolling = fromPolling && !text.isEmpty();
}

void MainWindow::newCache()
{
    const QList<CacheTarget> targets = m_session->targets();
    if (targets.isEmpty())
        return;
    CreateCacheDialog dialog(CreateCacheDialog::Mode::Create, targets, this);
    dialog.setValidationContext(m_session->validationContext());
    attachImagePreflight(dialog);
    if (dialog.exec() == QDialog::Accepted)
        m_session->createCache(dialog.target(), dialog.spec());
}

registry::ImagePreflight *MainWindow::newImagePreflight()
{
    // The session's registry client, with the stored login of each image's registry applied
    // before it is asked (the form's own login, when given, on a client of the checker's own).
    ConsoleSession *session = m_session;
    return new registry::ImagePreflight(
        session->registryClient(),
        [session](const QString &domain) { return session->applyRegistryLogin(domain); });
}

void MainWindow::attachImagePreflight(CreateCacheDialog &dialog)
{
    dialog.setImagePreflight(newImagePreflight());
}

void MainWindow::updateCache()
{
    const QList<core::ImageCache> selected = m_cachesPage->selectedCaches();
    if (selected.size() != 1 || !m_session->canUpdate(selected.first()))
        return;
    CreateCacheDialog dialog(CreateCacheDialog::Mode::Update, m_session->targets(), this);
    dialog.setValidationContext(m_session->validationContext());
    attachImagePreflight(dialog);
    dialog.setCache(m_session->cacheForUpdate(selected.first()));
    if (dialog.exec() == QDialog::Accepted)
        m_session->updateCache(selected.first(), dialog.spec());
}

void MainWindow::deleteCaches()
{
    const QList<core::ImageCache> selected = m_cachesPage->selectedCaches();
    if (selected.isEmpty())
        return;
    QStringList names;
    for (const core::ImageCache &cache : selected)
        names.append(tr("%1 (%2, %3)").arg(cache.name, cache.region, cache.id));
    if (m_confirmDelete(names))
        m_session->deleteCaches(selected);
}

QTableView *MainWindow::currentTable() const
{
    switch (m_pages->currentIndex()) {
    case CachesPageIndex:
        return m_cachesPage->table();
    case CoveragePageIndex:
        return m_coveragePage->table();
    case HistoryPageIndex:
        return m_historyPage->table();
    default:
        return m_imagesPage->table();
    }
}

void MainWindow::exportView(bool selectionOnly, ViewSnapshot::Format format)
{
    QSettings settings;
    const QString dir
        = settings
              .value(QStringLiteral("Export/Directory"),
                     QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
              .toString();
    const int page = m_pages->currentIndex();
    const QString name = page == CachesPageIndex    ? QStringLiteral("caches.csv")
                         : page == ImagesPageIndex  ? QStringLiteral("images.csv")
                         : page == HistoryPageIndex ? QStringLiteral("history.csv")
                                                    : QStringLiteral("coverage.csv");
    const bool tools = format == ViewSnapshot::Format::ForTools;
    const QString fileName
        = QFileDialog::getSaveFileName(this,
                                       tools           ? tr("Export View for Tools")
                                       : selectionOnly ? tr("Export Selection as CSV")
                                                       : tr("Export View as CSV"),
                                       dir + QLatin1Char('/') + name, tr("CSV files (*.csv)"));
    if (fileName.isEmpty())
        return;
    settings.setValue(QStringLiteral("Export/Directory"), QFileInfo(fileName).absolutePath());

    // The view is read here (models live on this thread); the file is written elsewhere.
    QTableView *table = currentTable();
    const ViewSnapshot snapshot = ViewSnapshot::take(table, selectionOnly, format);
    auto *error = new QString;
    auto *ok = new bool(false);
    // The byte order mark helps spreadsheets guess UTF-8; tools read plain UTF-8.
    QThread *writer = QThread::create([snapshot, fileName, error, ok, tools] {
        *ok = ViewExport::writeCsv(snapshot, fileName, !tools, error);
    });
    connect(writer, &QThread::finished, this, [this, writer, error, ok, fileName, snapshot] {
        if (*ok)
            statusBar()->showMessage(
                tr("Exported %n row(s) to %1", nullptr, int(snapshot.rows.size())).arg(fileName),
                10000);
        else
            showError(*error, false);
        delete error;
        delete ok;
        writer->deleteLater();
    });
    writer->start();
}

void MainWindow::copy()
{
    if (m_pages->currentIndex() == CachesPageIndex)
        m_cachesPage->copySelection();
    else if (m_pages->currentIndex() == HistoryPageIndex)
        m_historyPage->copySelection();
    else
        m_imagesPage->copySelection();
}

void MainWindow::find()
{
    if (m_pages->currentIndex() == CachesPageIndex)
        m_cachesPage->focusFilter();
    else if (m_pages->currentIndex() == HistoryPageIndex)
        m_historyPage->focusFilter();
    else
        m_imagesPage->focusFilter();
}

void MainWindow::openAccountDialog(const QString &accountId)
{
    AccountDialog dialog(this);
    dialog.setSecretsPersistent(m_session->secretsPersistent());
    for (const store::Account &account : m_session->accounts()) {
        if (account.id == accountId)
            dialog.setAccount(account);
    }
    connect(&dialog, &AccountDialog::testConnectionRequested, this,
            [this, &dialog](const store::Account &account, const AccountSecrets &secrets) {
                dialog.setTestRun(m_session->testConnection(account, secrets));
            });
    connect(m_session, &ConsoleSession::testResult, &dialog, &AccountDialog::showTestResult);
    if (dialog.exec() == QDialog::Accepted)
        m_session->saveAccount(dialog.account(), dialog.secrets());
}

void MainWindow::addAccount()
{
    openAccountDialog(QString());
}

void MainWindow::editAccount()
{
    if (!currentAccountId().isEmpty())
        openAccountDialog(currentAccountId());
}

void MainWindow::removeAccount()
{
    const QString id = currentAccountId();
    for (const store::Account &account : m_session->accounts()) {
        if (account.id != id)
            continue;
        const auto answer = QMessageBox::question(
            this, tr("Remove Account"),
            tr("Remove the account \"%1\" from this console? Its stored caches and its keys in "
               "the keychain are removed too; nothing changes in the cloud.")
                .arg(account.displayName),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer == QMessageBox::Yes)
            m_session->removeAccount(id);
    }
}

QWidget *MainWindow::currentPage() const
{
    return m_pages->currentWidget();
}

void MainWindow::importProfiles()
{
    // The CLIs keep their profiles in hidden folders: start in the first one that exists,
    // with hidden files shown and both folders in the sidebar.
    const QString home = QDir::homePath();
    const QStringList profiles = WelcomePage::defaultProfiles(home);
    QFileDialog dialog(this, tr("Import CLI Profiles"));
    dialog.setOption(QFileDialog::DontUseNativeDialog, true);
    dialog.setFileMode(QFileDialog::ExistingFile);
    dialog.setAcceptMode(QFileDialog::AcceptOpen);
    dialog.setFilter(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    dialog.setNameFilters(
        {tr("aliyun CLI or KooCLI configuration (config.json)"), tr("All files (*)")});
    QList<QUrl> sidebar{QUrl::fromLocalFile(home)};
    for (const QString &folder : {QStringLiteral(".aliyun"), QStringLiteral(".hcloud")}) {
        if (QFileInfo(QDir(home).filePath(folder)).isDir())
            sidebar.append(QUrl::fromLocalFile(QDir(home).filePath(folder)));
    }
    dialog.setSidebarUrls(sidebar);
    if (profiles.isEmpty()) {
        dialog.setDirectory(home);
    } else {
        dialog.setDirectory(QFileInfo(profiles.constFirst()).absolutePath());
        dialog.selectFile(profiles.constFirst());
    }
    if (m_prepareImport)
        m_prepareImport(&dialog);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    m_session->importProfiles(dialog.selectedFiles().constFirst());
}

void MainWindow::restoreWindowState()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("MainWindow/Geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("MainWindow/State")).toByteArray());
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("mainSplitter"))) {
        const QByteArray state
            = settings.value(QStringLiteral("MainWindow/Splitter")).toByteArray();
        if (!state.isEmpty())
            splitter->restoreState(state);
    }
    m_cachesPage->restoreState(settings);
    m_imagesPage->restoreState(settings);
    m_historyPage->restoreState(settings);
    if (!settings.contains(QStringLiteral("MainWindow/Geometry")))
        resize(1280, 800);
}

void MainWindow::saveWindowState() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("MainWindow/Geometry"), saveGeometry());
    settings.setValue(QStringLiteral("MainWindow/State"), saveState());
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("mainSplitter")))
        settings.setValue(QStringLiteral("MainWindow/Splitter"), splitter->saveState());
    m_cachesPage->saveState(settings);
    m_imagesPage->saveState(settings);
    m_historyPage->saveState(settings);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    event->accept();
}

void MainWindow::changeEvent(QEvent *event)
{
    // A minimised window polls slower.
    if (event->type() == QEvent::WindowStateChange)
        m_session->setWindowVisible(!isMinimized());
    QMainWindow::changeEvent(event);
}

} // namespace ui
