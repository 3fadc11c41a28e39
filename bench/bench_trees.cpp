// Conversation trees without ConversationIndex: the first sync of N
// generated messages from skein-server at protocol 12.1 (no ConversationId,
// no ConversationIndex: Skein fetches every message's reply headers and
// infers the conversations), next to the same first sync at 16.1 (the
// server's ConversationIndex) in the same run; then, on the 12.1 store, the
// regroup after one new message next to a regroup of the whole account; and
// the sync that brings one new message into each account, 12.1 against 16.1.
//   bench_trees [N ...]      (default 20000 100000)
#include "NetworkTransport.h"
#include "SyncRunner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace skein;
using namespace skein::eas;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QString startServer(QProcess &server, const QString &dataDir, int count)
{
    server.setProgram(QStringLiteral(SKEIN_SERVER_BIN));
    server.setArguments({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--data"), dataDir,
                         QStringLiteral("--users"), QStringLiteral("bench:bench"), QStringLiteral("--generate"),
                         QString::number(count), QStringLiteral("--user"), QStringLiteral("bench"),
                         QStringLiteral("--folder"), QStringLiteral("Inbox")});
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start();
    if (!server.waitForReadyRead(600000))
        return {};
    const QString line = QString::fromUtf8(server.readLine()).trimmed();
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("^listening (http://[^/]+)/")).match(line);
    return m.hasMatch() ? m.captured(1) : QString();
}

struct FirstSync {
    double seconds = 0;
    int messages = 0;
    int headersFetched = 0;
    bool headersComplete = false;
    QString error;
};

// syncAll() of a new account speaking `version`, into the store at dbPath.
FirstSync firstSync(const QString &url, const QString &version, const QString &deviceId, Store &store,
                    const QString &dbPath)
{
    FirstSync result;
    store.open(dbPath);
    AccountSettings account;
    account.url = url;
    account.user = QStringLiteral("bench");
    account.deviceId = deviceId;
    account.protocolVersion = version;
    store.accountStore().saveAccount(account);
    NetworkTransport transport;
    EasSession session(transport, account, QStringLiteral("bench"));
    SyncRunner runner(session, store);
    QElapsedTimer timer;
    timer.start();
    const SyncReport report = runner.syncAll();
    result.seconds = timer.nsecsElapsed() / 1e9;
    if (!report.ok())
        result.error = report.message;
    for (const FolderReport &f : report.folders) {
        result.headersFetched += f.replyHeadersFetched;
        if (!f.error.isEmpty())
            result.error += f.folderName + QStringLiteral(": ") + f.error;
    }
    const std::optional<Folder> inbox = store.folderStore().folderOfType(FolderType::Inbox);
    result.messages = inbox ? store.messageStore().messageCount(inbox->serverId) : 0;
    result.headersComplete = inbox && store.threadStore().messagesNeedingReplyHeaders(inbox->serverId, 1).isEmpty();
    return result;
}

// Delivers one new message to the bench user through a second skein-server
// process on the running server's data, as mail arrives.
bool deliverOne(const QString &dataDir, int n)
{
    QProcess deliver;
    deliver.start(QStringLiteral(SKEIN_SERVER_BIN),
                  {QStringLiteral("--data"), dataDir, QStringLiteral("deliver"), QStringLiteral("--to"),
                   QStringLiteral("bench"), QStringLiteral("--new"), QStringLiteral("--from"),
                   QStringLiteral("news@bench.example"), QStringLiteral("--subject"),
                   QStringLiteral("Arrived %1").arg(n), QStringLiteral("--body"), QStringLiteral("One more.")});
    return deliver.waitForFinished(60000) && deliver.exitCode() == 0;
}

// Passes requests on and adds up the time spent waiting for responses.
class TimingTransport final : public Transport
{
public:
    HttpResponse send(const HttpRequest &request) override
    {
        QElapsedTimer timer;
        timer.start();
        HttpResponse response = m_inner.send(request);
        waitedMs += timer.nsecsElapsed() / 1e6;
        ++requests;
        return response;
    }
    double waitedMs = 0;
    int requests = 0;

private:
    NetworkTransport m_inner;
};

// The sync of an account that is up to date but for what arrived since.
double syncAgain(const QString &url, Store &store, QString *error)
{
    const AccountSettings account = store.accountStore().account().value_or(AccountSettings{});
    TimingTransport transport;
    EasSession session(transport, account, QStringLiteral("bench"));
    SyncRunner runner(session, store);
    QElapsedTimer timer;
    timer.start();
    const SyncReport report = runner.syncAll();
    const double ms = timer.nsecsElapsed() / 1e6;
    if (!report.ok())
        *error = report.message;
    if (qEnvironmentVariableIsSet("SKEIN_BENCH_VERBOSE"))
        QTextStream(stderr) << account.protocolVersion << ": " << ms << " ms, " << transport.requests << " requests, "
                            << transport.waitedMs << " ms waiting\n";
    Q_UNUSED(url);
    return ms;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

// A reply to the newest conversation, with its reply headers, as a sync and
// the header fetch after it would store it.
bool storeOneReply(Store &store, const QString &serverId)
{
    const std::optional<Folder> inbox = store.folderStore().folderOfType(FolderType::Inbox);
    if (!inbox)
        return false;
    QList<Message> thread;
    for (const ConversationSummary &c : store.conversationStore().conversations(inbox->serverId, 0, 50)) {
        if (!c.conversationId.isEmpty()) {
            thread = store.messageStore().conversationMessages(c.conversationId);
            break;
        }
    }
    if (thread.isEmpty())
        return false;
    const Message &parent = thread.last();
    Message reply;
    reply.serverId = serverId;
    reply.subject = QStringLiteral("RE: ") + parent.subject;
    reply.dateReceived = parent.dateReceived.addSecs(60);
    SyncBatch batch;
    batch.folderId = inbox->serverId;
    batch.newSyncKey = store.folderStore().syncKey(inbox->serverId);
    batch.adds = {reply};
    if (!store.syncApplier().applySyncBatch(batch))
        return false;
    const std::optional<Message> stored = store.messageStore().message(inbox->serverId, serverId);
    QStringList references = parent.references;
    references.append(parent.internetMessageId);
    return stored
        && store.threadStore().setReplyHeaders(stored->id, {serverId + QStringLiteral("@bench.example"),
                                              parent.internetMessageId, references});
}

int benchmark(int count)
{
    QTemporaryDir dir;
    QProcess server;
    const QString url = startServer(server, dir.filePath(QStringLiteral("server")), count);
    if (url.isEmpty()) {
        QTextStream(stderr) << "bench_trees: skein-server did not start\n";
        return 1;
    }
    Store withoutIndex;
    const FirstSync inferred = firstSync(url, QStringLiteral("12.1"), QStringLiteral("TREES121"), withoutIndex,
                                         dir.filePath(QStringLiteral("v121.db")));
    Store withIndex;
    const FirstSync indexed = firstSync(url, QStringLiteral("16.1"), QStringLiteral("TREES161"), withIndex,
                                        dir.filePath(QStringLiteral("v161.db")));
    for (const FirstSync *s : {&inferred, &indexed}) {
        if (!s->error.isEmpty()) {
            QTextStream(stderr) << "bench_trees: " << s->error << "\n";
            return 1;
        }
    }
    // One message arrives; each account syncs it (12.1: with its reply
    // headers and the regroup), five times over.
    QList<double> newAt121, newAt161;
    QString syncError;
    const int before = inferred.messages;
    for (int n = 1; n <= 5 && syncError.isEmpty(); ++n) {
        if (!deliverOne(dir.filePath(QStringLiteral("server")), n)) {
            QTextStream(stderr) << "bench_trees: delivery failed\n";
            return 1;
        }
        newAt121.append(syncAgain(url, withoutIndex, &syncError));
        newAt161.append(syncAgain(url, withIndex, &syncError));
    }
    server.terminate();
    server.waitForFinished(10000);
    const std::optional<Folder> inbox121 = withoutIndex.folderStore().folderOfType(FolderType::Inbox);
    const int after = inbox121 ? withoutIndex.messageStore().messageCount(inbox121->serverId) : 0;
    if (!syncError.isEmpty() || after != before + 5) {
        QTextStream(stderr) << "bench_trees: the sync of new mail failed: " << syncError << "\n";
        return 1;
    }

    // The limited regroup must leave what a regroup of everything finds.
    int fullChanged = -1;
    withoutIndex.threadStore().inferConversations(&fullChanged);

    // One new reply: the regroup limited to what it touches ...
    int changed = 0;
    int considered = 0;
    QList<qint64> joined;
    if (!storeOneReply(withoutIndex, QStringLiteral("bench-new-1")))
        return 1;
    QElapsedTimer timer;
    timer.start();
    withoutIndex.threadStore().regroupChangedConversations(&changed, &joined, &considered);
    const double limitedMs = timer.nsecsElapsed() / 1e6;
    // ... and the regroup of the whole account, as every sync did before.
    if (!storeOneReply(withoutIndex, QStringLiteral("bench-new-2")))
        return 1;
    int wholeChanged = 0;
    timer.restart();
    withoutIndex.threadStore().inferConversations(&wholeChanged);
    const double wholeMs = timer.nsecsElapsed() / 1e6;

    const std::optional<Folder> inbox = withoutIndex.folderStore().folderOfType(FolderType::Inbox);
    const int conversations = inbox ? int(withoutIndex.conversationStore().conversations(inbox->serverId).size()) : 0;
    out() << "N=" << count << " first sync 12.1, no ConversationIndex: " << QString::number(inferred.seconds, 'f', 2)
          << " s, " << inferred.messages << " messages, " << inferred.headersFetched << " reply headers, "
          << (inferred.headersComplete ? "none missing" : "SOME MISSING") << ", " << conversations
          << " conversations; limited regroups left " << fullChanged << " rows for a whole regroup to change\n"
          << "N=" << count << " first sync 16.1, ConversationIndex:    " << QString::number(indexed.seconds, 'f', 2)
          << " s, " << indexed.messages << " messages; without index / with = "
          << QString::number(inferred.seconds / indexed.seconds, 'f', 2) << "x\n"
          << "N=" << count << " regroup after one new message: " << QString::number(limitedMs, 'f', 2) << " ms ("
          << considered << " messages read, " << changed << " rewritten); whole account: "
          << QString::number(wholeMs, 'f', 1) << " ms (" << wholeChanged << " rewritten); "
          << QString::number(wholeMs / limitedMs, 'f', 0) << "x\n"
          << "N=" << count << " sync of one new message (median of 5): 12.1 " << QString::number(median(newAt121), 'f', 1)
          << " ms, 16.1 " << QString::number(median(newAt161), 'f', 1) << " ms; 12.1 / 16.1 = "
          << QString::number(median(newAt121) / median(newAt161), 'f', 2) << "x\n";
    out().flush();
    return inferred.headersComplete && fullChanged == 0 ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QList<int> counts;
    for (int i = 1; i < argc; ++i)
        counts.append(QByteArray(argv[i]).toInt());
    if (counts.isEmpty())
        counts = {20000, 100000};
    int failed = 0;
    for (const int count : counts)
        failed |= benchmark(count);
    return failed;
}
