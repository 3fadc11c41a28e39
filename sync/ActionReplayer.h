#pragma once

#include "ActionJournal.h"
#include "EasSession.h"
#include "SyncCommand.h"

#include <QSet>

#include <functional>
#include <limits>

namespace skein::eas {

struct FolderReport;

// Drains the action journal to the server, in journal order, batching as the
// protocol allows ([MS-ASCON] 3.1.4; docs/architecture.md, "Conversation
// actions: journal and replay"):
//   - consecutive ignore / always-move entries: one ItemOperations with one
//     Move per conversation (processed in order by the server);
//   - consecutive move entries: one MoveItems with one Move per message;
//   - consecutive Sync entries (delete, flag, read ...): the Change/Delete
//     elements ride in the first Sync request of their folder
//     (SyncRunner::syncFolder claims them through claimSyncCommands).
// A run of entries of one kind ends where an entry of another kind starts,
// so e.g. "mark read, then move" never sends the move first.
//
// Each entry is marked 'sending' before its request and done or failed after
// the answer; a refused entry is rolled back (ActionJournal::markFailed) with
// the server's reason in words. When the request never got an answer
// (network, throttling, 5xx) the entries go back to 'pending' and the replay
// stops, keeping the order for the next run. An entry still 'sending' when a
// replay starts was on its way when the process died: a read, flag or delete
// is first compared with the server's state (ItemStateFetchCommand) and sent
// again only if the server does not have it; a re-sent MoveItems whose
// source is gone (1), a re-sent Delete of a gone item (8) and an interrupted
// delete found gone count as done, their items marked outcomeInferred. A
// Delete answered 8 on its first send fails as moved elsewhere.
// docs/architecture.md lists what is at-least-once and why.
//
// A MoveItems answered 1 on its first send found the message gone from the
// source (another device moved or deleted it): its row is not put back
// there (ActionJournal::settleGoneItem). An item journaled while its
// message's move was unconfirmed carries the move's placeholder; it is sent
// under the id the server gave the message, and waits until that is known
// (ActionJournal::resolvePlaceholders). A folder a move touches after the
// replay synced it is left out of Report::syncedFolders, so the sync that
// follows syncs it again.
class ActionReplayer
{
public:
    ActionReplayer(EasSession &session, Store &store);

    using OutcomeHandler = std::function<void(qint64 entryId, ActionState state, const QString &message)>;
    void setOutcomeHandler(OutcomeHandler handler) { m_outcome = std::move(handler); }

    struct Report {
        ErrorKind error = ErrorKind::None; // why the replay stopped early
        QString message;
        int done = 0;
        int failed = 0;
        int pending = 0;                   // left for the next run
        QSet<QString> folders;             // sources and targets: sync these to see the result
        // Synced during the replay after every move that touched them; a
        // folder a move touched after its Sync is not here: it needs another.
        QSet<QString> syncedFolders;
    };

    // Something the user should read once, e.g. that a rule is now kept on
    // this computer because the server refused it.
    using NoticeHandler = std::function<void(const QString &message)>;
    void setNoticeHandler(NoticeHandler handler) { m_notice = std::move(handler); }

    // How often a request carrying an entry may get HTTP 5xx (except 503,
    // the server's "later") before the entry fails and is rolled back.
    static constexpr int kMaxServerErrorAttempts = 5;

    using FolderSyncer = std::function<FolderReport(const Folder &folder)>;
    // The whole journal, oldest first; Sync entries go through syncFolder.
    Report replay(const FolderSyncer &syncFolder);

    // ---- SyncRunner::syncFolder's side ----
    struct SyncClaim {
        QString folderId;
        QList<qint64> entries;
        QList<ClientChange> changes;
        QStringList deletes;
        bool isEmpty() const { return entries.isEmpty(); }
    };
    // The pending Sync entries of folderId that may go now (none that a
    // not-yet-sent move precedes), marked 'sending'. An item journaled while
    // its message's move was unconfirmed goes under the id the server gave
    // the message; while that is not known it waits, and so does what
    // follows it in the folder. One whose message never got there fails.
    SyncClaim claimSyncCommands(const QString &folderId);
    // Whether any unfinished Sync entry of folderId is in the journal, ready
    // to go or not; claims nothing. False: a request without commands is
    // what claimSyncCommands would lead to (SyncRunner's prefetched page).
    bool hasSyncCommands(const QString &folderId) const;
    // Status 1 for the collection: per-item failures from Responses.
    void syncAnswered(const SyncClaim &claim, const QList<ItemStatus> &failures);
    // No answer, or an answer that did not process the commands (3, 12 ...).
    // httpStatus: of the failed request (0 when none); after
    // kMaxServerErrorAttempts answers with HTTP 5xx an entry fails.
    void syncNotDelivered(const SyncClaim &claim, int httpStatus = 0);

    // ---- Rules kept by Skein (RuleScope::Local) ----
    // After a Sync batch of folderId was stored: journals MoveItems entries
    // for arrivals of conversations with a local rule (sent by the next
    // replay; see hasLocalRuleMoves()).
    void applyLocalRules(const QString &folderId, const QList<Message> &arrived);
    // Entries applyLocalRules journaled that no replay has sent yet.
    bool hasLocalRuleMoves() const { return m_localRuleMoves; }
    // The server refused the whole request (e.g. Sync status 4).
    void syncRefused(const SyncClaim &claim, const QString &reason);

private:
    using Entries = QList<ActionEntry>;
    // Sync entries that a request carried when the process died ('sending'
    // at the start of a replay) are compared with the server's state: done
    // when it already has them, else back to 'pending' to be sent again.
    // False (and report.error) when the server could not be asked now.
    bool settleInterruptedEntries(Report &report);
    bool sendConversationMoves(const Entries &entries, Report &report);
    // The answer of a server without conversation Moves (ActionReplayerLocalRules.cpp).
    static bool refusesConversationMoves(const EasReply &reply);
    // The server refused conversation Moves: each entry becomes a local rule
    // and its messages go in one MoveItems request.
    void keepRulesLocally(const Entries &entries, Report &report);
    // Entries whose request got HTTP 5xx kMaxServerErrorAttempts times fail;
    // returns the others (to stay pending).
    QList<qint64> giveUpOnServerErrors(const QList<qint64> &ids, int httpStatus);
    // In order, as few MoveItems requests as the order allows: an entry
    // whose message an earlier entry of the run moves waits for that answer;
    // one whose message only the target's Sync of an earlier move names
    // waits for that Sync, which the replay runs first.
    bool sendMoveItems(const Entries &entries, Report &report);
    // During replay(): syncs the folders (once each) so that their rows take
    // over the placeholders an entry waits for. False (and report.error)
    // when a Sync got no answer.
    bool syncForPlaceholders(const QSet<QString> &folderIds, Report &report);
    bool sendMoveBatch(Entries entries, Report &report);
    bool syncSegment(const Entries &entries, const FolderSyncer &syncFolder, Report &report);
    // false (and the entries back to pending) when the request got no answer.
    bool delivered(const EasReply &reply, const QString &parseError, const Entries &entries,
                   Report &report);
    enum class MoveOutcome { Confirmed, Gone, Locked, Refused };
    MoveOutcome applyMoveResult(ActionEntry &entry, ActionItem &item, int status, const QString &newId);
    // The moved row takes the id the server gave it in the target.
    void placeMovedRow(const ActionEntry &entry, const ActionItem &item, const QString &serverId);
    qint64 firstBlockingEntry() const;
    void noteFolders(const ActionEntry &entry, Report &report);

    void done(const ActionEntry &entry);
    // items: rolled back (all when both lists are empty); gone: settled
    // as messages that had left (ActionJournal::markFailed).
    void failed(const ActionEntry &entry, const QString &reason, const QList<int> &items = {},
                const QList<int> &gone = {});
    // Some items' messages never got where the entry found them
    // (ActionJournal::ItemId::Gone): the entry fails before any request,
    // those items settled, the others undone.
    void failedAsGone(const ActionEntry &entry, const QList<int> &gone);

    EasSession &m_session;
    Store &m_store;
    ActionJournal m_journal;
    OutcomeHandler m_outcome;
    NoticeHandler m_notice;
    bool m_localRuleMoves = false;
    // During a Sync segment of replay(): claim only entries up to this id.
    qint64 m_claimLimit = std::numeric_limits<qint64>::max();
    // During replay(): Report::syncedFolders so far. A placeholder in one of
    // them that no Sync took over will never be named.
    QSet<QString> m_syncedFolders;
    // Folders whose claim stopped at an entry that waits for a placeholder.
    QSet<QString> m_waitingFolders;
    // During replay(): how it syncs a folder.
    const FolderSyncer *m_syncFolder = nullptr;
};

} // namespace skein::eas
