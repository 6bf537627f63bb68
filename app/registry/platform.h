#pragma once

#include "net/result.h"

#include <QCoreApplication>
#include <QString>

namespace registry {

// The platform of an image in an index: "linux/amd64", "linux/arm64/v8".
struct Platform
{
    Q_DECLARE_TR_FUNCTIONS(Platform)
public:
    QString os = QStringLiteral("linux");
    QString architecture = QStringLiteral("amd64");
    QString variant;

    // "os/arch[/variant]"; a Validation error for anything else.
    static net::Result<Platform> parse(const QString &text);
    QString toString() const;
    // True when `candidate` (an index entry) is this platform; an empty variant here takes
    // any variant there.
    bool matches(const Platform &candidate) const;
    friend bool operator==(const Platform &, const Platform &) = default;
};

} // namespace registry
