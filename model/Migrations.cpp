#include "Migrations.h"

#include "FullTextSearch.h"
#include "Sql.h"

#include <QFile>
#include <QRegularExpression>
#include <QStringList>

#include <sqlite3.h>

#include <algorithm>
#include <iterator>

namespace skein {

namespace {

// Migration 7: a message's row id is never given to another message. The
// action journal, the reading pane and the item models know a message by its
// row id; without AUTOINCREMENT SQLite gives the id of the newest row, once a
// Sync deleted it, to the next message stored, and the undo of a refused
// change of the deleted message landed on that other one. SQLite cannot add
// AUTOINCREMENT in place: the table is rebuilt from its own CREATE statement
// (whatever columns earlier migrations added) and its indexes and triggers
// are made again, with foreign keys off so that dropping the old table does
// not cascade to bodies (runMigrations turns them off around it).
bool neverReuseMessageIds(sqlite3 *db)
{
    auto text = [db](const char *query, QStringList *out) {
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(db, query, -1, &stmt, nullptr) != SQLITE_OK)
            return false;
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
            out->append(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0))));
        sqlite3_finalize(stmt);
        return rc == SQLITE_DONE;
    };
    QStringList table, dependents;
    if (!text("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'messages'", &table)
        || table.size() != 1
        || !text("SELECT sql FROM sqlite_schema WHERE tbl_name = 'messages' AND type IN ('index', 'trigger') "
                     "AND sql IS NOT NULL ORDER BY type, name", &dependents))
        return false;
    QString create = table.first();
    static const QRegularExpression head(QStringLiteral("^CREATE TABLE \"?messages\"?"));
    static const QRegularExpression key(QStringLiteral("\\bid INTEGER PRIMARY KEY\\b(?! AUTOINCREMENT)"));
    if (!create.contains(head) || !create.contains(key))
        return false;
    create.replace(head, QStringLiteral("CREATE TABLE messages_rebuilt"));
    create.replace(key, QStringLiteral("id INTEGER PRIMARY KEY AUTOINCREMENT"));
    QByteArray script = create.toUtf8() + ";\n"
        "INSERT INTO messages_rebuilt SELECT * FROM messages;\n"
        // Ids of messages deleted before this migration that the journal
        // still names (its JSON items' "message") are not given out either.
        "DELETE FROM sqlite_sequence WHERE name = 'messages_rebuilt';\n"
        "INSERT INTO sqlite_sequence (name, seq) SELECT 'messages_rebuilt', max("
        "  coalesce((SELECT max(id) FROM messages), 0),"
        "  coalesce((SELECT max(json_extract(item.value, '$.message')) FROM actions, json_each(actions.payload) AS item"
        "            WHERE json_valid(actions.payload)), 0));\n"
        "DROP TABLE messages;\n"
        "ALTER TABLE messages_rebuilt RENAME TO messages;\n";
    for (const QString &sql : std::as_const(dependents))
        script += sql.toUtf8() + ";\n";
    if (!sql::execute(db, script.constData()))
        return false;
    // Every body still belongs to a message (one left by a connection
    // without foreign keys belongs to none: it goes).
    if (!sql::execute(db, "DELETE FROM bodies WHERE message_id NOT IN (SELECT id FROM messages)"))
        return false;
    QStringList broken;
    return text("SELECT \"table\" FROM pragma_foreign_key_check", &broken) && broken.isEmpty();
}












// A migration is a numbered SQL file of model/migrations (compiled in as the
// resource :/skein/migrations/), code for what SQL alone cannot say, or
// both: the code first (e.g. the functions the file's triggers call).
struct Migration {
    const char *file = nullptr;
    bool (*code)(sqlite3 *db) = nullptr;
    bool withoutForeignKeys = false; // it rebuilds a table others refer to
};

// Index i holds migration i + 1. Append only: never edit a shipped migration.
const Migration migrations[] = {
    {"001-initial-schema.sql"}, {"002-action-journal.sql"}, {"003-conversation-list-pages.sql"},
    {"004-capabilities.sql"}, {"005-reply-headers.sql"}, {"006-sync-in-flight.sql"},
    {nullptr, neverReuseMessageIds, true}, // 7
    {"008-sign-in-method.sql"}, {"009-outbox.sql"}, {"010-attachments.sql"}, {"011-drafts.sql"},
    {"012-unread-index.sql"}, {"013-sort-indexes.sql"}, {"014-thread-links.sql"},
    {"015-drop-server-id-index.sql"}, {"016-conversation-index.sql"},
    {"017-folder-unread-counts.sql"}, {"018-message-part.sql"},
    {"019-full-text-index.sql", fts::registerBodyText}, // FullTextSearch.cpp
};

// The SQL of a migration's file; empty (a failure) if the resource is missing.
QByteArray migrationSql(const char *file)
{
    QFile resource(QStringLiteral(":/skein/migrations/") + QLatin1String(file));
    return resource.open(QIODevice::ReadOnly) ? resource.readAll() : QByteArray();
}

bool runMigration(sqlite3 *db, const Migration &migration)
{
    if (migration.code && !migration.code(db))
        return false;
    if (!migration.file)
        return true;
    const QByteArray sql = migrationSql(migration.file);
    return !sql.isEmpty() && sql::execute(db, sql.constData());
}

QString sqliteError(sqlite3 *db, const QString &what)
{
    return QStringLiteral("%1: %2").arg(what, QString::fromUtf8(sqlite3_errmsg(db)));
}

bool readUserVersion(sqlite3 *db, int *version)
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, nullptr) != SQLITE_OK)
        return false;
    const bool ok = sqlite3_step(stmt) == SQLITE_ROW;
    if (ok)
        *version = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    return ok;
}

bool applyMigration(sqlite3 *db, int number, QString *error)
{
    sql::Transaction transaction(db);
    if (!transaction.isActive()) {
        *error = sqliteError(db, QStringLiteral("starting migration %1").arg(number));
        return false;
    }
    // Another connection may have migrated while this one waited for the lock.
    int current = 0;
    if (!readUserVersion(db, &current)) {
        *error = sqliteError(db, QStringLiteral("reading the schema version"));
        return false;
    }
    if (current >= number)
        return true;
    const QByteArray setVersion = "PRAGMA user_version = " + QByteArray::number(number);
    const Migration &migration = migrations[number - 1];
    const bool applied = runMigration(db, migration);
    if (!applied || !sql::execute(db, setVersion.constData()) || !transaction.commit()) {
        *error = sqliteError(db, QStringLiteral("applying migration %1").arg(number));
        return false;
    }
    return true;
}

} // namespace

int latestSchemaVersion()
{
    return int(std::size(migrations));
}

bool runMigrations(sqlite3 *db, QString *error, int upTo)
{
    const int target = upTo > 0 ? std::min(upTo, latestSchemaVersion()) : latestSchemaVersion();
    int version = 0;
    if (!readUserVersion(db, &version)) {
        *error = sqliteError(db, QStringLiteral("reading the schema version"));
        return false;
    }
    if (version > latestSchemaVersion()) {
        *error = QStringLiteral("the database has schema version %1, newer than this Skein (%2)")
                     .arg(version)
                     .arg(latestSchemaVersion());
        return false;
    }
    // Foreign keys can only be switched outside a transaction: around the
    // migrations that rebuild a table others refer to.
    bool withoutForeignKeys = false;
    for (int number = version + 1; number <= target; ++number)
        withoutForeignKeys |= migrations[number - 1].withoutForeignKeys;
    if (withoutForeignKeys && !sql::execute(db, "PRAGMA foreign_keys = OFF")) {
        *error = sqliteError(db, QStringLiteral("preparing the migrations"));
        return false;
    }
    bool ok = true;
    for (int number = version + 1; ok && number <= target; ++number)
        ok = applyMigration(db, number, error);
    if (withoutForeignKeys && !sql::execute(db, "PRAGMA foreign_keys = ON") && ok) {
        *error = sqliteError(db, QStringLiteral("finishing the migrations"));
        return false;
    }
    return ok;
}

} // namespace skein
