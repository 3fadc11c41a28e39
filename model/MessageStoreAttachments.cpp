// The attachments each message lists (MailTypes.h Attachment, migration 10).

#include "JoinedTransaction.h"
#include "StoreRows.h"

namespace skein {

bool MessageWriter::writeAttachments(qint64 messageId, const QList<Attachment> &attachments)
{
    auto clear = m_db.prepare("DELETE FROM attachments WHERE message_id = :message_id");
    if (!clear.isValid())
        return false;
    clear.bind(":message_id", messageId);
    if (!m_db.check(clear.step(), QStringLiteral("replacing the attachments of message %1").arg(messageId)))
        return false;
    int position = 0;
    for (const Attachment &a : attachments) {
        auto q = m_db.prepare("INSERT INTO attachments (message_id, position, name, file_reference, size, "
                         "content_type, content_id, inline) VALUES (:message_id, :position, :name, "
                         ":file_reference, :size, :content_type, :content_id, :inline)");
        if (!q.isValid())
            return false;
        q.bind(":message_id", messageId);
        q.bind(":position", position++);
        q.bind(":name", a.name);
        q.bind(":file_reference", a.fileReference);
        q.bind(":size", a.size);
        q.bind(":content_type", a.contentType);
        q.bind(":content_id", a.contentId);
        q.bind(":inline", a.isInline);
        if (!m_db.check(q.step(), QStringLiteral("storing attachment %1 of message %2").arg(a.name).arg(messageId)))
            return false;
    }
    return true;
}

QList<Attachment> MessageStore::attachments(qint64 messageId) const
{
    QList<Attachment> out;
    auto q = m_db.prepare("SELECT name, file_reference, size, content_type, content_id, inline "
                        "FROM attachments WHERE message_id = :message_id ORDER BY position");
    if (!q.isValid())
        return out;
    q.bind(":message_id", messageId);
    while (q.step() == SQLITE_ROW)
        out.append(Attachment{q.text(0), q.text(1), q.int64(2), q.text(3), q.text(4), q.boolean(5)});
    return out;
}

bool MessageStore::setAttachments(qint64 messageId, const QList<Attachment> &attachments)
{
    auto transaction = m_db.join();
    if (!transaction.isActive())
        return m_db.fail(QStringLiteral("storing attachments"));
    return MessageWriter(m_db).writeAttachments(messageId, attachments) && transaction.commit();
}

bool MessageStore::setAttachmentContentType(qint64 messageId, const QString &fileReference, const QString &contentType)
{
    auto q = m_db.prepare("UPDATE attachments SET content_type = :content_type "
                        "WHERE message_id = :message_id AND file_reference = :file_reference");
    if (!q.isValid())
        return false;
    q.bind(":content_type", contentType);
    q.bind(":message_id", messageId);
    q.bind(":file_reference", fileReference);
    return m_db.check(q.step(), QStringLiteral("recording an attachment's type"));
}

} // namespace skein
