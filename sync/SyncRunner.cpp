#include "SyncRunner.h"

#include "FolderSyncCommand.h"
#include "GetItemEstimateCommand.h"
#include "ItemOperationsFetchCommand.h"
#include "StatusText.h"
#include "SyncCommand.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSync, "skein.sync")

namespace skein::eas {

namespace {

// A folder that keeps answering MoreAvailable still ends; the next sync goes on.
constexpr int kMaxRoundsPerFolder = 100000;
constexpr int kMaxResyncs = 2;

bool atLeast14(const QString &version)
{
    return version.section(QLatin1Char('.'), 0, 0).toInt() >= 14;
}

} // namespace

SyncRunner::SyncRunner(EasSession &session, Store &store, SyncOptions options)
    : m_session(session)
    , m_store(store)
    , m_options(options)
    , m_replayer(std::make_unique<ActionReplayer>(session, store))
{
}

SyncRunner::~SyncRunner() = default;

bool SyncRunner::shouldSync(const Folder &folder, const QString &protocolVersion)
{
    if (!isMailFolder(folder.type))
        return false;
    // [MS-ASCMD] 3.1.5.4: clients MUST NOT sync Drafts with 2.5 to 14.1.
    if (folder.type == FolderType::Drafts)
        return protocolVersion.startsWith(QLatin1String("16."));
    return true;
}

SyncReport SyncRunner::connect()
{
    SyncReport report;
    if (m_session.account().protocolVersion.isEmpty()) {
        const EasReply negotiated = m_session.negotiate();
        if (!negotiated.ok()) {
            report.error = negotiated.error;
            report.message = negotiated.message;
            return report;
        }
    }
    syncHierarchy(report);
    return report;
}

bool SyncRunner::syncHierarchy(SyncReport &report)
{
    QString key = m_store.account().value_or(AccountSettings{}).folderSyncKey;
    for (int attempt = 0; attempt < 2; ++attempt) {
        EasReply reply;
        const FolderSyncCommand::Result result = m_session.run(FolderSyncCommand(key), &reply);
        if (!reply.ok()) {
            report.error = reply.error;
            report.message = reply.message;
            return false;
        }
        if (!result.error.isEmpty()) {
            report.error = ErrorKind::Server;
            report.message = QStringLiteral("The folder list from the server could not be read: %1").arg(result.error);
            return false;
        }
        if (result.status == 9 && key != QLatin1String("0")) {
            key = QStringLiteral("0"); // the server lost our hierarchy state: start over
            continue;
        }
        if (result.status != 1) {
            report.error = ErrorKind::Server;
            report.message = statusText("FolderSync", result.status);
            return false;
        }
        if (!m_store.applyFolderSync(result.syncKey, result.addsOrUpdates, result.deletes)) {
            report.error = ErrorKind::Server;
            report.message = QStringLiteral("Could not save the folder list: %1").arg(m_store.lastError());
            return false;
        }
        return true;
    }
    report.error = ErrorKind::Server;
    report.message = statusText("FolderSync", 9);
    return false;
}

SyncReport SyncRunner::syncAll()
{
    SyncReport report = connect();
    if (!report.ok())
        return report;
    // The user's actions first: their Sync commands ride in the first Sync of
    // their folder, and a move must reach the server before the folders sync.
    const ActionReplayer::Report replayed = replayActions();
    const QString version = m_session.account().protocolVersion;
    for (const Folder &folder : m_store.folders()) {
        if (!shouldSync(folder, version) || replayed.syncedFolders.contains(folder.serverId))
            continue;
        FolderReport folderReport = syncFolder(folder);
        if (!folderReport.error.isEmpty())
            qCWarning(lcSync) << "Folder" << folder.name << "failed:" << folderReport.error;
        report.folders.append(std::move(folderReport));
    }
    return report;
}

bool SyncRunner::primeFolder(const Folder &folder, FolderReport &report)
{
    SyncCollectionRequest request;
    request.folderId = folder.serverId;
    request.syncKey = QStringLiteral("0");
    EasReply reply;
    const SyncCommand::Result result = m_session.run(SyncCommand({request}, m_session.account().protocolVersion), &reply);
    if (!reply.ok()) {
        report.error = reply.message;
        return false;
    }
    if (!result.error.isEmpty() || result.collections.isEmpty()) {
        // SOGo sometimes answers a folder's first Sync with an empty 200.
        report.error = result.error.isEmpty()
            ? QStringLiteral("The server gave no sync key for this folder; Skein will try again on the next sync.")
            : result.error;
        return false;
    }
    const auto &collection = result.collections.first();
    if (collection.status != 1 || collection.syncKey.isEmpty()) {
        report.error = statusText("Sync", collection.status);
        return false;
    }
    return m_store.setSyncKey(folder.serverId, collection.syncKey);
}

void SyncRunner::countBatch(const SyncBatch &batch, FolderReport &report)
{
    report.added += int(batch.adds.size());
    report.changed += int(batch.changes.size());
    report.deleted += int(batch.deletes.size());
    report.softDeleted += int(batch.softDeletes.size());
}

FolderReport SyncRunner::syncFolder(const Folder &folder)
{
    FolderReport report;
    report.folderId = folder.serverId;
    report.folderName = folder.name;
    const QString version = m_session.account().protocolVersion;
    int resyncs = 0;
    bool hierarchyRefreshed = false;

    QString key = m_store.syncKey(folder.serverId);
    if (key == QLatin1String("0") && !primeFolder(folder, report))
        return report;
    key = m_store.syncKey(folder.serverId);
    // The journal's Change/Delete commands for this folder, sent with the
    // first request that has a real key; released again if it gets no answer.
    ActionReplayer::SyncClaim claim;
    bool commandsSent = false;

    for (int round = 0; round < kMaxRoundsPerFolder; ++round) {
        SyncCollectionRequest request;
        request.folderId = folder.serverId;
        request.syncKey = key;
        request.windowSize = m_options.windowSize;
        request.conversationMode = m_options.conversationMode && atLeast14(version);
        request.filterType = m_options.filterType;
        request.bodyType = m_options.bodyType;
        request.truncationSize = m_options.truncationSize;
        if (!commandsSent && claim.isEmpty())
            claim = m_replayer->claimSyncCommands(folder.serverId);
        request.changes = claim.changes;
        request.deletes = claim.deletes;

        EasReply reply;
        SyncCommand::Result result = m_session.run(SyncCommand({request}, version), &reply);
        if (!reply.ok()) {
            m_replayer->syncNotDelivered(claim); // stays pending, nothing rolled back
            report.error = reply.message;
            return report;
        }
        if (!result.error.isEmpty()) {
            m_replayer->syncNotDelivered(claim);
            report.error = QStringLiteral("The server's answer could not be read: %1").arg(result.error);
            return report;
        }
        if (result.collections.isEmpty() && result.status == 1) {
            m_replayer->syncAnswered(claim, {}); // nothing failed, nothing changed
            break; // empty body or collection absent: nothing changed
        }

        const int status = result.collections.isEmpty() ? result.status : result.collections.first().status;
        if (status != 1) {
            // The commands were not processed. A protocol error (4) would fail
            // again: refuse them; otherwise they go with the next request.
            if (status == 4)
                m_replayer->syncRefused(claim, statusText("Sync", status));
            else
                m_replayer->syncNotDelivered(claim);
            claim = {};
        }
        if (status == 3 && resyncs < kMaxResyncs) {
            // Invalid sync key: start again at 0 without dropping local data.
            ++resyncs;
            report.resynced = true;
            qCInfo(lcSync) << "Folder" << folder.name << "has an invalid sync key; resyncing";
            if (!m_store.beginResync(folder.serverId) || !primeFolder(folder, report))
                return report;
            key = m_store.syncKey(folder.serverId);
            continue;
        }
        if (status == 12 && !hierarchyRefreshed) {
            hierarchyRefreshed = true;
            SyncReport hierarchy;
            if (!syncHierarchy(hierarchy)) {
                report.error = hierarchy.message;
                return report;
            }
            if (!m_store.folder(folder.serverId)) {
                report.error = QStringLiteral("The folder no longer exists on the server.");
                return report;
            }
            continue;
        }
        if (status != 1) {
            report.error = statusText("Sync", status);
            return report;
        }

        SyncCommand::CollectionResult &collection = result.collections.first();
        SyncBatch &batch = collection.batch;
        batch.folderId = folder.serverId;
        if (batch.newSyncKey.isEmpty())
            batch.newSyncKey = collection.syncKey.isEmpty() ? key : collection.syncKey;
        if (!claim.isEmpty()) {
            m_replayer->syncAnswered(claim, collection.failures);
            claim = {};
            commandsSent = true;
        }
        // A message the user moved here arrives under its new ServerId: it
        // takes over the local placeholder instead of showing twice.
        m_store.adoptMovedMessages(folder.serverId, batch.adds);
        if (!m_store.applySyncBatch(batch)) {
            // Nothing of this response was applied; the key stays, so the next
            // sync asks again and nothing is lost.
            report.error = QStringLiteral("Could not save what the server sent: %1").arg(m_store.lastError());
            return report;
        }
        countBatch(batch, report);
        for (const auto &skipped : collection.skipped)
            report.skipped.append({skipped.serverId, skipped.reason});
        key = batch.newSyncKey;
        if (m_folderChanged)
            m_folderChanged(folder.serverId);
        if (m_progress)
            m_progress(folder, report.added + report.changed);
        if (!collection.moreAvailable)
            break;
    }
    if (m_store.isResyncing(folder.serverId) && !m_store.finishResync(folder.serverId))
        report.error = m_store.lastError();
    return report;
}

SyncRunner::Estimate SyncRunner::estimate(const Folder &folder, int filterType)
{
    Estimate estimate;
    const QString version = m_session.account().protocolVersion;
    EasReply reply;
    const GetItemEstimateCommand command(folder.serverId, m_store.syncKey(folder.serverId), filterType,
                                         atLeast14(version), version);
    const GetItemEstimateCommand::Result result = m_session.run(command, &reply);
    if (!reply.ok()) {
        estimate.error = reply.message;
        return estimate;
    }
    estimate.status = result.status;
    if (!result.error.isEmpty())
        estimate.error = result.error;
    else if (result.status != 1)
        estimate.error = statusText("GetItemEstimate", result.status);
    else
        estimate.count = result.estimate;
    return estimate;
}

QString SyncRunner::fetchBody(const QString &serverId)
{
    const std::optional<Message> message = m_store.message(serverId);
    if (!message)
        return QStringLiteral("No message %1 in the local store.").arg(serverId);
    EasReply reply;
    const ItemOperationsFetchCommand command(message->folderId, serverId, m_options.bodyType);
    const ItemOperationsFetchCommand::Result result = m_session.run(command, &reply);
    if (!reply.ok())
        return reply.message;
    if (!result.error.isEmpty())
        return result.error;
    if (result.status != 1)
        return statusText("ItemOperations", result.status);
    if (!m_store.setBody(serverId, result.bodyType, result.body, result.truncated, result.estimatedSize))
        return m_store.lastError();
    if (m_folderChanged)
        m_folderChanged(message->folderId);
    return {};
}

} // namespace skein::eas
