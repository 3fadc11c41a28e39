-- Migration 14: regrouping only what changed (ThreadStore::regroupChangedConversations).
-- - thread_links: the keys a message can meet others by in ThreadInference
--   (ThreadInference::linkKeys: the Message-IDs it names, its topic), so the
--   messages a change can affect are found through an index instead of by
--   reading the whole account.
-- - thread_links_stored = 0 marks a message whose links are missing or out
--   of date: new rows (the default), rows whose headers arrived
--   (ThreadStore::setReplyHeaders) or whose subject, topic, date or server
--   ConversationId changed (trigger), and one neighbour per key and per
--   conversation of an inferred or ungrouped message that goes, because its
--   leaving can split or join what is left. Those rows seed the next regroup,
--   except the ones still waiting for their first header fetch: grouped
--   without their headers, a first download would group every message twice.
--   messages_thread_links_missing holds exactly the seeds; its WHERE is
--   repeated word for word in ThreadStore.cpp (kRegroupSeeds) so that
--   SQLite uses it.
CREATE TABLE thread_links (
    key TEXT NOT NULL,
    message INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE
);
CREATE INDEX thread_links_key ON thread_links(key);
CREATE INDEX thread_links_message ON thread_links(message);
ALTER TABLE messages ADD COLUMN thread_links_stored INTEGER NOT NULL DEFAULT 0;
CREATE INDEX messages_thread_links_missing ON messages(id)
    WHERE NOT thread_links_stored AND (headers_fetched OR conversation_index IS NOT NULL
                                       OR header_fetch_failures > 0 OR moving);

CREATE TRIGGER messages_thread_inputs_update
AFTER UPDATE OF subject, thread_topic, date_received, conversation_id ON messages
WHEN new.thread_links_stored
 AND (old.subject IS NOT new.subject OR old.thread_topic IS NOT new.thread_topic
      OR old.date_received IS NOT new.date_received
      OR (old.conversation_id IS NOT new.conversation_id AND NOT new.conversation_inferred
          AND new.conversation_id IS NOT NULL))
BEGIN
    UPDATE messages SET thread_links_stored = 0 WHERE id = new.id;
END;

-- BEFORE: the leaving row's links are still there (they go by cascade).
CREATE TRIGGER messages_thread_neighbours_delete BEFORE DELETE ON messages
WHEN old.conversation_id IS NULL OR old.conversation_inferred
BEGIN
    UPDATE messages SET thread_links_stored = 0
    WHERE thread_links_stored AND id IN (
        SELECT (SELECT n.message FROM thread_links n WHERE n.key = l.key AND n.message <> old.id LIMIT 1)
        FROM thread_links l WHERE l.message = old.id
        UNION ALL
        SELECT (SELECT n.id FROM messages n WHERE n.conversation_id = old.conversation_id
                AND n.id <> old.id LIMIT 1));
END;
