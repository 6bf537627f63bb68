#include "scriptedserver.h"

#include <QTcpSocket>

#include <sys/socket.h>

namespace faults {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 302:
        return "Found";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

} // namespace

QByteArray ScriptedServer::Received::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

ScriptedServer::Behaviour ScriptedServer::json(int status, const QByteArray &body,
                                               const Headers &headers)
{
    Behaviour behaviour;
    behaviour.status = status;
    behaviour.body = body;
    behaviour.headers = headers;
    behaviour.headers.append(std::pair<QByteArray, QByteArray>("Content-Type", "application/json"));
    return behaviour;
}

ScriptedServer::Behaviour ScriptedServer::held(Behaviour behaviour)
{
    behaviour.action = Behaviour::Action::Hold;
    return behaviour;
}

ScriptedServer::Behaviour ScriptedServer::stall()
{
    Behaviour behaviour;
    behaviour.action = Behaviour::Action::Stall;
    return behaviour;
}

ScriptedServer::Behaviour ScriptedServer::reset()
{
    Behaviour behaviour;
    behaviour.action = Behaviour::Action::Reset;
    return behaviour;
}

ScriptedServer::Behaviour ScriptedServer::truncated(qint64 announcedLength, const QByteArray &sent)
{
    Behaviour behaviour = json(200, sent);
    behaviour.action = Behaviour::Action::Truncate;
    behaviour.announcedLength = announcedLength;
    return behaviour;
}

ScriptedServer::ScriptedServer(QObject *parent)
    : QObject(parent)
{
    m_fallback = json(500, R"({"Code":"NoScript","Message":"the test scripted no answer"})");
    connect(&m_server, &QTcpServer::newConnection, this, &ScriptedServer::onNewConnection);
}

ScriptedServer::~ScriptedServer()
{
    for (QTcpSocket *socket : m_buffers.keys())
        socket->disconnect(this);
}

bool ScriptedServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl ScriptedServer::url(const QString &pathAndQuery) const
{
    return QUrl(
        QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(pathAndQuery),
        QUrl::StrictMode);
}

void ScriptedServer::enqueue(const Behaviour &behaviour)
{
    m_script.append(behaviour);
}

void ScriptedServer::setFallback(const Behaviour &behaviour)
{
    m_fallback = behaviour;
}

void ScriptedServer::releaseHeld()
{
    const auto held = std::exchange(m_held, {});
    for (const auto &[socket, behaviour] : held) {
        if (socket)
            respond(socket, behaviour);
    }
}

void ScriptedServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        m_buffers.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_open.remove(socket);
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void ScriptedServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    for (;;) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        Received request;
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        qint64 length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            request.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
        }
        length = request.header("Content-Length").toLongLong();
        if (buffer.size() < headerEnd + 4 + length)
            return;
        request.body = buffer.mid(headerEnd + 4, length);
        buffer.remove(0, headerEnd + 4 + length);
        handle(socket, request);
        if (!m_buffers.contains(socket))
            return;
    }
}

void ScriptedServer::handle(QTcpSocket *socket, const Received &request)
{
    m_received.append(request);
    m_open.insert(socket);
    m_maxOpen = std::max(m_maxOpen, int(m_open.size()));
    const Behaviour behaviour = m_script.isEmpty() ? m_fallback : m_script.takeFirst();
    switch (behaviour.action) {
    case Behaviour::Action::Respond:
    case Behaviour::Action::Truncate:
        respond(socket, behaviour);
        break;
    case Behaviour::Action::Hold:
        m_held.append({socket, behaviour});
        break;
    case Behaviour::Action::Stall:
        break;
    case Behaviour::Action::Reset: {
        // SO_LINGER 0 makes close() send RST: the client sees a reset, not an orderly close.
        const linger hard{1, 0};
        ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
        markAnswered(socket);
        m_buffers.remove(socket);
        socket->abort();
        break;
    }
    }
}

void ScriptedServer::respond(QTcpSocket *socket, const Behaviour &behaviour)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(behaviour.status) + ' '
                     + reasonPhrase(behaviour.status) + "\r\n";
    for (const auto &[name, value] : behaviour.headers)
        out += name + ": " + value + "\r\n";
    if (behaviour.action == Behaviour::Action::Truncate)
        out += "Content-Length: " + QByteArray::number(behaviour.announcedLength) + "\r\n";
    else if (behaviour.withContentLength)
        out += "Content-Length: " + QByteArray::number(behaviour.body.size()) + "\r\n";
    out += "Connection: close\r\n\r\n";
    out += behaviour.body;
    markAnswered(socket);
    socket->write(out);
    socket->disconnectFromHost(); // after the bytes are written
}

void ScriptedServer::markAnswered(QTcpSocket *socket)
{
    m_open.remove(socket);
}

} // namespace faults
