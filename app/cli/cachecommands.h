#pragma once

#include "cachewaiter.h"
#include "command.h"
#include "providers/cacheservice.h"
#include "registry/digestresolver.h"
#include "store/account.h"

#include <QProcessEnvironment>
#include <QStringList>

#include <functional>

namespace registry {
class RegistryClient;
}
namespace store {
class CredentialStore;
class Store;
} // namespace store

namespace cli {

class CliJournal;

// Where `caches create` records the digest each image resolved to (tag-moved checks): the
// store, with the stored accounts' registry logins. Unset members: nothing is recorded.
struct DigestRecording
{
    registry::RegistryClient *client = nullptr;
    store::Store *store = nullptr;
    QList<store::Account> accounts;
    store::CredentialStore *credentials = nullptr;
    QString accountId; // of the connection; the cache key is made from it
};

// caches list | show ID | create | update ID | delete ID...
class CacheCommands final : public Command
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CacheCommands)
public:
    CacheCommands(const CliOptions &options, const QProcessEnvironment &environment,
                  providers::CacheService *service, QObject *parent = nullptr);

    // The list filters of the command line (shared with `export caches`).
    static providers::CacheQuery query(const CliOptions &options);

    // Where create/update/delete are recorded (may stay unset: no journal).
    void setJournal(CliJournal *journal) { m_journal = journal; }
    void setDigestRecording(DigestRecording recording) { m_recording = std::move(recording); }

protected:
    void start() override;

private:
    void list();
    void show();
    void create();
    void created(const core::ImageCache &cache);
    void recordDigests(const core::ImageCache &cache, const QStringList &images,
                       const registry::DigestResolver::Results &results);
    void update();
    void removeNext();
    // Reads the create/update options into a spec; false with a usage message when an option
    // does not fit the provider or a file cannot be read.
    bool buildSpec(core::CacheSpec *spec, QString *error) const;
    void printCache(const core::ImageCache &cache);
    // `caches show|delete NAME`: each argument that is no cache's id but exactly one cache's
    // name becomes that cache's id; a name shared by several caches is refused (exit 2) with
    // their ids. An argument matching nothing is passed on, for the provider to refuse.
    void resolveIds(const std::function<void(const QStringList &ids)> &next);
    void waitUntilUsable(const QString &id, CacheWaiter::Goal goal);

    QProcessEnvironment m_environment;
    void journal(const QString &action, const QString &target, const QString &requestId,
                 const net::ApiError &error);

    providers::CacheService *m_service;
    CliJournal *m_journal = nullptr;
    DigestRecording m_recording;
    QStringList m_resolvedIds;
    QStringList m_pendingDeletes;
    QStringList m_deleted;
    QStringList m_failedDeletes;
};

} // namespace cli
