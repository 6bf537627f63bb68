#pragma once

#include "net/apiclient.h"
#include "providers/connection.h"

#include <QObject>

#include <functional>

namespace providers::huawei {

class IamTokenProvider;
struct HuaweiSendState;

// Authorizes Huawei calls for one Connection: AK/SK (SDK-HMAC-SHA256 with X-Project-Id and,
// for temporary keys, X-Security-Token) or an IAM token (X-Auth-Token). Resolves and caches
// the project id (configured, from the token's project, or GET {iam}/v3/projects?name=region)
// and then sends through net::ApiClient with the Huawei error decoder.
class HuaweiAuth final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HuaweiAuth)
public:
    // Builds the request once the project id is known ("" when not needed and not known).
    using RequestBuilder = std::function<net::HttpRequest(const QString &projectId)>;

    HuaweiAuth(net::ApiClient *client, Connection connection, QObject *parent = nullptr);
    ~HuaweiAuth() override;

    // Sends the built request, signed per attempt. `needProjectId`: the path holds
    // {project_id} (HSS), so a missing id is looked up first.
    QFuture<net::Result<net::HttpResponse>> send(RequestBuilder build, bool needProjectId);

    QFuture<net::Result<QString>> projectId();

    // The AK/SK signer (adds X-Project-Id when `projectId` is set).
    static net::RequestSigner accessKeySigner(const Connection &connection,
                                              const QString &projectId);
    static net::RequestSigner tokenSigner(const QByteArray &token);
    static net::HttpRequest projectLookupRequest(const Connection &connection);
    static net::Result<QString> parseProjectLookup(const net::HttpResponse &response,
                                                   const QString &region);

private:
    void sendSigned(const std::shared_ptr<HuaweiSendState> &state);

    net::ApiClient *m_client;
    Connection m_connection;
    IamTokenProvider *m_tokens = nullptr;
    QString m_projectId;
};

} // namespace providers::huawei
