#pragma once

#include "ActionTypes.h"
#include "Store.h"

namespace skein {

// The persistent, ordered list of what the user did that the server has not
// confirmed yet (design.md, data flow 2-3). ConversationActions appends; the
// sync engine's ActionReplayer drains it and reports each entry done or
// failed. A failed entry's local change is rolled back here, in the same
// transaction that records the reason, so the store never shows a change the
// server refused. Lives on the thread of its Store.
class ActionJournal
{
public:
    explicit ActionJournal(Store &store);

    // Appends without a transaction of its own: the caller wraps the local
    // change and this call in one. Returns the id, 0 on failure.
    qint64 append(ActionEntry entry);

    std::optional<ActionEntry> entry(qint64 id) const;
    QList<ActionEntry> unfinished() const; // pending and sending, oldest first
    QList<ActionEntry> all() const;

    // Before a request carries them: 'sending', attempts + 1.
    bool markSending(const QList<qint64> &ids);
    // The request never reached the server (network, throttling): back to
    // 'pending', nothing rolled back.
    bool markPending(const QList<qint64> &ids);
    // Saves per-item progress (e.g. confirmed MoveItems) without changing state.
    bool saveProgress(const ActionEntry &entry);
    // Done: the entry's rule (ignore / always-move) becomes active.
    bool markDone(const ActionEntry &entry);
    // Failed: rolls back the items listed (all when empty), records the
    // reason, marks the entry's rule failed. One transaction.
    bool markFailed(const ActionEntry &entry, const QString &reason,
                    const QList<int> &failedItems = {});

    QString lastError() const { return m_error; }

    // The exact undo of one item's local effect (no transaction of its own).
    bool rollbackItem(ActionKind kind, const ActionItem &item);

private:
    bool setState(const QList<qint64> &ids, ActionState state, bool countAttempt);
    bool fail(const QString &what);

    Store &m_store;
    QString m_error;
};

} // namespace skein
