#include "DemoServer.h"

#include "BackgroundPriority.h"
#include "DesktopApp.h"
#include "ReferenceServer.h"

#include <QHostAddress>

namespace skein::desktop {

DemoServer::DemoServer(QObject *parent)
    : DemoBackend(parent)
{
    m_thread.setObjectName(QStringLiteral("skein-demo-server"));
}

DemoServer::~DemoServer()
{
    if (m_server) {
        // Sockets and the store belong to the server thread: close them there.
        QMetaObject::invokeMethod(m_server, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_server = nullptr;
    }
    m_thread.quit();
    m_thread.wait();
}

void DemoServer::start()
{
    if (m_server)
        return;
    if (!m_dir.isValid()) {
        Q_EMIT failed(QStringLiteral("Cannot create a temporary folder for the demo server: %1").arg(m_dir.errorString()));
        return;
    }
    m_server = new server::ReferenceServer;
    m_server->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(m_server, [this] { startOnServerThread(); }, Qt::QueuedConnection);
}

// Signals emitted here are queued to receivers on the GUI thread.
void DemoServer::startOnServerThread()
{
    // It stands in for a remote server: its work must not slow the window.
    eas::yieldCpuToTheWindow();
    QString error;
    if (!m_server->open(m_dir.path(), &error)) {
        Q_EMIT failed(QStringLiteral("The demo server cannot open its store: %1").arg(error));
        return;
    }
    if (!m_server->identity().setAuthMode(m_authMode)) {
        Q_EMIT failed(QStringLiteral("The demo server does not know the sign-in mode %1.").arg(m_authMode));
        return;
    }
    if (m_server->seedDemo() <= 0) {
        Q_EMIT failed(QStringLiteral("The demo server could not create the demo mailbox."));
        return;
    }
    if (m_extraMessages > 0
        && m_server->generate(QStringLiteral("demo"), QStringLiteral("Inbox"), m_extraMessages) != m_extraMessages) {
        Q_EMIT failed(QStringLiteral("The demo server could not generate %1 messages.").arg(m_extraMessages));
        return;
    }
    if (m_server->start(QHostAddress::LocalHost, 0) == 0) {
        Q_EMIT failed(QStringLiteral("The demo server found no free port on 127.0.0.1."));
        return;
    }
    // Announced on this object's (the GUI) thread, which owns the url.
    QMetaObject::invokeMethod(this, [this, url = m_server->url()] { announceReady(url); }, Qt::QueuedConnection);
}

void DemoServer::runOnServerThread(const std::function<void(server::ReferenceServer &)> &job)
{
    if (m_server)
        QMetaObject::invokeMethod(m_server, [this, &job] { job(*m_server); }, Qt::BlockingQueuedConnection);
}

DemoServer *runDemoInProcess(DesktopApp &app)
{
    auto server = std::make_unique<DemoServer>();
    DemoServer *raw = server.get();
    app.setDemoBackend(std::move(server));
    return raw;
}

DemoServer *demoServerOf(const DesktopApp &app)
{
    return qobject_cast<DemoServer *>(app.demoBackend());
}

} // namespace skein::desktop
