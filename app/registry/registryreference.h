#pragma once

#include "net/result.h"

#include <QCoreApplication>
#include <QString>
#include <QUrl>

namespace registry {

// An image reference as a registry client needs it: which host to ask, which repository,
// and a tag or a digest. Parsed and normalised by workload::ImageReference (docker.io and
// library/ filled in), so the console and the coverage rules read references one way.
struct RegistryReference
{
    Q_DECLARE_TR_FUNCTIONS(RegistryReference)
public:
    QString domain;     // as written after normalisation: "docker.io", "127.0.0.1:5000"
    QString repository; // "library/nginx"
    QString tag;        // "latest" when neither a tag nor a digest was given
    QString digest;     // "sha256:…", wins over the tag
    // HTTPS, except for loopback hosts (tests, a local registry), as the transport requires.
    bool useTls = true;

    // A Validation error that names the input and what is wrong with it.
    static net::Result<RegistryReference> parse(const QString &text);

    // The API endpoint: Docker Hub's registry-1.docker.io for docker.io.
    QUrl baseUrl() const;
    // The tag or the digest, as the manifest path takes it.
    QString manifestReference() const { return digest.isEmpty() ? tag : digest; }
    // "docker.io/library/nginx:1.27" or "…@sha256:…".
    QString toString() const;
    QString name() const { return domain + QLatin1Char('/') + repository; }
};

} // namespace registry
