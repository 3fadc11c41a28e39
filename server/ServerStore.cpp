#include "ServerStore.h"

#include "ServerSchema.h"
#include "SqlStatement.h"

#include <QDir>
#include <QFileInfo>

namespace skein::server {

ServerStore::~ServerStore()
{
    close();
}

bool ServerStore::open(const QString &dataDir, QString *error)
{
    close();
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        close();
        return false;
    };
    if (!QDir().mkpath(dataDir))
        return fail(QStringLiteral("cannot create data directory %1").arg(dataDir));
    const QFileInfo dirInfo(dataDir);
    if (!dirInfo.isDir() || !dirInfo.isWritable())
        return fail(QStringLiteral("data directory %1 is not writable").arg(dataDir));
    const QString path = QDir(dataDir).filePath(QStringLiteral("skein-server.sqlite"));
    if (sqlite3_open_v2(path.toUtf8().constData(), &m_db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr)
        != SQLITE_OK) {
        return fail(QStringLiteral("cannot open %1: %2").arg(path, QString::fromUtf8(sqlite3_errmsg(m_db))));
    }
    sqlite3_busy_timeout(m_db, 5000);
    // The default 2 MiB page cache held a fraction of a 100k-message
    // folder's indexes and sync states: every Sync page then read its
    // B-tree pages back from the file. A checkpoint every ~40 MiB of WAL
    // instead of 4 copies a sync state page that every Sync page changes
    // once per checkpoint, not once per few pages (bench_sync, time spent
    // waiting for the server during a first download: 100k 4.9 -> 4.3 s,
    // 20k 0.79 -> 0.74 s).
    if (!exec("PRAGMA journal_mode=WAL") || !exec("PRAGMA synchronous=NORMAL") || !exec("PRAGMA cache_size=-65536")
        || !exec("PRAGMA wal_autocheckpoint=10000")
        || !exec("PRAGMA foreign_keys=OFF") || !exec(schema::kTables) || !migrate()) {
        return fail(QStringLiteral("cannot initialise %1: %2").arg(path, m_lastError));
    }
    return true;
}

void ServerStore::close()
{
    if (m_db) {
        statement_cache::clear(m_db); // cached statements would keep the connection open
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

bool ServerStore::exec(const char *sql)
{
    char *msg = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
        m_lastError = QString::fromUtf8(msg ? msg : "unknown error");
        sqlite3_free(msg);
        return false;
    }
    return true;
}

// CREATE TABLE IF NOT EXISTS adds no column to an existing table: columns
// added since the first release come here. Stores created before Message-IDs
// were kept lack messages.message_id (the Message-ID indexes need it); before
// retries were told from new requests, sync_states.prev_commands (NULL: such
// a state's retry is replayed only without Commands, see SyncHandler).
bool ServerStore::migrate()
{
    if (!addColumnIfMissing("messages", "message_id", "TEXT NOT NULL DEFAULT ''")
        || !addColumnIfMissing("sync_states", "prev_commands", "BLOB")
        || !addColumnIfMissing("attachments", "content_id", "TEXT NOT NULL DEFAULT ''")
        || !addColumnIfMissing("attachments", "is_inline", "INTEGER NOT NULL DEFAULT 0")
        || !addColumnIfMissing("sync_states", "tracked_seq", "INTEGER") // NULL: not tracked yet
        || !addColumnIfMissing("sync_states", "tracked_filter", "INTEGER")
        || !addColumnIfMissing("sync_states", "tracked_mode", "INTEGER")
        || !addColumnIfMissing("sync_states", "tracked_cutoff", "INTEGER")
        || !exec(schema::kChangeTracking))
        return false;
    // messages_folder_state covers folderStates(), which every Sync request
    // reads for a whole folder: from the table, each row's conversation_id
    // (stored after the body) cost a walk through the body's overflow pages.
    return exec("CREATE INDEX IF NOT EXISTS messages_internet_id ON messages(user_id, message_id);"
                "CREATE INDEX IF NOT EXISTS messages_conversation ON messages(user_id, conversation_id);"
                "CREATE INDEX IF NOT EXISTS messages_folder_state ON messages("
                "folder_id, id, received, conversation_id, read, flag_rev)");
}

bool ServerStore::addColumnIfMissing(const char *table, const char *column, const char *definition)
{
    {
        SqlStatement q(m_db, "SELECT 1 FROM pragma_table_info(?) WHERE name=?");
        q.bind(1, QString::fromLatin1(table)).bind(2, QString::fromLatin1(column));
        if (q.next())
            return true;
    }
    const QByteArray sql = QByteArray("ALTER TABLE ") + table + " ADD COLUMN " + column + ' ' + definition;
    return exec(sql.constData());
}

bool ServerStore::begin() { return exec("BEGIN IMMEDIATE"); }
bool ServerStore::commit() { return exec("COMMIT"); }
void ServerStore::rollback() { exec("ROLLBACK"); }

} // namespace skein::server
