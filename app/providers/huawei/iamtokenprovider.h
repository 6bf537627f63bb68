#pragma once

#include "net/apiclient.h"
#include "providers/connection.h"

#include <QDateTime>
#include <QList>
#include <QObject>

#include <memory>

namespace providers {
template<typename R>
class Completer;
}

namespace providers::huawei {

struct IamToken
{
    QByteArray token; // X-Subject-Token, sent as X-Auth-Token
    QDateTime expiresAt;
    QString projectId; // token.project.id of the project-scoped token
};

// Fetches an IAM user token by password (POST {iam}/v3/auth/tokens,
// KeystoneCreateUserTokenByPassword) and caches it until `RefreshMargin` before it expires.
// Concurrent callers share one fetch.
class IamTokenProvider final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IamTokenProvider)
public:
    static constexpr qint64 RefreshMarginSeconds = 15 * 60;

    IamTokenProvider(net::ApiClient *client, Connection connection, QObject *parent = nullptr);
    ~IamTokenProvider() override;

    QFuture<net::Result<IamToken>> token();
    // Drops the cached token (after a 401: revoked or refreshed elsewhere).
    void invalidate();

    static net::HttpRequest tokenRequest(const Connection &connection);
    static net::Result<IamToken> parseTokenResponse(const net::HttpResponse &response);

private:
    net::ApiClient *m_client;
    Connection m_connection;
    std::optional<IamToken> m_cached;
    struct Fetch;
    std::weak_ptr<Fetch> m_fetch; // the token request under way, if any
};

} // namespace providers::huawei
