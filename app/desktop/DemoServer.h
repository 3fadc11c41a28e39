#pragma once

#include <QObject>
#include <QTemporaryDir>
#include <QThread>
#include <QUrl>

#include <functional>

namespace skein::server {
class ReferenceServer;
}

namespace skein::desktop {

// The reference server with the demo mailbox (user demo, password demo) in a
// fresh temporary folder, listening on a free loopback port. It runs on its
// own thread: the server answers while the GUI thread paints and while the
// sync thread blocks on a request to it.
class DemoServer : public QObject
{
    Q_OBJECT
public:
    explicit DemoServer(QObject *parent = nullptr);
    ~DemoServer() override; // stops the server on its thread, then the thread

    // Before start(): "basic", "oauth" or "both" (ReferenceServer::setAuthMode).
    void setAuthMode(const QString &mode) { m_authMode = mode; }
    // Before start(): that many generated messages added to the demo Inbox.
    void setExtraMessages(int count) { m_extraMessages = count; }
    // Opens, seeds and starts the server on its thread; answers with ready or failed.
    void start();
    QUrl url() const { return m_url; } // valid once ready
    QUrl baseUrl() const { return m_url.adjusted(QUrl::RemovePath); } // Autodiscover and sign-in BASE

    // Runs `job` on the server's thread and waits for it (tests: fault knobs, dumps).
    void runOnServerThread(const std::function<void(server::ReferenceServer &)> &job);

Q_SIGNALS:
    void ready(const QUrl &url);
    void failed(const QString &reason);

private:
    void startOnServerThread(); // runs on m_thread
    void onReady(const QUrl &url);

    QTemporaryDir m_dir;
    QThread m_thread;
    server::ReferenceServer *m_server = nullptr; // lives on m_thread
    QUrl m_url;
    QString m_authMode = QStringLiteral("both");
    int m_extraMessages = 0;
};

} // namespace skein::desktop
