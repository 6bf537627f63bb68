#pragma once

#include "command.h"
#include "providers/imageservice.h"

namespace cli {

// images list | show ID | layers ID. The image APIs identify an image by more than its ID
// (HSS: type, namespace, name, version), so show and layers find the ID in the listing first.
class ImageCommands final : public Command
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageCommands)
public:
    ImageCommands(const CliOptions &options, providers::ImageService *service,
                  QObject *parent = nullptr);

    static providers::ImageQuery query(const CliOptions &options);

protected:
    void start() override;

private:
    void list();
    // Lists, finds the image by ID, then calls `next` with it.
    void withImage(std::function<void(const core::ImageInfo &)> next);

    providers::ImageService *m_service;
};

} // namespace cli
