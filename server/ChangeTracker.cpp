#include "ChangeTracker.h"

#include "SqlStatement.h"

namespace skein::server {

namespace {
void execute(sqlite3 *db, const char *sql)
{
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
        qWarning("skein-server: %s failed: %s", sql, sqlite3_errmsg(db));
}
} // namespace

ChangeTracker::ChangeTracker(ServerStore &store, const FolderRow &folder, qint64 stateId,
                             const ResultSetOptions &options)
    : m_db(store.handle())
    , m_folder(folder)
    , m_stateId(stateId)
    , m_options(options)
    , m_cutoff(filterCutoffMs(options.filterType, options.nowMs))
{
}

void ChangeTracker::catchUp()
{
    execute(m_db, "SAVEPOINT change_tracker");
    const Tracked last = tracked();
    const qint64 head = logHead();
    if (!last.valid) {
        SqlStatement clear(m_db, "DELETE FROM sync_state_dirty WHERE state_id=?");
        clear.bind(1, m_stateId).run();
        listWholeFolder();
    } else {
        if (head > last.seq)
            listLoggedSince(last.seq);
        if (m_cutoff > last.cutoff && last.cutoff != 0)
            listAgedOut(last.cutoff, m_cutoff);
    }
    saveTracked(head, m_cutoff);
    pruneLog();
    execute(m_db, "RELEASE change_tracker");
}

ChangeTracker::Tracked ChangeTracker::tracked()
{
    SqlStatement q(m_db, "SELECT tracked_seq, tracked_filter, tracked_mode, tracked_cutoff FROM sync_states WHERE id=?");
    q.bind(1, m_stateId);
    if (!q.next() || q.isNull(0))
        return {};
    const bool sameOptions = q.integer(1) == m_options.filterType && (q.integer(2) != 0) == m_options.conversationMode;
    return Tracked{sameOptions, q.integer(0), q.integer(3)};
}

void ChangeTracker::saveTracked(qint64 seq, qint64 cutoff)
{
    SqlStatement q(m_db, "UPDATE sync_states SET tracked_seq=?, tracked_filter=?, tracked_mode=?, tracked_cutoff=? "
                         "WHERE id=?");
    q.bind(1, seq).bind(2, m_options.filterType).bind(3, m_options.conversationMode).bind(4, cutoff);
    q.bind(5, m_stateId).run();
}

qint64 ChangeTracker::logHead()
{
    SqlStatement q(m_db, "SELECT seq FROM sqlite_sequence WHERE name='change_log'");
    return q.next() ? q.integer(0) : 0;
}

// "told" is whether the device holds the message: those come first in Sync's
// order (removals and changes before adds).
void ChangeTracker::listWholeFolder()
{
    SqlStatement all(m_db, "INSERT OR REPLACE INTO sync_state_dirty(state_id, message_id, told, received) "
                           "SELECT ?1, id, 0, received FROM messages WHERE folder_id=?2");
    all.bind(1, m_stateId).bind(2, m_folder.id).run();
    SqlStatement told(m_db, "INSERT OR REPLACE INTO sync_state_dirty(state_id, message_id, told, received) "
                            "SELECT ?1, s.message_id, 1, coalesce(m.received, 0) FROM sync_state_items s "
                            "LEFT JOIN messages m ON m.id=s.message_id AND m.folder_id=?2 WHERE s.state_id=?1");
    told.bind(1, m_stateId).bind(2, m_folder.id).run();
}

void ChangeTracker::listLoggedSince(qint64 seq)
{
    SqlStatement logged(m_db, "INSERT OR REPLACE INTO sync_state_dirty(state_id, message_id, told, received) "
                              "SELECT ?1, c.message_id, s.message_id IS NOT NULL, coalesce(m.received, 0) "
                              "FROM (SELECT DISTINCT message_id FROM change_log WHERE folder_id=?2 AND seq>?3) c "
                              "LEFT JOIN sync_state_items s ON s.state_id=?1 AND s.message_id=c.message_id "
                              "LEFT JOIN messages m ON m.id=c.message_id AND m.folder_id=?2");
    logged.bind(1, m_stateId).bind(2, m_folder.id).bind(3, seq).run();
    if (!needsConversations(m_options))
        return;
    // A conversation that gained or lost a message in the window may take in
    // or let go its older messages.
    SqlStatement mates(m_db, "INSERT OR REPLACE INTO sync_state_dirty(state_id, message_id, told, received) "
                             "SELECT ?1, m.id, s.message_id IS NOT NULL, m.received FROM messages m "
                             "LEFT JOIN sync_state_items s ON s.state_id=?1 AND s.message_id=m.id "
                             "WHERE m.user_id=?4 AND m.folder_id=?2 AND m.conversation_id IN ("
                             "SELECT DISTINCT conversation_id FROM change_log "
                             "WHERE folder_id=?2 AND seq>?3 AND length(conversation_id)>0)");
    mates.bind(1, m_stateId).bind(2, m_folder.id).bind(3, seq).bind(4, m_folder.userId).run();
}

void ChangeTracker::listAgedOut(qint64 from, qint64 to)
{
    SqlStatement aged(m_db, "INSERT OR REPLACE INTO sync_state_dirty(state_id, message_id, told, received) "
                            "SELECT ?1, m.id, s.message_id IS NOT NULL, m.received FROM messages m "
                            "LEFT JOIN sync_state_items s ON s.state_id=?1 AND s.message_id=m.id "
                            "WHERE m.folder_id=?2 AND m.received>=?3 AND m.received<?4");
    aged.bind(1, m_stateId).bind(2, m_folder.id).bind(3, from).bind(4, to).run();
    if (!needsConversations(m_options))
        return;
    SqlStatement mates(m_db, "INSERT OR REPLACE INTO sync_state_dirty(state_id, message_id, told, received) "
                             "SELECT ?1, m.id, s.message_id IS NOT NULL, m.received FROM messages m "
                             "LEFT JOIN sync_state_items s ON s.state_id=?1 AND s.message_id=m.id "
                             "WHERE m.user_id=?5 AND m.folder_id=?2 AND m.conversation_id IN ("
                             "SELECT conversation_id FROM messages WHERE folder_id=?2 AND received>=?3 "
                             "AND received<?4 AND length(conversation_id)>0)");
    mates.bind(1, m_stateId).bind(2, m_folder.id).bind(3, from).bind(4, to).bind(5, m_folder.userId).run();
}

// What every state of the folder has read is no longer needed.
void ChangeTracker::pruneLog()
{
    SqlStatement q(m_db, "DELETE FROM change_log WHERE folder_id=?1 AND seq <= "
                         "(SELECT min(tracked_seq) FROM sync_states WHERE folder_id=?1)");
    q.bind(1, m_folder.id).run();
}

std::optional<bool> ChangeTracker::wanted(const MessageState &m)
{
    if (m_cutoff == 0 || m.receivedMs >= m_cutoff)
        return true;
    if (!needsConversations(m_options) || m.conversationId.isEmpty())
        return std::nullopt;
    SqlStatement q(m_db, "SELECT 1 FROM messages WHERE user_id=? AND conversation_id=? AND folder_id=? "
                         "AND received>=? LIMIT 1");
    q.bind(1, m_folder.userId).bindBlob(2, m.conversationId).bind(3, m_folder.id).bind(4, m_cutoff);
    return q.next() ? std::optional<bool>(false) : std::nullopt;
}

template<typename Visit>
void ChangeTracker::walk(Visit visit)
{
    // The conversation is stored after the body: read only when needed.
    SqlStatement q(m_db, needsConversations(m_options)
                             ? "SELECT d.message_id, m.id IS NOT NULL, m.received, m.read, m.flag_rev, "
                               "s.message_id IS NOT NULL, s.read, s.flag_rev, m.conversation_id "
                               "FROM sync_state_dirty d "
                               "LEFT JOIN messages m ON m.id=d.message_id AND m.folder_id=?2 "
                               "LEFT JOIN sync_state_items s ON s.state_id=d.state_id AND s.message_id=d.message_id "
                               "WHERE d.state_id=?1 ORDER BY d.told DESC, d.received DESC, d.message_id DESC"
                             : "SELECT d.message_id, m.id IS NOT NULL, m.received, m.read, m.flag_rev, "
                               "s.message_id IS NOT NULL, s.read, s.flag_rev, NULL "
                               "FROM sync_state_dirty d "
                               "LEFT JOIN messages m ON m.id=d.message_id AND m.folder_id=?2 "
                               "LEFT JOIN sync_state_items s ON s.state_id=d.state_id AND s.message_id=d.message_id "
                               "WHERE d.state_id=?1 ORDER BY d.told DESC, d.received DESC, d.message_id DESC");
    q.bind(1, m_stateId).bind(2, m_folder.id);
    while (q.next()) {
        const qint64 id = q.integer(0);
        std::optional<MessageState> now;
        if (q.integer(1) != 0)
            now = MessageState{id, q.integer(2), q.blob(8), q.integer(3) != 0, int(q.integer(4))};
        std::optional<SnapshotEntry> told;
        if (q.integer(5) != 0)
            told = SnapshotEntry{q.integer(6) != 0, int(q.integer(7))};
        const auto change = changeFor(id, told ? &*told : nullptr, now ? &*now : nullptr,
                                      now ? wanted(*now) : std::nullopt);
        if (!visit(id, now ? now->receivedMs : 0, change))
            return;
    }
}

QList<PendingChange> ChangeTracker::next(int limit, bool *more)
{
    QList<PendingChange> out;
    QList<qint64> nothingToTell;
    QHash<qint64, qint64> receivedById;
    *more = false;
    walk([&](qint64 id, qint64 received, const std::optional<PendingChange> &change) {
        if (!change) {
            nothingToTell.append(id);
            return true;
        }
        if (out.size() == limit) {
            *more = true;
            return false;
        }
        out.append(*change);
        receivedById.insert(id, received);
        return true;
    });
    for (qint64 id : std::as_const(nothingToTell))
        settle(id);
    sortForSync(out, receivedById);
    return out;
}

void ChangeTracker::settle(qint64 messageId)
{
    SqlStatement q(m_db, "DELETE FROM sync_state_dirty WHERE state_id=? AND message_id=?");
    q.bind(1, m_stateId).bind(2, messageId).run();
}

int ChangeTracker::count()
{
    int n = 0;
    walk([&](qint64, qint64, const std::optional<PendingChange> &change) {
        n += change ? 1 : 0;
        return true;
    });
    return n;
}

bool ChangeTracker::hasChanges()
{
    bool found = false;
    walk([&](qint64, qint64, const std::optional<PendingChange> &change) {
        found = change.has_value();
        return !found;
    });
    return found;
}

} // namespace skein::server
