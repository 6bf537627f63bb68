#include "profileimporter.h"

#include "accountmanager.h"
#include "store.h"

#include <QPromise>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcImport, "imagecache.store.import")

namespace store {

namespace {

bool readProfiles(const QString &path, QJsonArray *profiles, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = ProfileImporter::tr("Cannot read %1: %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = ProfileImporter::tr("%1 is not a JSON configuration file: %2")
                     .arg(QDir::toNativeSeparators(path), parseError.errorString());
        return false;
    }
    *profiles = doc.object().value(QStringLiteral("profiles")).toArray();
    return true;
}

QString firstOf(const QProcessEnvironment &env, std::initializer_list<const char *> names)
{
    for (const char *name : names) {
        const QString value = env.value(QString::fromLatin1(name)).trimmed();
        if (!value.isEmpty())
            return value;
    }
    return {};
}

// KooCLI's file uses camelCase names; the option spellings ("cli-access-key", "access-key")
// are accepted too, so a hand-written or older file imports as well.
QString field(const QJsonObject &profile, const char *camel, const char *option)
{
    const QString o = QString::fromLatin1(option);
    for (const QString &name : {QString::fromLatin1(camel), o, QStringLiteral("cli-") + o}) {
        const QString value = profile.value(name).toString();
        if (!value.isEmpty())
            return value;
    }
    return {};
}

// Keeps a profile only when the account it makes is valid; otherwise says why.
void accept(ImportReport &report, ImportedAccount imported, const QString &secret)
{
    const QStringList problems = imported.account.validate();
    if (!problems.isEmpty()) {
        report.skipped << ProfileImporter::tr("Profile %1: %2")
                              .arg(imported.profileName, problems.join(QStringLiteral("; ")));
        return;
    }
    imported.secrets.insert(CredentialStore::secretKey(imported.account.id), secret);
    report.accounts.append(std::move(imported));
}

} // namespace

QString ProfileImporter::defaultAliyunPath()
{
    return QDir::homePath() + QStringLiteral("/.aliyun/config.json");
}

QString ProfileImporter::defaultKooCliPath()
{
    return QDir::homePath() + QStringLiteral("/.hcloud/config.json");
}

ImportReport ProfileImporter::readAliyun(const QString &path)
{
    ImportReport report;
    QJsonArray profiles;
    if (!readProfiles(path, &profiles, &report.error))
        return report;
    for (const QJsonValue &value : profiles) {
        const QJsonObject p = value.toObject();
        const QString name = p.value(QStringLiteral("name")).toString();
        const QString mode = p.value(QStringLiteral("mode")).toString();
        if (mode != QLatin1String("AK")) {
            report.skipped << tr("Profile %1 uses the %2 mode; only AccessKey (AK) profiles "
                                 "can be imported")
                                  .arg(name, mode.isEmpty() ? tr("unknown") : mode);
            continue;
        }
        const QString keyId = p.value(QStringLiteral("access_key_id")).toString().trimmed();
        const QString secret = p.value(QStringLiteral("access_key_secret")).toString();
        if (keyId.isEmpty() || secret.isEmpty()) {
            report.skipped << tr("Profile %1 has no AccessKey pair").arg(name);
            continue;
        }
        ImportedAccount imported;
        imported.profileName = name;
        Account &a = imported.account;
        a.id = Account::newId();
        a.provider = core::Provider::Alibaba;
        a.displayName = tr("%1 (aliyun CLI)").arg(name);
        a.authKind = Account::AuthKind::AccessKey;
        a.accessKeyId = keyId;
        const QString region = p.value(QStringLiteral("region_id")).toString().trimmed();
        if (!region.isEmpty())
            a.regions.append({region, {}, {}});
        accept(report, std::move(imported), secret);
    }
    return report;
}

ImportReport ProfileImporter::readKooCli(const QString &path)
{
    ImportReport report;
    QJsonArray profiles;
    if (!readProfiles(path, &profiles, &report.error))
        return report;
    for (const QJsonValue &value : profiles) {
        const QJsonObject p = value.toObject();
        const QString name = p.value(QStringLiteral("name")).toString();
        const QString mode = field(p, "mode", "mode");
        if (mode.compare(QLatin1String("AKSK"), Qt::CaseInsensitive) != 0) {
            report.skipped << tr("Profile %1 uses the %2 mode; only AK/SK profiles can be "
                                 "imported")
                                  .arg(name, mode.isEmpty() ? tr("unknown") : mode);
            continue;
        }
        if (!field(p, "securityToken", "security-token").isEmpty()) {
            report.skipped << tr("Profile %1 holds a temporary AK/SK with a security token, "
                                 "which expires; add a permanent access key instead")
                                  .arg(name);
            continue;
        }
        const QString keyId = field(p, "accessKeyId", "access-key").trimmed();
        const QString secret = field(p, "secretAccessKey", "secret-key");
        if (keyId.isEmpty() || secret.isEmpty()) {
            report.skipped << tr("Profile %1 has no AK/SK pair").arg(name);
            continue;
        }
        ImportedAccount imported;
        imported.profileName = name;
        Account &a = imported.account;
        a.id = Account::newId();
        a.provider = core::Provider::Huawei;
        a.displayName = tr("%1 (KooCLI)").arg(name);
        a.authKind = Account::AuthKind::AccessKey;
        a.accessKeyId = keyId;
        const QString region = field(p, "region", "region").trimmed();
        if (!region.isEmpty())
            a.regions.append({region, {}, field(p, "projectId", "project-id").trimmed()});
        accept(report, std::move(imported), secret);
    }
    return report;
}

ImportReport ProfileImporter::fromEnvironment(const QProcessEnvironment &env)
{
    ImportReport report;
    const QString aliKey = firstOf(env, {"ALIBABA_CLOUD_ACCESS_KEY_ID",
                                         "ALIBABACLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY_ID"});
    const QString aliSecret
        = firstOf(env, {"ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABACLOUD_ACCESS_KEY_SECRET",
                        "ALICLOUD_ACCESS_KEY_SECRET"});
    if (!aliKey.isEmpty() || !aliSecret.isEmpty()) {
        ImportedAccount imported;
        imported.profileName = QStringLiteral("ALIBABA_CLOUD_*");
        Account &a = imported.account;
        a.id = QStringLiteral("env-alibaba");
        a.provider = core::Provider::Alibaba;
        a.displayName = tr("Alibaba Cloud (environment)");
        a.accessKeyId = aliKey;
        const QString region = firstOf(
            env, {"ALIBABA_CLOUD_REGION_ID", "ALIBABACLOUD_REGION_ID", "ALICLOUD_REGION_ID"});
        if (!region.isEmpty())
            a.regions.append({region, {}, {}});
        if (aliSecret.isEmpty())
            report.skipped << tr("ALIBABA_CLOUD_ACCESS_KEY_ID is set without "
                                 "ALIBABA_CLOUD_ACCESS_KEY_SECRET");
        else
            accept(report, std::move(imported), aliSecret);
    }
    const QString hwKey = firstOf(env, {"HUAWEICLOUD_SDK_AK"});
    const QString hwSecret = firstOf(env, {"HUAWEICLOUD_SDK_SK"});
    if (!hwKey.isEmpty() || !hwSecret.isEmpty()) {
        ImportedAccount imported;
        imported.profileName = QStringLiteral("HUAWEICLOUD_SDK_*");
        Account &a = imported.account;
        a.id = QStringLiteral("env-huawei");
        a.provider = core::Provider::Huawei;
        a.displayName = tr("Huawei Cloud (environment)");
        a.accessKeyId = hwKey;
        const QString region = firstOf(env, {"HUAWEICLOUD_SDK_REGION"});
        if (!region.isEmpty())
            a.regions.append({region, {}, firstOf(env, {"HUAWEICLOUD_SDK_PROJECT_ID"})});
        if (hwSecret.isEmpty())
            report.skipped << tr("HUAWEICLOUD_SDK_AK is set without HUAWEICLOUD_SDK_SK");
        else
            accept(report, std::move(imported), hwSecret);
    }
    return report;
}

bool ProfileImporter::isDuplicate(const QList<Account> &existing, const Account &account)
{
    // An empty access key id (an IAM account) never makes a duplicate.
    return !account.accessKeyId.isEmpty()
           && std::any_of(existing.begin(), existing.end(), [&](const Account &e) {
                  return e.provider == account.provider && e.accessKeyId == account.accessKeyId;
              });
}

QFuture<QStringList> ProfileImporter::save(const ImportReport &report, Store &store,
                                           CredentialStore &credentials)
{
    AccountManager accounts(store, credentials);
    return save(report, accounts);
}

QFuture<QStringList> ProfileImporter::save(const ImportReport &report, AccountManager &accounts)
{
    // One profile after the other, so that two profiles of one file with the same key do not
    // both pass the duplicate check. Each goes through AccountManager::add: its secret is in
    // the credential store before the account is stored, and a failed write is reported.
    struct State
    {
        QList<ImportedAccount> pending;
        QStringList problems;
        QPromise<QStringList> promise;
        AccountManager accounts;
    };
    auto state = std::make_shared<State>(State{report.accounts, {}, {}, accounts});
    state->promise.start();
    auto step = std::make_shared<std::function<void()>>();
    *step = [state, step] {
        if (state->pending.isEmpty()) {
            state->promise.addResult(state->problems);
            state->promise.finish();
            *step = nullptr; // breaks the cycle
            return;
        }
        const ImportedAccount imported = state->pending.takeFirst();
        AccountManager::Secrets secrets;
        secrets.secretKey = imported.secrets.value(CredentialStore::secretKey(imported.account.id));
        secrets.iamPassword
            = imported.secrets.value(CredentialStore::iamPasswordKey(imported.account.id));
        const Account account = imported.account;
        const QString profile = imported.profileName;
        auto duplicate = std::make_shared<bool>(false);
        QFuture<QString> added
            = state->accounts.add(account, secrets, [account, profile, duplicate](Store &s) {
                  *duplicate = isDuplicate(s.accounts(), account);
                  return *duplicate
                             ? tr("Profile %1: an account with access key id %2 already exists")
                                   .arg(profile, account.accessKeyId)
                             : QString();
              });
        added.then([state, step, profile, duplicate, id = account.id](const QString &problem) {
            if (problem.isEmpty())
                qCInfo(lcImport).noquote() << "imported profile" << profile << "as account" << id;
            else
                state->problems << (*duplicate ? problem
                                               : tr("Profile %1: %2").arg(profile, problem));
            (*step)();
        });
    };
    QFuture<QStringList> future = state->promise.future();
    (*step)();
    return future;
}

} // namespace store
