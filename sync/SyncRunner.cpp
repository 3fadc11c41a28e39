#include "SyncRunner.h"

#include "FolderSyncCommand.h"
#include "GetItemEstimateCommand.h"
#include "ReplyHeadersFetchCommand.h"
#include "ItemOperationsFetchCommand.h"
#include "PrefetchedSync.h"
#include "StatusText.h"
#include "SyncCommand.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <algorithm>
#include <limits>
#include <optional>
#include <utility>

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
    , m_outbox(std::make_unique<OutboxSender>(session, store))
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
    QString key = m_store.accountStore().account().value_or(AccountSettings{}).folderSyncKey;
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
            report.message = QCoreApplication::translate("skein::eas::SyncRunner", "The folder list from the server could not be read: %1").arg(result.error);
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
        if (!m_store.folderStore().applyFolderSync(result.syncKey, result.addsOrUpdates, result.deletes)) {
            report.error = ErrorKind::Server;
            report.message = QCoreApplication::translate("skein::eas::SyncRunner", "Could not save the folder list: %1").arg(m_store.lastError());
            return false;
        }
        return true;
    }
    report.error = ErrorKind::Server;
    report.message = statusText("FolderSync", 9);
    return false;
}

bool appendFolderReport(SyncReport &report, FolderReport folder)
{
    const bool signedOut = folder.errorKind == ErrorKind::Auth || folder.errorKind == ErrorKind::SignInRequired;
    if (signedOut && report.ok()) {
        report.error = folder.errorKind;
        report.message = folder.error;
    }
    report.folders.append(std::move(folder));
    return !signedOut;
}

SyncReport SyncRunner::syncAll()
{
    SyncReport report = connect();
    if (!report.ok()) {
        m_outbox->noteNotReached(report.message);
        return report;
    }
    // The user's actions first: their Sync commands ride in the first Sync of
    // their folder, and a move must reach the server before the folders sync.
    const ActionReplayer::Report replayed = replayActions();
    // Then the outbox; Sent Items is among the folders synced below.
    if (replayed.error == ErrorKind::None)
        sendOutbox();
    const QString version = m_session.account().protocolVersion;
    for (const Folder &folder : m_store.folderStore().folders()) {
        if (!shouldSync(folder, version) || replayed.syncedFolders.contains(folder.serverId))
            continue;
        yieldToUserWork();
        FolderReport folderReport = syncFolder(folder);
        if (!folderReport.error.isEmpty())
            qCWarning(lcSync) << "Folder" << folder.name << "failed:" << folderReport.error;
        if (!appendFolderReport(report, std::move(folderReport)))
            return report; // signed out mid-sync: nothing more can go out
    }
    sendLocalRuleMoves(replayed, report);
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
        report.errorKind = reply.error;
        return false;
    }
    if (!result.error.isEmpty() || result.collections.isEmpty()) {
        // SOGo sometimes answers a folder's first Sync with an empty 200.
        report.error = result.error.isEmpty()
            ? QCoreApplication::translate("skein::eas::SyncRunner", "The server gave no sync key for this folder; Skein will try again on the next sync.")
            : result.error;
        return false;
    }
    const auto &collection = result.collections.first();
    if (collection.status != 1 || collection.syncKey.isEmpty()) {
        report.error = statusText("Sync", collection.status);
        return false;
    }
    return m_store.folderStore().setSyncKey(folder.serverId, collection.syncKey);
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

    QString key = m_store.folderStore().syncKey(folder.serverId);
    bool downloadingAll = key == QLatin1String("0");
    if (downloadingAll && !primeFolder(folder, report))
        return report;
    key = m_store.folderStore().syncKey(folder.serverId);
    // The journal's Change/Delete commands for this folder, sent with the
    // first request that has a real key; released again if it gets no answer.
    ActionReplayer::SyncClaim claim;
    bool commandsSent = false;
    // The answer to this folder's last request was lost (a killed process,
    // a network failure after the request left): the server may have
    // applied it and keeps its answer for that key. The first request is
    // then a plain retry that fetches that answer; the commands go after.
    bool holdCommands = m_store.folderStore().isSyncInFlight(folder.serverId);

    // This page's request when it left while the page before was stored.
    std::optional<PrefetchedSync> prefetched;

    for (int round = 0; round < kMaxRoundsPerFolder; ++round) {
        EasReply reply;
        SyncCommand::Result result;
        if (prefetched) {
            // Sent with this key and no commands, as below; its in-flight
            // marker was stored with the page before.
            result = prefetched->join(&reply);
            prefetched.reset();
        } else {
            SyncCollectionRequest request = pageRequest(folder, key, downloadingAll, version);
            if (!commandsSent && claim.isEmpty() && !holdCommands)
                claim = m_replayer->claimSyncCommands(folder.serverId);
            request.changes = claim.changes;
            request.deletes = claim.deletes;

            m_store.folderStore().setSyncInFlight(folder.serverId, true);
            result = m_session.run(SyncCommand({request}, version), &reply);
        }
        if (!reply.ok()) {
            // An HTTP error is an answer: the server did not apply the
            // request. Without any answer the marker stays: it may have.
            if (reply.httpStatus != 0)
                m_store.folderStore().setSyncInFlight(folder.serverId, false);
            // Stays pending, nothing rolled back (unless the server kept failing).
            m_replayer->syncNotDelivered(claim, reply.httpStatus);
            report.error = reply.message;
            report.errorKind = reply.error;
            return report;
        }
        if (!result.error.isEmpty()) {
            m_replayer->syncNotDelivered(claim);
            report.error = QCoreApplication::translate("skein::eas::SyncRunner", "The server's answer could not be read: %1").arg(result.error);
            return report;
        }
        if (result.collections.isEmpty() && result.status == 1) {
            m_store.folderStore().setSyncInFlight(folder.serverId, false); // answered: the key stays
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
            if (!m_store.folderStore().beginResync(folder.serverId) || !primeFolder(folder, report))
                return report;
            key = m_store.folderStore().syncKey(folder.serverId);
            downloadingAll = true;
            continue;
        }
        if (status == 12 && !hierarchyRefreshed) {
            hierarchyRefreshed = true;
            SyncReport hierarchy;
            if (!syncHierarchy(hierarchy)) {
                report.error = hierarchy.message;
                return report;
            }
            if (!m_store.folderStore().folder(folder.serverId)) {
                report.error = QCoreApplication::translate("skein::eas::SyncRunner", "The folder no longer exists on the server.");
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
        // The next page's request goes out now, while this one is stored.
        if (canPrefetchNextPage(folder, collection, claim, holdCommands, commandsSent, round)) {
            batch.nextRequestInFlight = true;
            prefetched.emplace(m_session,
                               SyncCommand({pageRequest(folder, batch.newSyncKey, downloadingAll, version)}, version));
        }
        // A message the user moved here arrives under its new ServerId: it
        // takes over the local placeholder instead of showing twice.
        m_store.syncApplier().adoptMovedMessages(folder.serverId, batch.adds);
        // Stored while the claimed changes are still unfinished, so that the
        // batch cannot overwrite them (Store::applySyncBatch keeps a waiting
        // change's field) and a refusal among them rolls back to the
        // server's value.
        const bool stored = m_store.syncApplier().applySyncBatch(batch);
        if (!claim.isEmpty()) {
            m_replayer->syncAnswered(claim, collection.failures);
            claim = {};
            commandsSent = true;
        }
        if (!stored) {
            // Nothing of this response was applied; the key stays, so the next
            // sync asks again and nothing is lost. A request already sent for
            // the next page is waited for and its answer dropped. The server
            // has then seen a newer key than the stored one; one that keeps
            // only its latest key answers the next sync with status 3, and
            // the resync keeps the local messages (beginResync).
            if (prefetched)
                prefetched->discard();
            report.error = QCoreApplication::translate("skein::eas::SyncRunner", "Could not save what the server sent: %1").arg(m_store.lastError());
            return report;
        }
        countBatch(batch, report);
        noteConversationIndex(batch);
        // New messages of conversations whose rule Skein keeps itself.
        m_replayer->applyLocalRules(folder.serverId, batch.adds);
        for (const auto &skipped : collection.skipped)
            report.skipped.append({skipped.serverId, skipped.reason});
        key = batch.newSyncKey;
        if (m_folderChanged)
            m_folderChanged(folder.serverId);
        if (m_progress)
            m_progress(folder, report.added + report.changed);
        if (!collection.moreAvailable) {
            if (!std::exchange(holdCommands, false) || commandsSent)
                break;
            // The commands held back from the first request go with the next.
            claim = m_replayer->claimSyncCommands(folder.serverId);
            if (claim.isEmpty())
                break;
            continue;
        }
        holdCommands = false;
    }
    if (m_store.folderStore().isResyncing(folder.serverId) && !m_store.folderStore().finishResync(folder.serverId))
        report.error = m_store.lastError();
    if (report.error.isEmpty() && m_store.syncApplier().dropPlaceholdersWithTwins(folder.serverId) < 0)
        report.error = m_store.lastError();
    if (report.error.isEmpty())
        fetchReplyHeaders(folder, downloadingAll, report);
    return report;
}

SyncCollectionRequest SyncRunner::pageRequest(const Folder &folder, const QString &key, bool downloadingAll,
                                               const QString &version) const
{
    SyncCollectionRequest request;
    request.folderId = folder.serverId;
    request.syncKey = key;
    request.windowSize = downloadingAll ? std::max(m_options.windowSize, m_options.firstSyncWindowSize)
                                        : m_options.windowSize;
    request.conversationMode = m_options.conversationMode && atLeast14(version);
    request.filterType = m_options.filterType;
    request.bodyType = m_options.bodyType;
    request.truncationSize = m_options.truncationSize;
    return request;
}

bool SyncRunner::canPrefetchNextPage(const Folder &folder, const SyncCommand::CollectionResult &page,
                                     const ActionReplayer::SyncClaim &claim, bool holdCommands, bool commandsSent,
                                     int round) const
{
    // Only a plain download page: the next request is then exactly what the
    // loop would send, with no commands whose outcome this page's storing
    // (syncAnswered) or a held-back retry must settle first.
    if (!m_options.prefetchNextPage || !page.moreAvailable || round + 1 >= kMaxRoundsPerFolder)
        return false;
    if (!claim.isEmpty() || holdCommands)
        return false;
    return commandsSent || !m_replayer->hasSyncCommands(folder.serverId);
}

void SyncRunner::noteConversationIndex(const SyncBatch &batch)
{
    if (batch.adds.isEmpty())
        return;
    const CapabilityState known = m_store.accountStore().capability(Capability::ConversationIndex);
    if (known == CapabilityState::Seen)
        return;
    const bool seen = std::any_of(batch.adds.cbegin(), batch.adds.cend(), [](const Message &m) {
        return !m.conversationIndex.isEmpty();
    });
    if (seen || known == CapabilityState::Unknown)
        m_store.accountStore().setCapability(Capability::ConversationIndex,
                              seen ? CapabilityState::Seen : CapabilityState::NeverSeen);
}

void SyncRunner::yieldToUserWork()
{
    if (m_yield && m_replayDepth == 0)
        m_yield();
}

void SyncRunner::fetchReplyHeaders(const Folder &folder, bool wholeFolder, FolderReport &report)
{
    // ItemOperations exists from 12.0 on.
    const QString version = m_session.account().protocolVersion;
    if (version.section(QLatin1Char('.'), 0, 0).toInt() < 12)
        return;
    // A folder's first download fetches every message's headers, so its
    // conversations are complete when the sync ends (user work still runs
    // between batches). Later syncs bring few new messages; what a failure
    // left behind goes to the background lane (fetchMoreReplyHeaders).
    constexpr int kMaxBatchesPerSync = 20;
    fetchReplyHeaderBatches(folder, wholeFolder ? std::numeric_limits<int>::max() : kMaxBatchesPerSync, report);
    regroupConversations(folder, report);
}

bool SyncRunner::fetchReplyHeaderBatches(const Folder &folder, int maxBatches, FolderReport &report)
{
    const QList<Message> queue = m_store.threadStore().replyHeaderQueue(folder.serverId);
    qsizetype next = 0;
    int batchSize = ReplyHeadersFetchCommand::kFirstBatchSize;
    for (int round = 0; round < maxBatches && next < queue.size(); ++round) {
        if (round > 0) {
            // The conversations the last answer completed show now, newest first.
            regroupConversations(folder, report);
            yieldToUserWork();
        }
        QList<ReplyHeadersFetchCommand::Item> items;
        QHash<QString, qint64> rowOfServerId;
        for (const Message &m : queue.mid(next, batchSize)) {
            items.append({folder.serverId, m.serverId});
            rowOfServerId.insert(m.serverId, m.id);
        }
        next += items.size();
        // The first answer comes quickly; later ones carry more per round trip.
        batchSize = std::min(2 * batchSize, ReplyHeadersFetchCommand::kMaxBatchSize);
        const ReplyHeadersFetchCommand command(std::move(items));
        if (command.isEmpty())
            break; // never an ItemOperations without Fetch
        EasReply reply;
        const ReplyHeadersFetchCommand::Result result = m_session.run(command, &reply);
        if (!reply.ok() || !result.error.isEmpty() || result.status != 1) {
            // Not fatal: the conversations stay as they are and the next
            // sync asks again (a bounded number of times).
            qCInfo(lcSync) << "Reply headers of folder" << folder.name << "not fetched:"
                           << (reply.ok() ? result.error : reply.message) << result.status;
            m_store.threadStore().noteReplyHeadersFailed(rowOfServerId.values());
            return false;
        }
        QList<std::pair<qint64, ReplyHeaders>> fetched;
        for (const ReplyHeadersFetchCommand::Fetched &item : result.fetched) {
            const qint64 row = rowOfServerId.value(item.serverId);
            if (row == 0 || item.status != 1)
                continue; // left in rowOfServerId: counted as failed below
            fetched.append({row, item.headers});
            rowOfServerId.remove(item.serverId);
        }
        if (m_store.threadStore().setReplyHeaders(fetched))
            report.replyHeadersFetched += int(fetched.size());
        else
            qCWarning(lcSync) << "Could not store reply headers:" << m_store.lastError();
        if (!rowOfServerId.isEmpty())
            m_store.threadStore().noteReplyHeadersFailed(rowOfServerId.values());
    }
    return true;
}

void SyncRunner::regroupConversations(const Folder &folder, FolderReport &report)
{
    // Only the conversations a change touched (messages stored or whose
    // headers arrived since the last regroup, and what they link to).
    int regrouped = 0;
    QList<qint64> joined;
    if (!m_store.threadStore().regroupChangedConversations(&regrouped, &joined)) {
        qCWarning(lcSync) << "Could not group conversations:" << m_store.lastError();
        return;
    }
    report.regrouped += regrouped;
    // A message that just joined a conversation meets that conversation's
    // local rule (ignore / always-move kept by Skein) like a new arrival.
    QHash<QString, QList<Message>> joinedByFolder;
    for (const qint64 id : std::as_const(joined)) {
        if (const std::optional<Message> m = m_store.messageStore().messageById(id))
            joinedByFolder[m->folderId].append(*m);
    }
    for (auto it = joinedByFolder.cbegin(); it != joinedByFolder.cend(); ++it)
        m_replayer->applyLocalRules(it.key(), it.value());
    if (regrouped > 0 && m_folderChanged)
        m_folderChanged(folder.serverId);
}

bool SyncRunner::fetchMoreReplyHeaders(int maxBatches)
{
    const QString version = m_session.account().protocolVersion;
    if (version.section(QLatin1Char('.'), 0, 0).toInt() < 12)
        return false;
    for (const Folder &folder : m_store.folderStore().folders()) {
        if (!shouldSync(folder, version)
            || m_store.threadStore().messagesNeedingReplyHeaders(folder.serverId, 1).isEmpty())
            continue;
        FolderReport report;
        report.folderId = folder.serverId;
        report.folderName = folder.name;
        const bool delivered = fetchReplyHeaderBatches(folder, maxBatches, report);
        regroupConversations(folder, report);
        // One folder per call: the scheduler decides when the next goes.
        return delivered && replyHeadersPending();
    }
    return false;
}

QString SyncRunner::fetchReplyHeadersOf(qint64 messageId)
{
    const std::optional<Message> message = m_store.messageStore().messageById(messageId);
    if (!message)
        return QCoreApplication::translate("skein::eas::SyncRunner", "The message is no longer stored.");
    if (!message->internetMessageId.isEmpty())
        return {};
    const ReplyHeadersFetchCommand command({{message->folderId, message->serverId}});
    EasReply reply;
    const ReplyHeadersFetchCommand::Result result = m_session.run(command, &reply);
    if (!reply.ok())
        return reply.message;
    if (!result.error.isEmpty())
        return result.error;
    if (result.status != 1 || result.fetched.isEmpty() || result.fetched.first().status != 1)
        return statusText("ItemOperations", result.status != 1 || result.fetched.isEmpty() ? result.status
                                                                                           : result.fetched.first().status);
    if (!m_store.threadStore().setReplyHeaders(messageId, result.fetched.first().headers))
        return m_store.lastError();
    return {};
}

bool SyncRunner::replyHeadersPending() const
{
    const QString version = m_session.account().protocolVersion;
    for (const Folder &folder : m_store.folderStore().folders())
        if (shouldSync(folder, version) && !m_store.threadStore().messagesNeedingReplyHeaders(folder.serverId, 1).isEmpty())
            return true;
    return false;
}

SyncRunner::Estimate SyncRunner::estimate(const Folder &folder, int filterType)
{
    Estimate estimate;
    const QString version = m_session.account().protocolVersion;
    EasReply reply;
    const GetItemEstimateCommand command(folder.serverId, m_store.folderStore().syncKey(folder.serverId), filterType,
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

QString SyncRunner::fetchBody(qint64 messageId)
{
    const std::optional<Message> message = m_store.messageStore().messageById(messageId);
    if (!message)
        return QCoreApplication::translate("skein::eas::SyncRunner", "The message is no longer stored on this computer (it was deleted or "
                                                                     "moved by a sync).");
    EasReply reply;
    const ItemOperationsFetchCommand command(message->folderId, message->serverId, m_options.bodyType);
    const ItemOperationsFetchCommand::Result result = m_session.run(command, &reply);
    if (!reply.ok())
        return reply.message;
    if (!result.error.isEmpty())
        return result.error;
    if (result.status != 1)
        return statusText("ItemOperations", result.status);
    // A refused Fetch carries no body: storing it would wipe the preview.
    if (result.fetchStatus != 1)
        return statusText("ItemOperations", result.fetchStatus);
    if (!m_store.messageStore().setBody(messageId, result.bodyType, result.body, result.truncated, result.estimatedSize))
        return m_store.lastError();
    if (m_folderChanged)
        m_folderChanged(message->folderId);
    return {};
}

} // namespace skein::eas
