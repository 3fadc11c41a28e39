// The reference server under load: many clients (each a SyncEngine with its
// own profile and DeviceId, several per user) sync, act and fetch bodies
// against one skein-server process for a while, as fast as the server lets
// them, while new mail arrives. Reports what went wrong by kind, the
// server's memory (VmRSS) at the start, its peak and at the end, sync and
// request times (p50/p95/max) and requests per second; then every client
// sends what is left, syncs twice, and is compared with the server.
//
//   bench_load [--clients 30] [--users 10] [--seconds 180] [--quick] [--deliveries 1]
//
// --quick: 20 seconds. --deliveries N: new mails per second (skein-server
// deliver, a second process on the same data). Exit 1 when a request or a
// sync failed or a client does not equal the server at the end.
#include "ConversationActions.h"
#include "NetworkTransport.h"
#include "ReferenceServer.h"
#include "StatusText.h"
#include "SyncEngine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <QThread>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

using namespace skein;
using namespace skein::eas;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

// What went over the wire, from every client's transport thread.
struct Wire {
    std::mutex mutex;
    qint64 requests = 0;
    QMap<QString, int> errors;           // kind -> count
    QMap<QString, QList<double>> times;  // command -> ms
    bool measuring = false;              // only the timed run counts

    void record(const QString &command, double ms, const HttpResponse &response)
    {
        std::lock_guard lock(mutex);
        if (!measuring)
            return;
        ++requests;
        times[command].append(ms);
        if (response.timedOut)
            ++errors[QStringLiteral("HTTP: no answer in time (%1)").arg(command)];
        else if (response.status == 0)
            ++errors[QStringLiteral("HTTP: network error (%1): %2").arg(command, response.networkError)];
        else if (response.status != 200)
            ++errors[QStringLiteral("HTTP %1 (%2)").arg(response.status).arg(command)];
    }
};

class CountingTransport final : public Transport
{
public:
    explicit CountingTransport(std::shared_ptr<Wire> wire) : m_wire(std::move(wire)) {}

    HttpResponse send(const HttpRequest &request) override
    {
        const QString command = request.method == "OPTIONS"
            ? QStringLiteral("OPTIONS")
            : request.url.query().section(QStringLiteral("Cmd="), 1).section(QLatin1Char('&'), 0, 0);
        QElapsedTimer timer;
        timer.start();
        HttpResponse response = m_inner.send(request);
        m_wire->record(command, timer.nsecsElapsed() / 1e6, response);
        return response;
    }
    void abort() override { m_inner.abort(); }

private:
    std::shared_ptr<Wire> m_wire;
    NetworkTransport m_inner;
};

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(std::min<qsizetype>(values.size() - 1, qsizetype(p * double(values.size()))));
}

QString summary(const QList<double> &ms)
{
    return QStringLiteral("p50 %1 ms, p95 %2 ms, max %3 ms (%4)")
        .arg(percentile(ms, 0.5), 0, 'f', 1)
        .arg(percentile(ms, 0.95), 0, 'f', 1)
        .arg(percentile(ms, 1.0), 0, 'f', 1)
        .arg(ms.size());
}

qint64 rssKb(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

// One profile: syncs, now and then acts or opens a body, syncs again.
class Client : public QObject
{
    Q_OBJECT
public:
    Client(int index, const QString &user, const QString &dir, const QString &url, std::shared_ptr<Wire> wire)
        : m_index(index), m_random(quint32(index) + 1)
    {
        m_db = dir + QStringLiteral("/client%1.db").arg(index);
        Store setup;
        setup.open(m_db);
        AccountSettings account;
        account.url = url;
        account.user = user;
        account.deviceId = QStringLiteral("LOAD%1").arg(index);
        setup.accountStore().saveAccount(account);
        SyncEngine::Config config;
        config.databasePath = m_db;
        config.password = user;
        config.maxRetryAfterMs = 2000;
        config.requestTimeoutMs = 60000;
        config.transportFactory = [wire] { return std::make_unique<CountingTransport>(wire); };
        m_engine = std::make_unique<SyncEngine>(config);
        m_store.open(m_db);
        connect(m_engine.get(), &SyncEngine::syncFinished, this, &Client::synced);
        connect(m_engine.get(), &SyncEngine::replayFinished, this, &Client::replayed);
        connect(m_engine.get(), &SyncEngine::bodyFetched, this, &Client::fetched);
        connect(m_engine.get(), &SyncEngine::actionFailed, this,
                [this](qint64, const QString &why) { ++conflicts[QStringLiteral("action refused: ") + why]; });
    }

    QString user() const { return m_store.accountStore().account()->user; }
    Store &store() { return m_store; }

    // The first sync (the whole mailbox); emits idle() when done.
    void prime()
    {
        m_priming = true;
        syncAll();
    }
    // Runs until stop(); then sends what is left, syncs twice and emits idle().
    void start() { syncAll(); }
    void stop() { m_stopping = true; }
    bool measuring = false;

    QList<double> syncMs, replayMs;
    QMap<QString, int> errors;    // sync reports that failed, by kind
    QMap<QString, int> conflicts; // the user's other device was first: refused actions, bodies gone
    int actions = 0, bodies = 0, syncs = 0;

Q_SIGNALS:
    void idle();

private:
    void syncAll()
    {
        m_timer.start();
        m_engine->syncAll();
    }

    void synced(const SyncReport &report)
    {
        if (std::exchange(m_priming, false)) {
            if (!report.ok())
                ++errors[QStringLiteral("first sync: %1").arg(report.message)];
            Q_EMIT idle();
            return;
        }
        if (measuring) {
            syncMs.append(m_timer.nsecsElapsed() / 1e6);
            ++syncs;
            if (!report.ok())
                ++errors[QStringLiteral("sync: %1").arg(report.message)];
            for (const FolderReport &f : report.folders) {
                if (!f.error.isEmpty())
                    ++errors[QStringLiteral("folder: %1").arg(f.error)];
                if (f.resynced)
                    ++errors[QStringLiteral("folder resynced (Status 3)")];
            }
        }
        if (m_stopping) {
            // The end: what is left goes out, then two syncs take in the rest.
            if (m_finalSyncs == 0) {
                ++m_finalSyncs;
                m_engine->replayNow();
            } else if (m_finalSyncs < 3) {
                ++m_finalSyncs;
                syncAll();
            } else {
                Q_EMIT idle();
            }
            return;
        }
        const int roll = int(m_random.bounded(10));
        if (roll < 5 && act()) {
            m_timer.start();
            m_engine->replayNow();
        } else if (roll < 7 && fetchBody()) {
            // bodyFetched continues
        } else {
            syncAll();
        }
    }

    void replayed(const SyncReport &report)
    {
        if (m_stopping && m_finalSyncs > 0) {
            ++m_finalSyncs;
            syncAll();
            return;
        }
        if (measuring) {
            replayMs.append(m_timer.nsecsElapsed() / 1e6);
            if (!report.ok())
                ++errors[QStringLiteral("replay: %1").arg(report.message)];
        }
        syncAll();
    }

    void fetched(qint64, const QString &error)
    {
        // A message the other device moved away meanwhile has no body here.
        if (measuring && !error.isEmpty())
            ++(error == statusText("ItemOperations", 6) ? conflicts : errors)[QStringLiteral("body: %1").arg(error)];
        syncAll();
    }

    std::optional<Message> pickMessage()
    {
        QList<Folder> folders;
        for (const Folder &f : m_store.folderStore().folders())
            if (isMailFolder(f.type) && f.type != FolderType::Outbox && f.type != FolderType::Drafts
                && m_store.messageStore().messageCount(f.serverId) > 0)
                folders.append(f);
        if (folders.isEmpty())
            return std::nullopt;
        Folder folder = folders.at(int(m_random.bounded(int(folders.size()))));
        if (m_random.bounded(2) == 0)
            if (const auto inbox = m_store.folderStore().folderOfType(FolderType::Inbox); inbox && m_store.messageStore().messageCount(inbox->serverId))
                folder = *inbox;
        const QList<Message> messages = m_store.messageStore().messagesInFolder(folder.serverId);
        const Message m = messages.at(int(m_random.bounded(int(messages.size()))));
        // An action on a move the server has not confirmed carries its
        // placeholder id (a known client defect, docs/robustness.md).
        if (m_store.messageStore().isMoving(m.id))
            return std::nullopt;
        return m;
    }

    bool act()
    {
        const std::optional<Message> m = pickMessage();
        if (!m || m->conversationId.isEmpty())
            return false;
        // Moves more than deletes, so the mailbox keeps its size.
        static const QList<ActionKind> kinds{ActionKind::MarkRead, ActionKind::MarkUnread, ActionKind::Flag,
                                             ActionKind::ClearFlag, ActionKind::Complete,  ActionKind::Move,
                                             ActionKind::Move,      ActionKind::Delete};
        const ActionKind kind = kinds.at(int(m_random.bounded(int(kinds.size()))));
        QString target;
        if (kind == ActionKind::Move) {
            QList<Folder> targets;
            for (const Folder &f : m_store.folderStore().folders())
                if (isMailFolder(f.type) && f.serverId != m->folderId && f.type != FolderType::Outbox
                    && f.type != FolderType::Drafts && f.type != FolderType::DeletedItems)
                    targets.append(f);
            target = targets.at(int(m_random.bounded(int(targets.size())))).serverId;
        }
        const bool done = ConversationActions(m_store).apply(kind, m->conversationId, m->folderId, target).ok();
        actions += done && measuring;
        return done;
    }

    bool fetchBody()
    {
        const std::optional<Message> m = pickMessage();
        if (!m)
            return false;
        bodies += measuring;
        m_engine->fetchBody(m->id);
        return true;
    }

    int m_index;
    QString m_db;
    QRandomGenerator m_random;
    Store m_store;
    std::unique_ptr<SyncEngine> m_engine;
    QElapsedTimer m_timer;
    bool m_priming = false;
    bool m_stopping = false;
    int m_finalSyncs = 0;
};

QString startServer(QProcess &server, const QString &dataDir)
{
    server.setProgram(QStringLiteral(SKEIN_SERVER_BIN));
    server.setArguments({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--data"), dataDir});
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start();
    if (!server.waitForReadyRead(60000))
        return {};
    const QString line = QString::fromUtf8(server.readLine()).trimmed();
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("^listening (http://[^/]+)/")).match(line);
    return m.hasMatch() ? m.captured(1) : QString();
}

// "Folder/ServerId" -> "read flag" of one user on the server.
QMap<QString, QString> serverMailbox(const QString &dataDir, const QString &user, const QSet<QString> &folders)
{
    QProcess dump;
    dump.start(QStringLiteral(SKEIN_SERVER_BIN), {QStringLiteral("--data"), dataDir, QStringLiteral("dump"), QStringLiteral("--json")});
    dump.waitForFinished(120000);
    QMap<QString, QString> box;
    for (const QJsonValue &u : QJsonDocument::fromJson(dump.readAllStandardOutput()).object()[QStringLiteral("users")].toArray()) {
        if (u[QStringLiteral("name")].toString() != user)
            continue;
        for (const QJsonValue &m : u[QStringLiteral("messages")].toArray())
            if (folders.contains(m[QStringLiteral("folder")].toString()))
                box.insert(m[QStringLiteral("folder")].toString() + QLatin1Char('/') + m[QStringLiteral("serverId")].toString(),
                           QStringLiteral("%1 %2").arg(m[QStringLiteral("read")].toBool()).arg(m[QStringLiteral("flagStatus")].toInt()));
    }
    return box;
}

int differences(Store &store, const QString &dataDir)
{
    QSet<QString> folders;
    QMap<QString, QString> device;
    const QString version = store.accountStore().account()->protocolVersion;
    for (const Folder &f : store.folderStore().folders()) {
        if (!SyncRunner::shouldSync(f, version))
            continue;
        folders.insert(f.name);
        for (const Message &m : store.messageStore().messagesInFolder(f.serverId))
            device.insert(f.name + QLatin1Char('/') + m.serverId, QStringLiteral("%1 %2").arg(m.read).arg(int(m.flag.status)));
    }
    const QMap<QString, QString> server = serverMailbox(dataDir, store.accountStore().account()->user, folders);
    int count = 0;
    for (auto it = server.cbegin(); it != server.cend(); ++it)
        count += device.value(it.key()) != it.value();
    for (auto it = device.cbegin(); it != device.cend(); ++it)
        count += !server.contains(it.key());
    return count;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\nskein.*.info=false"));
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("clients"), QStringLiteral("Clients (profiles) at once."), QStringLiteral("N"), QStringLiteral("30")},
        {QStringLiteral("users"), QStringLiteral("Users they share."), QStringLiteral("N"), QStringLiteral("10")},
        {QStringLiteral("seconds"), QStringLiteral("How long the load runs."), QStringLiteral("S"), QStringLiteral("180")},
        {QStringLiteral("quick"), QStringLiteral("20 seconds.")},
        {QStringLiteral("deliveries"), QStringLiteral("New mails per second."), QStringLiteral("N"), QStringLiteral("1")},
    });
    parser.process(app);
    const int clientCount = std::max(1, parser.value(QStringLiteral("clients")).toInt());
    const int userCount = std::clamp(parser.value(QStringLiteral("users")).toInt(), 1, clientCount);
    const int seconds = parser.isSet(QStringLiteral("quick")) ? 20 : std::max(1, parser.value(QStringLiteral("seconds")).toInt());
    const int deliveriesPerSecond = std::max(0, parser.value(QStringLiteral("deliveries")).toInt());

    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("server"));
    QStringList users;
    {
        // Every user gets the demo mailbox (about 130 messages in 8 folders).
        server::ReferenceServer seed;
        if (!seed.open(data))
            return 1;
        for (int u = 0; u < userCount; ++u) {
            users.append(QStringLiteral("load%1").arg(u));
            seed.seedDemo(QDateTime::currentDateTimeUtc(), users.last(), users.last());
        }
    }
    QProcess serverProcess;
    const QString url = startServer(serverProcess, data);
    if (url.isEmpty()) {
        QTextStream(stderr) << "bench_load: skein-server did not start\n";
        return 1;
    }
    const qint64 serverPid = serverProcess.processId();

    auto wire = std::make_shared<Wire>();
    std::vector<std::unique_ptr<Client>> clients;
    for (int i = 0; i < clientCount; ++i)
        clients.push_back(std::make_unique<Client>(i, users.at(i % userCount), dir.path(), url, wire));

    // Every client's first sync (the whole mailbox) before the clock starts.
    int idle = 0;
    for (auto &c : clients) {
        QObject::connect(c.get(), &Client::idle, &app, [&] {
            if (++idle == clientCount)
                app.quit();
        });
        c->prime();
    }
    app.exec();

    const qint64 rssStart = rssKb(serverPid);
    qint64 rssPeak = rssStart;
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, [&] { rssPeak = std::max(rssPeak, rssKb(serverPid)); });
    sampler.start(1000);

    // New mail from outside, one `skein-server deliver` process per mail, on
    // a thread of its own so the clients' answers are not held up.
    std::atomic<int> delivered{0}, deliveryFailures{0};
    std::atomic<bool> delivering{deliveriesPerSecond > 0};
    std::thread deliverer([&] {
        for (int mail = 0; delivering; ++mail) {
            QElapsedTimer started;
            started.start();
            QProcess deliver;
            deliver.start(QStringLiteral(SKEIN_SERVER_BIN),
                          {QStringLiteral("--data"), data, QStringLiteral("deliver"), QStringLiteral("--to"),
                           users.at(mail % userCount), QStringLiteral("--new"), QStringLiteral("--from"),
                           QStringLiteral("load@example.com"), QStringLiteral("--subject"), QStringLiteral("Load %1").arg(mail),
                           QStringLiteral("--body"), QStringLiteral("mail %1").arg(mail)});
            const bool ok = deliver.waitForFinished(60000) && deliver.exitStatus() == QProcess::NormalExit
                && deliver.exitCode() == 0;
            ++(ok ? delivered : deliveryFailures);
            if (!ok)
                QTextStream(stderr) << "bench_load: deliver: " << deliver.readAllStandardError();
            QThread::msleep(std::max<qint64>(0, 1000 / std::max(1, deliveriesPerSecond) - started.elapsed()));
        }
    });

    {
        std::lock_guard lock(wire->mutex);
        wire->measuring = true;
    }
    idle = 0;
    QElapsedTimer elapsed;
    elapsed.start();
    for (auto &c : clients) {
        c->measuring = true;
        c->start();
    }
    QTimer::singleShot(seconds * 1000, &app, [&] {
        delivering = false;
        {
            std::lock_guard lock(wire->mutex);
            wire->measuring = false;
        }
        for (auto &c : clients) {
            c->measuring = false;
            c->stop();
        }
    });
    app.exec();
    deliverer.join();
    const double loadSeconds = seconds;
    const qint64 rssEnd = rssKb(serverPid);
    rssPeak = std::max(rssPeak, rssEnd);

    QList<double> syncMs, replayMs, requestMs;
    QMap<QString, int> errors, conflicts;
    int actions = 0, bodies = 0, syncs = 0;
    for (auto &c : clients) {
        syncMs += c->syncMs;
        replayMs += c->replayMs;
        for (auto it = c->errors.cbegin(); it != c->errors.cend(); ++it)
            errors[it.key()] += it.value();
        for (auto it = c->conflicts.cbegin(); it != c->conflicts.cend(); ++it)
            conflicts[it.key()] += it.value();
        actions += c->actions;
        bodies += c->bodies;
        syncs += c->syncs;
    }
    for (auto it = wire->errors.cbegin(); it != wire->errors.cend(); ++it)
        errors[it.key()] += it.value();
    for (const QList<double> &ms : std::as_const(wire->times))
        requestMs += ms;

    int differing = 0, unfinished = 0, differingMessages = 0;
    for (auto &c : clients) {
        const int d = differences(c->store(), data);
        differing += d > 0;
        differingMessages += d;
        unfinished += int(c->store().journalStore().actions(true).size());
    }
    serverProcess.terminate();
    serverProcess.waitForFinished(10000);

    out() << "clients                " << clientCount << " (" << userCount << " users), " << loadSeconds << " s\n"
          << "server VmRSS           start " << rssStart / 1024 << " MiB, peak " << rssPeak / 1024 << " MiB, end "
          << rssEnd / 1024 << " MiB\n"
          << "requests               " << wire->requests << " (" << QString::number(wire->requests / loadSeconds, 'f', 1)
          << "/s): " << summary(requestMs) << "\n";
    for (auto it = wire->times.cbegin(); it != wire->times.cend(); ++it)
        out() << "  " << it.key().leftJustified(20) << " " << summary(it.value()) << "\n";
    out() << "sync all               " << syncs << ": " << summary(syncMs) << "\n"
          << "replay (act + send)    " << replayMs.size() << ": " << summary(replayMs) << "\n"
          << "actions " << actions << ", bodies fetched " << bodies << ", new mails " << delivered.load() << " ("
          << deliveryFailures.load() << " failed)\n";
    int errorCount = 0;
    for (auto it = errors.cbegin(); it != errors.cend(); ++it)
        errorCount += it.value();
    out() << "errors                 " << errorCount << (errors.isEmpty() ? "\n" : ":\n");
    for (auto it = errors.cbegin(); it != errors.cend(); ++it)
        out() << "  " << it.value() << " x " << it.key() << "\n";
    out() << "conflicts              " << (conflicts.isEmpty() ? "none\n" : "(another device of the user was first)\n");
    for (auto it = conflicts.cbegin(); it != conflicts.cend(); ++it)
        out() << "  " << it.value() << " x " << it.key() << "\n";
    out() << "after the run          " << clientCount - differing << " of " << clientCount << " clients equal the server ("
          << differingMessages << " messages differ), " << unfinished << " actions unsent\n";
    out().flush();
    return errorCount == 0 && deliveryFailures == 0 && differing == 0 && unfinished == 0 ? 0 : 1;
}

#include "bench_load.moc"
