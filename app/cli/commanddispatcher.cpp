#include "commanddispatcher.h"

#include "accountcommands.h"
#include "cachecommands.h"
#include "clijournal.h"
#include "clioptions.h"
#include "connectionbuilder.h"
#include "console.h"
#include "coveragecommand.h"
#include "exitcode.h"
#include "exportcommands.h"
#include "imagecommands.h"
#include "journalcommand.h"
#include "net/apiclient.h"
#include "providers/completer.h"
#include "providers/servicefactory.h"
#include "registry/registryclient.h"
#include "registrycommand.h"
#include "store/accountmanager.h"
#include "store/keychaincredentialstore.h"
#include "store/store.h"
#include "storeaccess.h"

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

CommandDispatcher::~CommandDispatcher()
{
    // Commands hold the store by reference: they go first.
    qDeleteAll(findChildren<Command *>(Qt::FindDirectChildrenOnly));
}

store::Store *CommandDispatcher::storedAccounts(const CliOptions &options,
                                                const QProcessEnvironment &environment,
                                                bool *failed)
{
    QString error;
    if (openStore(options, environment, &error))
        return m_store.get();
    if (!options.account.isEmpty()) {
        Console::err(error);
        *failed = true;
    }
    return nullptr;
}

bool CommandDispatcher::openStore(const CliOptions &options, const QProcessEnvironment &environment,
                                  QString *error)
{
    if (m_store)
        return true;
    auto opened = std::make_unique<store::Store>();
    if (!StoreAccess::open(*opened, options, environment, error))
        return false;
    // Once, on stderr, marked for scripts; the exit status says it too (ExitStoreRecovered).
    for (const QString &notice : opened->notices())
        Console::err(tr("warning: %1").arg(notice));
    m_storeRecovered = !opened->notices().isEmpty();
    m_store = std::move(opened);
    return true;
}

store::Store *CommandDispatcher::journalStore(const CliOptions &options,
                                              const QProcessEnvironment &environment)
{
    QString error;
    if (!openStore(options, environment, &error)) {
        Console::err(tr("warning: %1; the operation is not journaled.").arg(error));
        return nullptr;
    }
    return m_store.get();
}

QFuture<int> CommandDispatcher::run(const QStringList &arguments,
                                    const QProcessEnvironment &environment)
{
    QFuture<int> done = dispatch(arguments, environment);
    if (done.isFinished())
        return exitWith(exitStatus(done.result()));
    auto promise = std::make_shared<QPromise<int>>();
    promise->start();
    core::whenFinished(done, this, [this, promise](int code) {
        promise->addResult(exitStatus(code));
        promise->finish();
    });
    return promise->future();
}

int CommandDispatcher::exitStatus(int commandStatus) const
{
    // A failure says more than the recovery; a success on a replaced store is not a plain one.
    return commandStatus == ExitOk && m_storeRecovered ? ExitStoreRecovered : commandStatus;
}

QFuture<int> CommandDispatcher::dispatch(const QStringList &arguments,
                                         const QProcessEnvironment &environment)
{
    CliOptions options;
    QString error;
    if (!CliParser::parse(arguments, &options, &error)) {
        Console::err(error);
        Console::err(tr("Try 'imagecache --help'."));
        return exitWith(ExitUsage);
    }
    Console::setDocumentFormat(options.output == u"yaml"_qs ? Console::DocumentFormat::Yaml
                                                            : Console::DocumentFormat::Json);
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
    // The keychain's fallback warning and the importer's log repeat what the commands say.
    QLoggingCategory::setFilterRules(options.verbose ? u"imagecache.*.debug=false\n"
                                                       u"imagecache.net.debug=true"_qs
                                                     : u"imagecache.*.debug=false\n"
                                                       u"imagecache.*.info=false\n"
                                                       u"imagecache.store.keychain.warning=false\n"
                                                       u"imagecache.store.warning=false"_qs);

    m_client = new net::ApiClient(this);
    if (options.timeoutMs > 0) {
        net::ApiClientOptions clientOptions = m_client->options();
        clientOptions.defaultTimeoutMs = options.timeoutMs;
        m_client->setOptions(clientOptions);
    }

    if (options.group == u"accounts"_qs) {
        if (!openStore(options, environment, &error)) {
            Console::err(error);
            return exitWith(ExitUsage);
        }
        m_credentials = new store::KeychainCredentialStore(this);
        auto *command
            = new AccountCommands(options, environment, *m_store, *m_credentials, m_client, this);
        if (options.command != u"add"_qs)
            return command->run();
        // `add` says before asking for the secret whether it can be kept at all.
        auto promise = std::make_shared<QPromise<int>>();
        promise->start();
        core::whenFinished(m_credentials->probe(), this, [command, promise](bool) {
            core::whenFinished(command->run(), command, [promise](int code) {
                promise->addResult(code);
                promise->finish();
            });
        });
        return promise->future();
    }
    if (options.group == u"journal"_qs) {
        // Reads the store only; --account names whose entries, not whose keys to use.
        if (!openStore(options, environment, &error)) {
            Console::err(error);
            return exitWith(ExitUsage);
        }
        return (new JournalCommand(options, *m_store, this))->run();
    }
    if (options.group == u"coverage"_qs) {
        // Every stored account by default; the environment when none is stored.
        bool failed = false;
        store::Store *accounts = storedAccounts(options, environment, &failed);
        if (failed)
            return exitWith(ExitUsage);
        m_credentials = new store::KeychainCredentialStore(this);
        return (new CoverageCommand(options, environment, accounts, m_credentials, m_client, this))
            ->run();
    }
    if (options.group == u"registry"_qs) {
        // Stored accounts only lend their registry logins; no store is no error.
        bool failed = false;
        store::Store *accounts = storedAccounts(options, environment, &failed);
        if (failed)
            return exitWith(ExitUsage);
        store::CredentialStore *credentials = m_injected;
        if (!credentials)
            credentials = m_credentials = new store::KeychainCredentialStore(this);
        return (new RegistryCommand(options, environment, accounts, credentials, m_client, this))
            ->run();
    }
    if (!options.account.isEmpty())
        return runAccount(options, environment);

    providers::Connection connection;
    if (!ConnectionBuilder::build(options, environment, &connection, &error)) {
        Console::err(error);
        return exitWith(ExitUsage);
    }
    return startCommand(options, environment, connection);
}

QFuture<int> CommandDispatcher::runAccount(const CliOptions &options,
                                           const QProcessEnvironment &environment)
{
    QString error;
    if (!openStore(options, environment, &error)) {
        Console::err(error);
        return exitWith(ExitUsage);
    }
    const std::optional<store::Account> found
        = StoreAccess::find(*m_store, options.account, &error);
    if (!found) {
        Console::err(error);
        return exitWith(ExitUsage);
    }
    const store::Account account = *found;
    store::CredentialStore *credentials = m_injected;
    if (!credentials)
        credentials = m_credentials = new store::KeychainCredentialStore(this);
    const QString key = store::AccountManager::accountSecretKey(account);
    auto promise = std::make_shared<QPromise<int>>();
    promise->start();
    const auto done = [promise](int code) {
        promise->addResult(code);
        promise->finish();
    };
    core::whenFinished(
        credentials->read(key), this,
        [this, options, environment, account, done](const store::SecretResult &read) {
            if (read.status == store::SecretResult::Status::Failed)
                Console::err(tr("warning: %1").arg(read.error));
            providers::Connection connection;
            QString problem;
            if (!ConnectionBuilder::fromAccount(options, environment, account, {},
                                                read.ok() ? read.value : QString(), &connection,
                                                &problem)) {
                Console::err(problem);
                return done(ExitUsage);
            }
            core::whenFinished(startCommand(options, environment, connection), this, done);
        });
    return promise->future();
}

QFuture<int> CommandDispatcher::startCommand(const CliOptions &options,
                                             const QProcessEnvironment &environment,
                                             const providers::Connection &connection)
{
    Command *command = nullptr;
    if (options.group == u"caches"_qs) {
        auto *service = providers::createCacheService(m_client, connection, this);
        auto *caches = new CacheCommands(options, environment, service, this);
        if (options.command == u"create"_qs || options.command == u"update"_qs
            || options.command == u"delete"_qs)
            caches->setJournal(
                new CliJournal(journalStore(options, environment), connection.accountId, caches));
        if (options.command == u"create"_qs && m_store && !connection.accountId.isEmpty()) {
            DigestRecording recording;
            recording.client = new registry::RegistryClient(m_client, caches);
            recording.store = m_store.get();
            recording.accounts = m_store->accounts();
            recording.credentials = m_injected;
            if (!recording.credentials)
                recording.credentials
                    = m_credentials ? m_credentials
                                    : (m_credentials = new store::KeychainCredentialStore(this));
            recording.accountId = connection.accountId;
            caches->setDigestRecording(recording);
        }
        command = caches;
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
