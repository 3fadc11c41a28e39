// SyncRunner's side of conversation actions: replaying the journal and
// finding a conversation across folders ([MS-ASCON] 3.1.4).

#include "SyncRunner.h"

#include "SearchCommand.h"
#include "StatusText.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QScopeGuard>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcSync)

namespace skein::eas {

namespace {

// Both answers list the conversation newest first, like the conversation view.
bool newestFirst(const Message &a, const Message &b)
{
    return a.dateReceived > b.dateReceived;
}

// findLocally's reason when the server cannot search by conversation at all.
const QString kCannotSearch = QStringLiteral("cannot-search-by-conversation");

} // namespace

ActionReplayer::Report SyncRunner::replayActions()
{
    ++m_replayDepth;
    const auto replayed = qScopeGuard([this] { --m_replayDepth; });
    ActionReplayer::Report report = m_replayer->replay([this](const Folder &folder) { return syncFolder(folder); });
    if (report.error != ErrorKind::None)
        qCInfo(lcSync) << "Action replay stopped; entries stay pending:" << report.message;
    return report;
}

SyncReport SyncRunner::replayAndSync()
{
    SyncReport report = connect();
    if (!report.ok()) {
        m_outbox->noteNotReached(report.message);
        return report;
    }
    const ActionReplayer::Report replayed = replayActions();
    if (replayed.error != ErrorKind::None) {
        report.error = replayed.error;
        report.message = replayed.message;
        return report;
    }
    const OutboxSender::Report sent = sendOutbox();
    if (sent.error != ErrorKind::None) {
        report.error = sent.error;
        report.message = sent.message;
        return report;
    }
    syncTouchedFolders(replayed, report);
    if (sent.savedToSentItems)
        syncSentItems(replayed.syncedFolders + replayed.folders, report);
    sendLocalRuleMoves(replayed, report);
    return report;
}

OutboxSender::Report SyncRunner::sendOutbox()
{
    OutboxSender::Report report = m_outbox->sendAll();
    if (report.error != ErrorKind::None)
        qCInfo(lcSync) << "Outbox stopped;" << report.waiting << "message(s) wait:" << report.message;
    return report;
}

void SyncRunner::syncSentItems(const QSet<QString> &alreadySynced, SyncReport &report)
{
    const QString version = m_session.account().protocolVersion;
    for (const Folder &folder : m_store.folderStore().folders()) {
        if (folder.type != FolderType::SentItems || alreadySynced.contains(folder.serverId) || !shouldSync(folder, version))
            continue;
        if (!appendFolderReport(report, syncFolder(folder)))
            return;
    }
}

void SyncRunner::syncTouchedFolders(const ActionReplayer::Report &replayed, SyncReport &report)
{
    const QString version = m_session.account().protocolVersion;
    for (const QString &folderId : replayed.folders) {
        const std::optional<Folder> folder = m_store.folderStore().folder(folderId);
        if (!folder || replayed.syncedFolders.contains(folderId) || !shouldSync(*folder, version))
            continue;
        if (!appendFolderReport(report, syncFolder(*folder)))
            return;
    }
}

void SyncRunner::sendLocalRuleMoves(const ActionReplayer::Report &earlier, SyncReport &report)
{
    if (earlier.error != ErrorKind::None || !report.ok() || !m_replayer->hasLocalRuleMoves())
        return;
    // MoveItems names the new ServerIds, but only the target's Sync makes
    // the server count the messages as this device's, and tell it when
    // they leave; the source's next Sync sends a Delete for the old id,
    // which no longer names a row there.
    const ActionReplayer::Report moved = replayActions();
    if (moved.error == ErrorKind::None)
        syncTouchedFolders(moved, report);
}

FindResult SyncRunner::findLocally(const QByteArray &conversationId, const QString &why)
{
    FindResult result;
    result.conversationId = conversationId;
    result.note = why == kCannotSearch
        ? QCoreApplication::translate("skein::eas::SyncRunner", "Searched this computer: the server cannot search by conversation. These are "
                                                                "the messages of all synced folders.")
        : QCoreApplication::translate("skein::eas::SyncRunner", "%1 Showing what this computer has synced instead (all synced folders).").arg(why);
    result.messages = m_store.messageStore().conversationMessages(conversationId);
    std::sort(result.messages.begin(), result.messages.end(), newestFirst);
    return result;
}

ServerSearchResult SyncRunner::searchServer(const QString &words)
{
    ServerSearchResult result;
    result.words = words;
    const SearchCommand command = SearchCommand::freeText(words);
    if (const QString refusal = command.refusal(); !refusal.isEmpty()) {
        result.error = refusal;
        return result;
    }
    EasReply reply;
    const SearchCommand::Result found = m_session.run(command, &reply);
    if (!reply.ok())
        result.error = QCoreApplication::translate("skein::eas::SyncRunner", "The server could not search: %1").arg(reply.message);
    else if (!found.error.isEmpty())
        result.error = QCoreApplication::translate("skein::eas::SyncRunner", "The server's search answer could not be read.");
    else if (found.status != 1 || found.storeStatus != 1)
        result.error = statusText("Search", found.status != 1 ? found.status : found.storeStatus);
    if (!result.error.isEmpty())
        return result;
    result.total = found.total;
    for (const SearchCommand::Found &f : found.found)
        result.messages.append(f.message);
    std::sort(result.messages.begin(), result.messages.end(), newestFirst);
    return result;
}

FindResult SyncRunner::find(const QByteArray &conversationId)
{
    // An id Skein inferred is never sent: the local store is the answer.
    const QString refusal = SearchCommand(conversationId).refusal();
    if (!refusal.isEmpty())
        return findLocally(conversationId, refusal);
    // Learned earlier (kept in the store): do not ask again.
    if (m_store.accountStore().capability(Capability::SearchByConversation) == CapabilityState::Refused)
        return findLocally(conversationId, kCannotSearch);
    EasReply reply;
    const SearchCommand::Result found = m_session.run(SearchCommand(conversationId), &reply);
    // SOGo 5.8 answers a Search by ConversationId with a bare HTTP 500.
    if (reply.httpStatus == 500 || reply.httpStatus == 501 || (reply.ok() && !reply.root())) {
        m_store.accountStore().setCapability(Capability::SearchByConversation, CapabilityState::Refused);
        return findLocally(conversationId, kCannotSearch);
    }
    if (!reply.ok())
        return findLocally(conversationId, QCoreApplication::translate("skein::eas::SyncRunner", "The server could not search: %1").arg(reply.message));
    if (!found.error.isEmpty())
        return findLocally(conversationId, QCoreApplication::translate("skein::eas::SyncRunner", "The server's search answer could not be read."));
    if (found.status != 1 || found.storeStatus != 1) {
        const int status = found.status != 1 ? found.status : found.storeStatus;
        return findLocally(conversationId, statusText("Search", status));
    }
    if (m_store.accountStore().capability(Capability::SearchByConversation) != CapabilityState::Supported)
        m_store.accountStore().setCapability(Capability::SearchByConversation, CapabilityState::Supported);
    FindResult result;
    result.conversationId = conversationId;
    result.fromServer = true;
    for (const SearchCommand::Found &f : found.found)
        result.messages.append(f.message);
    std::sort(result.messages.begin(), result.messages.end(), newestFirst);
    return result;
}

} // namespace skein::eas
