#include "EngineRequests.h"

#include "AccountSessions.h"
#include "AccountSetup.h"
#include "CentrePages.h"
#include "ConversationActionsController.h"
#include "DraftListView.h"
#include "MainWindow.h"
#include "OutboxView.h"
#include "ReadingPane.h"
#include "SearchPane.h"
#include "StatusArea.h"
#include "SyncEngine.h"

namespace skein::desktop {

EngineRequests::EngineRequests(AccountSessions &sessions, AccountSetup &setup, ui::MainWindow *window,
                                         QObject *parent)
    : QObject(parent)
    , m_sessions(sessions)
    , m_store(sessions.windowStore())
    , m_setup(setup)
    , m_window(window)
{
    wireWindowActions();
    wireWindowOutbox();
    connect(&m_sessions, &AccountSessions::engineStarted, this, &EngineRequests::wireEngine);
    connect(&m_sessions, &AccountSessions::windowLinked, this, [this](AccountSession *session) {
        linkEngineActions(session);
        linkEngineOutbox(session);
    });
}

eas::SyncEngine *EngineRequests::engine() const
{
    return m_sessions.activeEngine();
}

void EngineRequests::wireWindowActions()
{
    ui::MainWindow *window = m_window;
    connect(window->panes().reading, &ui::ReadingPane::bodyRequested, this, [this](qint64 messageId) {
        if (eas::SyncEngine *engine = this->engine())
            engine->fetchBody(messageId);
    });
    // The journal entry is already in the store (GUI thread, one local
    // transaction); the engine sends it on its own thread.
    connect(window->panes().conversationActions, &ui::ConversationActionsController::actionsQueued, this, [this] {
        if (eas::SyncEngine *engine = this->engine())
            engine->replayNow();
    });
    connect(window->panes().conversationActions, &ui::ConversationActionsController::findRequested, this, [this](const QByteArray &conversationId) {
        if (eas::SyncEngine *engine = this->engine()) {
            engine->find(conversationId);
            return;
        }
        m_window->panes().conversationActions->showFindResult(conversationId, false,
                                 tr("Skein is not connected to a server yet. Showing what this computer has."),
                                 m_store.messageStore().conversationMessages(conversationId));
    });
    connect(window->panes().search, &ui::SearchPane::serverSearchRequested, this, [this](const QString &words) {
        if (eas::SyncEngine *engine = this->engine())
            engine->searchServer(words);
        else
            m_window->panes().search->showServerResult(words, {}, tr("Skein is not connected to a server yet."));
    });
    // A draft deleted in the Drafts view: at 16.0+ its server copy goes too.
    connect(window->panes().pages->draftList(), &ui::DraftListView::draftDeleted, this, [this] {
        if (eas::SyncEngine *engine = this->engine())
            engine->saveDraftsNow();
    });
    // Attachments: the card asks, the engine fetches to the file on its own
    // thread (user lane) and reports progress and the end back to the card.
    ui::ReadingPane *pane = window->panes().reading;
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

// Every account's journal verdict counts, shown or not: an expired sign-in
// is asked for again, and tests wait for the replay.
void EngineRequests::wireEngine(AccountSession *session)
{
    connect(session->engine(), &eas::SyncEngine::replayFinished, session, [this, session](const eas::SyncReport &report) {
        m_setup.handledAsSignInRequired(session, report);
        Q_EMIT actionsReplayed(report.ok());
    });
}

void EngineRequests::linkEngineActions(AccountSession *session)
{
    ui::MainWindow *window = m_window;
    ui::ReadingPane *pane = window->panes().reading;
    eas::SyncEngine *engine = session->engine();
    QObject *link = session->windowLink;
    connect(engine, &eas::SyncEngine::bodyFetched, link, [this](qint64 messageId, const QString &error) {
        m_window->panes().reading->bodyFetched(messageId, error);
        Q_EMIT bodyShown();
    });
    connect(engine, &eas::SyncEngine::actionsChanged, link, [window] { window->panes().conversationActions->actionsChanged(); });
    connect(engine, &eas::SyncEngine::actionFailed, link,
            [window](qint64 entryId, const QString &message) { window->panes().conversationActions->actionFailed(entryId, message); });
    connect(engine, &eas::SyncEngine::notice, link, [window](const QString &message) { window->panes().status->showNotice(message); });
    connect(engine, &eas::SyncEngine::replayFinished, link, [window](const eas::SyncReport &report) {
        window->panes().conversationActions->replayFinished(report.ok(), report.message);
        window->panes().status->replayFinished(report.ok(), report.message);
    });
    connect(engine, &eas::SyncEngine::found, link, [window](const eas::FindResult &result) {
        window->panes().conversationActions->showFindResult(result.conversationId, result.fromServer, result.note, result.messages);
    });
    connect(engine, &eas::SyncEngine::serverSearchFinished, link, [window](const eas::ServerSearchResult &result) {
        window->panes().search->showServerResult(result.words, result.messages, result.error);
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

void EngineRequests::wireWindowOutbox()
{
    connect(m_window->panes().pages->outboxView(), &ui::OutboxView::sendNowRequested, this, [this] {
        if (eas::SyncEngine *engine = this->engine())
            engine->replayNow();
        else
            m_window->panes().status->showNotice(tr("Skein is not connected to a server yet; the messages keep waiting."));
    });
}

void EngineRequests::linkEngineOutbox(AccountSession *session)
{
    ui::MainWindow *window = m_window;
    connect(session->engine(), &eas::SyncEngine::outboxChanged, session->windowLink.data(),
            [window](qint64 entryId) { window->outboxChanged(entryId); });
    // A refusal is told in the banner (ComposeController::onSendFailed).
}

} // namespace skein::desktop
