#include "SyncStateStore.h"

#include "SqlStatement.h"

namespace skein::server {

QString SyncStateStore::nextSyncKey()
{
    SqlStatement up(m_db, "INSERT INTO meta(key, value) VALUES('sync_key', 1) "
                          "ON CONFLICT(key) DO UPDATE SET value = value + 1");
    up.run();
    SqlStatement q(m_db, "SELECT value FROM meta WHERE key='sync_key'");
    const qint64 n = q.next() ? q.integer(0) : 1;
    // Opaque to clients; unique across all states so a stale key never matches.
    return QStringLiteral("%1").arg(n);
}

std::optional<FolderSyncState> SyncStateStore::folderSyncState(qint64 userId, const QString &deviceId)
{
    SqlStatement q(m_db, "SELECT sync_key, prev_key, prev_response FROM folder_states WHERE user_id=? AND device_id=?");
    q.bind(1, userId).bind(2, deviceId);
    if (!q.next())
        return std::nullopt;
    return FolderSyncState{q.text(0), q.text(1), q.blob(2)};
}

void SyncStateStore::saveFolderSyncState(qint64 userId, const QString &deviceId, const FolderSyncState &s)
{
    SqlStatement q(m_db, "INSERT OR REPLACE INTO folder_states(user_id, device_id, sync_key, prev_key, prev_response) "
                         "VALUES(?,?,?,?,?)");
    q.bind(1, userId).bind(2, deviceId).bind(3, s.syncKey).bind(4, s.prevKey).bindBlob(5, s.prevResponse).run();
}

QHash<qint64, FolderSnapshotEntry> SyncStateStore::folderSnapshot(qint64 userId, const QString &deviceId)
{
    QHash<qint64, FolderSnapshotEntry> out;
    SqlStatement q(m_db, "SELECT folder_id, name, parent_id FROM folder_state_items WHERE user_id=? AND device_id=?");
    q.bind(1, userId).bind(2, deviceId);
    while (q.next())
        out.insert(q.integer(0), FolderSnapshotEntry{q.text(1), q.integer(2)});
    return out;
}

void SyncStateStore::replaceFolderSnapshot(qint64 userId, const QString &deviceId,
                                           const QHash<qint64, FolderSnapshotEntry> &snapshot)
{
    SqlStatement d(m_db, "DELETE FROM folder_state_items WHERE user_id=? AND device_id=?");
    d.bind(1, userId).bind(2, deviceId).run();
    SqlStatement ins(m_db, "INSERT INTO folder_state_items(user_id, device_id, folder_id, name, parent_id) VALUES(?,?,?,?,?)");
    for (auto it = snapshot.cbegin(); it != snapshot.cend(); ++it) {
        ins.reset();
        ins.bind(1, userId).bind(2, deviceId).bind(3, it.key()).bind(4, it->name).bind(5, it->parentId).run();
    }
}

std::optional<SyncState> SyncStateStore::syncState(qint64 userId, const QString &deviceId, qint64 folderId)
{
    SqlStatement q(m_db, "SELECT id, sync_key, prev_key, prev_response, prev_commands, filter_type, "
                         "conversation_mode, options FROM sync_states WHERE user_id=? AND device_id=? AND folder_id=?");
    q.bind(1, userId).bind(2, deviceId).bind(3, folderId);
    if (!q.next())
        return std::nullopt;
    return SyncState{q.integer(0), q.text(1), q.text(2), q.blob(3), q.blob(4), int(q.integer(5)),
                     q.integer(6) != 0, q.blob(7)};
}

SyncState SyncStateStore::resetSyncState(qint64 userId, const QString &deviceId, qint64 folderId,
                                         const QString &syncKey)
{
    if (auto old = syncState(userId, deviceId, folderId)) {
        SqlStatement di(m_db, "DELETE FROM sync_state_items WHERE state_id=?");
        di.bind(1, old->id).run();
        SqlStatement dd(m_db, "DELETE FROM sync_state_dirty WHERE state_id=?");
        dd.bind(1, old->id).run();
        SqlStatement ds(m_db, "DELETE FROM sync_states WHERE id=?");
        ds.bind(1, old->id).run();
    }
    SqlStatement q(m_db, "INSERT INTO sync_states(user_id, device_id, folder_id, sync_key) VALUES(?,?,?,?)");
    q.bind(1, userId).bind(2, deviceId).bind(3, folderId).bind(4, syncKey).run();
    SyncState s;
    s.id = sqlite3_last_insert_rowid(m_db);
    s.syncKey = syncKey;
    return s;
}

void SyncStateStore::saveSyncState(const SyncState &s)
{
    SqlStatement q(m_db, "UPDATE sync_states SET sync_key=?, prev_key=?, prev_response=?, prev_commands=?, "
                         "filter_type=?, conversation_mode=?, options=? WHERE id=?");
    q.bind(1, s.syncKey).bind(2, s.prevKey).bindBlob(3, s.prevResponse).bindBlob(4, s.prevCommands);
    q.bind(5, s.filterType).bind(6, s.conversationMode).bindBlob(7, s.options).bind(8, s.id).run();
}

void SyncStateStore::deleteSyncStates(qint64 folderId)
{
    SqlStatement di(m_db, "DELETE FROM sync_state_items WHERE state_id IN (SELECT id FROM sync_states WHERE folder_id=?)");
    di.bind(1, folderId).run();
    SqlStatement dd(m_db, "DELETE FROM sync_state_dirty WHERE state_id IN (SELECT id FROM sync_states WHERE folder_id=?)");
    dd.bind(1, folderId).run();
    SqlStatement ds(m_db, "DELETE FROM sync_states WHERE folder_id=?");
    ds.bind(1, folderId).run();
}

QHash<qint64, SnapshotEntry> SyncStateStore::snapshot(qint64 stateId)
{
    QHash<qint64, SnapshotEntry> out;
    SqlStatement q(m_db, "SELECT message_id, read, flag_rev FROM sync_state_items WHERE state_id=?");
    q.bind(1, stateId);
    while (q.next())
        out.insert(q.integer(0), SnapshotEntry{q.integer(1) != 0, int(q.integer(2))});
    return out;
}

std::optional<SnapshotEntry> SyncStateStore::snapshotEntry(qint64 stateId, qint64 messageId)
{
    SqlStatement q(m_db, "SELECT read, flag_rev FROM sync_state_items WHERE state_id=? AND message_id=?");
    q.bind(1, stateId).bind(2, messageId);
    if (!q.next())
        return std::nullopt;
    return SnapshotEntry{q.integer(0) != 0, int(q.integer(1))};
}

void SyncStateStore::markMovedOut(qint64 userId, const QString &deviceId, qint64 folderId, qint64 messageId)
{
    const auto state = syncState(userId, deviceId, folderId);
    if (!state)
        return;
    if (auto told = snapshotEntry(state->id, messageId)) {
        told->flagRev = SnapshotEntry::kMovedOut;
        snapshotPut(state->id, messageId, *told);
    }
}

void SyncStateStore::snapshotPut(qint64 stateId, qint64 messageId, const SnapshotEntry &e)
{
    SqlStatement q(m_db, "INSERT OR REPLACE INTO sync_state_items(state_id, message_id, read, flag_rev) VALUES(?,?,?,?)");
    q.bind(1, stateId).bind(2, messageId).bind(3, e.read).bind(4, e.flagRev).run();
}

void SyncStateStore::snapshotRemove(qint64 stateId, qint64 messageId)
{
    SqlStatement q(m_db, "DELETE FROM sync_state_items WHERE state_id=? AND message_id=?");
    q.bind(1, stateId).bind(2, messageId).run();
}

void SyncStateStore::forgetSnapshotsExcept(qint64 messageId, qint64 keptStateId)
{
    SqlStatement q(m_db, "DELETE FROM sync_state_items WHERE message_id=? AND state_id!=?");
    q.bind(1, messageId).bind(2, keptStateId).run();
}

} // namespace skein::server
