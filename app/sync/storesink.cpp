#include "storesink.h"

#include "store/store.h"
#include "store/storeworker.h"

#include <QLoggingCategory>

namespace cachesync {

Q_LOGGING_CATEGORY(lcSync, "imagecache.sync")

StoreSink::StoreSink(store::Store *store)
    : m_store(store)
{}

StoreSink::StoreSink(store::StoreWorker *worker)
    : m_worker(worker)
{}

bool StoreSink::apply(const core::ChangeSet &changes)
{
    if (m_store) {
        if (m_store->applyChangeSet(changes)) {
            m_lastError.clear();
            return true;
        }
        m_lastError = m_store->errorString();
        qCWarning(lcSync) << "could not store a change set:" << m_lastError;
        return false;
    }
    if (m_worker) {
        // Queued in order on the worker thread; a failure is only logged, the next poll
        // writes the same rows again.
        m_worker->applyChangeSet(changes).then([](const store::StoreResult<bool> &result) {
            if (!result.ok)
                qCWarning(lcSync) << "could not store a change set:" << result.error;
        });
        return true;
    }
    return false;
}

} // namespace cachesync
