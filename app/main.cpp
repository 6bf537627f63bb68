// imagecache-console: the desktop console. `--demo` runs it against the built-in emulator.

#include "ui/consolesession.h"
#include "ui/consolesettings.h"
#include "ui/demoenvironment.h"
#include "ui/mainwindow.h"
#include "ui/translations.h"

#include "imagecache/version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QMessageBox>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("imagecache-console"));
    QApplication::setOrganizationName(QStringLiteral("ImageCacheConsole"));
    QApplication::setApplicationDisplayName(QStringLiteral("ImageCache Console"));
    QApplication::setApplicationVersion(QStringLiteral(IMAGECACHE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.imagecacheconsole.Console"));

    // The language is needed before the options are described (--help is translated too).
    QString lang;
    const QStringList arguments = QApplication::arguments();
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == QLatin1String("--lang") && i + 1 < arguments.size())
            lang = arguments.at(i + 1);
        else if (arguments.at(i).startsWith(QLatin1String("--lang=")))
            lang = arguments.at(i).mid(7);
    }
    // The settings dialog's choice, unless --lang says otherwise.
    const ui::ConsoleSettings settings = ui::ConsoleSettings::load();
    if (lang.isEmpty())
        lang = settings.language;
    // The language follows the system locale, or --lang (e.g. zh_CN, en).
    ui::installTranslations(app, lang);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "One console for Huawei Cloud CCE Autopilot and Alibaba Cloud ECI image caches."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QApplication::translate("main", "Run against the built-in emulator, with demo accounts."));
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        QApplication::translate("main", "User interface language."),
                                        QStringLiteral("locale"));
    const QCommandLineOption storeOption(
        QStringLiteral("store"),
        QApplication::translate("main", "Database URL (sqlite:///path or postgresql://...)."),
        QStringLiteral("url"));
    parser.addOptions({demoOption, langOption, storeOption});
    parser.process(app);

    ui::ConsoleSession::Options options;
    options.slowPollMs = qint64(settings.slowPollSeconds) * 1000;
    options.fastPollMs = qint64(settings.fastPollSeconds) * 1000;
    options.expiryWarningDays = settings.expiryWarningDays;
    options.notifications = settings.notifications;
    if (parser.isSet(storeOption))
        options.storeUrl = QUrl(parser.value(storeOption));

    std::unique_ptr<ui::DemoEnvironment> demo;
    if (parser.isSet(demoOption)) {
        demo = std::make_unique<ui::DemoEnvironment>();
        QString error;
        if (!demo->start(&error)) {
            QMessageBox::critical(nullptr, QApplication::translate("main", "Demo"), error);
            return 1;
        }
        demo->configure(options);
    }

    ui::ConsoleSession session(options);
    ui::MainWindow window(&session);
    window.show();
    session.start();
    return app.exec();
}
