-- Migration 8: how the account signs in (docs/signin.md). auth_method is
-- 'basic' (a password in the keychain) or 'oauth' (a refresh token in the
-- keychain); the OAuth columns say where to get tokens. No secret ever goes
-- into this database: neither password nor token has a column.
ALTER TABLE account ADD COLUMN auth_method TEXT NOT NULL DEFAULT 'basic';
ALTER TABLE account ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE account ADD COLUMN oauth_authority TEXT NOT NULL DEFAULT '';
ALTER TABLE account ADD COLUMN oauth_tenant TEXT NOT NULL DEFAULT '';
ALTER TABLE account ADD COLUMN oauth_client_id TEXT NOT NULL DEFAULT '';
