#pragma once

#include "itemroles.h"

// The journal's record type only (a plain struct, no QtSql): the model reads what the store
// wrote, it does not open the store.
#include "store/journalentry.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace models {

// The operation journal for the History view: one row per create, update or delete that the
// console or the CLI sent (and every account change), newest entries appended at the end.
// Loaded in one go by setEntries() (the store read runs on its worker thread) and then only
// extended by appendEntries(), so sort and selection survive new entries.
class JournalModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JournalModel)

public:
    enum Column { When, User, Account, Action, Target, Result, RequestId, Message, ColumnCount };
    Q_ENUM(Column)

    // Row-level role beside the shared ones (itemroles.h): the raw result key.
    static constexpr int ResultRole = models::DetailsRevisionRole + 1;

    explicit JournalModel(QObject *parent = nullptr);
    ~JournalModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Replaces every row (the initial load, or a reload after the store changed).
    void setEntries(const QList<store::JournalEntry> &entries);
    // New entries (by id); ids already shown are skipped, so a reload that overlaps an append
    // shows each entry once.
    void appendEntries(const QList<store::JournalEntry> &entries);
    // The highest entry id shown: what to read after (JournalQuery::afterId).
    qint64 lastId() const { return m_lastId; }
    const store::JournalEntry *entry(int row) const;

    // Account id → display name for the Account column (ids show when no name is known).
    void setAccountNames(const QHash<QString, QString> &names);

    // "cache.create" → "Create cache"; unknown actions show as they are.
    static QString actionText(const QString &action);
    // "ok" → "Succeeded", "failed" → "Failed", "pending" → "Pending".
    static QString resultText(const QString &result);

private:
    QString searchText(const store::JournalEntry &entry) const;

    QList<store::JournalEntry> m_entries;
    QHash<qint64, int> m_rowById;
    QHash<QString, QString> m_accountNames;
    qint64 m_lastId = 0;
};

} // namespace models
