#pragma once

#include <net/httpmessage.h>

#include <QByteArray>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace emulator {

// A received request, copied out of QHttpServerRequest so it can be handled later (latency
// faults) and by code that does not know QtHttpServer.
struct IncomingRequest
{
    QByteArray method;   // "GET", "POST", …
    QByteArray rawPath;  // as on the wire, still percent-encoded
    QByteArray rawQuery; // as on the wire, without '?'
    QString path;        // decoded
    net::HeaderList headers;
    QByteArray body;
    QHostAddress remote;

    QByteArray header(const QByteArray &name) const { return net::headerValue(headers, name); }
};

// What the emulator answers; written to the socket as HTTP/1.1 with a Content-Length.
struct Reply
{
    int status = 200;
    net::HeaderList headers;
    QByteArray body;

    static Reply json(int status, const QJsonObject &object,
                      const QByteArray &contentType = "application/json;charset=UTF-8")
    {
        Reply reply;
        reply.status = status;
        reply.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
        reply.headers.append({"Content-Type", contentType});
        return reply;
    }
    void setHeader(const QByteArray &name, const QByteArray &value)
    {
        net::setHeader(headers, name, value);
    }
};

} // namespace emulator
