#pragma once

#include "MailTypes.h"
#include "StorePart.h"

#include <QHash>

namespace skein {

// The folder hierarchy, each folder's sync key and resync state, unread counts.
class FolderStore : private StorePart
{
public:
    FolderStore(Store &store, Database &db) : StorePart(store, db) {}

    QList<Folder> folders() const;
    std::optional<Folder> folder(const QString &serverId) const;
    std::optional<Folder> folderByName(const QString &nameOrPath) const;
    std::optional<Folder> folderOfType(FolderType type) const;
    // Replaces the hierarchy key together with the changes.
    bool applyFolderSync(const QString &newHierarchyKey, const QList<Folder> &addsOrUpdates,
                         const QStringList &deletes);

    QString syncKey(const QString &folderId) const; // "0" when never synced
    bool setSyncKey(const QString &folderId, const QString &key); // also clears sync-in-flight
    // Set before a Sync request of the folder leaves; setSyncKey clears it.
    // Still set later: the answer to that request was lost (migration 6).
    bool setSyncInFlight(const QString &folderId, bool inFlight);
    bool isSyncInFlight(const QString &folderId) const;

    // Invalid sync key (status 3): the folder starts again at key 0, keeping its
    // messages and local state. Messages the server does not send again during
    // the resync are removed by finishResync.
    bool beginResync(const QString &folderId);
    bool finishResync(const QString &folderId);
    bool isResyncing(const QString &folderId) const;

    // Unread messages of one folder / of every folder that has any.
    int unreadCount(const QString &folderId) const;
    QHash<QString, int> unreadCounts() const;

private:
    bool upsertFolder(const Folder &folder);
    bool deleteFolderTree(const QString &serverId);
    bool writeHierarchyKey(const QString &key);
};

} // namespace skein
