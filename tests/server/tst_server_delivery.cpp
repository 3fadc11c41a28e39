// Mail from outside: threading of deliver --mime (Thread-Index, In-Reply-To /
// References, none), and the `deliver` subcommand writing into the store of
// a running skein-server whose devices then see the message on their next Sync.
#include "ServerTestSupport.h"

#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>

using namespace skein::test;

namespace {

// MAPI PidTagConversationIndex: 0x01, 5 FILETIME bytes, the GUID, child blocks.
QByteArray mapiIndex(const QByteArray &guid, int blocks)
{
    QByteArray index = QByteArray::fromHex("01dcfcab1234") + guid;
    for (int i = 0; i < blocks; ++i)
        index += QByteArray::fromHex("0000a1b2c3").left(4) + char(0x10 + i);
    return index;
}

skein::server::IncomingMail mimeFor(const QString &user, const QByteArray &mime)
{
    skein::server::IncomingMail mail;
    mail.to = user;
    mail.mime = mime;
    return mail;
}

QJsonObject runDeliver(const QString &dataDir, const QStringList &args, int *exitCode)
{
    QProcess p;
    p.start(QStringLiteral(SKEIN_SERVER_BIN), QStringList{QStringLiteral("--data"), dataDir, QStringLiteral("deliver")} + args);
    if (!p.waitForFinished(30000))
        return {};
    *exitCode = p.exitCode();
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

} // namespace

class TestServerDelivery : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(f.setUp()); }

    void threadIndexGivesIdAndIndex()
    {
        const QByteArray guid = QByteArray::fromHex("00112233445566778899aabbccddeeff");
        const QByteArray root = mimeMessage(QStringLiteral("Pat Outlook <pat@corp.example>"), QStringLiteral("demo@skein.test"),
                                            QStringLiteral("Quarterly numbers"), QStringLiteral("See attached."),
                                            "Thread-Topic: Quarterly numbers\r\nThread-Index: " + mapiIndex(guid, 0).toBase64()
                                                + "\r\nMessage-ID: <q1@corp.example>\r\n");
        const auto first = f.server.deliver(mimeFor(QStringLiteral("demo"), root));
        QVERIFY2(first.ok, qPrintable(first.error));
        QCOMPARE(first.conversationId, guid);
        QCOMPARE(first.conversationIndex, mapiIndex(guid, 0).mid(1, 5));
        QCOMPARE(first.folder, QStringLiteral("Inbox"));
        QCOMPARE(first.messageId, QStringLiteral("<q1@corp.example>"));

        const QByteArray reply = mimeMessage(QStringLiteral("Sam <sam@corp.example>"), QStringLiteral("demo@skein.test"),
                                             QStringLiteral("RE: Quarterly numbers"), QStringLiteral("Thanks."),
                                             "Thread-Topic: Quarterly numbers\r\nThread-Index: " + mapiIndex(guid, 1).toBase64() + "\r\n");
        const auto second = f.server.deliver(mimeFor(QStringLiteral("demo"), reply));
        QVERIFY(second.ok);
        QCOMPARE(second.conversationId, guid);
        QCOMPARE(second.conversationIndex, mapiIndex(guid, 1).mid(1, 5) + mapiIndex(guid, 1).mid(22));
        const QJsonObject stored = f.messageByServerId(QStringLiteral("demo"), second.serverId);
        QCOMPARE(text(stored, "parentServerId"), first.serverId); // by index prefix
        bool topic = false;
        for (const QJsonValue &c : f.user(QStringLiteral("demo")).value(QStringLiteral("conversations")).toArray())
            topic |= text(c.toObject(), "conversationId") == QLatin1String(guid.toHex())
                && text(c.toObject(), "topic") == QLatin1String("Quarterly numbers");
        QVERIFY(topic);
    }

    void inReplyToAndReferencesThreadOntoHeldMail()
    {
        const QString hex = f.conversationOf(QStringLiteral("demo"), QStringLiteral("Lease renewal for apartment 4B"));
        const QList<QJsonObject> thread = f.conversation(QStringLiteral("demo"), hex);
        const QJsonObject parent = thread.last();
        QVERIFY(text(parent, "messageId").startsWith(QLatin1Char('<')));
        const QByteArray byInReplyTo = mimeMessage(QStringLiteral("mark.evans@evansproperties.example"), QStringLiteral("demo@skein.test"),
                                                   QStringLiteral("RE: Lease renewal"), QStringLiteral("Signed."),
                                                   "In-Reply-To: " + text(parent, "messageId").toUtf8() + "\r\n");
        const auto a = f.server.deliver(mimeFor(QStringLiteral("demo"), byInReplyTo));
        QVERIFY(a.ok);
        QCOMPARE(QString::fromLatin1(a.conversationId.toHex()), hex);
        QVERIFY(isChildIndex(QString::fromLatin1(a.conversationIndex.toHex()), text(parent, "conversationIndex")));
        QCOMPARE(text(f.messageByServerId(QStringLiteral("demo"), a.serverId), "parentServerId"), text(parent, "serverId"));

        // References only, newest unknown: the newest held one is the parent.
        const QByteArray byReferences = mimeMessage(QStringLiteral("mark.evans@evansproperties.example"), QStringLiteral("demo@skein.test"),
                                                    QStringLiteral("Lease"), QStringLiteral("One more."),
                                                    "References: " + text(thread.first(), "messageId").toUtf8() + " "
                                                        + a.messageId.toUtf8() + " <unknown@nowhere.example>\r\n");
        const auto b = f.server.deliver(mimeFor(QStringLiteral("demo"), byReferences));
        QVERIFY(b.ok);
        QCOMPARE(QString::fromLatin1(b.conversationId.toHex()), hex);
        QVERIFY(isChildIndex(QString::fromLatin1(b.conversationIndex.toHex()), QString::fromLatin1(a.conversationIndex.toHex())));
    }

    void noThreadingHeadersStartConversation()
    {
        const auto r = f.server.deliver(mimeFor(QStringLiteral("alice"),
            mimeMessage(QStringLiteral("news@shop.example"), QStringLiteral("alice@skein.test"), QStringLiteral("Spring offers"), QStringLiteral("Hi"))));
        QVERIFY(r.ok);
        QCOMPARE(r.conversationId.size(), 16);
        QCOMPARE(r.conversationIndex.size(), 5);
        QCOMPARE(r.folder, QStringLiteral("Inbox"));
        QVERIFY(!f.server.deliver(mimeFor(QStringLiteral("nobody"), "Subject: x\r\n\r\ny")).ok);
        QVERIFY(!f.server.deliver(mimeFor(QStringLiteral("alice"), "   ")).ok);
    }

    // A second process delivers while this one serves: the device sees it.
    void deliverSubcommandAgainstRunningServer()
    {
        QTemporaryDir dir;
        QProcess server;
        server.start(QStringLiteral(SKEIN_SERVER_BIN),
                     {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--data"), dir.path(), QStringLiteral("--seed"),
                      QStringLiteral("demo"), QStringLiteral("--users"), QStringLiteral("demo:demo,alice:alice,bob:bob")});
        QVERIFY(server.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(server.canReadLine(), 15000);
        const QString line = QString::fromUtf8(server.readLine()).trimmed();
        const QUrl url(line.section(QLatin1Char(' '), 1));
        QVERIFY2(url.port() > 0, qPrintable(line));

        EasTestClient demo(url, QStringLiteral("demo"), QStringLiteral("demo"), QStringLiteral("PROCDEVICE"));
        QVERIFY(demo.provision());
        const QJsonObject folders = QJsonDocument::fromJson([&] {
            QProcess dump;
            dump.start(QStringLiteral(SKEIN_SERVER_BIN), {QStringLiteral("--data"), dir.path(), QStringLiteral("dump"), QStringLiteral("--json")});
            dump.waitForFinished(30000);
            return dump.readAllStandardOutput();
        }()).object();
        QString inbox, projects;
        const QJsonObject demoUser = folders.value(QStringLiteral("users")).toArray().first().toObject();
        for (const QJsonValue &v : demoUser.value(QStringLiteral("folders")).toArray()) {
            if (text(v.toObject(), "name") == QLatin1String("Inbox"))
                inbox = text(v.toObject(), "id");
            if (text(v.toObject(), "name") == QLatin1String("Projects"))
                projects = text(v.toObject(), "id");
        }
        QVERIFY(!inbox.isEmpty() && !projects.isEmpty());
        const QString key = primeFolder(demo, inbox);

        int code = -1;
        const QJsonObject fresh = runDeliver(dir.path(), {QStringLiteral("--to"), QStringLiteral("demo"), QStringLiteral("--new"), QStringLiteral("--from"),
                                                          QStringLiteral("Zoe <zoe@example.org>"), QStringLiteral("--subject"),
                                                          QStringLiteral("Hello from outside"), QStringLiteral("--body"), QStringLiteral("Hi!")}, &code);
        QCOMPARE(code, 0);
        QCOMPARE(text(fresh, "folder"), QStringLiteral("Inbox"));
        QCOMPARE(text(fresh, "conversationId").size(), 32);
        const EasResponse sync = demo.sync(key, inbox);
        QCOMPARE(syncServerIds(sync, tag::AirSync::Add), QStringList{text(fresh, "serverId")});
        const QString key2 = EasTestClient::collection(sync)->childText(tag::AirSync::SyncKey);

        // Always-move the new conversation to Projects, then a reply arrives: it goes there too.
        const QString projectsKey = primeFolder(demo, projects);
        const QByteArray id = QByteArray::fromHex(text(fresh, "conversationId").toLatin1());
        QCOMPARE(moveResults(demo.post(QStringLiteral("ItemOperations"), moveRequest({MoveSpec{id, projects}}))).first().first, 1);
        const QString movedId = projects + QLatin1Char(':') + text(fresh, "serverId").section(QLatin1Char(':'), 1);
        const QJsonObject reply = runDeliver(dir.path(), {QStringLiteral("--to"), QStringLiteral("demo"), QStringLiteral("--reply-to"), movedId,
                                                          QStringLiteral("--from"), QStringLiteral("zoe@example.org"), QStringLiteral("--subject"),
                                                          QStringLiteral("RE: Hello from outside"), QStringLiteral("--body"), QStringLiteral("again")},
                                             &code);
        QCOMPARE(code, 0);
        QCOMPARE(text(reply, "folder"), QStringLiteral("Projects"));
        QCOMPARE(text(reply, "conversationId"), text(fresh, "conversationId"));
        QVERIFY(isChildIndex(text(reply, "conversationIndex"), text(fresh, "conversationIndex")));
        QCOMPARE(syncServerIds(demo.sync(key2, inbox), tag::AirSync::Delete), QStringList{text(fresh, "serverId")});
        QStringList added = syncServerIds(demo.sync(projectsKey, projects), tag::AirSync::Add);
        added.sort();
        QStringList expected{movedId, text(reply, "serverId")};
        expected.sort();
        QCOMPARE(added, expected);

        // A stale ServerId is an error; the rule shows in the dump of the live store.
        runDeliver(dir.path(), {QStringLiteral("--to"), QStringLiteral("demo"), QStringLiteral("--reply-to"), text(fresh, "serverId"),
                                QStringLiteral("--from"), QStringLiteral("zoe@example.org"), QStringLiteral("--subject"), QStringLiteral("x")}, &code);
        QCOMPARE(code, 1);
        QProcess dump;
        dump.start(QStringLiteral(SKEIN_SERVER_BIN), {QStringLiteral("--data"), dir.path(), QStringLiteral("dump"), QStringLiteral("--json")});
        QVERIFY(dump.waitForFinished(30000));
        const QJsonArray users = QJsonDocument::fromJson(dump.readAllStandardOutput()).object().value(QStringLiteral("users")).toArray();
        QCOMPARE(users.size(), 3);
        const QJsonArray rules = users.first().toObject().value(QStringLiteral("conversationRules")).toArray();
        QCOMPARE(rules.size(), 1);
        QCOMPARE(text(rules.first().toObject(), "conversationId"), text(fresh, "conversationId"));
        QCOMPARE(text(rules.first().toObject(), "folder"), QStringLiteral("Projects"));

        server.terminate();
        QVERIFY(server.waitForFinished(15000));
        QCOMPARE(server.exitCode(), 0);
    }

    void deliverArgumentErrors()
    {
        QTemporaryDir dir;
        int code = -1;
        runDeliver(dir.path(), {QStringLiteral("--to"), QStringLiteral("demo")}, &code);
        QCOMPARE(code, 2);
        runDeliver(dir.path(), {QStringLiteral("--to"), QStringLiteral("ghost"), QStringLiteral("--new"), QStringLiteral("--from"), QStringLiteral("a@b.c"),
                                QStringLiteral("--subject"), QStringLiteral("s")}, &code);
        QCOMPARE(code, 1);
    }

private:
    MailServerFixture f;
};

QTEST_GUILESS_MAIN(TestServerDelivery)
#include "tst_server_delivery.moc"
