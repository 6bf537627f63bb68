#pragma once

#include "core/imageinfo.h"
#include "net/result.h"

#include <QFuture>
#include <QObject>

namespace providers {

struct ImageQuery
{
    // Huawei HSS: which listing (registry | local | cicd) and its filters.
    QString source = QStringLiteral("registry");
    QString imageType; // HSS image_type / E-HPC ImageType (VM | Container)
    QString namespaceName;
    QString name;
    QString version;
    QString category; // E-HPC ImageCategory (Public | Custom)
    int pageSize = 0; // 0 = provider default; every page is fetched
};

// Image browsing of one provider in one region: Huawei HSS (registry, local and CI/CD images,
// base-image layers), Alibaba E-HPC Instant (ListImages, GetImage, AddImage, RemoveImage).
class ImageService : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual core::Provider provider() const = 0;
    virtual QFuture<net::Result<QList<core::ImageInfo>>> list(const ImageQuery &query = {}) = 0;
    // Full details: E-HPC GetImage (container / VM spec, password masked); Huawei: the listed
    // image with its base-image layers.
    virtual QFuture<net::Result<core::ImageInfo>> show(const core::ImageInfo &image) = 0;
    // Huawei HSS ListImageBasicImage (every page); Alibaba yields an empty list.
    virtual QFuture<net::Result<QList<core::ImageLayer>>> layers(const core::ImageInfo &image) = 0;
};

} // namespace providers
