#include "consolesession.h"

#include "accounts/connectionfactory.h"
#include "core/changeset.h"
#include "models/cachetablemodel.h"
#include "models/imagetablemodel.h"
#include "models/journalmodel.h"
#include "models/presentation.h"
#include "net/apiclient.h"
#include "providers/completer.h"
#include "providers/servicefactory.h"
#include "registry/digestresolver.h"
#include "registry/registryclient.h"
#include "store/accountmanager.h"
#include "store/credentialstore.h"
#include "store/keychaincredentialstore.h"
#include "store/profileimporter.h"
#include "store/storepassword.h"
#include "store/storeworker.h"
#include "sync/regionpoller.h"
#include "sync/sharedinventory.h"
#include "sync/storesink.h"
#include "sync/syncmanager.h"
#include "sync/systemclock.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace ui {

namespace {

// "registry/ns/name:tag" → "ns/name:tag"; Docker Hub's implicit "library/" is dropped too.
QString repositoryPath(QString reference)
{
    const int slash = reference.indexOf(QLatin1Char('/'));
    if (slash > 0) {
        const QString first = reference.left(slash);
        if (first.contains(QLatin1Char('.')) || first.contains(QLatin1Char(':'))
            || first == QLatin1String("localhost"))
            reference = reference.mid(slash + 1);
    }
    if (reference.startsWith(QLatin1String("library/")))
        reference = reference.mid(8);
    if (!reference.contains(QLatin1Char(':')) && !reference.contains(QLatin1Char('@')))
        reference += QLatin1String(":latest");
    return reference;
}

bool imageMatches(const core::ImageInfo &image, const QString &reference)
{
    const QString wanted = repositoryPath(reference);
    const QString tagged = image.name + QLatin1Char(':') + image.version;
    const QString withNamespace
        = image.namespaceName.isEmpty() ? tagged : image.namespaceName + QLatin1Char('/') + tagged;
    return wanted == withNamespace || wanted == repositoryPath(tagged)
           || wanted == repositoryPath(withNamespace);
}

} // namespace

// One account×region: its connection and services. The services die with it (after the
// poller that uses them is removed); handlers of their calls are bound to them, so nothing
// runs against a region that a rebuild has replaced.
struct ConsoleSession::Region
{
    Q_DISABLE_COPY_MOVE(Region)
    Region() = default;
    ~Region()
    {
        delete caches;
        delete images;
    }
    QString key() const { return account.id + QLatin1Char('/') + accountRegion.region; }

    store::Account account;
    store::AccountRegion accountRegion;
    providers::Connection connection;
    providers::CacheService *caches = nullptr;
    providers::ImageService *images = nullptr;
    bool imagesLoaded = false;
    bool imagesLoading = false;
    // Images whose Size / Status / OS the listing left blank, described one by one in the
    // background so the Images view is complete (and sortable) without selecting each row.
    QList<core::ImageInfo> detailQueue;
    int detailsInFlight = 0;
};

ConsoleSession::ConsoleSession(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_client(new net::ApiClient(this))
    , m_registry(new registry::RegistryClient(m_client, this))
    , m_cacheModel(new models::CacheTableModel(this))
    , m_requests(new RequestTracker(m_cacheModel, this))
    , m_imageModel(new models::ImageTableModel(this))
    , m_journalModel(new models::JournalModel(this))
    , m_store(std::make_unique<store::StoreWorker>())
    , m_clock(std::make_unique<cachesync::SystemClock>())
{
    m_credentials = m_options.credentials;
    if (!m_credentials) {
        auto *keychain = new store::KeychainCredentialStore(this);
        connect(keychain, &store::KeychainCredentialStore::noticeChanged, this,
                &ConsoleSession::addNotice);
        m_credentials = std::shared_ptr<store::CredentialStore>(keychain, [](auto *) {});
    }
    if (!m_credentials->notice().isEmpty())
        m_notices.append(m_credentials->notice());

    m_sync = new cachesync::SyncManager(m_clock.get(), this);
    cachesync::PollSettings settings;
    settings.slowIntervalMs = m_options.slowPollMs;
    settings.fastIntervalMs = m_options.fastPollMs;
    m_sync->setSettings(settings);
    auto sink = std::make_unique<cachesync::StoreSink>(m_store.get());
    sink->onWriteFailed(this, [this](const QString &error) {
        addNotice(tr("Could not save to the local database: %1").arg(error));
    });
    m_sink = std::move(sink);
    m_sync->setSink(m_sink.get());
    m_sync->followSystemReachability();
    m_sync->events()->setExpiryWindowMs(qint64(m_options.expiryWarningDays) * 24 * 3600 * 1000);
    // Consoles sharing a PostgreSQL store: the others' writes arrive without a cloud call.
    m_shared = new cachesync::SharedInventory(m_store.get(), m_sync, this);
    connect(m_shared, &cachesync::SharedInventory::journalChanged, this, [this](bool accounts) {
        if (accounts)
            reloadAccounts(); // reads the journal too
        else
            refreshJournal();
    });

    connect(m_sync, &cachesync::SyncManager::changesApplied, m_cacheModel,
            &models::CacheTableModel::applyChangeSet);
    connect(m_sync, &cachesync::SyncManager::statusChanged, this, &ConsoleSession::updateStatus);
    connect(m_sync, &cachesync::SyncManager::credentialsRequired, this,
            [this](const QString &accountId, const QString &region, const net::ApiError &error) {
                updateStatus(accountId, region);
                emit notify(tr("Credentials required"),
                            tr("%1 · %2 refused the keys: %3")
                                .arg(accountName(accountId), region, error.toString()));
                emit credentialsRequired(accountId, region, error);
            });
    cachesync::CacheEvents *events = m_sync->events();
    connect(events, &cachesync::CacheEvents::becameUsable, this,
            [this](const core::ImageCache &cache) {
                emit notify(tr("Image cache ready"),
                            tr("%1 (%2) can be used now.").arg(cache.name, cache.region));
            });
    connect(events, &cachesync::CacheEvents::failed, this, [this](const core::ImageCache &cache) {
        emit notify(tr("Image cache failed"),
                    tr("%1 (%2): %3").arg(cache.name, cache.region, cache.message));
    });
    // Expiry warnings come in bursts (every cache near expiry at start-up): one notification
    // per burst, naming the first few.
    m_expiryBatch.setSingleShot(true);
    m_expiryBatch.setInterval(300);
    connect(&m_expiryBatch, &QTimer::timeout, this, &ConsoleSession::notifyExpiring);
    connect(events, &cachesync::CacheEvents::expiringSoon, this,
            [this](const cachesync::WatchedCache &cache) {
                m_expiring.append(cache);
                if (!m_expiryBatch.isActive())
                    m_expiryBatch.start();
            });
    connect(events, &cachesync::CacheEvents::disappeared, this,
            [this](const cachesync::WatchedCache &cache) {
                emit notify(tr("Image cache gone"),
                            tr("%1 (%2) no longer exists.").arg(cache.name, cache.region));
            });
    connect(m_client, &net::ApiClient::requestsInFlightChanged, this, [this](int count) {
        m_requestsInFlight = count;
        emit statusChanged();
    });
}

ConsoleSession::~ConsoleSession()
{
    m_sync->stop();
    delete m_sync; // pollers reference services and the sink
    m_sync = nullptr;
    m_regions.clear();
}

QFuture<registry::ResolvedLogin> ConsoleSession::applyRegistryLogin(const QString &domain)
{
    auto completer = providers::makeCompleter<registry::ResolvedLogin>();
    QFuture<registry::ResolvedLogin> future = completer->future();
    providers::whenFinished(
        registry::RegistryLogins::resolve(m_accounts, domain, m_credentials.get()), this,
        [this, completer, domain](const registry::ResolvedLogin &login) {
            if (!login.credentials.isEmpty())
                m_registry->setCredentials(domain, login.credentials);
            completer->complete(login);
        });
    return future;
}

void ConsoleSession::notifyExpiring()
{
    if (m_expiring.isEmpty())
        return;
    if (m_expiring.size() == 1) {
        const cachesync::WatchedCache &cache = m_expiring.first();
        emit notify(tr("Image cache expires soon"),
                    tr("%1 (%2) expires %3.")
                        .arg(cache.name, cache.region,
                             models::Presentation::timeLeft(cache.expires,
                                                            QDateTime::currentDateTimeUtc())));
    } else {
        QStringList names;
        for (const cachesync::WatchedCache &cache : std::as_const(m_expiring).mid(0, 3))
            names.append(cache.name);
        if (m_expiring.size() > 3)
            names.append(tr("…"));
        emit notify(tr("Image caches expire soon"),
                    tr("%n image cache(s) expire soon: %1", nullptr, int(m_expiring.size()))
                        .arg(names.join(QStringLiteral(", "))));
    }
    m_expiring.clear();
}

void ConsoleSession::addNotice(const QString &notice)
{
    if (notice.isEmpty() || m_notices.contains(notice))
        return;
    m_notices.append(notice);
    emit noticesChanged(m_notices);
}

QString ConsoleSession::accountName(const QString &accountId) const
{
    for (const store::Account &account : m_accounts) {
        if (account.id == accountId)
            return account.displayName;
    }
    return accountId;
}

void ConsoleSession::start()
{
    openStore(storeUrl());
}

QUrl ConsoleSession::storeUrl() const
{
    const QUrl url
        = m_options.storeUrl.isEmpty() ? store::DatabaseUrl::configuredUrl() : m_options.storeUrl;
    return url.adjusted(QUrl::RemovePassword);
}

void ConsoleSession::openStore(const QUrl &url)
{
    // A PostgreSQL password comes from the keychain (it is never in the settings); a newer
    // switch makes the answer of an older one moot.
    const int generation = ++m_storeGeneration;
    providers::whenFinished(store::StorePassword::resolve(*m_credentials, url), this,
                            [this, url, generation](const QUrl &resolved) {
                                if (generation == m_storeGeneration)
                                    loadFromStore(resolved.isEmpty() ? url : resolved, generation);
                            });
}

void ConsoleSession::switchStore(const QUrl &url, const QString &password)
{
    // Nothing of the old store may reach the new one: pollers, models and accounts go first.
    for (const auto &region : m_regions)
        m_sync->removeRegion(region->account.id, region->accountRegion.region);
    m_regions.clear();
    m_statuses.clear();
    m_images.clear();
    m_accounts.clear();
    m_cacheModel->setCaches({});
    m_journalModel->setEntries({});
    showImages();
    m_started = false;
    m_options.storeUrl = url.adjusted(QUrl::RemovePassword);
    emit accountsChanged();
    emit statusChanged();
    if (password.isEmpty()) {
        openStore(m_options.storeUrl);
        return;
    }
    const int generation = ++m_storeGeneration;
    providers::whenFinished(
        store::StorePassword::save(*m_credentials, m_options.storeUrl, password), this,
        [this, generation](const store::SecretResult &saved) {
            if (!saved.ok())
                addNotice(tr("The database password could not be stored in the keychain: %1")
                              .arg(saved.error));
            if (generation == m_storeGeneration)
                openStore(m_options.storeUrl);
        });
}

void ConsoleSession::loadFromStore(const QUrl &url, int generation)
{
    // The worker runs its calls in order: open, seed the --demo accounts, then read accounts
    // and caches. The handlers run here, in the same order.
    providers::whenFinished(
        m_store->open(url), this, [this](const store::StoreResult<QStringList> &opened) {
            if (!opened.ok) {
                addNotice(tr("The local database could not be opened: %1. Live data is shown, "
                             "nothing is kept.")
                              .arg(opened.error));
            }
            for (const QString &notice : opened.value)
                addNotice(notice);
        });
    m_shared->attach();
    const QList<store::Account> seeds = m_options.seedAccounts;
    m_store->run<bool>([seeds](store::Store &s) {
        for (const store::Account &account : seeds) {
            if (s.account(account.id))
                s.updateAccount(account);
            else
                s.addAccount(account);
        }
        return store::StoreResult<bool>{true, true, {}};
    });
    providers::whenFinished(
        m_store->loadAccounts(), this,
        [this, generation](const store::StoreResult<QList<store::Account>> &accounts) {
            if (generation == m_storeGeneration)
                m_accounts = accounts.value;
        });
    providers::whenFinished(
        m_store->loadCaches(), this,
        [this, generation](const store::StoreResult<QList<core::ImageCache>> &caches) {
            if (generation != m_storeGeneration)
                return;
            // The last known state first, at once and offline; then the
            // pollers.
            QHash<QString, QString> names;
            for (const store::Account &account : std::as_const(m_accounts))
                names.insert(account.id, account.displayName);
            m_cacheModel->setAccountNames(names);
            m_journalModel->setAccountNames(names);
            m_imageModel->setAccountNames(names);
            m_cacheModel->setCaches(caches.value);
            m_sync->setKnownCaches(caches.value);
            emit accountsChanged();
            rebuildRegions();
            refreshJournal();
            m_started = true;
            emit started();
        });
}

QList<CacheTarget> ConsoleSession::targets() const
{
    QList<CacheTarget> targets;
    for (const auto &region : m_regions) {
        targets.append({region->account.id, region->account.displayName,
                        region->accountRegion.region, region->account.provider});
    }
    return targets;
}

QList<workload::CoverageSource> ConsoleSession::coverageSources() const
{
    QList<workload::CoverageSource> sources;
    for (const auto &region : m_regions) {
        workload::CoverageSource source;
        source.target = {region->account.provider, region->account.id, region->account.displayName,
                         region->accountRegion.region};
        source.service = region->caches;
        QList<core::ImageCache> caches;
        for (int row = 0; row < m_cacheModel->rowCount(); ++row) {
            const core::ImageCache *cache = m_cacheModel->cache(row);
            if (cache->accountId == region->account.id && cache->region == source.target.region)
                caches.append(*cache);
        }
        source.caches = caches;
        sources.append(source);
    }
    return sources;
}

core::ValidationContext ConsoleSession::validationContext() const
{
    core::ValidationContext context;
    for (int row = 0; row < m_cacheModel->rowCount(); ++row)
        context.existingNames.append(m_cacheModel->cache(row)->name);
    context.existingNames += m_pendingCreates;
    for (int row = 0; row < m_imageModel->rowCount(); ++row) {
        const core::ImageInfo *image = m_imageModel->image(row);
        if (image->sizeBytes > 0) {
            const QString tagged = image->name + QLatin1Char(':') + image->version;
            context.imageSizeBytes.insert(tagged, image->sizeBytes);
            if (!image->namespaceName.isEmpty())
                context.imageSizeBytes.insert(image->namespaceName + QLatin1Char('/') + tagged,
                                              image->sizeBytes);
        }
    }
    return context;
}

bool ConsoleSession::canUpdate(const core::ImageCache &cache) const
{
    const Region *region = regionFor(cache.accountId, cache.region);
    return region && region->caches && region->caches->canUpdate(cache);
}

ConsoleSession::Region *ConsoleSession::regionForKey(const QString &key) const
{
    for (const auto &r : m_regions) {
        if (r->key() == key)
            return r.get();
    }
    return nullptr;
}

ConsoleSession::Region *ConsoleSession::regionFor(const QString &accountId,
                                                  const QString &region) const
{
    for (const auto &r : m_regions) {
        if (r->account.id == accountId && r->accountRegion.region == region)
            return r.get();
    }
    return nullptr;
}

void ConsoleSession::rebuildRegions()
{
    for (const auto &region : m_regions)
        m_sync->removeRegion(region->account.id, region->accountRegion.region);
    m_regions.clear();
    m_statuses.clear();
    // Keychain reads answer later (a locked keychain asks the user): a newer rebuild makes the
    // answers of an older one moot.
    const int generation = ++m_regionsGeneration;

    // Images of accounts or regions that are gone leave the Images view.
    QSet<QString> keys;
    for (const store::Account &account : std::as_const(m_accounts)) {
        for (const store::AccountRegion &region : account.regions)
            keys.insert(account.id + QLatin1Char('/') + region.region);
    }
    for (auto it = m_images.begin(); it != m_images.end();)
        it = keys.contains(it.key()) ? std::next(it) : m_images.erase(it);
    showImages();

    for (const store::Account &account : std::as_const(m_accounts)) {
        providers::whenFinished(
            m_credentials->read(store::AccountManager::accountSecretKey(account)), this,
            [this, account, generation](const store::SecretResult &secret) {
                if (generation != m_regionsGeneration)
                    return;
                const accounts::ConnectionFactory::Credentials credentials
                    = accounts::ConnectionFactory::credentials(
                        account, secret.ok() ? secret.value : QString(), m_options.environment);
                if (!credentials.found()) {
                    addNotice(tr("No key is stored for the account \"%1\": edit it to enter one.")
                                  .arg(account.displayName));
                }
                addRegions(account, credentials);
            });
    }
}

void ConsoleSession::addRegions(const store::Account &account,
                                const accounts::ConnectionFactory::Credentials &credentials)
{
    for (const store::AccountRegion &accountRegion : account.regions) {
        auto region = std::make_unique<Region>();
        region->account = account;
        region->accountRegion = accountRegion;
        region->connection
            = accounts::ConnectionFactory::connection(account, accountRegion, credentials);
        region->caches = providers::createCacheService(m_client, region->connection);
        region->images = providers::createImageService(m_client, region->connection);
        m_sync->addRegion(account.id, accountRegion.region, region->caches);
        RegionStatus status;
        status.accountId = account.id;
        status.accountName = account.displayName;
        status.region = accountRegion.region;
        m_statuses.insert(account.id + QLatin1Char('/') + accountRegion.region, status);
        m_regions.push_back(std::move(region));
    }
    m_sync->start();
    emit accountsChanged();
    emit statusChanged();
}

void ConsoleSession::updateStatus(const QString &accountId, const QString &region)
{
    const auto it = m_statuses.find(accountId + QLatin1Char('/') + region);
    if (it == m_statuses.end())
        return;
    cachesync::RegionPoller *poller = m_sync->poller(accountId, region);
    if (!poller)
        return;
    const cachesync::PollerStatus status = poller->status();
    it->lastRefresh = status.lastSuccess;
    it->requestsInFlight = status.inFlight;
    it->lastError = status.lastError;
    it->credentialsRequired = status.state == cachesync::PollerStatus::State::CredentialsRequired;
    emit statusChanged();
}

void ConsoleSession::refresh()
{
    m_sync->refreshNow();
}

void ConsoleSession::setWindowVisible(bool visible)
{
    m_sync->setWindowVisible(visible);
}

void ConsoleSession::journal(const QString &accountId, const QString &action, const QString &target,
                             const net::ApiError &error, const QString &requestId)
{
    store::JournalEntry entry;
    entry.accountId = accountId;
    entry.action = action;
    entry.target = target;
    entry.requestId = requestId;
    entry.result = error.isError() ? QStringLiteral("failed") : QStringLiteral("ok");
    entry.message = error.isError() ? error.toString() : QString();
    providers::whenFinished(m_store->appendJournal(entry), this,
                            [this](const store::StoreResult<qint64> &) { refreshJournal(); });
}

void ConsoleSession::refreshJournal()
{
    // One read at a time; whatever arrives meanwhile is read by the next one.
    if (m_journalLoading) {
        m_journalAgain = true;
        return;
    }
    m_journalLoading = true;
    store::JournalQuery query;
    query.afterId = m_journalModel->lastId();
    const int generation = m_storeGeneration;
    providers::whenFinished(
        m_store->journal(query), this,
        [this, generation](const store::StoreResult<QList<store::JournalEntry>> &read) {
            m_journalLoading = false;
            if (generation == m_storeGeneration && read.ok)
                m_journalModel->appendEntries(read.value);
            if (std::exchange(m_journalAgain, false) || generation != m_storeGeneration)
                refreshJournal();
        });
}

int ConsoleSession::testStore(const QUrl &url)
{
    const int run = ++m_testRuns;
    // A connection of its own, so the store in use is not touched; the worker is dropped once
    // it has answered (closing on its own thread).
    auto *probe = new store::StoreWorker(this);
    auto opened = probe->run<int>([url](store::Store &s) {
        store::StoreResult<int> r;
        r.ok = s.open(url);
        r.value = r.ok ? s.schemaVersion() : 0;
        r.error = s.errorString();
        s.close();
        return r;
    });
    providers::whenFinished(opened, this, [this, run, probe](const store::StoreResult<int> &r) {
        probe->deleteLater();
        emit storeTestResult(
            run, r.ok,
            r.ok ? tr("Connected. The database has the current schema (version %1).").arg(r.value)
                 : r.error);
    });
    return run;
}

void ConsoleSession::setExpiryWarningDays(int days)
{
    m_options.expiryWarningDays = days;
    m_sync->events()->setExpiryWindowMs(qint64(days) * 24 * 3600 * 1000);
}

void ConsoleSession::setPollIntervals(qint64 slowMs, qint64 fastMs)
{
    if (slowMs == m_options.slowPollMs && fastMs == m_options.fastPollMs)
        return;
    m_options.slowPollMs = slowMs;
    m_options.fastPollMs = fastMs;
    cachesync::PollSettings settings;
    settings.slowIntervalMs = slowMs;
    settings.fastIntervalMs = fastMs;
    m_sync->setSettings(settings);
    if (m_started)
        rebuildRegions(); // pollers take their settings when they are made
}

net::ApiError ConsoleSession::regionGoneError(const QString &region)
{
    net::ApiError error;
    error.kind = net::ApiError::Kind::Validation;
    error.message = tr("The account or region %1 is no longer configured.").arg(region);
    return error;
}

namespace {

// The ECI fields a describe does not return, as the spec sent them; empty ones left out.
QJsonObject networkFields(const core::CacheSpec &spec)
{
    QJsonObject fields;
    const auto add = [&fields](const char *key, const QString &value) {
        if (!value.isEmpty())
            fields.insert(QLatin1String(key), value);
    };
    add("SecurityGroupId", spec.securityGroupId);
    add("VSwitchId", spec.vSwitchId);
    add("ZoneId", spec.zoneId);
    add("EipInstanceId", spec.eipInstanceId);
    if (spec.flash)
        fields.insert(QStringLiteral("Flash"), *spec.flash);
    return fields;
}

} // namespace

bool ConsoleSession::secretsPersistent() const
{
    return m_credentials && m_credentials->persistent();
}

core::ImageCache ConsoleSession::cacheForUpdate(const core::ImageCache &cache) const
{
    core::ImageCache result = cache;
    const QJsonObject sent = m_sentNetwork.value(cache.key());
    for (auto it = sent.constBegin(); it != sent.constEnd(); ++it) {
        if (!result.raw.contains(it.key()))
            result.raw.insert(it.key(), it.value());
    }
    return result;
}

void ConsoleSession::createCache(const CacheTarget &target, const core::CacheSpec &spec)
{
    const QString description = tr("Create %1").arg(spec.name);
    Region *region = regionFor(target.accountId, target.region);
    if (!region) {
        emit operationFinished(description, regionGoneError(target.region));
        return;
    }
    // Until the provider answers, the name counts as taken: a second dialog cannot send the
    // same create again.
    m_pendingCreates.append(spec.name);
    const QString accountId = target.accountId;
    const QString regionId = target.region;
    providers::whenFinished(
        region->caches->create(spec), this,
        [this, description, accountId, regionId, target,
         spec](const net::Result<core::ImageCache> &result) {
            m_pendingCreates.removeOne(spec.name);
            journal(accountId, QStringLiteral("cache.create"),
                    result.ok() ? result.value().id + QLatin1Char(' ') + spec.name : spec.name,
                    result.ok() ? net::ApiError{} : result.error(), result.requestId());
            if (!result.ok())
                emit operationFinished(description, result.error());
            // The new cache shows at once as Creating and is followed on the fast interval.
            if (!result.ok() || !m_sync->applyLocal(result.value()))
                m_sync->refreshNow(accountId, regionId);
            if (result.ok()) {
                if (target.provider == core::Provider::Alibaba)
                    m_sentNetwork.insert(result.value().key(), networkFields(spec));
                m_requests->track(RequestTracker::Kind::Create, result.value().key(), spec.name);
                emit requestAccepted(
                    RequestTracker::acceptedText(RequestTracker::Kind::Create, spec.name));
                recordDigests(result.value(), spec.images);
            }
        });
}

void ConsoleSession::recordDigests(const core::ImageCache &cache, const QStringList &images)
{
    // After the provider accepted the create, so a slow or failing registry never holds it up.
    const int generation = m_storeGeneration;
    providers::whenFinished(
        registry::DigestResolver::resolve(m_registry, images, m_accounts, m_credentials.get()),
        this, [this, cache, images, generation](const registry::DigestResolver::Results &results) {
            if (generation != m_storeGeneration)
                return;
            QStringList failures;
            const QList<store::ImageDigest> digests = registry::DigestResolver::recorded(
                cache, images, results, QDateTime::currentDateTimeUtc(), &failures);
            if (!failures.isEmpty()) {
                store::JournalEntry entry;
                entry.accountId = cache.accountId;
                entry.action = QStringLiteral("cache.digests");
                entry.target = cache.id + QLatin1Char(' ') + cache.name;
                entry.result = QStringLiteral("failed");
                entry.message = tr("Digest not recorded, so a moved tag cannot be told for: %1")
                                    .arg(failures.join(QLatin1String("; ")));
                providers::whenFinished(
                    m_store->appendJournal(entry), this,
                    [this](const store::StoreResult<qint64> &) { refreshJournal(); });
            }
            if (!digests.isEmpty())
                m_store->recordDigests(digests);
        });
}

void ConsoleSession::updateCache(const core::ImageCache &cache, const core::CacheSpec &spec)
{
    const QString description = tr("Update %1").arg(cache.name);
    Region *region = regionFor(cache.accountId, cache.region);
    if (!region) {
        emit operationFinished(description, regionGoneError(cache.region));
        return;
    }
    core::CacheSpec update = spec;
    update.id = cache.id;
    providers::whenFinished(
        region->caches->update(update), this,
        [this, description, cache, update](const net::Result<net::Done> &result) {
            journal(cache.accountId, QStringLiteral("cache.update"),
                    cache.id + QLatin1Char(' ') + cache.name,
                    result.ok() ? net::ApiError{} : result.error(), result.requestId());
            if (result.ok()) {
                // An update without a network field leaves it as it was.
                QJsonObject &sent = m_sentNetwork[cache.key()];
                const QJsonObject fields = networkFields(update);
                for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
                    sent.insert(it.key(), it.value());
                m_requests->track(RequestTracker::Kind::Update, cache.key(), cache.name);
                emit requestAccepted(
                    RequestTracker::acceptedText(RequestTracker::Kind::Update, cache.name));
            } else {
                emit operationFinished(description, result.error());
            }
            m_sync->refreshNow(cache.accountId, cache.region);
        });
}

void ConsoleSession::deleteCaches(const QList<core::ImageCache> &caches)
{
    for (const core::ImageCache &cache : caches) {
        const QString description = tr("Delete %1").arg(cache.name);
        Region *region = regionFor(cache.accountId, cache.region);
        if (!region) {
            emit operationFinished(description, regionGoneError(cache.region));
            continue;
        }
        providers::whenFinished(
            region->caches->remove(cache.id), this,
            [this, description, cache](const net::Result<net::Done> &result) {
                journal(cache.accountId, QStringLiteral("cache.delete"),
                        cache.id + QLatin1Char(' ') + cache.name,
                        result.ok() ? net::ApiError{} : result.error(), result.requestId());
                if (result.ok()) {
                    m_requests->track(RequestTracker::Kind::Delete, cache.key(), cache.name);
                    emit requestAccepted(
                        RequestTracker::acceptedText(RequestTracker::Kind::Delete, cache.name));
                } else {
                    emit operationFinished(description, result.error());
                }
                m_sync->refreshNow(cache.accountId, cache.region);
            });
    }
}

void ConsoleSession::loadImages(bool reload)
{
    for (const auto &region : m_regions) {
        if ((region->imagesLoaded && !reload) || region->imagesLoading || !region->images)
            continue;
        region->imagesLoading = true;
        Region *r = region.get();
        providers::whenFinished(
            r->images->list(), r->images,
            [this, r](const net::Result<QList<core::ImageInfo>> &result) {
                r->imagesLoading = false;
                if (!result.ok()) {
                    emit operationFinished(
                        tr("List images of %1 · %2")
                            .arg(r->account.displayName, r->accountRegion.region),
                        result.error());
                    // Waiters (the Layers tab) stop waiting; the next request lists again.
                    emit imagesLoaded();
                    return;
                }
                r->imagesLoaded = true;
                m_images.insert(r->key(), result.value());
                showImages();
                r->detailQueue.clear();
                for (const core::ImageInfo &image : result.value()) {
                    if (models::ImageTableModel::hasBlankDetails(image))
                        r->detailQueue.append(image);
                }
                loadImageDetails(r->key());
                const QList<core::ImageInfo> images = result.value();
                const QString accountId = r->account.id;
                const QString regionId = r->accountRegion.region;
                m_store->run<bool>([accountId, regionId, images](store::Store &s) {
                    const bool ok = s.saveImages(accountId, regionId, images);
                    return store::StoreResult<bool>{ok, ok, s.errorString()};
                });
                emit imagesLoaded();
            });
    }
}

void ConsoleSession::showImages()
{
    QList<core::ImageInfo> all;
    for (const QList<core::ImageInfo> &list : std::as_const(m_images))
        all += list;
    m_imageModel->setImages(all);
}

void ConsoleSession::loadImageDetails(const QString &regionKey)
{
    constexpr int MaxInFlight = 3; // per region: a listing of hundreds must not flood the API
    Region *region = regionForKey(regionKey);
    if (!region || !region->images)
        return;
    while (region->detailsInFlight < MaxInFlight && !region->detailQueue.isEmpty()) {
        const core::ImageInfo image = region->detailQueue.takeFirst();
        ++region->detailsInFlight;
        providers::whenFinished(region->images->show(image), region->images,
                                [this, regionKey](const net::Result<core::ImageInfo> &result) {
                                    Region *r = regionForKey(regionKey);
                                    if (!r)
                                        return;
                                    --r->detailsInFlight;
                                    // A failure leaves the cells blank; selecting the row asks
                                    // again and says why.
                                    if (result.ok()) {
                                        const QString key
                                            = models::ImageTableModel::keyOf(result.value());
                                        for (core::ImageInfo &known : m_images[regionKey]) {
                                            if (models::ImageTableModel::keyOf(known) == key)
                                                known = result.value();
                                        }
                                        m_imageModel->updateImage(result.value());
                                    }
                                    loadImageDetails(regionKey);
                                });
    }
}

void ConsoleSession::requestImageDetails(const core::ImageInfo &image)
{
    Region *region = regionFor(image.accountId, image.region);
    if (!region || !region->images)
        return;
    providers::whenFinished(region->images->show(image), region->images,
                            [this](const net::Result<core::ImageInfo> &result) {
                                if (!result.ok()) {
                                    emit operationFinished(tr("Image details"), result.error());
                                    return;
                                }
                                m_imageModel->updateImage(result.value());
                                emit imageDetailsReady(result.value());
                            });
}

void ConsoleSession::requestLayers(const core::ImageCache &cache)
{
    Region *region = regionFor(cache.accountId, cache.region);
    const QString key = cache.key();
    // Only HSS reports base-image layers; E-HPC Instant and ECI have no layer API.
    if (!region || !region->images || cache.provider != core::Provider::Huawei) {
        emit layersReady(key, {});
        return;
    }
    const QString regionKey = region->key();
    const auto collect = [this, regionKey, key, images = cache.images] {
        const Region *current = regionForKey(regionKey);
        if (!current)
            return;
        const QList<core::ImageInfo> known = m_images.value(regionKey);
        QList<core::ImageInfo> matched;
        for (const QString &reference : images) {
            for (const core::ImageInfo &image : known) {
                if (imageMatches(image, reference)) {
                    matched.append(image);
                    break;
                }
            }
        }
        if (matched.isEmpty()) {
            emit layersReady(key, {});
            return;
        }
        auto layers = std::make_shared<QList<core::ImageLayer>>();
        auto pending = std::make_shared<int>(int(matched.size()));
        for (const core::ImageInfo &image : std::as_const(matched)) {
            providers::whenFinished(
                current->images->layers(image), current->images,
                [this, key, layers, pending](const net::Result<QList<core::ImageLayer>> &r) {
                    if (r.ok()) {
                        for (const core::ImageLayer &layer : r.value()) {
                            if (!layers->contains(layer))
                                layers->append(layer);
                        }
                    } else {
                        emit operationFinished(tr("Load layers"), r.error());
                    }
                    if (--*pending == 0)
                        emit layersReady(key, *layers);
                });
        }
    };
    if (region->imagesLoaded) {
        collect();
        return;
    }
    // Layers need the HSS image ids: list the region's images first.
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(this, &ConsoleSession::imagesLoaded, this,
                          [this, connection, regionKey, key, collect] {
                              const Region *current = regionForKey(regionKey);
                              if (current && current->imagesLoading)
                                  return; // another region finished first
                              QObject::disconnect(*connection);
                              if (current && current->imagesLoaded)
                                  collect();
                              else
                                  emit layersReady(key, {}); // listing failed: nothing known
                          });
    loadImages();
}

store::AccountManager ConsoleSession::accountManager()
{
    return store::AccountManager(*m_store, *m_credentials, this);
}

void ConsoleSession::saveAccount(const store::Account &account, const AccountSecrets &secrets)
{
    const QString description = tr("Save account %1").arg(account.displayName);
    store::AccountManager::Secrets typed;
    typed.secretKey = secrets.secretKey;
    if (account.authKind == store::Account::AuthKind::IamToken)
        typed.iamPassword = secrets.iamPassword;
    providers::whenFinished(accountManager().save(account, typed), this,
                            [this, description](const QString &problem) {
                                net::ApiError error;
                                if (!problem.isEmpty()) {
                                    error.kind = net::ApiError::Kind::Validation;
                                    error.message = problem;
                                }
                                emit operationFinished(description, error);
                                reloadAccounts();
                            });
}

void ConsoleSession::reloadAccounts()
{
    providers::whenFinished(m_store->loadAccounts(), this,
                            [this](const store::StoreResult<QList<store::Account>> &r) {
                                if (!r.ok)
                                    return;
                                m_accounts = r.value;
                                QHash<QString, QString> names;
                                for (const store::Account &account : std::as_const(m_accounts))
                                    names.insert(account.id, account.displayName);
                                m_cacheModel->setAccountNames(names);
                                m_journalModel->setAccountNames(names);
                                m_imageModel->setAccountNames(names);
                                emit accountsChanged();
                                rebuildRegions();
                                refreshJournal(); // the store journals account changes
                            });
}

void ConsoleSession::removeAccount(const QString &accountId)
{
    m_sync->removeAccount(accountId);
    core::ChangeSet removal;
    for (int row = 0; row < m_cacheModel->rowCount(); ++row) {
        if (m_cacheModel->cache(row)->accountId == accountId)
            removal.removed.append(m_cacheModel->cache(row)->key());
    }
    m_cacheModel->applyChangeSet(removal);
    providers::whenFinished(accountManager().remove(accountId), this,
                            [this](const QString &problem) {
                                addNotice(problem);
                                reloadAccounts();
                            });
}

void ConsoleSession::importProfiles(const QString &path)
{
    QFile file(path);
    QByteArray head;
    if (file.open(QIODevice::ReadOnly))
        head = file.read(1 << 20);
    // The aliyun CLI writes access_key_id; KooCLI writes accessKeyId.
    const bool aliyun = head.contains("access_key_id") || path.contains(QLatin1String(".aliyun"));
    const store::ImportReport report = aliyun ? store::ProfileImporter::readAliyun(path)
                                              : store::ProfileImporter::readKooCli(path);
    if (!report.error.isEmpty()) {
        emit operationFinished(
            tr("Import %1").arg(path),
            net::ApiError{net::ApiError::Kind::Validation, 0, {}, report.error, {}, {}, false, -1});
        return;
    }
    // ProfileImporter::save leaves duplicates out and writes each account's secret before
    // the account, as `imagecache accounts import` does.
    auto accounts = std::make_shared<store::AccountManager>(accountManager());
    const QStringList skipped = report.skipped;
    const int offered = int(report.accounts.size());
    providers::whenFinished(store::ProfileImporter::save(report, *accounts), this,
                            [this, accounts, path, skipped, offered](const QStringList &problems) {
                                for (const QString &reason : skipped + problems)
                                    addNotice(reason);
                                const int added = std::max(0, offered - int(problems.size()));
                                emit operationFinished(
                                    tr("Import %n profile(s) from %1", nullptr, added).arg(path),
                                    {});
                                reloadAccounts();
                            });
}

int ConsoleSession::testConnection(const store::Account &account, const AccountSecrets &secrets)
{
    const int testRun = ++m_testRuns;
    const bool iam = account.authKind == store::Account::AuthKind::IamToken;
    const QString typed = iam ? secrets.iamPassword : secrets.secretKey;
    const auto run = [this, account, testRun](const QString &secret) {
        const accounts::ConnectionFactory::Credentials credentials
            = accounts::ConnectionFactory::credentials(account, secret, m_options.environment);
        for (const store::AccountRegion &region : account.regions) {
            const providers::Connection connection
                = accounts::ConnectionFactory::connection(account, region, credentials);
            providers::CacheService *service
                = providers::createCacheService(m_client, connection, this);
            const QString regionId = region.region;
            providers::whenFinished(
                service->list(), this,
                [this, service, regionId, testRun](const net::Result<QList<core::ImageCache>> &r) {
                    emit testResult(testRun, regionId, r.ok(),
                                    r.ok() ? tr("%n image cache(s)", nullptr, int(r.value().size()))
                                           : r.error().toString());
                    service->deleteLater();
                });
        }
    };
    if (!typed.isEmpty()) {
        run(typed);
        return testRun;
    }
    providers::whenFinished(
        m_credentials->read(store::AccountManager::accountSecretKey(account)), this,
        [run](const store::SecretResult &secret) { run(secret.ok() ? secret.value : QString()); });
    return testRun;
}

} // namespace ui
