#pragma once

#include "imagecache.h"
#include "provider.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace core {

// Private registry login for Alibaba ECI (ImageRegistryCredential.N). The password is a
// secret: it is sent to the provider and never stored or printed.
struct RegistryLogin
{
    QString server; // host without http(s)://
    QString userName;
    QString password;
    friend bool operator==(const RegistryLogin &, const RegistryLogin &) = default;
};

// ACR Enterprise Edition secret-free pull (AcrRegistryInfo.N).
struct AcrRegistry
{
    QString instanceId; // required in this block
    QString instanceName;
    QString regionId;
    QStringList domains;
    QString arnService;
    QString arnUser;
    friend bool operator==(const AcrRegistry &, const AcrRegistry &) = default;
};

// What a user asks for when creating (or, for ECI, updating) an image cache. One struct for
// both clouds; each provider reads the fields it documents and ignores the rest.
struct CacheSpec
{
    QString id; // update only: the cache to change
    QString name;
    QStringList images;
    std::optional<int> sizeGiB;
    std::optional<int> retentionDays;

    // Huawei CCE building_config
    QString cluster;
    QStringList imagePullSecrets; // "namespace:secret"

    // Alibaba ECI
    QString securityGroupId;
    QString vSwitchId; // up to 10, comma separated
    QString zoneId;
    QString eipInstanceId;
    // "LRU", or empty to keep the cache until it expires; null = not given (an update leaves
    // the cache's strategy as it is).
    QString eliminationStrategy;
    std::optional<bool> flash;
    std::optional<int> flashCopyCount;
    std::optional<int> standardCopyCount;
    std::optional<bool> autoMatchImageCache;
    QList<RegistryLogin> registryLogins;
    QList<AcrRegistry> acrRegistries;
    QString insecureRegistry;
    QString plainHttpRegistry;
    QList<Tag> tags;
    QString resourceGroupId;
    QString annotations;
    QString osType;      // Linux | Windows
    QString clientToken; // idempotency; generated when empty

    friend bool operator==(const CacheSpec &, const CacheSpec &) = default;
};

// A client-side validation failure: which field, and a message naming the rule.
struct FieldError
{
    QString field; // the provider's parameter name, e.g. "image_cache_size", "ImageCacheName"
    // Translated, in plain words without the parameter name, e.g. "The cache size must be
    // between 20 and 400 GiB" (the CLI prints "field: message", the dialog the message).
    QString message;
    friend bool operator==(const FieldError &, const FieldError &) = default;
};

// A cache size worked out from the images' decompressed sizes by the provider's rule.
struct SizeSuggestion
{
    int sizeGiB = 0;              // within the provider's range
    int ruleGiB = 0;              // what the rule gives before the range's maximum applies
    qint64 decompressedBytes = 0; // Σ of the images whose size is known
    int knownImages = 0;
    int images = 0;
    bool capped() const { return ruleGiB > sizeGiB; }
};

// What the validator may know beyond the form: decompressed image sizes from the catalog
// (for Huawei's "at least 3x the images" advice), and existing names (uniqueness).
struct ValidationContext
{
    QHash<QString, qint64> imageSizeBytes; // image reference → decompressed size
    QStringList existingNames;
};

class CacheSpecValidator final
{
    Q_DECLARE_TR_FUNCTIONS(CacheSpecValidator)
public:
    enum class Operation { Create, Update };

    // Every documented constraint of the provider's create (or ECI update) call; empty when
    // the spec may be sent.
    static QList<FieldError> validate(Provider provider, Operation operation, const CacheSpec &spec,
                                      const ValidationContext &context = {});
    // Advisory, not blocking: e.g. Huawei size below 3x the known decompressed image size.
    static QList<FieldError> warnings(Provider provider, const CacheSpec &spec,
                                      const ValidationContext &context);
    // Suggested Huawei image_cache_size (GiB) for the known image sizes: max(20, ceil(3x)).
    static std::optional<int> suggestedHuaweiSizeGiB(const QStringList &images,
                                                     const ValidationContext &context);
    // The provider's sizing rule over the known decompressed sizes (docs/registry.md):
    // Huawei max(20, ceil(3 × Σ / GiB)) up to 400; ECI max(20, ceil(Σ / GiB)) up to 32768.
    // Empty when no image's size is known.
    static std::optional<SizeSuggestion> suggestedSize(Provider provider, const QStringList &images,
                                                       const ValidationContext &context);
    static constexpr int HuaweiSizeMultiple = 3;
};

} // namespace core
