#include "cachespec.h"

#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace core {

namespace {

bool hasWhitespace(const QString &text)
{
    for (const QChar c : text) {
        if (c.isSpace())
            return true;
    }
    return false;
}

bool isPrintableAscii(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7E)
            return false;
    }
    return true;
}

// Kubernetes DNS-1123 label: a namespace or secret name part of "namespace:secret".
bool isDns1123(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
    return text.size() <= 253 && re.match(text).hasMatch();
}

class Collector
{
public:
    void add(const QString &field, const QString &message) { errors.append({field, message}); }
    QList<FieldError> errors;
};

void checkImages(Collector &out, const QString &field, const QStringList &images, int max)
{
    if (images.isEmpty()) {
        out.add(field, CacheSpecValidator::tr("Add at least one image"));
        return;
    }
    if (max > 0 && images.size() > max)
        out.add(field, CacheSpecValidator::tr("At most %1 images can be cached").arg(max));
    QSet<QString> seen;
    for (const QString &image : images) {
        if (image.trimmed().isEmpty()) {
            out.add(field, CacheSpecValidator::tr("Remove the blank entries from the images"));
        } else if (hasWhitespace(image)) {
            out.add(field,
                    CacheSpecValidator::tr("Image \"%1\" must not contain whitespace").arg(image));
        } else if (seen.contains(image)) {
            out.add(field, CacheSpecValidator::tr("Image \"%1\" is listed twice").arg(image));
        }
        seen.insert(image);
    }
}

void validateHuawei(Collector &out, CacheSpecValidator::Operation operation, const CacheSpec &spec,
                    const ValidationContext &context)
{
    if (operation == CacheSpecValidator::Operation::Update) {
        out.add(QStringLiteral("image_cache_id"),
                CacheSpecValidator::tr("CCE Autopilot has no update API: delete the image cache "
                                       "and create it again"));
        return;
    }
    static const QRegularExpression nameRe(QStringLiteral("^[a-z]([a-z0-9-]{0,126}[a-z0-9])?$"));
    const QString name = QStringLiteral("name");
    if (spec.name.isEmpty()) {
        out.add(name, CacheSpecValidator::tr("Enter a name (1 to 128 characters)"));
    } else if (spec.name.size() > 128) {
        out.add(name, CacheSpecValidator::tr("The name must be at most 128 characters"));
    } else if (!nameRe.match(spec.name).hasMatch()) {
        out.add(name,
                CacheSpecValidator::tr("The name must start with a lowercase letter, contain only "
                                       "lowercase letters, digits and hyphens, and not end "
                                       "with a hyphen"));
    } else if (context.existingNames.contains(spec.name)) {
        out.add(name,
                CacheSpecValidator::tr("The name \"%1\" is already used by another image cache")
                    .arg(spec.name));
    }

    checkImages(out, QStringLiteral("images"), spec.images, 0);

    if (spec.sizeGiB && (*spec.sizeGiB < 20 || *spec.sizeGiB > 400))
        out.add(QStringLiteral("image_cache_size"),
                CacheSpecValidator::tr("The cache size must be between 20 and 400 GiB"));
    if (spec.retentionDays && (*spec.retentionDays < 0 || *spec.retentionDays > 10000))
        out.add(QStringLiteral("retention_days"),
                CacheSpecValidator::tr(
                    "The retention must be between 0 and 10000 days (0: never expires)"));
    if (spec.cluster.trimmed().isEmpty())
        out.add(QStringLiteral("building_config.cluster"),
                CacheSpecValidator::tr("Enter the UID of the CCE Autopilot cluster that builds "
                                       "the cache"));
    for (const QString &secret : spec.imagePullSecrets) {
        const QStringList parts = secret.split(QLatin1Char(':'));
        if (parts.size() != 2 || !isDns1123(parts.at(0)) || !isDns1123(parts.at(1))) {
            out.add(QStringLiteral("building_config.image_pull_secrets"),
                    CacheSpecValidator::tr("Pull secret \"%1\" must be written namespace:secret, "
                                           "both DNS-1123 names (lowercase letters, digits, "
                                           "hyphens)")
                        .arg(secret));
        }
    }
}

void validateAlibaba(Collector &out, CacheSpecValidator::Operation operation, const CacheSpec &spec,
                     const ValidationContext &context)
{
    const bool create = operation == CacheSpecValidator::Operation::Create;
    if (!create && spec.id.trimmed().isEmpty())
        out.add(QStringLiteral("ImageCacheId"),
                CacheSpecValidator::tr("Choose the image cache to update"));

    // Name rule of the ECI console (2–128 lowercase letters, digits, hyphens, no hyphen at
    // either end). The CreateImageCache API reference states no name rule; kept because the
    // console refuses other names.
    static const QRegularExpression nameRe(QStringLiteral("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$"));
    const QString name = QStringLiteral("ImageCacheName");
    if (create && spec.name.isEmpty()) {
        out.add(name, CacheSpecValidator::tr("A name is required (2 to 128 characters)"));
    } else if (!spec.name.isEmpty()) {
        if (spec.name.size() < 2 || spec.name.size() > 128)
            out.add(name, CacheSpecValidator::tr("The name must be 2 to 128 characters"));
        else if (!nameRe.match(spec.name).hasMatch())
            out.add(name, CacheSpecValidator::tr("The name may contain only lowercase "
                                                 "letters, digits and hyphens, and must not "
                                                 "start or end with a hyphen"));
        else if (create && context.existingNames.contains(spec.name))
            out.add(name, CacheSpecValidator::tr("The name \"%1\" is already used").arg(spec.name));
    }

    if (create || !spec.images.isEmpty())
        checkImages(out, QStringLiteral("Image"), spec.images, 20);

    static const QRegularExpression sgRe(QStringLiteral("^sg-[A-Za-z0-9]+$"));
    static const QRegularExpression vswRe(QStringLiteral("^vsw-[A-Za-z0-9]+$"));
    if (create && spec.securityGroupId.isEmpty())
        out.add(QStringLiteral("SecurityGroupId"),
                CacheSpecValidator::tr("A security group is required"));
    else if (!spec.securityGroupId.isEmpty() && !sgRe.match(spec.securityGroupId).hasMatch())
        out.add(QStringLiteral("SecurityGroupId"),
                CacheSpecValidator::tr("The security group must look like sg-xxxxxxxx"));
    if (create && spec.vSwitchId.isEmpty()) {
        out.add(QStringLiteral("VSwitchId"), CacheSpecValidator::tr("A vSwitch is required"));
    } else if (!spec.vSwitchId.isEmpty()) {
        const QStringList switches = spec.vSwitchId.split(QLatin1Char(','));
        if (switches.size() > 10)
            out.add(QStringLiteral("VSwitchId"),
                    CacheSpecValidator::tr("At most 10 vSwitches, separated by commas"));
        for (const QString &id : switches) {
            if (!vswRe.match(id.trimmed()).hasMatch()) {
                out.add(QStringLiteral("VSwitchId"),
                        CacheSpecValidator::tr("Each vSwitch must look like vsw-xxxxxxxx"));
                break;
            }
        }
    }

    if (spec.sizeGiB && (*spec.sizeGiB < 20 || *spec.sizeGiB > 32768))
        out.add(QStringLiteral("ImageCacheSize"),
                CacheSpecValidator::tr("The cache size must be between 20 and 32768 GiB"));
    if (spec.retentionDays && (*spec.retentionDays < 1 || *spec.retentionDays > 65536))
        out.add(QStringLiteral("RetentionDays"),
                CacheSpecValidator::tr("The retention must be between 1 and 65536 days when set"));
    if (!spec.eliminationStrategy.isEmpty() && spec.eliminationStrategy != QLatin1String("LRU"))
        out.add(QStringLiteral("EliminationStrategy"),
                CacheSpecValidator::tr("The elimination strategy must be empty or LRU"));
    if (spec.flashCopyCount && *spec.flashCopyCount < 0)
        out.add(QStringLiteral("FlashCopyCount"),
                CacheSpecValidator::tr("The number of instant-cache copies must not be negative"));
    if (spec.standardCopyCount && *spec.standardCopyCount < 0)
        out.add(QStringLiteral("StandardCopyCount"),
                CacheSpecValidator::tr("The number of standard copies must not be negative"));

    if (spec.tags.size() > 20)
        out.add(QStringLiteral("Tag"), CacheSpecValidator::tr("At most 20 tags"));
    for (const Tag &tag : spec.tags) {
        if (tag.key.trimmed().isEmpty()) {
            out.add(QStringLiteral("Tag.Key"),
                    CacheSpecValidator::tr("A tag key must not be empty"));
            break;
        }
    }

    if (spec.clientToken.size() > 64 || !isPrintableAscii(spec.clientToken))
        out.add(QStringLiteral("ClientToken"),
                CacheSpecValidator::tr(
                    "The client token must be at most 64 printable ASCII characters"));

    for (const RegistryLogin &login : spec.registryLogins) {
        const QString field = QStringLiteral("ImageRegistryCredential");
        if (login.server.trimmed().isEmpty())
            out.add(field + QStringLiteral(".Server"),
                    CacheSpecValidator::tr("Enter the registry server"));
        else if (login.server.contains(QLatin1String("://")))
            out.add(field + QStringLiteral(".Server"),
                    CacheSpecValidator::tr("The registry server must be a host "
                                           "without http:// or https://"));
        if (login.userName.isEmpty() != login.password.isEmpty())
            out.add(field + QStringLiteral(".UserName"),
                    CacheSpecValidator::tr("The registry user and password must "
                                           "be given together"));
    }
    for (const AcrRegistry &acr : spec.acrRegistries) {
        if (acr.instanceId.trimmed().isEmpty())
            out.add(QStringLiteral("AcrRegistryInfo.InstanceId"),
                    CacheSpecValidator::tr("The ACR instance ID is required"));
    }

    if (create && !spec.osType.isEmpty() && spec.osType != QLatin1String("Linux")
        && spec.osType != QLatin1String("Windows"))
        out.add(QStringLiteral("OsType"),
                CacheSpecValidator::tr("The operating system must be Linux or Windows"));
}

} // namespace

QList<FieldError> CacheSpecValidator::validate(Provider provider, Operation operation,
                                               const CacheSpec &spec,
                                               const ValidationContext &context)
{
    Collector out;
    if (provider == Provider::Huawei)
        validateHuawei(out, operation, spec, context);
    else
        validateAlibaba(out, operation, spec, context);
    return out.errors;
}

std::optional<int> CacheSpecValidator::suggestedHuaweiSizeGiB(const QStringList &images,
                                                              const ValidationContext &context)
{
    // The rule's own value, above 400 too: the warning then says to split the images.
    const auto suggestion = suggestedSize(Provider::Huawei, images, context);
    return suggestion ? std::optional<int>(suggestion->ruleGiB) : std::nullopt;
}

std::optional<SizeSuggestion> CacheSpecValidator::suggestedSize(Provider provider,
                                                                const QStringList &images,
                                                                const ValidationContext &context)
{
    SizeSuggestion suggestion;
    suggestion.images = int(images.size());
    for (const QString &image : images) {
        const auto it = context.imageSizeBytes.constFind(image);
        if (it == context.imageSizeBytes.cend() || *it < 0)
            continue;
        suggestion.decompressedBytes += *it;
        ++suggestion.knownImages;
    }
    if (suggestion.knownImages == 0)
        return std::nullopt;
    constexpr double GiB = 1024.0 * 1024.0 * 1024.0;
    const bool huawei = provider == Provider::Huawei;
    // Huawei caches the decompressed files and asks for 3× them; ECI states no multiple, so
    // the decompressed total itself (a create whose images do not fit fails).
    const double multiple = huawei ? HuaweiSizeMultiple : 1.0;
    const double needed = std::ceil(multiple * double(suggestion.decompressedBytes) / GiB);
    const int maximum = huawei ? 400 : 32768;
    suggestion.ruleGiB = std::max(20, int(std::min(needed, 1e9)));
    suggestion.sizeGiB = std::min(suggestion.ruleGiB, maximum);
    return suggestion;
}

QList<FieldError> CacheSpecValidator::warnings(Provider provider, const CacheSpec &spec,
                                               const ValidationContext &context)
{
    QList<FieldError> out;
    if (provider != Provider::Huawei)
        return out;
    const auto suggested = suggestedHuaweiSizeGiB(spec.images, context);
    const int size = spec.sizeGiB.value_or(20); // CCE's default
    if (suggested && size < *suggested) {
        if (*suggested > 400) {
            out.append({QStringLiteral("image_cache_size"),
                        tr("The images need about %1 GiB (3x their decompressed size), more than "
                           "the 400 GiB maximum: split them over several caches")
                            .arg(*suggested)});
        } else {
            out.append({QStringLiteral("image_cache_size"),
                        tr("A cache of %1 GiB is below 3x the decompressed images; "
                           "%2 GiB is advised")
                            .arg(size)
                            .arg(*suggested)});
        }
    }
    return out;
}

} // namespace core
