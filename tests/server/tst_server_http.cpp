// HTTP layer of the reference server: OPTIONS, auth, versions, malformed
// WBXML, the provisioning gate and the fault knobs.
#include "EasTestClient.h"

#include <ReferenceServer.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace skein::test;
using skein::server::ReferenceServer;

namespace {

// Stands for a value sent as OPAQUE 00 (the codec refuses to write that
// itself: withNulFor() patches the encoded bytes).
constexpr char kNulMarker[] = "NUL-VALUE-MARKER";

// The document encoded, with every STR_I kNulMarker turned into OPAQUE 00.
QByteArray withNulFor(const Element &doc)
{
    QByteArray wire = skein::wbxml::encode(doc).bytes;
    const QByteArray inlineString = QByteArray(1, '\x03') + kNulMarker + '\0';
    if (!wire.contains(inlineString))
        return {};
    return wire.replace(inlineString, QByteArray("\xC3\x01\x00", 3));
}

Element moveRequestTo(const QByteArray &conversationId, const QString &destination)
{
    Element io(tag::ItemOperations::ItemOperations);
    auto &move = io.add(tag::ItemOperations::Move);
    move.addOpaque(tag::ItemOperations::ConversationId, conversationId);
    move.add(tag::ItemOperations::DstFldId, destination);
    move.add(tag::ItemOperations::Options).add(tag::ItemOperations::MoveAlways);
    return io;
}

} // namespace

class TestServerHttp : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_server.open(m_dir.path(), &error), qPrintable(error));
        QVERIFY(m_server.addUser(QStringLiteral("alice"), QStringLiteral("secret")));
        QVERIFY(m_server.start(QHostAddress::LocalHost, 0) != 0);
    }

    void optionsAdvertisesVersionsWithAnyBasicCredentials()
    {
        EasTestClient c(m_server.url(), QStringLiteral("nobody"), QStringLiteral("wrong"));
        const EasResponse r = c.options();
        QCOMPARE(r.http, 200);
        QCOMPARE(r.header("MS-ASProtocolVersions"), QByteArray("12.1,14.0,14.1,16.0,16.1"));
        const QByteArray commands = r.header("MS-ASProtocolCommands");
        for (const char *cmd : {"Sync", "FolderSync", "GetItemEstimate", "ItemOperations", "Provision"})
            QVERIFY2(commands.split(',').contains(cmd), cmd);
    }

    void badCredentialsGive401()
    {
        EasTestClient c(m_server.url(), QStringLiteral("alice"), QStringLiteral("wrong"));
        QCOMPARE(c.folderSync(QStringLiteral("0")).http, 401);
        EasTestClient unknown(m_server.url(), QStringLiteral("mallory"), QStringLiteral("secret"));
        QCOMPARE(unknown.folderSync(QStringLiteral("0")).http, 401);
    }

    void unknownVersionGives400()
    {
        EasTestClient c(m_server.url(), QStringLiteral("alice"), QStringLiteral("secret"), QStringLiteral("DEV1"), "13.0");
        QCOMPARE(c.folderSync(QStringLiteral("0")).http, 400);
        EasTestClient noVersion(m_server.url(), QStringLiteral("alice"), QStringLiteral("secret"));
        QCOMPARE(noVersion.postRaw(QStringLiteral("FolderSync"), QByteArray(), false).http, 400);
    }

    void malformedWbxmlGives400()
    {
        EasTestClient c(m_server.url(), QStringLiteral("alice"), QStringLiteral("secret"), QStringLiteral("DEVMAL"));
        QVERIFY(c.provision());
        QCOMPARE(c.postRaw(QStringLiteral("Sync"), QByteArray("\x03\x01\x6a\x00\x45\x5c\x4f", 7)).http, 400);
        QCOMPARE(c.postRaw(QStringLiteral("FolderSync"), QByteArray("definitely not wbxml")).http, 400);
        QCOMPARE(c.postRaw(QStringLiteral("Sync"), QByteArray("\x03\x01\x6a\x00\xff\xff\xff\xff\xff", 9)).http, 400);
        // The server is still alive.
        QCOMPARE(c.folderSync(QStringLiteral("0")).top(tag::FolderHierarchy::Status), QStringLiteral("1"));
    }

    void provisioningIsRequired()
    {
        EasTestClient c(m_server.url(), QStringLiteral("alice"), QStringLiteral("secret"), QStringLiteral("DEVPROV"));
        const EasResponse before = c.folderSync(QStringLiteral("0"));
        QCOMPARE(before.http, 200);
        QVERIFY(before.doc && before.doc->is(tag::FolderHierarchy::FolderSync));
        QCOMPARE(before.top(tag::FolderHierarchy::Status), QStringLiteral("142"));

        // A wrong key is refused as well.
        c.policyKey = QStringLiteral("12345");
        QCOMPARE(c.folderSync(QStringLiteral("0")).top(tag::FolderHierarchy::Status), QStringLiteral("142"));

        QVERIFY(c.provision());
        const EasResponse after = c.folderSync(QStringLiteral("0"));
        QCOMPARE(after.top(tag::FolderHierarchy::Status), QStringLiteral("1"));

        // Sync's top-level status is in the AirSync namespace.
        EasTestClient other(m_server.url(), QStringLiteral("alice"), QStringLiteral("secret"), QStringLiteral("DEVPROV2"));
        const EasResponse sync = other.sync(QStringLiteral("0"), QStringLiteral("1"));
        QVERIFY(sync.doc && sync.doc->is(tag::AirSync::Sync));
        QCOMPARE(sync.top(tag::AirSync::Status), QStringLiteral("142"));
    }

    void acknowledgingTheWrongKeyFails()
    {
        EasTestClient c(m_server.url(), QStringLiteral("alice"), QStringLiteral("secret"), QStringLiteral("DEVACK"));
        Element req(tag::Provision::Provision);
        req.add(tag::Settings::DeviceInformation).add(tag::Settings::Set).add(tag::Settings::Model, "x");
        req.add(tag::Provision::Policies).add(tag::Provision::Policy).add(tag::Provision::PolicyType, "MS-EAS-Provisioning-WBXML");
        const EasResponse first = c.post(QStringLiteral("Provision"), req);
        const Element *policy = first.doc->find({tag::Provision::Policies, tag::Provision::Policy});
        QVERIFY(policy);
        QVERIFY(policy->has(tag::Provision::Data));
        const QString temp = policy->childText(tag::Provision::PolicyKey);
        QVERIFY(!temp.isEmpty());

        Element ack(tag::Provision::Provision);
        auto &p = ack.add(tag::Provision::Policies).add(tag::Provision::Policy);
        p.add(tag::Provision::PolicyType, "MS-EAS-Provisioning-WBXML");
        p.add(tag::Provision::PolicyKey, temp + QLatin1Char('9'));
        p.add(tag::Provision::Status, "1");
        const EasResponse bad = c.post(QStringLiteral("Provision"), ack);
        QCOMPARE(bad.doc->find({tag::Provision::Policies, tag::Provision::Policy})->childText(tag::Provision::Status),
                 QStringLiteral("5"));
    }

    void deviceInformationRequiredFrom141()
    {
        EasTestClient c(m_server.url(), QStringLiteral("alice"), QStringLiteral("secret"), QStringLiteral("DEVNOINFO"));
        Element req(tag::Provision::Provision);
        req.add(tag::Provision::Policies).add(tag::Provision::Policy).add(tag::Provision::PolicyType, "MS-EAS-Provisioning-WBXML");
        QCOMPARE(c.post(QStringLiteral("Provision"), req).top(tag::Provision::Status), QStringLiteral("165"));
        c.setVersion("14.0");
        QVERIFY(c.provision());
    }

    void version121Gets449()
    {
        EasTestClient c(m_server.url(), QStringLiteral("alice"), QStringLiteral("secret"), QStringLiteral("DEV121"), "12.1");
        QCOMPARE(c.folderSync(QStringLiteral("0")).http, 449);
        QVERIFY(c.provision());
        QCOMPARE(c.folderSync(QStringLiteral("0")).top(tag::FolderHierarchy::Status), QStringLiteral("1"));
    }

    void faultBursts()
    {
        EasTestClient c(m_server.url(), QStringLiteral("alice"), QStringLiteral("secret"), QStringLiteral("DEVFAULT"));
        QVERIFY(c.provision());
        m_server.faults().failNextRequests(503, 2);
        EasResponse r = c.folderSync(QStringLiteral("0"));
        QCOMPARE(r.http, 503);
        QCOMPARE(r.header("Retry-After"), QByteArray("1"));
        QCOMPARE(c.options().http, 503);
        QCOMPARE(c.folderSync(QStringLiteral("0")).http, 200);

        QString error;
        QVERIFY(m_server.faults().applyFaultSpec(QStringLiteral("500:3"), &error));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(c.folderSync(QStringLiteral("0")).http, 500);
        QCOMPARE(c.folderSync(QStringLiteral("0")).http, 200);
        QVERIFY(!m_server.faults().applyFaultSpec(QStringLiteral("nonsense"), &error));
        QVERIFY(!error.isEmpty());
    }

    void unsupportedCommandGives501()
    {
        EasTestClient c(m_server.url(), QStringLiteral("alice"), QStringLiteral("secret"), QStringLiteral("DEV501"));
        QVERIFY(c.provision());
        QCOMPARE(c.postRaw(QStringLiteral("ResolveRecipients"), QByteArray()).http, 501);
    }

    void mutatedRequestsNeverCrash()
    {
        EasTestClient c(m_server.url(), QStringLiteral("alice"), QStringLiteral("secret"), QStringLiteral("DEVFUZZ"));
        QVERIFY(c.provision());
        const QString key = c.sync(QStringLiteral("0"), QStringLiteral("1")).doc->find({tag::AirSync::Collections, tag::AirSync::Collection})->childText(tag::AirSync::SyncKey);
        EasTestClient::SyncOptions o;
        o.filterType = 2;
        o.conversationMode = 1;
        o.truncation = 100;
        Element commands(tag::AirSync::Commands);
        auto &change = commands.add(tag::AirSync::Change);
        change.add(tag::AirSync::ServerId, "1:1");
        change.add(tag::AirSync::ApplicationData).add(tag::Email::Flag).add(tag::Email::FlagStatus, "1");
        o.commands = commands;
        const QList<QByteArray> seeds{
            skein::wbxml::encode(EasTestClient::syncRequest(key, QStringLiteral("1"), o)).bytes,
            skein::wbxml::encode(Element(tag::FolderHierarchy::FolderSync)).bytes,
        };
        const QStringList commandsToTry{QStringLiteral("Sync"), QStringLiteral("FolderSync"), QStringLiteral("GetItemEstimate"),
                                        QStringLiteral("ItemOperations"), QStringLiteral("Provision"), QStringLiteral("MoveItems")};
        QRandomGenerator random(42);
        for (int i = 0; i < 300; ++i) {
            QByteArray body = seeds.at(i % seeds.size());
            const int flips = 1 + int(random.bounded(4));
            for (int f = 0; f < flips; ++f)
                body[int(random.bounded(quint32(body.size())))] = char(random.bounded(256));
            if (random.bounded(5) == 0)
                body.truncate(int(random.bounded(quint32(body.size()))));
            const int http = c.postRaw(commandsToTry.at(i % commandsToTry.size()), body).http;
            QVERIFY2(http == 200 || http == 400, qPrintable(QString::number(http)));
        }
        QCOMPARE(c.folderSync(QStringLiteral("0")).top(tag::FolderHierarchy::Status), QStringLiteral("1"));
    }

    // A 0x00 byte can only arrive as OPAQUE data. In a value the server reads
    // as text (and may echo) the document is malformed: HTTP 400 before any
    // handler runs, never a bare 500, and nothing is applied.
    void nulInATextValueGives400()
    {
        EasTestClient c(m_server.url(), QStringLiteral("alice"), QStringLiteral("secret"), QStringLiteral("DEVNUL"));
        QVERIFY(c.provision());
        const QString inbox = m_server.folderId(QStringLiteral("alice"), QStringLiteral("Inbox"));
        const QString key = EasTestClient::collection(c.sync(QStringLiteral("0"), inbox))->childText(tag::AirSync::SyncKey);
        const QString m = QString::fromLatin1(kNulMarker);

        struct Case {
            const char *what;
            QString command;
            Element doc;
        };
        QList<Case> cases;
        EasTestClient::SyncOptions noOptions;
        cases.append({"Sync CollectionId", QStringLiteral("Sync"), EasTestClient::syncRequest(key, m, noOptions)});
        cases.append({"Sync SyncKey", QStringLiteral("Sync"), EasTestClient::syncRequest(m, inbox, noOptions)});
        {
            EasTestClient::SyncOptions o;
            Element change(tag::AirSync::Commands);
            auto &ch = change.add(tag::AirSync::Change);
            ch.add(tag::AirSync::ServerId, m);
            ch.add(tag::AirSync::ApplicationData).add(tag::Email::Read, "1");
            o.commands = change;
            cases.append({"Sync Change ServerId", QStringLiteral("Sync"), EasTestClient::syncRequest(key, inbox, o)});
            Element del(tag::AirSync::Commands);
            del.add(tag::AirSync::Delete).add(tag::AirSync::ServerId, m);
            o.commands = del;
            cases.append({"Sync Delete ServerId", QStringLiteral("Sync"), EasTestClient::syncRequest(key, inbox, o)});
            Element fetch(tag::AirSync::Commands);
            fetch.add(tag::AirSync::Fetch).add(tag::AirSync::ServerId, m);
            o.commands = fetch;
            cases.append({"Sync Fetch ServerId", QStringLiteral("Sync"), EasTestClient::syncRequest(key, inbox, o)});
        }
        {
            Element fs(tag::FolderHierarchy::FolderSync);
            fs.add(tag::FolderHierarchy::SyncKey, m);
            cases.append({"FolderSync SyncKey", QStringLiteral("FolderSync"), fs});
        }
        {
            Element est(tag::GetItemEstimate::GetItemEstimate);
            auto &col = est.add(tag::GetItemEstimate::Collections).add(tag::GetItemEstimate::Collection);
            col.add(tag::AirSync::SyncKey, key);
            col.add(tag::GetItemEstimate::CollectionId, m);
            cases.append({"GetItemEstimate CollectionId", QStringLiteral("GetItemEstimate"), est});
        }
        auto fetchOf = [&](auto fill) {
            Element io(tag::ItemOperations::ItemOperations);
            auto &f = io.add(tag::ItemOperations::Fetch);
            f.add(tag::ItemOperations::Store, "Mailbox");
            fill(f);
            return io;
        };
        cases.append({"ItemOperations Fetch CollectionId", QStringLiteral("ItemOperations"), fetchOf([&](Element &f) {
                          f.add(tag::AirSync::CollectionId, m);
                          f.add(tag::AirSync::ServerId, inbox + QStringLiteral(":1"));
                      })});
        cases.append({"ItemOperations Fetch ServerId", QStringLiteral("ItemOperations"), fetchOf([&](Element &f) {
                          f.add(tag::AirSync::CollectionId, inbox);
                          f.add(tag::AirSync::ServerId, m);
                      })});
        cases.append({"ItemOperations Fetch LongId", QStringLiteral("ItemOperations"),
                      fetchOf([&](Element &f) { f.add(tag::Search::LongId, m); })});
        cases.append({"ItemOperations Fetch FileReference", QStringLiteral("ItemOperations"),
                      fetchOf([&](Element &f) { f.add(tag::AirSyncBase::FileReference, m); })});
        cases.append({"ItemOperations Move DstFldId", QStringLiteral("ItemOperations"),
                      moveRequestTo(QByteArray(16, '\x01'), m)});
        {
            auto moveItems = [&](const QString &srcMsg, const QString &srcFld, const QString &dstFld) {
                Element mi(tag::Move::MoveItems);
                auto &mv = mi.add(tag::Move::Move);
                mv.add(tag::Move::SrcMsgId, srcMsg);
                mv.add(tag::Move::SrcFldId, srcFld);
                mv.add(tag::Move::DstFldId, dstFld);
                return mi;
            };
            cases.append({"MoveItems SrcMsgId", QStringLiteral("MoveItems"), moveItems(m, inbox, inbox)});
            cases.append({"MoveItems SrcFldId", QStringLiteral("MoveItems"), moveItems(inbox + QStringLiteral(":1"), m, inbox)});
            cases.append({"MoveItems DstFldId", QStringLiteral("MoveItems"), moveItems(inbox + QStringLiteral(":1"), inbox, m)});
        }
        {
            Element search(tag::Search::Search);
            auto &store = search.add(tag::Search::Store);
            store.add(tag::Search::Name, "Mailbox");
            auto &q = store.add(tag::Search::Query).add(tag::Search::And);
            q.add(tag::AirSync::Class, "Email");
            q.add(tag::AirSync::CollectionId, m);
            q.add(tag::Search::FreeText, "lunch");
            store.add(tag::Search::Options).add(tag::Search::Range, "0-9");
            cases.append({"Search CollectionId", QStringLiteral("Search"), search});
        }
        {
            Element prov(tag::Provision::Provision);
            prov.add(tag::Settings::DeviceInformation).add(tag::Settings::Set).add(tag::Settings::Model, "Test");
            prov.add(tag::Provision::Policies).add(tag::Provision::Policy).add(tag::Provision::PolicyType, m);
            cases.append({"Provision PolicyType", QStringLiteral("Provision"), prov});
        }
        {
            Element ping(tag::Ping::Ping);
            ping.add(tag::Ping::HeartbeatInterval, "60");
            auto &folder = ping.add(tag::Ping::Folders).add(tag::Ping::Folder);
            folder.add(tag::Ping::Id, m);
            folder.add(tag::Ping::Class, "Email");
            cases.append({"Ping Folder Id", QStringLiteral("Ping"), ping});
        }
        const QByteArray mime = "From: alice@skein.test\r\nTo: bob@skein.test\r\nSubject: x\r\n\r\nbody\r\n";
        auto compose = [&](skein::wbxml::Tag root, const QString &clientId, auto fillSource) {
            Element doc(root);
            doc.add(tag::ComposeMail::ClientId, clientId);
            fillSource(doc.add(tag::ComposeMail::Source));
            doc.add(tag::ComposeMail::SaveInSentItems);
            doc.addOpaque(tag::ComposeMail::Mime, mime);
            return doc;
        };
        cases.append({"SmartReply Source ItemId", QStringLiteral("SmartReply"),
                      compose(tag::ComposeMail::SmartReply, QStringLiteral("nul-1"),
                              [&](Element &src) { src.add(tag::ComposeMail::ItemId, m); })});
        cases.append({"SmartForward Source LongId", QStringLiteral("SmartForward"),
                      compose(tag::ComposeMail::SmartForward, QStringLiteral("nul-2"),
                              [&](Element &src) { src.add(tag::ComposeMail::LongId, m); })});
        cases.append({"SmartReply Source FolderId", QStringLiteral("SmartReply"),
                      compose(tag::ComposeMail::SmartReply, QStringLiteral("nul-3"), [&](Element &src) {
                          src.add(tag::ComposeMail::FolderId, m);
                          src.add(tag::ComposeMail::ItemId, inbox + QStringLiteral(":1"));
                      })});
        cases.append({"SendMail ClientId", QStringLiteral("SendMail"),
                      compose(tag::ComposeMail::SendMail, m, [](Element &) {})});

        QStringList wrong;
        for (const Case &t : cases) {
            const QByteArray body = withNulFor(t.doc);
            QVERIFY2(!body.isEmpty(), t.what);
            const EasResponse r = c.postRaw(t.command, body);
            if (r.http != 400)
                wrong << QStringLiteral("%1: HTTP %2").arg(QLatin1String(t.what)).arg(r.http);
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QStringLiteral("; "))));

        // 12.1 SmartReply names its source in the query.
        EasTestClient old(m_server.url(), QStringLiteral("alice"), QStringLiteral("secret"), QStringLiteral("DEVNUL12"), "12.1");
        QVERIFY(old.provision());
        const EasResponse raw = old.postMime(QStringLiteral("SmartReply"), mime,
                                            {{QStringLiteral("ItemId"), QString(QChar(0))},
                                             {QStringLiteral("SaveInSent"), QStringLiteral("T")}});
        QCOMPARE(raw.http, 400);

        // Nothing was applied: the key is still the current one, nothing was sent.
        const EasResponse after = c.sync(key, inbox);
        QCOMPARE(EasTestClient::collection(after)->childText(tag::AirSync::Status), QStringLiteral("1"));
        QVERIFY(m_server.dump().value(QStringLiteral("users")).toArray().first().toObject()
                    .value(QStringLiteral("messages")).toArray().isEmpty());

        // Binary elements may carry 0x00: a ConversationId is bytes.
        const EasResponse move = c.post(QStringLiteral("ItemOperations"), moveRequestTo(QByteArray(16, '\0'), inbox));
        QCOMPARE(move.http, 200);
        QVERIFY(move.doc);
    }

    // A body over the limit (64 MiB by default) is refused from its
    // Content-Length alone: the body here is never even sent.
    void declaredBodyOverTheLimitGives413()
    {
        const QByteArray head = postHead("DEVBIG", "Content-Length: 209715200\r\n");
        const QByteArray answer = exchange(head);
        QVERIFY2(answer.startsWith("HTTP/1.1 413 "), answer.left(200).constData());
        QVERIFY(answer.contains("\r\nConnection: close\r\n"));
    }

    // A lower limit: a body over it is refused whether it is announced
    // (Content-Length, also through a full client) or not (chunked); a body
    // under it and the requests after it are served as before.
    void bodyLimitIsConfigurable()
    {
        EasTestClient c(m_server.url(), QStringLiteral("alice"), QStringLiteral("secret"), QStringLiteral("DEVLIMIT"));
        QVERIFY(c.provision());
        const qint64 before = m_server.maxRequestBytes();
        QCOMPARE(before, qint64(64) * 1024 * 1024);
        m_server.setMaxRequestBytes(4096);

        const EasResponse big = c.postRaw(QStringLiteral("Sync"), QByteArray(5000, 'x'));
        QCOMPARE(big.http, 413);
        QCOMPARE(c.folderSync(QStringLiteral("0")).top(tag::FolderHierarchy::Status), QStringLiteral("1"));
        const QString inbox = m_server.folderId(QStringLiteral("alice"), QStringLiteral("Inbox"));
        EasTestClient::SyncOptions padded;
        padded.commands = Element(tag::AirSync::Commands);
        padded.commands->add(tag::AirSync::Fetch).add(tag::AirSync::ServerId, QString(3000, QLatin1Char('1')));
        const QByteArray underLimit = skein::wbxml::encode(EasTestClient::syncRequest(QStringLiteral("0"), inbox, padded)).bytes;
        QVERIFY(underLimit.size() > 3000 && underLimit.size() < 4096);
        const EasResponse under = c.postRaw(QStringLiteral("Sync"), underLimit);
        QCOMPARE(under.http, 200);
        QCOMPARE(EasTestClient::collection(under)->childText(tag::AirSync::Status), QStringLiteral("1"));

        const QByteArray exact = postHead("DEVLIMIT", "Content-Length: 4097\r\n");
        QVERIFY(exchange(exact).startsWith("HTTP/1.1 413 "));
        const QByteArray chunk(5000, 'x');
        const QByteArray chunked = QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n0\r\n\r\n";
        const QByteArray answer = exchange(postHead("DEVLIMIT", "Transfer-Encoding: chunked\r\n"), chunked);
        QVERIFY2(answer.startsWith("HTTP/1.1 413 "), answer.left(200).constData());

        m_server.setMaxRequestBytes(before);
        QCOMPARE(c.postRaw(QStringLiteral("Sync"), QByteArray(5000, 'x')).http, 400); // not WBXML, but read
    }

    // QHttpServer has no limit on the request head either.
    void oversizedHeadGives431()
    {
        const QByteArray answer = exchange(postHead("DEVHEAD", "X-Padding: " + QByteArray(70000, 'a') + "\r\n"));
        QVERIFY2(answer.startsWith("HTTP/1.1 431 "), answer.left(200).constData());
    }

private:
    // Request line and headers of an authenticated 14.1 Sync POST, plus `extra` headers.
    QByteArray postHead(const char *device, const QByteArray &extra) const
    {
        return "POST /Microsoft-Server-ActiveSync?Cmd=Sync&User=alice&DeviceId=" + QByteArray(device)
            + "&DeviceType=SkeinTest HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic "
            + QByteArray("alice:secret").toBase64()
            + "\r\nMS-ASProtocolVersion: 14.1\r\nContent-Type: application/vnd.ms-sync.wbxml\r\n" + extra + "\r\n";
    }

    // Writes `request` on a fresh connection (the server runs in this thread,
    // so the event loop turns meanwhile) and returns what came back until the
    // answer's headers and body are complete or the server closed.
    QByteArray exchange(const QByteArray &request, const QByteArray &thenSend = {})
    {
        QTcpSocket socket;
        QByteArray answer;
        bool closed = false;
        connect(&socket, &QTcpSocket::readyRead, &socket, [&] { answer += socket.readAll(); });
        connect(&socket, &QTcpSocket::disconnected, &socket, [&] { closed = true; });
        socket.connectToHost(QHostAddress::LocalHost, m_server.port());
        if (!QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 10000))
            return {};
        socket.write(request);
        if (!thenSend.isEmpty())
            socket.write(thenSend);
        [[maybe_unused]] const bool done = QTest::qWaitFor([&] { return closed || answerComplete(answer); }, 20000);
        return answer;
    }

    static bool answerComplete(const QByteArray &answer)
    {
        const int end = answer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const int at = answer.toLower().indexOf("content-length:");
        if (at < 0 || at > end)
            return true;
        const int eol = answer.indexOf("\r\n", at);
        const qint64 length = answer.mid(at + 15, eol - at - 15).trimmed().toLongLong();
        return answer.size() - (end + 4) >= length;
    }

    QTemporaryDir m_dir;
    ReferenceServer m_server;
};

QTEST_GUILESS_MAIN(TestServerHttp)
#include "tst_server_http.moc"
