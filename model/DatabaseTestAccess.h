#pragma once

// For tests and benchmarks only (Database.h): the raw SQLite connection of a
// store, to install test triggers or run baseline queries beside it.

#include "Database.h"
#include "Store.h"

namespace skein {

struct DatabaseTestAccess {
    static sqlite3 *connection(const Store &store)
    {
        // Baseline queries of a benchmark read through a const store.
        return const_cast<Store &>(store).database().m_db;
    }
};

} // namespace skein
