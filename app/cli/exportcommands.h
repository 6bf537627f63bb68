#pragma once

#include "command.h"
#include "providers/cacheservice.h"
#include "providers/imageservice.h"

namespace cli {

// export caches|images --csv FILE [--bom] [--one-line]: the full listing (with the list
// filters) written through csv::CsvExporter, atomically.
class ExportCommands final : public Command
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportCommands)
public:
    ExportCommands(const CliOptions &options, providers::CacheService *caches,
                   providers::ImageService *images, QObject *parent = nullptr);

protected:
    void start() override;

private:
    void done(bool ok, const QString &error, qsizetype rows);

    providers::CacheService *m_caches;
    providers::ImageService *m_images;
};

} // namespace cli
