#include "storeaccess.h"

#include "store/keychaincredentialstore.h"
#include "store/storepassword.h"

#include <QDir>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QTimer>

namespace cli {

QUrl StoreAccess::url(const CliOptions &options, const QProcessEnvironment &environment)
{
    QString text = options.storeUrl;
    if (text.isEmpty())
        text = environment.value(u"IMAGECACHE_STORE"_qs).trimmed();
    if (text.isEmpty()) {
        // The console's store: its settings and data folder are named after the console
        // (app/main.cpp), not after this executable, so look there with its names.
        const QString application = QCoreApplication::applicationName();
        const QString organization = QCoreApplication::organizationName();
        QCoreApplication::setOrganizationName(u"ImageCacheConsole"_qs);
        QCoreApplication::setApplicationName(u"imagecache-console"_qs);
        const QUrl configured = store::DatabaseUrl::configuredUrl();
        QCoreApplication::setOrganizationName(organization);
        QCoreApplication::setApplicationName(application);
        return configured;
    }
    if (QDir::isAbsolutePath(text) && !text.contains(u"://"_qs))
        return store::DatabaseUrl::sqliteUrl(text);
    return QUrl(text);
}

bool StoreAccess::open(store::Store &store, const CliOptions &options,
                       const QProcessEnvironment &environment, QString *error)
{
    QUrl where = url(options, environment);
    store::DatabaseUrl location;
    if (!store::DatabaseUrl::parse(where, &location, error))
        return false;
    if (location.backend() == store::DatabaseUrl::Backend::Postgres) {
        // The password the console's settings dialog put in the keychain (the same rule).
        store::KeychainCredentialStore keychain;
        QFuture<QUrl> resolved = store::StorePassword::resolve(keychain, where);
        if (!resolved.isFinished()) {
            QEventLoop loop;
            QFutureWatcher<QUrl> watcher;
            QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
            watcher.setFuture(resolved);
            QTimer::singleShot(15'000, &loop, &QEventLoop::quit); // a keychain that never answers
            if (!resolved.isFinished())
                loop.exec();
        }
        if (resolved.isFinished() && resolved.resultCount() > 0)
            where = resolved.result();
    }
    if (!store.open(where)) {
        *error
            = tr("Cannot open the store %1: %2").arg(location.displayName(), store.errorString());
        return false;
    }
    return true;
}

std::optional<store::Account> StoreAccess::find(store::Store &store, const QString &idOrName,
                                                QString *error)
{
    const QList<store::Account> accounts = store.accounts();
    QList<store::Account> named;
    for (const store::Account &account : accounts) {
        if (account.id == idOrName)
            return account;
        if (account.displayName == idOrName)
            named.append(account);
    }
    if (named.size() == 1)
        return named.constFirst();
    if (named.isEmpty()) {
        *error = store.errorString().isEmpty()
                     ? tr("No stored account has the id or name '%1' (see 'imagecache "
                          "accounts list').")
                           .arg(idOrName)
                     : store.errorString();
        return std::nullopt;
    }
    QStringList ids;
    for (const store::Account &account : std::as_const(named))
        ids << account.id;
    *error = tr("%1 accounts are named '%2'; give the id instead: %3.")
                 .arg(named.size())
                 .arg(idOrName, ids.join(u", "_qs));
    return std::nullopt;
}

} // namespace cli
