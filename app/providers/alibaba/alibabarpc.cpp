#include "alibabarpc.h"

#include "alibabaerrors.h"
#include "net/alibabasigner.h"
#include "providers/jsonfields.h"

#include <QCoreApplication>

namespace providers::alibaba {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(providers::alibaba::AlibabaRpc)
};
} // namespace

net::HttpRequest AlibabaRpc::build(const QUrl &endpoint, const Call &call)
{
    net::HttpRequest request;
    request.method = "POST";
    request.url = json::endpoint(endpoint, "/", net::buildQuery(net::sortedParams(call.params)));
    request.retry = call.retry;
    request.operation = QString::fromLatin1(call.action);
    return request;
}

net::RequestSigner AlibabaRpc::signer(const Connection &connection, const Call &call)
{
    const net::AlibabaSigner::Credentials credentials{
        connection.accessKeyId, connection.accessKeySecret, connection.securityToken};
    const auto version = connection.signatureVersion;
    const auto clock = connection.clock;
    return [credentials, version, clock, call](net::HttpRequest &request) {
        if (credentials.accessKeyId.isEmpty() || credentials.accessKeySecret.isEmpty()) {
            net::ApiError error;
            error.kind = net::ApiError::Kind::Auth;
            error.operation = request.operation;
            error.message = Text::tr("no AccessKey configured for this account");
            return error;
        }
        const QByteArray nonce = net::AlibabaSigner::newNonce();
        if (version == net::AlibabaSigner::Version::V1) {
            net::AlibabaSigner::signV1(request, call.action, call.version, call.params, credentials,
                                       clock(), nonce);
        } else {
            net::AlibabaSigner::signV3(request, call.action, call.version, call.params, credentials,
                                       clock(), nonce);
        }
        return net::ApiError();
    };
}

QFuture<net::Result<net::HttpResponse>> AlibabaRpc::send(net::ApiClient *client,
                                                         const Connection &connection,
                                                         const QUrl &endpoint, const Call &call)
{
    return client->send(build(endpoint, call), signer(connection, call), &AlibabaErrors::decode);
}

} // namespace providers::alibaba
