#include "huaweiauth.h"

#include "huaweierrors.h"
#include "iamtokenprovider.h"
#include "net/huaweisigner.h"
#include "net/percentencoding.h"
#include "providers/completer.h"
#include "providers/jsonfields.h"

#include <QJsonArray>

namespace providers::huawei {

HuaweiAuth::HuaweiAuth(net::ApiClient *client, Connection connection, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_connection(std::move(connection))
    , m_projectId(m_connection.projectId)
{
    if (m_connection.auth == Connection::Auth::IamToken)
        m_tokens = new IamTokenProvider(client, m_connection, this);
}

HuaweiAuth::~HuaweiAuth() = default;

net::RequestSigner HuaweiAuth::accessKeySigner(const Connection &connection,
                                               const QString &projectId)
{
    const net::HuaweiSigner::Credentials credentials{
        connection.accessKeyId, connection.accessKeySecret, connection.securityToken};
    const auto clock = connection.clock;
    return [credentials, clock, projectId](net::HttpRequest &request) {
        if (credentials.accessKey.isEmpty() || credentials.secretKey.isEmpty()) {
            net::ApiError error;
            error.kind = net::ApiError::Kind::Auth;
            error.operation = request.operation;
            error.message = tr("no access key configured for this account");
            return error;
        }
        if (!projectId.isEmpty())
            request.setHeader("X-Project-Id", projectId.toUtf8());
        // A fresh X-Sdk-Date per attempt: the signer keeps a date already present.
        net::removeHeader(request.headers, "X-Sdk-Date");
        net::removeHeader(request.headers, "Authorization");
        net::HuaweiSigner::sign(request, credentials, clock());
        return net::ApiError();
    };
}

net::RequestSigner HuaweiAuth::tokenSigner(const QByteArray &token)
{
    return [token](net::HttpRequest &request) {
        request.setHeader("X-Auth-Token", token);
        return net::ApiError();
    };
}

net::HttpRequest HuaweiAuth::projectLookupRequest(const Connection &connection)
{
    net::HttpRequest request;
    request.method = "GET";
    request.url = json::endpoint(connection.serviceUrl(QStringLiteral("iam")), "/v3/projects",
                                 "name=" + net::percentEncode(connection.region));
    request.setHeader("Content-Type", "application/json");
    request.retry = net::HttpRequest::Retry::Idempotent;
    request.operation = QStringLiteral("KeystoneListProjects");
    return request;
}

net::Result<QString> HuaweiAuth::parseProjectLookup(const net::HttpResponse &response,
                                                    const QString &region)
{
    const auto body = json::parseObject(response.body);
    if (!body)
        return json::malformed(QStringLiteral("KeystoneListProjects"),
                               tr("the project list is not a JSON object"), response);
    const QJsonArray projects = json::array(*body, "projects");
    for (const QJsonValue &project : projects) {
        const QString id = json::string(project.toObject(), "id");
        if (!id.isEmpty())
            return id;
    }
    net::ApiError error;
    error.kind = net::ApiError::Kind::Http;
    error.httpStatus = response.status;
    error.requestId = response.requestId;
    error.operation = QStringLiteral("KeystoneListProjects");
    error.message = tr("IAM has no project named %1 for this account").arg(region);
    return error;
}

QFuture<net::Result<QString>> HuaweiAuth::projectId()
{
    if (!m_projectId.isEmpty())
        return readyFuture(net::Result<QString>(m_projectId));
    auto completer = makeCompleter<net::Result<QString>>();
    if (m_tokens) {
        whenFinished(m_tokens->token(), this, [this, completer](const net::Result<IamToken> &t) {
            if (!t.ok())
                return completer->complete(t.error());
            if (!t.value().projectId.isEmpty())
                m_projectId = t.value().projectId;
            if (m_projectId.isEmpty())
                return completer->complete(
                    json::malformed(QStringLiteral("KeystoneCreateUserTokenByPassword"),
                                    tr("the IAM token names no project")));
            completer->complete(m_projectId);
        });
        return completer->future();
    }
    const auto sent = m_client->send(projectLookupRequest(m_connection),
                                     accessKeySigner(m_connection, {}), &HuaweiErrors::decode);
    whenFinished(sent, this, [this, completer](const net::Result<net::HttpResponse> &r) {
        if (!r.ok())
            return completer->complete(r.error());
        auto id = parseProjectLookup(r.value(), m_connection.region);
        if (id.ok())
            m_projectId = id.value();
        completer->complete(id);
    });
    return completer->future();
}

struct HuaweiSendState
{
    HuaweiAuth::RequestBuilder build;
    bool needProjectId = false;
    CompleterPtr<net::Result<net::HttpResponse>> completer;
};

QFuture<net::Result<net::HttpResponse>> HuaweiAuth::send(RequestBuilder build, bool needProjectId)
{
    auto state = std::make_shared<HuaweiSendState>();
    state->build = std::move(build);
    state->needProjectId = needProjectId;
    state->completer = makeCompleter<net::Result<net::HttpResponse>>();
    auto future = state->completer->future();
    if (needProjectId && m_projectId.isEmpty()) {
        whenFinished(projectId(), this, [this, state](const net::Result<QString> &id) {
            if (!id.ok())
                return state->completer->complete(id.error());
            sendSigned(state);
        });
    } else {
        sendSigned(state);
    }
    return future;
}

void HuaweiAuth::sendSigned(const std::shared_ptr<HuaweiSendState> &state)
{
    if (!m_tokens) {
        const auto sent
            = m_client->send(state->build(m_projectId), accessKeySigner(m_connection, m_projectId),
                             &HuaweiErrors::decode);
        whenFinished(sent, this, [state](const net::Result<net::HttpResponse> &r) {
            state->completer->complete(r);
        });
        return;
    }
    whenFinished(m_tokens->token(), this, [this, state](const net::Result<IamToken> &t) {
        if (!t.ok())
            return state->completer->complete(t.error());
        if (m_projectId.isEmpty())
            m_projectId = t.value().projectId;
        const auto sent = m_client->send(state->build(m_projectId), tokenSigner(t.value().token),
                                         &HuaweiErrors::decode);
        whenFinished(sent, this, [this, state](const net::Result<net::HttpResponse> &r) {
            // A rejected token (revoked, refreshed elsewhere) is fetched anew next time.
            if (!r.ok() && r.error().kind == net::ApiError::Kind::Auth && m_tokens)
                m_tokens->invalidate();
            state->completer->complete(r);
        });
    });
}

} // namespace providers::huawei
