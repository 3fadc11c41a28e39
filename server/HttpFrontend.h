#pragma once

#include "EasRequest.h"
#include "PingHandler.h"
#include "ServerContext.h"

#include <QHostAddress>
#include <QObject>
#include <QTimer>
#include <QUrlQuery>

#include <list>
#include <memory>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;

namespace skein::server {

class ProvisionHandler;

// The HTTP side of [MS-ASHTTP]: the body size limit (413, RequestSizeGuard),
// OPTIONS, Basic and Bearer auth (EasAuthenticator), query and version checks, WBXML decoding (malformed
// or a 0x00 in a text value -> 400), the provisioning gate (142 / HTTP 449
// for 12.1), fault injection, and dispatch to the command handlers. Other
// paths go to the identity provider and Autodiscover (docs/signin.md).
class HttpFrontend : public QObject
{
    Q_OBJECT
public:
    explicit HttpFrontend(ServerContext &ctx, QObject *parent = nullptr);
    ~HttpFrontend() override;

    // Returns the bound port, 0 on failure.
    quint16 listen(const QHostAddress &address, quint16 port);
    void stop();

    static const QList<QByteArray> &supportedVersions();
    static QByteArray supportedCommands();

    struct Reply {
        int status = 200;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;
        std::optional<PingHandler::Watch> wait; // a Ping that waits for changes
        bool activeSync = true; // false: identity provider or Autodiscover, no MS-Server-ActiveSync header
    };

    // What handlePost reads of a POST, apart from HTTP itself.
    struct Post {
        QByteArray authorization;   // Authorization header
        QUrlQuery query;            // Cmd, DeviceId, DeviceType, ...
        QByteArray protocolVersion; // MS-ASProtocolVersion header
        QByteArray contentType;
        QByteArray policyKey;       // X-MS-PolicyKey header
        QByteArray body;
        bool acceptMultiPart = false; // MS-ASAcceptMultiPart: T ([MS-ASCMD] 2.2.1.10)
    };
    // Everything a POST goes through after HTTP: authentication, checks,
    // decoding, the provisioning gate and the command. Public so the fuzz
    // target (tests/fuzz) drives this path without a socket.
    Reply handlePost(const Post &post);

private:
    struct PendingPing;

    Reply handle(const QHttpServerRequest &request);
    // The identity provider and Autodiscover (any path but the EAS one).
    Reply handleWeb(const QHttpServerRequest &request);
    Reply dispatch(EasRequest &request);
    static void send(QHttpServerResponder &responder, const Reply &reply);
    static Reply documentReply(const wbxml::Element &document);
    // application/vnd.ms-sync.multipart: the WBXML document as part 0, then `parts`.
    static Reply multipartReply(const wbxml::Element &document, const QList<QByteArray> &parts);
    void deferPing(QHttpServerResponder &&responder, const PingHandler::Watch &watch);
    void pollPings();

    ServerContext &m_ctx;
    QString m_base; // http://127.0.0.1:PORT once listening
    std::unique_ptr<QHttpServer> m_http;
    std::unique_ptr<ProvisionHandler> m_provision;
    PingHandler m_ping;
    std::list<std::unique_ptr<PendingPing>> m_pendingPings;
    QTimer m_pingTimer;
};

} // namespace skein::server
