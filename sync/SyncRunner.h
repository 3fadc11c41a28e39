#pragma once

#include "ActionReplayer.h"
#include "EasSession.h"
#include "OutboxSender.h"
#include "SyncCommand.h"
#include "Store.h"

#include <functional>
#include <memory>

namespace skein::eas {

struct SyncOptions {
    int filterType = 0;          // 0 = everything; 1..5 = 1 day .. 1 month
    int windowSize = 100;
    // A folder downloaded from nothing (a new account, a resync) asks for the
    // most [MS-ASCMD] allows per reply: a fifth of the round trips.
    int firstSyncWindowSize = 512;
    bool conversationMode = true;
    BodyType bodyType = BodyType::Html;
    int truncationSize = 20000;  // bodies larger than this arrive as a preview
    // A download page's successor is requested while the page is stored
    // (PrefetchedSync): a first download waits for the server only about
    // as long as storing takes, not in addition to it.
    bool prefetchNextPage = true;
};

struct ItemProblem {
    QString serverId;
    QString reason;
};

struct FolderReport {
    QString folderId;
    QString folderName;
    int added = 0;
    int changed = 0;
    int deleted = 0;
    int softDeleted = 0;
    bool resynced = false;
    QList<ItemProblem> skipped; // items the server sent that could not be read
    int replyHeadersFetched = 0; // messages whose reply headers were asked for and stored
    int regrouped = 0;           // messages whose inferred conversation changed
    QString error;              // empty when the folder synced
    // What kind of failure error is, when a request failed. Auth and
    // SignInRequired fail every folder alike: see appendFolderReport.
    ErrorKind errorKind = ErrorKind::None;
};

struct SyncReport {
    ErrorKind error = ErrorKind::None;
    QString message;            // account-wide failure, for the user
    QList<FolderReport> folders;

    bool ok() const { return error == ErrorKind::None; }
};

// Adds a folder's outcome to an account's report. A refused sign-in or
// password (Auth, SignInRequired) would fail every later folder the same
// way (each one costing a refresh attempt): it becomes the account's error
// and the answer is false, so the caller stops syncing folders.
bool appendFolderReport(SyncReport &report, FolderReport folder);

// What Search found for a conversation ([MS-ASCON] 3.1.4.7), or, when the
// server refused the search, what the local store has (fromServer false).
struct FindResult {
    QByteArray conversationId;
    bool fromServer = false;
    QString note;              // why the local store answered, for the user
    QList<Message> messages;   // folderId, serverId, subject, from, dateReceived ...
};

// What the server's FreeText search of the mailbox found (SyncRunner::searchServer).
struct ServerSearchResult {
    QString words;
    QString error;             // empty: the server answered
    int total = -1;            // the server's count when it gave one
    QList<Message> messages;   // newest first; folderId, serverId, subject, from, date, preview
};

// The sync algorithm, one step after the other, on the calling (sync) thread:
// FolderSync, then each mail folder's Sync with paging, resync on an invalid
// key, FolderSync again on a changed hierarchy. Every response is written to
// the store in one transaction together with its new sync key. The one
// exception to "one step after the other": a download page's successor is
// requested on a helper thread while the page is stored (PrefetchedSync).
class SyncRunner
{
public:
    SyncRunner(EasSession &session, Store &store, SyncOptions options = {});
    ~SyncRunner();

    using ProgressHandler = std::function<void(const Folder &folder, int itemsSoFar)>;
    using FolderChangedHandler = std::function<void(const QString &folderId)>;
    void setProgressHandler(ProgressHandler handler) { m_progress = std::move(handler); }
    void setFolderChangedHandler(FolderChangedHandler handler) { m_folderChanged = std::move(handler); }
    // Called at the points of a long sync where other work may safely run
    // first (between folders, between reply-header batches; never inside a
    // replay): the engine runs the user's waiting jobs there.
    void setYieldHandler(std::function<void()> handler) { m_yield = std::move(handler); }

    // OPTIONS (when no version is known yet) and FolderSync: proves the account works.
    SyncReport connect();
    // FolderSync, the action journal (replayActions), then every mail folder.
    SyncReport syncAll();
    FolderReport syncFolder(const Folder &folder);

    // The user's actions waiting in the journal, in order (see ActionReplayer);
    // Sync entries go in their folder's Sync. Call after connect().
    ActionReplayer::Report replayActions();
    // connect(), replayActions(), then a Sync of every folder the actions
    // touched (sources and targets), so moved messages get their new ids.
    SyncReport replayAndSync();
    ActionReplayer &actionReplayer() { return *m_replayer; }

    // The outbox, oldest first (OutboxSender). Call after connect() and the
    // action replay. syncAll() and replayAndSync() both do it; the latter
    // then syncs Sent Items so the server's copy of what went out arrives.
    OutboxSender::Report sendOutbox();
    OutboxSender &outboxSender() { return *m_outbox; }

    // Search for a conversation across all folders; the local store when the
    // server refuses (HTTP 500/501 or an error status).
    FindResult find(const QByteArray &conversationId);
    // The server's FreeText search of every mail folder (mail outside the
    // synced window too); the error says why when the server could not.
    ServerSearchResult searchServer(const QString &words);

    // The server's address book (GAL) entries starting with query, as
    // "Name <addr>"; *error says why there are none from the server (no
    // address book, offline), empty when it answered.
    QStringList searchDirectory(const QString &query, QString *error);

    struct Estimate {
        int status = 0;
        int count = -1;
        QString error;
    };
    Estimate estimate(const Folder &folder, int filterType);

    // Fetches a body that the sync brought only as a truncated preview, of
    // the message with local row id messageId (the request names its folder
    // and ServerId). Returns an error in words, empty when stored.
    QString fetchBody(qint64 messageId);

    // The Message-ID and References of one message (local row id), fetched
    // and stored when the store does not have them, for a reply's
    // In-Reply-To/References. Returns an error in words, empty when stored
    // (or already known).
    QString fetchReplyHeadersOf(qint64 messageId);

    static bool shouldSync(const Folder &folder, const QString &protocolVersion);

    // Background work: reply headers a sync left for later (it fetches a
    // bounded number per folder), at most maxBatches requests, then the
    // regrouping. True when more are left and the last request got through.
    bool fetchMoreReplyHeaders(int maxBatches);
    bool replyHeadersPending() const;

private:
    bool syncHierarchy(SyncReport &report);
    bool primeFolder(const Folder &folder, FolderReport &report);
    void countBatch(const SyncBatch &batch, FolderReport &report);
    // The Sync request of folder's page at key, without commands.
    SyncCollectionRequest pageRequest(const Folder &folder, const QString &key, bool downloadingAll,
                                      const QString &version) const;
    // Whether the request after page may go while page is stored: a plain
    // download page (more to come, no commands in it, none waiting to go
    // with the next request).
    bool canPrefetchNextPage(const Folder &folder, const SyncCommand::CollectionResult &page,
                             const ActionReplayer::SyncClaim &claim, bool holdCommands, bool commandsSent,
                             int round) const;
    FindResult findLocally(const QByteArray &conversationId, const QString &why);
    // For servers that send no ConversationIndex (SOGo) or no MS-ASCON data
    // at all (12.1): after a folder's Sync, fetch the reply headers of its
    // messages that lack an index (ItemOperations, batched), then regroup
    // conversations (ThreadStore::regroupChangedConversations). Failures are
    // retried on later syncs, a bounded number of times. wholeFolder (its
    // first download): every message's headers, however many batches.
    void fetchReplyHeaders(const Folder &folder, bool wholeFolder, FolderReport &report);
    // Up to maxBatches ItemOperations of reply headers for folder, newest
    // conversations first, batches growing from kFirstBatchSize, regrouping
    // after each; false when a request failed (the rest waits for later).
    bool fetchReplyHeaderBatches(const Folder &folder, int maxBatches, FolderReport &report);
    // Regroups inferred conversations after a change and applies local
    // rules to the messages that joined one.
    void regroupConversations(const Folder &folder, FolderReport &report);
    void yieldToUserWork();
    // Capability ConversationIndex: Seen once any item carried one.
    void noteConversationIndex(const SyncBatch &batch);
    // The folders a replay touched (sources and targets) that it did not
    // sync after the last move that touched them: their Syncs show the
    // outcome and give moved messages the server's ids.
    void syncTouchedFolders(const ActionReplayer::Report &replayed, SyncReport &report);
    // The MoveItems that local rules journaled during the folders' Syncs
    // (ActionReplayer::applyLocalRules), sent at the end of the sync when the
    // earlier replay got through, then the folders they touched.
    void sendLocalRuleMoves(const ActionReplayer::Report &earlier, SyncReport &report);
    // After mail went out with SaveInSentItems: the Sent Items folders not
    // synced yet, so the server's copy (with its ConversationIndex) arrives.
    void syncSentItems(const QSet<QString> &alreadySynced, SyncReport &report);

    EasSession &m_session;
    Store &m_store;
    SyncOptions m_options;
    ProgressHandler m_progress;
    FolderChangedHandler m_folderChanged;
    std::unique_ptr<ActionReplayer> m_replayer;
    std::unique_ptr<OutboxSender> m_outbox;
    std::function<void()> m_yield;
    int m_replayDepth = 0; // a replay in progress: no yield, its claims are open
};

} // namespace skein::eas
