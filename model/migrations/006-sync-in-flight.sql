-- Migration 6: folders.sync_in_flight is set before a Sync request with a
-- real key and cleared when an answer for the folder is stored. Still set
-- on the next sync means the answer was lost (the process was killed, the
-- network failed after the request left): the server may have applied the
-- request and keep its answer for that key, so the next request must be a
-- plain retry without commands (other commands with that key are refused
-- as an invalid key, which costs a resync). See SyncRunner::syncFolder.
ALTER TABLE folders ADD COLUMN sync_in_flight INTEGER NOT NULL DEFAULT 0;
