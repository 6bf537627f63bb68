#include "journalcommand.h"

#include "console.h"
#include "exitcode.h"
#include "storeaccess.h"
#include "textformatter.h"

#include "store/store.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

namespace cli {

JournalCommand::JournalCommand(const CliOptions &options, store::Store &store, QObject *parent)
    : Command(options, parent)
    , m_store(store)
{}

QDateTime JournalCommand::parseSince(const QString &text)
{
    const QString trimmed = text.trimmed();
    const QDate date = QDate::fromString(trimmed, Qt::ISODate);
    if (date.isValid())
        return date.startOfDay();
    QDateTime at = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    if (!at.isValid())
        at = QDateTime::fromString(trimmed, Qt::ISODate);
    return at;
}

void JournalCommand::start()
{
    store::JournalQuery query;
    if (!m_options.since.isEmpty()) {
        query.since = parseSince(m_options.since);
        if (!query.since.isValid())
            return failUsage(tr("--since expects a date (2026-12-01) or a date and time "
                                "(2026-12-01T08:30), got '%1'.")
                                 .arg(m_options.since));
    }
    QHash<QString, QString> names;
    for (const store::Account &account : m_store.accounts())
        names.insert(account.id, account.displayName);
    if (!m_options.account.isEmpty()) {
        // A stored account by id or name; otherwise the text is taken as the account id that
        // was journaled (e.g. "env" for the CLI's environment credentials).
        QString error;
        const std::optional<store::Account> found
            = StoreAccess::find(m_store, m_options.account, &error);
        query.accountId = found ? found->id : m_options.account;
    }
    const QList<store::JournalEntry> entries = m_store.journal(query);
    if (!m_store.errorString().isEmpty())
        return failUsage(m_store.errorString());

    if (m_options.json) {
        QJsonArray array;
        for (const store::JournalEntry &e : entries) {
            array.append(QJsonObject{
                {u"id"_qs, e.id},
                {u"at"_qs, e.at.toUTC().toString(Qt::ISODateWithMs)},
                {u"user"_qs, e.osUser},
                {u"accountId"_qs, e.accountId},
                {u"account"_qs, names.value(e.accountId, e.accountId)},
                {u"action"_qs, e.action},
                {u"target"_qs, e.target},
                {u"result"_qs, e.result},
                {u"requestId"_qs, e.requestId},
                {u"message"_qs, e.message},
            });
        }
        Console::json(array);
        return finish(ExitOk);
    }
    if (entries.isEmpty()) {
        Console::err(tr("No journal entries."));
        return finish(ExitOk);
    }
    QList<QStringList> rows;
    rows.reserve(entries.size());
    for (const store::JournalEntry &e : entries) {
        rows.append({e.at.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_qs), e.osUser,
                     names.value(e.accountId, e.accountId), e.action, e.target, e.result,
                     e.requestId, e.message});
    }
    Console::out(TextFormatter::table({tr("WHEN"), tr("USER"), tr("ACCOUNT"), tr("ACTION"),
                                       tr("TARGET"), tr("RESULT"), tr("REQUEST ID"), tr("MESSAGE")},
                                      rows));
    finish(ExitOk);
}

} // namespace cli
