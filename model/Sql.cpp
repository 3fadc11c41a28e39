#include "Sql.h"

namespace skein::sql {

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        release();
        m_stmt = std::exchange(other.m_stmt, nullptr);
    }
    return *this;
}

void Statement::release()
{
    if (m_stmt) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
        m_stmt = nullptr;
    }
}

int Statement::index(const char *name) const
{
    const int i = sqlite3_bind_parameter_index(m_stmt, name);
    Q_ASSERT_X(i > 0, "sql::Statement::bind", name);
    return i;
}

void Statement::bind(const char *name, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(m_stmt, index(name), utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

void Statement::bind(const char *name, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index(name), value);
}

void Statement::bindBlob(const char *name, const QByteArray &value)
{
    if (value.isEmpty())
        bindNull(name);
    else // the explicit size keeps embedded 0x00 bytes
        sqlite3_bind_blob(m_stmt, index(name), value.constData(), int(value.size()),
                          SQLITE_TRANSIENT);
}

void Statement::bindTime(const char *name, const QDateTime &value)
{
    if (value.isValid())
        bind(name, toMsecs(value));
    else
        bindNull(name);
}

void Statement::bindNull(const char *name)
{
    sqlite3_bind_null(m_stmt, index(name));
}

int Statement::step()
{
    return sqlite3_step(m_stmt);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

QString Statement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

qint64 Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QByteArray Statement::blob(int column) const
{
    // sqlite3_column_blob returns nullptr for an empty value; size comes after it
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return QByteArray(data, sqlite3_column_bytes(m_stmt, column));
}

QDateTime Statement::time(int column) const
{
    if (isNull(column))
        return {};
    return QDateTime::fromMSecsSinceEpoch(int64(column), Qt::UTC);
}

Statement StatementCache::get(sqlite3 *db, const char *sql)
{
    auto it = m_statements.find(sql);
    if (it != m_statements.end())
        return Statement(it->second);
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return {};
    }
    m_statements.emplace(sql, stmt);
    return Statement(stmt);
}

void StatementCache::clear()
{
    for (auto &entry : m_statements)
        sqlite3_finalize(entry.second);
    m_statements.clear();
}

Transaction::Transaction(sqlite3 *db)
    : m_db(db)
{
    m_active = execute(db, "BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    // SQLite rolls back by itself after some errors (SQLITE_FULL, SQLITE_IOERR);
    // a second ROLLBACK would only fail, so ask whether one is still open.
    if (m_active && !sqlite3_get_autocommit(m_db))
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
}

bool Transaction::commit()
{
    if (!m_active)
        return false;
    if (!execute(m_db, "COMMIT"))
        return false; // still active: the destructor rolls back
    m_active = false;
    return true;
}

bool execute(sqlite3 *db, const char *sql)
{
    return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

qint64 toMsecs(const QDateTime &time)
{
    return time.toMSecsSinceEpoch();
}

} // namespace skein::sql
