#pragma once

#include "ConversationThreading.h"
#include "MimeParser.h"
#include "ServerStore.h"

namespace skein::server {

// Where one copy of a message landed.
struct Delivered {
    qint64 userId = 0;
    qint64 messageId = 0;
    qint64 folderId = 0;
    QString folderName;
    QByteArray conversationId;
    QByteArray conversationIndex;
    QString internetMessageId;

    QString serverId() const { return QStringLiteral("%1:%2").arg(folderId).arg(messageId); }
};

// A message's place in a conversation.
struct ThreadPlacement {
    QByteArray conversationId;
    QByteArray conversationIndex;
    qint64 parentId = 0; // in the mailbox it is placed in; 0 = none held
    QString topic;
};

// Putting mail into mailboxes: threading ([MS-ASCON] 3.2.4 for what the
// server creates, Thread-Index / In-Reply-To for internet mail) and the
// per-user conversation rules of always-move / ignore. The caller owns the
// transaction.
class MailDelivery
{
public:
    MailDelivery(ServerStore &store, qint64 nowMs) : m_store(store), m_nowMs(nowMs) {}

    // Internet mail for `userId`: by Thread-Index (+ Thread-Topic) when it
    // carries a MAPI index; else by In-Reply-To, then References, against the
    // Message-IDs the user holds; else a new conversation.
    ThreadPlacement placeIncoming(qint64 userId, const ParsedMail &mail) const;
    // A reply or forward of `original`: its conversation, its index plus one block.
    ThreadPlacement placeResponse(const MessageRow &original) const;
    // A new conversation: fresh random id, a 5-byte index for now.
    ThreadPlacement placeNew(const QString &subject) const;

    // The row every copy starts from (no user, folder or parent yet).
    MessageRow rowFor(const ParsedMail &mail, const ThreadPlacement &placement) const;

    // Into the user's Inbox, or where the user's rule for the conversation
    // says (always-move target, Deleted Items for ignore). parentId is
    // looked up in this mailbox: by the In-Reply-To/References of `mail`,
    // else by the index minus its last block.
    std::optional<Delivered> deliverToInbox(qint64 userId, MessageRow row, const ParsedMail &mail);
    // Into `folderId` as it is (no rules; read state as in `row`); parentId
    // looked up as deliverToInbox does. For seeding a mailbox from files.
    std::optional<Delivered> deliverToFolder(qint64 userId, qint64 folderId, MessageRow row, const ParsedMail &mail);
    // Into the sender's Sent Items (no rules: what was sent stays there).
    std::optional<Delivered> saveInSent(qint64 userId, MessageRow row);

    // The held message a mail answers: In-Reply-To first, then References newest first.
    std::optional<MessageRow> referencedMessage(qint64 userId, const ParsedMail &mail) const;

    static QString newMessageId();

private:
    qint64 parentInMailbox(qint64 userId, const QByteArray &conversationId, const QByteArray &index,
                           const ParsedMail &mail) const;
    std::optional<Delivered> insertInto(qint64 userId, qint64 folderId, MessageRow row);
    QDateTime now() const;

    ServerStore &m_store;
    qint64 m_nowMs;
};

} // namespace skein::server
