#pragma once

#include "core/provider.h"
#include "viewexport.h"

#include <QMainWindow>

#include <functional>
#include <memory>
#include <utility>

class QAction;
class QDialog;
class QFileDialog;
class QMessageBox;
class QUrl;
class QLabel;
class QStackedWidget;
class QStandardItemModel;
class QTableView;
class QSystemTrayIcon;
class QTableView;
class QTreeView;

namespace registry {
class ImagePreflight;
}

namespace ui {

class CachesPage;
class CreateCacheDialog;
class ConsoleSession;
class HistoryPage;
class CoveragePage;
class ImagesPage;
class SettingsDialog;
class WelcomePage;

// The console's window: accounts and views on the left, the current table with its detail pane
// in the centre, per-account refresh state and the last error in the status bar. Every action
// is in a menu and the toolbar and has a shortcut; the window holds no data of its own.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    explicit MainWindow(ConsoleSession *session, QWidget *parent = nullptr);
    ~MainWindow() override;

    CachesPage *cachesPage() const { return m_cachesPage; }
    ImagesPage *imagesPage() const { return m_imagesPage; }
    HistoryPage *historyPage() const { return m_historyPage; }
    CoveragePage *coveragePage() const { return m_coveragePage; }
    // Shown instead of the caches and images while no account is set up.
    WelcomePage *welcomePage() const { return m_welcomePage; }
    QWidget *currentPage() const;
    // Accounts ▸ Import CLI Profiles: `prepare` (tests) sees the file dialog before it runs.
    void setImportDialogHook(std::function<void(QFileDialog *)> prepare)
    {
        m_prepareImport = std::move(prepare);
    }
    // "Try the demo": starts the demo console; replaceable in tests. True when it started.
    void setDemoLauncher(std::function<bool()> launch) { m_launchDemo = std::move(launch); }
    QTreeView *navigation() const { return m_navigation; }
    QAction *action(const QString &objectName) const;
    // The in-window notice of the last request that reached its end (hidden until one did).
    QLabel *requestNotice() const { return m_requestNotice; }
    // The confirmation dialog of Delete is replaceable in tests.
    void setConfirmDelete(std::function<bool(const QStringList &names)> confirm);
    // The dialog Delete asks with: "Delete 2 caches?", buttons "Delete 2 caches" / "Cancel".
    static std::unique_ptr<QMessageBox> deleteConfirmation(const QStringList &names,
                                                           QWidget *parent = nullptr);
    // Help ▸ Keyboard Shortcuts (F1, ?): action text → its keys, for every action with one.
    QList<std::pair<QString, QString>> shortcutList() const;
    void showShortcuts();
    // Tests and screenshots see the shortcut sheet before it runs (and may close it).
    void setShortcutsDialogHook(std::function<void(QDialog *)> prepare)
    {
        m_prepareShortcuts = std::move(prepare);
    }
    static QUrl documentationUrl();
    // An image checker on the console's registry client, as the create dialog and the Images
    // view's registry layers use it.
    registry::ImagePreflight *newImagePreflight();

    void showCaches();
    void showImages();
    void showHistory();
    // File ▸ Settings; `prepare` (tests, screenshots) sees the dialog before it runs.
    void openSettings();
    void setSettingsDialogHook(std::function<void(SettingsDialog *)> prepare);
    void showCoverage();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createNavigation();
    void rebuildNavigation();
    void updateAccountBadges();
    void updateActions();
    void updateStatusBar();
    void onNavigationChanged();

    void newCache();
    // Checks the dialog's images with their registries through the window's registry client.
    void attachImagePreflight(CreateCacheDialog &dialog);
    QTableView *currentTable() const;
    void createCacheFor(core::Provider provider, const QStringList &images);
    void updateCache();
    void deleteCaches();
    void exportView(bool selectionOnly,
                    ViewSnapshot::Format format = ViewSnapshot::Format::AsShown);
    void copy();
    void find();
    void addAccount();
    void editAccount();
    void removeAccount();
    void importProfiles();
    void openAccountDialog(const QString &accountId);
    QString currentAccountId() const;
    // The last error in the status bar; a polling error clears itself when polls succeed.
    void showError(const QString &text, bool fromPolling);
    // A followed request reached its end (RequestTracker::settled).
    void showRequestNotice(const QString &text, const QString &key, bool failed);
    void restoreWindowState();
    void saveWindowState() const;

    ConsoleSession *m_session;
    QTreeView *m_navigation = nullptr;
    QStandardItemModel *m_navigationModel = nullptr;
    QStackedWidget *m_pages = nullptr;
    CachesPage *m_cachesPage = nullptr;
    ImagesPage *m_imagesPage = nullptr;
    HistoryPage *m_historyPage = nullptr;
    std::function<void(SettingsDialog *)> m_prepareSettings;
    CoveragePage *m_coveragePage = nullptr;
    WelcomePage *m_welcomePage = nullptr;
    std::function<void(QFileDialog *)> m_prepareImport;
    std::function<bool()> m_launchDemo;
    QLabel *m_statusSummary = nullptr;
    QLabel *m_statusError = nullptr;
    QLabel *m_requestNotice = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    std::function<bool(const QStringList &)> m_confirmDelete;
    QString m_pendingImage; // opened from a cache before the images were listed
    bool m_errorFromPolling = false;

    QAction *m_newCache = nullptr;
    QAction *m_updateCache = nullptr;
    QAction *m_deleteCaches = nullptr;
    QAction *m_refresh = nullptr;
    QAction *m_showCoverage = nullptr;
    QAction *m_exportCsv = nullptr;
    QAction *m_exportSelection = nullptr;
    QAction *m_exportForTools = nullptr;
    QAction *m_copy = nullptr;
    QAction *m_find = nullptr;
    QAction *m_showCaches = nullptr;
    QAction *m_showImages = nullptr;
    QAction *m_inspectImage = nullptr;
    QAction *m_showHistory = nullptr;
    QAction *m_settings = nullptr;
    QAction *m_addAccount = nullptr;
    QAction *m_editAccount = nullptr;
    QAction *m_removeAccount = nullptr;
    QAction *m_importProfiles = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_about = nullptr;
    QAction *m_shortcuts = nullptr;
    QAction *m_documentation = nullptr;
    std::function<void(QDialog *)> m_prepareShortcuts;
};

} // namespace ui
