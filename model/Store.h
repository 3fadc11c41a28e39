#pragma once

#include "AccountStore.h"
#include "ConversationStore.h"
#include "DraftStore.h"
#include "FolderStore.h"
#include "JournalStore.h"
#include "MessageStore.h"
#include "OutboxStore.h"
#include "SyncApplier.h"
#include "ThreadStore.h"

#include <QString>

#include <memory>

namespace skein {

// The local SQLite cache of one profile: one Database and the parts that
// each own one concern of it. One Store per thread (each has its own
// connection); WAL mode lets the GUI read while the sync thread writes.
class Store
{
public:
    Store();
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    // Opens or creates the database and runs pending migrations.
    bool open(const QString &path);
    // What the last failed call of any part said.
    QString lastError() const;
    QString path() const;

    AccountStore &accountStore();
    const AccountStore &accountStore() const;
    FolderStore &folderStore();
    const FolderStore &folderStore() const;
    MessageStore &messageStore();
    const MessageStore &messageStore() const;
    SyncApplier &syncApplier();
    ConversationStore &conversationStore();
    const ConversationStore &conversationStore() const;
    ThreadStore &threadStore();
    const ThreadStore &threadStore() const;
    JournalStore &journalStore();
    const JournalStore &journalStore() const;
    OutboxStore &outboxStore();
    const OutboxStore &outboxStore() const;
    DraftStore &draftStore();
    const DraftStore &draftStore() const;

    // The connection all parts share, for the model's own classes that must
    // make several parts' changes one transaction (Database.h).
    Database &database();

private:
    struct Parts;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Parts> m_parts;
};

} // namespace skein
