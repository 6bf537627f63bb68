#include "workload/manifestreader.h"

#include <QFile>
#include <QTest>

using workload::Container;
using workload::ManifestReader;
using workload::ManifestSet;

namespace {
QString dataPath(const QString &name)
{
    return QStringLiteral(IMAGECACHE_WORKLOAD_DATA "/") + name;
}

QStringList lines(const ManifestSet &set)
{
    QStringList result;
    for (const workload::Workload &w : set.workloads) {
        for (const Container &c : w.containers)
            result.append(w.kind + QLatin1Char('/') + w.name + QLatin1Char(' ') + c.image);
    }
    result.sort();
    return result;
}
} // namespace

class TestManifestReader final : public QObject
{
    Q_OBJECT
private slots:
    void realWorldFixtures_data();
    void realWorldFixtures();
    void digestsOfARenderedChartAreKept();
    void brokenDocumentInTheMiddle();
    void kubectlListAsJson();
    void everyWorkloadKindAndContainerList();
    void podTemplateAnnotations();
    void plainImageList();
    void invalidReferenceIsNamed();
    void unreadableFile();
};

// Each fixture is someone else's file (tests/workload/data/README.md names the sources);
// the expected lists were extracted with PyYAML by data/extract_images.py, not by this reader.
void TestManifestReader::realWorldFixtures_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("documents");
    QTest::addColumn<int>("skipped");
    QTest::newRow("metallb release (47 documents)") << u"metallb-frr-k8s.yaml"_qs << 47 << 43;
    QTest::newRow("ingress-nginx, helm template output")
        << u"ingress-nginx-cloud-deploy.yaml"_qs << 19 << 16;
    QTest::newRow("k8s docs CronJob") << u"k8s-website-cronjob.yaml"_qs << 1 << 0;
    QTest::newRow("k8s docs DaemonSet") << u"k8s-website-fluentd-daemonset.yaml"_qs << 1 << 0;
    QTest::newRow("k8s docs init containers, flow YAML")
        << u"k8s-website-init-containers.yaml"_qs << 1 << 0;
    QTest::newRow("awesome-compose nginx-golang-mysql")
        << u"awesome-compose-nginx-golang-mysql.yaml"_qs << 1 << 0;
    QTest::newRow("awesome-compose prometheus-grafana")
        << u"awesome-compose-prometheus-grafana.yaml"_qs << 1 << 0;
}

void TestManifestReader::realWorldFixtures()
{
    QFETCH(QString, fixture);
    QFETCH(int, documents);
    QFETCH(int, skipped);
    const ManifestSet set = ManifestReader::readFile(dataPath(fixture));
    QVERIFY2(set.problems.isEmpty(), qPrintable(set.problems.value(0).message));
    QFile expectedFile(dataPath(fixture.section(u'.', 0, -2) + u".images.txt"_qs));
    QVERIFY(expectedFile.open(QIODevice::ReadOnly));
    const QStringList expected
        = QString::fromUtf8(expectedFile.readAll()).split(u'\n', Qt::SkipEmptyParts);
    QVERIFY(!expected.isEmpty());
    QCOMPARE(lines(set), expected);
    QCOMPARE(set.documents, documents);
    QCOMPARE(set.skippedDocuments, skipped);
    for (const workload::Workload &w : set.workloads) {
        QVERIFY(w.line > 0);
        for (const Container &c : w.containers)
            QVERIFY2(!c.normalized.isEmpty(), qPrintable(c.image + u": "_qs + c.problem));
    }
}

void TestManifestReader::digestsOfARenderedChartAreKept()
{
    const ManifestSet set
        = ManifestReader::readFile(dataPath(u"ingress-nginx-cloud-deploy.yaml"_qs));
    QStringList normalized;
    for (const workload::Workload &w : set.workloads)
        normalized += w.images();
    normalized.removeDuplicates();
    normalized.sort();
    // tag + digest: the runtime pulls the digest, the tag is dropped.
    QCOMPARE(normalized,
             (QStringList{u"registry.k8s.io/ingress-nginx/controller@sha256:"
                          u"594ceea76b01c592858f803f9ff4d2cb40542cae2060410b2c95f75907d659e1"_qs,
                          u"registry.k8s.io/ingress-nginx/kube-webhook-certgen@sha256:"
                          u"01038e7de14b78d702d2849c3aad72fd25903c4765af63cf16aa3398f5d5f2dd"_qs}));
    const auto controller = std::find_if(set.workloads.cbegin(), set.workloads.cend(),
                                         [](const auto &w) { return w.kind == u"Deployment"; });
    QVERIFY(controller != set.workloads.cend());
    QCOMPARE(controller->namespaceName, u"ingress-nginx"_qs);
    QCOMPARE(controller->name, u"ingress-nginx-controller"_qs);
}

void TestManifestReader::brokenDocumentInTheMiddle()
{
    const QByteArray text
        = "apiVersion: apps/v1\n"                      // 1
          "kind: Deployment\n"                         // 2
          "metadata: {name: web}\n"                    // 3
          "spec:\n"                                    // 4
          "  template:\n"                              // 5
          "    spec:\n"                                // 6
          "      containers:\n"                        // 7
          "      - {name: web, image: nginx:1.25}\n"   // 8
          "---\n"                                      // 9
          "apiVersion: v1\n"                           // 10
          "kind: Pod\n"                                // 11
          "metadata:\n"                                // 12
          "  name: broken\n"                           // 13
          "spec:\n"                                    // 14
          "  containers: [ {name: x, image: busybox\n" // 15: never closed
          "--- # a comment on the separator\n"         // 16
          "apiVersion: v1\n"                           // 17
          "kind: Service\n"                            // 18
          "metadata: {name: web}\n"                    // 19
          "---\n"                                      // 20
          "---\n"                                      // 21: empty, not a document
          "apiVersion: batch/v1\n"                     // 22
          "kind: Job\n"                                // 23
          "metadata: {name: migrate}\n"                // 24
          "spec:\n"                                    // 25
          "  template:\n"                              // 26
          "    spec:\n"                                // 27
          "      containers:\n"                        // 28
          "      - {name: migrate, image: 'registry.example.com:5000/app/migrate:2'}\n";
    const ManifestSet set = ManifestReader::read(text, u"app.yaml"_qs);
    QCOMPARE(set.problems.size(), 1);
    const workload::ManifestProblem &p = set.problems.constFirst();
    QCOMPARE(p.file, u"app.yaml"_qs);
    QCOMPARE(p.document, 2);
    QVERIFY2(p.line >= 15 && p.line <= 16, qPrintable(QString::number(p.line)));
    QVERIFY(!p.message.isEmpty());
    QCOMPARE(lines(set), (QStringList{u"Deployment/web nginx:1.25"_qs,
                                      u"Job/migrate registry.example.com:5000/app/migrate:2"_qs}));
    QCOMPARE(set.workloads.at(0).line, 1);
    QCOMPARE(set.workloads.at(1).document, 4);
    QCOMPARE(set.workloads.at(1).line, 22);
    QCOMPARE(set.workloads.at(1).containers.at(0).normalized,
             u"registry.example.com:5000/app/migrate:2"_qs);
    QCOMPARE(set.skippedDocuments, 1);
    QCOMPARE(set.documents, 4);
}

void TestManifestReader::kubectlListAsJson()
{
    const QByteArray json = R"({
  "apiVersion": "v1",
  "kind": "List",
  "items": [
    {"apiVersion": "apps/v1", "kind": "StatefulSet",
     "metadata": {"name": "db", "namespace": "data"},
     "spec": {"template": {"metadata": {"annotations": {"k8s.aliyun.com/eci-imc-id": "imc-1"}},
                           "spec": {"containers": [{"name": "pg", "image": "postgres:16"}]}}}},
    {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "db"}},
    {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cfg"}}
  ]
})";
    const ManifestSet set = ManifestReader::read(json, u"-"_qs);
    QVERIFY(set.problems.isEmpty());
    QCOMPARE(set.workloads.size(), 1);
    QCOMPARE(set.workloads.at(0).label(), u"StatefulSet/db (data)"_qs);
    QCOMPARE(set.workloads.at(0).annotations.value(u"k8s.aliyun.com/eci-imc-id"_qs), u"imc-1"_qs);
    QCOMPARE(set.workloads.at(0).containers.at(0).normalized, u"docker.io/library/postgres:16"_qs);
    QCOMPARE(set.documents, 3);
    QCOMPARE(set.skippedDocuments, 2);
}

void TestManifestReader::everyWorkloadKindAndContainerList()
{
    const QByteArray text = R"(
kind: Pod
metadata: {name: debug}
spec:
  initContainers:
  - {name: sidecar, image: envoyproxy/envoy:v1.30, restartPolicy: Always}
  containers:
  - {name: app, image: app:1}
  ephemeralContainers:
  - {name: dbg, image: busybox}
---
kind: ReplicaSet
metadata: {name: rs}
spec: {template: {spec: {containers: [{name: a, image: a:1}]}}}
---
kind: DaemonSet
metadata: {name: ds}
spec: {template: {spec: {containers: [{name: b, image: b:1}]}}}
---
kind: CronJob
metadata: {name: nightly}
spec:
  jobTemplate:
    spec:
      template:
        metadata:
          annotations: {imagecache.cce.io/specified-name: nightly-cache}
        spec: {containers: [{name: c, image: c:1}]}
---
kind: ReplicationController
metadata: {name: rc}
spec: {template: {spec: {containers: [{name: d, image: d:1}]}}}
)";
    const ManifestSet set = ManifestReader::read(text, u"k.yaml"_qs);
    QVERIFY(set.problems.isEmpty());
    QCOMPARE(set.workloads.size(), 5);
    const workload::Workload &pod = set.workloads.at(0);
    QCOMPARE(pod.containers.size(), 3);
    QCOMPARE(pod.containers.at(0).kind, Container::Kind::Init);
    QCOMPARE(pod.containers.at(1).kind, Container::Kind::Container);
    QCOMPARE(pod.containers.at(2).kind, Container::Kind::Ephemeral);
    QCOMPARE(pod.images(),
             (QStringList{u"docker.io/envoyproxy/envoy:v1.30"_qs, u"docker.io/library/app:1"_qs,
                          u"docker.io/library/busybox:latest"_qs}));
    QCOMPARE(set.workloads.at(3).kind, u"CronJob"_qs);
    QCOMPARE(set.workloads.at(3).annotations.value(u"imagecache.cce.io/specified-name"_qs),
             u"nightly-cache"_qs);
    QCOMPARE(set.workloads.at(4).containers.at(0).image, u"d:1"_qs);
}

void TestManifestReader::podTemplateAnnotations()
{
    // The Deployment's own annotations are not the pod's: only the template's count.
    const QByteArray text = R"(
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations: {k8s.aliyun.com/eci-imc-id: imc-wrong}
spec:
  template:
    metadata:
      annotations:
        k8s.aliyun.com/eci-auto-imc: "false"
        k8s.aliyun.com/imc-perfect-match: "true"
    spec: {containers: [{name: web, image: nginx}]}
)";
    const ManifestSet set = ManifestReader::read(text, u"d.yaml"_qs);
    QCOMPARE(set.workloads.size(), 1);
    const auto &annotations = set.workloads.at(0).annotations;
    QCOMPARE(annotations.size(), 2);
    QCOMPARE(annotations.value(u"k8s.aliyun.com/eci-auto-imc"_qs), u"false"_qs);
    QVERIFY(!annotations.contains(u"k8s.aliyun.com/eci-imc-id"_qs));
}

void TestManifestReader::plainImageList()
{
    const QByteArray text = "# images of the release\n"
                            "nginx:1.25\n"
                            "\n"
                            "registry.cn-hangzhou.aliyuncs.com/ns/app:2  # the app\n"
                            "redis@sha256:"
                            + QByteArray(64, 'a') + "\n";
    const ManifestSet set = ManifestReader::read(text, u"images.txt"_qs);
    QVERIFY(set.problems.isEmpty());
    QCOMPARE(set.workloads.size(), 3);
    QCOMPARE(set.workloads.at(0).kind, u"ImageList"_qs);
    QCOMPARE(set.workloads.at(0).line, 2);
    QCOMPARE(set.workloads.at(1).containers.at(0).normalized,
             u"registry.cn-hangzhou.aliyuncs.com/ns/app:2"_qs);
    QCOMPARE(set.workloads.at(2).containers.at(0).normalized,
             u"docker.io/library/redis@sha256:"_qs + QString(64, u'a'));
}

void TestManifestReader::invalidReferenceIsNamed()
{
    const ManifestSet set = ManifestReader::read(
        "kind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, image: 'Nginx:1'}]}\n",
        u"p.yaml"_qs);
    QCOMPARE(set.workloads.size(), 1);
    const Container &c = set.workloads.at(0).containers.at(0);
    QVERIFY(c.normalized.isEmpty());
    QVERIFY(c.problem.contains(u"lowercase"_qs));
}

void TestManifestReader::unreadableFile()
{
    const ManifestSet set = ManifestReader::readFile(u"/nonexistent/manifest.yaml"_qs);
    QCOMPARE(set.problems.size(), 1);
    QCOMPARE(set.problems.at(0).file, u"/nonexistent/manifest.yaml"_qs);
    QVERIFY(set.workloads.isEmpty());
}

QTEST_APPLESS_MAIN(TestManifestReader)
#include "tst_manifestreader.moc"
