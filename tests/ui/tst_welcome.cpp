// The first start without an account: the window shows the welcome page and its three ways in.

#include "ui/accountdialog.h"
#include "ui/consolesession.h"
#include "ui/mainwindow.h"
#include "ui/welcomepage.h"

#include "store/databaseurl.h"
#include "store/memorycredentialstore.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

class TestWelcome final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void noAccountShowsTheWelcomePage();
    void addAccountOpensTheAccountDialog();
    void importStartsInTheCliFoldersWithHiddenFiles();
    void tryTheDemoStartsIt();

private:
    QTemporaryDir m_home;
    QTemporaryDir m_dir;
    std::unique_ptr<ui::ConsoleSession> m_session;
    std::unique_ptr<ui::MainWindow> m_window;
};

void TestWelcome::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_home.isValid());
    // A home with the aliyun CLI's profile where the CLI keeps it.
    QVERIFY(QDir(m_home.path()).mkpath(QStringLiteral(".aliyun")));
    QFile config(m_home.filePath(QStringLiteral(".aliyun/config.json")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(R"({"current":"default","profiles":[]})");
    config.close();
    qputenv("HOME", m_home.path().toLocal8Bit());
}

void TestWelcome::init()
{
    ui::ConsoleSession::Options options;
    options.storeUrl = store::DatabaseUrl::sqliteUrl(
        m_dir.filePath(QStringLiteral("%1.db").arg(QTest::currentTestFunction())));
    options.credentials = std::make_shared<store::MemoryCredentialStore>();
    m_session = std::make_unique<ui::ConsoleSession>(options);
    m_window = std::make_unique<ui::MainWindow>(m_session.get());
    m_window->show();
    m_session->start();
}

void TestWelcome::cleanup()
{
    m_window.reset();
    m_session.reset();
}

void TestWelcome::noAccountShowsTheWelcomePage()
{
    QTRY_COMPARE(m_window->currentPage(), m_window->welcomePage());
    ui::WelcomePage *page = m_window->welcomePage();
    QVERIFY(page->addAccountButton()->isVisible());
    QVERIFY(page->importButton()->isVisible());
    QVERIFY(page->demoButton()->isVisible());
    // New Cache says why it is greyed out.
    QAction *newCache = m_window->action(QStringLiteral("newCache"));
    QVERIFY(!newCache->isEnabled());
    QVERIFY(newCache->toolTip().contains(QLatin1String("account")));
    // Images needs an account too; History and Coverage do not.
    m_window->showImages();
    QCOMPARE(m_window->currentPage(), m_window->welcomePage());
    m_window->showHistory();
    QVERIFY(m_window->currentPage() != m_window->welcomePage());
}

void TestWelcome::addAccountOpensTheAccountDialog()
{
    bool opened = false;
    QTimer::singleShot(0, this, [&] {
        QWidget *modal = QApplication::activeModalWidget();
        opened = qobject_cast<ui::AccountDialog *>(modal) != nullptr;
        if (modal)
            qobject_cast<QDialog *>(modal)->reject();
    });
    m_window->welcomePage()->addAccountButton()->click();
    QVERIFY(opened);
}

void TestWelcome::importStartsInTheCliFoldersWithHiddenFiles()
{
    QString directory;
    QStringList selected;
    bool hidden = false;
    m_window->setImportDialogHook([&](QFileDialog *dialog) {
        directory = dialog->directory().absolutePath();
        selected = dialog->selectedFiles();
        hidden = dialog->filter().testFlag(QDir::Hidden);
        QTimer::singleShot(0, dialog, &QDialog::reject);
    });
    m_window->welcomePage()->importButton()->click();
    QCOMPARE(directory, QDir(m_home.filePath(QStringLiteral(".aliyun"))).absolutePath());
    QVERIFY(hidden);
    QCOMPARE(selected.value(0), m_home.filePath(QStringLiteral(".aliyun/config.json")));
    QCOMPARE(ui::WelcomePage::defaultProfiles(m_home.path()),
             QStringList{m_home.filePath(QStringLiteral(".aliyun/config.json"))});
}

void TestWelcome::tryTheDemoStartsIt()
{
    int launched = 0;
    m_window->setDemoLauncher([&] {
        ++launched;
        return true;
    });
    m_window->welcomePage()->demoButton()->click();
    QCOMPARE(launched, 1);
}

QTEST_MAIN(TestWelcome)
#include "tst_welcome.moc"
