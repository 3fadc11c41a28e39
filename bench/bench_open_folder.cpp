// Opening a 100k-message folder in the conversation list, against the
// cheapest possible read of the same page: one plain SQL query for the 100
// newest messages. Also: expanding a 500-message conversation, scrolling,
// the unread counts the folder pane re-reads after every sync reply
// (FolderStore::unreadCounts and FolderModel::refresh, on the GUI thread) against
// the same count read from every stored message, and the first page sorted
// by subject and by sender against the date order's and against the sorted
// page query as it was before the indexes of migration 13.
//
//   bench_open_folder [messages=100000] [database path to keep, for profiling]

#include "DatabaseTestAccess.h"
#include "ConversationIndex.h"
#include "ConversationListModel.h"
#include "FolderModel.h"
#include "Store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>

// Under `valgrind --tool=callgrind --instr-atstart=no` only the measured part
// (after the fill) is instrumented, so a profile takes seconds, not minutes.
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#else
#define CALLGRIND_START_INSTRUMENTATION
#endif

using namespace skein;

namespace {

const QString inbox = QStringLiteral("inbox");
const QString sent = QStringLiteral("sent");
constexpr int longThreadSize = 500;
constexpr int runs = 15;

QDateTime minute(qint64 m)
{
    return QDateTime(QDate(2023, 1, 1), QTime(0, 0), Qt::UTC).addSecs(m * 60);
}

Message makeMessage(const QString &id, qint64 when, const QString &from, const QString &topic,
                    const QByteArray &cid, const QByteArray &index, bool reply)
{
    Message m;
    m.serverId = id;
    m.subject = reply ? QStringLiteral("RE: ") + topic : topic;
    m.threadTopic = topic;
    m.from = from;
    m.dateReceived = minute(when);
    m.conversationId = cid;
    m.conversationIndex = index;
    m.read = qHash(id) % 4 != 0; // deterministic: three in four read
    m.preview = QStringLiteral("A short preview of the message body for the list");
    m.messageClass = QStringLiteral("IPM.Note");
    return m;
}

// One thread: a starter and replies to random earlier messages, spread over
// hours; every fifth reply is mine and lives in Sent Items.
void addThread(QList<Message> &inboxAdds, QList<Message> &sentAdds, int thread, int size,
               qint64 start, QRandomGenerator &random)
{
    const QByteArray cid = QByteArray::number(thread).rightJustified(16, '0');
    const QString topic = QStringLiteral("Topic %1").arg(thread);
    QList<QByteArray> indexes{ConversationIndex::makeHeader(minute(start))};
    qint64 when = start;
    for (int i = 0; i < size; ++i) {
        if (i > 0) {
            when += 1 + random.bounded(120);
            const QByteArray &parent = indexes[random.bounded(int(indexes.size()))];
            indexes.append(ConversationIndex::appendReply(parent, minute(when), quint8(i)));
        }
        const bool mine = i > 0 && i % 5 == 0;
        const QString from = mine ? QStringLiteral("me@example.com")
                                  : QStringLiteral("person%1@example.com").arg(random.bounded(300));
        Message m = makeMessage(QStringLiteral("%1.%2").arg(thread).arg(i), when, from, topic, cid,
                                indexes.last(), i > 0);
        (mine ? sentAdds : inboxAdds).append(m);
    }
}

bool apply(Store &store, const QString &folder, QList<Message> &adds, int *batches)
{
    for (qsizetype at = 0; at < adds.size(); at += 1000) {
        SyncBatch batch;
        batch.folderId = folder;
        batch.newSyncKey = QString::number(++*batches);
        batch.adds = adds.mid(at, 1000);
        if (!store.syncApplier().applySyncBatch(batch)) {
            std::fprintf(stderr, "sync batch failed: %s\n", qPrintable(store.lastError()));
            return false;
        }
    }
    adds.clear();
    return true;
}

// Inbox of `total` messages in threads of 1-10 (singletons without a
// ConversationId), and the newest conversation is a 500-message thread.
bool fill(Store &store, int total)
{
    QRandomGenerator random(42);
    QList<Message> inboxAdds, sentAdds;
    int batches = 0, stored = 0, thread = 0;
    const qint64 span = qint64(total) * 5; // minutes: a few years of mail
    while (stored + inboxAdds.size() < total - longThreadSize) {
        const int size = 1 + random.bounded(10);
        const qint64 start = random.bounded(span);
        if (size == 1)
            inboxAdds.append(makeMessage(QStringLiteral("single%1").arg(thread++), start,
                                         QStringLiteral("news@example.com"),
                                         QStringLiteral("Newsletter"), {}, {}, false));
        else
            addThread(inboxAdds, sentAdds, thread++, size, start, random);
        if (inboxAdds.size() >= 5000) {
            stored += int(inboxAdds.size());
            if (!apply(store, inbox, inboxAdds, &batches))
                return false;
        }
    }
    // The long thread: started after everything else, my replies included,
    // in the Inbox, so it is the first row of the list.
    QList<Message> discard;
    addThread(inboxAdds, discard, -1, longThreadSize, span + 10, random);
    inboxAdds.append(discard);
    return apply(store, inbox, inboxAdds, &batches) && apply(store, sent, sentAdds, &batches);
}

double medianMs(QList<double> samples)
{
    std::sort(samples.begin(), samples.end());
    return samples.isEmpty() ? 0 : samples[samples.size() / 2];
}

double elapsedMs(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// Baseline: the 100 newest messages of the folder with the fields a row
// shows, read into Qt strings like the model does.
double plainQuery(sqlite3 *db)
{
    const char *sql = "SELECT server_id, subject, sender, date_received, read, flag_status, "
                      "has_attachments, conversation_id FROM messages WHERE folder_id = ?1 "
                      "ORDER BY date_received DESC LIMIT 100";
    sqlite3_stmt *stmt = nullptr;
    QElapsedTimer timer;
    timer.start();
    sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
    const QByteArray folder = inbox.toUtf8();
    sqlite3_bind_text(stmt, 1, folder.constData(), int(folder.size()), SQLITE_STATIC);
    QStringList fields;
    int rows = 0;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        for (int c = 0; c < 3; ++c)
            fields.append(QString::fromUtf8(
                reinterpret_cast<const char *>(sqlite3_column_text(stmt, c))));
        fields.append(QDateTime::fromMSecsSinceEpoch(sqlite3_column_int64(stmt, 3), Qt::UTC)
                          .toString());
        ++rows;
    }
    sqlite3_finalize(stmt);
    const double ms = elapsedMs(timer);
    if (rows != 100)
        std::fprintf(stderr, "baseline read %d rows\n", rows);
    return ms;
}

// setFolder up to every cell of the first page rendered.
double openFolder(ConversationListModel &model)
{
    QElapsedTimer timer;
    timer.start();
    model.setFolder(inbox);
    int cells = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int column = 0; column < model.columnCount(); ++column)
            cells += model.index(row, column).data().isValid() ? 1 : 0;
    }
    const double ms = elapsedMs(timer);
    if (model.rowCount() != ConversationListModel::pageSize)
        std::fprintf(stderr, "first page has %d rows (%d cells)\n", model.rowCount(), cells);
    return ms;
}

// The store query alone, to tell SQL from model overhead.
double storePage(const Store &store)
{
    ConversationQuery query;
    query.limit = ConversationListModel::pageSize;
    QElapsedTimer timer;
    timer.start();
    const int rows = int(store.conversationStore().conversations(inbox, query).size());
    const double ms = elapsedMs(timer);
    return rows > 0 ? ms : -1;
}

double expandLongThread(ConversationListModel &model)
{
    model.setFolder(inbox);
    const QModelIndex top = model.index(0, 0);
    QElapsedTimer timer;
    timer.start();
    model.fetchMore(top);
    const double ms = elapsedMs(timer);
    if (top.data(MessageCountRole).toInt() < longThreadSize)
        std::fprintf(stderr, "row 0 is not the long thread\n");
    return ms;
}

// Baseline for the unread counts: the same count read from every stored
// message (what it cost before the partial index on unread mail).
double unreadCountsByFullScan(sqlite3 *db)
{
    QElapsedTimer timer;
    timer.start();
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(db, "SELECT folder_id, count(*) FROM messages NOT INDEXED WHERE NOT read GROUP BY folder_id",
                       -1, &stmt, nullptr);
    int unread = 0;
    while (sqlite3_step(stmt) == SQLITE_ROW)
        unread += sqlite3_column_int(stmt, 1);
    sqlite3_finalize(stmt);
    return unread > 0 ? elapsedMs(timer) : -1;
}

double unreadCounts(const Store &store)
{
    QElapsedTimer timer;
    timer.start();
    const int folders = int(store.folderStore().unreadCounts().size());
    return folders > 0 ? elapsedMs(timer) : -1;
}

double refreshFolderPane(FolderModel &model)
{
    QElapsedTimer timer;
    timer.start();
    model.refresh();
    return elapsedMs(timer);
}

// The first page in the given order, the store query alone.
double sortedPage(const Store &store, ConversationSort key, Qt::SortOrder order)
{
    ConversationQuery query;
    query.sortKey = key;
    query.order = order;
    query.limit = ConversationListModel::pageSize;
    QElapsedTimer timer;
    timer.start();
    const int rows = int(store.conversationStore().conversations(inbox, query).size());
    const double ms = elapsedMs(timer);
    return rows == query.limit ? ms : -1;
}

// A click on a column header up to every cell of the first page rendered.
double sortList(ConversationListModel &model, int column, Qt::SortOrder order)
{
    QElapsedTimer timer;
    timer.start();
    model.sort(column, order);
    int cells = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int c = 0; c < model.columnCount(); ++c)
            cells += model.index(row, c).data().isValid() ? 1 : 0;
    }
    const double ms = elapsedMs(timer);
    return model.rowCount() == ConversationListModel::pageSize && cells > 0 ? ms : -1;
}

// Baseline: the sorted page query as the store ran it before migration 13,
// SQL only (without reading the members' counts, which both share): collect
// the heads of every conversation of the folder and sort them.
double sortedPageByCollecting(sqlite3 *db, const char *key)
{
    const QByteArray sql = QByteArray(
        "SELECT m.id, m.conversation_id, m.server_id, m.date_received, m.subject, m.sender, m.read, "
        "m.flag_status, m.has_attachments FROM messages m "
        "WHERE m.id IN ("
        "  SELECT (SELECT n.id FROM messages n WHERE n.conversation_id = f.cid"
        "          ORDER BY n.date_received DESC, n.id DESC LIMIT 1)"
        "  FROM (SELECT DISTINCT conversation_id AS cid FROM messages"
        "        WHERE folder_id = ?1 AND conversation_id IS NOT NULL) f"
        "  UNION ALL"
        "  SELECT id FROM messages WHERE folder_id = ?1 AND conversation_id IS NULL) "
        "ORDER BY ") + key + " COLLATE NOCASE ASC, m.date_received DESC, m.id DESC LIMIT 100";
    QElapsedTimer timer;
    timer.start();
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(db, sql.constData(), -1, &stmt, nullptr);
    const QByteArray folder = inbox.toUtf8();
    sqlite3_bind_text(stmt, 1, folder.constData(), int(folder.size()), SQLITE_STATIC);
    QStringList fields;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        for (const int c : {2, 4, 5})
            fields.append(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, c))));
    }
    sqlite3_finalize(stmt);
    return fields.size() == 300 ? elapsedMs(timer) : -1;
}

// (f) by subject, (g) by sender: the first page each way, the list's
// header click, the date order's first page and the query before the index,
// all in this run.
void benchSortedFirstPage(const Store &store, ConversationListModel &model, const char *label,
                          ConversationSort key, int column, const char *keyExpression)
{
    QList<double> date, asc, desc, click;
    for (int run = 0; run < runs; ++run) {
        date.append(sortedPage(store, ConversationSort::Date, Qt::DescendingOrder));
        asc.append(sortedPage(store, key, Qt::AscendingOrder));
        desc.append(sortedPage(store, key, Qt::DescendingOrder));
        click.append(sortList(model, column, Qt::AscendingOrder));
    }
    model.sort(ConversationListModel::DateColumn, Qt::DescendingOrder);
    constexpr int collectRuns = 3; // seconds each at 1M messages
    QList<double> collected;
    for (int run = 0; run < collectRuns; ++run)
        collected.append(sortedPageByCollecting(DatabaseTestAccess::connection(store), keyExpression));
    const double a = medianMs(asc), before = medianMs(collected);
    std::printf("%s, first page: ConversationStore::conversations A-Z %.2f ms, Z-A %.2f ms; "
                "ConversationListModel::sort to 100 rows of data %.2f ms\n",
                label, a, medianMs(desc), medianMs(click));
    std::printf("    same run: by date %.2f ms; the page query before migration 13 "
                "(collect and sort, SQL only, median of %d) %.1f ms, %.0fx A-Z\n",
                medianMs(date), collectRuns, before, before / qMax(a, 0.001));
}

// Baseline for the filter box: one plain scan of every stored message for
// the same LIKE the store uses, rows read into Qt strings.
double plainLikeScan(sqlite3 *db, const QString &text, int *matches)
{
    QElapsedTimer timer;
    timer.start();
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(db, "SELECT subject, sender FROM messages NOT INDEXED WHERE folder_id = ?1 "
                           "AND (subject LIKE ?2 ESCAPE '\\' OR sender LIKE ?2 ESCAPE '\\')",
                       -1, &stmt, nullptr);
    const QByteArray folder = inbox.toUtf8(), pattern = ('%' + text + '%').toUtf8();
    sqlite3_bind_text(stmt, 1, folder.constData(), int(folder.size()), SQLITE_STATIC);
    sqlite3_bind_text(stmt, 2, pattern.constData(), int(pattern.size()), SQLITE_STATIC);
    QStringList fields;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        for (const int c : {0, 1})
            fields.append(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, c))));
    }
    sqlite3_finalize(stmt);
    *matches = int(fields.size() / 2);
    return elapsedMs(timer);
}

double filteredPage(const Store &store, const QString &text, ConversationSort key, int *rows)
{
    ConversationQuery query;
    query.sortKey = key;
    query.order = key == ConversationSort::Date ? Qt::DescendingOrder : Qt::AscendingOrder;
    query.limit = ConversationListModel::pageSize;
    query.filterText = text;
    QElapsedTimer timer;
    timer.start();
    *rows = int(store.conversationStore().conversations(inbox, query).size());
    return elapsedMs(timer);
}

// (h) the filter box's first page, by date and by subject, for a text that
// matches nothing, a few conversations and every message, against a plain
// LIKE scan of the folder in the same run.
void benchFilter(const Store &store)
{
    for (const QString &text : {QStringLiteral("no such text"), QStringLiteral("topic 4242"),
                                QStringLiteral("example")}) {
        QList<double> scan, byDate, bySubject;
        int matches = 0, dateRows = 0, subjectRows = 0;
        constexpr int filterRuns = 5;
        for (int run = 0; run < filterRuns; ++run) {
            scan.append(plainLikeScan(DatabaseTestAccess::connection(store), text, &matches));
            byDate.append(filteredPage(store, text, ConversationSort::Date, &dateRows));
            bySubject.append(filteredPage(store, text, ConversationSort::Subject, &subjectRows));
        }
        const double a = medianMs(scan), b = medianMs(byDate), c = medianMs(bySubject);
        std::printf("(h) filter \"%s\", first page (%d rows): by date %.2f ms (%.2fx), by subject %.2f ms "
                    "(%.2fx) against a plain LIKE scan of the folder (%d messages match): %.2f ms\n",
                    qPrintable(text), dateRows, b, b / qMax(a, 0.001), c, c / qMax(a, 0.001), matches, a);
        if (dateRows != subjectRows)
            std::fprintf(stderr, "by subject %d rows\n", subjectRows);
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int total = argc > 1 ? qMax(1000, QByteArray(argv[1]).toInt()) : 100000;
    QTemporaryDir dir;
    const QString path = argc > 2 ? QString::fromLocal8Bit(argv[2])
                                  : dir.filePath(QStringLiteral("bench.sqlite"));
    QFile::remove(path);
    Store store;
    if (!store.open(path)
        || !store.folderStore().applyFolderSync(QStringLiteral("1"),
                                  {{inbox, QStringLiteral("0"), QStringLiteral("Inbox"), FolderType::Inbox},
                                   {sent, QStringLiteral("0"), QStringLiteral("Sent Items"), FolderType::SentItems}},
                                  {})) {
        std::fprintf(stderr, "store: %s\n", qPrintable(store.lastError()));
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    if (!fill(store, total))
        return 1;
    std::printf("filled: %d messages in the Inbox, %d in Sent Items in %.1f s\n",
                store.messageStore().messageCount(inbox), store.messageStore().messageCount(sent), elapsedMs(timer) / 1000);

    CALLGRIND_START_INSTRUMENTATION;
    ConversationListModel model(&store);
    QList<double> baseline, open, expand, sqlOnly;
    for (int run = 0; run < runs; ++run) {
        baseline.append(plainQuery(DatabaseTestAccess::connection(store)));
        open.append(openFolder(model));
        expand.append(expandLongThread(model));
        sqlOnly.append(storePage(store));
    }
    const double a = medianMs(baseline), b = medianMs(open), c = medianMs(expand);
    std::printf("(a) baseline, one SQL query for the 100 newest messages: %.2f ms (median of %d; first %.2f)\n",
                a, runs, baseline.first());
    std::printf("(b) ConversationListModel::setFolder to 100 rows x %d columns of data: %.2f ms (first %.2f)\n",
                int(ConversationListModel::ColumnCount), b, open.first());
    std::printf("    ratio (b)/(a): %.1fx; of (b), ConversationStore::conversations alone: %.2f ms\n",
                b / qMax(a, 0.001), medianMs(sqlOnly));
    std::printf("(c) expand the %d-message conversation (fetchMore): %.2f ms (first %.2f)\n",
                model.index(0, 0).data(MessageCountRole).toInt(), c, expand.first());

    openFolder(model);
    QList<double> pages;
    for (int page = 0; page < 10; ++page) {
        QElapsedTimer pageTimer;
        pageTimer.start();
        model.fetchMore({});
        pages.append(elapsedMs(pageTimer));
    }
    double sum = 0;
    QStringList each;
    for (const double ms : pages) {
        sum += ms;
        each.append(QString::number(ms, 'f', 1));
    }
    std::printf("scroll: fetchMore of the next 10 pages: %.2f ms per page (%s ms), %d rows loaded\n",
                sum / pages.size(), qPrintable(each.join(QLatin1Char(' '))), model.rowCount());

    FolderModel folders(&store);
    QList<double> scan, counts, pane;
    for (int run = 0; run < runs; ++run) {
        scan.append(unreadCountsByFullScan(DatabaseTestAccess::connection(store)));
        counts.append(unreadCounts(store));
        pane.append(refreshFolderPane(folders));
    }
    const double d = medianMs(scan), e = medianMs(counts);
    std::printf("(d) baseline, unread counts read from every stored message: %.2f ms\n", d);
    std::printf("(e) FolderStore::unreadCounts (%d unread): %.2f ms, %.1fx faster; FolderModel::refresh: %.2f ms\n",
                store.folderStore().unreadCount(inbox) + store.folderStore().unreadCount(sent), e, d / qMax(e, 0.001), medianMs(pane));

    benchSortedFirstPage(store, model, "(f) sort by subject", ConversationSort::Subject,
                         ConversationListModel::SubjectColumn,
                         "coalesce(nullif(m.thread_topic, ''), m.subject)");
    benchSortedFirstPage(store, model, "(g) sort by sender", ConversationSort::Sender,
                         ConversationListModel::FromColumn, "m.sender");
    benchFilter(store);
    return 0;
}
