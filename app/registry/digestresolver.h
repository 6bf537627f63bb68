#pragma once

#include "registryclient.h"

#include "core/imagecache.h"
#include "net/result.h"
#include "store/account.h"
#include "store/imagedigest.h"

#include <QCoreApplication>
#include <QFuture>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace store {
class CredentialStore;
}

namespace registry {

// The digest an image reference points at now, for recording it with a new cache and for
// the "tag moved" check. A reference written with a digest is that digest (no request); a
// tag costs one HEAD of its manifest, after the stored login of its registry
// (RegistryLogins) is handed to the client. Each reference is asked once however often it
// is listed.
class DigestResolver final
{
    Q_DECLARE_TR_FUNCTIONS(DigestResolver)
public:
    using Results = QHash<QString, net::Result<QString>>; // by reference as given

    // Finishes on `client`'s thread once every reference has an answer (a malformed one an
    // InvalidReference error).
    static QFuture<Results> resolve(RegistryClient *client, const QStringList &references,
                                    const QList<store::Account> &accounts,
                                    store::CredentialStore *credentials);

    // What a new cache records (store::Store::recordDigests): each image of `cache` that
    // resolved, in its order; each one that did not goes to `failures` as
    // "<image>: <error>" and records nothing.
    static QList<store::ImageDigest> recorded(const core::ImageCache &cache,
                                              const QStringList &images, const Results &results,
                                              const QDateTime &resolvedAt, QStringList *failures);

    // How a failed resolve reads in the journal and the store: the registry's code and
    // message when it sent them.
    static QString errorText(const net::ApiError &error);
};

} // namespace registry
