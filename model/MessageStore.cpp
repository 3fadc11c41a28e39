// Reading the synced messages and the local effects of actions (MessageStore.h).

#include "StoreRows.h"

namespace skein {

std::optional<Message> MessageStore::message(const QString &folderId, const QString &serverId) const
{
    auto q = m_db.prepare(SKEIN_MESSAGE_SELECT
                        "WHERE m.folder_id = :folder_id AND m.server_id = :server_id");
    if (!q.isValid())
        return std::nullopt;
    q.bind(":folder_id", folderId);
    q.bind(":server_id", serverId);
    const QList<Message> found = readMessages(m_db, 
        q, QStringLiteral("reading message %1 of folder %2").arg(serverId, folderId));
    return found.isEmpty() ? std::nullopt : std::optional(found.first());
}

std::optional<Message> MessageStore::messageById(qint64 id) const
{
    auto q = m_db.prepare(SKEIN_MESSAGE_SELECT "WHERE m.id = :id");
    if (!q.isValid())
        return std::nullopt;
    q.bind(":id", id);
    const QList<Message> found = readMessages(m_db, q, QStringLiteral("reading message %1").arg(id));
    return found.isEmpty() ? std::nullopt : std::optional(found.first());
}

int MessageStore::messageCount(const QString &folderId) const
{
    auto q = m_db.prepare("SELECT count(*) FROM messages WHERE folder_id = :folder_id");
    if (!q.isValid())
        return 0;
    q.bind(":folder_id", folderId);
    if (q.step() != SQLITE_ROW) {
        m_db.fail(QStringLiteral("counting the messages of folder %1").arg(folderId));
        return 0;
    }
    return q.integer(0);
}

QList<Message> MessageStore::messagesInFolder(const QString &folderId) const
{
    auto q = m_db.prepare(SKEIN_MESSAGE_SELECT "WHERE m.folder_id = :folder_id "
                                             "ORDER BY m.date_received DESC, m.id DESC");
    if (!q.isValid())
        return {};
    q.bind(":folder_id", folderId);
    return readMessages(m_db, q, QStringLiteral("listing the messages of folder %1").arg(folderId));
}

QList<Message> MessageStore::conversationMessages(const QByteArray &conversationId) const
{
    if (conversationId.isEmpty())
        return {}; // "no conversation" is not a conversation
    auto q = m_db.prepare(SKEIN_MESSAGE_SELECT "WHERE m.conversation_id = :conversation_id "
                                             "ORDER BY m.date_received, m.id");
    if (!q.isValid())
        return {};
    q.bindBlob(":conversation_id", conversationId);
    return readMessages(m_db, q, QStringLiteral("reading a conversation"));
}

QList<Message> MessageStore::messagesAfter(const QString &folderId, qint64 afterId, int limit) const
{
    auto q = m_db.prepare(SKEIN_MESSAGE_SELECT "WHERE m.folder_id = :folder_id AND m.id > :after "
                                             "ORDER BY m.id DESC LIMIT :limit");
    if (!q.isValid())
        return {};
    q.bind(":folder_id", folderId);
    q.bind(":after", afterId);
    q.bind(":limit", limit);
    return readMessages(m_db, q, QStringLiteral("listing new messages of folder %1").arg(folderId));
}

qint64 MessageStore::newestMessageId() const
{
    auto q = m_db.prepare("SELECT COALESCE(MAX(id), 0) FROM messages");
    if (!q.isValid() || q.step() != SQLITE_ROW)
        return 0;
    return q.int64(0);
}

bool MessageStore::setBody(qint64 messageId, BodyType type, const QByteArray &body, bool truncated,
                    qint64 estimatedSize)
{
    const QString what = QStringLiteral("storing the body of message %1").arg(messageId);
    auto q = m_db.prepare("SELECT 1 FROM messages WHERE id = :id");
    if (!q.isValid())
        return false;
    q.bind(":id", messageId);
    const int rc = q.step();
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return m_db.fail(what);
    if (rc == SQLITE_DONE) // deleted or moved away by a sync while the body was fetched
        return m_db.failWith(QStringLiteral("%1: the message is no longer stored").arg(what));
    q = sql::Statement();
    return MessageWriter(m_db).writeBody(messageId, type, body, truncated, estimatedSize, true);
}

bool MessageStore::setMessageState(qint64 messageId, bool read, const FlagState &flag)
{
    auto q = m_db.prepare("UPDATE messages SET read = :read, flag_status = :status, flag_type = :type, "
                        "flag_start = :start, flag_due = :due, flag_completed = :completed "
                        "WHERE id = :id");
    if (!q.isValid())
        return false;
    q.bind(":read", read);
    q.bind(":status", int(flag.status));
    q.bind(":type", flag.flagType);
    q.bindTime(":start", flag.start);
    q.bindTime(":due", flag.due);
    q.bindTime(":completed", flag.completed);
    q.bind(":id", messageId);
    return m_db.check(q.step(), QStringLiteral("changing message %1").arg(messageId));
}

bool MessageStore::relocateMessage(qint64 messageId, const QString &folderId, const QString &serverId,
                            bool moving)
{
    auto q = m_db.prepare("UPDATE messages SET folder_id = :folder, server_id = :server_id, "
                        "moving = :moving WHERE id = :id");
    if (!q.isValid())
        return false;
    q.bind(":folder", folderId);
    q.bind(":server_id", serverId);
    q.bind(":moving", moving);
    q.bind(":id", messageId);
    return m_db.check(q.step(), QStringLiteral("moving message %1").arg(messageId));
}

bool MessageStore::isMoving(qint64 messageId) const
{
    auto q = m_db.prepare("SELECT moving FROM messages WHERE id = :id");
    if (!q.isValid())
        return false;
    q.bind(":id", messageId);
    return q.step() == SQLITE_ROW && q.boolean(0);
}

bool MessageStore::removeMessage(qint64 messageId)
{
    auto q = m_db.prepare("DELETE FROM messages WHERE id = :id");
    if (!q.isValid())
        return false;
    q.bind(":id", messageId);
    return m_db.check(q.step(), QStringLiteral("removing message %1").arg(messageId));
}

qint64 MessageStore::restoreMessage(const Message &message)
{
    FolderState folder;
    if (!readFolderState(m_db, message.folderId, &folder)
        || !MessageWriter(m_db).upsertMessage(message.folderId, message, folder.generation))
        return 0;
    auto q = m_db.prepare("SELECT id FROM messages WHERE folder_id = :folder AND server_id = :sid");
    if (!q.isValid())
        return 0;
    q.bind(":folder", message.folderId);
    q.bind(":sid", message.serverId);
    return q.step() == SQLITE_ROW ? q.int64(0) : 0;
}

} // namespace skein
