#pragma once

#include "ServerRows.h"

#include <QHash>

#include <optional>

struct sqlite3;

namespace skein::server {

// Per device: the FolderSync and Sync keys, the last responses kept for
// replaying a retry, and what each device was last told (the snapshots
// Sync's changes are measured against).
class SyncStateStore
{
public:
    explicit SyncStateStore(sqlite3 *const &db) : m_db(db) {}

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
    // Every other device's snapshot forgets the message: their next Sync
    // sends it as an Add again (with the new content, same ServerId). For
    // a draft changed through Sync.
    void forgetSnapshotsExcept(qint64 messageId, qint64 keptStateId);

private:
    sqlite3 *const &m_db; // the store's connection: null while it is closed
};

} // namespace skein::server
