// Folders, sync keys and resync state of skein::Store.

#include "StoreRows.h"

#include <QHash>

namespace skein {

namespace {

Folder readFolder(const sql::Statement &q)
{
    Folder folder;
    folder.serverId = q.text(0);
    folder.parentId = q.text(1);
    folder.name = q.text(2);
    folder.type = FolderType(q.integer(3));
    return folder;
}

// "Parent/Child" path of a folder, following parent ids up to the root.
QString folderPath(const Folder &folder, const QHash<QString, Folder> &byId)
{
    QString path = folder.name;
    QString parent = folder.parentId;
    for (qsizetype depth = 0; depth < byId.size(); ++depth) { // bounded: ids may form a cycle
        const auto it = byId.constFind(parent);
        if (it == byId.cend())
            break;
        path = it->name + QLatin1Char('/') + path;
        parent = it->parentId;
    }
    return path;
}

std::optional<Folder> findFolder(const QList<Folder> &folders, const QString &wanted,
                                 Qt::CaseSensitivity cs, const auto &keyOf)
{
    for (const Folder &folder : folders) {
        if (keyOf(folder).compare(wanted, cs) == 0)
            return folder;
    }
    return std::nullopt;
}

} // namespace

bool readFolderState(const Database &db, const QString &folderId, FolderState *state)
{
    auto q = db.prepare("SELECT resyncing, resync_generation FROM folders WHERE server_id = :id");
    if (!q.isValid())
        return false;
    q.bind(":id", folderId);
    const int rc = q.step();
    if (rc == SQLITE_DONE)
        return db.failWith(QStringLiteral("unknown folder %1").arg(folderId));
    if (rc != SQLITE_ROW)
        return db.fail(QStringLiteral("reading folder %1").arg(folderId));
    state->resyncing = q.boolean(0);
    state->generation = q.int64(1);
    return true;
}

QList<Folder> FolderStore::folders() const
{
    QList<Folder> result;
    auto q = m_db.prepare("SELECT server_id, parent_id, name, type FROM folders ORDER BY rowid");
    if (!q.isValid())
        return result;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW)
        result.append(readFolder(q));
    if (rc != SQLITE_DONE) {
        m_db.fail(QStringLiteral("listing folders"));
        return {};
    }
    return result;
}

std::optional<Folder> FolderStore::folder(const QString &serverId) const
{
    auto q = m_db.prepare("SELECT server_id, parent_id, name, type FROM folders "
                        "WHERE server_id = :id");
    if (!q.isValid())
        return std::nullopt;
    q.bind(":id", serverId);
    const int rc = q.step();
    if (rc == SQLITE_ROW)
        return readFolder(q);
    if (rc != SQLITE_DONE)
        m_db.fail(QStringLiteral("reading folder %1").arg(serverId));
    return std::nullopt;
}

std::optional<Folder> FolderStore::folderByName(const QString &nameOrPath) const
{
    // Few folders per account: matching in C++ keeps Unicode case folding right,
    // which SQLite's NOCASE (ASCII only) would not.
    const QList<Folder> all = folders();
    const auto name = [](const Folder &f) { return f.name; };
    for (const auto cs : {Qt::CaseSensitive, Qt::CaseInsensitive}) {
        if (auto found = findFolder(all, nameOrPath, cs, name))
            return found;
    }
    if (!nameOrPath.contains(QLatin1Char('/')))
        return std::nullopt;
    QHash<QString, Folder> byId;
    for (const Folder &folder : all)
        byId.insert(folder.serverId, folder);
    const auto path = [&byId](const Folder &f) { return folderPath(f, byId); };
    for (const auto cs : {Qt::CaseSensitive, Qt::CaseInsensitive}) {
        if (auto found = findFolder(all, nameOrPath, cs, path))
            return found;
    }
    return std::nullopt;
}

std::optional<Folder> FolderStore::folderOfType(FolderType type) const
{
    auto q = m_db.prepare("SELECT server_id, parent_id, name, type FROM folders "
                        "WHERE type = :type ORDER BY rowid LIMIT 1");
    if (!q.isValid())
        return std::nullopt;
    q.bind(":type", int(type));
    const int rc = q.step();
    if (rc == SQLITE_ROW)
        return readFolder(q);
    if (rc != SQLITE_DONE)
        m_db.fail(QStringLiteral("finding a folder of type %1").arg(int(type)));
    return std::nullopt;
}

bool FolderStore::upsertFolder(const Folder &folder)
{
    // The update keeps sync_key and resync state: a renamed or moved folder
    // keeps its contents.
    auto q = m_db.prepare("INSERT INTO folders (server_id, parent_id, name, type) "
                       "VALUES (:id, :parent, :name, :type) ON CONFLICT (server_id) DO UPDATE "
                       "SET parent_id = excluded.parent_id, name = excluded.name, "
                       "type = excluded.type");
    if (!q.isValid())
        return false;
    q.bind(":id", folder.serverId);
    q.bind(":parent", folder.parentId);
    q.bind(":name", folder.name);
    q.bind(":type", int(folder.type));
    return m_db.check(q.step(), QStringLiteral("storing folder %1").arg(folder.serverId));
}

bool FolderStore::deleteFolderTree(const QString &serverId)
{
    // FolderSync may delete a parent without listing its children; they go too.
    // Their messages and bodies follow through ON DELETE CASCADE.
    auto q = m_db.prepare("WITH RECURSIVE doomed (id) AS (SELECT :id UNION "
                       "SELECT f.server_id FROM folders f JOIN doomed ON f.parent_id = doomed.id) "
                       "DELETE FROM folders WHERE server_id IN doomed");
    if (!q.isValid())
        return false;
    q.bind(":id", serverId);
    return m_db.check(q.step(), QStringLiteral("deleting folder %1").arg(serverId));
}

bool FolderStore::writeHierarchyKey(const QString &key)
{
    auto q = m_db.prepare("INSERT INTO account (id, folder_sync_key) VALUES (1, :key) "
                       "ON CONFLICT (id) DO UPDATE SET folder_sync_key = excluded.folder_sync_key");
    if (!q.isValid())
        return false;
    q.bind(":key", key);
    return m_db.check(q.step(), QStringLiteral("storing the folder hierarchy sync key"));
}

bool FolderStore::applyFolderSync(const QString &newHierarchyKey, const QList<Folder> &addsOrUpdates,
                            const QStringList &deletes)
{
    auto transaction = m_db.begin();
    if (!transaction.isActive())
        return m_db.fail(QStringLiteral("starting the folder sync"));
    for (const Folder &folder : addsOrUpdates) {
        if (!upsertFolder(folder))
            return false;
    }
    for (const QString &serverId : deletes) {
        if (!deleteFolderTree(serverId))
            return false;
    }
    if (!writeHierarchyKey(newHierarchyKey))
        return false;
    return transaction.commit() || m_db.fail(QStringLiteral("committing the folder sync"));
}

QString FolderStore::syncKey(const QString &folderId) const
{
    auto q = m_db.prepare("SELECT sync_key FROM folders WHERE server_id = :id");
    if (!q.isValid())
        return QStringLiteral("0");
    q.bind(":id", folderId);
    const int rc = q.step();
    if (rc == SQLITE_ROW)
        return q.text(0);
    if (rc != SQLITE_DONE)
        m_db.fail(QStringLiteral("reading the sync key of folder %1").arg(folderId));
    return QStringLiteral("0");
}

bool FolderStore::setSyncKey(const QString &folderId, const QString &key)
{
    // A stored answer: no request of the folder is in doubt any more.
    auto q = m_db.prepare("UPDATE folders SET sync_key = :key, sync_in_flight = 0 WHERE server_id = :id");
    if (!q.isValid())
        return false;
    q.bind(":key", key);
    q.bind(":id", folderId);
    if (!m_db.check(q.step(), QStringLiteral("storing the sync key of folder %1").arg(folderId)))
        return false;
    return m_db.changes() > 0
        || m_db.failWith(QStringLiteral("unknown folder %1").arg(folderId));
}

bool FolderStore::setSyncInFlight(const QString &folderId, bool inFlight)
{
    auto q = m_db.prepare("UPDATE folders SET sync_in_flight = :flight WHERE server_id = :id");
    if (!q.isValid())
        return false;
    q.bind(":flight", inFlight);
    q.bind(":id", folderId);
    return m_db.check(q.step(), QStringLiteral("noting a request of folder %1").arg(folderId));
}

bool FolderStore::isSyncInFlight(const QString &folderId) const
{
    auto q = m_db.prepare("SELECT sync_in_flight FROM folders WHERE server_id = :id");
    if (!q.isValid())
        return false;
    q.bind(":id", folderId);
    return q.step() == SQLITE_ROW && q.boolean(0);
}

bool FolderStore::beginResync(const QString &folderId)
{
    auto q = m_db.prepare("UPDATE folders SET sync_key = '0', resyncing = 1, "
                        "resync_generation = resync_generation + 1 WHERE server_id = :id");
    if (!q.isValid())
        return false;
    q.bind(":id", folderId);
    if (!m_db.check(q.step(), QStringLiteral("starting the resync of folder %1").arg(folderId)))
        return false;
    return m_db.changes() > 0
        || m_db.failWith(QStringLiteral("unknown folder %1").arg(folderId));
}

bool FolderStore::finishResync(const QString &folderId)
{
    const QString what = QStringLiteral("finishing the resync of folder %1").arg(folderId);
    auto transaction = m_db.begin();
    if (!transaction.isActive())
        return m_db.fail(what);
    FolderState state;
    if (!readFolderState(m_db, folderId, &state))
        return false;
    if (!state.resyncing)
        return true; // nothing to finish; never delete outside a resync
    // Every message the server sent again carries the current generation.
    // A local move's placeholder is not the server's yet: its move waits.
    auto purge = m_db.prepare("DELETE FROM messages WHERE folder_id = :id "
                            "AND seen_generation <> :generation AND NOT moving");
    auto done = m_db.prepare("UPDATE folders SET resyncing = 0 WHERE server_id = :id");
    if (!purge.isValid() || !done.isValid())
        return false;
    purge.bind(":id", folderId);
    purge.bind(":generation", state.generation);
    done.bind(":id", folderId);
    if (!m_db.check(purge.step(), what) || !m_db.check(done.step(), what))
        return false;
    return transaction.commit() || m_db.fail(what);
}

int FolderStore::unreadCount(const QString &folderId) const
{
    // Kept by migration 17's triggers; no row means no unread mail yet.
    auto q = m_db.prepare("SELECT coalesce((SELECT unread FROM folder_unread WHERE folder_id = :folder_id), 0)");
    if (!q.isValid())
        return 0;
    q.bind(":folder_id", folderId);
    if (q.step() != SQLITE_ROW) {
        m_db.fail(QStringLiteral("counting the unread messages of folder %1").arg(folderId));
        return 0;
    }
    return q.integer(0);
}

QHash<QString, int> FolderStore::unreadCounts() const
{
    // One row per folder, kept by migration 17's triggers.
    QHash<QString, int> result;
    auto q = m_db.prepare("SELECT folder_id, unread FROM folder_unread WHERE unread > 0");
    if (!q.isValid())
        return result;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW)
        result.insert(q.text(0), q.integer(1));
    if (rc != SQLITE_DONE) {
        m_db.fail(QStringLiteral("counting unread messages"));
        return {};
    }
    return result;
}

bool FolderStore::isResyncing(const QString &folderId) const
{
    FolderState state;
    return readFolderState(m_db, folderId, &state) && state.resyncing;
}

} // namespace skein
