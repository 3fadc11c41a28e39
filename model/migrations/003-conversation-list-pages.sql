-- Migration 3: the conversation list reads one page with index-only work.
-- - is_head marks a conversation's head: its newest message in any folder
--   (date_received DESC, id DESC, as conversations() orders). The triggers
--   below keep it exact through updates and deletes by any writer (sync
--   batches, local actions, cascaded folder deletes), each touching at most
--   the old and the new head; inserts fix it in code (see below).
--   A message without a ConversationId is its own head; its is_head is unused.
-- - messages_heads holds only heads, in date order with the columns the
--   folder-membership test needs, so the first page (and, continued by
--   keyset, every later page) walks about one index entry per conversation
--   instead of one table row per message (a 500-message thread cost 500).
--   It replaces messages_date, which nothing else used.
-- - messages_conversation gains id (members and heads come out in
--   (date_received, id) order without a sort) and sender, so reading a
--   page's members for the counts and participants never touches the table.
-- - messages_conversation_head finds the current head of a conversation.
ALTER TABLE messages ADD COLUMN is_head INTEGER NOT NULL DEFAULT 0;

DROP INDEX messages_date;
DROP INDEX messages_conversation;
CREATE INDEX messages_conversation ON messages(
    conversation_id, date_received, id, read, flag_status, has_attachments, sender);

UPDATE messages SET is_head = 1
WHERE conversation_id IS NOT NULL
  AND id = (SELECT n.id FROM messages n WHERE n.conversation_id = messages.conversation_id
            ORDER BY n.date_received DESC, n.id DESC LIMIT 1);

CREATE INDEX messages_heads ON messages(date_received, id, folder_id, conversation_id)
    WHERE is_head OR conversation_id IS NULL;
CREATE INDEX messages_conversation_head ON messages(conversation_id) WHERE is_head;

-- Inserts have no trigger: an AFTER INSERT trigger made every insert cost
-- half as much again (SQLite runs a trigger as a sub-program with its own
-- frame and statement journal), so the only inserting code,
-- MessageWriter::upsertMessage, fixes the heads itself, once per sync batch
-- (MessageWriter::endBatch). The rarer updates and deletes use triggers.

-- Only deleting the head changes it.
CREATE TRIGGER messages_head_delete AFTER DELETE ON messages
WHEN old.conversation_id IS NOT NULL AND old.is_head
BEGIN
    UPDATE messages SET is_head = 1
    WHERE id = (SELECT n.id FROM messages n WHERE n.conversation_id = old.conversation_id
                ORDER BY n.date_received DESC, n.id DESC LIMIT 1);
END;

-- Upserts name both columns in every UPDATE; the WHEN skips unchanged rows.
CREATE TRIGGER messages_head_update AFTER UPDATE OF date_received, conversation_id ON messages
WHEN old.date_received IS NOT new.date_received OR old.conversation_id IS NOT new.conversation_id
BEGIN
    UPDATE messages SET is_head = 0 WHERE id = new.id;
    UPDATE messages SET is_head = 0
    WHERE conversation_id IN (old.conversation_id, new.conversation_id) AND is_head;
    UPDATE messages SET is_head = 1
    WHERE id IN (SELECT (SELECT n.id FROM messages n WHERE n.conversation_id = c.cid
                         ORDER BY n.date_received DESC, n.id DESC LIMIT 1)
                 FROM (SELECT old.conversation_id AS cid UNION SELECT new.conversation_id) c
                 WHERE c.cid IS NOT NULL);
END;
