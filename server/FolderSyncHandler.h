#pragma once

#include "EasRequest.h"

namespace skein::server {

// FolderSync ([MS-ASCMD] 2.2.1.5): key 0 = the whole hierarchy; a current key
// = adds/updates/deletes since that key; the previous key replays the last
// response; anything else = status 9.
class FolderSyncHandler
{
public:
    explicit FolderSyncHandler(ServerStore &store) : m_store(store) {}
    HandlerResult handle(const EasRequest &request);

private:
    ServerStore &m_store;
};

} // namespace skein::server
