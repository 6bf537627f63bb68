#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace workload {

// One container of a workload, with the image as written and as a runtime pulls it.
struct Container
{
    enum class Kind { Container, Init, Ephemeral };
    QString name;
    Kind kind = Kind::Container;
    QString image;      // as written in the manifest
    QString normalized; // ImageReference::pullReference(); "" when the reference is invalid
    QString problem;    // why the reference is invalid
};

// A workload found in a manifest: a pod template (or a Compose project, or a list of
// images) with its containers and the annotations of the pod template.
struct Workload
{
    QString file;     // as given ("-" for stdin, a label for pasted text)
    int document = 0; // 1-based index of the YAML document in the file
    int line = 0;     // 1-based line where the document (or List item) starts
    QString kind;     // Deployment, Pod, CronJob, … ; "Compose" or "ImageList"
    QString name;
    QString namespaceName;
    QHash<QString, QString> annotations; // of the pod template (spec.template.metadata)
    QList<Container> containers;

    // The distinct valid normalised images, in first-seen order.
    QStringList images() const;
    QString label() const; // "Deployment/web" or "Deployment/web (ns)"
};

// A document that could not be read; the rest of the file is still evaluated.
struct ManifestProblem
{
    QString file;
    int document = 0;
    int line = 0;
    QString message;
};

struct ManifestSet
{
    QList<Workload> workloads;
    QList<ManifestProblem> problems;
    int documents = 0;        // non-empty documents (List items counted one each)
    int skippedDocuments = 0; // documents that are not workloads (Service, ConfigMap, …)

    void append(const ManifestSet &other);
    int containerCount() const;
};

} // namespace workload
