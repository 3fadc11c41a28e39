#include "Database.h"

#include "FullTextSearch.h"
#include "Migrations.h"

#include <QFile>
#include <QFileInfo>

namespace skein {

namespace {

// The GUI reads while the sync thread writes; a writer holds the lock for one
// batch (milliseconds), so waiting a few seconds only happens when stuck.
constexpr int busyTimeoutMs = 5000;

bool setJournalModeWal(sqlite3 *db)
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA journal_mode = WAL", -1, &stmt, nullptr) != SQLITE_OK)
        return false;
    bool ok = sqlite3_step(stmt) == SQLITE_ROW;
    if (ok) {
        // An in-memory database answers "memory"; anything else means WAL failed.
        const auto *mode = reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0));
        const QByteArray answer(mode);
        ok = answer == "wal" || answer == "memory";
    }
    sqlite3_finalize(stmt);
    return ok;
}

bool configure(sqlite3 *db)
{
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, busyTimeoutMs);
    // NORMAL is durable across application crashes in WAL mode; only a power
    // loss can drop the last commits, which the next sync fetches again.
    // A 64 MiB page cache keeps the message indexes of a large folder in
    // memory while a sync inserts into them (the cache grows only as pages
    // are read): with 16 MiB, inserting a message cost 1.6x as much at 100k
    // stored messages as at 20k, as the indexes keyed by conversation outgrew
    // it; with 64 MiB, 1.06x (bench_sync).
    return sql::execute(db, "PRAGMA foreign_keys = ON") && setJournalModeWal(db)
        && sql::execute(db, "PRAGMA synchronous = NORMAL")
        && sql::execute(db, "PRAGMA cache_size = -65536")
        // Checkpoints every ~40 MiB of WAL instead of every 4 MiB: an index
        // page a sync changes again and again is copied to the database once
        // per checkpoint, not once per few batches (bench_sync: storing 100k
        // messages 18 % faster).
        && sql::execute(db, "PRAGMA wal_autocheckpoint = 10000");
}

// A new database is readable by its user only, whatever the umask; SQLite
// gives the -wal and -shm files it creates the database file's permissions.
void createPrivately(const QString &path)
{
    if (path.isEmpty() || path.startsWith(QLatin1Char(':')) || QFileInfo::exists(path))
        return; // temporary or in-memory, or already there
    QFile file(path);
    // An empty file is an empty database to SQLite. If this fails, the open
    // below fails with SQLite's own reason.
    file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFile::ReadOwner | QFile::WriteOwner);
}

} // namespace

void Database::close()
{
    m_statements.clear(); // finalized first: sqlite3_close refuses live statements
    if (m_db)
        sqlite3_close_v2(m_db);
    m_db = nullptr;
    m_path.clear();
}

bool Database::open(const QString &path)
{
    close();
    m_error.clear();
    createPrivately(path);
    // No SQLITE_OPEN_URI: a path is a path. NOMUTEX: a Store is used by one
    // thread at a time (see Store.h), so SQLite's per-call locking is waste.
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                                       | SQLITE_OPEN_NOMUTEX, nullptr);
    const QString what = QStringLiteral("opening %1").arg(path);
    // The full-text index's triggers call them on every write of a message or body.
    if (rc != SQLITE_OK || !configure(m_db) || !fts::registerFunctions(m_db, &m_ftsDeferred)) {
        fail(what);
        close();
        return false;
    }
    QString error;
    if (!runMigrations(m_db, &error)) {
        failWith(QStringLiteral("%1: %2").arg(what, error));
        close();
        return false;
    }
    m_path = path;
    ++m_serial;
    return true;
}

sql::Statement Database::prepare(const char *text) const
{
    if (!m_db) {
        failWith(QStringLiteral("the store is not open"));
        return {};
    }
    sql::Statement statement = m_statements.get(m_db, text);
    if (!statement.isValid())
        fail(QStringLiteral("preparing a statement"));
    return statement;
}

bool Database::execute(const char *text, const QString &what)
{
    return (m_db && sql::execute(m_db, text)) || fail(what);
}

bool Database::fail(const QString &what) const
{
    if (!m_db)
        return failWith(what + QStringLiteral(": the store is not open"));
    const QString message = QString::fromUtf8(sqlite3_errmsg(m_db));
    if ((sqlite3_extended_errcode(m_db) & 0xff) == SQLITE_FULL)
        return failWith(QStringLiteral("disk full while %1: %2").arg(what, message));
    return failWith(QStringLiteral("%1: %2").arg(what, message));
}

bool Database::failWith(const QString &message) const
{
    m_error = message;
    return false;
}

bool Database::check(int stepResult, const QString &what) const
{
    return stepResult == SQLITE_DONE || fail(what);
}

int Database::changes() const { return m_db ? sqlite3_changes(m_db) : 0; }

qint64 Database::lastInsertId() const { return m_db ? sqlite3_last_insert_rowid(m_db) : 0; }

qint64 Database::totalChanges() const { return m_db ? sqlite3_total_changes64(m_db) : 0; }

bool Database::flushFullText()
{
    for (const char *text : fts::flushPendingSql) {
        auto q = prepare(text);
        if (!q.isValid() || !check(q.step(), QStringLiteral("updating the full-text index")))
            return false;
    }
    return true;
}

} // namespace skein
