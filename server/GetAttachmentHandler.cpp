#include "GetAttachmentHandler.h"

namespace skein::server {

qint64 attachmentIdFromReference(const QString &fileReference)
{
    const QString ref = fileReference.trimmed();
    if (!ref.startsWith(QLatin1String("att:")))
        return 0;
    bool ok = false;
    const qint64 id = ref.mid(4).toLongLong(&ok);
    return ok && id > 0 ? id : 0;
}

AttachmentDownload getAttachment(ServerContext &ctx, const EasRequest &request)
{
    if (request.version >= 140)
        return {400, "text/plain", "GetAttachment is a 12.x command; fetch with ItemOperations\n"};
    const qint64 id = attachmentIdFromReference(request.query.value(QStringLiteral("AttachmentName")));
    const auto att = id ? ctx.store.mail().attachment(request.user.id, id) : std::nullopt;
    if (!att)
        return {404, "text/plain", "no such attachment\n"};
    const QByteArray type = att->contentType.isEmpty() ? QByteArray("application/octet-stream")
                                                       : att->contentType.toUtf8();
    return {200, type, att->data};
}

} // namespace skein::server
