// The console as a desktop application, offscreen against the in-process emulator: the History
// view over entries written by the console and the CLI (and `imagecache journal` over the same
// store), the Settings dialog switching from SQLite to the test PostgreSQL cluster and back
// with nothing lost, and two consoles sharing one PostgreSQL store, where one creates and
// deletes and the other shows both within 2 s without a cloud call of its own.

#include "ui/consolesession.h"
#include "ui/historypage.h"
#include "ui/mainwindow.h"
#include "ui/settingsdialog.h"

#include "csv/csvreader.h"
#include "emulator/emulator.h"
#include "models/cachetablemodel.h"
#include "models/journalfilterproxymodel.h"
#include "models/journalmodel.h"
#include "net/apiclient.h"
#include "store/databaseurl.h"
#include "store/memorycredentialstore.h"
#include "store/schema.h"
#include "store/store.h"
#include "store/storepassword.h"
#include "sync/sharedinventory.h"

#include "storetestsupport.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using models::CacheTableModel;
using models::JournalModel;

namespace {

const QString region = QString::fromLatin1(emulator::demo::AlibabaRegion);

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Counts the provider calls one console's own ApiClient finished, by operation.
class CallCounter
{
public:
    explicit CallCounter(ui::ConsoleSession *session)
    {
        auto *client = session->findChild<net::ApiClient *>();
        if (client)
            QObject::connect(
                client, &net::ApiClient::callFinished, client,
                [this](const QString &operation, const net::ApiError &) { ++m_counts[operation]; });
        m_found = client != nullptr;
    }
    bool found() const { return m_found; }
    int count(const QString &operation) const { return m_counts.value(operation); }

private:
    QHash<QString, int> m_counts;
    bool m_found = false;
};

} // namespace

class TestDesktop final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void historyShowsEntriesOfTheConsoleAndTheCli();
    void settingsSwitchFromSqliteToPostgresAndBackLosesNothing();
    void twoConsolesOnPostgresSeeEachOthersChangesWithoutPolling();

private:
    store::Account account() const;
    bool addAccount(const QUrl &storeUrl);
    std::unique_ptr<ui::ConsoleSession> makeSession(const QUrl &storeUrl, qint64 slowPollMs);
    QProcessEnvironment cliEnvironment(const QString &storeFile) const;
    Run cli(const QStringList &arguments, const QProcessEnvironment &environment);
    // Answers the Settings dialog: `fill` sets the fields; OK is pressed once `ready` holds.
    void answerSettings(ui::MainWindow *window, std::function<void(ui::SettingsDialog *)> fill,
                        std::function<bool(ui::SettingsDialog *)> ready);
    QString postgresSkipReason();

    QTemporaryDir m_dir;
    storetest::Backend m_postgres;
    QString m_postgresProblem;
    std::unique_ptr<emulator::Emulator> m_emulator;
    std::shared_ptr<store::MemoryCredentialStore> m_credentials;
};

void TestDesktop::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    // The console's settings file in a folder of this run, so the test can read it back.
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("config")));
    QCoreApplication::setOrganizationName(QStringLiteral("ImageCacheConsole"));
    QCoreApplication::setApplicationName(QStringLiteral("imagecache-console"));
    m_postgresProblem = m_postgres.prepare();
}

void TestDesktop::init()
{
    QSettings().clear();
    emulator::Options options;
    options.timings.alibabaPrepareMs = 200;
    options.timings.alibabaCreateMs = 1200;
    m_emulator = std::make_unique<emulator::Emulator>(options);
    QVERIFY(m_emulator->listen() != 0);
    m_emulator->addAlibabaCaches(region, 2);
    m_credentials = std::make_shared<store::MemoryCredentialStore>();
    m_credentials->writeNow(store::CredentialStore::secretKey(QStringLiteral("ali")),
                            QString::fromLatin1(emulator::demo::AlibabaAccessKeySecret));
}

void TestDesktop::cleanup()
{
    m_emulator.reset();
}

QString TestDesktop::postgresSkipReason()
{
    return m_postgresProblem;
}

store::Account TestDesktop::account() const
{
    store::Account a;
    a.id = QStringLiteral("ali");
    a.provider = core::Provider::Alibaba;
    a.displayName = QStringLiteral("Alibaba test");
    a.regions = {{region, m_emulator->baseUrl(), QString()}};
    a.accessKeyId = QString::fromLatin1(emulator::demo::AlibabaAccessKeyId);
    return a;
}

bool TestDesktop::addAccount(const QUrl &storeUrl)
{
    store::Store s;
    if (!s.open(storeUrl))
        return false;
    return s.addAccount(account());
}

std::unique_ptr<ui::ConsoleSession> TestDesktop::makeSession(const QUrl &storeUrl,
                                                             qint64 slowPollMs)
{
    ui::ConsoleSession::Options options;
    options.storeUrl = storeUrl;
    options.credentials = m_credentials;
    options.slowPollMs = slowPollMs;
    options.fastPollMs = 300;
    return std::make_unique<ui::ConsoleSession>(options);
}

QProcessEnvironment TestDesktop::cliEnvironment(const QString &storeFile) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK", "CLOUD_SDK_AK",
                             "CLOUD_SDK_SK", "IMAGECACHE_STORE_URL", "IMAGECACHE_REGION"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("IMAGECACHE_STORE"), storeFile);
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=/nonexistent/imagecache-test-bus"));
    env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"),
               QString::fromLatin1(emulator::demo::AlibabaAccessKeyId));
    env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"),
               QString::fromLatin1(emulator::demo::AlibabaAccessKeySecret));
    return env;
}

Run TestDesktop::cli(const QStringList &arguments, const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(IMAGECACHE_CLI_PATH), arguments);
    Run r;
    if (!process.waitForStarted(10000))
        return r;
    // The emulator lives in this thread: its event loop runs while the CLI works.
    if (!finished.wait(60000)) {
        process.kill();
        process.waitForFinished(5000);
    }
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = process.readAllStandardOutput();
    r.err = process.readAllStandardError();
    return r;
}

void TestDesktop::answerSettings(ui::MainWindow *window,
                                 std::function<void(ui::SettingsDialog *)> fill,
                                 std::function<bool(ui::SettingsDialog *)> ready)
{
    window->setSettingsDialogHook([fill, ready](ui::SettingsDialog *dialog) {
        QTimer::singleShot(0, dialog, [dialog, fill] { fill(dialog); });
        auto *wait = new QTimer(dialog);
        wait->setInterval(50);
        auto *elapsed = new QElapsedTimer;
        elapsed->start();
        QObject::connect(wait, &QTimer::timeout, dialog, [dialog, ready, wait, elapsed] {
            if (ready(dialog)) {
                wait->stop();
                delete elapsed;
                dialog->buttons()->button(QDialogButtonBox::Ok)->click();
            } else if (elapsed->elapsed() > 30000) {
                wait->stop();
                delete elapsed;
                qWarning() << "settings dialog never got ready:"
                           << dialog->testResultLabel()->text();
                dialog->reject();
            }
        });
        wait->start();
    });
    window->action(QStringLiteral("settings"))->trigger();
}

void TestDesktop::historyShowsEntriesOfTheConsoleAndTheCli()
{
    const QString storeFile = m_dir.filePath(QStringLiteral("history.db"));
    const QUrl storeUrl = store::DatabaseUrl::sqliteUrl(storeFile);
    QVERIFY(addAccount(storeUrl));
    auto session = makeSession(storeUrl, 400);
    ui::MainWindow window(session.get());
    window.show();
    session->start();
    QTRY_COMPARE_WITH_TIMEOUT(session->cacheModel()->rowCount(), 2, 15000);

    // The console deletes a cache, as a user does: select it, Delete, confirm.
    window.setConfirmDelete([](const QStringList &) { return true; });
    QTableView *caches = window.findChild<QTableView *>(QStringLiteral("cacheTable"));
    QVERIFY(caches);
    caches->setFocus();
    caches->selectionModel()->setCurrentIndex(caches->model()->index(0, 0),
                                              QItemSelectionModel::ClearAndSelect
                                                  | QItemSelectionModel::Rows);
    const QString deletedId = caches->model()->index(0, CacheTableModel::Id).data().toString();
    window.action(QStringLiteral("deleteCaches"))->trigger();
    const auto journaled = [&session](const QString &action) {
        for (int row = 0; row < session->journalModel()->rowCount(); ++row) {
            if (session->journalModel()->entry(row)->action == action)
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(journaled(QStringLiteral("cache.delete")), 10000);

    // The CLI creates one, writing to the same store.
    const Run created
        = cli({QStringLiteral("--provider"), QStringLiteral("alibaba"), QStringLiteral("--region"),
               region, QStringLiteral("--endpoint"), m_emulator->baseUrl().toString(),
               QStringLiteral("caches"), QStringLiteral("create"), QStringLiteral("--name"),
               QStringLiteral("cli-made"), QStringLiteral("--image"),
               QStringLiteral("nginx:latest"), QStringLiteral("--security-group"),
               QStringLiteral("sg-cli"), QStringLiteral("--vswitch"), QStringLiteral("vsw-cli")},
              cliEnvironment(storeFile));
    QVERIFY2(created.exitCode == 0, created.err.constData());

    // Ctrl+4 opens the History: the console's delete and the CLI's create, newest first.
    QCOMPARE(window.action(QStringLiteral("showHistory"))->shortcut(),
             QKeySequence(QStringLiteral("Ctrl+4")));
    window.action(QStringLiteral("showHistory"))->trigger();
    QTableView *history = window.historyPage()->table();
    QVERIFY(history->isVisible());
    const auto rowOf = [history](const QString &action) {
        for (int row = 0; row < history->model()->rowCount(); ++row) {
            if (history->model()->index(row, JournalModel::Action).data().toString() == action)
                return row;
        }
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(QStringLiteral("Create cache")) >= 0
                                 && rowOf(QStringLiteral("Delete cache")) >= 0,
                             10000);
    const auto cell = [history](int row, int column) {
        return history->model()->index(row, column).data().toString();
    };
    const int create = rowOf(QStringLiteral("Create cache"));
    const int remove = rowOf(QStringLiteral("Delete cache"));
    QVERIFY(create < remove); // the CLI's create came later: newest first
    QCOMPARE(cell(create, JournalModel::Account), QStringLiteral("env")); // environment keys
    QVERIFY(cell(create, JournalModel::Target).contains(QLatin1String("cli-made")));
    QCOMPARE(cell(create, JournalModel::Result), QStringLiteral("Succeeded"));
    QVERIFY(!cell(create, JournalModel::RequestId).isEmpty());
    QCOMPARE(cell(remove, JournalModel::Account), QStringLiteral("Alibaba test"));
    QVERIFY(cell(remove, JournalModel::Target).contains(deletedId));
    QVERIFY(!cell(remove, JournalModel::RequestId).isEmpty());
    QCOMPARE(cell(remove, JournalModel::User), store::Store::osUser());
    QVERIFY(rowOf(QStringLiteral("Add account")) >= 0); // the store journals account changes
    const int total = history->model()->rowCount();
    QCOMPARE(total, 3);

    // Filterable like the caches.
    auto *filter = window.historyPage()->findChild<QLineEdit *>(QStringLiteral("historyFilter"));
    QTest::keyClicks(filter, QStringLiteral("cli-made"));
    QCOMPARE(history->model()->rowCount(), 1);
    filter->clear();
    QCOMPARE(history->model()->rowCount(), total);
    auto *count = window.historyPage()->findChild<QLabel *>(QStringLiteral("historyCount"));
    QVERIFY(count->text().contains(QString::number(total)));
    // Sortable: by action, ascending.
    history->sortByColumn(JournalModel::Action, Qt::AscendingOrder);
    QCOMPARE(cell(0, JournalModel::Action), QStringLiteral("Add account"));

    // Exported through File ▸ Export View as CSV, as for every view.
    const QString csvFile = m_dir.filePath(QStringLiteral("history.csv"));
    QTimer::singleShot(0, this, [csvFile] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->selectFile(csvFile);
        QMetaObject::invokeMethod(dialog, "accept");
    });
    window.action(QStringLiteral("exportCsv"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(csvFile), 10000);
    QFile file(csvFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF")); // the users' path writes the BOM for Excel
    const QList<QStringList> records = csv::CsvReader::parse(bytes.mid(3));
    QCOMPARE(records.size(), 1 + total);
    QVERIFY(records.first().contains(QStringLiteral("Request ID")));
    QCOMPARE(records.at(1).value(records.first().indexOf(QStringLiteral("Action"))),
             QStringLiteral("Add account"));

    // `imagecache journal` reads the same entries.
    const QProcessEnvironment env = cliEnvironment(storeFile);
    const Run all = cli({QStringLiteral("journal"), QStringLiteral("--json")}, env);
    QVERIFY2(all.exitCode == 0, all.err.constData());
    const QJsonArray entries = QJsonDocument::fromJson(all.out).array();
    QCOMPARE(entries.size(), total);
    QStringList actions;
    for (const QJsonValue &v : entries)
        actions << v.toObject().value(QStringLiteral("action")).toString();
    QCOMPARE(actions, (QStringList{QStringLiteral("account.create"), QStringLiteral("cache.delete"),
                                   QStringLiteral("cache.create")}));
    const QJsonObject deleted = entries.at(1).toObject();
    QCOMPARE(deleted.value(QStringLiteral("account")).toString(), QStringLiteral("Alibaba test"));
    QCOMPARE(deleted.value(QStringLiteral("requestId")).toString(),
             cell(rowOf(QStringLiteral("Delete cache")), JournalModel::RequestId));
    QCOMPARE(entries.at(2).toObject().value(QStringLiteral("accountId")).toString(),
             QStringLiteral("env"));

    const Run byAccount = cli({QStringLiteral("journal"), QStringLiteral("--account"),
                               QStringLiteral("Alibaba test"), QStringLiteral("--json")},
                              env);
    QVERIFY2(byAccount.exitCode == 0, byAccount.err.constData());
    const QJsonArray mine = QJsonDocument::fromJson(byAccount.out).array();
    QCOMPARE(mine.size(), 2);
    for (const QJsonValue &v : mine)
        QCOMPARE(v.toObject().value(QStringLiteral("accountId")).toString(), QStringLiteral("ali"));

    const QString tomorrow = QDate::currentDate().addDays(1).toString(Qt::ISODate);
    const Run later = cli(
        {QStringLiteral("journal"), QStringLiteral("--since"), tomorrow, QStringLiteral("--json")},
        env);
    QCOMPARE(later.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(later.out).array().size(), 0);
    const Run today = cli({QStringLiteral("journal"), QStringLiteral("--since"),
                           QDate::currentDate().toString(Qt::ISODate)},
                          env);
    QCOMPARE(today.exitCode, 0);
    QVERIFY2(today.out.contains("cache.create") && today.out.contains("cache.delete"),
             today.out.constData());
    const Run bad = cli(
        {QStringLiteral("journal"), QStringLiteral("--since"), QStringLiteral("yesterday-ish")},
        env);
    QCOMPARE(bad.exitCode, 2);
    QVERIFY(bad.err.contains("--since"));
}

void TestDesktop::settingsSwitchFromSqliteToPostgresAndBackLosesNothing()
{
    if (!postgresSkipReason().isEmpty())
        QSKIP(qPrintable(postgresSkipReason()));
    const QString sqliteFile = m_dir.filePath(QStringLiteral("switch.db"));
    const QUrl sqliteUrl = store::DatabaseUrl::sqliteUrl(sqliteFile);
    QVERIFY(addAccount(sqliteUrl));
    const QUrl postgresUrl = m_postgres.freshUrl();
    const QString password = QStringLiteral("Pg-Secret-4711");

    auto session = makeSession(sqliteUrl, 60'000);
    ui::MainWindow window(session.get());
    window.show();
    QSignalSpy started(session.get(), &ui::ConsoleSession::started);
    session->start();
    QVERIFY(started.wait(15000));
    QTRY_COMPARE_WITH_TIMEOUT(session->cacheModel()->rowCount(), 2, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(session->journalModel()->rowCount() >= 1, 5000);
    const int sqliteJournal = session->journalModel()->rowCount();
    QCOMPARE(session->accounts().size(), 1);

    // To PostgreSQL: URL and password typed, Test Connection answers, then OK.
    started.clear();
    answerSettings(
        &window,
        [postgresUrl, password](ui::SettingsDialog *dialog) {
            dialog->postgresChoice()->setChecked(true);
            dialog->postgresUrlEdit()->setText(postgresUrl.toString());
            dialog->passwordEdit()->setText(password);
            dialog->testButton()->click();
        },
        [](ui::SettingsDialog *dialog) {
            return dialog->testResultLabel()->text().startsWith(QLatin1String("Connected"));
        });
    QVERIFY(started.wait(20000));
    QCOMPARE(session->storeUrl(), postgresUrl);
    QCOMPARE(session->accounts().size(), 0); // a new, empty team database
    QCOMPARE(session->cacheModel()->rowCount(), 0);
    {
        // Migrated on first use; the URL in the settings, the password only in the keychain.
        store::Store reader;
        QVERIFY2(reader.open(postgresUrl), qPrintable(reader.errorString()));
        QCOMPARE(reader.schemaVersion(), store::Schema::currentVersion());
    }
    QSettings settings;
    settings.sync();
    QCOMPARE(QUrl(settings.value(QStringLiteral("Store/Url")).toString()), postgresUrl);
    QFile settingsFile(settings.fileName());
    QVERIFY(settingsFile.open(QIODevice::ReadOnly));
    QVERIFY(!settingsFile.readAll().contains(password.toUtf8()));
    QCOMPARE(m_credentials->read(store::StorePassword::keychainKey(postgresUrl)).result().value,
             password);

    // Something written in the team database.
    store::Account team = account();
    team.id = QStringLiteral("team");
    team.displayName = QStringLiteral("Team account");
    // A new account needs its secret key (it goes to the keychain, never to the database).
    session->saveAccount(team, {QStringLiteral("team-secret-key"), {}});
    QTRY_COMPARE_WITH_TIMEOUT(session->accounts().size(), 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(session->journalModel()->rowCount() == 1, 5000);

    // Back to the local file: its account, caches and history are all there.
    started.clear();
    answerSettings(
        &window,
        [sqliteFile](ui::SettingsDialog *dialog) {
            dialog->sqliteChoice()->setChecked(true);
            dialog->sqlitePathEdit()->setText(sqliteFile);
        },
        [](ui::SettingsDialog *) { return true; });
    QVERIFY(started.wait(20000));
    QCOMPARE(session->storeUrl(), sqliteUrl);
    QCOMPARE(session->accounts().size(), 1);
    QCOMPARE(session->accounts().first().id, QStringLiteral("ali"));
    QCOMPARE(session->cacheModel()->rowCount(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(session->journalModel()->rowCount(), sqliteJournal, 5000);

    // And to PostgreSQL again, the password now from the keychain: the team account is there.
    started.clear();
    answerSettings(
        &window,
        [postgresUrl](ui::SettingsDialog *dialog) {
            dialog->postgresChoice()->setChecked(true);
            dialog->postgresUrlEdit()->setText(postgresUrl.toString());
        },
        [](ui::SettingsDialog *) { return true; });
    QVERIFY(started.wait(20000));
    QCOMPARE(session->accounts().size(), 1);
    QCOMPARE(session->accounts().first().id, QStringLiteral("team"));
    QTRY_COMPARE_WITH_TIMEOUT(session->journalModel()->rowCount(), 1, 5000);
}

void TestDesktop::twoConsolesOnPostgresSeeEachOthersChangesWithoutPolling()
{
    if (!postgresSkipReason().isEmpty())
        QSKIP(qPrintable(postgresSkipReason()));
    const QUrl url = m_postgres.freshUrl();
    QVERIFY(addAccount(url));
    const QString lists = QStringLiteral("DescribeImageCaches");

    // Console A starts and polls; the store records it.
    auto a = makeSession(url, 60'000);
    CallCounter aCalls(a.get());
    QVERIFY(aCalls.found());
    a->start();
    QTRY_COMPARE_WITH_TIMEOUT(a->cacheModel()->rowCount(), 2, 15000);
    store::Store reader;
    QVERIFY(reader.open(url));
    QTRY_VERIFY_WITH_TIMEOUT(reader.regionPolls().size() == 1, 10000);
    QCOMPARE(reader.regionPolls().first().polledBy, a->sharedInventory()->consoleId());

    // Console B starts on the same store: it shows A's inventory without listing it itself.
    const qint64 emulatorListsBefore = m_emulator->handledRequests(lists);
    const int aListsBefore = aCalls.count(lists);
    auto b = makeSession(url, 60'000);
    CallCounter bCalls(b.get());
    QSignalSpy bStarted(b.get(), &ui::ConsoleSession::started);
    b->start();
    QVERIFY(bStarted.wait(15000));
    QCOMPARE(b->cacheModel()->rowCount(), 2);

    // A creates a cache: B shows it within 2 s of A's answer, then follows it to Ready.
    const auto hasName
        = [](ui::ConsoleSession *s, const QString &name) -> const core::ImageCache * {
        for (int row = 0; row < s->cacheModel()->rowCount(); ++row) {
            if (s->cacheModel()->cache(row)->name == name)
                return s->cacheModel()->cache(row);
        }
        return nullptr;
    };
    int aFinished = 0;
    net::ApiError aError;
    connect(a.get(), &ui::ConsoleSession::operationFinished, this,
            [&](const QString &, const net::ApiError &error) {
                ++aFinished;
                aError = error;
            });
    connect(a.get(), &ui::ConsoleSession::requestAccepted, this, [&] { ++aFinished; });
    core::CacheSpec spec;
    spec.name = QStringLiteral("shared-create");
    spec.images = {QStringLiteral("nginx:latest")};
    spec.securityGroupId = QStringLiteral("sg-1");
    spec.vSwitchId = QStringLiteral("vsw-1");
    a->createCache(
        {QStringLiteral("ali"), QStringLiteral("Alibaba test"), region, core::Provider::Alibaba},
        spec);
    QTRY_COMPARE_WITH_TIMEOUT(aFinished, 1, 10000);
    QVERIFY2(!aError.isError(), qPrintable(aError.toString()));
    QVERIFY(hasName(a.get(), spec.name));
    QTRY_VERIFY_WITH_TIMEOUT(hasName(b.get(), spec.name), 2000);
    QTRY_VERIFY_WITH_TIMEOUT(hasName(a.get(), spec.name)
                                 && hasName(a.get(), spec.name)->status == core::CacheStatus::Ready,
                             15000);
    QTRY_VERIFY_WITH_TIMEOUT(hasName(b.get(), spec.name)->status == core::CacheStatus::Ready, 2000);
    // The journal entry too.
    const auto journalHas = [](ui::ConsoleSession *s, const QString &action) {
        for (int row = 0; row < s->journalModel()->rowCount(); ++row) {
            if (s->journalModel()->entry(row)->action == action)
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(journalHas(b.get(), QStringLiteral("cache.create")), 2000);

    // A deletes it: B shows it gone within 2 s of A.
    const core::ImageCache created = *hasName(a.get(), spec.name);
    a->deleteCaches({created});
    QTRY_VERIFY_WITH_TIMEOUT(!hasName(a.get(), spec.name), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!hasName(b.get(), spec.name), 2000);
    QTRY_VERIFY_WITH_TIMEOUT(journalHas(b.get(), QStringLiteral("cache.delete")), 2000);

    // B sent no listing (nor show, the same action on ECI) of its own: every one that reached
    // the emulator since B started was A's.
    QCOMPARE(bCalls.count(lists), 0);
    const qint64 emulatorLists = m_emulator->handledRequests(lists) - emulatorListsBefore;
    QVERIFY(emulatorLists > 0);
    QCOMPARE(emulatorLists, qint64(aCalls.count(lists) - aListsBefore));
    qInfo() << "list calls while B was running: emulator" << emulatorLists << "A"
            << aCalls.count(lists) - aListsBefore << "B" << bCalls.count(lists);

    // A manual refresh of B always goes to the cloud.
    b->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(bCalls.count(lists) == 1, 5000);
}

QTEST_MAIN(TestDesktop)
#include "tst_desktop.moc"
