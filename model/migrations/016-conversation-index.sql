-- Migration 16: messages_folder_conversation only answered "has this
-- conversation a message in this folder?", which messages_conversation
-- answers as well once it carries folder_id: a conversation's entries are
-- adjacent there, and a conversation has a handful of messages. An index keyed
-- by a random id costs a first download more the larger the mailbox grows
-- (16 % of storing 100k messages, bench_sync --index-costs).
DROP INDEX messages_folder_conversation;
DROP INDEX messages_conversation;
CREATE INDEX messages_conversation ON messages(
    conversation_id, date_received, id, read, flag_status, has_attachments, sender, folder_id);
