#include "AccountStore.h"

#include "ServerStore.h"

#include "SqlStatement.h"

namespace skein::server {

bool AccountStore::hasUsers()
{
    SqlStatement q(m_db, "SELECT COUNT(*) FROM users");
    return q.next() && q.integer(0) > 0;
}

qint64 AccountStore::ensureUser(const QString &name, const QString &password, const QString &email,
                                const QString &displayName)
{
    if (auto existing = user(name)) {
        SqlStatement u(m_db, "UPDATE users SET password=? WHERE id=?");
        u.bind(1, password).bind(2, existing->id).run();
        return existing->id;
    }
    SqlStatement ins(m_db, "INSERT INTO users(name, password, email, display_name) VALUES(?,?,?,?)");
    ins.bind(1, name).bind(2, password);
    ins.bind(3, email.isEmpty() ? name + QStringLiteral("@skein.test") : email);
    ins.bind(4, displayName.isEmpty() ? name : displayName);
    if (!ins.run())
        return 0;
    const qint64 id = sqlite3_last_insert_rowid(m_db);
    FolderStore &folders = m_store.hierarchy();
    folders.addFolder(id, 0, QStringLiteral("Inbox"), FolderType::Inbox);
    folders.addFolder(id, 0, QStringLiteral("Drafts"), FolderType::Drafts);
    folders.addFolder(id, 0, QStringLiteral("Deleted Items"), FolderType::DeletedItems);
    folders.addFolder(id, 0, QStringLiteral("Sent Items"), FolderType::SentItems);
    folders.addFolder(id, 0, QStringLiteral("Outbox"), FolderType::Outbox);
    folders.addFolder(id, 0, QStringLiteral("Junk E-mail"), FolderType::UserMail);
    folders.addFolder(id, 0, QStringLiteral("Calendar"), FolderType::Calendar);
    return id;
}

std::optional<UserRow> AccountStore::user(const QString &name)
{
    SqlStatement q(m_db, "SELECT id, name, password, email, display_name FROM users WHERE name=?");
    q.bind(1, name);
    if (!q.next())
        return std::nullopt;
    return UserRow{q.integer(0), q.text(1), q.text(2), q.text(3), q.text(4)};
}

std::optional<UserRow> AccountStore::userById(qint64 id)
{
    SqlStatement q(m_db, "SELECT id, name, password, email, display_name FROM users WHERE id=?");
    q.bind(1, id);
    if (!q.next())
        return std::nullopt;
    return UserRow{q.integer(0), q.text(1), q.text(2), q.text(3), q.text(4)};
}

std::optional<UserRow> AccountStore::userByEmail(const QString &email)
{
    if (email.trimmed().isEmpty())
        return std::nullopt;
    SqlStatement q(m_db, "SELECT id, name, password, email, display_name FROM users "
                         "WHERE email=? COLLATE NOCASE ORDER BY id LIMIT 1");
    q.bind(1, email.trimmed());
    if (!q.next())
        return std::nullopt;
    return UserRow{q.integer(0), q.text(1), q.text(2), q.text(3), q.text(4)};
}

std::optional<UserRow> AccountStore::userByAddress(const QString &address)
{
    const QString addr = address.trimmed();
    const int at = addr.indexOf(QLatin1Char('@'));
    if (at <= 0)
        return std::nullopt;
    for (const UserRow &u : users()) {
        if (u.email.compare(addr, Qt::CaseInsensitive) == 0)
            return u;
    }
    // Any domain: test setups need no DNS or domain configuration.
    return user(addr.left(at));
}

QList<UserRow> AccountStore::users()
{
    QList<UserRow> out;
    SqlStatement q(m_db, "SELECT id, name, password, email, display_name FROM users ORDER BY id");
    while (q.next())
        out.append(UserRow{q.integer(0), q.text(1), q.text(2), q.text(3), q.text(4)});
    return out;
}

DeviceKeys AccountStore::deviceKeys(qint64 userId, const QString &deviceId)
{
    SqlStatement q(m_db, "SELECT temp_key, policy_key FROM devices WHERE user_id=? AND device_id=?");
    q.bind(1, userId).bind(2, deviceId);
    if (!q.next())
        return {};
    return DeviceKeys{q.text(0), q.text(1)};
}

void AccountStore::setDeviceKeys(qint64 userId, const QString &deviceId, const DeviceKeys &keys)
{
    SqlStatement q(m_db, "INSERT OR REPLACE INTO devices(user_id, device_id, temp_key, policy_key) VALUES(?,?,?,?)");
    q.bind(1, userId).bind(2, deviceId).bind(3, keys.tempKey).bind(4, keys.policyKey).run();
}

} // namespace skein::server
