#!/usr/bin/env python3
"""Independent extraction of the container images of a manifest, with PyYAML (not the
project's yaml-cpp reader). Writes '<kind>/<name> <image>' per container, sorted, to
<fixture>.images.txt. Run: python3 extract_images.py FILE..."""
import sys
import yaml

TEMPLATED = {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job",
             "ReplicationController"}


def pod_spec(doc):
    kind = doc.get("kind")
    if kind == "Pod":
        return doc.get("spec")
    if kind in TEMPLATED:
        return (doc.get("spec") or {}).get("template", {}).get("spec")
    if kind == "CronJob":
        return doc["spec"]["jobTemplate"]["spec"]["template"].get("spec")
    return None


def walk(doc, out):
    if not isinstance(doc, dict):
        return
    if str(doc.get("kind", "")).endswith("List") and isinstance(doc.get("items"), list):
        for item in doc["items"]:
            walk(item, out)
        return
    if "kind" not in doc and isinstance(doc.get("services"), dict):
        for name, service in doc["services"].items():
            if isinstance(service, dict) and service.get("image"):
                out.append("ComposeService/%s %s" % (name, service["image"]))
        return
    spec = pod_spec(doc)
    if not spec:
        return
    name = (doc.get("metadata") or {}).get("name", "")
    for key in ("initContainers", "containers", "ephemeralContainers"):
        for c in spec.get(key) or []:
            out.append("%s/%s %s" % (doc["kind"], name, c.get("image", "")))


for path in sys.argv[1:]:
    out = []
    with open(path) as f:
        for doc in yaml.safe_load_all(f):
            walk(doc, out)
    with open(path.rsplit(".", 1)[0] + ".images.txt", "w") as f:
        f.write("".join(line + "\n" for line in sorted(out)))
