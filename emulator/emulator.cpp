#include "emulator.h"

#include "alibabaapi.h"
#include "context.h"
#include "emulatorserver.h"
#include "huaweiapi.h"

#include <net/percentencoding.h>

#include <QElapsedTimer>
#include <QFile>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTcpSocket>
#include <QTimer>

namespace emulator {

namespace {

// "METHOD /path" with project and cache ids replaced by {id}: one counter per operation, not
// one per cache (a long-running emulator would otherwise keep a counter for every cache deleted).
QString huaweiOperation(const QByteArray &method, const QString &path)
{
    static const QRegularExpression id(QStringLiteral("^[0-9a-fA-F-]{16,}$"));
    QStringList segments = path.split(QLatin1Char('/'));
    for (QString &segment : segments) {
        if (id.match(segment).hasMatch())
            segment = QStringLiteral("{id}");
    }
    return QString::fromLatin1(method) + QLatin1Char(' ') + segments.join(QLatin1Char('/'));
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 409:
        return "Conflict";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "UNKNOWN";
    }
}

constexpr int kStateVersion = 1;
} // namespace

class EmulatorPrivate final
{
public:
    EmulatorPrivate(Emulator *q, Options options);

    void onRequest(const QHttpServerRequest &request, QTcpSocket *socket);
    void respond(const IncomingRequest &request, QPointer<QTcpSocket> socket,
                 const FaultInjector::Decision &decision);
    Reply admin(const IncomingRequest &request);
    Reply faultReply(bool huawei, const FaultRule &rule, const QString &requestId);
    static void write(QTcpSocket *socket, const Reply &reply, bool truncate = false);
    void changed();
    bool save();
    void load();

    Emulator *q;
    Context context;
    HuaweiApi huawei;
    AlibabaApi alibaba;
    FaultInjector faults;
    EmulatorServer *server = nullptr;
    QHostAddress address;
    quint16 port = 0;
    qint64 handled = 0;
    QHash<QString, qint64> handledByOperation; // Alibaba action, or huaweiOperation()
    qint64 nanos = 0;
    QString stateError;
    bool loading = false;
};

EmulatorPrivate::EmulatorPrivate(Emulator *q, Options options)
    : q(q)
    , context{std::move(options), [] { return QDateTime::currentDateTimeUtc(); }, {}}
    , huawei(context)
    , alibaba(context)
{
    if (context.options.huaweiKeys.isEmpty())
        context.options.huaweiKeys = {{demo::HuaweiAccessKey, demo::HuaweiSecretKey}};
    if (context.options.alibabaKeys.isEmpty())
        context.options.alibabaKeys = {{demo::AlibabaAccessKeyId, demo::AlibabaAccessKeySecret}};
    context.changed = [this] {
        changed();
    };
}

void EmulatorPrivate::changed()
{
    if (!loading && !context.options.stateFile.isEmpty())
        save();
}

bool EmulatorPrivate::save()
{
    if (context.options.stateFile.isEmpty())
        return true;
    const QJsonObject root{{QStringLiteral("version"), kStateVersion},
                           {QStringLiteral("savedAt"), context.now().toString(Qt::ISODateWithMs)},
                           {QStringLiteral("huawei"), huawei.save()},
                           {QStringLiteral("alibaba"), alibaba.save()}};
    QSaveFile file(context.options.stateFile);
    if (!file.open(QIODevice::WriteOnly)) {
        stateError = Emulator::tr("cannot write %1: %2")
                         .arg(context.options.stateFile, file.errorString());
        return false;
    }
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        stateError = Emulator::tr("cannot write %1: %2")
                         .arg(context.options.stateFile, file.errorString());
        return false;
    }
    stateError.clear();
    return true;
}

void EmulatorPrivate::load()
{
    loading = true;
    const auto &path = context.options.stateFile;
    bool loaded = false;
    if (!path.isEmpty() && QFile::exists(path)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            stateError = Emulator::tr("cannot read %1: %2").arg(path, file.errorString());
        } else {
            QJsonParseError error;
            const auto doc = QJsonDocument::fromJson(file.readAll(), &error);
            const auto root = doc.object();
            if (error.error != QJsonParseError::NoError || !doc.isObject()) {
                stateError = Emulator::tr("%1 is not a valid state file: %2")
                                 .arg(path, error.errorString());
            } else if (root.value(u"version").toInt() != kStateVersion) {
                stateError = Emulator::tr("%1 has an unsupported state version %2")
                                 .arg(path)
                                 .arg(root.value(u"version").toInt());
            } else {
                huawei.load(root.value(u"huawei").toObject());
                alibaba.load(root.value(u"alibaba").toObject());
                loaded = true;
            }
        }
    }
    if (!loaded && context.options.demoData && stateError.isEmpty()) {
        huawei.seedDemo();
        alibaba.seedDemo();
    }
    loading = false;
    // A state file that failed to load is left untouched rather than overwritten.
    if (stateError.isEmpty() && !path.isEmpty())
        save();
}

void EmulatorPrivate::onRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QElapsedTimer timer;
    timer.start();
    ++handled;
    IncomingRequest in;
    in.method = methodName(request.method());
    const auto url = request.url();
    in.rawPath = url.path(QUrl::FullyEncoded).toLatin1();
    if (in.rawPath.isEmpty())
        in.rawPath = "/";
    in.rawQuery = url.query(QUrl::FullyEncoded).toLatin1();
    in.path = QString::fromUtf8(net::percentDecode(in.rawPath));
    for (const auto &[name, value] : request.headers())
        in.headers.append({name, value});
    in.body = request.body();
    in.remote = request.remoteAddress();

    QPointer<QTcpSocket> guarded(socket);
    if (in.path.startsWith(u"/_emulator/") || in.path == u"/_emulator") {
        write(socket, admin(in));
        nanos += timer.nsecsElapsed();
        return;
    }
    const bool isAlibaba = in.path == u"/";
    const auto action = isAlibaba ? AlibabaApi::actionOf(in) : QString();
    ++handledByOperation[isAlibaba ? action : huaweiOperation(in.method, in.path)];
    const auto decision = faults.decide(in.path, action);
    nanos += timer.nsecsElapsed();
    if (decision.latencyMs > 0) {
        QTimer::singleShot(decision.latencyMs, q,
                           [this, in, guarded, decision] { respond(in, guarded, decision); });
        return;
    }
    respond(in, guarded, decision);
}

void EmulatorPrivate::respond(const IncomingRequest &in, QPointer<QTcpSocket> socket,
                              const FaultInjector::Decision &decision)
{
    QElapsedTimer timer;
    timer.start();
    const bool isAlibaba = in.path == u"/";
    const bool isHuawei = HuaweiApi::handles(in.path);
    const auto requestId = isAlibaba ? util::uuid(true) : util::uuid(false).remove(u'-');
    auto finish = [&](Reply reply, bool truncate = false) {
        if (isAlibaba)
            reply.setHeader("x-acs-request-id", requestId.toLatin1());
        else
            reply.setHeader("X-Request-Id", requestId.toLatin1());
        if (socket)
            write(socket, reply, truncate);
        nanos += timer.nsecsElapsed();
        emit q->answered({isAlibaba ? AlibabaApi::actionOf(in)
                                    : QString::fromLatin1(in.method) + QLatin1Char(' ') + in.path,
                          in.rawQuery, in.body, requestId, reply.status});
    };

    if (decision.fault) {
        const auto &rule = *decision.fault;
        switch (rule.kind) {
        case FaultRule::Kind::Stall:
            nanos += timer.nsecsElapsed();
            return; // keep the connection open and never answer
        case FaultRule::Kind::Reset:
            if (socket) {
                QTimer::singleShot(0, socket.data(), [socket] {
                    if (socket)
                        socket->abort();
                });
            }
            nanos += timer.nsecsElapsed();
            return;
        case FaultRule::Kind::Malformed: {
            Reply reply;
            reply.setHeader("Content-Type", "application/json;charset=UTF-8");
            reply.body = isAlibaba ? QByteArray("{\"RequestId\":\"") + requestId.toLatin1()
                                         + "\",\"ImageCaches\":[{\"ImageCacheId\":<html>"
                                   : QByteArray("{\"image_caches\":[{\"name\":\"x\",<html>");
            finish(reply);
            return;
        }
        case FaultRule::Kind::Error5xx:
        case FaultRule::Kind::Throttle:
            finish(faultReply(!isAlibaba, rule, requestId));
            return;
        case FaultRule::Kind::Truncate:
        case FaultRule::Kind::Latency:
            break;
        }
    }
    Reply reply;
    if (isAlibaba) {
        reply = alibaba.handle(in, requestId);
    } else if (isHuawei) {
        reply = huawei.handle(in, requestId);
    } else {
        reply = huawei.errorReply(404, QStringLiteral("APIGW.0101"),
                                  Emulator::tr("The API does not exist or has not been published "
                                               "in the environment"),
                                  requestId);
    }
    finish(reply, decision.fault && decision.fault->kind == FaultRule::Kind::Truncate);
}

Reply EmulatorPrivate::faultReply(bool huaweiStyle, const FaultRule &rule, const QString &requestId)
{
    if (rule.kind == FaultRule::Kind::Throttle) {
        if (huaweiStyle) {
            return huawei.errorReply(429, QStringLiteral("APIGW.0308"),
                                     Emulator::tr("The throttling threshold has been reached: "
                                                  "policy user over ratelimit,limit:5,time:1 "
                                                  "second"),
                                     requestId);
        }
        auto reply = alibaba.errorReply(
            400, QStringLiteral("Throttling.User"),
            Emulator::tr("Request was denied due to user flow control."), requestId);
        reply.setHeader("x-acs-retry-after", "200");
        return reply;
    }
    if (huaweiStyle) {
        QString message;
        switch (rule.status) {
        case 502:
            message = Emulator::tr("Bad gateway");
            break;
        case 503:
            message = Emulator::tr("Service unavailable");
            break;
        case 504:
            message = Emulator::tr("Backend timeout");
            break;
        default:
            message = Emulator::tr("System error");
            break;
        }
        return huawei.errorReply(rule.status, QStringLiteral("APIGW.0%1").arg(rule.status), message,
                                 requestId);
    }
    if (rule.status == 500) {
        return alibaba.errorReply(500, QStringLiteral("InternalError"),
                                  Emulator::tr("The request processing has failed due to some "
                                               "unknown error, exception or failure."),
                                  requestId);
    }
    return alibaba.errorReply(rule.status, QStringLiteral("ServiceUnavailable"),
                              Emulator::tr("The request has failed due to a temporary failure of "
                                           "the server."),
                              requestId);
}

Reply EmulatorPrivate::admin(const IncomingRequest &in)
{
    auto error = [](int status, const QString &message) {
        return Reply::json(status, {{QStringLiteral("error"), message}});
    };
    if (!in.remote.isLoopback())
        return error(403, Emulator::tr("the admin endpoint is only available from loopback"));
    if (in.path == u"/_emulator/faults") {
        if (in.method == "POST") {
            QJsonParseError parseError;
            const auto doc = QJsonDocument::fromJson(in.body, &parseError);
            if (!doc.isObject())
                return error(400, Emulator::tr("the body must be a JSON fault rule object"));
            QString message;
            const auto rule = FaultRule::fromJson(doc.object(), &message);
            if (!rule)
                return error(400, message);
            const int id = faults.addRule(*rule);
            return Reply::json(
                201, {{QStringLiteral("id"), id}, {QStringLiteral("rule"), rule->toJson()}});
        }
        if (in.method == "DELETE") {
            faults.clear();
            Reply reply;
            reply.status = 204;
            return reply;
        }
        if (in.method == "GET") {
            QJsonArray rules;
            for (const auto &rule : faults.rules())
                rules.append(rule.toJson());
            return Reply::json(200, {{QStringLiteral("rules"), rules}});
        }
        return error(405, Emulator::tr("use GET, POST or DELETE"));
    }
    if (in.path == u"/_emulator/state" && in.method == "GET") {
        huawei.advance();
        alibaba.advance();
        QJsonArray rules;
        for (const auto &rule : faults.rules())
            rules.append(rule.toJson());
        return Reply::json(200, {{QStringLiteral("handledRequests"), handled},
                                 {QStringLiteral("serverNanoseconds"), nanos},
                                 {QStringLiteral("faultsInjected"), faults.injectedCount()},
                                 {QStringLiteral("now"), util::isoSeconds(context.now())},
                                 {QStringLiteral("huawei"), huawei.counts()},
                                 {QStringLiteral("alibaba"), alibaba.counts()},
                                 {QStringLiteral("faults"), rules}});
    }
    return error(404, Emulator::tr("unknown admin path %1").arg(in.path));
}

void EmulatorPrivate::write(QTcpSocket *socket, const Reply &reply, bool truncate)
{
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(reply.status) + ' '
                      + reasonPhrase(reply.status) + "\r\n";
    bool hasType = false;
    for (const auto &[name, value] : reply.headers) {
        hasType = hasType || name.compare("content-type", Qt::CaseInsensitive) == 0;
        head += name + ": " + value + "\r\n";
    }
    if (!hasType && !reply.body.isEmpty())
        head += "Content-Type: application/json;charset=UTF-8\r\n";
    head += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
    head += "Date: "
            + QLocale::c()
                  .toString(QDateTime::currentDateTimeUtc(), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'")
                  .toLatin1()
            + "\r\n";
    head += "Server: imagecache-emulator\r\n";
    head += truncate ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n";
    // Head and body in one write, sent at once: as two writes, Nagle holds the body back
    // until the client acknowledges the head, which it may delay by up to 40 ms.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (truncate) {
        socket->write(head);
        // Announce the whole body, send less, then close: a truncated transfer.
        socket->write(reply.body.left(qMax<qsizetype>(1, reply.body.size() / 2)));
        socket->flush();
        QPointer<QTcpSocket> guarded(socket);
        QTimer::singleShot(0, socket, [guarded] {
            if (guarded)
                guarded->disconnectFromHost();
        });
        return;
    }
    head += reply.body;
    socket->write(head);
}

// ---------------------------------------------------------------------------------------------

Emulator::Emulator(Options options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<EmulatorPrivate>(this, std::move(options)))
{
    d->server = new EmulatorServer([this](const QHttpServerRequest &request,
                                          QTcpSocket *socket) { d->onRequest(request, socket); },
                                   this);
    d->load();
}

Emulator::~Emulator()
{
    // Close the connections before the state they call into goes away.
    delete d->server;
    d->server = nullptr;
    if (!d->context.options.stateFile.isEmpty() && d->stateError.isEmpty())
        d->save();
}

quint16 Emulator::listen(const QHostAddress &address, quint16 port)
{
    d->port = d->server->listen(address, port);
    d->address = address;
    return d->port;
}

QUrl Emulator::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    const bool any = d->address == QHostAddress::Any || d->address == QHostAddress::AnyIPv4
                     || d->address == QHostAddress::AnyIPv6 || d->address.isNull()
                     || d->address == QHostAddress::LocalHost;
    url.setHost(any ? QStringLiteral("127.0.0.1") : d->address.toString());
    url.setPort(d->port);
    return url;
}

FaultInjector *Emulator::faults()
{
    return &d->faults;
}

void Emulator::setClock(std::function<QDateTime()> clock)
{
    d->context.clock = clock ? std::move(clock) : [] {
        return QDateTime::currentDateTimeUtc();
    };
}

QDateTime Emulator::now() const
{
    return d->context.now();
}

qint64 Emulator::handledRequests(const QString &operation) const
{
    return d->handledByOperation.value(operation);
}

qint64 Emulator::handledRequests() const
{
    return d->handled;
}

qint64 Emulator::serverNanoseconds() const
{
    return d->nanos;
}

void Emulator::addAlibabaCaches(const QString &region, int count)
{
    d->alibaba.addCaches(region, count);
}

void Emulator::addHuaweiCaches(const QString &projectId, int count)
{
    d->huawei.addCaches(projectId, count);
}

bool Emulator::saveState()
{
    return d->save();
}

QString Emulator::stateError() const
{
    return d->stateError;
}

} // namespace emulator
