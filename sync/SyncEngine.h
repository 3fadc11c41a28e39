#pragma once

#include "AttachmentCancels.h"
#include "OAuthClient.h"
#include "SyncRunner.h"
#include "TokenStore.h"

#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

namespace skein::eas {

class SyncEngineJobs;
class SyncEnginePush;

// The background face of one account's sync: owns a thread on which its own
// store connection, transport and session live. Every public slot only
// queues a job on the account's scheduler and returns; the thread runs one
// job at a time, what the user waits for first (fetchBody, replayNow, find,
// estimate, connectAccount), then syncs, then background work. A job asked
// for again while it still waits runs once. Results arrive as signals
// (queued to the caller's thread).
class SyncEngine : public QObject
{
    Q_OBJECT
public:
    struct Config {
        QString databasePath;
        QString password;                  // Basic accounts
        // OAuth accounts: where the refresh token is read and every rotated
        // one written (the keychain; tests use InMemoryTokenStore). Without
        // one an OAuth account reports SignInRequired.
        std::shared_ptr<TokenStore> tokenStore;
        // A token the sign-in just obtained, so the first request needs no refresh.
        OAuthTokens initialTokens;
        SyncOptions options;
        // Made on the sync thread; NetworkTransport when empty.
        std::function<std::unique_ptr<Transport>()> transportFactory;
        int maxRetryAfterMs = 300000;
        int requestTimeoutMs = 120000; // no answer for this long fails the request
        // First wait before a failed Ping is tried again; doubles up to 5 minutes.
        int pushRetryMs = 30000;
    };

    explicit SyncEngine(Config config, QObject *parent = nullptr);
    ~SyncEngine() override;

public Q_SLOTS:
    void connectAccount();
    void syncAll();
    void syncFolder(const QString &folderId);
    // The body of the message with local row id messageId; answers with bodyFetched().
    void fetchBody(qint64 messageId);
    void estimate(const QString &folderId, int filterType);
    // Search for a conversation across all folders (falls back to the local
    // store when the server refuses); answers with found().
    void find(const QByteArray &conversationId);
    // The server's FreeText search of the mailbox ("Search the server too");
    // answers with serverSearchFinished().
    void searchServer(const QString &words);
    // Address completion from the server's address book (GAL Search); answers
    // with directoryFound(). The same query asked again while it waits is asked once.
    void searchDirectory(const QString &query);
    // Sends the action journal now (after ConversationActions::actionApplied)
    // and the outbox (after OutboxStore::insertOutbox): FolderSync, the journal in
    // order, the outbox in order, then a Sync of the folders involved and,
    // after mail went out, of Sent Items.
    // Answers with replayFinished(); each entry's outcome with actionsChanged()
    // and, when refused, actionFailed().
    void replayNow();
    // Fetches and stores the Message-ID/References of one message (for a
    // reply's In-Reply-To/References) unless the store has them; answers with
    // replyHeadersFetched(), error empty when stored.
    void fetchReplyHeaders(qint64 messageId);

    // ---- Push (SyncEnginePush) ----
    // Keeps a Ping open on the account's mail folders: a change the server
    // reports is synced at once, then the Ping resumes. The Ping runs only
    // when nothing else waits, and makes way as soon as any other work is
    // asked for. pushChanged() tells whether it listens.
    void startPush();
    void stopPush();

    // ---- Attachments ----
    // Fetches attachment fileReference of message messageId into targetPath
    // (user lane); the file appears only complete. Answers with
    // attachmentProgress() as bytes arrive and attachmentSaved() at the end.
    void saveAttachment(qint64 messageId, const QString &fileReference, const QString &targetPath);

    // ---- Drafts (docs/architecture.md "Drafts") ----
    // After DraftStore::saveDraft or deleteDraft: at 16.0+ puts each draft's last
    // save into the server's Drafts folder (Sync Add / Change) and deletes
    // the server's copies of deleted or sent drafts; below 16.0 sends
    // nothing. Background lane: asked twice while waiting, runs once.
    // Answers with draftSaved() per draft it settled.
    void saveDraftsNow();
public:
    // From any thread, also while the download runs: stops it; its
    // attachmentSaved() then says "cancelled" and no file is left.
    void cancelAttachment(qint64 messageId, const QString &fileReference);

Q_SIGNALS:
    // listening: a Ping is (or is about to be) open. note: why not, in words
    // ("The server does not offer push: ..."), empty when listening or stopped.
    void pushChanged(bool listening, const QString &note);
    void attachmentProgress(qint64 messageId, const QString &fileReference, qint64 received, qint64 total);
    // error empty: saved; cancelled: the user stopped it (error says so too).
    void attachmentSaved(qint64 messageId, const QString &fileReference, const QString &path,
                         const QString &error, bool cancelled);
    void progress(const QString &folderName, int itemsSoFar);
    void folderChanged(const QString &folderId);
    void connected(const skein::eas::SyncReport &report);
    void syncFinished(const skein::eas::SyncReport &report);
    void bodyFetched(qint64 messageId, const QString &error);
    void estimated(const QString &folderId, int status, int count, const QString &error);
    void found(const skein::eas::FindResult &result);
    void serverSearchFinished(const skein::eas::ServerSearchResult &result);
    // addresses: "Name <addr>" in the server's order; error empty when it answered.
    void directoryFound(const QString &query, const QStringList &addresses, const QString &error);
    // A journal entry became done or failed (its local change may have been
    // rolled back): views re-read the store, ConversationRules::list() too.
    void actionsChanged();
    // The server refused entry entryId; message says why, in words.
    void actionFailed(qint64 entryId, const QString &message);
    // A sentence to show once in the status bar, e.g. that Skein now keeps a
    // conversation rule on this computer because the server refused it.
    void notice(const QString &message);
    void replayFinished(const skein::eas::SyncReport &report);
    void replyHeadersFetched(qint64 messageId, const QString &error);
    // An outbox entry was sent, refused or left waiting (OutboxStore::outboxEntry
    // says which and why): the Outbox view re-reads the store.
    void outboxChanged(qint64 entryId);
    // The server refused outbox entry entryId; message says why, in words.
    void sendFailed(qint64 entryId, const QString &message);
    // onServer: the server's Drafts folder holds this save (16.0+); false
    // with error empty: kept on this computer only (below 16.0); error: why
    // the server refused it or could not be reached (draftId 0: no draft in
    // particular, the whole upload waits for the next try).
    void draftSaved(qint64 draftId, bool onServer, const QString &error);

private:
    // Declared before the helpers that keep references to it.
    Config m_config;
    // The thread's job loop; posting anything but the Ping interrupts the Ping.
    std::unique_ptr<SyncEngineJobs> m_jobs;
    std::unique_ptr<SyncEnginePush> m_push;
    AttachmentCancels m_cancels;
    std::unique_ptr<QThread> m_thread;
};

} // namespace skein::eas

Q_DECLARE_METATYPE(skein::eas::SyncReport)
Q_DECLARE_METATYPE(skein::eas::FindResult)
Q_DECLARE_METATYPE(skein::eas::ServerSearchResult)
