-- - One row per message, rowid = messages.id. The table keeps its own copy
--   of the text (not external content): snippet() and highlight() need the
--   text as indexed, and the body's is the stripped HTML no column holds.
-- - people: From, To and Cc as stored ("Name" <address>, ...): the tokenizer
--   splits names and addresses alike into words.
-- - unicode61 with remove_diacritics 2: "cafe" finds "Café", "Muller"
--   "Müller"; prefix indexes of 2 and 3 characters keep type-ahead prefix
--   queries ("mi*") off a scan of the whole term list.
-- - rank: bm25 with a match in the subject worth most, then the people,
--   the preview and the body, so the message about a word comes before the
--   ones that mention it.
-- - The triggers keep it in step in the same transaction as the change,
--   so a sync builds it as it stores. FTS5 writes what it is given to a new
--   segment at the start of every statement that may roll back on its own
--   (its savepoint), and with the messages table's other triggers that is
--   every statement: written row by row from the triggers, each message cost
--   a segment and its merging, 8x the time of a sync without the index
--   (bench_search). So while Store applies a sync batch
--   (skein_fts_deferred() true) the triggers only note the message in
--   messages_fts_pending, and Database::flushFullText rewrites the
--   noted rows in one statement before the batch commits; any other write
--   (a body fetched, a move, an undo) updates the index row at once.
--   Updates that change no indexed text (a sync sending a message again)
--   cost nothing.
CREATE VIRTUAL TABLE messages_fts USING fts5(
    subject, people, preview, body,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
INSERT INTO messages_fts (messages_fts, rank) VALUES ('rank', 'bm25(8.0, 4.0, 2.0, 1.0)');
INSERT INTO messages_fts (rowid, subject, people, preview, body)
    SELECT m.id, m.subject, m.sender || ' ' || m.to_addr || ' ' || m.cc, m.preview,
           coalesce(skein_body_text(b.type, b.data), '')
    FROM messages m LEFT JOIN bodies b ON b.message_id = m.id;

CREATE TABLE messages_fts_pending (id INTEGER PRIMARY KEY);

CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages
BEGIN
    INSERT OR IGNORE INTO messages_fts_pending (id) SELECT new.id WHERE skein_fts_deferred();
    INSERT INTO messages_fts (rowid, subject, people, preview, body)
    SELECT new.id, new.subject, new.sender || ' ' || new.to_addr || ' ' || new.cc, new.preview, ''
    WHERE NOT skein_fts_deferred();
END;

CREATE TRIGGER messages_fts_update AFTER UPDATE OF subject, sender, to_addr, cc, preview ON messages
WHEN old.subject IS NOT new.subject OR old.sender IS NOT new.sender OR old.to_addr IS NOT new.to_addr
  OR old.cc IS NOT new.cc OR old.preview IS NOT new.preview
BEGIN
    INSERT OR IGNORE INTO messages_fts_pending (id) SELECT new.id WHERE skein_fts_deferred();
    UPDATE messages_fts SET subject = new.subject,
        people = new.sender || ' ' || new.to_addr || ' ' || new.cc, preview = new.preview
    WHERE rowid = new.id AND NOT skein_fts_deferred();
END;

CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages
BEGIN
    INSERT OR IGNORE INTO messages_fts_pending (id) SELECT old.id WHERE skein_fts_deferred();
    DELETE FROM messages_fts WHERE rowid = old.id AND NOT skein_fts_deferred();
END;

CREATE TRIGGER bodies_fts_insert AFTER INSERT ON bodies
BEGIN
    INSERT OR IGNORE INTO messages_fts_pending (id) SELECT new.message_id WHERE skein_fts_deferred();
    UPDATE messages_fts SET body = skein_body_text(new.type, new.data)
    WHERE rowid = new.message_id AND NOT skein_fts_deferred();
END;

CREATE TRIGGER bodies_fts_update AFTER UPDATE OF type, data ON bodies
WHEN old.type IS NOT new.type OR old.data IS NOT new.data
BEGIN
    INSERT OR IGNORE INTO messages_fts_pending (id) SELECT new.message_id WHERE skein_fts_deferred();
    UPDATE messages_fts SET body = skein_body_text(new.type, new.data)
    WHERE rowid = new.message_id AND NOT skein_fts_deferred();
END;

CREATE TRIGGER bodies_fts_delete AFTER DELETE ON bodies
BEGIN
    INSERT OR IGNORE INTO messages_fts_pending (id) SELECT old.message_id WHERE skein_fts_deferred();
    UPDATE messages_fts SET body = '' WHERE rowid = old.message_id AND NOT skein_fts_deferred();
END;
