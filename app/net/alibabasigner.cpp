#include "alibabasigner.h"

#include "signingsupport.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

#include <algorithm>

namespace net {

namespace {

constexpr char V3Algorithm[] = "ACS3-HMAC-SHA256";

// As the SDK's getSignedHeaders, which only ever sees content-type when a body is sent.
bool isV3SignedHeader(const QByteArray &lowerName, bool hasBody)
{
    return lowerName.startsWith("x-acs-") || lowerName == "host"
           || (hasBody && lowerName == "content-type");
}

// host plus the headers isV3SignedHeader selects, lowercase, sorted, once each.
QList<QByteArray> v3SignedNames(const HeaderList &headers, bool hasBody)
{
    QList<QByteArray> names{QByteArrayLiteral("host")};
    names.reserve(headers.size() + 1);
    for (const auto &header : headers) {
        const QByteArray lower = header.first.toLower();
        if (isV3SignedHeader(lower, hasBody))
            names.append(lower);
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

// RFC 3986 per path segment, slashes kept (the V3 doc's CanonicalURI); "/" for RPC.
QByteArray v3CanonicalUri(const QByteArray &rawPath)
{
    if (rawPath.isEmpty() || rawPath == "/")
        return QByteArrayLiteral("/");
    QByteArray uri;
    uri.reserve(rawPath.size() + 16);
    qsizetype start = 0;
    for (;;) {
        const qsizetype slash = rawPath.indexOf('/', start);
        const qsizetype end = slash < 0 ? rawPath.size() : slash;
        uri.append(percentEncode(percentDecode(rawPath.mid(start, end - start))));
        if (slash < 0)
            break;
        uri.append('/');
        start = slash + 1;
    }
    return uri;
}

// `names` must be lowercase and sorted; "host" falls back to `urlHost` when not a header.
AlibabaSigner::V3Parts computeV3Parts(const QByteArray &method, const QByteArray &rawPath,
                                      const QByteArray &canonicalQuery, const QByteArray &urlHost,
                                      const HeaderList &headers, const QList<QByteArray> &names,
                                      const QByteArray &body,
                                      const AlibabaSigner::Credentials &creds)
{
    AlibabaSigner::V3Parts parts;
    parts.signedHeaders = names.join(';');
    // The SDK signs the value it sends in x-acs-content-sha256 (the verifier checks it).
    const QByteArray payloadHash = hasHeader(headers, "x-acs-content-sha256")
                                       ? headerValue(headers, "x-acs-content-sha256").trimmed()
                                       : signing::sha256Hex(body);

    QByteArray &cr = parts.canonicalRequest;
    cr.reserve(512 + canonicalQuery.size());
    cr.append(method).append('\n');
    cr.append(v3CanonicalUri(rawPath)).append('\n');
    cr.append(canonicalQuery).append('\n');
    for (const QByteArray &name : names) {
        const QByteArray value = name == "host" && !hasHeader(headers, name)
                                     ? urlHost
                                     : headerValue(headers, name).trimmed();
        cr.append(name).append(':').append(value).append('\n');
    }
    cr.append('\n').append(parts.signedHeaders).append('\n').append(payloadHash);

    parts.hashedCanonicalRequest = signing::sha256Hex(cr);
    const QByteArray stringToSign = QByteArray(V3Algorithm) + '\n' + parts.hashedCanonicalRequest;
    parts.signature = QMessageAuthenticationCode::hash(stringToSign, creds.accessKeySecret,
                                                       QCryptographicHash::Sha256)
                          .toHex();
    parts.authorization = QByteArray(V3Algorithm) + " Credential=" + creds.accessKeyId
                          + ",SignedHeaders=" + parts.signedHeaders
                          + ",Signature=" + parts.signature;
    return parts;
}

QByteArray v1StringToSignSorted(const QByteArray &method, const ParamList &sorted)
{
    return method + "&%2F&" + percentEncode(buildQuery(sorted));
}

// 2024-05-01T08:00:00Z, strictly (also the shape of x-acs-date); invalid → null QDateTime.
QDateTime parseTimestamp(const QByteArray &text)
{
    if (text.size() != 20 || text.at(4) != '-' || text.at(7) != '-' || text.at(10) != 'T'
        || text.at(13) != ':' || text.at(16) != ':' || text.at(19) != 'Z')
        return {};
    const auto number = [&](int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; ++i) {
            const char c = text.at(i);
            if (c < '0' || c > '9')
                return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    };
    const QDate date(number(0, 4), number(5, 2), number(8, 2));
    const QTime time(number(11, 2), number(14, 2), number(17, 2));
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

// The gateway decodes parameters like a servlet does: '+' is a space in query and form body.
ParamList parseGatewayParams(QByteArray encoded)
{
    encoded.replace('+', "%20");
    return parseQuery(encoded);
}

} // namespace

QByteArray AlibabaSigner::timestamp(const QDateTime &utc)
{
    return utc.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'")).toLatin1();
}

QByteArray AlibabaSigner::newNonce()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QByteArray(reinterpret_cast<const char *>(words), sizeof(words)).toHex();
}

AlibabaSigner::V3Parts AlibabaSigner::computeV3(const QByteArray &method, const QUrl &url,
                                                const HeaderList &headers, const QByteArray &body,
                                                const Credentials &credentials)
{
    const QByteArray canonicalQuery
        = buildQuery(sortedParams(parseQuery(url.query(QUrl::FullyEncoded).toUtf8())));
    return computeV3Parts(method, url.path(QUrl::FullyEncoded).toUtf8(), canonicalQuery,
                          signing::hostOf(url), headers, v3SignedNames(headers, !body.isEmpty()),
                          body, credentials);
}

void AlibabaSigner::signV3(HttpRequest &request, const QByteArray &action,
                           const QByteArray &version, const ParamList &params,
                           const Credentials &credentials, const QDateTime &nowUtc,
                           const QByteArray &nonce)
{
    const QByteArray query = buildQuery(sortedParams(params));
    request.url.setPath(QStringLiteral("/"));
    request.url.setQuery(query.isEmpty() ? QString() : QString::fromLatin1(query));

    removeHeader(request.headers, "Authorization");
    request.setHeader("x-acs-action", action);
    request.setHeader("x-acs-version", version);
    request.setHeader("x-acs-date", timestamp(nowUtc));
    request.setHeader("x-acs-signature-nonce", nonce);
    request.setHeader("x-acs-content-sha256", signing::sha256Hex(request.body));
    if (credentials.securityToken.isEmpty())
        removeHeader(request.headers, "x-acs-security-token");
    else
        request.setHeader("x-acs-security-token", credentials.securityToken);

    // The query just built is already canonical: no need to read it back from the URL.
    const V3Parts parts = computeV3Parts(
        request.method, "/", query, signing::hostOf(request.url), request.headers,
        v3SignedNames(request.headers, !request.body.isEmpty()), request.body, credentials);
    request.setHeader("Authorization", parts.authorization);
}

QByteArray AlibabaSigner::v1StringToSign(const QByteArray &method, const ParamList &allParams)
{
    return v1StringToSignSorted(method, sortedParams(allParams));
}

QByteArray AlibabaSigner::v1Signature(const QByteArray &stringToSign, const QByteArray &secret)
{
    return QMessageAuthenticationCode::hash(stringToSign, secret + '&', QCryptographicHash::Sha1)
        .toBase64();
}

void AlibabaSigner::signV1(HttpRequest &request, const QByteArray &action,
                           const QByteArray &version, const ParamList &params,
                           const Credentials &credentials, const QDateTime &nowUtc,
                           const QByteArray &nonce)
{
    ParamList all = params;
    all.reserve(params.size() + 9);
    all.append({QByteArrayLiteral("Format"), QByteArrayLiteral("JSON")});
    all.append({QByteArrayLiteral("Version"), version});
    all.append({QByteArrayLiteral("AccessKeyId"), credentials.accessKeyId});
    all.append({QByteArrayLiteral("SignatureMethod"), QByteArrayLiteral("HMAC-SHA1")});
    all.append({QByteArrayLiteral("SignatureVersion"), QByteArrayLiteral("1.0")});
    all.append({QByteArrayLiteral("SignatureNonce"), nonce});
    all.append({QByteArrayLiteral("Timestamp"), timestamp(nowUtc)});
    if (!credentials.securityToken.isEmpty())
        all.append({QByteArrayLiteral("SecurityToken"), credentials.securityToken});
    all.append({QByteArrayLiteral("Action"), action});
    all = sortedParams(std::move(all));

    const QByteArray signature
        = v1Signature(v1StringToSignSorted(request.method, all), credentials.accessKeySecret);
    const QByteArray query = buildQuery(all) + "&Signature=" + percentEncode(signature);
    request.url.setPath(QStringLiteral("/"));
    request.url.setQuery(QString::fromLatin1(query));
    removeHeader(request.headers, "Authorization");
}

SignatureCheck AlibabaSigner::verify(const QByteArray &method, const QByteArray &rawPath,
                                     const QByteArray &rawQuery, const HeaderList &headers,
                                     const QByteArray &body, const SecretLookup &secretFor,
                                     const QDateTime &nowUtc, int maxSkewSeconds)
{
    SignatureCheck check;
    const QByteArray authorization = headerValue(headers, "Authorization").trimmed();
    const QByteArray v3Prefix = QByteArray(V3Algorithm) + ' ';

    if (authorization.startsWith(v3Prefix)) {
        // ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=a;b,Signature=hex
        const QList<QByteArray> params
            = signing::authorizationParams(QByteArrayView(authorization).sliced(v3Prefix.size()),
                                           {"Credential", "SignedHeaders", "Signature"});
        if (params.isEmpty())
            return signing::failed(check, SignatureCheck::Status::Malformed,
                                   tr("The Authorization header lacks Credential, SignedHeaders or "
                                      "Signature."));
        const QByteArray &credential = params.at(0);
        const QByteArray &signedHeaders = params.at(1);
        const QByteArray &signature = params.at(2);
        check.accessKeyId = credential;

        QList<QByteArray> names = signedHeaders.toLower().split(';');
        for (const QByteArray &name : names) {
            if (name.isEmpty() || !hasHeader(headers, name))
                return signing::failed(check, SignatureCheck::Status::Malformed,
                                       tr("A signed header is missing from the request: %1")
                                           .arg(QString::fromLatin1(name)));
        }
        // The action and version choose what runs: unsigned, they could be swapped in transit.
        for (const char *required : {"host", "x-acs-action", "x-acs-version", "x-acs-date",
                                     "x-acs-signature-nonce", "x-acs-content-sha256"}) {
            if (!names.contains(required))
                return signing::failed(check, SignatureCheck::Status::Malformed,
                                       tr("The header %1 is required and must be signed.")
                                           .arg(QLatin1String(required)));
        }
        for (const auto &[name, value] : headers) {
            const QByteArray lower = name.toLower();
            if (lower.startsWith("x-acs-") && !names.contains(lower))
                return signing::failed(
                    check, SignatureCheck::Status::Malformed,
                    tr("Every x-acs-* header must be signed: %1").arg(QString::fromLatin1(lower)));
        }
        check.nonce = headerValue(headers, "x-acs-signature-nonce").trimmed();
        const QDateTime date = parseTimestamp(headerValue(headers, "x-acs-date").trimmed());
        if (!date.isValid())
            return signing::failed(check, SignatureCheck::Status::Malformed,
                                   tr("x-acs-date is not in the form yyyy-MM-ddTHH:mm:ssZ."));
        check.timestamp = date;
        if (qAbs(date.secsTo(nowUtc)) > maxSkewSeconds)
            return signing::failed(check, SignatureCheck::Status::Expired,
                                   tr("x-acs-date is too far from the server time."));

        const std::optional<QByteArray> secret = secretFor ? secretFor(credential) : std::nullopt;
        if (!secret)
            return signing::failed(check, SignatureCheck::Status::UnknownKey,
                                   tr("Unknown access key."));

        if (headerValue(headers, "x-acs-content-sha256").trimmed().toLower()
            != signing::sha256Hex(body))
            return signing::failed(check, SignatureCheck::Status::Mismatch,
                                   tr("x-acs-content-sha256 does not match the request body."));

        // The signer's own canonical form, over what the client listed as signed.
        std::sort(names.begin(), names.end());
        const QByteArray canonicalQuery = buildQuery(sortedParams(parseGatewayParams(rawQuery)));
        const V3Parts expected
            = computeV3Parts(method, rawPath, canonicalQuery, QByteArray(), headers, names, body,
                             Credentials{credential, *secret, {}});
        if (!signing::constantTimeEquals(expected.signature, signature.toLower()))
            return signing::failed(check, SignatureCheck::Status::Mismatch,
                                   QString::fromLatin1(QByteArray(V3Algorithm) + '\n'
                                                       + expected.hashedCanonicalRequest));
        check.status = SignatureCheck::Status::Ok;
        return check;
    }

    // V1: a Signature parameter, in the query or in a form body (pop-core POST).
    ParamList params = parseGatewayParams(rawQuery);
    if (headerValue(headers, "Content-Type")
            .trimmed()
            .toLower()
            .startsWith("application/x-www-form-urlencoded"))
        params.append(parseGatewayParams(body));

    QList<QByteArray> signatures;
    ParamList signedParams;
    signedParams.reserve(params.size());
    for (auto &param : params) {
        if (param.first == "Signature")
            signatures.append(param.second);
        else
            signedParams.append(std::move(param));
    }
    if (signatures.isEmpty()) {
        if (authorization.isEmpty())
            return signing::failed(
                check, SignatureCheck::Status::Missing,
                tr("Neither an Authorization header nor a Signature parameter."));
        return signing::failed(check, SignatureCheck::Status::Malformed,
                               tr("The Authorization header does not use ACS3-HMAC-SHA256."));
    }
    if (signatures.size() > 1)
        return signing::failed(check, SignatureCheck::Status::Malformed,
                               tr("The Signature parameter is given more than once."));

    const auto param = [&](const char *key) -> std::optional<QByteArray> {
        for (const auto &[k, v] : std::as_const(signedParams)) {
            if (k == key)
                return v;
        }
        return std::nullopt;
    };
    for (const char *key :
         {"AccessKeyId", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp"}) {
        if (!param(key) || param(key)->isEmpty())
            return signing::failed(check, SignatureCheck::Status::Malformed,
                                   tr("The parameter %1 is missing.").arg(QLatin1String(key)));
    }
    check.accessKeyId = *param("AccessKeyId");
    check.nonce = *param("SignatureNonce");
    if (*param("SignatureMethod") != "HMAC-SHA1" || *param("SignatureVersion") != "1.0")
        return signing::failed(
            check, SignatureCheck::Status::Malformed,
            tr("Only SignatureMethod HMAC-SHA1 with SignatureVersion 1.0 is supported."));
    const QDateTime date = parseTimestamp(*param("Timestamp"));
    if (!date.isValid())
        return signing::failed(check, SignatureCheck::Status::Malformed,
                               tr("Timestamp is not in the form yyyy-MM-ddTHH:mm:ssZ."));
    check.timestamp = date;
    if (qAbs(date.secsTo(nowUtc)) > maxSkewSeconds)
        return signing::failed(check, SignatureCheck::Status::Expired,
                               tr("Timestamp is too far from the server time."));

    const std::optional<QByteArray> secret
        = secretFor ? secretFor(check.accessKeyId) : std::nullopt;
    if (!secret)
        return signing::failed(check, SignatureCheck::Status::UnknownKey,
                               tr("Unknown access key."));

    const ParamList sorted = sortedParams(std::move(signedParams));
    const QByteArray stringToSign = v1StringToSignSorted(method, sorted);
    if (!signing::constantTimeEquals(v1Signature(stringToSign, *secret), signatures.constFirst())) {
        // The V1 string-to-sign carries every parameter; the error text must not echo back
        // passwords or STS tokens (it ends up in logs), so those values are masked.
        ParamList shown = sorted;
        for (auto &[key, value] : shown) {
            if (key.contains("Password") || key.contains("Secret") || key.contains("Token"))
                value = QByteArrayLiteral("***");
        }
        return signing::failed(check, SignatureCheck::Status::Mismatch,
                               QString::fromLatin1(v1StringToSignSorted(method, shown)));
    }
    check.status = SignatureCheck::Status::Ok;
    return check;
}

RpcParams &RpcParams::add(const QByteArray &key, const QString &value)
{
    if (!value.isNull())
        m_params.append({key, value.toUtf8()});
    return *this;
}

RpcParams &RpcParams::add(const QByteArray &key, qint64 value)
{
    m_params.append({key, QByteArray::number(value)});
    return *this;
}

RpcParams &RpcParams::addBool(const QByteArray &key, bool value)
{
    m_params.append({key, value ? QByteArrayLiteral("true") : QByteArrayLiteral("false")});
    return *this;
}

RpcParams &RpcParams::addList(const QByteArray &key, const QStringList &values)
{
    // 1-based, numbered by position like the SDK's flatMap (a null entry leaves its number).
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (!values.at(i).isNull())
            m_params.append({key + '.' + QByteArray::number(i + 1), values.at(i).toUtf8()});
    }
    return *this;
}

RpcParams &RpcParams::addObjects(const QByteArray &key, const QList<ParamList> &objects)
{
    for (qsizetype i = 0; i < objects.size(); ++i) {
        const QByteArray prefix = key + '.' + QByteArray::number(i + 1) + '.';
        for (const auto &[field, value] : objects.at(i)) {
            if (!value.isEmpty())
                m_params.append({prefix + field, value});
        }
    }
    return *this;
}

RpcParams &RpcParams::addJson(const QByteArray &key, const QByteArray &compactJson)
{
    // Taken as given: re-serialising through QJsonDocument would reorder object keys.
    if (!compactJson.isEmpty())
        m_params.append({key, compactJson});
    return *this;
}

} // namespace net
