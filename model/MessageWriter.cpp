// Writing message rows, bodies and attachments; reading message rows (StoreRows.h).

#include "StoreRows.h"

namespace skein {

Message readMessage(const sql::Statement &q)
{
    Message m;
    m.id = q.int64(0);
    m.folderId = q.text(1);
    m.serverId = q.text(2);
    m.subject = q.text(3);
    m.from = q.text(4);
    m.to = q.text(5);
    m.cc = q.text(6);
    m.replyTo = q.text(7);
    m.threadTopic = q.text(8);
    m.dateReceived = q.time(9);
    m.read = q.boolean(10);
    m.flag.status = FlagStatus(q.integer(11));
    m.flag.flagType = q.text(12);
    m.flag.start = q.time(13);
    m.flag.due = q.time(14);
    m.flag.completed = q.time(15);
    m.importance = q.integer(16);
    m.messageClass = q.text(17);
    m.preview = q.text(18);
    m.hasAttachments = q.boolean(19);
    m.conversationId = q.blob(20);
    m.conversationIndex = q.blob(21);
    m.bodyType = BodyType(q.integer(22)); // NULL (no body row) reads as 0 = None
    m.body = q.blob(23);
    m.bodyTruncated = q.boolean(24);
    m.bodyEstimatedSize = q.int64(25);
    m.internetMessageId = q.text(26);
    m.inReplyTo = q.text(27);
    m.references = q.text(28).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    m.conversationInferred = q.boolean(29);
    m.messagePart = q.blob(30);
    m.messagePartTruncated = q.boolean(31);
    return m;
}

namespace {


void bindFlag(sql::Statement &q, const FlagState &flag)
{
    q.bind(":flag_status", int(flag.status));
    q.bind(":flag_type", flag.flagType);
    q.bindTime(":flag_start", flag.start);
    q.bindTime(":flag_due", flag.due);
    q.bindTime(":flag_completed", flag.completed);
}

void bindMessage(sql::Statement &q, const Message &m)
{
    q.bind(":server_id", m.serverId);
    q.bind(":subject", m.subject);
    q.bind(":sender", m.from);
    q.bind(":to_addr", m.to);
    q.bind(":cc", m.cc);
    q.bind(":reply_to", m.replyTo);
    q.bind(":thread_topic", m.threadTopic);
    q.bindTime(":date_received", m.dateReceived);
    q.bind(":read", m.read);
    bindFlag(q, m.flag);
    q.bind(":importance", m.importance);
    q.bind(":message_class", m.messageClass);
    q.bind(":preview", m.preview);
    q.bind(":has_attachments", m.hasAttachments);
    q.bindBlob(":conversation_id", m.conversationId);
    q.bindBlob(":conversation_index", m.conversationIndex);
}

bool hasBody(const Message &m)
{
    return m.bodyType != BodyType::None || !m.body.isEmpty() || !m.messagePart.isEmpty();
}


} // namespace

bool MessageWriter::upsertMessage(const QString &folderId, const Message &message,
                                   qint64 generation, bool keepRead, bool keepFlag)
{
    // ON CONFLICT ... DO UPDATE keeps the row id (unlike INSERT OR REPLACE), so
    // a message the server sends again keeps its body and local references.
    auto q = m_db.prepare(
        "INSERT INTO messages (folder_id, server_id, subject, sender, to_addr, cc, reply_to, "
        "thread_topic, date_received, read, flag_status, flag_type, flag_start, flag_due, "
        "flag_completed, importance, message_class, preview, has_attachments, conversation_id, "
        "conversation_index, seen_generation) VALUES (:folder_id, :server_id, :subject, :sender, "
        ":to_addr, :cc, :reply_to, :thread_topic, :date_received, :read, :flag_status, "
        ":flag_type, :flag_start, :flag_due, :flag_completed, :importance, :message_class, "
        ":preview, :has_attachments, :conversation_id, :conversation_index, :generation) "
        "ON CONFLICT (folder_id, server_id) DO UPDATE SET subject = excluded.subject, "
        "sender = excluded.sender, to_addr = excluded.to_addr, cc = excluded.cc, "
        "reply_to = excluded.reply_to, thread_topic = excluded.thread_topic, "
        "date_received = excluded.date_received, importance = excluded.importance, "
        "message_class = excluded.message_class, preview = excluded.preview, "
        "has_attachments = excluded.has_attachments, "
        // A server-sent ConversationId wins and clears an inferred one; a
        // server that sends none keeps what ThreadInference found.
        "conversation_id = iif(excluded.conversation_id IS NULL AND conversation_inferred, "
        "conversation_id, excluded.conversation_id), "
        "conversation_inferred = iif(excluded.conversation_id IS NULL, conversation_inferred, 0), "
        "conversation_index = excluded.conversation_index, "
        "seen_generation = excluded.seen_generation, "
        // A read or flag change of the user's that waits in the journal wins;
        // the server gets it with the next replay and never echoes it back.
        "read = iif(:keep_read, read, excluded.read), "
        "flag_status = iif(:keep_flag, flag_status, excluded.flag_status), "
        "flag_type = iif(:keep_flag, flag_type, excluded.flag_type), "
        "flag_start = iif(:keep_flag, flag_start, excluded.flag_start), "
        "flag_due = iif(:keep_flag, flag_due, excluded.flag_due), "
        "flag_completed = iif(:keep_flag, flag_completed, excluded.flag_completed)");
    if (!q.isValid())
        return false;
    q.bind(":folder_id", folderId);
    bindMessage(q, message);
    q.bind(":generation", generation);
    q.bind(":keep_read", keepRead);
    q.bind(":keep_flag", keepFlag);
    // No RETURNING id: SQLite runs RETURNING like a trigger, a sub-program
    // with its own frame and statement journal per row, which made up a fifth
    // of an insert. A new rowid tells an insert; an update looks its id up.
    const qint64 lastRowid = m_db.lastInsertId();
    const int rc = q.step();
    if (rc != SQLITE_DONE)
        return m_db.check(rc, QStringLiteral("storing message %1").arg(message.serverId));
    qint64 id = m_db.lastInsertId();
    if (m_batchStart == 0 && !message.conversationId.isEmpty() && !fixHead(message.conversationId))
        return false;
    // A new row without attachments has none to replace: the common case
    // of a large first sync costs no extra statement.
    const bool inserted = id != lastRowid;
    const bool attachmentsToWrite = !message.attachments.isEmpty() || !inserted;
    if (!hasBody(message) && !attachmentsToWrite)
        return true;
    if (!inserted && !findMessageId(folderId, message.serverId, &id))
        return false;
    if (attachmentsToWrite && !writeAttachments(id, message.attachments))
        return false;
    if (!hasBody(message))
        return true;
    return writeBody(id, message.bodyType, message.body, message.bodyTruncated,
                     message.bodyEstimatedSize, false)
        && writeMessagePart(id, message.messagePart, message.messagePartTruncated);
}

// Only a new row can take over as head (updates of the date or conversation
// run the messages_head_update trigger), so the rows to fix are the current
// heads of the touched conversations and the new rows.
#define SKEIN_HEAD_OF(cid)                                                                     \
    "(SELECT n.id FROM messages n WHERE n.conversation_id = " cid                              \
    " ORDER BY n.date_received DESC, n.id DESC LIMIT 1)"

bool MessageWriter::fixHeads(qint64 after)
{
    auto clear = m_db.prepare("UPDATE messages SET is_head = 0 WHERE is_head AND conversation_id IN "
                         "(SELECT conversation_id FROM messages WHERE id > :after) "
                         "AND id <> " SKEIN_HEAD_OF("messages.conversation_id"));
    if (!clear.isValid())
        return false;
    clear.bind(":after", after);
    if (!m_db.check(clear.step(), QStringLiteral("updating conversation heads")))
        return false;
    auto set = m_db.prepare("UPDATE messages SET is_head = 1 WHERE id > :after "
                       "AND conversation_id IS NOT NULL "
                       "AND id = " SKEIN_HEAD_OF("messages.conversation_id"));
    if (!set.isValid())
        return false;
    set.bind(":after", after);
    return m_db.check(set.step(), QStringLiteral("updating conversation heads"));
}

bool MessageWriter::fixHead(const QByteArray &conversationId)
{
    auto q = m_db.prepare("UPDATE messages SET is_head = (id = " SKEIN_HEAD_OF(":cid") ") "
                     "WHERE conversation_id = :cid AND (is_head OR id = " SKEIN_HEAD_OF(":cid") ")");
    if (!q.isValid())
        return false;
    q.bindBlob(":cid", conversationId);
    return m_db.check(q.step(), QStringLiteral("updating a conversation head"));
}

bool MessageWriter::findMessageId(const QString &folderId, const QString &serverId,
                                   qint64 *id) const
{
    auto q = m_db.prepare("SELECT id FROM messages WHERE folder_id = :folder_id AND server_id = :server_id");
    if (!q.isValid())
        return false;
    q.bind(":folder_id", folderId);
    q.bind(":server_id", serverId);
    if (q.step() != SQLITE_ROW)
        return m_db.fail(QStringLiteral("finding message %1").arg(serverId));
    *id = q.int64(0);
    return true;
}

bool MessageWriter::writeBody(qint64 messageId, BodyType type, const QByteArray &data,
                               bool truncated, qint64 estimatedSize, bool replace)
{
    // Unless told to replace, a truncated body from a sync never overwrites a
    // complete one the user already fetched.
    auto q = m_db.prepare("INSERT INTO bodies (message_id, type, data, truncated, estimated_size) "
                     "VALUES (:id, :type, :data, :truncated, :size) "
                     "ON CONFLICT (message_id) DO UPDATE SET type = excluded.type, "
                     "data = excluded.data, truncated = excluded.truncated, "
                     "estimated_size = excluded.estimated_size "
                     "WHERE :replace OR bodies.truncated OR NOT excluded.truncated");
    if (!q.isValid())
        return false;
    q.bind(":id", messageId);
    q.bind(":type", int(type));
    q.bindBlob(":data", data);
    q.bind(":truncated", truncated);
    q.bind(":size", estimatedSize);
    q.bind(":replace", replace);
    return m_db.check(q.step(), QStringLiteral("storing the body of message %1").arg(messageId));
}

// A sync that brings no part (a server without them, a Change) never drops
// one stored before; a whole part is never replaced by a truncated one.
bool MessageWriter::writeMessagePart(qint64 messageId, const QByteArray &part, bool truncated)
{
    if (part.isEmpty())
        return true;
    auto q = m_db.prepare("UPDATE bodies SET part = :part, part_truncated = :truncated "
                     "WHERE message_id = :id AND (part IS NULL OR part_truncated OR NOT :truncated)");
    if (!q.isValid())
        return false;
    q.bind(":id", messageId);
    q.bindBlob(":part", part);
    q.bind(":truncated", truncated);
    return m_db.check(q.step(), QStringLiteral("storing the message part of message %1").arg(messageId));
}

bool MessageWriter::applyChange(const QString &folderId, const MessageChange &change,
                                 const FolderState &folder, bool keepRead, bool keepFlag)
{
    // A Change is the server reporting a change made there, so it wins
    // unless the user's own change of that field still waits to be sent; it
    // also proves the item still exists (seen_generation).
    if (change.full) {
        Message full = *change.full;
        full.serverId = change.serverId;
        return upsertMessage(folderId, full, folder.generation, keepRead, keepFlag);
    }
    const QString what = QStringLiteral("changing message %1").arg(change.serverId);
    const bool read = change.read && !keepRead;
    const bool flag = change.flag && !keepFlag;
    auto q = m_db.prepare("UPDATE messages SET seen_generation = :generation, "
                     "read = iif(:set_read, :read, read), "
                     "flag_status = iif(:set_flag, :flag_status, flag_status), "
                     "flag_type = iif(:set_flag, :flag_type, flag_type), "
                     "flag_start = iif(:set_flag, :flag_start, flag_start), "
                     "flag_due = iif(:set_flag, :flag_due, flag_due), "
                     "flag_completed = iif(:set_flag, :flag_completed, flag_completed) "
                     "WHERE folder_id = :folder_id AND server_id = :server_id");
    if (!q.isValid())
        return false;
    q.bind(":generation", folder.generation);
    q.bind(":set_read", read);
    q.bind(":read", read && *change.read);
    q.bind(":set_flag", flag);
    bindFlag(q, flag ? *change.flag : FlagState{});
    q.bind(":folder_id", folderId);
    q.bind(":server_id", change.serverId);
    return m_db.check(q.step(), what);
}


bool MessageWriter::deleteMessage(const QString &folderId, const QString &serverId)
{
    auto q = m_db.prepare("DELETE FROM messages WHERE folder_id = :folder_id AND server_id = :server_id");
    if (!q.isValid())
        return false;
    q.bind(":folder_id", folderId);
    q.bind(":server_id", serverId);
    return m_db.check(q.step(), QStringLiteral("deleting message %1").arg(serverId));
}

QList<Message> readMessages(const Database &db, sql::Statement &q, const QString &what)
{
    QList<Message> result;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW)
        result.append(readMessage(q));
    if (rc != SQLITE_DONE) {
        db.fail(what);
        return {};
    }
    return result;
}










bool MessageWriter::beginBatch(const QString &what)
{
    auto last = m_db.prepare("SELECT coalesce(max(id), 0) + 1 FROM messages");
    const bool ok = last.isValid() && (last.step() == SQLITE_ROW || m_db.fail(what));
    m_batchStart = ok ? last.int64(0) : 0;
    return ok;
}

bool MessageWriter::endBatch()
{
    const qint64 start = std::exchange(m_batchStart, 0);
    return fixHeads(start - 1);
}

} // namespace skein
