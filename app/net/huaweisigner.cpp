#include "huaweisigner.h"

#include "percentencoding.h"
#include "signingsupport.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <algorithm>

namespace net {

namespace {

// Lowercase, deduplicated and sorted: the order of CanonicalHeaders and SignedHeaders.
QList<QByteArray> normalizedNames(const QList<QByteArray> &names)
{
    QList<QByteArray> out;
    out.reserve(names.size());
    for (const QByteArray &name : names) {
        const QByteArray lower = name.trimmed().toLower();
        if (!lower.isEmpty())
            out.append(lower);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// The one place the signature is computed, for the client (URL) and the emulator (raw path).
HuaweiSigner::Parts computeParts(const QByteArray &method, const QByteArray &rawPath,
                                 const QByteArray &rawQuery, const QByteArray &urlHost,
                                 const HeaderList &headers, const QList<QByteArray> &names,
                                 const QByteArray &body, const HuaweiSigner::Credentials &creds)
{
    HuaweiSigner::Parts parts;
    const QList<QByteArray> signedNames = normalizedNames(names);
    parts.signedHeaders = signedNames.join(';');

    const QByteArray payloadHash = hasHeader(headers, "X-Sdk-Content-Sha256")
                                       ? headerValue(headers, "X-Sdk-Content-Sha256").trimmed()
                                       : signing::sha256Hex(body);

    QByteArray &cr = parts.canonicalRequest;
    cr.reserve(512 + rawPath.size() + rawQuery.size());
    cr.append(method.toUpper()).append('\n');
    cr.append(HuaweiSigner::canonicalUri(rawPath)).append('\n');
    cr.append(HuaweiSigner::canonicalQuery(rawQuery)).append('\n');
    for (const QByteArray &name : signedNames) {
        QByteArray value;
        if (name == "host" && !hasHeader(headers, name))
            value = urlHost;
        else
            value = headerValue(headers, name).trimmed();
        cr.append(name).append(':').append(value).append('\n');
    }
    cr.append('\n').append(parts.signedHeaders).append('\n').append(payloadHash);

    const QByteArray date = headerValue(headers, "X-Sdk-Date").trimmed();
    parts.stringToSign.reserve(32 + date.size() + 64);
    parts.stringToSign.append(HuaweiSigner::Algorithm)
        .append('\n')
        .append(date)
        .append('\n')
        .append(signing::sha256Hex(cr));

    parts.signature = QMessageAuthenticationCode::hash(parts.stringToSign, creds.secretKey,
                                                       QCryptographicHash::Sha256)
                          .toHex();
    parts.authorization = QByteArray(HuaweiSigner::Algorithm) + " Access=" + creds.accessKey
                          + ", SignedHeaders=" + parts.signedHeaders
                          + ", Signature=" + parts.signature;
    return parts;
}

// 20250101T120000Z, strictly; invalid → null QDateTime.
QDateTime parseSdkDate(const QByteArray &text)
{
    if (text.size() != 16 || text.at(8) != 'T' || text.at(15) != 'Z')
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
    const QDate date(number(0, 4), number(4, 2), number(6, 2));
    const QTime time(number(9, 2), number(11, 2), number(13, 2));
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

} // namespace

QByteArray HuaweiSigner::canonicalUri(const QByteArray &encodedPath)
{
    QByteArray uri;
    uri.reserve(encodedPath.size() + 16);
    qsizetype start = 0;
    for (;;) {
        const qsizetype slash = encodedPath.indexOf('/', start);
        const qsizetype end = slash < 0 ? encodedPath.size() : slash;
        const QByteArray segment = encodedPath.mid(start, end - start);
        uri.append(percentEncode(percentDecode(segment)));
        if (slash < 0)
            break;
        uri.append('/');
        start = slash + 1;
    }
    if (!uri.endsWith('/'))
        uri.append('/');
    return uri;
}

QByteArray HuaweiSigner::canonicalQuery(const QByteArray &encodedQuery)
{
    return buildQuery(sortedParams(parseQuery(encodedQuery)));
}

QByteArray HuaweiSigner::sdkDate(const QDateTime &utc)
{
    return utc.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

HuaweiSigner::Parts HuaweiSigner::compute(const QByteArray &method, const QUrl &url,
                                          const HeaderList &headers,
                                          const QList<QByteArray> &signedHeaderNames,
                                          const QByteArray &body, const Credentials &credentials)
{
    return computeParts(method, url.path(QUrl::FullyEncoded).toUtf8(),
                        url.query(QUrl::FullyEncoded).toUtf8(), signing::hostOf(url), headers,
                        signedHeaderNames, body, credentials);
}

void HuaweiSigner::sign(HttpRequest &request, const Credentials &credentials,
                        const QDateTime &nowUtc)
{
    if (!hasHeader(request.headers, "X-Sdk-Date"))
        request.setHeader("X-Sdk-Date", sdkDate(nowUtc));
    if (!credentials.securityToken.isEmpty())
        request.setHeader("X-Security-Token", credentials.securityToken);
    // A re-signed request (retry) must not sign its previous signature.
    removeHeader(request.headers, "Authorization");

    // Everything the request carries, except what Qt or a proxy may rewrite on the way.
    QList<QByteArray> names{QByteArrayLiteral("host")};
    names.reserve(request.headers.size() + 1);
    for (const auto &header : request.headers) {
        const QByteArray lower = header.first.toLower();
        if (lower != "content-length" && lower != "user-agent")
            names.append(lower);
    }

    const Parts parts
        = compute(request.method, request.url, request.headers, names, request.body, credentials);
    request.setHeader("Authorization", parts.authorization);
}

SignatureCheck HuaweiSigner::verify(const QByteArray &method, const QByteArray &rawPath,
                                    const QByteArray &rawQuery, const HeaderList &headers,
                                    const QByteArray &body, const SecretLookup &secretFor,
                                    const QDateTime &nowUtc, int maxSkewSeconds)
{
    SignatureCheck check;
    if (!hasHeader(headers, "Authorization"))
        return signing::failed(check, SignatureCheck::Status::Missing,
                               tr("No Authorization header."));

    // SDK-HMAC-SHA256 Access=AK, SignedHeaders=a;b, Signature=hex
    const QByteArray authorization = headerValue(headers, "Authorization").trimmed();
    const QByteArray prefix = QByteArray(Algorithm) + ' ';
    if (!authorization.startsWith(prefix))
        return signing::failed(check, SignatureCheck::Status::Malformed,
                               tr("The Authorization header does not use SDK-HMAC-SHA256."));
    const QList<QByteArray> params
        = signing::authorizationParams(QByteArrayView(authorization).sliced(prefix.size()),
                                       {"Access", "SignedHeaders", "Signature"});
    if (params.isEmpty())
        return signing::failed(
            check, SignatureCheck::Status::Malformed,
            tr("The Authorization header lacks Access, SignedHeaders or Signature."));
    const QByteArray &access = params.at(0);
    const QByteArray &signedHeaders = params.at(1);
    const QByteArray &signature = params.at(2);
    check.accessKeyId = access;

    const QList<QByteArray> names = signedHeaders.toLower().split(';');
    for (const QByteArray &name : names) {
        if (name.isEmpty() || !hasHeader(headers, name))
            return signing::failed(check, SignatureCheck::Status::Malformed,
                                   tr("A signed header is missing from the request: %1")
                                       .arg(QString::fromLatin1(name)));
    }
    // An unsigned date could be replayed with a fresh value.
    if (!names.contains("x-sdk-date"))
        return signing::failed(check, SignatureCheck::Status::Malformed,
                               tr("X-Sdk-Date must be one of the signed headers."));
    const QDateTime date = parseSdkDate(headerValue(headers, "X-Sdk-Date").trimmed());
    if (!date.isValid())
        return signing::failed(check, SignatureCheck::Status::Malformed,
                               tr("X-Sdk-Date is not in the form YYYYMMDDTHHMMSSZ."));
    check.timestamp = date;
    if (qAbs(date.secsTo(nowUtc)) > maxSkewSeconds)
        return signing::failed(check, SignatureCheck::Status::Expired,
                               tr("X-Sdk-Date is too far from the server time."));

    const std::optional<QByteArray> secret = secretFor ? secretFor(access) : std::nullopt;
    if (!secret)
        return signing::failed(check, SignatureCheck::Status::UnknownKey,
                               tr("Unknown access key."));

    // The Go SDK puts a space on the wire as '+' (Go's query encoder) but signs it as %20;
    // APIG reads '+' in a query as a space, so the gateway side does the same.
    QByteArray query = rawQuery;
    query.replace('+', "%20");
    const Parts expected = computeParts(method, rawPath, query, QByteArray(), headers, names, body,
                                        Credentials{access, *secret, {}});
    if (!signing::constantTimeEquals(expected.signature, signature.toLower()))
        return signing::failed(check, SignatureCheck::Status::Mismatch,
                               QString::fromUtf8(expected.stringToSign));
    check.status = SignatureCheck::Status::Ok;
    return check;
}

} // namespace net
