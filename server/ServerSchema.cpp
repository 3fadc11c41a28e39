#include "ServerSchema.h"

namespace skein::server::schema {

const char *const kTables = R"SQL(
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

} // namespace skein::server::schema
