// How long new mail takes to show up with push. skein-server runs as its own
// process; mail is delivered by another `skein-server deliver` process, as
// an outside sender would. Measured from the moment that process has
// committed the mail (it exited) until:
//   server wake-up: a bare Ping (no engine) gets its answer;
//   Skein: the engine, with push on, has the message in its store.
// Prints p50 / p95 / max of each over N deliveries (default 50). A third run
// has three engines listening at once, as several accounts and devices do:
// user bench on two devices and user other; the deliveries alternate between
// the users, and a sample ends when every device of the recipient has it.
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
                         QStringLiteral("--users"), QStringLiteral("bench:bench,other:other")});
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start();
    if (!server.waitForReadyRead(60000))
        return {};
    const QString line = QString::fromUtf8(server.readLine()).trimmed();
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("^listening (http://[^/]+)/")).match(line);
    return m.hasMatch() ? m.captured(1) : QString();
}

// Runs `skein-server deliver` and returns when it has exited (the mail is committed).
bool deliver(const QString &dataDir, const QString &subject, const QString &to = QStringLiteral("bench"))
{
    QProcess p;
    p.setStandardOutputFile(QProcess::nullDevice());
    p.start(QStringLiteral(SKEIN_SERVER_BIN),
            {QStringLiteral("--data"), dataDir, QStringLiteral("deliver"), QStringLiteral("--to"), to,
             QStringLiteral("--new"), QStringLiteral("--from"), QStringLiteral("Nina <nina@northwind.example>"),
             QStringLiteral("--subject"), subject, QStringLiteral("--body"), QStringLiteral("Pushed.")});
    return p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

AccountSettings accountFor(const QString &base, const QString &device, const QString &user = QStringLiteral("bench"))
{
    AccountSettings account;
    account.url = base;
    account.user = user;
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
    store.accountStore().saveAccount(accountFor(base, QStringLiteral("BENCHRAW")));
    NetworkTransport transport;
    EasSession session(transport, accountFor(base, QStringLiteral("BENCHRAW")), QStringLiteral("bench"));
    SyncRunner runner(session, store);
    runner.connect();
    runner.syncAll();
    const std::optional<Folder> inbox = store.folderStore().folderOfType(FolderType::Inbox);
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
        store.accountStore().saveAccount(accountFor(base, QStringLiteral("BENCHPUSH")));
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
        const std::optional<Folder> inbox = reader.folderStore().folderOfType(FolderType::Inbox);
        bool found = false;
        while (!found && t.elapsed() < 10000) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
            for (const Message &m : reader.messageStore().messagesAfter(inbox->serverId, 0, 5))
                found = found || m.subject == subject;
        }
        if (found)
            samples.append(t.nsecsElapsed() / 1e6);
    }
    return samples;
}

bool inInbox(const Store &store, const QString &subject)
{
    const std::optional<Folder> inbox = store.folderStore().folderOfType(FolderType::Inbox);
    if (!inbox)
        return false;
    const QList<Message> newest = store.messageStore().messagesAfter(inbox->serverId, 0, 5);
    return std::any_of(newest.begin(), newest.end(), [&](const Message &m) { return m.subject == subject; });
}

// Several accounts and devices listening at once: each engine has its own
// store and Ping; the time from the commit until every device of the
// recipient has the message.
QList<double> severalListenersDelays(const QString &base, const QString &dataDir, int rounds)
{
    struct Listener {
        QString user;
        std::unique_ptr<SyncEngine> engine;
        Store reader;
        bool listening = false;
    };
    QTemporaryDir dir;
    const QList<QPair<QString, QString>> who{{QStringLiteral("bench"), QStringLiteral("BENCHDEV1")},
                                             {QStringLiteral("bench"), QStringLiteral("BENCHDEV2")},
                                             {QStringLiteral("other"), QStringLiteral("OTHERDEV1")}};
    std::vector<std::unique_ptr<Listener>> listeners;
    for (const auto &[user, device] : who) {
        const QString db = dir.filePath(device + QStringLiteral(".db"));
        {
            Store store;
            store.open(db);
            store.accountStore().saveAccount(accountFor(base, device, user));
        }
        auto listener = std::make_unique<Listener>();
        listener->user = user;
        SyncEngine::Config config;
        config.databasePath = db;
        config.password = user;
        listener->engine = std::make_unique<SyncEngine>(config);
        Listener *raw = listener.get();
        QObject::connect(raw->engine.get(), &SyncEngine::pushChanged, [raw](bool on, const QString &) { raw->listening = on; });
        raw->engine->syncAll();
        raw->engine->startPush();
        raw->reader.open(db);
        listeners.push_back(std::move(listener));
    }
    const auto allListening = [&] {
        return std::all_of(listeners.begin(), listeners.end(), [](const auto &l) { return l->listening; });
    };
    QElapsedTimer wait;
    wait.start();
    while (!allListening() && wait.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    QList<double> samples;
    for (int i = 0; allListening() && i < rounds; ++i) {
        QThread::msleep(150);
        const QString to = i % 2 ? QStringLiteral("other") : QStringLiteral("bench");
        const QString subject = QStringLiteral("Shared %1").arg(i);
        if (!deliver(dataDir, subject, to))
            continue;
        QElapsedTimer t;
        t.start();
        bool everywhere = false;
        while (!everywhere && t.elapsed() < 10000) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
            everywhere = std::all_of(listeners.begin(), listeners.end(),
                                     [&](const auto &l) { return l->user != to || inInbox(l->reader, subject); });
        }
        if (everywhere)
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
    out().flush();
    const QList<double> several = severalListenersDelays(base, dataDir, rounds);
    out() << "Skein, three engines listening (bench on two devices, other), every device of the recipient: "
          << summary(several) << "\n";
    server.terminate();
    server.waitForFinished(10000);
    return wake.size() == rounds && skein.size() == rounds && several.size() == rounds ? 0 : 1;
}
