-- Migration 17: unread counts kept per folder in the same transaction as
-- the change, so the folder pane, the window title and the tray read a
-- handful of rows however much mail is unread. Counting even migration 12's
-- index took 5-15 ms per count at 55k unread during a first download (the
-- engine's commits empty the window's page cache), several times per
-- refresh, on the GUI thread (bench_gui_sync). Every insert, delete, read
-- change and move of a message keeps the counter exact by trigger; a
-- folder's row goes with the folder.
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
