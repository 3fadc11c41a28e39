#pragma once

#include "ServerContext.h"

#include <WbxmlElement.h>

namespace skein::server {

// The ItemOperations Move of a whole conversation: "always move" ([MS-ASCON]
// 3.1.4.6, 3.2.5.3.2) and "ignore" (3.1.4.4, 3.2.5.3.1; the same with
// DstFldId = Deleted Items). Every message of the conversation in every
// folder except Sent Items (and Drafts/Outbox, which hold unsent mail) goes
// to the destination, and a persistent per-user rule sends every future
// message of the conversation there too (MailDelivery applies it).
class ConversationMove
{
public:
    // deviceId: the device asking, which moves its own copies as it asks.
    ConversationMove(ServerContext &ctx, const UserRow &user, QString deviceId = {})
        : m_ctx(ctx), m_user(user), m_deviceId(std::move(deviceId))
    {
    }

    // Handles one request Move and appends Response/Move{Status, ConversationId}.
    void run(const wbxml::Element &in, wbxml::Element &response);

    // The whole action for already parsed input; returns the Move Status:
    // 1 done, 3 store failure (rolled back), 6 unknown conversation or
    // folder, 105 Recipient Information Cache, 156 not a mail folder or
    // Drafts/Outbox/Junk E-mail.
    int apply(const QList<QByteArray> &conversationIdCandidates, qint64 destinationFolderId);

private:
    int destinationStatus(const std::optional<FolderRow> &destination) const;
    bool moveAll(const QList<MessageRow> &members, const FolderRow &destination);

    ServerContext &m_ctx;
    const UserRow &m_user;
    QString m_deviceId;
};

// ConversationId as sent: the bytes (MS-ASCON), or — since MS-ASCMD calls it
// a string — text that may be hex, a {GUID} or base64 of the 16 bytes, as
// STR_I or wrapped in OPAQUE. Returns every plausible reading, raw bytes first.
QList<QByteArray> conversationIdCandidates(const wbxml::Element &element);

} // namespace skein::server
