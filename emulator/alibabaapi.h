#pragma once

#include "context.h"
#include "httptypes.h"

#include <net/percentencoding.h>

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>

namespace emulator {

// Alibaba Cloud RPC on "/": ECI 2018-08-08 image caches and E-HPC Instant 2023-07-01 images.
// Signatures V3 (ACS3-HMAC-SHA256) and V1 (HMAC-SHA1) are verified; parameters come from the
// query and from a form-encoded body.
class AlibabaApi final
{
    Q_DECLARE_TR_FUNCTIONS(AlibabaApi)
public:
    explicit AlibabaApi(Context &context);

    // The action named by x-acs-action or the Action parameter (for fault matching).
    static QString actionOf(const IncomingRequest &request);
    Reply handle(const IncomingRequest &request, const QString &requestId);
    Reply errorReply(int status, const QString &code, const QString &message,
                     const QString &requestId, const QString &host = {}) const;

    bool advance();
    void seedDemo();
    void addCaches(const QString &region, int count);
    QJsonObject save() const;
    void load(const QJsonObject &state);
    QJsonObject counts() const;

private:
    struct Event
    {
        QString type; // Normal | Warning
        QString reason;
        QString message;
        QString name;
        QDateTime at;
    };
    struct Credential
    {
        QString server;
        QString userName;
        QString password; // kept in memory only
    };
    // A running create or update: events and status are computed from it and the clock.
    struct Phase
    {
        enum class Kind { None, Create, Update };
        Kind kind = Kind::None;
        QDateTime start;
        int prepareMs = 0;
        int runMs = 0;
        QStringList images;
        int failIndex = -1; // index in images of the image that cannot be pulled
        QString failMessage;
    };
    struct Cache
    {
        QString id;
        QString name;
        QString region;
        QString resourceGroupId;
        QString containerGroupId;
        QString snapshotId;
        QString flashSnapshotId;
        QString securityGroupId;
        QString vSwitchId;
        QString zoneId;
        QStringList images;
        int size = 20;
        int retentionDays = 0; // 0: never expires
        QString elimination;
        bool flash = false;
        QList<std::pair<QString, QString>> tags;
        QList<Credential> credentials;
        QStringList acrInstanceIds;
        QDateTime created;
        QDateTime lastMatched;
        QString status; // settled status: Ready | Failed | UpdateFailed (when no phase runs)
        int progress = 100;
        QDateTime failedAt;
        QList<Event> history;
        Phase phase;
    };
    struct View
    {
        QString status;
        int progress = 0;
        QList<Event> events;
        bool snapshotReady = false;
    };
    struct EhpcImage
    {
        QString id;
        QString type; // VM | Container
        QString name;
        QString version;
        QString description;
        QString appId;
        QString category; // Public | Custom
        QString size;
        QString createTime;
        QString osTag;
        QString platform;
        QString architecture;
        QString registryUrl;
        bool isAcr = false;
        bool isAcrEnterprise = false;
        QString registryCriId;
        Credential credential;
        QString vmImageId;
        bool builtin = false;
    };
    class Params;

    View view(const Cache &cache) const;
    QList<Event> phaseEvents(const Cache &cache, const QDateTime &until) const;
    // One cache as DescribeImageCaches lists it, appended to `out` as compact JSON.
    void appendDescribe(QByteArray &out, const Cache &cache) const;
    Phase makePhase(Phase::Kind kind, const QStringList &images,
                    const QList<Credential> &credentials, const QStringList &acr) const;
    void settle(Cache &cache, const QDateTime &now);
    struct ImageFacts
    {
        QStringList layers; // digests, in order
        qint64 size = 0;    // compressed bytes
    };
    ImageFacts imageFacts(const QString &image) const;
    QStringList layersOf(const QStringList &images) const;

    Reply eci(const QString &action, const Params &params, const QString &requestId);
    Reply ehpc(const QString &action, const Params &params, const QString &requestId);
    Reply createCache(const Params &params, const QString &requestId);
    Reply describeCaches(const Params &params, const QString &requestId);
    Reply updateCache(const Params &params, const QString &requestId);
    Reply deleteCache(const Params &params, const QString &requestId);
    Reply listImages(const Params &params, const QString &requestId);
    Reply getImage(const Params &params, const QString &requestId);
    Reply addImage(const Params &params, const QString &requestId);
    Reply removeImage(const Params &params, const QString &requestId);
    QList<EhpcImage> ehpcImages() const;
    void changed();

    Context &m_context;
    QList<Cache> m_caches;
    struct TokenUse
    {
        QString cacheId;
        QString containerGroupId;
        QByteArray fingerprint;
    };
    QHash<QString, TokenUse> m_clientTokens; // region + '/' + ClientToken
    QHash<QByteArray, QDateTime> m_nonces;   // seen signature nonces (15 min)
    QList<EhpcImage> m_addedImages;
    QSet<QString> m_removedImages;
    QString m_hostSuffix; // for HostId
};

} // namespace emulator
