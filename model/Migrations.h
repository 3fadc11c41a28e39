#pragma once

#include <QString>

struct sqlite3;

namespace skein {

// Brings the schema to the newest version. Each numbered migration runs in its
// own transaction and records its number in PRAGMA user_version, so a crash
// between two migrations resumes at the next one. On failure returns false and
// sets *error.
bool runMigrations(sqlite3 *db, QString *error);

// The version runMigrations brings a database to.
int latestSchemaVersion();

} // namespace skein
