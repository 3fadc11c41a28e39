#pragma once

#include "EasRequest.h"
#include "MailSubmission.h"
#include "ServerContext.h"

namespace skein::server {

// SendMail, SmartReply, SmartForward ([MS-ASCMD] 2.2.1.17, 2.2.1.19,
// 2.2.1.20). 14.0+: WBXML ClientId, Source{FolderId, ItemId | LongId},
// SaveInSentItems, ReplaceMime, Mime (OPAQUE), 16.0 Forwardees. 12.x: the
// raw MIME body (message/rfc822) with ItemId/CollectionId/SaveInSent=T in
// the query. Success: HTTP 200, empty body. Failure: 14.0+ a body with the
// command's Status (103 malformed, 107 bad MIME, 118 ClientId already sent,
// 119 no recipient, 150 original not found, 110 server error); 12.x an HTTP
// status (400 for the client's mistakes, 500 otherwise).
class ComposeHandler
{
public:
    explicit ComposeHandler(ServerContext &ctx) : m_ctx(ctx) {}
    HandlerResult handle(const EasRequest &request);

private:
    struct Source {
        QString folderId;
        QString itemId;
        QString longId;
    };
    int parseWbxml(const EasRequest &request, Submission *out, Source *source) const;
    int parseRaw(const EasRequest &request, Submission *out, Source *source) const;
    int resolveOriginal(const EasRequest &request, const Source &source, Submission *out) const;
    HandlerResult answer(const EasRequest &request, int status) const;
    bool namesRefusedRecipient(const ParsedMail &mail) const;

    ServerContext &m_ctx;
};

} // namespace skein::server
