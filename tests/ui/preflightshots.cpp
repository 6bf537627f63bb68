// imagecache-preflight-screenshots: the create dialog's registry checks and the Images view's
// registry layers, in the --demo console against a docker-registry on loopback (tests/registry).
// Run it under a real X server:
//   imagecache-preflight-screenshots OUTPUT_DIR [--lang zh_CN]

#include "localregistry.h"

#include "ui/consolesession.h"
#include "ui/createcachedialog.h"
#include "ui/demoenvironment.h"
#include "ui/imagespage.h"
#include "ui/mainwindow.h"
#include "ui/registrylayerspanel.h"
#include "ui/translations.h"

#include "models/cachetablemodel.h"
#include "models/imagecheckmodel.h"
#include "models/registrylayermodel.h"
#include "registry/imagepreflight.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScreen>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

namespace {

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

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("imagecache-preflight-screenshots"));
    const QStringList args = QApplication::arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: imagecache-preflight-screenshots OUTPUT_DIR [--lang zh_CN]\n");
        return 2;
    }
    const QDir out(args.at(1));
    const int langIndex = int(args.indexOf(QStringLiteral("--lang")));
    const QString lang
        = langIndex > 0 && langIndex + 1 < args.size() ? args.at(langIndex + 1) : QString();
    QString suffix;
    if (!lang.isEmpty()) {
        ui::installTranslations(app, lang);
        suffix = QLatin1Char('-') + lang;
    }

    registrytest::LocalRegistry registry;
    if (!registry.start()) {
        std::fprintf(stderr, "%s\n", qPrintable(registry.errorString()));
        return 1;
    }
    registrytest::Pusher pusher(registry.url());
    if (pusher.pushImage(QStringLiteral("demo/app"), QStringLiteral("1.0"), 41, 4)
            .manifestDigest.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(pusher.error()));
        return 1;
    }
    const QString image = registry.domain() + QStringLiteral("/demo/app:1.0");
    const QString missing = registry.domain() + QStringLiteral("/demo/app:9.9");

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
    if (!QTest::qWaitFor([&] { return session.cacheModel()->rowCount() >= 10; }, 20000)) {
        std::fprintf(stderr, "the demo caches did not load\n");
        return 1;
    }
    bool ok = true;

    // The create dialog: one image found with its sizes, one missing tag named.
    {
        ui::CreateCacheDialog dialog(ui::CreateCacheDialog::Mode::Create, session.targets(),
                                     &window);
        dialog.setValidationContext(session.validationContext());
        dialog.setImagePreflight(window.newImagePreflight());
        dialog.show();
        dialog.move(window.x() + 200, window.y() + 30);
        QTest::keyClicks(dialog.findChildren<QLineEdit *>().at(0), QStringLiteral("web-cache"));
        dialog.findChild<QPlainTextEdit *>(QStringLiteral("images"))
            ->setPlainText(image + QLatin1Char('\n') + missing);
        registry::ImagePreflight *preflight = dialog.imagePreflight();
        ok &= QTest::qWaitFor(
            [&] {
                const auto a = preflight->check(image);
                const auto b = preflight->check(missing);
                return a && b && a->state == registry::ImageCheck::State::Found
                       && b->state == registry::ImageCheck::State::Failed;
            },
            20000);
        ok &= save(&dialog, out.filePath(QStringLiteral("create-dialog-checks%1.png").arg(suffix)));
        dialog.close();
    }

    // The Images view's registry layers of a typed reference.
    window.action(QStringLiteral("inspectImage"))->trigger();
    ui::RegistryLayersPanel *panel = window.imagesPage()->registryLayers();
    auto *reference = panel->findChild<QLineEdit *>(QStringLiteral("inspectReference"));
    QTest::keyClicks(reference, image);
    QTest::keyClick(reference, Qt::Key_Return);
    ok &= QTest::qWaitFor([&] { return panel->model()->rowCount() == 4; }, 20000);
    ok &= save(&window, out.filePath(QStringLiteral("images-registry-layers%1.png").arg(suffix)));
    return ok ? 0 : 1;
}
