#pragma once

#include "EasRequest.h"
#include "ServerContext.h"

#include <QByteArray>

namespace skein::server {

// 12.x GetAttachment ([MS-ASCMD] 2.2.1.7): Cmd=GetAttachment&AttachmentName=
// the airsyncbase:FileReference from Sync. The answer is the attachment's
// raw bytes with its Content-Type, not WBXML. 14.0 and later fetch by
// ItemOperations instead, so the command is refused there (HTTP 400), as
// Exchange 2010 does; an unknown name is HTTP 404.
struct AttachmentDownload {
    int httpStatus = 200;
    QByteArray contentType;
    QByteArray body;
};

AttachmentDownload getAttachment(ServerContext &ctx, const EasRequest &request);

// "att:<id>" -> the attachment id; 0 for anything else.
qint64 attachmentIdFromReference(const QString &fileReference);

} // namespace skein::server
