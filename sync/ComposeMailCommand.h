#pragma once

#include "OutboxTypes.h"
#include "WbxmlElement.h"

#include <QList>
#include <QPair>
#include <QString>

namespace skein::eas {

// SendMail, SmartReply and SmartForward ([MS-ASCMD] 2.2.1.17, 2.2.1.19,
// 2.2.1.20) for one outbox entry. 14.0 and later: a WBXML body with
// ClientId, Source (FolderId + ItemId, or LongId for a search result),
// SaveInSentItems, ReplaceMime (replies: Skein quotes the parent itself) and
// the MIME as opaque data. 12.1: the MIME itself as the body
// (message/rfc822) and the rest as query parameters (ItemId, CollectionId,
// SaveInSent=T); there is no ClientId. Success is an empty body (HTTP 200);
// a failure carries Status (docs/protocol.md "Sending mail").
class ComposeMailCommand
{
public:
    explicit ComposeMailCommand(const OutboxEntry &entry);

    // "SendMail", "SmartReply" or "SmartForward": the Cmd= of the request.
    const char *commandName() const;
    static const char *commandName(OutboxKind kind);

    wbxml::Element request() const; // 14.0 and later
    // 12.1: the query parameters beside Cmd/User/DeviceId/DeviceType; the body is entry.mime.
    QList<QPair<QString, QString>> legacyQuery() const;

    struct Result {
        int status = 1;    // 1 when the body is empty (success)
        QString error;     // a body that is no answer of this command
    };
    static Result parse(const wbxml::Element *root);

private:
    OutboxEntry m_entry;
};

} // namespace skein::eas
