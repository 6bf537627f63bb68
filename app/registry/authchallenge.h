#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace registry {

// One WWW-Authenticate challenge of a registry (distribution's token auth spec):
//   Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="..."
//   Basic realm="basic-realm"
struct AuthChallenge
{
    enum class Scheme { None, Basic, Bearer };
    Scheme scheme = Scheme::None;
    QHash<QString, QString> parameters; // lower-case names: realm, service, scope, error

    static AuthChallenge parse(const QByteArray &header);
    QString parameter(const char *name) const { return parameters.value(QLatin1String(name)); }
};

} // namespace registry
