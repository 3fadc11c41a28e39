#pragma once

#include "MailTypes.h"
#include "StorePart.h"

namespace skein {

struct AddressUse; // AddressUse.h

// The synced messages: reading them, their bodies and attachment lists, and
// the local effects of actions (and their undo), by local row id.
//
// A ServerId is unique only within its folder (SOGo: IMAP UIDs, so Inbox
// and Sent Items both have a "5"): a message is found by its folder and
// ServerId, or by its local row id.
class MessageStore : private StorePart
{
public:
    MessageStore(Store &store, Database &db) : StorePart(store, db) {}

    std::optional<Message> message(const QString &folderId, const QString &serverId) const;
    std::optional<Message> messageById(qint64 id) const;
    int messageCount(const QString &folderId) const;
    QList<Message> messagesInFolder(const QString &folderId) const;
    // What arrived in folderId since row afterId (SQLite gives each new row a
    // larger id): newest first, at most `limit`. For new-mail notifications.
    QList<Message> messagesAfter(const QString &folderId, qint64 afterId, int limit) const;
    qint64 newestMessageId() const; // 0 when empty
    // Every synced message of the conversation, in any folder.
    QList<Message> conversationMessages(const QByteArray &conversationId) const;

    // Replaces the stored body of the message with local row id messageId.
    bool setBody(qint64 messageId, BodyType type, const QByteArray &body, bool truncated,
                 qint64 estimatedSize);

    // ---- Attachments (MessageStoreAttachments.cpp, migration 10) ----
    // What the server listed for the message, in its order; empty when none.
    QList<Attachment> attachments(qint64 messageId) const;
    // Replaces the message's list (a Sync applies it with the message itself).
    bool setAttachments(qint64 messageId, const QList<Attachment> &attachments);
    // Records the Content-Type a fetch learned.
    bool setAttachmentContentType(qint64 messageId, const QString &fileReference, const QString &contentType);

    // ---- Local effects and their undo (MessageStoreLocal.cpp) ----
    bool setMessageState(qint64 messageId, bool read, const FlagState &flag);
    // Moves a row to folderId under serverId. moving: the server has not
    // confirmed the message's new ServerId yet (a placeholder, see
    // SyncApplier::adoptMovedMessages).
    bool relocateMessage(qint64 messageId, const QString &folderId, const QString &serverId,
                         bool moving);
    bool isMoving(qint64 messageId) const;
    bool removeMessage(qint64 messageId);
    // Puts back a removed row (without its body); returns the new row id, 0 on failure.
    qint64 restoreMessage(const Message &message);

    // ---- Addresses for completion (MessageStoreAddresses.cpp) ----
    // Every address of a stored message (From/To/Cc) or of the outbox, the
    // ones the user wrote to most first, then the most seen, then by address.
    QList<AddressUse> knownAddresses() const;
};

} // namespace skein
