#pragma once

#include "ServerRows.h"

#include <optional>

struct sqlite3;

namespace skein::server {

class ServerStore;

// Users (name, password, addresses) and their devices' provisioning keys.
class AccountStore
{
public:
    AccountStore(ServerStore &store, sqlite3 *const &db) : m_store(store), m_db(db) {}

    bool hasUsers();
    // Creates the user with the standard folders, or updates the password.
    qint64 ensureUser(const QString &name, const QString &password, const QString &email = {},
                      const QString &displayName = {});
    std::optional<UserRow> user(const QString &name);
    std::optional<UserRow> userById(qint64 id);
    // The user whose configured address this is, ignoring case (not
    // NAME@any-domain as userByAddress: Autodiscover and sign-in know only
    // real addresses).
    std::optional<UserRow> userByEmail(const QString &email);
    // A local user by address: the configured email, or NAME@any-domain.
    std::optional<UserRow> userByAddress(const QString &address);
    QList<UserRow> users();

    DeviceKeys deviceKeys(qint64 userId, const QString &deviceId);
    void setDeviceKeys(qint64 userId, const QString &deviceId, const DeviceKeys &keys);

private:
    ServerStore &m_store;
    sqlite3 *const &m_db; // the store's connection: null while it is closed
};

} // namespace skein::server
