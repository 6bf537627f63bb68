#include "commanddispatcher.h"

#include "core/apptranslator.h"
#include "core/continuation.h"
#include "exitcode.h"
#include "imagecache/version.h"

#include <QCoreApplication>
#include <QFuture>
#include <QLocale>
#include <QProcessEnvironment>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("imagecache"));
    QCoreApplication::setApplicationVersion(QStringLiteral(IMAGECACHE_VERSION));
    qSetMessagePattern(QStringLiteral("%{category}: %{message}"));
    // Messages in the user's language when the translations are built in (translations/).
    core::installAppTranslator(app, QLocale());

    cli::CommandDispatcher dispatcher;
    QFuture<int> exitCode
        = dispatcher.run(QCoreApplication::arguments(), QProcessEnvironment::systemEnvironment());
    // Usage errors and --help finish before any event: no loop needed.
    if (exitCode.isFinished())
        return exitCode.result();
    core::whenFinished(exitCode, &app, [exitCode](int code) {
        // A future that ended without a result is a failure, never a silent success.
        QCoreApplication::exit(exitCode.resultCount() > 0 ? code : cli::ExitProviderError);
    });
    return QCoreApplication::exec();
}
