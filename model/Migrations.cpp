#include "Migrations.h"

#include "FullTextSearch.h"
#include "Sql.h"

#include <QRegularExpression>
#include <QStringList>

#include <sqlite3.h>

#include <algorithm>
#include <iterator>

namespace skein {

namespace {

// Migration 1: the initial schema.
// - account has exactly one row (id = 1). It never stores a password: that
//   lives in the system keychain.
// - messages.folder_id references folders with ON DELETE CASCADE so a folder
//   deleted by FolderSync takes its messages (and, through bodies, their
//   bodies) with it.
// - ConversationId/Index are BLOBs: opaque bytes that may contain 0x00.
// - seen_generation marks the messages the server sent again during a resync.
// - messages_date lets conversations() walk all messages newest first and stop
//   after one page; messages_conversation covers the per-conversation lookups
//   of that walk and conversationMessages().
const char *const migration1 = R"sql(
CREATE TABLE account (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    url TEXT NOT NULL DEFAULT '',
    endpoint_path TEXT NOT NULL DEFAULT '',
    user_name TEXT NOT NULL DEFAULT '',
    device_id TEXT NOT NULL DEFAULT '',
    protocol_version TEXT NOT NULL DEFAULT '',
    policy_key TEXT NOT NULL DEFAULT '',
    folder_sync_key TEXT NOT NULL DEFAULT '0'
);

CREATE TABLE folders (
    server_id TEXT PRIMARY KEY NOT NULL CHECK (length(server_id) > 0),
    parent_id TEXT NOT NULL DEFAULT '0',
    name TEXT NOT NULL DEFAULT '',
    type INTEGER NOT NULL,
    sync_key TEXT NOT NULL DEFAULT '0',
    resyncing INTEGER NOT NULL DEFAULT 0,
    resync_generation INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX folders_parent ON folders(parent_id);

CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    folder_id TEXT NOT NULL REFERENCES folders(server_id) ON DELETE CASCADE,
    server_id TEXT NOT NULL CHECK (length(server_id) > 0),
    subject TEXT NOT NULL DEFAULT '',
    sender TEXT NOT NULL DEFAULT '',
    to_addr TEXT NOT NULL DEFAULT '',
    cc TEXT NOT NULL DEFAULT '',
    reply_to TEXT NOT NULL DEFAULT '',
    thread_topic TEXT NOT NULL DEFAULT '',
    date_received INTEGER,
    read INTEGER NOT NULL DEFAULT 0,
    flag_status INTEGER NOT NULL DEFAULT 0,
    flag_type TEXT NOT NULL DEFAULT '',
    flag_start INTEGER,
    flag_due INTEGER,
    flag_completed INTEGER,
    importance INTEGER NOT NULL DEFAULT 1,
    message_class TEXT NOT NULL DEFAULT '',
    preview TEXT NOT NULL DEFAULT '',
    has_attachments INTEGER NOT NULL DEFAULT 0,
    conversation_id BLOB,
    conversation_index BLOB,
    seen_generation INTEGER NOT NULL DEFAULT 0,
    UNIQUE (folder_id, server_id)
);
CREATE INDEX messages_folder_date ON messages(folder_id, date_received);
CREATE INDEX messages_date ON messages(date_received);
CREATE INDEX messages_folder_conversation ON messages(folder_id, conversation_id);
CREATE INDEX messages_server_id ON messages(server_id);
CREATE INDEX messages_conversation ON messages(
    conversation_id, date_received, read, flag_status, has_attachments);

CREATE TABLE bodies (
    message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
    type INTEGER NOT NULL,
    data BLOB,
    truncated INTEGER NOT NULL DEFAULT 0,
    estimated_size INTEGER NOT NULL DEFAULT 0
);

-- The local action journal (next milestone): what the user did, waiting for
-- the server. Nothing writes it yet.
CREATE TABLE actions (
    id INTEGER PRIMARY KEY,
    created INTEGER NOT NULL,
    kind TEXT NOT NULL,
    payload BLOB,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed')),
    error TEXT
);
CREATE INDEX actions_state ON actions(state, id);
)sql";

// Migration 2: the action journal and conversation rules (MS-ASCON 3.1.4).
// - actions is recreated: migration 1 made it as a placeholder nothing wrote,
//   and SQLite cannot widen its CHECK to the new 'sending' state in place.
//   'sending' marks entries a request carried; after a crash they are sent
//   again, which every action tolerates (see ActionReplayer).
// - payload is JSON (ActionItem list): what to send and how to undo it.
// - messages.moving marks a row the user moved locally whose new ServerId the
//   server has not told us yet; the target folder's next Sync replaces the
//   placeholder's id instead of adding a duplicate.
// - conversation_rules: ignore / always-move, kept so the user can see them.
const char *const migration2 = R"sql(
DROP TABLE actions;
CREATE TABLE actions (
    id INTEGER PRIMARY KEY,
    created INTEGER NOT NULL,
    kind TEXT NOT NULL,
    conversation_id BLOB,
    folder_id TEXT NOT NULL DEFAULT '',
    target_folder_id TEXT NOT NULL DEFAULT '',
    payload BLOB,
    state TEXT NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'sending', 'done', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    error TEXT
);
CREATE INDEX actions_state ON actions(state, id);

ALTER TABLE messages ADD COLUMN moving INTEGER NOT NULL DEFAULT 0;
CREATE INDEX messages_moving ON messages(folder_id, moving) WHERE moving;

CREATE TABLE conversation_rules (
    conversation_id BLOB PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('ignore', 'always-move')),
    target_folder_id TEXT NOT NULL,
    created INTEGER NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'active', 'failed')),
    scope TEXT NOT NULL DEFAULT 'server' CHECK (scope IN ('server', 'local')),
    action_id INTEGER,
    error TEXT
);
)sql";

// Migration 3: the conversation list reads one page with index-only work.
// - is_head marks a conversation's head: its newest message in any folder
//   (date_received DESC, id DESC, as conversations() orders). The triggers
//   below keep it exact through updates and deletes by any writer (sync
//   batches, local actions, cascaded folder deletes), each touching at most
//   the old and the new head; inserts fix it in code (see below).
//   A message without a ConversationId is its own head; its is_head is unused.
// - messages_heads holds only heads, in date order with the columns the
//   folder-membership test needs, so the first page (and, continued by
//   keyset, every later page) walks about one index entry per conversation
//   instead of one table row per message (a 500-message thread cost 500).
//   It replaces messages_date, which nothing else used.
// - messages_conversation gains id (members and heads come out in
//   (date_received, id) order without a sort) and sender, so reading a
//   page's members for the counts and participants never touches the table.
// - messages_conversation_head finds the current head of a conversation.
const char *const migration3 = R"sql(
ALTER TABLE messages ADD COLUMN is_head INTEGER NOT NULL DEFAULT 0;

DROP INDEX messages_date;
DROP INDEX messages_conversation;
CREATE INDEX messages_conversation ON messages(
    conversation_id, date_received, id, read, flag_status, has_attachments, sender);

UPDATE messages SET is_head = 1
WHERE conversation_id IS NOT NULL
  AND id = (SELECT n.id FROM messages n WHERE n.conversation_id = messages.conversation_id
            ORDER BY n.date_received DESC, n.id DESC LIMIT 1);

CREATE INDEX messages_heads ON messages(date_received, id, folder_id, conversation_id)
    WHERE is_head OR conversation_id IS NULL;
CREATE INDEX messages_conversation_head ON messages(conversation_id) WHERE is_head;

-- Inserts have no trigger: an AFTER INSERT trigger made every insert cost
-- half as much again (SQLite runs a trigger as a sub-program with its own
-- frame and statement journal), so the only inserting code,
-- Store::Private::upsertMessage, fixes the heads itself, once per sync batch
-- (Store::Private::fixHeads). The rarer updates and deletes use triggers.

-- Only deleting the head changes it.
CREATE TRIGGER messages_head_delete AFTER DELETE ON messages
WHEN old.conversation_id IS NOT NULL AND old.is_head
BEGIN
    UPDATE messages SET is_head = 1
    WHERE id = (SELECT n.id FROM messages n WHERE n.conversation_id = old.conversation_id
                ORDER BY n.date_received DESC, n.id DESC LIMIT 1);
END;

-- Upserts name both columns in every UPDATE; the WHEN skips unchanged rows.
CREATE TRIGGER messages_head_update AFTER UPDATE OF date_received, conversation_id ON messages
WHEN old.date_received IS NOT new.date_received OR old.conversation_id IS NOT new.conversation_id
BEGIN
    UPDATE messages SET is_head = 0 WHERE id = new.id;
    UPDATE messages SET is_head = 0
    WHERE conversation_id IN (old.conversation_id, new.conversation_id) AND is_head;
    UPDATE messages SET is_head = 1
    WHERE id IN (SELECT (SELECT n.id FROM messages n WHERE n.conversation_id = c.cid
                         ORDER BY n.date_received DESC, n.id DESC LIMIT 1)
                 FROM (SELECT old.conversation_id AS cid UNION SELECT new.conversation_id) c
                 WHERE c.cid IS NOT NULL);
END;
)sql";

// Migration 4: what this account's server turned out to support (see
// Capabilities.h). One row per capability that is known; a missing row means
// "unknown". Kept in the store so that a request the server refused (SOGo
// answers ItemOperations Move with a bare HTTP 500) is never sent again, not
// even after a restart, and so that the UI can read it.
const char *const migration4 = R"sql(
CREATE TABLE capabilities (
    name TEXT PRIMARY KEY NOT NULL,
    state TEXT NOT NULL,
    updated INTEGER NOT NULL
);
)sql";

// Migration 5: reply headers and inferred conversations, for servers that
// send no MS-ASCON data (SOGo sends no ConversationIndex; protocol 12.1 and
// some servers send no ConversationId either). See ThreadInference.h.
// - message_id / in_reply_to / reply_references: RFC 5322 headers without
//   angle brackets (references space-separated, oldest first), fetched by
//   ItemOperations for messages without a ConversationIndex.
// - headers_fetched: asked once, even if the server had none, so a message is
//   never asked again; header_fetch_failures bounds the retries of failures.
// - conversation_inferred: conversation_id was computed by Skein (it then
//   starts with "skein-inferred:" or copies a server id the headers lead to)
//   and must never be sent to the server; a server-sent id clears it.
const char *const migration5 = R"sql(
ALTER TABLE messages ADD COLUMN message_id TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN in_reply_to TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN reply_references TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN headers_fetched INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN header_fetch_failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN conversation_inferred INTEGER NOT NULL DEFAULT 0;
CREATE INDEX messages_headers_pending ON messages(folder_id)
    WHERE NOT headers_fetched AND conversation_index IS NULL;
-- Lets Store::inferConversations see at once that an Exchange account (every
-- message has a server ConversationId) has nothing to group.
CREATE INDEX messages_ungrouped ON messages(id)
    WHERE conversation_id IS NULL OR conversation_inferred;
)sql";

// Migration 6: folders.sync_in_flight is set before a Sync request with a
// real key and cleared when an answer for the folder is stored. Still set
// on the next sync means the answer was lost (the process was killed, the
// network failed after the request left): the server may have applied the
// request and keep its answer for that key, so the next request must be a
// plain retry without commands (other commands with that key are refused
// as an invalid key, which costs a resync). See SyncRunner::syncFolder.
const char *const migration6 = R"sql(
ALTER TABLE folders ADD COLUMN sync_in_flight INTEGER NOT NULL DEFAULT 0;
)sql";

// Migration 7: a message's row id is never given to another message. The
// action journal, the reading pane and the item models know a message by its
// row id; without AUTOINCREMENT SQLite gives the id of the newest row, once a
// Sync deleted it, to the next message stored, and the undo of a refused
// change of the deleted message landed on that other one. SQLite cannot add
// AUTOINCREMENT in place: the table is rebuilt from its own CREATE statement
// (whatever columns earlier migrations added) and its indexes and triggers
// are made again, with foreign keys off so that dropping the old table does
// not cascade to bodies (runMigrations turns them off around it).
bool neverReuseMessageIds(sqlite3 *db)
{
    auto text = [db](const char *query, QStringList *out) {
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(db, query, -1, &stmt, nullptr) != SQLITE_OK)
            return false;
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
            out->append(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0))));
        sqlite3_finalize(stmt);
        return rc == SQLITE_DONE;
    };
    QStringList table, dependents;
    if (!text("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'messages'", &table)
        || table.size() != 1
        || !text("SELECT sql FROM sqlite_schema WHERE tbl_name = 'messages' AND type IN ('index', 'trigger') "
                     "AND sql IS NOT NULL ORDER BY type, name", &dependents))
        return false;
    QString create = table.first();
    static const QRegularExpression head(QStringLiteral("^CREATE TABLE \"?messages\"?"));
    static const QRegularExpression key(QStringLiteral("\\bid INTEGER PRIMARY KEY\\b(?! AUTOINCREMENT)"));
    if (!create.contains(head) || !create.contains(key))
        return false;
    create.replace(head, QStringLiteral("CREATE TABLE messages_rebuilt"));
    create.replace(key, QStringLiteral("id INTEGER PRIMARY KEY AUTOINCREMENT"));
    QByteArray script = create.toUtf8() + ";\n"
        "INSERT INTO messages_rebuilt SELECT * FROM messages;\n"
        // Ids of messages deleted before this migration that the journal
        // still names (its JSON items' "message") are not given out either.
        "DELETE FROM sqlite_sequence WHERE name = 'messages_rebuilt';\n"
        "INSERT INTO sqlite_sequence (name, seq) SELECT 'messages_rebuilt', max("
        "  coalesce((SELECT max(id) FROM messages), 0),"
        "  coalesce((SELECT max(json_extract(item.value, '$.message')) FROM actions, json_each(actions.payload) AS item"
        "            WHERE json_valid(actions.payload)), 0));\n"
        "DROP TABLE messages;\n"
        "ALTER TABLE messages_rebuilt RENAME TO messages;\n";
    for (const QString &sql : std::as_const(dependents))
        script += sql.toUtf8() + ";\n";
    if (!sql::execute(db, script.constData()))
        return false;
    // Every body still belongs to a message (one left by a connection
    // without foreign keys belongs to none: it goes).
    if (!sql::execute(db, "DELETE FROM bodies WHERE message_id NOT IN (SELECT id FROM messages)"))
        return false;
    QStringList broken;
    return text("SELECT \"table\" FROM pragma_foreign_key_check", &broken) && broken.isEmpty();
}

// Migration 8: how the account signs in (docs/signin.md). auth_method is
// 'basic' (a password in the keychain) or 'oauth' (a refresh token in the
// keychain); the OAuth columns say where to get tokens. No secret ever goes
// into this database: neither password nor token has a column.
const char *const migration8 = R"sql(
ALTER TABLE account ADD COLUMN auth_method TEXT NOT NULL DEFAULT 'basic';
ALTER TABLE account ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE account ADD COLUMN oauth_authority TEXT NOT NULL DEFAULT '';
ALTER TABLE account ADD COLUMN oauth_tenant TEXT NOT NULL DEFAULT '';
ALTER TABLE account ADD COLUMN oauth_client_id TEXT NOT NULL DEFAULT '';
)sql";

// Migration 9: the outbox (OutboxTypes.h, issue 11). One row per message
// the user sent: its whole MIME, the ClientId every attempt repeats (so a
// retry after a lost answer is recognised by the server: status 118), what
// it answers (Smart* source) and where it stands. A message stays after it
// was refused ('failed') until the user edits or deletes it; 'sent' rows
// are kept as a record (Store::forgetSentOutbox drops them).
const char *const migration9 = R"sql(
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('send', 'reply', 'forward')),
    client_id TEXT NOT NULL UNIQUE,
    mime BLOB NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    recipients TEXT NOT NULL DEFAULT '',
    source_folder_id TEXT NOT NULL DEFAULT '',
    source_server_id TEXT NOT NULL DEFAULT '',
    source_long_id TEXT NOT NULL DEFAULT '',
    source_message_id INTEGER NOT NULL DEFAULT 0,
    save_in_sent INTEGER NOT NULL DEFAULT 1,
    state TEXT NOT NULL DEFAULT 'waiting'
        CHECK (state IN ('waiting', 'sending', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    error TEXT NOT NULL DEFAULT '',
    sent INTEGER
);
CREATE INDEX outbox_state ON outbox(state, id);
)sql";

// Migration 10: the attachments each message lists (Sync
// airsyncbase:Attachments). The bytes are never stored: they are fetched
// on demand by file_reference. Rows go with their message (ON DELETE CASCADE);
// the order the server listed them in is kept by position.
const char *const migration10 = R"sql(
CREATE TABLE IF NOT EXISTS attachments (
    message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    file_reference TEXT NOT NULL,
    size INTEGER NOT NULL DEFAULT 0,
    content_type TEXT NOT NULL DEFAULT '',
    content_id TEXT NOT NULL DEFAULT '',
    inline INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (message_id, position)
) WITHOUT ROWID;
)sql";

// Migration 11: drafts (DraftTypes.h, issue 11). One row per message being
// written. Recipients and attachments are JSON arrays: they are only ever
// read and written whole, with their draft. Attachment files are copies in
// the profile's drafts/ folder (Store::draftFilesDir). revision counts local
// saves and uploaded_revision the last one the server took (16.0+), so only
// the newest content is ever sent; client_id is the Sync Add's ClientId,
// kept until the server named a ServerId. draft_deletes journals the server
// drafts still to be deleted after their local draft went.
const char *const migration11 = R"sql(
CREATE TABLE drafts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    updated INTEGER NOT NULL,
    kind TEXT NOT NULL DEFAULT 'send' CHECK (kind IN ('send', 'reply', 'forward')),
    source_message_id INTEGER NOT NULL DEFAULT 0,
    outbox_id INTEGER NOT NULL DEFAULT 0,
    to_addrs TEXT NOT NULL DEFAULT '[]',
    cc_addrs TEXT NOT NULL DEFAULT '[]',
    bcc_addrs TEXT NOT NULL DEFAULT '[]',
    subject TEXT NOT NULL DEFAULT '',
    plain_body TEXT NOT NULL DEFAULT '',
    html_body TEXT NOT NULL DEFAULT '',
    importance INTEGER NOT NULL DEFAULT 1,
    attachments TEXT NOT NULL DEFAULT '[]',
    client_id TEXT NOT NULL UNIQUE,
    server_id TEXT NOT NULL DEFAULT '',
    revision INTEGER NOT NULL DEFAULT 1,
    uploaded_revision INTEGER NOT NULL DEFAULT 0,
    upload_attempts INTEGER NOT NULL DEFAULT 0,
    upload_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX drafts_updated ON drafts(updated DESC, id DESC);
CREATE TABLE draft_deletes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    server_id TEXT NOT NULL DEFAULT '',
    client_id TEXT NOT NULL DEFAULT ''
);
)sql";

// Unread counts (the folder pane, the title, after every sync reply) read
// only the unread messages' entries instead of every stored message: a
// partial index, so its size and its upkeep follow the unread mail, not the
// mailbox. The queries say "NOT read" exactly, which is how SQLite matches
// a partial index's WHERE.
const char *const migration12 = R"sql(
CREATE INDEX messages_unread ON messages(folder_id) WHERE NOT read;
)sql";

// Sorting the conversation list by subject or sender reads a page like the
// date order does (migration 3): walk the heads in the order shown and stop
// after one page, instead of collecting and sorting every conversation of
// the folder. Each index holds only heads, keyed by exactly the expression
// and collation the page query orders by (StoreConversations.cpp,
// keyExpression and orderBy), or SQLite would not use it. Ties come newest
// first in both directions, so A-Z and Z-A are not one index read backwards:
// each direction has its own. folder_id and conversation_id let a head of
// another folder be passed over without reading its row.
const char *const migration13 = R"sql(
CREATE INDEX messages_heads_subject_asc ON messages(
    coalesce(nullif(thread_topic, ''), subject) COLLATE NOCASE ASC, date_received DESC, id DESC,
    folder_id, conversation_id)
    WHERE is_head OR conversation_id IS NULL;
CREATE INDEX messages_heads_subject_desc ON messages(
    coalesce(nullif(thread_topic, ''), subject) COLLATE NOCASE DESC, date_received DESC, id DESC,
    folder_id, conversation_id)
    WHERE is_head OR conversation_id IS NULL;
CREATE INDEX messages_heads_sender_asc ON messages(
    sender COLLATE NOCASE ASC, date_received DESC, id DESC, folder_id, conversation_id)
    WHERE is_head OR conversation_id IS NULL;
CREATE INDEX messages_heads_sender_desc ON messages(
    sender COLLATE NOCASE DESC, date_received DESC, id DESC, folder_id, conversation_id)
    WHERE is_head OR conversation_id IS NULL;
)sql";

// Migration 14: regrouping only what changed (Store::regroupChangedConversations).
// - thread_links: the keys a message can meet others by in ThreadInference
//   (ThreadInference::linkKeys: the Message-IDs it names, its topic), so the
//   messages a change can affect are found through an index instead of by
//   reading the whole account.
// - thread_links_stored = 0 marks a message whose links are missing or out
//   of date: new rows (the default), rows whose headers arrived
//   (Store::setReplyHeaders) or whose subject, topic, date or server
//   ConversationId changed (trigger), and one neighbour per key and per
//   conversation of an inferred or ungrouped message that goes, because its
//   leaving can split or join what is left. Those rows seed the next regroup,
//   except the ones still waiting for their first header fetch: grouped
//   without their headers, a first download would group every message twice.
//   messages_thread_links_missing holds exactly the seeds; its WHERE is
//   repeated word for word in StoreThreads.cpp (kRegroupSeeds) so that
//   SQLite uses it.
const char *const migration14 = R"sql(
CREATE TABLE thread_links (
    key TEXT NOT NULL,
    message INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE
);
CREATE INDEX thread_links_key ON thread_links(key);
CREATE INDEX thread_links_message ON thread_links(message);
ALTER TABLE messages ADD COLUMN thread_links_stored INTEGER NOT NULL DEFAULT 0;
CREATE INDEX messages_thread_links_missing ON messages(id)
    WHERE NOT thread_links_stored AND (headers_fetched OR conversation_index IS NOT NULL
                                       OR header_fetch_failures > 0 OR moving);

CREATE TRIGGER messages_thread_inputs_update
AFTER UPDATE OF subject, thread_topic, date_received, conversation_id ON messages
WHEN new.thread_links_stored
 AND (old.subject IS NOT new.subject OR old.thread_topic IS NOT new.thread_topic
      OR old.date_received IS NOT new.date_received
      OR (old.conversation_id IS NOT new.conversation_id AND NOT new.conversation_inferred
          AND new.conversation_id IS NOT NULL))
BEGIN
    UPDATE messages SET thread_links_stored = 0 WHERE id = new.id;
END;

-- BEFORE: the leaving row's links are still there (they go by cascade).
CREATE TRIGGER messages_thread_neighbours_delete BEFORE DELETE ON messages
WHEN old.conversation_id IS NULL OR old.conversation_inferred
BEGIN
    UPDATE messages SET thread_links_stored = 0
    WHERE thread_links_stored AND id IN (
        SELECT (SELECT n.message FROM thread_links n WHERE n.key = l.key AND n.message <> old.id LIMIT 1)
        FROM thread_links l WHERE l.message = old.id
        UNION ALL
        SELECT (SELECT n.id FROM messages n WHERE n.conversation_id = old.conversation_id
                AND n.id <> old.id LIMIT 1));
END;
)sql";

// Migration 15: messages_server_id served no query (every lookup by ServerId
// names the folder, which UNIQUE (folder_id, server_id) serves) and cost 13 %
// of storing a first download of 100k messages (bench_sync --index-costs).
const char *const migration15 = R"sql(
DROP INDEX messages_server_id;
)sql";

// Migration 16: messages_folder_conversation only answered "has this
// conversation a message in this folder?", which messages_conversation
// answers as well once it carries folder_id: a conversation's entries are
// adjacent there, and a conversation has a handful of messages. An index keyed
// by a random id costs a first download more the larger the mailbox grows
// (16 % of storing 100k messages, bench_sync --index-costs).
const char *const migration16 = R"sql(
DROP INDEX messages_folder_conversation;
DROP INDEX messages_conversation;
CREATE INDEX messages_conversation ON messages(
    conversation_id, date_received, id, read, flag_status, has_attachments, sender, folder_id);
)sql";

// Migration 17: unread counts kept per folder in the same transaction as
// the change, so the folder pane, the window title and the tray read a
// handful of rows however much mail is unread. Counting even migration 12's
// index took 5-15 ms per count at 55k unread during a first download (the
// engine's commits empty the window's page cache), several times per
// refresh, on the GUI thread (bench_gui_sync). Every insert, delete, read
// change and move of a message keeps the counter exact by trigger; a
// folder's row goes with the folder.
const char *const migration17 = R"sql(
CREATE TABLE folder_unread (
    folder_id TEXT PRIMARY KEY REFERENCES folders(server_id) ON DELETE CASCADE,
    unread INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO folder_unread (folder_id, unread)
    SELECT folder_id, count(*) FROM messages WHERE NOT read GROUP BY folder_id;

CREATE TRIGGER messages_unread_insert AFTER INSERT ON messages WHEN NOT new.read
BEGIN
    INSERT INTO folder_unread (folder_id, unread) VALUES (new.folder_id, 1)
    ON CONFLICT (folder_id) DO UPDATE SET unread = unread + 1;
END;

CREATE TRIGGER messages_unread_delete AFTER DELETE ON messages WHEN NOT old.read
BEGIN
    UPDATE folder_unread SET unread = unread - 1 WHERE folder_id = old.folder_id;
END;

CREATE TRIGGER messages_unread_update AFTER UPDATE OF read, folder_id ON messages
WHEN old.read IS NOT new.read OR old.folder_id IS NOT new.folder_id
BEGIN
    UPDATE folder_unread SET unread = unread - 1 WHERE folder_id = old.folder_id AND NOT old.read;
    INSERT INTO folder_unread (folder_id, unread) SELECT new.folder_id, 1 WHERE NOT new.read
    ON CONFLICT (folder_id) DO UPDATE SET unread = unread + 1;
END;
)sql";

// Migration 18: the message part (Message::messagePart), kept next to the
// body it was cut from. NULL: the server sent none.
const char *const migration18 = R"sql(
ALTER TABLE bodies ADD COLUMN part BLOB;
ALTER TABLE bodies ADD COLUMN part_truncated INTEGER NOT NULL DEFAULT 0;
)sql";

// A migration is SQL, or code for what SQL alone cannot say.
struct Migration {
    const char *sql = nullptr;
    bool (*code)(sqlite3 *db) = nullptr;
    bool withoutForeignKeys = false; // it rebuilds a table others refer to
};

// Index i holds migration i + 1. Append only: never edit a shipped migration.
const Migration migrations[] = {{migration1}, {migration2}, {migration3}, {migration4}, {migration5},
                                {migration6}, {nullptr, neverReuseMessageIds, true}, {migration8},
                                {migration9}, {migration10}, {migration11}, {migration12},
                                {migration13}, {migration14}, {migration15}, {migration16},
                                {migration17}, {migration18},
                                // 19: the full-text index (FullTextSearch.cpp).
                                {nullptr, fts::createIndex}};

QString sqliteError(sqlite3 *db, const QString &what)
{
    return QStringLiteral("%1: %2").arg(what, QString::fromUtf8(sqlite3_errmsg(db)));
}

bool readUserVersion(sqlite3 *db, int *version)
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, nullptr) != SQLITE_OK)
        return false;
    const bool ok = sqlite3_step(stmt) == SQLITE_ROW;
    if (ok)
        *version = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    return ok;
}

bool applyMigration(sqlite3 *db, int number, QString *error)
{
    sql::Transaction transaction(db);
    if (!transaction.isActive()) {
        *error = sqliteError(db, QStringLiteral("starting migration %1").arg(number));
        return false;
    }
    // Another connection may have migrated while this one waited for the lock.
    int current = 0;
    if (!readUserVersion(db, &current)) {
        *error = sqliteError(db, QStringLiteral("reading the schema version"));
        return false;
    }
    if (current >= number)
        return true;
    const QByteArray setVersion = "PRAGMA user_version = " + QByteArray::number(number);
    const Migration &migration = migrations[number - 1];
    const bool applied = migration.code ? migration.code(db) : sql::execute(db, migration.sql);
    if (!applied || !sql::execute(db, setVersion.constData()) || !transaction.commit()) {
        *error = sqliteError(db, QStringLiteral("applying migration %1").arg(number));
        return false;
    }
    return true;
}

} // namespace

int latestSchemaVersion()
{
    return int(std::size(migrations));
}

bool runMigrations(sqlite3 *db, QString *error, int upTo)
{
    const int target = upTo > 0 ? std::min(upTo, latestSchemaVersion()) : latestSchemaVersion();
    int version = 0;
    if (!readUserVersion(db, &version)) {
        *error = sqliteError(db, QStringLiteral("reading the schema version"));
        return false;
    }
    if (version > latestSchemaVersion()) {
        *error = QStringLiteral("the database has schema version %1, newer than this Skein (%2)")
                     .arg(version)
                     .arg(latestSchemaVersion());
        return false;
    }
    // Foreign keys can only be switched outside a transaction: around the
    // migrations that rebuild a table others refer to.
    bool withoutForeignKeys = false;
    for (int number = version + 1; number <= target; ++number)
        withoutForeignKeys |= migrations[number - 1].withoutForeignKeys;
    if (withoutForeignKeys && !sql::execute(db, "PRAGMA foreign_keys = OFF")) {
        *error = sqliteError(db, QStringLiteral("preparing the migrations"));
        return false;
    }
    bool ok = true;
    for (int number = version + 1; ok && number <= target; ++number)
        ok = applyMigration(db, number, error);
    if (withoutForeignKeys && !sql::execute(db, "PRAGMA foreign_keys = ON") && ok) {
        *error = sqliteError(db, QStringLiteral("finishing the migrations"));
        return false;
    }
    return ok;
}

} // namespace skein
