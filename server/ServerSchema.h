#pragma once

// The SQL that creates the reference server's store (ServerStore::open).
// Columns added since the first release are added by ServerStore::migrate.
namespace skein::server::schema {

extern const char *const kTables;
// The change log its triggers fill, and each sync state's list of what may
// differ (ChangeTracker). Created after the migrations it depends on.
extern const char *const kChangeTracking;

} // namespace skein::server::schema
