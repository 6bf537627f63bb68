#include "emulatorserver.h"

#include <QHttpServerRequest>
#include <QTcpSocket>

namespace emulator {

EmulatorServer::EmulatorServer(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler))
{}

bool EmulatorServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    m_handler(request, socket);
    return true;
}

void EmulatorServer::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    // Not reached: handleRequest() answers every request.
    socket->disconnectFromHost();
}

} // namespace emulator
