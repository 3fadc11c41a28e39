#pragma once

#include <QObject>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace skein::eas {

// The redirect target of a browser sign-in (RFC 8252 7.3): a TCP listener on
// 127.0.0.1 at a port the system picks. The identity provider sends the
// browser to http://127.0.0.1:PORT/?code=...&state=...; the listener answers
// the browser with a short page ("You can close this window") and reports
// the code once, if `state` is the one this sign-in sent. Answers that do not
// carry the expected state are refused and do not end the wait (they may come
// from another page trying to plant its own code). Lives on the thread that
// created it, which needs an event loop.
class LoopbackRedirectListener : public QObject
{
    Q_OBJECT
public:
    explicit LoopbackRedirectListener(QObject *parent = nullptr);

    // Starts listening; false with *error when no port could be had.
    bool listen(QString *error = nullptr);
    QUrl redirectUri() const;   // http://127.0.0.1:PORT/
    void setExpectedState(const QByteArray &state) { m_state = state; }
    void close();

Q_SIGNALS:
    void codeReceived(const QString &code);
    // The provider sent an error (e.g. access_denied: the user cancelled);
    // message is a sentence for the user.
    void signInRefused(const QString &error, const QString &message);

private:
    void onConnection();
    void onReadyRead(QTcpSocket *socket);
    void answer(QTcpSocket *socket, int status, const QString &title, const QString &text);

    QTcpServer m_server;
    QByteArray m_state;
    bool m_done = false;
};

} // namespace skein::eas
