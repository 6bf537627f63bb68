#include "workload.h"

#include <QSet>

namespace workload {

QStringList Workload::images() const
{
    QStringList result;
    QSet<QString> seen;
    for (const Container &container : containers) {
        if (!container.normalized.isEmpty() && !seen.contains(container.normalized)) {
            seen.insert(container.normalized);
            result.append(container.normalized);
        }
    }
    return result;
}

QString Workload::label() const
{
    QString text = name.isEmpty() ? kind : kind + QLatin1Char('/') + name;
    if (!namespaceName.isEmpty())
        text += QStringLiteral(" (") + namespaceName + QLatin1Char(')');
    return text;
}

void ManifestSet::append(const ManifestSet &other)
{
    workloads += other.workloads;
    problems += other.problems;
    documents += other.documents;
    skippedDocuments += other.skippedDocuments;
}

int ManifestSet::containerCount() const
{
    int count = 0;
    for (const Workload &w : workloads)
        count += int(w.containers.size());
    return count;
}

} // namespace workload
