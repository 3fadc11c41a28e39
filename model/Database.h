#pragma once

// One SQLite connection to a profile's cache: opened with its pragmas and
// migrations, statements compiled once, errors worded for people. Private to
// the model library: the store classes (Store.h) work through it, and the
// connection itself never leaves it.

#include "JoinedTransaction.h"
#include "Sql.h"

#include <QString>

namespace skein {

class Database
{
public:
    Database() = default;
    ~Database() { close(); }
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens or creates the database file and runs pending migrations.
    bool open(const QString &path);
    void close();
    QString path() const { return m_path; }
    QString lastError() const { return m_error; }

    // A cached statement; on a compile error it is invalid and lastError is set.
    sql::Statement prepare(const char *sql) const;
    // Runs SQL text that returns no rows (DDL); false with lastError set.
    bool execute(const char *sql, const QString &what);
    // Records "<what>: <SQLite message>" (or "disk full while ...") and returns false.
    bool fail(const QString &what) const;
    // For failures SQLite did not report (e.g. an unknown folder).
    bool failWith(const QString &message) const;
    // fail() unless the step finished.
    bool check(int stepResult, const QString &what) const;

    // Rows the last INSERT, UPDATE or DELETE changed; the row id it inserted.
    int changes() const;
    qint64 lastInsertId() const;
    // Every change this connection made so far, and PRAGMA data_version
    // (other connections' commits): together they tell a cache it is stale.
    qint64 totalChanges() const;
    // Counts the successful opens: a cache of one connection's answers is
    // stale on the next.
    quint64 connectionSerial() const { return m_serial; }

    // BEGIN ... COMMIT, rolled back unless committed; fails inside another one.
    sql::Transaction begin() { return sql::Transaction(m_db); }
    // The same, or joins the transaction already open on this connection.
    sql::JoinedTransaction join() { return sql::JoinedTransaction(m_db); }

    // The full-text index's triggers defer their work while a sync batch is
    // applied (FullTextSearch.h); flushFullText writes it before the commit.
    void setFullTextDeferred(bool deferred) { m_ftsDeferred = deferred; }
    bool flushFullText();

private:
    // Tests and benchmarks reach the connection to set up what no user can
    // (temporary triggers, raw baseline queries); the application never does.
    friend struct DatabaseTestAccess;

    sqlite3 *m_db = nullptr;
    QString m_path;
    // Mutable: const queries compile statements lazily and report errors too.
    mutable sql::StatementCache m_statements;
    mutable QString m_error;
    bool m_ftsDeferred = false;
    quint64 m_serial = 0;
};

} // namespace skein
