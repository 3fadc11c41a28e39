#include "Store.h"

#include "Database.h"

namespace skein {

struct Store::Parts {
    Parts(Store &store, Database &db)
        : accounts(store, db), folders(store, db), messages(store, db), applier(store, db),
          conversations(store, db), threads(store, db), journal(store, db), outbox(store, db),
          drafts(store, db)
    {
    }

    AccountStore accounts;
    FolderStore folders;
    MessageStore messages;
    SyncApplier applier;
    ConversationStore conversations;
    ThreadStore threads;
    JournalStore journal;
    OutboxStore outbox;
    DraftStore drafts;
};

Store::Store() : m_db(std::make_unique<Database>()), m_parts(std::make_unique<Parts>(*this, *m_db)) {}

Store::~Store() = default;

bool Store::open(const QString &path) { return m_db->open(path); }

QString Store::lastError() const { return m_db->lastError(); }

QString Store::path() const { return m_db->path(); }

Database &Store::database() { return *m_db; }

AccountStore &Store::accountStore() { return m_parts->accounts; }
const AccountStore &Store::accountStore() const { return m_parts->accounts; }
FolderStore &Store::folderStore() { return m_parts->folders; }
const FolderStore &Store::folderStore() const { return m_parts->folders; }
MessageStore &Store::messageStore() { return m_parts->messages; }
const MessageStore &Store::messageStore() const { return m_parts->messages; }
SyncApplier &Store::syncApplier() { return m_parts->applier; }
ConversationStore &Store::conversationStore() { return m_parts->conversations; }
const ConversationStore &Store::conversationStore() const { return m_parts->conversations; }
ThreadStore &Store::threadStore() { return m_parts->threads; }
const ThreadStore &Store::threadStore() const { return m_parts->threads; }
JournalStore &Store::journalStore() { return m_parts->journal; }
const JournalStore &Store::journalStore() const { return m_parts->journal; }
OutboxStore &Store::outboxStore() { return m_parts->outbox; }
const OutboxStore &Store::outboxStore() const { return m_parts->outbox; }
DraftStore &Store::draftStore() { return m_parts->drafts; }
const DraftStore &Store::draftStore() const { return m_parts->drafts; }

} // namespace skein
