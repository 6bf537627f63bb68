#include "clioptions.h"

#include <QCommandLineParser>
#include <QHash>
#include <QRegularExpression>

namespace cli {

namespace {

struct OptionDef
{
    const char *name;
    const char *valueName; // nullptr: a flag
    QStringList scopes;    // "group command"; empty: global
};

const QStringList createUpdate = {u"caches create"_qs, u"caches update"_qs};
const QStringList waitable = {u"caches create"_qs, u"caches update"_qs, u"caches delete"_qs};
const QStringList cacheFilters = {u"caches list"_qs, u"export caches"_qs};
const QStringList accountsAdd = {u"accounts add"_qs};
const QStringList imageFilters
    = {u"images list"_qs, u"images show"_qs, u"images layers"_qs, u"export images"_qs};

QList<OptionDef> optionDefs()
{
    return {
        {"provider", "huawei|alibaba", {}},
        {"region", "REGION", {}},
        {"endpoint", "URL", {}},
        {"project-id", "ID", {}},
        {"signature-version", "v3|v1", {}},
        {"json", nullptr, {}},
        {"output", "json|yaml|table|wide", {}},
        {"raw",
         nullptr,
         {u"caches list"_qs, u"caches show"_qs, u"images list"_qs, u"images show"_qs}},
        {"timeout", "MS", {}},
        {"verbose", nullptr, {}},
        {"help", nullptr, {}},
        {"version", nullptr, {}},
        {"account", "ID|NAME", {}},
        {"store", "URL", {}},
        {"name", "NAME", createUpdate + cacheFilters + imageFilters + accountsAdd},
        {"auth", "aksk|iam", accountsAdd},
        {"access-key-id", "ID", accountsAdd},
        {"iam-user", "USER", accountsAdd},
        {"iam-domain", "DOMAIN", accountsAdd},
        {"secret-stdin", nullptr, accountsAdd},
        {"secret-from-env", nullptr, accountsAdd},
        {"file", "PATH", {u"accounts import"_qs, u"coverage "_qs}},
        {"expires-within", "DURATION", {u"coverage "_qs}},
        {"image", "IMAGE", createUpdate + cacheFilters},
        {"images-file", "FILE", createUpdate},
        {"size", "GIB", createUpdate},
        {"retention-days", "N", createUpdate},
        {"tag", "KEY=VALUE", createUpdate + cacheFilters},
        {"cluster", "UID", {u"caches create"_qs}},
        {"pull-secret", "NAMESPACE:SECRET", {u"caches create"_qs}},
        {"security-group", "ID", createUpdate},
        {"vswitch", "ID[,ID...]", createUpdate},
        {"zone", "ID", createUpdate},
        {"eip", "ID", createUpdate},
        {"elimination-strategy", "LRU", createUpdate},
        {"flash", nullptr, createUpdate},
        {"resource-group", "ID", createUpdate + cacheFilters},
        {"client-token", "TOKEN", createUpdate},
        {"registry", "SERVER,USER", createUpdate},
        {"page-size", "N", cacheFilters + imageFilters},
        {"type", "TYPE", imageFilters},
        {"namespace", "NAMESPACE", imageFilters},
        {"image-version", "VERSION", imageFilters},
        {"category", "Public|Custom", imageFilters},
        {"source", "registry|local|cicd", imageFilters},
        {"wait", nullptr, waitable},
        {"poll-interval", "MS", waitable},
        {"wait-timeout", "MS", waitable},
        {"csv", "FILE", {u"export caches"_qs, u"export images"_qs}},
        {"bom", nullptr, {u"export caches"_qs, u"export images"_qs}},
        {"one-line", nullptr, {u"export caches"_qs}},
        {"since", "DATE", {u"journal "_qs}},
        {"platform", "OS/ARCH[/VARIANT]", {u"registry inspect"_qs}},
    };
}

// group → command → how many IDs it takes (min, max; -1 = any number)
struct Arity
{
    int min;
    int max;
};
const QHash<QString, QHash<QString, Arity>> &commandTable()
{
    static const QHash<QString, QHash<QString, Arity>> table = {
        {u"caches"_qs,
         {{u"list"_qs, {0, 0}},
          {u"show"_qs, {1, 1}},
          {u"create"_qs, {0, 0}},
          {u"update"_qs, {1, 1}},
          {u"delete"_qs, {1, -1}}}},
        {u"images"_qs, {{u"list"_qs, {0, 0}}, {u"show"_qs, {1, 1}}, {u"layers"_qs, {1, 1}}}},
        {u"export"_qs, {{u"caches"_qs, {0, 0}}, {u"images"_qs, {0, 0}}}},
        {u"journal"_qs, {{QString(), {0, 0}}}},
        {u"coverage"_qs, {{QString(), {0, 0}}}},
        {u"registry"_qs, {{u"inspect"_qs, {1, 1}}}},
        {u"accounts"_qs,
         {{u"list"_qs, {0, 0}},
          {u"add"_qs, {0, 0}},
          {u"remove"_qs, {1, 1}},
          {u"import"_qs, {1, 1}},
          {u"test"_qs, {1, 1}}}},
    };
    return table;
}

bool looksLikeSecretOption(const QString &argument)
{
    if (!argument.startsWith(QLatin1Char('-')))
        return false;
    QString name = argument.mid(argument.startsWith(u"--"_qs) ? 2 : 1).toLower();
    name = name.section(QLatin1Char('='), 0, 0);
    static const QStringList exact = {u"ak"_qs, u"sk"_qs, u"token"_qs, u"access-key"_qs};
    return exact.contains(name) || name.contains(u"secret"_qs) || name.contains(u"password"_qs)
           || name.contains(u"access-key"_qs) || name.contains(u"security-token"_qs);
}

bool toCount(const QString &text, int *value)
{
    bool ok = false;
    const int v = text.trimmed().toInt(&ok);
    if (!ok || v < 0)
        return false;
    *value = v;
    return true;
}

} // namespace

bool CliParser::parse(const QStringList &arguments, CliOptions *o, QString *error)
{
    const QList<OptionDef> defs = optionDefs();
    QSet<QString> known;
    for (const OptionDef &def : defs)
        known.insert(QString::fromLatin1(def.name));
    for (const QString &argument : arguments.mid(1)) {
        if (argument == u"--"_qs)
            break;
        const QString name
            = argument.section(QLatin1Char('='), 0, 0).remove(QRegularExpression(u"^-+"_qs));
        if (!known.contains(name) && looksLikeSecretOption(argument)) {
            *error = tr("%1: secrets are never taken from the command line. Set "
                        "HUAWEICLOUD_SDK_AK/HUAWEICLOUD_SDK_SK or "
                        "ALIBABA_CLOUD_ACCESS_KEY_ID/ALIBABA_CLOUD_ACCESS_KEY_SECRET (and "
                        "IMAGECACHE_REGISTRY_PASSWORD for --registry) in the environment.")
                         .arg(argument.section(QLatin1Char('='), 0, 0));
            return false;
        }
    }

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    for (const OptionDef &def : defs) {
        QStringList names{QString::fromLatin1(def.name)};
        if (qstrcmp(def.name, "help") == 0)
            names.prepend(u"h"_qs);
        if (qstrcmp(def.name, "file") == 0)
            names.prepend(u"f"_qs);
        if (qstrcmp(def.name, "output") == 0)
            names.prepend(u"o"_qs);
        QCommandLineOption option(names);
        if (def.valueName)
            option.setValueName(QString::fromLatin1(def.valueName));
        parser.addOption(option);
    }
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return false;
    }

    for (const OptionDef &def : defs) {
        const QString name = QString::fromLatin1(def.name);
        if (parser.isSet(name))
            o->given.insert(name);
    }
    o->help = parser.isSet(u"help"_qs);
    o->version = parser.isSet(u"version"_qs);
    if (o->help || o->version)
        return true;

    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        *error = tr("No command given. Try 'imagecache --help'.");
        return false;
    }
    o->group = positional.value(0);
    o->command = positional.value(1);
    o->arguments = positional.mid(2);
    const auto group = commandTable().constFind(o->group);
    if (group == commandTable().cend()) {
        *error = tr("Unknown command group '%1' (expected caches, images, export, journal, "
                    "accounts, coverage or registry).")
                     .arg(o->group);
        return false;
    }
    if (group->size() == 1 && group->contains(QString()) && !o->command.isEmpty()) {
        *error = tr("'%1' takes no command or arguments.").arg(o->group);
        return false;
    }
    const auto command = group->constFind(o->command);
    if (command == group->cend()) {
        QStringList known = group->keys();
        known.sort();
        *error = o->command.isEmpty()
                     ? tr("'%1' needs a command: %2.").arg(o->group, known.join(u", "_qs))
                     : tr("Unknown command '%1 %2' (expected %3).")
                           .arg(o->group, o->command, known.join(u", "_qs));
        return false;
    }
    const int count = int(o->arguments.size());
    if (count < command->min || (command->max >= 0 && count > command->max)) {
        *error
            = o->group == u"registry"_qs
                  ? tr("'registry %1' takes exactly one image reference.").arg(o->command)
              : o->group == u"accounts"_qs && command->min == 1 ? (
                    o->command == u"import"_qs
                        ? tr("'accounts import' takes one source: aliyun or koocli.")
                        : tr("'accounts %1' takes exactly one account id or name.").arg(o->command))
              : command->min == 0 ? tr("'%1 %2' takes no arguments.").arg(o->group, o->command)
              : command->max == 1 ? tr("'%1 %2' takes exactly one ID.").arg(o->group, o->command)
                                  : tr("'%1 %2' needs at least one ID.").arg(o->group, o->command);
        return false;
    }

    const QString scope = o->group + QLatin1Char(' ') + o->command;
    for (const OptionDef &def : defs) {
        const QString name = QString::fromLatin1(def.name);
        if (o->isSet(name) && !def.scopes.isEmpty() && !def.scopes.contains(scope)) {
            *error = tr("--%1 does not apply to '%2'.").arg(name, scope);
            return false;
        }
    }

    const auto value = [&](const char *name) {
        return parser.value(QString::fromLatin1(name));
    };
    const auto values = [&](const char *name) {
        return parser.values(QString::fromLatin1(name));
    };
    const auto count_ = [&](const char *name, int *target) {
        if (!parser.isSet(QString::fromLatin1(name)))
            return true;
        if (toCount(value(name), target))
            return true;
        *error = tr("--%1 expects a whole number, got '%2'.")
                     .arg(QString::fromLatin1(name), value(name));
        return false;
    };
    const auto optionalCount = [&](const char *name, std::optional<int> *target) {
        int v = 0;
        if (!parser.isSet(QString::fromLatin1(name)))
            return true;
        if (!count_(name, &v))
            return false;
        *target = v;
        return true;
    };

    o->provider = value("provider").trimmed().toLower();
    o->region = value("region").trimmed();
    o->endpoint = value("endpoint").trimmed();
    o->projectId = value("project-id").trimmed();
    o->signatureVersion = value("signature-version").trimmed().toLower();
    if (!o->signatureVersion.isEmpty() && o->signatureVersion != u"v3"_qs
        && o->signatureVersion != u"v1"_qs) {
        *error = tr("--signature-version must be v3 or v1.");
        return false;
    }
    const bool outputGiven = parser.isSet(u"output"_qs);
    o->output = outputGiven ? value("output").trimmed().toLower() : u"table"_qs;
    static const QStringList outputs = {u"json"_qs, u"yaml"_qs, u"table"_qs, u"wide"_qs};
    if (!outputs.contains(o->output)) {
        *error = tr("-o expects json, yaml, table or wide, got '%1'.").arg(value("output"));
        return false;
    }
    if (parser.isSet(u"json"_qs)) {
        if (outputGiven && o->output != u"json"_qs) {
            *error = tr("--json is the same as -o json; it cannot be combined with -o %1.")
                         .arg(o->output);
            return false;
        }
        o->output = u"json"_qs;
    }
    o->raw = parser.isSet(u"raw"_qs);
    if (o->raw && (o->output == u"table"_qs || o->output == u"wide"_qs)) {
        if (outputGiven) {
            *error = tr("--raw prints the provider's response as a document: use it with -o "
                        "json or -o yaml, not -o %1.")
                         .arg(o->output);
            return false;
        }
        o->output = u"json"_qs;
    }
    o->json = o->output == u"json"_qs || o->output == u"yaml"_qs;
    o->account = value("account").trimmed();
    o->storeUrl = value("store").trimmed();
    if (o->isSet(u"account"_qs) && o->account.isEmpty()) {
        *error = tr("--account expects an account id or name.");
        return false;
    }
    if (o->group == u"accounts"_qs && o->isSet(u"account"_qs)) {
        *error = tr("--account does not apply to 'accounts %1'; name the account as its "
                    "argument.")
                     .arg(o->command);
        return false;
    }
    if (o->group == u"accounts"_qs && o->command == u"import"_qs
        && o->arguments.constFirst() != u"aliyun"_qs && o->arguments.constFirst() != u"koocli"_qs) {
        *error = tr("'accounts import' reads aliyun (the aliyun CLI's config.json) or koocli "
                    "(KooCLI's config.json), not '%1'.")
                     .arg(o->arguments.constFirst());
        return false;
    }
    if (scope == u"accounts add"_qs) {
        o->regions = values("region");
        o->endpoints = values("endpoint");
        o->projectIds = values("project-id");
        o->auth = value("auth").trimmed().toLower();
        if (o->auth.isEmpty())
            o->auth = u"aksk"_qs;
        if (o->auth != u"aksk"_qs && o->auth != u"iam"_qs) {
            *error = tr("--auth must be aksk or iam.");
            return false;
        }
        o->accessKeyId = value("access-key-id").trimmed();
        o->iamUser = value("iam-user").trimmed();
        o->iamDomain = value("iam-domain").trimmed();
        o->secretStdin = parser.isSet(u"secret-stdin"_qs);
        o->secretFromEnv = parser.isSet(u"secret-from-env"_qs);
        if (o->secretStdin && o->secretFromEnv) {
            *error = tr("Give either --secret-stdin or --secret-from-env, not both.");
            return false;
        }
    }
    o->file = value("file");
    o->files = values("file");
    o->expiresWithin = value("expires-within");
    o->platform = value("platform");
    o->verbose = parser.isSet(u"verbose"_qs);
    if (!count_("timeout", &o->timeoutMs))
        return false;

    o->name = value("name");
    o->images = values("image");
    o->imagesFile = value("images-file");
    if (!optionalCount("size", &o->sizeGiB) || !optionalCount("retention-days", &o->retentionDays))
        return false;
    for (const QString &tag : values("tag")) {
        const qsizetype eq = tag.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            *error = tr("--tag expects KEY=VALUE, got '%1'.").arg(tag);
            return false;
        }
        o->tags.append({tag.left(eq), tag.mid(eq + 1)});
    }
    o->cluster = value("cluster");
    o->pullSecrets = values("pull-secret");
    o->securityGroup = value("security-group");
    o->vSwitch = value("vswitch");
    o->zone = value("zone");
    o->eip = value("eip");
    // Given empty (--elimination-strategy ''): keep until expiry, which an update must send.
    o->eliminationStrategy = value("elimination-strategy");
    if (parser.isSet(u"elimination-strategy"_qs) && o->eliminationStrategy.isNull())
        o->eliminationStrategy = QStringLiteral("");
    o->flash = parser.isSet(u"flash"_qs);
    o->resourceGroup = value("resource-group");
    o->clientToken = value("client-token");
    o->registries = values("registry");
    for (const QString &registry : std::as_const(o->registries)) {
        if (registry.count(QLatin1Char(',')) != 1 || registry.startsWith(QLatin1Char(','))
            || registry.endsWith(QLatin1Char(','))) {
            *error = tr("--registry expects SERVER,USER (the password comes from "
                        "IMAGECACHE_REGISTRY_PASSWORD), got '%1'.")
                         .arg(registry);
            return false;
        }
    }

    if (scope != u"caches create"_qs && scope != u"caches update"_qs) {
        if (o->images.size() > 1) {
            *error = tr("--image filters by one image; give it once.");
            return false;
        }
        o->image = o->images.value(0);
        o->images.clear();
    }
    if (!count_("page-size", &o->pageSize))
        return false;
    o->imageType = value("type");
    o->namespaceName = value("namespace");
    o->imageVersion = value("image-version");
    o->category = value("category");
    o->source = value("source");

    o->wait = parser.isSet(u"wait"_qs);
    if (!count_("poll-interval", &o->pollIntervalMs) || !count_("wait-timeout", &o->waitTimeoutMs))
        return false;
    if (o->pollIntervalMs < 10) {
        *error = tr("--poll-interval must be at least 10 ms.");
        return false;
    }

    o->csvFile = value("csv");
    o->bom = parser.isSet(u"bom"_qs);
    o->oneLine = parser.isSet(u"one-line"_qs);
    o->since = value("since");
    if (o->group == u"export"_qs && o->csvFile.isEmpty()) {
        *error = tr("'export %1' needs --csv FILE.").arg(o->command);
        return false;
    }
    return true;
}

QString CliParser::helpText()
{
    // The registry commands have their own block, so the long text above keeps its translation.
    return tr(R"(Usage: imagecache [global options] <group> <command> [options]

Image caches of Huawei Cloud CCE Autopilot and Alibaba Cloud ECI, and the images of
Huawei HSS and Alibaba E-HPC Instant, from the command line.

Commands:
  caches list                    list image caches (filters: --name, --image, --tag,
                                 --resource-group, --page-size)
  caches show ID|NAME            show one cache (a name must match exactly one cache)
  caches create                  create a cache (--name, --image..., see below)
  caches update ID               change a cache (Alibaba only; same options as create)
  caches delete ID|NAME...       delete caches (each name must match exactly one cache)
  images list                    list images (--type, --namespace, --name, --image-version,
                                 --category, --source, --page-size)
  images show ID                 show one image (E-HPC: container and VM specs)
  images layers ID               base-image layers of an image (Huawei HSS)
  export caches --csv FILE       write every cache (same filters as list) as CSV
  export images --csv FILE       write every image as CSV
  journal                        the operation journal of the console and the CLI
                                 (--since DATE, --account ID|NAME, --json)
  accounts list                  stored accounts (never their secrets)
  accounts add                   store an account (see below)
  accounts remove ID|NAME        forget an account and its secrets
  accounts import aliyun|koocli  import the AK profiles of the aliyun CLI or KooCLI
                                 (--file PATH instead of ~/.aliyun or ~/.hcloud/config.json)
  accounts test ID|NAME          list caches once per region of the account
  coverage -f FILE...            which cache serves each container of Kubernetes manifests
                                 (YAML, JSON, kind: List), Compose files or image lists
                                 (-f - reads stdin), in every stored account and region, or
                                 those picked with --provider, --account and --region;
                                 --expires-within 7d refuses caches that expire sooner

Global options:
  --provider huawei|alibaba      the cloud; may be left out when only one cloud's
                                 credentials are in the environment
  --region REGION                e.g. cn-north-4, cn-hangzhou (default: IMAGECACHE_REGION,
                                 HUAWEICLOUD_SDK_REGION or ALIBABA_CLOUD_REGION_ID)
  --endpoint URL                 base URL instead of the public hosts (http only for loopback)
  --project-id ID                Huawei project id (default: HUAWEICLOUD_SDK_PROJECT_ID,
                                 else looked up through IAM)
  --signature-version v3|v1      Alibaba signature (default v3, ACS3-HMAC-SHA256)
  -o, --output json|yaml|table|wide
                                 the output form (default table; wide adds columns to
                                 caches list and images list)
  --json                         the same as -o json
  --raw                          caches list|show, images list|show: the provider's own
                                 response objects (JSON, or YAML with -o yaml) instead of
                                 the console's form; secrets masked
  --timeout MS                   network transfer timeout
  --verbose                      log requests (secrets redacted) on stderr
  --account ID|NAME              use a stored account (provider, region, endpoint, project
                                 id; the secret from the keychain or the environment)
  --store URL                    the store of accounts and the journal (default:
                                 IMAGECACHE_STORE, else the console's store)
  -h, --help, --version

Create and update options:
  --name NAME  --image IMAGE (repeatable)  --images-file FILE (one image per line)
  --size GIB  --retention-days N  --tag KEY=VALUE (repeatable)
  Huawei:  --cluster UID  --pull-secret NAMESPACE:SECRET (repeatable)
  Alibaba: --security-group ID  --vswitch ID  --zone ID  --eip ID  --elimination-strategy LRU
           --flash  --resource-group ID  --client-token TOKEN
           --registry SERVER,USER (password from IMAGECACHE_REGISTRY_PASSWORD)
  --wait  --poll-interval MS (default 2000)  --wait-timeout MS (default 1800000)
          follow the cache until it is ready (create, update) or gone (delete)

Account options (accounts add):
  --provider P --name NAME --region R (repeatable)  --endpoint R=URL or URL for all
  --project-id R=ID  --auth aksk|iam  --access-key-id ID  --iam-user U --iam-domain D
  --signature-version v3|v1
  The secret is never an option: --secret-stdin reads it from a pipe, --secret-from-env
  from HUAWEICLOUD_SDK_SK, CLOUD_SDK_SK or ALIBABA_CLOUD_ACCESS_KEY_SECRET; otherwise it
  is asked for on the terminal without echo. It goes to the system keychain; without one
  it cannot outlive the command, so keep it in the environment variables instead.

Export options:
  --csv FILE  --bom (for Excel)  --one-line (lists joined by "; " instead of new lines)

Credentials come only from the environment:
  Huawei:  HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (or CLOUD_SDK_AK and CLOUD_SDK_SK),
           optional HUAWEICLOUD_SDK_SECURITY_TOKEN, HUAWEICLOUD_SDK_PROJECT_ID
  Alibaba: ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET,
           optional ALIBABA_CLOUD_SECURITY_TOKEN

Exit status: 0 success, 1 provider or network error, 2 usage error or missing
credentials, 3 invalid cache or account settings (each problem is named on stderr),
4 coverage: some container is not covered by a usable cache (or a document is broken),
5 success, but the store was damaged: it was moved aside and a new, empty one used
(one "warning:" line on stderr says where the old file is).
)") + tr(R"(
Registry commands (no cloud account needed):
  registry inspect IMAGE         digest, platform, created, and each layer's digest,
                                 compressed and uncompressed size and history command,
                                 from the image's registry, without pulling it
                                 (--platform os/arch[/variant], default linux/amd64; --json)
  A private registry's login: a stored account's registry entry (--account ID|NAME, else
  any stored account with that server), its password from the keychain; or
  IMAGECACHE_REGISTRY_USER and IMAGECACHE_REGISTRY_PASSWORD. Errors exit with 1 (unknown
  image or tag, unauthorized, denied, rate limited, TLS, network), a malformed IMAGE with 2.
)");
}

} // namespace cli
