#pragma once

#include "provider.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace core {

// One base-image layer as HSS ListImageBasicImage reports it.
struct ImageLayer
{
    QString osName;
    QString osVersion;
    QString layerDigest; // sha256:<64 hex>
    friend bool operator==(const ImageLayer &, const ImageLayer &) = default;
};

struct RegistryCredential
{
    QString server;
    QString userName;
    // The registry password is a secret: providers hand it to the credential store, never
    // into this struct's outputs (CSV, JSON, logs). `hasPassword` tells the UI one exists.
    bool hasPassword = false;
    friend bool operator==(const RegistryCredential &, const RegistryCredential &) = default;
};

struct ContainerImageSpec
{
    QString registryUrl;
    bool isAcrRegistry = false;
    bool isAcrEnterprise = false;
    QString registryCriId;
    RegistryCredential credential;
    QString osTag;
    QString platform;
    QString architecture;
    friend bool operator==(const ContainerImageSpec &, const ContainerImageSpec &) = default;
};

struct VmImageSpec
{
    QString imageId;
    QString osTag;
    QString platform;
    QString architecture;
    friend bool operator==(const VmImageSpec &, const VmImageSpec &) = default;
};

struct AdditionalRegionInfo
{
    QString regionId;
    QString imageId;
    QString status;
    friend bool operator==(const AdditionalRegionInfo &, const AdditionalRegionInfo &) = default;
};

// A container image as either cloud's image browser shows it:
// Huawei HSS registry/CI-CD/local images, Alibaba E-HPC Instant images.
struct ImageInfo
{
    Provider provider = Provider::Huawei;
    QString accountId;
    QString region;
    QString id;            // HSS image_id / E-HPC ImageId
    QString name;          // HSS image_name / E-HPC Name
    QString version;       // HSS image_version / E-HPC Version
    QString imageType;     // HSS image_type (private_image, cicd, ...) / E-HPC VM | Container
    QString category;      // E-HPC ImageCategory (Public | Custom)
    QString namespaceName; // HSS namespace
    QString digest;        // HSS image_digest
    QString registryName;
    QString description;
    QString status;
    QString scanStatus;
    qint64 sizeBytes = -1; // -1 when unknown
    QString sizeText;      // E-HPC reports "40 GiB"
    QDateTime created;
    QDateTime updated;
    QString osTag; // E-HPC list OsTag

    bool hasContainerSpec = false;
    ContainerImageSpec containerSpec;
    bool hasVmSpec = false;
    VmImageSpec vmSpec;
    QList<AdditionalRegionInfo> additionalRegions;

    QList<ImageLayer> layers; // filled by ListImageBasicImage

    QJsonObject raw; // secrets already masked

    friend bool operator==(const ImageInfo &, const ImageInfo &) = default;
};

} // namespace core
