// The manifest reader (multi-document YAML and JSON through yaml-cpp, Kubernetes kinds,
// Compose files, image lists). Properties: any bytes give workloads and/or problems, never an
// exception or a crash; every container's image is either normalised or carries the reason it
// cannot be, never both. Input: any bytes.

#include "fuzzinput.h"
#include "workload/manifestreader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const workload::ManifestSet set
        = workload::ManifestReader::read(input, QStringLiteral("fuzz.yaml"));
    for (const workload::Workload &w : set.workloads) {
        for (const workload::Container &c : w.containers)
            fuzz::require(c.normalized.isEmpty() != c.problem.isEmpty(),
                          "an image is normalised or has a problem, not both");
    }
    return 0;
}
