#pragma once

// The client defects the random proofs found and that are not fixed yet,
// numbered as in docs/robustness.md "Known defects" (each has a test of
// its own marked QEXPECT_FAIL). tst_convergence and tst_crashes step
// around the ones they can and count, rather than fail on, the difference
// each leaves, unless SKEIN_ROBUSTNESS_STRICT=1. When a defect is fixed
// its helper goes.

#include "ActionTypes.h"
#include "StatusText.h"
#include "Store.h"

#include <QMap>

#include <functional>
#include <optional>

namespace robustness {

inline bool strict()
{
    return qEnvironmentVariableIntValue("SKEIN_ROBUSTNESS_STRICT") != 0;
}

// Defect 2, "placeholder id": an action on a message whose move the server has
// not confirmed yet is sent with the move's placeholder ServerId. Whether
// acting on m's conversation in m's folder would run into it.
inline bool actingRunsIntoAKnownDefect(const skein::Store &store, const skein::Message &m)
{
    if (store.isMoving(m.id))
        return true;
    if (m.conversationId.isEmpty())
        return false;
    for (const skein::Message &other : store.conversationMessages(m.conversationId))
        if (other.folderId == m.folderId && store.isMoving(other.id))
            return true;
    return false;
}

// Defect 1, "refused move puts back": m was put back by a move the server
// refused because its source was gone (MoveItems status 1), after the
// source folder's Sync had already said it is gone.
inline bool putBackByARefusedMove(const skein::Store &store, const skein::Message &m)
{
    const QString sourceGone = skein::eas::statusText("MoveItems", 1);
    for (const skein::ActionEntry &e : store.actions(false))
        if (e.kind == skein::ActionKind::Move && e.state == skein::ActionState::Failed && e.error == sourceGone)
            for (const skein::ActionItem &item : e.items)
                if (item.messageId == m.id && item.folderId == m.folderId && item.serverId == m.serverId)
                    return true;
    return false;
}

// Defect 1 seen from the target: the target's Sync had given the
// move's placeholder the server's new id before the refusal took the row
// back, so the message the server holds in folderId under serverId is
// missing. The reference server keeps a message's number across folders
// (FOLDER:NUMBER), which tells the refused item.
inline bool lostByARefusedMove(const skein::Store &store, const QString &folderId, const QString &serverId)
{
    const QString sourceGone = skein::eas::statusText("MoveItems", 1);
    const QString number = serverId.section(QLatin1Char(':'), 1);
    for (const skein::ActionEntry &e : store.actions(false))
        if (e.kind == skein::ActionKind::Move && e.state == skein::ActionState::Failed && e.error == sourceGone)
            for (const skein::ActionItem &item : e.items)
                if (item.targetFolderId == folderId && item.serverId.section(QLatin1Char(':'), 1) == number)
                    return true;
    return false;
}

// Defect 5, "target synced before the move": m sits where the user's
// confirmed MoveItems put it, under the id the answer named, though the
// server no longer has it there (another device moved it on before the
// target's next Sync, which skipped it).
inline bool leftWhereAConfirmedMovePutIt(const skein::Store &store, const skein::Message &m)
{
    for (const skein::ActionEntry &e : store.actions(false))
        if (e.kind == skein::ActionKind::Move && e.state == skein::ActionState::Done)
            for (const skein::ActionItem &item : e.items)
                if (item.messageId == m.id && item.targetFolderId == m.folderId && item.newServerId == m.serverId)
                    return true;
    return false;
}

struct ServerCopy {
    bool read = false;
    int flagStatus = 0;
};

// The known defect that leaves this difference between the device and the
// server in the folder with id folderId under serverId (device: the row
// there, if any; server: the server's message there, if any), by its
// number in docs/robustness.md; empty when none does.
inline QString knownDefectBehind(const skein::Store &store, const QString &folderId, const QString &serverId,
                                 const std::optional<skein::Message> &device, const std::optional<ServerCopy> &server)
{
    if (!device)
        return lostByARefusedMove(store, folderId, serverId) ? QStringLiteral("1 refused move") : QString();
    if (!server) {
        if (putBackByARefusedMove(store, *device))
            return QStringLiteral("1 refused move");
        if (leftWhereAConfirmedMovePutIt(store, *device))
            return QStringLiteral("5 target synced before the move");
        return {};
    }
    return {};
}

// "1 refused move x2, 3 Sync overwrites a waiting change x1", or "none".
inline QString describeDefects(const QMap<QString, int> &counts)
{
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts.append(QStringLiteral("%1 x%2").arg(it.key()).arg(it.value()));
    return parts.isEmpty() ? QStringLiteral("none") : parts.join(QStringLiteral(", "));
}

} // namespace robustness
