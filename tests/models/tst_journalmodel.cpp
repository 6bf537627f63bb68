// The History view's model and proxy: rows, columns, translated actions and results, appends
// without duplicates, filter and sort — all under QAbstractItemModelTester.

#include "models/itemroles.h"
#include "models/journalfilterproxymodel.h"
#include "models/journalmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using models::JournalModel;

namespace {
store::JournalEntry entry(qint64 id, const QString &action, const QString &result,
                          const QString &account, const QString &target,
                          const QString &requestId = {})
{
    store::JournalEntry e;
    e.id = id;
    e.at = QDateTime(QDate(2026, 12, 1), QTime(8, 0), Qt::UTC).addSecs(id * 60);
    e.osUser = id % 2 ? QStringLiteral("alice") : QStringLiteral("bob");
    e.accountId = account;
    e.action = action;
    e.target = target;
    e.result = result;
    e.requestId = requestId;
    return e;
}
} // namespace

class TestJournalModel final : public QObject
{
    Q_OBJECT
private slots:
    void columnsShowTheEntry();
    void appendSkipsEntriesAlreadyShown();
    void filterByTextResultAndAccount();
    void sortsByAnyColumnNewestFirstByDefault();
};

void TestJournalModel::columnsShowTheEntry()
{
    JournalModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAccountNames({{QStringLiteral("ali"), QStringLiteral("Alibaba prod")}});
    model.setEntries(
        {entry(1, QStringLiteral("cache.create"), QStringLiteral("ok"), QStringLiteral("ali"),
               QStringLiteral("imc-1 web"), QStringLiteral("REQ-1")),
         entry(2, QStringLiteral("cache.delete"), QStringLiteral("failed"), QStringLiteral("env"),
               QStringLiteral("imc-2"))});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(JournalModel::ColumnCount));
    const auto cell = [&](int row, int column) {
        return model.index(row, column).data().toString();
    };
    QCOMPARE(cell(0, JournalModel::When), QStringLiteral("2026-12-01 08:01:00")); // TZ=UTC
    QCOMPARE(cell(0, JournalModel::User), QStringLiteral("alice"));
    QCOMPARE(cell(0, JournalModel::Account), QStringLiteral("Alibaba prod"));
    QCOMPARE(cell(1, JournalModel::Account), QStringLiteral("env")); // no name known
    QCOMPARE(cell(0, JournalModel::Action), QStringLiteral("Create cache"));
    QCOMPARE(cell(1, JournalModel::Action), QStringLiteral("Delete cache"));
    QCOMPARE(cell(0, JournalModel::Target), QStringLiteral("imc-1 web"));
    QCOMPARE(cell(0, JournalModel::Result), QStringLiteral("Succeeded"));
    QCOMPARE(cell(1, JournalModel::Result), QStringLiteral("Failed"));
    QCOMPARE(cell(0, JournalModel::RequestId), QStringLiteral("REQ-1"));
    QCOMPARE(model.index(0, 0).data(models::KeyRole).toLongLong(), 1);
    QCOMPARE(model.lastId(), 2);
    QCOMPARE(JournalModel::actionText(QStringLiteral("something.new")),
             QStringLiteral("something.new"));
}

void TestJournalModel::appendSkipsEntriesAlreadyShown()
{
    JournalModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendEntries({entry(1, QStringLiteral("cache.create"), QStringLiteral("ok"),
                               QStringLiteral("a"), QStringLiteral("x"))});
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    // A read that overlaps what is shown (e.g. two refreshes racing) shows each entry once.
    model.appendEntries({entry(1, QStringLiteral("cache.create"), QStringLiteral("ok"),
                               QStringLiteral("a"), QStringLiteral("x")),
                         entry(2, QStringLiteral("cache.update"), QStringLiteral("ok"),
                               QStringLiteral("a"), QStringLiteral("x")),
                         entry(3, QStringLiteral("account.update"), QStringLiteral("ok"),
                               QStringLiteral("a"), QStringLiteral("a"))});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.lastId(), 3);
    model.appendEntries({entry(3, QStringLiteral("account.update"), QStringLiteral("ok"),
                               QStringLiteral("a"), QStringLiteral("a"))});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(inserted.count(), 1);
}

void TestJournalModel::filterByTextResultAndAccount()
{
    JournalModel model;
    models::JournalFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntries(
        {entry(1, QStringLiteral("cache.create"), QStringLiteral("ok"), QStringLiteral("ali"),
               QStringLiteral("imc-1 web"), QStringLiteral("AAA-111")),
         entry(2, QStringLiteral("cache.delete"), QStringLiteral("failed"), QStringLiteral("hw"),
               QStringLiteral("cache-2 api")),
         entry(3, QStringLiteral("cache.delete"), QStringLiteral("ok"), QStringLiteral("ali"),
               QStringLiteral("imc-3 web"))});
    QCOMPARE(proxy.rowCount(), 3);
    proxy.setFilterText(QStringLiteral("WEB delete")); // every word, any case, translated too
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, JournalModel::Target).data().toString(), QStringLiteral("imc-3 web"));
    proxy.setFilterText(QStringLiteral("aaa-111")); // the request id
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setFilterText(QString());
    proxy.setResultFilter(QStringLiteral("failed"));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, JournalModel::Account).data().toString(), QStringLiteral("hw"));
    proxy.setResultFilter(QString());
    proxy.setAccountFilter(QStringLiteral("ali"));
    QCOMPARE(proxy.rowCount(), 2);
    QVERIFY(proxy.hasFilter());
    // New entries are filtered as they arrive.
    model.appendEntries({entry(4, QStringLiteral("cache.create"), QStringLiteral("ok"),
                               QStringLiteral("hw"), QStringLiteral("x"))});
    QCOMPARE(proxy.rowCount(), 2);
    model.appendEntries({entry(5, QStringLiteral("cache.create"), QStringLiteral("ok"),
                               QStringLiteral("ali"), QStringLiteral("y"))});
    QCOMPARE(proxy.rowCount(), 3);
}

void TestJournalModel::sortsByAnyColumnNewestFirstByDefault()
{
    JournalModel model;
    models::JournalFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(models::JournalFilterProxyModel::defaultSortColumn(),
               models::JournalFilterProxyModel::defaultSortOrder());
    QList<store::JournalEntry> entries;
    for (qint64 id = 1; id <= 12; ++id)
        entries.append(
            entry(id, id % 3 ? QStringLiteral("cache.create") : QStringLiteral("cache.delete"),
                  QStringLiteral("ok"), QStringLiteral("a"), QStringLiteral("cache-%1").arg(id)));
    // Same second for two entries: the store's order (the id) decides.
    entries[11].at = entries[10].at;
    model.setEntries(entries);
    QCOMPARE(proxy.index(0, 0).data(models::KeyRole).toLongLong(), 12);
    QCOMPARE(proxy.index(11, 0).data(models::KeyRole).toLongLong(), 1);
    model.appendEntries({entry(13, QStringLiteral("cache.update"), QStringLiteral("ok"),
                               QStringLiteral("a"), QStringLiteral("cache-13"))});
    QCOMPARE(proxy.index(0, 0).data(models::KeyRole).toLongLong(), 13);
    proxy.sort(JournalModel::Action, Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, JournalModel::Action).data().toString(),
             QStringLiteral("Create cache"));
    QCOMPARE(proxy.index(12, JournalModel::Action).data().toString(),
             QStringLiteral("Update cache"));
    // Ties keep the older entry first.
    QVERIFY(proxy.index(0, 0).data(models::KeyRole).toLongLong()
            < proxy.index(1, 0).data(models::KeyRole).toLongLong());
}

QTEST_GUILESS_MAIN(TestJournalModel)
#include "tst_journalmodel.moc"
