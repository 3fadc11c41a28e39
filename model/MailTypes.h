#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace skein {

// Folder types of FolderSync ([MS-ASCMD] Type (FolderSync)).
enum class FolderType : int {
    UserGeneric = 1, Inbox = 2, Drafts = 3, DeletedItems = 4, SentItems = 5, Outbox = 6,
    Tasks = 7, Calendar = 8, Contacts = 9, Notes = 10, Journal = 11, UserMail = 12,
    UserCalendar = 13, UserContacts = 14, UserTasks = 15, UserJournal = 16, UserNotes = 17,
    Unknown = 18, RecipientInfoCache = 19,
};

bool isMailFolder(FolderType type);

struct Folder {
    QString serverId;
    QString parentId; // "0" for the root
    QString name;
    FolderType type = FolderType::UserGeneric;
};

// Flag state as [MS-ASEMAIL] Flag/Status: 0 cleared, 1 complete, 2 active.
enum class FlagStatus : int { None = 0, Complete = 1, Active = 2 };

struct FlagState {
    FlagStatus status = FlagStatus::None;
    QString flagType;      // e.g. "Flag for follow up"
    QDateTime start, due;  // UTC
    QDateTime completed;   // UTC, set when status is Complete

    friend bool operator==(const FlagState &, const FlagState &) = default;
};

enum class BodyType : int { None = 0, PlainText = 1, Html = 2, Rtf = 3, Mime = 4 };

// One attachment as the server listed it in Sync (airsyncbase:Attachment,
// or 2.5's email:Attachment). fileReference fetches it: ItemOperations
// FileReference at 14.0+, GetAttachment's AttachmentName at 12.x.
struct Attachment {
    QString name;            // DisplayName (AttName's last path segment for email:)
    QString fileReference;
    qint64 size = 0;         // EstimatedDataSize / AttSize, bytes; 0 unknown
    QString contentType;     // learned when fetched; may be empty before
    QString contentId;       // without <>; an inline part the HTML names by cid:
    bool isInline = false;

    friend bool operator==(const Attachment &, const Attachment &) = default;
};

// One email as the server described it. ConversationId and ConversationIndex
// are opaque bytes kept exactly as received (MS-ASCON: the client must not
// change them); empty means the server sent none.
struct Message {
    qint64 id = 0;          // local row id, 0 before it is stored
    QString serverId;
    QString folderId;
    QString subject;
    QString from;
    QString to;
    QString cc;
    QString replyTo;
    QString threadTopic;
    QDateTime dateReceived; // UTC
    bool read = false;
    FlagState flag;
    int importance = 1;     // 0 low, 1 normal, 2 high
    QString messageClass;   // IPM.Note ...
    QString preview;        // plain-text preview ([MS-ASAIRS] Preview)
    bool hasAttachments = false;
    QList<Attachment> attachments; // stored in table attachments (migration 10)
    QByteArray conversationId;
    QByteArray conversationIndex;
    // Body as far as the sync brought it.
    BodyType bodyType = BodyType::None;
    QByteArray body;
    bool bodyTruncated = false;
    qint64 bodyEstimatedSize = 0;
    // The message part ([MS-ASCON] 3.1.4.10, 14.1+): the server's HTML of the
    // message's own new text, without the earlier messages it quotes. Empty
    // when the server sent none (then the client cuts the quote itself).
    QByteArray messagePart;
    bool messagePartTruncated = false;
    // RFC 5322 reply headers, without angle brackets, fetched by Skein for
    // servers that send no ConversationIndex (see ThreadInference.h); empty
    // when unknown. Never sent by the server in a Sync.
    QString internetMessageId;
    QString inReplyTo;
    QStringList references;     // oldest first, as in the header
    // conversationId was computed by Skein (ThreadInference), not sent by the
    // server: it starts with kInferredConversationPrefix and must never be
    // sent back.
    bool conversationInferred = false;
};

// The reply headers of one message as fetched (ItemOperations, MIME).
struct ReplyHeaders {
    QString messageId;
    QString inReplyTo;
    QStringList references;

    bool isEmpty() const { return messageId.isEmpty() && inReplyTo.isEmpty() && references.isEmpty(); }
};

// A partial update the server sent in a Sync Change: only the fields present
// were changed ([MS-ASEMAIL] 3.2.5.4.1).
struct MessageChange {
    QString serverId;
    std::optional<bool> read;
    std::optional<FlagState> flag;
    // A full replacement when the server sent more than Read/Flag.
    std::optional<Message> full;
};

// Everything one Sync response said about one folder; applied in one transaction
// together with its new sync key, so a crash never leaves key and items apart.
struct SyncBatch {
    QString folderId;
    QString newSyncKey;
    QList<Message> adds;            // upserted by (folder, serverId)
    QList<MessageChange> changes;
    QStringList deletes;            // gone from the server folder
    QStringList softDeletes;        // left the filter window: removed locally, not "deleted"
    // The request for the next page already left (SyncRunner sends it while
    // this batch is stored): the folder's sync-in-flight marker is set again
    // in the same transaction as the new key, so a crash never hides it.
    bool nextRequestInFlight = false;
};

} // namespace skein
