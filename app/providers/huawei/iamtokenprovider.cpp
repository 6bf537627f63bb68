#include "iamtokenprovider.h"

#include "huaweierrors.h"
#include "providers/completer.h"
#include "providers/jsonfields.h"

#include <QJsonDocument>

namespace providers::huawei {

IamTokenProvider::IamTokenProvider(net::ApiClient *client, Connection connection, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_connection(std::move(connection))
{}

IamTokenProvider::~IamTokenProvider() = default;

net::HttpRequest IamTokenProvider::tokenRequest(const Connection &connection)
{
    QJsonObject domain{{QStringLiteral("name"), connection.iamDomainName}};
    QJsonObject user{{QStringLiteral("name"), connection.iamUserName},
                     {QStringLiteral("password"), connection.iamPassword},
                     {QStringLiteral("domain"), domain}};
    QJsonObject identity{{QStringLiteral("methods"), QJsonArray{QStringLiteral("password")}},
                         {QStringLiteral("password"), QJsonObject{{QStringLiteral("user"), user}}}};
    // The project name equals the region id.
    QJsonObject scope{
        {QStringLiteral("project"), QJsonObject{{QStringLiteral("name"), connection.region}}}};
    QJsonObject auth{{QStringLiteral("identity"), identity}, {QStringLiteral("scope"), scope}};

    net::HttpRequest request;
    request.method = "POST";
    request.url = json::endpoint(connection.serviceUrl(QStringLiteral("iam")), "/v3/auth/tokens");
    request.setHeader("Content-Type", "application/json;charset=UTF-8");
    request.body
        = QJsonDocument(QJsonObject{{QStringLiteral("auth"), auth}}).toJson(QJsonDocument::Compact);
    // A second token request is harmless: a new token does not revoke the old one.
    request.retry = net::HttpRequest::Retry::Idempotent;
    request.operation = QStringLiteral("KeystoneCreateUserTokenByPassword");
    return request;
}

net::Result<IamToken> IamTokenProvider::parseTokenResponse(const net::HttpResponse &response)
{
    const QString operation = QStringLiteral("KeystoneCreateUserTokenByPassword");
    IamToken token;
    token.token = response.header("X-Subject-Token");
    if (token.token.isEmpty())
        return json::malformed(operation, tr("the response has no X-Subject-Token header"),
                               response);
    const auto body = json::parseObject(response.body);
    const QJsonObject tokenObject = body ? json::object(*body, "token") : QJsonObject();
    token.expiresAt = json::parseTime(json::string(tokenObject, "expires_at"));
    token.projectId = json::string(json::object(tokenObject, "project"), "id");
    if (!token.expiresAt.isValid()) // documented lifetime: 24 h
        token.expiresAt = QDateTime::currentDateTimeUtc().addSecs(24 * 3600);
    return token;
}

// The callers waiting for one token request. Only the request's continuation owns it, so if
// the transport drops the request, the waiters still finish (Cancelled) and the next call
// starts a new request.
struct IamTokenProvider::Fetch
{
    QList<CompleterPtr<net::Result<IamToken>>> waiting;
    void completeAll(const net::Result<IamToken> &result)
    {
        for (const auto &w : std::exchange(waiting, {}))
            w->complete(result);
    }
};

QFuture<net::Result<IamToken>> IamTokenProvider::token()
{
    if (m_cached && m_connection.clock().secsTo(m_cached->expiresAt) > RefreshMarginSeconds)
        return readyFuture(net::Result<IamToken>(*m_cached));

    auto completer = makeCompleter<net::Result<IamToken>>();
    if (const auto inFlight = m_fetch.lock()) {
        inFlight->waiting.append(completer);
        return completer->future();
    }
    if (m_connection.iamUserName.isEmpty() || m_connection.iamPassword.isEmpty()) {
        net::ApiError error;
        error.kind = net::ApiError::Kind::Auth;
        error.operation = QStringLiteral("KeystoneCreateUserTokenByPassword");
        error.message = tr("IAM token authentication needs a user name and a password");
        completer->complete(error);
        return completer->future();
    }

    auto fetch = std::make_shared<Fetch>();
    fetch->waiting.append(completer);
    m_fetch = fetch;
    const auto sent = m_client->send(
        tokenRequest(m_connection), [](net::HttpRequest &) { return net::ApiError(); },
        &HuaweiErrors::decode);
    whenFinished(sent, this, [this, fetch](const net::Result<net::HttpResponse> &response) {
        net::Result<IamToken> result = response.ok() ? parseTokenResponse(response.value())
                                                     : net::Result<IamToken>(response.error());
        if (result.ok())
            m_cached = result.value();
        m_fetch.reset();
        fetch->completeAll(result);
    });
    return completer->future();
}

void IamTokenProvider::invalidate()
{
    m_cached.reset();
}

} // namespace providers::huawei
