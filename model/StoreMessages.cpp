// Messages and bodies of skein::Store: the sync batch writer and the readers.

#include "ActionTypes.h"
#include "StorePrivate.h"

#include <QScopeGuard>

namespace skein {

namespace {

// Column list shared by every message reader; readMessage() follows its order.
#define SKEIN_MESSAGE_SELECT                                                                  \
    "SELECT m.id, m.folder_id, m.server_id, m.subject, m.sender, m.to_addr, m.cc, "            \
    "m.reply_to, m.thread_topic, m.date_received, m.read, m.flag_status, m.flag_type, "       \
    "m.flag_start, m.flag_due, m.flag_completed, m.importance, m.message_class, m.preview, "  \
    "m.has_attachments, m.conversation_id, m.conversation_index, b.type, b.data, "            \
    "b.truncated, b.estimated_size, m.message_id, m.in_reply_to, m.reply_references, "          \
    "m.conversation_inferred, b.part, b.part_truncated "                                        \
    "FROM messages m LEFT JOIN bodies b ON b.message_id = m.id "

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

// The undo data of the user's waiting changes whose field the server
// changed meanwhile (serverRead / serverFlag, by row): a refusal rolls back
// to the server's value.
bool rebaseUndo(Store &store, const QList<ActionEntry> &unfinished, const QHash<qint64, bool> &serverRead,
                const QHash<qint64, FlagState> &serverFlag)
{
    if (serverRead.isEmpty() && serverFlag.isEmpty())
        return true;
    for (ActionEntry e : unfinished) {
        bool changed = false;
        for (ActionItem &item : e.items) {
            if (item.newRead && serverRead.contains(item.messageId)) {
                item.read = serverRead.value(item.messageId);
                changed = true;
            }
            if (item.newFlag && serverFlag.contains(item.messageId)) {
                item.flag = serverFlag.value(item.messageId);
                changed = true;
            }
        }
        if (changed && !store.updateAction(e))
            return false;
    }
    return true;
}

} // namespace

bool Store::Private::upsertMessage(const QString &folderId, const Message &message,
                                   qint64 generation, bool keepRead, bool keepFlag)
{
    // ON CONFLICT ... DO UPDATE keeps the row id (unlike INSERT OR REPLACE), so
    // a message the server sends again keeps its body and local references.
    auto q = prepare(
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
    const qint64 lastRowid = sqlite3_last_insert_rowid(db);
    const int rc = q.step();
    if (rc != SQLITE_DONE)
        return check(rc, QStringLiteral("storing message %1").arg(message.serverId));
    qint64 id = sqlite3_last_insert_rowid(db);
    if (batchStart == 0 && !message.conversationId.isEmpty() && !fixHead(message.conversationId))
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

bool Store::Private::fixHeads(qint64 after)
{
    auto clear = prepare("UPDATE messages SET is_head = 0 WHERE is_head AND conversation_id IN "
                         "(SELECT conversation_id FROM messages WHERE id > :after) "
                         "AND id <> " SKEIN_HEAD_OF("messages.conversation_id"));
    if (!clear.isValid())
        return false;
    clear.bind(":after", after);
    if (!check(clear.step(), QStringLiteral("updating conversation heads")))
        return false;
    auto set = prepare("UPDATE messages SET is_head = 1 WHERE id > :after "
                       "AND conversation_id IS NOT NULL "
                       "AND id = " SKEIN_HEAD_OF("messages.conversation_id"));
    if (!set.isValid())
        return false;
    set.bind(":after", after);
    return check(set.step(), QStringLiteral("updating conversation heads"));
}

bool Store::Private::fixHead(const QByteArray &conversationId)
{
    auto q = prepare("UPDATE messages SET is_head = (id = " SKEIN_HEAD_OF(":cid") ") "
                     "WHERE conversation_id = :cid AND (is_head OR id = " SKEIN_HEAD_OF(":cid") ")");
    if (!q.isValid())
        return false;
    q.bindBlob(":cid", conversationId);
    return check(q.step(), QStringLiteral("updating a conversation head"));
}

bool Store::Private::findMessageId(const QString &folderId, const QString &serverId,
                                   qint64 *id) const
{
    auto q = prepare("SELECT id FROM messages WHERE folder_id = :folder_id AND server_id = :server_id");
    if (!q.isValid())
        return false;
    q.bind(":folder_id", folderId);
    q.bind(":server_id", serverId);
    if (q.step() != SQLITE_ROW)
        return fail(QStringLiteral("finding message %1").arg(serverId));
    *id = q.int64(0);
    return true;
}

bool Store::Private::writeBody(qint64 messageId, BodyType type, const QByteArray &data,
                               bool truncated, qint64 estimatedSize, bool replace)
{
    // Unless told to replace, a truncated body from a sync never overwrites a
    // complete one the user already fetched.
    auto q = prepare("INSERT INTO bodies (message_id, type, data, truncated, estimated_size) "
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
    return check(q.step(), QStringLiteral("storing the body of message %1").arg(messageId));
}

// A sync that brings no part (a server without them, a Change) never drops
// one stored before; a whole part is never replaced by a truncated one.
bool Store::Private::writeMessagePart(qint64 messageId, const QByteArray &part, bool truncated)
{
    if (part.isEmpty())
        return true;
    auto q = prepare("UPDATE bodies SET part = :part, part_truncated = :truncated "
                     "WHERE message_id = :id AND (part IS NULL OR part_truncated OR NOT :truncated)");
    if (!q.isValid())
        return false;
    q.bind(":id", messageId);
    q.bindBlob(":part", part);
    q.bind(":truncated", truncated);
    return check(q.step(), QStringLiteral("storing the message part of message %1").arg(messageId));
}

bool Store::Private::applyChange(const QString &folderId, const MessageChange &change,
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
    auto q = prepare("UPDATE messages SET seen_generation = :generation, "
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
    return check(q.step(), what);
}

bool Store::Private::waitingIn(const QString &folderId, const QList<ActionEntry> &unfinished,
                               Waiting *waiting) const
{
    for (const ActionEntry &e : unfinished) {
        for (const ActionItem &item : e.items) {
            if (e.kind == ActionKind::Delete || channelOf(e.kind) != ActionChannel::Sync) {
                // The server still has it here until the delete or move is sent.
                if (item.folderId == folderId && !item.confirmed)
                    waiting->leaving.insert(item.serverId);
                continue;
            }
            // A change follows its row, which a later move may have taken elsewhere.
            auto where = prepare("SELECT folder_id, server_id FROM messages WHERE id = :id");
            if (!where.isValid())
                return false;
            where.bind(":id", item.messageId);
            if (where.step() != SQLITE_ROW || where.text(0) != folderId)
                continue;
            if (item.newRead)
                waiting->ownRead.insert(where.text(1), item.messageId);
            if (item.newFlag)
                waiting->ownFlag.insert(where.text(1), item.messageId);
        }
    }
    return true;
}

bool Store::Private::deleteMessage(const QString &folderId, const QString &serverId)
{
    auto q = prepare("DELETE FROM messages WHERE folder_id = :folder_id AND server_id = :server_id");
    if (!q.isValid())
        return false;
    q.bind(":folder_id", folderId);
    q.bind(":server_id", serverId);
    return check(q.step(), QStringLiteral("deleting message %1").arg(serverId));
}

QList<Message> Store::Private::readMessages(sql::Statement &q, const QString &what) const
{
    QList<Message> result;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW)
        result.append(readMessage(q));
    if (rc != SQLITE_DONE) {
        fail(what);
        return {};
    }
    return result;
}

bool Store::applySyncBatch(const SyncBatch &batch)
{
    const QString what = QStringLiteral("applying a sync batch of folder %1").arg(batch.folderId);
    sql::Transaction transaction(d->db);
    if (!transaction.isActive())
        return d->fail(what);
    // The full-text index is written once for the whole batch (migration 18).
    d->ftsDeferred = true;
    const auto undefer = qScopeGuard([this] { d->ftsDeferred = false; });
    Private::FolderState folder;
    bool ok = d->folderState(batch.folderId, &folder);
    if (ok) {
        // Adds and full changes insert; their heads are fixed together below.
        auto last = d->prepare("SELECT coalesce(max(id), 0) + 1 FROM messages");
        ok = last.isValid() && (last.step() == SQLITE_ROW || d->fail(what));
        d->batchStart = ok ? last.int64(0) : 0;
    }
    // What the user did and the server has not heard yet: a resync's Adds or
    // an answer repeated for an old key must not undo it, nor another
    // device's change. Where the server's value was kept out, a refusal of
    // the user's change must roll back to it, not to what was there before.
    const QList<ActionEntry> unfinished = actions(true);
    Private::Waiting waiting;
    ok = ok && d->waitingIn(batch.folderId, unfinished, &waiting);
    QHash<qint64, bool> serverRead;
    QHash<qint64, FlagState> serverFlag;
    auto noteKept = [&](const QString &serverId, const std::optional<bool> &read,
                        const std::optional<FlagState> &flag) {
        if (read && waiting.ownRead.contains(serverId))
            serverRead.insert(waiting.ownRead.value(serverId), *read);
        if (flag && waiting.ownFlag.contains(serverId))
            serverFlag.insert(waiting.ownFlag.value(serverId), *flag);
    };
    for (qsizetype i = 0; ok && i < batch.adds.size(); ++i) {
        const Message &m = batch.adds[i];
        if (waiting.leaving.contains(m.serverId))
            continue;
        ok = d->upsertMessage(batch.folderId, m, folder.generation, waiting.ownRead.contains(m.serverId),
                              waiting.ownFlag.contains(m.serverId));
        noteKept(m.serverId, m.read, m.flag);
    }
    for (qsizetype i = 0; ok && i < batch.changes.size(); ++i) {
        const MessageChange &c = batch.changes[i];
        ok = d->applyChange(batch.folderId, c, folder, waiting.ownRead.contains(c.serverId),
                            waiting.ownFlag.contains(c.serverId));
        noteKept(c.serverId, c.full ? std::optional<bool>(c.full->read) : c.read,
                 c.full ? std::optional<FlagState>(c.full->flag) : c.flag);
    }
    ok = ok && rebaseUndo(*this, unfinished, serverRead, serverFlag);
    const qint64 start = std::exchange(d->batchStart, 0);
    ok = ok && d->fixHeads(start - 1);
    // A soft delete (item left the sync window) removes the local copy just
    // like a delete; only the server-side meaning differs.
    for (const QStringList *list : {&batch.deletes, &batch.softDeletes}) {
        for (qsizetype i = 0; ok && i < list->size(); ++i)
            ok = d->deleteMessage(batch.folderId, list->at(i));
    }
    ok = ok && d->flushFullText();
    ok = ok && setSyncKey(batch.folderId, batch.newSyncKey);
    ok = ok && (!batch.nextRequestInFlight || setSyncInFlight(batch.folderId, true));
    ok = ok && (transaction.commit() || d->fail(QStringLiteral("committing")));
    if (!ok)
        d->error = what + QStringLiteral(": ") + d->error;
    return ok; // on failure the transaction rolls back: nothing of the batch stays
}

bool Store::setBody(qint64 messageId, BodyType type, const QByteArray &body, bool truncated,
                    qint64 estimatedSize)
{
    const QString what = QStringLiteral("storing the body of message %1").arg(messageId);
    auto q = d->prepare("SELECT 1 FROM messages WHERE id = :id");
    if (!q.isValid())
        return false;
    q.bind(":id", messageId);
    const int rc = q.step();
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return d->fail(what);
    if (rc == SQLITE_DONE) // deleted or moved away by a sync while the body was fetched
        return d->failWith(QStringLiteral("%1: the message is no longer stored").arg(what));
    q = sql::Statement();
    return d->writeBody(messageId, type, body, truncated, estimatedSize, true);
}

std::optional<Message> Store::message(const QString &folderId, const QString &serverId) const
{
    auto q = d->prepare(SKEIN_MESSAGE_SELECT
                        "WHERE m.folder_id = :folder_id AND m.server_id = :server_id");
    if (!q.isValid())
        return std::nullopt;
    q.bind(":folder_id", folderId);
    q.bind(":server_id", serverId);
    const QList<Message> found = d->readMessages(
        q, QStringLiteral("reading message %1 of folder %2").arg(serverId, folderId));
    return found.isEmpty() ? std::nullopt : std::optional(found.first());
}

std::optional<Message> Store::messageById(qint64 id) const
{
    auto q = d->prepare(SKEIN_MESSAGE_SELECT "WHERE m.id = :id");
    if (!q.isValid())
        return std::nullopt;
    q.bind(":id", id);
    const QList<Message> found = d->readMessages(q, QStringLiteral("reading message %1").arg(id));
    return found.isEmpty() ? std::nullopt : std::optional(found.first());
}

int Store::messageCount(const QString &folderId) const
{
    auto q = d->prepare("SELECT count(*) FROM messages WHERE folder_id = :folder_id");
    if (!q.isValid())
        return 0;
    q.bind(":folder_id", folderId);
    if (q.step() != SQLITE_ROW) {
        d->fail(QStringLiteral("counting the messages of folder %1").arg(folderId));
        return 0;
    }
    return q.integer(0);
}

QList<Message> Store::messagesInFolder(const QString &folderId) const
{
    auto q = d->prepare(SKEIN_MESSAGE_SELECT "WHERE m.folder_id = :folder_id "
                                             "ORDER BY m.date_received DESC, m.id DESC");
    if (!q.isValid())
        return {};
    q.bind(":folder_id", folderId);
    return d->readMessages(q, QStringLiteral("listing the messages of folder %1").arg(folderId));
}

QList<Message> Store::conversationMessages(const QByteArray &conversationId) const
{
    if (conversationId.isEmpty())
        return {}; // "no conversation" is not a conversation
    auto q = d->prepare(SKEIN_MESSAGE_SELECT "WHERE m.conversation_id = :conversation_id "
                                             "ORDER BY m.date_received, m.id");
    if (!q.isValid())
        return {};
    q.bindBlob(":conversation_id", conversationId);
    return d->readMessages(q, QStringLiteral("reading a conversation"));
}

QList<Message> Store::messagesAfter(const QString &folderId, qint64 afterId, int limit) const
{
    auto q = d->prepare(SKEIN_MESSAGE_SELECT "WHERE m.folder_id = :folder_id AND m.id > :after "
                                             "ORDER BY m.id DESC LIMIT :limit");
    if (!q.isValid())
        return {};
    q.bind(":folder_id", folderId);
    q.bind(":after", afterId);
    q.bind(":limit", limit);
    return d->readMessages(q, QStringLiteral("listing new messages of folder %1").arg(folderId));
}

qint64 Store::newestMessageId() const
{
    auto q = d->prepare("SELECT COALESCE(MAX(id), 0) FROM messages");
    if (!q.isValid() || q.step() != SQLITE_ROW)
        return 0;
    return q.int64(0);
}

} // namespace skein
