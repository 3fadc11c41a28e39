#pragma once

// The client defects the random proofs found and that are not fixed yet,
// numbered as in docs/robustness.md "Known defects" (each has a test of
// its own marked QEXPECT_FAIL). tst_convergence and tst_crashes step
// around the ones they can and count, rather than fail on, the difference
// each leaves, unless SKEIN_ROBUSTNESS_STRICT=1. When a defect is fixed
// its helper goes.

#include "ActionTypes.h"
#include "Store.h"

#include <QMap>

#include <functional>
#include <optional>

namespace robustness {

inline bool strict()
{
    return qEnvironmentVariableIntValue("SKEIN_ROBUSTNESS_STRICT") != 0;
}

// Defect 4, "resync brings back": a resync re-adds the messages of a move still
// waiting, next to the move's placeholders; what the user does to the copy
// goes astray. Whether acting on m's conversation in m's folder would run
// into it.
inline bool actingRunsIntoAKnownDefect(const skein::Store &store, const skein::Message &m)
{
    if (m.conversationId.isEmpty())
        return false;
    QSet<QString> seen;
    for (const skein::Message &other : store.conversationMessages(m.conversationId)) {
        const QString identity = QString::fromLatin1(other.conversationIndex.toHex()) + QLatin1Char('/')
            + other.dateReceived.toString(Qt::ISODateWithMs) + QLatin1Char('/') + other.subject;
        if (seen.contains(identity))
            return true; // the same message twice
        seen.insert(identity);
    }
    return false;
}

// Defect 4 with a delete: m, in its folder under its
// ServerId, is a message the user deleted there and the server confirmed.
inline bool broughtBackAfterADelete(const skein::Store &store, const skein::Message &m)
{
    for (const skein::ActionEntry &e : store.actions(false))
        if (e.kind == skein::ActionKind::Delete && e.state == skein::ActionState::Done)
            for (const skein::ActionItem &item : e.items)
                if (item.folderId == m.folderId && item.serverId == m.serverId && item.messageId != m.id)
                    return true;
    return false;
}

// Defect 3, "Sync overwrites a change that waits": m shows another read or
// flag state than the server, and the server has exactly what m's last
// confirmed change of that field sent.
inline bool overwrittenWhileWaiting(const skein::Store &store, const skein::Message &m, bool serverRead,
                                    int serverFlagStatus)
{
    std::optional<bool> lastRead;
    std::optional<int> lastFlag;
    for (const skein::ActionEntry &e : store.actions(false)) {
        if (e.state != skein::ActionState::Done || skein::channelOf(e.kind) != skein::ActionChannel::Sync)
            continue;
        for (const skein::ActionItem &item : e.items) {
            if (item.messageId != m.id)
                continue;
            if (item.newRead)
                lastRead = *item.newRead;
            if (item.newFlag)
                lastFlag = int(item.newFlag->status);
        }
    }
    const bool readDiffers = m.read != serverRead;
    const bool flagDiffers = int(m.flag.status) != serverFlagStatus;
    return (readDiffers || flagDiffers) && (!readDiffers || lastRead == serverRead)
        && (!flagDiffers || lastFlag == serverFlagStatus);
}

// Defect 6, "interrupted changes reordered": the server has, for a field
// that differs, the value of an earlier confirmed change of the message
// that was sent more than once (a kill interrupted it), not the value of
// the last confirmed change. isThisMessage picks the message's items.
inline bool resentAfterALaterChange(const skein::Store &store,
                                    const std::function<bool(const skein::ActionItem &)> &isThisMessage,
                                    std::optional<bool> serverRead, std::optional<int> serverFlagStatus)
{
    std::optional<bool> lastRead;
    std::optional<int> lastFlag;
    bool resentRead = false, resentFlag = false; // an earlier re-sent change set the server's value
    for (const skein::ActionEntry &e : store.actions(false)) {
        if (e.state != skein::ActionState::Done || skein::channelOf(e.kind) != skein::ActionChannel::Sync)
            continue;
        for (const skein::ActionItem &item : e.items) {
            if (!isThisMessage(item))
                continue;
            if (item.newRead) {
                resentRead |= e.attempts > 1 && item.newRead == serverRead;
                lastRead = *item.newRead;
            }
            if (item.newFlag) {
                resentFlag |= e.attempts > 1 && int(item.newFlag->status) == serverFlagStatus;
                lastFlag = int(item.newFlag->status);
            }
        }
    }
    const bool readWrong = serverRead && lastRead && lastRead != serverRead;
    const bool flagWrong = serverFlagStatus && lastFlag && lastFlag != serverFlagStatus;
    return (readWrong || flagWrong) && (!readWrong || resentRead) && (!flagWrong || resentFlag);
}

struct ServerCopy {
    bool read = false;
    int flagStatus = 0;
};

// The known defect that leaves this difference between the device and the
// server in the folder with id folderId under serverId (device: the row
// there, if any; server: the server's message there, if any), by its
// number in docs/robustness.md; empty when none does.
inline QString knownDefectBehind(const skein::Store &store, [[maybe_unused]] const QString &folderId,
                                 [[maybe_unused]] const QString &serverId,
                                 const std::optional<skein::Message> &device, const std::optional<ServerCopy> &server)
{
    if (!device)
        return {};
    if (!server)
        return broughtBackAfterADelete(store, *device) ? QStringLiteral("4 resync brings back") : QString();
    if (overwrittenWhileWaiting(store, *device, server->read, server->flagStatus))
        return QStringLiteral("3 Sync overwrites a waiting change");
    const qint64 row = device->id;
    if (resentAfterALaterChange(store, [row](const skein::ActionItem &item) { return item.messageId == row; },
                                server->read, server->flagStatus))
        return QStringLiteral("6 interrupted changes reordered");
    return {};
}

// "3 Sync overwrites a waiting change x1", or "none".
inline QString describeDefects(const QMap<QString, int> &counts)
{
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts.append(QStringLiteral("%1 x%2").arg(it.key()).arg(it.value()));
    return parts.isEmpty() ? QStringLiteral("none") : parts.join(QStringLiteral(", "));
}

} // namespace robustness
