#pragma once

#include "ActionJournal.h"

#include <QObject>

namespace skein {

// The user's conversation actions ([MS-ASCON] 3.1.4), local first: each
// function applies its effect to the store and appends the journal entry in
// ONE transaction, so the UI shows the change at once and a crash can never
// separate the two. The sync engine sends the entry later (SyncEngine::replayNow)
// and rolls the change back if the server refuses.
//
// conversationId: the email2:ConversationId bytes; folderId: the folder the
// user is looking at ("current folder" of MS-ASCON).
//
//   delete      Sync Delete of each message in the folder (they go to Deleted Items)
//   flag        flags the newest message in the folder
//   clearFlag   clears the flag on every message in the folder
//   complete    marks every flagged message in the folder complete
//   markRead / markUnread   every message in the folder
//   ignore      ItemOperations Move + MoveAlways to Deleted Items, all folders
//               but Sent Items, future messages too (a server rule)
//   alwaysMove  the same to targetFolderId (never Outbox or Drafts)
//   move        MoveItems of the messages in the folder only
class ConversationActions : public QObject
{
    Q_OBJECT
public:
    explicit ConversationActions(Store &store, QObject *parent = nullptr);

    struct Result {
        qint64 entryId = 0;
        QString error; // why nothing was done, for the user
        bool ok() const { return entryId > 0; }
        static Result refusal(const QString &why) { return Result{0, why}; }
    };

    Result deleteConversation(const QByteArray &conversationId, const QString &folderId);
    // Every message of the folder in one Sync Delete entry without a
    // conversation: emptying Deleted Items, where the server deletes for good.
    Result deleteAllIn(const QString &folderId);
    Result flag(const QByteArray &conversationId, const QString &folderId);
    Result clearFlag(const QByteArray &conversationId, const QString &folderId);
    Result markComplete(const QByteArray &conversationId, const QString &folderId);
    Result markRead(const QByteArray &conversationId, const QString &folderId);
    Result markUnread(const QByteArray &conversationId, const QString &folderId);
    // One message (local row id), as the reading pane marks a reply it
    // opened: a MarkRead entry with that single item, replayed as a Sync
    // Change of that message only. Refused when it is already read, so
    // opening a read message journals nothing.
    Result markMessageRead(qint64 messageId);
    Result ignore(const QByteArray &conversationId, const QString &folderId);
    Result alwaysMove(const QByteArray &conversationId, const QString &folderId,
                      const QString &targetFolderId);
    Result move(const QByteArray &conversationId, const QString &folderId,
                const QString &targetFolderId);

    // Takes back journal entry entryId (ConversationUndo.cpp): cancelled
    // while no request has carried it, else undone by journaling its inverse
    // (the messages moved back from where it moved them, deleted ones back
    // from Deleted Items, read and flag states restored, an ignore or
    // always-move rule forgotten and its messages brought back). Returns the
    // cancelled or the new entry; refused when nothing can be undone.
    Result undo(qint64 entryId);

    // Dispatch by kind (skein-cli); targetFolderId only for the moves.
    Result apply(ActionKind kind, const QByteArray &conversationId, const QString &folderId,
                 const QString &targetFolderId = {});

    // Appends a prepared entry and applies its items' local effect, in one
    // transaction (used by ConversationRules to bring messages back).
    Result commit(ActionEntry entry, const ConversationRule *rule = nullptr);

    // ---- Rules kept by Skein (RuleScope::Local; ConversationLocalRules.cpp) ----
    // For servers that refuse [MS-ASCON]'s ItemOperations Move (SOGo answers
    // HTTP 500): Skein moves the conversation's messages itself with
    // MoveItems, now and whenever a sync brings a new one, while it runs.
    //
    // The messages a local rule moves: those of the conversation in every
    // mail folder except Sent Items, Drafts, Outbox and the target, that are
    // not already on their way somewhere. onlyFolderId / onlyServerIds narrow
    // it to one folder's new arrivals.
    ActionEntry localRuleEntry(const ConversationRule &rule, const QString &onlyFolderId = {},
                               const QStringList &onlyServerIds = {}) const;
    // The server refused the ignore / always-move entry serverEntry: undo its
    // placeholders, record it done ("kept on this computer"), turn its rule
    // into a local one and journal one MoveItems entry for the messages (one
    // transaction). Returns that entry (which also sets up the rule; with no
    // message to move now it has no items).
    Result keepRuleLocally(const ActionEntry &serverEntry);
    // After a Sync batch of folderId: one MoveItems entry per conversation
    // with a local rule that got new messages (serverIds from the batch's Adds).
    // Returns the new entries' ids.
    QList<qint64> applyLocalRules(const QString &folderId, const QList<Message> &arrived);
    // Whether only Skein can keep an ignore / always-move rule for this
    // conversation: the server refused conversation Moves before, the account
    // speaks a protocol before 14.0 (no conversation Move, no ConversationId),
    // or the id is Skein's own inference (never sent to the server).
    bool ruleMustStayLocal(const QByteArray &conversationId) const;

Q_SIGNALS:
    // A local change was made and journaled: refresh these folders' views and
    // ask the engine to replay (SyncEngine::replayNow).
    void actionApplied(qint64 entryId, const QStringList &changedFolderIds);

private:
    Result changeState(ActionKind kind, const QByteArray &conversationId, const QString &folderId);
    Result conversationMove(ActionKind kind, const QByteArray &conversationId,
                            const QString &folderId, const QString &targetFolderId);
    QList<Message> messagesIn(const QByteArray &conversationId, const QString &folderId) const;
    bool applyItem(ActionKind kind, const ActionItem &item);
    ActionEntry restoreStates(const ActionEntry &done) const;
    ActionEntry moveBack(const ActionEntry &done) const;
    Result undoDelete(const ActionEntry &done);
    Result undoMove(const ActionEntry &done);

    Store &m_store;
    ActionJournal m_journal;
};

} // namespace skein
