#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// The rows the reference server's store reads and writes (ServerStore and
// its parts).
namespace skein::server {

// Folder types of [MS-ASCMD] FolderSync Type.
namespace FolderType {
inline constexpr int UserGeneric = 1;
inline constexpr int Inbox = 2;
inline constexpr int Drafts = 3;
inline constexpr int DeletedItems = 4;
inline constexpr int SentItems = 5;
inline constexpr int Outbox = 6;
inline constexpr int Calendar = 8;
inline constexpr int UserMail = 12;
inline constexpr int RecipientInfoCache = 19;
bool isMail(int type);
} // namespace FolderType

struct UserRow {
    qint64 id = 0;
    QString name;
    QString password;
    QString email;
    QString displayName;
};

struct FolderRow {
    qint64 id = 0;
    qint64 userId = 0;
    qint64 parentId = 0; // 0 = root
    QString name;
    int type = FolderType::UserMail;
};

struct AttachmentRow {
    qint64 id = 0;
    qint64 messageId = 0;
    QString name;
    QString contentType;
    QByteArray data;
    // An inline part (an image the HTML body shows by cid:): its Content-ID
    // without <>, and true for Content-Disposition inline.
    QString contentId;
    bool isInline = false;
};

struct MessageRow {
    qint64 id = 0;
    qint64 userId = 0;
    qint64 folderId = 0;
    qint64 parentId = 0; // message this one replies to (0 = thread starter)
    QString subject;
    QString from;
    QString to;
    QString cc;
    QString displayTo;
    QString threadTopic;
    int importance = 1;
    qint64 receivedMs = 0; // UTC ms since epoch
    bool read = false;
    QByteArray flag; // elementToBlob(email:Flag); empty = not flagged
    int flagRev = 0;
    int bodyType = 1; // native: 1 plain text, 2 HTML
    QString body;
    QByteArray conversationId;    // 16 bytes
    QByteArray conversationIndex; // 5 + 5n bytes
    QString internetMessageId;    // RFC 5322 Message-ID with <>; generated when empty
    QList<AttachmentRow> attachments;
};

// What a calendar item has beyond its message row. A calendar item is a row
// of the messages table in a Calendar folder, so Sync's change tracking,
// Ping and GetItemEstimate serve it as they serve mail: its receivedMs is the
// start, `from` the organizer, and it belongs to no conversation.
struct CalendarDetails {
    qint64 endMs = 0;
    qint64 stampMs = 0; // DtStamp: when the item was made
    QString location;
    QString uid;
};

// A persistent "always move" / "ignore" rule ([MS-ASCON] 3.2.5.3): every
// future message of the conversation delivered to the user goes to folderId.
struct ConversationRule {
    QByteArray conversationId;
    qint64 folderId = 0;
    qint64 createdMs = 0;
};

// What the Sync diff needs of a message.
struct MessageState {
    qint64 id = 0;
    qint64 receivedMs = 0;
    QByteArray conversationId;
    bool read = false;
    int flagRev = 0;
};

// What a device was last told about one message.
struct SnapshotEntry {
    // flagRev of a message the device moved out of the folder itself
    // (MoveItems, a conversation Move): it holds no copy there any more.
    static constexpr int kMovedOut = -1;

    bool read = false;
    int flagRev = 0;

    bool movedOut() const { return flagRev == kMovedOut; }
};

struct SyncState {
    qint64 id = 0;
    QString syncKey;
    QString prevKey;
    QByteArray prevResponse; // elementToBlob of the last Collection response
    // Digest of the Commands of the request that got prevResponse (see
    // SyncHandler); empty when unknown (a state older than the column).
    QByteArray prevCommands;
    int filterType = 0;
    bool conversationMode = false;
    QByteArray options; // elementToBlob of the last airsync:Options
};

struct FolderSyncState {
    QString syncKey;
    QString prevKey;
    QByteArray prevResponse;
};

struct FolderSnapshotEntry {
    QString name;
    qint64 parentId = 0;
};

struct DeviceKeys {
    QString tempKey;
    QString policyKey;
};

} // namespace skein::server
