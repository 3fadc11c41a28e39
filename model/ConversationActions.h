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
    };

    Result deleteConversation(const QByteArray &conversationId, const QString &folderId);
    Result flag(const QByteArray &conversationId, const QString &folderId);
    Result clearFlag(const QByteArray &conversationId, const QString &folderId);
    Result markComplete(const QByteArray &conversationId, const QString &folderId);
    Result markRead(const QByteArray &conversationId, const QString &folderId);
    Result markUnread(const QByteArray &conversationId, const QString &folderId);
    Result ignore(const QByteArray &conversationId, const QString &folderId);
    Result alwaysMove(const QByteArray &conversationId, const QString &folderId,
                      const QString &targetFolderId);
    Result move(const QByteArray &conversationId, const QString &folderId,
                const QString &targetFolderId);

    // Dispatch by kind (skein-cli); targetFolderId only for the moves.
    Result apply(ActionKind kind, const QByteArray &conversationId, const QString &folderId,
                 const QString &targetFolderId = {});

    // Appends a prepared entry and applies its items' local effect, in one
    // transaction (used by ConversationRules to bring messages back).
    Result commit(ActionEntry entry, const ConversationRule *rule = nullptr);

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

    Store &m_store;
    ActionJournal m_journal;
};

} // namespace skein
