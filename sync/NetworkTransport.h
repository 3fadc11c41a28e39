#pragma once

#include "Transport.h"

#include <QThread>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace skein::eas {

// QNetworkAccessManager behind the Transport interface. The manager lives on
// a network thread of its own; send() hands the request over and blocks the
// caller (an engine's thread) on a condition variable until the reply has
// finished. Unlike a local event loop, that wait dispatches nothing: no other
// job of the engine can start while a request is in flight.
class NetworkTransport final : public Transport
{
public:
    NetworkTransport();
    ~NetworkTransport() override;

    HttpResponse send(const HttpRequest &request) override;
    void abort() override;

private:
    struct Exchange;
    void start(const HttpRequest &request, const std::shared_ptr<Exchange> &exchange); // network thread
    void finish(QNetworkReply *reply, const std::shared_ptr<Exchange> &exchange);      // network thread
    static void streamBody(QNetworkReply *reply, Exchange &exchange);                   // network thread

    QThread m_thread;
    QObject *m_context = nullptr;                 // lives on m_thread
    QNetworkAccessManager *m_manager = nullptr;   // child of m_context
    QNetworkReply *m_inFlight = nullptr;          // touched on m_thread only
    bool m_abortPending = false;                  // touched on m_thread only
};

} // namespace skein::eas
