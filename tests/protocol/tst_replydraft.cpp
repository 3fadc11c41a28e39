// ReplyDraft: what a reply or forward takes from the message the user chose:
// "RE: " / "FW: " once, reply-all recipients without the user and without
// duplicates, the chosen message quoted below the user's text, threading
// headers from its Message-ID/References and a Thread-Index of its
// ConversationIndex plus one block.
#include "ReplyDraft.h"

#include "ConversationIndex.h"

#include <QTest>

using namespace skein;
using namespace skein::eas;

namespace {

Message parentMessage()
{
    Message m;
    m.id = 42;
    m.serverId = QStringLiteral("5:42");
    m.folderId = QStringLiteral("5");
    m.subject = QStringLiteral("RE: Budget 2027");
    m.from = QStringLiteral("\"Lena Fischer\" <lena@example.org>");
    m.to = QStringLiteral("Demo User <DEMO@skein.test>, alice@skein.test");
    m.cc = QStringLiteral("bob@skein.test, Alice <alice@skein.test>, carol@example.org");
    m.dateReceived = QDateTime(QDate(2026, 12, 5), QTime(10, 15), Qt::UTC);
    m.bodyType = BodyType::Html;
    m.body = "<html><head><style>p{}</style></head><body><p>Numbers &amp; plans</p><p>Second line</p></body></html>";
    m.conversationIndex = ConversationIndex::makeHeader(QDateTime(QDate(2026, 12, 4), QTime(9, 0), Qt::UTC))
        + QByteArray::fromHex("0000123400");
    m.internetMessageId = QStringLiteral("lena-2@example.org");
    m.references = {QStringLiteral("root@example.org")};
    return m;
}

const QString own = QStringLiteral("demo@skein.test");

} // namespace

class TestReplyDraft : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void subjectsGetOnePrefix_data()
    {
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("reply");
        QTest::addColumn<QString>("forward");
        QTest::newRow("plain") << "Lunch" << "RE: Lunch" << "FW: Lunch";
        QTest::newRow("already re") << "RE: Lunch" << "RE: Lunch" << "FW: RE: Lunch";
        QTest::newRow("re twice, lower case") << "re: Re:Lunch" << "RE: Lunch" << "FW: re: Re:Lunch";
        QTest::newRow("fwd") << "Fwd: Lunch" << "RE: Fwd: Lunch" << "FW: Lunch";
        QTest::newRow("empty") << "" << "RE: " << "FW: ";
    }

    void subjectsGetOnePrefix()
    {
        QFETCH(QString, subject);
        QFETCH(QString, reply);
        QFETCH(QString, forward);
        QCOMPARE(replySubject(subject), reply);
        QCOMPARE(forwardSubject(subject), forward);
    }

    void replyGoesToTheAuthor()
    {
        const ReplyRecipients r = replyRecipients(parentMessage(), own, false);
        QCOMPARE(r.to, QStringList{QStringLiteral("Lena Fischer <lena@example.org>")});
        QVERIFY(r.cc.isEmpty());
    }

    void replyToOwnMessageGoesToItsRecipients()
    {
        Message m = parentMessage();
        m.from = QStringLiteral("Demo <demo@skein.test>");
        m.to = QStringLiteral("alice@skein.test");
        const ReplyRecipients r = replyRecipients(m, own, false);
        QCOMPARE(r.to, QStringList{QStringLiteral("alice@skein.test")});
    }

    void replyAllWithoutSelfOrDuplicates()
    {
        const ReplyRecipients r = replyRecipients(parentMessage(), own, true);
        QCOMPARE(r.to, (QStringList{QStringLiteral("Lena Fischer <lena@example.org>"), QStringLiteral("alice@skein.test")}));
        QCOMPARE(r.cc, (QStringList{QStringLiteral("bob@skein.test"), QStringLiteral("carol@example.org")}));
    }

    void replyToPrefersReplyTo()
    {
        Message m = parentMessage();
        m.replyTo = QStringLiteral("list@example.org");
        QCOMPARE(replyRecipients(m, own, false).to, QStringList{QStringLiteral("list@example.org")});
    }

    void replyQuotesTheChosenMessageBelowTheUsersText()
    {
        const OutgoingMessage m = draftReply(parentMessage(), ReplyMode::ReplyAll, own, QStringLiteral("Agreed."),
                                             QDateTime(QDate(2026, 12, 6), QTime(8, 0), Qt::UTC));
        QCOMPARE(m.subject, QStringLiteral("RE: Budget 2027"));
        QVERIFY(m.plainBody.startsWith(QLatin1String("Agreed.\n\nOn Sat, 5 Dec 2026 10:15 UTC, \"Lena Fischer\" <lena@example.org> wrote:\n")));
        QVERIFY2(m.plainBody.contains(QLatin1String("> Numbers & plans\n> Second line")), qPrintable(m.plainBody));
        QVERIFY(!m.plainBody.contains(QLatin1String("p{}"))); // style sheets are no text
        QCOMPARE(m.from, own);
        QCOMPARE(m.to.size(), 2);
    }

    void replyThreadsUnderTheParent()
    {
        const Message parent = parentMessage();
        const QDateTime now(QDate(2026, 12, 6), QTime(8, 0), Qt::UTC);
        const OutgoingMessage m = draftReply(parent, ReplyMode::Reply, own, QStringLiteral("Yes"), now);
        QCOMPARE(m.inReplyTo, QStringLiteral("lena-2@example.org"));
        QCOMPARE(m.references, (QStringList{QStringLiteral("root@example.org"), QStringLiteral("lena-2@example.org")}));
        QCOMPARE(m.threadTopic, QStringLiteral("Budget 2027"));
        // Thread-Index: the parent's index bytes and one 5-byte child block.
        QCOMPARE(m.threadIndex.size(), parent.conversationIndex.size() + 5);
        QVERIFY(m.threadIndex.startsWith(parent.conversationIndex));
        const ConversationIndex index(m.threadIndex);
        QCOMPARE(index.parentKey(), ConversationIndex(parent.conversationIndex).key());
        QVERIFY(qAbs(index.time().secsTo(now)) < 2);
    }

    void parentWithoutHeadersOrIndex()
    {
        Message parent = parentMessage();
        parent.internetMessageId.clear();
        parent.references.clear();
        parent.conversationIndex.clear();
        const OutgoingMessage m = draftReply(parent, ReplyMode::Reply, own, QStringLiteral("Yes"));
        QVERIFY(m.inReplyTo.isEmpty());    // the server fills it from the source (SmartReply)
        QVERIFY(m.references.isEmpty());
        QVERIFY(m.threadIndex.isEmpty());  // no made-up thread
    }

    void forwardLeavesTheOriginalToTheServer()
    {
        const OutgoingMessage m = draftReply(parentMessage(), ReplyMode::Forward, own, QStringLiteral("FYI"));
        QCOMPARE(m.subject, QStringLiteral("FW: RE: Budget 2027"));
        QCOMPARE(m.plainBody, QStringLiteral("FYI"));
        QVERIFY(m.to.isEmpty()); // the user names them
    }

    void newThreadIndexIsOutlooksForm()
    {
        const QByteArray index = newThreadIndex(QDateTime(QDate(2026, 12, 6), QTime(8, 0), Qt::UTC));
        QCOMPARE(index.size(), 22);
        QCOMPARE(ConversationIndex(index).form(), ConversationIndex::Form::Mapi);
        QCOMPARE(ConversationIndex(index).depth(), 0);
    }
};

QTEST_GUILESS_MAIN(TestReplyDraft)
#include "tst_replydraft.moc"
