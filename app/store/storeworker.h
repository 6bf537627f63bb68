#pragma once

#include "store.h"

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QThread>

#include <functional>
#include <memory>

namespace store {

// What a StoreWorker call produced: the value, or the store's error message.
template<typename T>
struct StoreResult
{
    bool ok = false;
    T value{};
    QString error;
};

// Owns a Store on its own thread so the GUI never waits on bulk database work. Calls are
// queued in order and answered through QFuture; continuations run wherever the caller says
// (e.g. .then(this, ...) for the GUI thread).
class StoreWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreWorker)
public:
    explicit StoreWorker(QObject *parent = nullptr);
    ~StoreWorker() override; // closes the store on its thread, then stops the thread

    // The notices of open() (e.g. a corrupt file moved aside) come back in `value`.
    QFuture<StoreResult<QStringList>> open(const QUrl &url = DatabaseUrl::defaultUrl());
    QFuture<StoreResult<QList<core::ImageCache>>> loadCaches();
    QFuture<StoreResult<bool>> applyChangeSet(const core::ChangeSet &set);
    QFuture<StoreResult<QList<Account>>> loadAccounts();
    QFuture<StoreResult<qint64>> appendJournal(const JournalEntry &entry);
    QFuture<StoreResult<QList<JournalEntry>>> journal(const JournalQuery &query = {});
    QFuture<StoreResult<bool>> recordDigests(const QList<ImageDigest> &digests);
    QFuture<StoreResult<bool>> recordDigestChecks(const QList<ImageDigest> &checks);
    QFuture<StoreResult<QList<ImageDigest>>> imageDigests();

    // On a shared (PostgreSQL) store, `handler` runs on `context`'s thread with the payload of
    // every change another connection announces (Store::setChangeListener), also after a
    // re-open. `context` must outlive this worker.
    void followChanges(QObject *context, std::function<void(const QString &payload)> handler);

    // Any other work: `job` runs on the worker thread with the open store.
    template<typename T>
    QFuture<StoreResult<T>> run(std::function<StoreResult<T>(Store &)> job)
    {
        auto promise = std::make_shared<QPromise<StoreResult<T>>>();
        QFuture<StoreResult<T>> future = promise->future();
        promise->start();
        post([this, promise, job = std::move(job)] {
            promise->addResult(job(*m_store));
            promise->finish();
        });
        return future;
    }

private:
    void post(std::function<void()> task);

    QThread m_thread;
    QObject *m_context = nullptr;   // lives on m_thread; queued tasks run in its context
    std::unique_ptr<Store> m_store; // created, used and destroyed on m_thread only
};

} // namespace store
