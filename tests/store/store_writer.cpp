// A second process for the concurrency and durability tests: writes `batches` change sets of
// `perBatch` caches (and one journal entry per batch) into the store at `url`.
// With "churn" (the durability test, which kills it with SIGKILL), change set b also changes
// batch b-1's caches to Updating and removes batch b-2's, so that after any number k+1 of
// whole change sets the store holds exactly batch k (Ready) and batch k-1 (Updating); it says
// "open" on stdout once the store is open.
#include "store/store.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace {
core::ImageCache cacheOf(const QString &prefix, int batch, int i)
{
    core::ImageCache c;
    c.provider = core::Provider::Alibaba;
    c.accountId = prefix;
    c.region = QStringLiteral("cn-hangzhou");
    c.id = QStringLiteral("imc-%1-%2").arg(batch).arg(i);
    c.name = c.id;
    c.status = core::CacheStatus::Ready;
    c.tags.append({QStringLiteral("writer"), prefix});
    return c;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5 && !(args.size() == 6 && args.at(5) == QLatin1String("churn"))) {
        QTextStream(stderr) << "usage: store_writer URL PREFIX BATCHES PER_BATCH [churn]\n";
        return 2;
    }
    const bool churn = args.size() == 6;
    const QUrl url(args.at(1));
    const QString prefix = args.at(2);
    const int batches = args.at(3).toInt();
    const int perBatch = args.at(4).toInt();

    store::Store store;
    if (!store.open(url)) {
        QTextStream(stderr) << "open: " << store.errorString() << '\n';
        return 1;
    }
    if (churn) {
        std::fputs("open\n", stdout);
        std::fflush(stdout);
    }
    for (int b = 0; b < batches; ++b) {
        core::ChangeSet set;
        for (int i = 0; i < perBatch; ++i) {
            set.inserted.append(cacheOf(prefix, b, i));
            if (churn && b >= 1) {
                core::ImageCache updating = cacheOf(prefix, b - 1, i);
                updating.status = core::CacheStatus::Updating;
                updating.rawStatus = QStringLiteral("Updating");
                set.changed.append({updating, core::CacheField::Status});
            }
            if (churn && b >= 2)
                set.removed.append(cacheOf(prefix, b - 2, i).key());
        }
        if (!store.applyChangeSet(set)) {
            QTextStream(stderr) << "apply: " << store.errorString() << '\n';
            return 1;
        }
        store::JournalEntry entry;
        entry.accountId = prefix;
        entry.action = QStringLiteral("cache.create");
        entry.target = QString::number(b);
        if (store.appendJournal(entry) == 0) {
            QTextStream(stderr) << "journal: " << store.errorString() << '\n';
            return 1;
        }
    }
    return 0;
}
