#pragma once

#include "EasRequest.h"
#include "ServerContext.h"

namespace skein::server {

// GetItemEstimate ([MS-ASCMD] 2.2.1.9; [MS-ASCON] 3.2.5.2): the number of
// changes the next Sync would deliver for the given filter. Per collection:
// 2 unknown collection or ConversationMode on a non-mail folder (as the
// 2009 MS-ASCON text says; docs/protocol.md), 3 never primed with key 0,
// 4 sync key mismatch.
class EstimateHandler
{
public:
    explicit EstimateHandler(ServerContext &ctx) : m_ctx(ctx) {}
    HandlerResult handle(const EasRequest &request);

private:
    ServerContext &m_ctx;
};

} // namespace skein::server
