// SyncRunner's side of conversation actions: replaying the journal and
// finding a conversation across folders ([MS-ASCON] 3.1.4).

#include "SyncRunner.h"

#include "SearchCommand.h"
#include "StatusText.h"

#include <QLoggingCategory>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcSync)

namespace skein::eas {

namespace {

// Both answers list the conversation newest first, like the conversation view.
bool newestFirst(const Message &a, const Message &b)
{
    return a.dateReceived > b.dateReceived;
}

} // namespace

ActionReplayer::Report SyncRunner::replayActions()
{
    ActionReplayer::Report report = m_replayer->replay([this](const Folder &folder) { return syncFolder(folder); });
    if (report.error != ErrorKind::None)
        qCInfo(lcSync) << "Action replay stopped; entries stay pending:" << report.message;
    return report;
}

SyncReport SyncRunner::replayAndSync()
{
    SyncReport report = connect();
    if (!report.ok())
        return report;
    const ActionReplayer::Report replayed = replayActions();
    if (replayed.error != ErrorKind::None) {
        report.error = replayed.error;
        report.message = replayed.message;
        return report;
    }
    const QString version = m_session.account().protocolVersion;
    for (const QString &folderId : replayed.folders) {
        const std::optional<Folder> folder = m_store.folder(folderId);
        if (!folder || replayed.syncedFolders.contains(folderId) || !shouldSync(*folder, version))
            continue;
        report.folders.append(syncFolder(*folder));
    }
    return report;
}

FindResult SyncRunner::findLocally(const QByteArray &conversationId, const QString &why)
{
    FindResult result;
    result.conversationId = conversationId;
    result.note = QStringLiteral("%1 Showing what this computer has synced instead (all synced folders).").arg(why);
    result.messages = m_store.conversationMessages(conversationId);
    std::sort(result.messages.begin(), result.messages.end(), newestFirst);
    return result;
}

FindResult SyncRunner::find(const QByteArray &conversationId)
{
    EasReply reply;
    const SearchCommand::Result found = m_session.run(SearchCommand(conversationId), &reply);
    if (!reply.ok())
        return findLocally(conversationId, QStringLiteral("The server could not search: %1").arg(reply.message));
    if (!found.error.isEmpty())
        return findLocally(conversationId, QStringLiteral("The server's search answer could not be read."));
    if (found.status != 1 || found.storeStatus != 1) {
        const int status = found.status != 1 ? found.status : found.storeStatus;
        return findLocally(conversationId, statusText("Search", status));
    }
    FindResult result;
    result.conversationId = conversationId;
    result.fromServer = true;
    for (const SearchCommand::Found &f : found.found)
        result.messages.append(f.message);
    std::sort(result.messages.begin(), result.messages.end(), newestFirst);
    return result;
}

} // namespace skein::eas
