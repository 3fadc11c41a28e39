#pragma once

#include "DemoBackend.h"

#include <QTemporaryDir>
#include <QThread>

#include <functional>

namespace skein::server {
class ReferenceServer;
}

namespace skein::desktop {

class DesktopApp;

// For GUI tests: the reference server with the demo mailbox (user demo,
// password demo) in this process, so a test can reach into its state
// (runOnServerThread). The shipped app runs skein-server as a child
// process instead (DemoServerProcess). It runs on its own thread: the
// server answers while the GUI thread paints and while the sync thread
// blocks on a request to it.
class DemoServer : public DemoBackend
{
    Q_OBJECT
public:
    explicit DemoServer(QObject *parent = nullptr);
    ~DemoServer() override; // stops the server on its thread, then the thread

    // Opens, seeds and starts the server on its thread; answers with ready or failed.
    void start() override;

    // Runs `job` on the server's thread and waits for it (tests: fault knobs, dumps).
    void runOnServerThread(const std::function<void(server::ReferenceServer &)> &job);

private:
    void startOnServerThread(); // runs on m_thread

    QTemporaryDir m_dir;
    QThread m_thread;
    server::ReferenceServer *m_server = nullptr; // lives on m_thread
};

// Makes `app`'s demo mode use a DemoServer (call it before app.start()).
DemoServer *runDemoInProcess(DesktopApp &app);
// The DemoServer runDemoInProcess gave `app`.
DemoServer *demoServerOf(const DesktopApp &app);

} // namespace skein::desktop
