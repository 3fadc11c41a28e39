#include "SyncChanges.h"

#include <QSet>

#include <algorithm>

namespace skein::server {

qint64 filterCutoffMs(int filterType, qint64 nowMs)
{
    constexpr qint64 day = 24LL * 3600 * 1000;
    switch (filterType) {
    case 1: return nowMs - day;
    case 2: return nowMs - 3 * day;
    case 3: return nowMs - 7 * day;
    case 4: return nowMs - 14 * day;
    case 5: return nowMs - 30 * day;
    case 6: return nowMs - 90 * day;
    case 7: return nowMs - 180 * day;
    default: return 0;
    }
}

bool needsConversations(const ResultSetOptions &options)
{
    return options.conversationMode && filterCutoffMs(options.filterType, options.nowMs) != 0;
}

QHash<qint64, bool> resultSet(const QList<MessageState> &folder, const ResultSetOptions &options)
{
    const qint64 cutoff = filterCutoffMs(options.filterType, options.nowMs);
    QHash<qint64, bool> out;
    out.reserve(folder.size()); // one rehash-free build: this runs per Sync request
    const bool needed = needsConversations(options);
    QSet<QByteArray> conversations;
    for (const MessageState &m : folder) {
        if (cutoff == 0 || m.receivedMs >= cutoff) {
            out.insert(m.id, true);
            if (needed && !m.conversationId.isEmpty())
                conversations.insert(m.conversationId);
        }
    }
    if (needed) {
        for (const MessageState &m : folder)
            if (!out.contains(m.id) && !m.conversationId.isEmpty() && conversations.contains(m.conversationId))
                out.insert(m.id, false);
    }
    return out;
}

QList<PendingChange> pendingChanges(const QList<MessageState> &folder,
                                    const QHash<qint64, SnapshotEntry> &snapshot,
                                    const ResultSetOptions &options)
{
    const QHash<qint64, bool> wanted = resultSet(folder, options);
    QHash<qint64, const MessageState *> byId;
    byId.reserve(folder.size());
    for (const MessageState &m : folder)
        byId.insert(m.id, &m);

    QList<PendingChange> removals;
    QList<PendingChange> changes;
    QList<std::pair<qint64, PendingChange>> adds; // (received, change)
    for (auto it = snapshot.cbegin(); it != snapshot.cend(); ++it) {
        PendingChange c;
        c.messageId = it.key();
        const auto found = byId.constFind(it.key());
        if (found == byId.cend()) {
            c.kind = ChangeKind::Delete;
            removals.append(c);
        } else if (!wanted.contains(it.key())) {
            c.kind = ChangeKind::SoftDelete;
            removals.append(c);
        } else if (it->movedOut()) {
            continue; // moved out by the device and back again: an Add below
        } else {
            const MessageState &m = **found;
            c.readChanged = m.read != it->read;
            c.flagChanged = m.flagRev != it->flagRev;
            if (c.readChanged || c.flagChanged) {
                c.kind = ChangeKind::Change;
                c.now = SnapshotEntry{m.read, m.flagRev};
                changes.append(c);
            }
        }
    }
    for (const MessageState &m : folder) {
        const auto w = wanted.constFind(m.id);
        const auto told = snapshot.constFind(m.id);
        if (w == wanted.cend() || (told != snapshot.cend() && !told->movedOut()))
            continue;
        PendingChange c;
        c.kind = ChangeKind::Add;
        c.messageId = m.id;
        c.inWindow = *w;
        c.now = SnapshotEntry{m.read, m.flagRev};
        adds.append({m.receivedMs, c});
    }
    auto byId2 = [](const PendingChange &a, const PendingChange &b) { return a.messageId < b.messageId; };
    std::sort(removals.begin(), removals.end(), byId2);
    std::sort(changes.begin(), changes.end(), byId2);
    std::sort(adds.begin(), adds.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first > b.first : a.second.messageId > b.second.messageId;
    });
    QList<PendingChange> out = removals + changes;
    for (const auto &a : adds)
        out.append(a.second);
    return out;
}

} // namespace skein::server
