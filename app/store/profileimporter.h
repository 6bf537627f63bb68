#pragma once

#include "account.h"
#include "credentialstore.h"

#include <QCoreApplication>
#include <QFuture>
#include <QHash>
#include <QList>
#include <QProcessEnvironment>
#include <QStringList>

namespace store {

class AccountManager;
class Store;

// One account read from an existing profile, with the secrets to hand to the credential
// store (key as CredentialStore::secretKey(), value the secret).
struct ImportedAccount
{
    Account account;
    QString profileName;
    QHash<QString, QString> secrets;
};

struct ImportReport
{
    QList<ImportedAccount> accounts;
    QStringList skipped; // one translated reason per profile left out
    QString error;       // the file could not be read at all
};

// Reads the profiles users already have, so they do not type their keys again:
//  - the aliyun CLI's ~/.aliyun/config.json (profiles[] of mode "AK": access_key_id,
//    access_key_secret, region_id);
//  - KooCLI's ~/.hcloud/config.json (profiles[] of mode "AKSK": accessKeyId,
//    secretAccessKey, region, projectId);
//  - the SDKs' environment variables (ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET/_REGION_ID,
//    HUAWEICLOUD_SDK_AK/_SK/_PROJECT_ID/_REGION). These accounts are for the session only.
class ProfileImporter final
{
    Q_DECLARE_TR_FUNCTIONS(ProfileImporter)
public:
    static QString defaultAliyunPath();
    static QString defaultKooCliPath();

    static ImportReport readAliyun(const QString &path = defaultAliyunPath());
    static ImportReport readKooCli(const QString &path = defaultKooCliPath());
    static ImportReport fromEnvironment(const QProcessEnvironment &environment
                                        = QProcessEnvironment::systemEnvironment());

    // Adds each account (journaled) through AccountManager::add, secrets first, unless one
    // with the same provider and access key id exists. The future ends when every profile is
    // handled and carries the problems met (empty: all imported).
    static QFuture<QStringList> save(const ImportReport &report, AccountManager &accounts);
    static QFuture<QStringList> save(const ImportReport &report, Store &store,
                                     CredentialStore &credentials);

    // True when `existing` holds an account of the same provider and access key id (an empty
    // access key id is never a duplicate).
    static bool isDuplicate(const QList<Account> &existing, const Account &account);
};

} // namespace store
