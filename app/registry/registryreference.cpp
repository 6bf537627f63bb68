#include "registryreference.h"

#include "net/apiclient.h"
#include "workload/imagereference.h"

namespace registry {

net::Result<RegistryReference> RegistryReference::parse(const QString &text)
{
    const auto parsed = workload::ImageReference::parseNormalized(text.trimmed());
    if (!parsed.isValid()) {
        net::ApiError error;
        error.kind = net::ApiError::Kind::Validation;
        error.code = QStringLiteral("INVALID_REFERENCE");
        error.operation = QStringLiteral("ParseReference");
        error.message = tr("Malformed image reference: %1.").arg(parsed.errorString());
        return error;
    }
    RegistryReference reference;
    reference.domain = parsed.domain();
    reference.repository = parsed.path();
    reference.digest = parsed.digest();
    reference.tag = parsed.tag();
    if (reference.tag.isEmpty() && reference.digest.isEmpty())
        reference.tag = QStringLiteral("latest");
    reference.useTls = !net::isLoopbackHost(reference.baseUrl().host());
    return reference;
}

QUrl RegistryReference::baseUrl() const
{
    QString host = domain;
    if (host == QLatin1String("docker.io"))
        host = QStringLiteral("registry-1.docker.io");
    // host[:port], an IPv6 address in brackets: QUrl takes the authority as written.
    QUrl url;
    url.setScheme(useTls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setAuthority(host);
    return url;
}

QString RegistryReference::toString() const
{
    QString text = name();
    if (!tag.isEmpty() && digest.isEmpty())
        text += QLatin1Char(':') + tag;
    if (!digest.isEmpty())
        text += QLatin1Char('@') + digest;
    return text;
}

} // namespace registry
