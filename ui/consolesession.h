#pragma once

#include "accountdialog.h"
#include "createcachedialog.h"
#include "requesttracker.h"
#include "workload/coverageevaluator.h"

#include "accounts/connectionfactory.h"
#include "core/cachespec.h"
#include "core/changeset.h"
#include "core/imageinfo.h"
#include "net/apierror.h"
#include "providers/connection.h"
#include "registry/registrylogins.h"
#include "store/account.h"
#include "store/accountmanager.h"
#include "sync/cacheevents.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QProcessEnvironment>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace net {
class ApiClient;
}
namespace registry {
class RegistryClient;
}
namespace models {
class CacheTableModel;
class ImageTableModel;
class JournalModel;
} // namespace models
namespace providers {
class CacheService;
class ImageService;
} // namespace providers
namespace store {
class CredentialStore;
class StoreWorker;
} // namespace store
namespace cachesync {
class ChangeSink;
class Clock;
class SharedInventory;
class SyncManager;
} // namespace cachesync

namespace ui {

// Per account×region, what the status bar shows.
struct RegionStatus
{
    QString accountId;
    QString accountName;
    QString region;
    QDateTime lastRefresh;
    int requestsInFlight = 0;
    net::ApiError lastError; // with the provider's code, message and request id
    bool credentialsRequired = false;
};

// Everything the console does, without widgets: accounts and their keychain secrets, the
// offline store (on its own thread), the pollers, the provider services and the item models.
// The main window only shows what this exposes and forwards the user's actions to it.
class ConsoleSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleSession)
public:
    struct Options
    {
        // Empty: IMAGECACHE_STORE_URL, the "Store/Url" setting, or the SQLite file under
        // AppDataLocation (shared with the CLI).
        QUrl storeUrl;
        std::shared_ptr<store::CredentialStore> credentials; // empty: system keychain
        QList<store::Account> seedAccounts; // written (added or updated) at start: --demo
        qint64 slowPollMs = 60'000;
        qint64 fastPollMs = 3'000;
        int expiryWarningDays = 3;
        bool notifications = true; // tray notifications (the status bar always shows them)
        // Where the official SDK variables are read (HUAWEICLOUD_SDK_AK, ...).
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    };

    explicit ConsoleSession(Options options, QObject *parent = nullptr);
    ~ConsoleSession() override;

    // Loads the last known state from the store (the table fills at once, even offline), then
    // starts polling every account×region.
    void start();

    models::CacheTableModel *cacheModel() const { return m_cacheModel; }
    // The accepted create/update/delete requests, followed until the cache gets there.
    RequestTracker *requests() const { return m_requests; }
    models::ImageTableModel *imageModel() const { return m_imageModel; }
    // The one registry client of the console's features (on the session's transport), so
    // tokens and logins are shared between them.
    registry::RegistryClient *registryClient() const { return m_registry; }
    // Resolves the stored login for `domain` (RegistryLogins over the accounts, its password
    // from the keychain) and hands it to registryClient(); finishes once it is set (or none
    // applies), on the GUI thread.
    QFuture<registry::ResolvedLogin> applyRegistryLogin(const QString &domain);
    models::JournalModel *journalModel() const { return m_journalModel; }
    // The store in use (never with its password).
    QUrl storeUrl() const;
    bool notificationsEnabled() const { return m_options.notifications; }
    cachesync::SharedInventory *sharedInventory() const { return m_shared; }
    QList<store::Account> accounts() const { return m_accounts; }
    QList<CacheTarget> targets() const;
    // Every account and region with its cache service and the caches the console holds, for
    // the Coverage view.
    QList<workload::CoverageSource> coverageSources() const;
    QList<RegionStatus> statuses() const { return m_statuses.values(); }
    int requestsInFlight() const { return m_requestsInFlight; }
    core::ValidationContext validationContext() const;
    QStringList notices() const { return m_notices; }
    bool canUpdate(const core::ImageCache &cache) const;
    // False when secrets live in memory only (no system keychain): the account dialog says so.
    bool secretsPersistent() const;
    // The cache as the Update dialog should show it: ECI's describe leaves out the network
    // settings (SecurityGroupId, VSwitchId, ZoneId, EipInstanceId, Flash), so the ones this
    // session sent for the cache are added to its raw JSON where the provider gave none.
    core::ImageCache cacheForUpdate(const core::ImageCache &cache) const;

public slots:
    void refresh();
    void setWindowVisible(bool visible);
    void createCache(const ui::CacheTarget &target, const core::CacheSpec &spec);
    void updateCache(const core::ImageCache &cache, const core::CacheSpec &spec);
    void deleteCaches(const QList<core::ImageCache> &caches);
    // Lists the images of every region once; `reload` lists them again (F5).
    void loadImages(bool reload = false);
    void requestLayers(const core::ImageCache &cache);
    void requestImageDetails(const core::ImageInfo &image);
    void saveAccount(const store::Account &account, const ui::AccountSecrets &secrets);
    void removeAccount(const QString &accountId);
    void importProfiles(const QString &path);
    // One real read per region; answers come back through testResult() with this run's id.
    int testConnection(const store::Account &account, const ui::AccountSecrets &secrets);
    // Reads the journal entries written since the last read (by this console, another one or
    // the CLI) into journalModel(), on the store's thread.
    void refreshJournal();
    // Opens `url` (a PostgreSQL URL may carry the password, which is never kept) on a
    // separate connection, migrating an empty database; the answer comes through
    // storeTestResult() with this run's id.
    int testStore(const QUrl &url);
    // Switches to another store: polling stops, the new store is opened (its schema migrated
    // on first use) and everything is loaded from it; started() is emitted again. The old store
    // is left as it is. A PostgreSQL `password` is stored in the keychain first (never in the
    // settings); without one, the keychain's is used.
    void switchStore(const QUrl &url, const QString &password = {});
    void setNotificationsEnabled(bool enabled) { m_options.notifications = enabled; }
    void setExpiryWarningDays(int days);
    // New intervals restart the pollers with them.
    void setPollIntervals(qint64 slowMs, qint64 fastMs);

signals:
    void started();
    void accountsChanged();
    void statusChanged();
    void noticesChanged(const QStringList &notices);
    // A user action finished: success (error.kind None) or the provider's error. A create,
    // update or delete that the provider accepted is not finished: it emits requestAccepted
    // and requests() says when the cache got there.
    void operationFinished(const QString &description, const net::ApiError &error);
    void requestAccepted(const QString &text);
    // Tray notifications: a cache became usable, failed, expires soon or disappeared.
    void notify(const QString &title, const QString &message);
    void layersReady(const QString &cacheKey, const QList<core::ImageLayer> &layers);
    void imageDetailsReady(const core::ImageInfo &image);
    void testResult(int run, const QString &region, bool ok, const QString &text);
    // Polling of the region stopped after repeated 401/403; new keys (saveAccount) resume it.
    void credentialsRequired(const QString &accountId, const QString &region,
                             const net::ApiError &error);
    void imagesLoaded();
    void storeTestResult(int run, bool ok, const QString &text);

private:
    struct Region;
    void openStore(const QUrl &url);
    void loadFromStore(const QUrl &url, int generation);
    void rebuildRegions();
    void reloadAccounts();
    void addRegions(const store::Account &account,
                    const accounts::ConnectionFactory::Credentials &credentials);
    store::AccountManager accountManager();
    Region *regionFor(const QString &accountId, const QString &region) const;
    Region *regionForKey(const QString &key) const;
    void showImages();
    void loadImageDetails(const QString &regionKey);
    void updateStatus(const QString &accountId, const QString &region);
    QString accountName(const QString &accountId) const;
    void journal(const QString &accountId, const QString &action, const QString &target,
                 const net::ApiError &error, const QString &requestId);
    void addNotice(const QString &notice);
    static net::ApiError regionGoneError(const QString &region);
    void notifyExpiring();
    // Records the digest each image of a just-created cache points at (tag-moved checks).
    void recordDigests(const core::ImageCache &cache, const QStringList &images);

    Options m_options;
    net::ApiClient *m_client = nullptr;
    registry::RegistryClient *m_registry = nullptr;
    models::CacheTableModel *m_cacheModel = nullptr;
    RequestTracker *m_requests = nullptr;
    models::ImageTableModel *m_imageModel = nullptr;
    models::JournalModel *m_journalModel = nullptr;
    std::shared_ptr<store::CredentialStore> m_credentials;
    std::unique_ptr<store::StoreWorker> m_store;
    std::unique_ptr<cachesync::Clock> m_clock;
    cachesync::SyncManager *m_sync = nullptr;
    cachesync::SharedInventory *m_shared = nullptr;
    std::unique_ptr<cachesync::ChangeSink> m_sink;
    QList<store::Account> m_accounts;
    std::vector<std::unique_ptr<Region>> m_regions;
    QHash<QString, RegionStatus> m_statuses;
    QHash<QString, QList<core::ImageInfo>> m_images; // by account/region
    QStringList m_notices;
    QStringList m_pendingCreates;              // names sent, not yet answered
    QHash<QString, QJsonObject> m_sentNetwork; // by cache key: ECI network fields last sent
    QList<cachesync::WatchedCache> m_expiring; // warnings gathered for one notification
    QTimer m_expiryBatch;
    int m_requestsInFlight = 0;
    int m_regionsGeneration = 0;
    int m_testRuns = 0;
    int m_storeGeneration = 0;
    bool m_journalLoading = false;
    bool m_journalAgain = false;
    bool m_started = false;
};

} // namespace ui
