-- Unread counts (the folder pane, the title, after every sync reply) read
-- only the unread messages' entries instead of every stored message: a
-- partial index, so its size and its upkeep follow the unread mail, not the
-- mailbox. The queries say "NOT read" exactly, which is how SQLite matches
-- a partial index's WHERE.
CREATE INDEX messages_unread ON messages(folder_id) WHERE NOT read;
