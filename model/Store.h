#pragma once

#include "Capabilities.h"
#include "MailTypes.h"

#include <QHash>
#include <QSet>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <utility>

struct sqlite3;

namespace skein {

// What a profile knows about its server. Never holds the password.
struct AccountSettings {
    QString url;              // e.g. http://127.0.0.1:8080 (scheme, host, port)
    QString endpointPath = QStringLiteral("/Microsoft-Server-ActiveSync");
    QString user;
    QString deviceId;         // stable per profile, 1-32 alphanumerics
    QString protocolVersion;  // negotiated, e.g. "16.1"
    QString policyKey;        // "0" or empty before provisioning
    QString folderSyncKey = QStringLiteral("0");
    // How Skein signs in (docs/signin.md). Secrets are never here: the
    // password or the OAuth refresh token lives in the keychain only.
    enum class AuthMethod { Basic, OAuth };
    AuthMethod authMethod = AuthMethod::Basic;
    QString email;            // the address Autodiscover started from; may be empty
    QString oauthAuthority;   // e.g. https://login.microsoftonline.com (OAuth only)
    QString oauthTenant;      // e.g. common, organizations or a tenant id
    QString oauthClientId;    // the application (client) id registered with the identity provider

    bool usesOAuth() const { return authMethod == AuthMethod::OAuth; }
};

QString authMethodName(AccountSettings::AuthMethod method);               // "basic" or "oauth"
std::optional<AccountSettings::AuthMethod> authMethodFromName(const QString &name);

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

struct ConversationSummary {
    QByteArray conversationId;  // empty for a message without one (then headId identifies it)
    QString serverId;           // shown for a message without conversationId; not unique across folders
    QString subject;            // of the newest message
    QStringList participants;   // senders, newest first, unique
    int messageCount = 0;       // across all synced folders
    int unreadCount = 0;
    bool flagged = false;       // any message with an active flag
    bool hasAttachments = false;
    QDateTime latest;
    QStringList unreadSenders;  // senders of unread messages, newest first, unique
    // conversationId was made up by Skein (ThreadInference.h): never send it
    // to the server; actions on it use the local rule path and the local store.
    bool inferred = false;
    qint64 headId = 0;          // row id of the newest message: with latest, the paging keyset;
                                // for a message without conversationId, its identity

    friend bool operator==(const ConversationSummary &, const ConversationSummary &) = default;
};

// How conversations() sorts. Date: the conversation's newest message (any
// folder). Sender / Subject: of that newest message (subject: its thread
// topic when the server sent one, so "Re:" prefixes do not sort); ties by date.
enum class ConversationSort { Date, Sender, Subject };

struct ConversationQuery {
    int offset = 0;
    // Keyset paging, date order only: the rows after the conversation with
    // this head (ConversationSummary::headId and latest; latest may be
    // invalid). Unlike an offset it costs the same on every page; offset is
    // then ignored. 0: no keyset.
    qint64 afterHeadId = 0;
    QDateTime afterLatest;
    int limit = -1;  // -1: all
    ConversationSort sortKey = ConversationSort::Date;
    Qt::SortOrder order = Qt::DescendingOrder;  // Date descending: newest first
    // Keeps conversations with a message whose subject or sender contains the
    // text (case-insensitive for ASCII letters, as SQLite's LIKE).
    QString filterText;
};

struct ActionEntry;      // ActionTypes.h
struct ConversationRule; // ActionTypes.h
struct OutboxEntry;      // OutboxTypes.h
struct DraftEntry;       // DraftTypes.h
struct DraftUpload;      // DraftTypes.h
struct DraftDelete;      // DraftTypes.h
struct SentReply;        // SentCopyMatch.h
struct AddressUse;       // AddressUse.h
struct SearchHit;        // FullTextSearch.h

// The local SQLite cache. One Store per thread (each has its own connection);
// WAL mode lets the GUI read while the sync thread writes.
class Store
{
public:
    Store();
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    // Opens or creates the database and runs pending migrations.
    bool open(const QString &path);
    QString lastError() const;
    QString path() const;

    std::optional<AccountSettings> account() const;
    bool saveAccount(const AccountSettings &account);

    // Folders. applyFolderSync replaces the hierarchy key together with the changes.
    QList<Folder> folders() const;
    std::optional<Folder> folder(const QString &serverId) const;
    std::optional<Folder> folderByName(const QString &nameOrPath) const;
    std::optional<Folder> folderOfType(FolderType type) const;
    bool applyFolderSync(const QString &newHierarchyKey, const QList<Folder> &addsOrUpdates,
                         const QStringList &deletes);

    QString syncKey(const QString &folderId) const; // "0" when never synced
    bool setSyncKey(const QString &folderId, const QString &key); // also clears sync-in-flight
    // Set before a Sync request of the folder leaves; setSyncKey clears it.
    // Still set later: the answer to that request was lost (migration 6).
    bool setSyncInFlight(const QString &folderId, bool inFlight);
    bool isSyncInFlight(const QString &folderId) const;
    bool applySyncBatch(const SyncBatch &batch);

    // Invalid sync key (status 3): the folder starts again at key 0, keeping its
    // messages and local state. Messages the server does not send again during
    // the resync are removed by finishResync.
    bool beginResync(const QString &folderId);
    bool finishResync(const QString &folderId);
    bool isResyncing(const QString &folderId) const;

    // A ServerId is unique only within its folder (SOGo: IMAP UIDs, so Inbox
    // and Sent Items both have a "5"): a message is found by its folder and
    // ServerId, or by its local row id.
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
    // One row per conversation that has a message in folderId, newest first.
    QList<ConversationSummary> conversations(const QString &folderId, int offset = 0,
                                             int limit = -1) const;
    // The same, sorted and filtered. The first page of a large folder by date
    // costs O(page); other sort keys and rare filter words cost O(folder).
    QList<ConversationSummary> conversations(const QString &folderId,
                                             const ConversationQuery &query) const;
    // Unread messages of one folder / of every folder that has any.
    int unreadCount(const QString &folderId) const;
    QHash<QString, int> unreadCounts() const;

    // Replaces the stored body of the message with local row id messageId.
    bool setBody(qint64 messageId, BodyType type, const QByteArray &body, bool truncated,
                 qint64 estimatedSize);

    // ---- Attachments (StoreAttachments.cpp, migration 10) ----
    // What the server listed for the message, in its order; empty when none.
    QList<Attachment> attachments(qint64 messageId) const;
    // Replaces the message's list (a Sync applies it with the message itself).
    bool setAttachments(qint64 messageId, const QList<Attachment> &attachments);
    // Records the Content-Type a fetch learned.
    bool setAttachmentContentType(qint64 messageId, const QString &fileReference, const QString &contentType);

    sqlite3 *handle() const;

    // ---- Conversation actions (StoreActions.cpp; types in ActionTypes.h) ----
    // None of these opens a transaction: ActionJournal and ConversationActions
    // wrap a local change and its journal entry in one (sql::Transaction).
    qint64 insertAction(const ActionEntry &entry); // the new id; 0 on failure
    std::optional<ActionEntry> action(qint64 id) const;
    // In journal order; unfinishedOnly: pending and sending entries.
    QList<ActionEntry> actions(bool unfinishedOnly) const;
    bool updateAction(const ActionEntry &entry); // state, attempts, error, items
    bool saveConversationRule(const ConversationRule &rule);
    bool removeConversationRule(const QByteArray &conversationId);
    std::optional<ConversationRule> conversationRule(const QByteArray &conversationId) const;
    QList<ConversationRule> conversationRules() const;
    // ---- The outbox (StoreOutbox.cpp; types in OutboxTypes.h) ----
    // In the order the user sent them. Each call is one statement, so one
    // transaction by itself.
    qint64 insertOutbox(const OutboxEntry &entry); // the new id; 0 on failure
    std::optional<OutboxEntry> outboxEntry(qint64 id) const;
    // Oldest first. unsentOnly: waiting, sending and failed (what the Outbox
    // folder shows); else every row, sent ones too.
    QList<OutboxEntry> outbox(bool unsentOnly = true) const;
    // What the engine sends next: waiting and sending, oldest first.
    QList<OutboxEntry> outboxToSend() const;
    // State, attempts, error and sent time of entry.id.
    bool updateOutboxState(const OutboxEntry &entry);
    // The user edited a waiting or failed message: new MIME, subject and
    // recipients, back to waiting with no error. The ClientId stays. False
    // (with lastError) when the entry is sending or sent: too late to edit.
    bool editOutbox(qint64 id, const QByteArray &mime, const QString &subject, const QString &recipients);
    // Deletes a waiting or failed message; false when sending or sent.
    bool deleteOutbox(qint64 id);
    // Drops sent rows older than `before`; how many went, -1 on error.
    int forgetSentOutbox(const QDateTime &before);
    // ---- Drafts (StoreDrafts.cpp, migration 11; types in DraftTypes.h) ----
    // Inserts (draft.id 0) or replaces the draft; sets `updated` to now and
    // marks it for upload (16.0+; only the last content goes). Attachment
    // files are copied into draftFilesDir() so the draft survives the
    // original being moved. Returns the id, 0 on failure (lastError).
    qint64 saveDraft(const DraftEntry &draft);
    std::optional<DraftEntry> draft(qint64 id) const;
    QList<DraftEntry> drafts() const; // newest first
    // Removes the draft and its files; when the server has it (or may: an
    // Add whose answer was lost), journals the server delete. False when
    // there is no such draft.
    bool deleteDraft(qint64 id);
    // A draft of another device (a message synced into Drafts, by local row
    // id) becomes a local draft with its ServerId, already uploaded. The
    // existing local draft when one has that ServerId; nullopt on failure.
    std::optional<DraftEntry> importServerDraft(qint64 messageId);
    // Messages in the Drafts folder that are no local draft's ServerId.
    QList<Message> serverOnlyDrafts() const;
    // <profile>/drafts: where the copies of draft attachments live (0700).
    QString draftFilesDir() const;
    // For the engine: drafts whose last save the server has not taken.
    QList<DraftUpload> draftsToUpload() const;
    // Before a request carries it: attempts + 1 (a kill then leaves a trace).
    bool noteDraftUploading(qint64 id);
    // The server took `revision` under serverId; a later save stays pending.
    bool setDraftUploaded(qint64 id, qint64 revision, const QString &serverId);
    bool setDraftUploadError(qint64 id, const QString &error);
    QList<DraftDelete> draftDeletes() const;
    bool setDraftDeleteServerId(qint64 deleteId, const QString &serverId);
    bool finishDraftDelete(qint64 deleteId);
    // ---- The server's copies of sent replies (StoreSentMatch.cpp; SentCopyMatch.h) ----
    // Outbox entry id -> the message row recorded as its server copy.
    QHash<qint64, qint64> sentCopies() const;
    // Replies and forwards with a source row that may show in their
    // conversation: not sent, or sent to Sent Items with no copy recorded;
    // oldest first, `mime` cut to its first 16 KiB (the headers).
    QList<OutboxEntry> repliesInOutbox() const;
    // Replies and forwards that went out (or may have: 'sending') whose copy
    // is not recorded yet, each with its source message.
    QList<SentReply> repliesAwaitingCopy() const;
    // Where their copies may be: the sources' conversations and the rows
    // with their Message-IDs.
    QList<Message> sentCopyCandidates(const QList<SentReply> &replies) const;
    QSet<QString> sentItemsFolderIds() const;
    // Finds the copies that arrived (matchSentCopies) and records them for
    // good; how many were recorded, -1 on error. Call after a Sync stored.
    int recordSentCopies();
    // ---- What the server turned out to support (StoreCapabilities.cpp) ----
    // Unknown when never learned. setCapability(c, Unknown) forgets it.
    CapabilityState capability(Capability capability) const;
    Capabilities capabilities() const; // only the known ones
    bool setCapability(Capability capability, CapabilityState state);
    // Local effects and their undo, by local row id.
    bool setMessageState(qint64 messageId, bool read, const FlagState &flag);
    // Moves a row to folderId under serverId. moving: the server has not
    // confirmed the message's new ServerId yet (a placeholder, see adoptMovedMessages).
    bool relocateMessage(qint64 messageId, const QString &folderId, const QString &serverId,
                         bool moving);
    bool isMoving(qint64 messageId) const;
    bool removeMessage(qint64 messageId);
    // Puts back a removed row (without its body); returns the new row id, 0 on failure.
    qint64 restoreMessage(const Message &message);
    // Before a Sync batch of folderId is applied: an Add of a message that a
    // local move put there as a placeholder takes over the placeholder row
    // (same ConversationId, ConversationIndex and date) instead of adding a
    // duplicate. Returns how many placeholders were adopted, -1 on error.
    int adoptMovedMessages(const QString &folderId, const QList<Message> &adds);
    // After a whole Sync of folderId: a placeholder whose twin (same
    // ConversationId, ConversationIndex and date) is already the server's
    // row there will never be taken over: the server counts that message as
    // this device's and sends no Add for it. It goes, unless an unfinished
    // action still names it. Returns how many went, -1 on error.
    int dropPlaceholdersWithTwins(const QString &folderId);

    // ---- Reply headers and inferred conversations (StoreThreads.cpp) ----
    // Messages of folderId without a ConversationIndex whose reply headers
    // were never fetched (and whose fetch failed fewer than maxFailures
    // times), oldest row first; only id, folderId and serverId are set.
    QList<Message> messagesNeedingReplyHeaders(const QString &folderId, int limit,
                                               int maxFailures = 3) const;
    // The same messages, all of them, newest conversation first (by topic,
    // as ThreadInference joins them; its newest message decides), then
    // newest message first: the order the conversation list shows them.
    QList<Message> replyHeaderQueue(const QString &folderId, int maxFailures = 3) const;
    // Stores what the server sent (possibly nothing) and marks the message
    // fetched, so it is never asked again.
    bool setReplyHeaders(qint64 messageId, const ReplyHeaders &headers);
    // The same for every message of one server answer, in one transaction.
    bool setReplyHeaders(const QList<std::pair<qint64, ReplyHeaders>> &fetched);
    // A fetch that failed: asked again on a later sync, maxFailures times.
    bool noteReplyHeadersFailed(const QList<qint64> &messageIds);
    // Regroups the messages without a server ConversationId (ThreadInference);
    // *changed (if given) counts the rows whose conversation changed, and
    // *joined lists those that now have one (for local conversation rules).
    // Cheap when every message has a server ConversationId.
    bool inferConversations(int *changed = nullptr, QList<qint64> *joined = nullptr);
    // The same, limited to what changed since the last regroup: messages
    // stored since, or whose headers, subject, date or server id changed,
    // or that lost a neighbour (migration 14), together with everything
    // ThreadInference could group with them and the rest of their
    // conversations. *considered (if given) counts the messages it read.
    // Gives the same conversations as inferConversations.
    bool regroupChangedConversations(int *changed = nullptr, QList<qint64> *joined = nullptr,
                                     int *considered = nullptr);

    // ---- Addresses for completion (StoreAddresses.cpp) ----
    // Every address of a stored message (From/To/Cc) or of the outbox, the
    // ones the user wrote to most first, then the most seen, then by address.
    QList<AddressUse> knownAddresses() const;

    // ---- Full-text search (StoreSearch.cpp, migration 19; FullTextSearch.h) ----
    // The conversations with a message (in folderId, or any folder when
    // empty) containing every word of text (the last one as a prefix), best
    // match first (bm25), at most limit. Any text is safe: words without a
    // letter or digit are ignored, and nothing to search for finds nothing.
    QList<SearchHit> search(const QString &text, const QString &folderId = {}, int limit = 50) const;

private:
    bool hasSentCopiesTable() const;
    bool needsConversationInference(bool *needed) const;
    // Runs ThreadInference over the rows sql selects (in id order) and writes
    // what changed; inside the caller's transaction.
    bool regroupCandidates(const QByteArray &sql, int *changed, QList<qint64> *joined, int *considered);
    // Writes the thread links of every message whose links are missing;
    // *stale counts those, *total all messages (counted up to 2 * stale + 1,
    // all the caller needs to know).
    bool storeMissingThreadLinks(int *stale, int *total);
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace skein
