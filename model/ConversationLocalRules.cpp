// Ignore / always-move rules that Skein keeps itself (RuleScope::Local), for
// servers that refuse [MS-ASCON]'s ItemOperations Move (see Capabilities.h).

#include "ConversationActions.h"

#include "Database.h"

#include <QSet>

namespace skein {

namespace {

// The folders a conversation Move leaves alone ([MS-ASCON] 3.2.5.3 Sent
// Items; Drafts and Outbox hold mail still being written or sent).
bool localRuleMayMoveFrom(const std::optional<Folder> &folder)
{
    return folder && isMailFolder(folder->type) && folder->type != FolderType::SentItems
        && folder->type != FolderType::Drafts && folder->type != FolderType::Outbox;
}

} // namespace

ActionEntry ConversationActions::localRuleEntry(const ConversationRule &rule, const QString &onlyFolderId,
                                                const QStringList &onlyServerIds) const
{
    ActionEntry entry;
    entry.kind = ActionKind::Move;
    entry.conversationId = rule.conversationId;
    entry.targetFolderId = rule.targetFolderId;
    entry.folderId = onlyFolderId;
    QHash<QString, bool> movable; // folder id -> may move from it
    for (const Message &m : m_store.messageStore().conversationMessages(rule.conversationId)) {
        if (m.folderId == rule.targetFolderId || (!onlyFolderId.isEmpty() && m.folderId != onlyFolderId)
            || (!onlyServerIds.isEmpty() && !onlyServerIds.contains(m.serverId)))
            continue;
        if (!movable.contains(m.folderId))
            movable.insert(m.folderId, localRuleMayMoveFrom(m_store.folderStore().folder(m.folderId)));
        // A placeholder has no ServerId the server knows yet: it is already moving.
        if (!movable.value(m.folderId) || m_store.messageStore().isMoving(m.id))
            continue;
        ActionItem item;
        item.messageId = m.id;
        item.serverId = m.serverId;
        item.folderId = m.folderId;
        item.targetFolderId = rule.targetFolderId;
        item.read = m.read;
        item.flag = m.flag;
        entry.items.append(item);
        if (entry.folderId.isEmpty())
            entry.folderId = m.folderId;
    }
    return entry;
}

ConversationActions::Result ConversationActions::keepRuleLocally(const ActionEntry &serverEntry)
{
    auto transaction = m_store.database().join();
    if (!transaction.isActive())
        return {0, m_store.lastError()};
    // Its placeholders go back first: the MoveItems entry moves them again,
    // together with whatever else the rule covers now.
    for (const ActionItem &item : serverEntry.items)
        if (!m_journal.rollbackItem(serverEntry, item))
            return {0, m_journal.lastError().isEmpty() ? m_store.lastError() : m_journal.lastError()};
    std::optional<ConversationRule> rule = m_store.journalStore().conversationRule(serverEntry.conversationId);
    ActionEntry finished = serverEntry;
    if (!rule || rule->actionId != serverEntry.id) {
        // The user stopped the rule meanwhile: nothing left to keep.
        finished.state = ActionState::Failed;
        finished.error = QStringLiteral("This server cannot keep conversation rules, and the rule "
                                        "was stopped before Skein could keep it on this computer.");
        if (!m_store.journalStore().updateAction(finished) || !transaction.commit())
            return {0, m_store.lastError()};
        return {0, finished.error};
    }
    finished.state = ActionState::Done;
    finished.error = QStringLiteral("This server cannot keep conversation rules; Skein keeps this "
                                    "one on this computer.");
    if (!m_store.journalStore().updateAction(finished))
        return {0, m_store.lastError()};
    rule->scope = RuleScope::Local;
    rule->state = RuleState::Pending; // active once its MoveItems is done
    rule->error.clear();
    const ActionEntry entry = localRuleEntry(*rule);
    const Result result = commit(entry, &*rule); // joins this transaction
    if (!result.ok())
        return result;
    if (!transaction.commit())
        return {0, m_store.lastError()};
    return result;
}

QList<qint64> ConversationActions::applyLocalRules(const QString &folderId, const QList<Message> &arrived)
{
    QList<qint64> ids;
    QSet<QByteArray> conversations;
    QStringList serverIds;
    for (const Message &m : arrived) {
        if (!m.conversationId.isEmpty()) {
            conversations.insert(m.conversationId);
            serverIds.append(m.serverId);
        }
    }
    if (conversations.isEmpty())
        return ids;
    for (const ConversationRule &rule : m_store.journalStore().conversationRules()) {
        if (rule.scope != RuleScope::Local || rule.state == RuleState::Failed
            || !conversations.contains(rule.conversationId))
            continue;
        const ActionEntry entry = localRuleEntry(rule, folderId, serverIds);
        if (entry.items.isEmpty())
            continue;
        if (const Result r = commit(entry); r.ok())
            ids.append(r.entryId);
    }
    return ids;
}

} // namespace skein
