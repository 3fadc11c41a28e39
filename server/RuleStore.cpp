#include "RuleStore.h"

#include "SqlStatement.h"

namespace skein::server {

std::optional<ConversationRule> RuleStore::conversationRule(qint64 userId, const QByteArray &conversationId)
{
    if (conversationId.isEmpty())
        return std::nullopt;
    SqlStatement q(m_db, "SELECT conversation_id, folder_id, created FROM conversation_rules "
                         "WHERE user_id=? AND conversation_id=?");
    q.bind(1, userId).bindBlob(2, conversationId);
    if (!q.next())
        return std::nullopt;
    return ConversationRule{q.blob(0), q.integer(1), q.integer(2)};
}

QList<ConversationRule> RuleStore::conversationRules(qint64 userId)
{
    QList<ConversationRule> out;
    SqlStatement q(m_db, "SELECT conversation_id, folder_id, created FROM conversation_rules "
                         "WHERE user_id=? ORDER BY created, conversation_id");
    q.bind(1, userId);
    while (q.next())
        out.append(ConversationRule{q.blob(0), q.integer(1), q.integer(2)});
    return out;
}

bool RuleStore::setConversationRule(qint64 userId, const ConversationRule &rule)
{
    // A later Move of the same conversation replaces the target (ignore after always-move).
    SqlStatement q(m_db, "INSERT OR REPLACE INTO conversation_rules(user_id, conversation_id, folder_id, created) "
                         "VALUES(?,?,?,?)");
    return q.bind(1, userId).bindBlob(2, rule.conversationId).bind(3, rule.folderId).bind(4, rule.createdMs).run();
}

} // namespace skein::server
