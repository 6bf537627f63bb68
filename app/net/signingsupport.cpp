#include "signingsupport.h"

#include <QCryptographicHash>

namespace net::signing {

namespace {
constexpr char EmptyBodySha256[]
    = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
}

QByteArray sha256Hex(QByteArrayView data)
{
    if (data.isEmpty())
        return QByteArray::fromRawData(EmptyBodySha256, sizeof(EmptyBodySha256) - 1);
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QByteArray hostOf(const QUrl &url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toUtf8();
    if (host.contains(':'))
        host = '[' + host + ']';
    const int port = url.port();
    const QString scheme = url.scheme().toLower();
    const int defaultPort = scheme == QLatin1String("https")  ? 443
                            : scheme == QLatin1String("http") ? 80
                                                              : -1;
    if (port >= 0 && port != defaultPort)
        host += ':' + QByteArray::number(port);
    return host;
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

SignatureCheck failed(SignatureCheck check, SignatureCheck::Status status, const QString &detail)
{
    check.status = status;
    check.detail = detail;
    return check;
}

QList<QByteArray> authorizationParams(QByteArrayView params, const QList<QByteArray> &names)
{
    QList<QByteArray> values(names.size());
    for (const QByteArray &item : params.toByteArray().split(',')) {
        const QByteArray part = item.trimmed();
        const qsizetype eq = part.indexOf('=');
        if (eq <= 0)
            continue;
        const qsizetype index = names.indexOf(part.first(eq));
        if (index < 0)
            continue;
        if (!values.at(index).isEmpty())
            return {}; // given twice
        values[index] = part.sliced(eq + 1).trimmed();
    }
    for (const QByteArray &value : std::as_const(values)) {
        if (value.isEmpty())
            return {};
    }
    return values;
}

} // namespace net::signing
