// ComposeMailCommand: SendMail / SmartReply / SmartForward requests as the
// server reads them, for 14.x/16.x (WBXML: ClientId, Source, SaveInSentItems,
// ReplaceMime, Mime) and 12.1 (the MIME as body, the rest in the query), the
// answers (empty body = success, Status otherwise) and their sentences.
#include "ComposeMailCommand.h"
#include "EasSession.h"
#include "EasTags.h"
#include "FakeTransport.h"
#include "StatusText.h"

#include <QTest>
#include <QUrlQuery>

using namespace skein;
using namespace skein::eas;
namespace tag = skein::wbxml::tag;
using wbxml::Element;

namespace {

OutboxEntry entry(OutboxKind kind)
{
    OutboxEntry e;
    e.kind = kind;
    e.clientId = QStringLiteral("c1");
    e.mime = "M";
    e.saveInSentItems = true;
    if (kind != OutboxKind::Send) {
        e.sourceFolderId = QStringLiteral("5");
        e.sourceServerId = QStringLiteral("5:42");
    }
    return e;
}

QStringList childTags(const Element &root)
{
    QStringList names;
    for (const Element &c : root.children()) {
        if (c.is(tag::ComposeMail::ClientId)) names << QStringLiteral("ClientId");
        else if (c.is(tag::ComposeMail::Source)) names << QStringLiteral("Source");
        else if (c.is(tag::ComposeMail::SaveInSentItems)) names << QStringLiteral("SaveInSentItems");
        else if (c.is(tag::ComposeMail::ReplaceMime)) names << QStringLiteral("ReplaceMime");
        else if (c.is(tag::ComposeMail::Mime)) names << QStringLiteral("Mime");
        else names << QStringLiteral("?");
    }
    return names;
}

AccountSettings account(const QString &version)
{
    AccountSettings a;
    a.url = QStringLiteral("http://127.0.0.1:9");
    a.user = QStringLiteral("demo");
    a.deviceId = QStringLiteral("DEV1");
    a.protocolVersion = version;
    a.policyKey = QStringLiteral("1");
    return a;
}

} // namespace

class TestComposeMail : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The exact bytes of the smallest SendMail, against [MS-ASWBXML] code page 21.
    void sendMailBytes()
    {
        OutboxEntry e = entry(OutboxKind::Send);
        const wbxml::EncodeResult encoded = wbxml::encode(ComposeMailCommand(e).request());
        QVERIFY(encoded.ok());
        QCOMPARE(encoded.bytes.toHex(' '),
                 QByteArray("03 01 6a 00 00 15 45 51 03 63 31 00 01 08 50 c3 01 4d 01 01"));
    }

    void sendMail()
    {
        const ComposeMailCommand command(entry(OutboxKind::Send));
        QCOMPARE(command.commandName(), "SendMail");
        const Element root = command.request();
        QVERIFY(root.is(tag::ComposeMail::SendMail));
        QCOMPARE(childTags(root), (QStringList{QStringLiteral("ClientId"), QStringLiteral("SaveInSentItems"), QStringLiteral("Mime")}));
        QCOMPARE(root.childText(tag::ComposeMail::ClientId), QStringLiteral("c1"));
        QVERIFY(root.child(tag::ComposeMail::Mime)->isOpaque());
    }

    void smartReplyNamesItsSourceAndReplacesMime()
    {
        const ComposeMailCommand command(entry(OutboxKind::Reply));
        QCOMPARE(command.commandName(), "SmartReply");
        const Element root = command.request();
        QVERIFY(root.is(tag::ComposeMail::SmartReply));
        QCOMPARE(childTags(root), (QStringList{QStringLiteral("ClientId"), QStringLiteral("Source"), QStringLiteral("SaveInSentItems"),
                                               QStringLiteral("ReplaceMime"), QStringLiteral("Mime")}));
        const Element *source = root.child(tag::ComposeMail::Source);
        QCOMPARE(source->childText(tag::ComposeMail::FolderId), QStringLiteral("5"));
        QCOMPARE(source->childText(tag::ComposeMail::ItemId), QStringLiteral("5:42"));
        QVERIFY(!source->child(tag::ComposeMail::LongId));
    }

    void smartForwardKeepsTheOriginalOnTheServer()
    {
        const Element root = ComposeMailCommand(entry(OutboxKind::Forward)).request();
        QVERIFY(root.is(tag::ComposeMail::SmartForward));
        // No ReplaceMime: the server appends the original and its attachments.
        QCOMPARE(childTags(root), (QStringList{QStringLiteral("ClientId"), QStringLiteral("Source"), QStringLiteral("SaveInSentItems"),
                                               QStringLiteral("Mime")}));
    }

    void searchResultIsNamedByLongId()
    {
        OutboxEntry e = entry(OutboxKind::Reply);
        e.sourceLongId = QStringLiteral("RgAAAAD");
        const Element root = ComposeMailCommand(e).request();
        const Element *source = root.child(tag::ComposeMail::Source);
        QCOMPARE(source->childText(tag::ComposeMail::LongId), QStringLiteral("RgAAAAD"));
        QVERIFY(!source->child(tag::ComposeMail::ItemId) && !source->child(tag::ComposeMail::FolderId));
    }

    void withoutSaveInSent()
    {
        OutboxEntry e = entry(OutboxKind::Send);
        e.saveInSentItems = false;
        QCOMPARE(childTags(ComposeMailCommand(e).request()), (QStringList{QStringLiteral("ClientId"), QStringLiteral("Mime")}));
        QVERIFY(!ComposeMailCommand(e).legacyQuery().contains(qMakePair(QStringLiteral("SaveInSent"), QStringLiteral("T"))));
    }

    void answers()
    {
        QCOMPARE(ComposeMailCommand::parse(nullptr).status, 1); // empty body: sent
        // The canned answer of a repeat: SendMail/Status 118.
        const QByteArray canned = QByteArray::fromHex("03016a0000154552033131380001" "01");
        const auto decoded = wbxml::decode(canned);
        QVERIFY(decoded.root);
        QCOMPARE(ComposeMailCommand::parse(&*decoded.root).status, 118);
        Element other(tag::AirSync::Sync);
        const ComposeMailCommand::Result wrong = ComposeMailCommand::parse(&other);
        QCOMPARE(wrong.status, 0);
        QVERIFY(!wrong.error.isEmpty());
    }

    // 14.x and 16.x go through the session as WBXML.
    void wbxmlOverTheSession_data()
    {
        QTest::addColumn<QString>("version");
        QTest::newRow("14.1") << QStringLiteral("14.1");
        QTest::newRow("16.1") << QStringLiteral("16.1");
    }

    void wbxmlOverTheSession()
    {
        QFETCH(QString, version);
        FakeTransport fake;
        fake.queue.append(FakeTransport::status(200)); // empty body
        EasSession session(fake, account(version), QStringLiteral("pw"));
        const ComposeMailCommand command(entry(OutboxKind::Reply));
        const EasReply reply = session.execute(command.commandName(), command.request());
        QVERIFY(reply.ok());
        QCOMPARE(ComposeMailCommand::parse(reply.root()).status, 1);
        QCOMPARE(fake.command(0), QByteArray("SmartReply"));
        QCOMPARE(fake.header(0, "Content-Type"), QByteArray("application/vnd.ms-sync.wbxml"));
        QCOMPARE(fake.header(0, "MS-ASProtocolVersion"), version.toLatin1());
        QVERIFY(fake.body(0).is(tag::ComposeMail::SmartReply));
    }

    // 12.1: the MIME itself with ItemId, CollectionId and SaveInSent=T in the query.
    void legacyForm()
    {
        FakeTransport fake;
        fake.queue.append(FakeTransport::status(200));
        EasSession session(fake, account(QStringLiteral("12.1")), QStringLiteral("pw"));
        OutboxEntry e = entry(OutboxKind::Reply);
        e.mime = "From: demo@skein.test\r\nTo: a@b\r\n\r\nhi\r\n";
        const ComposeMailCommand command(e);
        const EasReply reply = session.executeMime(command.commandName(), command.legacyQuery(), e.mime);
        QVERIFY2(reply.ok(), qPrintable(reply.message));
        const QUrlQuery query(fake.requests.at(0).url);
        QCOMPARE(query.queryItemValue(QStringLiteral("Cmd")), QStringLiteral("SmartReply"));
        QCOMPARE(query.queryItemValue(QStringLiteral("ItemId")), QStringLiteral("5:42"));
        QCOMPARE(query.queryItemValue(QStringLiteral("CollectionId")), QStringLiteral("5"));
        QCOMPARE(query.queryItemValue(QStringLiteral("SaveInSent")), QStringLiteral("T"));
        QCOMPARE(fake.header(0, "Content-Type"), QByteArray("message/rfc822"));
        QCOMPARE(fake.requests.at(0).body, e.mime);
    }

    void everyComposeStatusHasASentence_data()
    {
        QTest::addColumn<QByteArray>("command");
        QTest::addColumn<int>("status");
        for (const char *command : {"SendMail", "SmartReply", "SmartForward"})
            for (int s : {102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120,
                          121, 122, 150})
                QTest::addRow("%s %d", command, s) << QByteArray(command) << s;
    }

    void everyComposeStatusHasASentence()
    {
        QFETCH(QByteArray, command);
        QFETCH(int, status);
        const QString text = statusText(command, status);
        QVERIFY2(!text.contains(QLatin1String("no explanation")) && text.endsWith(QLatin1Char('.')), qPrintable(text));
        QVERIFY(!text.contains(QLatin1String("Skein will not repeat this request automatically"))); // the compose wording
    }
};

QTEST_GUILESS_MAIN(TestComposeMail)
#include "tst_composemail.moc"
