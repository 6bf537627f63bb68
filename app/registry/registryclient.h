#pragma once

#include "imagedetails.h"
#include "platform.h"
#include "registryreference.h"

#include "net/apiclient.h"
#include "net/result.h"
#include "providers/completer.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>

namespace registry {

// A registry login, handed in by the caller (read from the keychain: never stored here
// beyond this object's life, never logged).
struct RegistryCredentials
{
    QString userName;
    QString password;
    bool isEmpty() const { return userName.isEmpty() && password.isEmpty(); }
};

// Requests sent, by kind: what the benchmark bounds (one manifest, one config, one ranged
// read per layer).
struct RequestCounts
{
    int manifests = 0; // GET and HEAD of manifests
    int configs = 0;
    int rangedReads = 0;
    int tokens = 0;
    int pings = 0;
    int redirects = 0; // requests to a redirect's Location
    int total() const { return manifests + configs + rangedReads + tokens + pings + redirects; }
};

// The OCI Distribution API client (distribution spec v1.0, Docker's token auth spec) on the
// app's transport: manifests by tag or digest, an index resolved to one platform, the config
// blob and each gzip layer's uncompressed size from its last 4 bytes. Never downloads a
// layer. Authenticates as the registry asks (anonymous, Basic, Bearer token) and follows a
// blob redirect to another host without the Authorization header. Errors are net::ApiError
// with the registry's code and message; RegistryErrors::kindOf tells them apart.
class RegistryClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistryClient)
public:
    explicit RegistryClient(net::ApiClient *transport, QObject *parent = nullptr);
    ~RegistryClient() override;

    // The login for `domain` as written in references ("docker.io", "127.0.0.1:5000").
    void setCredentials(const QString &domain, const RegistryCredentials &credentials);

    // GET /v2/: the registry answers and the credentials (if any) are accepted.
    QFuture<net::Result<net::Done>> ping(const RegistryReference &reference);
    // HEAD of the manifest: the digest the tag points to now (Docker-Content-Digest).
    QFuture<net::Result<QString>> resolveDigest(const RegistryReference &reference);
    // Everything about the image for `platform` (an index is resolved to it).
    QFuture<net::Result<ImageDetails>> inspect(const RegistryReference &reference,
                                               const Platform &platform = {});

    // The transport it sends on: another client (with a login of its own) can share it.
    net::ApiClient *transport() const { return m_transport; }

    RequestCounts requestCounts() const { return m_counts; }
    void resetRequestCounts() { m_counts = {}; }

private:
    struct Inspection;
    struct Exchange;
    enum class Purpose { Manifest, Config, Ranged, Ping };

    QFuture<net::Result<net::HttpResponse>>
    send(net::HttpRequest request, const RegistryReference &reference, Purpose purpose);
    void sendAttempt(std::shared_ptr<Exchange> exchange);
    void authenticate(std::shared_ptr<Exchange> exchange, const QByteArray &challenge);
    void followRedirect(std::shared_ptr<Exchange> exchange, const net::HttpResponse &response);
    void count(Purpose purpose);

    void fetchManifest(std::shared_ptr<Inspection> inspection, const QString &reference,
                       bool fromIndex);
    void fetchConfig(std::shared_ptr<Inspection> inspection);
    void
    tellUnknownImage(std::shared_ptr<providers::Completer<net::Result<ImageDetails>>> completer,
                     const RegistryReference &reference, const net::ApiError &manifestError);
    void readLayerSizes(std::shared_ptr<Inspection> inspection);

    static net::HttpRequest manifestRequest(const RegistryReference &reference,
                                            const QString &manifestReference,
                                            const QByteArray &method);
    static net::HttpRequest blobRequest(const RegistryReference &reference, const QString &digest);

    QPointer<net::ApiClient> m_transport;
    QHash<QString, RegistryCredentials> m_credentials; // by domain
    QHash<QString, QByteArray> m_authorization;        // "domain|repository" → header value
    RequestCounts m_counts;
};

} // namespace registry
