// Sync responses from a real server (SOGo 5.8 transcripts) and the MS-ASCON
// section 4.1 example: folder batches, message fields, conversation bytes.
#include "EasTags.h"
#include "SyncCommand.h"
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

SyncCommand::Result parseFile(const char *name)
{
    const wbxml::DecodeResult decoded = wbxml::decode(readData(name));
    if (!decoded.ok()) {
        SyncCommand::Result failed;
        failed.error = QStringLiteral("decode failed: ") + decoded.error;
        return failed;
    }
    return SyncCommand::parse(&*decoded.root);
}

const Message *findAdd(const SyncBatch &batch, const QString &serverId)
{
    for (const Message &m : batch.adds)
        if (m.serverId == serverId)
            return &m;
    return nullptr;
}

const QString inboxId = QStringLiteral("mail%2F008d5f3a7316056b0b16000083ecc375");

// The MS-ASCON 4.1 response, element by element as in the seed's XML.
Element asconExample41()
{
    Element sync(tag::AirSync::Sync);
    Element &c = sync.add(tag::AirSync::Collections).add(tag::AirSync::Collection);
    c.add(tag::AirSync::SyncKey, "1601897837");
    c.add(tag::AirSync::CollectionId, "7");
    c.add(tag::AirSync::Status, "1");
    Element &add = c.add(tag::AirSync::Commands).add(tag::AirSync::Add);
    add.add(tag::AirSync::ServerId, "7:1");
    Element &d = add.add(tag::AirSync::ApplicationData);
    d.add(tag::Email::To, "\"deviceuser\" <someone@example.com>");
    d.add(tag::Email::From, "\"deviceuser2\" <someone2@example.com>");
    d.add(tag::Email::Subject, "Test report");
    d.add(tag::Email::DateReceived, "2009-03-21T07:04:26.948Z");
    d.add(tag::Email::DisplayTo, "deviceuser");
    d.add(tag::Email::ThreadTopic, "Test report");
    d.add(tag::Email::Importance, "1");
    d.add(tag::Email::Read, "1");
    Element &body = d.add(tag::AirSyncBase::Body);
    body.add(tag::AirSyncBase::Type, "1");
    body.add(tag::AirSyncBase::EstimatedDataSize, "100");
    body.add(tag::AirSyncBase::Truncated, "1");
    body.add(tag::AirSyncBase::Data, "Test data");
    d.add(tag::Email::MessageClass, "IPM.Note");
    d.add(tag::Email::InternetCPID, "20127");
    d.add(tag::Email::Flag);
    d.add(tag::Email::ContentClass, "urn:content-classes:message");
    d.add(tag::AirSyncBase::NativeBodyType, "2");
    return sync;
}

// Exchange-style 16-byte id with a 0x00 and a 0xFF, and a 27-byte index.
const QByteArray exchangeConversationId =
    QByteArray::fromHex("FF68022058004859 96BE150103D99320");
const QByteArray exchangeConversationIndex =
    QByteArray::fromHex("01CA2A0B0C0D" "00FF00FF00FF00FF00FF00FF00FF00FF" "0000010203");

// Encodes and decodes, so the test covers the bytes a server would send.
SyncCommand::Result roundTrip(const Element &tree)
{
    const wbxml::EncodeResult encoded = wbxml::encode(tree);
    if (!encoded.ok())
        return SyncCommand::Result{0, {}, encoded.error};
    const wbxml::DecodeResult decoded = wbxml::decode(encoded.bytes);
    if (!decoded.ok())
        return SyncCommand::Result{0, {}, decoded.error};
    return SyncCommand::parse(&*decoded.root);
}

} // namespace

class TestSyncResponse : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sogoInitialKey()
    {
        const SyncCommand::Result r = parseFile("07-sync-inbox-initial-synckey0.response.wbxml");
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.status, 1);
        QCOMPARE(r.collections.size(), 1);
        const SyncCommand::CollectionResult &c = r.collections.at(0);
        QCOMPARE(c.folderId, inboxId);
        QCOMPARE(c.status, 1);
        QCOMPARE(c.syncKey, QStringLiteral("-1")); // opaque: SOGo's keys are not numbers
        QCOMPARE(c.batch.newSyncKey, QStringLiteral("-1"));
        QCOMPARE(c.batch.folderId, inboxId);
        QVERIFY(c.batch.adds.isEmpty());
        QVERIFY(!c.moreAvailable);
    }

    void sogoInbox()
    {
        const SyncCommand::Result r = parseFile("08-sync-inbox-conversationmode.response.wbxml");
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.collections.size(), 1);
        const SyncCommand::CollectionResult &c = r.collections.at(0);
        QCOMPARE(c.syncKey, QStringLiteral("97-139"));
        QCOMPARE(c.batch.adds.size(), 15);
        QVERIFY(c.skipped.isEmpty());
        QVERIFY(c.failures.isEmpty());

        const Message *q3 = findAdd(c.batch, QStringLiteral("98"));
        QVERIFY(q3);
        QCOMPARE(q3->folderId, inboxId);
        QCOMPARE(q3->subject, QStringLiteral("Q3 report draft"));
        QCOMPARE(q3->threadTopic, QStringLiteral("Q3 report draft"));
        QCOMPARE(q3->from, QStringLiteral("\"Bob Builder\" <bob@example.test>"));
        QCOMPARE(q3->to, QStringLiteral("\"Alice Example\" <alice@example.test>"));
        QCOMPARE(q3->replyTo, QStringLiteral("Bob Builder <bob@example.test>"));
        QCOMPARE(q3->dateReceived, QDateTime(QDate(2026, 11, 12), QTime(1, 47, 54), Qt::UTC));
        QCOMPARE(q3->messageClass, QStringLiteral("IPM.Note"));
        QVERIFY(q3->read);
        QCOMPARE(q3->importance, 1);
        QCOMPARE(q3->flag.status, FlagStatus::None);
        QCOMPARE(q3->bodyType, BodyType::PlainText);
        QVERIFY(q3->body.startsWith("Hi Alice,\r\n\r\nattached is nothing yet")); // CRLF kept as sent
        QCOMPARE(q3->bodyEstimatedSize, 187);
        QVERIFY(!q3->bodyTruncated); // SOGo ignores TruncationSize
        QVERIFY(q3->preview.isEmpty()); // and always sends <Preview/>
        // SOGo's ConversationId: the root Message-ID, 28 raw bytes, brackets included.
        QCOMPARE(q3->conversationId, QByteArray("<t1-1.q3report@example.test>"));
        QCOMPARE(q3->conversationId.size(), 28);
        QVERIFY(q3->conversationIndex.isEmpty()); // SOGo never sends one

        // The whole T1 thread in INBOX shares the id; the Cc survives.
        const Message *reply = findAdd(c.batch, QStringLiteral("99"));
        QCOMPARE(reply->conversationId, q3->conversationId);
        QCOMPARE(reply->cc, QStringLiteral("\"Carol Chen\" <carol@example.test>"));
        QVERIFY(!findAdd(c.batch, QStringLiteral("100"))->read);
        QCOMPARE(findAdd(c.batch, QStringLiteral("101"))->conversationId,
                 QByteArray("<t3-1.build-4711@build.example.test>")); // 36 bytes
        QCOMPARE(findAdd(c.batch, QStringLiteral("110"))->subject,
                 QString::fromUtf8("Grüße aus München"));
        const Message *invoice = findAdd(c.batch, QStringLiteral("109"));
        QVERIFY(invoice->hasAttachments);
        QCOMPARE(invoice->flag.status, FlagStatus::Active); // FlagStatus 2, no dates
        QVERIFY(!invoice->flag.due.isValid());
        QCOMPARE(findAdd(c.batch, QStringLiteral("108"))->bodyType, BodyType::Html);
        // No Message-ID at all: no ConversationId element, and still a valid message.
        const Message *orphan = findAdd(c.batch, QStringLiteral("111"));
        QVERIFY(orphan);
        QVERIFY(orphan->conversationId.isEmpty());
    }

    void sogoOffsiteFlag()
    {
        const SyncCommand::Result r = parseFile("14-sync-offsite-conversationmode.response.wbxml");
        QVERIFY(r.error.isEmpty());
        const SyncBatch &b = r.collections.at(0).batch;
        QCOMPARE(b.adds.size(), 2);
        QCOMPARE(findAdd(b, QStringLiteral("1"))->flag.status, FlagStatus::None);
        QCOMPARE(findAdd(b, QStringLiteral("2"))->flag.status, FlagStatus::Active);
        QCOMPARE(findAdd(b, QStringLiteral("2"))->conversationId, QByteArray("<t2-1.offsite@example.test>"));
    }

    void sogoHtmlNewsletter()
    {
        const SyncCommand::Result r = parseFile("31-sync-newsletters-html.response.wbxml");
        QVERIFY(r.error.isEmpty());
        const Message &m = r.collections.at(0).batch.adds.at(0);
        QCOMPARE(m.subject, QStringLiteral("Example Corp Weekly #42"));
        QCOMPARE(m.bodyType, BodyType::Html);
        QVERIFY(m.body.startsWith("<html><body><h1"));
        // SOGo lists the logo with IsInline 1: kept as an inline part the
        // HTML shows, which earns no paperclip (docs/protocol.md).
        QCOMPARE(m.attachments.size(), 1);
        QVERIFY(m.attachments.first().isInline);
        QVERIFY(!m.attachments.first().fileReference.isEmpty());
        QCOMPARE(m.attachments.first().contentId, QStringLiteral("logo@example.test"));
        QVERIFY(!m.hasAttachments);
    }

    void sogoNoChangesAndResponses()
    {
        const SyncCommand::Result none = parseFile("09-sync-inbox-no-changes.response.wbxml");
        QCOMPARE(none.collections.at(0).syncKey, QStringLiteral("112-139"));
        QVERIFY(none.collections.at(0).batch.adds.isEmpty());
        // Our Change was answered with Status 1: not a failure.
        const SyncCommand::Result changed = parseFile("15-sync-change-read-and-flag.response.wbxml");
        QVERIFY(changed.error.isEmpty());
        QVERIFY(changed.collections.at(0).failures.isEmpty());
        QCOMPARE(changed.collections.at(0).syncKey, QStringLiteral("112-139"));
    }

    void sogoDeleteAfterMove()
    {
        const SyncCommand::Result r = parseFile("18-sync-inbox-after-move.response.wbxml");
        QCOMPARE(r.collections.at(0).batch.deletes, QStringList{QStringLiteral("108")});
        QVERIFY(r.collections.at(0).batch.softDeletes.isEmpty());
    }

    void sogoSyncBeforeFolderSync()
    {
        const SyncCommand::Result r = parseFile("32-sync-without-foldersync.response.wbxml");
        QVERIFY(r.error.isEmpty());
        QCOMPARE(r.status, 1);
        QCOMPARE(r.collections.at(0).status, 12); // FolderSync first
    }

    void sogoProtocol121()
    {
        // 12.1: same messages, no Email2 elements at all.
        const SyncCommand::Result r = parseFile("50-v121-sync-conversationmode.response.wbxml");
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        const SyncBatch &b = r.collections.at(0).batch;
        QCOMPARE(b.adds.size(), 16);
        for (const Message &m : b.adds)
            QVERIFY(m.conversationId.isEmpty());
        QCOMPARE(findAdd(b, QStringLiteral("98"))->subject, QStringLiteral("Q3 report draft"));
    }

    void asconExample41Parses()
    {
        const SyncCommand::Result r = roundTrip(asconExample41());
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        const SyncCommand::CollectionResult &c = r.collections.at(0);
        QCOMPARE(c.syncKey, QStringLiteral("1601897837"));
        QCOMPARE(c.folderId, QStringLiteral("7"));
        QCOMPARE(c.batch.adds.size(), 1);
        const Message &m = c.batch.adds.at(0);
        QCOMPARE(m.serverId, QStringLiteral("7:1"));
        QCOMPARE(m.to, QStringLiteral("\"deviceuser\" <someone@example.com>"));
        QCOMPARE(m.from, QStringLiteral("\"deviceuser2\" <someone2@example.com>"));
        QCOMPARE(m.subject, QStringLiteral("Test report"));
        QCOMPARE(m.dateReceived, QDateTime(QDate(2009, 3, 21), QTime(7, 4, 26, 948), Qt::UTC));
        QCOMPARE(m.threadTopic, QStringLiteral("Test report"));
        QCOMPARE(m.importance, 1);
        QVERIFY(m.read);
        QCOMPARE(m.bodyType, BodyType::PlainText);
        QCOMPARE(m.body, QByteArray("Test data"));
        QVERIFY(m.bodyTruncated);
        QCOMPARE(m.bodyEstimatedSize, 100);
        QCOMPARE(m.messageClass, QStringLiteral("IPM.Note"));
        QCOMPARE(m.flag, FlagState{}); // <Flag/>: no flag
        // The seed's XML omits the two elements its prose mentions.
        QVERIFY(m.conversationId.isEmpty());
        QVERIFY(m.conversationIndex.isEmpty());
    }

    void asconExample41WithConversationBytes()
    {
        // The prose of 4.1 says ConversationId and ConversationIndex are in
        // ApplicationData: add them as OPAQUE and check every byte survives.
        Element tree = asconExample41();
        Element &data = tree.children()[0].children()[0].children()[3].children()[0].children()[1];
        QVERIFY(data.is(tag::AirSync::ApplicationData));
        data.addOpaque(tag::Email2::ConversationId, exchangeConversationId);
        data.addOpaque(tag::Email2::ConversationIndex, exchangeConversationIndex);
        const SyncCommand::Result r = roundTrip(tree);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        const Message &m = r.collections.at(0).batch.adds.at(0);
        QCOMPARE(m.conversationId.toHex(' '), exchangeConversationId.toHex(' '));
        QCOMPARE(m.conversationIndex.toHex(' '), exchangeConversationIndex.toHex(' '));
        QCOMPARE(m.conversationId.size(), 16);
    }
};

QTEST_GUILESS_MAIN(TestSyncResponse)
#include "tst_syncresponse.moc"
