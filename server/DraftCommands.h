#pragma once

#include "EasRequest.h"
#include "ServerContext.h"

namespace skein::server {

// Sync Add / Change of drafts in the Drafts folder ([MS-ASCMD] 2.2.3.7.2 and
// 2.2.3.24, 16.0 and later; docs/protocol.md "Drafts"). A draft is a
// message of the user's Drafts folder, so every device syncs it. Fields:
// email:To, email:Cc, email2:Bcc, email:Subject, email:Importance and
// airsyncbase:Body (Type 1 or 2, Data). Attachments are not taken (text only).
class DraftCommands
{
public:
    DraftCommands(ServerContext &ctx, const EasRequest &request, const FolderRow &folder, qint64 stateId)
        : m_ctx(ctx), m_request(request), m_folder(folder), m_stateId(stateId)
    {
    }

    // Whether this Sync collection takes drafts (16.0+, the Drafts folder).
    static bool accepts(const EasRequest &request, const FolderRow &folder);
    // Whether a Change's ApplicationData carries draft fields (not only
    // Read / Flag / Categories, which SyncCommands handles for any mail).
    static bool isDraftChange(const wbxml::Element &applicationData);

    // Status 1 and *serverId, or the Sync status of the refusal (6). An Add
    // whose ClientId this server already took answers that draft's ServerId
    // with the new content: a client that lost the answer does not make two.
    int add(const wbxml::Element &item, QString *serverId);
    int change(const MessageRow &message, const wbxml::Element &applicationData);

private:
    int readFields(const wbxml::Element &applicationData, MessageRow *row, QString *bcc);
    // Other devices were told the old content: their next Sync sends the
    // draft again as an Add under the same ServerId (an update for them).
    void retellOtherDevices(qint64 messageId);

    ServerContext &m_ctx;
    const EasRequest &m_request;
    const FolderRow &m_folder;
    qint64 m_stateId;
};

} // namespace skein::server
