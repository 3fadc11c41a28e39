// Sync throughput: N generated messages synced from skein-server over
// loopback, against the in-process limit (decoding and storing the very same
// response bytes) measured in the same run.
//   bench_sync [N ...]   (default 20000; several N: the per-message cost of
//                         each against the first, measured in this run)
//   bench_sync --index-costs N   (storing N with each message index left out)
#include "NetworkTransport.h"
#include "SyncCommand.h"
#include "SyncRunner.h"
#include "WbxmlCodec.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <optional>

#include <sys/resource.h>
#include <sqlite3.h>

using namespace skein;
using namespace skein::eas;

namespace {

// Passes requests on and keeps every Sync response body for the replay.
class RecordingTransport final : public Transport
{
public:
    HttpResponse send(const HttpRequest &request) override
    {
        QElapsedTimer waiting;
        waiting.start();
        HttpResponse response = m_inner.send(request);
        waitedSeconds += waiting.nsecsElapsed() / 1e9;
        if (request.url.query().contains(QLatin1String("Cmd=Sync")) && !response.body.isEmpty())
            bodies.append(response.body);
        return response;
    }
    QList<QByteArray> bodies;
    double waitedSeconds = 0; // request sent to response read: the server's share

private:
    NetworkTransport m_inner;
};

long peakRssKb()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QString startServer(QProcess &server, const QString &dataDir, int count)
{
    // SKEIN_BENCH_SERVER_PREFIX="valgrind --tool=callgrind" profiles the server.
    QStringList command = QString::fromLocal8Bit(qgetenv("SKEIN_BENCH_SERVER_PREFIX"))
                              .split(QLatin1Char(' '), Qt::SkipEmptyParts);
    command.append(QStringLiteral(SKEIN_SERVER_BIN));
    server.setProgram(command.takeFirst());
    server.setArguments(command + QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--data"), dataDir,
                         QStringLiteral("--users"), QStringLiteral("bench:bench"), QStringLiteral("--generate"),
                         QString::number(count), QStringLiteral("--user"), QStringLiteral("bench"),
                         QStringLiteral("--folder"), QStringLiteral("Inbox")});
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start();
    if (!server.waitForReadyRead(300000))
        return {};
    const QString line = QString::fromUtf8(server.readLine()).trimmed();
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("^listening (http://[^/]+)/")).match(line);
    return m.hasMatch() ? m.captured(1) : QString();
}

// The in-process limit: decode, parse and store the recorded responses.
// The names of the messages table's own indexes in a fresh store.
QStringList messageIndexes(const QString &dbPath)
{
    { Store fresh; fresh.open(dbPath); }
    QStringList names;
    sqlite3 *db = nullptr;
    sqlite3_open(dbPath.toUtf8().constData(), &db);
    sqlite3_stmt *q = nullptr;
    sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'messages' "
                           "AND sql IS NOT NULL ORDER BY name", -1, &q, nullptr);
    while (sqlite3_step(q) == SQLITE_ROW)
        names << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(q, 0)));
    sqlite3_finalize(q);
    sqlite3_close(db);
    return names;
}

double replay(const QList<QByteArray> &bodies, const QString &dbPath, int *stored, const QString &withoutIndex = {})
{
    if (!withoutIndex.isEmpty()) { // a fresh store, then one index dropped
        { Store fresh; fresh.open(dbPath); }
        sqlite3 *db = nullptr;
        sqlite3_open(dbPath.toUtf8().constData(), &db);
        sqlite3_exec(db, ("DROP INDEX " + withoutIndex.toUtf8()).constData(), nullptr, nullptr, nullptr);
        sqlite3_close(db);
    }
    Store store;
    store.open(dbPath);
    store.folderStore().applyFolderSync(QStringLiteral("h"), {{QStringLiteral("inbox"), QStringLiteral("0"), QStringLiteral("Inbox"), FolderType::Inbox}}, {});
    QElapsedTimer timer;
    timer.start();
    for (const QByteArray &body : bodies) {
        const wbxml::DecodeResult decoded = wbxml::decode(body);
        if (!decoded.ok())
            continue;
        SyncCommand::Result result = SyncCommand::parse(&*decoded.root);
        for (SyncCommand::CollectionResult &c : result.collections) {
            c.batch.folderId = QStringLiteral("inbox");
            c.batch.newSyncKey = c.syncKey;
            store.syncApplier().applySyncBatch(c.batch);
        }
    }
    const double seconds = timer.nsecsElapsed() / 1e9;
    *stored = store.messageStore().messageCount(QStringLiteral("inbox"));
    return seconds;
}

// The bench user's account on url, saved in store.
AccountSettings benchAccount(Store &store, const QString &url)
{
    AccountSettings account;
    account.url = url;
    account.user = QStringLiteral("bench");
    account.deviceId = QStringLiteral("BENCH1");
    store.accountStore().saveAccount(account);
    return account;
}

// A whole sync of the account into store, as the engine runs it.
SyncReport syncAll(Store &store, const AccountSettings &account, Transport &transport, const SyncOptions &options)
{
    EasSession session(transport, account, QStringLiteral("bench"));
    session.setAccountChangedHandler([&](const AccountSettings &a) {
        AccountSettings merged = a;
        merged.folderSyncKey = store.accountStore().account()->folderSyncKey;
        store.accountStore().saveAccount(merged);
    });
    SyncRunner runner(session, store, options);
    return runner.syncAll();
}

struct SyncRun {
    int count = 0;
    double seconds = 0;     // first sync over loopback
    double limitSeconds = 0; // decode + parse + insert of the same bytes
};

// One first sync of count generated messages; nullopt on failure.
std::optional<SyncRun> runOnce(int count, bool compareWindow100)
{
    QTemporaryDir dir;
    QProcess server;
    const QString url = startServer(server, dir.filePath(QStringLiteral("server")), count);
    if (url.isEmpty()) {
        QTextStream(stderr) << "bench_sync: skein-server did not start\n";
        return std::nullopt;
    }

    Store store;
    store.open(dir.filePath(QStringLiteral("client.db")));
    const AccountSettings account = benchAccount(store, url);
    RecordingTransport transport;
    SyncOptions options; // the app's: a first download asks for 512 items per reply
    // SKEIN_BENCH_SEQUENTIAL=1: each page's request waits until the page
    // before is stored, as before PrefetchedSync, to compare in one build.
    options.prefetchNextPage = qEnvironmentVariableIntValue("SKEIN_BENCH_SEQUENTIAL") == 0;

    QElapsedTimer timer;
    timer.start();
    const SyncReport report = syncAll(store, account, transport, options);
    const double networkSeconds = timer.nsecsElapsed() / 1e9;
    const long rssAfterSync = peakRssKb();
    if (!report.ok()) {
        QTextStream(stderr) << "bench_sync: " << report.message << "\n";
        return std::nullopt;
    }
    const std::optional<Folder> inbox = store.folderStore().folderOfType(FolderType::Inbox);
    const int synced = inbox ? store.messageStore().messageCount(inbox->serverId) : 0;

    int replayed = 0;
    const double localSeconds = replay(transport.bodies, dir.filePath(QStringLiteral("replay.db")), &replayed);

    const double networkRate = synced / networkSeconds;
    const double localRate = replayed / localSeconds;
    out() << "messages               " << count << " generated, " << synced << " synced, " << replayed << " replayed\n"
          << "sync over loopback     " << qRound(networkRate) << " messages/s (" << networkSeconds << " s, "
          << transport.bodies.size() << " responses, " << qRound(1e6 / networkRate) << " us per message, "
          << transport.waitedSeconds << " s of it waiting for responses"
          << (options.prefetchNextPage ? ", overlapping the store" : ", sequential") << ")\n"
          << "in-process limit       " << qRound(localRate) << " messages/s (decode + parse + insert of the same bytes, "
          << localSeconds << " s)\n"
          << "ratio sync/limit       " << QString::number(networkRate / localRate, 'f', 3) << "\n"
          << "peak RSS after sync    " << rssAfterSync / 1024 << " MiB\n";
    if (compareWindow100) { // the same first sync with 100 items per reply, as every sync asked before
        Store small;
        small.open(dir.filePath(QStringLiteral("window100.db")));
        AccountSettings second = account;
        second.deviceId = QStringLiteral("BENCH2");
        small.accountStore().saveAccount(second);
        NetworkTransport plain;
        SyncOptions hundred;
        hundred.firstSyncWindowSize = 100;
        QElapsedTimer t;
        t.start();
        const SyncReport r = syncAll(small, second, plain, hundred);
        const double seconds = t.nsecsElapsed() / 1e9;
        const std::optional<Folder> box = small.folderStore().folderOfType(FolderType::Inbox);
        out() << "WindowSize 100 instead " << qRound((box ? small.messageStore().messageCount(box->serverId) : 0) / seconds)
              << " messages/s (" << seconds << " s" << (r.ok() ? QString() : QStringLiteral(", ") + r.message)
              << "); the app's first sync is " << QString::number(seconds / networkSeconds, 'f', 1) << "x faster\n";
    }
    server.terminate();
    server.waitForFinished(10000);
    if (synced != count)
        return std::nullopt;
    return SyncRun{count, networkSeconds, localSeconds};
}

// What each index of the messages table costs a first download: the same
// recorded responses stored with every index and with each one left out.
int indexCosts(int count)
{
    QTemporaryDir dir;
    QProcess server;
    const QString url = startServer(server, dir.filePath(QStringLiteral("server")), count);
    if (url.isEmpty())
        return 1;
    Store store;
    store.open(dir.filePath(QStringLiteral("client.db")));
    RecordingTransport transport;
    if (!syncAll(store, benchAccount(store, url), transport, SyncOptions{}).ok())
        return 1;
    server.terminate();
    server.waitForFinished(10000);
    int stored = 0;
    const double all = replay(transport.bodies, dir.filePath(QStringLiteral("all.db")), &stored);
    out() << "storing " << stored << " messages with every index: " << all << " s\n";
    const QStringList indexes = messageIndexes(dir.filePath(QStringLiteral("names.db")));
    for (const QString &index : indexes) {
        const QString path = dir.filePath(index + QStringLiteral(".db"));
        const double without = replay(transport.bodies, path, &stored, index);
        out() << "  without " << index.leftJustified(34) << without << " s, the index costs "
              << qRound(100 * (all - without) / all) << " %\n";
        out().flush();
        QFile::remove(path);
    }
    return 0;
}

// The median of the runs of one size: a single run of a few seconds moves by
// a tenth from one run to the next on a loaded machine.
SyncRun medianRun(QList<SyncRun> runs)
{
    const auto median = [&runs](double SyncRun::*field) {
        std::sort(runs.begin(), runs.end(), [field](const SyncRun &a, const SyncRun &b) { return a.*field < b.*field; });
        return runs.at(runs.size() / 2).*field;
    };
    SyncRun m;
    m.count = runs.first().count;
    m.seconds = median(&SyncRun::seconds);
    m.limitSeconds = median(&SyncRun::limitSeconds);
    return m;
}

} // namespace

// bench_sync [--runs K] [N ...]: one first sync per N (default 20000); with
// several, the per-message cost of each against the first's, all in this
// run. --runs K syncs the sizes in turn K times and compares the medians.
// bench_sync --index-costs N: what each message index costs storing N.
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc > 2 && QByteArray(argv[1]) == "--index-costs")
        return indexCosts(QByteArray(argv[2]).toInt());
    int repeats = 1;
    QList<int> counts;
    for (int i = 1; i < argc; ++i) {
        if (QByteArray(argv[i]) == "--runs" && i + 1 < argc)
            repeats = qMax(1, QByteArray(argv[++i]).toInt());
        else
            counts << QByteArray(argv[i]).toInt();
    }
    if (counts.isEmpty())
        counts << 20000;
    QList<QList<SyncRun>> runsBySize(counts.size());
    for (int repeat = 0; repeat < repeats; ++repeat) {
        for (int i = 0; i < counts.size(); ++i) {
            const std::optional<SyncRun> run = runOnce(counts.at(i), repeat == 0 && i == 0);
            if (!run)
                return 1;
            runsBySize[i] << *run;
        }
    }
    const SyncRun base = medianRun(runsBySize.first());
    for (int i = 1; i < counts.size(); ++i) {
        const SyncRun r = medianRun(runsBySize.at(i));
        out() << "per-message cost at " << r.count << " / at " << base.count << ": sync "
              << QString::number((r.seconds / r.count) / (base.seconds / base.count), 'f', 2) << "x, limit "
              << QString::number((r.limitSeconds / r.count) / (base.limitSeconds / base.count), 'f', 2) << "x"
              << (repeats > 1 ? QStringLiteral(" (medians of %1 runs each)").arg(repeats) : QString()) << "\n";
    }
    return 0;
}
