// SearchCommand ([MS-ASCON] 3.1.4.7): the request shape, parsing a real
// SOGo answer, empty results, and SyncRunner::find's fallback to the local
// store when the server refuses.
#include "EasTags.h"
#include "FakeTransport.h"
#include "SearchCommand.h"
#include "StatusText.h"
#include "SyncRunner.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace skein;
using namespace skein::eas;
namespace tag = skein::wbxml::tag;
using wbxml::Element;

namespace {

const QByteArray conversation = QByteArray::fromHex("00112233445566778899aabbccddeeff");

QByteArray readData(const char *name)
{
    QFile f(QStringLiteral(SKEIN_TEST_DATA "/sogo/") + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

Element searchResponse(int status, int storeStatus, const QStringList &serverIds)
{
    Element root(tag::Search::Search);
    root.add(tag::Search::Status, qint64(status));
    Element &store = root.add(tag::Search::Response).add(tag::Search::Store);
    store.add(tag::Search::Status, qint64(storeStatus));
    for (const QString &id : serverIds) {
        Element &r = store.add(tag::Search::Result);
        r.add(tag::AirSync::Class, "Email");
        r.add(tag::Search::LongId, QStringLiteral("L") + id);
        r.add(tag::AirSync::CollectionId, id.section(QLatin1Char(':'), 0, 0));
        Element &p = r.add(tag::Search::Properties);
        p.add(tag::Email::Subject, QStringLiteral("Subject ") + id);
        p.add(tag::Email::From, "ann@example.com");
        p.add(tag::Email::DateReceived, "2026-01-02T03:04:05.000Z");
    }
    if (serverIds.isEmpty())
        store.add(tag::Search::Result); // "no match" may be one empty Result
    store.add(tag::Search::Total, qint64(serverIds.size()));
    return root;
}

} // namespace

class TestSearchCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestFindsOneConversationInEveryFolder()
    {
        const Element root = SearchCommand(conversation).request();
        const Element *store = root.child(tag::Search::Store);
        QVERIFY(store);
        QCOMPARE(store->childText(tag::Search::Name), QStringLiteral("Mailbox"));
        const Element *conditions = store->find({tag::Search::Query, tag::Search::And});
        QVERIFY(conditions);
        QCOMPARE(conditions->childText(tag::AirSync::Class), QStringLiteral("Email"));
        const Element *id = conditions->child(tag::Search::ConversationId);
        QVERIFY(id);
        QVERIFY(id->isOpaque());
        QCOMPARE(id->data(), conversation);
        QVERIFY(!conditions->has(tag::AirSync::CollectionId)); // all folders
        QCOMPARE(store->find({tag::Search::Options, tag::Search::Range})->text(), QStringLiteral("0-99"));
        // And survives the WBXML round trip byte for byte.
        const auto decoded = wbxml::decode(wbxml::encode(root).bytes);
        QVERIFY(decoded.root);
        QCOMPARE(decoded.root->find({tag::Search::Store, tag::Search::Query, tag::Search::And,
                                     tag::Search::ConversationId})->data(), conversation);
    }

    // "Search the server too": the same Mailbox store, FreeText in place of
    // the ConversationId, still scoped to email.
    void freeTextSearchesEveryMailFolder()
    {
        const SearchCommand command = SearchCommand::freeText(QStringLiteral("  regression   plan "));
        QVERIFY(command.refusal().isEmpty());
        const Element root = command.request();
        const Element *conditions = root.find({tag::Search::Store, tag::Search::Query, tag::Search::And});
        QVERIFY(conditions);
        QCOMPARE(conditions->childText(tag::AirSync::Class), QStringLiteral("Email"));
        QCOMPARE(conditions->childText(tag::Search::FreeText), QStringLiteral("regression plan"));
        QVERIFY(!conditions->has(tag::Search::ConversationId));
        QVERIFY(!conditions->has(tag::AirSync::CollectionId));
        QVERIFY(wbxml::encode(root).ok());
        QVERIFY(!SearchCommand::freeText(QStringLiteral("   ")).refusal().isEmpty());
    }

    void parsesSogosAnswer()
    {
        const auto decoded = wbxml::decode(readData("22-search-conversationid-plus-freetext.response.wbxml"));
        QVERIFY(decoded.root);
        const SearchCommand::Result r = SearchCommand::parse(&*decoded.root);
        QCOMPARE(r.status, 1);
        QCOMPARE(r.storeStatus, 1);
        QVERIFY(r.error.isEmpty());
        QVERIFY(!r.found.isEmpty());
        const SearchCommand::Found &first = r.found.first();
        QVERIFY(first.longId.endsWith(QStringLiteral("+106")));
        QCOMPARE(first.serverId, first.longId); // SOGo sends no ServerId
        QCOMPARE(first.message.subject, QStringLiteral("Re: Lunch on Friday?"));
        QVERIFY(first.message.dateReceived.isValid());
        QVERIFY(!first.message.conversationId.isEmpty());
    }

    void emptyResultMeansNothingFound()
    {
        const Element root = searchResponse(1, 1, {});
        const SearchCommand::Result r = SearchCommand::parse(&root);
        QCOMPARE(r.storeStatus, 1);
        QVERIFY(r.found.isEmpty());
    }

    void statusesAreKept()
    {
        const Element tooComplex = searchResponse(1, 8, {});
        QCOMPARE(SearchCommand::parse(&tooComplex).storeStatus, 8);
        const Element serverError = searchResponse(3, 1, {});
        QCOMPARE(SearchCommand::parse(&serverError).status, 3);
        QVERIFY(!SearchCommand::parse(nullptr).error.isEmpty());
    }

    void findUsesTheServerThenFallsBack_data()
    {
        QTest::addColumn<int>("http");
        QTest::addColumn<int>("storeStatus");
        QTest::addColumn<bool>("fromServer");
        QTest::newRow("server answers") << 200 << 1 << true;
        QTest::newRow("HTTP 501") << 501 << 1 << false;
        QTest::newRow("HTTP 500") << 500 << 1 << false;
        QTest::newRow("status 3") << 200 << 3 << false;
    }

    void findUsesTheServerThenFallsBack()
    {
        QFETCH(int, http);
        QFETCH(int, storeStatus);
        QFETCH(bool, fromServer);
        QTemporaryDir dir;
        Store store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("s.db"))));
        QVERIFY(store.folderStore().applyFolderSync(QStringLiteral("h"), {{QStringLiteral("1"), QStringLiteral("0"), QStringLiteral("Inbox"), FolderType::Inbox}}, {}));
        SyncBatch batch;
        batch.folderId = QStringLiteral("1");
        batch.newSyncKey = QStringLiteral("k");
        Message local;
        local.serverId = QStringLiteral("1:9");
        local.subject = QStringLiteral("local copy");
        local.dateReceived = QDateTime::currentDateTimeUtc();
        local.conversationId = conversation;
        batch.adds = {local};
        QVERIFY(store.syncApplier().applySyncBatch(batch));

        FakeTransport fake;
        fake.handler = [&](const HttpRequest &) {
            return http == 200 ? FakeTransport::wbxml(searchResponse(1, storeStatus, {QStringLiteral("1:9"), QStringLiteral("2:3")}))
                               : FakeTransport::status(http);
        };
        AccountSettings account;
        account.url = QStringLiteral("http://127.0.0.1:9");
        account.user = QStringLiteral("demo");
        account.deviceId = QStringLiteral("DEV1");
        account.protocolVersion = QStringLiteral("16.1");
        EasSession session(fake, account, QStringLiteral("demo"));
        session.setSleeper([](int) {});
        SyncRunner runner(session, store);
        const FindResult found = runner.find(conversation);
        QCOMPARE(fake.command(0), QByteArray("Search"));
        QCOMPARE(found.fromServer, fromServer);
        if (fromServer) {
            QCOMPARE(found.messages.size(), 2);
            QVERIFY(found.note.isEmpty());
        } else {
            QCOMPARE(found.messages.size(), 1);
            QCOMPARE(found.messages.first().subject, QStringLiteral("local copy"));
            QVERIFY(found.note.contains(QStringLiteral("synced")));
            if (storeStatus != 1)
                QVERIFY(found.note.contains(statusText("Search", storeStatus)));
        }
    }
};

QTEST_GUILESS_MAIN(TestSearchCommand)
#include "tst_searchcommand.moc"
