#pragma once

// The vocabulary of the local action journal and of conversation rules
// ([MS-ASCON] 3.1.4): what the user did, how it reaches the server, and how
// to undo it when the server refuses.

#include "MailTypes.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace skein {

enum class ActionKind { Delete, Flag, ClearFlag, Complete, MarkRead, MarkUnread, Ignore, AlwaysMove, Move };

// pending: waiting for the server; sending: a request carrying it is (or was,
// if the process died) on its way — it is sent again, which every action
// tolerates; done/failed: final. A failed entry's local change is rolled back.
enum class ActionState { Pending, Sending, Done, Failed };

// The request that carries an action ([MS-ASCON] 3.1.4.1-3.1.4.6).
enum class ActionChannel {
    Sync,           // Change/Delete in the folder's Sync
    MoveItems,      // one Move per message
    ItemOperations, // conversation Move with MoveAlways
};

ActionChannel channelOf(ActionKind kind);
// The ServerId a locally moved row carries until the server names its new
// one: unique per row and never a server's id (those are never sent back).
QString movingPlaceholderServerId(qint64 messageId);
QString actionKindName(ActionKind kind);  // "delete", "flag", "clear-flag", ... as skein-cli spells them
std::optional<ActionKind> actionKindFromName(const QString &name);
QString actionStateName(ActionState state);
ActionState actionStateFromName(const QString &name);

// One message an action touches: what to send and how to undo it.
struct ActionItem {
    qint64 messageId = 0;            // local row; survives moves and reconciliation
    QString serverId;                // the id the server knew when the user acted
    QString folderId;                // where the message was
    QString targetFolderId;          // moves: where it goes
    bool read = false;               // state before the action (undo)
    FlagState flag;                  // state before the action (undo)
    std::optional<bool> newRead;     // Sync Change: what to send
    std::optional<FlagState> newFlag;
    std::optional<Message> removed;  // delete: the row as it was (without body), to put back
    QString newServerId;             // MoveItems DstMsgId once the server confirmed
    bool confirmed = false;          // the server accepted this item
    // Done because the message was no longer where the item found it, after
    // a request whose answer was lost or that went twice: the server may
    // have done it, or another device or a conversation rule moved the
    // message first. Nothing may read such an item as the server's word.
    bool outcomeInferred = false;

    // The message as it is now: where it is and the state an undo restores.
    static ActionItem of(const Message &m);
};

struct ActionEntry {
    qint64 id = 0;
    QDateTime created;
    ActionKind kind = ActionKind::MarkRead;
    QByteArray conversationId;
    QString folderId;       // the folder the user acted in
    QString targetFolderId; // move, always-move, ignore
    ActionState state = ActionState::Pending;
    int attempts = 0;       // how often a request carried it
    QString error;          // why the server refused, in words
    QList<ActionItem> items;

    bool isFinished() const { return state == ActionState::Done || state == ActionState::Failed; }
};

// Ignore and always-move rules. The server keeps the real rule; MS-ASCON has
// no operation to remove it ("unignore"), so stopping a rule here only
// forgets it locally — the server may keep moving new messages.
enum class RuleState { Pending, Active, Failed };
// Server: set with ItemOperations Move/MoveAlways. Local: kept by Skein on
// this computer, for servers that refuse that Move (Capability::ConversationMove
// refused): Skein moves the messages with MoveItems when the rule is set and
// after every Sync batch that brings new ones, only while it runs.
enum class RuleScope { Server, Local };

struct ConversationRule {
    QByteArray conversationId;
    ActionKind kind = ActionKind::Ignore; // Ignore or AlwaysMove
    QString targetFolderId;
    QDateTime created;
    RuleState state = RuleState::Pending;
    RuleScope scope = RuleScope::Server;
    qint64 actionId = 0; // the journal entry that set it up
    QString error;

    friend bool operator==(const ConversationRule &, const ConversationRule &) = default;
};

QString ruleStateName(RuleState state);
RuleState ruleStateFromName(const QString &name);

// The journal payload: JSON, so an entry stays readable across versions.
QByteArray encodeActionItems(const QList<ActionItem> &items);
QList<ActionItem> decodeActionItems(const QByteArray &payload);

} // namespace skein
