#pragma once

#include <QString>

struct sqlite3;

namespace skein {

// Brings the schema to the newest version. Each numbered migration runs in its
// own transaction and records its number in PRAGMA user_version, so a crash
// between two migrations resumes at the next one. On failure returns false and
// sets *error.
// upTo (tests): stop at that version instead of the newest.
bool runMigrations(sqlite3 *db, QString *error, int upTo = 0);

// The version runMigrations brings a database to.
int latestSchemaVersion();

} // namespace skein
