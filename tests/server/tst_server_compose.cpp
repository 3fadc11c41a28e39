// SendMail, SmartReply, SmartForward between demo, alice and bob: [MS-ASCON]
// 3.2.4 conversation id and index, Sent Items copies, recipients' Inboxes,
// duplicate ClientId (118), the 12.1 MIME form and the error statuses.
#include "ServerTestSupport.h"

using namespace skein::test;

namespace {

QList<QJsonObject> withSubject(const MailServerFixture &f, const QString &user, const QString &subject)
{
    return f.messages(user, [&](const QJsonObject &m) { return text(m, "subject") == subject; });
}

} // namespace

class TestServerCompose : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(f.setUp());
        m_demo = f.client(QStringLiteral("demo"), QStringLiteral("COMPOSEDEMO"));
        m_alice = f.client(QStringLiteral("alice"), QStringLiteral("COMPOSEALICE"));
        m_bob = f.client(QStringLiteral("bob"), QStringLiteral("COMPOSEBOB"));
        QVERIFY(m_demo && m_alice && m_bob);
    }

    void usersHaveAddresses()
    {
        QCOMPARE(text(f.user(QStringLiteral("demo")), "email"), QStringLiteral("demo@skein.test"));
        QCOMPARE(text(f.user(QStringLiteral("alice")), "email"), QStringLiteral("alice@skein.test"));
        QCOMPARE(text(f.user(QStringLiteral("bob")), "email"), QStringLiteral("bob@skein.test"));
    }

    void sendMailStartsConversation()
    {
        const QString alicePrimed = primeFolder(*m_alice, f.folderId(QStringLiteral("alice"), QStringLiteral("Inbox")));
        const EasResponse r = m_demo->post(QStringLiteral("SendMail"),
            composeRequest(tag::ComposeMail::SendMail,
                           ComposeSpec{QStringLiteral("demo-1"),
                                       mimeMessage(QStringLiteral("Demo User <demo@skein.test>"), QStringLiteral("Alice <alice@skein.test>"),
                                                   QStringLiteral("Picnic plans"), QStringLiteral("Shall we meet at noon?"),
                                                   "Cc: bob@example.org, BOB@elsewhere.example\r\nBcc: carol@outside.example\r\n")}));
        QCOMPARE(r.http, 200);
        QVERIFY(r.body.isEmpty());

        const auto sent = withSubject(f, QStringLiteral("demo"), QStringLiteral("Picnic plans"));
        QCOMPARE(sent.size(), 1);
        QCOMPARE(text(sent.first(), "folder"), QStringLiteral("Sent Items"));
        QCOMPARE(text(sent.first(), "conversationId").size(), 32);
        QCOMPARE(text(sent.first(), "conversationIndex").size(), 10); // 5-byte header
        QVERIFY(sent.first().value(QStringLiteral("read")).toBool());
        for (const QString &user : {QStringLiteral("alice"), QStringLiteral("bob")}) {
            const auto copy = withSubject(f, user, QStringLiteral("Picnic plans"));
            QCOMPARE(copy.size(), 1);
            QCOMPARE(text(copy.first(), "folder"), QStringLiteral("Inbox"));
            QCOMPARE(text(copy.first(), "conversationId"), text(sent.first(), "conversationId"));
            QCOMPARE(text(copy.first(), "conversationIndex"), text(sent.first(), "conversationIndex"));
            QCOMPARE(text(copy.first(), "messageId"), text(sent.first(), "messageId"));
            QVERIFY(text(copy.first(), "from").contains(QLatin1String("demo@skein.test")));
        }
        // Alice's device sees it on its next Sync, with the email2 ids.
        const EasResponse sync = m_alice->sync(alicePrimed, f.folderId(QStringLiteral("alice"), QStringLiteral("Inbox")));
        const auto adds = syncItems(sync, tag::AirSync::Add);
        QCOMPARE(adds.size(), 1);
        QCOMPARE(adds.first()->child(tag::AirSync::ApplicationData)->childData(tag::Email2::ConversationId).toHex(),
                 text(sent.first(), "conversationId").toLatin1());
    }

    void duplicateClientIdIs118()
    {
        const int before = int(f.messages(QStringLiteral("alice")).size());
        const EasResponse r = m_demo->post(QStringLiteral("SendMail"),
            composeRequest(tag::ComposeMail::SendMail,
                           ComposeSpec{QStringLiteral("demo-1"), mimeMessage(QStringLiteral("demo@skein.test"), QStringLiteral("alice@skein.test"),
                                                                              QStringLiteral("Picnic plans"), QStringLiteral("again"))}));
        QCOMPARE(r.http, 200);
        QCOMPARE(r.top(tag::ComposeMail::Status), QStringLiteral("118"));
        QCOMPARE(int(f.messages(QStringLiteral("alice")).size()), before);
    }

    void smartReplyJoinsConversation()
    {
        const QJsonObject original = withSubject(f, QStringLiteral("alice"), QStringLiteral("Picnic plans")).first();
        const EasResponse r = m_alice->post(QStringLiteral("SmartReply"),
            composeRequest(tag::ComposeMail::SmartReply,
                           ComposeSpec{QStringLiteral("alice-1"),
                                       mimeMessage(QStringLiteral("alice@skein.test"), QStringLiteral("demo@skein.test"),
                                                   QStringLiteral("RE: Picnic plans"), QStringLiteral("Noon works.")),
                                       text(original, "serverId"), text(original, "folderId")}));
        QCOMPARE(r.http, 200);
        QVERIFY(r.body.isEmpty());
        const auto aliceSent = withSubject(f, QStringLiteral("alice"), QStringLiteral("RE: Picnic plans"));
        QCOMPARE(aliceSent.size(), 1);
        QCOMPARE(text(aliceSent.first(), "folder"), QStringLiteral("Sent Items"));
        QCOMPARE(text(aliceSent.first(), "conversationId"), text(original, "conversationId"));
        QVERIFY(isChildIndex(text(aliceSent.first(), "conversationIndex"), text(original, "conversationIndex")));
        QCOMPARE(text(aliceSent.first(), "parentId"), text(original, "id"));

        const auto demoCopy = withSubject(f, QStringLiteral("demo"), QStringLiteral("RE: Picnic plans"));
        QCOMPARE(demoCopy.size(), 1);
        QCOMPARE(text(demoCopy.first(), "folder"), QStringLiteral("Inbox"));
        QCOMPARE(text(demoCopy.first(), "conversationIndex"), text(aliceSent.first(), "conversationIndex"));
        // Threaded onto demo's own Sent Items copy of the original.
        const QJsonObject demoOriginal = withSubject(f, QStringLiteral("demo"), QStringLiteral("Picnic plans")).first();
        QCOMPARE(text(demoCopy.first(), "parentServerId"), text(demoOriginal, "serverId"));
        // Without ReplaceMime the server appends the original's text.
        QVERIFY(demoCopy.first().value(QStringLiteral("bodySize")).toInt() > 60);
    }

    void smartForwardExtendsIndexAndCarriesOriginal()
    {
        const QJsonObject original = withSubject(f, QStringLiteral("bob"), QStringLiteral("Picnic plans")).first();
        const EasResponse r = m_bob->post(QStringLiteral("SmartForward"),
            composeRequest(tag::ComposeMail::SmartForward,
                           ComposeSpec{QStringLiteral("bob-1"),
                                       mimeMessage(QStringLiteral("bob@skein.test"), QStringLiteral("alice@skein.test"),
                                                   QStringLiteral("FW: Picnic plans"), QStringLiteral("FYI")),
                                       text(original, "serverId")}));
        QCOMPARE(r.http, 200);
        const auto bobSent = withSubject(f, QStringLiteral("bob"), QStringLiteral("FW: Picnic plans"));
        QCOMPARE(bobSent.size(), 1);
        QVERIFY(isChildIndex(text(bobSent.first(), "conversationIndex"), text(original, "conversationIndex")));
        const auto aliceCopy = withSubject(f, QStringLiteral("alice"), QStringLiteral("FW: Picnic plans"));
        QCOMPARE(aliceCopy.size(), 1);
        QCOMPARE(text(aliceCopy.first(), "conversationId"), text(original, "conversationId"));
        QCOMPARE(text(aliceCopy.first(), "folder"), QStringLiteral("Inbox"));

        // ReplaceMime: the client's text is all there is.
        const EasResponse replaced = m_bob->post(QStringLiteral("SmartForward"),
            composeRequest(tag::ComposeMail::SmartForward,
                           ComposeSpec{QStringLiteral("bob-2"),
                                       mimeMessage(QStringLiteral("bob@skein.test"), QStringLiteral("alice@skein.test"),
                                                   QStringLiteral("FW: Picnic plans (short)"), QStringLiteral("x")),
                                       text(original, "serverId"), QString(), QString(), false, true}));
        QCOMPARE(replaced.http, 200);
        const auto shortCopy = withSubject(f, QStringLiteral("alice"), QStringLiteral("FW: Picnic plans (short)"));
        QCOMPARE(shortCopy.size(), 1);
        QVERIFY(shortCopy.first().value(QStringLiteral("bodySize")).toInt() < 5);
        QVERIFY(withSubject(f, QStringLiteral("bob"), QStringLiteral("FW: Picnic plans (short)")).isEmpty()); // no SaveInSentItems
    }

    void errorStatuses()
    {
        auto statusOf = [](const EasResponse &r) { return r.top(tag::ComposeMail::Status); };
        const QByteArray mime = mimeMessage(QStringLiteral("demo@skein.test"), QStringLiteral("alice@skein.test"),
                                            QStringLiteral("RE: nothing"), QStringLiteral("?"));
        QCOMPARE(statusOf(m_demo->post(QStringLiteral("SmartReply"),
                                       composeRequest(tag::ComposeMail::SmartReply, ComposeSpec{QStringLiteral("e-1"), mime, QStringLiteral("2:999999")}))),
                 QStringLiteral("150"));
        const QByteArray noRecipient = "From: demo@skein.test\r\nSubject: nobody\r\n\r\nhello\r\n";
        QCOMPARE(statusOf(m_demo->post(QStringLiteral("SendMail"),
                                       composeRequest(tag::ComposeMail::SendMail, ComposeSpec{QStringLiteral("e-2"), noRecipient}))),
                 QStringLiteral("119"));
        QCOMPARE(statusOf(m_demo->post(QStringLiteral("SendMail"),
                                       composeRequest(tag::ComposeMail::SendMail, ComposeSpec{QStringLiteral("e-3"), QByteArray()}))),
                 QStringLiteral("107"));
        f.server.faults().forceSendStatus(110);
        QCOMPARE(statusOf(m_demo->post(QStringLiteral("SendMail"),
                                       composeRequest(tag::ComposeMail::SendMail, ComposeSpec{QStringLiteral("e-4"), mime}))),
                 QStringLiteral("110"));
        QVERIFY(withSubject(f, QStringLiteral("alice"), QStringLiteral("RE: nothing")).isEmpty());
        // The ClientId of a failed send may be used again.
        const EasResponse ok = m_demo->post(QStringLiteral("SendMail"),
                                            composeRequest(tag::ComposeMail::SendMail, ComposeSpec{QStringLiteral("e-4"), mime}));
        QCOMPARE(ok.http, 200);
        QVERIFY(ok.body.isEmpty());
    }

    // The fault knob a client test uses for "the server does not know this
    // recipient": 116 for the whole message, which reaches nobody.
    void refusedRecipientIs116()
    {
        QString error;
        QVERIFY2(f.server.faults().applyFaultSpec(QStringLiteral("refuse-recipient:Nobody@Skein.test"), &error), qPrintable(error));
        QVERIFY(!f.server.faults().applyFaultSpec(QStringLiteral("refuse-recipient:no-at-sign"), &error));
        const QByteArray mime = "From: demo@skein.test\r\nTo: alice@skein.test, \"No One\" <nobody@skein.test>\r\n"
                                "Subject: to a stranger\r\n\r\nhello\r\n";
        const EasResponse refused = m_demo->post(QStringLiteral("SendMail"),
                                                 composeRequest(tag::ComposeMail::SendMail, ComposeSpec{QStringLiteral("r-1"), mime}));
        QCOMPARE(refused.top(tag::ComposeMail::Status), QStringLiteral("116"));
        QVERIFY(withSubject(f, QStringLiteral("alice"), QStringLiteral("to a stranger")).isEmpty());
        QVERIFY(withSubject(f, QStringLiteral("demo"), QStringLiteral("to a stranger")).isEmpty());
    }

    void protocol121MimeForm()
    {
        auto old = f.client(QStringLiteral("bob"), QStringLiteral("BOB121"), "12.1");
        QVERIFY(old);
        const EasResponse sent = old->postMime(QStringLiteral("SendMail"),
            mimeMessage(QStringLiteral("bob@skein.test"), QStringLiteral("demo@skein.test"), QStringLiteral("Old phone"), QStringLiteral("Sent from 12.1")),
            {{QStringLiteral("SaveInSent"), QStringLiteral("T")}});
        QCOMPARE(sent.http, 200);
        QVERIFY(sent.body.isEmpty());
        const auto bobSent = withSubject(f, QStringLiteral("bob"), QStringLiteral("Old phone"));
        QCOMPARE(bobSent.size(), 1);
        QCOMPARE(text(bobSent.first(), "folder"), QStringLiteral("Sent Items"));
        const auto demoCopy = withSubject(f, QStringLiteral("demo"), QStringLiteral("Old phone"));
        QCOMPARE(demoCopy.size(), 1);

        // demo (12.1) replies to it: ItemId/CollectionId in the query.
        auto demoOld = f.client(QStringLiteral("demo"), QStringLiteral("DEMO121"), "12.1");
        QVERIFY(demoOld);
        const EasResponse reply = demoOld->postMime(QStringLiteral("SmartReply"),
            mimeMessage(QStringLiteral("demo@skein.test"), QStringLiteral("bob@skein.test"), QStringLiteral("RE: Old phone"), QStringLiteral("Still works?")),
            {{QStringLiteral("ItemId"), text(demoCopy.first(), "serverId")},
             {QStringLiteral("CollectionId"), text(demoCopy.first(), "folderId")},
             {QStringLiteral("SaveInSent"), QStringLiteral("T")}});
        QCOMPARE(reply.http, 200);
        const auto bobReply = withSubject(f, QStringLiteral("bob"), QStringLiteral("RE: Old phone"));
        QCOMPARE(bobReply.size(), 1);
        QCOMPARE(text(bobReply.first(), "conversationId"), text(demoCopy.first(), "conversationId"));
        QVERIFY(isChildIndex(text(bobReply.first(), "conversationIndex"), text(demoCopy.first(), "conversationIndex")));
        QCOMPARE(text(bobReply.first(), "parentServerId"), text(bobSent.first(), "serverId"));

        // 12.1 failures are HTTP statuses.
        const EasResponse missing = demoOld->postMime(QStringLiteral("SmartReply"), mimeMessage(QStringLiteral("demo@skein.test"),
            QStringLiteral("bob@skein.test"), QStringLiteral("RE: ?"), QStringLiteral("?")), {{QStringLiteral("ItemId"), QStringLiteral("2:999999")}});
        QCOMPARE(missing.http, 500);
    }

private:
    MailServerFixture f;
    std::unique_ptr<EasTestClient> m_demo, m_alice, m_bob;
};

QTEST_GUILESS_MAIN(TestServerCompose)
#include "tst_server_compose.moc"
