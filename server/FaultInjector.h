#pragma once

#include "ServerStore.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QUrl>

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
// sends nothing), "hold:COMMAND:MS" (the next request of COMMAND, e.g. Sync,
// is processed at once but answered MS milliseconds later),
// "autodiscover-redirect:URL" (every Autodiscover request, JSON or POX, is
// answered 302 Location: URL for the life of the process; URL holds no comma),
// "refuse-recipient:ADDRESS" (for the life of the process, every message
// naming ADDRESS in To, Cc or Bcc answers Status 116, MessageRecipientUnresolved,
// and goes to nobody: the address book does not know it).
class FaultInjector
{
public:
    // The next `count` HTTP requests of any kind get `httpStatus` (503 adds Retry-After: 1).
    void failNextRequests(int httpStatus, int count)
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

    // The next Sync of that folder (collection id or display name, any user)
    // answers Status 3 and drops the device's state for it.
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

    void holdNext(const QString &command, int ms) { m_holds[command.toCaseFolded()].append(ms); }
    std::optional<int> takeHold(const QString &command)
    {
        const auto it = m_holds.find(command.toCaseFolded());
        return it == m_holds.end() ? std::nullopt : take(*it);
    }

    // Where every Autodiscover request is sent (302); empty: answered normally.
    void setAutodiscoverRedirect(const QUrl &target) { m_autodiscoverRedirect = target; }
    QUrl autodiscoverRedirect() const { return m_autodiscoverRedirect; }

    // Addresses compared case-insensitively, without display names.
    void refuseRecipient(const QString &address) { m_refusedRecipients.insert(address.trimmed().toCaseFolded()); }
    bool refusesRecipient(const QString &address) const
    {
        return m_refusedRecipients.contains(address.trimmed().toCaseFolded());
    }

    // Applies a spec string (see above); false (and *error) when it is malformed.
    bool applyFaultSpec(const QString &spec, QString *error = nullptr)
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
            if (kind == QLatin1String("autodiscover-redirect")) {
                const QUrl target(arg, QUrl::StrictMode);
                if (target.isValid() && !target.scheme().isEmpty() && !target.host().isEmpty()) {
                    m_autodiscoverRedirect = target;
                    continue;
                }
            }
            if (kind == QLatin1String("refuse-recipient") && arg.contains(QLatin1Char('@'))) {
                refuseRecipient(arg);
                continue;
            }
            if (kind == QLatin1String("hold")) {
                const int ms = arg.section(QLatin1Char(':'), 1).toInt(&ok);
                const QString command = arg.section(QLatin1Char(':'), 0, 0);
                if (ok && ms >= 0 && !command.isEmpty()) {
                    holdNext(command, ms);
                    continue;
                }
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
                    *error = QStringLiteral("bad fault spec '%1' (use 503:N, 500:N, sync3:FOLDER, move:STATUS, send:STATUS, refuse-recipient:ADDRESS, hold:COMMAND:MS or autodiscover-redirect:URL)").arg(item);
                return false;
            }
            failNextRequests(status, count);
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
    QHash<QString, QList<int>> m_holds; // by case-folded command name
    QUrl m_autodiscoverRedirect;
    QSet<QString> m_refusedRecipients; // case-folded addresses
};

} // namespace skein::server
