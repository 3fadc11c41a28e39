-- Migration 1: the initial schema.
-- - account has exactly one row (id = 1). It never stores a password: that
--   lives in the system keychain.
-- - messages.folder_id references folders with ON DELETE CASCADE so a folder
--   deleted by FolderSync takes its messages (and, through bodies, their
--   bodies) with it.
-- - ConversationId/Index are BLOBs: opaque bytes that may contain 0x00.
-- - seen_generation marks the messages the server sent again during a resync.
-- - messages_date lets conversations() walk all messages newest first and stop
--   after one page; messages_conversation covers the per-conversation lookups
--   of that walk and conversationMessages().
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
