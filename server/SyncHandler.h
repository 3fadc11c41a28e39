#pragma once

#include "EasRequest.h"
#include "ServerContext.h"

namespace skein::server {

// Sync ([MS-ASCMD] 2.2.1.21) with per (user, device, collection) state:
// key 0 primes the state; the current key gets the client's commands applied
// and the server's changes (Add/Change/Delete/SoftDelete, WindowSize,
// MoreAvailable, FilterType, ConversationMode); the previous key replays the
// last response byte for byte; any other key gets Status 3.
class SyncHandler
{
public:
    explicit SyncHandler(ServerContext &ctx) : m_ctx(ctx) {}
    HandlerResult handle(const EasRequest &request);

private:
    wbxml::Element collection(const EasRequest &request, const wbxml::Element &in, int globalWindow);

    ServerContext &m_ctx;
};

} // namespace skein::server
