#include "ActionReplayer.h"

#include "ConversationActions.h"
#include "ConversationMovesCommand.h"
#include "ItemStateFetchCommand.h"
#include "MoveItemsCommand.h"
#include "StatusText.h"
#include "SyncRunner.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QScopeGuard>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcSync)

namespace skein::eas {

namespace {

QList<qint64> idsOf(const QList<ActionEntry> &entries)
{
    QList<qint64> ids;
    for (const ActionEntry &e : entries)
        ids.append(e.id);
    return ids;
}

// No answer worth acting on: try again later without rolling anything back.
// Auth and SignInRequired are transient on purpose: a refused password or an
// expired sign-in says nothing about the action, which goes out once the
// user has signed in again.
bool isTransient(ErrorKind kind)
{
    return kind != ErrorKind::NotSupported && kind != ErrorKind::Protocol;
}

ClientChange changeFor(const ActionItem &item)
{
    return ClientChange{item.serverId, item.newRead, item.newFlag};
}

// MoveItems statuses ([MS-ASCMD] 2.2.3.177.9): 3 success, 7 locked (retry).
constexpr int kMovedStatus = 3;
constexpr int kAlreadyThereStatus = 4;
constexpr int kSourceGoneStatus = 1;
constexpr int kLockedStatus = 7;
// Sync item status 8: object not found.
constexpr int kSyncNotFound = 8;

// An HTTP error that says "this failed on the server", as opposed to 503
// (throttling: the server asks to come back later, with Retry-After).
bool isServerError(int httpStatus)
{
    return httpStatus >= 500 && httpStatus != 503;
}

QString gaveUpText(int httpStatus)
{
    return QCoreApplication::translate("skein::eas::ActionReplayer", "The server kept answering with an error (HTTP %1) %2 times in a row, so Skein "
                                                                     "stopped trying and undid this change on this computer.")
        .arg(httpStatus)
        .arg(ActionReplayer::kMaxServerErrorAttempts);
}

} // namespace

ActionReplayer::ActionReplayer(EasSession &session, Store &store)
    : m_session(session), m_store(store), m_journal(store)
{
}

void ActionReplayer::done(const ActionEntry &entry)
{
    if (!m_journal.markDone(entry))
        qCWarning(lcSync) << "Could not record action" << entry.id << "as done:" << m_journal.lastError();
    if (m_outcome)
        m_outcome(entry.id, ActionState::Done, {});
}

void ActionReplayer::failed(const ActionEntry &entry, const QString &reason, const QList<int> &items,
                            const QList<int> &gone)
{
    qCInfo(lcSync) << "Action" << entry.id << actionKindName(entry.kind) << "refused:" << reason;
    if (!m_journal.markFailed(entry, reason, items, gone))
        qCWarning(lcSync) << "Could not roll back action" << entry.id << ":" << m_journal.lastError();
    if (m_outcome)
        m_outcome(entry.id, ActionState::Failed, reason);
}

void ActionReplayer::failedAsGone(const ActionEntry &entry, const QList<int> &gone)
{
    QList<int> others;
    for (qsizetype i = 0; i < entry.items.size(); ++i)
        if (!gone.contains(int(i)))
            others.append(int(i));
    failed(entry, ActionJournal::movedElsewhereText(), others, gone);
}

bool ActionReplayer::delivered(const EasReply &reply, const QString &parseError, const Entries &entries,
                               Report &report)
{
    if (!reply.ok() && isTransient(reply.error)) {
        const QList<qint64> retry = giveUpOnServerErrors(idsOf(entries), reply.httpStatus);
        if (!retry.isEmpty()) {
            m_journal.markPending(retry);
            report.error = reply.error;
            report.message = reply.message;
        }
        return false;
    }
    const QString reason = !reply.ok() ? reply.message
        : QCoreApplication::translate("skein::eas::ActionReplayer", "The server's answer could not be read: %1").arg(parseError);
    if (!reply.ok() || !parseError.isEmpty()) {
        for (const ActionEntry &e : entries)
            failed(e, reason);
        return false; // handled: nothing more to map
    }
    return true;
}

// The folders whose next Sync shows the outcome: where the messages were,
// where they go (Deleted Items for a delete, as DeletesAsMoves does).
void ActionReplayer::noteFolders(const ActionEntry &entry, Report &report)
{
    QSet<QString> touched{entry.folderId, entry.targetFolderId};
    for (const ActionItem &item : entry.items)
        touched << item.folderId << item.targetFolderId;
    report.folders += touched;
    if (entry.kind == ActionKind::Delete)
        if (const std::optional<Folder> trash = m_store.folderStore().folderOfType(FolderType::DeletedItems))
            report.folders << trash->serverId;
    // A move into a folder synced earlier in this replay: the device holds
    // the messages under the ids MoveItems named, but only a Sync makes the
    // server count them as this device's and tell when they leave.
    if (channelOf(entry.kind) != ActionChannel::Sync)
        m_syncedFolders -= touched;
}

QList<qint64> ActionReplayer::giveUpOnServerErrors(const QList<qint64> &ids, int httpStatus)
{
    if (!isServerError(httpStatus))
        return ids;
    QList<qint64> retry;
    for (const qint64 id : ids) {
        const std::optional<ActionEntry> e = m_journal.entry(id);
        if (e && !e->isFinished() && e->attempts >= kMaxServerErrorAttempts)
            failed(*e, gaveUpText(httpStatus));
        else
            retry.append(id);
    }
    return retry;
}

bool ActionReplayer::settleInterruptedEntries(Report &report)
{
    Entries interrupted;
    for (const ActionEntry &e : m_journal.unfinished())
        if (e.state == ActionState::Sending && channelOf(e.kind) == ActionChannel::Sync)
            interrupted.append(e);
    if (interrupted.isEmpty())
        return true;

    // One request is in flight per account, so every interrupted entry rode
    // in the same Sync, which the server applied whole or not at all. What
    // it would have left is each message's last value (journal order): if
    // the server holds exactly that, all of them are done; if not, all are
    // sent again, in order. Settling them one by one could find an earlier
    // "unread" missing after a later "read" matched, and send it last.
    struct Expected {
        bool gone = false;
        std::optional<bool> read;
        std::optional<FlagStatus> flag;
    };
    QHash<QPair<QString, QString>, Expected> expected; // by folder and ServerId
    QList<ItemStateFetchCommand::Item> items;
    for (const ActionEntry &e : interrupted) {
        for (const ActionItem &item : e.items) {
            const QPair<QString, QString> key(item.folderId, item.serverId);
            if (!expected.contains(key))
                items.append({item.folderId, item.serverId});
            Expected &x = expected[key];
            x.gone |= e.kind == ActionKind::Delete;
            if (item.newRead)
                x.read = item.newRead;
            if (item.newFlag)
                x.flag = item.newFlag->status;
        }
    }

    ItemStateFetchCommand::Result onServer;
    bool applied = true;
    for (qsizetype from = 0; from < items.size() && applied; from += ItemStateFetchCommand::kBatchSize) {
        EasReply reply;
        const ItemStateFetchCommand::Result batch =
            m_session.run(ItemStateFetchCommand(items.mid(from, ItemStateFetchCommand::kBatchSize)), &reply);
        if (!reply.ok() && isTransient(reply.error) && !isServerError(reply.httpStatus)) {
            // Offline, throttled, or not allowed now: ask again next time.
            report.error = reply.error;
            report.message = reply.message;
            return false;
        }
        // A server that cannot answer (5xx, an error status) gets the
        // entries again, as before: a re-sent change sets the same value.
        applied = reply.ok() && batch.error.isEmpty() && batch.status == 1;
        onServer.fetched += batch.fetched;
    }
    for (auto it = expected.cbegin(); applied && it != expected.cend(); ++it) {
        const ItemStateFetchCommand::Fetched *now = onServer.find(it.key().first, it.key().second);
        if (!now)
            applied = false;
        else if (it->gone)
            applied = now->status != 1; // still there: the delete never arrived
        else
            applied = now->status == 1 && (!it->read || now->read == it->read)
                && (!it->flag || (now->flag && now->flag->status == *it->flag));
    }
    for (ActionEntry &e : interrupted) {
        if (!applied) {
            m_journal.markPending({e.id});
            continue;
        }
        // Gone may be this request's doing or another device's: unknown.
        if (e.kind == ActionKind::Delete)
            for (ActionItem &item : e.items)
                item.outcomeInferred = true;
        done(e);
    }
    if (applied)
        qCInfo(lcSync) << interrupted.size() << "interrupted action(s) had reached the server; not sent again";
    return true;
}

ActionReplayer::Report ActionReplayer::replay(const FolderSyncer &syncFolder)
{
    Report report;
    m_localRuleMoves = false; // this replay sends every unfinished entry
    m_syncedFolders.clear();
    m_syncFolder = &syncFolder;
    const auto replayed = qScopeGuard([this] {
        m_syncedFolders.clear();
        m_syncFolder = nullptr;
    });
    if (!settleInterruptedEntries(report)) {
        report.pending = int(m_journal.unfinished().size());
        return report;
    }
    const QList<ActionEntry> journal = m_journal.unfinished();
    for (qsizetype start = 0; start < journal.size() && report.error == ErrorKind::None;) {
        const ActionChannel channel = channelOf(journal.at(start).kind);
        qsizetype end = start;
        while (end < journal.size() && channelOf(journal.at(end).kind) == channel)
            ++end;
        const Entries segment = journal.mid(start, end - start);
        for (const ActionEntry &e : segment)
            noteFolders(e, report);
        if (channel == ActionChannel::ItemOperations)
            sendConversationMoves(segment, report);
        else if (channel == ActionChannel::MoveItems)
            sendMoveItems(segment, report);
        else
            syncSegment(segment, syncFolder, report);
        start = end;
    }
    report.folders.remove(QString());
    report.syncedFolders = m_syncedFolders;
    for (const ActionEntry &e : journal) {
        const std::optional<ActionEntry> now = m_journal.entry(e.id);
        const ActionState state = now ? now->state : ActionState::Pending;
        report.done += state == ActionState::Done;
        report.failed += state == ActionState::Failed;
        report.pending += !now || !now->isFinished();
    }
    return report;
}

bool ActionReplayer::sendConversationMoves(const Entries &requested, Report &report)
{
    // Rules the server cannot keep (refused before, kept in the store across
    // restarts; protocol before 14.0; Skein's own inferred ids) never reach it.
    const ConversationActions actions(m_store);
    Entries local, entries;
    for (const ActionEntry &e : requested)
        (actions.ruleMustStayLocal(e.conversationId) ? local : entries).append(e);
    if (!local.isEmpty())
        keepRulesLocally(local, report);
    if (entries.isEmpty())
        return true;
    QList<ConversationMovesCommand::Move> moves;
    for (const ActionEntry &e : entries)
        moves.append({e.conversationId, e.targetFolderId});
    if (!m_journal.markSending(idsOf(entries)))
        return false; // one was undone meanwhile: the next replay sends the rest
    EasReply reply;
    const ConversationMovesCommand::Result result = m_session.run(ConversationMovesCommand(moves), &reply);
    if (refusesConversationMoves(reply)) {
        qCInfo(lcSync).nospace() << "The server refuses conversation Moves (HTTP " << reply.httpStatus
                                 << "); Skein keeps ignore / always-move rules itself from now on";
        m_store.accountStore().setCapability(Capability::ConversationMove, CapabilityState::Refused);
        keepRulesLocally(entries, report);
        return true;
    }
    if (!delivered(reply, result.error, entries, report))
        return false;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const ActionEntry &e = entries.at(i);
        const auto *move = ConversationMovesCommand::resultFor(result, i, e.conversationId);
        if (result.status != 1)
            failed(e, statusText("ItemOperations", result.status));
        else if (!move)
            failed(e, QCoreApplication::translate("skein::eas::ActionReplayer", "The server did not answer the move of this conversation."));
        else if (move->status != 1)
            failed(e, statusText("ItemOperations.Move", move->status));
        else {
            if (m_store.accountStore().capability(Capability::ConversationMove) != CapabilityState::Supported)
                m_store.accountStore().setCapability(Capability::ConversationMove, CapabilityState::Supported);
            done(e); // the placeholders get their new ids from the target's next Sync
        }
    }
    return true;
}

ActionReplayer::MoveOutcome ActionReplayer::applyMoveResult(ActionEntry &entry, ActionItem &item, int status,
                                                            const QString &newId)
{
    switch (status) {
    case kMovedStatus:
        item.confirmed = true;
        if (!newId.isEmpty()) {
            item.newServerId = newId;
            placeMovedRow(entry, item, newId);
        } // else the target's next Sync replaces the placeholder
        return MoveOutcome::Confirmed;
    case kAlreadyThereStatus:
        item.confirmed = true;
        item.newServerId = item.serverId;
        placeMovedRow(entry, item, item.serverId);
        return MoveOutcome::Confirmed;
    case kSourceGoneStatus: {
        // The message is no longer in the source. The other device moved it
        // to the same folder, and the target's Sync already brought it and
        // its row took over the placeholder: it is where the user put it.
        const std::optional<Message> row = m_store.messageStore().messageById(item.messageId);
        if (row && row->folderId == item.targetFolderId && !m_store.messageStore().isMoving(row->id)) {
            item.confirmed = true;
            item.newServerId = row->serverId;
            return MoveOutcome::Confirmed;
        }
        // A re-send: most likely the earlier attempt moved it (or another
        // device did: unknown); the target's next Sync replaces the placeholder.
        if (entry.attempts > 1) {
            item.confirmed = true;
            item.outcomeInferred = true;
            return MoveOutcome::Confirmed;
        }
        // Another device moved or deleted it first. Putting the row back
        // would show a copy the server never mentions again (the source's
        // Sync may already have said it left).
        return MoveOutcome::Gone;
    }
    case kLockedStatus: return MoveOutcome::Locked;
    default: return MoveOutcome::Refused;
    }
}

void ActionReplayer::placeMovedRow(const ActionEntry &entry, const ActionItem &item, const QString &serverId)
{
    // The user moved it on (or deleted it) since: the later entry places it.
    if (m_journal.movedOnLater(entry.id, item.messageId))
        return;
    // The target's Sync may already have brought the message under its new id.
    const std::optional<Message> there = m_store.messageStore().message(item.targetFolderId, serverId);
    if (there && there->id != item.messageId)
        m_store.messageStore().removeMessage(item.messageId);
    else
        m_store.messageStore().relocateMessage(item.messageId, item.targetFolderId, serverId, false);
}

bool ActionReplayer::sendMoveItems(const Entries &entries, Report &report)
{
    for (qsizetype next = 0; next < entries.size();) {
        // Re-read each entry: an earlier batch may have named the messages
        // its items knew by a placeholder only.
        Entries batch;
        ActionJournal::Resolution waiting;
        for (; next < entries.size(); ++next) {
            std::optional<ActionEntry> e = m_journal.entry(entries.at(next).id);
            if (!e || e->isFinished())
                continue;
            const ActionJournal::Resolution resolution = m_journal.resolvePlaceholders(*e, m_syncedFolders);
            if (resolution.waiting) {
                waiting = resolution;
                break;
            }
            if (!resolution.gone.isEmpty())
                failedAsGone(*e, resolution.gone);
            else
                batch.append(*e);
        }
        if (!batch.isEmpty() && !sendMoveBatch(batch, report))
            return false;
        if (!waiting.waiting || !batch.isEmpty())
            continue;
        // The first entry left waits: for the target's Sync of an earlier
        // move, which runs now (after it the message is named or gone), or
        // for an earlier move's answer (it and the rest wait for the next run).
        const QSet<QString> unsynced = waiting.waitsForSync - m_syncedFolders;
        if (unsynced.isEmpty() || !m_syncFolder)
            break;
        if (!syncForPlaceholders(unsynced, report))
            return false;
    }
    return true;
}

bool ActionReplayer::syncForPlaceholders(const QSet<QString> &folderIds, Report &report)
{
    for (const QString &folderId : folderIds) {
        const std::optional<Folder> folder = m_store.folderStore().folder(folderId);
        const FolderReport synced = folder ? (*m_syncFolder)(*folder) : FolderReport{};
        if (folder && !synced.error.isEmpty()) {
            report.error = synced.errorKind != ErrorKind::None ? synced.errorKind : ErrorKind::Network;
            report.message = synced.error;
            return false;
        }
        m_syncedFolders.insert(folderId); // a folder gone from the server names nothing either
    }
    return true;
}

bool ActionReplayer::sendMoveBatch(Entries entries, Report &report)
{
    QList<MoveItemsCommand::Move> moves;
    for (const ActionEntry &e : entries)
        for (const ActionItem &item : e.items)
            if (!item.confirmed)
                moves.append({item.serverId, item.folderId, item.targetFolderId});
    if (!m_journal.markSending(idsOf(entries)))
        return false; // one was undone meanwhile: the next replay sends the rest
    for (ActionEntry &e : entries)
        e.attempts += 1; // as markSending recorded
    EasReply reply;
    const MoveItemsCommand::Result result = moves.isEmpty() ? MoveItemsCommand::Result{}
                                                            : m_session.run(MoveItemsCommand(moves), &reply);
    if (!moves.isEmpty() && !delivered(reply, result.error, entries, report))
        return false;
    qsizetype index = 0;
    for (ActionEntry &e : entries) {
        QList<int> refused, locked, gone;
        QString reason;
        for (qsizetype i = 0; i < e.items.size(); ++i) {
            ActionItem &item = e.items[i];
            if (item.confirmed)
                continue;
            const auto *r = MoveItemsCommand::resultFor(result, index++, item.serverId);
            const int status = result.status != 1 ? result.status : (r ? r->status : 0);
            switch (applyMoveResult(e, item, status, r ? r->destinationServerId : QString())) {
            case MoveOutcome::Confirmed: break;
            case MoveOutcome::Gone: gone.append(int(i)); break;
            case MoveOutcome::Locked: locked.append(int(i)); break;
            case MoveOutcome::Refused:
                refused.append(int(i));
                reason = status ? statusText("MoveItems", status)
                                : QCoreApplication::translate("skein::eas::ActionReplayer", "The server did not answer the move of this message.");
                break;
            }
        }
        m_journal.saveProgress(e);
        if (!refused.isEmpty() || !gone.isEmpty()) {
            // The entry ends here: what was locked stays in the source too.
            failed(e, reason.isEmpty() ? ActionJournal::movedElsewhereText() : reason, refused + locked, gone);
        } else if (!locked.isEmpty()) {
            m_journal.markPending({e.id}); // status 7: transient, try again next run
        } else {
            done(e);
        }
    }
    return true;
}

qint64 ActionReplayer::firstBlockingEntry() const
{
    for (const ActionEntry &e : m_journal.unfinished())
        if (channelOf(e.kind) != ActionChannel::Sync)
            return e.id;
    return std::numeric_limits<qint64>::max();
}

bool ActionReplayer::hasSyncCommands(const QString &folderId) const
{
    const QList<ActionEntry> unfinished = m_journal.unfinished();
    return std::any_of(unfinished.begin(), unfinished.end(), [&](const ActionEntry &e) {
        return channelOf(e.kind) == ActionChannel::Sync && e.folderId == folderId;
    });
}

ActionReplayer::SyncClaim ActionReplayer::claimSyncCommands(const QString &folderId)
{
    SyncClaim claim;
    claim.folderId = folderId;
    // Inside replay(): the current segment. Otherwise: everything before the
    // first unsent move, which must reach the server first.
    const qint64 limit = m_claimLimit != std::numeric_limits<qint64>::max() ? m_claimLimit
                                                                             : firstBlockingEntry() - 1;
    for (const ActionEntry &e : m_journal.unfinished()) {
        if (e.id > limit)
            break;
        if (channelOf(e.kind) != ActionChannel::Sync || e.folderId != folderId)
            continue;
        // 'sending' here means a request carried it before the process
        // died: the next replay compares it with the server first, and
        // what came after it waits so the order holds.
        if (e.state == ActionState::Sending)
            break;
        // Items journaled while their message's move was unconfirmed name it
        // by the move's placeholder: they go under the server's id.
        ActionEntry resolved = e;
        const ActionJournal::Resolution resolution = m_journal.resolvePlaceholders(resolved, m_syncedFolders);
        if (resolution.waiting) {
            m_waitingFolders.insert(folderId);
            break; // it, and what follows it here, wait for the move's answer or the folder's Sync
        }
        if (!resolution.gone.isEmpty()) {
            failedAsGone(resolved, resolution.gone);
            continue;
        }
        claim.entries.append(e.id);
        for (const ActionItem &item : resolved.items) {
            if (e.kind == ActionKind::Delete)
                claim.deletes.append(item.serverId);
            else
                claim.changes.append(changeFor(item));
        }
    }
    if (!claim.isEmpty() && !m_journal.markSending(claim.entries)) {
        SyncClaim none; // one was undone meanwhile: the next replay sends the rest
        none.folderId = folderId;
        return none;
    }
    return claim;
}

void ActionReplayer::syncAnswered(const SyncClaim &claim, const QList<ItemStatus> &failures)
{
    for (const qint64 id : claim.entries) {
        std::optional<ActionEntry> e = m_journal.entry(id);
        if (!e)
            continue;
        QList<int> refused, gone;
        int status = 1;
        for (qsizetype i = 0; i < e->items.size(); ++i) {
            for (const ItemStatus &f : failures) {
                if (f.serverId != e->items.at(i).serverId)
                    continue;
                if (e->kind == ActionKind::Delete && f.status == kSyncNotFound) {
                    gone.append(int(i));
                    continue;
                }
                refused.append(int(i));
                status = f.status;
            }
        }
        // A delete sent before found the message gone: most likely that
        // send deleted it. Sent once, another device or a conversation rule
        // moved it first, and the journal must not claim it was deleted.
        if (!gone.isEmpty() && e->attempts > 1) {
            for (const int i : std::as_const(gone))
                e->items[i].outcomeInferred = true;
            gone.clear();
        }
        if (refused.isEmpty() && gone.isEmpty())
            done(*e);
        else
            failed(*e, refused.isEmpty() ? ActionJournal::movedElsewhereText() : statusText("Sync", status), refused,
                   gone);
    }
}

void ActionReplayer::syncNotDelivered(const SyncClaim &claim, int httpStatus)
{
    if (claim.isEmpty())
        return;
    const QList<qint64> retry = giveUpOnServerErrors(claim.entries, httpStatus);
    if (!retry.isEmpty())
        m_journal.markPending(retry);
}

void ActionReplayer::syncRefused(const SyncClaim &claim, const QString &reason)
{
    for (const qint64 id : claim.entries)
        if (const std::optional<ActionEntry> e = m_journal.entry(id))
            failed(*e, reason);
}

bool ActionReplayer::syncSegment(const Entries &entries, const FolderSyncer &syncFolder, Report &report)
{
    QStringList folders;
    for (const ActionEntry &e : entries)
        if (!folders.contains(e.folderId))
            folders.append(e.folderId);
    m_claimLimit = entries.last().id;
    for (const QString &folderId : folders) {
        const std::optional<Folder> folder = m_store.folderStore().folder(folderId);
        if (!folder) {
            for (const ActionEntry &e : entries)
                if (e.folderId == folderId)
                    failed(e, QCoreApplication::translate("skein::eas::ActionReplayer", "The folder no longer exists on the server."));
            continue;
        }
        // An entry on a message whose move named no id waits for this
        // folder's Sync to name it (the row takes over the placeholder); a
        // second Sync then carries it.
        FolderReport folderReport;
        for (int pass = 0; pass < 2; ++pass) {
            m_waitingFolders.remove(folderId);
            folderReport = syncFolder(*folder);
            m_syncedFolders.insert(folderId);
            if (!folderReport.error.isEmpty() || !m_waitingFolders.contains(folderId))
                break;
        }
        const bool waits = folderReport.error.isEmpty() && m_waitingFolders.contains(folderId);
        for (const ActionEntry &e : entries) {
            const std::optional<ActionEntry> now = m_journal.entry(e.id);
            if (e.folderId == folderId && now && !now->isFinished() && !waits) {
                // Still pending: the Sync got no answer (or the sign-in was
                // refused: say so, the user must act). Keep the order: stop here.
                report.error = folderReport.errorKind != ErrorKind::None ? folderReport.errorKind : ErrorKind::Network;
                report.message = folderReport.error;
            }
        }
        if (report.error != ErrorKind::None)
            break;
    }
    m_claimLimit = std::numeric_limits<qint64>::max();
    return report.error == ErrorKind::None;
}

} // namespace skein::eas
