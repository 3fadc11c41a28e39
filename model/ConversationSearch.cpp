// Full-text search of skein::Store over the index of migration 19
// (FullTextSearch.cpp).

#include "FullTextSearch.h"
#include "StoreRows.h"
#include "ThreadInference.h"

#include <QSet>

namespace skein {

namespace {

// ORDER BY rank lets FTS5 sort the matches itself (bm25 as configured by
// migration 19) and hand them out best first, so the rows after the page
// are never read and highlight() and snippet() run only for the rows stepped.
// The message is looked up by its row id for its conversation and folder.
#define SKEIN_SEARCH_SELECT                                                                   \
    "SELECT messages_fts.rowid, m.conversation_id, m.folder_id, "                              \
    "highlight(messages_fts, 0, char(2), char(3)), "                                          \
    "snippet(messages_fts, -1, char(2), char(3), '…', 16) "                                   \
    "FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid "                          \
    "WHERE messages_fts MATCH :query "

const char *const searchAll = SKEIN_SEARCH_SELECT "ORDER BY rank";
const char *const searchFolder = SKEIN_SEARCH_SELECT "AND m.folder_id = :folder_id ORDER BY rank";

// A conversation's head (its newest message, any folder) as conversations()
// shows it; readMembers adds the counts.
const char *const headSql =
    "SELECT id, server_id, date_received, subject FROM messages WHERE conversation_id = :cid "
    "ORDER BY date_received DESC, id DESC LIMIT 1";
// A message without ConversationId is its own conversation.
const char *const singleSql =
    "SELECT id, server_id, date_received, subject, sender, read, flag_status, has_attachments "
    "FROM messages WHERE id = :id";

} // namespace

QList<SearchHit> ConversationStore::search(const QString &text, const QString &folderId, int limit) const
{
    const QString expression = fts::matchExpression(text);
    if (expression.isEmpty() || limit == 0)
        return {};
    auto q = m_db.prepare(folderId.isEmpty() ? searchAll : searchFolder);
    if (!q.isValid())
        return {};
    q.bind(":query", expression);
    if (!folderId.isEmpty())
        q.bind(":folder_id", folderId);
    QList<SearchHit> hits;
    QSet<QByteArray> seen;
    int rc = SQLITE_DONE;
    while ((limit < 0 || hits.size() < limit) && (rc = q.step()) == SQLITE_ROW) {
        const QByteArray cid = q.blob(1);
        // A conversation shows once, at its best message.
        if (!cid.isEmpty() && seen.contains(cid))
            continue;
        if (!cid.isEmpty())
            seen.insert(cid);
        SearchHit hit;
        hit.messageId = q.int64(0);
        hit.conversation.conversationId = cid;
        hit.folderId = q.text(2);
        hit.subject = q.text(3);
        hit.snippet = q.text(4);
        hits.append(hit);
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        m_db.fail(QStringLiteral("searching for %1").arg(text));
        return {};
    }
    q = sql::Statement(); // ends the read before the lookups

    QList<SearchHit> found;
    for (SearchHit hit : std::as_const(hits)) {
        ConversationSummary &s = hit.conversation;
        const bool single = s.conversationId.isEmpty();
        auto head = m_db.prepare(single ? singleSql : headSql);
        if (!head.isValid())
            return {};
        if (single)
            head.bind(":id", hit.messageId);
        else
            head.bindBlob(":cid", s.conversationId);
        const int step = head.step();
        if (step == SQLITE_DONE)
            continue; // a sync deleted it since: the lookups are a read of their own
        if (step != SQLITE_ROW) {
            m_db.fail(QStringLiteral("reading a found conversation"));
            return {};
        }
        s.headId = head.int64(0);
        s.inferred = isInferredConversationId(s.conversationId);
        if (single) {
            s.serverId = head.text(1);
            const QString sender = head.text(4);
            if (!sender.isEmpty())
                s.participants = {sender};
            s.messageCount = 1;
            if (!head.boolean(5)) {
                s.unreadCount = 1;
                s.unreadSenders = s.participants;
            }
            s.flagged = FlagStatus(head.integer(6)) == FlagStatus::Active;
            s.hasAttachments = head.boolean(7);
        }
        s.latest = head.time(2);
        s.subject = head.text(3);
        found.append(hit);
    }
    // The counts and senders of the conversations, as the list shows them.
    QList<ConversationSummary> summaries;
    for (const SearchHit &hit : std::as_const(found))
        if (!hit.conversation.conversationId.isEmpty())
            summaries.append(hit.conversation);
    if (!readMembers(folderId, &summaries))
        return {};
    qsizetype next = 0;
    for (SearchHit &hit : found)
        if (!hit.conversation.conversationId.isEmpty())
            hit.conversation = summaries.at(next++);
    return found;
}

} // namespace skein
