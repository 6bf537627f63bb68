#include "csvexporter.h"

#include "csvwriter.h"
#include "imagetable.h"

#include <QSaveFile>

#include <functional>

namespace csv {

namespace {

template<typename T, typename RowFn>
bool writeTable(QIODevice *device, const QStringList &headers, const QList<T> &items,
                const ExportOptions &options, RowFn rowOf, QString *error)
{
    CsvWriter::Options writerOptions;
    writerOptions.byteOrderMark = options.byteOrderMark;
    CsvWriter writer(device, writerOptions);
    bool ok = writer.writeRecord(headers);
    for (qsizetype i = 0; ok && i < items.size(); ++i)
        ok = writer.writeRecord(rowOf(items.at(i)));
    if (!ok && error)
        *error = writer.errorString();
    return ok;
}

bool toFile(const QString &fileName, const std::function<bool(QIODevice *, QString *)> &write,
            QString *error)
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = CsvExporter::tr("Cannot write %1: %2").arg(fileName, file.errorString());
        return false;
    }
    QString writeError;
    if (!write(&file, &writeError)) {
        file.cancelWriting();
        if (error)
            *error = CsvExporter::tr("Cannot write %1: %2").arg(fileName, writeError);
        return false;
    }
    if (!file.commit()) {
        if (error)
            *error = CsvExporter::tr("Cannot write %1: %2").arg(fileName, file.errorString());
        return false;
    }
    return true;
}

} // namespace

bool CsvExporter::writeCaches(QIODevice *device, const QList<core::ImageCache> &caches,
                              const ExportOptions &options, QString *error)
{
    return writeTable(
        device, CacheTable::headers(), caches, options,
        [&](const core::ImageCache &cache) { return CacheTable::row(cache, options.lists); },
        error);
}

bool CsvExporter::writeImages(QIODevice *device, const QList<core::ImageInfo> &images,
                              const ExportOptions &options, QString *error)
{
    return writeTable(device, ImageTable::headers(), images, options, &ImageTable::row, error);
}

bool CsvExporter::exportCaches(const QString &fileName, const QList<core::ImageCache> &caches,
                               const ExportOptions &options, QString *error)
{
    return toFile(
        fileName,
        [&](QIODevice *device, QString *e) { return writeCaches(device, caches, options, e); },
        error);
}

bool CsvExporter::exportImages(const QString &fileName, const QList<core::ImageInfo> &images,
                               const ExportOptions &options, QString *error)
{
    return toFile(
        fileName,
        [&](QIODevice *device, QString *e) { return writeImages(device, images, options, e); },
        error);
}

} // namespace csv
