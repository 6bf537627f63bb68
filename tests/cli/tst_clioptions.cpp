// The CLI's parsing, credential and output rules, without a process or a network.

#include "cli/clioptions.h"
#include "cli/connectionbuilder.h"
#include "cli/domainjson.h"
#include "cli/textformatter.h"

#include <QJsonDocument>
#include <QTest>

using cli::CliOptions;
using cli::CliParser;
using cli::ConnectionBuilder;
using cli::TextFormatter;

namespace {

CliOptions parsed(const QStringList &args, QString *error = nullptr)
{
    CliOptions options;
    QString e;
    if (!CliParser::parse(QStringList{u"imagecache"_qs} + args, &options, &e))
        options.group = u"<error>"_qs;
    if (error)
        *error = e;
    return options;
}

QProcessEnvironment env(std::initializer_list<std::pair<const char *, const char *>> vars)
{
    QProcessEnvironment e;
    for (const auto &[k, v] : vars)
        e.insert(QString::fromLatin1(k), QString::fromLatin1(v));
    return e;
}

} // namespace

class TestCliOptions final : public QObject
{
    Q_OBJECT
private slots:
    void commandsAndGlobalOptionsAnywhere();
    void optionsOutsideTheirCommandAreRefused();
    void imageIsAListForCreateAndAFilterForList();
    void valuesAreTypeChecked();
    void secretLookingOptionsAreRefused();
    void huaweiCredentialPairsAreNotMixed();
    void providerIsInferredOnlyWhenObvious();
    void regionProjectAndEndpoint();
    void alibabaOptions();
    void registryPasswordOnlyFromEnvironment();
    void tableAlignsWideCharacters();
    void statusText();
    void imageDetailsHideThePassword();
    void jsonHasStableKeysAndNoRaw();
    void accountsOptions();
    void connectionFromAccount();
    void outputOptions();
};

void TestCliOptions::commandsAndGlobalOptionsAnywhere()
{
    QString error;
    const CliOptions o = parsed({u"caches"_qs, u"delete"_qs, u"a"_qs, u"--json"_qs, u"b"_qs,
                                 u"--provider"_qs, u"Huawei"_qs, u"--wait"_qs},
                                &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(o.group, u"caches"_qs);
    QCOMPARE(o.command, u"delete"_qs);
    QCOMPARE(o.arguments, (QStringList{u"a"_qs, u"b"_qs}));
    QVERIFY(o.json);
    QVERIFY(o.wait);
    QCOMPARE(o.provider, u"huawei"_qs);
    QCOMPARE(o.pollIntervalMs, 2000);

    QVERIFY(parsed({u"--help"_qs}).help);
    QVERIFY(parsed({u"-h"_qs}).help);
    QVERIFY(parsed({u"--version"_qs}).version);
}

void TestCliOptions::optionsOutsideTheirCommandAreRefused()
{
    QString error;
    parsed({u"caches"_qs, u"list"_qs, u"--size"_qs, u"20"_qs}, &error);
    QVERIFY(error.contains(u"--size"_qs));
    QVERIFY(error.contains(u"caches list"_qs));
    parsed({u"images"_qs, u"list"_qs, u"--wait"_qs}, &error);
    QVERIFY(error.contains(u"--wait"_qs));
    parsed({u"export"_qs, u"images"_qs}, &error);
    QVERIFY(error.contains(u"--csv"_qs));
    parsed({u"caches"_qs, u"update"_qs}, &error);
    QVERIFY(error.contains(u"exactly one ID"_qs));
    parsed({u"caches"_qs, u"list"_qs, u"extra"_qs}, &error);
    QVERIFY(error.contains(u"no arguments"_qs));
    parsed({u"buckets"_qs, u"list"_qs}, &error);
    QVERIFY(error.contains(u"buckets"_qs));
    parsed({}, &error);
    QVERIFY(!error.isEmpty());
}

void TestCliOptions::imageIsAListForCreateAndAFilterForList()
{
    const CliOptions create = parsed({u"caches"_qs, u"create"_qs, u"--image"_qs, u"a:1"_qs,
                                      u"--image"_qs, u"b:2"_qs, u"--tag"_qs, u"k=v=w"_qs});
    QCOMPARE(create.images, (QStringList{u"a:1"_qs, u"b:2"_qs}));
    QVERIFY(create.image.isEmpty());
    QCOMPARE(create.tags.size(), 1);
    QCOMPARE(create.tags.first().key, u"k"_qs);
    QCOMPARE(create.tags.first().value, u"v=w"_qs); // split at the first '=' only

    const CliOptions list = parsed({u"caches"_qs, u"list"_qs, u"--image"_qs, u"a:1"_qs});
    QCOMPARE(list.image, u"a:1"_qs);
    QVERIFY(list.images.isEmpty());
    QString error;
    parsed({u"caches"_qs, u"list"_qs, u"--image"_qs, u"a"_qs, u"--image"_qs, u"b"_qs}, &error);
    QVERIFY(!error.isEmpty());
}

void TestCliOptions::valuesAreTypeChecked()
{
    QString error;
    parsed({u"caches"_qs, u"create"_qs, u"--size"_qs, u"20GiB"_qs}, &error);
    QVERIFY(error.contains(u"--size"_qs));
    parsed({u"caches"_qs, u"create"_qs, u"--retention-days"_qs, u"-1"_qs}, &error);
    QVERIFY(error.contains(u"--retention-days"_qs));
    parsed({u"caches"_qs, u"create"_qs, u"--tag"_qs, u"=v"_qs}, &error);
    QVERIFY(error.contains(u"KEY=VALUE"_qs));
    parsed({u"caches"_qs, u"create"_qs, u"--wait"_qs, u"--poll-interval"_qs, u"1"_qs}, &error);
    QVERIFY(error.contains(u"--poll-interval"_qs));
    parsed({u"--signature-version"_qs, u"v2"_qs, u"caches"_qs, u"list"_qs}, &error);
    QVERIFY(error.contains(u"v3"_qs));
    const CliOptions sized = parsed({u"caches"_qs, u"create"_qs, u"--size"_qs, u"0"_qs});
    QCOMPARE(sized.sizeGiB, std::optional<int>(0)); // out of range is the validator's job
    QCOMPARE(parsed({u"caches"_qs, u"create"_qs}).sizeGiB, std::nullopt);
}

void TestCliOptions::secretLookingOptionsAreRefused()
{
    for (const QString &option :
         {u"--sk"_qs, u"--ak"_qs, u"--secret"_qs, u"--access-key-secret=x"_qs, u"--password"_qs,
          u"--security-token"_qs, u"-secret-key"_qs}) {
        QString error;
        parsed({u"caches"_qs, u"list"_qs, option, u"x"_qs}, &error);
        QVERIFY2(error.contains(u"environment"_qs), qPrintable(option + u": "_qs + error));
        QVERIFY2(!error.contains(u"x\""_qs), qPrintable(error));
    }
    QString error;
    const CliOptions o = parsed(
        {u"caches"_qs, u"create"_qs, u"--pull-secret"_qs, u"default:default-secret"_qs}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(o.pullSecrets, QStringList{u"default:default-secret"_qs});
}

void TestCliOptions::huaweiCredentialPairsAreNotMixed()
{
    const CliOptions o = parsed({u"--region"_qs, u"cn-north-4"_qs, u"caches"_qs, u"list"_qs});
    providers::Connection c;
    QString error;
    QVERIFY(ConnectionBuilder::build(o,
                                     env({{"HUAWEICLOUD_SDK_AK", "hw-ak"},
                                          {"HUAWEICLOUD_SDK_SK", "hw-sk"},
                                          {"CLOUD_SDK_AK", "generic-ak"},
                                          {"CLOUD_SDK_SK", "generic-sk"},
                                          {"HUAWEICLOUD_SDK_SECURITY_TOKEN", "tok"}}),
                                     &c, &error));
    QCOMPARE(c.provider, core::Provider::Huawei);
    QCOMPARE(c.accessKeyId, QByteArray("hw-ak"));
    QCOMPARE(c.accessKeySecret, QByteArray("hw-sk"));
    QCOMPARE(c.securityToken, QByteArray("tok"));

    // Half of the Huawei pair: the generic pair is used whole, never AK from one and SK from
    // the other.
    QVERIFY(ConnectionBuilder::build(o,
                                     env({{"HUAWEICLOUD_SDK_AK", "hw-ak"},
                                          {"CLOUD_SDK_AK", "generic-ak"},
                                          {"CLOUD_SDK_SK", "generic-sk"}}),
                                     &c, &error));
    QCOMPARE(c.accessKeyId, QByteArray("generic-ak"));
    QCOMPARE(c.accessKeySecret, QByteArray("generic-sk"));

    const CliOptions huawei = parsed(
        {u"--provider"_qs, u"huawei"_qs, u"--region"_qs, u"r"_qs, u"caches"_qs, u"list"_qs});
    QVERIFY(!ConnectionBuilder::build(huawei, env({{"HUAWEICLOUD_SDK_AK", "hw-ak"}}), &c, &error));
    QVERIFY(error.contains(u"HUAWEICLOUD_SDK_SK"_qs));
    QVERIFY(error.contains(u"CLOUD_SDK_AK"_qs));
}

void TestCliOptions::outputOptions()
{
    QString error;
    CliOptions o = parsed({u"caches"_qs, u"list"_qs, u"-o"_qs, u"yaml"_qs}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(o.output, u"yaml"_qs);
    QVERIFY(o.json);
    o = parsed({u"caches"_qs, u"list"_qs, u"--output=wide"_qs}, &error);
    QVERIFY(o.wide() && !o.json);
    o = parsed({u"caches"_qs, u"list"_qs, u"--json"_qs}, &error);
    QCOMPARE(o.output, u"json"_qs);
    o = parsed({u"caches"_qs, u"list"_qs}, &error);
    QCOMPARE(o.output, u"table"_qs);
    QVERIFY(!o.json);
    o = parsed({u"images"_qs, u"show"_qs, u"x"_qs, u"--raw"_qs}, &error);
    QVERIFY(o.raw && o.json); // --raw alone is JSON
    QCOMPARE(o.output, u"json"_qs);

    error.clear();
    parsed({u"caches"_qs, u"create"_qs, u"--raw"_qs}, &error);
    QVERIFY2(error.contains(u"--raw"_qs), qPrintable(error));
    error.clear();
    parsed({u"caches"_qs, u"list"_qs, u"-o"_qs, u"csv"_qs}, &error);
    QVERIFY2(error.contains(u"csv"_qs), qPrintable(error));
    error.clear();
    parsed({u"caches"_qs, u"list"_qs, u"--raw"_qs, u"-o"_qs, u"table"_qs}, &error);
    QVERIFY2(error.contains(u"--raw"_qs), qPrintable(error));
}

void TestCliOptions::providerIsInferredOnlyWhenObvious()
{
    const CliOptions o = parsed({u"--region"_qs, u"r"_qs, u"caches"_qs, u"list"_qs});
    providers::Connection c;
    QString error;
    QVERIFY(ConnectionBuilder::build(
        o,
        env({{"ALIBABA_CLOUD_ACCESS_KEY_ID", "id"}, {"ALIBABA_CLOUD_ACCESS_KEY_SECRET", "secret"}}),
        &c, &error));
    QCOMPARE(c.provider, core::Provider::Alibaba);
    QCOMPARE(c.signatureVersion, net::AlibabaSigner::Version::V3);

    QVERIFY(!ConnectionBuilder::build(o,
                                      env({{"ALIBABA_CLOUD_ACCESS_KEY_ID", "id"},
                                           {"ALIBABA_CLOUD_ACCESS_KEY_SECRET", "secret"},
                                           {"HUAWEICLOUD_SDK_AK", "a"},
                                           {"HUAWEICLOUD_SDK_SK", "b"}}),
                                      &c, &error));
    QVERIFY(error.contains(u"--provider"_qs));
    QVERIFY(!ConnectionBuilder::build(o, QProcessEnvironment(), &c, &error));
    QVERIFY2(error.startsWith(u"No credentials found"_qs), qPrintable(error));
    QVERIFY(error.contains(u"accounts add"_qs) && error.contains(u"accounts import"_qs));

    const CliOptions unknown = parsed({u"--provider"_qs, u"aws"_qs, u"caches"_qs, u"list"_qs});
    QVERIFY(!ConnectionBuilder::build(unknown, QProcessEnvironment(), &c, &error));
    QVERIFY(error.contains(u"aws"_qs));
}

void TestCliOptions::regionProjectAndEndpoint()
{
    const auto huaweiEnv = [](std::initializer_list<std::pair<const char *, const char *>> more) {
        QProcessEnvironment e = env({{"HUAWEICLOUD_SDK_AK", "a"}, {"HUAWEICLOUD_SDK_SK", "b"}});
        for (const auto &[k, v] : more)
            e.insert(QString::fromLatin1(k), QString::fromLatin1(v));
        return e;
    };
    providers::Connection c;
    QString error;
    QVERIFY(
        !ConnectionBuilder::build(parsed({u"caches"_qs, u"list"_qs}), huaweiEnv({}), &c, &error));
    QVERIFY(error.contains(u"--region"_qs));
    QVERIFY(ConnectionBuilder::build(parsed({u"caches"_qs, u"list"_qs}),
                                     huaweiEnv({{"HUAWEICLOUD_SDK_REGION", "cn-east-3"},
                                                {"HUAWEICLOUD_SDK_PROJECT_ID", "p-env"}}),
                                     &c, &error));
    QCOMPARE(c.region, u"cn-east-3"_qs);
    QCOMPARE(c.projectId, u"p-env"_qs);
    QVERIFY(ConnectionBuilder::build(
        parsed({u"--region"_qs, u"ap-southeast-1"_qs, u"--project-id"_qs, u"p-opt"_qs, u"caches"_qs,
                u"list"_qs}),
        huaweiEnv({{"IMAGECACHE_REGION", "cn-east-3"}, {"HUAWEICLOUD_SDK_PROJECT_ID", "p-env"}}),
        &c, &error));
    QCOMPARE(c.region, u"ap-southeast-1"_qs);
    QCOMPARE(c.projectId, u"p-opt"_qs);
    QVERIFY(c.endpointOverride.isEmpty());

    QVERIFY(
        ConnectionBuilder::build(parsed({u"--region"_qs, u"r"_qs, u"--endpoint"_qs,
                                         u"http://127.0.0.1:8080"_qs, u"caches"_qs, u"list"_qs}),
                                 huaweiEnv({}), &c, &error));
    QCOMPARE(c.endpointOverride, QUrl(u"http://127.0.0.1:8080"_qs));
    for (const QString &bad : {u"ftp://host"_qs, u"not a url"_qs, u"http://"_qs}) {
        QVERIFY(!ConnectionBuilder::build(
            parsed({u"--region"_qs, u"r"_qs, u"--endpoint"_qs, bad, u"caches"_qs, u"list"_qs}),
            huaweiEnv({}), &c, &error));
        QVERIFY2(error.contains(u"--endpoint"_qs), qPrintable(error));
    }
    QVERIFY(!ConnectionBuilder::build(parsed({u"--region"_qs, u"r"_qs, u"--signature-version"_qs,
                                              u"v1"_qs, u"caches"_qs, u"list"_qs}),
                                      huaweiEnv({}), &c, &error));
    QVERIFY(error.contains(u"Alibaba"_qs));
}

void TestCliOptions::alibabaOptions()
{
    providers::Connection c;
    QString error;
    const auto alibaba = env({{"ALIBABA_CLOUD_ACCESS_KEY_ID", "id"},
                              {"ALIBABA_CLOUD_ACCESS_KEY_SECRET", "secret"},
                              {"ALIBABA_CLOUD_SECURITY_TOKEN", "sts"},
                              {"ALIBABA_CLOUD_REGION_ID", "cn-shanghai"}});
    QVERIFY(ConnectionBuilder::build(
        parsed({u"--signature-version"_qs, u"v1"_qs, u"caches"_qs, u"list"_qs}), alibaba, &c,
        &error));
    QCOMPARE(c.signatureVersion, net::AlibabaSigner::Version::V1);
    QCOMPARE(c.region, u"cn-shanghai"_qs);
    QCOMPARE(c.securityToken, QByteArray("sts"));
    QVERIFY(!ConnectionBuilder::build(
        parsed({u"--project-id"_qs, u"p"_qs, u"caches"_qs, u"list"_qs}), alibaba, &c, &error));
    QVERIFY(error.contains(u"Huawei"_qs));
}

void TestCliOptions::registryPasswordOnlyFromEnvironment()
{
    QString error;
    parsed({u"caches"_qs, u"create"_qs, u"--registry"_qs, u"server,user,password"_qs}, &error);
    QVERIFY(error.contains(u"IMAGECACHE_REGISTRY_PASSWORD"_qs));

    const CliOptions o
        = parsed({u"caches"_qs, u"create"_qs, u"--registry"_qs, u"reg.example.com,deployer"_qs});
    QList<core::RegistryLogin> logins;
    QVERIFY(!ConnectionBuilder::registryLogins(o, QProcessEnvironment(), &logins, &error));
    QVERIFY(error.contains(u"IMAGECACHE_REGISTRY_PASSWORD"_qs));
    QVERIFY(ConnectionBuilder::registryLogins(o, env({{"IMAGECACHE_REGISTRY_PASSWORD", "pw"}}),
                                              &logins, &error));
    QCOMPARE(logins.size(), 1);
    QCOMPARE(logins.first().server, u"reg.example.com"_qs);
    QCOMPARE(logins.first().userName, u"deployer"_qs);
    QCOMPARE(logins.first().password, u"pw"_qs);
}

void TestCliOptions::tableAlignsWideCharacters()
{
    QCOMPARE(TextFormatter::displayWidth(u"abc"_qs), 3);
    QCOMPARE(TextFormatter::displayWidth(u"镜像缓存"_qs), 8);
    const QString table = TextFormatter::table(
        {u"NAME"_qs, u"STATUS"_qs},
        {{u"镜像缓存"_qs, u"Ready"_qs}, {u"web"_qs, u"Failed"_qs}, {u"multi\nline"_qs, u"x"_qs}});
    const QStringList lines = table.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4); // a cell's new line does not break the row
    // The second column starts at the same display column on every line.
    QList<int> starts;
    for (const QString &line : lines) {
        const QString second = line.section(QLatin1Char(' '), -1);
        starts.append(TextFormatter::displayWidth(line) - TextFormatter::displayWidth(second));
    }
    QCOMPARE(starts, (QList<int>{12, 12, 12, 12}));
}

void TestCliOptions::statusText()
{
    core::ImageCache c;
    c.status = core::CacheStatus::Creating;
    c.rawStatus = u"Preparing"_qs;
    c.progress = 40;
    QCOMPARE(TextFormatter::statusText(c), u"Creating 40% (Preparing)"_qs);
    c.status = core::CacheStatus::Ready;
    c.rawStatus = u"Available"_qs;
    QCOMPARE(TextFormatter::statusText(c), u"Ready (Available)"_qs); // no progress once done
    c.status = core::CacheStatus::Failed;
    c.rawStatus = u"Failed"_qs;
    c.progress.reset();
    QCOMPARE(TextFormatter::statusText(c), u"Failed"_qs);
}

void TestCliOptions::imageDetailsHideThePassword()
{
    core::ImageInfo image;
    image.id = u"m-1"_qs;
    image.name = u"gromacs"_qs;
    image.hasContainerSpec = true;
    image.containerSpec.registryUrl = u"registry.example.com/hpc/gromacs:1"_qs;
    image.containerSpec.credential = {u"registry.example.com"_qs, u"puller"_qs, true};
    image.hasVmSpec = true; // present but empty: no VM section
    image.raw = QJsonDocument::fromJson(R"({"Password":"Hunter2-Secret"})").object();
    const QString text = TextFormatter::image(image);
    QVERIFY(text.contains(u"Registry user:     puller"_qs));
    QVERIFY(text.contains(u"Registry password: (hidden)"_qs));
    QVERIFY(!text.contains(u"Hunter2"_qs));
    QVERIFY(!text.contains(u"VM image"_qs));

    image.vmSpec.osTag = u"CentOS 7.9"_qs;
    QVERIFY(TextFormatter::image(image).contains(u"VM image"_qs));
}

void TestCliOptions::jsonHasStableKeysAndNoRaw()
{
    core::ImageCache c;
    c.id = u"imc-1"_qs;
    c.raw = QJsonDocument::fromJson(R"({"ImageRegistryCredential":[{"Password":"pw!"}]})").object();
    const QJsonObject o = cli::DomainJson::cache(c);
    QCOMPARE(o.keys(), (QStringList{u"account"_qs,
                                    u"cluster"_qs,
                                    u"containerGroupId"_qs,
                                    u"created"_qs,
                                    u"eliminationStrategy"_qs,
                                    u"events"_qs,
                                    u"expires"_qs,
                                    u"flashSnapshotId"_qs,
                                    u"id"_qs,
                                    u"imagePullSecrets"_qs,
                                    u"images"_qs,
                                    u"lastMatched"_qs,
                                    u"message"_qs,
                                    u"name"_qs,
                                    u"progress"_qs,
                                    u"provider"_qs,
                                    u"providerStatus"_qs,
                                    u"region"_qs,
                                    u"resourceGroupId"_qs,
                                    u"retentionDays"_qs,
                                    u"sizeGiB"_qs,
                                    u"snapshotId"_qs,
                                    u"status"_qs,
                                    u"tags"_qs}));
    QVERIFY(o.value(u"progress"_qs).isNull());
    QVERIFY(!QJsonDocument(o).toJson().contains("pw!"));

    core::ImageInfo image;
    image.hasContainerSpec = true;
    image.containerSpec.credential.hasPassword = true;
    image.raw = QJsonDocument::fromJson(R"({"Password":"pw!"})").object();
    const QJsonObject i = cli::DomainJson::image(image);
    QVERIFY(i.value(u"containerSpec"_qs)
                .toObject()
                .value(u"registryCredential"_qs)
                .toObject()
                .value(u"hasPassword"_qs)
                .toBool());
    QVERIFY(!QJsonDocument(i).toJson().contains("pw!"));
}

void TestCliOptions::accountsOptions()
{
    QString error;
    CliOptions o
        = parsed({u"accounts"_qs, u"add"_qs, u"--provider"_qs, u"huawei"_qs, u"--name"_qs, u"a"_qs,
                  u"--region"_qs, u"cn-north-4"_qs, u"--region"_qs, u"ap-southeast-1"_qs,
                  u"--endpoint"_qs, u"cn-north-4=https://cce.internal"_qs, u"--auth"_qs, u"IAM"_qs,
                  u"--iam-user"_qs, u"u"_qs, u"--iam-domain"_qs, u"d"_qs, u"--secret-stdin"_qs},
                 &error);
    QCOMPARE(o.group, u"accounts"_qs);
    QCOMPARE(o.regions, QStringList({u"cn-north-4"_qs, u"ap-southeast-1"_qs}));
    QCOMPARE(o.endpoints, QStringList{u"cn-north-4=https://cce.internal"_qs});
    QCOMPARE(o.auth, u"iam"_qs);
    QCOMPARE(o.iamUser, u"u"_qs);
    QVERIFY(o.secretStdin);
    QCOMPARE(parsed({u"accounts"_qs, u"add"_qs, u"--auth"_qs, u"token"_qs}, &error).group,
             u"<error>"_qs);
    QCOMPARE(
        parsed({u"accounts"_qs, u"add"_qs, u"--secret-stdin"_qs, u"--secret-from-env"_qs}, &error)
            .group,
        u"<error>"_qs);
    // Account options belong to `accounts add`, --file to `accounts import`.
    QCOMPARE(parsed({u"caches"_qs, u"list"_qs, u"--access-key-id"_qs, u"x"_qs}, &error).group,
             u"<error>"_qs);
    QCOMPARE(parsed({u"accounts"_qs, u"list"_qs, u"--file"_qs, u"x"_qs}, &error).group,
             u"<error>"_qs);
    QCOMPARE(parsed({u"accounts"_qs, u"import"_qs, u"aws"_qs}, &error).group, u"<error>"_qs);
    QVERIFY2(error.contains(u"aliyun"_qs), qPrintable(error));
    QCOMPARE(parsed({u"accounts"_qs, u"test"_qs}, &error).group, u"<error>"_qs);
    QCOMPARE(parsed({u"--account"_qs, u"a"_qs, u"accounts"_qs, u"list"_qs}, &error).group,
             u"<error>"_qs);
    o = parsed({u"--account"_qs, u"prod"_qs, u"--store"_qs, u"sqlite:///tmp/x.db"_qs, u"caches"_qs,
                u"list"_qs},
               &error);
    QCOMPARE(o.account, u"prod"_qs);
    QCOMPARE(o.storeUrl, u"sqlite:///tmp/x.db"_qs);
}

void TestCliOptions::connectionFromAccount()
{
    store::Account a;
    a.id = u"acc-1"_qs;
    a.provider = core::Provider::Huawei;
    a.displayName = u"prod"_qs;
    a.accessKeyId = u"AKPROD"_qs;
    a.regions = {{u"cn-north-4"_qs, QUrl(u"https://cce.internal"_qs),
                  u"0123456789abcdef0123456789abcdef"_qs},
                 {u"ap-southeast-1"_qs, {}, {}}};
    CliOptions o = parsed({u"--account"_qs, u"prod"_qs, u"caches"_qs, u"list"_qs});
    providers::Connection c;
    QString error;
    // The stored secret wins; the first region is the default.
    QVERIFY2(ConnectionBuilder::fromAccount(o, {}, a, {}, u"stored-sk"_qs, &c, &error),
             qPrintable(error));
    QCOMPARE(c.accountId, u"acc-1"_qs);
    QCOMPARE(c.region, u"cn-north-4"_qs);
    QCOMPARE(c.endpointOverride, QUrl(u"https://cce.internal"_qs));
    QCOMPARE(c.projectId, u"0123456789abcdef0123456789abcdef"_qs);
    QCOMPARE(c.accessKeyId, QByteArray("AKPROD"));
    QCOMPARE(c.accessKeySecret, QByteArray("stored-sk"));
    // No stored secret: the environment's, only when its key id is the account's.
    QVERIFY(!ConnectionBuilder::fromAccount(
        o, env({{"HUAWEICLOUD_SDK_AK", "OTHER"}, {"HUAWEICLOUD_SDK_SK", "env-sk"}}), a, {}, {}, &c,
        &error));
    QVERIFY2(error.contains(u"HUAWEICLOUD_SDK_SK"_qs), qPrintable(error));
    QVERIFY(ConnectionBuilder::fromAccount(
        o, env({{"CLOUD_SDK_AK", "AKPROD"}, {"CLOUD_SDK_SK", "env-sk"}}), a, u"ap-southeast-1"_qs,
        {}, &c, &error));
    QCOMPARE(c.accessKeySecret, QByteArray("env-sk"));
    QCOMPARE(c.region, u"ap-southeast-1"_qs);
    QVERIFY(c.endpointOverride.isEmpty());
    // Options that contradict the account are refused.
    o = parsed(
        {u"--account"_qs, u"prod"_qs, u"--provider"_qs, u"alibaba"_qs, u"caches"_qs, u"list"_qs});
    QVERIFY(!ConnectionBuilder::fromAccount(o, {}, a, {}, u"sk"_qs, &c, &error));
    o = parsed(
        {u"--account"_qs, u"prod"_qs, u"--region"_qs, u"eu-west-101"_qs, u"caches"_qs, u"list"_qs});
    QVERIFY(!ConnectionBuilder::fromAccount(o, {}, a, {}, u"sk"_qs, &c, &error));
    QVERIFY2(error.contains(u"eu-west-101"_qs), qPrintable(error));
    // An Alibaba account keeps its signature version unless the command line says otherwise.
    a.provider = core::Provider::Alibaba;
    a.regions = {{u"cn-hangzhou"_qs, {}, {}}};
    a.alibabaSignatureVersion = store::Account::SignatureVersion::V1;
    o = parsed({u"--account"_qs, u"prod"_qs, u"caches"_qs, u"list"_qs});
    QVERIFY(ConnectionBuilder::fromAccount(o, {}, a, {}, u"sk"_qs, &c, &error));
    QCOMPARE(c.signatureVersion, net::AlibabaSigner::Version::V1);
    o = parsed({u"--account"_qs, u"prod"_qs, u"--signature-version"_qs, u"v3"_qs, u"caches"_qs,
                u"list"_qs});
    QVERIFY(ConnectionBuilder::fromAccount(o, {}, a, {}, u"sk"_qs, &c, &error));
    QCOMPARE(c.signatureVersion, net::AlibabaSigner::Version::V3);
}

QTEST_APPLESS_MAIN(TestCliOptions)
#include "tst_clioptions.moc"
