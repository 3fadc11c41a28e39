#pragma once

#include "ServerStore.h"

#include <QHash>
#include <QList>

#include <optional>

namespace skein::server {

// The result set of a mail folder for one filter, and what a device must be
// told to get from its snapshot to it. Shared by Sync and GetItemEstimate.
struct ResultSetOptions {
    int filterType = 0;            // 0-5 for mail: all, 1 day, 3 days, 1 week, 2 weeks, 1 month
    bool conversationMode = false; // add every folder message sharing a ConversationId with the window
    qint64 nowMs = 0;
};

enum class ChangeKind { Delete, SoftDelete, Change, Add };

struct PendingChange {
    ChangeKind kind = ChangeKind::Add;
    qint64 messageId = 0;
    bool inWindow = true; // false: only in the set through ConversationMode
    bool readChanged = false;
    bool flagChanged = false;
    SnapshotEntry now;
};

// 0 when the filter does not limit by date.
qint64 filterCutoffMs(int filterType, qint64 nowMs);

// message id -> inside the date window (false: conversation member only).
// Whether resultSet() reads MessageState::conversationId: only conversation
// mode with a date filter does; folderStates() can skip loading it otherwise.
bool needsConversations(const ResultSetOptions &options);
QHash<qint64, bool> resultSet(const QList<MessageState> &folder, const ResultSetOptions &options);

// What the device must be told about one message, if anything. told: what it
// was told last (nullptr: nothing); now: the message in the folder (nullptr:
// gone from it); wanted: whether the result set holds it (nullopt: no), and
// if so whether inside the date window.
std::optional<PendingChange> changeFor(qint64 messageId, const SnapshotEntry *told, const MessageState *now,
                                       std::optional<bool> wanted);

// Removals by id, then changes by id, then adds newest first: Sync's order.
void sortForSync(QList<PendingChange> &changes, const QHash<qint64, qint64> &receivedById);

// The whole diff of a folder against a snapshot, in Sync's order.
QList<PendingChange> pendingChanges(const QList<MessageState> &folder,
                                    const QHash<qint64, SnapshotEntry> &snapshot,
                                    const ResultSetOptions &options);

} // namespace skein::server
