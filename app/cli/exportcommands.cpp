#include "exportcommands.h"

#include "cachecommands.h"
#include "console.h"
#include "core/continuation.h"
#include "csv/csvexporter.h"
#include "exitcode.h"
#include "imagecommands.h"

#include <QDir>
#include <QJsonObject>

namespace cli {

ExportCommands::ExportCommands(const CliOptions &options, providers::CacheService *caches,
                               providers::ImageService *images, QObject *parent)
    : Command(options, parent)
    , m_caches(caches)
    , m_images(images)
{}

void ExportCommands::start()
{
    csv::ExportOptions exportOptions;
    exportOptions.byteOrderMark = m_options.bom;
    exportOptions.lists = m_options.oneLine ? csv::CacheTable::ListStyle::Semicolon
                                            : csv::CacheTable::ListStyle::Lines;
    const QString file = m_options.csvFile;
    if (m_options.command == u"caches"_qs) {
        core::whenFinished(
            m_caches->list(CacheCommands::query(m_options)), this,
            [this, file, exportOptions](const net::Result<QList<core::ImageCache>> &result) {
                if (!result.ok())
                    return fail(result.error());
                QString error;
                const bool ok
                    = csv::CsvExporter::exportCaches(file, result.value(), exportOptions, &error);
                done(ok, error, result.value().size());
            });
        return;
    }
    core::whenFinished(
        m_images->list(ImageCommands::query(m_options)), this,
        [this, file, exportOptions](const net::Result<QList<core::ImageInfo>> &result) {
            if (!result.ok())
                return fail(result.error());
            QString error;
            const bool ok
                = csv::CsvExporter::exportImages(file, result.value(), exportOptions, &error);
            done(ok, error, result.value().size());
        });
}

void ExportCommands::done(bool ok, const QString &error, qsizetype rows)
{
    if (!ok) {
        Console::err(error);
        return finish(ExitProviderError);
    }
    const QString path = QDir::toNativeSeparators(m_options.csvFile);
    if (m_options.json)
        Console::json(QJsonObject{{u"file"_qs, path}, {u"rows"_qs, qint64(rows)}});
    else
        Console::out(tr("Wrote %n row(s) to %1.", nullptr, int(rows)).arg(path));
    finish(ExitOk);
}

} // namespace cli
