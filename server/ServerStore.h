#pragma once

#include "AccountStore.h"
#include "FolderStore.h"
#include "MessageStore.h"
#include "OutgoingStore.h"
#include "RuleStore.h"
#include "ServerRows.h"
#include "SyncStateStore.h"

#include <QString>

struct sqlite3;

namespace skein::server {

// The reference server's own SQLite store (plain sqlite3, WAL): the one
// connection, its schema and transactions, and the parts that read and write
// each concern's tables, all over that connection. Used from the server
// thread only.
//
//   store.accounts()    users, their devices' provisioning keys
//   store.hierarchy()   folders
//   store.mail()        messages, attachments, calendar items, conversation look-ups
//   store.rules()       conversation always-move / ignore rules
//   store.outgoing()    ClientIds already sent, drafts added through Sync
//   store.syncStates()  per device: sync keys, replayable responses, snapshots
//
// The identity provider's codes and tokens are TokenStore (over the same
// connection, made where needed); Sync's change log is ChangeTracker.
class ServerStore
{
public:
    ServerStore() = default;
    ~ServerStore();
    ServerStore(const ServerStore &) = delete;
    ServerStore &operator=(const ServerStore &) = delete;

    bool open(const QString &dataDir, QString *error);
    void close();
    bool isOpen() const { return m_db != nullptr; }

    bool begin();
    bool commit();
    void rollback();

    AccountStore &accounts() { return m_accounts; }
    FolderStore &hierarchy() { return m_folders; }
    MessageStore &mail() { return m_mail; }
    RuleStore &rules() { return m_rules; }
    OutgoingStore &outgoing() { return m_outgoing; }
    SyncStateStore &syncStates() { return m_syncStates; }

    QString lastError() const { return m_lastError; }
    sqlite3 *handle() const { return m_db; }

private:
    bool exec(const char *sql);
    bool migrate();
    bool addColumnIfMissing(const char *table, const char *column, const char *definition);

    sqlite3 *m_db = nullptr; // before the parts, which refer to it
    QString m_lastError;
    AccountStore m_accounts{*this, m_db};
    FolderStore m_folders{m_db};
    MessageStore m_mail{m_db};
    RuleStore m_rules{m_db};
    OutgoingStore m_outgoing{m_db};
    SyncStateStore m_syncStates{m_db};
};

} // namespace skein::server
