#include "storesink.h"

#include "providers/completer.h"
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

void StoreSink::onWriteFailed(QObject *context, std::function<void(const QString &)> handler)
{
    m_failureContext = context;
    m_failureHandler = std::move(handler);
}

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
        const auto report = [handler = m_failureHandler](const store::StoreResult<bool> &result) {
            if (result.ok)
                return;
            qCWarning(lcSync) << "could not store a change set:" << result.error;
            if (handler)
                handler(result.error);
        };
        if (m_failureContext)
            providers::whenFinished(m_worker->applyChangeSet(changes), m_failureContext, report);
        else
            m_worker->applyChangeSet(changes).then(report);
        return true;
    }
    return false;
}

} // namespace cachesync
