// Reply headers and inferred conversations of skein::Store (ThreadInference.h).

#include "StoreRows.h"
#include "ThreadInference.h"

#include <QHash>

#include <algorithm>
#include <vector>

namespace skein {

// A message of the folder whose reply headers are still to be fetched.
// Placeholders of a local move have no server id the server knows yet.
#define SKEIN_HEADERS_PENDING                                                                    \
    "folder_id = :folder_id AND NOT headers_fetched AND conversation_index IS NULL "             \
    "AND header_fetch_failures < :max_failures AND NOT moving"

QList<Message> ThreadStore::messagesNeedingReplyHeaders(const QString &folderId, int limit,
                                                  int maxFailures) const
{
    auto q = m_db.prepare("SELECT id, server_id FROM messages WHERE " SKEIN_HEADERS_PENDING
                        " ORDER BY id LIMIT :limit");
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
        m_db.fail(QStringLiteral("listing the messages of folder %1 that need reply headers")
                    .arg(folderId));
        return {};
    }
    return result;
}

bool ThreadStore::setReplyHeaders(qint64 messageId, const ReplyHeaders &headers)
{
    auto q = m_db.prepare("UPDATE messages SET message_id = :message_id, in_reply_to = :in_reply_to, "
                        "reply_references = :references, headers_fetched = 1, "
                        "thread_links_stored = 0 WHERE id = :id");
    if (!q.isValid())
        return false;
    q.bind(":message_id", headers.messageId);
    q.bind(":in_reply_to", headers.inReplyTo);
    q.bind(":references", headers.references.join(QLatin1Char(' ')));
    q.bind(":id", messageId);
    return m_db.check(q.step(), QStringLiteral("storing the reply headers of message %1").arg(messageId));
}

bool ThreadStore::setReplyHeaders(const QList<std::pair<qint64, ReplyHeaders>> &fetched)
{
    // One transaction per server answer, not one per message.
    auto transaction = m_db.begin();
    if (!transaction.isActive())
        return m_db.fail(QStringLiteral("storing reply headers"));
    for (const auto &[messageId, headers] : fetched) {
        if (!setReplyHeaders(messageId, headers))
            return false;
    }
    return transaction.commit() || m_db.fail(QStringLiteral("storing reply headers"));
}

QList<Message> ThreadStore::replyHeaderQueue(const QString &folderId, int maxFailures) const
{
    const QString what = QStringLiteral("listing the messages of folder %1 that need reply headers").arg(folderId);
    auto q = m_db.prepare("SELECT id, server_id, subject, thread_topic, date_received FROM messages "
                        "WHERE " SKEIN_HEADERS_PENDING);
    if (!q.isValid())
        return {};
    q.bind(":folder_id", folderId);
    q.bind(":max_failures", maxFailures);
    struct Pending {
        Message message;
        QString topic;
        qint64 date = 0;
    };
    std::vector<Pending> pending;
    QHash<QString, qint64> newestOfTopic;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) {
        Pending p;
        p.message.id = q.int64(0);
        p.message.serverId = q.text(1);
        p.message.folderId = folderId;
        const QString threadTopic = q.text(3);
        p.topic = normalizedTopic(threadTopic.isEmpty() ? q.text(2) : threadTopic);
        p.date = q.int64(4);
        // A message without a topic is a conversation of its own.
        if (p.topic.isEmpty())
            p.topic = QStringLiteral("row-%1").arg(p.message.id);
        qint64 &newest = newestOfTopic[p.topic];
        newest = std::max(newest, p.date);
        pending.push_back(std::move(p));
    }
    if (rc != SQLITE_DONE) {
        m_db.fail(what);
        return {};
    }
    // The conversation list shows the newest conversations first: their
    // messages go first, so the top of the list is right after one answer.
    std::sort(pending.begin(), pending.end(), [&](const Pending &a, const Pending &b) {
        const qint64 newestA = newestOfTopic.value(a.topic);
        const qint64 newestB = newestOfTopic.value(b.topic);
        if (newestA != newestB)
            return newestA > newestB;
        if (a.topic != b.topic)
            return a.topic < b.topic;
        if (a.date != b.date)
            return a.date > b.date;
        return a.message.id < b.message.id;
    });
    QList<Message> result;
    result.reserve(qsizetype(pending.size()));
    for (Pending &p : pending)
        result.append(std::move(p.message));
    return result;
}

bool ThreadStore::noteReplyHeadersFailed(const QList<qint64> &messageIds)
{
    auto transaction = m_db.begin();
    if (!transaction.isActive())
        return m_db.fail(QStringLiteral("noting failed reply header fetches"));
    for (const qint64 id : messageIds) {
        auto q = m_db.prepare("UPDATE messages SET header_fetch_failures = header_fetch_failures + 1 "
                            "WHERE id = :id");
        if (!q.isValid())
            return false;
        q.bind(":id", id);
        if (!m_db.check(q.step(), QStringLiteral("noting a failed reply header fetch")))
            return false;
    }
    return transaction.commit() || m_db.fail(QStringLiteral("noting failed reply header fetches"));
}

namespace {

// The messages a regroup starts from (migration 14, its partial index
// messages_thread_links_missing has the same WHERE): links missing or out of
// date, and not waiting for the first fetch of their reply headers.
#define SKEIN_REGROUP_SEEDS                                                                      \
    "NOT thread_links_stored AND (headers_fetched OR conversation_index IS NOT NULL "              \
    "OR header_fetch_failures > 0 OR moving)"

constexpr const char *kCandidateColumns =
    "id, conversation_id, conversation_inferred, message_id, in_reply_to, reply_references, "
    "subject, thread_topic, date_received";

ThreadCandidate readCandidate(sql::Statement &q, InferredConversation *stored)
{
    ThreadCandidate c;
    c.id = q.int64(0);
    *stored = InferredConversation{q.blob(1), q.boolean(2)};
    // The prefix counts even without the flag (a row restored by undo).
    if (!stored->inferred && !isInferredConversationId(stored->conversationId))
        c.serverConversationId = stored->conversationId;
    c.messageId = q.text(3);
    c.inReplyTo = q.text(4);
    c.references = q.text(5).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    c.subject = q.text(6);
    c.threadTopic = q.text(7);
    c.date = q.time(8);
    return c;
}

} // namespace

bool ThreadStore::needsConversationInference(bool *needed) const
{
    // Exchange and SOGo send an id for every message: nothing to infer.
    auto q = m_db.prepare("SELECT EXISTS (SELECT 1 FROM messages "
                        "WHERE conversation_id IS NULL OR conversation_inferred)");
    if (!q.isValid() || q.step() != SQLITE_ROW)
        return m_db.fail(QStringLiteral("grouping messages into conversations"));
    *needed = q.boolean(0);
    return true;
}

bool ThreadStore::regroupCandidates(const QByteArray &sql, int *changed, QList<qint64> *joined, int *considered)
{
    const QString what = QStringLiteral("grouping messages into conversations");
    auto q = m_db.prepare(sql.constData());
    if (!q.isValid())
        return false;
    QList<ThreadCandidate> candidates;
    QList<InferredConversation> stored;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) {
        InferredConversation now;
        candidates.append(readCandidate(q, &now));
        stored.append(std::move(now));
    }
    if (rc != SQLITE_DONE)
        return m_db.fail(what);
    q = sql::Statement();

    const QList<InferredConversation> inferred = ThreadInference::infer(candidates);
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        const InferredConversation &to = inferred[i];
        if (to.conversationId == stored[i].conversationId && to.inferred == stored[i].inferred)
            continue;
        // The head triggers (migration 3) follow conversation_id updates.
        auto update = m_db.prepare("UPDATE messages SET conversation_id = :cid, "
                                 "conversation_inferred = :inferred WHERE id = :id");
        if (!update.isValid())
            return false;
        update.bindBlob(":cid", to.conversationId);
        update.bind(":inferred", to.inferred);
        update.bind(":id", candidates[i].id);
        if (!m_db.check(update.step(), what))
            return false;
        if (changed)
            ++*changed;
        if (joined && !to.conversationId.isEmpty())
            joined->append(candidates[i].id);
    }
    if (considered)
        *considered = int(candidates.size());
    return true;
}

bool ThreadStore::inferConversations(int *changed, QList<qint64> *joined)
{
    if (changed)
        *changed = 0;
    if (joined)
        joined->clear();
    bool needed = false;
    if (!needsConversationInference(&needed))
        return false;
    if (!needed)
        return true;
    auto transaction = m_db.begin();
    if (!transaction.isActive())
        return m_db.fail(QStringLiteral("grouping messages into conversations"));
    const QByteArray all = QByteArray("SELECT ") + kCandidateColumns + " FROM messages ORDER BY id";
    return regroupCandidates(all, changed, joined, nullptr)
        && (transaction.commit() || m_db.fail(QStringLiteral("grouping messages into conversations")));
}

bool ThreadStore::storeMissingThreadLinks(int *stale, int *total)
{
    const QString what = QStringLiteral("storing the thread links of new messages");
    auto q = m_db.prepare("SELECT id, message_id, in_reply_to, reply_references, subject, thread_topic "
                        "FROM messages WHERE " SKEIN_REGROUP_SEEDS);
    if (!q.isValid())
        return false;
    QList<ThreadCandidate> seeds;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) {
        ThreadCandidate c;
        c.id = q.int64(0);
        c.messageId = q.text(1);
        c.inReplyTo = q.text(2);
        c.references = q.text(3).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        c.subject = q.text(4);
        c.threadTopic = q.text(5);
        seeds.append(std::move(c));
    }
    if (rc != SQLITE_DONE)
        return m_db.fail(what);
    q = sql::Statement();
    *stale = int(seeds.size());
    if (seeds.isEmpty())
        return true;
    auto old = m_db.prepare("DELETE FROM thread_links WHERE message IN "
                          "(SELECT id FROM messages WHERE " SKEIN_REGROUP_SEEDS ")");
    if (!old.isValid() || !m_db.check(old.step(), what))
        return false;
    old = sql::Statement();
    for (const ThreadCandidate &c : std::as_const(seeds)) {
        for (const QString &key : ThreadInference::linkKeys(c)) {
            auto insert = m_db.prepare("INSERT INTO thread_links (key, message) VALUES (:key, :message)");
            if (!insert.isValid())
                return false;
            insert.bind(":key", key);
            insert.bind(":message", c.id);
            if (!m_db.check(insert.step(), what))
                return false;
        }
    }
    // Counted only as far as the caller's choice needs (more than twice the
    // stale rows or not), so one new message does not count the mailbox.
    auto count = m_db.prepare("SELECT count(*) FROM (SELECT 1 FROM messages LIMIT :enough)");
    if (!count.isValid())
        return m_db.fail(what);
    count.bind(":enough", qint64(2) * *stale + 1);
    if (count.step() != SQLITE_ROW)
        return m_db.fail(what);
    *total = int(count.int64(0));
    return true;
}

bool ThreadStore::regroupChangedConversations(int *changed, QList<qint64> *joined, int *considered)
{
    if (changed)
        *changed = 0;
    if (joined)
        joined->clear();
    if (considered)
        *considered = 0;
    const QString what = QStringLiteral("grouping messages into conversations");
    bool needed = false;
    if (!needsConversationInference(&needed))
        return false;
    if (!needed)
        return true;
    auto transaction = m_db.begin();
    if (!transaction.isActive())
        return m_db.fail(what);
    int stale = 0;
    int total = 0;
    if (!storeMissingThreadLinks(&stale, &total))
        return false;
    if (stale == 0)
        return transaction.commit() || m_db.fail(what);
    QByteArray select;
    if (2 * stale >= total) {
        // Most of the account is new (a first sync): walking links would
        // reach everything anyway.
        select = QByteArray("SELECT ") + kCandidateColumns + " FROM messages ORDER BY id";
    } else {
        // Everything ThreadInference could group with a changed message:
        // whatever shares a key with it (transitively) and the rest of every
        // conversation reached, which a change may split or rename.
        select = QByteArray(
                     "WITH RECURSIVE reach(id) AS ("
                     " SELECT id FROM messages WHERE " SKEIN_REGROUP_SEEDS
                     " UNION"
                     " SELECT n.message FROM reach JOIN thread_links l ON l.message = reach.id"
                     "  JOIN thread_links n ON n.key = l.key"
                     " UNION"
                     " SELECT n.id FROM reach JOIN messages m ON m.id = reach.id"
                     "  JOIN messages n ON n.conversation_id = m.conversation_id) "
                     "SELECT ")
            + kCandidateColumns + " FROM messages WHERE id IN (SELECT id FROM reach) ORDER BY id";
    }
    if (!regroupCandidates(select, changed, joined, considered))
        return false;
    auto done = m_db.prepare("UPDATE messages SET thread_links_stored = 1 WHERE " SKEIN_REGROUP_SEEDS);
    if (!done.isValid() || !m_db.check(done.step(), what))
        return false;
    done = sql::Statement();
    return transaction.commit() || m_db.fail(what);
}

} // namespace skein
