// Conversation trees without ConversationIndex: the first sync of N
// generated messages from skein-server at protocol 12.1 (no ConversationId,
// no ConversationIndex: Skein fetches every message's reply headers and
// infers the conversations), next to the same first sync at 16.1 (the
// server's ConversationIndex) in the same run; then, on the 12.1 store, the
// regroup after one new message next to a regroup of the whole account.
//   bench_trees [N ...]      (default 20000 100000)
#include "NetworkTransport.h"
#include "SyncRunner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>

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
    store.saveAccount(account);
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
    const std::optional<Folder> inbox = store.folderOfType(FolderType::Inbox);
    result.messages = inbox ? store.messageCount(inbox->serverId) : 0;
    result.headersComplete = inbox && store.messagesNeedingReplyHeaders(inbox->serverId, 1).isEmpty();
    return result;
}

// A reply to the newest conversation, with its reply headers, as a sync and
// the header fetch after it would store it.
bool storeOneReply(Store &store, const QString &serverId)
{
    const std::optional<Folder> inbox = store.folderOfType(FolderType::Inbox);
    if (!inbox)
        return false;
    QList<Message> thread;
    for (const ConversationSummary &c : store.conversations(inbox->serverId, 0, 50)) {
        if (!c.conversationId.isEmpty()) {
            thread = store.conversationMessages(c.conversationId);
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
    batch.newSyncKey = store.syncKey(inbox->serverId);
    batch.adds = {reply};
    if (!store.applySyncBatch(batch))
        return false;
    const std::optional<Message> stored = store.message(inbox->serverId, serverId);
    QStringList references = parent.references;
    references.append(parent.internetMessageId);
    return stored
        && store.setReplyHeaders(stored->id, {serverId + QStringLiteral("@bench.example"),
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
    server.terminate();
    server.waitForFinished(10000);
    for (const FirstSync *s : {&inferred, &indexed}) {
        if (!s->error.isEmpty()) {
            QTextStream(stderr) << "bench_trees: " << s->error << "\n";
            return 1;
        }
    }

    // The limited regroup must leave what a regroup of everything finds.
    int fullChanged = -1;
    withoutIndex.inferConversations(&fullChanged);

    // One new reply: the regroup limited to what it touches ...
    int changed = 0;
    int considered = 0;
    QList<qint64> joined;
    if (!storeOneReply(withoutIndex, QStringLiteral("bench-new-1")))
        return 1;
    QElapsedTimer timer;
    timer.start();
    withoutIndex.regroupChangedConversations(&changed, &joined, &considered);
    const double limitedMs = timer.nsecsElapsed() / 1e6;
    // ... and the regroup of the whole account, as every sync did before.
    if (!storeOneReply(withoutIndex, QStringLiteral("bench-new-2")))
        return 1;
    int wholeChanged = 0;
    timer.restart();
    withoutIndex.inferConversations(&wholeChanged);
    const double wholeMs = timer.nsecsElapsed() / 1e6;

    const std::optional<Folder> inbox = withoutIndex.folderOfType(FolderType::Inbox);
    const int conversations = inbox ? int(withoutIndex.conversations(inbox->serverId).size()) : 0;
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
          << QString::number(wholeMs / limitedMs, 'f', 0) << "x\n";
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
