#include "ServerStore.h"

#include "SqlStatement.h"

#include <QDir>
#include <QFileInfo>

namespace skein::server {

bool FolderType::isMail(int type)
{
    return type == Inbox || type == Drafts || type == DeletedItems || type == SentItems
        || type == Outbox || type == UserMail;
}

namespace {

const char *const kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS users(
    id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE, password TEXT NOT NULL,
    email TEXT NOT NULL DEFAULT '', display_name TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS folders(
    id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, parent_id INTEGER NOT NULL DEFAULT 0,
    name TEXT NOT NULL, type INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS messages(
    id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, folder_id INTEGER NOT NULL,
    parent_id INTEGER NOT NULL DEFAULT 0, subject TEXT NOT NULL DEFAULT '',
    sender TEXT NOT NULL DEFAULT '', to_addr TEXT NOT NULL DEFAULT '', cc_addr TEXT NOT NULL DEFAULT '',
    display_to TEXT NOT NULL DEFAULT '', thread_topic TEXT NOT NULL DEFAULT '',
    importance INTEGER NOT NULL DEFAULT 1, received INTEGER NOT NULL, read INTEGER NOT NULL DEFAULT 0,
    flag BLOB, flag_rev INTEGER NOT NULL DEFAULT 0, body_type INTEGER NOT NULL DEFAULT 1,
    body TEXT NOT NULL DEFAULT '', conversation_id BLOB, conversation_index BLOB,
    message_id TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS messages_folder ON messages(folder_id, received);
CREATE TABLE IF NOT EXISTS conversation_rules(
    user_id INTEGER NOT NULL, conversation_id BLOB NOT NULL, folder_id INTEGER NOT NULL,
    created INTEGER NOT NULL, PRIMARY KEY(user_id, conversation_id));
CREATE TABLE IF NOT EXISTS sent_client_ids(
    user_id INTEGER NOT NULL, client_id TEXT NOT NULL, created INTEGER NOT NULL,
    PRIMARY KEY(user_id, client_id));
-- Drafts a device added through Sync (16.0+, DraftCommands): the Add's
-- ClientId, so a repeated Add finds its draft, and the Bcc line.
CREATE TABLE IF NOT EXISTS drafts(
    message_id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, client_id TEXT NOT NULL,
    bcc TEXT NOT NULL DEFAULT '', UNIQUE(user_id, client_id));
-- Calendar items: a message row in a Calendar folder plus (CalendarDetails).
CREATE TABLE IF NOT EXISTS calendar_items(
    message_id INTEGER PRIMARY KEY, end_time INTEGER NOT NULL, stamp INTEGER NOT NULL,
    location TEXT NOT NULL DEFAULT '', uid TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS attachments(
    id INTEGER PRIMARY KEY, message_id INTEGER NOT NULL, name TEXT NOT NULL,
    content_type TEXT NOT NULL, data BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS attachments_message ON attachments(message_id);
CREATE TABLE IF NOT EXISTS devices(
    user_id INTEGER NOT NULL, device_id TEXT NOT NULL, temp_key TEXT NOT NULL DEFAULT '',
    policy_key TEXT NOT NULL DEFAULT '', PRIMARY KEY(user_id, device_id));
CREATE TABLE IF NOT EXISTS folder_states(
    user_id INTEGER NOT NULL, device_id TEXT NOT NULL, sync_key TEXT NOT NULL,
    prev_key TEXT NOT NULL DEFAULT '', prev_response BLOB, PRIMARY KEY(user_id, device_id));
CREATE TABLE IF NOT EXISTS folder_state_items(
    user_id INTEGER NOT NULL, device_id TEXT NOT NULL, folder_id INTEGER NOT NULL,
    name TEXT NOT NULL, parent_id INTEGER NOT NULL, PRIMARY KEY(user_id, device_id, folder_id));
CREATE TABLE IF NOT EXISTS sync_states(
    id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, device_id TEXT NOT NULL,
    folder_id INTEGER NOT NULL, sync_key TEXT NOT NULL, prev_key TEXT NOT NULL DEFAULT '',
    prev_response BLOB, prev_commands BLOB, filter_type INTEGER NOT NULL DEFAULT 0,
    conversation_mode INTEGER NOT NULL DEFAULT 0, options BLOB,
    UNIQUE(user_id, device_id, folder_id));
CREATE TABLE IF NOT EXISTS sync_state_items(
    state_id INTEGER NOT NULL, message_id INTEGER NOT NULL, read INTEGER NOT NULL,
    flag_rev INTEGER NOT NULL, PRIMARY KEY(state_id, message_id)) WITHOUT ROWID;
-- The identity provider (TokenStore, docs/signin.md). Times are ms since the
-- epoch on the identity clock; expires 0 = never (refresh tokens, until revoked).
CREATE TABLE IF NOT EXISTS oauth_codes(
    code TEXT PRIMARY KEY, user_id INTEGER NOT NULL, client_id TEXT NOT NULL,
    redirect_uri TEXT NOT NULL, code_challenge TEXT NOT NULL, scope TEXT NOT NULL,
    expires INTEGER NOT NULL, used INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS oauth_tokens(
    token TEXT PRIMARY KEY, kind TEXT NOT NULL, user_id INTEGER NOT NULL, client_id TEXT NOT NULL,
    scope TEXT NOT NULL, created INTEGER NOT NULL, expires INTEGER NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS oauth_tokens_user ON oauth_tokens(user_id);
CREATE TABLE IF NOT EXISTS oauth_device_codes(
    device_code TEXT PRIMARY KEY, user_code TEXT NOT NULL UNIQUE, client_id TEXT NOT NULL,
    scope TEXT NOT NULL, expires INTEGER NOT NULL, interval_seconds INTEGER NOT NULL,
    last_poll INTEGER NOT NULL DEFAULT 0, user_id INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL DEFAULT 'pending');
)SQL";

// Change tracking for Sync (ChangeTracker): every change to a folder's
// messages is logged by trigger, so a device's state learns what may differ
// from the log since it last looked instead of diffing the whole folder on
// every request. The log keeps the conversation so that a date-filtered
// conversation-mode state can re-check the other messages of a conversation
// that gained or lost a message; it is pruned once every state has read it.
// sync_state_dirty: per state, the messages that may differ from what the
// device was told, in the order Sync sends them (told ones first, then
// newest first).
const char *const kChangeTracking = R"SQL(
CREATE TABLE IF NOT EXISTS change_log(
    seq INTEGER PRIMARY KEY AUTOINCREMENT, folder_id INTEGER NOT NULL,
    message_id INTEGER NOT NULL, conversation_id BLOB);
CREATE INDEX IF NOT EXISTS change_log_folder ON change_log(folder_id, seq);
CREATE TRIGGER IF NOT EXISTS messages_log_insert AFTER INSERT ON messages BEGIN
    INSERT INTO change_log(folder_id, message_id, conversation_id)
    VALUES(NEW.folder_id, NEW.id, NEW.conversation_id);
END;
CREATE TRIGGER IF NOT EXISTS messages_log_update AFTER UPDATE ON messages BEGIN
    INSERT INTO change_log(folder_id, message_id, conversation_id)
    VALUES(NEW.folder_id, NEW.id, NEW.conversation_id);
    INSERT INTO change_log(folder_id, message_id, conversation_id)
    SELECT OLD.folder_id, OLD.id, OLD.conversation_id WHERE OLD.folder_id <> NEW.folder_id;
END;
CREATE TRIGGER IF NOT EXISTS messages_log_delete AFTER DELETE ON messages BEGIN
    INSERT INTO change_log(folder_id, message_id, conversation_id)
    VALUES(OLD.folder_id, OLD.id, OLD.conversation_id);
END;
CREATE TABLE IF NOT EXISTS sync_state_dirty(
    state_id INTEGER NOT NULL, message_id INTEGER NOT NULL, told INTEGER NOT NULL,
    received INTEGER NOT NULL, PRIMARY KEY(state_id, message_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS sync_state_dirty_order
    ON sync_state_dirty(state_id, told DESC, received DESC, message_id DESC);
)SQL";

const char *const kMessageColumns =
    "id, user_id, folder_id, parent_id, subject, sender, to_addr, cc_addr, display_to, "
    "thread_topic, importance, received, read, flag, flag_rev, body_type, body, "
    "conversation_id, conversation_index, message_id";

MessageRow readMessage(const SqlStatement &q)
{
    MessageRow m;
    m.id = q.integer(0);
    m.userId = q.integer(1);
    m.folderId = q.integer(2);
    m.parentId = q.integer(3);
    m.subject = q.text(4);
    m.from = q.text(5);
    m.to = q.text(6);
    m.cc = q.text(7);
    m.displayTo = q.text(8);
    m.threadTopic = q.text(9);
    m.importance = int(q.integer(10));
    m.receivedMs = q.integer(11);
    m.read = q.integer(12) != 0;
    m.flag = q.blob(13);
    m.flagRev = int(q.integer(14));
    m.bodyType = int(q.integer(15));
    m.body = q.text(16);
    m.conversationId = q.blob(17);
    m.conversationIndex = q.blob(18);
    m.internetMessageId = q.text(19);
    return m;
}

FolderRow readFolder(const SqlStatement &q)
{
    return FolderRow{q.integer(0), q.integer(1), q.integer(2), q.text(3), int(q.integer(4))};
}

} // namespace

ServerStore::~ServerStore()
{
    close();
}

bool ServerStore::open(const QString &dataDir, QString *error)
{
    close();
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        close();
        return false;
    };
    if (!QDir().mkpath(dataDir))
        return fail(QStringLiteral("cannot create data directory %1").arg(dataDir));
    const QFileInfo dirInfo(dataDir);
    if (!dirInfo.isDir() || !dirInfo.isWritable())
        return fail(QStringLiteral("data directory %1 is not writable").arg(dataDir));
    const QString path = QDir(dataDir).filePath(QStringLiteral("skein-server.sqlite"));
    if (sqlite3_open_v2(path.toUtf8().constData(), &m_db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr)
        != SQLITE_OK) {
        return fail(QStringLiteral("cannot open %1: %2").arg(path, QString::fromUtf8(sqlite3_errmsg(m_db))));
    }
    sqlite3_busy_timeout(m_db, 5000);
    // The default 2 MiB page cache held a fraction of a 100k-message
    // folder's indexes and sync states: every Sync page then read its
    // B-tree pages back from the file. A checkpoint every ~40 MiB of WAL
    // instead of 4 copies a sync state page that every Sync page changes
    // once per checkpoint, not once per few pages (bench_sync, time spent
    // waiting for the server during a first download: 100k 4.9 -> 4.3 s,
    // 20k 0.79 -> 0.74 s).
    if (!exec("PRAGMA journal_mode=WAL") || !exec("PRAGMA synchronous=NORMAL") || !exec("PRAGMA cache_size=-65536")
        || !exec("PRAGMA wal_autocheckpoint=10000")
        || !exec("PRAGMA foreign_keys=OFF") || !exec(kSchema) || !migrate()) {
        return fail(QStringLiteral("cannot initialise %1: %2").arg(path, m_lastError));
    }
    return true;
}

void ServerStore::close()
{
    if (m_db) {
        statement_cache::clear(m_db); // cached statements would keep the connection open
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

bool ServerStore::exec(const char *sql)
{
    char *msg = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
        m_lastError = QString::fromUtf8(msg ? msg : "unknown error");
        sqlite3_free(msg);
        return false;
    }
    return true;
}

// CREATE TABLE IF NOT EXISTS adds no column to an existing table: columns
// added since the first release come here. Stores created before Message-IDs
// were kept lack messages.message_id (the Message-ID indexes need it); before
// retries were told from new requests, sync_states.prev_commands (NULL: such
// a state's retry is replayed only without Commands, see SyncHandler).
bool ServerStore::migrate()
{
    if (!addColumnIfMissing("messages", "message_id", "TEXT NOT NULL DEFAULT ''")
        || !addColumnIfMissing("sync_states", "prev_commands", "BLOB")
        || !addColumnIfMissing("attachments", "content_id", "TEXT NOT NULL DEFAULT ''")
        || !addColumnIfMissing("attachments", "is_inline", "INTEGER NOT NULL DEFAULT 0")
        || !addColumnIfMissing("sync_states", "tracked_seq", "INTEGER") // NULL: not tracked yet
        || !addColumnIfMissing("sync_states", "tracked_filter", "INTEGER")
        || !addColumnIfMissing("sync_states", "tracked_mode", "INTEGER")
        || !addColumnIfMissing("sync_states", "tracked_cutoff", "INTEGER")
        || !exec(kChangeTracking))
        return false;
    // messages_folder_state covers folderStates(), which every Sync request
    // reads for a whole folder: from the table, each row's conversation_id
    // (stored after the body) cost a walk through the body's overflow pages.
    return exec("CREATE INDEX IF NOT EXISTS messages_internet_id ON messages(user_id, message_id);"
                "CREATE INDEX IF NOT EXISTS messages_conversation ON messages(user_id, conversation_id);"
                "CREATE INDEX IF NOT EXISTS messages_folder_state ON messages("
                "folder_id, id, received, conversation_id, read, flag_rev)");
}

bool ServerStore::addColumnIfMissing(const char *table, const char *column, const char *definition)
{
    {
        SqlStatement q(m_db, "SELECT 1 FROM pragma_table_info(?) WHERE name=?");
        q.bind(1, QString::fromLatin1(table)).bind(2, QString::fromLatin1(column));
        if (q.next())
            return true;
    }
    const QByteArray sql = QByteArray("ALTER TABLE ") + table + " ADD COLUMN " + column + ' ' + definition;
    return exec(sql.constData());
}

bool ServerStore::begin() { return exec("BEGIN IMMEDIATE"); }
bool ServerStore::commit() { return exec("COMMIT"); }
void ServerStore::rollback() { exec("ROLLBACK"); }

bool ServerStore::hasUsers()
{
    SqlStatement q(m_db, "SELECT COUNT(*) FROM users");
    return q.next() && q.integer(0) > 0;
}

qint64 ServerStore::ensureUser(const QString &name, const QString &password, const QString &email,
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
    addFolder(id, 0, QStringLiteral("Inbox"), FolderType::Inbox);
    addFolder(id, 0, QStringLiteral("Drafts"), FolderType::Drafts);
    addFolder(id, 0, QStringLiteral("Deleted Items"), FolderType::DeletedItems);
    addFolder(id, 0, QStringLiteral("Sent Items"), FolderType::SentItems);
    addFolder(id, 0, QStringLiteral("Outbox"), FolderType::Outbox);
    addFolder(id, 0, QStringLiteral("Junk E-mail"), FolderType::UserMail);
    addFolder(id, 0, QStringLiteral("Calendar"), FolderType::Calendar);
    return id;
}

std::optional<UserRow> ServerStore::user(const QString &name)
{
    SqlStatement q(m_db, "SELECT id, name, password, email, display_name FROM users WHERE name=?");
    q.bind(1, name);
    if (!q.next())
        return std::nullopt;
    return UserRow{q.integer(0), q.text(1), q.text(2), q.text(3), q.text(4)};
}

std::optional<UserRow> ServerStore::userById(qint64 id)
{
    SqlStatement q(m_db, "SELECT id, name, password, email, display_name FROM users WHERE id=?");
    q.bind(1, id);
    if (!q.next())
        return std::nullopt;
    return UserRow{q.integer(0), q.text(1), q.text(2), q.text(3), q.text(4)};
}

std::optional<UserRow> ServerStore::userByEmail(const QString &email)
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

QList<UserRow> ServerStore::users()
{
    QList<UserRow> out;
    SqlStatement q(m_db, "SELECT id, name, password, email, display_name FROM users ORDER BY id");
    while (q.next())
        out.append(UserRow{q.integer(0), q.text(1), q.text(2), q.text(3), q.text(4)});
    return out;
}

QList<FolderRow> ServerStore::folders(qint64 userId)
{
    QList<FolderRow> out;
    SqlStatement q(m_db, "SELECT id, user_id, parent_id, name, type FROM folders WHERE user_id=? ORDER BY id");
    q.bind(1, userId);
    while (q.next())
        out.append(readFolder(q));
    return out;
}

std::optional<FolderRow> ServerStore::folder(qint64 userId, qint64 folderId)
{
    SqlStatement q(m_db, "SELECT id, user_id, parent_id, name, type FROM folders WHERE user_id=? AND id=?");
    q.bind(1, userId).bind(2, folderId);
    if (!q.next())
        return std::nullopt;
    return readFolder(q);
}

std::optional<FolderRow> ServerStore::folderByType(qint64 userId, int type)
{
    SqlStatement q(m_db, "SELECT id, user_id, parent_id, name, type FROM folders "
                         "WHERE user_id=? AND type=? ORDER BY id LIMIT 1");
    q.bind(1, userId).bind(2, type);
    if (!q.next())
        return std::nullopt;
    return readFolder(q);
}

std::optional<FolderRow> ServerStore::folderByName(qint64 userId, const QString &name)
{
    SqlStatement q(m_db, "SELECT id, user_id, parent_id, name, type FROM folders "
                         "WHERE user_id=? AND name=? COLLATE NOCASE ORDER BY id LIMIT 1");
    q.bind(1, userId).bind(2, name);
    if (!q.next())
        return std::nullopt;
    return readFolder(q);
}

qint64 ServerStore::addFolder(qint64 userId, qint64 parentId, const QString &name, int type)
{
    SqlStatement q(m_db, "INSERT INTO folders(user_id, parent_id, name, type) VALUES(?,?,?,?)");
    q.bind(1, userId).bind(2, parentId).bind(3, name).bind(4, type);
    return q.run() ? sqlite3_last_insert_rowid(m_db) : 0;
}

qint64 ServerStore::insertMessage(MessageRow &m)
{
    SqlStatement q(m_db, "INSERT INTO messages(user_id, folder_id, parent_id, subject, sender, to_addr, "
                         "cc_addr, display_to, thread_topic, importance, received, read, flag, flag_rev, "
                         "body_type, body, conversation_id, conversation_index, message_id) "
                         "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    q.bind(1, m.userId).bind(2, m.folderId).bind(3, m.parentId).bind(4, m.subject).bind(5, m.from);
    q.bind(6, m.to).bind(7, m.cc).bind(8, m.displayTo).bind(9, m.threadTopic).bind(10, m.importance);
    q.bind(11, m.receivedMs).bind(12, m.read).bindBlob(13, m.flag.isEmpty() ? QByteArray() : m.flag);
    q.bind(14, m.flagRev).bind(15, m.bodyType).bind(16, m.body);
    q.bindBlob(17, m.conversationId).bindBlob(18, m.conversationIndex).bind(19, m.internetMessageId);
    if (!q.run())
        return 0;
    m.id = sqlite3_last_insert_rowid(m_db);
    if (m.internetMessageId.isEmpty()) {
        // Seeded and generated mail gets a stable id, so replies from outside
        // (deliver --mime with In-Reply-To) can thread onto it.
        m.internetMessageId = QStringLiteral("<m%1.u%2@skein.test>").arg(m.id).arg(m.userId);
        SqlStatement u(m_db, "UPDATE messages SET message_id=? WHERE id=?");
        u.bind(1, m.internetMessageId).bind(2, m.id).run();
    }
    for (auto &a : m.attachments) {
        SqlStatement qa(m_db, "INSERT INTO attachments(message_id, name, content_type, data, content_id, is_inline) "
                              "VALUES(?,?,?,?,?,?)");
        qa.bind(1, m.id).bind(2, a.name).bind(3, a.contentType).bindBlob(4, a.data.isNull() ? QByteArray("") : a.data);
        qa.bind(5, a.contentId).bind(6, qint64(a.isInline ? 1 : 0));
        qa.run();
        a.id = sqlite3_last_insert_rowid(m_db);
        a.messageId = m.id;
    }
    return m.id;
}

std::optional<MessageRow> ServerStore::message(qint64 userId, qint64 messageId, bool withAttachments)
{
    const QByteArray sql = QByteArray("SELECT ") + kMessageColumns + " FROM messages WHERE user_id=? AND id=?";
    SqlStatement q(m_db, sql.constData());
    q.bind(1, userId).bind(2, messageId);
    if (!q.next())
        return std::nullopt;
    MessageRow m = readMessage(q);
    if (withAttachments)
        m.attachments = attachments(m.id);
    return m;
}

QList<MessageRow> ServerStore::messages(qint64 userId)
{
    QList<MessageRow> out;
    const QByteArray sql = QByteArray("SELECT ") + kMessageColumns + " FROM messages WHERE user_id=? ORDER BY id";
    SqlStatement q(m_db, sql.constData());
    q.bind(1, userId);
    while (q.next())
        out.append(readMessage(q));
    return out;
}

QList<MessageState> ServerStore::folderStates(qint64 folderId, bool withConversations)
{
    QList<MessageState> out;
    SqlStatement q(m_db, withConversations
                             ? "SELECT id, received, conversation_id, read, flag_rev FROM messages WHERE folder_id=?"
                             : "SELECT id, received, NULL, read, flag_rev FROM messages WHERE folder_id=?");
    q.bind(1, folderId);
    while (q.next())
        out.append(MessageState{q.integer(0), q.integer(1), q.blob(2), q.integer(3) != 0, int(q.integer(4))});
    return out;
}

QList<AttachmentRow> ServerStore::attachments(qint64 messageId)
{
    QList<AttachmentRow> out;
    SqlStatement q(m_db, "SELECT id, message_id, name, content_type, data, content_id, is_inline "
                         "FROM attachments WHERE message_id=? ORDER BY id");
    q.bind(1, messageId);
    while (q.next())
        out.append(AttachmentRow{q.integer(0), q.integer(1), q.text(2), q.text(3), q.blob(4), q.text(5), q.integer(6) != 0});
    return out;
}

std::optional<AttachmentRow> ServerStore::attachment(qint64 userId, qint64 attachmentId)
{
    SqlStatement q(m_db, "SELECT a.id, a.message_id, a.name, a.content_type, a.data, a.content_id, a.is_inline "
                         "FROM attachments a JOIN messages m ON m.id = a.message_id WHERE m.user_id=? AND a.id=?");
    q.bind(1, userId).bind(2, attachmentId);
    if (!q.next())
        return std::nullopt;
    return AttachmentRow{q.integer(0), q.integer(1), q.text(2), q.text(3), q.blob(4), q.text(5), q.integer(6) != 0};
}

bool ServerStore::setRead(qint64 messageId, bool read)
{
    SqlStatement q(m_db, "UPDATE messages SET read=? WHERE id=?");
    return q.bind(1, read).bind(2, messageId).run();
}

bool ServerStore::setFlag(qint64 messageId, const QByteArray &flagBlob)
{
    SqlStatement q(m_db, "UPDATE messages SET flag=?, flag_rev=flag_rev+1 WHERE id=?");
    return q.bindBlob(1, flagBlob.isEmpty() ? QByteArray() : flagBlob).bind(2, messageId).run();
}

bool ServerStore::moveMessage(qint64 messageId, qint64 folderId)
{
    SqlStatement q(m_db, "UPDATE messages SET folder_id=? WHERE id=?");
    return q.bind(1, folderId).bind(2, messageId).run();
}

bool ServerStore::deleteMessage(qint64 messageId)
{
    SqlStatement a(m_db, "DELETE FROM attachments WHERE message_id=?");
    a.bind(1, messageId).run();
    // Row ids can be reused: a later message must not inherit these.
    SqlStatement c(m_db, "DELETE FROM calendar_items WHERE message_id=?");
    c.bind(1, messageId).run();
    SqlStatement q(m_db, "DELETE FROM messages WHERE id=?");
    return q.bind(1, messageId).run();
}

} // namespace skein::server
