#include "manifestreader.h"

#include "imagereference.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <yaml-cpp/yaml.h>

namespace workload {

namespace {

struct Chunk
{
    QByteArray text;
    int firstLine = 0; // 0-based line of the chunk's first line in the file
};

// kubectl's YAMLReader: a line that starts with "---" followed by nothing but blanks or a
// comment ends a document.
QList<Chunk> splitDocuments(const QByteArray &text)
{
    QList<Chunk> chunks;
    Chunk current;
    int line = 0;
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        const QByteArray row = text.mid(start, end - start);
        bool separator = false;
        if (row.startsWith("---")) {
            const QByteArray rest = row.mid(3).trimmed();
            separator = rest.isEmpty() || rest.startsWith('#');
        }
        if (separator) {
            chunks.append(current);
            current = Chunk{{}, line + 1};
        } else {
            current.text += row;
            current.text += '\n';
        }
        ++line;
        start = end + 1;
    }
    chunks.append(current);
    return chunks;
}

bool hasContent(const QByteArray &chunk)
{
    for (const QByteArray &row : chunk.split('\n')) {
        const QByteArray trimmed = row.trimmed();
        if (!trimmed.isEmpty() && !trimmed.startsWith('#') && trimmed != "...")
            return true;
    }
    return false;
}

// A plain list of images: every line that is not blank or a comment is one bare token.
bool isImageList(const QByteArray &text, QList<QPair<int, QString>> *images)
{
    static const QRegularExpression token(QStringLiteral("^[A-Za-z0-9][^\\s#]*$"));
    int line = 0;
    for (const QByteArray &row : text.split('\n')) {
        ++line;
        QString trimmed = QString::fromUtf8(row).trimmed();
        const qsizetype hash = trimmed.indexOf(QStringLiteral(" #"));
        if (hash >= 0)
            trimmed = trimmed.left(hash).trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')))
            continue;
        if (!token.match(trimmed).hasMatch() || trimmed.endsWith(QLatin1Char(':')))
            return false;
        images->append({line, trimmed});
    }
    return !images->isEmpty();
}

QString scalar(const YAML::Node &node, const char *key)
{
    if (!node.IsMap())
        return {};
    const YAML::Node value = node[key];
    if (!value || !value.IsScalar())
        return {};
    return QString::fromStdString(value.Scalar());
}

YAML::Node child(const YAML::Node &node, const char *key)
{
    if (!node || !node.IsMap())
        return YAML::Node(YAML::NodeType::Undefined);
    const YAML::Node value = node[key];
    return value ? value : YAML::Node(YAML::NodeType::Undefined);
}

Container container(const YAML::Node &node, Container::Kind kind)
{
    Container c;
    c.kind = kind;
    c.name = scalar(node, "name");
    c.image = scalar(node, "image").trimmed();
    const ImageReference ref = ImageReference::parseNormalized(c.image);
    if (ref.isValid())
        c.normalized = ref.pullReference();
    else
        c.problem = ref.errorString();
    return c;
}

void readContainers(const YAML::Node &podSpec, Workload *workload)
{
    static const std::pair<const char *, Container::Kind> lists[] = {
        {"initContainers", Container::Kind::Init},
        {"containers", Container::Kind::Container},
        {"ephemeralContainers", Container::Kind::Ephemeral},
    };
    for (const auto &[key, kind] : lists) {
        const YAML::Node list = child(podSpec, key);
        if (!list.IsSequence())
            continue;
        for (const YAML::Node &item : list) {
            if (item.IsMap())
                workload->containers.append(container(item, kind));
        }
    }
}

QHash<QString, QString> annotations(const YAML::Node &metadata)
{
    QHash<QString, QString> result;
    const YAML::Node map = child(metadata, "annotations");
    if (!map.IsMap())
        return result;
    for (const auto &entry : map) {
        if (entry.first.IsScalar() && entry.second.IsScalar())
            result.insert(QString::fromStdString(entry.first.Scalar()),
                          QString::fromStdString(entry.second.Scalar()));
    }
    return result;
}

// The pod template of a workload object, or an undefined node.
YAML::Node podTemplate(const QString &kind, const YAML::Node &root)
{
    static const QSet<QString> templated
        = {QStringLiteral("Deployment"), QStringLiteral("StatefulSet"),
           QStringLiteral("DaemonSet"),  QStringLiteral("ReplicaSet"),
           QStringLiteral("Job"),        QStringLiteral("ReplicationController")};
    if (kind == u"Pod")
        return root;
    if (kind == u"PodTemplate")
        return child(root, "template");
    if (templated.contains(kind))
        return child(child(root, "spec"), "template");
    if (kind == u"CronJob")
        return child(child(child(child(root, "spec"), "jobTemplate"), "spec"), "template");
    return YAML::Node(YAML::NodeType::Undefined);
}

class DocumentReader final
{
public:
    DocumentReader(const QString &file, ManifestSet *set)
        : m_file(file)
        , m_set(set)
    {}

    // `lineOffset` turns the node's 0-based line into the file's 1-based line.
    void readObject(const YAML::Node &root, int document, int lineOffset)
    {
        ++m_set->documents;
        if (!root.IsMap()) {
            ++m_set->skippedDocuments;
            return;
        }
        const QString kind = scalar(root, "kind");
        const YAML::Node items = child(root, "items");
        if (kind.endsWith(QStringLiteral("List")) && items.IsSequence()) {
            --m_set->documents; // the List counts as its items
            for (const YAML::Node &item : items)
                readObject(item, document, lineOffset);
            return;
        }
        if (kind.isEmpty() && child(root, "services").IsMap()) {
            readCompose(root, document, lineOffset);
            return;
        }
        const YAML::Node pod = podTemplate(kind, root);
        if (!pod.IsMap()) {
            ++m_set->skippedDocuments;
            return;
        }
        Workload workload;
        workload.file = m_file;
        workload.document = document;
        workload.line = lineOffset + root.Mark().line + 1;
        workload.kind = kind;
        const YAML::Node metadata = child(root, "metadata");
        workload.name = scalar(metadata, "name");
        if (workload.name.isEmpty())
            workload.name = scalar(metadata, "generateName");
        workload.namespaceName = scalar(metadata, "namespace");
        workload.annotations = annotations(child(pod, "metadata"));
        readContainers(child(pod, "spec"), &workload);
        m_set->workloads.append(workload);
    }

private:
    void readCompose(const YAML::Node &root, int document, int lineOffset)
    {
        bool any = false;
        for (const auto &entry : child(root, "services")) {
            const QString image = scalar(entry.second, "image");
            if (image.isEmpty())
                continue; // a service built locally has no image to cache
            any = true;
            Workload workload;
            workload.file = m_file;
            workload.document = document;
            workload.line = lineOffset + entry.first.Mark().line + 1;
            workload.kind = QStringLiteral("ComposeService");
            workload.name = QString::fromStdString(entry.first.Scalar());
            YAML::Node node(YAML::NodeType::Map);
            node["name"] = entry.first.Scalar();
            node["image"] = image.toStdString();
            workload.containers.append(container(node, Container::Kind::Container));
            m_set->workloads.append(workload);
        }
        if (!any)
            ++m_set->skippedDocuments;
    }

    QString m_file;
    ManifestSet *m_set;
};

} // namespace

ManifestSet ManifestReader::read(const QByteArray &text, const QString &file)
{
    ManifestSet set;
    QList<QPair<int, QString>> images;
    if (isImageList(text, &images)) {
        for (const auto &[line, image] : std::as_const(images)) {
            ++set.documents;
            Workload workload;
            workload.file = file;
            workload.document = 1;
            workload.line = line;
            workload.kind = QStringLiteral("ImageList");
            workload.name = image;
            YAML::Node node(YAML::NodeType::Map);
            node["image"] = image.toStdString();
            workload.containers.append(container(node, Container::Kind::Container));
            set.workloads.append(workload);
        }
        return set;
    }

    const QByteArray trimmed = text.trimmed();
    const bool json = trimmed.startsWith('{') || trimmed.startsWith('[');
    const QList<Chunk> chunks = json ? QList<Chunk>{Chunk{text, 0}} : splitDocuments(text);
    DocumentReader reader(file, &set);
    int document = 0;
    for (const Chunk &chunk : chunks) {
        if (!hasContent(chunk.text))
            continue;
        ++document;
        try {
            const YAML::Node root = YAML::Load(chunk.text.toStdString());
            if (json && root.IsSequence()) {
                for (const YAML::Node &item : root)
                    reader.readObject(item, document, chunk.firstLine);
            } else {
                reader.readObject(root, document, chunk.firstLine);
            }
        } catch (const YAML::Exception &error) {
            ++set.documents;
            ManifestProblem problem;
            problem.file = file;
            problem.document = document;
            problem.line = chunk.firstLine + (error.mark.line >= 0 ? error.mark.line : 0) + 1;
            problem.message = QString::fromStdString(error.msg);
            set.problems.append(problem);
        }
    }
    return set;
}

ManifestSet ManifestReader::readFile(const QString &path)
{
    QFile file;
    const bool stdinInput = path == u"-";
    const bool opened = stdinInput ? file.open(stdin, QIODevice::ReadOnly)
                                   : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        ManifestSet set;
        set.problems.append({path, 0, 0, tr("cannot read the file: %1").arg(file.errorString())});
        return set;
    }
    return read(file.readAll(), stdinInput ? QStringLiteral("-") : path);
}

} // namespace workload
