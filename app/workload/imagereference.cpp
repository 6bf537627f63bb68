#include "imagereference.h"

#include <QRegularExpression>

namespace workload {

namespace {

// The productions of distribution/reference regexp.go, composed the same way.
const QString Alphanumeric = QStringLiteral("[a-z0-9]+");
const QString Separator = QStringLiteral("(?:[._]|__|[-]+)");
const QString DomainNameComponent
    = QStringLiteral("(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])");
const QString OptionalPort = QStringLiteral("(?::[0-9]+)?");
const QString Tag = QStringLiteral("[\\w][\\w.-]{0,127}");
const QString DigestPattern
    = QStringLiteral("[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}");
const QString Ipv6Address = QStringLiteral("\\[(?:[a-fA-F0-9:]+)\\]");
const QString DomainName
    = DomainNameComponent + QStringLiteral("(?:\\.") + DomainNameComponent + QStringLiteral(")*");
const QString Host
    = QStringLiteral("(?:") + DomainName + QLatin1Char('|') + Ipv6Address + QLatin1Char(')');
const QString DomainAndPort = Host + OptionalPort;
const QString PathComponent
    = Alphanumeric + QStringLiteral("(?:") + Separator + Alphanumeric + QStringLiteral(")*");
const QString RemoteName
    = PathComponent + QStringLiteral("(?:/") + PathComponent + QStringLiteral(")*");
const QString NamePattern
    = QStringLiteral("(?:") + DomainAndPort + QStringLiteral("/)?") + RemoteName;

const QRegularExpression &referenceRegexp()
{
    static const QRegularExpression re(QStringLiteral("^(") + NamePattern + QStringLiteral(")(?::(")
                                       + Tag + QStringLiteral("))?(?:@(") + DigestPattern
                                       + QStringLiteral("))?$"));
    return re;
}

const QRegularExpression &anchoredNameRegexp()
{
    static const QRegularExpression re(QStringLiteral("^(?:(") + DomainAndPort
                                       + QStringLiteral(")/)?(") + RemoteName
                                       + QStringLiteral(")$"));
    return re;
}

const QRegularExpression &identifierRegexp()
{
    static const QRegularExpression re(QStringLiteral("^[a-f0-9]{64}$"));
    return re;
}

constexpr qsizetype NameTotalLengthMax = 255;
const QString DefaultDomain = QStringLiteral("docker.io");
const QString LegacyDefaultDomain = QStringLiteral("index.docker.io");
const QString OfficialRepoPrefix = QStringLiteral("library/");

// go-digest's Validate: known algorithm, exact length, lower-case hex.
ImageReference::Error checkDigest(const QString &digest)
{
    const qsizetype colon = digest.indexOf(QLatin1Char(':'));
    const QString algorithm = digest.left(colon);
    const QString encoded = digest.mid(colon + 1);
    int length = 0;
    if (algorithm == u"sha256")
        length = 64;
    else if (algorithm == u"sha384")
        length = 96;
    else if (algorithm == u"sha512")
        length = 128;
    else
        return ImageReference::Error::DigestUnsupported;
    if (encoded.size() != length)
        return ImageReference::Error::DigestInvalidLength;
    static const QRegularExpression lowerHex(QStringLiteral("^[a-f0-9]+$"));
    if (!lowerHex.match(encoded).hasMatch())
        return ImageReference::Error::InvalidFormat;
    return ImageReference::Error::None;
}

// splitDockerDomain of normalize.go.
void splitDockerDomain(const QString &name, QString *domain, QString *remainder)
{
    const qsizetype slash = name.indexOf(QLatin1Char('/'));
    if (slash < 0) {
        *domain = DefaultDomain;
        *remainder = OfficialRepoPrefix + name;
        return;
    }
    const QString maybeDomain = name.left(slash);
    const QString maybeRemote = name.mid(slash + 1);
    if (maybeDomain == u"localhost") {
        *domain = maybeDomain;
        *remainder = maybeRemote;
    } else if (maybeDomain == LegacyDefaultDomain) {
        *domain = DefaultDomain;
        *remainder = maybeRemote;
    } else if (maybeDomain.contains(QLatin1Char('.')) || maybeDomain.contains(QLatin1Char(':'))
               || maybeDomain.toLower() != maybeDomain) {
        *domain = maybeDomain;
        *remainder = maybeRemote;
    } else {
        *domain = DefaultDomain;
        *remainder = name;
    }
    if (*domain == DefaultDomain && !remainder->contains(QLatin1Char('/')))
        *remainder = OfficialRepoPrefix + *remainder;
}

} // namespace

ImageReference ImageReference::parse(const QString &text)
{
    ImageReference ref;
    ref.m_input = text;
    const QRegularExpressionMatch match = referenceRegexp().match(text);
    if (!match.hasMatch()) {
        if (text.isEmpty())
            ref.m_error = Error::NameEmpty;
        else if (referenceRegexp().match(text.toLower()).hasMatch())
            ref.m_error = Error::NameContainsUppercase;
        else
            ref.m_error = Error::InvalidFormat;
        return ref;
    }
    const QString name = match.captured(1);
    if (name.size() > NameTotalLengthMax) {
        ref.m_error = Error::NameTooLong;
        return ref;
    }
    const QRegularExpressionMatch nameMatch = anchoredNameRegexp().match(name);
    if (!nameMatch.hasMatch()) {
        ref.m_error = Error::InvalidFormat;
        return ref;
    }
    ref.m_domain = nameMatch.captured(1);
    ref.m_path = nameMatch.captured(2);
    ref.m_tag = match.captured(2);
    ref.m_digest = match.captured(3);
    if (!ref.m_digest.isEmpty()) {
        const Error digestError = checkDigest(ref.m_digest);
        if (digestError != Error::None) {
            ref.m_error = digestError;
            return ref;
        }
    }
    ref.m_error = Error::None;
    return ref;
}

ImageReference ImageReference::parseNormalized(const QString &text)
{
    if (identifierRegexp().match(text).hasMatch()) {
        ImageReference ref;
        ref.m_input = text;
        ref.m_error = Error::HexadecimalName;
        return ref;
    }
    QString domain;
    QString remainder;
    splitDockerDomain(text, &domain, &remainder);
    const qsizetype tagSeparator = remainder.indexOf(QLatin1Char(':'));
    const QString remote = tagSeparator >= 0 ? remainder.left(tagSeparator) : remainder;
    if (remote.toLower() != remote) {
        ImageReference ref;
        ref.m_input = text;
        ref.m_error = Error::NameContainsUppercase;
        return ref;
    }
    ImageReference ref = parse(domain + QLatin1Char('/') + remainder);
    ref.m_input = text;
    return ref;
}

QString ImageReference::errorString() const
{
    switch (m_error) {
    case Error::None:
        return {};
    case Error::NameEmpty:
        return tr("the image reference is empty");
    case Error::InvalidFormat:
        return tr("'%1' is not a valid image reference").arg(m_input);
    case Error::NameContainsUppercase:
        return tr("the repository name in '%1' must be lowercase").arg(m_input);
    case Error::NameTooLong:
        return tr("the repository name in '%1' is longer than 255 characters").arg(m_input);
    case Error::DigestInvalidLength:
        return tr("the digest in '%1' has the wrong length").arg(m_input);
    case Error::DigestUnsupported:
        return tr("the digest algorithm in '%1' is not supported").arg(m_input);
    case Error::HexadecimalName:
        return tr("'%1' is a 64-character hexadecimal identifier, not a repository name")
            .arg(m_input);
    }
    return {};
}

QString ImageReference::name() const
{
    return m_domain.isEmpty() ? m_path : m_domain + QLatin1Char('/') + m_path;
}

QString ImageReference::toString() const
{
    QString text = name();
    if (!m_tag.isEmpty())
        text += QLatin1Char(':') + m_tag;
    if (!m_digest.isEmpty())
        text += QLatin1Char('@') + m_digest;
    return text;
}

QString ImageReference::pullReference() const
{
    if (!isValid())
        return {};
    if (!m_digest.isEmpty())
        return name() + QLatin1Char('@') + m_digest;
    return name() + QLatin1Char(':') + (m_tag.isEmpty() ? QStringLiteral("latest") : m_tag);
}

QString ImageReference::familiar() const
{
    QString domain = m_domain;
    QString path = m_path;
    if (domain == DefaultDomain) {
        domain.clear();
        if (path.startsWith(OfficialRepoPrefix)
            && !path.mid(OfficialRepoPrefix.size()).contains(QLatin1Char('/')))
            path = path.mid(OfficialRepoPrefix.size());
    }
    QString text = domain.isEmpty() ? path : domain + QLatin1Char('/') + path;
    if (!m_tag.isEmpty())
        text += QLatin1Char(':') + m_tag;
    if (!m_digest.isEmpty())
        text += QLatin1Char('@') + m_digest;
    return text;
}

QString normalizedImage(const QString &text)
{
    return ImageReference::parseNormalized(text.trimmed()).pullReference();
}

} // namespace workload
