#pragma once

// Shared between the Store*.cpp files; not part of the model's interface.

#include "Sql.h"
#include "Store.h"

#include <QHash>
#include <QSet>

namespace skein {

struct Store::Private
{
    sqlite3 *db = nullptr;
    QString path;
    // Mutable: const queries compile statements lazily and report errors too.
    mutable sql::StatementCache statements;
    mutable QString error;

    ~Private() { close(); }
    void close();

    // A cached statement; on a compile error it is invalid and error is set.
    sql::Statement prepare(const char *sql) const;
    // Records "<what>: <SQLite message>" (or "disk full: ...") and returns false.
    bool fail(const QString &what) const;
    // For failures SQLite did not report (e.g. an unknown folder).
    bool failWith(const QString &message) const;
    // fail() unless the step finished.
    bool check(int stepResult, const QString &what) const;

    bool upsertFolder(const Folder &folder);
    bool deleteFolderTree(const QString &serverId);
    bool writeHierarchyKey(const QString &key);

    // Folder state needed while applying a sync batch.
    struct FolderState {
        bool resyncing = false;
        qint64 generation = 0;
    };
    // False (with error set) for an unknown folder or a failed query.
    bool folderState(const QString &folderId, FolderState *state) const;

    // What the action journal has not sent yet, as it bears on a Sync batch
    // of one folder: there the server's copy is older than the user's.
    struct Waiting {
        QSet<QString> leaving;          // ServerIds a waiting delete or move takes out of the folder
        QHash<QString, qint64> ownRead; // ServerId -> row whose read state waits to be sent
        QHash<QString, qint64> ownFlag; // the same for the flag
    };
    // Reads the journal's unfinished entries (and where their rows are now).
    bool waitingIn(const QString &folderId, const QList<ActionEntry> &unfinished, Waiting *waiting) const;

    // Inserts or updates by (folderId, message.serverId), keeping the row id.
    // keepRead / keepFlag keep the stored values: a change of the user's to
    // them waits in the journal. Outside a batch (batchStart == 0) it also
    // fixes the conversation's head.
    bool upsertMessage(const QString &folderId, const Message &message, qint64 generation,
                       bool keepRead = false, bool keepFlag = false);
    // The message's attachment rows become `attachments` (StoreAttachments.cpp).
    bool writeAttachments(qint64 messageId, const QList<Attachment> &attachments);
    // Heads (is_head, migration 3) after inserts: of the conversations that
    // rows with an id above `after` belong to (all rows a batch inserted, as
    // SQLite gives a new row max(id) + 1), or of one conversation.
    bool fixHeads(qint64 after);
    // The row id of (folderId, serverId); false (with error set) if none.
    bool findMessageId(const QString &folderId, const QString &serverId, qint64 *id) const;
    bool fixHead(const QByteArray &conversationId);
    // Inside applySyncBatch: the first row id it can insert, so the batch
    // fixes heads once at the end instead of once per insert; 0 outside.
    qint64 batchStart = 0;
    // keepRead / keepFlag as for upsertMessage.
    bool applyChange(const QString &folderId, const MessageChange &change,
                     const FolderState &folder, bool keepRead, bool keepFlag);
    bool deleteMessage(const QString &folderId, const QString &serverId);
    // replace=false keeps a stored complete body when data is truncated.
    bool writeMessagePart(qint64 messageId, const QByteArray &part, bool truncated);
    bool writeBody(qint64 messageId, BodyType type, const QByteArray &data, bool truncated,
                   qint64 estimatedSize, bool replace);
    // One query of conversations(): `zone` is the keyset zone
    // (StoreConversations.cpp); *ok is false (and error set) on failure.
    QList<ConversationSummary> conversationPage(const QString &folderId,
                                                const ConversationQuery &query, int zone,
                                                int limit, bool *ok) const;
    // conversationPage's steps: the page's heads by one strategy
    // (StoreConversations.cpp) into *result, then their members' counts.
    bool readHeads(const QString &folderId, const ConversationQuery &query, int strategy,
                   int zone, int offset, int limit, int heads,
                   QList<ConversationSummary> *result) const;
    bool readMembers(const QString &folderId, QList<ConversationSummary> *page) const;
    // Whether conversations() should collect rather than walk the folder.
    bool isSmallFolder(const QString &folderId) const;
    // isSmallFolder's answers while the database is unchanged: this
    // connection's change count and PRAGMA data_version (other connections'
    // commits) when they were cached. Counting costs a fifth of a page.
    mutable QHash<QString, bool> smallFolders;
    mutable qint64 smallFoldersChanges = -1;
    mutable qint64 smallFoldersVersion = -1;
    // skein_fts_deferred() of the full-text index (FullTextSearch.h): set
    // while applySyncBatch runs, which calls flushFullText before it commits.
    bool ftsDeferred = false;
    bool flushFullText();
    // Steps a bound SELECT of messageColumns until done; sets error on failure.
    QList<Message> readMessages(sql::Statement &statement, const QString &what) const;
};

// One row of an outbox SELECT in StoreOutbox.cpp's column order (id,
// created, kind, client_id, mime, subject, recipients, source_folder_id,
// source_server_id, source_long_id, source_message_id, save_in_sent, state,
// attempts, error, sent).
OutboxEntry readOutboxRow(const sql::Statement &q);

} // namespace skein
