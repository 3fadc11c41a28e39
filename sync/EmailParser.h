#pragma once

#include "MailTypes.h"
#include "WbxmlElement.h"

#include <QString>

namespace skein::eas {

// Reads email ApplicationData (Sync Add/Change, ItemOperations/Search
// Properties) of 12.1 .. 16.x. Unknown elements are ignored; a missing field
// keeps the Message default. Throws nothing: a value that cannot be read is
// reported through `problem` so the caller can skip the item.
struct EmailParseResult {
    Message message;
    QString problem; // non-empty: the item is unusable (e.g. unparseable DateReceived)
};

EmailParseResult parseEmailChecked(const wbxml::Element &applicationData, const QString &serverId,
                                   const QString &folderId);

// Convenience form: the message as far as it could be read.
Message parseEmail(const wbxml::Element &applicationData, const QString &serverId,
                   const QString &folderId);

// A server Change: only the fields present ([MS-ASEMAIL] 3.2.5.4.1): Read only,
// Flag only, or anything else -> `full` with everything that was sent.
struct EmailChangeParseResult {
    MessageChange change;
    QString problem;
};

EmailChangeParseResult parseEmailChange(const wbxml::Element &applicationData,
                                        const QString &serverId, const QString &folderId);

// email:Flag content; an empty <Flag/> is a cleared flag.
FlagState parseFlag(const wbxml::Element &flag);

// airsyncbase:Body (14.0+) or the 12.x-era email:Body / BodyTruncated / BodySize.
void parseBody(const wbxml::Element &applicationData, Message &message);

} // namespace skein::eas
