// The Coverage view of the real console, offscreen, against the in-process emulator: a
// manifest dropped on the view is answered per container and account; "Create a cache for
// the uncovered images" opens the create dialog prefilled; once that cache is Ready the row
// turns covered without any click; "Copy the annotation" gives the pinning annotation.
#include "emulator/emulator.h"
#include "models/cachetablemodel.h"
#include "models/coveragemodel.h"
#include "store/databaseurl.h"
#include "store/memorycredentialstore.h"
#include "ui/consolesession.h"
#include "ui/coveragepage.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using models::CoverageModel;

class TestCoverageView final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();
    void dropAManifestCreateTheUncoveredCacheWatchItTurnCovered();
    void pastedTextWithABrokenDocument();

private:
    CoverageModel *model() const { return m_window->coveragePage()->model(); }
    QString cell(int row, int column) const
    {
        return model()->index(row, column).data().toString();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<emulator::Emulator> m_emulator;
    std::unique_ptr<ui::ConsoleSession> m_session;
    std::unique_ptr<ui::MainWindow> m_window;
};

void TestCoverageView::init()
{
    QVERIFY(m_dir.isValid());
    emulator::Options options;
    options.timings.huaweiCreateMs = 800;
    options.timings.alibabaPrepareMs = 100;
    options.timings.alibabaCreateMs = 300;
    m_emulator = std::make_unique<emulator::Emulator>(options);
    QVERIFY(m_emulator->listen() != 0);

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
    QTRY_COMPARE_WITH_TIMEOUT(m_session->coverageSources().size(), 2, 15000);
    // Both regions listed once (no caches yet): the view answers from a complete picture.
    const auto refreshed = [this] {
        const QList<ui::RegionStatus> statuses = m_session->statuses();
        return statuses.size() == 2
               && std::all_of(statuses.cbegin(), statuses.cend(),
                              [](const ui::RegionStatus &s) { return s.lastRefresh.isValid(); });
    };
    QTRY_VERIFY_WITH_TIMEOUT(refreshed(), 15000);
}

void TestCoverageView::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_emulator.reset();
}

void TestCoverageView::dropAManifestCreateTheUncoveredCacheWatchItTurnCovered()
{
    const QString path = m_dir.filePath(QStringLiteral("web.yaml"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n"
                   "  template:\n    spec:\n      containers:\n"
                   "      - {name: web, image: 'nginx:1.25'}\n"
                   "---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\n");
    }
    // Ctrl+3, then the file dropped on the view as from a file manager.
    m_window->action(QStringLiteral("showCoverage"))->trigger();
    ui::CoveragePage *page = m_window->coveragePage();
    QTRY_VERIFY(page->isVisible());
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(page, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(page, &drop);

    // One row per account and region, each labelled; nothing covers nginx:1.25 yet.
    QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 2, 10000);
    const int huaweiRow = model()->rowOf(u"web"_qs, u"web"_qs, core::Provider::Huawei);
    const int alibabaRow = model()->rowOf(u"web"_qs, u"web"_qs, core::Provider::Alibaba);
    QVERIFY(huaweiRow >= 0 && alibabaRow >= 0);
    QCOMPARE(cell(huaweiRow, CoverageModel::Target), u"Huawei test / cn-north-4"_qs);
    QCOMPARE(model()->index(huaweiRow, 0).data(CoverageModel::VerdictRole).toInt(),
             int(workload::Verdict::NotCovered));
    QVERIFY2(cell(huaweiRow, CoverageModel::Coverage).contains(u"no usable cache"_qs),
             qPrintable(cell(huaweiRow, CoverageModel::Coverage)));
    QVERIFY2(page->summaryLabel()->text().contains(u"1 not covered"_qs),
             qPrintable(page->summaryLabel()->text()));
    QVERIFY(page->summaryLabel()->text().contains(u"1 document(s) skipped"_qs));
    QVERIFY(!page->copyAnnotationAction()->isEnabled() || page->table()->currentIndex().isValid());
    QVERIFY(page->createAction()->isEnabled());

    // Select the Huawei row and ask for a cache of the uncovered images.
    QTableView *table = page->table();
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        if (table->model()
                ->index(row, CoverageModel::Provider)
                .data()
                .toString()
                .contains(u"Huawei"_qs))
            table->setCurrentIndex(table->model()->index(row, 0));
    }
    bool prefilled = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        QCOMPARE(dialog->findChildren<QPlainTextEdit *>().at(0)->toPlainText(), u"nginx:1.25"_qs);
        const QList<QLineEdit *> edits = dialog->findChildren<QLineEdit *>();
        QTest::keyClicks(edits.at(0), QStringLiteral("web-from-coverage"));
        for (QLineEdit *edit : edits) {
            if (edit->placeholderText().contains(QLatin1String("cluster")))
                QTest::keyClicks(edit, QStringLiteral("8b3b4b2d-e39d-11ef-a9ac-0255ac100113"));
        }
        QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(ok->isEnabled());
        prefilled = true;
        ok->click();
    });
    table->setFocus();
    QTest::keyClick(table, Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(prefilled);

    // The cache is created, polled to Ready, and the row turns covered by itself.
    QTRY_COMPARE_WITH_TIMEOUT(
        model()
            ->index(model()->rowOf(u"web"_qs, u"web"_qs, core::Provider::Huawei), 0)
            .data(CoverageModel::VerdictRole)
            .toInt(),
        int(workload::Verdict::Covered), 20000);
    const int row = model()->rowOf(u"web"_qs, u"web"_qs, core::Provider::Huawei);
    QCOMPARE(cell(row, CoverageModel::CacheName), u"web-from-coverage"_qs);
    QVERIFY(!cell(row, CoverageModel::Expires).isEmpty());
    QVERIFY(page->summaryLabel()->text().contains(u"1 covered"_qs));

    // Copy the annotation that pins it.
    for (int r = 0; r < table->model()->rowCount(); ++r) {
        if (table->model()
                ->index(r, CoverageModel::Provider)
                .data()
                .toString()
                .contains(u"Huawei"_qs))
            table->setCurrentIndex(table->model()->index(r, 0));
    }
    QVERIFY(page->copyAnnotationAction()->isEnabled());
    QCOMPARE(page->copyAnnotationAction()->shortcut(), QKeySequence(u"Ctrl+Shift+C"_qs));
    page->copyAnnotationAction()->trigger();
    QCOMPARE(QApplication::clipboard()->text(),
             u"imagecache.cce.io/specified-name: \"web-from-coverage\""_qs);
}

void TestCoverageView::pastedTextWithABrokenDocument()
{
    m_window->action(QStringLiteral("showCoverage"))->trigger();
    ui::CoveragePage *page = m_window->coveragePage();
    QApplication::clipboard()->setText(
        u"kind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: a, image: redis:7}]}\n"
        "---\nkind: Pod\nspec: {containers: [ {image: x\n"_qs);
    page->table()->setFocus();
    page->pasteAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 2, 10000);
    auto *problems = page->findChild<QLabel *>(u"coverageProblems"_qs);
    QVERIFY(problems && problems->isVisible());
    QVERIFY2(problems->text().contains(u"document 2"_qs), qPrintable(problems->text()));
    QVERIFY(page->summaryLabel()->text().contains(u"1 broken document(s)"_qs));
}

QTEST_MAIN(TestCoverageView)
#include "tst_coverageview.moc"
