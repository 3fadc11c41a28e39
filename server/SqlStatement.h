#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <sqlite3.h>

namespace skein::server {

// Compiled statements, kept per connection and SQL text. The server runs the
// same few dozen statements for every item of every Sync (message, snapshot
// row, ...); compiling one costs more than running it, and the profile of a
// 20k-message initial sync had sqlite3_prepare at the top. Checked-out
// statements are not shared, so nested use of one text compiles a second one.
namespace statement_cache {
// A statement for sql on db, from the cache or freshly compiled (nullptr on a
// compile error, with the message in sqlite3_errmsg(db)).
sqlite3_stmt *take(sqlite3 *db, const char *sql);
// Resets the statement and keeps it for the next take() of the same text.
void give(sqlite3 *db, sqlite3_stmt *stmt);
// Finalizes db's statements; call before closing it.
void clear(sqlite3 *db);
} // namespace statement_cache

// Minimal RAII wrapper around a prepared sqlite3 statement. Parameters are
// 1-based, columns 0-based, as in the C API. On destruction the statement is
// reset (ending any read it holds, as finalizing did) and returned to the cache.
class SqlStatement
{
public:
    SqlStatement(sqlite3 *db, const char *sql) : m_db(db)
    {
        m_stmt = statement_cache::take(db, sql);
        if (!m_stmt)
            qWarning("skein-server: SQL prepare failed: %s (%s)", sqlite3_errmsg(db), sql);
    }
    ~SqlStatement()
    {
        if (m_stmt)
            statement_cache::give(m_db, m_stmt);
    }
    SqlStatement(const SqlStatement &) = delete;
    SqlStatement &operator=(const SqlStatement &) = delete;
    bool isValid() const { return m_stmt != nullptr; }

    SqlStatement &bind(int i, qint64 v)
    {
        if (m_stmt)
            sqlite3_bind_int64(m_stmt, i, v);
        return *this;
    }
    SqlStatement &bind(int i, int v) { return bind(i, qint64(v)); }
    SqlStatement &bind(int i, bool v) { return bind(i, qint64(v ? 1 : 0)); }
    SqlStatement &bind(int i, const QString &v)
    {
        if (m_stmt) {
            const QByteArray u = v.toUtf8();
            sqlite3_bind_text(m_stmt, i, u.constData(), int(u.size()), SQLITE_TRANSIENT);
        }
        return *this;
    }
    SqlStatement &bindBlob(int i, const QByteArray &v)
    {
        if (!m_stmt)
            return *this;
        if (v.isNull())
            sqlite3_bind_null(m_stmt, i);
        else
            sqlite3_bind_blob(m_stmt, i, v.constData(), int(v.size()), SQLITE_TRANSIENT);
        return *this;
    }

    // True while a row is available.
    bool next() { return m_stmt && sqlite3_step(m_stmt) == SQLITE_ROW; }
    // Runs a statement that returns no rows; true on success.
    bool run()
    {
        if (!m_stmt)
            return false;
        const int rc = sqlite3_step(m_stmt);
        return rc == SQLITE_DONE || rc == SQLITE_ROW;
    }
    void reset()
    {
        if (m_stmt) {
            sqlite3_reset(m_stmt);
            sqlite3_clear_bindings(m_stmt);
        }
    }

    qint64 integer(int col) const { return sqlite3_column_int64(m_stmt, col); }
    bool isNull(int col) const { return sqlite3_column_type(m_stmt, col) == SQLITE_NULL; }
    QString text(int col) const
    {
        const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, col));
        return p ? QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, col)) : QString();
    }
    QByteArray blob(int col) const
    {
        const void *p = sqlite3_column_blob(m_stmt, col);
        const int n = sqlite3_column_bytes(m_stmt, col);
        return p ? QByteArray(static_cast<const char *>(p), n) : QByteArray();
    }

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
};

} // namespace skein::server
