// Applying a Sync response's batch to one folder (SyncApplier.h).

#include "ActionTypes.h"
#include "StoreRows.h"

#include <QHash>
#include <QScopeGuard>
#include <QSet>

namespace skein {

namespace {

// The undo data of the user's waiting changes whose field the server
// changed meanwhile (serverRead / serverFlag, by row): a refusal rolls back
// to the server's value.
bool rebaseUndo(JournalStore &journal, const QList<ActionEntry> &unfinished, const QHash<qint64, bool> &serverRead,
                const QHash<qint64, FlagState> &serverFlag)
{
    if (serverRead.isEmpty() && serverFlag.isEmpty())
        return true;
    for (ActionEntry e : unfinished) {
        bool changed = false;
        for (ActionItem &item : e.items) {
            if (item.newRead && serverRead.contains(item.messageId)) {
                item.read = serverRead.value(item.messageId);
                changed = true;
            }
            if (item.newFlag && serverFlag.contains(item.messageId)) {
                item.flag = serverFlag.value(item.messageId);
                changed = true;
            }
        }
        if (changed && !journal.updateAction(e))
            return false;
    }
    return true;
}

// What the action journal has not sent yet, as it bears on a Sync batch of
// one folder: there the server's copy is older than the user's.
struct Waiting {
    QSet<QString> leaving;          // ServerIds a waiting delete or move takes out of the folder
    QHash<QString, qint64> ownRead; // ServerId -> row whose read state waits to be sent
    QHash<QString, qint64> ownFlag; // the same for the flag
};

// Reads the journal's unfinished entries (and where their rows are now).
bool waitingIn(const Database &db, const QString &folderId, const QList<ActionEntry> &unfinished,
               Waiting *waiting)
{
    for (const ActionEntry &e : unfinished) {
        for (const ActionItem &item : e.items) {
            if (e.kind == ActionKind::Delete || channelOf(e.kind) != ActionChannel::Sync) {
                // The server still has it here until the delete or move is sent.
                if (item.folderId == folderId && !item.confirmed)
                    waiting->leaving.insert(item.serverId);
                continue;
            }
            // A change follows its row, which a later move may have taken elsewhere.
            auto where = db.prepare("SELECT folder_id, server_id FROM messages WHERE id = :id");
            if (!where.isValid())
                return false;
            where.bind(":id", item.messageId);
            if (where.step() != SQLITE_ROW || where.text(0) != folderId)
                continue;
            if (item.newRead)
                waiting->ownRead.insert(where.text(1), item.messageId);
            if (item.newFlag)
                waiting->ownFlag.insert(where.text(1), item.messageId);
        }
    }
    return true;
}

} // namespace

bool SyncApplier::applySyncBatch(const SyncBatch &batch)
{
    const QString what = QStringLiteral("applying a sync batch of folder %1").arg(batch.folderId);
    auto transaction = m_db.begin();
    if (!transaction.isActive())
        return m_db.fail(what);
    // The full-text index is written once for the whole batch (migration 18).
    m_db.setFullTextDeferred(true);
    const auto undefer = qScopeGuard([this] { m_db.setFullTextDeferred(false); });
    FolderState folder;
    MessageWriter writer(m_db);
    // Adds and full changes insert; their heads are fixed together below.
    bool ok = readFolderState(m_db, batch.folderId, &folder) && writer.beginBatch(what);
    // What the user did and the server has not heard yet: a resync's Adds or
    // an answer repeated for an old key must not undo it, nor another
    // device's change. Where the server's value was kept out, a refusal of
    // the user's change must roll back to it, not to what was there before.
    const QList<ActionEntry> unfinished = m_store.journalStore().actions(true);
    Waiting waiting;
    ok = ok && waitingIn(m_db, batch.folderId, unfinished, &waiting);
    QHash<qint64, bool> serverRead;
    QHash<qint64, FlagState> serverFlag;
    auto noteKept = [&](const QString &serverId, const std::optional<bool> &read,
                        const std::optional<FlagState> &flag) {
        if (read && waiting.ownRead.contains(serverId))
            serverRead.insert(waiting.ownRead.value(serverId), *read);
        if (flag && waiting.ownFlag.contains(serverId))
            serverFlag.insert(waiting.ownFlag.value(serverId), *flag);
    };
    for (qsizetype i = 0; ok && i < batch.adds.size(); ++i) {
        const Message &m = batch.adds[i];
        if (waiting.leaving.contains(m.serverId))
            continue;
        ok = writer.upsertMessage(batch.folderId, m, folder.generation, waiting.ownRead.contains(m.serverId),
                                   waiting.ownFlag.contains(m.serverId));
        noteKept(m.serverId, m.read, m.flag);
    }
    for (qsizetype i = 0; ok && i < batch.changes.size(); ++i) {
        const MessageChange &c = batch.changes[i];
        ok = writer.applyChange(batch.folderId, c, folder, waiting.ownRead.contains(c.serverId),
                                 waiting.ownFlag.contains(c.serverId));
        noteKept(c.serverId, c.full ? std::optional<bool>(c.full->read) : c.read,
                 c.full ? std::optional<FlagState>(c.full->flag) : c.flag);
    }
    ok = ok && rebaseUndo(m_store.journalStore(), unfinished, serverRead, serverFlag);
    ok = ok && writer.endBatch();
    // A soft delete (item left the sync window) removes the local copy just
    // like a delete; only the server-side meaning differs.
    for (const QStringList *list : {&batch.deletes, &batch.softDeletes}) {
        for (qsizetype i = 0; ok && i < list->size(); ++i)
            ok = writer.deleteMessage(batch.folderId, list->at(i));
    }
    ok = ok && m_db.flushFullText();
    FolderStore &folders = m_store.folderStore();
    ok = ok && folders.setSyncKey(batch.folderId, batch.newSyncKey);
    ok = ok && (!batch.nextRequestInFlight || folders.setSyncInFlight(batch.folderId, true));
    ok = ok && (transaction.commit() || m_db.fail(QStringLiteral("committing")));
    if (!ok)
        m_db.failWith(what + QStringLiteral(": ") + m_db.lastError());
    return ok; // on failure the transaction rolls back: nothing of the batch stays
}

int SyncApplier::adoptMovedMessages(const QString &folderId, const QList<Message> &adds)
{
    // Cheap exit for the common case: no placeholder in this folder.
    auto any = m_db.prepare("SELECT 1 FROM messages WHERE folder_id = :folder AND moving LIMIT 1");
    if (!any.isValid())
        return -1;
    any.bind(":folder", folderId);
    if (any.step() != SQLITE_ROW)
        return 0;
    any = sql::Statement();

    int adopted = 0;
    for (const Message &add : adds) {
        auto q = m_db.prepare(
            "UPDATE messages SET server_id = :sid, moving = 0 WHERE id = (SELECT id FROM messages "
            "WHERE folder_id = :folder AND moving AND conversation_id IS :cid "
            "AND conversation_index IS :cindex AND date_received IS :date ORDER BY id LIMIT 1) "
            "AND NOT EXISTS (SELECT 1 FROM messages WHERE folder_id = :folder AND server_id = :sid)");
        if (!q.isValid())
            return -1;
        q.bind(":sid", add.serverId);
        q.bind(":folder", folderId);
        q.bindBlob(":cid", add.conversationId);
        q.bindBlob(":cindex", add.conversationIndex);
        q.bindTime(":date", add.dateReceived);
        if (!m_db.check(q.step(), QStringLiteral("adopting moved message %1").arg(add.serverId)))
            return -1;
        adopted += m_db.changes();
    }
    return adopted;
}

// Runs after every Sync of a folder: INDEXED BY keeps it to the folder's
// placeholders (usually none); left to itself SQLite walked the folder's
// conversation index, 100 ms per sync at 100k messages.
int SyncApplier::dropPlaceholdersWithTwins(const QString &folderId)
{
    auto q = m_db.prepare(
        "SELECT p.id FROM messages p INDEXED BY messages_moving "
        "WHERE p.folder_id = :folder AND p.moving AND p.conversation_id IS NOT NULL "
        "AND EXISTS (SELECT 1 FROM messages t WHERE t.folder_id = p.folder_id AND NOT t.moving "
        "AND t.conversation_id = p.conversation_id AND t.conversation_index IS p.conversation_index "
        "AND t.date_received IS p.date_received)");
    if (!q.isValid())
        return -1;
    q.bind(":folder", folderId);
    QList<qint64> candidates;
    while (q.step() == SQLITE_ROW)
        candidates.append(q.int64(0));
    q = sql::Statement();
    if (candidates.isEmpty())
        return 0;
    QSet<qint64> named;
    for (const ActionEntry &e : m_store.journalStore().actions(true))
        for (const ActionItem &item : e.items)
            named.insert(item.messageId);
    int dropped = 0;
    for (const qint64 id : std::as_const(candidates)) {
        if (named.contains(id))
            continue;
        if (!m_store.messageStore().removeMessage(id))
            return -1;
        ++dropped;
    }
    return dropped;
}

} // namespace skein
