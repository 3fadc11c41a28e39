// How long new mail takes to show up with push. skein-server runs as its own
// process; mail is delivered by another `skein-server deliver` process, as
// an outside sender would. Measured from the moment that process has
// committed the mail (it exited) until:
//   server wake-up: a bare Ping (no engine) gets its answer;
//   Skein: the engine, with push on, has the message in its store.
// Prints p50 / p95 / max of each over N deliveries (default 50).
//   bench_push [N]
#include "NetworkTransport.h"
#include "PingCommand.h"
#include "SyncEngine.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <thread>

using namespace skein;
using namespace skein::eas;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QString startServer(QProcess &server, const QString &dataDir)
{
    server.setProgram(QStringLiteral(SKEIN_SERVER_BIN));
    server.setArguments({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--data"), dataDir,
                         QStringLiteral("--users"), QStringLiteral("bench:bench")});
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start();
    if (!server.waitForReadyRead(60000))
        return {};
    const QString line = QString::fromUtf8(server.readLine()).trimmed();
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("^listening (http://[^/]+)/")).match(line);
    return m.hasMatch() ? m.captured(1) : QString();
}

// Runs `skein-server deliver` and returns when it has exited (the mail is committed).
bool deliver(const QString &dataDir, const QString &subject)
{
    QProcess p;
    p.setStandardOutputFile(QProcess::nullDevice());
    p.start(QStringLiteral(SKEIN_SERVER_BIN),
            {QStringLiteral("--data"), dataDir, QStringLiteral("deliver"), QStringLiteral("--to"), QStringLiteral("bench"),
             QStringLiteral("--new"), QStringLiteral("--from"), QStringLiteral("Nina <nina@northwind.example>"),
             QStringLiteral("--subject"), subject, QStringLiteral("--body"), QStringLiteral("Pushed.")});
    return p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

AccountSettings accountFor(const QString &base, const QString &device)
{
    AccountSettings account;
    account.url = base;
    account.user = QStringLiteral("bench");
    account.deviceId = device;
    account.protocolVersion = QStringLiteral("16.1");
    return account;
}

QString summary(QList<double> ms)
{
    if (ms.isEmpty())
        return QStringLiteral("no samples");
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double q) { return ms.at(std::min<qsizetype>(ms.size() - 1, qsizetype(q * ms.size()))); };
    return QStringLiteral("p50 %1 ms, p95 %2 ms, max %3 ms (%4 samples)")
        .arg(at(0.5), 0, 'f', 0).arg(at(0.95), 0, 'f', 0).arg(ms.last(), 0, 'f', 0).arg(ms.size());
}

// The server alone: a primed device sends Ping, another thread delivers, the
// time from the delivery's commit to Ping's answer.
QList<double> serverWakeUps(const QString &base, const QString &dataDir, int rounds)
{
    QTemporaryDir dir;
    Store store;
    store.open(dir.filePath(QStringLiteral("raw.db")));
    store.saveAccount(accountFor(base, QStringLiteral("BENCHRAW")));
    NetworkTransport transport;
    EasSession session(transport, accountFor(base, QStringLiteral("BENCHRAW")), QStringLiteral("bench"));
    SyncRunner runner(session, store);
    runner.connect();
    runner.syncAll();
    const std::optional<Folder> inbox = store.folderOfType(FolderType::Inbox);
    QList<double> samples;
    for (int i = 0; inbox && i < rounds; ++i) {
        std::atomic<qint64> committedAt{0};
        QElapsedTimer clock;
        clock.start();
        std::thread sender([&] {
            QThread::msleep(150); // the Ping is open by then
            if (deliver(dataDir, QStringLiteral("Raw %1").arg(i)))
                committedAt = clock.nsecsElapsed();
        });
        EasReply reply;
        const PingCommand::Result r = session.run(PingCommand(480, {inbox->serverId}), &reply);
        const qint64 answeredAt = clock.nsecsElapsed();
        sender.join();
        if (reply.ok() && r.status == 2 && committedAt > 0)
            samples.append(std::max<qint64>(0, answeredAt - committedAt) / 1e6);
        runner.syncFolder(*inbox); // so the next Ping waits for the next mail
    }
    return samples;
}

// Skein: the engine with push on; the time from the delivery's commit until
// the message is in its store.
QList<double> skeinDelays(const QString &base, const QString &dataDir, int rounds)
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("client.db"));
    {
        Store store;
        store.open(db);
        store.saveAccount(accountFor(base, QStringLiteral("BENCHPUSH")));
    }
    SyncEngine::Config config;
    config.databasePath = db;
    config.password = QStringLiteral("bench");
    SyncEngine engine(config);
    bool listening = false;
    QObject::connect(&engine, &SyncEngine::pushChanged, [&](bool on, const QString &) { listening = on; });
    engine.syncAll();
    engine.startPush();
    QElapsedTimer wait;
    wait.start();
    while (!listening && wait.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    Store reader;
    reader.open(db);
    QList<double> samples;
    for (int i = 0; listening && i < rounds; ++i) {
        QThread::msleep(150);
        const QString subject = QStringLiteral("Pushed %1").arg(i);
        if (!deliver(dataDir, subject))
            continue;
        QElapsedTimer t;
        t.start();
        const std::optional<Folder> inbox = reader.folderOfType(FolderType::Inbox);
        bool found = false;
        while (!found && t.elapsed() < 10000) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
            for (const Message &m : reader.messagesAfter(inbox->serverId, 0, 5))
                found = found || m.subject == subject;
        }
        if (found)
            samples.append(t.nsecsElapsed() / 1e6);
    }
    return samples;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? QByteArray(argv[1]).toInt() : 50;
    QTemporaryDir dir;
    const QString dataDir = dir.filePath(QStringLiteral("server"));
    QProcess server;
    const QString base = startServer(server, dataDir);
    if (base.isEmpty()) {
        QTextStream(stderr) << "bench_push: skein-server did not start\n";
        return 1;
    }
    out() << "deliveries: " << rounds << " each way, by a separate skein-server deliver process\n";
    const QList<double> wake = serverWakeUps(base, dataDir, rounds);
    out() << "server wake-up (bare Ping answered): " << summary(wake) << "\n";
    out().flush();
    const QList<double> skein = skeinDelays(base, dataDir, rounds);
    out() << "Skein (stored by the engine with push): " << summary(skein) << "\n";
    server.terminate();
    server.waitForFinished(10000);
    return wake.size() == rounds && skein.size() == rounds ? 0 : 1;
}
