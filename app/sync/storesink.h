#pragma once

#include <QObject>

#include <functional>

#include "changesink.h"

#include <QString>

namespace store {
class Store;
class StoreWorker;
} // namespace store

namespace cachesync {

// Writes each change set to the store in one transaction (Store::applyChangeSet) before the
// poller announces it. Either a Store used in this thread (CLI, tests) or a StoreWorker: the
// worker runs writes in order on its thread, so anything read through it afterwards sees them.
class StoreSink final : public ChangeSink
{
public:
    explicit StoreSink(store::Store *store);
    explicit StoreSink(store::StoreWorker *worker);
    ~StoreSink() override = default;
    Q_DISABLE_COPY_MOVE(StoreSink)

    bool apply(const core::ChangeSet &changes) override;
    // Worker only: `handler` runs on `context`'s thread when a queued write fails, so the
    // console can tell the user (the failure is logged either way).
    void onWriteFailed(QObject *context, std::function<void(const QString &error)> handler);
    // The store's message for the last write that failed (synchronous store only).
    QString lastError() const { return m_lastError; }

private:
    QObject *m_failureContext = nullptr;
    std::function<void(const QString &)> m_failureHandler;
    store::Store *m_store = nullptr;
    store::StoreWorker *m_worker = nullptr;
    QString m_lastError;
};

} // namespace cachesync
