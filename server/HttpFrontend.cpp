#include "HttpFrontend.h"

#include "AutodiscoverHandler.h"
#include "IdentityProvider.h"
#include "RequestSizeGuard.h"

#include <QElapsedTimer>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>

namespace skein::server {

namespace {

const QByteArray kPath = "/Microsoft-Server-ActiveSync";

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 302: return "Found";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 413: return "Payload Too Large";
    case 449: return "Retry After Sending Provision Command";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

} // namespace

struct HttpFrontend::PendingPing {
    QHttpServerResponder responder;
    QPointer<QTcpSocket> socket;
    PingHandler::Watch watch;
    QElapsedTimer elapsed;
};

HttpFrontend::HttpFrontend(ServerContext &ctx, QObject *parent)
    : QObject(parent), m_ctx(ctx), m_eas(ctx)
{
    m_pingTimer.setInterval(250);
    connect(&m_pingTimer, &QTimer::timeout, this, &HttpFrontend::pollPings);
}

HttpFrontend::~HttpFrontend()
{
    stop();
}

void HttpFrontend::deferPing(QHttpServerResponder &&responder, const PingHandler::Watch &watch)
{
    QTcpSocket *socket = responder.socket();
    auto pending = std::unique_ptr<PendingPing>(new PendingPing{std::move(responder), socket, watch, {}});
    pending->elapsed.start();
    m_pendingPings.push_back(std::move(pending));
    if (!m_pingTimer.isActive())
        m_pingTimer.start();
}

void HttpFrontend::pollPings()
{
    for (auto it = m_pendingPings.begin(); it != m_pendingPings.end();) {
        PendingPing &p = **it;
        if (!p.socket || p.socket->state() != QAbstractSocket::ConnectedState) {
            it = m_pendingPings.erase(it);
            continue;
        }
        const QStringList changed = m_eas.commands().ping().changedFolders(p.watch);
        if (!changed.isEmpty())
            send(p.responder, HttpReply::document(PingHandler::answer(2, changed)));
        else if (p.elapsed.elapsed() >= qint64(p.watch.heartbeatSeconds) * 1000)
            send(p.responder, HttpReply::document(PingHandler::answer(1)));
        else {
            ++it;
            continue;
        }
        it = m_pendingPings.erase(it);
    }
    if (m_pendingPings.empty())
        m_pingTimer.stop();
}

quint16 HttpFrontend::listen(const QHostAddress &address, quint16 port)
{
    stop();
    m_http = std::make_unique<QHttpServer>();
    m_http->route(QString::fromLatin1(kPath), [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        HttpReply reply = handle(request);
        if (reply.wait)
            deferPing(std::move(responder), *reply.wait);
        else
            send(responder, reply);
    });
    // Everything else: the identity provider, Autodiscover, or 404.
    m_http->setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        send(responder, handleWeb(request));
    });
    auto guard = std::make_unique<RequestSizeGuard>([this] { return m_ctx.maxRequestBytes; });
    if (!guard->listen(address, port)) {
        m_http.reset();
        return 0;
    }
    const quint16 bound = guard->serverPort();
    // BASE of docs/signin.md: what URLs pointing back at this server start with.
    QHostAddress shown = address;
    if (address == QHostAddress::Any || address == QHostAddress::AnyIPv4)
        shown = QHostAddress(QHostAddress::LocalHost);
    else if (address == QHostAddress::AnyIPv6)
        shown = QHostAddress(QHostAddress::LocalHostIPv6);
    const QString host = shown.protocol() == QAbstractSocket::IPv6Protocol
        ? QLatin1Char('[') + shown.toString() + QLatin1Char(']')
        : shown.toString();
    m_base = QStringLiteral("http://%1:%2").arg(host).arg(bound);
    m_eas.setBaseUrl(m_base);
    guard->setHttpServer(m_http.get());
    m_http->bind(guard.release()); // parented to m_http
    return bound;
}

void HttpFrontend::stop()
{
    m_pingTimer.stop();
    m_pendingPings.clear();
    if (!m_http)
        return;
    for (QTcpServer *server : m_http->servers())
        server->close();
    m_http.reset();
}

void HttpFrontend::send(QHttpServerResponder &responder, const HttpReply &reply)
{
    // The status line is written by hand: Qt 6.4's table has no 449.
    QTcpSocket *socket = responder.socket();
    if (!socket)
        return;
    socket->write("HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reasonPhrase(reply.status) + "\r\n");
    if (reply.activeSync)
        responder.writeHeader("MS-Server-ActiveSync", "15.1 (Skein reference server)");
    for (const auto &[name, value] : reply.headers)
        responder.writeHeader(name, value);
    responder.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
    responder.writeBody(reply.body);
}

HttpReply HttpFrontend::handle(const QHttpServerRequest &request)
{
    if (const auto fault = m_ctx.faults.takeHttpFault()) {
        HttpReply r{*fault, {}, {}};
        if (*fault == 503)
            r.headers.append(std::pair<QByteArray, QByteArray>("Retry-After", "1"));
        return r;
    }
    switch (request.method()) {
    case QHttpServerRequest::Method::Options:
        return m_eas.handleOptions(request.value("Authorization"));
    case QHttpServerRequest::Method::Post:
    {
        EasPost post{request.value("Authorization"), QUrlQuery(request.url()), request.value("MS-ASProtocolVersion"),
                     request.value("Content-Type"), request.value("X-MS-PolicyKey"), request.body()};
        post.acceptMultiPart = request.value("MS-ASAcceptMultiPart").trimmed().compare("T", Qt::CaseInsensitive) == 0;
        return m_eas.handlePost(post);
    }
    default:
        return HttpReply{405, {{"Allow", "OPTIONS,POST"}}, {}};
    }
}

HttpReply HttpFrontend::handleWeb(const QHttpServerRequest &request)
{
    const QString path = request.url().path();
    const bool identity = IdentityProvider::handles(path);
    if (!identity && !AutodiscoverHandler::handles(path))
        return HttpReply{404, {}, {}, std::nullopt, false};
    QByteArray method;
    switch (request.method()) {
    case QHttpServerRequest::Method::Get: method = "GET"; break;
    case QHttpServerRequest::Method::Post: method = "POST"; break;
    case QHttpServerRequest::Method::Head: method = "HEAD"; break;
    default: method = "OTHER"; break;
    }
    const WebRequest web{method, path, request.query(), request.value("Content-Type"), request.body(), m_base};
    const WebReply reply = identity ? IdentityProvider(m_ctx).handle(web) : AutodiscoverHandler(m_ctx).handle(web);
    return HttpReply{reply.status, reply.headers, reply.body, std::nullopt, false};
}

} // namespace skein::server
