#pragma once

#include "clioptions.h"
#include "store/account.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QProcessEnvironment>

#include <optional>

namespace cli {

// Where the CLI finds its accounts and journal: --store URL, else IMAGECACHE_STORE, else the
// store the console uses (IMAGECACHE_STORE_URL, the console's saved setting, its default
// file), so accounts added in either are seen by both.
class StoreAccess final
{
    Q_DECLARE_TR_FUNCTIONS(StoreAccess)
public:
    // A URL, or a plain absolute path to a SQLite file.
    static QUrl url(const CliOptions &options, const QProcessEnvironment &environment);
    // Opens the store; false with a message naming the store (never its password).
    static bool open(store::Store &store, const CliOptions &options,
                     const QProcessEnvironment &environment, QString *error);
    // The account whose id is `idOrName`, else the only one with that display name.
    static std::optional<store::Account> find(store::Store &store, const QString &idOrName,
                                              QString *error);
};

} // namespace cli
