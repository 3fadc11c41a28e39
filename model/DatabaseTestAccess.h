#pragma once

// For tests and benchmarks only (Database.h): the raw SQLite connection of a
// store, to install test triggers or run baseline queries beside it.

#include "Database.h"
#include "Store.h"

namespace skein {

struct DatabaseTestAccess {
    static sqlite3 *connection(Store &store) { return store.database().m_db; }
};

} // namespace skein
