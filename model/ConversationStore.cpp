// The conversation list of skein::Store.

#include "StoreRows.h"
#include "ThreadInference.h"

#include <QSet>

#include <string>

namespace skein {

namespace {

// A page is two steps. The page query (built from parts, cached per variant:
// at most a few dozen) finds the page's conversations; each is represented by
// its "head", its newest message in any folder, so it sorts by its latest
// date, replies in Sent Items included; a message without a ConversationId is
// its own head and its only member. Then membersSql reads each conversation's
// members (any folder), newest first, from the covering index
// messages_conversation, and the counts are summed while reading them. One
// statement joining the page back to its members cost four times as much
// (callgrind: 19M against 4.5M instructions for the benchmark's first page):
// SQLite materialized the members, indexed them and sorted them again.
const char *const pageColumns =
    "SELECT m.id, m.conversation_id, m.server_id, m.date_received, m.subject, m.sender, m.read, "
    "m.flag_status, m.has_attachments ";

const char *const membersSql =
    "SELECT sender, read, flag_status, has_attachments FROM messages "
    "WHERE conversation_id = :conversation_id ORDER BY date_received DESC, id DESC";

// A head: a conversation's newest message in any folder, or a message
// without ConversationId (migration 3 says how is_head is kept).
const char *const isHead = " (m.is_head OR m.conversation_id IS NULL) ";

// The head's conversation has a message in the folder; a head without
// ConversationId is a message of its own folder.
const char *const inFolder = R"sql(
CASE WHEN m.conversation_id IS NULL THEN m.folder_id = :folder_id
     ELSE EXISTS (SELECT 1 FROM messages x
                  WHERE x.folder_id = :folder_id AND x.conversation_id = m.conversation_id)
END
)sql";

// The columns of the heads the page query reads, from a subquery.
const char *const headColumns =
    "m.id, m.conversation_id, m.server_id, m.date_received, m.subject, m.sender, m.read, "
    "m.flag_status, m.has_attachments, m.folder_id, m.thread_topic";

// Small folders and whole lists: collect the heads of the folder's
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

// Filtered large folders: one plain scan of every message (in any folder,
// as filterWhere matches) finds the matching conversations, then only their
// heads are looked up and sorted. Walking instead tests every head passed
// against its members, row by row: about five times a plain scan when
// little matches, since the walk then passes every conversation.
const char *const matchesWhere = R"sql(
WHERE m.id IN (
    SELECT coalesce(f.single, (SELECT n.id FROM messages n WHERE n.conversation_id = f.cid
                               ORDER BY n.date_received DESC, n.id DESC LIMIT 1))
    FROM (SELECT DISTINCT conversation_id AS cid,
                 CASE WHEN conversation_id IS NULL THEN id END AS single
          FROM messages NOT INDEXED
          WHERE subject LIKE :pattern ESCAPE '\' OR sender LIKE :pattern ESCAPE '\') f)
)sql";

// Keyset paging for the date order. Heads sort by (date_received, id), and a
// NULL date sorts below every date (after them when descending), so the list
// is two zones: dated heads and undated ones. A page after (date, id) reads
// the rest of that row's zone, then, if short, the start of the next zone.
// Each clause is an index range on messages_heads, never a skip over rows.
enum class Zone { All, DatedAfter, Dated, UndatedAfter, Undated };

const char *keysetWhere(Zone zone, Qt::SortOrder order)
{
    const bool asc = order == Qt::AscendingOrder;
    switch (zone) {
    case Zone::All: return "";
    case Zone::DatedAfter:
        return asc ? " AND (m.date_received, m.id) > (:after_date, :after_id) "
                   : " AND (m.date_received, m.id) < (:after_date, :after_id) ";
    case Zone::Dated: return " AND m.date_received IS NOT NULL ";
    case Zone::UndatedAfter:
        return asc ? " AND m.date_received IS NULL AND m.id > :after_id "
                   : " AND m.date_received IS NULL AND m.id < :after_id ";
    case Zone::Undated: return " AND m.date_received IS NULL ";
    }
    return "";
}

// Below this many messages a folder is collected instead of walked.
constexpr int smallFolder = 2000;

// How a page query finds its heads.
enum class Strategy {
    // Large folders: walk the heads in the order shown (a partial index on
    // heads, see walkIndex), keep those in the folder, stop after LIMIT. A
    // page costs about one index entry per conversation passed, whatever the
    // size of the threads, and by date a keyset (see keysetWhere) starts
    // later pages where the last one ended, so scrolling costs the same on
    // every page.
    Walk,
    // Filtered large folders, first: the walk over the first heads only
    // (see probedHeadsPerRow). Enough matches among them make the page: a
    // text most conversations match costs a page, not a scan.
    WalkFirstHeads,
    // Filtered large folders, otherwise: see matchesWhere.
    CollectMatches,
    // See collectWhere.
    Collect,
};

// WalkFirstHeads tries this many heads (of any folder) per row wanted: the
// page fills when one head in four walked is the folder's and matches;
// at most maxProbedHeads, as a scan is then cheaper than a walk that may
// come up short anyway.
constexpr int probedHeadsPerRow = 4;
constexpr int maxProbedHeads = 4000;

const char *direction(Qt::SortOrder order)
{
    return order == Qt::AscendingOrder ? "ASC" : "DESC";
}

// The sort key expression over the head message m. The subject and sender
// indexes of migration 13 repeat these expressions word for word.
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

// Names of the head's columns in the page query.
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

// The partial index on heads whose order is the page's order (migrations 3
// and 13). By date one index serves both directions; by subject or sender
// the ties (newest first) do not reverse with the key, so each direction
// has its own.
const char *walkIndex(const ConversationQuery &query)
{
    const bool asc = query.order == Qt::AscendingOrder;
    switch (query.sortKey) {
    case ConversationSort::Subject:
        return asc ? "messages_heads_subject_asc" : "messages_heads_subject_desc";
    case ConversationSort::Sender:
        return asc ? "messages_heads_sender_asc" : "messages_heads_sender_desc";
    case ConversationSort::Date:
        break;
    }
    return "messages_heads";
}

std::string buildSql(const ConversationQuery &query, Strategy strategy, Zone zone)
{
    const std::string order
        = " ORDER BY " + orderBy(query, {keyExpression(query.sortKey), "m.date_received", "m.id"});
    const char *const keyset = keysetWhere(zone, query.order);
    const char *const filter = query.filterText.isEmpty() ? "" : filterWhere;
    std::string from;
    switch (strategy) {
    case Strategy::Walk:
        from = std::string("FROM messages m INDEXED BY ") + walkIndex(query) + " WHERE" + isHead
            + "AND" + inFolder + keyset + filter;
        break;
    case Strategy::WalkFirstHeads:
        from = std::string("FROM (SELECT ") + headColumns + " FROM messages m INDEXED BY "
            + walkIndex(query) + " WHERE" + isHead + keyset + order + " LIMIT :heads) m WHERE"
            + inFolder + filter;
        break;
    case Strategy::CollectMatches:
        from = std::string("FROM messages m ") + matchesWhere + "AND" + inFolder + keyset;
        break;
    case Strategy::Collect:
        from = std::string("FROM messages m ") + collectWhere + keyset + filter;
        break;
    }
    return pageColumns + from + order + " LIMIT :limit OFFSET :offset";
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

// Columns of the page query, in pageColumns' order.
enum Column { ColHead, ColCid, ColSid, ColLatest, ColSubject, ColSender, ColRead, ColFlag,
              ColAttachments };
// Columns of membersSql.
enum MemberColumn { MemberSender, MemberRead, MemberFlag, MemberAttachments };

ConversationSummary startSummary(const sql::Statement &q)
{
    ConversationSummary summary;
    summary.headId = q.int64(ColHead);
    summary.conversationId = q.blob(ColCid);
    summary.inferred = isInferredConversationId(summary.conversationId);
    if (summary.conversationId.isEmpty())
        summary.serverId = q.text(ColSid);
    summary.latest = q.time(ColLatest);
    summary.subject = q.text(ColSubject); // of the head, the newest message
    return summary;
}

// Builds one summary from its member rows. "Unique" scans the short lists
// most conversations have and switches to a set past a few senders: a
// 500-message thread with hundreds of senders would otherwise cost more as a
// list scan than the query, and a set per small conversation costs more than
// its scan.
class SummaryBuilder
{
public:
    void start(ConversationSummary *summary)
    {
        m_summary = summary;
        m_senders.clear();
        m_unreadSenders.clear();
    }

    // One member from q's columns sender, read, flag_status, has_attachments
    // starting at `first`.
    void add(const sql::Statement &q, int first)
    {
        ConversationSummary &s = *m_summary;
        const QString sender = q.text(first + MemberSender);
        ++s.messageCount;
        addUnique(s.participants, m_senders, sender);
        if (!q.boolean(first + MemberRead)) {
            ++s.unreadCount;
            addUnique(s.unreadSenders, m_unreadSenders, sender);
        }
        s.flagged = s.flagged || FlagStatus(q.integer(first + MemberFlag)) == FlagStatus::Active;
        s.hasAttachments = s.hasAttachments || q.boolean(first + MemberAttachments);
    }

private:
    static void addUnique(QStringList &list, QSet<QString> &seen, const QString &sender)
    {
        constexpr qsizetype scanned = 8;
        if (sender.isEmpty())
            return;
        if (list.size() < scanned) {
            if (!list.contains(sender))
                list.append(sender);
            return;
        }
        if (seen.isEmpty()) // crossing over: the set takes the list so far
            seen = QSet<QString>(list.cbegin(), list.cend());
        if (!seen.contains(sender)) {
            seen.insert(sender);
            list.append(sender);
        }
    }

    ConversationSummary *m_summary = nullptr;
    QSet<QString> m_senders, m_unreadSenders;
};

} // namespace

bool ConversationStore::isSmallFolder(const QString &folderId) const
{
    auto version = m_db.prepare("PRAGMA data_version");
    if (!version.isValid() || version.step() != SQLITE_ROW)
        return true;
    const qint64 changes = m_db.totalChanges();
    if (version.int64(0) != m_smallFoldersVersion || changes != m_smallFoldersChanges
        || m_db.connectionSerial() != m_smallFoldersConnection) {
        m_smallFolders.clear();
        m_smallFoldersVersion = version.int64(0);
        m_smallFoldersChanges = changes;
        m_smallFoldersConnection = m_db.connectionSerial();
    }
    const auto cached = m_smallFolders.constFind(folderId);
    if (cached != m_smallFolders.cend())
        return *cached;
    // Counting stops at the threshold, so a huge folder costs no more.
    auto q = m_db.prepare("SELECT count(*) FROM (SELECT 1 FROM messages WHERE folder_id = :folder_id "
                     "LIMIT :limit)");
    if (!q.isValid())
        return true;
    q.bind(":folder_id", folderId);
    q.bind(":limit", smallFolder);
    if (q.step() != SQLITE_ROW)
        return true;
    const bool small = q.integer(0) < smallFolder;
    m_smallFolders.insert(folderId, small);
    return small;
}

QList<ConversationSummary> ConversationStore::conversations(const QString &folderId, int offset,
                                                int limit) const
{
    ConversationQuery query;
    query.offset = offset;
    query.limit = limit;
    return conversations(folderId, query);
}

QList<ConversationSummary> ConversationStore::conversations(const QString &folderId,
                                                const ConversationQuery &query) const
{
    const bool keyset = query.sortKey == ConversationSort::Date && query.afterHeadId > 0;
    bool ok = true;
    if (!keyset)
        return conversationPage(folderId, query, int(Zone::All), query.limit, &ok);
    // Dated rows come first when descending, undated first when ascending.
    const bool descending = query.order == Qt::DescendingOrder;
    const bool afterDated = query.afterLatest.isValid();
    const Zone next = afterDated == descending ? (afterDated ? Zone::Undated : Zone::Dated)
                                               : Zone::All; // no zone follows
    QList<ConversationSummary> result = conversationPage(
        folderId, query, int(afterDated ? Zone::DatedAfter : Zone::UndatedAfter), query.limit, &ok);
    const int missing = query.limit < 0 ? -1 : query.limit - int(result.size());
    if (next != Zone::All && missing != 0 && ok)
        result += conversationPage(folderId, query, int(next), missing, &ok);
    return ok ? result : QList<ConversationSummary>();
}

QList<ConversationSummary> ConversationStore::conversationPage(const QString &folderId,
                                                            const ConversationQuery &query,
                                                            int zone, int limit,
                                                            bool *ok) const
{
    *ok = false;
    const bool filtered = !query.filterText.isEmpty();
    const int offset = Zone(zone) == Zone::All ? qMax(0, query.offset) : 0; // a keyset replaces it
    const int probed = probedHeadsPerRow * (offset + limit);
    // Without a limit everything is needed and collecting is cheaper.
    Strategy strategy = Strategy::Collect;
    if (!isSmallFolder(folderId)) {
        if (!filtered && limit >= 0)
            strategy = Strategy::Walk;
        else if (filtered)
            strategy = limit >= 0 && probed <= maxProbedHeads ? Strategy::WalkFirstHeads
                                                              : Strategy::CollectMatches;
    }
    QList<ConversationSummary> result;
    if (!readHeads(folderId, query, int(strategy), zone, offset, limit, probed, &result))
        return {};
    if (strategy == Strategy::WalkFirstHeads && result.size() < limit
        && !readHeads(folderId, query, int(Strategy::CollectMatches), zone, offset, limit, 0,
                      &result))
        return {};
    if (!readMembers(folderId, &result))
        return {};
    *ok = true;
    return result;
}

bool ConversationStore::readHeads(const QString &folderId, const ConversationQuery &query,
                               int strategy, int zone, int offset, int limit, int heads,
                               QList<ConversationSummary> *result) const
{
    result->clear();
    const std::string text = buildSql(query, Strategy(strategy), Zone(zone));
    auto q = m_db.prepare(text.c_str());
    if (!q.isValid())
        return false;
    q.bind(":folder_id", folderId);
    q.bind(":limit", limit < 0 ? -1 : limit); // SQLite: a negative LIMIT means none
    q.bind(":offset", offset);
    if (Strategy(strategy) == Strategy::WalkFirstHeads)
        q.bind(":heads", heads);
    if (Zone(zone) == Zone::DatedAfter)
        q.bindTime(":after_date", query.afterLatest);
    if (Zone(zone) == Zone::DatedAfter || Zone(zone) == Zone::UndatedAfter)
        q.bind(":after_id", query.afterHeadId);
    if (!query.filterText.isEmpty())
        q.bind(":pattern", containsPattern(query.filterText));
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) {
        result->append(startSummary(q));
        if (result->last().conversationId.isEmpty()) {
            SummaryBuilder builder; // its own only member
            builder.start(&result->last());
            builder.add(q, ColSender);
        }
    }
    return rc == SQLITE_DONE
        || m_db.fail(QStringLiteral("listing the conversations of folder %1").arg(folderId));
}

// The counts and participants of each conversation of the page, summed from
// its members (any folder).
bool ConversationStore::readMembers(const QString &folderId, QList<ConversationSummary> *page) const
{
    SummaryBuilder builder;
    for (ConversationSummary &summary : *page) {
        if (summary.conversationId.isEmpty())
            continue;
        auto members = m_db.prepare(membersSql); // the cached statement, reset per conversation
        if (!members.isValid())
            return false;
        members.bindBlob(":conversation_id", summary.conversationId);
        builder.start(&summary);
        int rc;
        while ((rc = members.step()) == SQLITE_ROW)
            builder.add(members, 0);
        if (rc != SQLITE_DONE)
            return m_db.fail(QStringLiteral("listing the conversations of folder %1").arg(folderId));
    }
    return true;
}

} // namespace skein
