#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTcpServer>
#include <QUrl>

#include <utility>

class QTcpSocket;

namespace faults {

using Headers = QList<std::pair<QByteArray, QByteArray>>;

// A loopback HTTP/1.1 server for fault tests: answers each request with the next scripted
// behaviour (respond, hold until released, stall forever, reset the connection, send a cut-off
// body), and records what it received and how many requests were open at once.
class ScriptedServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScriptedServer)
public:
    struct Behaviour
    {
        enum class Action {
            Respond,  // status, headers, body; then close
            Hold,     // respond only when releaseHeld() is called
            Stall,    // read the request, never answer
            Reset,    // abort the connection (RST) right after reading the request
            Truncate, // announce Content-Length = announcedLength, send body, close
        };
        Action action = Action::Respond;
        int status = 200;
        Headers headers;
        QByteArray body;
        qint64 announcedLength = -1;
        bool withContentLength = true; // false: body delimited by closing the connection
    };

    struct Received
    {
        QByteArray method;
        QByteArray target; // path and query as on the wire
        Headers headers;
        QByteArray body;

        QByteArray header(const QByteArray &name) const;
    };

    static Behaviour json(int status, const QByteArray &body, const Headers &headers = {});
    static Behaviour held(Behaviour behaviour);
    static Behaviour stall();
    static Behaviour reset();
    static Behaviour truncated(qint64 announcedLength, const QByteArray &sent);

    explicit ScriptedServer(QObject *parent = nullptr);
    ~ScriptedServer() override;

    bool listen(); // 127.0.0.1, a free port
    QUrl url(const QString &pathAndQuery = QStringLiteral("/")) const;

    void enqueue(const Behaviour &behaviour);
    void setFallback(const Behaviour &behaviour); // used once the script is empty

    int requestCount() const { return int(m_received.size()); }
    const QList<Received> &received() const { return m_received; }
    int openRequests() const { return int(m_open.size()); }
    int maxOpenRequests() const { return m_maxOpen; }
    int heldCount() const { return int(m_held.size()); }
    void releaseHeld();

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void handle(QTcpSocket *socket, const Received &request);
    void respond(QTcpSocket *socket, const Behaviour &behaviour);
    void markAnswered(QTcpSocket *socket);

    QTcpServer m_server;
    QList<Behaviour> m_script;
    Behaviour m_fallback;
    QList<Received> m_received;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<std::pair<QPointer<QTcpSocket>, Behaviour>> m_held;
    QSet<QTcpSocket *> m_open; // a request was read, no answer sent yet
    int m_maxOpen = 0;
};

} // namespace faults
