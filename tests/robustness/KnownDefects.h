#pragma once

// The client defects the random proofs found and that are not fixed yet,
// numbered as in docs/robustness.md "Known defects" (each has a test of
// its own marked QEXPECT_FAIL). tst_convergence and tst_crashes count,
// rather than fail on, the difference each leaves, unless
// SKEIN_ROBUSTNESS_STRICT=1. When a defect is fixed its helper goes.

#include "ActionTypes.h"
#include "Store.h"

#include <QMap>

#include <optional>

namespace robustness {

inline bool strict()
{
    return qEnvironmentVariableIntValue("SKEIN_ROBUSTNESS_STRICT") != 0;
}

struct ServerCopy {
    bool read = false;
    int flagStatus = 0;
};

// Defect 7, "undo lands on another message": m shows another read or flag
// state than the server, the one a refused change of another message had
// to restore: that message's row had m's id, which SQLite gave to m once
// a Sync deleted that row.
inline bool undoneAsAnotherMessage(const skein::Store &store, const skein::Message &m, bool serverRead,
                                   int serverFlagStatus)
{
    const bool readDiffers = m.read != serverRead;
    const bool flagDiffers = int(m.flag.status) != serverFlagStatus;
    for (const skein::ActionEntry &e : store.actions(false)) {
        if (e.state != skein::ActionState::Failed || skein::channelOf(e.kind) != skein::ActionChannel::Sync
            || e.kind == skein::ActionKind::Delete)
            continue;
        for (const skein::ActionItem &item : e.items)
            if (item.messageId == m.id && (item.folderId != m.folderId || item.serverId != m.serverId)
                && (!readDiffers || m.read == item.read) && (!flagDiffers || m.flag.status == item.flag.status))
                return true;
    }
    return false;
}

// The known defect that leaves this difference between the device and the
// server in the folder with id folderId under serverId (device: the row
// there, if any; server: the server's message there, if any), by its
// number in docs/robustness.md; empty when none does.
inline QString knownDefectBehind(const skein::Store &store, [[maybe_unused]] const QString &folderId,
                                 [[maybe_unused]] const QString &serverId,
                                 const std::optional<skein::Message> &device, const std::optional<ServerCopy> &server)
{
    if (device && server && undoneAsAnotherMessage(store, *device, server->read, server->flagStatus))
        return QStringLiteral("7 undo lands on another message");
    return {};
}

// "7 undo lands on another message x1", or "none".
inline QString describeDefects(const QMap<QString, int> &counts)
{
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts.append(QStringLiteral("%1 x%2").arg(it.key()).arg(it.value()));
    return parts.isEmpty() ? QStringLiteral("none") : parts.join(QStringLiteral(", "));
}

} // namespace robustness
