#pragma once

#include "core/imageinfo.h"

#include <QCoreApplication>
#include <QStringList>

namespace csv {

// The image columns of a CSV export. The registry user is written; a registry password
// never is: ImageInfo has no field for one (only `hasPassword`).
class ImageTable final
{
    Q_DECLARE_TR_FUNCTIONS(ImageTable)
public:
    enum Column {
        Provider,
        Id,
        Name,
        Version,
        Type,
        Namespace,
        Digest,
        Size,
        Created,
        Os,
        RegistryUrl,
        RegistryUser,
        ColumnCount
    };

    static QStringList headers();
    static QStringList row(const core::ImageInfo &image);
};

} // namespace csv
