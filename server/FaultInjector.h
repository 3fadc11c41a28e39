#pragma once

#include "ServerStore.h"

#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace skein::server {

// Knobs for client robustness tests: HTTP error bursts, a forced Sync
// status 3 for one folder, and forced statuses for the next conversation
// Move or send. Spec strings (command line --fault, env SKEIN_SERVER_FAULT,
// comma separated): "503:N" (N answers 503 with Retry-After: 1), "500:N",
// "sync3:FOLDER" (FOLDER = collection id or display name; the next Sync of
// it answers Status 3 and drops its state), "move:S" (the next ItemOperations
// conversation Move answers Status S and changes nothing; repeat for more),
// "send:S" (the next SendMail/SmartReply/SmartForward answers Status S and
// sends nothing).
class FaultInjector
{
public:
    void failNext(int httpStatus, int count)
    {
        m_httpStatus = httpStatus;
        m_remaining = count;
    }
    // Consumes one pending HTTP fault.
    std::optional<int> takeHttpFault()
    {
        if (m_remaining <= 0)
            return std::nullopt;
        --m_remaining;
        return m_httpStatus;
    }
    int pendingHttpFaults() const { return m_remaining; }

    void forceSyncStatus3(const QString &folderIdOrName) { m_forced.insert(folderIdOrName.toCaseFolded()); }
    bool takeForcedStatus3(const FolderRow &folder)
    {
        return m_forced.remove(QString::number(folder.id)) || m_forced.remove(folder.name.toCaseFolded());
    }

    // Queued per operation so a test can script several answers in order.
    void forceMoveStatus(int status) { m_moveStatuses.append(status); }
    std::optional<int> takeMoveStatus() { return take(m_moveStatuses); }
    void forceSendStatus(int status) { m_sendStatuses.append(status); }
    std::optional<int> takeSendStatus() { return take(m_sendStatuses); }

    // Applies a spec string; false (and *error) when it is malformed.
    bool apply(const QString &spec, QString *error)
    {
        for (const QString &part : spec.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString item = part.trimmed();
            const int colon = item.indexOf(QLatin1Char(':'));
            const QString kind = item.left(colon);
            const QString arg = colon < 0 ? QString() : item.mid(colon + 1);
            bool ok = false;
            if (kind == QLatin1String("sync3") && !arg.isEmpty()) {
                forceSyncStatus3(arg);
                continue;
            }
            if (kind == QLatin1String("move") || kind == QLatin1String("send")) {
                const int forced = arg.toInt(&ok);
                if (ok && forced > 0) {
                    (kind == QLatin1String("move") ? m_moveStatuses : m_sendStatuses).append(forced);
                    continue;
                }
            }
            const int status = kind.toInt(&ok);
            const int count = arg.isEmpty() ? 1 : arg.toInt(&ok);
            if (!ok || status < 400 || status > 599 || count < 0) {
                if (error)
                    *error = QStringLiteral("bad fault spec '%1' (use 503:N, 500:N, sync3:FOLDER, move:STATUS or send:STATUS)").arg(item);
                return false;
            }
            failNext(status, count);
        }
        return true;
    }

private:
    static std::optional<int> take(QList<int> &queue)
    {
        if (queue.isEmpty())
            return std::nullopt;
        return queue.takeFirst();
    }

    int m_httpStatus = 503;
    int m_remaining = 0;
    QSet<QString> m_forced;
    QList<int> m_moveStatuses;
    QList<int> m_sendStatuses;
};

} // namespace skein::server
