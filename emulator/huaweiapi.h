#pragma once

#include "context.h"
#include "httptypes.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>

namespace emulator {

// Huawei Cloud as seen by the console: CCE Autopilot v5 image caches, HSS v5 image listings,
// IAM v3 tokens and project lookup. REST, signed with SDK-HMAC-SHA256 or an IAM token.
class HuaweiApi final
{
    Q_DECLARE_TR_FUNCTIONS(HuaweiApi)
public:
    explicit HuaweiApi(Context &context);

    static bool handles(const QString &path);
    Reply handle(const IncomingRequest &request, const QString &requestId);

    // Applies due transitions (Creating → Available/Failed, Deleting → gone, expiry).
    bool advance();
    void seedDemo();
    void addCaches(const QString &projectId, int count);
    QJsonObject save() const;
    void load(const QJsonObject &state);
    QJsonObject counts() const;
    Reply errorReply(int status, const QString &code, const QString &message,
                     const QString &requestId) const;

    static QString projectIdFor(const QString &region);

private:
    struct Cache
    {
        QString id;
        QString name;
        QString projectId;
        QStringList images;
        int size = 20;
        int retentionDays = 0;
        QString cluster;
        QStringList pullSecrets;
        QDateTime createdAt;
        int createdMicros = 0;
        QDateTime readyAt;  // end of Creating
        QString failure;    // set when creation is going to fail
        QString abnormal;   // set (demo data) for an Available cache that became Unavailable
        QDateTime deleteAt; // when DELETE was accepted
        QDateTime goneAt;   // end of Deleting
    };
    struct Token
    {
        QString projectId;
        QString projectName;
        QDateTime expiresAt;
    };

    QString statusOf(const Cache &cache) const;
    QJsonObject detail(const Cache &cache) const;
    Reply cceError(int status, const QString &code, const QString &message) const;
    Reply hssError(const QString &message) const;
    // Authenticates a CCE/HSS/IAM-projects call; on success sets `projectId`.
    std::optional<Reply> authenticate(const IncomingRequest &request, const QString &requestId,
                                      QString *projectId);

    Reply createCache(const IncomingRequest &request, const QString &projectId);
    Reply listCaches(const IncomingRequest &request, const QString &projectId);
    Reply showCache(const QString &id, const QString &projectId);
    Reply deleteCache(const QString &id, const QString &projectId);
    Reply issueToken(const IncomingRequest &request);
    Reply listProjects(const IncomingRequest &request);
    Reply hssList(const IncomingRequest &request, const QString &kind);
    Reply hssBasicImage(const IncomingRequest &request, const QString &imageId);
    QString failureFor(const QStringList &images, const QStringList &pullSecrets) const;

    Context &m_context;
    QList<Cache> m_caches;
    QHash<QString, Token> m_tokens;    // in memory only: tokens are secrets
    QMap<QString, QString> m_projects; // project id → region (name)
};

} // namespace emulator
