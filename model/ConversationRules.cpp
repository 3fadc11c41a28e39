#include "ConversationRules.h"

#include "Database.h"

#include <QCoreApplication>
#include <QHash>

namespace skein {

ConversationRules::ConversationRules(Store &store) : m_store(store) {}

QList<ConversationRule> ConversationRules::list() const
{
    return m_store.journalStore().conversationRules();
}

std::optional<ConversationRule> ConversationRules::rule(const QByteArray &conversationId) const
{
    return m_store.journalStore().conversationRule(conversationId);
}

bool ConversationRules::isIgnored(const QByteArray &conversationId) const
{
    const std::optional<ConversationRule> r = rule(conversationId);
    return r && r->kind == ActionKind::Ignore && r->state != RuleState::Failed;
}

// Where each message came from: the rule's own journal entry remembers the
// folder of every message it moved (rows keep their id through the move).
ActionEntry ConversationRules::bringBackEntry(const ConversationRule &rule) const
{
    QHash<qint64, QString> origin;
    if (const std::optional<ActionEntry> setUp = m_store.journalStore().action(rule.actionId)) {
        for (const ActionItem &item : setUp->items)
            origin.insert(item.messageId, item.folderId);
    }
    const std::optional<Folder> inbox = m_store.folderStore().folderOfType(FolderType::Inbox);
    ActionEntry entry;
    entry.kind = ActionKind::Move;
    entry.conversationId = rule.conversationId;
    entry.folderId = rule.targetFolderId;
    for (const Message &m : m_store.messageStore().conversationMessages(rule.conversationId)) {
        // A placeholder has no ServerId the server knows yet; it cannot be moved.
        if (m.folderId != rule.targetFolderId || m_store.messageStore().isMoving(m.id))
            continue;
        ActionItem item = ActionItem::of(m);
        item.targetFolderId = origin.value(m.id, inbox ? inbox->serverId : QString());
        if (!item.targetFolderId.isEmpty() && item.targetFolderId != m.folderId)
            entry.items.append(item);
    }
    return entry;
}

ConversationActions::Result ConversationRules::stopIgnoring(const QByteArray &conversationId,
                                                           bool bringBack,
                                                           ConversationActions *actions)
{
    const std::optional<ConversationRule> existing = rule(conversationId);
    if (!existing)
        return {0, QCoreApplication::translate("skein::ConversationRules", "There is no rule for this conversation.")};
    if (!bringBack) {
        if (!m_store.journalStore().removeConversationRule(conversationId))
            return {0, m_store.lastError()};
        return {};
    }
    ConversationActions local(m_store);
    ConversationActions &act = actions ? *actions : local;
    ActionEntry entry = bringBackEntry(*existing);
    // One transaction for forgetting the rule and journaling the way back.
    auto transaction = m_store.database().join();
    if (!transaction.isActive() || !m_store.journalStore().removeConversationRule(conversationId))
        return {0, m_store.lastError()};
    ConversationActions::Result result;
    if (!entry.items.isEmpty()) {
        result = act.commit(entry); // joins this transaction
        if (!result.ok())
            return result;
    }
    if (!transaction.commit())
        return {0, m_store.lastError()};
    return result;
}

} // namespace skein
