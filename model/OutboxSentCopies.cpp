// The server's copies of the replies Skein sent (SentCopyMatch.h).
//
// Matches are kept in the table sent_copies, one row per outbox entry whose
// copy arrived, so a copy is never taken twice and a later Sync cannot
// change which row stands for which reply. The table is made on first use
// rather than by a migration: it only ever holds what can be matched again
// from the outbox and the messages, so an older Skein that ignores it loses
// nothing.

#include "SentCopyMatch.h"
#include "StoreRows.h"

namespace skein {

namespace {

const char *const kCreateSentCopies =
    "CREATE TABLE IF NOT EXISTS sent_copies ("
    " outbox_id INTEGER PRIMARY KEY,"
    " message_id INTEGER NOT NULL UNIQUE)";

bool awaitsCopy(const OutboxEntry &entry)
{
    return entry.sourceMessageId != 0 && entry.kind != OutboxKind::Send
        && (entry.state == OutboxState::Sent || entry.state == OutboxState::Sending);
}

// Sent messages stay in the outbox as a record, attachments and all, and
// these are read whenever a conversation is shown: only the start of the
// MIME, where the headers Skein wrote (Message-ID, Thread-Index) are.
constexpr int kHeaderBytes = 16384;

#define SKEIN_OUTBOX_REPLIES_SELECT                                                                  \
    "SELECT id, created, kind, client_id, substr(mime, 1, :head), subject, recipients, "           \
    "source_folder_id, source_server_id, source_long_id, source_message_id, save_in_sent, state, " \
    "attempts, error, sent FROM outbox "                                                           \
    "WHERE COALESCE(source_message_id, 0) != 0 AND kind != 'send' AND (state != 'sent' OR save_in_sent) "

} // namespace

bool OutboxStore::hasSentCopiesTable() const
{
    auto q = m_db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sent_copies'");
    return q.isValid() && q.step() == SQLITE_ROW;
}

QHash<qint64, qint64> OutboxStore::sentCopies() const
{
    QHash<qint64, qint64> copies;
    if (!hasSentCopiesTable())
        return copies;
    auto q = m_db.prepare("SELECT outbox_id, message_id FROM sent_copies");
    if (!q.isValid())
        return copies;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW)
        copies.insert(q.int64(0), q.int64(1));
    if (rc != SQLITE_DONE)
        m_db.fail(QStringLiteral("reading the copies of sent messages"));
    return copies;
}

QList<OutboxEntry> OutboxStore::repliesInOutbox() const
{
    QList<OutboxEntry> result;
    auto q = m_db.prepare(hasSentCopiesTable()
                            ? SKEIN_OUTBOX_REPLIES_SELECT "AND id NOT IN (SELECT outbox_id FROM sent_copies) ORDER BY id"
                            : SKEIN_OUTBOX_REPLIES_SELECT "ORDER BY id");
    if (!q.isValid())
        return result;
    q.bind(":head", kHeaderBytes);
    int rc;
    while ((rc = q.step()) == SQLITE_ROW)
        result.append(readOutboxRow(q));
    if (rc != SQLITE_DONE)
        m_db.fail(QStringLiteral("reading the replies in the outbox"));
    return result;
}

QList<SentReply> OutboxStore::repliesAwaitingCopy() const
{
    QList<SentReply> replies;
    for (const OutboxEntry &entry : repliesInOutbox()) {
        if (!awaitsCopy(entry))
            continue;
        SentReply reply;
        reply.entry = entry;
        reply.messageId = outboxMessageId(entry);
        if (const std::optional<Message> source = m_store.messageStore().messageById(entry.sourceMessageId))
            reply.source = *source;
        replies.append(std::move(reply));
    }
    return replies;
}

QList<Message> OutboxStore::sentCopyCandidates(const QList<SentReply> &replies) const
{
    QList<Message> candidates;
    QSet<qint64> seen;
    auto add = [&](const Message &m) {
        if (!seen.contains(m.id)) {
            seen.insert(m.id);
            candidates.append(m);
        }
    };
    QSet<QByteArray> conversations;
    for (const SentReply &reply : replies) {
        if (!reply.source.conversationId.isEmpty() && !conversations.contains(reply.source.conversationId)) {
            conversations.insert(reply.source.conversationId);
            for (const Message &m : m_store.messageStore().conversationMessages(reply.source.conversationId))
                add(m);
        }
        if (reply.messageId.isEmpty())
            continue;
        // The copy may sit in another conversation (Skein's own grouping).
        auto q = m_db.prepare("SELECT id FROM messages WHERE message_id = :mid");
        if (!q.isValid())
            continue;
        q.bind(":mid", reply.messageId);
        QList<qint64> ids;
        while (q.step() == SQLITE_ROW)
            ids.append(q.int64(0));
        for (const qint64 id : std::as_const(ids)) {
            if (const std::optional<Message> m = m_store.messageStore().messageById(id))
                add(*m);
        }
    }
    return candidates;
}

QSet<QString> OutboxStore::sentItemsFolderIds() const
{
    QSet<QString> ids;
    for (const Folder &folder : m_store.folderStore().folders()) {
        if (folder.type == FolderType::SentItems)
            ids.insert(folder.serverId);
    }
    return ids;
}

int OutboxStore::recordSentCopies()
{
    const QList<SentReply> replies = repliesAwaitingCopy();
    if (replies.isEmpty())
        return 0;
    const QHash<qint64, qint64> copies = sentCopies();
    const QSet<qint64> taken(copies.cbegin(), copies.cend());
    const QHash<qint64, qint64> found =
        matchSentCopies(replies, sentCopyCandidates(replies), sentItemsFolderIds(), taken);
    if (found.isEmpty())
        return 0;
    if (!m_db.execute(kCreateSentCopies, QStringLiteral("making the table of sent copies")))
        return -1;
    auto transaction = m_db.begin();
    if (!transaction.isActive()) {
        m_db.fail(QStringLiteral("recording the copies of sent messages"));
        return -1;
    }
    for (auto it = found.cbegin(); it != found.cend(); ++it) {
        auto q = m_db.prepare("INSERT OR IGNORE INTO sent_copies (outbox_id, message_id) VALUES (:outbox, :message)");
        if (!q.isValid())
            return -1;
        q.bind(":outbox", it.key());
        q.bind(":message", it.value());
        if (!m_db.check(q.step(), QStringLiteral("recording the copy of outbox message %1").arg(it.key())))
            return -1;
    }
    if (!transaction.commit()) {
        m_db.fail(QStringLiteral("recording the copies of sent messages"));
        return -1;
    }
    return int(found.size());
}

} // namespace skein
