// ServerStore: what conversation actions, sending and delivery need —
// conversation members, Message-ID lookups, local recipients, the persistent
// conversation rules and the ClientIds already sent.
#include "ServerStore.h"

#include "SqlStatement.h"

namespace skein::server {

namespace {

// Message-IDs are stored with angle brackets; callers may pass either form.
QString bracketed(const QString &id)
{
    const QString bare = id.trimmed();
    if (bare.isEmpty() || bare.startsWith(QLatin1Char('<')))
        return bare;
    return QLatin1Char('<') + bare + QLatin1Char('>');
}

} // namespace

QList<MessageRow> ServerStore::conversationMessages(qint64 userId, const QByteArray &conversationId)
{
    QList<MessageRow> out;
    if (conversationId.isEmpty())
        return out;
    QList<qint64> ids;
    {
        SqlStatement q(m_db, "SELECT id FROM messages WHERE user_id=? AND conversation_id=? ORDER BY id");
        q.bind(1, userId).bindBlob(2, conversationId);
        while (q.next())
            ids.append(q.integer(0));
    }
    for (qint64 id : std::as_const(ids))
        if (auto m = message(userId, id, false))
            out.append(*m);
    return out;
}

std::optional<MessageRow> ServerStore::messageByInternetId(qint64 userId, const QString &internetMessageId)
{
    const QString id = bracketed(internetMessageId);
    if (id.isEmpty())
        return std::nullopt;
    qint64 found = 0;
    {
        SqlStatement q(m_db, "SELECT id FROM messages WHERE user_id=? AND message_id=? ORDER BY id DESC LIMIT 1");
        q.bind(1, userId).bind(2, id);
        if (q.next())
            found = q.integer(0);
    }
    return found ? message(userId, found, false) : std::nullopt;
}

std::optional<UserRow> ServerStore::userByAddress(const QString &address)
{
    const QString addr = address.trimmed();
    const int at = addr.indexOf(QLatin1Char('@'));
    if (at <= 0)
        return std::nullopt;
    for (const UserRow &u : users()) {
        if (u.email.compare(addr, Qt::CaseInsensitive) == 0)
            return u;
    }
    // Any domain: test setups need no DNS or domain configuration.
    return user(addr.left(at));
}

std::optional<ConversationRule> ServerStore::conversationRule(qint64 userId, const QByteArray &conversationId)
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

QList<ConversationRule> ServerStore::conversationRules(qint64 userId)
{
    QList<ConversationRule> out;
    SqlStatement q(m_db, "SELECT conversation_id, folder_id, created FROM conversation_rules "
                         "WHERE user_id=? ORDER BY created, conversation_id");
    q.bind(1, userId);
    while (q.next())
        out.append(ConversationRule{q.blob(0), q.integer(1), q.integer(2)});
    return out;
}

bool ServerStore::setConversationRule(qint64 userId, const ConversationRule &rule)
{
    // A later Move of the same conversation replaces the target (ignore after always-move).
    SqlStatement q(m_db, "INSERT OR REPLACE INTO conversation_rules(user_id, conversation_id, folder_id, created) "
                         "VALUES(?,?,?,?)");
    return q.bind(1, userId).bindBlob(2, rule.conversationId).bind(3, rule.folderId).bind(4, rule.createdMs).run();
}

bool ServerStore::hasClientId(qint64 userId, const QString &clientId)
{
    SqlStatement q(m_db, "SELECT 1 FROM sent_client_ids WHERE user_id=? AND client_id=?");
    q.bind(1, userId).bind(2, clientId);
    return q.next();
}

bool ServerStore::rememberClientId(qint64 userId, const QString &clientId, qint64 nowMs)
{
    SqlStatement q(m_db, "INSERT OR IGNORE INTO sent_client_ids(user_id, client_id, created) VALUES(?,?,?)");
    return q.bind(1, userId).bind(2, clientId).bind(3, nowMs).run();
}

} // namespace skein::server
