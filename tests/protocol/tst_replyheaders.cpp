// Reply headers for servers without ConversationIndex / ConversationId: the
// batched ItemOperations Fetch (shape, parse, SOGo safety), the header
// parser (truncated MIME), SyncRunner fetching after a folder's Sync and
// grouping, and the guards that never send an inferred ConversationId.
#include "ConversationMovesCommand.h"
#include "EasTags.h"
#include "FakeTransport.h"
#include "ReplyHeaderParser.h"
#include "ReplyHeadersFetchCommand.h"
#include "SearchCommand.h"
#include "SyncRunner.h"
#include "ThreadInference.h"
#include "WbxmlCodec.h"

#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <future>
#include <thread>

using namespace skein;
using namespace skein::eas;
namespace tag = skein::wbxml::tag;
using wbxml::Element;

namespace {

const QString inbox = QStringLiteral("mail%2Finbox");

QByteArray mime(const QString &messageId, const QString &inReplyTo, const QStringList &references)
{
    QByteArray out = "Return-Path: <x@example.test>\r\nFrom: Bob <bob@example.test>\r\n"
                     "Subject: Re: Lunch\r\nDate: Mon, 6 May 2024 09:00:00 +0000\r\n";
    if (!messageId.isEmpty())
        out += "Message-ID: <" + messageId.toUtf8() + ">\r\n";
    if (!inReplyTo.isEmpty())
        out += "In-Reply-To: <" + inReplyTo.toUtf8() + ">\r\n";
    if (!references.isEmpty()) {
        out += "References:";
        for (const QString &r : references)
            out += " <" + r.toUtf8() + ">\r\n"; // folded, one id a line
    }
    out += "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSee you there.\r\n";
    return out;
}

// Every CollectionId inside a Fetch, and at least one Fetch (SOGo safety).
bool everyCollectionIdInsideFetch(const Element &e, bool insideFetch = false)
{
    if (e.is(tag::AirSync::CollectionId) && !insideFetch)
        return false;
    for (const Element &c : e.children()) {
        if (!everyCollectionIdInsideFetch(c, insideFetch || e.is(tag::ItemOperations::Fetch)))
            return false;
    }
    return true;
}

Element fetchResponse(const QList<std::tuple<QString, int, QByteArray>> &items)
{
    Element root(tag::ItemOperations::ItemOperations);
    root.add(tag::ItemOperations::Status, "1");
    Element &response = root.add(tag::ItemOperations::Response);
    for (const auto &[serverId, status, body] : items) {
        Element &fetch = response.add(tag::ItemOperations::Fetch);
        fetch.add(tag::ItemOperations::Status, qint64(status));
        fetch.add(tag::AirSync::CollectionId, inbox);
        fetch.add(tag::AirSync::ServerId, serverId);
        if (status != 1)
            continue;
        Element &props = fetch.add(tag::ItemOperations::Properties);
        Element &b = props.add(tag::AirSyncBase::Body);
        b.add(tag::AirSyncBase::Type, "4");
        b.add(tag::AirSyncBase::EstimatedDataSize, qint64(body.size()));
        b.add(tag::AirSyncBase::Data, body);
    }
    return root;
}

struct SeedMail {
    QString serverId;
    QString subject;
    QString messageId;
    QString inReplyTo;
    QStringList references;
    bool withIndex = false;
};

Element syncResponse(const QString &key, const QList<SeedMail> &adds)
{
    Element root(tag::AirSync::Sync);
    Element &c = root.add(tag::AirSync::Collections).add(tag::AirSync::Collection);
    c.add(tag::AirSync::SyncKey, key);
    c.add(tag::AirSync::CollectionId, inbox);
    c.add(tag::AirSync::Status, "1");
    if (adds.isEmpty())
        return root;
    Element &commands = c.add(tag::AirSync::Commands);
    int minute = 0;
    for (const SeedMail &m : adds) {
        Element &add = commands.add(tag::AirSync::Add);
        add.add(tag::AirSync::ServerId, m.serverId);
        Element &data = add.add(tag::AirSync::ApplicationData);
        data.add(tag::Email::Subject, m.subject);
        data.add(tag::Email::From, "bob@example.test");
        const QDateTime at = QDateTime(QDate(2024, 5, 6), QTime(9, 0), Qt::UTC).addSecs(60 * minute++);
        data.add(tag::Email::DateReceived, at.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.000Z")));
        data.add(tag::Email::Read, "0");
        if (m.withIndex) {
            data.addOpaque(tag::Email2::ConversationId, "exchange-cid");
            data.addOpaque(tag::Email2::ConversationIndex, QByteArray::fromHex("01da76bb59"));
        }
    }
    return root;
}

// parseReplyHeaders on a thread of its own; nullopt when it has not returned
// after 10 s (it used to loop forever on some inputs). A hang guard, not a
// speed test: a thread that never returns is left behind, and the failed test
// ends with the process.
std::optional<ReplyHeaders> parseWithHangGuard(const QByteArray &mime)
{
    auto promise = std::make_shared<std::promise<ReplyHeaders>>();
    std::future<ReplyHeaders> parsed = promise->get_future();
    std::thread([promise, mime] { promise->set_value(parseReplyHeaders(mime)); }).detach();
    if (parsed.wait_for(std::chrono::seconds(10)) != std::future_status::ready)
        return std::nullopt;
    return parsed.get();
}

} // namespace

class TestReplyHeaders : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    FakeTransport m_fake;
    std::unique_ptr<EasSession> m_session;
    QList<SeedMail> m_mailbox;   // what the fake server's Sync sends
    int m_itemOperationsHttp = 200;

    void connectAccount(const QString &version)
    {
        AccountSettings account;
        account.url = QStringLiteral("http://127.0.0.1:9");
        account.user = QStringLiteral("demo");
        account.deviceId = QStringLiteral("DEV1");
        account.protocolVersion = version;
        QVERIFY(m_store->accountStore().saveAccount(account));
        m_session = std::make_unique<EasSession>(m_fake, account, QStringLiteral("demo"));
        m_session->setSleeper([](int) {});
        QVERIFY(m_store->folderStore().applyFolderSync(QStringLiteral("h1"), {{inbox, "0", "Inbox", FolderType::Inbox}}, {}));
    }

    // A 12.1-like server: Sync sends m_mailbox once; ItemOperations answers
    // each Fetch with the MIME of the named message.
    HttpResponse serve(const HttpRequest &request)
    {
        const QString cmd = request.url.query().section(QStringLiteral("Cmd="), 1).section(u'&', 0, 0);
        const Element body = wbxml::decode(request.body).root.value_or(Element{});
        if (cmd == QLatin1String("Sync")) {
            const QString key = QString::fromUtf8(
                body.find({tag::AirSync::Collections, tag::AirSync::Collection, tag::AirSync::SyncKey})->data());
            if (key == QLatin1String("0"))
                return FakeTransport::wbxml(syncResponse(QStringLiteral("1"), {}));
            if (key == QLatin1String("1"))
                return FakeTransport::wbxml(syncResponse(QStringLiteral("2"), m_mailbox));
            return FakeTransport::wbxml(syncResponse(key, {}));
        }
        if (cmd == QLatin1String("ItemOperations")) {
            if (m_itemOperationsHttp != 200)
                return FakeTransport::status(m_itemOperationsHttp);
            QList<std::tuple<QString, int, QByteArray>> items;
            for (const Element &fetch : body.children()) {
                const QString id = QString::fromUtf8(fetch.child(tag::AirSync::ServerId)->data());
                const auto it = std::find_if(m_mailbox.cbegin(), m_mailbox.cend(),
                                             [&](const SeedMail &m) { return m.serverId == id; });
                if (it == m_mailbox.cend())
                    items.append({id, 6, {}});
                else
                    items.append({id, 1, mime(it->messageId, it->inReplyTo, it->references)});
            }
            return FakeTransport::wbxml(fetchResponse(items));
        }
        return FakeTransport::status(500);
    }

    QList<int> itemOperationsRequests() const
    {
        QList<int> out;
        for (int i = 0; i < m_fake.requests.size(); ++i) {
            if (m_fake.command(i) == "ItemOperations")
                out << i;
        }
        return out;
    }

private Q_SLOTS:
    void init()
    {
        m_store = std::make_unique<Store>();
        QVERIFY(m_store->open(m_dir.filePath(QStringLiteral("%1.db").arg(QTest::currentTestFunction()))));
        m_fake = FakeTransport();
        m_fake.handler = [this](const HttpRequest &r) { return serve(r); };
        m_mailbox.clear();
        m_itemOperationsHttp = 200;
    }

    void requestShape()
    {
        const ReplyHeadersFetchCommand command({{inbox, "1"}, {inbox, "2"}, {inbox, "3"}});
        const Element request = command.request();
        QVERIFY(request.is(tag::ItemOperations::ItemOperations));
        QCOMPARE(int(request.children().size()), 3);
        QStringList ids;
        for (const Element &fetch : request.children()) {
            QVERIFY(fetch.is(tag::ItemOperations::Fetch));
            QCOMPARE(fetch.childText(tag::ItemOperations::Store), QStringLiteral("Mailbox"));
            QCOMPARE(fetch.childText(tag::AirSync::CollectionId), inbox);
            ids << fetch.childText(tag::AirSync::ServerId);
            const Element *options = fetch.child(tag::ItemOperations::Options);
            QVERIFY(options);
            QCOMPARE(options->childText(tag::AirSync::MIMESupport), QStringLiteral("2"));
            const Element *preference = options->child(tag::AirSyncBase::BodyPreference);
            QVERIFY(preference);
            QCOMPARE(preference->childInt(tag::AirSyncBase::Type, 0), 4);
            QCOMPARE(preference->childInt(tag::AirSyncBase::TruncationSize, 0), 2048);
        }
        QCOMPARE(ids, (QStringList{"1", "2", "3"}));
        QVERIFY(everyCollectionIdInsideFetch(request));
        const wbxml::EncodeResult encoded = wbxml::encode(request);
        QVERIFY2(encoded.ok(), qPrintable(encoded.error));
        QVERIFY(ReplyHeadersFetchCommand({}).isEmpty());
    }

    void parsesEachFetch()
    {
        const Element response = fetchResponse(
            {{"1", 1, mime("b@x", "a@x", {"r@x", "a@x"})}, {"2", 6, {}}, {"3", 1, "no headers here"}});
        const auto result = ReplyHeadersFetchCommand::parse(&response);
        QCOMPARE(result.status, 1);
        QCOMPARE(result.fetched.size(), 3);
        QCOMPARE(result.fetched[0].serverId, QStringLiteral("1"));
        QCOMPARE(result.fetched[0].headers.messageId, QStringLiteral("b@x"));
        QCOMPARE(result.fetched[0].headers.inReplyTo, QStringLiteral("a@x"));
        QCOMPARE(result.fetched[0].headers.references, (QStringList{"r@x", "a@x"}));
        QCOMPARE(result.fetched[1].status, 6);
        QVERIFY(result.fetched[2].headers.isEmpty());
    }

    void parserKeepsOnlyCompleteHeaders()
    {
        const QByteArray whole = mime("b@x", "a@x", {"r@x", "m@x", "a@x"});
        // Cut inside the folded References: it is dropped, the rest is kept.
        const qsizetype inReferences = whole.indexOf("<m@x>") + 3;
        ReplyHeaders cut = parseReplyHeaders(whole.left(inReferences));
        QCOMPARE(cut.messageId, QStringLiteral("b@x"));
        QCOMPARE(cut.inReplyTo, QStringLiteral("a@x"));
        QVERIFY(cut.references.isEmpty());
        // Cut right after a complete line that may still continue: dropped too.
        cut = parseReplyHeaders(whole.left(whole.indexOf("In-Reply-To")));
        QCOMPARE(cut.messageId, QString());
        // The whole message (SOGo ignores TruncationSize): only the headers count.
        const ReplyHeaders all = parseReplyHeaders(whole + "References: <not-a-header@x>\r\n");
        QCOMPARE(all.references, (QStringList{"r@x", "m@x", "a@x"}));
        QVERIFY(parseReplyHeaders({}).isEmpty());
        QVERIFY(parseReplyHeaders("garbage without newline").isEmpty());
    }

    // Short and odd header blocks, as a server may send them: each ends, with
    // only the headers known to be complete.
    void parserEndsOnOddInput_data()
    {
        QTest::addColumn<QByteArray>("mime");
        QTest::addColumn<QString>("messageId");
        QTest::addColumn<QString>("inReplyTo");
        const QString none;
        const QString a = QStringLiteral("a@x");
        const QString b = QStringLiteral("b@x");
        QTest::newRow("empty") << QByteArray() << none << none;
        QTest::newRow("LF") << QByteArray("\n") << none << none;
        QTest::newRow("CRLF") << QByteArray("\r\n") << none << none;
        QTest::newRow("CR") << QByteArray("\r") << none << none;
        QTest::newRow("space") << QByteArray(" ") << none << none;
        QTest::newRow("LF space") << QByteArray("\n ") << none << none;
        QTest::newRow("CRLF tab") << QByteArray("\r\n\t") << none << none;
        QTest::newRow("LF LF") << QByteArray("\n\n") << none << none;
        QTest::newRow("CRLF CRLF") << QByteArray("\r\n\r\n") << none << none;
        QTest::newRow("LF space LF") << QByteArray("\n \n") << none << none;
        // An empty first line ends an empty header block: the rest is body.
        QTest::newRow("empty line first") << QByteArray("\nMessage-ID: <a@x>\n\n") << none << none;
        QTest::newRow("empty CRLF line first") << QByteArray("\r\nMessage-ID: <a@x>\r\n\r\n") << none << none;
        QTest::newRow("only folded lines") << QByteArray(" <a@x>\r\n\t<b@x>\r\n") << none << none;
        QTest::newRow("only folded lines, ended") << QByteArray(" <a@x>\r\n\t<b@x>\r\n\r\n") << none << none;
        QTest::newRow("folded lines before a header")
            << QByteArray(" <b@x>\r\nMessage-ID: <a@x>\r\n\r\n") << a << none;
        // No final newline: the last line may have been cut.
        QTest::newRow("one line, no newline") << QByteArray("Message-ID: <a@x>") << none << none;
        QTest::newRow("two lines, no newline")
            << QByteArray("Message-ID: <a@x>\r\nIn-Reply-To: <b@x>") << a << none;
        QTest::newRow("folded last header, no newline")
            << QByteArray("Message-ID: <a@x>\r\nIn-Reply-To:\r\n <b@x>") << a << none;
        QTest::newRow("LF header block") << QByteArray("Message-ID: <a@x>\nIn-Reply-To: <b@x>\n\nbody\n") << a << b;
        QTest::newRow("CRLF header block, LF empty line")
            << QByteArray("Message-ID: <a@x>\r\nIn-Reply-To: <b@x>\r\n\nbody") << a << b;
        QTest::newRow("header block, only the empty line") << QByteArray("Message-ID: <a@x>\r\n\r\n") << a << none;
        QTest::newRow("folded header, ended")
            << QByteArray("Message-ID:\r\n <a@x>\r\nIn-Reply-To:\r\n\t<b@x>\r\n\r\n") << a << b;
    }

    void parserEndsOnOddInput()
    {
        QFETCH(QByteArray, mime);
        QFETCH(QString, messageId);
        QFETCH(QString, inReplyTo);
        const std::optional<ReplyHeaders> parsed = parseWithHangGuard(mime);
        QVERIFY2(parsed, "parseReplyHeaders did not return within 10 s");
        QCOMPARE(parsed->messageId, messageId);
        QCOMPARE(parsed->inReplyTo, inReplyTo);
        QVERIFY(parsed->references.isEmpty());
    }

    void syncFetchesHeadersAndGroupsAt121()
    {
        connectAccount(QStringLiteral("12.1"));
        for (int i = 0; i < 60; ++i) // 60 unrelated messages: two batches
            m_mailbox << SeedMail{QStringLiteral("u%1").arg(i), QStringLiteral("Note %1").arg(i),
                                  QStringLiteral("u%1@x").arg(i), {}, {}};
        m_mailbox << SeedMail{"r", "Lunch", "r@x", {}, {}}
                  << SeedMail{"a", "Re: Lunch", "a@x", "r@x", {"r@x"}}
                  << SeedMail{"b", "RE: Lunch", "b@x", "a@x", {}};
        SyncRunner runner(*m_session, *m_store);
        const FolderReport report = runner.syncFolder(*m_store->folderStore().folder(inbox));
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QCOMPARE(report.added, 63);
        QCOMPARE(report.replyHeadersFetched, 63);
        QCOMPARE(report.regrouped, 3);

        const QList<int> fetches = itemOperationsRequests();
        QCOMPARE(fetches.size(), 2); // 50 + 13
        for (const int i : fetches) {
            const Element body = m_fake.body(i);
            QVERIFY(!body.children().empty()); // never an ItemOperations without Fetch
            for (const Element &fetch : body.children()) {
                QVERIFY(fetch.is(tag::ItemOperations::Fetch));
                QCOMPARE(fetch.childText(tag::AirSync::CollectionId), inbox);
                QVERIFY(!fetch.childText(tag::AirSync::ServerId).isEmpty());
            }
            QVERIFY(everyCollectionIdInsideFetch(body));
        }
        QCOMPARE(int(m_fake.body(fetches[0]).children().size()), 50);
        QCOMPARE(int(m_fake.body(fetches[1]).children().size()), 13);

        const QList<Message> lunch = m_store->messageStore().conversationMessages("skein-inferred:r@x");
        QCOMPARE(lunch.size(), 3);
        QCOMPARE(m_store->conversationStore().conversations(inbox).size(), 61);
        QCOMPARE(m_store->accountStore().capability(Capability::ConversationIndex), CapabilityState::NeverSeen);

        // Asked once: the next sync fetches nothing.
        const int before = int(m_fake.requests.size());
        runner.syncFolder(*m_store->folderStore().folder(inbox));
        QCOMPARE(itemOperationsRequests().size(), 2);
        QVERIFY(m_fake.requests.size() > before);
    }

    // A first download fetches every message's headers in the same sync (it
    // used to stop after 20 batches of 50), newest conversation first, in
    // batches that grow after a small first one.
    void firstDownloadFetchesEveryHeaderInGrowingBatches()
    {
        connectAccount(QStringLiteral("12.1"));
        for (int i = 0; i < 1500; ++i) // dated a minute apart, the last newest
            m_mailbox << SeedMail{QStringLiteral("n%1").arg(i), QStringLiteral("Note %1").arg(i),
                                  QStringLiteral("n%1@x").arg(i), {}, {}};
        SyncRunner runner(*m_session, *m_store);
        const FolderReport report = runner.syncFolder(*m_store->folderStore().folder(inbox));
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QCOMPARE(report.replyHeadersFetched, 1500);
        QVERIFY(m_store->threadStore().messagesNeedingReplyHeaders(inbox, 1).isEmpty());
        QVERIFY(!runner.replyHeadersPending());

        QList<int> sizes;
        for (const int i : itemOperationsRequests())
            sizes << int(m_fake.body(i).children().size());
        QCOMPARE(sizes, (QList<int>{50, 100, 200, 400, 500, 250}));
        const Element first = m_fake.body(itemOperationsRequests().first());
        QCOMPARE(first.children().front().childText(tag::AirSync::ServerId), QStringLiteral("n1499"));
    }

    void failedFetchIsRetriedLater()
    {
        connectAccount(QStringLiteral("12.1"));
        m_mailbox << SeedMail{"r", "Lunch", "r@x", {}, {}} << SeedMail{"a", "Re: Lunch", "a@x", "r@x", {}};
        m_itemOperationsHttp = 500;
        SyncRunner runner(*m_session, *m_store);
        FolderReport report = runner.syncFolder(*m_store->folderStore().folder(inbox));
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error)); // not a sync failure
        QCOMPARE(report.replyHeadersFetched, 0);
        const int failedRequests = int(itemOperationsRequests().size()); // EasSession retries 5xx
        QVERIFY(failedRequests >= 1);
        // Grouped by topic meanwhile ("Re:").
        QCOMPARE(m_store->conversationStore().conversations(inbox).size(), 1);
        QCOMPARE(m_store->threadStore().messagesNeedingReplyHeaders(inbox, 50).size(), 2);

        m_itemOperationsHttp = 200;
        report = runner.syncFolder(*m_store->folderStore().folder(inbox));
        QCOMPARE(report.replyHeadersFetched, 2);
        QCOMPARE(itemOperationsRequests().size(), failedRequests + 1);
        QCOMPARE(m_store->messageStore().conversationMessages("skein-inferred:r@x").size(), 2);
    }

    void exchangeDataFetchesNothing()
    {
        connectAccount(QStringLiteral("16.1"));
        SeedMail m{"e1", "Hello", {}, {}, {}};
        m.withIndex = true;
        m_mailbox << m;
        SyncRunner runner(*m_session, *m_store);
        const FolderReport report = runner.syncFolder(*m_store->folderStore().folder(inbox));
        QVERIFY(report.error.isEmpty());
        QVERIFY(itemOperationsRequests().isEmpty());
        QCOMPARE(m_store->accountStore().capability(Capability::ConversationIndex), CapabilityState::Seen);
    }

    void inferredIdsAreNeverSent()
    {
        connectAccount(QStringLiteral("14.1"));
        const QByteArray inferred = QByteArray(kInferredConversationPrefix) + "r@x";
        const ConversationMovesCommand moves({{"<server>", inbox}, {inferred, inbox}});
        QVERIFY(!moves.refusal().isEmpty());
        QVERIFY(!wbxml::encode(moves.request()).ok());
        QVERIFY(ConversationMovesCommand({{"<server>", inbox}}).refusal().isEmpty());
        const SearchCommand search(inferred);
        QVERIFY(!search.refusal().isEmpty());
        QVERIFY(!wbxml::encode(search.request()).ok());

        EasReply reply;
        m_session->run(moves, &reply);
        QVERIFY(!reply.ok());
        m_session->run(search, &reply);
        QVERIFY(!reply.ok());
        QVERIFY(m_fake.requests.isEmpty()); // nothing reached the server

        SyncRunner runner(*m_session, *m_store);
        const FindResult found = runner.find(inferred);
        QVERIFY(!found.fromServer);
        QVERIFY(found.note.contains(QStringLiteral("grouped by Skein")));
        QVERIFY(m_fake.requests.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestReplyHeaders)
#include "tst_replyheaders.moc"
