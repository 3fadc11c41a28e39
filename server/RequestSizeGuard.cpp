#include "RequestSizeGuard.h"

#include <QTcpSocket>
#include <QTimer>

#include <limits>

namespace skein::server {

namespace {

struct RequestHead {
    qint64 contentLength = -1; // -1: none
    bool chunked = false;
};

// Just past the blank line that ends the head, or -1. Like QHttpServer,
// CRLF and bare LF line ends are both accepted.
qsizetype headEnd(const QByteArray &head)
{
    for (qsizetype i = head.indexOf('\n'); i >= 0; i = head.indexOf('\n', i + 1)) {
        if (i + 1 < head.size() && head.at(i + 1) == '\n')
            return i + 2;
        if (i + 2 < head.size() && head.at(i + 1) == '\r' && head.at(i + 2) == '\n')
            return i + 3;
    }
    return -1;
}

// The header fields QHttpServer 6.4 sizes a body by: the first
// Content-Length, and Transfer-Encoding containing "chunked".
RequestHead parseHead(const QByteArray &head)
{
    RequestHead out;
    const QList<QByteArray> lines = head.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) { // line 0 is the request line
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length" && out.contentLength < 0) {
            bool ok = false;
            const qulonglong n = value.toULongLong(&ok);
            if (ok)
                out.contentLength = qint64(qMin<qulonglong>(n, std::numeric_limits<qint64>::max()));
        } else if (name == "transfer-encoding" && value.toLower().contains("chunked")) {
            out.chunked = true;
        }
    }
    return out;
}

// What QHttpServer skips before a request line.
bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v';
}

QByteArray reasonPhrase(int status)
{
    return status == 431 ? "Request Header Fields Too Large" : "Payload Too Large";
}

// Watches one connection, request by request; a child of its socket.
class RequestWatch : public QObject
{
public:
    RequestWatch(QTcpSocket *socket, std::function<qint64()> maxBodyBytes, QPointer<QObject> http)
        : QObject(socket), m_socket(socket), m_maxBodyBytes(std::move(maxBodyBytes)), m_http(std::move(http))
    {
        connect(socket, &QTcpSocket::readyRead, this, &RequestWatch::inspect);
    }

private:
    void inspect();
    void startRequest();
    void refuse(int status, const QByteArray &why);

    QTcpSocket *m_socket;
    std::function<qint64()> m_maxBodyBytes;
    QPointer<QObject> m_http;
    QByteArray m_head;       // the current request's head, as far as it came
    qint64 m_skipped = 0;    // blank lines before the request line (QHttpServer skips them)
    qint64 m_headBytes = -1; // -1 until the head is complete
    qint64 m_seen = 0;       // bytes of the current request the socket offered
    bool m_chunked = false;
    bool m_refused = false;
};

void RequestWatch::startRequest()
{
    m_head.clear();
    m_skipped = 0;
    m_headBytes = -1;
    m_seen = 0;
    m_chunked = false;
}

void RequestWatch::inspect()
{
    if (m_refused) {
        m_socket->skip(m_socket->bytesAvailable()); // dropped, never buffered
        return;
    }
    // QHttpServer reads a request inside a read transaction of the socket and
    // commits it when the request is complete: without one, a request starts
    // here. Within a request it reads all the socket offers on every
    // readyRead (that slot runs after this one), so each byte is seen once.
    if (!m_socket->isTransactionStarted())
        startRequest();
    const qint64 available = m_socket->bytesAvailable();
    m_seen += available;
    const qint64 limit = m_maxBodyBytes();

    if (m_headBytes < 0) {
        QByteArray more = m_socket->peek(qMin(available, RequestSizeGuard::kMaxHeadBytes - m_head.size()));
        if (m_head.isEmpty()) {
            qsizetype blank = 0;
            while (blank < more.size() && isBlank(more.at(blank)))
                ++blank;
            m_skipped += blank;
            more.remove(0, blank);
        }
        m_head += more;
        const qsizetype end = headEnd(m_head);
        if (end < 0) {
            if (m_head.size() >= RequestSizeGuard::kMaxHeadBytes)
                refuse(431, "request line and headers over " + QByteArray::number(RequestSizeGuard::kMaxHeadBytes)
                                + " bytes");
            return;
        }
        m_headBytes = m_skipped + end;
        const RequestHead head = parseHead(m_head.left(end));
        m_chunked = head.chunked; // neither: no body
        if (head.contentLength > limit) {
            refuse(413, "request body of " + QByteArray::number(head.contentLength) + " bytes is over the limit of "
                            + QByteArray::number(limit) + " bytes");
            return;
        }
    }
    if (m_chunked && m_seen - m_headBytes > limit)
        refuse(413, "request body over the limit of " + QByteArray::number(limit) + " bytes");
}

void RequestWatch::refuse(int status, const QByteArray &why)
{
    m_refused = true;
    if (m_http)
        disconnect(m_socket, &QTcpSocket::readyRead, m_http, nullptr); // QHttpServer reads no more of it
    if (m_socket->isTransactionStarted())
        m_socket->rollbackTransaction();
    m_socket->skip(m_socket->bytesAvailable());
    const QByteArray body = why + '\n';
    m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
                    + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " + QByteArray::number(body.size())
                    + "\r\nConnection: close\r\n\r\n" + body);
    // Closing while the client still sends would reset the connection, and
    // the client might never read the answer: drop what comes until it
    // closes, or for kLingerMs.
    QTimer::singleShot(RequestSizeGuard::kLingerMs, m_socket, [socket = m_socket] { socket->disconnectFromHost(); });
}

} // namespace

RequestSizeGuard::RequestSizeGuard(std::function<qint64()> maxBodyBytes, QObject *parent)
    : QTcpServer(parent), m_maxBodyBytes(std::move(maxBodyBytes))
{
}

void RequestSizeGuard::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    // QHttpServer writes a reply's headers and body separately: without
    // TCP_NODELAY the body waits for the client's delayed ACK (~40 ms a reply).
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    // Connected before addPendingConnection() hands the socket to
    // QHttpServer, so the watch sees every readyRead first.
    new RequestWatch(socket, m_maxBodyBytes, m_http);
    addPendingConnection(socket);
}

} // namespace skein::server
