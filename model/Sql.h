#pragma once

// Thin RAII helpers over the SQLite C API, private to the model library.

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <sqlite3.h>

#include <string>
#include <utility>
#include <unordered_map>

namespace skein::sql {

// A borrowed prepared statement. Statements live in a StatementCache; this
// handle resets the statement and clears its bindings when it goes out of
// scope, so a cached statement never keeps a read transaction open or leaks
// values into its next use.
class Statement
{
public:
    Statement() = default;
    explicit Statement(sqlite3_stmt *stmt) : m_stmt(stmt) {}
    ~Statement() { release(); }
    Statement(Statement &&other) noexcept : m_stmt(std::exchange(other.m_stmt, nullptr)) {}
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool isValid() const { return m_stmt != nullptr; }

    // Named parameters (":name") keep the long column lists readable.
    void bind(const char *name, const QString &value);
    void bind(const char *name, qint64 value);
    void bind(const char *name, int value) { bind(name, qint64(value)); }
    void bind(const char *name, bool value) { bind(name, qint64(value ? 1 : 0)); }
    // Opaque bytes, stored byte-exact; an empty array is stored as NULL.
    void bindBlob(const char *name, const QByteArray &value);
    // UTC milliseconds since the epoch; an invalid QDateTime is stored as NULL.
    void bindTime(const char *name, const QDateTime &value);
    void bindNull(const char *name);

    // SQLITE_ROW, SQLITE_DONE or an error code.
    int step();
    // Runs a statement that returns no rows; true on SQLITE_DONE.
    bool exec() { return step() == SQLITE_DONE; }

    bool isNull(int column) const;
    QString text(int column) const;
    qint64 int64(int column) const;
    int integer(int column) const { return int(int64(column)); }
    bool boolean(int column) const { return int64(column) != 0; }
    QByteArray blob(int column) const;
    QDateTime time(int column) const;

private:
    int index(const char *name) const;
    void release();

    sqlite3_stmt *m_stmt = nullptr;
};

// Prepared statements of one connection, compiled once and reused: the hot
// paths (upserts in applySyncBatch) would otherwise spend most of their time
// in the SQL compiler.
class StatementCache
{
public:
    StatementCache() = default;
    ~StatementCache() { clear(); }
    StatementCache(const StatementCache &) = delete;
    StatementCache &operator=(const StatementCache &) = delete;

    // Invalid Statement on a compile error; the message is in sqlite3_errmsg(db).
    Statement get(sqlite3 *db, const char *sql);
    void clear();

private:
    std::unordered_map<std::string, sqlite3_stmt *> m_statements;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back on scope exit unless committed.
// IMMEDIATE takes the write lock up front so two writers wait on busy_timeout
// instead of failing with SQLITE_BUSY when a reader upgrades to a writer.
class Transaction
{
public:
    explicit Transaction(sqlite3 *db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isActive() const { return m_active; }
    bool commit();

private:
    sqlite3 *m_db;
    bool m_active = false;
};

// Runs SQL text that returns no rows (pragmas, DDL); true on success.
bool execute(sqlite3 *db, const char *sql);

qint64 toMsecs(const QDateTime &time);

} // namespace skein::sql
