-- Migration 11: drafts (DraftTypes.h, issue 11). One row per message being
-- written. Recipients and attachments are JSON arrays: they are only ever
-- read and written whole, with their draft. Attachment files are copies in
-- the profile's drafts/ folder (DraftStore::draftFilesDir). revision counts local
-- saves and uploaded_revision the last one the server took (16.0+), so only
-- the newest content is ever sent; client_id is the Sync Add's ClientId,
-- kept until the server named a ServerId. draft_deletes journals the server
-- drafts still to be deleted after their local draft went.
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
