-- Migration 15: messages_server_id served no query (every lookup by ServerId
-- names the folder, which UNIQUE (folder_id, server_id) serves) and cost 13 %
-- of storing a first download of 100k messages (bench_sync --index-costs).
DROP INDEX messages_server_id;
