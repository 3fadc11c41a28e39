#include "ActionJournal.h"

#include "Database.h"

#include <QCoreApplication>

namespace skein {

namespace {

// An item journaled while its message's move was unconfirmed.
bool isPlaceholder(const ActionItem &item)
{
    return item.serverId == movingPlaceholderServerId(item.messageId);
}

} // namespace

ActionJournal::ActionJournal(Store &store) : m_store(store) {}

QString ActionJournal::movedElsewhereText()
{
    return QCoreApplication::translate("skein::ActionJournal", "The message had been moved or deleted elsewhere (on another device, or by an earlier "
                                                               "action the server refused) before this action reached the server. The folder that "
                                                               "holds it now shows it after its next sync.");
}

bool ActionJournal::fail(const QString &what)
{
    m_error = QStringLiteral("%1: %2").arg(what, m_store.lastError());
    return false;
}

qint64 ActionJournal::append(ActionEntry entry)
{
    if (!entry.created.isValid())
        entry.created = QDateTime::currentDateTimeUtc();
    entry.state = ActionState::Pending;
    const qint64 id = m_store.journalStore().insertAction(entry);
    if (!id)
        fail(QStringLiteral("journaling the action"));
    return id;
}

std::optional<ActionEntry> ActionJournal::entry(qint64 id) const
{
    return m_store.journalStore().action(id);
}

QList<ActionEntry> ActionJournal::unfinished() const
{
    return m_store.journalStore().actions(true);
}

QList<ActionEntry> ActionJournal::all() const
{
    return m_store.journalStore().actions(false);
}

bool ActionJournal::setState(const QList<qint64> &ids, ActionState state, bool countAttempt)
{
    auto transaction = m_store.database().join();
    if (!transaction.isActive())
        return fail(QStringLiteral("updating the journal"));
    for (const qint64 id : ids) {
        std::optional<ActionEntry> e = m_store.journalStore().action(id);
        if (!e || e->isFinished()) {
            if (state == ActionState::Sending)
                return false; // undone since the replay listed it: send none (rolls back)
            continue; // finished entries never go back
        }
        e->state = state;
        e->attempts += countAttempt ? 1 : 0;
        if (!m_store.journalStore().updateAction(*e))
            return fail(QStringLiteral("updating action %1").arg(id));
    }
    return transaction.commit() || fail(QStringLiteral("updating the journal"));
}

bool ActionJournal::markSending(const QList<qint64> &ids)
{
    return setState(ids, ActionState::Sending, true);
}

QString ActionJournal::cancelledText()
{
    return QCoreApplication::translate("skein::ActionJournal", "Undone before it reached the server.");
}

bool ActionJournal::cancel(qint64 id)
{
    m_error.clear(); // false with no error: not pending any more
    auto transaction = m_store.database().join();
    if (!transaction.isActive())
        return fail(QStringLiteral("undoing action %1").arg(id));
    const std::optional<ActionEntry> e = m_store.journalStore().action(id);
    if (!e || e->state != ActionState::Pending)
        return false;
    if (!markFailed(*e, cancelledText()))
        return false;
    if (const auto rule = m_store.journalStore().conversationRule(e->conversationId); rule && rule->actionId == id
        && !m_store.journalStore().removeConversationRule(e->conversationId))
        return fail(QStringLiteral("forgetting the rule of action %1").arg(id));
    return transaction.commit() || fail(QStringLiteral("undoing action %1").arg(id));
}

bool ActionJournal::markPending(const QList<qint64> &ids)
{
    return setState(ids, ActionState::Pending, false);
}

bool ActionJournal::saveProgress(const ActionEntry &entry)
{
    std::optional<ActionEntry> stored = m_store.journalStore().action(entry.id);
    if (!stored)
        return false;
    stored->items = entry.items;
    return m_store.journalStore().updateAction(*stored) || fail(QStringLiteral("saving action %1").arg(entry.id));
}

bool ActionJournal::markDone(const ActionEntry &entry)
{
    auto transaction = m_store.database().join();
    ActionEntry done = entry;
    done.state = ActionState::Done;
    done.error.clear();
    if (!transaction.isActive() || !m_store.journalStore().updateAction(done))
        return fail(QStringLiteral("marking action %1 done").arg(entry.id));
    if (std::optional<ConversationRule> rule = m_store.journalStore().conversationRule(entry.conversationId);
        rule && rule->actionId == entry.id) {
        rule->state = RuleState::Active;
        if (!m_store.journalStore().saveConversationRule(*rule))
            return fail(QStringLiteral("activating a conversation rule"));
    }
    return transaction.commit() || fail(QStringLiteral("marking action %1 done").arg(entry.id));
}

bool ActionJournal::rollbackItem(const ActionEntry &entry, const ActionItem &item)
{
    switch (channelOf(entry.kind)) {
    case ActionChannel::Sync:
        if (entry.kind == ActionKind::Delete)
            return !item.removed || m_store.messageStore().restoreMessage(*item.removed) != 0;
        return m_store.messageStore().setMessageState(item.messageId, item.read, item.flag);
    case ActionChannel::MoveItems:
    case ActionChannel::ItemOperations: {
        // Back where it was, under the id the server still uses there.
        if (!isPlaceholder(item)) {
            if (m_store.messageStore().messageById(item.messageId))
                return m_store.messageStore().relocateMessage(item.messageId, item.folderId, item.serverId, false);
            // The user deleted it in the target meanwhile; that delete can
            // never reach it, and the message is still where it was.
            std::optional<Message> copy = removedLater(entry.id, item.messageId);
            if (!copy)
                return true;
            copy->folderId = item.folderId;
            copy->serverId = item.serverId;
            copy->read = item.read;
            copy->flag = item.flag;
            return m_store.messageStore().restoreMessage(*copy) != 0;
        }
        const std::optional<MoveInto> origin = moveInto(entry.id, item.messageId, item.folderId);
        if (!origin || (origin->entry.state == ActionState::Failed && !origin->item.confirmed))
            return true; // it never got there: the undo of that move put the row back
        if (origin->item.newServerId.isEmpty()) {
            // The target's Sync names it; if that came while the row was
            // here, it stored the message as a row of its own: take it over.
            const std::optional<Message> row = m_store.messageStore().messageById(item.messageId);
            const std::optional<Message> copy = row ? broughtBySync(*row, item.folderId) : std::nullopt;
            if (!copy)
                return m_store.messageStore().relocateMessage(item.messageId, item.folderId, item.serverId, true);
            return m_store.messageStore().removeMessage(copy->id)
                && m_store.messageStore().relocateMessage(item.messageId, item.folderId, copy->serverId, false);
        }
        const std::optional<Message> there = m_store.messageStore().message(item.folderId, origin->item.newServerId);
        if (there && there->id != item.messageId)
            return m_store.messageStore().removeMessage(item.messageId); // a Sync brought it meanwhile
        return m_store.messageStore().relocateMessage(item.messageId, item.folderId, origin->item.newServerId, false);
    }
    }
    return false;
}

bool ActionJournal::markFailed(const ActionEntry &entry, const QString &reason,
                               const QList<int> &failedItems, const QList<int> &goneItems)
{
    auto transaction = m_store.database().join();
    if (!transaction.isActive())
        return fail(QStringLiteral("marking action %1 failed").arg(entry.id));
    const bool all = failedItems.isEmpty() && goneItems.isEmpty();
    for (qsizetype i = 0; i < entry.items.size(); ++i) {
        const int index = int(i);
        if (goneItems.contains(index)) {
            if (!settleGoneItem(entry, entry.items.at(i)))
                return fail(QStringLiteral("settling action %1").arg(entry.id));
            continue;
        }
        if (!all && !failedItems.contains(index))
            continue; // the server applied this one
        if (!rollbackItem(entry, entry.items.at(i)))
            return fail(QStringLiteral("rolling back action %1").arg(entry.id));
    }
    ActionEntry failed = entry;
    failed.state = ActionState::Failed;
    failed.error = reason;
    if (!m_store.journalStore().updateAction(failed))
        return fail(QStringLiteral("marking action %1 failed").arg(entry.id));
    if (std::optional<ConversationRule> rule = m_store.journalStore().conversationRule(entry.conversationId);
        rule && rule->actionId == entry.id) {
        rule->state = RuleState::Failed;
        rule->error = reason;
        if (!m_store.journalStore().saveConversationRule(*rule))
            return fail(QStringLiteral("recording a refused conversation rule"));
    }
    return transaction.commit() || fail(QStringLiteral("marking action %1 failed").arg(entry.id));
}

std::optional<ActionJournal::MoveInto> ActionJournal::moveInto(qint64 before, qint64 messageId,
                                                               const QString &folderId) const
{
    std::optional<MoveInto> found;
    for (const ActionEntry &e : m_store.journalStore().actions(false)) {
        if (e.id >= before)
            break;
        if (channelOf(e.kind) == ActionChannel::Sync)
            continue;
        for (const ActionItem &item : e.items)
            if (item.messageId == messageId && item.targetFolderId == folderId)
                found = MoveInto{e, item};
    }
    return found;
}

ActionJournal::ItemId ActionJournal::serverIdNow(const ActionEntry &entry, const ActionItem &item,
                                                 const QSet<QString> &settledFolders, QString *serverId,
                                                 qint64 *broughtAs) const
{
    *serverId = item.serverId;
    if (!isPlaceholder(item))
        return ItemId::Known;
    const std::optional<MoveInto> origin = moveInto(entry.id, item.messageId, item.folderId);
    if (!origin)
        return ItemId::Gone;
    if (!origin->item.newServerId.isEmpty()) {
        *serverId = origin->item.newServerId; // the MoveItems answer named it
        return ItemId::Known;
    }
    if (!origin->entry.isFinished())
        return ItemId::WaitingForAnswer;
    if (origin->entry.state == ActionState::Failed && !origin->item.confirmed)
        return ItemId::Gone;
    // Moved without a new id (a conversation Move; a re-sent MoveItems whose
    // source was gone): the target's Sync names it when its row takes over
    // the placeholder (SyncApplier::adoptMovedMessages).
    const std::optional<Message> row = m_store.messageStore().messageById(item.messageId);
    if (row && row->folderId == item.folderId) {
        if (m_store.messageStore().isMoving(row->id))
            return settledFolders.contains(item.folderId) ? ItemId::Gone : ItemId::WaitingForSync;
        *serverId = row->serverId;
        return ItemId::Known;
    }
    // The user moved the row on, or deleted it, before that Sync came: the
    // Sync found no placeholder to take over and stored the message as a
    // row of its own.
    const std::optional<Message> like = row ? row : item.removed;
    if (like) {
        if (const std::optional<Message> there = broughtBySync(*like, item.folderId)) {
            *serverId = there->serverId;
            if (broughtAs)
                *broughtAs = there->id;
            return ItemId::Known;
        }
    }
    return settledFolders.contains(item.folderId) ? ItemId::Gone : ItemId::WaitingForSync;
}

std::optional<Message> ActionJournal::broughtBySync(const Message &like, const QString &folderId) const
{
    if (like.conversationId.isEmpty())
        return std::nullopt;
    for (const Message &m : m_store.messageStore().conversationMessages(like.conversationId))
        if (m.folderId == folderId && m.id != like.id && m.conversationIndex == like.conversationIndex
            && m.dateReceived == like.dateReceived && !m_store.messageStore().isMoving(m.id))
            return m;
    return std::nullopt;
}

ActionJournal::Resolution ActionJournal::resolvePlaceholders(ActionEntry &entry, const QSet<QString> &settledFolders)
{
    Resolution resolution;
    // Rows a Sync made for messages whose own rows the user moved on or
    // deleted: a move or delete takes them over; a change leaves them to it.
    const bool takesOver = channelOf(entry.kind) != ActionChannel::Sync || entry.kind == ActionKind::Delete;
    QList<qint64> copies;
    for (qsizetype i = 0; i < entry.items.size(); ++i) {
        ActionItem &item = entry.items[i];
        if (item.confirmed || !isPlaceholder(item))
            continue;
        QString serverId;
        qint64 broughtAs = 0;
        switch (serverIdNow(entry, item, settledFolders, &serverId, &broughtAs)) {
        case ItemId::Known:
            item.serverId = serverId;
            if (item.removed)
                item.removed->serverId = serverId;
            if (broughtAs && takesOver)
                copies.append(broughtAs);
            resolution.named = true;
            break;
        case ItemId::WaitingForAnswer: resolution.waiting = true; break;
        case ItemId::WaitingForSync:
            resolution.waiting = true;
            resolution.waitsForSync.insert(item.folderId);
            break;
        case ItemId::Gone: resolution.gone.append(int(i)); break;
        }
    }
    if (!resolution.named)
        return resolution;
    // The entry's row is that message, moved on or deleted by the user: the
    // copy goes with the id written into the journal, in one transaction.
    auto transaction = m_store.database().join();
    for (const qint64 copy : std::as_const(copies))
        m_store.messageStore().removeMessage(copy);
    if (!saveProgress(entry) || !transaction.commit())
        fail(QStringLiteral("naming the messages of action %1").arg(entry.id));
    return resolution;
}

bool ActionJournal::settleGoneItem(const ActionEntry &entry, const ActionItem &item)
{
    // A change never reached the message: if the refusal of the move before
    // it put the row back, the row shows the state before the change.
    if (channelOf(entry.kind) == ActionChannel::Sync && entry.kind != ActionKind::Delete
        && !m_store.messageStore().setMessageState(item.messageId, item.read, item.flag))
        return false;
    // A change leaves the row where it found it; a move, in its target.
    const QString leftIn = channelOf(entry.kind) == ActionChannel::Sync ? item.folderId : item.targetFolderId;
    const std::optional<Message> row = m_store.messageStore().messageById(item.messageId);
    if (!row || row->folderId != leftIn || !m_store.messageStore().isMoving(row->id) || movedOnLater(entry.id, item.messageId))
        return true;
    return m_store.messageStore().removeMessage(row->id);
}

std::optional<Message> ActionJournal::removedLater(qint64 entryId, qint64 messageId) const
{
    for (const ActionEntry &e : unfinished())
        if (e.id > entryId && e.kind == ActionKind::Delete)
            for (const ActionItem &item : e.items)
                if (item.messageId == messageId && item.removed)
                    return item.removed;
    return std::nullopt;
}

bool ActionJournal::movedOnLater(qint64 entryId, qint64 messageId) const
{
    for (const ActionEntry &e : unfinished()) {
        if (e.id <= entryId || (channelOf(e.kind) == ActionChannel::Sync && e.kind != ActionKind::Delete))
            continue;
        for (const ActionItem &item : e.items)
            if (item.messageId == messageId)
                return true;
    }
    return false;
}

} // namespace skein
