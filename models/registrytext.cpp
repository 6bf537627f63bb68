#include "registrytext.h"

#include "presentation.h"

namespace models {

using registry::ErrorKind;

QString RegistryText::problemName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None:
        return {};
    case ErrorKind::InvalidReference:
        return tr("Not a valid image reference");
    case ErrorKind::UnknownImage:
        return tr("Unknown image", "registry: no such repository");
    case ErrorKind::UnknownTag:
        return tr("Unknown tag", "registry: no such tag or digest");
    case ErrorKind::UnknownBlob:
        return tr("Missing layer or config", "registry: BLOB_UNKNOWN");
    case ErrorKind::PlatformMissing:
        return tr("Platform missing", "registry: the image has no manifest for the platform");
    case ErrorKind::Unauthorized:
        return tr("Unauthorized", "registry: credentials missing or wrong");
    case ErrorKind::Denied:
        return tr("Access denied", "registry: the login may not pull this image");
    case ErrorKind::RateLimited:
        return tr("Rate limited", "registry: too many requests");
    case ErrorKind::Tls:
        return tr("TLS error", "registry: certificate or protocol");
    case ErrorKind::Network:
        return tr("Registry unreachable", "registry: refused, DNS, timeout");
    case ErrorKind::Malformed:
        return tr("Unexpected answer", "registry: not the documented manifest or config");
    case ErrorKind::Other:
        break;
    }
    return tr("Registry error");
}

QString RegistryText::problem(ErrorKind kind, const net::ApiError &error)
{
    const QString name = problemName(kind);
    if (!error.code.isEmpty() && !error.message.isEmpty())
        return tr("%1 (%2: %3)", "problem (registry code: registry message)")
            .arg(name, error.code, error.message);
    if (!error.code.isEmpty())
        return tr("%1 (%2)", "problem (registry code)").arg(name, error.code);
    if (!error.message.isEmpty())
        return tr("%1: %2", "problem: message").arg(name, error.message);
    return name;
}

QString RegistryText::size(qint64 bytes, bool estimated)
{
    if (bytes < 0)
        return {};
    const QString text = Presentation::bytes(bytes);
    return estimated ? tr("~%1 (estimate)", "a size not read from the registry").arg(text) : text;
}

QString RegistryText::shortDigest(const QString &digest)
{
    const int colon = digest.indexOf(QLatin1Char(':'));
    return (colon < 0 ? digest : digest.mid(colon + 1)).left(12);
}

} // namespace models
