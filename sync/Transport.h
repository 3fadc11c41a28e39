#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <functional>

namespace skein::eas {

struct HttpRequest {
    QByteArray method = "POST";
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int timeoutMs = 120000;
    // Set: the body of a 2xx answer is handed over in pieces as it arrives
    // (chunk, and the Content-Length or -1) instead of gathered in
    // HttpResponse::body, so a large download never sits whole in memory.
    // Called on the transport's thread while send() blocks the caller.
    // Returning false stops the download: send() returns at once with
    // HttpResponse::sinkStopped. Other statuses still fill body.
    std::function<bool(const QByteArray &chunk, qint64 expectedTotal)> bodySink;
    // A long wait that makes way for other work (Ping): an abort() that
    // arrives before this exchange has started still ends it, at once.
    bool interruptible = false;
};

struct HttpResponse {
    int status = 0;                  // 0 when no HTTP answer arrived
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QString networkError;            // set when the request never got an answer
    bool tlsError = false;
    bool timedOut = false;           // no answer within HttpRequest::timeoutMs
    bool bodyStreamed = false;       // the body went to HttpRequest::bodySink
    bool sinkStopped = false;        // ... which asked to stop (cancel, disk full)

    QByteArray header(const QByteArray &name) const;
};

// Carries one HTTP exchange. send() blocks the calling thread, which is
// always an engine's thread, never the GUI thread, and runs nothing else
// meanwhile (no event loop): the engine's next job waits for this answer.
// Tests substitute a fake.
class Transport
{
public:
    virtual ~Transport() = default;
    virtual HttpResponse send(const HttpRequest &request) = 0;
    // From any thread: ends the exchange in flight, if any, as if the
    // network had failed (send() returns status 0). For long waits such as
    // Ping that must make way for the user's work. With nothing in flight
    // yet, the next exchange ends at once if it is interruptible; any other
    // exchange clears that pending abort.
    virtual void abort() {}
};

} // namespace skein::eas
