#include "sharedinventory.h"

#include "regionpoller.h"
#include "syncmanager.h"

#include "providers/completer.h"
#include "store/storechanges.h"
#include "store/storeworker.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSysInfo>

namespace cachesync {

SharedInventory::SharedInventory(store::StoreWorker *store, SyncManager *sync, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_sync(sync)
{
    // Unique per console instance, also for two sessions in one process (the tests).
    m_consoleId
        = QStringLiteral("%1@%2 #%3-%4")
              .arg(store::Store::osUser(), QSysInfo::machineHostName())
              .arg(QCoreApplication::applicationPid())
              .arg(QRandomGenerator::global()->generate() & 0xffff, 4, 16, QLatin1Char('0'));
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(50);
    connect(&m_coalesce, &QTimer::timeout, this, &SharedInventory::reloadRegions);
    m_sync->setPollGate([this](const QString &accountId, const QString &region) {
        return msSinceOtherPoll(accountId, region);
    });
    connect(m_sync, &SyncManager::polled, this, &SharedInventory::recordPoll);
    m_store->followChanges(this, [this](const QString &payload) { onChange(payload); });
}

SharedInventory::~SharedInventory() = default;

QString SharedInventory::regionKey(const QString &accountId, const QString &region)
{
    return accountId + QLatin1Char('/') + region;
}

void SharedInventory::attach()
{
    const int generation = ++m_generation;
    m_shared = false;
    m_otherPolls.clear();
    struct Shared
    {
        bool announces = false;
        QList<store::RegionPoll> polls;
    };
    providers::whenFinished(m_store->run<Shared>([](store::Store &s) {
        store::StoreResult<Shared> r;
        r.value.announces = s.announcesChanges();
        if (r.value.announces)
            r.value.polls = s.regionPolls();
        r.error = s.errorString();
        r.ok = r.error.isEmpty();
        return r;
    }),
                            this, [this, generation](const store::StoreResult<Shared> &r) {
                                if (generation != m_generation)
                                    return;
                                m_shared = r.value.announces;
                                for (const store::RegionPoll &poll : r.value.polls) {
                                    if (poll.polledBy != m_consoleId)
                                        m_otherPolls.insert(regionKey(poll.accountId, poll.region),
                                                            poll);
                                }
                            });
}

qint64 SharedInventory::msSinceOtherPoll(const QString &accountId, const QString &region) const
{
    if (!m_shared)
        return -1;
    const auto it = m_otherPolls.constFind(regionKey(accountId, region));
    if (it == m_otherPolls.cend())
        return -1;
    // Wall-clock time: the record comes from another process, possibly another machine.
    return qMax<qint64>(0, it->polledAt.msecsTo(QDateTime::currentDateTimeUtc()));
}

void SharedInventory::recordPoll(const QString &accountId, const QString &region)
{
    if (!m_shared)
        return;
    const store::RegionPoll poll{accountId, region, m_consoleId, QDateTime::currentDateTimeUtc()};
    // Written in order with the poll's change set, which the sink queued first.
    m_store->run<bool>([poll](store::Store &s) {
        const bool ok = s.recordPoll(poll);
        return store::StoreResult<bool>{ok, ok, s.errorString()};
    });
}

void SharedInventory::onChange(const QString &payload)
{
    const store::StoreChange change = store::StoreChange::parse(payload);
    switch (change.kind) {
    case store::StoreChange::Kind::Caches:
        m_dirtyRegions.insert(regionKey(change.accountId, change.region));
        if (!m_coalesce.isActive())
            m_coalesce.start();
        break;
    case store::StoreChange::Kind::Journal:
        emit journalChanged(change.action.startsWith(QLatin1String("account.")));
        break;
    case store::StoreChange::Kind::Poll:
        if (change.poll.polledBy != m_consoleId)
            m_otherPolls.insert(regionKey(change.accountId, change.region), change.poll);
        break;
    case store::StoreChange::Kind::Unknown:
        break; // a newer console's announcement: nothing this one knows how to read
    }
}

void SharedInventory::reloadRegions()
{
    const QSet<QString> dirty = std::exchange(m_dirtyRegions, {});
    QList<std::pair<QString, QString>> regions;
    for (RegionPoller *poller : m_sync->pollers()) {
        if (dirty.contains(regionKey(poller->accountId(), poller->region()))
            || dirty.contains(regionKey(poller->accountId(), QString())))
            regions.append({poller->accountId(), poller->region()});
    }
    const int generation = m_generation;
    for (const auto &[accountId, region] : std::as_const(regions)) {
        providers::whenFinished(m_store->run<QList<core::ImageCache>>(
                                    [accountId = accountId, region = region](store::Store &s) {
                                        store::StoreResult<QList<core::ImageCache>> r;
                                        r.value = s.loadCaches(accountId, region);
                                        r.error = s.errorString();
                                        r.ok = r.error.isEmpty();
                                        return r;
                                    }),
                                this,
                                [this, generation, accountId = accountId, region = region](
                                    const store::StoreResult<QList<core::ImageCache>> &r) {
                                    if (r.ok && generation == m_generation)
                                        m_sync->applyRemote(accountId, region, r.value);
                                });
    }
}

} // namespace cachesync
