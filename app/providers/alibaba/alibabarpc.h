#pragma once

#include "net/apiclient.h"
#include "net/percentencoding.h"
#include "providers/connection.h"

namespace providers::alibaba {

// One Alibaba RPC call as the ECI / E-HPC SDKs send it (@alicloud/eci20180808,
// ehpcinstant20230701): POST "/" with every parameter in the query and an empty body, signed with
// ACS3-HMAC-SHA256 (default) or HMAC-SHA1 V1 per Connection::signatureVersion. The signer runs per
// attempt, so every retry carries a fresh date and nonce.
class AlibabaRpc final
{
public:
    struct Call
    {
        QByteArray action;
        QByteArray version;
        net::ParamList params; // .N-flattened, decoded
        net::HttpRequest::Retry retry = net::HttpRequest::Retry::Idempotent;
    };

    // The unsigned request: POST {endpoint}/?{sorted params}, empty body.
    static net::HttpRequest build(const QUrl &endpoint, const Call &call);
    static net::RequestSigner signer(const Connection &connection, const Call &call);

    // Builds, signs and sends with the Alibaba error decoder.
    static QFuture<net::Result<net::HttpResponse>> send(net::ApiClient *client,
                                                        const Connection &connection,
                                                        const QUrl &endpoint, const Call &call);
};

} // namespace providers::alibaba
