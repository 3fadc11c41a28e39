#include "ComposeController.h"

#include "AccountSessions.h"
#include "CentrePages.h"
#include "ComposeCommands.h"
#include "ComposerText.h"
#include "ComposerWindow.h"
#include "DraftListView.h"
#include "InlineReplyBox.h"
#include "MainWindow.h"
#include "MimeComposer.h"
#include "OutboxDraft.h"
#include "OutboxTypes.h"
#include "OutboxView.h"
#include "ReadingPane.h"
#include "RecipientCompleter.h"
#include "ReplyDraft.h"
#include "StatusArea.h"
#include "SyncEngine.h"

#include <QTextCursor>
#include <QTextDocument>
#include <QTextEdit>
#include <QUuid>

namespace skein::desktop {

namespace {

eas::ReplyMode replyMode(OutboxKind kind, bool replyAll)
{
    if (kind == OutboxKind::Forward)
        return eas::ReplyMode::Forward;
    return replyAll ? eas::ReplyMode::ReplyAll : eas::ReplyMode::Reply;
}

QList<eas::OutgoingAttachment> outgoingAttachments(const QList<DraftAttachment> &attachments)
{
    QList<eas::OutgoingAttachment> result;
    for (const DraftAttachment &a : attachments)
        result.append(eas::OutgoingAttachment{a.path, a.name, a.contentType, {}});
    return result;
}

} // namespace

ComposeController::ComposeController(AccountSessions &sessions, ui::MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_sessions(sessions)
    , m_store(sessions.windowStore())
    , m_window(window)
{
    wireWindow();
    connect(&m_sessions, &AccountSessions::engineStarted, this, [this](AccountSession *session) {
        connect(session->engine(), &eas::SyncEngine::sendFailed, session,
                [this, session](qint64 entryId, const QString &message) { onSendFailed(session, entryId, message); });
    });
    connect(&m_sessions, &AccountSessions::windowLinked, this, &ComposeController::linkEngineCompose);
}

ComposeController::~ComposeController()
{
    for (const QPointer<ui::ComposerWindow> &composer : std::as_const(m_composers))
        delete composer.data();
}

void ComposeController::wireWindow()
{
    connect(m_window->panes().compose, &ui::ComposeCommands::composeRequested, this, &ComposeController::openComposer);
    ui::InlineReplyBox *box = m_window->panes().reading->inlineReplyBox();
    connect(box, &ui::InlineReplyBox::sendRequested, this, &ComposeController::sendInlineReply);
    connect(box, &ui::InlineReplyBox::popOutRequested, this, &ComposeController::popOutInlineReply);
    connect(box, &ui::InlineReplyBox::replyStarted, this, &ComposeController::fetchReplyHeadersIfMissing);
    connect(m_window->panes().pages->draftList(), &ui::DraftListView::draftOpenRequested, this, [this](qint64 draftId) {
        if (const std::optional<DraftEntry> draft = m_store.draftStore().draft(draftId))
            openDraft(*draft);
        else
            m_window->showBanner(tr("That draft is no longer on this computer."));
    });
    connect(m_window->panes().pages->outboxView(), &ui::OutboxView::editRequested, this, &ComposeController::editOutboxMessage);
}

// A waiting or refused message of the Outbox, back in a composer; Send
// replaces the entry (same ClientId, so it still goes out only once).
void ComposeController::editOutboxMessage(qint64 outboxId)
{
    const std::optional<OutboxEntry> entry = m_store.outboxStore().outboxEntry(outboxId);
    if (!entry) {
        m_window->showBanner(tr("That message is no longer in the Outbox; it may have been sent meanwhile."));
        return;
    }
    const eas::OutboxDraft reopened = eas::draftFromOutboxMime(*entry);
    if (!reopened.ok()) {
        m_window->showBanner(tr("The waiting message could not be opened: %1").arg(reopened.error),
                             tr("It stays in the Outbox as it is; you can still send or delete it."));
        return;
    }
    openDraft(reopened.draft);
}

// While the user writes, so the parent's Message-ID is stored by Send.
void ComposeController::fetchReplyHeadersIfMissing(qint64 messageId)
{
    const std::optional<Message> parent = m_store.messageStore().messageById(messageId);
    eas::SyncEngine *engine = m_sessions.activeEngine();
    if (parent && parent->internetMessageId.isEmpty() && engine)
        engine->fetchReplyHeaders(parent->id);
}

void ComposeController::linkEngineCompose(AccountSession *session)
{
    // The server's address book completes below the addresses the store knows;
    // a server without one just adds nothing.
    connect(session->engine(), &eas::SyncEngine::directoryFound, session->windowLink.data(),
            [this](const QString &query, const QStringList &addresses, const QString &) {
        for (ui::ComposerWindow *composer : composers())
            for (ui::RecipientCompleter *completer : composer->recipientCompleters())
                completer->addDirectoryResults(query, addresses);
    });
}

QList<ui::ComposerWindow *> ComposeController::composers() const
{
    QList<ui::ComposerWindow *> open;
    for (const QPointer<ui::ComposerWindow> &composer : m_composers)
        if (composer)
            open.append(composer.data());
    return open;
}

// Sent Items is read only when the account's address is unknown; as skein-cli does.
QString ComposeController::ownAddress() const
{
    return ownAddress(*m_sessions.active());
}

QString ComposeController::ownAddress(AccountSession &session) const
{
    return session.ownAddress();
}

// nullptr when that account has been removed since: its messages go nowhere else.
AccountSession *ComposeController::composerAccount(QObject *composer) const
{
    const QVariant name = composer ? composer->property("skeinAccount") : QVariant();
    return name.isValid() ? m_sessions.find(name.toString()) : m_sessions.active();
}

// Recipients, subject and body as the composer starts them. The parent's
// Message-ID is fetched now if the store lacks it, so it is there by the
// time the user sends (the server fills In-Reply-To itself otherwise).
std::optional<DraftEntry> ComposeController::answerDraft(OutboxKind kind, qint64 sourceMessageId, bool replyAll,
                                                  const QString &userText, QString *error)
{
    const QString own = ownAddress();
    const QString signature = ui::compose::signatureFor(own);
    DraftEntry draft;
    draft.kind = kind;
    if (kind == OutboxKind::Send) {
        draft.plainBody = userText + ui::compose::initialBody(signature);
        return draft;
    }
    const std::optional<Message> parent = m_store.messageStore().messageById(sourceMessageId);
    if (!parent) {
        *error = tr("That message is no longer on this computer; it may have been moved or deleted.");
        return std::nullopt;
    }
    if (kind == OutboxKind::Reply)
        fetchReplyHeadersIfMissing(parent->id);
    const eas::OutgoingMessage prefill = eas::draftReply(*parent, replyMode(kind, replyAll), own, QString());
    draft.sourceMessageId = parent->id;
    draft.to = prefill.to;
    draft.cc = prefill.cc;
    draft.subject = prefill.subject;
    // A forward's original follows on the server (SmartForward): only a reply quotes.
    const QString quote = kind == OutboxKind::Reply ? eas::quotedText(*parent) : QString();
    draft.plainBody = userText + ui::compose::initialBody(signature, quote);
    return draft;
}

ui::ComposerWindow *ComposeController::openComposer(OutboxKind kind, qint64 sourceMessageId, bool replyAll)
{
    QString error;
    const std::optional<DraftEntry> draft = answerDraft(kind, sourceMessageId, replyAll, QString(), &error);
    if (!draft) {
        m_window->showBanner(error);
        return nullptr;
    }
    return openDraft(*draft);
}

ui::ComposerWindow *ComposeController::openDraft(const DraftEntry &draft)
{
    ui::ComposerWindow *window = showComposer(draft);
    if (draft.kind != OutboxKind::Send) {
        if (const std::optional<Message> parent = m_store.messageStore().messageById(draft.sourceMessageId)) {
            window->setAnswerLabel(ui::compose::answerLabel(draft.kind, *parent));
            if (draft.kind == OutboxKind::Forward)
                window->setForwardedAttachments(m_store.messageStore().attachments(parent->id));
        }
    }
    return window;
}

ui::ComposerWindow *ComposeController::showComposer(const DraftEntry &draft)
{
    auto *window = new ui::ComposerWindow(ownAddress(), draft);
    window->setAttribute(Qt::WA_DeleteOnClose);
    // It writes from, saves into and sends through this account, whichever is shown later.
    window->setProperty("skeinAccount", m_sessions.active()->name());
    window->setKnownAddresses(m_store.messageStore().knownAddresses());
    connect(window, &ui::ComposerWindow::sendRequested, this,
            [this, window](const DraftEntry &content) { sendFromComposer(window, content); });
    connect(window, &ui::ComposerWindow::autosaveRequested, this, &ComposeController::keepDraft);
    connect(window, &ui::ComposerWindow::discarded, this, &ComposeController::discardDraft);
    for (ui::RecipientCompleter *completer : window->recipientCompleters())
        connect(completer, &ui::RecipientCompleter::directoryLookupRequested, this, [this, window](const QString &prefix) {
            if (AccountSession *session = composerAccount(window); session && session->engine())
                session->engine()->searchDirectory(prefix);
        });
    m_composers.removeAll(nullptr);
    m_composers.append(window);
    window->show();
    window->raise();
    window->activateWindow();
    return window;
}

void ComposeController::keepDraft(const DraftEntry &draft)
{
    if (AccountSession *session = composerAccount(sender()))
        keepDraftOf(*session, sender(), draft);
}

void ComposeController::keepDraftOf(AccountSession &session, QObject *composer, const DraftEntry &draft)
{
    // A reopened Outbox message is kept by the outbox itself; an untouched
    // new message is not worth a draft.
    if (draft.outboxId != 0 || (draft.id == 0 && draft.isEmpty()))
        return;
    Store &store = session.store();
    const qint64 id = store.draftStore().saveDraft(draft);
    if (id == 0) {
        m_window->showBanner(tr("The draft could not be saved: %1").arg(store.lastError()),
                             tr("The text is still in the window; free some disk space or save it elsewhere."));
        return;
    }
    if (auto *window = qobject_cast<ui::ComposerWindow *>(composer))
        window->setDraftId(id);
    if (&session == m_sessions.active())
        m_window->panes().pages->refreshDrafts();
    if (session.engine())
        session.engine()->saveDraftsNow(); // 16.x: also on the server's Drafts
}

void ComposeController::discardDraft(qint64 draftId)
{
    if (AccountSession *session = composerAccount(sender()))
        discardDraftOf(*session, draftId);
}

void ComposeController::discardDraftOf(AccountSession &session, qint64 draftId)
{
    if (draftId == 0)
        return;
    if (!session.store().draftStore().deleteDraft(draftId))
        return; // already gone (sent from another window, deleted in the list)
    if (&session == m_sessions.active())
        m_window->panes().pages->refreshDrafts();
    if (session.engine())
        session.engine()->saveDraftsNow(); // the server's copy goes too
}

QString ComposeController::sendDraft(AccountSession &session, const DraftEntry &draft)
{
    Store &store = session.store();
    const QString own = ownAddress(session);
    eas::OutgoingMessage message;
    std::optional<Message> parent;
    if (draft.kind != OutboxKind::Send) {
        parent = store.messageStore().messageById(draft.sourceMessageId);
        if (!parent)
            return tr("The message you answer is no longer on this computer; copy your text into a new message.");
        if (store.messageStore().isMoving(parent->id))
            return tr("The message you answer is being moved and the server has not confirmed its new place yet; "
                      "send again after the next sync.");
        // Threading headers and Thread-Index from the parent; the rest is what the user wrote.
        message = eas::draftReply(*parent, replyMode(draft.kind, false), own, QString());
    } else {
        message.from = own;
        message.date = QDateTime::currentDateTimeUtc();
        message.threadTopic = draft.subject;
        message.threadIndex = eas::newThreadIndex(message.date);
    }
    message.to = draft.to;
    message.cc = draft.cc;
    message.bcc = draft.bcc;
    message.subject = draft.subject;
    message.plainBody = draft.plainBody;
    message.htmlBody = draft.htmlBody;
    message.attachments = outgoingAttachments(draft.attachments);
    const eas::ComposedMime composed = eas::composeMime(message);
    if (!composed.ok())
        return tr("The message could not be built: %1").arg(composed.error);
    const QString recipients = message.allRecipients().join(QStringLiteral(", "));
    if (draft.outboxId) {
        if (!store.outboxStore().editOutbox(draft.outboxId, composed.mime, message.subject, recipients))
            return tr("The message could not be changed in the outbox: %1").arg(store.lastError());
    } else {
        OutboxEntry entry;
        entry.kind = draft.kind;
        entry.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces); // 36 characters; at most 40 allowed
        entry.mime = composed.mime;
        entry.subject = message.subject;
        entry.recipients = recipients;
        entry.saveInSentItems = true;
        if (parent) {
            entry.sourceFolderId = parent->folderId;
            entry.sourceServerId = parent->serverId;
            entry.sourceMessageId = parent->id;
        }
        if (!store.outboxStore().insertOutbox(entry))
            return tr("The message could not be put into the outbox: %1").arg(store.lastError());
    }
    if (&session == m_sessions.active())
        m_window->outboxChanged(draft.outboxId); // the Outbox count and the reply's "Sending…" row, at once
    else
        m_window->refreshFolderPane();
    eas::SyncEngine *engine = session.engine();
    if (engine)
        engine->replayNow();
    const QString subject = message.subject.isEmpty() ? tr("(no subject)") : message.subject;
    m_window->panes().status->showNotice(engine ? tr("Sending \u201c%1\u201d\u2026").arg(subject)
                                : tr("\u201c%1\u201d waits in the outbox until Skein is connected.").arg(subject));
    return {};
}

void ComposeController::sendFromComposer(ui::ComposerWindow *window, const DraftEntry &draft)
{
    AccountSession *account = composerAccount(window);
    if (!account) {
        window->setSendError(tr("The account this message was written in has been removed from Skein; "
                                "copy the text into a new message."));
        return;
    }
    AccountSession &session = *account;
    const QString error = sendDraft(session, draft);
    if (!error.isEmpty()) {
        window->setSendError(error); // the window stays open with everything in it
        return;
    }
    if (draft.id)
        discardDraftOf(session, draft.id); // sent: the draft has done its work
    window->markSent();
}

void ComposeController::sendInlineReply(qint64 messageId, bool replyAll, const QString &text)
{
    ui::InlineReplyBox *box = m_window->panes().reading->inlineReplyBox();
    QString error;
    std::optional<DraftEntry> draft = answerDraft(OutboxKind::Reply, messageId, replyAll, text, &error);
    if (draft)
        error = sendDraft(*m_sessions.active(), *draft);
    if (!error.isEmpty()) {
        box->setSendError(error);
        return;
    }
    box->reset();
}

void ComposeController::popOutInlineReply(qint64 messageId, bool replyAll, const QString &text)
{
    QString error;
    const std::optional<DraftEntry> draft = answerDraft(OutboxKind::Reply, messageId, replyAll, QString(), &error);
    if (!draft) {
        m_window->showBanner(error);
        return;
    }
    ui::ComposerWindow *window = openDraft(*draft);
    // Typed into the window, not set: closing asks whether to keep it.
    QTextCursor start(window->bodyEdit()->document());
    start.insertText(text);
    window->bodyEdit()->setTextCursor(start);
}

void ComposeController::onSendFailed(AccountSession *session, qint64 entryId, const QString &message)
{
    const std::optional<OutboxEntry> entry = session->store().outboxStore().outboxEntry(entryId);
    const QString subject = entry && !entry->subject.isEmpty() ? entry->subject : tr("(no subject)");
    const QString where = m_sessions.all().size() > 1 ? QStringLiteral(" (%1)").arg(session->label()) : QString();
    m_window->showBanner(tr("The server refused to send \u201c%1\u201d%2: %3").arg(subject, where, message),
                         tr("The message stays in the Outbox; change it and send it again, or delete it."));
}

} // namespace skein::desktop
