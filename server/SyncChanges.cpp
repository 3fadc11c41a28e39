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

std::optional<PendingChange> changeFor(qint64 messageId, const SnapshotEntry *told, const MessageState *now,
                                       std::optional<bool> wanted)
{
    PendingChange c;
    c.messageId = messageId;
    if (told) {
        if (!now) {
            c.kind = ChangeKind::Delete;
            return c;
        }
        if (!wanted) {
            c.kind = ChangeKind::SoftDelete;
            return c;
        }
        if (!told->movedOut()) {
            c.readChanged = now->read != told->read;
            c.flagChanged = now->flagRev != told->flagRev;
            if (!c.readChanged && !c.flagChanged)
                return std::nullopt;
            c.kind = ChangeKind::Change;
            c.now = SnapshotEntry{now->read, now->flagRev};
            return c;
        }
    }
    if (!now || !wanted)
        return std::nullopt;
    // Never told, or moved out by the device and back again: an Add.
    c.kind = ChangeKind::Add;
    c.inWindow = *wanted;
    c.now = SnapshotEntry{now->read, now->flagRev};
    return c;
}

void sortForSync(QList<PendingChange> &changes, const QHash<qint64, qint64> &receivedById)
{
    auto rank = [](const PendingChange &c) {
        return c.kind == ChangeKind::Add ? 2 : c.kind == ChangeKind::Change ? 1 : 0;
    };
    std::stable_sort(changes.begin(), changes.end(), [&](const PendingChange &a, const PendingChange &b) {
        if (rank(a) != rank(b))
            return rank(a) < rank(b);
        if (rank(a) < 2)
            return a.messageId < b.messageId;
        const qint64 ra = receivedById.value(a.messageId), rb = receivedById.value(b.messageId);
        return ra != rb ? ra > rb : a.messageId > b.messageId;
    });
}

QList<PendingChange> pendingChanges(const QList<MessageState> &folder,
                                    const QHash<qint64, SnapshotEntry> &snapshot,
                                    const ResultSetOptions &options)
{
    const QHash<qint64, bool> wanted = resultSet(folder, options);
    QHash<qint64, qint64> receivedById;
    receivedById.reserve(folder.size());
    QList<PendingChange> out;
    for (const MessageState &m : folder) {
        receivedById.insert(m.id, m.receivedMs);
        const auto told = snapshot.constFind(m.id);
        const auto w = wanted.constFind(m.id);
        if (auto c = changeFor(m.id, told == snapshot.cend() ? nullptr : &*told, &m,
                               w == wanted.cend() ? std::nullopt : std::optional<bool>(*w)))
            out.append(*c);
    }
    for (auto it = snapshot.cbegin(); it != snapshot.cend(); ++it) {
        if (receivedById.contains(it.key()))
            continue;
        if (auto c = changeFor(it.key(), &*it, nullptr, std::nullopt))
            out.append(*c);
    }
    sortForSync(out, receivedById);
    return out;
}

} // namespace skein::server
