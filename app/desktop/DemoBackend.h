#pragma once

#include <QObject>
#include <QUrl>

namespace skein::desktop {

// Where demo mode's reference server runs. The shipped app starts the
// skein-server executable (DemoServerProcess); GUI tests that reach into the
// server's state run one in their own process instead.
class DemoBackend : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Before start(): "basic", "oauth" or "both" (skein-server --auth).
    void setAuthMode(const QString &mode) { m_authMode = mode; }
    // Before start(): that many generated messages added to the demo Inbox.
    void setExtraMessages(int count) { m_extraMessages = count; }
    // Starts the server with the demo mailbox (user demo, password demo) on
    // a free loopback port; answers with ready or failed, never both.
    virtual void start() = 0;

    QUrl url() const { return m_url; } // valid once ready
    QUrl baseUrl() const { return m_url.adjusted(QUrl::RemovePath); } // Autodiscover and sign-in BASE

Q_SIGNALS:
    void ready(const QUrl &url);
    void failed(const QString &reason);

protected:
    // Implementations call it once the server answers at `url`.
    void announceReady(const QUrl &url)
    {
        m_url = url;
        Q_EMIT ready(url);
    }

    QString m_authMode = QStringLiteral("both");
    int m_extraMessages = 0;

private:
    QUrl m_url;
};

} // namespace skein::desktop
