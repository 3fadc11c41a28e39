#include "ActionJournal.h"

#include "JoinedTransaction.h"

namespace skein {

ActionJournal::ActionJournal(Store &store) : m_store(store) {}

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
    const qint64 id = m_store.insertAction(entry);
    if (!id)
        fail(QStringLiteral("journaling the action"));
    return id;
}

std::optional<ActionEntry> ActionJournal::entry(qint64 id) const
{
    return m_store.action(id);
}

QList<ActionEntry> ActionJournal::unfinished() const
{
    return m_store.actions(true);
}

QList<ActionEntry> ActionJournal::all() const
{
    return m_store.actions(false);
}

bool ActionJournal::setState(const QList<qint64> &ids, ActionState state, bool countAttempt)
{
    sql::JoinedTransaction transaction(m_store.handle());
    if (!transaction.isActive())
        return fail(QStringLiteral("updating the journal"));
    for (const qint64 id : ids) {
        std::optional<ActionEntry> e = m_store.action(id);
        if (!e || e->isFinished())
            continue; // finished entries never go back
        e->state = state;
        e->attempts += countAttempt ? 1 : 0;
        if (!m_store.updateAction(*e))
            return fail(QStringLiteral("updating action %1").arg(id));
    }
    return transaction.commit() || fail(QStringLiteral("updating the journal"));
}

bool ActionJournal::markSending(const QList<qint64> &ids)
{
    return setState(ids, ActionState::Sending, true);
}

bool ActionJournal::markPending(const QList<qint64> &ids)
{
    return setState(ids, ActionState::Pending, false);
}

bool ActionJournal::saveProgress(const ActionEntry &entry)
{
    std::optional<ActionEntry> stored = m_store.action(entry.id);
    if (!stored)
        return false;
    stored->items = entry.items;
    return m_store.updateAction(*stored) || fail(QStringLiteral("saving action %1").arg(entry.id));
}

bool ActionJournal::markDone(const ActionEntry &entry)
{
    sql::JoinedTransaction transaction(m_store.handle());
    ActionEntry done = entry;
    done.state = ActionState::Done;
    done.error.clear();
    if (!transaction.isActive() || !m_store.updateAction(done))
        return fail(QStringLiteral("marking action %1 done").arg(entry.id));
    if (std::optional<ConversationRule> rule = m_store.conversationRule(entry.conversationId);
        rule && rule->actionId == entry.id) {
        rule->state = RuleState::Active;
        if (!m_store.saveConversationRule(*rule))
            return fail(QStringLiteral("activating a conversation rule"));
    }
    return transaction.commit() || fail(QStringLiteral("marking action %1 done").arg(entry.id));
}

bool ActionJournal::rollbackItem(ActionKind kind, const ActionItem &item)
{
    switch (channelOf(kind)) {
    case ActionChannel::Sync:
        if (kind == ActionKind::Delete)
            return !item.removed || m_store.restoreMessage(*item.removed) != 0;
        return m_store.setMessageState(item.messageId, item.read, item.flag);
    case ActionChannel::MoveItems:
    case ActionChannel::ItemOperations:
        // Back where it was, under the id the server still uses there.
        return m_store.relocateMessage(item.messageId, item.folderId, item.serverId, false);
    }
    return false;
}

bool ActionJournal::markFailed(const ActionEntry &entry, const QString &reason,
                               const QList<int> &failedItems)
{
    sql::JoinedTransaction transaction(m_store.handle());
    if (!transaction.isActive())
        return fail(QStringLiteral("marking action %1 failed").arg(entry.id));
    for (qsizetype i = 0; i < entry.items.size(); ++i) {
        if (!failedItems.isEmpty() && !failedItems.contains(int(i)))
            continue; // the server applied this one
        if (!rollbackItem(entry.kind, entry.items.at(i)))
            return fail(QStringLiteral("rolling back action %1").arg(entry.id));
    }
    ActionEntry failed = entry;
    failed.state = ActionState::Failed;
    failed.error = reason;
    if (!m_store.updateAction(failed))
        return fail(QStringLiteral("marking action %1 failed").arg(entry.id));
    if (std::optional<ConversationRule> rule = m_store.conversationRule(entry.conversationId);
        rule && rule->actionId == entry.id) {
        rule->state = RuleState::Failed;
        rule->error = reason;
        if (!m_store.saveConversationRule(*rule))
            return fail(QStringLiteral("recording a refused conversation rule"));
    }
    return transaction.commit() || fail(QStringLiteral("marking action %1 failed").arg(entry.id));
}

} // namespace skein
