#pragma once

#include <QPointer>
#include <QTcpServer>

#include <functional>

namespace skein::server {

// The listening socket HttpFrontend hands to QHttpServer::bind(), to refuse
// oversized requests before QHttpServer holds them in memory.
//
// QtHttpServer 6.4 has no size limit and calls no handler before a request
// is complete: it reads the whole body inside a read transaction of the
// socket (which keeps every byte in the socket's buffer until the request
// is done) and copies it into its own body buffer, so a 200 MB POST costs
// several hundred MB before HttpFrontend sees it. Each connection accepted
// here therefore gets a watcher whose readyRead slot runs before
// QHttpServer's (it is connected first) and only peeks:
//  - a declared Content-Length over the limit gets 413 at once, the body
//    unread;
//  - a body without Content-Length (chunked) gets 413 once more than the
//    limit has arrived (counted from what the socket offers: QHttpServer
//    may by then hold about twice that, its socket buffer and its copy);
//  - a request head (request line and headers) over kMaxHeadBytes without
//    its end gets 431.
// A refused connection is cut off from QHttpServer, its answer carries
// "Connection: close", what the client still sends is read and dropped (so
// the client can read the answer instead of meeting a reset), and it is
// closed when the client closes, or kLingerMs later.
class RequestSizeGuard : public QTcpServer
{
public:
    static constexpr qint64 kMaxHeadBytes = 64 * 1024;
    static constexpr int kLingerMs = 5000;

    // maxBodyBytes is asked for every request, so a new limit applies at once.
    explicit RequestSizeGuard(std::function<qint64()> maxBodyBytes, QObject *parent = nullptr);

    // The QHttpServer this is bound to: refused connections are cut off from it.
    void setHttpServer(QObject *http) { m_http = http; }

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    std::function<qint64()> m_maxBodyBytes;
    QPointer<QObject> m_http;
};

} // namespace skein::server
