#include "digestresolver.h"

#include "registryerrors.h"
#include "registrylogins.h"
#include "registryreference.h"

#include "providers/completer.h"

#include <QPointer>

#include <memory>

namespace registry {

namespace {
struct Pending
{
    providers::Completer<DigestResolver::Results> completer;
    DigestResolver::Results results;
    int open = 0;
    void answer(const QString &reference, net::Result<QString> result)
    {
        results.insert(reference, std::move(result));
        if (--open == 0)
            completer.complete(results);
    }
};
} // namespace

QFuture<DigestResolver::Results> DigestResolver::resolve(RegistryClient *client,
                                                         const QStringList &references,
                                                         const QList<store::Account> &accounts,
                                                         store::CredentialStore *credentials)
{
    QStringList unique = references;
    unique.removeDuplicates();
    auto pending = std::make_shared<Pending>();
    QFuture<Results> future = pending->completer.future();
    if (unique.isEmpty()) {
        pending->completer.complete({});
        return future;
    }
    pending->open = int(unique.size());
    for (const QString &text : std::as_const(unique)) {
        const auto parsed = RegistryReference::parse(text);
        if (!parsed.ok()) {
            pending->answer(text, parsed.error());
            continue;
        }
        const RegistryReference reference = parsed.value();
        if (!reference.digest.isEmpty()) {
            pending->answer(text, reference.digest);
            continue;
        }
        providers::whenFinished(
            RegistryLogins::resolve(accounts, reference.domain, credentials), client,
            [client, pending, text, reference](const ResolvedLogin &login) {
                if (!login.credentials.isEmpty())
                    client->setCredentials(reference.domain, login.credentials);
                providers::whenFinished(client->resolveDigest(reference), client,
                                        [pending, text](const net::Result<QString> &digest) {
                                            pending->answer(text, digest);
                                        });
            });
    }
    return future;
}

QList<store::ImageDigest>
DigestResolver::recorded(const core::ImageCache &cache, const QStringList &images,
                         const Results &results, const QDateTime &resolvedAt, QStringList *failures)
{
    QList<store::ImageDigest> digests;
    QStringList seen;
    for (const QString &image : images) {
        if (seen.contains(image))
            continue;
        seen << image;
        const net::Result<QString> result = results.value(image);
        if (!result.ok()) {
            if (failures)
                failures->append(tr("%1: %2").arg(image, errorText(result.error())));
            continue;
        }
        store::ImageDigest digest;
        digest.cacheKey = cache.key();
        digest.accountId = cache.accountId;
        digest.region = cache.region;
        digest.image = image;
        digest.digest = result.value();
        digest.resolvedAt = resolvedAt;
        digests.append(digest);
    }
    return digests;
}

QString DigestResolver::errorText(const net::ApiError &error)
{
    if (!error.code.isEmpty())
        return error.message.isEmpty() ? error.code : tr("%1: %2").arg(error.code, error.message);
    return error.toString();
}

} // namespace registry
