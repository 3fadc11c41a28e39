#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

struct sqlite3;

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

// The reference server's own SQLite store (plain sqlite3, WAL). Single
// connection, used from the server thread only.
class ServerStore
{
public:
    ServerStore() = default;
    ~ServerStore();
    ServerStore(const ServerStore &) = delete;
    ServerStore &operator=(const ServerStore &) = delete;

    bool open(const QString &dataDir, QString *error);
    void close();
    bool isOpen() const { return m_db != nullptr; }

    bool begin();
    bool commit();
    void rollback();

    bool hasUsers();
    // Creates the user with the standard folders, or updates the password.
    qint64 ensureUser(const QString &name, const QString &password, const QString &email = {},
                      const QString &displayName = {});
    std::optional<UserRow> user(const QString &name);
    std::optional<UserRow> userById(qint64 id);
    // The user whose configured address this is, ignoring case (not
    // NAME@any-domain as userByAddress: Autodiscover and sign-in know only
    // real addresses).
    std::optional<UserRow> userByEmail(const QString &email);
    QList<UserRow> users();

    QList<FolderRow> folders(qint64 userId);
    std::optional<FolderRow> folder(qint64 userId, qint64 folderId);
    std::optional<FolderRow> folderByType(qint64 userId, int type);
    std::optional<FolderRow> folderByName(qint64 userId, const QString &name);
    qint64 addFolder(qint64 userId, qint64 parentId, const QString &name, int type);

    // Inserts message and attachments; sets row.id.
    qint64 insertMessage(MessageRow &row);
    std::optional<MessageRow> message(qint64 userId, qint64 messageId, bool withAttachments = true);
    QList<MessageRow> messages(qint64 userId); // without attachments, by id
    // withConversations = false leaves conversationId empty (see
    // needsConversations()): a blob per row is most of the cost of a read
    // that every Sync, Ping and GetItemEstimate makes of a whole folder.
    QList<MessageState> folderStates(qint64 folderId, bool withConversations = true);
    QList<AttachmentRow> attachments(qint64 messageId);
    std::optional<AttachmentRow> attachment(qint64 userId, qint64 attachmentId);
    bool setRead(qint64 messageId, bool read);
    bool setFlag(qint64 messageId, const QByteArray &flagBlob);
    bool moveMessage(qint64 messageId, qint64 folderId);
    bool deleteMessage(qint64 messageId);

    // --- conversations, delivery and sending (ServerStoreMail.cpp) ---
    QList<MessageRow> conversationMessages(qint64 userId, const QByteArray &conversationId);
    // The newest message of the user carrying that Message-ID (with or without <>).
    std::optional<MessageRow> messageByInternetId(qint64 userId, const QString &internetMessageId);
    // A local user by address: the configured email, or NAME@any-domain.
    std::optional<UserRow> userByAddress(const QString &address);
    std::optional<ConversationRule> conversationRule(qint64 userId, const QByteArray &conversationId);
    QList<ConversationRule> conversationRules(qint64 userId);
    bool setConversationRule(qint64 userId, const ConversationRule &rule);
    // ClientIds of SendMail/SmartReply/SmartForward already sent (status 118).
    bool hasClientId(qint64 userId, const QString &clientId);
    bool rememberClientId(qint64 userId, const QString &clientId, qint64 nowMs);

    // --- drafts added through Sync, 16.0+ (ServerStoreDrafts.cpp) ---
    // The draft an earlier Add with this ClientId made, if it still exists; 0 otherwise.
    qint64 draftByClientId(qint64 userId, const QString &clientId);
    bool rememberDraft(qint64 userId, const QString &clientId, qint64 messageId, const QString &bcc);
    // Replaces subject, recipients, importance and body of a draft.
    bool updateDraft(const MessageRow &row, const QString &bcc);
    QString draftBcc(qint64 messageId);
    // Every other device's snapshot forgets the message: their next Sync
    // sends it as an Add again (with the new content, same ServerId).
    void forgetSnapshotsExcept(qint64 messageId, qint64 keptStateId);

    // --- calendar items (ServerStoreCalendar.cpp) ---
    // Inserts the item's message row (sets row.id) and its details.
    qint64 insertCalendarItem(MessageRow &row, const CalendarDetails &details);
    std::optional<CalendarDetails> calendarDetails(qint64 messageId);

    DeviceKeys deviceKeys(qint64 userId, const QString &deviceId);
    void setDeviceKeys(qint64 userId, const QString &deviceId, const DeviceKeys &keys);

    QString nextSyncKey();

    std::optional<FolderSyncState> folderSyncState(qint64 userId, const QString &deviceId);
    void saveFolderSyncState(qint64 userId, const QString &deviceId, const FolderSyncState &s);
    QHash<qint64, FolderSnapshotEntry> folderSnapshot(qint64 userId, const QString &deviceId);
    void replaceFolderSnapshot(qint64 userId, const QString &deviceId,
                               const QHash<qint64, FolderSnapshotEntry> &snapshot);

    std::optional<SyncState> syncState(qint64 userId, const QString &deviceId, qint64 folderId);
    // Drops any state and its snapshot and starts a fresh one with syncKey.
    SyncState resetSyncState(qint64 userId, const QString &deviceId, qint64 folderId,
                             const QString &syncKey);
    void saveSyncState(const SyncState &state);
    void deleteSyncStates(qint64 folderId); // every device's state of a folder
    QHash<qint64, SnapshotEntry> snapshot(qint64 stateId);
    // What the device was last told about one message; none if never told.
    std::optional<SnapshotEntry> snapshotEntry(qint64 stateId, qint64 messageId);
    void snapshotPut(qint64 stateId, qint64 messageId, const SnapshotEntry &entry);
    // The device moved the message out of folderId itself (MoveItems, a
    // conversation Move): it holds no copy there any more. The folder's next
    // Sync still sends the Delete, unless the message came back under the
    // same ServerId meanwhile: then it sends an Add.
    void markMovedOut(qint64 userId, const QString &deviceId, qint64 folderId, qint64 messageId);
    void snapshotRemove(qint64 stateId, qint64 messageId);

    QString lastError() const { return m_lastError; }
    sqlite3 *handle() const { return m_db; }

private:
    bool exec(const char *sql);
    bool migrate();
    bool addColumnIfMissing(const char *table, const char *column, const char *definition);

    sqlite3 *m_db = nullptr;
    QString m_lastError;
};

} // namespace skein::server
