#include "localregistry.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#include <csignal>
#include <sys/prctl.h>
#include <zlib.h>

namespace registrytest {

namespace {

quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

} // namespace

LocalRegistry::~LocalRegistry()
{
    stop();
}

QString LocalRegistry::binary()
{
    return QStandardPaths::findExecutable(
        QStringLiteral("docker-registry"),
        {QStringLiteral("/usr/bin"), QStringLiteral("/usr/sbin")});
}

QUrl LocalRegistry::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
}

bool LocalRegistry::start(const QString &user, const QString &password)
{
    if (binary().isEmpty()) {
        m_error = QStringLiteral("docker-registry is not installed (scripts/install-deps.sh)");
        return false;
    }
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary folder");
        return false;
    }
    m_port = freePort();
    QString auth;
    if (!user.isEmpty()) {
        QProcess htpasswd;
        // distribution accepts bcrypt entries only.
        htpasswd.start(QStringLiteral("htpasswd"), {QStringLiteral("-Bbn"), user, password});
        if (!htpasswd.waitForFinished(20000) || htpasswd.exitCode() != 0) {
            m_error = QStringLiteral("htpasswd failed: ")
                      + QString::fromLocal8Bit(htpasswd.readAllStandardError());
            return false;
        }
        QFile file(m_dir.filePath(QStringLiteral("htpasswd")));
        if (!file.open(QIODevice::WriteOnly)) {
            m_error = file.errorString();
            return false;
        }
        file.write(htpasswd.readAllStandardOutput());
        file.close();
        auth = QStringLiteral("auth:\n  htpasswd:\n    realm: test-realm\n    path: %1\n")
                   .arg(file.fileName());
        m_authorization = "Basic " + (user + QLatin1Char(':') + password).toUtf8().toBase64();
    }
    const QString config
        = QStringLiteral("version: 0.1\n"
                         "log:\n  level: warn\n  accesslog:\n    disabled: true\n"
                         "storage:\n  filesystem:\n    rootdirectory: %1\n"
                         "  delete:\n    enabled: true\n"
                         "  maintenance:\n    uploadpurging:\n      enabled: false\n"
                         "http:\n  addr: 127.0.0.1:%2\n  secret: %3\n")
              .arg(m_dir.filePath(QStringLiteral("storage")))
              .arg(m_port)
              .arg(QString::number(QRandomGenerator::global()->generate64(), 16))
          + auth;
    const QString configPath = m_dir.filePath(QStringLiteral("config.yml"));
    QFile file(configPath);
    if (!file.open(QIODevice::WriteOnly)) {
        m_error = file.errorString();
        return false;
    }
    file.write(config.toUtf8());
    file.close();

    m_process = std::make_unique<QProcess>();
    // Its log (auth failures the tests provoke on purpose) goes to the throwaway folder.
    m_process->setStandardOutputFile(m_dir.filePath(QStringLiteral("registry.log")));
    m_process->setStandardErrorFile(m_dir.filePath(QStringLiteral("registry.log")),
                                    QIODevice::Append);
    // Never outlive the test: the kernel sends SIGTERM when the test process dies.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_process->start(binary(), {QStringLiteral("serve"), configPath});
    if (!m_process->waitForStarted(10000)) {
        m_error = QStringLiteral("docker-registry did not start: ") + m_process->errorString();
        return false;
    }
    // Ready once /v2/ answers (200, or 401 with auth); bounded.
    QNetworkAccessManager nam;
    QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        if (m_process->state() != QProcess::Running) {
            m_error = QStringLiteral("docker-registry exited with %1").arg(m_process->exitCode());
            return false;
        }
        QNetworkReply *reply = nam.get(QNetworkRequest(url(QStringLiteral("/v2/"))));
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(1000, &loop, &QEventLoop::quit);
        loop.exec();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->abort();
        reply->deleteLater();
        if (status == 200 || status == 401)
            return true;
        m_process->waitForFinished(100); // returns early only if it exits
    }
    m_error = QStringLiteral("docker-registry did not answer within 20 s");
    return false;
}

void LocalRegistry::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_process.reset();
}

QByteArray gzip(const QByteArray &data)
{
    z_stream stream{};
    // windowBits 15 + 16: a gzip header and trailer around the deflate stream.
    deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(int(deflateBound(&stream, uLong(data.size()))) + 64, Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(qsizetype(stream.total_out));
    deflateEnd(&stream);
    return out;
}

QByteArray layerContent(int seed, int size)
{
    QRandomGenerator generator(quint32(seed) * 2654435761u + 17);
    static const char *words[]
        = {"usr/",       "bin/", "lib/", "etc/", "share/",  "nginx ", "conf\n",
           "libc.so.6 ", "ELF",  "\x7f", "0123", "locale/", "zh_CN "};
    QByteArray data;
    data.reserve(size);
    while (data.size() < size) {
        data += words[generator.bounded(int(std::size(words)))];
        if (generator.bounded(8) == 0)
            data += char(generator.bounded(256)); // some entropy, so it does not shrink to nothing
    }
    data.truncate(size);
    return data;
}

QString sha256(const QByteArray &data)
{
    return QStringLiteral("sha256:")
           + QString::fromLatin1(
               QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

qint64 PushedImage::compressedTotal() const
{
    qint64 total = configSize;
    for (const auto &layer : layers)
        total += layer.compressedSize;
    return total;
}

qint64 PushedImage::uncompressedTotal() const
{
    qint64 total = 0;
    for (const auto &layer : layers)
        total += layer.uncompressedSize;
    return total;
}

Pusher::Pusher(QUrl base, QByteArray authorization)
    : m_base(std::move(base))
    , m_authorization(std::move(authorization))
{}

Pusher::Reply Pusher::request(const QByteArray &method, const QUrl &url, const QByteArray &body,
                              const QByteArray &contentType)
{
    static QNetworkAccessManager *nam = new QNetworkAccessManager;
    QNetworkRequest request(url);
    if (!m_authorization.isEmpty())
        request.setRawHeader("Authorization", m_authorization);
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    QNetworkReply *reply = nam->sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    loop.exec();
    Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.location = reply->rawHeader("Location");
    result.digest = reply->rawHeader("Docker-Content-Digest");
    result.body = reply->readAll();
    reply->abort();
    reply->deleteLater();
    return result;
}

QString Pusher::pushBlob(const QString &repository, const QByteArray &data)
{
    const QString digest = sha256(data);
    QUrl start = m_base;
    start.setPath(QStringLiteral("/v2/%1/blobs/uploads/").arg(repository));
    const Reply started = request("POST", start, {}, "application/octet-stream");
    if (started.status != 202) {
        m_error = QStringLiteral("upload start: HTTP %1 %2")
                      .arg(started.status)
                      .arg(QString::fromUtf8(started.body));
        return {};
    }
    QUrl upload = m_base.resolved(QUrl::fromEncoded(started.location));
    QUrlQuery query(upload);
    query.addQueryItem(QStringLiteral("digest"), digest);
    upload.setQuery(query);
    const Reply done = request("PUT", upload, data, "application/octet-stream");
    if (done.status != 201) {
        m_error = QStringLiteral("upload: HTTP %1 %2")
                      .arg(done.status)
                      .arg(QString::fromUtf8(done.body));
        return {};
    }
    return digest;
}

QString Pusher::putManifest(const QString &repository, const QString &reference,
                            const QString &mediaType, const QByteArray &body)
{
    QUrl url = m_base;
    url.setPath(QStringLiteral("/v2/%1/manifests/%2").arg(repository, reference));
    const Reply reply = request("PUT", url, body, mediaType.toLatin1());
    if (reply.status != 201) {
        m_error = QStringLiteral("manifest: HTTP %1 %2")
                      .arg(reply.status)
                      .arg(QString::fromUtf8(reply.body));
        return {};
    }
    return QString::fromLatin1(reply.digest);
}

PushedImage Pusher::pushImage(const QString &repository, const QString &tag, int seed,
                              int layerCount, const QString &os, const QString &architecture,
                              const QString &variant, bool oci)
{
    PushedImage image;
    QJsonArray diffIds;
    QJsonArray history;
    QJsonArray layerDescriptors;
    const QString layerType
        = oci ? QStringLiteral("application/vnd.oci.image.layer.v1.tar+gzip")
              : QStringLiteral("application/vnd.docker.image.rootfs.diff.tar.gzip");
    for (int i = 0; i < layerCount; ++i) {
        PushedLayer layer;
        const QByteArray content = layerContent(seed * 100 + i, 20000 + 7919 * i + 131 * seed);
        layer.blob = gzip(content);
        layer.compressedSize = layer.blob.size();
        layer.uncompressedSize = content.size();
        layer.diffId = sha256(content);
        layer.createdBy = QStringLiteral("/bin/sh -c #(nop) ADD layer-%1-%2 /").arg(seed).arg(i);
        layer.digest = pushBlob(repository, layer.blob);
        if (layer.digest.isEmpty())
            return {};
        diffIds.append(layer.diffId);
        history.append(QJsonObject{{QStringLiteral("created_by"), layer.createdBy}});
        if (i == 0) // an instruction that made no layer, as Dockerfiles have
            history.append(QJsonObject{{QStringLiteral("created_by"),
                                        QStringLiteral("/bin/sh -c #(nop) ENV A=%1").arg(seed)},
                                       {QStringLiteral("empty_layer"), true}});
        layerDescriptors.append(QJsonObject{{QStringLiteral("mediaType"), layerType},
                                            {QStringLiteral("size"), layer.compressedSize},
                                            {QStringLiteral("digest"), layer.digest}});
        image.layers << layer;
    }
    QJsonObject configObject{
        {QStringLiteral("architecture"), architecture},
        {QStringLiteral("os"), os},
        {QStringLiteral("created"), QStringLiteral("2026-01-02T03:04:05Z")},
        {QStringLiteral("rootfs"), QJsonObject{{QStringLiteral("type"), QStringLiteral("layers")},
                                               {QStringLiteral("diff_ids"), diffIds}}},
        {QStringLiteral("history"), history},
        {QStringLiteral("config"),
         QJsonObject{{QStringLiteral("Env"), QJsonArray{QStringLiteral("SEED=%1").arg(seed)}}}}};
    if (!variant.isEmpty())
        configObject.insert(QStringLiteral("variant"), variant);
    const QByteArray config = QJsonDocument(configObject).toJson(QJsonDocument::Compact);
    image.configDigest = pushBlob(repository, config);
    image.configSize = config.size();
    if (image.configDigest.isEmpty())
        return {};
    const QString manifestType
        = oci ? QStringLiteral("application/vnd.oci.image.manifest.v1+json")
              : QStringLiteral("application/vnd.docker.distribution.manifest.v2+json");
    const QString configType
        = oci ? QStringLiteral("application/vnd.oci.image.config.v1+json")
              : QStringLiteral("application/vnd.docker.container.image.v1+json");
    const QJsonObject manifest{
        {QStringLiteral("schemaVersion"), 2},
        {QStringLiteral("mediaType"), manifestType},
        {QStringLiteral("config"), QJsonObject{{QStringLiteral("mediaType"), configType},
                                               {QStringLiteral("size"), image.configSize},
                                               {QStringLiteral("digest"), image.configDigest}}},
        {QStringLiteral("layers"), layerDescriptors}};
    image.manifest = QJsonDocument(manifest).toJson(QJsonDocument::Compact);
    image.manifestDigest = putManifest(repository, tag.isEmpty() ? sha256(image.manifest) : tag,
                                       manifestType, image.manifest);
    return image;
}

QString Pusher::pushIndex(const QString &repository, const QString &tag,
                          const QList<std::pair<PushedImage, QJsonObject>> &entries)
{
    QJsonArray manifests;
    for (const auto &[image, platform] : entries)
        manifests.append(QJsonObject{{QStringLiteral("mediaType"),
                                      QStringLiteral("application/vnd.oci.image.manifest.v1+json")},
                                     {QStringLiteral("size"), image.manifest.size()},
                                     {QStringLiteral("digest"), image.manifestDigest},
                                     {QStringLiteral("platform"), platform}});
    const QJsonObject index{
        {QStringLiteral("schemaVersion"), 2},
        {QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.index.v1+json")},
        {QStringLiteral("manifests"), manifests}};
    return putManifest(repository, tag, QStringLiteral("application/vnd.oci.image.index.v1+json"),
                       QJsonDocument(index).toJson(QJsonDocument::Compact));
}

} // namespace registrytest
