#pragma once

#include "cachetable.h"
#include "core/imagecache.h"
#include "core/imageinfo.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

class QIODevice;

namespace csv {

struct ExportOptions
{
    bool byteOrderMark = false; // for Excel
    CacheTable::ListStyle lists = CacheTable::ListStyle::Lines;
};

// Writes a header and one row per cache or image. To a device it streams; to a file it goes
// through QSaveFile, so a failed export leaves the previous file (or none), never half a file.
class CsvExporter final
{
    Q_DECLARE_TR_FUNCTIONS(CsvExporter)
public:
    static bool writeCaches(QIODevice *device, const QList<core::ImageCache> &caches,
                            const ExportOptions &options, QString *error = nullptr);
    static bool writeImages(QIODevice *device, const QList<core::ImageInfo> &images,
                            const ExportOptions &options, QString *error = nullptr);

    static bool exportCaches(const QString &fileName, const QList<core::ImageCache> &caches,
                             const ExportOptions &options, QString *error = nullptr);
    static bool exportImages(const QString &fileName, const QList<core::ImageInfo> &images,
                             const ExportOptions &options, QString *error = nullptr);
};

} // namespace csv
