// DesktopApp: what the window's conversation actions need from the engine
// (send the journal, report refusals, find, fetch attachments), and the date filter, which
// needs a new engine (SyncOptions are read once) and an estimate first.
#include "DesktopApp.h"

#include "MainWindow.h"
#include "ReadingPane.h"
#include "SyncEngine.h"

#include <algorithm>

namespace skein::desktop {

void DesktopApp::wireWindowActions()
{
    ui::MainWindow *window = m_window.get();
    // The journal entry is already in the store (GUI thread, one local
    // transaction); the engine sends it on its own thread.
    connect(window, &ui::MainWindow::actionsQueued, this, [this] {
        if (m_engine)
            m_engine->replayNow();
    });
    connect(window, &ui::MainWindow::findRequested, this, [this](const QByteArray &conversationId) {
        if (m_engine) {
            m_engine->find(conversationId);
            return;
        }
        m_window->showFindResult(conversationId, false,
                                 tr("Skein is not connected to a server yet. Showing what this computer has."),
                                 m_store.conversationMessages(conversationId));
    });
    connect(window, &ui::MainWindow::syncFilterChanged, this, &DesktopApp::changeSyncFilter);
    // A draft deleted in the Drafts view: at 16.0+ its server copy goes too.
    connect(window, &ui::MainWindow::draftDeleted, this, [this] {
        if (m_engine)
            m_engine->saveDraftsNow();
    });
    // Attachments: the card asks, the engine fetches to the file on its own
    // thread (user lane) and reports progress and the end back to the card.
    ui::ReadingPane *pane = window->readingPane();
    connect(pane, &ui::ReadingPane::saveAttachmentRequested, this,
            [this](qint64 messageId, const QString &fileReference, const QString &path) {
                if (m_engine)
                    m_engine->saveAttachment(messageId, fileReference, path);
            });
    connect(pane, &ui::ReadingPane::cancelAttachmentRequested, this,
            [this](qint64 messageId, const QString &fileReference) {
                if (m_engine)
                    m_engine->cancelAttachment(messageId, fileReference);
            });
}

void DesktopApp::wireEngineActions()
{
    ui::MainWindow *window = m_window.get();
    eas::SyncEngine *engine = m_engine.get();
    connect(engine, &eas::SyncEngine::actionsChanged, window, &ui::MainWindow::actionsChanged);
    connect(engine, &eas::SyncEngine::actionFailed, window, &ui::MainWindow::actionFailed);
    connect(engine, &eas::SyncEngine::notice, window, &ui::MainWindow::showNotice);
    connect(engine, &eas::SyncEngine::replayFinished, this, [this](const eas::SyncReport &report) {
        m_window->replayFinished(report.ok(), report.message);
        handledAsSignInRequired(report);
        Q_EMIT actionsReplayed(report.ok());
    });
    connect(engine, &eas::SyncEngine::found, window, [window](const eas::FindResult &result) {
        window->showFindResult(result.conversationId, result.fromServer, result.note, result.messages);
    });
    connect(engine, &eas::SyncEngine::estimated, this, &DesktopApp::onEstimated);
    connect(engine, &eas::SyncEngine::attachmentProgress, window->readingPane(), &ui::ReadingPane::attachmentProgress);
    connect(engine, &eas::SyncEngine::attachmentSaved, window->readingPane(), &ui::ReadingPane::attachmentSaved);
    connect(engine, &eas::SyncEngine::draftSaved, window, &ui::MainWindow::refreshDrafts);
}

// "Show mail from" changed: a new engine with that FilterType, then
// GetItemEstimate of every synced folder ("~N messages to download"), then
// the sync itself.
void DesktopApp::changeSyncFilter(int filterType)
{
    if (!m_engine)
        return; // the engine made at the next start reads the window's choice
    startEngine(m_credentials); // waits for a running job; SyncOptions are per engine
    const QString version = m_store.account().value_or(AccountSettings{}).protocolVersion;
    m_estimating.clear();
    m_estimateTotal = -1;
    m_estimateError.clear();
    for (const Folder &folder : m_store.folders()) {
        if (eas::SyncRunner::shouldSync(folder, version))
            m_estimating.insert(folder.serverId);
    }
    if (m_estimating.isEmpty()) {
        requestSync();
        return;
    }
    m_window->estimateStarted();
    for (const QString &folderId : std::as_const(m_estimating))
        m_engine->estimate(folderId, filterType);
}

void DesktopApp::onEstimated(const QString &folderId, int status, int count, const QString &error)
{
    Q_UNUSED(status)
    if (!m_estimating.remove(folderId))
        return;
    if (count >= 0)
        m_estimateTotal = std::max(m_estimateTotal, 0) + count;
    else if (m_estimateError.isEmpty())
        m_estimateError = error;
    if (!m_estimating.isEmpty())
        return;
    m_window->showEstimate(m_estimateTotal, m_estimateError);
    requestSync();
}

} // namespace skein::desktop
