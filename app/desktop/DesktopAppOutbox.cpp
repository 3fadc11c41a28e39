// DesktopApp: the Outbox folder view's Send Now, and what the engine says
// about each message it sends (issue 11 parts 3 and 5).
#include "DesktopApp.h"

#include "MainWindow.h"
#include "SyncEngine.h"

namespace skein::desktop {

void DesktopApp::wireWindowOutbox()
{
    connect(m_window.get(), &ui::MainWindow::outboxSendNowRequested, this, [this] {
        if (m_engine)
            m_engine->replayNow();
        else
            m_window->showNotice(tr("Skein is not connected to a server yet; the messages keep waiting."));
    });
}

void DesktopApp::wireEngineOutbox()
{
    ui::MainWindow *window = m_window.get();
    eas::SyncEngine *engine = m_engine.get();
    connect(engine, &eas::SyncEngine::outboxChanged, window, &ui::MainWindow::outboxChanged);
    // A refusal is told in the banner (DesktopApp::onSendFailed).
}

} // namespace skein::desktop
