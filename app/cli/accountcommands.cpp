#include "accountcommands.h"

#include "accounts/connectionfactory.h"
#include "connectionbuilder.h"
#include "console.h"
#include "core/continuation.h"
#include "exitcode.h"
#include "storeaccess.h"
#include "textformatter.h"

#include "net/apiclient.h"
#include "providers/servicefactory.h"
#include "store/accountmanager.h"
#include "store/credentialstore.h"
#include "store/profileimporter.h"
#include "store/store.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <cstdio>
#include <iostream>
#include <string>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

namespace cli {

namespace {

bool stdinIsTerminal()
{
#ifdef Q_OS_UNIX
    return ::isatty(STDIN_FILENO) == 1;
#else
    return false;
#endif
}

// One line from the terminal with echo off, so the secret never shows on screen.
QString promptWithoutEcho(const QString &prompt)
{
    std::fputs(prompt.toUtf8().constData(), stderr);
    std::fflush(stderr);
#ifdef Q_OS_UNIX
    termios before{};
    const bool terminal = ::tcgetattr(STDIN_FILENO, &before) == 0;
    if (terminal) {
        termios silent = before;
        silent.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    }
#endif
    std::string line;
    std::getline(std::cin, line);
#ifdef Q_OS_UNIX
    if (terminal)
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &before);
#endif
    std::fputs("\n", stderr);
    std::fflush(stderr);
    return QString::fromStdString(line).trimmed();
}

// --endpoint / --project-id of `accounts add`: REGION=VALUE, or one value for every region.
bool perRegion(const QStringList &values, const QStringList &regions, const QString &option,
               QHash<QString, QString> *out, QString *error)
{
    for (const QString &value : values) {
        const qsizetype eq = value.indexOf(QLatin1Char('='));
        const QString region = eq > 0 ? value.left(eq).trimmed() : QString();
        if (!region.isEmpty() && regions.contains(region)) {
            out->insert(region, value.mid(eq + 1).trimmed());
        } else if (values.size() == 1) {
            for (const QString &r : regions)
                out->insert(r, value.trimmed());
        } else {
            *error = AccountCommands::tr("--%1 %2: give REGION=VALUE for one of the account's "
                                         "regions (%3), or a single value for all of them.")
                         .arg(option, value, regions.join(u", "_qs));
            return false;
        }
    }
    return true;
}

QString authText(const store::Account &account)
{
    if (account.authKind == store::Account::AuthKind::IamToken)
        return AccountCommands::tr("IAM %1@%2").arg(account.iamUserName, account.iamDomainName);
    return AccountCommands::tr("AK/SK");
}

QString regionsText(const store::Account &account)
{
    QStringList regions;
    for (const store::AccountRegion &r : account.regions)
        regions << r.region;
    return regions.join(QLatin1Char(','));
}

} // namespace

AccountCommands::AccountCommands(const CliOptions &options, const QProcessEnvironment &environment,
                                 store::Store &store, store::CredentialStore &credentials,
                                 net::ApiClient *client, QObject *parent)
    : Command(options, parent)
    , m_environment(environment)
    , m_store(store)
    , m_credentials(credentials)
    , m_client(client)
{}

void AccountCommands::start()
{
    const QString &command = m_options.command;
    if (command == u"list"_qs)
        list();
    else if (command == u"add"_qs)
        add();
    else if (command == u"remove"_qs)
        remove();
    else if (command == u"import"_qs)
        import();
    else if (command == u"test"_qs)
        test();
    else
        failUsage(tr("Unknown command 'accounts %1'.").arg(command));
}

void AccountCommands::warnIfNotPersistent(const store::Account *account)
{
    if (m_warned || m_credentials.persistent())
        return;
    m_warned = true;
    Console::err(m_credentials.notice());
    const QString variables
        = account
              ? accounts::ConnectionFactory::secretVariables(account->provider)
              : accounts::ConnectionFactory::secretVariables(core::Provider::Huawei) + tr(" or ")
                    + accounts::ConnectionFactory::secretVariables(core::Provider::Alibaba);
    Console::err(tr("For the command line this session is this one command: a secret is "
                    "gone when it ends and is never written anywhere. Keep it in %1 instead; "
                    "--account uses them when their access key id is the account's.")
                     .arg(variables));
}

void AccountCommands::list()
{
    const QList<store::Account> accounts = m_store.accounts();
    if (accounts.isEmpty()) {
        if (!m_store.errorString().isEmpty())
            return failUsage(m_store.errorString());
        if (m_options.json)
            Console::json(QJsonArray{});
        else
            Console::err(tr("No stored accounts. Add one with 'imagecache accounts add' or "
                            "'imagecache accounts import'."));
        return finish(ExitOk);
    }
    QList<QFuture<store::SecretResult>> reads;
    for (const store::Account &account : accounts)
        reads << m_credentials.read(store::AccountManager::accountSecretKey(account));
    core::whenFinished(
        QtFuture::whenAll(reads.begin(), reads.end()), this,
        [this, accounts](const QList<QFuture<store::SecretResult>> &done) {
            QJsonArray array;
            QList<QStringList> rows;
            for (qsizetype i = 0; i < accounts.size(); ++i) {
                const store::Account &a = accounts.at(i);
                const bool stored = done.at(i).result().ok();
                const bool inEnvironment
                    = accounts::ConnectionFactory::credentials(a, {}, m_environment)
                          .fromEnvironment;
                QJsonObject o = a.toJson();
                o.insert(u"secretStored"_qs, stored);
                o.insert(u"secretInEnvironment"_qs, inEnvironment);
                array.append(o);
                rows.append({a.id, core::providerKey(a.provider), a.displayName, regionsText(a),
                             authText(a), a.accessKeyId,
                             stored          ? tr("stored")
                             : inEnvironment ? tr("environment")
                                             : tr("none")});
            }
            if (m_options.json)
                Console::json(array);
            else
                Console::out(
                    TextFormatter::table({tr("ID"), tr("PROVIDER"), tr("NAME"), tr("REGIONS"),
                                          tr("AUTH"), tr("ACCESS KEY ID"), tr("SECRET")},
                                         rows));
            if (!m_credentials.persistent())
                Console::err(tr("%1; a secret added by an earlier command is not kept.")
                                 .arg(m_credentials.notice()));
            finish(ExitOk);
        });
}

bool AccountCommands::buildAccount(store::Account *account, QString *error) const
{
    const CliOptions &o = m_options;
    store::Account a;
    a.id = store::Account::newId();
    if (o.provider.isEmpty()) {
        *error = tr("--provider is required (huawei or alibaba).");
        return false;
    }
    if (!core::providerFromKey(o.provider, &a.provider)) {
        *error = tr("Unknown provider '%1' (expected huawei or alibaba).").arg(o.provider);
        return false;
    }
    a.displayName = o.name.trimmed();
    const bool iam = o.auth == u"iam"_qs;
    a.authKind = iam ? store::Account::AuthKind::IamToken : store::Account::AuthKind::AccessKey;
    if (iam && !o.accessKeyId.isEmpty()) {
        *error = tr("--access-key-id applies to --auth aksk.");
        return false;
    }
    if (!iam && (o.isSet(u"iam-user"_qs) || o.isSet(u"iam-domain"_qs))) {
        *error = tr("--iam-user and --iam-domain apply to --auth iam.");
        return false;
    }
    a.accessKeyId = o.accessKeyId;
    if (!iam && a.accessKeyId.isEmpty() && o.secretFromEnv)
        accounts::ConnectionFactory::environmentSecret(a.provider, m_environment, &a.accessKeyId);
    a.iamUserName = o.iamUser;
    a.iamDomainName = o.iamDomain;
    if (!o.signatureVersion.isEmpty()) {
        if (a.provider != core::Provider::Alibaba) {
            *error = tr("--signature-version is an Alibaba Cloud option.");
            return false;
        }
        a.alibabaSignatureVersion = o.signatureVersion == u"v1"_qs
                                        ? store::Account::SignatureVersion::V1
                                        : store::Account::SignatureVersion::V3;
    }

    QStringList regions;
    for (const QString &region : o.regions)
        regions << region.trimmed();
    QHash<QString, QString> endpoints;
    QHash<QString, QString> projects;
    if (!perRegion(o.endpoints, regions, u"endpoint"_qs, &endpoints, error)
        || !perRegion(o.projectIds, regions, u"project-id"_qs, &projects, error))
        return false;
    for (const QString &region : std::as_const(regions)) {
        store::AccountRegion r;
        r.region = region;
        if (endpoints.contains(region))
            r.endpointOverride = QUrl(endpoints.value(region), QUrl::StrictMode);
        r.projectId = projects.value(region);
        a.regions.append(r);
    }
    *account = a;
    return true;
}

bool AccountCommands::readSecret(const store::Account &account, QString *secret,
                                 QString *error) const
{
    const bool iam = account.authKind == store::Account::AuthKind::IamToken;
    if (m_options.secretFromEnv) {
        if (iam) {
            *error = tr("--secret-from-env reads an access key secret; an IAM password has no "
                        "official variable, so pipe it with --secret-stdin.");
            return false;
        }
        QString envKeyId;
        *secret = accounts::ConnectionFactory::environmentSecret(account.provider, m_environment,
                                                                 &envKeyId);
        if (secret->isEmpty()) {
            *error = tr("--secret-from-env: no secret in the environment (set %1).")
                         .arg(accounts::ConnectionFactory::secretVariables(account.provider));
            return false;
        }
        if (!envKeyId.isEmpty() && envKeyId != account.accessKeyId) {
            *error = tr("--secret-from-env: the environment's secret belongs to access key id "
                        "%1, not %2.")
                         .arg(envKeyId, account.accessKeyId);
            return false;
        }
        return true;
    }
    const bool terminal = stdinIsTerminal();
    if (m_options.secretStdin && terminal) {
        *error = tr("--secret-stdin reads the secret from a pipe, but standard input is a "
                    "terminal; leave the option out to be asked for it.");
        return false;
    }
    if (m_options.secretStdin || !terminal) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly)) {
            *error = tr("Cannot read the secret from standard input: %1").arg(in.errorString());
            return false;
        }
        *secret = QString::fromUtf8(in.readLine(64 * 1024)).trimmed();
        if (secret->isEmpty()) {
            *error = tr("No secret on standard input. Pipe it in (--secret-stdin) or use "
                        "--secret-from-env with %1.")
                         .arg(accounts::ConnectionFactory::secretVariables(account.provider));
            return false;
        }
        return true;
    }
    *secret = promptWithoutEcho(iam ? tr("IAM password of %1: ").arg(account.iamUserName)
                                    : tr("Secret access key of %1: ").arg(account.accessKeyId));
    if (secret->isEmpty()) {
        *error = tr("No secret entered.");
        return false;
    }
    return true;
}

void AccountCommands::add()
{
    store::Account account;
    QString error;
    if (!buildAccount(&account, &error))
        return failUsage(error);
    QStringList problems = account.validate();
    for (const store::Account &existing : m_store.accounts()) {
        if (existing.displayName == account.displayName)
            problems << tr("An account named %1 already exists (id %2)")
                            .arg(existing.displayName, existing.id);
    }
    if (!problems.isEmpty()) {
        for (const QString &problem : std::as_const(problems))
            Console::err(problem);
        return finish(ExitValidation);
    }
    warnIfNotPersistent(&account);
    QString secret;
    if (!readSecret(account, &secret, &error))
        return failUsage(error);

    store::AccountManager::Secrets secrets;
    if (account.authKind == store::Account::AuthKind::IamToken)
        secrets.iamPassword = secret;
    else
        secrets.secretKey = secret;
    secret.clear();
    core::whenFinished(
        store::AccountManager(m_store, m_credentials).add(account, secrets), this,
        [this, account](const QString &problem) {
            if (!problem.isEmpty()) {
                Console::err(problem);
                return finish(ExitProviderError);
            }
            if (m_options.json)
                Console::json(account.toJson());
            else
                Console::out(tr("Added account %1 (%2).").arg(account.displayName, account.id));
            warnIfNotPersistent(&account);
            finish(ExitOk);
        });
}

void AccountCommands::remove()
{
    QString error;
    const std::optional<store::Account> account
        = StoreAccess::find(m_store, m_options.arguments.constFirst(), &error);
    if (!account)
        return failUsage(error);
    const store::Account a = *account;
    core::whenFinished(
        store::AccountManager(m_store, m_credentials).remove(a.id), this,
        [this, a](const QString &problem) {
            if (!problem.isEmpty()) {
                Console::err(problem);
                return finish(ExitProviderError);
            }
            if (m_options.json)
                Console::json(QJsonObject{{u"removed"_qs, a.id}});
            else
                Console::out(
                    tr("Removed account %1 (%2) and its stored secrets.").arg(a.displayName, a.id));
            finish(ExitOk);
        });
}

void AccountCommands::import()
{
    const bool aliyun = m_options.arguments.constFirst() == u"aliyun"_qs;
    const QString path = !m_options.file.isEmpty() ? m_options.file
                         : aliyun                  ? store::ProfileImporter::defaultAliyunPath()
                                                   : store::ProfileImporter::defaultKooCliPath();
    const store::ImportReport report = aliyun ? store::ProfileImporter::readAliyun(path)
                                              : store::ProfileImporter::readKooCli(path);
    if (!report.error.isEmpty())
        return failUsage(report.error);

    // Profiles whose key is already stored are expected to be skipped; anything else the
    // save reports is a failure.
    int alreadyStored = 0;
    const QList<store::Account> existing = m_store.accounts();
    for (const store::ImportedAccount &imported : report.accounts) {
        const store::Account &a = imported.account;
        alreadyStored += store::ProfileImporter::isDuplicate(existing, a);
    }
    core::whenFinished(
        store::ProfileImporter::save(report, m_store, m_credentials), this,
        [this, report, alreadyStored, path](const QStringList &problems) {
            QSet<QString> stored;
            for (const store::Account &a : m_store.accounts())
                stored.insert(a.id);
            QJsonArray imported;
            for (const store::ImportedAccount &i : report.accounts) {
                const store::Account &a = i.account;
                if (!stored.contains(a.id))
                    continue;
                imported.append(a.toJson());
                if (!m_options.json)
                    Console::out(tr("Imported profile %1 as %2 (%3, %4, access key id %5, id %6).")
                                     .arg(i.profileName, a.displayName,
                                          core::providerKey(a.provider), regionsText(a),
                                          a.accessKeyId, a.id));
            }
            const QStringList skipped = report.skipped + problems;
            if (m_options.json) {
                Console::json(QJsonObject{{u"imported"_qs, imported},
                                          {u"skipped"_qs, QJsonArray::fromStringList(skipped)}});
            } else {
                for (const QString &reason : skipped)
                    Console::out(tr("Skipped: %1").arg(reason));
                if (imported.isEmpty() && skipped.isEmpty())
                    Console::err(tr("%1 has no profiles.").arg(path));
            }
            if (!imported.isEmpty())
                warnIfNotPersistent(nullptr);
            finish(problems.size() > alreadyStored ? ExitProviderError : ExitOk);
        });
}

void AccountCommands::test()
{
    QString error;
    const std::optional<store::Account> account
        = StoreAccess::find(m_store, m_options.arguments.constFirst(), &error);
    if (!account)
        return failUsage(error);
    const store::Account a = *account;
    core::whenFinished(m_credentials.read(store::AccountManager::accountSecretKey(a)), this,
                       [this, a](const store::SecretResult &read) {
                           if (read.status == store::SecretResult::Status::Failed)
                               Console::err(tr("warning: %1").arg(read.error));
                           testRegion(a, read.ok() ? read.value : QString(), 0);
                       });
}

void AccountCommands::testRegion(const store::Account &account, const QString &secret, int index)
{
    // --region tests that region only; otherwise every region of the account in turn.
    const QStringList regions = m_options.region.isEmpty()
                                    ? regionsText(account).split(QLatin1Char(','))
                                    : QStringList{m_options.region};
    if (index >= regions.size())
        return finish(m_failedRegions > 0 ? ExitProviderError : ExitOk);
    const QString region = regions.at(index);
    providers::Connection connection;
    QString error;
    if (!ConnectionBuilder::fromAccount(m_options, m_environment, account, region, secret,
                                        &connection, &error))
        return failUsage(error);
    providers::CacheService *service = providers::createCacheService(m_client, connection, this);
    core::whenFinished(service->list(), this,
                       [this, account, secret, index, region,
                        service](const net::Result<QList<core::ImageCache>> &result) {
                           service->deleteLater();
                           if (result.ok()) {
                               Console::out(
                                   tr("%1: OK (%2 caches)").arg(region).arg(result.value().size()));
                           } else {
                               ++m_failedRegions;
                               Console::out(tr("%1: %2").arg(region, result.error().toString()));
                           }
                           testRegion(account, secret, index + 1);
                       });
}

} // namespace cli
