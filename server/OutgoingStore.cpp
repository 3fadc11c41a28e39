#include "OutgoingStore.h"

#include "SqlStatement.h"

namespace skein::server {

bool OutgoingStore::hasClientId(qint64 userId, const QString &clientId)
{
    SqlStatement q(m_db, "SELECT 1 FROM sent_client_ids WHERE user_id=? AND client_id=?");
    q.bind(1, userId).bind(2, clientId);
    return q.next();
}

bool OutgoingStore::rememberClientId(qint64 userId, const QString &clientId, qint64 nowMs)
{
    SqlStatement q(m_db, "INSERT OR IGNORE INTO sent_client_ids(user_id, client_id, created) VALUES(?,?,?)");
    return q.bind(1, userId).bind(2, clientId).bind(3, nowMs).run();
}

qint64 OutgoingStore::draftByClientId(qint64 userId, const QString &clientId)
{
    SqlStatement q(m_db, "SELECT d.message_id FROM drafts d JOIN messages m ON m.id = d.message_id "
                         "WHERE d.user_id=? AND d.client_id=?");
    q.bind(1, userId).bind(2, clientId);
    return q.next() ? q.integer(0) : 0;
}

bool OutgoingStore::rememberDraft(qint64 userId, const QString &clientId, qint64 messageId, const QString &bcc)
{
    SqlStatement q(m_db, "INSERT OR REPLACE INTO drafts(message_id, user_id, client_id, bcc) VALUES(?,?,?,?)");
    return q.bind(1, messageId).bind(2, userId).bind(3, clientId).bind(4, bcc).run();
}

bool OutgoingStore::updateDraft(const MessageRow &m, const QString &bcc)
{
    SqlStatement q(m_db, "UPDATE messages SET subject=?, to_addr=?, cc_addr=?, display_to=?, thread_topic=?, "
                         "importance=?, body_type=?, body=?, received=? WHERE id=?");
    q.bind(1, m.subject).bind(2, m.to).bind(3, m.cc).bind(4, m.displayTo).bind(5, m.threadTopic);
    q.bind(6, m.importance).bind(7, m.bodyType).bind(8, m.body).bind(9, m.receivedMs).bind(10, m.id);
    if (!q.run())
        return false;
    SqlStatement b(m_db, "UPDATE drafts SET bcc=? WHERE message_id=?");
    return b.bind(1, bcc).bind(2, m.id).run();
}

QString OutgoingStore::draftBcc(qint64 messageId)
{
    SqlStatement q(m_db, "SELECT bcc FROM drafts WHERE message_id=?");
    q.bind(1, messageId);
    return q.next() ? q.text(0) : QString();
}

} // namespace skein::server
