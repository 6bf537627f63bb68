#pragma once

#include <QList>
#include <QObject>
#include <QString>

namespace models {
class CacheTableModel;
}

namespace ui {

// Follows the caches a user asked to create, update or delete in the table's model, and says
// so once each reached the state it was asked for (Ready, gone) or failed. The provider's
// acceptance of a request is not completion: a create that is accepted can still fail
// minutes later, a delete can still be Deleting.
class RequestTracker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestTracker)
public:
    enum class Kind { Create, Update, Delete };

    explicit RequestTracker(models::CacheTableModel *model, QObject *parent = nullptr);

    // `key` is the cache's key (core::ImageCache::key()); `name` is what the messages show.
    void track(Kind kind, const QString &key, const QString &name);
    int pendingCount() const { return int(m_pending.size()); }

    // The texts of the status bar and the notice, one place for their wording.
    static QString acceptedText(Kind kind, const QString &name);

signals:
    // The request reached its end: `failed` with the provider's reason in `text`.
    void settled(const QString &text, const QString &key, bool failed);

private:
    struct Pending
    {
        Kind kind;
        QString key;
        QString name;
        bool seen = false;         // the row was in the table since the request
        bool transitional = false; // ... and showed Creating/Updating/Deleting
    };
    void check();
    // True when `p` is settled (the signal was emitted).
    bool settle(Pending &p);

    models::CacheTableModel *m_model;
    QList<Pending> m_pending;
};

} // namespace ui
