// The engine's push against a scripted server: what follows each Ping status
// (1 again, 2 a Sync of exactly the named folders, 3 the full request again,
// 5 the server's interval, 6 fewer folders, 7 FolderSync), a Ping that makes
// way for the user's work and resumes after it, and a server without Ping.
#include "EasTags.h"
#include "SyncEngine.h"
#include "WbxmlCodec.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <condition_variable>
#include <deque>
#include <mutex>

using namespace skein;
using namespace skein::eas;
namespace tag = skein::wbxml::tag;
using wbxml::Element;

namespace {

struct Sent {
    QByteArray command;
    Element body;
};

// Shared between the test and the transport on the engine's thread. A Ping
// takes the next scripted answer; with none left it is held open until the
// engine aborts it, like a quiet server.
struct Script {
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<Element> pingAnswers;
    int pingHttpStatus = 200;
    bool abortRequested = false;
    QList<Sent> sent;

    QList<Sent> snapshot()
    {
        std::lock_guard lock(mutex);
        return sent;
    }
    QByteArrayList commands()
    {
        QByteArrayList out;
        for (const Sent &s : snapshot())
            out.append(s.command);
        return out;
    }
};

HttpResponse wbxmlResponse(const Element &root)
{
    HttpResponse r;
    r.status = 200;
    r.body = wbxml::encode(root).bytes;
    return r;
}

Element syncAnswer(const Element &request)
{
    Element root(tag::AirSync::Sync);
    Element &collections = root.add(tag::AirSync::Collections);
    for (const Element *c : request.find({tag::AirSync::Collections})->all(tag::AirSync::Collection)) {
        Element &out = collections.add(tag::AirSync::Collection);
        out.add(tag::AirSync::SyncKey, c->childText(tag::AirSync::SyncKey) + QStringLiteral("+"));
        out.add(tag::AirSync::CollectionId, c->childText(tag::AirSync::CollectionId));
        out.add(tag::AirSync::Status, qint64(1));
    }
    return root;
}

class ScriptedTransport final : public Transport
{
public:
    explicit ScriptedTransport(std::shared_ptr<Script> script) : m_script(std::move(script)) {}

    HttpResponse send(const HttpRequest &request) override
    {
        const QByteArray command = request.url.query().section(QStringLiteral("Cmd="), 1).section(QLatin1Char('&'), 0, 0).toLatin1();
        const Element body = wbxml::decode(request.body).root.value_or(Element{});
        std::unique_lock lock(m_script->mutex);
        m_script->sent.append(Sent{command, body});
        m_script->changed.notify_all();
        if (command == "Ping") {
            if (m_script->pingHttpStatus != 200) {
                HttpResponse r;
                r.status = m_script->pingHttpStatus;
                return r;
            }
            if (!m_script->pingAnswers.empty()) {
                const Element answer = m_script->pingAnswers.front();
                m_script->pingAnswers.pop_front();
                return wbxmlResponse(answer);
            }
            m_script->changed.wait(lock, [this] { return m_script->abortRequested; });
            m_script->abortRequested = false;
            HttpResponse aborted;
            aborted.networkError = QStringLiteral("Operation canceled");
            return aborted;
        }
        m_script->abortRequested = false; // any other exchange clears a pending abort
        if (command == "Sync")
            return wbxmlResponse(syncAnswer(body));
        if (command == "FolderSync") {
            Element root(tag::FolderHierarchy::FolderSync);
            root.add(tag::FolderHierarchy::Status, qint64(1));
            root.add(tag::FolderHierarchy::SyncKey, "fk2");
            root.add(tag::FolderHierarchy::Changes).add(tag::FolderHierarchy::Count, qint64(0));
            return wbxmlResponse(root);
        }
        if (command == "GetItemEstimate") {
            Element root(tag::GetItemEstimate::GetItemEstimate);
            Element &response = root.add(tag::GetItemEstimate::Response);
            response.add(tag::GetItemEstimate::Status, qint64(1));
            Element &collection = response.add(tag::GetItemEstimate::Collection);
            collection.add(tag::GetItemEstimate::CollectionId, "1");
            collection.add(tag::GetItemEstimate::Estimate, qint64(0));
            return wbxmlResponse(root);
        }
        HttpResponse r;
        r.status = 500;
        return r;
    }

    void abort() override
    {
        std::lock_guard lock(m_script->mutex);
        m_script->abortRequested = true;
        m_script->changed.notify_all();
    }

private:
    std::shared_ptr<Script> m_script;
};

Element pingAnswer(int status)
{
    Element root(tag::Ping::Ping);
    root.add(tag::Ping::Status, qint64(status));
    return root;
}

QStringList pingedFolders(const Element &ping)
{
    QStringList ids;
    if (const Element *folders = ping.child(tag::Ping::Folders))
        for (const Element *f : folders->all(tag::Ping::Folder))
            ids.append(f->childText(tag::Ping::Id));
    return ids;
}

QList<Sent> pings(const QList<Sent> &sent)
{
    QList<Sent> out;
    for (const Sent &s : sent)
        if (s.command == "Ping")
            out.append(s);
    return out;
}

} // namespace

class TestPushEngine : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::shared_ptr<Script> m_script;
    std::unique_ptr<SyncEngine> m_engine;
    int m_profiles = 0;

    // A synced profile: Inbox (1), Sent Items (2), Projects (3), Calendar (4).
    void startEngine()
    {
        const QString db = m_dir.filePath(QStringLiteral("p%1.db").arg(++m_profiles));
        {
            Store store;
            QVERIFY(store.open(db));
            AccountSettings account;
            account.url = QStringLiteral("http://127.0.0.1:9");
            account.user = QStringLiteral("demo");
            account.deviceId = QStringLiteral("PUSH%1").arg(m_profiles);
            account.protocolVersion = QStringLiteral("14.1");
            account.policyKey = QStringLiteral("1");
            account.folderSyncKey = QStringLiteral("fk");
            QVERIFY(store.accountStore().saveAccount(account));
            QVERIFY(store.folderStore().applyFolderSync(QStringLiteral("fk"),
                                          {{QStringLiteral("1"), QStringLiteral("0"), QStringLiteral("Inbox"), FolderType::Inbox},
                                           {QStringLiteral("2"), QStringLiteral("0"), QStringLiteral("Sent Items"), FolderType::SentItems},
                                           {QStringLiteral("3"), QStringLiteral("0"), QStringLiteral("Projects"), FolderType::UserMail},
                                           {QStringLiteral("4"), QStringLiteral("0"), QStringLiteral("Calendar"), FolderType::Calendar}},
                                          {}));
            for (const char *id : {"1", "2", "3", "4"}) {
                SyncBatch batch;
                batch.folderId = QString::fromLatin1(id);
                batch.newSyncKey = QStringLiteral("k");
                QVERIFY(store.syncApplier().applySyncBatch(batch));
            }
        }
        m_script = std::make_shared<Script>();
        SyncEngine::Config config;
        config.databasePath = db;
        config.password = QStringLiteral("demo");
        config.maxRetryAfterMs = 20;
        config.pushRetryMs = 50;
        std::shared_ptr<Script> script = m_script;
        config.transportFactory = [script] { return std::make_unique<ScriptedTransport>(script); };
        m_engine = std::make_unique<SyncEngine>(config);
    }

    // Waits until `count` Pings went out, the last one held open.
    bool waitForPings(int count)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 10000) {
            if (pings(m_script->snapshot()).size() >= count)
                return true;
            QTest::qWait(10);
        }
        return false;
    }

private Q_SLOTS:
    void cleanup() { m_engine.reset(); }

    void pingsTheMailFoldersInboxFirst()
    {
        startEngine();
        m_engine->startPush();
        QVERIFY(waitForPings(1));
        const Sent ping = pings(m_script->snapshot()).first();
        QCOMPARE(ping.body.childText(tag::Ping::HeartbeatInterval), QStringLiteral("480"));
        QCOMPARE(pingedFolders(ping.body), (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
    }

    void statusOnePingsAgain()
    {
        startEngine();
        m_script->pingAnswers.push_back(pingAnswer(1));
        m_engine->startPush();
        QVERIFY(waitForPings(2));
        QCOMPARE(m_script->commands(), (QByteArrayList{"Ping", "Ping"}));
    }

    void statusTwoSyncsOnlyTheNamedFolders()
    {
        startEngine();
        Element changed = pingAnswer(2);
        changed.add(tag::Ping::Folders).add(tag::Ping::Folder, "3");
        m_script->pingAnswers.push_back(changed);
        QSignalSpy folderChanged(m_engine.get(), &SyncEngine::syncFinished);
        m_engine->startPush();
        QVERIFY(waitForPings(2));
        QCOMPARE(m_script->commands(), (QByteArrayList{"Ping", "Sync", "Ping"}));
        const Element sync = m_script->snapshot().at(1).body;
        const auto collections = sync.find({tag::AirSync::Collections})->all(tag::AirSync::Collection);
        QCOMPARE(collections.size(), 1);
        QCOMPARE(collections.first()->childText(tag::AirSync::CollectionId), QStringLiteral("3"));
        QTRY_COMPARE(folderChanged.size(), 1);
    }

    void statusThreeSendsTheFullRequestAgain()
    {
        startEngine();
        m_script->pingAnswers.push_back(pingAnswer(3));
        m_engine->startPush();
        QVERIFY(waitForPings(2));
        const Sent again = pings(m_script->snapshot()).at(1);
        QCOMPARE(again.body.childText(tag::Ping::HeartbeatInterval), QStringLiteral("480"));
        QCOMPARE(pingedFolders(again.body).size(), 3);
    }

    void statusThreeForeverBacksOff()
    {
        startEngine();
        for (int i = 0; i < 3; ++i)
            m_script->pingAnswers.push_back(pingAnswer(3));
        QSignalSpy push(m_engine.get(), &SyncEngine::pushChanged);
        m_engine->startPush();
        QTRY_VERIFY(!push.isEmpty() && !push.last().at(0).toBool());
        QVERIFY(push.last().at(1).toString().contains(QStringLiteral("status 3")));
        QVERIFY(waitForPings(4)); // tried again after the wait
    }

    void statusFiveTakesTheServersInterval()
    {
        startEngine();
        Element bound = pingAnswer(5);
        bound.add(tag::Ping::HeartbeatInterval, qint64(900));
        m_script->pingAnswers.push_back(bound);
        m_engine->startPush();
        QVERIFY(waitForPings(2));
        QCOMPARE(pings(m_script->snapshot()).at(1).body.childText(tag::Ping::HeartbeatInterval), QStringLiteral("900"));
    }

    void statusSixPingsFewerFolders()
    {
        startEngine();
        Element limit = pingAnswer(6);
        limit.add(tag::Ping::MaxFolders, qint64(1));
        m_script->pingAnswers.push_back(limit);
        m_engine->startPush();
        QVERIFY(waitForPings(2));
        QCOMPARE(pingedFolders(pings(m_script->snapshot()).at(1).body), QStringList{QStringLiteral("1")});
    }

    void statusSevenRunsFolderSync()
    {
        startEngine();
        m_script->pingAnswers.push_back(pingAnswer(7));
        m_engine->startPush();
        QVERIFY(waitForPings(2));
        QCOMPARE(m_script->commands(), (QByteArrayList{"Ping", "FolderSync", "Ping"}));
    }

    void userWorkInterruptsThePingWhichResumes()
    {
        startEngine();
        QSignalSpy push(m_engine.get(), &SyncEngine::pushChanged);
        m_engine->startPush();
        QVERIFY(waitForPings(1)); // held open by the quiet server
        QElapsedTimer answered;
        answered.start();
        QSignalSpy estimated(m_engine.get(), &SyncEngine::estimated);
        m_engine->estimate(QStringLiteral("1"), 0);
        QVERIFY(estimated.wait(5000));
        QVERIFY2(answered.elapsed() < 2000, "the user's request waited for the Ping");
        QVERIFY(waitForPings(2));
        QCOMPARE(m_script->commands(), (QByteArrayList{"Ping", "GetItemEstimate", "Ping"}));
        // Interrupting is not a failure: push never said it stopped.
        for (const QList<QVariant> &change : push)
            QVERIFY(change.at(0).toBool());
    }

    void aServerWithoutPingFallsBackToTheInterval()
    {
        startEngine();
        m_script->pingHttpStatus = 501;
        QSignalSpy push(m_engine.get(), &SyncEngine::pushChanged);
        m_engine->startPush();
        QTRY_VERIFY(!push.isEmpty() && !push.last().at(0).toBool());
        QVERIFY(push.last().at(1).toString().contains(QStringLiteral("does not offer push")));
        QTest::qWait(200);
        QCOMPARE(pings(m_script->snapshot()).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestPushEngine)
#include "tst_pushengine.moc"
