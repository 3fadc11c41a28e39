-- Migration 4: what this account's server turned out to support (see
-- Capabilities.h). One row per capability that is known; a missing row means
-- "unknown". Kept in the store so that a request the server refused (SOGo
-- answers ItemOperations Move with a bare HTTP 500) is never sent again, not
-- even after a restart, and so that the UI can read it.
CREATE TABLE capabilities (
    name TEXT PRIMARY KEY NOT NULL,
    state TEXT NOT NULL,
    updated INTEGER NOT NULL
);
