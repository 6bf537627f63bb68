#pragma once

#include "net/apierror.h"

#include <QHash>
#include <QObject>

namespace net {
class ApiClient;
}
namespace store {
class Store;
}

namespace cli {

// Writes one store::JournalEntry per cache create/update/delete the CLI sends, with the
// request id of the provider call (ApiClient::callFinished carries it, also for successes).
// Best-effort: without a store, or when a write fails, the command goes on after a warning.
class CliJournal final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CliJournal)
public:
    // `store` may be null (it could not be opened; the caller has warned).
    CliJournal(store::Store *store, QString accountId, net::ApiClient *client,
               QObject *parent = nullptr);

    // `operation` is the provider call whose request id goes with the entry
    // (CreateImageCache, UpdateImageCache, DeleteImageCache).
    void record(const QString &action, const QString &target, const QString &operation,
                const net::ApiError &error);

private:
    store::Store *m_store;
    QString m_accountId;
    QHash<QString, QString> m_lastRequestId;
    bool m_warned = false;
};

} // namespace cli
