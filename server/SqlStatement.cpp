// The statement cache behind SqlStatement (see SqlStatement.h).
#include "SqlStatement.h"

#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace skein::server::statement_cache {

namespace {

// Free statements by connection, then by SQL text. A mutex because tests run
// servers on several threads (each with its own connection).
struct Cache {
    std::mutex mutex;
    std::unordered_map<sqlite3 *, std::unordered_map<std::string, std::vector<sqlite3_stmt *>>> free;
};

Cache &cache()
{
    static Cache instance;
    return instance;
}

} // namespace

sqlite3_stmt *take(sqlite3 *db, const char *sql)
{
    {
        Cache &c = cache();
        const std::lock_guard lock(c.mutex);
        const auto byDb = c.free.find(db);
        if (byDb != c.free.end()) {
            const auto bySql = byDb->second.find(sql);
            if (bySql != byDb->second.end() && !bySql->second.empty()) {
                sqlite3_stmt *stmt = bySql->second.back();
                bySql->second.pop_back();
                return stmt;
            }
        }
    }
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return nullptr;
    }
    return stmt;
}

void give(sqlite3 *db, sqlite3_stmt *stmt)
{
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    Cache &c = cache();
    const std::lock_guard lock(c.mutex);
    // Keyed by the text SQLite kept, which is what take() is asked for unless
    // the caller's text had something after the statement: then it is never
    // taken again, and the cap keeps such a key from growing.
    std::vector<sqlite3_stmt *> &spare = c.free[db][sqlite3_sql(stmt)];
    if (spare.size() < 4)
        spare.push_back(stmt);
    else
        sqlite3_finalize(stmt);
}

void clear(sqlite3 *db)
{
    Cache &c = cache();
    const std::lock_guard lock(c.mutex);
    const auto byDb = c.free.find(db);
    if (byDb == c.free.end())
        return;
    for (auto &entry : byDb->second)
        for (sqlite3_stmt *stmt : entry.second)
            sqlite3_finalize(stmt);
    c.free.erase(byDb);
}

} // namespace skein::server::statement_cache
