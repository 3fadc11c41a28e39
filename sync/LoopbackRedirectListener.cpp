#include "LoopbackRedirectListener.h"

#include <QLoggingCategory>
#include <QTcpSocket>
#include <QUrlQuery>

Q_DECLARE_LOGGING_CATEGORY(lcOAuth)

namespace skein::eas {

namespace {

// A browser's request line and headers fit in far less; more is not a browser.
constexpr qsizetype kMaxRequestBytes = 16 * 1024;

QString htmlEscape(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace

LoopbackRedirectListener::LoopbackRedirectListener(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &LoopbackRedirectListener::onConnection);
}

bool LoopbackRedirectListener::listen(QString *error)
{
    // 127.0.0.1, not "localhost": Microsoft and RFC 8252 8.3 recommend the
    // literal address so that no name resolution can send the code elsewhere.
    if (m_server.listen(QHostAddress::LocalHost, 0))
        return true;
    if (error)
        *error = tr("Could not listen for the browser's answer: %1").arg(m_server.errorString());
    return false;
}

QUrl LoopbackRedirectListener::redirectUri() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_server.serverPort()));
}

void LoopbackRedirectListener::close()
{
    m_server.close();
}

void LoopbackRedirectListener::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
    }
}

void LoopbackRedirectListener::onReadyRead(QTcpSocket *socket)
{
    QByteArray buffer = socket->property("skeinBuffer").toByteArray() + socket->readAll();
    if (buffer.size() > kMaxRequestBytes) {
        socket->abort();
        return;
    }
    const qsizetype headersEnd = buffer.indexOf("\r\n\r\n");
    if (headersEnd < 0) {
        socket->setProperty("skeinBuffer", buffer);
        return; // the rest of the request is still on its way
    }
    const QList<QByteArray> requestLine = buffer.left(buffer.indexOf("\r\n")).split(' ');
    if (requestLine.size() < 2 || requestLine.at(0) != "GET") {
        answer(socket, 405, tr("Not here"), tr("Skein only expects its sign-in answer here."));
        return;
    }
    const QUrl target(QString::fromLatin1(requestLine.at(1)));
    if (target.path() != QLatin1String("/")) {
        answer(socket, 404, tr("Not here"), tr("Skein only expects its sign-in answer here."));
        return;
    }
    const QUrlQuery query(target);
    const QString state = query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
    if (m_done || state.toLatin1() != m_state || m_state.isEmpty()) {
        qCWarning(lcOAuth) << "Refused a sign-in answer whose state does not match this sign-in";
        answer(socket, 400, tr("Sign-in not accepted"),
               tr("This answer does not belong to the sign-in Skein started. Go back to Skein."));
        return;
    }
    const QString error = query.queryItemValue(QStringLiteral("error"), QUrl::FullyDecoded);
    const QString code = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    if (!error.isEmpty() || code.isEmpty()) {
        m_done = true;
        const QString message = error == QLatin1String("access_denied")
            ? tr("The sign-in was cancelled or refused in the browser.")
            : tr("The sign-in failed in the browser (%1).").arg(error.isEmpty() ? tr("no code") : error);
        answer(socket, 200, tr("Sign-in not completed"), tr("%1 You can close this window.").arg(message));
        close();
        Q_EMIT signInRefused(error, message);
        return;
    }
    m_done = true;
    answer(socket, 200, tr("Signed in"),
           tr("Skein received your sign-in. You can close this window."));
    close();
    Q_EMIT codeReceived(code);
}

void LoopbackRedirectListener::answer(QTcpSocket *socket, int status, const QString &title, const QString &text)
{
    const QByteArray reason = status == 200 ? "OK" : status == 400 ? "Bad Request" : status == 404 ? "Not Found"
                                                                                                    : "Method Not Allowed";
    const QByteArray body = QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%1</title></head>"
                                           "<body><h1>%1</h1><p>%2</p></body></html>")
                                .arg(htmlEscape(title), htmlEscape(text))
                                .toUtf8();
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n"
                  "Content-Type: text/html; charset=utf-8\r\n"
                  "Cache-Control: no-store\r\n"
                  "Connection: close\r\n"
                  "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    socket->disconnectFromHost();
}

} // namespace skein::eas
