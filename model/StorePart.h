#pragma once

// What every part of the store (Store.h) shares: the store it belongs to,
// for the other parts, and the database they all write through.

namespace skein {

class Database;
class Store;

class StorePart
{
protected:
    StorePart(Store &store, Database &db) : m_store(store), m_db(db) {}
    ~StorePart() = default;
    StorePart(const StorePart &) = delete;
    StorePart &operator=(const StorePart &) = delete;

    Store &m_store;
    Database &m_db;
};

} // namespace skein
