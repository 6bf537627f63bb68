#include "clijournal.h"

#include "console.h"
#include "store/store.h"

namespace cli {

CliJournal::CliJournal(store::Store *store, QString accountId, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_accountId(std::move(accountId))
{}

void CliJournal::record(const QString &action, const QString &target, const QString &requestId,
                        const net::ApiError &error)
{
    if (!m_store)
        return;
    store::JournalEntry entry;
    entry.accountId = m_accountId;
    entry.action = action;
    entry.target = target;
    entry.requestId = requestId;
    entry.result = error.isError() ? u"failed"_qs : u"ok"_qs;
    entry.message = error.isError() ? error.toString() : QString();
    if (m_store->appendJournal(entry) == 0 && !m_warned) {
        m_warned = true;
        Console::err(tr("warning: the operation journal could not be written: %1")
                         .arg(m_store->errorString()));
    }
}

} // namespace cli
