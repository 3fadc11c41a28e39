-- Migration 2: the action journal and conversation rules (MS-ASCON 3.1.4).
-- - actions is recreated: migration 1 made it as a placeholder nothing wrote,
--   and SQLite cannot widen its CHECK to the new 'sending' state in place.
--   'sending' marks entries a request carried; after a crash they are sent
--   again, which every action tolerates (see ActionReplayer).
-- - payload is JSON (ActionItem list): what to send and how to undo it.
-- - messages.moving marks a row the user moved locally whose new ServerId the
--   server has not told us yet; the target folder's next Sync replaces the
--   placeholder's id instead of adding a duplicate.
-- - conversation_rules: ignore / always-move, kept so the user can see them.
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
