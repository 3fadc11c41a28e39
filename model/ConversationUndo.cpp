// ConversationActions::undo: takes back one journaled conversation action.
// Before a request carried it, the entry is cancelled (ActionJournal::cancel);
// after, the inverse is journaled as an action of its own and replayed like
// any other, so an undo is local first and survives going offline.

#include "ConversationActions.h"

#include "Database.h"

#include <QCoreApplication>

namespace skein {

namespace {

using Result = ConversationActions::Result;
constexpr auto refused = &ConversationActions::Result::refusal;

ActionKind inverseStateKind(ActionKind kind)
{
    switch (kind) {
    case ActionKind::MarkRead: return ActionKind::MarkUnread;
    case ActionKind::MarkUnread: return ActionKind::MarkRead;
    case ActionKind::Flag: return ActionKind::ClearFlag;
    default: return ActionKind::Flag; // ClearFlag, Complete: the flags come back
    }
}

// Where the server put a message a Sync Delete took away: Deleted Items,
// under a new ServerId, as its own row once that folder synced. Found by what
// a move keeps (conversation, index, date, subject).
bool sameMessage(const Message &copy, const Message &removed)
{
    return copy.conversationId == removed.conversationId && copy.conversationIndex == removed.conversationIndex
        && copy.dateReceived == removed.dateReceived && copy.subject == removed.subject;
}

} // namespace

Result ConversationActions::undo(qint64 entryId)
{
    const std::optional<ActionEntry> entry = m_journal.entry(entryId);
    if (!entry)
        return refused(QCoreApplication::translate("skein::ConversationUndo", "There is nothing to undo."));
    if (entry->state == ActionState::Failed)
        return refused(QCoreApplication::translate("skein::ConversationUndo", "Nothing to undo: the action did not take effect (%1).").arg(entry->error));
    if (entry->state == ActionState::Pending) {
        if (m_journal.cancel(entryId)) {
            QSet<QString> folders{entry->folderId, entry->targetFolderId};
            for (const ActionItem &item : entry->items)
                folders << item.folderId << item.targetFolderId;
            folders.remove(QString());
            Q_EMIT actionApplied(entryId, QStringList(folders.cbegin(), folders.cend()));
            return Result{entryId, {}};
        }
        if (!m_journal.lastError().isEmpty())
            return refused(m_journal.lastError());
        // A request has just taken it: undo what the server is doing.
    }
    switch (entry->kind) {
    case ActionKind::Ignore:
    case ActionKind::AlwaysMove:
    case ActionKind::Move: return undoMove(*entry);
    case ActionKind::Delete: return undoDelete(*entry);
    default: {
        const ActionEntry inverse = restoreStates(*entry);
        if (inverse.items.isEmpty())
            return refused(QCoreApplication::translate("skein::ConversationUndo", "Nothing to undo: the messages are gone."));
        return commit(inverse);
    }
    }
}

// Moves back what the action moved (a message still under its move's
// placeholder goes under the id the target's Sync brings: the journal waits
// for it). The rule the action set up (ignore, always-move, or one Skein
// keeps itself) is forgotten: MS-ASCON has no way to lift a server's rule.
Result ConversationActions::undoMove(const ActionEntry &done)
{
    auto transaction = m_store.database().join();
    if (!transaction.isActive())
        return refused(m_store.lastError());
    if (const auto rule = m_store.journalStore().conversationRule(done.conversationId);
        rule && rule->actionId == done.id && !m_store.journalStore().removeConversationRule(done.conversationId))
        return refused(m_store.lastError());
    const ActionEntry inverse = moveBack(done);
    if (inverse.items.isEmpty() && done.kind == ActionKind::Move)
        return refused(QCoreApplication::translate("skein::ConversationUndo", "Nothing to undo: the messages have moved on or are gone."));
    Result result{done.id, {}};
    if (!inverse.items.isEmpty() && !(result = commit(inverse)).ok())
        return result;
    if (!transaction.commit())
        return refused(m_store.lastError());
    return result;
}

ActionEntry ConversationActions::restoreStates(const ActionEntry &done) const
{
    ActionEntry inverse;
    inverse.kind = inverseStateKind(done.kind);
    inverse.conversationId = done.conversationId;
    inverse.folderId = done.folderId;
    for (const ActionItem &item : done.items) {
        const std::optional<Message> now = m_store.messageStore().messageById(item.messageId);
        if (!now)
            continue;
        ActionItem back = ActionItem::of(*now);
        if (item.newRead)
            back.newRead = item.read;
        if (item.newFlag)
            back.newFlag = item.flag;
        inverse.items.append(back);
    }
    return inverse;
}

ActionEntry ConversationActions::moveBack(const ActionEntry &done) const
{
    ActionEntry inverse;
    inverse.kind = ActionKind::Move;
    inverse.conversationId = done.conversationId;
    inverse.folderId = done.targetFolderId;
    inverse.targetFolderId = done.folderId;
    for (const ActionItem &item : done.items) {
        const std::optional<Message> now = m_store.messageStore().messageById(item.messageId);
        if (!now || now->folderId != item.targetFolderId)
            continue; // gone, or moved on since: it is not the move's to take back
        ActionItem back = ActionItem::of(*now);
        back.targetFolderId = item.folderId;
        inverse.items.append(back);
    }
    return inverse;
}

Result ConversationActions::undoDelete(const ActionEntry &done)
{
    const std::optional<Folder> trash = m_store.folderStore().folderOfType(FolderType::DeletedItems);
    if (!trash || done.folderId == trash->serverId)
        return refused(QCoreApplication::translate("skein::ConversationUndo", "Messages deleted from Deleted Items are gone for good."));
    ActionEntry inverse;
    inverse.kind = ActionKind::Move;
    inverse.conversationId = done.conversationId;
    inverse.folderId = trash->serverId;
    inverse.targetFolderId = done.folderId;
    const QList<Message> candidates = done.conversationId.isEmpty() ? m_store.messageStore().messagesInFolder(trash->serverId)
                                                                      : m_store.messageStore().conversationMessages(done.conversationId);
    QSet<qint64> taken;
    for (const ActionItem &item : done.items) {
        if (!item.removed)
            continue;
        for (const Message &copy : candidates) {
            if (copy.folderId != trash->serverId || taken.contains(copy.id) || !sameMessage(copy, *item.removed))
                continue;
            ActionItem back = ActionItem::of(copy);
            back.targetFolderId = item.folderId;
            inverse.items.append(back);
            taken.insert(copy.id);
            break;
        }
    }
    if (inverse.items.isEmpty())
        return refused(QCoreApplication::translate("skein::ConversationUndo", "The deleted messages are not in Deleted Items on this computer yet. "
                                                                              "Try again after the next sync."));
    return commit(inverse);
}

} // namespace skein
