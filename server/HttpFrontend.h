#pragma once

#include "EasEndpoint.h"
#include "HttpReply.h"
#include "PingHandler.h"
#include "ServerContext.h"

#include <QHostAddress>
#include <QObject>
#include <QTimer>

#include <list>
#include <memory>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;

namespace skein::server {

// The HTTP side: listening behind the body size limit (413,
// RequestSizeGuard), HTTP fault injection, the ActiveSync path (EasEndpoint)
// with Pings that wait for changes held open here, and every other path for
// the identity provider and Autodiscover (docs/signin.md).
class HttpFrontend : public QObject
{
    Q_OBJECT
public:
    explicit HttpFrontend(ServerContext &ctx, QObject *parent = nullptr);
    ~HttpFrontend() override;

    // Returns the bound port, 0 on failure.
    quint16 listen(const QHostAddress &address, quint16 port);
    void stop();

private:
    struct PendingPing;

    HttpReply handle(const QHttpServerRequest &request);
    // The identity provider and Autodiscover (any path but the EAS one).
    HttpReply handleWeb(const QHttpServerRequest &request);
    static void send(QHttpServerResponder &responder, const HttpReply &reply);
    void deferPing(QHttpServerResponder &&responder, const PingHandler::Watch &watch);
    void pollPings();

    ServerContext &m_ctx;
    QString m_base; // http://127.0.0.1:PORT once listening
    std::unique_ptr<QHttpServer> m_http;
    EasEndpoint m_eas;
    std::list<std::unique_ptr<PendingPing>> m_pendingPings;
    QTimer m_pingTimer;
};

} // namespace skein::server
