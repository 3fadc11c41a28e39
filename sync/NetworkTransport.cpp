#include "NetworkTransport.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <condition_variable>
#include <utility>
#include <mutex>

namespace skein::eas {

// One request's hand-over between the engine's thread and the network thread.
struct NetworkTransport::Exchange {
    std::mutex mutex;
    std::condition_variable finished;
    bool done = false;
    int timeoutMs = 0;
    HttpResponse response;
    std::function<bool(const QByteArray &, qint64)> sink; // HttpRequest::bodySink
};

namespace {
// Pieces handed to a body sink: small enough to keep memory flat.
constexpr qint64 kStreamChunkBytes = 256 * 1024;
} // namespace

NetworkTransport::NetworkTransport()
{
    m_thread.setObjectName(QStringLiteral("skein-network"));
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(m_context, [this] {
        m_manager = new QNetworkAccessManager(m_context);
        // EAS servers answer 451 with X-MS-Location themselves; automatic
        // redirects would hide that from the session.
        m_manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    }, Qt::BlockingQueuedConnection);
}

NetworkTransport::~NetworkTransport()
{
    // The manager and any reply must die on the thread they live on.
    QMetaObject::invokeMethod(m_context, [this] {
        if (m_inFlight)
            m_inFlight->abort();
        delete m_context;
    }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

HttpResponse NetworkTransport::send(const HttpRequest &request)
{
    Q_ASSERT(QThread::currentThread() != &m_thread);
    auto exchange = std::make_shared<Exchange>();
    exchange->timeoutMs = request.timeoutMs;
    QMetaObject::invokeMethod(m_context, [this, request, exchange] { start(request, exchange); }, Qt::QueuedConnection);
    std::unique_lock lock(exchange->mutex);
    exchange->finished.wait(lock, [&] { return exchange->done; });
    return std::move(exchange->response);
}

void NetworkTransport::abort()
{
    QMetaObject::invokeMethod(m_context, [this] {
        if (m_inFlight) {
            m_inFlight->setProperty("skeinAborted", true);
            m_inFlight->abort();
        } else {
            m_abortPending = true;
        }
    }, Qt::QueuedConnection);
}

void NetworkTransport::start(const HttpRequest &request, const std::shared_ptr<Exchange> &exchange)
{
    QNetworkRequest netRequest(request.url);
    for (const auto &[name, value] : request.headers)
        netRequest.setRawHeader(name, value);
    // Counts from the last byte that moved, so a large answer still arriving
    // is not cut off; a server that accepts and never answers is.
    netRequest.setTransferTimeout(request.timeoutMs);

    QNetworkReply *reply = m_manager->sendCustomRequest(netRequest, request.method, request.body);
    m_inFlight = reply;
    if (std::exchange(m_abortPending, false) && request.interruptible) {
        // The abort came between the caller's decision to send and this start.
        reply->setProperty("skeinAborted", true);
        QMetaObject::invokeMethod(reply, [reply] { reply->abort(); }, Qt::QueuedConnection);
    }
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [exchange](const QList<QSslError> &) {
        // Never accept a certificate error silently: the reply fails and the
        // user is told (see docs/architecture.md).
        exchange->response.tlsError = true;
    });
    if (request.bodySink) {
        // A bounded buffer makes Qt's HTTP thread wait for the sink instead
        // of queueing the whole answer in memory when the disk is slower
        // than the network.
        reply->setReadBufferSize(4 * kStreamChunkBytes);
        exchange->sink = request.bodySink;
        QObject::connect(reply, &QNetworkReply::readyRead, reply, [reply, exchange] { streamBody(reply, *exchange); });
    }
    QObject::connect(reply, &QNetworkReply::finished, reply, [this, reply, exchange] { finish(reply, exchange); });
}

void NetworkTransport::streamBody(QNetworkReply *reply, Exchange &exchange)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status < 200 || status > 299 || exchange.response.sinkStopped || !reply->isOpen())
        return; // an error page is read whole by finish()
    const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
    const qint64 total = length.isValid() ? length.toLongLong() : -1;
    exchange.response.bodyStreamed = true;
    while (reply->bytesAvailable() > 0) {
        if (!exchange.sink(reply->read(kStreamChunkBytes), total)) {
            exchange.response.sinkStopped = true;
            reply->setProperty("skeinAborted", true);
            reply->abort();
            return;
        }
    }
}

void NetworkTransport::finish(QNetworkReply *reply, const std::shared_ptr<Exchange> &exchange)
{
    if (m_inFlight == reply)
        m_inFlight = nullptr;
    HttpResponse &response = exchange->response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    for (const auto &pair : reply->rawHeaderPairs())
        response.headers.append(pair);
    // An aborted or timed-out reply is closed; reading it only logs a warning.
    if (exchange->sink && reply->isOpen())
        streamBody(reply, *exchange); // what arrived with the end
    if (reply->isOpen() && !response.bodyStreamed)
        response.body = reply->readAll();
    // A streamed answer cut off after its headers still has its 200: the
    // bytes on disk would be short. It is a failed exchange.
    if (response.bodyStreamed && !response.sinkStopped && reply->error() != QNetworkReply::NoError)
        response.status = 0;
    if (response.status == 0 && !response.sinkStopped) {
        response.timedOut = reply->error() == QNetworkReply::OperationCanceledError
            && !reply->property("skeinAborted").toBool();
        response.networkError = response.timedOut
            ? QCoreApplication::translate("skein::eas::NetworkTransport", "the server did not answer within %1 seconds").arg((exchange->timeoutMs + 999) / 1000)
            : reply->errorString();
    }
    reply->deleteLater();
    {
        std::lock_guard lock(exchange->mutex);
        exchange->done = true;
    }
    exchange->finished.notify_one();
}

} // namespace skein::eas
