#pragma once

#include "DraftTypes.h"
#include "OutboxTypes.h"
#include "Store.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace skein::ui {
class ComposerWindow;
class MainWindow;
}

namespace skein::desktop {

class AccountSession;
class AccountSessions;

// Writing mail. Opens composer windows (new, reply, reply all, forward, a
// kept draft, a waiting Outbox message), keeps drafts, turns what the user
// sends into MIME in the outbox (the same path as skein-cli send), and lets
// the engine thread send it. A composer belongs to the account shown when
// it opened: it saves into and sends through that account.
class ComposeController : public QObject
{
    Q_OBJECT
public:
    ComposeController(AccountSessions &sessions, ui::MainWindow *window, QObject *parent = nullptr);
    ~ComposeController() override; // closes the composers still open

    // The composer windows open now, oldest first.
    QList<ui::ComposerWindow *> composers() const;
    // The address mail goes out from: the account's, else the sender Sent Items shows most.
    QString ownAddress() const;

public Q_SLOTS:
    // New mail (kind Send) or an answer to the message with local row id
    // sourceMessageId, prefilled: recipients, subject, signature, quote.
    ui::ComposerWindow *openComposer(skein::OutboxKind kind, qint64 sourceMessageId, bool replyAll);
    // A stored draft or an outbox message, opened again as it was.
    ui::ComposerWindow *openDraft(const skein::DraftEntry &draft);
    // The composer's autosave and Keep: the drafts store keeps it here.
    void keepDraft(const skein::DraftEntry &draft);
    // The user discarded a message; draftId is its stored draft (0: none).
    void discardDraft(qint64 draftId);
    // The Outbox's Open: the waiting message in a composer.
    void editOutboxMessage(qint64 outboxId);

private:
    void wireWindow();
    void linkEngineCompose(AccountSession *session);
    // A composer belongs to the account that was shown when it opened.
    AccountSession *composerAccount(QObject *composer) const;
    QString ownAddress(AccountSession &session) const;
    ui::ComposerWindow *showComposer(const DraftEntry &draft);
    std::optional<DraftEntry> answerDraft(OutboxKind kind, qint64 sourceMessageId, bool replyAll,
                                          const QString &userText, QString *error);
    // Builds the MIME and puts it into the account's outbox, then sends; the
    // reason when it could not (nothing was queued then).
    QString sendDraft(AccountSession &session, const DraftEntry &draft);
    void keepDraftOf(AccountSession &session, QObject *composer, const DraftEntry &draft);
    void discardDraftOf(AccountSession &session, qint64 draftId);
    void sendFromComposer(ui::ComposerWindow *window, const DraftEntry &draft);
    void sendInlineReply(qint64 messageId, bool replyAll, const QString &text);
    void popOutInlineReply(qint64 messageId, bool replyAll, const QString &text);
    // While the user writes, so the parent's Message-ID is stored by Send.
    void fetchReplyHeadersIfMissing(qint64 messageId);
    void onSendFailed(AccountSession *session, qint64 entryId, const QString &message);

    AccountSessions &m_sessions;
    Store &m_store; // the window's
    ui::MainWindow *m_window;
    QList<QPointer<ui::ComposerWindow>> m_composers;
};

} // namespace skein::desktop
