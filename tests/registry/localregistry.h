#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace registrytest {

// A Debian docker-registry (distribution 2.8) of the test's own: 127.0.0.1 on a free port,
// its own config and a throwaway storage folder, optionally htpasswd Basic auth. Stopped (and
// its folder removed) when destroyed; the child also gets SIGTERM if the test process dies.
class LocalRegistry final
{
public:
    LocalRegistry() = default;
    ~LocalRegistry();
    LocalRegistry(const LocalRegistry &) = delete;
    LocalRegistry &operator=(const LocalRegistry &) = delete;

    static QString binary(); // "" when docker-registry is not installed

    // Starts and waits (bounded) for it to answer; false with errorString() on failure.
    bool start(const QString &user = {}, const QString &password = {});
    void stop();
    QString errorString() const { return m_error; }
    QString domain() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }
    QUrl url(const QString &path = QStringLiteral("/")) const;
    QByteArray authorization() const { return m_authorization; } // Basic, for pushes

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QByteArray m_authorization;
    QString m_error;
};

// A real gzip stream (RFC 1952) of `data`, compressed with zlib's deflate.
QByteArray gzip(const QByteArray &data);
// Deterministic, compressible bytes (text-like), `size` long.
QByteArray layerContent(int seed, int size);
QString sha256(const QByteArray &data);

struct PushedLayer
{
    QByteArray blob; // the gzip stream
    QString digest;
    qint64 compressedSize = 0;
    qint64 uncompressedSize = 0;
    QString diffId;
    QString createdBy;
};

struct PushedImage
{
    QString manifestDigest;
    QByteArray manifest;
    QString configDigest;
    qint64 configSize = 0;
    QList<PushedLayer> layers;
    qint64 compressedTotal() const;
    qint64 uncompressedTotal() const;
};

// Pushes through the Distribution API the way a client does: blob upload (POST, then a
// monolithic PUT with the digest), manifest PUT. Blocking with a bound, for test setup.
class Pusher final
{
public:
    Pusher(QUrl base, QByteArray authorization = {});
    // A single-platform image of `layerCount` gzip layers (content from `seed`).
    PushedImage pushImage(const QString &repository, const QString &tag, int seed, int layerCount,
                          const QString &os = QStringLiteral("linux"),
                          const QString &architecture = QStringLiteral("amd64"),
                          const QString &variant = {}, bool oci = false);
    // An OCI index of already pushed manifests (tag: the index's tag).
    QString pushIndex(const QString &repository, const QString &tag,
                      const QList<std::pair<PushedImage, QJsonObject>> &entries);
    QString putManifest(const QString &repository, const QString &reference,
                        const QString &mediaType, const QByteArray &body);
    QString pushBlob(const QString &repository, const QByteArray &data);
    QString error() const { return m_error; }

private:
    struct Reply
    {
        int status = 0;
        QByteArray location;
        QByteArray digest;
        QByteArray body;
    };
    Reply request(const QByteArray &method, const QUrl &url, const QByteArray &body,
                  const QByteArray &contentType);

    QUrl m_base;
    QByteArray m_authorization;
    QString m_error;
};

} // namespace registrytest
