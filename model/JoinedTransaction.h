#pragma once

// A write transaction that joins one already open on the connection: model
// functions that must be atomic on their own (ConversationActions::commit)
// can also run inside a caller's larger transaction (ConversationRules::
// stopIgnoring), where a second BEGIN would fail. When joined, the outer
// transaction decides: a failure returned up the stack rolls it all back.

#include "Sql.h"

#include <optional>

namespace skein::sql {

class JoinedTransaction
{
public:
    explicit JoinedTransaction(sqlite3 *db) : m_joined(db && !sqlite3_get_autocommit(db))
    {
        if (!m_joined)
            m_own.emplace(db);
    }

    bool isActive() const { return m_joined || m_own->isActive(); }
    bool commit() { return m_joined || m_own->commit(); }

private:
    bool m_joined;
    std::optional<Transaction> m_own;
};

} // namespace skein::sql
