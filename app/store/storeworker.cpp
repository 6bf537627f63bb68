#include "storeworker.h"

#include <QMetaObject>
#include <QPointer>

namespace store {

StoreWorker::StoreWorker(QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("imagecache-store"));
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
    post([this] { m_store = std::make_unique<Store>(); });
}

StoreWorker::~StoreWorker()
{
    // QSqlDatabase connections must be closed on the thread that opened them.
    QMetaObject::invokeMethod(
        m_context, [this] { m_store.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void StoreWorker::post(std::function<void()> task)
{
    QMetaObject::invokeMethod(m_context, std::move(task), Qt::QueuedConnection);
}

void StoreWorker::followChanges(QObject *context,
                                std::function<void(const QString &payload)> handler)
{
    QPointer<QObject> receiver(context);
    post([this, receiver, handler = std::move(handler)] {
        m_store->setChangeListener([receiver, handler](const QString &payload) {
            if (receiver)
                QMetaObject::invokeMethod(
                    receiver, [handler, payload] { handler(payload); }, Qt::QueuedConnection);
        });
    });
}

QFuture<StoreResult<QStringList>> StoreWorker::open(const QUrl &url)
{
    return run<QStringList>([url](Store &store) {
        StoreResult<QStringList> r;
        r.ok = store.open(url);
        r.value = store.notices();
        r.error = store.errorString();
        return r;
    });
}

QFuture<StoreResult<QList<core::ImageCache>>> StoreWorker::loadCaches()
{
    return run<QList<core::ImageCache>>([](Store &store) {
        StoreResult<QList<core::ImageCache>> r;
        r.value = store.loadCaches();
        r.error = store.errorString();
        r.ok = r.error.isEmpty();
        return r;
    });
}

QFuture<StoreResult<bool>> StoreWorker::applyChangeSet(const core::ChangeSet &set)
{
    return run<bool>([set](Store &store) {
        StoreResult<bool> r;
        r.ok = r.value = store.applyChangeSet(set);
        r.error = store.errorString();
        return r;
    });
}

QFuture<StoreResult<bool>> StoreWorker::recordDigests(const QList<ImageDigest> &digests)
{
    return run<bool>([digests](Store &store) {
        StoreResult<bool> r;
        r.ok = r.value = store.recordDigests(digests);
        r.error = store.errorString();
        return r;
    });
}

QFuture<StoreResult<bool>> StoreWorker::recordDigestChecks(const QList<ImageDigest> &checks)
{
    return run<bool>([checks](Store &store) {
        StoreResult<bool> r;
        r.ok = r.value = store.recordDigestChecks(checks);
        r.error = store.errorString();
        return r;
    });
}

QFuture<StoreResult<QList<ImageDigest>>> StoreWorker::imageDigests()
{
    return run<QList<ImageDigest>>([](Store &store) {
        StoreResult<QList<ImageDigest>> r;
        r.value = store.imageDigests();
        r.error = store.errorString();
        r.ok = r.error.isEmpty();
        return r;
    });
}

QFuture<StoreResult<QList<Account>>> StoreWorker::loadAccounts()
{
    return run<QList<Account>>([](Store &store) {
        StoreResult<QList<Account>> r;
        r.value = store.accounts();
        r.error = store.errorString();
        r.ok = r.error.isEmpty();
        return r;
    });
}

QFuture<StoreResult<qint64>> StoreWorker::appendJournal(const JournalEntry &entry)
{
    return run<qint64>([entry](Store &store) {
        StoreResult<qint64> r;
        r.value = store.appendJournal(entry);
        r.ok = r.value != 0;
        r.error = store.errorString();
        return r;
    });
}

QFuture<StoreResult<QList<JournalEntry>>> StoreWorker::journal(const JournalQuery &query)
{
    return run<QList<JournalEntry>>([query](Store &store) {
        StoreResult<QList<JournalEntry>> r;
        r.value = store.journal(query);
        r.error = store.errorString();
        r.ok = r.error.isEmpty();
        return r;
    });
}

} // namespace store
