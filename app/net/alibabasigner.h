#pragma once

#include "httpmessage.h"
#include "percentencoding.h"
#include "signaturecheck.h"

#include <QCoreApplication>
#include <QDateTime>

namespace net {

// Alibaba Cloud RPC signing as the official SDKs do it (Tea OpenAPI, alibabacloud-go/openapi-util):
// V3 "ACS3-HMAC-SHA256" (the SDK default) and V1 "HMAC-SHA1" (SignatureVersion 1.0).
class AlibabaSigner final
{
    Q_DECLARE_TR_FUNCTIONS(AlibabaSigner)
public:
    enum class Version { V3, V1 };

    struct Credentials
    {
        QByteArray accessKeyId;
        QByteArray accessKeySecret;
        QByteArray securityToken; // STS only
    };

    struct V3Parts
    {
        QByteArray canonicalRequest;
        QByteArray hashedCanonicalRequest;
        QByteArray signature;
        QByteArray signedHeaders;
        QByteArray authorization;
    };

    static QByteArray timestamp(const QDateTime &utc); // 2024-05-01T08:00:00Z
    static QByteArray newNonce();                      // 32 lowercase hex chars, random

    // V3 over the request as it stands: signs host, content-type (when a body is sent) and
    // every x-acs-* header.
    static V3Parts computeV3(const QByteArray &method, const QUrl &url, const HeaderList &headers,
                             const QByteArray &body, const Credentials &credentials);
    // Prepares and signs an RPC call with V3: `params` (already .N-flattened) go to the query,
    // x-acs-action/-version/-date/-signature-nonce/-content-sha256 (+ security token) are set.
    static void signV3(HttpRequest &request, const QByteArray &action, const QByteArray &version,
                       const ParamList &params, const Credentials &credentials,
                       const QDateTime &nowUtc, const QByteArray &nonce);

    // V1: StringToSign = METHOD&%2F&enc(canonicalized); Base64(HMAC-SHA1(secret + "&")).
    static QByteArray v1StringToSign(const QByteArray &method, const ParamList &allParams);
    static QByteArray v1Signature(const QByteArray &stringToSign, const QByteArray &secret);
    // Prepares and signs an RPC call with V1: common parameters (Format=JSON, SignatureMethod,
    // SignatureVersion, SignatureNonce, Timestamp, AccessKeyId, SecurityToken) and the business
    // `params` go to the query with Signature last.
    static void signV1(HttpRequest &request, const QByteArray &action, const QByteArray &version,
                       const ParamList &params, const Credentials &credentials,
                       const QDateTime &nowUtc, const QByteArray &nonce);

    // Emulator side: detects the version (Authorization: ACS3-HMAC-SHA256 … or a Signature
    // parameter) and checks it. Query and form-body parameters are both considered for V1.
    static SignatureCheck verify(const QByteArray &method, const QByteArray &rawPath,
                                 const QByteArray &rawQuery, const HeaderList &headers,
                                 const QByteArray &body, const SecretLookup &secretFor,
                                 const QDateTime &nowUtc, int maxSkewSeconds = 15 * 60);
};

// Builds RPC parameters the way the SDKs flatten them: lists as Key.1, Key.2 (1-based),
// objects in lists as Key.1.Field, booleans as true/false, empty values skipped, and E-HPC's
// JSON-string parameters ("shrink") as compact JSON.
class RpcParams final
{
public:
    RpcParams &add(const QByteArray &key, const QString &value); // skipped when null
    RpcParams &add(const QByteArray &key, qint64 value);
    RpcParams &addBool(const QByteArray &key, bool value);
    RpcParams &addList(const QByteArray &key, const QStringList &values); // Key.N
    // Key.N.Field for each object; fields with empty values are skipped.
    RpcParams &addObjects(const QByteArray &key, const QList<ParamList> &objects);
    RpcParams &addJson(const QByteArray &key, const QByteArray &compactJson);
    const ParamList &params() const { return m_params; }

private:
    ParamList m_params;
};

} // namespace net
