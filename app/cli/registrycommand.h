#pragma once

#include "command.h"

#include "registry/registryclient.h"

#include <QProcessEnvironment>

namespace net {
class ApiClient;
}
namespace store {
class CredentialStore;
class Store;
} // namespace store

namespace cli {

// `imagecache registry inspect IMAGE [--platform P] [--json]`: what the image's registry says
// of it (skopeo inspect, with per-layer uncompressed sizes). No cloud account is needed; a
// private registry's login comes from a stored account's registry entry (its password from
// the keychain, as the console keeps it), or from IMAGECACHE_REGISTRY_USER and
// IMAGECACHE_REGISTRY_PASSWORD.
class RegistryCommand final : public Command
{
    Q_OBJECT
public:
    RegistryCommand(const CliOptions &options, const QProcessEnvironment &environment,
                    store::Store *accounts, store::CredentialStore *credentials,
                    net::ApiClient *transport, QObject *parent = nullptr);

    static QString text(const registry::ImageDetails &image);

protected:
    void start() override;

private:
    void inspect();
    void print(const registry::ImageDetails &image);

    QProcessEnvironment m_environment;
    store::Store *m_accounts;
    store::CredentialStore *m_credentials;
    registry::RegistryClient *m_client;
    registry::RegistryReference m_reference;
    registry::Platform m_platform;
};

} // namespace cli
