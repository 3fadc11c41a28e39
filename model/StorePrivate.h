#pragma once

// Shared between the Store*.cpp files; not part of the model's interface.

#include "Sql.h"
#include "Store.h"

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

    // Inserts or updates by (folderId, message.serverId), keeping the row id.
    // keepLocalState keeps the stored read and flag values (during a resync).
    bool upsertMessage(const QString &folderId, const Message &message, qint64 generation,
                       bool keepLocalState);
    bool applyChange(const QString &folderId, const MessageChange &change,
                     const FolderState &folder);
    bool deleteMessage(const QString &folderId, const QString &serverId);
    // replace=false keeps a stored complete body when data is truncated.
    bool writeBody(qint64 messageId, BodyType type, const QByteArray &data, bool truncated,
                   qint64 estimatedSize, bool replace);
    // Whether conversations() should collect rather than walk the folder.
    bool isSmallFolder(const QString &folderId) const;
    // Steps a bound SELECT of messageColumns until done; sets error on failure.
    QList<Message> readMessages(sql::Statement &statement, const QString &what) const;
};

} // namespace skein
