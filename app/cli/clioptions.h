#pragma once

#include "core/imagecache.h"

#include <QCoreApplication>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace cli {

// Everything the command line said, parsed and type-checked but not yet interpreted
// against credentials or a provider. Secrets are never part of it: there is no option for
// one, and an option that looks like one is refused with a pointer to the environment.
struct CliOptions
{
    // Global
    QString provider;
    QString region;
    QString endpoint;
    QString projectId;
    QString signatureVersion;
    // -o json|yaml|table|wide (--json is -o json). `json` is set for both document forms
    // (json, yaml): the commands print the value tree and Console writes it in the form asked.
    QString output = QStringLiteral("table");
    bool json = false;
    bool raw = false; // --raw: the provider's own objects (secrets masked) instead of ours
    bool wide() const { return output == QLatin1String("wide"); }
    int timeoutMs = 0; // 0: the transport's default
    bool verbose = false;
    bool help = false;
    bool version = false;
    QString account;  // --account ID|NAME: a stored account instead of the environment
    QString storeUrl; // --store URL (else IMAGECACHE_STORE, else the configured store)

    QString group;         // caches | images | export | journal | accounts | coverage | registry
    QString command;       // list | show | create | update | delete | layers | caches | images
                           // | add | remove | import | test
    QStringList arguments; // IDs after the command

    // accounts add: every --region, --endpoint and --project-id as given (R=VALUE or one
    // value for all regions); the secret itself is never an option.
    QStringList regions;
    QStringList endpoints;
    QStringList projectIds;
    QString auth; // aksk | iam
    QString accessKeyId;
    QString iamUser;
    QString iamDomain;
    bool secretStdin = false;
    bool secretFromEnv = false;
    // accounts import
    QString file;
    // journal: a date or date and time (ISO 8601)
    QString since;
    // coverage: -f FILE (repeatable, "-" for stdin) and --expires-within DURATION
    QStringList files;
    QString expiresWithin;
    // registry inspect: os/arch[/variant]
    QString platform;

    // Cache spec (create, update)
    QString name;
    QStringList images;
    QString imagesFile;
    std::optional<int> sizeGiB;
    std::optional<int> retentionDays;
    QList<core::Tag> tags;
    QString cluster;
    QStringList pullSecrets;
    QString securityGroup;
    QString vSwitch;
    QString zone;
    QString eip;
    QString eliminationStrategy;
    bool flash = false;
    QString resourceGroup;
    QString clientToken;
    QStringList registries; // SERVER,USER

    // Filters (list)
    QString image;
    int pageSize = 0;
    QString imageType;
    QString namespaceName;
    QString imageVersion;
    QString category;
    QString source;

    // Waiting (create, update, delete)
    bool wait = false;
    int pollIntervalMs = 2000;
    int waitTimeoutMs = 30 * 60 * 1000;

    // Export
    QString csvFile;
    bool bom = false;
    bool oneLine = false;

    QSet<QString> given; // long names of the options that were on the command line
    bool isSet(const QString &option) const { return given.contains(option); }
};

class CliParser final
{
    Q_DECLARE_TR_FUNCTIONS(CliParser)
public:
    // `arguments` includes the program name, as QCoreApplication::arguments(). On failure
    // returns false with a one-line reason (exit code 2).
    static bool parse(const QStringList &arguments, CliOptions *options, QString *error);
    static QString helpText();
};

} // namespace cli
