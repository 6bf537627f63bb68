// imagecache-screenshots: runs the --demo console and saves the README's screenshots.
// Run it under a real X server (scripts/screenshots.sh starts Xvfb):
//   imagecache-screenshots OUTPUT_DIR [--lang zh_CN]

#include "ui/cachedetailpane.h"
#include "ui/cachespage.h"
#include "ui/consolesession.h"
#include "ui/coveragepage.h"
#include "ui/createcachedialog.h"
#include "ui/demoenvironment.h"
#include "ui/mainwindow.h"
#include "ui/settingsdialog.h"
#include "ui/translations.h"

#include "models/journalmodel.h"

#include "models/cachetablemodel.h"

#include "store/databaseurl.h"
#include "store/memorycredentialstore.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

namespace {

bool waitFor(const std::function<bool()> &condition, int ms = 20000)
{
    return QTest::qWaitFor(condition, ms);
}

bool save(QWidget *widget, const QString &path)
{
    QTest::qWait(400); // let the last repaint reach the X server
    const QRect frame = widget->frameGeometry();
    const QPixmap shot
        = widget->screen()->grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height());
    const bool ok = shot.save(path);
    std::fprintf(stderr, "%s %s\n", ok ? "saved" : "FAILED", qPrintable(path));
    return ok;
}

bool selectByName(ui::MainWindow &window, const QString &name)
{
    QTableView *table = window.cachesPage()->table();
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        if (table->model()->index(row, models::CacheTableModel::Name).data().toString() == name) {
            table->selectRow(row);
            table->setFocus();
            return true;
        }
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("imagecache-screenshots"));
    const QStringList args = QApplication::arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: imagecache-screenshots OUTPUT_DIR [--lang zh_CN]\n");
        return 2;
    }
    const QDir out(args.at(1));
    const int langIndex = int(args.indexOf(QStringLiteral("--lang")));
    const QString lang
        = langIndex > 0 && langIndex + 1 < args.size() ? args.at(langIndex + 1) : QString();
    QString suffix;
    if (!lang.isEmpty()) {
        // As the console does it: its own catalogue and Qt's (the dialogs' Cancel, Yes, …).
        if (!ui::installTranslations(app, lang))
            std::fprintf(stderr, "Qt's own %s catalogue is missing: its buttons stay English\n",
                         qPrintable(lang));
        suffix = QLatin1Char('-') + lang;
    }

    QTemporaryDir demoDir;
    ui::DemoEnvironment demo;
    QString error;
    if (!demo.start(&error, demoDir.path())) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    ui::ConsoleSession::Options options;
    demo.configure(options);
    ui::ConsoleSession session(options);
    ui::MainWindow window(&session);
    window.resize(1360, 820);
    window.move(20, 20);
    window.show();
    session.start();
    models::CacheTableModel *model = session.cacheModel();
    if (!waitFor([&] { return model->rowCount() >= 10; })) {
        std::fprintf(stderr, "the demo caches did not load\n");
        return 1;
    }
    QTest::qWait(2500); // a poll or two: progress moves, the status bar fills
    bool ok = true;
    ok &= selectByName(window, QStringLiteral("ml-training"));
    ok &= save(&window, out.filePath(QStringLiteral("main-window%1.png").arg(suffix)));

    // History: the demo's account entries, a delete that worked and one the provider refused
    // (its code, message and request id in the row).
    const int before = session.journalModel()->rowCount();
    for (int row = 0; row < model->rowCount(); ++row) {
        const core::ImageCache *cache = model->cache(row);
        if (cache->status == core::CacheStatus::Failed) {
            session.deleteCaches({*cache});
            core::ImageCache gone = *cache;
            gone.id += QStringLiteral("-gone");
            gone.name += QStringLiteral("-gone");
            session.deleteCaches({gone});
            break;
        }
    }
    ok &= waitFor([&] { return session.journalModel()->rowCount() >= before + 2; });
    window.action(QStringLiteral("showHistory"))->trigger();
    QTest::qWait(300);
    ok &= save(&window, out.filePath(QStringLiteral("history-view%1.png").arg(suffix)));
    window.showCaches();

    // Settings: a team's shared PostgreSQL store (the password field stays empty: it would be
    // masked, and it lives in the keychain).
    ui::SettingsDialog settings(&window);
    ui::ConsoleSettings shown = ui::ConsoleSettings::load();
    shown.storeUrl = QUrl(QStringLiteral("postgresql://team@db.example.internal:5432/imagecache"));
    settings.setSettings(shown);
    settings.show();
    settings.move(window.x() + 380, window.y() + 60);
    QTest::qWait(300);
    ok &= save(&settings, out.filePath(QStringLiteral("settings-dialog%1.png").arg(suffix)));
    settings.close();

    ui::CreateCacheDialog dialog(ui::CreateCacheDialog::Mode::Create, session.targets(), &window);
    dialog.setValidationContext(session.validationContext());
    dialog.show();
    dialog.move(window.x() + 300, window.y() + 60);
    QTest::keyClicks(dialog.findChildren<QLineEdit *>().at(0), QStringLiteral("Web_Cache-"));
    dialog.findChildren<QPlainTextEdit *>().at(0)->setPlainText(
        QStringLiteral("swr.cn-north-4.myhuaweicloud.com/library/nginx:1.25\nbusybox:latest"));
    // Problems show once a field was left or Create pressed: press it, as a user would.
    if (auto *create = dialog.findChild<QPushButton *>(QStringLiteral("okButton")))
        create->click();
    ok &= save(&dialog, out.filePath(QStringLiteral("create-dialog-validation%1.png").arg(suffix)));
    dialog.close();

    // Coverage: a Deployment whose images two caches serve and one no cache has.
    {
        QStringList served;
        for (const char *name : {"web-nginx", "expiring-soon"}) {
            for (int row = 0; row < model->rowCount(); ++row) {
                if (model->cache(row)->name == QLatin1String(name))
                    served.append(model->cache(row)->images.value(0));
            }
        }
        QByteArray manifest = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: shop\n"
                              "spec:\n  template:\n    spec:\n      containers:\n";
        int n = 0;
        for (const QString &image : std::as_const(served))
            manifest += "      - name: c" + QByteArray::number(++n)
                        + "\n        image: " + image.toUtf8() + "\n";
        manifest += "      - name: api\n        image: ghcr.io/example/shop-api:2.3\n";
        window.showCoverage();
        QSignalSpy evaluated(window.coveragePage(), &ui::CoveragePage::evaluated);
        window.coveragePage()->addText(manifest, QStringLiteral("shop.yaml"));
        ok &= evaluated.wait(10000);
        QTest::qWait(300);
        ok &= save(&window, out.filePath(QStringLiteral("coverage-view%1.png").arg(suffix)));
        window.showCaches();
    }

    // The same window on a 1280×720 screen.
    window.resize(1280, 720);
    QTest::qWait(300);
    ok &= save(&window, out.filePath(QStringLiteral("main-window-1280x720%1.png").arg(suffix)));
    window.resize(1360, 820);

    // What a new user sees first: no account yet.
    {
        QTemporaryDir emptyDir;
        ui::ConsoleSession::Options empty;
        empty.storeUrl
            = store::DatabaseUrl::sqliteUrl(emptyDir.filePath(QStringLiteral("empty.db")));
        empty.credentials = std::make_shared<store::MemoryCredentialStore>();
        ui::ConsoleSession fresh(empty);
        ui::MainWindow first(&fresh);
        first.resize(1280, 720);
        first.move(20, 20);
        first.show();
        fresh.start();
        QTest::qWait(800);
        ok &= save(&first, out.filePath(QStringLiteral("welcome%1.png").arg(suffix)));
    }
    if (!suffix.isEmpty())
        return ok ? 0 : 1;

    ui::CacheDetailPane *pane = window.cachesPage()->detailPane();
    ok &= selectByName(window, QStringLiteral("web-nginx"));
    pane->tabs()->setCurrentIndex(ui::CacheDetailPane::EventsTab);
    ok &= save(&window, out.filePath(QStringLiteral("events-tab.png")));

    ok &= selectByName(window, QStringLiteral("web-base"));
    pane->tabs()->setCurrentIndex(ui::CacheDetailPane::LayersTab);
    ok &= waitFor([&] { return pane->layersView()->model()->rowCount() > 0; });
    ok &= save(&window, out.filePath(QStringLiteral("layers-tab.png")));

    return ok ? 0 : 1;
}
