#pragma once

#include "ServerStore.h"

#include <QHash>
#include <QList>

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

// Deletes and soft deletes first, then changes, then adds newest first.
QList<PendingChange> pendingChanges(const QList<MessageState> &folder,
                                    const QHash<qint64, SnapshotEntry> &snapshot,
                                    const ResultSetOptions &options);

} // namespace skein::server
