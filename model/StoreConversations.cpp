// The conversation list of skein::Store.

#include "StorePrivate.h"

#include <string>

namespace skein {

namespace {

// One query, in two variants that differ only in how `page` finds the
// conversations of the page. Each conversation is represented by its "head",
// its newest message in any folder, so it sorts by its latest date, replies in
// Sent Items included; a message without a ConversationId is its own head.
// `members` joins only the page's heads back to every message of their
// conversations (any folder), `stats` aggregates them with GROUP BY, and the
// result has one row per member, newest first, for the participants.
const char *const tailSql = R"sql(
members AS (
    SELECT page.head, m.id, m.date_received, m.read, m.flag_status, m.has_attachments, m.sender
    FROM page JOIN messages m ON m.conversation_id = page.cid
    UNION ALL
    SELECT page.head, m.id, m.date_received, m.read, m.flag_status, m.has_attachments, m.sender
    FROM page JOIN messages m ON m.id = page.head WHERE page.cid IS NULL),
stats AS (
    SELECT head, count(*) AS total, total(NOT read) AS unread,
           total(flag_status = 2) > 0 AS flagged, total(has_attachments) > 0 AS attachments
    FROM members GROUP BY head)
SELECT page.cid, page.sid, page.latest, stats.total, stats.unread, stats.flagged,
       stats.attachments, page.subject, members.sender, page.head
FROM page JOIN stats USING (head) JOIN members USING (head)
ORDER BY page.latest DESC, page.head DESC, members.date_received DESC, members.id DESC
)sql";

// Large folders: walk ALL messages newest first (messages_date index), keeping
// heads of conversations with a message in the folder, and stop after LIMIT
// heads. The first pages cost O(page), not O(folder); cost grows with the
// offset, which suits a list fetching page after page. The membership probe
// goes before the head check: it is the cheaper one and rejects the messages
// of other folders' conversations.
const std::string walkSql = R"sql(
WITH page AS (
    SELECT m.id AS head, m.conversation_id AS cid, m.server_id AS sid,
           m.date_received AS latest, m.subject AS subject
    FROM messages m
    WHERE CASE WHEN m.conversation_id IS NULL THEN m.folder_id = :folder_id
          ELSE EXISTS (SELECT 1 FROM messages x
                       WHERE x.folder_id = :folder_id AND x.conversation_id = m.conversation_id)
               AND m.id = (SELECT n.id FROM messages n WHERE n.conversation_id = m.conversation_id
                           ORDER BY n.date_received DESC, n.id DESC LIMIT 1)
          END
    ORDER BY m.date_received DESC, m.id DESC LIMIT :limit OFFSET :offset),
)sql" + std::string(tailSql);

// Small folders: collect the heads of the folder's conversations and sort
// them. O(folder), which beats walking a large account for a few messages.
const std::string collectSql = R"sql(
WITH page AS (
    SELECT m.id AS head, m.conversation_id AS cid, m.server_id AS sid,
           m.date_received AS latest, m.subject AS subject
    FROM messages m
    WHERE m.id IN (
        SELECT (SELECT n.id FROM messages n WHERE n.conversation_id = f.cid
                ORDER BY n.date_received DESC, n.id DESC LIMIT 1)
        FROM (SELECT DISTINCT conversation_id AS cid FROM messages
              WHERE folder_id = :folder_id AND conversation_id IS NOT NULL) f
        UNION ALL
        SELECT id FROM messages WHERE folder_id = :folder_id AND conversation_id IS NULL)
    ORDER BY m.date_received DESC, m.id DESC LIMIT :limit OFFSET :offset),
)sql" + std::string(tailSql);

// Below this many messages a folder is collected instead of walked.
constexpr int smallFolder = 2000;

ConversationSummary startSummary(const sql::Statement &q)
{
    ConversationSummary summary;
    summary.conversationId = q.blob(0);
    if (summary.conversationId.isEmpty())
        summary.serverId = q.text(1);
    summary.latest = q.time(2);
    summary.messageCount = q.integer(3);
    summary.unreadCount = q.integer(4);
    summary.flagged = q.boolean(5);
    summary.hasAttachments = q.boolean(6);
    summary.subject = q.text(7); // of the head, the newest message
    return summary;
}

void addParticipant(ConversationSummary &summary, const QString &sender)
{
    if (!sender.isEmpty() && !summary.participants.contains(sender))
        summary.participants.append(sender);
}

} // namespace

bool Store::Private::isSmallFolder(const QString &folderId) const
{
    // Counting stops at the threshold, so a huge folder costs no more.
    auto q = prepare("SELECT count(*) FROM (SELECT 1 FROM messages WHERE folder_id = :folder_id "
                     "LIMIT :limit)");
    if (!q.isValid())
        return true;
    q.bind(":folder_id", folderId);
    q.bind(":limit", smallFolder);
    return q.step() != SQLITE_ROW || q.integer(0) < smallFolder;
}

QList<ConversationSummary> Store::conversations(const QString &folderId, int offset,
                                                int limit) const
{
    // Without a limit every conversation is needed: collecting is cheaper.
    const bool collect = limit < 0 || d->isSmallFolder(folderId);
    auto q = d->prepare((collect ? collectSql : walkSql).c_str());
    if (!q.isValid())
        return {};
    q.bind(":folder_id", folderId);
    q.bind(":limit", limit < 0 ? -1 : limit); // SQLite: a negative LIMIT means none
    q.bind(":offset", qMax(0, offset));
    QList<ConversationSummary> result;
    qint64 head = 0; // row ids are positive
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) {
        if (result.isEmpty() || q.int64(9) != head) {
            head = q.int64(9);
            result.append(startSummary(q));
        }
        addParticipant(result.last(), q.text(8));
    }
    if (rc != SQLITE_DONE) {
        d->fail(QStringLiteral("listing the conversations of folder %1").arg(folderId));
        return {};
    }
    return result;
}

} // namespace skein
