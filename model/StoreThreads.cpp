// Reply headers and inferred conversations of skein::Store (ThreadInference.h).

#include "StorePrivate.h"
#include "ThreadInference.h"

namespace skein {

QList<Message> Store::messagesNeedingReplyHeaders(const QString &folderId, int limit,
                                                  int maxFailures) const
{
    // Placeholders of a local move have no server id the server knows yet.
    auto q = d->prepare("SELECT id, server_id FROM messages WHERE folder_id = :folder_id "
                        "AND NOT headers_fetched AND conversation_index IS NULL "
                        "AND header_fetch_failures < :max_failures AND NOT moving "
                        "ORDER BY id LIMIT :limit");
    if (!q.isValid())
        return {};
    q.bind(":folder_id", folderId);
    q.bind(":max_failures", maxFailures);
    q.bind(":limit", limit);
    QList<Message> result;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) {
        Message m;
        m.id = q.int64(0);
        m.serverId = q.text(1);
        m.folderId = folderId;
        result.append(std::move(m));
    }
    if (rc != SQLITE_DONE) {
        d->fail(QStringLiteral("listing the messages of folder %1 that need reply headers")
                    .arg(folderId));
        return {};
    }
    return result;
}

bool Store::setReplyHeaders(qint64 messageId, const ReplyHeaders &headers)
{
    auto q = d->prepare("UPDATE messages SET message_id = :message_id, in_reply_to = :in_reply_to, "
                        "reply_references = :references, headers_fetched = 1 WHERE id = :id");
    if (!q.isValid())
        return false;
    q.bind(":message_id", headers.messageId);
    q.bind(":in_reply_to", headers.inReplyTo);
    q.bind(":references", headers.references.join(QLatin1Char(' ')));
    q.bind(":id", messageId);
    return d->check(q.step(), QStringLiteral("storing the reply headers of message %1").arg(messageId));
}

bool Store::noteReplyHeadersFailed(const QList<qint64> &messageIds)
{
    sql::Transaction transaction(d->db);
    if (!transaction.isActive())
        return d->fail(QStringLiteral("noting failed reply header fetches"));
    for (const qint64 id : messageIds) {
        auto q = d->prepare("UPDATE messages SET header_fetch_failures = header_fetch_failures + 1 "
                            "WHERE id = :id");
        if (!q.isValid())
            return false;
        q.bind(":id", id);
        if (!d->check(q.step(), QStringLiteral("noting a failed reply header fetch")))
            return false;
    }
    return transaction.commit() || d->fail(QStringLiteral("noting failed reply header fetches"));
}

bool Store::inferConversations(int *changed, QList<qint64> *joined)
{
    if (changed)
        *changed = 0;
    if (joined)
        joined->clear();
    const QString what = QStringLiteral("grouping messages into conversations");
    // Exchange and SOGo send an id for every message: nothing to infer.
    auto needed = d->prepare("SELECT EXISTS (SELECT 1 FROM messages "
                             "WHERE conversation_id IS NULL OR conversation_inferred)");
    if (!needed.isValid() || needed.step() != SQLITE_ROW)
        return d->fail(what);
    if (!needed.boolean(0))
        return true;
    needed = sql::Statement();

    sql::Transaction transaction(d->db);
    if (!transaction.isActive())
        return d->fail(what);
    auto q = d->prepare("SELECT id, conversation_id, conversation_inferred, message_id, "
                        "in_reply_to, reply_references, subject, thread_topic, date_received "
                        "FROM messages ORDER BY id");
    if (!q.isValid())
        return false;
    QList<ThreadCandidate> candidates;
    QList<InferredConversation> stored;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) {
        ThreadCandidate c;
        c.id = q.int64(0);
        InferredConversation now{q.blob(1), q.boolean(2)};
        // The prefix counts even without the flag (a row restored by undo).
        if (!now.inferred && !isInferredConversationId(now.conversationId))
            c.serverConversationId = now.conversationId;
        c.messageId = q.text(3);
        c.inReplyTo = q.text(4);
        c.references = q.text(5).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        c.subject = q.text(6);
        c.threadTopic = q.text(7);
        c.date = q.time(8);
        candidates.append(std::move(c));
        stored.append(std::move(now));
    }
    if (rc != SQLITE_DONE)
        return d->fail(what);
    q = sql::Statement();

    const QList<InferredConversation> inferred = ThreadInference::infer(candidates);
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        const InferredConversation &to = inferred[i];
        if (to.conversationId == stored[i].conversationId && to.inferred == stored[i].inferred)
            continue;
        // The head triggers (migration 3) follow conversation_id updates.
        auto update = d->prepare("UPDATE messages SET conversation_id = :cid, "
                                 "conversation_inferred = :inferred WHERE id = :id");
        if (!update.isValid())
            return false;
        update.bindBlob(":cid", to.conversationId);
        update.bind(":inferred", to.inferred);
        update.bind(":id", candidates[i].id);
        if (!d->check(update.step(), what))
            return false;
        if (changed)
            ++*changed;
        if (joined && !to.conversationId.isEmpty())
            joined->append(candidates[i].id);
    }
    return transaction.commit() || d->fail(what);
}

} // namespace skein
