-- Sorting the conversation list by subject or sender reads a page like the
-- date order does (migration 3): walk the heads in the order shown and stop
-- after one page, instead of collecting and sorting every conversation of
-- the folder. Each index holds only heads, keyed by exactly the expression
-- and collation the page query orders by (StoreConversations.cpp,
-- keyExpression and orderBy), or SQLite would not use it. Ties come newest
-- first in both directions, so A-Z and Z-A are not one index read backwards:
-- each direction has its own. folder_id and conversation_id let a head of
-- another folder be passed over without reading its row.
CREATE INDEX messages_heads_subject_asc ON messages(
    coalesce(nullif(thread_topic, ''), subject) COLLATE NOCASE ASC, date_received DESC, id DESC,
    folder_id, conversation_id)
    WHERE is_head OR conversation_id IS NULL;
CREATE INDEX messages_heads_subject_desc ON messages(
    coalesce(nullif(thread_topic, ''), subject) COLLATE NOCASE DESC, date_received DESC, id DESC,
    folder_id, conversation_id)
    WHERE is_head OR conversation_id IS NULL;
CREATE INDEX messages_heads_sender_asc ON messages(
    sender COLLATE NOCASE ASC, date_received DESC, id DESC, folder_id, conversation_id)
    WHERE is_head OR conversation_id IS NULL;
CREATE INDEX messages_heads_sender_desc ON messages(
    sender COLLATE NOCASE DESC, date_received DESC, id DESC, folder_id, conversation_id)
    WHERE is_head OR conversation_id IS NULL;
