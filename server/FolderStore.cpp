#include "FolderStore.h"

#include "SqlStatement.h"

namespace skein::server {

bool FolderType::isMail(int type)
{
    return type == Inbox || type == Drafts || type == DeletedItems || type == SentItems
        || type == Outbox || type == UserMail;
}

namespace {

FolderRow readFolder(const SqlStatement &q)
{
    return FolderRow{q.integer(0), q.integer(1), q.integer(2), q.text(3), int(q.integer(4))};
}

} // namespace

QList<FolderRow> FolderStore::folders(qint64 userId)
{
    QList<FolderRow> out;
    SqlStatement q(m_db, "SELECT id, user_id, parent_id, name, type FROM folders WHERE user_id=? ORDER BY id");
    q.bind(1, userId);
    while (q.next())
        out.append(readFolder(q));
    return out;
}

std::optional<FolderRow> FolderStore::folder(qint64 userId, qint64 folderId)
{
    SqlStatement q(m_db, "SELECT id, user_id, parent_id, name, type FROM folders WHERE user_id=? AND id=?");
    q.bind(1, userId).bind(2, folderId);
    if (!q.next())
        return std::nullopt;
    return readFolder(q);
}

std::optional<FolderRow> FolderStore::folderByType(qint64 userId, int type)
{
    SqlStatement q(m_db, "SELECT id, user_id, parent_id, name, type FROM folders "
                         "WHERE user_id=? AND type=? ORDER BY id LIMIT 1");
    q.bind(1, userId).bind(2, type);
    if (!q.next())
        return std::nullopt;
    return readFolder(q);
}

std::optional<FolderRow> FolderStore::folderByName(qint64 userId, const QString &name)
{
    SqlStatement q(m_db, "SELECT id, user_id, parent_id, name, type FROM folders "
                         "WHERE user_id=? AND name=? COLLATE NOCASE ORDER BY id LIMIT 1");
    q.bind(1, userId).bind(2, name);
    if (!q.next())
        return std::nullopt;
    return readFolder(q);
}

qint64 FolderStore::addFolder(qint64 userId, qint64 parentId, const QString &name, int type)
{
    SqlStatement q(m_db, "INSERT INTO folders(user_id, parent_id, name, type) VALUES(?,?,?,?)");
    q.bind(1, userId).bind(2, parentId).bind(3, name).bind(4, type);
    return q.run() ? sqlite3_last_insert_rowid(m_db) : 0;
}

} // namespace skein::server
