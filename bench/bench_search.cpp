// Full-text search (migration 18) at scale, each number next to its baseline
// measured in the same run:
// - query latency, p50 and p95: ConversationStore::search (ranked, one hit per
//   conversation, snippets) against a plain LIKE '%word%' scan of the same
//   columns (subject, From, To, Cc, preview, body);
// - sync throughput: applying the same SyncBatches to a store with the
//   index's triggers and to one without them, batch by batch in turn so
//   both see the same machine state.
//   bench_search [N]   (default 100000 messages)
#include "DatabaseTestAccess.h"
#include "FullTextSearch.h"
#include "Store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cmath>

#include <sqlite3.h>

using namespace skein;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

// A made-up language: words of two to four syllables, drawn with Zipf's law
// (the k-th word about 1/k as often) as in real text, so the queries can
// pick words from common to rare.
class Words
{
public:
    explicit Words(int count)
    {
        static const char *const syllables[] = {"ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "zi", "ba",
                                                "do", "fe", "gu", "ha", "ji", "po", "qua", "ri", "so", "tu",
                                                "wen", "xa", "yo", "mar", "tel", "ban", "dor", "lin", "pes", "gor"};
        constexpr int n = int(std::size(syllables));
        QRandomGenerator random(7);
        QSet<QString> seen;
        while (m_words.size() < count) {
            QString word;
            const int parts = 2 + int(random.bounded(3));
            for (int i = 0; i < parts; ++i)
                word += QLatin1String(syllables[random.bounded(n)]);
            if (!seen.contains(word)) {
                seen.insert(word);
                m_words.append(word);
            }
        }
        double total = 0;
        for (int k = 1; k <= count; ++k)
            m_cumulative.append(total += 1.0 / k);
    }

    const QString &byRank(int rank) const { return m_words.at(rank); }

    QString pick(QRandomGenerator &random) const
    {
        const double x = random.generateDouble() * m_cumulative.last();
        const auto it = std::lower_bound(m_cumulative.cbegin(), m_cumulative.cend(), x);
        return m_words.at(int(it - m_cumulative.cbegin()));
    }

    QString sentence(QRandomGenerator &random, int words) const
    {
        QStringList parts;
        for (int i = 0; i < words; ++i)
            parts.append(pick(random));
        return parts.join(QLatin1Char(' '));
    }

private:
    QStringList m_words;
    QList<double> m_cumulative;
};

// Batches of 100 like a server's Sync pages: threads of a few messages,
// 200 correspondents, half the bodies HTML.
QList<SyncBatch> makeBatches(const Words &words, int count)
{
    QRandomGenerator random(42);
    QList<SyncBatch> batches;
    const QDateTime start(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
    for (int i = 0; i < count; ++i) {
        if (i % 100 == 0) {
            batches.append(SyncBatch{});
            batches.last().folderId = QStringLiteral("inbox");
            batches.last().newSyncKey = QString::number(batches.size());
        }
        Message m;
        m.serverId = QStringLiteral("1:%1").arg(i);
        const int thread = i / 4;
        m.conversationId = QByteArray::number(thread).rightJustified(16, '0');
        m.subject = QStringLiteral("Re: ") + words.sentence(random, 3 + int(random.bounded(5)));
        const int person = int(random.bounded(200));
        m.from = QStringLiteral("\"%1 %2\" <p%3@example.com>").arg(words.byRank(500 + person), words.byRank(900 + person)).arg(person);
        m.to = QStringLiteral("Me <me@example.com>");
        if (i % 3 == 0)
            m.cc = QStringLiteral("p%1@example.org").arg(random.bounded(200));
        m.dateReceived = start.addSecs(qint64(i) * 60);
        m.messageClass = QStringLiteral("IPM.Note");
        const QString text = words.sentence(random, 60 + int(random.bounded(120)));
        m.preview = text.left(255);
        if (i % 2) {
            m.bodyType = BodyType::PlainText;
            m.body = text.toUtf8();
        } else {
            m.bodyType = BodyType::Html;
            m.body = "<html><head><style>p { margin: 0 }</style></head><body><p>" + text.toUtf8()
                + "</p><p>--<br><b>Sent from my desk</b></p></body></html>";
        }
        m.bodyTruncated = true;
        m.bodyEstimatedSize = m.body.size() * 4;
        batches.last().adds.append(m);
    }
    return batches;
}

bool openStore(Store &store, const QString &path, bool withIndex)
{
    if (!store.open(path) || !store.folderStore().applyFolderSync(QStringLiteral("1"),
                                                    {{QStringLiteral("inbox"), QStringLiteral("0"),
                                                      QStringLiteral("Inbox"), FolderType::Inbox}}, {}))
        return false;
    if (withIndex)
        return true;
    for (const char *trigger : {"messages_fts_insert", "messages_fts_update", "messages_fts_delete",
                                "bodies_fts_insert", "bodies_fts_update", "bodies_fts_delete"}) {
        const QByteArray sql = QByteArray("DROP TRIGGER ") + trigger;
        if (sqlite3_exec(DatabaseTestAccess::connection(store), sql.constData(), nullptr, nullptr, nullptr) != SQLITE_OK)
            return false;
    }
    return true;
}

double percentile(QList<double> samples, double p)
{
    std::sort(samples.begin(), samples.end());
    const qsizetype i = std::min(samples.size() - 1, qsizetype(std::ceil(p * samples.size())) - 1);
    return samples.at(std::max<qsizetype>(0, i));
}

// The scan a search without an index needs: every message whose indexed
// columns contain each word, counted (ranking them needs every match too).
int likeScan(sqlite3 *db, const QString &query)
{
    const QStringList terms = query.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QByteArray sql = "SELECT count(*) FROM messages m LEFT JOIN bodies b ON b.message_id = m.id WHERE 1";
    for (int i = 1; i <= terms.size(); ++i) {
        const QByteArray p = "?" + QByteArray::number(i);
        sql += " AND (m.subject LIKE " + p + " OR m.sender LIKE " + p + " OR m.to_addr LIKE " + p
            + " OR m.cc LIKE " + p + " OR m.preview LIKE " + p + " OR CAST(b.data AS TEXT) LIKE " + p + ")";
    }
    sqlite3_stmt *q = nullptr;
    sqlite3_prepare_v2(db, sql.constData(), -1, &q, nullptr);
    for (int i = 0; i < terms.size(); ++i) {
        const QByteArray pattern = ('%' + terms.at(i) + '%').toUtf8();
        sqlite3_bind_text(q, i + 1, pattern.constData(), int(pattern.size()), SQLITE_TRANSIENT);
    }
    const int n = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int(q, 0) : -1;
    sqlite3_finalize(q);
    return n;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    QTemporaryDir dir;
    const Words words(20000);
    const QList<SyncBatch> batches = makeBatches(words, count);

    Store indexed, plain;
    if (!openStore(indexed, dir.filePath(QStringLiteral("indexed.sqlite")), true)
        || !openStore(plain, dir.filePath(QStringLiteral("plain.sqlite")), false)) {
        out() << "cannot open the stores: " << indexed.lastError() << plain.lastError() << "\n";
        return 1;
    }
    // Sync: the same batches to both stores in turn; which goes first alternates.
    qint64 indexedNs = 0, plainNs = 0;
    QElapsedTimer timer;
    for (qsizetype i = 0; i < batches.size(); ++i) {
        for (int turn = 0; turn < 2; ++turn) {
            const bool toIndexed = (turn == 0) == (i % 2 == 0);
            timer.start();
            if (!(toIndexed ? indexed : plain).syncApplier().applySyncBatch(batches.at(i))) {
                out() << "sync failed: " << (toIndexed ? indexed : plain).lastError() << "\n";
                return 1;
            }
            (toIndexed ? indexedNs : plainNs) += timer.nsecsElapsed();
        }
    }
    const double indexedRate = count / (indexedNs / 1e9), plainRate = count / (plainNs / 1e9);
    out() << "sync of " << count << " messages (" << batches.size() << " batches of 100):\n"
          << QStringLiteral("  with the full-text index:    %1 msgs/s\n").arg(indexedRate, 0, 'f', 0)
          << QStringLiteral("  without (triggers dropped):  %1 msgs/s\n").arg(plainRate, 0, 'f', 0)
          << QStringLiteral("  the index costs %1 % of sync throughput (%2x the time per message)\n")
                 .arg(100.0 * (1 - indexedRate / plainRate), 0, 'f', 1)
                 .arg(plainRate / indexedRate, 0, 'f', 2);
    out().flush();

    // Queries from common to rare words, a prefix as typed, two words, and a
    // correspondent's name; each run several times, both ways in turn.
    QStringList queries;
    for (int rank : {3, 30, 300, 3000, 15000})
        queries.append(words.byRank(rank));
    queries << words.byRank(40).left(3) << words.byRank(2000).left(4)
            << words.byRank(10) + QLatin1Char(' ') + words.byRank(1000) << words.byRank(510);
    constexpr int repeats = 5;
    QList<double> ftsMs, likeMs;
    out() << "queries (hits: search's conversations, at most 50 / LIKE's matching messages; median search / LIKE):\n";
    for (const QString &query : std::as_const(queries)) {
        int hits = 0, likeHits = 0;
        QList<double> ftsOne, likeOne;
        for (int r = 0; r < repeats; ++r) {
            timer.start();
            hits = int(indexed.conversationStore().search(query, {}, 50).size());
            ftsOne.append(timer.nsecsElapsed() / 1e6);
            timer.start();
            likeHits = likeScan(DatabaseTestAccess::connection(plain), query);
            likeOne.append(timer.nsecsElapsed() / 1e6);
        }
        ftsMs += ftsOne;
        likeMs += likeOne;
        out() << "  " << query.leftJustified(24) << QStringLiteral(" %1 / %2   median %3 ms / %4 ms\n")
                                                        .arg(hits).arg(likeHits)
                                                        .arg(percentile(ftsOne, 0.5), 0, 'f', 2)
                                                        .arg(percentile(likeOne, 0.5), 0, 'f', 2);
    }
    const double ftsP50 = percentile(ftsMs, 0.5), ftsP95 = percentile(ftsMs, 0.95);
    const double likeP50 = percentile(likeMs, 0.5), likeP95 = percentile(likeMs, 0.95);
    out() << QStringLiteral("query latency at %1 messages (%2 queries x %3 runs):\n").arg(count).arg(queries.size()).arg(repeats)
          << QStringLiteral("  ConversationStore::search (FTS5, ranked, top 50): p50 %1 ms  p95 %2 ms\n").arg(ftsP50, 0, 'f', 2).arg(ftsP95, 0, 'f', 2)
          << QStringLiteral("  LIKE '%word%' scan, same columns:     p50 %1 ms  p95 %2 ms\n").arg(likeP50, 0, 'f', 2).arg(likeP95, 0, 'f', 2)
          << QStringLiteral("  LIKE / FTS: p50 %1x  p95 %2x\n").arg(likeP50 / ftsP50, 0, 'f', 1).arg(likeP95 / ftsP95, 0, 'f', 1);
    return 0;
}
