// The attachments each message lists (MailTypes.h Attachment, migration 10).

#include "JoinedTransaction.h"
#include "StorePrivate.h"

namespace skein {

bool Store::Private::writeAttachments(qint64 messageId, const QList<Attachment> &attachments)
{
    auto clear = prepare("DELETE FROM attachments WHERE message_id = :message_id");
    if (!clear.isValid())
        return false;
    clear.bind(":message_id", messageId);
    if (!check(clear.step(), QStringLiteral("replacing the attachments of message %1").arg(messageId)))
        return false;
    int position = 0;
    for (const Attachment &a : attachments) {
        auto q = prepare("INSERT INTO attachments (message_id, position, name, file_reference, size, "
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
        if (!check(q.step(), QStringLiteral("storing attachment %1 of message %2").arg(a.name).arg(messageId)))
            return false;
    }
    return true;
}

QList<Attachment> Store::attachments(qint64 messageId) const
{
    QList<Attachment> out;
    auto q = d->prepare("SELECT name, file_reference, size, content_type, content_id, inline "
                        "FROM attachments WHERE message_id = :message_id ORDER BY position");
    if (!q.isValid())
        return out;
    q.bind(":message_id", messageId);
    while (q.step() == SQLITE_ROW)
        out.append(Attachment{q.text(0), q.text(1), q.int64(2), q.text(3), q.text(4), q.boolean(5)});
    return out;
}

bool Store::setAttachments(qint64 messageId, const QList<Attachment> &attachments)
{
    sql::JoinedTransaction transaction(d->db);
    if (!transaction.isActive())
        return d->fail(QStringLiteral("storing attachments"));
    return d->writeAttachments(messageId, attachments) && transaction.commit();
}

bool Store::setAttachmentContentType(qint64 messageId, const QString &fileReference, const QString &contentType)
{
    auto q = d->prepare("UPDATE attachments SET content_type = :content_type "
                        "WHERE message_id = :message_id AND file_reference = :file_reference");
    if (!q.isValid())
        return false;
    q.bind(":content_type", contentType);
    q.bind(":message_id", messageId);
    q.bind(":file_reference", fileReference);
    return d->check(q.step(), QStringLiteral("recording an attachment's type"));
}

} // namespace skein
