#pragma once

#include "httpmessage.h"
#include "signaturecheck.h"

#include <QCoreApplication>
#include <QDateTime>

namespace net {

// Huawei Cloud AK/SK signing, "SDK-HMAC-SHA256", exactly as the official SDK cores sign
// (huaweicloud-sdk-go-v3 core/auth/signer, the Node AKSKSigner): canonical URI with the
// trailing-slash rule, sorted and re-encoded query, lowercase sorted headers, hex SHA-256 of the
// exact body bytes.
class HuaweiSigner final
{
    Q_DECLARE_TR_FUNCTIONS(HuaweiSigner)
public:
    static constexpr const char *Algorithm = "SDK-HMAC-SHA256";

    struct Credentials
    {
        QByteArray accessKey;
        QByteArray secretKey;
        QByteArray securityToken; // temporary AK/SK only → X-Security-Token
    };

    struct Parts
    {
        QByteArray canonicalRequest;
        QByteArray stringToSign;
        QByteArray signature;     // lowercase hex
        QByteArray signedHeaders; // "content-type;host;x-sdk-date"
        QByteArray authorization; // full Authorization header value
    };

    // Split on '/', decode and re-encode each segment, append '/' when missing.
    static QByteArray canonicalUri(const QByteArray &encodedPath);
    // Decoded pairs re-encoded, sorted by key then value, joined by '&'.
    static QByteArray canonicalQuery(const QByteArray &encodedQuery);
    static QByteArray sdkDate(const QDateTime &utc); // 20250101T120000Z

    // Computes the signature over `signedHeaderNames` (lowercase). "host" is taken from the
    // headers if present, else from the URL (with its port when not the default).
    static Parts compute(const QByteArray &method, const QUrl &url, const HeaderList &headers,
                         const QList<QByteArray> &signedHeaderNames, const QByteArray &body,
                         const Credentials &credentials);

    // Signs a request to be sent: sets X-Sdk-Date from `nowUtc` unless present, adds
    // X-Security-Token when set, and signs host plus every header the request carries.
    static void sign(HttpRequest &request, const Credentials &credentials, const QDateTime &nowUtc);

    // Emulator side: checks a received request (raw encoded path and query as on the wire).
    static SignatureCheck verify(const QByteArray &method, const QByteArray &rawPath,
                                 const QByteArray &rawQuery, const HeaderList &headers,
                                 const QByteArray &body, const SecretLookup &secretFor,
                                 const QDateTime &nowUtc, int maxSkewSeconds = 15 * 60);
};

} // namespace net
