#pragma once

#include "workload.h"

#include <QByteArray>
#include <QCoreApplication>

namespace workload {

// Reads the workloads of Kubernetes manifests as users have them: multi-document YAML
// (split at "---" lines as kubectl's YAML reader does, so one broken document does not hide
// the others), JSON, `kind: List` (kubectl get -o yaml|json), Pod, Deployment, StatefulSet,
// DaemonSet, ReplicaSet, ReplicationController, Job, CronJob (jobTemplate) and PodTemplate;
// containers, initContainers and ephemeralContainers. Also Docker Compose files
// (services.*.image) and plain lists of images, one a line. Parsing is yaml-cpp's.
class ManifestReader final
{
    Q_DECLARE_TR_FUNCTIONS(ManifestReader)
public:
    static ManifestSet read(const QByteArray &text, const QString &file);
    // Reads `path` ("-" is stdin). A file that cannot be read is one problem, not an abort.
    static ManifestSet readFile(const QString &path);
};

} // namespace workload
