// The outbox state machine against a scripted server (OutboxSender through
// SyncRunner): offline or 5xx -> waiting with the reason, the rest waits in
// order; success or 118 -> sent; a refusal -> failed with its sentence and
// kept; an entry a killed process left 'sending' goes again with the same
// ClientId and is delivered once; at 12.1 such an entry is not repeated
// blindly; a sent message with SaveInSentItems makes Sent Items sync.
#include "EasTags.h"
#include "FakeTransport.h"
#include "OutboxTypes.h"
#include "StatusText.h"
#include "SyncRunner.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace skein;
using namespace skein::eas;
namespace tag = skein::wbxml::tag;
using wbxml::Element;

namespace {

const QString inbox = QStringLiteral("1"), sentItems = QStringLiteral("4");

Element folderSyncResponse()
{
    Element root(tag::FolderHierarchy::FolderSync);
    root.add(tag::FolderHierarchy::Status, "1");
    root.add(tag::FolderHierarchy::SyncKey, "h1");
    return root;
}

Element syncResponse(const Element &request)
{
    Element root(tag::AirSync::Sync);
    Element &collections = root.add(tag::AirSync::Collections);
    for (const Element *c : request.child(tag::AirSync::Collections)->all(tag::AirSync::Collection)) {
        Element &out = collections.add(tag::AirSync::Collection);
        out.add(tag::AirSync::SyncKey, c->childText(tag::AirSync::SyncKey) + QStringLiteral("+"));
        out.add(tag::AirSync::CollectionId, c->childText(tag::AirSync::CollectionId));
        out.add(tag::AirSync::Status, "1");
    }
    return root;
}

Element composeStatus(const QByteArray &command, int status)
{
    Element root(command == "SmartReply" ? tag::ComposeMail::SmartReply
                 : command == "SmartForward" ? tag::ComposeMail::SmartForward : tag::ComposeMail::SendMail);
    root.add(tag::ComposeMail::Status, qint64(status));
    return root;
}

} // namespace

class TestOutboxSender : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    FakeTransport m_fake;
    std::unique_ptr<EasSession> m_session;
    QString m_version;
    // The scripted server.
    bool m_offline = false;
    QList<int> m_statuses;           // the next ComposeMail answers (1 = empty body); then 1
    int m_httpError = 0;             // ComposeMail answers this HTTP status
    QSet<QString> m_clientIds;       // what the server has sent (it answers 118 to a repeat)
    QStringList m_delivered;         // ClientIds delivered, in order (12.1: the MIME)

    HttpResponse answer(const HttpRequest &request)
    {
        if (m_offline) {
            HttpResponse r;
            r.networkError = QStringLiteral("Connection refused");
            return r;
        }
        const QByteArray command = m_fake.command(int(m_fake.requests.size() - 1));
        const Element body = wbxml::decode(request.body).root.value_or(Element{});
        if (command == "FolderSync")
            return FakeTransport::wbxml(folderSyncResponse());
        if (command == "Sync")
            return FakeTransport::wbxml(syncResponse(body));
        if (command == "SendMail" || command == "SmartReply" || command == "SmartForward") {
            if (m_httpError)
                return FakeTransport::status(m_httpError);
            const int scripted = m_statuses.isEmpty() ? 1 : m_statuses.takeFirst();
            if (scripted != 1)
                return FakeTransport::wbxml(composeStatus(command, scripted));
            if (m_version == QLatin1String("12.1")) {
                m_delivered.append(QString::fromUtf8(request.body));
                return FakeTransport::status(200);
            }
            const QString clientId = body.childText(tag::ComposeMail::ClientId);
            if (m_clientIds.contains(clientId))
                return FakeTransport::wbxml(composeStatus(command, 118));
            m_clientIds.insert(clientId);
            m_delivered.append(clientId);
            return FakeTransport::status(200);
        }
        return FakeTransport::status(500);
    }

    void openSession()
    {
        AccountSettings account;
        account.url = QStringLiteral("http://127.0.0.1:9");
        account.user = QStringLiteral("demo");
        account.deviceId = QStringLiteral("DEV1");
        account.protocolVersion = m_version;
        account.policyKey = QStringLiteral("1");
        QVERIFY(m_store->accountStore().saveAccount(account));
        m_session = std::make_unique<EasSession>(m_fake, account, QStringLiteral("demo"));
        m_session->setSleeper([](int) {});
    }

    qint64 enqueue(const QString &clientId, OutboxKind kind = OutboxKind::Send)
    {
        OutboxEntry e;
        e.kind = kind;
        e.clientId = clientId;
        e.mime = "From: demo@skein.test\r\nTo: alice@skein.test\r\nSubject: " + clientId.toUtf8() + "\r\n\r\nhi\r\n";
        e.subject = clientId;
        e.recipients = QStringLiteral("alice@skein.test");
        if (kind != OutboxKind::Send) {
            e.sourceFolderId = inbox;
            e.sourceServerId = QStringLiteral("1:7");
        }
        return m_store->outboxStore().insertOutbox(e);
    }

    OutboxEntry entry(qint64 id) const { return m_store->outboxStore().outboxEntry(id).value_or(OutboxEntry{}); }

    SyncReport replay()
    {
        SyncRunner runner(*m_session, *m_store);
        return runner.replayAndSync();
    }

    // A process killed while the request was on its way: 'sending' on disk.
    void killWhileSending(qint64 id)
    {
        OutboxEntry e = entry(id);
        e.state = OutboxState::Sending;
        ++e.attempts;
        QVERIFY(m_store->outboxStore().updateOutboxState(e));
        const QString path = m_store->path();
        m_store = std::make_unique<Store>();
        QVERIFY(m_store->open(path));
    }

    QList<int> composeRequests() const
    {
        QList<int> out;
        for (int i = 0; i < m_fake.requests.size(); ++i) {
            const QByteArray c = m_fake.command(i);
            if (c == "SendMail" || c == "SmartReply" || c == "SmartForward")
                out.append(i);
        }
        return out;
    }

private Q_SLOTS:
    void init()
    {
        m_version = QStringLiteral("16.1");
        m_store = std::make_unique<Store>();
        QVERIFY(m_store->open(m_dir.filePath(QStringLiteral("%1-%2.db").arg(QLatin1String(QTest::currentTestFunction()),
                                                                          QLatin1String(QTest::currentDataTag())))));
        const QString root = QStringLiteral("0");
        QVERIFY(m_store->folderStore().applyFolderSync(QStringLiteral("h1"),
                                         {{inbox, root, QStringLiteral("Inbox"), FolderType::Inbox},
                                          {sentItems, root, QStringLiteral("Sent Items"), FolderType::SentItems}},
                                         {}));
        QVERIFY(m_store->folderStore().setSyncKey(inbox, QStringLiteral("k1")));
        QVERIFY(m_store->folderStore().setSyncKey(sentItems, QStringLiteral("k4")));
        m_fake = FakeTransport();
        m_fake.handler = [this](const HttpRequest &r) { return answer(r); };
        m_offline = false;
        m_statuses.clear();
        m_httpError = 0;
        m_clientIds.clear();
        m_delivered.clear();
        openSession();
    }

    void sentInOrderThenSentItemsSyncs()
    {
        const qint64 a = enqueue(QStringLiteral("a")), b = enqueue(QStringLiteral("b"), OutboxKind::Reply);
        QVERIFY(replay().ok());
        QCOMPARE(m_delivered, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(entry(a).state, OutboxState::Sent);
        QCOMPARE(entry(b).state, OutboxState::Sent);
        QCOMPARE(entry(a).attempts, 1);
        QVERIFY(entry(a).sent.isValid());
        QVERIFY(m_store->outboxStore().outbox(true).isEmpty());  // nothing left to show in the Outbox
        QCOMPARE(m_store->outboxStore().outbox(false).size(), 2); // the record stays
        // The server's copy comes from Sent Items: synced after sending.
        bool sentItemsSynced = false;
        const int lastSend = composeRequests().last();
        for (int i = lastSend + 1; i < m_fake.requests.size(); ++i)
            if (m_fake.command(i) == "Sync")
                sentItemsSynced |= m_fake.body(i).find({tag::AirSync::Collections, tag::AirSync::Collection})->childText(tag::AirSync::CollectionId) == sentItems;
        QVERIFY(sentItemsSynced);
    }

    void offlineWaitsWithTheReason()
    {
        const qint64 a = enqueue(QStringLiteral("a"));
        m_offline = true;
        const SyncReport report = replay();
        QCOMPARE(report.error, ErrorKind::Network);
        QCOMPARE(entry(a).state, OutboxState::Waiting);
        QCOMPARE(entry(a).attempts, 0); // never left: FolderSync failed first
        m_offline = false;
        QVERIFY(replay().ok());
        QCOMPARE(entry(a).state, OutboxState::Sent);
        QCOMPARE(m_delivered, QStringList{QStringLiteral("a")});
    }

    void serverErrorWaitsAndTheRestWaitsInOrder()
    {
        const qint64 a = enqueue(QStringLiteral("a")), b = enqueue(QStringLiteral("b"));
        m_httpError = 500;
        const SyncReport report = replay();
        QVERIFY(!report.ok());
        QCOMPARE(entry(a).state, OutboxState::Waiting);
        QVERIFY2(entry(a).error.contains(QLatin1String("500")), qPrintable(entry(a).error));
        QCOMPARE(entry(a).attempts, 1);
        QCOMPARE(entry(b).state, OutboxState::Waiting);
        QCOMPARE(entry(b).attempts, 0); // not tried after a: order is kept
        m_httpError = 0;
        QVERIFY(replay().ok());
        QCOMPARE(m_delivered, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    }

    void temporaryStatusWaits()
    {
        const qint64 a = enqueue(QStringLiteral("a"));
        m_statuses = {111};
        QVERIFY(!replay().ok());
        QCOMPARE(entry(a).state, OutboxState::Waiting);
        QCOMPARE(entry(a).error, statusText("SendMail", 111));
    }

    void status118CountsAsSent()
    {
        const qint64 a = enqueue(QStringLiteral("a"));
        m_statuses = {118};
        QVERIFY(replay().ok());
        QCOMPARE(entry(a).state, OutboxState::Sent);
        QCOMPARE(entry(a).error, statusText("SendMail", 118));
    }

    void refusedFailsWithTheSentenceAndStays()
    {
        const qint64 a = enqueue(QStringLiteral("a"), OutboxKind::Reply), b = enqueue(QStringLiteral("b"));
        m_statuses = {150};
        QVERIFY(replay().ok()); // a refusal is an answer, not a broken connection
        QCOMPARE(entry(a).state, OutboxState::Failed);
        QCOMPARE(entry(a).error, statusText("SmartReply", 150));
        QCOMPARE(entry(b).state, OutboxState::Sent); // the next one still went
        QCOMPARE(m_store->outboxStore().outbox(true).size(), 1);   // a stays for the user
        // The user edits it (back to waiting, same ClientId) and it goes.
        QVERIFY(m_store->outboxStore().editOutbox(a, "From: demo@skein.test\r\nTo: bob@skein.test\r\n\r\nnew\r\n", QStringLiteral("a2"),
                                    QStringLiteral("bob@skein.test")));
        QCOMPARE(entry(a).state, OutboxState::Waiting);
        QVERIFY(entry(a).error.isEmpty());
        QVERIFY(replay().ok());
        QCOMPARE(entry(a).state, OutboxState::Sent);
        QCOMPARE(entry(a).clientId, QStringLiteral("a"));
    }

    void badRequestFails()
    {
        const qint64 a = enqueue(QStringLiteral("a"));
        m_httpError = 400;
        replay();
        QCOMPARE(entry(a).state, OutboxState::Failed);
        QVERIFY(entry(a).error.contains(QLatin1String("400")));
    }

    // The answer was lost with the process: sent again with the same
    // ClientId; the server recognises it (118) and delivers nothing twice.
    void interruptedSendIsDeliveredOnce()
    {
        const qint64 a = enqueue(QStringLiteral("a"));
        QVERIFY(replay().ok());
        QCOMPARE(m_delivered, QStringList{QStringLiteral("a")});
        killWhileSending(a); // as if the answer to that request had never arrived
        m_fake.requests.clear();
        openSession();
        QVERIFY(replay().ok());
        QCOMPARE(composeRequests().size(), 1);
        QCOMPARE(m_fake.body(composeRequests().first()).childText(tag::ComposeMail::ClientId), QStringLiteral("a"));
        QCOMPARE(entry(a).state, OutboxState::Sent);
        QCOMPARE(entry(a).attempts, 3); // the first, the one the kill cut short, this one
        QCOMPARE(m_delivered, QStringList{QStringLiteral("a")}); // once
    }

    void interruptedBeforeTheServerGotItIsDeliveredOnce()
    {
        const qint64 a = enqueue(QStringLiteral("a"));
        killWhileSending(a);
        openSession();
        QVERIFY(replay().ok());
        QCOMPARE(entry(a).state, OutboxState::Sent);
        QCOMPARE(m_delivered, QStringList{QStringLiteral("a")});
    }

    void legacyVersionSendsMimeAndNeverRepeatsBlindly()
    {
        m_version = QStringLiteral("12.1");
        openSession();
        const qint64 a = enqueue(QStringLiteral("a"), OutboxKind::Reply);
        QVERIFY(replay().ok());
        QCOMPARE(entry(a).state, OutboxState::Sent);
        const int request = composeRequests().first();
        QCOMPARE(QUrlQuery(m_fake.requests.at(request).url).queryItemValue(QStringLiteral("ItemId")), QStringLiteral("1:7"));
        QCOMPARE(m_fake.header(request, "Content-Type"), QByteArray("message/rfc822"));
        QCOMPARE(m_delivered.size(), 1);

        const qint64 b = enqueue(QStringLiteral("b"));
        killWhileSending(b);
        openSession();
        m_fake.requests.clear();
        replay();
        QVERIFY(composeRequests().isEmpty()); // no ClientId at 12.1: no blind repeat
        QCOMPARE(entry(b).state, OutboxState::Failed);
        QCOMPARE(entry(b).error, OutboxSender::unknownOutcomeText());
    }

    void deleteAndEditOnlyBeforeSending()
    {
        const qint64 a = enqueue(QStringLiteral("a")), b = enqueue(QStringLiteral("b"));
        killWhileSending(b);
        QVERIFY(!m_store->outboxStore().deleteOutbox(b));
        QVERIFY(!m_store->lastError().isEmpty());
        QVERIFY(!m_store->outboxStore().editOutbox(b, "x", QStringLiteral("x"), QStringLiteral("x")));
        QVERIFY(m_store->outboxStore().deleteOutbox(a));
        QVERIFY(!m_store->outboxStore().outboxEntry(a));
        QVERIFY(replay().ok());
        QCOMPARE(m_delivered, QStringList{QStringLiteral("b")});
        QVERIFY(!m_store->outboxStore().deleteOutbox(b)); // sent: a record, not deletable as waiting mail
    }
};

QTEST_GUILESS_MAIN(TestOutboxSender)
#include "tst_outboxsender.moc"
