// ItemOperations: Fetch of a message body and the MS-ASCON conversation Move
// (section 4.2 example), plus the SOGo EmptyFolderContents hazard.
#include "EasTags.h"
#include "ItemOperationsFetchCommand.h"
#include "ItemOperationsMoveCommand.h"
#include "StatusText.h"
#include "WbxmlCodec.h"

#include <QFile>
#include <QTest>

using namespace skein;
using namespace skein::eas;
namespace tag = skein::wbxml::tag;
using wbxml::Element;

namespace {

QByteArray readData(const char *name)
{
    QFile f(QStringLiteral(SKEIN_TEST_DATA "/sogo/") + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const QString inboxId = QStringLiteral("mail%2F008d5f3a7316056b0b16000083ecc375");
const QByteArray q3ConversationId("<t1-1.q3report@example.test>");

// Every airsync:CollectionId in the tree, with whether a Fetch encloses it.
void collectCollectionIds(const Element &e, bool insideFetch, QList<bool> &found)
{
    if (e.is(tag::AirSync::CollectionId))
        found << insideFetch;
    for (const Element &c : e.children())
        collectCollectionIds(c, insideFetch || e.is(tag::ItemOperations::Fetch), found);
}

// The SOGo 5.8 hazard: an ItemOperations request whose CollectionId is not
// inside a Fetch is executed as EmptyFolderContents on that folder.
bool isSafeForSogo(const Element &request)
{
    QList<bool> ids;
    collectCollectionIds(request, false, ids);
    const bool hasFetch = request.has(tag::ItemOperations::Fetch);
    for (bool insideFetch : ids)
        if (!insideFetch || !hasFetch)
            return false;
    return true;
}

// MS-ASCON 4.2 server response: Status inside Response, before Move.
Element asconExample42Response(const QByteArray &conversationId, int status = 1)
{
    Element root(tag::ItemOperations::ItemOperations);
    Element &response = root.add(tag::ItemOperations::Response);
    response.add(tag::ItemOperations::Status, "1");
    Element &move = response.add(tag::ItemOperations::Move);
    move.add(tag::ItemOperations::Status, qint64(status));
    move.addOpaque(tag::ItemOperations::ConversationId, conversationId);
    return root;
}

} // namespace

class TestItemOperations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fetchRequestMatchesSogoTranscript()
    {
        const ItemOperationsFetchCommand command(inboxId, QStringLiteral("109"), BodyType::Html);
        const wbxml::EncodeResult encoded = wbxml::encode(command.request());
        QVERIFY2(encoded.ok(), qPrintable(encoded.error));
        QCOMPARE(encoded.bytes.toHex(' '),
                 readData("24-itemoperations-fetch-email.request.wbxml").toHex(' '));
    }

    void fetchRequestNeverEmptiesAFolder()
    {
        for (BodyType type : {BodyType::PlainText, BodyType::Html, BodyType::Mime, BodyType::None}) {
            const Element request = ItemOperationsFetchCommand(inboxId, QStringLiteral("1"), type).request();
            QVERIFY(isSafeForSogo(request));
            const Element *fetch = request.child(tag::ItemOperations::Fetch);
            QVERIFY(fetch);
            QCOMPARE(fetch->childText(tag::AirSync::CollectionId), inboxId);
            QCOMPARE(fetch->childText(tag::AirSync::ServerId), QStringLiteral("1"));
            QCOMPARE(fetch->childText(tag::ItemOperations::Store), QStringLiteral("Mailbox"));
        }
        // The checker itself catches the hazard request of SOGo transcript 54.
        Element hazard(tag::ItemOperations::ItemOperations);
        hazard.add(tag::ItemOperations::Move).add(tag::ItemOperations::DstFldId, "x");
        hazard.add(tag::AirSync::CollectionId, "mail%2F50b3961ffa16056bfe27000083ecc375");
        QVERIFY(!isSafeForSogo(hazard));
    }

    void fetchMimeAsksForMime()
    {
        const Element request = ItemOperationsFetchCommand(inboxId, QStringLiteral("1"), BodyType::Mime).request();
        const Element *options = request.find({tag::ItemOperations::Fetch, tag::ItemOperations::Options});
        QCOMPARE(options->childText(tag::AirSync::MIMESupport), QStringLiteral("2"));
        QCOMPARE(options->find({tag::AirSyncBase::BodyPreference, tag::AirSyncBase::Type})->text(),
                 QStringLiteral("4"));
    }

    void parsesSogoFetch()
    {
        const wbxml::DecodeResult decoded = wbxml::decode(readData("24-itemoperations-fetch-email.response.wbxml"));
        QVERIFY2(decoded.ok(), qPrintable(decoded.error));
        const ItemOperationsFetchCommand::Result r = ItemOperationsFetchCommand::parse(&*decoded.root);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.status, 1);
        QCOMPARE(r.fetchStatus, 1);
        QCOMPARE(r.folderId, inboxId);
        QCOMPARE(r.serverId, QStringLiteral("109"));
        QCOMPARE(r.bodyType, BodyType::PlainText); // SOGo: no HTML part, so Type 1
        QVERIFY(r.body.contains("please find invoice 2024-117 attached"));
        QVERIFY(!r.truncated);
        QCOMPARE(r.estimatedSize, 116);
        QCOMPARE(r.message.subject, QStringLiteral("Invoice 2024-117"));
        QVERIFY(r.message.hasAttachments);
        QCOMPARE(r.message.flag.status, FlagStatus::Active);
        QCOMPARE(r.message.conversationId, QByteArray("<invoice-2024-117@acme.example>"));
    }

    void fetchStatuses_data()
    {
        QTest::addColumn<int>("topLevel");
        QTest::addColumn<int>("fetch");
        for (int s : {2, 3, 9, 12, 18, 155, 156})
            QTest::addRow("top %d", s) << s << 0;
        for (int s : {2, 6, 15, 16, 17})
            QTest::addRow("fetch %d", s) << 1 << s;
    }

    void fetchStatuses()
    {
        QFETCH(int, topLevel);
        QFETCH(int, fetch);
        Element root(tag::ItemOperations::ItemOperations);
        root.add(tag::ItemOperations::Status, qint64(topLevel));
        if (fetch)
            root.add(tag::ItemOperations::Response).add(tag::ItemOperations::Fetch)
                .add(tag::ItemOperations::Status, qint64(fetch));
        const ItemOperationsFetchCommand::Result r = ItemOperationsFetchCommand::parse(&root);
        QCOMPARE(r.status, topLevel);
        if (fetch)
            QCOMPARE(r.fetchStatus, fetch);
        QVERIFY(r.error.isEmpty());
        QVERIFY(r.body.isEmpty());
        QVERIFY(!statusText("ItemOperations", fetch ? fetch : topLevel).contains(QStringLiteral("no explanation for")));
    }

    void fetchMalformed()
    {
        QVERIFY(!ItemOperationsFetchCommand::parse(nullptr).error.isEmpty());
        Element noProperties(tag::ItemOperations::ItemOperations);
        noProperties.add(tag::ItemOperations::Status, "1");
        noProperties.add(tag::ItemOperations::Response).add(tag::ItemOperations::Fetch)
            .add(tag::ItemOperations::Status, "1");
        QVERIFY(!ItemOperationsFetchCommand::parse(&noProperties).error.isEmpty());
    }

    void moveRequestIsAsconExample42()
    {
        // <ItemOperations><Move><ConversationId>…</ConversationId><DstFldId>…</DstFldId>
        // <Options><MoveAlways/></Options></Move></ItemOperations>, ConversationId OPAQUE.
        const QString trash = QStringLiteral("mail%2Fb010453b7316056b0b16000083ecc375");
        const ItemOperationsMoveCommand command(q3ConversationId, trash);
        const QByteArray expected = QByteArray::fromHex("03016a00" "0014" "45" "56")
            + QByteArray::fromHex("58" "c3" "1c") + q3ConversationId + QByteArray::fromHex("01")
            + QByteArray::fromHex("57" "03") + trash.toLatin1() + QByteArray::fromHex("0001")
            + QByteArray::fromHex("48" "19" "01" "01" "01");
        const wbxml::EncodeResult encoded = wbxml::encode(command.request());
        QVERIFY2(encoded.ok(), qPrintable(encoded.error));
        QCOMPARE(encoded.bytes.toHex(' '), expected.toHex(' '));
        QVERIFY(isSafeForSogo(command.request())); // no CollectionId at all
    }

    void moveKeepsBinaryConversationId()
    {
        const QByteArray exchangeId = QByteArray::fromHex("FF6802205800485996BE150103D99320");
        const wbxml::EncodeResult encoded =
            wbxml::encode(ItemOperationsMoveCommand(exchangeId, QStringLiteral("4")).request());
        QVERIFY2(encoded.ok(), qPrintable(encoded.error));
        QVERIFY(encoded.bytes.contains(QByteArray::fromHex("58c310") + exchangeId));
    }

    void parsesAsconExample42Response()
    {
        const QByteArray id = QByteArray::fromHex("FF6802205800485996BE150103D99320");
        const wbxml::EncodeResult encoded = wbxml::encode(asconExample42Response(id));
        QVERIFY2(encoded.ok(), qPrintable(encoded.error));
        const wbxml::DecodeResult decoded = wbxml::decode(encoded.bytes);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error));
        const ItemOperationsMoveCommand::Result r = ItemOperationsMoveCommand::parse(&*decoded.root);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.status, 1);
        QCOMPARE(r.moveStatus, 1);
        QCOMPARE(r.conversationId.toHex(' '), id.toHex(' '));
    }

    void moveStatuses_data()
    {
        QTest::addColumn<int>("status");
        for (int s : {1, 2, 3, 6, 105, 155, 156})
            QTest::addRow("%d", s) << s;
    }

    void moveStatuses()
    {
        QFETCH(int, status);
        const Element root = asconExample42Response(q3ConversationId, status);
        const ItemOperationsMoveCommand::Result r = ItemOperationsMoveCommand::parse(&root);
        QCOMPARE(r.moveStatus, status);
        QVERIFY(r.error.isEmpty());
        QVERIFY(!statusText("ItemOperations", status).contains(QStringLiteral("no explanation for")));
        // Top-level form (MS-ASCMD) of a request-level failure.
        Element topLevel(tag::ItemOperations::ItemOperations);
        topLevel.add(tag::ItemOperations::Status, qint64(status));
        QCOMPARE(ItemOperationsMoveCommand::parse(&topLevel).status, status);
    }

    void moveEmptyBody()
    {
        // SOGo answers a Move with HTTP 500 and no body; an empty 200 is malformed too.
        QVERIFY(!ItemOperationsMoveCommand::parse(nullptr).error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestItemOperations)
#include "tst_itemoperations.moc"
