-- Migration 9: the outbox (OutboxTypes.h, issue 11). One row per message
-- the user sent: its whole MIME, the ClientId every attempt repeats (so a
-- retry after a lost answer is recognised by the server: status 118), what
-- it answers (Smart* source) and where it stands. A message stays after it
-- was refused ('failed') until the user edits or deletes it; 'sent' rows
-- are kept as a record (OutboxStore::forgetSentOutbox drops them).
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
