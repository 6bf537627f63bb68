// A second process for the concurrency test: writes `batches` change sets of `perBatch`
// caches (and one journal entry per batch) into the store at `url`.
#include "store/store.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        QTextStream(stderr) << "usage: store_writer URL PREFIX BATCHES PER_BATCH\n";
        return 2;
    }
    const QUrl url(args.at(1));
    const QString prefix = args.at(2);
    const int batches = args.at(3).toInt();
    const int perBatch = args.at(4).toInt();

    store::Store store;
    if (!store.open(url)) {
        QTextStream(stderr) << "open: " << store.errorString() << '\n';
        return 1;
    }
    for (int b = 0; b < batches; ++b) {
        core::ChangeSet set;
        for (int i = 0; i < perBatch; ++i) {
            core::ImageCache c;
            c.provider = core::Provider::Alibaba;
            c.accountId = prefix;
            c.region = QStringLiteral("cn-hangzhou");
            c.id = QStringLiteral("imc-%1-%2").arg(b).arg(i);
            c.name = c.id;
            c.status = core::CacheStatus::Ready;
            c.tags.append({QStringLiteral("writer"), prefix});
            set.inserted.append(c);
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
