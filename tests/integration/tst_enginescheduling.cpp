// One account's engine sends one request at a time, in the order of its
// scheduler's lanes, against the reference server on its own thread (so the
// server can hold an answer while the test acts, like a slow link). The
// defect this guards against: a replay posted while a Sync was in flight
// sent a second Sync with the same sync key, the server took it for a retry
// and the user's changes were lost.
#include "ConversationActions.h"
#include "NetworkTransport.h"
#include "ReferenceServer.h"
#include "SyncEngine.h"
#include "WbxmlCodec.h"

#include <EasTags.h>

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <mutex>

using namespace skein;
using namespace skein::eas;
namespace tag = skein::wbxml::tag;

namespace {

// The reference server on a thread of its own: it answers (or holds an
// answer) while the test thread applies actions and posts jobs.
class ServerThread
{
public:
    ServerThread()
    {
        m_thread.start();
        m_context.moveToThread(&m_thread);
    }
    ~ServerThread()
    {
        run([this](server::ReferenceServer &) { m_server.reset(); });
        m_thread.quit();
        m_thread.wait();
    }

    bool start(const QString &dir)
    {
        bool ok = false;
        QMetaObject::invokeMethod(&m_context, [&] {
            m_server = std::make_unique<server::ReferenceServer>();
            ok = m_server->open(dir) && m_server->seedDemo() >= 100 && m_server->start() != 0;
            m_url = m_server->url();
        }, Qt::BlockingQueuedConnection);
        return ok;
    }
    void run(const std::function<void(server::ReferenceServer &)> &job)
    {
        QMetaObject::invokeMethod(&m_context, [&] {
            if (m_server)
                job(*m_server);
        }, Qt::BlockingQueuedConnection);
    }
    QUrl url() const { return m_url; }

private:
    QThread m_thread;
    QObject m_context;
    std::unique_ptr<server::ReferenceServer> m_server;
    QUrl m_url;
};

// What went over the wire, in order, and how many requests were in flight at once.
struct WireLog {
    struct Request {
        QByteArray command;
        QList<QPair<QString, QString>> collections; // CollectionId, SyncKey
        bool carriesCommands = false;
    };
    std::mutex mutex;
    QList<Request> requests;
    std::atomic<int> inFlight{0};
    std::atomic<int> maxInFlight{0};
    std::atomic<int> syncsStarted{0};

    QList<Request> snapshot()
    {
        std::lock_guard lock(mutex);
        return requests;
    }
};

class RecordingTransport final : public Transport
{
public:
    explicit RecordingTransport(std::shared_ptr<WireLog> log) : m_log(std::move(log)) {}

    HttpResponse send(const HttpRequest &request) override
    {
        WireLog::Request seen;
        const QString query = request.url.query();
        seen.command = request.method == "OPTIONS"
            ? QByteArray("OPTIONS")
            : query.section(QStringLiteral("Cmd="), 1).section(QLatin1Char('&'), 0, 0).toLatin1();
        if (const auto root = wbxml::decode(request.body).root) {
            if (const wbxml::Element *collections = root->child(tag::AirSync::Collections)) {
                for (const wbxml::Element *c : collections->all(tag::AirSync::Collection)) {
                    seen.collections.append({c->childText(tag::AirSync::CollectionId),
                                             c->childText(tag::AirSync::SyncKey)});
                    seen.carriesCommands |= c->has(tag::AirSync::Commands);
                }
            }
        }
        {
            std::lock_guard lock(m_log->mutex);
            m_log->requests.append(seen);
        }
        const int now = ++m_log->inFlight;
        int max = m_log->maxInFlight;
        while (now > max && !m_log->maxInFlight.compare_exchange_weak(max, now)) {
        }
        if (seen.command == "Sync")
            ++m_log->syncsStarted;
        HttpResponse response = m_inner.send(request);
        --m_log->inFlight;
        return response;
    }

private:
    std::shared_ptr<WireLog> m_log;
    NetworkTransport m_inner;
};

struct ServerMessage {
    bool read = false;
    int flagStatus = 0;
};

} // namespace

class TestEngineScheduling : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ServerThread> m_server;
    std::shared_ptr<WireLog> m_log;
    std::unique_ptr<SyncEngine> m_engine;
    QString m_db;

    static bool waitFor(QSignalSpy &spy, int count = 1)
    {
        // Signals may come before the wait starts: count what already came.
        while (spy.count() < count)
            if (!spy.wait(60000))
                return false;
        return true;
    }

    QString inboxId() const
    {
        Store store;
        store.open(m_db);
        return store.folderStore().folderOfType(FolderType::Inbox).value_or(Folder{}).serverId;
    }

    // The server's read and flag state of every message of the user, by
    // folder name and ServerId.
    QHash<QString, ServerMessage> serverState()
    {
        QJsonObject dump;
        m_server->run([&](server::ReferenceServer &s) { dump = s.dump(); });
        QHash<QString, ServerMessage> state;
        for (const QJsonValue &u : dump.value(QStringLiteral("users")).toArray())
            for (const QJsonValue &m : u[QStringLiteral("messages")].toArray())
                state.insert(m[QStringLiteral("folder")].toString() + QLatin1Char('/')
                                 + m[QStringLiteral("serverId")].toString(),
                             {m[QStringLiteral("read")].toBool(), m[QStringLiteral("flagStatus")].toInt()});
        return state;
    }

    // Every synced message's read state and flag as the client has them
    // equal the server's: nothing the user did was lost on either side.
    void checkClientEqualsServer()
    {
        const QHash<QString, ServerMessage> server = serverState();
        Store store;
        QVERIFY(store.open(m_db));
        int compared = 0;
        for (const Folder &folder : store.folderStore().folders()) {
            for (const Message &m : store.messageStore().messagesInFolder(folder.serverId)) {
                const QString key = folder.name + QLatin1Char('/') + m.serverId;
                QVERIFY2(server.contains(key), qPrintable(key));
                QCOMPARE(m.read, server.value(key).read);
                QCOMPARE(int(m.flag.status), server.value(key).flagStatus);
                ++compared;
            }
        }
        QVERIFY(compared >= 100);
    }

    static int indexOf(const QList<WireLog::Request> &requests, int from,
                       const std::function<bool(const WireLog::Request &)> &match)
    {
        for (int i = from; i < requests.size(); ++i)
            if (match(requests.at(i)))
                return i;
        return -1;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_server = std::make_unique<ServerThread>();
        QVERIFY(m_server->start(m_dir->filePath(QStringLiteral("server"))));
        m_db = m_dir->filePath(QStringLiteral("client.db"));
        Store store;
        QVERIFY(store.open(m_db));
        AccountSettings account;
        QUrl base = m_server->url();
        base.setPath({});
        account.url = base.toString();
        account.user = QStringLiteral("demo");
        account.deviceId = QStringLiteral("SCHEDULING1");
        QVERIFY(store.accountStore().saveAccount(account));

        m_log = std::make_shared<WireLog>();
        SyncEngine::Config config;
        config.databasePath = m_db;
        config.password = QStringLiteral("demo");
        config.maxRetryAfterMs = 20;
        config.transportFactory = [log = m_log] { return std::make_unique<RecordingTransport>(log); };
        m_engine = std::make_unique<SyncEngine>(config);
        QSignalSpy synced(m_engine.get(), &SyncEngine::syncFinished);
        m_engine->syncAll();
        QVERIFY(waitFor(synced));
        QVERIFY(synced.first().first().value<SyncReport>().ok());
    }

    void cleanup()
    {
        m_engine.reset();
        m_server.reset();
        m_dir.reset();
    }

    // The defect as it was found: F5 syncs the Inbox, the server (or a
    // proxy) holds the answer, meanwhile the user marks a conversation
    // unread and the replay is posted. The replay must wait for the Sync's
    // answer and send its changes with the key that answer brought.
    void replayPostedDuringAHeldSyncWaitsForItsAnswer()
    {
        const QString inbox = inboxId();
        m_server->run([](server::ReferenceServer &s) { s.faults().applyFaultSpec(QStringLiteral("hold:Sync:1500")); });
        const int syncsBefore = m_log->syncsStarted;
        const int requestsBefore = int(m_log->snapshot().size());
        QSignalSpy synced(m_engine.get(), &SyncEngine::syncFinished);
        QSignalSpy replayed(m_engine.get(), &SyncEngine::replayFinished);
        m_engine->syncFolder(inbox);
        QTRY_VERIFY_WITH_TIMEOUT(m_log->syncsStarted > syncsBefore, 30000);

        // While the Sync is held: two messages of a read conversation unread.
        Store store;
        QVERIFY(store.open(m_db));
        QByteArray conversation;
        for (const ConversationSummary &c : store.conversationStore().conversations(inbox))
            if (c.messageCount >= 2 && c.unreadCount == 0 && !c.conversationId.isEmpty()) {
                conversation = c.conversationId;
                break;
            }
        QVERIFY(!conversation.isEmpty());
        QVERIFY(ConversationActions(store).markUnread(conversation, inbox).ok());
        m_engine->replayNow();

        QVERIFY(waitFor(synced));
        QVERIFY(waitFor(replayed));
        QVERIFY(replayed.first().first().value<SyncReport>().ok());

        QCOMPARE(m_log->maxInFlight.load(), 1);
        const QList<WireLog::Request> requests = m_log->snapshot();
        const int held = indexOf(requests, requestsBefore, [](const auto &r) { return r.command == "Sync"; });
        const int changes = indexOf(requests, held + 1, [](const auto &r) { return r.carriesCommands; });
        QVERIFY(held >= 0);
        QVERIFY2(changes > held, "the replay's changes were never sent");
        // Sent with the key the held Sync's answer brought, never its own.
        const QString heldKey = requests.at(held).collections.first().second;
        for (const auto &[collection, key] : requests.at(changes).collections)
            if (collection == inbox)
                QVERIFY2(key != heldKey, qPrintable(QStringLiteral("sync key %1 sent twice").arg(key)));

        // The server has the messages unread, and a client/server
        // comparison after one more sync finds no difference.
        QSignalSpy again(m_engine.get(), &SyncEngine::syncFinished);
        m_engine->syncAll();
        QVERIFY(waitFor(again));
        checkClientEqualsServer();
        for (const Message &m : store.messageStore().conversationMessages(conversation))
            if (m.folderId == inbox)
                QVERIFY2(!serverState().value(QStringLiteral("Inbox/") + m.serverId).read, qPrintable(m.serverId));
    }

    // Lanes: what the user waits for (a body, a replay) goes before the
    // rest of a sync that was already running when it was asked for.
    void userWorkGoesBeforeTheRestOfASync()
    {
        const QString inbox = inboxId();
        Store store;
        QVERIFY(store.open(m_db));
        const QList<Message> inboxMessages = store.messageStore().messagesInFolder(inbox);
        QVERIFY(!inboxMessages.isEmpty());

        m_server->run([](server::ReferenceServer &s) { s.faults().applyFaultSpec(QStringLiteral("hold:Sync:1000")); });
        const int syncsBefore = m_log->syncsStarted;
        const int requestsBefore = int(m_log->snapshot().size());
        QSignalSpy synced(m_engine.get(), &SyncEngine::syncFinished);
        QSignalSpy fetched(m_engine.get(), &SyncEngine::bodyFetched);
        QSignalSpy replayed(m_engine.get(), &SyncEngine::replayFinished);
        m_engine->syncAll();
        QTRY_VERIFY_WITH_TIMEOUT(m_log->syncsStarted > syncsBefore, 30000);

        m_engine->fetchBody(inboxMessages.first().id);
        QByteArray conversation;
        for (const ConversationSummary &c : store.conversationStore().conversations(inbox))
            if (!c.conversationId.isEmpty() && c.unreadCount == 0) {
                conversation = c.conversationId;
                break;
            }
        QVERIFY(ConversationActions(store).flag(conversation, inbox).ok());
        m_engine->replayNow();
        QVERIFY(waitFor(synced));
        QVERIFY(waitFor(fetched));
        QVERIFY(waitFor(replayed));

        const QList<WireLog::Request> requests = m_log->snapshot();
        const int held = indexOf(requests, requestsBefore, [](const auto &r) { return r.command == "Sync"; });
        QVERIFY(held >= 0);
        const QString heldFolder = requests.at(held).collections.first().first;
        const int body = indexOf(requests, held + 1, [](const auto &r) { return r.command == "ItemOperations"; });
        const int changes = indexOf(requests, held + 1, [](const auto &r) { return r.carriesCommands; });
        // The first Sync of a folder that neither the held request nor the
        // replay was about: the rest of the sync.
        const int rest = indexOf(requests, held + 1, [&](const auto &r) {
            return r.command == "Sync" && !r.carriesCommands && r.collections.first().first != heldFolder
                && r.collections.first().first != inbox;
        });
        QVERIFY2(body > held && changes > held, "user work missing");
        QVERIFY2(rest > body, "the body fetch waited for the whole sync");
        QVERIFY2(rest > changes, "the replay waited for the whole sync");
        QCOMPARE(m_log->maxInFlight.load(), 1);
        checkClientEqualsServer();
    }
};

QTEST_GUILESS_MAIN(TestEngineScheduling)
#include "tst_enginescheduling.moc"
