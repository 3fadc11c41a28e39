#pragma once

#include "EasRequest.h"
#include "ServerContext.h"

namespace skein::server {

// ItemOperations ([MS-ASCMD] 2.2.1.10): Fetch of a whole message
// (Store=Mailbox, CollectionId + ServerId or a Search LongId, BodyPreference)
// or of an attachment (FileReference), and the conversation Move
// (ConversationMove: always-move / ignore with a persistent rule), in
// request order. Also MoveItems ([MS-ASCMD] 2.2.1.12).
class ItemOperationsHandler
{
public:
    explicit ItemOperationsHandler(ServerContext &ctx) : m_ctx(ctx) {}
    HandlerResult handle(const EasRequest &request);
    HandlerResult moveItems(const EasRequest &request);

private:
    void fetch(const EasRequest &request, const wbxml::Element &in, wbxml::Element &response);
    void fetchLongId(const EasRequest &request, const QString &longId, const wbxml::Element &in, wbxml::Element &out);

    ServerContext &m_ctx;
    QList<QByteArray> m_parts; // multipart answer: attachment data, part i + 1
};

} // namespace skein::server
