#pragma once

#include "net/apierror.h"

#include <QObject>

namespace store {
class Store;
}

namespace cli {

// Writes one store::JournalEntry per cache create/update/delete the CLI sends, with the
// request id of that provider call (net::Result::requestId(), also for successes).
// Best-effort: without a store, or when a write fails, the command goes on after a warning.
class CliJournal final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CliJournal)
public:
    // `store` may be null (it could not be opened; the caller has warned).
    CliJournal(store::Store *store, QString accountId, QObject *parent = nullptr);

    // `error` is empty (not isError()) for a success.
    void record(const QString &action, const QString &target, const QString &requestId,
                const net::ApiError &error);

private:
    store::Store *m_store;
    QString m_accountId;
    bool m_warned = false;
};

} // namespace cli
