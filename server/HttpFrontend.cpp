#include "HttpFrontend.h"

#include "GetAttachmentHandler.h"

#include <QtEndian>

#include "AutodiscoverHandler.h"
#include "ComposeHandler.h"
#include "EasAuthenticator.h"
#include "IdentityProvider.h"
#include "EstimateHandler.h"
#include "FolderSyncHandler.h"
#include "ItemOperationsHandler.h"
#include "ProvisionHandler.h"
#include "RequestSizeGuard.h"
#include "SearchHandler.h"
#include "SyncHandler.h"

#include <EasTags.h>
#include <WbxmlCodec.h>

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QElapsedTimer>
#include <QPointer>
#include <QRegularExpression>
#include <QThread>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>

namespace skein::server {

namespace tag = wbxml::tag;

namespace {

const QByteArray kPath = "/Microsoft-Server-ActiveSync";
const QByteArray kWbxml = "application/vnd.ms-sync.wbxml";

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

// Root and Status tags for a top-level status answer of each command.
std::optional<std::pair<wbxml::Tag, wbxml::Tag>> statusTags(const QString &command)
{
    if (command == QLatin1String("Sync"))
        return std::pair{tag::AirSync::Sync, tag::AirSync::Status};
    if (command == QLatin1String("FolderSync"))
        return std::pair{tag::FolderHierarchy::FolderSync, tag::FolderHierarchy::Status};
    if (command == QLatin1String("GetItemEstimate"))
        return std::pair{tag::GetItemEstimate::GetItemEstimate, tag::GetItemEstimate::Status};
    if (command == QLatin1String("ItemOperations"))
        return std::pair{tag::ItemOperations::ItemOperations, tag::ItemOperations::Status};
    if (command == QLatin1String("MoveItems"))
        return std::pair{tag::Move::MoveItems, tag::Move::Status};
    if (command == QLatin1String("Settings"))
        return std::pair{tag::Settings::Settings, tag::Settings::Status};
    if (command == QLatin1String("Ping"))
        return std::pair{tag::Ping::Ping, tag::Ping::Status};
    if (command == QLatin1String("Search"))
        return std::pair{tag::Search::Search, tag::Search::Status};
    if (command == QLatin1String("SendMail"))
        return std::pair{tag::ComposeMail::SendMail, tag::ComposeMail::Status};
    if (command == QLatin1String("SmartReply"))
        return std::pair{tag::ComposeMail::SmartReply, tag::ComposeMail::Status};
    if (command == QLatin1String("SmartForward"))
        return std::pair{tag::ComposeMail::SmartForward, tag::ComposeMail::Status};
    return std::nullopt;
}

bool isComposeCommand(const QString &command)
{
    return command == QLatin1String("SendMail") || command == QLatin1String("SmartReply")
        || command == QLatin1String("SmartForward");
}

// A 0x00 byte only arrives in OPAQUE data. The elements the tag table lets
// carry OPAQUE (ConversationId, Mime, ...) are bytes and may hold it; every
// other value is text, which cannot: U+0000 is no XML character and STR_I
// ends at it, so an answer echoing the value (a ServerId, a SyncKey, ...)
// could not be encoded. The encoder is the judge of which is which. Unknown
// elements are never read, so never echoed.
const wbxml::Element *nulInText(const wbxml::Element &e)
{
    if (e.isKnown() && e.data().contains('\0')) {
        wbxml::Element alone(e.tag());
        alone.setOpaque(e.data());
        if (!wbxml::encode(alone).ok())
            return &e;
    }
    for (const wbxml::Element &child : e.children())
        if (const wbxml::Element *found = nulInText(child))
            return found;
    return nullptr;
}

bool nulInQuery(const QHash<QString, QString> &query)
{
    for (const QString &value : query)
        if (value.contains(QChar(0)))
            return true;
    return false;
}

} // namespace

struct HttpFrontend::PendingPing {
    QHttpServerResponder responder;
    QPointer<QTcpSocket> socket;
    PingHandler::Watch watch;
    QElapsedTimer elapsed;
};

HttpFrontend::HttpFrontend(ServerContext &ctx, QObject *parent)
    : QObject(parent), m_ctx(ctx), m_provision(std::make_unique<ProvisionHandler>(ctx.store)), m_ping(ctx)
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
        const QStringList changed = m_ping.changedFolders(p.watch);
        if (!changed.isEmpty())
            send(p.responder, documentReply(PingHandler::answer(2, changed)));
        else if (p.elapsed.elapsed() >= qint64(p.watch.heartbeatSeconds) * 1000)
            send(p.responder, documentReply(PingHandler::answer(1)));
        else {
            ++it;
            continue;
        }
        it = m_pendingPings.erase(it);
    }
    if (m_pendingPings.empty())
        m_pingTimer.stop();
}

HttpFrontend::Reply HttpFrontend::documentReply(const wbxml::Element &document)
{
    const wbxml::EncodeResult encoded = wbxml::encode(document);
    if (!encoded.ok()) {
        qWarning("skein-server: cannot encode a response: %s", qPrintable(encoded.error));
        return Reply{500, {}, {}, std::nullopt};
    }
    return Reply{200, {{"Content-Type", kWbxml}}, encoded.bytes, std::nullopt};
}

const QList<QByteArray> &HttpFrontend::supportedVersions()
{
    static const QList<QByteArray> versions{"12.1", "14.0", "14.1", "16.0", "16.1"};
    return versions;
}

QByteArray HttpFrontend::supportedCommands()
{
    return "Sync,SendMail,SmartForward,SmartReply,FolderSync,GetItemEstimate,ItemOperations,MoveItems,Ping,"
           "Provision,Search,Settings";
}

quint16 HttpFrontend::listen(const QHostAddress &address, quint16 port)
{
    stop();
    m_http = std::make_unique<QHttpServer>();
    m_http->route(QString::fromLatin1(kPath), [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        Reply reply = handle(request);
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

void HttpFrontend::send(QHttpServerResponder &responder, const Reply &reply)
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

HttpFrontend::Reply HttpFrontend::handle(const QHttpServerRequest &request)
{
    if (const auto fault = m_ctx.faults.takeHttpFault()) {
        Reply r{*fault, {}, {}};
        if (*fault == 503)
            r.headers.append(std::pair<QByteArray, QByteArray>("Retry-After", "1"));
        return r;
    }
    switch (request.method()) {
    case QHttpServerRequest::Method::Options:
        // Clients learn the accepted schemes from this 401 (docs/signin.md).
        if (const auto auth = EasAuthenticator(m_ctx, m_base).authenticateOptions(request.value("Authorization"));
            !auth.user)
            return Reply{401, auth.challenges, {}};
        return Reply{200,
                     {{"Allow", "OPTIONS,POST"},
                      {"Public", "OPTIONS,POST"},
                      {"MS-ASProtocolVersions", supportedVersions().join(',')},
                      {"MS-ASProtocolCommands", supportedCommands()}},
                     {}};
    case QHttpServerRequest::Method::Post:
    {
        Post post{request.value("Authorization"), QUrlQuery(request.url()), request.value("MS-ASProtocolVersion"),
                  request.value("Content-Type"), request.value("X-MS-PolicyKey"), request.body()};
        post.acceptMultiPart = request.value("MS-ASAcceptMultiPart").trimmed().compare("T", Qt::CaseInsensitive) == 0;
        return handlePost(post);
    }
    default:
        return Reply{405, {{"Allow", "OPTIONS,POST"}}, {}};
    }
}

HttpFrontend::Reply HttpFrontend::handleWeb(const QHttpServerRequest &request)
{
    const QString path = request.url().path();
    const bool identity = IdentityProvider::handles(path);
    if (!identity && !AutodiscoverHandler::handles(path))
        return Reply{404, {}, {}, std::nullopt, false};
    QByteArray method;
    switch (request.method()) {
    case QHttpServerRequest::Method::Get: method = "GET"; break;
    case QHttpServerRequest::Method::Post: method = "POST"; break;
    case QHttpServerRequest::Method::Head: method = "HEAD"; break;
    default: method = "OTHER"; break;
    }
    const WebRequest web{method, path, request.query(), request.value("Content-Type"), request.body(), m_base};
    const WebReply reply = identity ? IdentityProvider(m_ctx).handle(web) : AutodiscoverHandler(m_ctx).handle(web);
    return Reply{reply.status, reply.headers, reply.body, std::nullopt, false};
}

HttpFrontend::Reply HttpFrontend::handlePost(const Post &post)
{
    // Basic and/or Bearer, as --auth says. The User query parameter is not
    // read: the credentials name the user.
    const EasAuthenticator::Outcome auth = EasAuthenticator(m_ctx, m_base).authenticate(post.authorization);
    if (!auth.user)
        return Reply{401, auth.challenges, {}};
    const auto &user = auth.user;

    const QUrlQuery &query = post.query;
    EasRequest eas;
    eas.user = *user;
    eas.command = query.queryItemValue(QStringLiteral("Cmd"));
    eas.deviceId = query.queryItemValue(QStringLiteral("DeviceId"));
    eas.deviceType = query.queryItemValue(QStringLiteral("DeviceType"));
    eas.acceptMultiPart = post.acceptMultiPart;
    static const QRegularExpression deviceIdRule(QStringLiteral("^[A-Za-z0-9]{1,32}$"));
    if (eas.command.isEmpty() || !deviceIdRule.match(eas.deviceId).hasMatch() || eas.deviceType.isEmpty())
        return Reply{400, {}, "missing or invalid Cmd, DeviceId or DeviceType\n"};

    const QByteArray version = post.protocolVersion.trimmed();
    if (!supportedVersions().contains(version))
        return Reply{400, {{"MS-ASProtocolVersions", supportedVersions().join(',')}}, "unsupported MS-ASProtocolVersion\n"};
    eas.version = qRound(version.toDouble() * 10);

    const QByteArray &body = post.body;
    // RequestSizeGuard refuses larger bodies before QHttpServer reads them;
    // this only catches a head the two read differently.
    if (body.size() > m_ctx.maxRequestBytes)
        return Reply{413, {}, "request body over the limit\n"};
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded))
        eas.query.insert(key, value);
    // 12.x SendMail & co. post the message itself, not WBXML.
    eas.isRawMime = isComposeCommand(eas.command)
        && (post.contentType.trimmed().toLower().startsWith("message/rfc822") || eas.version < 140);
    if (eas.isRawMime) {
        eas.rawMime = body;
    } else if (!body.isEmpty()) {
        wbxml::DecodeResult decodedBody = wbxml::decode(body);
        if (!decodedBody.ok())
            return Reply{400, {}, "malformed WBXML: " + decodedBody.error.toUtf8() + '\n'};
        eas.body = std::move(decodedBody.root);
    }
    // Refused before any command runs, so no command applies part of the
    // request and then fails to encode its answer (a bare 500). HTTP 400 at
    // every version, like undecodable WBXML, rather than 14.0+'s common
    // status 103 InvalidXML: docs/protocol.md.
    if (nulInQuery(eas.query))
        return Reply{400, {}, "a query value holds a 0x00 byte\n"};
    if (const wbxml::Element *bad = eas.body ? nulInText(*eas.body) : nullptr)
        return Reply{400, {}, QStringLiteral("the text of element page %1 token 0x%2 holds a 0x00 byte\n")
                                   .arg(bad->tag().page)
                                   .arg(bad->tag().token, 2, 16, QLatin1Char('0'))
                                   .toUtf8()};

    if (eas.command != QLatin1String("Provision") && eas.command != QLatin1String("Ping")
        && !m_provision->isProvisioned(eas, QString::fromLatin1(post.policyKey))) {
        if (eas.version < 140)
            return Reply{449, {}, {}};
        if (const auto tags = statusTags(eas.command)) {
            wbxml::Element root(tags->first);
            root.add(tags->second, "142");
            return documentReply(root);
        }
    }
    return dispatch(eas);
}

namespace {

bool containsTag(const wbxml::Element &e, wbxml::Tag wanted)
{
    if (e.is(wanted))
        return true;
    for (const wbxml::Element &child : e.children())
        if (containsTag(child, wanted))
            return true;
    return false;
}

// PeerQuirks: what SOGo 5.8 answers with a bare HTTP 500 before doing anything.
bool refusedByPeerQuirks(const PeerQuirks &quirks, const EasRequest &request)
{
    if (!request.body)
        return false;
    if (quirks.refuseConversationMove && request.command == QLatin1String("ItemOperations"))
        return request.body->has(tag::ItemOperations::Move);
    if (quirks.refuseConversationSearch && request.command == QLatin1String("Search"))
        return containsTag(*request.body, tag::Search::ConversationId);
    return false;
}

} // namespace

HttpFrontend::Reply HttpFrontend::dispatch(EasRequest &request)
{
    HandlerResult result = HandlerResult::http(501);
    const QString &cmd = request.command;
    if (refusedByPeerQuirks(m_ctx.quirks, request))
        result = HandlerResult::http(500);
    else if (cmd == QLatin1String("Provision"))
        result = m_provision->handle(request);
    else if (cmd == QLatin1String("Settings"))
        result = ProvisionHandler::settings(request);
    else if (cmd == QLatin1String("FolderSync"))
        result = FolderSyncHandler(m_ctx.store).handle(request);
    else if (cmd == QLatin1String("Sync"))
        result = SyncHandler(m_ctx).handle(request);
    else if (cmd == QLatin1String("GetItemEstimate"))
        result = EstimateHandler(m_ctx).handle(request);
    else if (cmd == QLatin1String("ItemOperations"))
        result = ItemOperationsHandler(m_ctx).handle(request);
    else if (cmd == QLatin1String("MoveItems"))
        result = ItemOperationsHandler(m_ctx).moveItems(request);
    else if (cmd == QLatin1String("Search"))
        result = SearchHandler(m_ctx).handle(request);
    else if (isComposeCommand(cmd))
        result = ComposeHandler(m_ctx).handle(request);
    else if (cmd == QLatin1String("GetAttachment")) {
        const AttachmentDownload download = getAttachment(m_ctx, request);
        return Reply{download.httpStatus, {{"Content-Type", download.contentType}}, download.body, std::nullopt};
    }
    else if (cmd == QLatin1String("Ping")) {
        PingHandler::Watch watch;
        result = m_ping.start(request, &watch);
        if (!result.document && watch.userId)
            return Reply{200, {}, {}, watch};
    }

    // A fault for client tests: the request is done, its answer comes late
    // (like a slow link or a proxy holding it); the server waits meanwhile.
    if (const std::optional<int> holdMs = m_ctx.faults.takeHold(cmd))
        QThread::msleep(ulong(*holdMs));
    if (!result.document)
        return Reply{result.httpStatus, {}, {}, std::nullopt};
    if (!result.parts.isEmpty())
        return multipartReply(*result.document, result.parts);
    return documentReply(*result.document);
}

HttpFrontend::Reply HttpFrontend::multipartReply(const wbxml::Element &document, const QList<QByteArray> &parts)
{
    Reply reply = documentReply(document);
    if (reply.status != 200)
        return reply;
    // [MS-ASCMD] 2.2.2.10.1: PartsCount, then Offset and Length of each part
    // (32-bit little-endian, offsets from the start of the body), then the parts.
    QList<QByteArray> all = {reply.body};
    all += parts;
    auto le32 = [](qint64 v) {
        QByteArray b(4, '\0');
        qToLittleEndian(qint32(v), b.data());
        return b;
    };
    QByteArray body = le32(all.size());
    qint64 offset = 4 + 8 * qint64(all.size());
    for (const QByteArray &part : all) {
        body += le32(offset) + le32(part.size());
        offset += part.size();
    }
    for (const QByteArray &part : all)
        body += part;
    return Reply{200, {{"Content-Type", "application/vnd.ms-sync.multipart"}}, body, std::nullopt};
}

} // namespace skein::server
