-- Migration 5: reply headers and inferred conversations, for servers that
-- send no MS-ASCON data (SOGo sends no ConversationIndex; protocol 12.1 and
-- some servers send no ConversationId either). See ThreadInference.h.
-- - message_id / in_reply_to / reply_references: RFC 5322 headers without
--   angle brackets (references space-separated, oldest first), fetched by
--   ItemOperations for messages without a ConversationIndex.
-- - headers_fetched: asked once, even if the server had none, so a message is
--   never asked again; header_fetch_failures bounds the retries of failures.
-- - conversation_inferred: conversation_id was computed by Skein (it then
--   starts with "skein-inferred:" or copies a server id the headers lead to)
--   and must never be sent to the server; a server-sent id clears it.
ALTER TABLE messages ADD COLUMN message_id TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN in_reply_to TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN reply_references TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN headers_fetched INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN header_fetch_failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN conversation_inferred INTEGER NOT NULL DEFAULT 0;
CREATE INDEX messages_headers_pending ON messages(folder_id)
    WHERE NOT headers_fetched AND conversation_index IS NULL;
-- Lets ThreadStore::inferConversations see at once that an Exchange account (every
-- message has a server ConversationId) has nothing to group.
CREATE INDEX messages_ungrouped ON messages(id)
    WHERE conversation_id IS NULL OR conversation_inferred;
