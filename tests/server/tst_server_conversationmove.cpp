// ItemOperations conversation Move (always move / ignore, [MS-ASCON] 3.2.5.3):
// every status, several Moves in order, Sent Items spared, the persistent
// rule applied to later deliveries and to a SmartReply from another user,
// and what devices see on their next Sync.
#include "ServerTestSupport.h"

using namespace skein::test;

class TestServerConversationMove : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(f.setUp());
        m_demo = f.client(QStringLiteral("demo"), QStringLiteral("MOVE1"));
        QVERIFY(m_demo);
    }

    void malformedMoveIsStatus2()
    {
        const QByteArray id = conversation(QStringLiteral("Dinner on Saturday?"));
        const EasResponse r = m_demo->post(QStringLiteral("ItemOperations"),
                                           moveRequest({MoveSpec{QByteArray(), inbox()}, MoveSpec{id, QString()}}));
        QCOMPARE(r.top(tag::ItemOperations::Status), QStringLiteral("1"));
        const auto results = moveResults(r);
        QCOMPARE(results.size(), 2);
        QCOMPARE(results.at(0).first, 2);
        QCOMPARE(results.at(1).first, 2);
        QCOMPARE(results.at(1).second, id);
    }

    // MoveAlways is an empty element: content in it is a malformed Move (2),
    // not a move with an odd option, and nothing moves or is remembered.
    void moveAlwaysWithContentIsStatus2()
    {
        const QByteArray id = conversation(QStringLiteral("Dinner on Saturday?"));
        const QString hex = QString::fromLatin1(id.toHex());
        const QStringList before = folderNames(f.conversation(QStringLiteral("demo"), hex));
        Element withText = moveRequest({MoveSpec{id, folder("Projects"), false}});
        withText.children().front().add(tag::ItemOperations::Options).add(tag::ItemOperations::MoveAlways, "1");
        Element withChild = moveRequest({MoveSpec{id, folder("Projects"), false}});
        withChild.children().front().add(tag::ItemOperations::Options).add(tag::ItemOperations::MoveAlways)
            .add(tag::ItemOperations::DstFldId, folder("Projects"));
        for (const Element &request : {withText, withChild})
            QCOMPARE(moveResults(m_demo->post(QStringLiteral("ItemOperations"), request)),
                     (QList<std::pair<int, QByteArray>>{{2, id}}));
        QCOMPARE(folderNames(f.conversation(QStringLiteral("demo"), hex)), before);
        QVERIFY(f.server.conversationRules(QStringLiteral("demo")).isEmpty());
    }

    void missingMoveAlwaysIs155()
    {
        const QByteArray id = conversation(QStringLiteral("Dinner on Saturday?"));
        const auto results = moveResults(post({MoveSpec{id, folder("Projects"), false}}));
        QCOMPARE(results, (QList<std::pair<int, QByteArray>>{{155, id}}));
        QVERIFY(f.server.conversationRules(QStringLiteral("demo")).isEmpty());
    }

    void unknownConversationOrFolderIs6()
    {
        const QByteArray id = conversation(QStringLiteral("Dinner on Saturday?"));
        const auto results = moveResults(post({MoveSpec{QByteArray(16, '\x42'), folder("Projects")}, MoveSpec{id, QStringLiteral("999999")},
                                               MoveSpec{id, f.folderId(QStringLiteral("alice"), QStringLiteral("Inbox"))}}));
        QCOMPARE(results.size(), 3);
        for (const auto &r : results)
            QCOMPARE(r.first, 6); // another user's folder is not found either
    }

    void invalidDestinationIs156()
    {
        const QByteArray id = conversation(QStringLiteral("Dinner on Saturday?"));
        const QString before = QString::fromLatin1(id.toHex());
        const QStringList before2 = folderNames(f.conversation(QStringLiteral("demo"), before));
        for (const char *name : {"Drafts", "Outbox", "Junk E-mail", "Calendar"}) {
            const auto results = moveResults(post({MoveSpec{id, folder(name)}}));
            QCOMPARE(results.size(), 1);
            QVERIFY2(results.first().first == 156, name);
        }
        QCOMPARE(folderNames(f.conversation(QStringLiteral("demo"), before)), before2);
    }

    void recipientInformationCacheIs105()
    {
        const qint64 userId = f.server.store().accounts().user(QStringLiteral("demo"))->id;
        const qint64 ri = f.server.store().hierarchy().addFolder(userId, 0, QStringLiteral("Recipient Information Cache"), 19);
        const QByteArray id = conversation(QStringLiteral("Dinner on Saturday?"));
        QCOMPARE(moveResults(post({MoveSpec{id, QString::number(ri)}})).first().first, 105);
    }

    void faultKnobForcesStatusAndChangesNothing()
    {
        const QByteArray id = conversation(QStringLiteral("Lease renewal for apartment 4B"));
        const QString hex = QString::fromLatin1(id.toHex());
        const QStringList before = folderNames(f.conversation(QStringLiteral("demo"), hex));
        QVERIFY(f.server.faults().applyFaultSpec(QStringLiteral("move:3,move:6")));
        const auto results = moveResults(post({MoveSpec{id, folder("Projects")}, MoveSpec{id, folder("Projects")}}));
        QCOMPARE(results, (QList<std::pair<int, QByteArray>>{{3, id}, {6, id}}));
        QCOMPARE(folderNames(f.conversation(QStringLiteral("demo"), hex)), before);
        QVERIFY(f.server.conversationRules(QStringLiteral("demo")).isEmpty());
        QString error;
        QVERIFY(!f.server.faults().applyFaultSpec(QStringLiteral("move:x"), &error));
        QVERIFY(error.contains(QLatin1String("move:STATUS")));
    }

    // Success: every folder but Sent Items; devices see Delete + Add; a rule is kept.
    void alwaysMoveSparesSentItemsAndKeepsRule()
    {
        const QByteArray id = conversation(QStringLiteral("Q3 launch plan for Skein Mobile"));
        const QString hex = QString::fromLatin1(id.toHex());
        const QList<QJsonObject> before = f.conversation(QStringLiteral("demo"), hex);
        QVERIFY(folderNames(before).contains(QStringLiteral("Inbox")));
        QVERIFY(folderNames(before).contains(QStringLiteral("Sent Items")));
        const QString inboxKey = primeFolder(*m_demo, inbox());
        const QString projectsKey = primeFolder(*m_demo, folder("Projects"));

        QCOMPARE(moveResults(post({MoveSpec{id, folder("Projects")}})), (QList<std::pair<int, QByteArray>>{{1, id}}));

        for (const QJsonObject &m : f.conversation(QStringLiteral("demo"), hex)) {
            QVERIFY2(text(m, "folder") == QLatin1String("Projects") || text(m, "folder") == QLatin1String("Sent Items"),
                     qPrintable(text(m, "folder")));
        }
        int sentBefore = 0, sentAfter = 0, inboxBefore = 0;
        for (const QJsonObject &m : before) {
            sentBefore += text(m, "folder") == QLatin1String("Sent Items");
            inboxBefore += text(m, "folder") == QLatin1String("Inbox");
        }
        for (const QJsonObject &m : f.conversation(QStringLiteral("demo"), hex))
            sentAfter += text(m, "folder") == QLatin1String("Sent Items");
        QCOMPARE(sentAfter, sentBefore);

        const EasResponse inboxSync = m_demo->sync(inboxKey, inbox());
        QCOMPARE(syncServerIds(inboxSync, tag::AirSync::Delete).size(), inboxBefore);
        const EasResponse projectsSync = m_demo->sync(projectsKey, folder("Projects"));
        const auto adds = syncItems(projectsSync, tag::AirSync::Add);
        QCOMPARE(adds.size(), inboxBefore);
        for (const Element *add : adds) {
            QVERIFY(add->childText(tag::AirSync::ServerId).startsWith(folder("Projects") + QLatin1Char(':')));
            QCOMPARE(add->child(tag::AirSync::ApplicationData)->childData(tag::Email2::ConversationId), id);
        }

        const auto rules = f.server.conversationRules(QStringLiteral("demo"));
        QCOMPARE(rules.size(), 1);
        QCOMPARE(rules.first().conversationId, id);
        QCOMPARE(rules.first().folder, QStringLiteral("Projects"));
        QCOMPARE(rules.first().created, kNow);
        const QJsonArray dumped = f.user(QStringLiteral("demo")).value(QStringLiteral("conversationRules")).toArray();
        QCOMPARE(dumped.size(), 1);
        QCOMPARE(text(dumped.first().toObject(), "conversationId"), hex);
        QCOMPARE(text(dumped.first().toObject(), "folder"), QStringLiteral("Projects"));
        QCOMPARE(text(dumped.first().toObject(), "created"), QStringLiteral("2026-06-15T12:00:00.000Z"));
    }

    void ruleAppliesToFutureDeliveredReply()
    {
        const QByteArray id = conversation(QStringLiteral("Q3 launch plan for Skein Mobile"));
        const QJsonObject parent = f.conversation(QStringLiteral("demo"), QString::fromLatin1(id.toHex())).last();
        skein::server::IncomingMail mail;
        mail.to = QStringLiteral("demo");
        mail.replyToServerId = text(parent, "serverId");
        mail.from = QStringLiteral("Maya Chen <maya.chen@northwind.example>");
        mail.subject = QStringLiteral("RE: Q3 launch plan for Skein Mobile");
        mail.body = QStringLiteral("One more thing.");
        const auto r = f.server.deliver(mail);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.folder, QStringLiteral("Projects"));
        QCOMPARE(r.conversationId, id);
        QVERIFY(isChildIndex(QString::fromLatin1(r.conversationIndex.toHex()), text(parent, "conversationIndex")));
    }

    // Several Moves in one request run in order: the later one wins the rule.
    void severalMovesInOrderAndIgnore()
    {
        const QByteArray lisbon = conversation(QStringLiteral("Summer trip to Lisbon"));
        const QByteArray dinner = conversation(QStringLiteral("Dinner on Saturday?"));
        const QString deleted = folder("Deleted Items");
        const auto results = moveResults(post({MoveSpec{lisbon, folder("Receipts")}, MoveSpec{dinner, deleted},
                                               MoveSpec{lisbon, deleted, true, true}}));
        QCOMPARE(results.size(), 3);
        QCOMPARE(results.at(0), (std::pair<int, QByteArray>{1, lisbon}));
        QCOMPARE(results.at(1), (std::pair<int, QByteArray>{1, dinner}));
        QCOMPARE(results.at(2).first, 1); // ConversationId as a hex string is accepted and echoed as sent
        QCOMPARE(results.at(2).second, lisbon.toHex());
        for (const QByteArray &id : {lisbon, dinner}) {
            for (const QJsonObject &m : f.conversation(QStringLiteral("demo"), QString::fromLatin1(id.toHex())))
                QVERIFY(text(m, "folder") == QLatin1String("Deleted Items") || text(m, "folder") == QLatin1String("Sent Items"));
        }
        QStringList ruleFolders;
        for (const auto &rule : f.server.conversationRules(QStringLiteral("demo")))
            ruleFolders << rule.folder;
        QCOMPARE(ruleFolders.count(QStringLiteral("Deleted Items")), 2);
    }

    // Alice answers an ignored thread with SmartReply: demo's copy goes to Deleted Items.
    void ruleAppliesToSmartReplyFromAnotherUser()
    {
        auto alice = f.client(QStringLiteral("alice"), QStringLiteral("ALICEMV"));
        QVERIFY(alice);
        const EasResponse sent = alice->post(QStringLiteral("SendMail"),
            composeRequest(tag::ComposeMail::SendMail,
                           ComposeSpec{QStringLiteral("mv-1"), mimeMessage(QStringLiteral("alice@skein.test"), QStringLiteral("demo@skein.test"),
                                                                           QStringLiteral("Board games night"), QStringLiteral("Friday?"))}));
        QCOMPARE(sent.http, 200);
        QVERIFY(sent.body.isEmpty());
        const auto inDemo = f.messages(QStringLiteral("demo"), [](const QJsonObject &m) { return text(m, "subject") == QLatin1String("Board games night"); });
        QCOMPARE(inDemo.size(), 1);
        QCOMPARE(text(inDemo.first(), "folder"), QStringLiteral("Inbox"));
        const QByteArray id = QByteArray::fromHex(text(inDemo.first(), "conversationId").toLatin1());
        QCOMPARE(moveResults(post({MoveSpec{id, folder("Deleted Items")}})).first().first, 1);

        const auto aliceSent = f.messages(QStringLiteral("alice"), [](const QJsonObject &m) { return text(m, "subject") == QLatin1String("Board games night"); });
        QCOMPARE(aliceSent.size(), 1);
        // Bob is on Cc of the reply: his copy is not affected by demo's rule.
        const EasResponse reply = alice->post(QStringLiteral("SmartReply"),
            composeRequest(tag::ComposeMail::SmartReply,
                           ComposeSpec{QStringLiteral("mv-2"),
                                       mimeMessage(QStringLiteral("alice@skein.test"), QStringLiteral("demo@skein.test"),
                                                   QStringLiteral("RE: Board games night"), QStringLiteral("Bring snacks."),
                                                   "Cc: bob@skein.test\r\n"),
                                       text(aliceSent.first(), "serverId")}));
        QCOMPARE(reply.http, 200);
        QVERIFY(reply.body.isEmpty());
        const auto thread = f.conversation(QStringLiteral("demo"), text(inDemo.first(), "conversationId"));
        QCOMPARE(thread.size(), 2);
        for (const QJsonObject &m : thread)
            QCOMPARE(text(m, "folder"), QStringLiteral("Deleted Items"));
        const auto bobs = f.messages(QStringLiteral("bob"), [](const QJsonObject &m) { return text(m, "subject") == QLatin1String("RE: Board games night"); });
        QCOMPARE(bobs.size(), 1);
        QCOMPARE(text(bobs.first(), "folder"), QStringLiteral("Inbox"));
    }

    // The conversation Delete of Sync ([MS-ASCON] 3.2.5.1.1) moves what is in
    // the folder now and keeps no rule: the next reply lands in the Inbox.
    void syncConversationDeleteLeavesFutureMailAlone()
    {
        const QByteArray id = conversation(QStringLiteral("Office move to the Harbor building"));
        const QString hex = QString::fromLatin1(id.toHex());
        QStringList inInbox;
        for (const QJsonObject &m : f.conversation(QStringLiteral("demo"), hex))
            if (text(m, "folder") == QLatin1String("Inbox"))
                inInbox << text(m, "serverId");
        QVERIFY(inInbox.size() >= 3);
        const int rulesBefore = int(f.server.conversationRules(QStringLiteral("demo")).size());
        const QString key = primeFolder(*m_demo, inbox());
        Element commands(tag::AirSync::Commands);
        for (const QString &serverId : inInbox)
            commands.add(tag::AirSync::Delete).add(tag::AirSync::ServerId, serverId);
        EasTestClient::SyncOptions o;
        o.commands = commands;
        const EasResponse r = m_demo->sync(key, inbox(), o);
        const Element *col = EasTestClient::collection(r);
        QVERIFY(col);
        QCOMPARE(col->childText(tag::AirSync::Status), QStringLiteral("1"));
        QVERIFY(!col->has(tag::AirSync::Responses)); // every delete succeeded
        for (const QJsonObject &m : f.conversation(QStringLiteral("demo"), hex))
            QVERIFY(text(m, "folder") != QLatin1String("Inbox"));
        QCOMPARE(int(f.server.conversationRules(QStringLiteral("demo")).size()), rulesBefore);

        skein::server::IncomingMail mail;
        mail.to = QStringLiteral("demo");
        mail.replyToServerId = f.conversation(QStringLiteral("demo"), hex).first().value(QStringLiteral("serverId")).toString();
        mail.from = QStringLiteral("greg.wilson@northwind.example");
        mail.subject = QStringLiteral("RE: Office move to the Harbor building");
        const auto delivered = f.server.deliver(mail);
        QVERIFY2(delivered.ok, qPrintable(delivered.error));
        QCOMPARE(delivered.folder, QStringLiteral("Inbox"));
        QCOMPARE(delivered.conversationId, id);
    }

private:
    QString inbox() const { return f.folderId(QStringLiteral("demo"), QStringLiteral("Inbox")); }
    QString folder(const char *name) const { return f.folderId(QStringLiteral("demo"), QString::fromLatin1(name)); }
    QByteArray conversation(const QString &subject) const
    {
        return QByteArray::fromHex(f.conversationOf(QStringLiteral("demo"), subject).toLatin1());
    }
    EasResponse post(const QList<MoveSpec> &moves) { return m_demo->post(QStringLiteral("ItemOperations"), moveRequest(moves)); }

    MailServerFixture f;
    std::unique_ptr<EasTestClient> m_demo;
};

QTEST_GUILESS_MAIN(TestServerConversationMove)
#include "tst_server_conversationmove.moc"
