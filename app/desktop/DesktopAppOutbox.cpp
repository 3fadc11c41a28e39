// DesktopApp: the Outbox folder view's Send Now, and what the engine says
// about each message it sends (issue 11 parts 3 and 5).
#include "DesktopApp.h"

#include "CentrePages.h"
#include "MainWindow.h"
#include "OutboxView.h"
#include "StatusArea.h"
#include "SyncEngine.h"

namespace skein::desktop {

void DesktopApp::wireWindowOutbox()
{
    connect(m_window->panes().pages->outboxView(), &ui::OutboxView::sendNowRequested, this, [this] {
        if (eas::SyncEngine *engine = this->engine())
            engine->replayNow();
        else
            m_window->panes().status->showNotice(
                tr("Skein is not connected to a server yet; the messages keep waiting."));
    });
}

void DesktopApp::linkEngineOutbox(AccountSession *session)
{
    ui::MainWindow *window = m_window.get();
    connect(session->engine(), &eas::SyncEngine::outboxChanged, session->windowLink.data(),
            [window](qint64 entryId) { window->outboxChanged(entryId); });
    // A refusal is told in the banner (DesktopApp::onSendFailed).
}

} // namespace skein::desktop
