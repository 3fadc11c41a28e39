// DesktopApp: what the window's conversation actions need from the engine
// (send the journal, report refusals, find, fetch attachments), and the date filter, which
// needs a new engine (SyncOptions are read once) and an estimate first.
#include "DesktopApp.h"

#include "CentrePages.h"
#include "ConversationActionsController.h"
#include "DraftListView.h"
#include "MainWindow.h"
#include "ReadingPane.h"
#include "SearchPane.h"
#include "StatusArea.h"
#include "SyncEngine.h"
#include "SyncFilterControl.h"

#include <algorithm>

namespace skein::desktop {

void DesktopApp::wireWindowActions()
{
    const ui::MainWindow::Panes &panes = m_window->panes();
    using Controller = ui::ConversationActionsController;
    // The journal entry is already in the store (GUI thread, one local
    // transaction); the engine sends it on its own thread.
    connect(panes.conversationActions, &Controller::actionsQueued, this, [this] {
        if (eas::SyncEngine *engine = this->engine())
            engine->replayNow();
    });
    connect(panes.conversationActions, &Controller::findRequested, this, [this](const QByteArray &conversationId) {
        if (eas::SyncEngine *engine = this->engine()) {
            engine->find(conversationId);
            return;
        }
        m_window->panes().conversationActions->showFindResult(
            conversationId, false, tr("Skein is not connected to a server yet. Showing what this computer has."),
            m_store.messageStore().conversationMessages(conversationId));
    });
    connect(panes.search, &ui::SearchPane::serverSearchRequested, this, [this](const QString &words) {
        if (eas::SyncEngine *engine = this->engine())
            engine->searchServer(words);
        else
            m_window->panes().search->showServerResult(words, {}, tr("Skein is not connected to a server yet."));
    });
    connect(panes.syncFilter, &ui::SyncFilterControl::syncFilterChanged, this, &DesktopApp::changeSyncFilter);
    // A draft deleted in the Drafts view: at 16.0+ its server copy goes too.
    connect(panes.pages->draftList(), &ui::DraftListView::draftDeleted, this, [this] {
        if (eas::SyncEngine *engine = this->engine())
            engine->saveDraftsNow();
    });
    // Attachments: the card asks, the engine fetches to the file on its own
    // thread (user lane) and reports progress and the end back to the card.
    ui::ReadingPane *pane = panes.reading;
    connect(pane, &ui::ReadingPane::saveAttachmentRequested, this,
            [this](qint64 messageId, const QString &fileReference, const QString &path) {
                if (eas::SyncEngine *engine = this->engine())
                    engine->saveAttachment(messageId, fileReference, path);
            });
    connect(pane, &ui::ReadingPane::cancelAttachmentRequested, this,
            [this](qint64 messageId, const QString &fileReference) {
                if (eas::SyncEngine *engine = this->engine())
                    engine->cancelAttachment(messageId, fileReference);
            });
}

// While the account is shown (context: its window link).
void DesktopApp::linkEngineActions(AccountSession *session)
{
    ui::MainWindow *window = m_window.get();
    ui::ReadingPane *pane = window->panes().reading;
    eas::SyncEngine *engine = session->engine();
    QObject *link = session->windowLink;
    connect(engine, &eas::SyncEngine::actionsChanged, link,
            [window] { window->panes().conversationActions->actionsChanged(); });
    connect(engine, &eas::SyncEngine::actionFailed, link,
            [window](qint64 entryId, const QString &message) {
                window->panes().conversationActions->actionFailed(entryId, message);
            });
    connect(engine, &eas::SyncEngine::notice, link,
            [window](const QString &message) { window->panes().status->showNotice(message); });
    connect(engine, &eas::SyncEngine::replayFinished, link, [window](const eas::SyncReport &report) {
        window->panes().conversationActions->replayFinished(report.ok(), report.message);
        window->panes().status->replayFinished(report.ok(), report.message);
    });
    connect(engine, &eas::SyncEngine::found, link, [window](const eas::FindResult &result) {
        window->panes().conversationActions->showFindResult(result.conversationId, result.fromServer, result.note,
                                                             result.messages);
    });
    connect(engine, &eas::SyncEngine::serverSearchFinished, link, [window](const eas::ServerSearchResult &result) {
        window->panes().search->showServerResult(result.words, result.messages, result.error);
    });
    connect(engine, &eas::SyncEngine::estimated, link,
            [this](const QString &folderId, int status, int count, const QString &error) {
                onEstimated(folderId, status, count, error);
            });
    connect(engine, &eas::SyncEngine::attachmentProgress, link,
            [pane](qint64 messageId, const QString &reference, qint64 done, qint64 total) {
                pane->attachmentProgress(messageId, reference, done, total);
            });
    connect(engine, &eas::SyncEngine::attachmentSaved, link,
            [pane](qint64 messageId, const QString &reference, const QString &path, const QString &error,
                   bool cancelled) { pane->attachmentSaved(messageId, reference, path, error, cancelled); });
    connect(engine, &eas::SyncEngine::draftSaved, link, [window] { window->panes().pages->refreshDrafts(); });
}

// "Show mail from" changed: a new engine with that FilterType for every
// account, then GetItemEstimate of every synced folder of the shown one
// ("~N messages to download"), then the syncs themselves.
void DesktopApp::changeSyncFilter(int filterType)
{
    for (const auto &session : m_sessions) {
        if (session->engine() && session.get() != m_active) {
            startEngine(session.get(), session->credentials()); // SyncOptions are per engine
            syncAccount(session.get());
        }
    }
    if (!engine())
        return; // the engine made at the next start reads the window's choice
    startEngine(m_active, m_active->credentials()); // waits for a running job
    const QString version = m_store.accountStore().account().value_or(AccountSettings{}).protocolVersion;
    m_estimating.clear();
    m_estimateTotal = -1;
    m_estimateError.clear();
    for (const Folder &folder : m_store.folderStore().folders()) {
        if (eas::SyncRunner::shouldSync(folder, version))
            m_estimating.insert(folder.serverId);
    }
    if (m_estimating.isEmpty()) {
        syncAccount(m_active);
        return;
    }
    m_window->panes().syncFilter->estimateStarted();
    for (const QString &folderId : std::as_const(m_estimating))
        engine()->estimate(folderId, filterType);
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
    m_window->panes().syncFilter->showEstimate(m_estimateTotal, m_estimateError);
    syncAccount(m_active);
}

} // namespace skein::desktop
