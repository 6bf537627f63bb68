#pragma once

#include <QAbstractHttpServer>

#include <functional>

namespace emulator {

// QtHttpServer 6.4's low-level server: hands every parsed request together with its socket to
// one callback, so the emulator can answer raw (faults need the socket).
class EmulatorServer final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmulatorServer)

public:
    using Handler = std::function<void(const QHttpServerRequest &, QTcpSocket *)>;
    explicit EmulatorServer(Handler handler, QObject *parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Handler m_handler;
};

} // namespace emulator
