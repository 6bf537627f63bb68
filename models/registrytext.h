#pragma once

#include "registry/registryerrors.h"

#include "net/apierror.h"

#include <QCoreApplication>
#include <QString>

namespace models {

// How registry facts read on screen, shared by the create dialog's image checks and the Images
// view's layer detail: the problem named in words with the registry's own code and message, and
// sizes with an estimate labelled as one.
class RegistryText final
{
    Q_DECLARE_TR_FUNCTIONS(models::RegistryText)

public:
    // "Unknown tag", "Unauthorized", ...
    static QString problemName(registry::ErrorKind kind);
    // "Unknown tag (MANIFEST_UNKNOWN: manifest unknown)": the case, then the registry's words.
    static QString problem(registry::ErrorKind kind, const net::ApiError &error);
    // "1.50 GiB", or "~3.75 GiB (estimate)" when the size is not the registry's own figure.
    static QString size(qint64 bytes, bool estimated);
    // The first 12 hex digits, as docker and dive show layers ("3be527063049").
    static QString shortDigest(const QString &digest);
};

} // namespace models
