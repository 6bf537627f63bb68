#include "imagecommands.h"

#include "console.h"
#include "core/continuation.h"
#include "core/secretmask.h"
#include "domainjson.h"
#include "exitcode.h"
#include "textformatter.h"

namespace cli {

ImageCommands::ImageCommands(const CliOptions &options, providers::ImageService *service,
                             QObject *parent)
    : Command(options, parent)
    , m_service(service)
{}

providers::ImageQuery ImageCommands::query(const CliOptions &options)
{
    providers::ImageQuery q;
    if (!options.source.isEmpty())
        q.source = options.source;
    q.imageType = options.imageType;
    q.namespaceName = options.namespaceName;
    q.name = options.name;
    q.version = options.imageVersion;
    q.category = options.category;
    q.pageSize = options.pageSize;
    return q;
}

void ImageCommands::start()
{
    const QString &command = m_options.command;
    if (command == u"list"_qs)
        return list();
    if (command == u"show"_qs) {
        return withImage([this](const core::ImageInfo &image) {
            core::whenFinished(m_service->show(image), this,
                               [this](const net::Result<core::ImageInfo> &result) {
                                   if (!result.ok())
                                       return fail(result.error());
                                   if (m_options.raw)
                                       Console::json(core::maskSecrets(result.value().raw));
                                   else if (m_options.json)
                                       Console::json(DomainJson::image(result.value()));
                                   else
                                       Console::out(TextFormatter::image(result.value()));
                                   finish(ExitOk);
                               });
        });
    }
    if (command == u"layers"_qs) {
        return withImage([this](const core::ImageInfo &image) {
            core::whenFinished(m_service->layers(image), this,
                               [this](const net::Result<QList<core::ImageLayer>> &result) {
                                   if (!result.ok())
                                       return fail(result.error());
                                   if (m_options.json)
                                       Console::json(DomainJson::layers(result.value()));
                                   else if (result.value().isEmpty())
                                       Console::err(
                                           tr("The provider reports no base-image layers for this "
                                              "image."));
                                   else
                                       Console::out(TextFormatter::layers(result.value()));
                                   finish(ExitOk);
                               });
        });
    }
    failUsage(tr("Unknown command 'images %1'.").arg(command));
}

void ImageCommands::list()
{
    core::whenFinished(m_service->list(query(m_options)), this,
                       [this](const net::Result<QList<core::ImageInfo>> &result) {
                           if (!result.ok())
                               return fail(result.error());
                           const QList<core::ImageInfo> &images = result.value();
                           if (m_options.raw)
                               Console::jsonArray(images.size(), [&images](qsizetype i) {
                                   return QJsonValue(core::maskSecrets(images[i].raw));
                               });
                           else if (m_options.json)
                               Console::json(DomainJson::images(result.value()));
                           else if (result.value().isEmpty())
                               Console::err(tr("No images found."));
                           else
                               Console::out(
                                   TextFormatter::images(result.value(), m_options.wide()));
                           finish(ExitOk);
                       });
}

void ImageCommands::withImage(std::function<void(const core::ImageInfo &)> next)
{
    const QString id = m_options.arguments.constFirst();
    core::whenFinished(m_service->list(query(m_options)), this,
                       [this, id, next](const net::Result<QList<core::ImageInfo>> &result) {
                           if (!result.ok())
                               return fail(result.error());
                           for (const core::ImageInfo &image : result.value()) {
                               if (image.id == id)
                                   return next(image);
                           }
                           Console::err(
                               tr("No image with ID %1 in the listing (narrow it with --source, "
                                  "--type, --namespace, --name or --image-version).")
                                   .arg(id));
                           finish(ExitProviderError);
                       });
}

} // namespace cli
