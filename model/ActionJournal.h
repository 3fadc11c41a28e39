#pragma once

#include "ActionTypes.h"
#include "Store.h"

#include <QSet>

namespace skein {

// The persistent, ordered list of what the user did that the server has not
// confirmed yet (docs/architecture.md, "Conversation actions: journal and
// replay"). ConversationActions appends; the sync engine's ActionReplayer
// drains it and reports each entry done or failed. A failed entry's local
// change is rolled back here, in the same transaction that records the
// reason, so the store never shows a change the server refused. Lives on
// the thread of its Store.
class ActionJournal
{
public:
    explicit ActionJournal(Store &store);

    // Appends without a transaction of its own: the caller wraps the local
    // change and this call in one. Returns the id, 0 on failure.
    qint64 append(ActionEntry entry);

    std::optional<ActionEntry> entry(qint64 id) const;
    QList<ActionEntry> unfinished() const; // pending and sending, oldest first
    QList<ActionEntry> all() const;

    // Before a request carries them: 'sending', attempts + 1. All or none:
    // false, and nothing marked, when one of them finished since it was
    // listed (the user undid it: cancel()) or the store failed; the caller
    // then sends none of them.
    bool markSending(const QList<qint64> &ids);
    // The user takes back an entry no request has carried yet: its local
    // change is rolled back and it ends as failed with cancelledText(), its
    // rule (ignore / always-move) forgotten. False, changing nothing, when
    // it is no longer 'pending'. One transaction, so it cannot interleave
    // with markSending on the engine's connection.
    bool cancel(qint64 id);
    static QString cancelledText();
    // The request never reached the server (network, throttling): back to
    // 'pending', nothing rolled back.
    bool markPending(const QList<qint64> &ids);
    // Saves per-item progress (e.g. confirmed MoveItems) without changing state.
    bool saveProgress(const ActionEntry &entry);
    // Done: the entry's rule (ignore / always-move) becomes active.
    bool markDone(const ActionEntry &entry);
    // Failed: rolls back the items listed in failedItems (all when both
    // lists are empty), settles goneItems (settleGoneItem), records the
    // reason, marks the entry's rule failed. One transaction.
    bool markFailed(const ActionEntry &entry, const QString &reason,
                    const QList<int> &failedItems = {}, const QList<int> &goneItems = {});

    QString lastError() const { return m_error; }

    // Why an action did not reach its message: the message had left the
    // folder the action found it in before the action reached the server.
    static QString movedElsewhereText();

    // The exact undo of one item of entry (no transaction of its own). A
    // moved message goes back where it was, under the id the server uses
    // there; if that is a placeholder, under the id the server gave since.
    // One the user deleted in the target meanwhile comes back too: that
    // delete cannot reach it (its item is ItemId::Gone).
    bool rollbackItem(const ActionEntry &entry, const ActionItem &item);

    // ---- Items that name a message by a move's placeholder ----
    // An action on a message whose move the server has not confirmed yet
    // journals the move's placeholder (movingPlaceholderServerId); the
    // server knows the message by the id the move's answer named, or, for a
    // move that names none (a conversation Move), the id the target's Sync
    // brought and the row took over.
    enum class ItemId {
        Known,            // the id the server uses, to send now
        WaitingForAnswer, // the move is not answered yet
        WaitingForSync,   // the move named no id and its target's Sync has not named the message yet
        Gone,             // the message never reached that folder: the move was refused, or the
                          // message had been moved or deleted elsewhere first
    };
    // The id to send for item, one of entry's items. settledFolders: folders
    // synced after the moves into them were answered (during this replay),
    // where a placeholder no Sync took over will never be named.
    // broughtAs: when the user moved the row on (or deleted it) before that
    // Sync, so that the Sync stored the message as a row of its own, that row.
    ItemId serverIdNow(const ActionEntry &entry, const ActionItem &item, const QSet<QString> &settledFolders,
                       QString *serverId, qint64 *broughtAs = nullptr) const;
    struct Resolution {
        bool named = false;         // some placeholder was replaced (and saved)
        bool waiting = false;       // some item cannot be sent yet: the whole entry waits
        QSet<QString> waitsForSync; // folders whose Sync would name a waiting item
        QList<int> gone;            // items that can never be sent (ItemId::Gone)
    };
    // Writes the ids now known into entry's items that carry a placeholder
    // (and a deleted row's copy), saved in the journal, so that what is sent
    // is what the journal says. A row a Sync made for a message whose own row
    // the user had moved on or deleted goes when the entry is a move or a
    // delete: the entry's row is the message.
    Resolution resolvePlaceholders(ActionEntry &entry, const QSet<QString> &settledFolders = {});
    // An item whose message had left where the action found it before the
    // action reached the server (or never got there): no undo puts it back
    // there. A change's read and flag state is undone; the row goes if it
    // is still the placeholder this action left (a Sync never took it over)
    // and no later entry moves it on; the folder that holds the message on
    // the server brings it with its next Sync.
    bool settleGoneItem(const ActionEntry &entry, const ActionItem &item);
    // Whether an unfinished entry after entryId moves or deletes the message
    // (local row id): where its row is then is that entry's business.
    bool movedOnLater(qint64 entryId, qint64 messageId) const;

private:
    // The item of the latest entry before entry `before` that moved the
    // message into folderId, and that entry.
    struct MoveInto {
        ActionEntry entry;
        ActionItem item;
    };
    std::optional<MoveInto> moveInto(qint64 before, qint64 messageId, const QString &folderId) const;
    // A message of folderId that a Sync stored as a row of its own, for the
    // message like stands for (same conversation, index and date).
    std::optional<Message> broughtBySync(const Message &like, const QString &folderId) const;
    // The row as an unfinished Delete after entryId removed it.
    std::optional<Message> removedLater(qint64 entryId, qint64 messageId) const;
    bool setState(const QList<qint64> &ids, ActionState state, bool countAttempt);
    bool fail(const QString &what);

    Store &m_store;
    QString m_error;
};

} // namespace skein
