// Drives the real console (session + main window) offscreen against the in-process emulator.

#include "ui/accountdialog.h"
#include "ui/cachedetailpane.h"
#include "ui/cachespage.h"
#include "ui/consolesession.h"
#include "ui/historypage.h"
#include "ui/imagespage.h"
#include "ui/mainwindow.h"
#include "ui/requesttracker.h"

#include "csv/csvreader.h"
#include "csv/csvwriter.h"
#include "emulator/emulator.h"
#include "models/cachefilterproxymodel.h"
#include "models/cachetablemodel.h"
#include "models/imagetablemodel.h"
#include "store/databaseurl.h"
#include "store/memorycredentialstore.h"
#include "store/store.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using models::CacheTableModel;

class TestConsole final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void startsWithCachesOfBothProviders();
    void createFromDialogReachesReadyInTable();
    void deleteAsksConfirmationNamingTheCaches();
    void filterAndSort();
    void csvExportMatchesTheViewCellByCell();
    void csvForToolsHasIdsIsoTimesAndPlainNumbers();
    void detailPaneShowsEventsTagsAndLayers();
    void pollChangesSelectedRowAndSelectionStays();
    void refusedKeysAskForNewOnesAndPollingResumes();
    void accountOkTestsTheKeysAndOffersSaveAnyway();
    void imagesViewShowsSpecsButNeverTheRegistryPassword();
    void imagesViewIsCompleteWithoutSelectingAndSortsBySize();
    void layersTabGivesUpWhenTheImageListFails();
    void testConnectionAnswersPerRegionWithTheProvidersError();
    void updateIsOfferedForEciOnlyAndJournaled();
    void updateDialogShowsTheCachesCurrentSettings();
    void parallelWritesJournalEachCallsOwnRequestId();
    void progressIsSaidOnlyWhenReached();
    void emptyViewsSayWhyAndWhatToDo();
    void deleteConfirmationHasRealButtons();
    void statusBarAndHelpSpeakPlainly();
    void longErrorsAreElidedWithTheFullTextAsTooltip();
    void statusFilterAndExpiresKeepWhatMatters();

private:
    CacheTableModel *model() const { return m_session->cacheModel(); }
    QTableView *table() const { return m_window->cachesPage()->table(); }
    int rowOfName(const QString &name) const;
    QList<store::JournalEntry> journal(const QString &action);
    // File ▸ Export View as CSV, the file dialog answered with `fileName`; the bytes written.
    QByteArray exportThroughMenu(const QString &fileName,
                                 const QString &action = QStringLiteral("exportCsv"));
    void selectName(const QString &name);
    void selectRow(int row);

    QTemporaryDir m_dir;
    std::unique_ptr<emulator::Emulator> m_emulator;
    std::unique_ptr<ui::ConsoleSession> m_session;
    std::unique_ptr<ui::MainWindow> m_window;
};

void TestConsole::init()
{
    QVERIFY(m_dir.isValid());
    emulator::Options options;
    options.timings.huaweiCreateMs = 1500;
    options.timings.huaweiDeleteMs = 300;
    options.timings.alibabaPrepareMs = 300;
    options.timings.alibabaCreateMs = 1500;
    options.timings.alibabaUpdateMs = 500;
    m_emulator = std::make_unique<emulator::Emulator>(options);
    QVERIFY(m_emulator->listen() != 0);
    m_emulator->addHuaweiCaches(QString::fromLatin1(emulator::demo::HuaweiProjectId), 3);
    m_emulator->addAlibabaCaches(QString::fromLatin1(emulator::demo::AlibabaRegion), 4);

    auto credentials = std::make_shared<store::MemoryCredentialStore>();
    ui::ConsoleSession::Options session;
    session.storeUrl = store::DatabaseUrl::sqliteUrl(
        m_dir.filePath(QStringLiteral("%1.db").arg(QTest::currentTestFunction())));
    session.credentials = credentials;
    session.slowPollMs = 400;
    session.fastPollMs = 150;

    store::Account huawei;
    huawei.id = QStringLiteral("hw");
    huawei.provider = core::Provider::Huawei;
    huawei.displayName = QStringLiteral("Huawei test");
    huawei.regions = {{QString::fromLatin1(emulator::demo::HuaweiRegion), m_emulator->baseUrl(),
                       QString::fromLatin1(emulator::demo::HuaweiProjectId)}};
    huawei.accessKeyId = QString::fromLatin1(emulator::demo::HuaweiAccessKey);
    credentials->writeNow(store::CredentialStore::secretKey(huawei.id),
                          QString::fromLatin1(emulator::demo::HuaweiSecretKey));
    store::Account alibaba;
    alibaba.id = QStringLiteral("ali");
    alibaba.provider = core::Provider::Alibaba;
    alibaba.displayName = QStringLiteral("Alibaba test");
    alibaba.regions
        = {{QString::fromLatin1(emulator::demo::AlibabaRegion), m_emulator->baseUrl(), QString()}};
    alibaba.accessKeyId = QString::fromLatin1(emulator::demo::AlibabaAccessKeyId);
    credentials->writeNow(store::CredentialStore::secretKey(alibaba.id),
                          QString::fromLatin1(emulator::demo::AlibabaAccessKeySecret));
    session.seedAccounts = {huawei, alibaba};

    m_session = std::make_unique<ui::ConsoleSession>(session);
    m_window = std::make_unique<ui::MainWindow>(m_session.get());
    m_window->show();
    m_session->start();
    QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 7, 15000);
}

void TestConsole::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_emulator.reset();
}

QByteArray TestConsole::exportThroughMenu(const QString &fileName, const QString &action)
{
    QFile::remove(fileName);
    m_window->statusBar()->clearMessage();
    QTimer::singleShot(0, this, [fileName] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->selectFile(fileName);
        QMetaObject::invokeMethod(dialog, "accept");
    });
    m_window->action(action)->trigger();
    // Written on another thread; done when the status bar says so.
    if (!QTest::qWaitFor(
            [this] {
                return m_window->statusBar()->currentMessage().startsWith(
                    QStringLiteral("Exported"));
            },
            10000))
        return {};
    QFile file(fileName);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QList<store::JournalEntry> TestConsole::journal(const QString &action)
{
    // A second connection to the console's database, as another process would open it.
    store::Store reader;
    if (!reader.open(store::DatabaseUrl::sqliteUrl(
            m_dir.filePath(QStringLiteral("%1.db").arg(QTest::currentTestFunction())))))
        return {};
    store::JournalQuery query;
    query.action = action;
    return reader.journal(query);
}

int TestConsole::rowOfName(const QString &name) const
{
    const QAbstractItemModel *view = table()->model();
    for (int row = 0; row < view->rowCount(); ++row) {
        if (view->index(row, CacheTableModel::Name).data().toString() == name)
            return row;
    }
    return -1;
}

void TestConsole::selectName(const QString &name)
{
    const int row = rowOfName(name);
    QVERIFY2(row >= 0, qPrintable(name));
    table()->setFocus();
    table()->selectionModel()->setCurrentIndex(table()->model()->index(row, 0),
                                               QItemSelectionModel::ClearAndSelect
                                                   | QItemSelectionModel::Rows);
}

void TestConsole::selectRow(int row)
{
    table()->setFocus();
    table()->selectionModel()->setCurrentIndex(table()->model()->index(row, 0),
                                               QItemSelectionModel::ClearAndSelect
                                                   | QItemSelectionModel::Rows);
}

void TestConsole::startsWithCachesOfBothProviders()
{
    QSet<int> providers;
    for (int row = 0; row < model()->rowCount(); ++row)
        providers.insert(model()->index(row, 0).data(CacheTableModel::ProviderRole).toInt());
    QCOMPARE(providers.size(), 2);
    // The navigation tree has the four views (caches, images, history, coverage) and lists both
    // accounts under the caches, images and history views.
    const QAbstractItemModel *navigation = m_window->navigation()->model();
    QCOMPARE(navigation->rowCount(), 4);
    for (int view = 0; view < 3; ++view)
        QCOMPARE(navigation->rowCount(navigation->index(view, 0)), 2);
    // The status bar counts every cache by status.
    auto *counts = m_window->statusBar()->findChild<QLabel *>(QStringLiteral("statusCounts"));
    QVERIFY(counts);
    QTRY_COMPARE(counts->text(), QStringLiteral("7 caches: 7 Ready"));
}

void TestConsole::createFromDialogReachesReadyInTable()
{
    // Answer the modal dialog the way a user would: type, then press Create.
    bool filled = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        auto *target = dialog->findChildren<QComboBox *>().at(0);
        for (int i = 0; i < target->count(); ++i) {
            if (target->itemText(i).contains(QLatin1String("Huawei test")))
                target->setCurrentIndex(i);
        }
        QList<QLineEdit *> edits = dialog->findChildren<QLineEdit *>();
        QTest::keyClicks(edits.at(0), QStringLiteral("ui-created-cache"));
        dialog->findChildren<QPlainTextEdit *>().at(0)->setPlainText(
            QStringLiteral("swr.cn-north-4.myhuaweicloud.com/library/nginx:1.25\nbusybox:latest"));
        for (QLineEdit *edit : edits) {
            if (edit->placeholderText().contains(QLatin1String("cluster")))
                QTest::keyClicks(edit, QStringLiteral("8b3b4b2d-e39d-11ef-a9ac-0255ac100113"));
        }
        QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(ok->isEnabled());
        filled = true;
        ok->click();
    });
    m_window->action(QStringLiteral("newCache"))->trigger();
    QVERIFY(filled);

    // It shows up without a manual refresh, first as Creating (indeterminate for Huawei)...
    QTRY_VERIFY_WITH_TIMEOUT(rowOfName(QStringLiteral("ui-created-cache")) >= 0, 10000);
    const QString key = table()
                            ->model()
                            ->index(rowOfName(QStringLiteral("ui-created-cache")), 0)
                            .data(CacheTableModel::KeyRole)
                            .toString();
    const core::ImageCache *cache = model()->cacheByKey(key);
    QVERIFY(cache);
    QCOMPARE(cache->status, core::CacheStatus::Creating);
    // ... then Ready, again without any refresh.
    QTRY_COMPARE_WITH_TIMEOUT(model()->cacheByKey(key)->status, core::CacheStatus::Ready, 15000);

    // Journaled: when, who, account, action, target, request id, result.
    QTRY_VERIFY(!journal(QStringLiteral("cache.create")).isEmpty());
    const store::JournalEntry entry = journal(QStringLiteral("cache.create")).constFirst();
    QCOMPARE(entry.accountId, QStringLiteral("hw"));
    QVERIFY(entry.target.contains(QLatin1String("ui-created-cache")));
    QCOMPARE(entry.result, QStringLiteral("ok"));
    QVERIFY(!entry.requestId.isEmpty());
    QVERIFY(!entry.osUser.isEmpty());
}

void TestConsole::deleteAsksConfirmationNamingTheCaches()
{
    // One cache of each cloud, selected together.
    const core::ImageCache *firstCache = model()->cacheByKey(
        table()->model()->index(0, 0).data(CacheTableModel::KeyRole).toString());
    int otherRow = -1;
    for (int row = 1; row < table()->model()->rowCount(); ++row) {
        if (table()->model()->index(row, 0).data(CacheTableModel::ProviderRole).toInt()
            != int(firstCache->provider))
            otherRow = row;
    }
    QVERIFY(otherRow > 0);
    const QString first = firstCache->key();
    const QString second
        = table()->model()->index(otherRow, 0).data(CacheTableModel::KeyRole).toString();
    const QString firstId = firstCache->id;
    const QString secondId = model()->cacheByKey(second)->id;
    QStringList asked;
    m_window->setConfirmDelete([&](const QStringList &names) {
        asked = names;
        return false; // the user cancels: nothing is deleted
    });
    selectRow(0);
    table()->selectionModel()->select(table()->model()->index(otherRow, 0),
                                      QItemSelectionModel::Select | QItemSelectionModel::Rows);
    m_window->action(QStringLiteral("deleteCaches"))->trigger();
    QCOMPARE(asked.size(), 2);
    QVERIFY(asked.join('\n').contains(firstId));
    QVERIFY(asked.join('\n').contains(secondId));
    // A full poll of every region later (each region's last refresh moved on), both are still
    // there and no delete was sent.
    QHash<QString, QDateTime> before;
    for (const ui::RegionStatus &status : m_session->statuses())
        before.insert(status.accountId + u'/' + status.region, status.lastRefresh);
    QCOMPARE(before.size(), 2);
    m_session->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const auto statuses = m_session->statuses();
            return std::all_of(statuses.begin(), statuses.end(), [&](const ui::RegionStatus &s) {
                return s.lastRefresh > before.value(s.accountId + u'/' + s.region);
            });
        }(),
        5000);
    QVERIFY(model()->rowOfKey(first) >= 0 && model()->rowOfKey(second) >= 0);
    QCOMPARE(m_emulator->handledRequests(QStringLiteral("DeleteImageCache")), 0);

    m_window->setConfirmDelete([](const QStringList &) { return true; });
    m_window->action(QStringLiteral("deleteCaches"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(model()->rowOfKey(first) < 0 && model()->rowOfKey(second) < 0, 15000);
    // Each delete is journaled, the cancelled attempt is not.
    QTRY_COMPARE(journal(QStringLiteral("cache.delete")).size(), 2);
    QStringList targets;
    for (const store::JournalEntry &entry : journal(QStringLiteral("cache.delete")))
        targets.append(entry.target);
    QVERIFY(targets.join(' ').contains(firstId));
    QVERIFY(targets.join(' ').contains(secondId));
    QCOMPARE(model()->rowCount(), 5);
}

void TestConsole::filterAndSort()
{
    auto *filter = m_window->cachesPage()->findChild<QLineEdit *>(QStringLiteral("cacheFilter"));
    QVERIFY(filter);
    // Ctrl+F puts the cursor in the filter.
    table()->setFocus();
    m_window->action(QStringLiteral("find"))->trigger();
    QVERIFY(filter->hasFocus());

    // Bulk caches of both clouds share names ("bulk-1"): the id is unique.
    const core::ImageCache *wanted = model()->cache(0);
    QTest::keyClicks(filter, wanted->id);
    QTRY_COMPARE(table()->model()->rowCount(), 1);
    QCOMPARE(table()->model()->index(0, 0).data(CacheTableModel::KeyRole).toString(),
             wanted->key());
    // Image references are searched too.
    filter->clear();
    QTest::keyClicks(filter, QStringLiteral("redis:7.2"));
    QVERIFY(table()->model()->rowCount() >= 1);
    for (int row = 0; row < table()->model()->rowCount(); ++row) {
        QVERIFY(model()
                    ->cacheByKey(
                        table()->model()->index(row, 0).data(CacheTableModel::KeyRole).toString())
                    ->images.join(' ')
                    .contains(QLatin1String("redis:7.2")));
    }
    filter->clear();
    QCOMPARE(table()->model()->rowCount(), 7);

    // Provider filter.
    auto *provider
        = m_window->cachesPage()->findChild<QComboBox *>(QStringLiteral("providerFilter"));
    provider->setCurrentIndex(provider->findData(int(core::Provider::Alibaba)));
    QCOMPARE(table()->model()->rowCount(), 4);
    provider->setCurrentIndex(0);

    // Sort by name, ascending, through the header as a user clicks it.
    table()->sortByColumn(CacheTableModel::Name, Qt::AscendingOrder);
    QStringList names;
    for (int row = 0; row < table()->model()->rowCount(); ++row)
        names.append(table()->model()->index(row, CacheTableModel::Name).data().toString());
    QStringList sorted = names;
    std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) {
        return QString::localeAwareCompare(a, b) < 0;
    });
    QCOMPARE(names.first(), sorted.first());
    QCOMPARE(names.last(), sorted.last());
}

void TestConsole::csvExportMatchesTheViewCellByCell()
{
    // Hide a column and filter: the export follows what is on screen.
    table()->setColumnHidden(CacheTableModel::Region, true);
    auto *provider
        = m_window->cachesPage()->findChild<QComboBox *>(QStringLiteral("providerFilter"));
    provider->setCurrentIndex(provider->findData(int(core::Provider::Huawei)));
    QCOMPARE(table()->model()->rowCount(), 3);

    const QString file = m_dir.filePath(QStringLiteral("view.csv"));
    const QByteArray bytes = exportThroughMenu(file);
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF")); // the BOM, for Excel
    const QList<QStringList> records = csv::CsvReader::parse(bytes.mid(3));
    QCOMPARE(records.size(), 1 + table()->model()->rowCount());

    const QHeaderView *header = table()->horizontalHeader();
    QList<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        if (!header->isSectionHidden(header->logicalIndex(visual)))
            columns.append(header->logicalIndex(visual));
    }
    QCOMPARE(records.first().size(), columns.size());
    QVERIFY(!records.first().contains(QStringLiteral("Region")));
    for (int row = 0; row < table()->model()->rowCount(); ++row) {
        for (int c = 0; c < columns.size(); ++c) {
            QString expected = table()->model()->index(row, columns.at(c)).data().toString();
            if (csv::CsvWriter::looksLikeFormula(expected))
                expected.prepend(QLatin1Char('\''));
            QCOMPARE(records.at(row + 1).at(c), expected);
        }
    }
}

void TestConsole::csvForToolsHasIdsIsoTimesAndPlainNumbers()
{
    // The mode is offered in the File menu beside the "as shown" export.
    QAction *tools = nullptr;
    for (QAction *menu : m_window->menuBar()->actions()) {
        if (menu->menu()) {
            for (QAction *a : menu->menu()->actions()) {
                if (a->objectName() == QLatin1String("exportCsvForTools"))
                    tools = a;
            }
        }
    }
    QVERIFY(tools);
    QCOMPARE(tools, m_window->action(QStringLiteral("exportCsvForTools")));

    const QString fileName = m_dir.filePath(QStringLiteral("caches-tools.csv"));
    const QByteArray bytes = exportThroughMenu(fileName, QStringLiteral("exportCsvForTools"));
    QVERIFY(!bytes.isEmpty());
    QVERIFY(!bytes.startsWith("\xEF\xBB\xBF")); // plain UTF-8 for tools
    QString error;
    const QList<QStringList> records = csv::CsvReader::parse(bytes, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(records.size(), 1 + table()->model()->rowCount());
    const QStringList header = records.first();
    const auto column = [&header](const char *key) {
        return int(header.indexOf(QLatin1String(key)));
    };
    for (const char *key : {"id", "name", "status", "size", "retention", "expires", "created"})
        QVERIFY2(column(key) >= 0, key);

    QSet<QString> ids;
    for (const QStringList &record : records.mid(1)) {
        QCOMPARE(record.size(), header.size());
        const QString id = record.at(column("id"));
        QVERIFY(!id.isEmpty());
        ids.insert(id);
        const core::ImageCache *cache = nullptr;
        for (int row = 0; row < model()->rowCount(); ++row) {
            const core::ImageCache *c = model()->cacheByKey(
                model()->index(row, 0).data(CacheTableModel::KeyRole).toString());
            if (c && c->id == id)
                cache = c;
        }
        QVERIFY2(cache, qPrintable(id));
        // Times: ISO-8601 in UTC, the same instant as the cache's.
        const QDateTime created = QDateTime::fromString(record.at(column("created")), Qt::ISODate);
        QVERIFY2(created.isValid(), qPrintable(record.at(column("created"))));
        QCOMPARE(created.timeSpec(), Qt::UTC);
        QCOMPARE(created.toSecsSinceEpoch(), cache->created.toSecsSinceEpoch());
        const QString expires = record.at(column("expires"));
        if (cache->expires.isValid()) {
            QVERIFY2(!expires.contains(QLatin1String("(in")), qPrintable(expires));
            QCOMPARE(QDateTime::fromString(expires, Qt::ISODate).toSecsSinceEpoch(),
                     cache->expires.toSecsSinceEpoch());
        } else {
            QVERIFY(expires.isEmpty());
        }
        // Numbers: plain, no unit.
        bool ok = false;
        QCOMPARE(record.at(column("size")).toInt(&ok), cache->sizeGiB);
        QVERIFY2(ok, qPrintable(record.at(column("size"))));
        QCOMPARE(record.at(column("retention")).toInt(&ok), cache->retentionDays);
        QVERIFY(ok);
        QCOMPARE(record.at(column("status")), core::statusKey(cache->status));
    }
    QCOMPARE(ids.size(), model()->rowCount());

    // The save dialog starts in the folder used last.
    QCOMPARE(QSettings().value(QStringLiteral("Export/Directory")).toString(),
             QFileInfo(fileName).absolutePath());
}

void TestConsole::detailPaneShowsEventsTagsAndLayers()
{
    ui::CacheDetailPane *pane = m_window->cachesPage()->detailPane();
    // An ECI cache with tags: building it appends events (pulling, snapshot, ready).
    core::CacheSpec spec;
    spec.name = QStringLiteral("tagged-cache");
    spec.images = {QStringLiteral("registry-vpc.cn-hangzhou.aliyuncs.com/eci_open/busybox:1.30")};
    spec.securityGroupId = QStringLiteral("sg-test");
    spec.vSwitchId = QStringLiteral("vsw-test");
    spec.tags = {{QStringLiteral("team"), QStringLiteral("ml")},
                 {QStringLiteral("env"), QStringLiteral("prod")}};
    m_session->createCache({QStringLiteral("ali"), QStringLiteral("Alibaba test"),
                            QString::fromLatin1(emulator::demo::AlibabaRegion),
                            core::Provider::Alibaba},
                           spec);
    QTRY_VERIFY_WITH_TIMEOUT(rowOfName(QStringLiteral("tagged-cache")) >= 0, 10000);
    selectName(QStringLiteral("tagged-cache"));
    const QString key = table()->currentIndex().data(CacheTableModel::KeyRole).toString();
    QTRY_COMPARE_WITH_TIMEOUT(model()->cacheByKey(key)->status, core::CacheStatus::Ready, 15000);
    const core::ImageCache *ali = model()->cacheByKey(key);
    QVERIFY(ali->events.size() >= 2);
    QTRY_COMPARE(pane->eventsView()->model()->rowCount(), ali->events.size());
    QCOMPARE(pane->tagsView()->model()->rowCount(), 2);
    QStringList shownTags;
    for (int row = 0; row < 2; ++row) {
        shownTags.append(pane->tagsView()->model()->index(row, 0).data().toString() + '='
                         + pane->tagsView()->model()->index(row, 1).data().toString());
    }
    shownTags.sort();
    QCOMPARE(shownTags, (QStringList{QStringLiteral("env=prod"), QStringLiteral("team=ml")}));
    // Events: type, reason, message, count, first, last.
    const QAbstractItemModel *events = pane->eventsView()->model();
    QCOMPARE(events->columnCount(), 6);
    bool reasonShown = false;
    for (int row = 0; row < events->rowCount(); ++row)
        reasonShown |= events->index(row, 1).data().toString() == ali->events.last().reason;
    QVERIFY(reasonShown);

    // Layers: a Huawei cache of catalog images shows the HSS base-image digests.
    int hwRow = -1;
    for (int row = 0; row < table()->model()->rowCount(); ++row) {
        const core::ImageCache *cache = model()->cacheByKey(
            table()->model()->index(row, 0).data(CacheTableModel::KeyRole).toString());
        if (cache->provider == core::Provider::Huawei
            && cache->images.contains(
                QStringLiteral("swr.cn-north-4.myhuaweicloud.com/library/nginx:1.25")))
            hwRow = row;
    }
    QVERIFY(hwRow >= 0);
    selectRow(hwRow);
    pane->tabs()->setCurrentIndex(ui::CacheDetailPane::LayersTab);
    QTRY_VERIFY_WITH_TIMEOUT(pane->layersView()->model()->rowCount() > 0, 15000);
    QVERIFY(pane->layersView()->model()->index(0, 0).data().toString().startsWith(
        QLatin1String("sha256:")));
}

void TestConsole::pollChangesSelectedRowAndSelectionStays()
{
    // Start a create through the session and select the new row while it is Creating.
    ui::CacheTarget target{QStringLiteral("ali"), QStringLiteral("Alibaba test"),
                           QString::fromLatin1(emulator::demo::AlibabaRegion),
                           core::Provider::Alibaba};
    core::CacheSpec spec;
    spec.name = QStringLiteral("watched-cache");
    spec.images = {QStringLiteral("registry-vpc.cn-hangzhou.aliyuncs.com/eci_open/alpine:3.18")};
    spec.securityGroupId = QStringLiteral("sg-test");
    spec.vSwitchId = QStringLiteral("vsw-test");
    m_session->createCache(target, spec);
    // While the provider has not answered, a second create of the same name is refused.
    QVERIFY(m_session->validationContext().existingNames.contains(QStringLiteral("watched-cache")));
    QTRY_VERIFY_WITH_TIMEOUT(rowOfName(QStringLiteral("watched-cache")) >= 0, 10000);
    selectName(QStringLiteral("watched-cache"));
    const QString key = table()->currentIndex().data(CacheTableModel::KeyRole).toString();
    QSignalSpy resets(table()->model(), &QAbstractItemModel::modelReset);

    QTRY_COMPARE_WITH_TIMEOUT(model()->cacheByKey(key)->status, core::CacheStatus::Ready, 15000);
    // The row changed under the selection several times; the selection is still on it.
    QCOMPARE(resets.count(), 0);
    QCOMPARE(table()->currentIndex().data(CacheTableModel::KeyRole).toString(), key);
    QCOMPARE(table()->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(
        table()->selectionModel()->selectedRows().first().data(CacheTableModel::KeyRole).toString(),
        key);
    QCOMPARE(m_window->cachesPage()->detailPane()->cacheKey(), key);
}

void TestConsole::refusedKeysAskForNewOnesAndPollingResumes()
{
    store::Account account;
    account.id = QStringLiteral("rotated");
    account.provider = core::Provider::Alibaba;
    account.displayName = QStringLiteral("Rotated keys");
    account.regions
        = {{QString::fromLatin1(emulator::demo::AlibabaRegion), m_emulator->baseUrl(), QString()}};
    account.accessKeyId = QString::fromLatin1(emulator::demo::AlibabaAccessKeyId);
    QSignalSpy asked(m_session.get(), &ui::ConsoleSession::credentialsRequired);
    m_session->saveAccount(account, {QStringLiteral("an-old-secret"), {}});

    // Two refusals in a row stop the poller and ask; no endless retries.
    QTRY_COMPARE_WITH_TIMEOUT(asked.count(), 1, 20000);
    QCOMPARE(asked.first().at(0).toString(), account.id);
    const auto *status = m_window->findChild<QLabel *>(QStringLiteral("statusError"));
    QVERIFY(status->text().contains(QLatin1String("SignatureDoesNotMatch")));
    QVERIFY(status->text().contains(account.displayName));
    const auto rotated = [this, &account] {
        for (const ui::RegionStatus &s : m_session->statuses()) {
            if (s.accountId == account.id)
                return s;
        }
        return ui::RegionStatus{};
    };
    QVERIFY(rotated().credentialsRequired);
    // A badge on the account in the navigation, with the reason as its tooltip.
    const auto navigationItems = [this] {
        QList<QModelIndex> items;
        const QAbstractItemModel *nav
            = m_window->findChild<QTreeView *>(QStringLiteral("navigation"))->model();
        for (int top = 0; top < nav->rowCount(); ++top) {
            const QModelIndex page = nav->index(top, 0);
            for (int row = 0; row < nav->rowCount(page); ++row) {
                if (nav->index(row, 0, page).data().toString() == QLatin1String("Rotated keys"))
                    items.append(nav->index(row, 0, page));
            }
        }
        return items;
    };
    QVERIFY(!navigationItems().isEmpty());
    for (const QModelIndex &item : navigationItems()) {
        QVERIFY(!item.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(item.data(Qt::ToolTipRole).toString().contains(QLatin1String("refused")));
        QVERIFY(
            item.data(Qt::ToolTipRole).toString().contains(QLatin1String("SignatureDoesNotMatch")));
    }

    // New keys: polling resumes and the account's caches arrive.
    m_session->saveAccount(account,
                           {QString::fromLatin1(emulator::demo::AlibabaAccessKeySecret), {}});
    QTRY_VERIFY_WITH_TIMEOUT(rotated().lastRefresh.isValid() && !rotated().credentialsRequired,
                             20000);
    QCOMPARE(asked.count(), 1);
    QTRY_VERIFY(navigationItems().constFirst().data(Qt::DecorationRole).value<QIcon>().isNull());
}

void TestConsole::accountOkTestsTheKeysAndOffersSaveAnyway()
{
    // Answers the "keys refused" box: first Cancel (back in the dialog), then Save Anyway.
    QStringList boxes;
    QTimer answer;
    answer.setInterval(50);
    connect(&answer, &QTimer::timeout, this, [&boxes] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || !box->isVisible())
            return;
        boxes.append(box->text());
        auto *save = box->findChild<QPushButton *>(QStringLiteral("saveAnyway"));
        if (boxes.size() == 1)
            box->button(QMessageBox::Cancel)->click();
        else if (save)
            save->click();
    });
    bool stayedOpen = false;
    QString storage;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<ui::AccountDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        // The test session keeps secrets in memory (MemoryCredentialStore): said plainly.
        storage = dialog->findChild<QLabel *>(QStringLiteral("secretStorage"))->text();
        auto *provider = dialog->findChild<QComboBox *>(QStringLiteral("provider"));
        provider->setCurrentIndex(provider->findData(int(core::Provider::Alibaba)));
        dialog->findChild<QLineEdit *>(QStringLiteral("displayName"))
            ->setText(QStringLiteral("Typo keys"));
        auto *regions = dialog->findChild<QTableWidget *>(QStringLiteral("regions"));
        // Regions are offered as the provider's list (still editable).
        std::unique_ptr<QWidget> editor(regions->itemDelegateForColumn(0)->createEditor(
            regions->viewport(), QStyleOptionViewItem(), regions->model()->index(0, 0)));
        auto *combo = qobject_cast<QComboBox *>(editor.get());
        QVERIFY(combo && combo->isEditable());
        QVERIFY(combo->findText(QStringLiteral("cn-hangzhou")) >= 0);
        QVERIFY(combo->findText(QStringLiteral("cn-north-4")) < 0); // Huawei's, not offered
        regions->item(0, 0)->setText(QString::fromLatin1(emulator::demo::AlibabaRegion));
        regions->item(0, 1)->setText(m_emulator->baseUrl().toString());
        dialog->findChild<QLineEdit *>(QStringLiteral("accessKeyId"))
            ->setText(QString::fromLatin1(emulator::demo::AlibabaAccessKeyId));
        dialog->findChild<QLineEdit *>(QStringLiteral("secretKey"))
            ->setText(QStringLiteral("a-mistyped-secret"));
        QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(ok->isEnabled());
        answer.start();
        ok->click();
        // Not saved yet: the keys are being tested; then refused, Cancel keeps the dialog.
        QTRY_COMPARE_WITH_TIMEOUT(boxes.size(), 1, 15000);
        QTRY_VERIFY(dialog->isVisible() && ok->isEnabled());
        stayedOpen = dialog->result() != QDialog::Accepted;
        ok->click();
    });
    m_window->action(QStringLiteral("addAccount"))->trigger();
    answer.stop();
    QVERIFY(storage.contains(QLatin1String("memory only")));
    QVERIFY(stayedOpen);
    QCOMPARE(boxes.size(), 2);
    QVERIFY2(boxes.first().contains(QLatin1String("SignatureDoesNotMatch")),
             qPrintable(boxes.first()));
    QVERIFY(boxes.first().contains(QString::fromLatin1(emulator::demo::AlibabaRegion)));
    // Save Anyway saved it.
    const auto saved = [this] {
        const QList<store::Account> accounts = m_session->accounts();
        return std::any_of(accounts.cbegin(), accounts.cend(), [](const store::Account &a) {
            return a.displayName == QLatin1String("Typo keys");
        });
    };
    QTRY_VERIFY_WITH_TIMEOUT(saved(), 10000);
}

void TestConsole::imagesViewShowsSpecsButNeverTheRegistryPassword()
{
    m_window->action(QStringLiteral("showImages"))->trigger();
    QTableView *images = m_window->imagesPage()->table();
    // HSS registry images and E-HPC Instant images, listed from both accounts.
    QTRY_VERIFY_WITH_TIMEOUT(images->model()->rowCount() >= 5, 15000);
    int row = -1;
    for (int r = 0; r < images->model()->rowCount(); ++r) {
        if (images->model()->index(r, 0).data().toString() == QLatin1String("ml-training"))
            row = r;
    }
    QVERIFY(row >= 0);
    images->setFocus();
    images->selectionModel()->setCurrentIndex(images->model()->index(row, 0),
                                              QItemSelectionModel::ClearAndSelect
                                                  | QItemSelectionModel::Rows);
    auto *details = m_window->imagesPage()->findChild<QPlainTextEdit *>();
    QVERIFY(details);
    // GetImage answers with the container spec, whose credential has a password.
    QTRY_VERIFY_WITH_TIMEOUT(details->toPlainText().contains(QLatin1String("demo-puller")), 10000);
    QVERIFY(details->toPlainText().contains(
        QLatin1String("registry.cn-hangzhou.aliyuncs.com/demo-ns/ml-training:1.4.0")));
    QVERIFY(details->toPlainText().contains(QLatin1String("(set, hidden)")));
    QVERIFY(!details->toPlainText().contains(QLatin1String("demo-registry-password")));

    // Nor does it leak through Copy or the CSV export of the view.
    const QByteArray csvBytes = exportThroughMenu(m_dir.filePath(QStringLiteral("images.csv")));
    QVERIFY(csvBytes.contains("ml-training"));
    QVERIFY(!csvBytes.contains("demo-registry-password"));
}

void TestConsole::imagesViewIsCompleteWithoutSelectingAndSortsBySize()
{
    using models::ImageTableModel;
    m_window->action(QStringLiteral("showImages"))->trigger();
    QTableView *images = m_window->imagesPage()->table();
    QTRY_VERIFY_WITH_TIMEOUT(images->model()->rowCount() >= 5, 15000);
    const QAbstractItemModel *view = images->model();
    const auto blank = [view](int column) {
        QStringList rows;
        for (int r = 0; r < view->rowCount(); ++r) {
            if (view->index(r, column).data().toString().isEmpty())
                rows.append(view->index(r, ImageTableModel::Name).data().toString());
        }
        return rows;
    };
    // Filled in the background, no row selected.
    QTRY_VERIFY2_WITH_TIMEOUT(blank(ImageTableModel::Size).isEmpty(),
                              qPrintable(blank(ImageTableModel::Size).join(u',')), 15000);
    QTRY_VERIFY2_WITH_TIMEOUT(blank(ImageTableModel::Status).isEmpty(),
                              qPrintable(blank(ImageTableModel::Status).join(u',')), 15000);
    QTRY_VERIFY2_WITH_TIMEOUT(blank(ImageTableModel::Os).isEmpty(),
                              qPrintable(blank(ImageTableModel::Os).join(u',')), 15000);
    QVERIFY(!images->selectionModel()->hasSelection());

    QSet<QString> accounts;
    for (int r = 0; r < view->rowCount(); ++r) {
        accounts.insert(view->index(r, ImageTableModel::Account).data().toString());
        const QString type = view->index(r, ImageTableModel::Type).data().toString();
        QVERIFY2(!type.contains(u'_'), qPrintable(type)); // words, not private_image
        // One unit style: every size through the same formatter ("12.00 GiB", "67.00 MiB").
        const QString size = view->index(r, ImageTableModel::Size).data().toString();
        QVERIFY2(size.contains(u'.') || size.endsWith(QLatin1String(" bytes")), qPrintable(size));
    }
    QCOMPARE(accounts,
             (QSet<QString>{QStringLiteral("Huawei test"), QStringLiteral("Alibaba test")}));

    // Sorting by Size sorts by bytes, largest first.
    images->sortByColumn(ImageTableModel::Size, Qt::DescendingOrder);
    qint64 previous = std::numeric_limits<qint64>::max();
    for (int r = 0; r < view->rowCount(); ++r) {
        const QVariant bytes
            = view->index(r, ImageTableModel::Size).data(ImageTableModel::SortRole);
        QCOMPARE(bytes.typeId(), QMetaType::LongLong);
        QVERIFY2(bytes.toLongLong() <= previous,
                 qPrintable(view->index(r, ImageTableModel::Size).data().toString()));
        previous = bytes.toLongLong();
    }
}

void TestConsole::layersTabGivesUpWhenTheImageListFails()
{
    // HSS keeps answering 503: the Layers tab must not wait forever.
    QString error;
    const auto rule
        = emulator::FaultRule::parse(QStringLiteral("error5xx:503@/image/registries"), &error);
    QVERIFY2(rule, qPrintable(error));
    m_emulator->faults()->addRule(*rule);
    QSignalSpy layers(m_session.get(), &ui::ConsoleSession::layersReady);
    QSignalSpy finished(m_session.get(), &ui::ConsoleSession::operationFinished);
    int hwRow = -1;
    for (int row = 0; row < table()->model()->rowCount(); ++row) {
        if (table()->model()->index(row, 0).data(CacheTableModel::ProviderRole).toInt()
            == int(core::Provider::Huawei))
            hwRow = row;
    }
    selectRow(hwRow);
    m_window->cachesPage()->detailPane()->tabs()->setCurrentIndex(ui::CacheDetailPane::LayersTab);
    QTRY_COMPARE_WITH_TIMEOUT(layers.count(), 1, 20000);
    QVERIFY(layers.first().at(1).value<QList<core::ImageLayer>>().isEmpty());
    // The failure itself is reported with the provider's answer.
    bool reported = false;
    for (const QList<QVariant> &args : std::as_const(finished))
        reported |= args.at(1).value<net::ApiError>().httpStatus == 503;
    QVERIFY(reported);
}

void TestConsole::testConnectionAnswersPerRegionWithTheProvidersError()
{
    store::Account account = m_session->accounts().constFirst();
    for (const store::Account &a : m_session->accounts()) {
        if (a.provider == core::Provider::Alibaba)
            account = a;
    }
    QSignalSpy results(m_session.get(), &ui::ConsoleSession::testResult);
    const int good = m_session->testConnection(account, {});
    QTRY_COMPARE_WITH_TIMEOUT(results.count(), 1, 10000);
    QCOMPARE(results.at(0).at(0).toInt(), good);
    QVERIFY(results.at(0).at(2).toBool());
    QVERIFY(results.at(0).at(3).toString().contains(QLatin1String("4")));

    const int bad = m_session->testConnection(account, {QStringLiteral("not-the-secret"), {}});
    QVERIFY(bad != good);
    QTRY_COMPARE_WITH_TIMEOUT(results.count(), 2, 10000);
    QCOMPARE(results.at(1).at(0).toInt(), bad);
    QVERIFY(!results.at(1).at(2).toBool());
    // The provider's code and request id, verbatim.
    QVERIFY(results.at(1).at(3).toString().contains(QLatin1String("SignatureDoesNotMatch")));
    QVERIFY(results.at(1).at(3).toString().contains(QLatin1String("request id")));
}

void TestConsole::updateIsOfferedForEciOnlyAndJournaled()
{
    QAction *update = m_window->action(QStringLiteral("updateCache"));
    int huaweiRow = -1;
    int alibabaRow = -1;
    for (int row = 0; row < table()->model()->rowCount(); ++row) {
        const auto provider = core::Provider(
            table()->model()->index(row, 0).data(CacheTableModel::ProviderRole).toInt());
        (provider == core::Provider::Huawei ? huaweiRow : alibabaRow) = row;
    }
    // CCE Autopilot has no update API.
    selectRow(huaweiRow);
    QVERIFY(!update->isEnabled());
    selectRow(alibabaRow);
    QVERIFY(update->isEnabled());

    const core::ImageCache cache = *m_window->cachesPage()->currentCache();
    core::CacheSpec spec;
    spec.name = cache.name;
    spec.images = cache.images;
    spec.tags = {{QStringLiteral("owner"), QStringLiteral("console")}};
    m_session->updateCache(cache, spec);
    QTRY_VERIFY_WITH_TIMEOUT(
        model()
            ->cacheByKey(cache.key())
            ->tags.contains(core::Tag{QStringLiteral("owner"), QStringLiteral("console")}),
        15000);
    QTRY_COMPARE_WITH_TIMEOUT(model()->cacheByKey(cache.key())->status, core::CacheStatus::Ready,
                              15000);
    QTRY_COMPARE(journal(QStringLiteral("cache.update")).size(), 1);
    QCOMPARE(journal(QStringLiteral("cache.update")).constFirst().result, QStringLiteral("ok"));
}

void TestConsole::updateDialogShowsTheCachesCurrentSettings()
{
    // What the Update dialog shows, read from the real dialog opened through the real action.
    struct Shown
    {
        QString name, images, securityGroup, vSwitch, zone, elimination, resourceGroup, tags;
        int size = -1, retention = -1;
    };
    const auto openUpdate = [this](Shown &shown) {
        bool seen = false;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            const auto text = [dialog](const char *name) {
                return dialog->findChild<QLineEdit *>(QLatin1String(name))->text();
            };
            const auto lines = [dialog](const char *name) {
                return dialog->findChild<QPlainTextEdit *>(QLatin1String(name))->toPlainText();
            };
            shown.name = text("name");
            shown.images = lines("images");
            shown.securityGroup = text("securityGroup");
            shown.vSwitch = text("vSwitch");
            shown.zone = text("zone");
            shown.resourceGroup = text("resourceGroup");
            shown.tags = lines("tags");
            shown.elimination = dialog->findChild<QComboBox *>(QStringLiteral("elimination"))
                                    ->currentData()
                                    .toString();
            shown.size = dialog->findChild<QSpinBox *>(QStringLiteral("size"))->value();
            shown.retention = dialog->findChild<QSpinBox *>(QStringLiteral("retention"))->value();
            seen = true;
            dialog->reject();
        });
        m_window->action(QStringLiteral("updateCache"))->trigger();
        QVERIFY(seen);
    };
    const auto tagLines = [](const core::ImageCache &cache) {
        QStringList lines;
        for (const core::Tag &tag : cache.tags)
            lines.append(tag.key + QLatin1Char('=') + tag.value);
        return lines.join(QLatin1Char('\n'));
    };

    // 1. An ECI cache the console did not create: everything describe returns.
    const core::ImageCache *existing = nullptr;
    for (int row = 0; row < table()->model()->rowCount() && !existing; ++row) {
        const core::ImageCache *c = model()->cacheByKey(
            table()->model()->index(row, 0).data(CacheTableModel::KeyRole).toString());
        if (c && c->provider == core::Provider::Alibaba && m_session->canUpdate(*c))
            existing = c;
    }
    QVERIFY(existing);
    const core::ImageCache before = *existing;
    selectName(before.name);
    Shown shown;
    openUpdate(shown);
    QCOMPARE(shown.name, before.name);
    QCOMPARE(shown.images, before.images.join(QLatin1Char('\n')));
    QCOMPARE(shown.size, before.sizeGiB);
    QVERIFY(shown.size > 0);
    QCOMPARE(shown.retention, before.retentionDays);
    QCOMPARE(shown.elimination, before.eliminationStrategy);
    QCOMPARE(shown.resourceGroup, before.resourceGroupId);
    QCOMPARE(shown.tags, tagLines(before));

    // 2. One created here: the network settings it was created with, which ECI's describe
    // does not return, are shown too.
    ui::CacheTarget target;
    for (const ui::CacheTarget &t : m_session->targets()) {
        if (t.provider == core::Provider::Alibaba)
            target = t;
    }
    core::CacheSpec spec;
    spec.name = QStringLiteral("prefilled-eci");
    spec.images = {QStringLiteral("nginx:1.25"), QStringLiteral("redis:7")};
    spec.sizeGiB = 35;
    spec.retentionDays = 12;
    spec.securityGroupId = QStringLiteral("sg-prefill0001");
    spec.vSwitchId = QStringLiteral("vsw-prefill0001,vsw-prefill0002");
    spec.zoneId = QStringLiteral("cn-hangzhou-h");
    spec.eliminationStrategy = QStringLiteral("LRU");
    spec.tags = {{QStringLiteral("team"), QStringLiteral("web")}};
    m_session->createCache(target, spec);
    QTRY_VERIFY_WITH_TIMEOUT(rowOfName(spec.name) >= 0, 10000);
    const QString key = table()
                            ->model()
                            ->index(rowOfName(spec.name), 0)
                            .data(CacheTableModel::KeyRole)
                            .toString();
    QTRY_COMPARE_WITH_TIMEOUT(model()->cacheByKey(key)->status, core::CacheStatus::Ready, 15000);
    selectName(spec.name);
    openUpdate(shown);
    const core::ImageCache created = *model()->cacheByKey(key);
    QCOMPARE(shown.name, spec.name);
    QCOMPARE(shown.size, 35);
    QCOMPARE(shown.retention, created.retentionDays);
    QCOMPARE(shown.securityGroup, spec.securityGroupId);
    QCOMPARE(shown.vSwitch, spec.vSwitchId);
    QCOMPARE(shown.zone, spec.zoneId);
    QCOMPARE(shown.elimination, QStringLiteral("LRU"));
    QCOMPARE(shown.tags, QStringLiteral("team=web"));
}

void TestConsole::parallelWritesJournalEachCallsOwnRequestId()
{
    // Every request id the emulator issued, with the request it answered.
    QList<emulator::AnsweredRequest> answered;
    connect(m_emulator.get(), &emulator::Emulator::answered, this,
            [&answered](const emulator::AnsweredRequest &request) { answered.append(request); });

    QList<ui::CacheTarget> huawei;
    QList<ui::CacheTarget> alibaba;
    for (const ui::CacheTarget &target : m_session->targets())
        (target.provider == core::Provider::Huawei ? huawei : alibaba).append(target);
    QCOMPARE(huawei.size(), 1);
    QCOMPARE(alibaba.size(), 1);

    // Two deletes per cloud and two creates per cloud, all in flight at once.
    QList<core::ImageCache> doomed;
    int huaweiDoomed = 0;
    int alibabaDoomed = 0;
    for (int row = 0; row < model()->rowCount(); ++row) {
        const core::ImageCache cache = *model()->cache(row);
        int &count = cache.provider == core::Provider::Huawei ? huaweiDoomed : alibabaDoomed;
        if (count < 2) {
            ++count;
            doomed.append(cache);
        }
    }
    QCOMPARE(doomed.size(), 4);
    for (int i = 0; i < 2; ++i) {
        core::CacheSpec spec;
        spec.name = QStringLiteral("parallel-hw-%1").arg(i);
        spec.images = {QStringLiteral("nginx:latest")};
        spec.cluster = QStringLiteral("8b3b4b2d-e39d-11ef-a9ac-0255ac100113");
        m_session->createCache(huawei.constFirst(), spec);
        spec = {};
        spec.name = QStringLiteral("parallel-ali-%1").arg(i);
        spec.images
            = {QStringLiteral("registry-vpc.cn-hangzhou.aliyuncs.com/eci_open/nginx:1.15.10-perl")};
        spec.securityGroupId = QStringLiteral("sg-demo0001");
        spec.vSwitchId = QStringLiteral("vsw-demo0001");
        m_session->createCache(alibaba.constFirst(), spec);
    }
    m_session->deleteCaches(doomed);

    QTRY_COMPARE_WITH_TIMEOUT(journal(QStringLiteral("cache.create")).size(), 4, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(journal(QStringLiteral("cache.delete")).size(), 4, 15000);

    // The one request that did what the entry says, found by what was sent.
    const auto issuedFor = [&answered](const store::JournalEntry &entry) -> QStringList {
        const QStringList target = entry.target.split(QLatin1Char(' '));
        QStringList ids;
        for (const emulator::AnsweredRequest &request : std::as_const(answered)) {
            const QString sent = QString::fromUtf8(request.query + ' ' + request.body);
            bool match = false;
            if (entry.action == u"cache.create") {
                const QString name = target.constLast();
                match = (request.operation == u"CreateImageCache"
                         && sent.contains(QStringLiteral("ImageCacheName=") + name))
                        || (request.operation == u"POST /v5/imagecaches"
                            && sent.contains(QStringLiteral("\"name\":\"%1\"").arg(name)));
            } else {
                const QString id = target.constFirst();
                match = (request.operation == u"DeleteImageCache"
                         && sent.contains(QStringLiteral("ImageCacheId=") + id))
                        || request.operation == QStringLiteral("DELETE /v5/imagecaches/") + id;
            }
            if (match)
                ids.append(request.requestId);
        }
        return ids;
    };
    QSet<QString> seen;
    const auto entries
        = journal(QStringLiteral("cache.create")) + journal(QStringLiteral("cache.delete"));
    for (const store::JournalEntry &entry : entries) {
        QCOMPARE(entry.result, QStringLiteral("ok"));
        const QStringList issued = issuedFor(entry);
        QVERIFY2(issued.size() == 1, qPrintable(entry.action + u' ' + entry.target));
        QCOMPARE(entry.requestId, issued.constFirst());
        seen.insert(entry.requestId);
    }
    QCOMPARE(seen.size(), 8); // no entry borrowed another call's id
}

void TestConsole::progressIsSaidOnlyWhenReached()
{
    // Every text the window shows about the request, with the cache's status at that moment.
    struct Said
    {
        QString text;
        core::CacheStatus status;
        bool present;
    };
    QList<Said> said;
    QString key;
    const QString name = QStringLiteral("ui-honest");
    const auto record = [&](const QString &text) {
        const core::ImageCache *cache = key.isEmpty() ? nullptr : model()->cacheByKey(key);
        said.append({text, cache ? cache->status : core::CacheStatus::Unknown, cache != nullptr});
    };
    connect(m_window->statusBar(), &QStatusBar::messageChanged, this, record);
    connect(m_session->requests(), &ui::RequestTracker::settled, this,
            [&](const QString &text) { record(text); });

    core::CacheSpec spec;
    spec.name = name;
    spec.images = {QStringLiteral("nginx:latest")};
    spec.cluster = QStringLiteral("8b3b4b2d-e39d-11ef-a9ac-0255ac100113");
    m_session->createCache({QStringLiteral("hw"), QStringLiteral("Huawei test"),
                            QString::fromLatin1(emulator::demo::HuaweiRegion),
                            core::Provider::Huawei},
                           spec);
    QTRY_VERIFY_WITH_TIMEOUT(rowOfName(name) >= 0, 10000);
    key = table()->model()->index(rowOfName(name), 0).data(CacheTableModel::KeyRole).toString();
    QCOMPARE(model()->cacheByKey(key)->status, core::CacheStatus::Creating);
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QLatin1String("requested")),
             qPrintable(m_window->statusBar()->currentMessage()));
    QVERIFY(m_window->requestNotice()->isHidden());
    QTRY_VERIFY_WITH_TIMEOUT(m_window->requestNotice()->isVisible(), 15000);
    QVERIFY2(m_window->requestNotice()->text().contains(QLatin1String("ready")),
             qPrintable(m_window->requestNotice()->text()));
    QCOMPARE(model()->cacheByKey(key)->status, core::CacheStatus::Ready);

    // Delete: "requested" while the row is there, "deleted" once it is gone.
    m_window->requestNotice()->hide();
    m_session->deleteCaches({*model()->cacheByKey(key)});
    QTRY_VERIFY_WITH_TIMEOUT(m_window->requestNotice()->isVisible(), 15000);
    QVERIFY2(m_window->requestNotice()->text().contains(QLatin1String("deleted")),
             qPrintable(m_window->requestNotice()->text()));
    QVERIFY(model()->rowOfKey(key) < 0);

    bool accepted = false;
    bool deleteAccepted = false;
    for (const Said &s : std::as_const(said)) {
        const QString text = s.text.toLower();
        QVERIFY2(!text.contains(QLatin1String("done")), qPrintable(s.text));
        if (text.contains(QLatin1String("create ui-honest requested")))
            accepted = true;
        if (text.contains(QLatin1String("delete ui-honest requested"))) {
            deleteAccepted = true;
            QVERIFY(s.present);
        }
        // Completion is only said when the table shows it.
        if (text.contains(QLatin1String("ui-honest is ready")))
            QCOMPARE(s.status, core::CacheStatus::Ready);
        if (text.contains(QLatin1String("ui-honest deleted")))
            QVERIFY2(!s.present, "deleted while the row is still there");
    }
    QVERIFY(accepted);
    QVERIFY(deleteAccepted);
}

namespace {
// The text an empty view shows (ui::EmptyState over its viewport); empty when it shows none.
QString emptyText(QTableView *view)
{
    const auto *label = view->viewport()->findChild<QLabel *>(QStringLiteral("emptyState"));
    return label && !label->isHidden() ? label->text() : QString();
}
} // namespace

void TestConsole::emptyViewsSayWhyAndWhatToDo()
{
    QVERIFY(emptyText(table()).isEmpty()); // seven caches: nothing to say
    auto *filter = m_window->cachesPage()->findChild<QLineEdit *>(QStringLiteral("cacheFilter"));
    QTest::keyClicks(filter, QStringLiteral("zz-no-such-cache"));
    QTRY_COMPARE(table()->model()->rowCount(), 0);
    const QString said = emptyText(table());
    QVERIFY2(said.contains(QLatin1String("No caches match")), qPrintable(said));
    QVERIFY2(said.contains(QLatin1String("zz-no-such-cache")), qPrintable(said));
    QVERIFY2(said.contains(QLatin1String("7 hidden")), qPrintable(said));
    QVERIFY2(said.contains(QLatin1String("Esc")), qPrintable(said));
    // Esc gives every cache back.
    QTest::keyClick(filter, Qt::Key_Escape);
    QCOMPARE(filter->text(), QString());
    QCOMPARE(table()->model()->rowCount(), 7);
    QVERIFY(emptyText(table()).isEmpty());
    // ... also from the table, and for the status filter.
    auto *status = m_window->cachesPage()->findChild<QComboBox *>(QStringLiteral("statusFilter"));
    status->setCurrentIndex(status->findData(int(core::CacheStatus::Expired)));
    QTRY_COMPARE(table()->model()->rowCount(), 0);
    QVERIFY2(emptyText(table()).contains(QLatin1String("No caches match")),
             qPrintable(emptyText(table())));
    table()->setFocus();
    QTest::keyClick(table(), Qt::Key_Escape);
    QCOMPARE(status->currentIndex(), 0);
    QCOMPARE(table()->model()->rowCount(), 7);

    // A Huawei cache's events: the tab says why it is empty.
    int hwRow = -1;
    for (int row = 0; row < table()->model()->rowCount(); ++row) {
        if (table()->model()->index(row, 0).data(CacheTableModel::ProviderRole).toInt()
            == int(core::Provider::Huawei))
            hwRow = row;
    }
    selectRow(hwRow);
    ui::CacheDetailPane *pane = m_window->cachesPage()->detailPane();
    pane->tabs()->setCurrentIndex(ui::CacheDetailPane::EventsTab);
    QCOMPARE(pane->eventsView()->model()->rowCount(), 0);
    QVERIFY2(emptyText(pane->eventsView()).contains(QLatin1String("reports no events")),
             qPrintable(emptyText(pane->eventsView())));

    // History and Images say what to do.
    QTableView *history = m_window->historyPage()->table();
    auto *historyFilter
        = m_window->historyPage()->findChild<QLineEdit *>(QStringLiteral("historyFilter"));
    QTest::keyClicks(historyFilter, QStringLiteral("zz-nothing"));
    QTRY_COMPARE(history->model()->rowCount(), 0);
    QVERIFY2(!emptyText(history).isEmpty(), "an empty History says why");
    QTableView *images = m_window->imagesPage()->table();
    if (images->model()->rowCount() == 0)
        QVERIFY2(emptyText(images).contains(QLatin1String("F5")), qPrintable(emptyText(images)));
}

void TestConsole::deleteConfirmationHasRealButtons()
{
    const auto buttonTexts = [](QMessageBox *box) {
        QStringList texts;
        for (QAbstractButton *button : box->buttons())
            texts.append(button->text().remove(QLatin1Char('&')));
        return texts;
    };
    const auto two = ui::MainWindow::deleteConfirmation({QStringLiteral("a"), QStringLiteral("b")});
    QCOMPARE(two->text(), QStringLiteral("Delete 2 caches?"));
    QVERIFY2(buttonTexts(two.get()).contains(QStringLiteral("Delete 2 caches")),
             qPrintable(buttonTexts(two.get()).join(u'|')));
    QVERIFY(buttonTexts(two.get()).contains(QStringLiteral("Cancel")));
    QCOMPARE(two->buttons().size(), 2);
    QCOMPARE(two->defaultButton(), two->button(QMessageBox::Cancel)); // Enter does not delete
    const auto one = ui::MainWindow::deleteConfirmation({QStringLiteral("a")});
    QCOMPARE(one->text(), QStringLiteral("Delete 1 cache?"));
    QVERIFY(buttonTexts(one.get()).contains(QStringLiteral("Delete 1 cache")));
    for (const auto *box : {one.get(), two.get()}) {
        QVERIFY(!box->text().contains(QLatin1String("(s)")));
        QVERIFY(!box->informativeText().contains(QLatin1String("(s)")));
    }
}

void TestConsole::statusBarAndHelpSpeakPlainly()
{
    auto *summary = m_window->statusBar()->findChild<QLabel *>(QStringLiteral("statusSummary"));
    QVERIFY(summary);
    QTRY_VERIFY(!summary->text().contains(QLatin1String("in flight")));
    QVERIFY(!summary->text().contains(QLatin1String("(s)")));

    // Help: the shortcut sheet (F1) lists the real actions with their keys, and the docs.
    QMenu *help = nullptr;
    for (QAction *menu : m_window->menuBar()->actions()) {
        if (menu->text().remove(QLatin1Char('&')) == QLatin1String("Help"))
            help = menu->menu();
    }
    QVERIFY(help);
    QStringList items;
    for (QAction *action : help->actions())
        items.append(action->objectName());
    QVERIFY2(items.contains(QStringLiteral("shortcuts")) && items.contains(u"documentation"_qs),
             qPrintable(items.join(u',')));
    QAction *sheet = m_window->action(QStringLiteral("shortcuts"));
    QVERIFY(sheet->shortcuts().contains(QKeySequence(Qt::Key_F1)));
    QVERIFY(sheet->shortcuts().contains(QKeySequence(QStringLiteral("?"))));
    QVERIFY(m_window->documentationUrl().isValid());

    QHash<QString, QString> keys;
    for (const auto &[text, key] : m_window->shortcutList())
        keys.insert(text, key);
    QCOMPARE(keys.value(QStringLiteral("New Cache")), m_window->action(QStringLiteral("newCache"))
                                                          ->shortcut()
                                                          .toString(QKeySequence::NativeText));
    QVERIFY(!keys.value(QStringLiteral("Delete")).isEmpty());
    QVERIFY(!keys.value(QStringLiteral("Clear the filter")).isEmpty());
    int rows = -1;
    m_window->setShortcutsDialogHook([&](QDialog *dialog) {
        if (auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("shortcutTable")))
            rows = table->rowCount();
        QTimer::singleShot(0, dialog, &QDialog::reject);
    });
    sheet->trigger();
    QCOMPARE(rows, int(keys.size()));
}

QTEST_MAIN(TestConsole)

void TestConsole::longErrorsAreElidedWithTheFullTextAsTooltip()
{
    const int width = m_window->width();
    net::ApiError error;
    error.kind = net::ApiError::Kind::Validation;
    error.code = QStringLiteral("InvalidParameter");
    error.message = QString(400, QLatin1Char('x')) + QStringLiteral(" the end");
    emit m_session->operationFinished(QStringLiteral("Create long-error"), error);
    auto *status = m_window->findChild<QLabel *>(QStringLiteral("statusError"));
    QTRY_VERIFY(status->text().contains(QLatin1String("the end")));
    QVERIFY(status->toolTip().contains(QLatin1String("the end"))); // the whole text
    QCoreApplication::processEvents();
    QCOMPARE(m_window->width(), width); // the window did not grow
    QVERIFY(status->width() < status->fontMetrics().horizontalAdvance(status->text()));
    QVERIFY(status->geometry().right() <= m_window->statusBar()->width());
}

void TestConsole::statusFilterAndExpiresKeepWhatMatters()
{
    // The status filter is as wide as its longest entry ("Unavailable", not "Unav…able").
    auto *combo = m_window->findChild<QComboBox *>(QStringLiteral("statusFilter"));
    QVERIFY(combo);
    for (int i = 0; i < combo->count(); ++i)
        QVERIFY2(combo->width() > combo->fontMetrics().horizontalAdvance(combo->itemText(i))
                                      + combo->iconSize().width() + 24,
                 qPrintable(combo->itemText(i)));
    // Expires starts with the time left, so eliding the end keeps it.
    for (int row = 0; row < model()->rowCount(); ++row) {
        const core::ImageCache *cache
            = model()->cacheByKey(model()->index(row, 0).data(CacheTableModel::KeyRole).toString());
        if (!cache || !cache->expires.isValid())
            continue;
        const QString text = model()->index(row, CacheTableModel::Expires).data().toString();
        QVERIFY2(!text.at(0).isDigit(), qPrintable(text));
    }
}

#include "tst_console.moc"
