#include "cachecommands.h"

#include "clijournal.h"
#include "connectionbuilder.h"
#include "console.h"
#include "core/continuation.h"
#include "core/secretmask.h"
#include "domainjson.h"
#include "exitcode.h"
#include "textformatter.h"

#include "store/store.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace cli {

CacheCommands::CacheCommands(const CliOptions &options, const QProcessEnvironment &environment,
                             providers::CacheService *service, QObject *parent)
    : Command(options, parent)
    , m_environment(environment)
    , m_service(service)
{}

providers::CacheQuery CacheCommands::query(const CliOptions &options)
{
    providers::CacheQuery q;
    q.name = options.name;
    q.image = options.image;
    q.tags = options.tags;
    q.resourceGroupId = options.resourceGroup;
    q.pageSize = options.pageSize;
    return q;
}

void CacheCommands::start()
{
    const QString &command = m_options.command;
    if (command == u"list"_qs)
        list();
    else if (command == u"show"_qs)
        resolveIds([this](const QStringList &) { show(); });
    else if (command == u"create"_qs)
        create();
    else if (command == u"update"_qs)
        update();
    else if (command == u"delete"_qs) {
        resolveIds([this](const QStringList &ids) {
            m_pendingDeletes = ids;
            removeNext();
        });
    } else {
        failUsage(tr("Unknown command 'caches %1'.").arg(command));
    }
}

void CacheCommands::journal(const QString &action, const QString &target, const QString &requestId,
                            const net::ApiError &error)
{
    if (m_journal)
        m_journal->record(action, target, requestId, error);
}

void CacheCommands::resolveIds(const std::function<void(const QStringList &)> &next)
{
    core::whenFinished(m_service->list({}), this,
                       [this, next](const net::Result<QList<core::ImageCache>> &result) {
                           // Without a listing the arguments can only be ids: the provider says
                           // what is wrong.
                           if (!result.ok())
                               return next(m_options.arguments);
                           QStringList ids;
                           for (const QString &argument : m_options.arguments) {
                               QStringList named;
                               bool isId = false;
                               for (const core::ImageCache &cache : result.value()) {
                                   isId = isId || cache.id == argument;
                                   if (cache.name == argument)
                                       named.append(cache.id);
                               }
                               if (isId || named.isEmpty()) {
                                   ids.append(argument);
                               } else if (named.size() == 1) {
                                   ids.append(named.constFirst());
                               } else {
                                   return failUsage(
                                       tr("%n caches are named '%1'; give one of their IDs: %2",
                                          nullptr, int(named.size()))
                                           .arg(argument, named.join(u", "_qs)));
                               }
                           }
                           m_resolvedIds = ids;
                           next(ids);
                       });
}

void CacheCommands::printCache(const core::ImageCache &cache)
{
    if (m_options.raw)
        Console::json(core::maskSecrets(cache.raw));
    else if (m_options.json)
        Console::json(DomainJson::cache(cache));
    else
        Console::out(TextFormatter::cache(cache));
}

void CacheCommands::list()
{
    core::whenFinished(m_service->list(query(m_options)), this,
                       [this](const net::Result<QList<core::ImageCache>> &result) {
                           if (!result.ok())
                               return fail(result.error());
                           const QList<core::ImageCache> &caches = result.value();
                           if (m_options.raw)
                               Console::jsonArray(caches.size(), [&caches](qsizetype i) {
                                   return QJsonValue(core::maskSecrets(caches[i].raw));
                               });
                           else if (m_options.json)
                               Console::jsonObjects(caches.size(), [&caches](qsizetype i) {
                                   return DomainJson::cacheFields(caches[i]);
                               });
                           else if (result.value().isEmpty())
                               Console::err(tr("No image caches in %1.").arg(m_service->region()));
                           else
                               Console::out(
                                   TextFormatter::caches(result.value(), m_options.wide()));
                           finish(ExitOk);
                       });
}

void CacheCommands::show()
{
    core::whenFinished(m_service->show(m_resolvedIds.value(0, m_options.arguments.constFirst())),
                       this, [this](const net::Result<core::ImageCache> &result) {
                           if (!result.ok())
                               return fail(result.error());
                           printCache(result.value());
                           finish(ExitOk);
                       });
}

bool CacheCommands::buildSpec(core::CacheSpec *spec, QString *error) const
{
    const CliOptions &o = m_options;
    const bool huawei = m_service->provider() == core::Provider::Huawei;
    static const QStringList huaweiOnly = {u"cluster"_qs, u"pull-secret"_qs};
    static const QStringList alibabaOnly = {u"security-group"_qs,
                                            u"vswitch"_qs,
                                            u"zone"_qs,
                                            u"eip"_qs,
                                            u"elimination-strategy"_qs,
                                            u"flash"_qs,
                                            u"resource-group"_qs,
                                            u"client-token"_qs,
                                            u"registry"_qs};
    for (const QString &option : huawei ? alibabaOnly : huaweiOnly) {
        if (o.isSet(option)) {
            *error = huawei ? tr("--%1 is an Alibaba Cloud ECI option.").arg(option)
                            : tr("--%1 is a Huawei Cloud CCE option.").arg(option);
            return false;
        }
    }

    spec->name = o.name;
    spec->images = o.images;
    if (!o.imagesFile.isEmpty()) {
        QFile file(o.imagesFile);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
            *error = tr("Cannot read %1: %2").arg(o.imagesFile, file.errorString());
            return false;
        }
        const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
        for (const QString &line : lines) {
            const QString image = line.trimmed();
            if (!image.isEmpty() && !image.startsWith(QLatin1Char('#')))
                spec->images.append(image);
        }
    }
    spec->sizeGiB = o.sizeGiB;
    spec->retentionDays = o.retentionDays;
    spec->tags = o.tags;
    spec->cluster = o.cluster;
    spec->imagePullSecrets = o.pullSecrets;
    spec->securityGroupId = o.securityGroup;
    spec->vSwitchId = o.vSwitch;
    spec->zoneId = o.zone;
    spec->eipInstanceId = o.eip;
    spec->eliminationStrategy = o.eliminationStrategy;
    if (o.flash)
        spec->flash = true;
    spec->resourceGroupId = o.resourceGroup;
    spec->clientToken = o.clientToken;
    return ConnectionBuilder::registryLogins(o, m_environment, &spec->registryLogins, error);
}

void CacheCommands::create()
{
    core::CacheSpec spec;
    QString error;
    if (!buildSpec(&spec, &error))
        return failUsage(error);
    const auto errors = core::CacheSpecValidator::validate(
        m_service->provider(), core::CacheSpecValidator::Operation::Create, spec);
    if (!errors.isEmpty())
        return failValidation(errors);
    for (const core::FieldError &warning :
         core::CacheSpecValidator::warnings(m_service->provider(), spec, {}))
        Console::err(tr("warning: %1: %2").arg(warning.field, warning.message));

    const QString name = spec.name;
    // The digests are asked while the create is sent and recorded whenever they come; the
    // create's answer and --wait never wait for them (only the exit does, so nothing is cut
    // off), and a registry that fails costs a warning.
    const bool record = m_recording.client && m_recording.store && !m_recording.accountId.isEmpty();
    QFuture<registry::DigestResolver::Results> digests;
    if (record) {
        digests = registry::DigestResolver::resolve(m_recording.client, spec.images,
                                                    m_recording.accounts, m_recording.credentials);
        holdExit();
    }
    const QStringList images = spec.images;
    core::whenFinished(
        m_service->create(spec), this,
        [this, name, digests, record, images](const net::Result<core::ImageCache> &result) {
            journal(u"cache.create"_qs,
                    result.ok() ? result.value().id + QLatin1Char(' ') + result.value().name : name,
                    result.requestId(), result.ok() ? net::ApiError{} : result.error());
            if (record) {
                core::whenFinished(
                    digests, this,
                    [this, result, images](const registry::DigestResolver::Results &r) {
                        if (result.ok())
                            recordDigests(result.value(), images, r);
                        releaseExit();
                    });
            }
            if (!result.ok())
                return fail(result.error());
            created(result.value());
        });
}

void CacheCommands::recordDigests(const core::ImageCache &cache, const QStringList &images,
                                  const registry::DigestResolver::Results &results)
{
    core::ImageCache keyed = cache;
    keyed.accountId = m_recording.accountId; // the store's account, whatever the provider says
    QStringList failures;
    const QList<store::ImageDigest> digests = registry::DigestResolver::recorded(
        keyed, images, results, QDateTime::currentDateTimeUtc(), &failures);
    for (const QString &failure : std::as_const(failures))
        Console::err(
            tr("warning: digest not recorded, so a moved tag cannot be told: %1").arg(failure));
    if (!digests.isEmpty() && !m_recording.store->recordDigests(digests))
        Console::err(tr("warning: %1").arg(m_recording.store->errorString()));
}

void CacheCommands::created(const core::ImageCache &cache)
{
    if (!m_options.wait) {
        printCache(cache);
        return finish(ExitOk);
    }
    Console::err(tr("Created %1 (%2); waiting until it is ready…").arg(cache.name, cache.id));
    waitUntilUsable(cache.id, CacheWaiter::Goal::Usable);
}

void CacheCommands::update()
{
    if (!m_service->supportsUpdate()) {
        return failUsage(tr("%1 image caches cannot be updated (the provider has no update "
                            "API); delete the cache and create a new one.")
                             .arg(core::providerKey(m_service->provider())));
    }
    core::CacheSpec spec;
    QString error;
    if (!buildSpec(&spec, &error))
        return failUsage(error);
    spec.id = m_options.arguments.constFirst();
    const auto errors = core::CacheSpecValidator::validate(
        m_service->provider(), core::CacheSpecValidator::Operation::Update, spec);
    if (!errors.isEmpty())
        return failValidation(errors);

    const QString id = spec.id;
    const QString target = spec.name.isEmpty() ? id : id + QLatin1Char(' ') + spec.name;
    core::whenFinished(
        m_service->update(spec), this, [this, id, target](const net::Result<net::Done> &result) {
            journal(u"cache.update"_qs, target, result.requestId(),
                    result.ok() ? net::ApiError{} : result.error());
            if (!result.ok())
                return fail(result.error());
            if (m_options.wait) {
                Console::err(tr("Update of %1 accepted; waiting until it is ready…").arg(id));
                return waitUntilUsable(id, CacheWaiter::Goal::UsableAgain);
            }
            if (m_options.json)
                Console::json(QJsonObject{{u"updated"_qs, id}});
            else
                Console::out(tr("Update of %1 accepted.").arg(id));
            finish(ExitOk);
        });
}

void CacheCommands::waitUntilUsable(const QString &id, CacheWaiter::Goal goal)
{
    auto *waiter = new CacheWaiter(m_service, id, goal, m_options.pollIntervalMs,
                                   m_options.waitTimeoutMs, this);
    connect(waiter, &CacheWaiter::finished, this, [this, waiter](CacheWaiter::Outcome outcome) {
        waiter->deleteLater();
        const core::ImageCache cache = waiter->lastCache();
        switch (outcome) {
        case CacheWaiter::Outcome::Reached:
            printCache(cache);
            return finish(ExitOk);
        case CacheWaiter::Outcome::Failed:
            Console::err(tr("%1 is %2: %3")
                             .arg(cache.name.isEmpty() ? cache.id : cache.name,
                                  TextFormatter::statusText(cache),
                                  cache.message.isEmpty() ? tr("(the provider gave no reason)")
                                                          : cache.message));
            if (m_options.json)
                Console::json(DomainJson::cache(cache));
            return finish(ExitProviderError);
        case CacheWaiter::Outcome::Error:
            return fail(waiter->error());
        case CacheWaiter::Outcome::TimedOut:
            Console::err(tr("Gave up waiting for %1 after %2 ms; it is still %3.")
                             .arg(cache.id)
                             .arg(m_options.waitTimeoutMs)
                             .arg(TextFormatter::statusText(cache)));
            return finish(ExitProviderError);
        }
    });
    waiter->start();
}

void CacheCommands::removeNext()
{
    if (m_pendingDeletes.isEmpty()) {
        if (m_options.json) {
            Console::json(QJsonObject{{u"deleted"_qs, QJsonArray::fromStringList(m_deleted)},
                                      {u"failed"_qs, QJsonArray::fromStringList(m_failedDeletes)}});
        }
        return finish(m_failedDeletes.isEmpty() ? ExitOk : ExitProviderError);
    }
    const QString id = m_pendingDeletes.takeFirst();
    core::whenFinished(
        m_service->remove(id), this, [this, id](const net::Result<net::Done> &result) {
            journal(u"cache.delete"_qs, id, result.requestId(),
                    result.ok() ? net::ApiError{} : result.error());
            if (!result.ok()) {
                Console::err(result.error().toString());
                m_failedDeletes.append(id);
                return removeNext();
            }
            if (!m_options.wait) {
                m_deleted.append(id);
                if (!m_options.json)
                    Console::out(tr("Deletion of %1 requested.").arg(id));
                return removeNext();
            }
            auto *waiter = new CacheWaiter(m_service, id, CacheWaiter::Goal::Gone,
                                           m_options.pollIntervalMs, m_options.waitTimeoutMs, this);
            connect(waiter, &CacheWaiter::finished, this,
                    [this, waiter, id](CacheWaiter::Outcome outcome) {
                        waiter->deleteLater();
                        if (outcome == CacheWaiter::Outcome::Reached) {
                            m_deleted.append(id);
                            if (!m_options.json)
                                Console::out(tr("Deleted %1.").arg(id));
                        } else {
                            Console::err(outcome == CacheWaiter::Outcome::Error
                                             ? waiter->error().toString()
                                             : tr("%1 was not deleted within %2 ms.")
                                                   .arg(id)
                                                   .arg(m_options.waitTimeoutMs));
                            m_failedDeletes.append(id);
                        }
                        removeNext();
                    });
            waiter->start();
        });
}

} // namespace cli
