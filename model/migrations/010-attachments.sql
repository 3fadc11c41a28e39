-- Migration 10: the attachments each message lists (Sync
-- airsyncbase:Attachments). The bytes are never stored: they are fetched
-- on demand by file_reference. Rows go with their message (ON DELETE CASCADE);
-- the order the server listed them in is kept by position.
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
