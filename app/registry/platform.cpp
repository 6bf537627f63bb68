#include "platform.h"

#include <QRegularExpression>

namespace registry {

net::Result<Platform> Platform::parse(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^([a-z0-9_]+)/([a-z0-9_]+)(?:/([a-z0-9_]+))?$"));
    const auto match = pattern.match(text.trimmed().toLower());
    if (!match.hasMatch()) {
        net::ApiError error;
        error.kind = net::ApiError::Kind::Validation;
        error.code = QStringLiteral("INVALID_PLATFORM");
        error.operation = QStringLiteral("ParsePlatform");
        error.message
            = tr("'%1' is not a platform; write os/arch[/variant], e.g. linux/arm64/v8.").arg(text);
        return error;
    }
    Platform platform;
    platform.os = match.captured(1);
    platform.architecture = match.captured(2);
    platform.variant = match.captured(3);
    return platform;
}

QString Platform::toString() const
{
    QString text = os + QLatin1Char('/') + architecture;
    if (!variant.isEmpty())
        text += QLatin1Char('/') + variant;
    return text;
}

bool Platform::matches(const Platform &candidate) const
{
    return os == candidate.os && architecture == candidate.architecture
           && (variant.isEmpty() || variant == candidate.variant);
}

} // namespace registry
