#pragma once

#include "SyncChanges.h"

namespace skein::server {

// What one device's sync state of one folder still has to be told, kept up
// to date incrementally: a state's first request lists every message of the
// folder once; later requests add only what the change log recorded since
// (and, with a date filter, the mail that aged out of it). Serving N messages
// in windows is therefore linear, and a request with nothing new costs the
// same in a folder of 100 or 100,000 messages. The state's filter and
// conversation mode are part of what is tracked: when they change, the
// folder is listed again.
class ChangeTracker
{
public:
    ChangeTracker(ServerStore &store, const FolderRow &folder, qint64 stateId, const ResultSetOptions &options);

    // Brings the state's list of messages that may differ up to date.
    void catchUp();
    // Up to limit changes in Sync's order; more: whether another one waits.
    // Messages found to need nothing are dropped from the list.
    QList<PendingChange> next(int limit, bool *more);
    // The message was told (or needed nothing): off the list.
    void settle(qint64 messageId);
    // How many changes wait (GetItemEstimate), without changing the list.
    int count();
    // Whether any change waits (Ping).
    bool hasChanges();

private:
    struct Tracked {
        bool valid = false;
        qint64 seq = 0;
        qint64 cutoff = 0;
    };
    Tracked tracked();
    void saveTracked(qint64 seq, qint64 cutoff);
    qint64 logHead();
    void listWholeFolder();
    void listLoggedSince(qint64 seq);
    void listAgedOut(qint64 from, qint64 to);
    void pruneLog();
    // Walks the list in Sync's order; visit returns false to stop.
    template<typename Visit>
    void walk(Visit visit);
    std::optional<bool> wanted(const MessageState &m);

    sqlite3 *m_db;
    FolderRow m_folder;
    qint64 m_stateId;
    ResultSetOptions m_options;
    qint64 m_cutoff;
};

} // namespace skein::server
