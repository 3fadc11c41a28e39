#include "DraftUploader.h"

#include "DraftSyncRequest.h"
#include "EasTags.h"
#include "StatusText.h"
#include "SyncCommand.h"

#include <QCoreApplication>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcDrafts, "skein.drafts")

namespace skein::eas {

namespace {

// Rounds of one run: a delete whose Add answer was lost first learns its
// ServerId (an Add with the same ClientId), then goes; a Change answered 8
// (another device deleted the draft) comes back as an Add.
constexpr int kMaxRounds = 3;

// Sync statuses of a collection that mean "sync the folder first".
bool needsFolderSync(int status)
{
    return status == 3 || status == 12;
}

} // namespace

bool DraftUploader::serverKeepsDrafts(const QString &protocolVersion)
{
    return protocolVersion.section(QLatin1Char('.'), 0, 0).toInt() >= 16;
}

bool DraftUploader::hasWork(const Store &store)
{
    return !store.draftStore().draftsToUpload().isEmpty() || !store.draftStore().draftDeletes().isEmpty();
}

DraftUploader::Report DraftUploader::run(SyncRunner &runner, EasSession &session, Store &store)
{
    Report report;
    if (!hasWork(store))
        return report;
    if (session.account().protocolVersion.isEmpty()) {
        const SyncReport connected = runner.connect();
        if (!connected.ok())
            return Report{connected.error, connected.message, {}, 0, false};
    }
    if (!serverKeepsDrafts(session.account().protocolVersion)) {
        for (const DraftUpload &u : store.draftStore().draftsToUpload())
            report.outcomes.append({u.draft.id, false, {}});
        return report;
    }
    std::optional<Folder> drafts = store.folderStore().folderOfType(FolderType::Drafts);
    if (!drafts) {
        runner.connect();
        drafts = store.folderStore().folderOfType(FolderType::Drafts);
    }
    if (!drafts)
        return Report{ErrorKind::Server, QCoreApplication::translate("skein::eas::DraftUploader", "The server has no Drafts folder."), {}, 0, false};
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (store.folderStore().syncKey(drafts->serverId) == QLatin1String("0") || store.folderStore().isSyncInFlight(drafts->serverId)) {
            const FolderReport synced = runner.syncFolder(*drafts);
            if (!synced.error.isEmpty())
                return Report{synced.errorKind == ErrorKind::None ? ErrorKind::Server : synced.errorKind,
                              synced.error, {}, 0, false};
        }
        report = DraftUploader(session, store).uploadAll(*drafts);
        if (!report.invalidSyncKey)
            break;
        // The folder starts again from key 0 (its Sync resyncs) and the drafts follow.
        store.folderStore().beginResync(drafts->serverId);
    }
    return report;
}

DraftUploader::Report DraftUploader::uploadAll(const Folder &drafts)
{
    Report report;
    if (!serverKeepsDrafts(m_session.account().protocolVersion))
        return report;
    bool again = true;
    for (int round = 0; again && round < kMaxRounds; ++round) {
        again = false;
        if (!runOnce(drafts, report, &again))
            break;
    }
    return report;
}

bool DraftUploader::runOnce(const Folder &drafts, Report &report, bool *again)
{
    DraftSyncRequest request;
    request.folderId = drafts.serverId;
    request.syncKey = m_store.folderStore().syncKey(drafts.serverId);
    QHash<QString, qint64> deleteByClientId;
    for (const DraftDelete &d : m_store.draftStore().draftDeletes()) {
        if (!d.serverId.isEmpty()) {
            request.deletes.append(d.serverId);
        } else {
            DraftUpload probe;
            probe.clientId = d.clientId;
            request.adds.append(probe);
            deleteByClientId.insert(d.clientId, d.id);
        }
    }
    QHash<QString, DraftUpload> uploadByClientId;
    for (const DraftUpload &u : m_store.draftStore().draftsToUpload()) {
        if (u.draft.serverId.isEmpty()) {
            request.adds.append(u);
            uploadByClientId.insert(u.clientId, u);
        } else {
            request.changes.append(u);
        }
    }
    if (request.isEmpty())
        return false;
    for (const DraftUpload &u : request.adds + request.changes)
        if (u.draft.id)
            m_store.draftStore().noteDraftUploading(u.draft.id);
    // A lost answer is fetched by the folder's next Sync (SyncRunner).
    m_store.folderStore().setSyncInFlight(drafts.serverId, true);
    const EasReply reply = m_session.execute("Sync", request.request());
    if (!reply.ok()) {
        // An HTTP error is an answer: the server applied nothing. Without
        // any answer the marker stays: it may have.
        if (reply.httpStatus != 0)
            m_store.folderStore().setSyncInFlight(drafts.serverId, false);
        report.error = reply.error;
        report.message = reply.message;
        return false;
    }
    const SyncCommand::Result parsed = SyncCommand::parse(reply.root());
    const SyncCommand::CollectionResult *collection = nullptr;
    for (const SyncCommand::CollectionResult &c : parsed.collections)
        if (c.folderId == drafts.serverId)
            collection = &c;
    if (!parsed.error.isEmpty() || parsed.status != 1 || !collection || collection->status != 1) {
        const int status = collection ? collection->status : parsed.status;
        report.error = ErrorKind::Server;
        report.invalidSyncKey = needsFolderSync(status);
        report.message = parsed.error.isEmpty() ? statusText("Sync", status) : parsed.error;
        if (report.invalidSyncKey)
            m_store.folderStore().setSyncInFlight(drafts.serverId, false);
        return false;
    }
    // Answered: the server holds no answer of ours any more.
    m_store.folderStore().setSyncInFlight(drafts.serverId, false);
    SyncBatch batch = collection->batch;
    batch.folderId = drafts.serverId;
    if (batch.newSyncKey.isEmpty())
        batch.newSyncKey = request.syncKey;
    if (!m_store.syncApplier().applySyncBatch(batch)) {
        report.error = ErrorKind::Protocol;
        report.message = m_store.lastError();
        return false;
    }
    const DraftResponses responses = DraftResponses::parse(
        reply.root() ? reply.root()->find({wbxml::tag::AirSync::Collections, wbxml::tag::AirSync::Collection}) : nullptr);
    for (const DraftResponses::Item &item : responses.adds) {
        if (const auto d = deleteByClientId.constFind(item.clientId); d != deleteByClientId.cend()) {
            if (item.status == 1 && !item.serverId.isEmpty()) {
                m_store.draftStore().setDraftDeleteServerId(*d, item.serverId);
                *again = true;
            }
            continue;
        }
        const auto u = uploadByClientId.constFind(item.clientId);
        if (u == uploadByClientId.cend())
            continue;
        if (item.status == 1 && !item.serverId.isEmpty()) {
            m_store.draftStore().setDraftUploaded(u->draft.id, u->revision, item.serverId);
            report.outcomes.append({u->draft.id, true, {}});
        } else {
            const QString why = statusText("Sync", item.status);
            m_store.draftStore().setDraftUploadError(u->draft.id, why);
            report.outcomes.append({u->draft.id, false, why});
        }
    }
    QHash<QString, int> changeStatus;
    for (const DraftResponses::Item &item : responses.changes)
        changeStatus.insert(item.serverId, item.status);
    for (const DraftUpload &u : std::as_const(request.changes)) {
        const int status = changeStatus.value(u.draft.serverId, 1);
        if (status == 1) {
            m_store.draftStore().setDraftUploaded(u.draft.id, u.revision, u.draft.serverId);
            report.outcomes.append({u.draft.id, true, {}});
        } else if (status == 8) {
            // Deleted on another device: the user still writes it, so it goes up again.
            m_store.draftStore().setDraftUploaded(u.draft.id, 0, QString());
            *again = true;
        } else {
            const QString why = statusText("Sync", status);
            m_store.draftStore().setDraftUploadError(u.draft.id, why);
            report.outcomes.append({u.draft.id, false, why});
        }
    }
    QHash<QString, int> deleteStatus;
    for (const DraftResponses::Item &item : responses.deletes)
        deleteStatus.insert(item.serverId, item.status);
    for (const DraftDelete &d : m_store.draftStore().draftDeletes()) {
        if (d.serverId.isEmpty() || !request.deletes.contains(d.serverId))
            continue;
        const int status = deleteStatus.value(d.serverId, 1);
        // 8: already gone from the server, which is what was asked.
        if (status == 1 || status == 8) {
            m_store.draftStore().finishDraftDelete(d.id);
            ++report.deleted;
        } else {
            qCWarning(lcDrafts) << "The server refused to delete draft" << d.serverId << "status" << status;
        }
    }
    return true;
}

} // namespace skein::eas
