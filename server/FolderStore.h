#pragma once

#include "ServerRows.h"

#include <optional>

struct sqlite3;

namespace skein::server {

// Each user's folders (what FolderSync lists).
class FolderStore
{
public:
    explicit FolderStore(sqlite3 *const &db) : m_db(db) {}

    QList<FolderRow> folders(qint64 userId);
    std::optional<FolderRow> folder(qint64 userId, qint64 folderId);
    std::optional<FolderRow> folderByType(qint64 userId, int type);
    std::optional<FolderRow> folderByName(qint64 userId, const QString &name);
    qint64 addFolder(qint64 userId, qint64 parentId, const QString &name, int type);

private:
    sqlite3 *const &m_db; // the store's connection: null while it is closed
};

} // namespace skein::server
