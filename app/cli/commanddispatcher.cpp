#include "commanddispatcher.h"

#include "cachecommands.h"
#include "clioptions.h"
#include "connectionbuilder.h"
#include "console.h"
#include "exitcode.h"
#include "exportcommands.h"
#include "imagecommands.h"
#include "net/apiclient.h"
#include "providers/servicefactory.h"

#include <QLoggingCategory>
#include <QPromise>

namespace cli {

namespace {
QFuture<int> exitWith(int code)
{
    QPromise<int> promise;
    promise.start();
    promise.addResult(code);
    promise.finish();
    return promise.future();
}
} // namespace

CommandDispatcher::CommandDispatcher(QObject *parent)
    : QObject(parent)
{}

CommandDispatcher::~CommandDispatcher() = default;

QFuture<int> CommandDispatcher::run(const QStringList &arguments,
                                    const QProcessEnvironment &environment)
{
    CliOptions options;
    QString error;
    if (!CliParser::parse(arguments, &options, &error)) {
        Console::err(error);
        Console::err(tr("Try 'imagecache --help'."));
        return exitWith(ExitUsage);
    }
    if (options.help) {
        Console::out(CliParser::helpText());
        return exitWith(ExitOk);
    }
    if (options.version) {
        Console::out(QCoreApplication::applicationName() + QLatin1Char(' ')
                     + QCoreApplication::applicationVersion());
        return exitWith(ExitOk);
    }

    // The transport's debug log is redacted, but it is noise unless asked for.
    QLoggingCategory::setFilterRules(options.verbose ? u"imagecache.*.debug=false\n"
                                                       u"imagecache.net.debug=true"_qs
                                                     : u"imagecache.*.debug=false"_qs);

    providers::Connection connection;
    if (!ConnectionBuilder::build(options, environment, &connection, &error)) {
        Console::err(error);
        return exitWith(ExitUsage);
    }

    m_client = new net::ApiClient(this);
    if (options.timeoutMs > 0) {
        net::ApiClientOptions clientOptions = m_client->options();
        clientOptions.defaultTimeoutMs = options.timeoutMs;
        m_client->setOptions(clientOptions);
    }

    Command *command = nullptr;
    if (options.group == u"caches"_qs) {
        auto *service = providers::createCacheService(m_client, connection, this);
        command = new CacheCommands(options, environment, service, this);
    } else if (options.group == u"images"_qs) {
        auto *service = providers::createImageService(m_client, connection, this);
        command = new ImageCommands(options, service, this);
    } else {
        auto *caches = options.command == u"caches"_qs
                           ? providers::createCacheService(m_client, connection, this)
                           : nullptr;
        auto *images = options.command == u"images"_qs
                           ? providers::createImageService(m_client, connection, this)
                           : nullptr;
        command = new ExportCommands(options, caches, images, this);
    }
    return command->run();
}

} // namespace cli
