#pragma once

#include "EasRequest.h"
#include "EmailSerializer.h"
#include "ServerContext.h"

namespace skein::server {

// The client's own Commands inside a Sync Collection ([MS-ASCMD] 2.2.3.29.2;
// [MS-ASEMAIL] 3.1.5.4): Change (Read, Flag, Categories only), Delete
// (DeletesAsMoves), Fetch. Failures and fetches go to `responses`.
class SyncCommands
{
public:
    SyncCommands(ServerContext &ctx, const EasRequest &request, const FolderRow &folder, qint64 stateId)
        : m_ctx(ctx), m_request(request), m_folder(folder), m_stateId(stateId)
    {
    }

    void run(const wbxml::Element &commands, bool deletesAsMoves, const BodyOptions &body,
             wbxml::Element &responses);

    // Validates an email:Flag from a client; returns 1 (ok) or 6 and the
    // blob to store (empty = cleared).
    static int validateFlag(const wbxml::Element &flag, QByteArray *blob);

private:
    std::optional<MessageRow> findInFolder(const QString &serverId);
    int change(const wbxml::Element &item);
    void recordOwnChange(qint64 messageId, bool readSent, bool flagSent);
    int remove(const wbxml::Element &item, bool deletesAsMoves);

    ServerContext &m_ctx;
    const EasRequest &m_request;
    const FolderRow &m_folder;
    qint64 m_stateId;
};

// "5:12" -> 12 when the folder part is `folderId`; 0 otherwise.
qint64 messageIdFromServerId(const QString &serverId, qint64 folderId);
QString serverIdFor(qint64 folderId, qint64 messageId);
// Search LongId ("FOLDER:ID" when found): the message by id, in any folder,
// since it may have moved after the search.
QString longIdFor(qint64 folderId, qint64 messageId);
std::optional<MessageRow> messageForLongId(ServerStore &store, qint64 userId, const QString &longId);

} // namespace skein::server
