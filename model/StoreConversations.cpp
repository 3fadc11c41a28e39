// The conversation list of skein::Store.

#include "StorePrivate.h"

#include <string>

namespace skein {

namespace {

// One query, built from parts and cached per variant (at most a few dozen).
// `page` finds the page's conversations; each is represented by its "head",
// its newest message in any folder, so it sorts by its latest date, replies
// in Sent Items included; a message without a ConversationId is its own head.
// `members` joins only the page's heads back to every message of their
// conversations (any folder); the result has one row per member, newest
// first, and the counts are summed while reading them (a GROUP BY joined back
// to the members cost twice as much as the rows themselves).
const char *const tailSql = R"sql(
members AS (
    SELECT page.head, m.id, m.date_received, m.read, m.flag_status, m.has_attachments, m.sender
    FROM page JOIN messages m ON m.conversation_id = page.cid
    UNION ALL
    SELECT page.head, m.id, m.date_received, m.read, m.flag_status, m.has_attachments, m.sender
    FROM page JOIN messages m ON m.id = page.head WHERE page.cid IS NULL)
SELECT page.cid, page.sid, page.latest, page.subject, page.head, members.sender, members.read,
       members.flag_status, members.has_attachments
FROM page JOIN members USING (head)
)sql";

const char *const pageColumns =
    "SELECT m.id AS head, m.conversation_id AS cid, m.server_id AS sid, "
    "m.date_received AS latest, m.subject AS subject, %1 AS sortkey FROM messages m ";

// Large folders by date: walk ALL messages in date order (messages_date
// index), keeping heads of conversations with a message in the folder, and
// stop after LIMIT heads. The first pages cost O(page), not O(folder); cost
// grows with the offset, which suits a list fetching page after page. The
// membership probe goes before the head check: it is the cheaper one and
// rejects the messages of other folders' conversations.
const char *const walkWhere = R"sql(
WHERE CASE WHEN m.conversation_id IS NULL THEN m.folder_id = :folder_id
      ELSE EXISTS (SELECT 1 FROM messages x
                   WHERE x.folder_id = :folder_id AND x.conversation_id = m.conversation_id)
           AND m.id = (SELECT n.id FROM messages n WHERE n.conversation_id = m.conversation_id
                       ORDER BY n.date_received DESC, n.id DESC LIMIT 1)
      END
)sql";

// Small folders and other sort keys: collect the heads of the folder's
// conversations and sort them. O(folder), which beats walking a large account
// for a few messages.
const char *const collectWhere = R"sql(
WHERE m.id IN (
    SELECT (SELECT n.id FROM messages n WHERE n.conversation_id = f.cid
            ORDER BY n.date_received DESC, n.id DESC LIMIT 1)
    FROM (SELECT DISTINCT conversation_id AS cid FROM messages
          WHERE folder_id = :folder_id AND conversation_id IS NOT NULL) f
    UNION ALL
    SELECT id FROM messages WHERE folder_id = :folder_id AND conversation_id IS NULL)
)sql";

// Any message of the conversation (any folder) matching keeps it listed.
const char *const filterWhere = R"sql(
AND CASE WHEN m.conversation_id IS NULL
         THEN m.subject LIKE :pattern ESCAPE '\' OR m.sender LIKE :pattern ESCAPE '\'
    ELSE EXISTS (SELECT 1 FROM messages f WHERE f.conversation_id = m.conversation_id
                 AND (f.subject LIKE :pattern ESCAPE '\' OR f.sender LIKE :pattern ESCAPE '\'))
    END
)sql";

// Below this many messages a folder is collected instead of walked.
constexpr int smallFolder = 2000;

const char *direction(Qt::SortOrder order)
{
    return order == Qt::AscendingOrder ? "ASC" : "DESC";
}

// The sort key expression over the head message m.
std::string keyExpression(ConversationSort key)
{
    switch (key) {
    case ConversationSort::Sender:
        return "m.sender";
    case ConversationSort::Subject:
        return "coalesce(nullif(m.thread_topic, ''), m.subject)";
    case ConversationSort::Date:
        break;
    }
    return "m.date_received";
}

// Names of the head's columns inside the page (m.*) and after it (page.*).
struct OrderColumns {
    std::string sortKey, latest, head;
};

// Ties fall back to newest first, so a page boundary never splits equal keys
// differently between two queries.
std::string orderBy(const ConversationQuery &query, const OrderColumns &c)
{
    const std::string dir = direction(query.order);
    if (query.sortKey == ConversationSort::Date)
        return c.latest + " " + dir + ", " + c.head + " " + dir;
    return c.sortKey + " COLLATE NOCASE " + dir + ", " + c.latest + " DESC, " + c.head + " DESC";
}

std::string buildSql(const ConversationQuery &query, bool walk)
{
    const std::string key = keyExpression(query.sortKey);
    std::string page = QString::fromLatin1(pageColumns).arg(QString::fromStdString(key)).toStdString();
    page += walk ? walkWhere : collectWhere;
    if (!query.filterText.isEmpty())
        page += filterWhere;
    const OrderColumns inner{key, "m.date_received", "m.id"};
    const OrderColumns outer{"page.sortkey", "page.latest", "page.head"};
    return "WITH page AS (" + page + " ORDER BY " + orderBy(query, inner)
        + " LIMIT :limit OFFSET :offset)," + tailSql + "ORDER BY " + orderBy(query, outer)
        + ", members.date_received DESC, members.id DESC";
}

// LIKE pattern for "contains text", with LIKE's wildcards taken literally.
QString containsPattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

// Columns of the result, in tailSql's order.
enum Column { ColCid, ColSid, ColLatest, ColSubject, ColHead, ColSender, ColRead, ColFlag,
              ColAttachments };

ConversationSummary startSummary(const sql::Statement &q)
{
    ConversationSummary summary;
    summary.conversationId = q.blob(ColCid);
    if (summary.conversationId.isEmpty())
        summary.serverId = q.text(ColSid);
    summary.latest = q.time(ColLatest);
    summary.subject = q.text(ColSubject); // of the head, the newest message
    return summary;
}

void addUnique(QStringList &list, const QString &sender)
{
    if (!sender.isEmpty() && !list.contains(sender))
        list.append(sender);
}

void addMember(ConversationSummary &summary, const sql::Statement &q)
{
    const QString sender = q.text(ColSender);
    ++summary.messageCount;
    addUnique(summary.participants, sender);
    if (!q.boolean(ColRead)) {
        ++summary.unreadCount;
        addUnique(summary.unreadSenders, sender);
    }
    summary.flagged = summary.flagged || FlagStatus(q.integer(ColFlag)) == FlagStatus::Active;
    summary.hasAttachments = summary.hasAttachments || q.boolean(ColAttachments);
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
    ConversationQuery query;
    query.offset = offset;
    query.limit = limit;
    return conversations(folderId, query);
}

QList<ConversationSummary> Store::conversations(const QString &folderId,
                                                const ConversationQuery &query) const
{
    // Only a date order can stop early; without a limit everything is needed
    // and collecting is cheaper.
    const bool walk = query.sortKey == ConversationSort::Date && query.limit >= 0
        && !d->isSmallFolder(folderId);
    const std::string text = buildSql(query, walk);
    auto q = d->prepare(text.c_str());
    if (!q.isValid())
        return {};
    q.bind(":folder_id", folderId);
    q.bind(":limit", query.limit < 0 ? -1 : query.limit); // SQLite: a negative LIMIT means none
    q.bind(":offset", qMax(0, query.offset));
    if (!query.filterText.isEmpty())
        q.bind(":pattern", containsPattern(query.filterText));
    QList<ConversationSummary> result;
    qint64 head = 0; // row ids are positive
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) {
        if (result.isEmpty() || q.int64(ColHead) != head) {
            head = q.int64(ColHead);
            result.append(startSummary(q));
        }
        addMember(result.last(), q);
    }
    if (rc != SQLITE_DONE) {
        d->fail(QStringLiteral("listing the conversations of folder %1").arg(folderId));
        return {};
    }
    return result;
}

} // namespace skein
