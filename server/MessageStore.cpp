#include "MessageStore.h"

#include "SqlStatement.h"

namespace skein::server {

namespace {

const char *const kMessageColumns =
    "id, user_id, folder_id, parent_id, subject, sender, to_addr, cc_addr, display_to, "
    "thread_topic, importance, received, read, flag, flag_rev, body_type, body, "
    "conversation_id, conversation_index, message_id";

MessageRow readMessage(const SqlStatement &q)
{
    MessageRow m;
    m.id = q.integer(0);
    m.userId = q.integer(1);
    m.folderId = q.integer(2);
    m.parentId = q.integer(3);
    m.subject = q.text(4);
    m.from = q.text(5);
    m.to = q.text(6);
    m.cc = q.text(7);
    m.displayTo = q.text(8);
    m.threadTopic = q.text(9);
    m.importance = int(q.integer(10));
    m.receivedMs = q.integer(11);
    m.read = q.integer(12) != 0;
    m.flag = q.blob(13);
    m.flagRev = int(q.integer(14));
    m.bodyType = int(q.integer(15));
    m.body = q.text(16);
    m.conversationId = q.blob(17);
    m.conversationIndex = q.blob(18);
    m.internetMessageId = q.text(19);
    return m;
}

// Message-IDs are stored with angle brackets; callers may pass either form.
QString bracketed(const QString &id)
{
    const QString bare = id.trimmed();
    if (bare.isEmpty() || bare.startsWith(QLatin1Char('<')))
        return bare;
    return QLatin1Char('<') + bare + QLatin1Char('>');
}

} // namespace

qint64 MessageStore::insertMessage(MessageRow &m)
{
    SqlStatement q(m_db, "INSERT INTO messages(user_id, folder_id, parent_id, subject, sender, to_addr, "
                         "cc_addr, display_to, thread_topic, importance, received, read, flag, flag_rev, "
                         "body_type, body, conversation_id, conversation_index, message_id) "
                         "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    q.bind(1, m.userId).bind(2, m.folderId).bind(3, m.parentId).bind(4, m.subject).bind(5, m.from);
    q.bind(6, m.to).bind(7, m.cc).bind(8, m.displayTo).bind(9, m.threadTopic).bind(10, m.importance);
    q.bind(11, m.receivedMs).bind(12, m.read).bindBlob(13, m.flag.isEmpty() ? QByteArray() : m.flag);
    q.bind(14, m.flagRev).bind(15, m.bodyType).bind(16, m.body);
    q.bindBlob(17, m.conversationId).bindBlob(18, m.conversationIndex).bind(19, m.internetMessageId);
    if (!q.run())
        return 0;
    m.id = sqlite3_last_insert_rowid(m_db);
    if (m.internetMessageId.isEmpty()) {
        // Seeded and generated mail gets a stable id, so replies from outside
        // (deliver --mime with In-Reply-To) can thread onto it.
        m.internetMessageId = QStringLiteral("<m%1.u%2@skein.test>").arg(m.id).arg(m.userId);
        SqlStatement u(m_db, "UPDATE messages SET message_id=? WHERE id=?");
        u.bind(1, m.internetMessageId).bind(2, m.id).run();
    }
    for (auto &a : m.attachments) {
        SqlStatement qa(m_db, "INSERT INTO attachments(message_id, name, content_type, data, content_id, is_inline) "
                              "VALUES(?,?,?,?,?,?)");
        qa.bind(1, m.id).bind(2, a.name).bind(3, a.contentType).bindBlob(4, a.data.isNull() ? QByteArray("") : a.data);
        qa.bind(5, a.contentId).bind(6, qint64(a.isInline ? 1 : 0));
        qa.run();
        a.id = sqlite3_last_insert_rowid(m_db);
        a.messageId = m.id;
    }
    return m.id;
}

std::optional<MessageRow> MessageStore::message(qint64 userId, qint64 messageId, bool withAttachments)
{
    const QByteArray sql = QByteArray("SELECT ") + kMessageColumns + " FROM messages WHERE user_id=? AND id=?";
    SqlStatement q(m_db, sql.constData());
    q.bind(1, userId).bind(2, messageId);
    if (!q.next())
        return std::nullopt;
    MessageRow m = readMessage(q);
    if (withAttachments)
        m.attachments = attachments(m.id);
    return m;
}

QList<MessageRow> MessageStore::messages(qint64 userId)
{
    QList<MessageRow> out;
    const QByteArray sql = QByteArray("SELECT ") + kMessageColumns + " FROM messages WHERE user_id=? ORDER BY id";
    SqlStatement q(m_db, sql.constData());
    q.bind(1, userId);
    while (q.next())
        out.append(readMessage(q));
    return out;
}

QList<MessageState> MessageStore::folderStates(qint64 folderId, bool withConversations)
{
    QList<MessageState> out;
    SqlStatement q(m_db, withConversations
                             ? "SELECT id, received, conversation_id, read, flag_rev FROM messages WHERE folder_id=?"
                             : "SELECT id, received, NULL, read, flag_rev FROM messages WHERE folder_id=?");
    q.bind(1, folderId);
    while (q.next())
        out.append(MessageState{q.integer(0), q.integer(1), q.blob(2), q.integer(3) != 0, int(q.integer(4))});
    return out;
}

QList<AttachmentRow> MessageStore::attachments(qint64 messageId)
{
    QList<AttachmentRow> out;
    SqlStatement q(m_db, "SELECT id, message_id, name, content_type, data, content_id, is_inline "
                         "FROM attachments WHERE message_id=? ORDER BY id");
    q.bind(1, messageId);
    while (q.next())
        out.append(AttachmentRow{q.integer(0), q.integer(1), q.text(2), q.text(3), q.blob(4), q.text(5), q.integer(6) != 0});
    return out;
}

std::optional<AttachmentRow> MessageStore::attachment(qint64 userId, qint64 attachmentId)
{
    SqlStatement q(m_db, "SELECT a.id, a.message_id, a.name, a.content_type, a.data, a.content_id, a.is_inline "
                         "FROM attachments a JOIN messages m ON m.id = a.message_id WHERE m.user_id=? AND a.id=?");
    q.bind(1, userId).bind(2, attachmentId);
    if (!q.next())
        return std::nullopt;
    return AttachmentRow{q.integer(0), q.integer(1), q.text(2), q.text(3), q.blob(4), q.text(5), q.integer(6) != 0};
}

bool MessageStore::setRead(qint64 messageId, bool read)
{
    SqlStatement q(m_db, "UPDATE messages SET read=? WHERE id=?");
    return q.bind(1, read).bind(2, messageId).run();
}

bool MessageStore::setFlag(qint64 messageId, const QByteArray &flagBlob)
{
    SqlStatement q(m_db, "UPDATE messages SET flag=?, flag_rev=flag_rev+1 WHERE id=?");
    return q.bindBlob(1, flagBlob.isEmpty() ? QByteArray() : flagBlob).bind(2, messageId).run();
}

bool MessageStore::moveMessage(qint64 messageId, qint64 folderId)
{
    SqlStatement q(m_db, "UPDATE messages SET folder_id=? WHERE id=?");
    return q.bind(1, folderId).bind(2, messageId).run();
}

bool MessageStore::deleteMessage(qint64 messageId)
{
    SqlStatement a(m_db, "DELETE FROM attachments WHERE message_id=?");
    a.bind(1, messageId).run();
    // Row ids can be reused: a later message must not inherit these.
    SqlStatement c(m_db, "DELETE FROM calendar_items WHERE message_id=?");
    c.bind(1, messageId).run();
    SqlStatement q(m_db, "DELETE FROM messages WHERE id=?");
    return q.bind(1, messageId).run();
}

QList<MessageRow> MessageStore::conversationMessages(qint64 userId, const QByteArray &conversationId)
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

std::optional<MessageRow> MessageStore::messageByInternetId(qint64 userId, const QString &internetMessageId)
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

} // namespace skein::server
