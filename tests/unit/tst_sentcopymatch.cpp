// Which stored message is the server's copy of a reply Skein sent
// (SentCopyMatch.h): by Message-ID, else by conversation, index, subject and
// date; each copy taken once; matches recorded by the store for good.
#include "LocalSentRows.h"
#include "ModelTestData.h"
#include "OutboxTypes.h"
#include "SentCopyMatch.h"

using namespace skein;
using namespace skein::testdata;

namespace {

const QByteArray parentIndex = ConversationIndex::makeHeader(at(10));

Message parentMessage()
{
    Message m = mail(QStringLiteral("p"), 10, QStringLiteral("alice"), threadId, parentIndex);
    m.id = 1;
    m.folderId = inbox;
    m.subject = QStringLiteral("Plans");
    return m;
}

SentReply sentReply(qint64 id, int createdMinute, const QString &messageId = {})
{
    SentReply r;
    r.entry.id = id;
    r.entry.kind = OutboxKind::Reply;
    r.entry.subject = QStringLiteral("RE: Plans");
    r.entry.created = at(createdMinute);
    r.entry.sourceMessageId = 1;
    r.entry.state = OutboxState::Sent;
    r.messageId = messageId;
    r.source = parentMessage();
    return r;
}

Message copy(qint64 id, int minute, const QString &folder = sent)
{
    Message m = mail(QStringLiteral("c%1").arg(id), minute, QStringLiteral("me"), threadId,
                     reply(parentIndex, minute));
    m.id = id;
    m.folderId = folder;
    m.subject = QStringLiteral("RE: Plans");
    return m;
}

const QSet<QString> sentFolders{sent};

} // namespace

class TestSentCopyMatch : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void readsTopLevelHeaders()
    {
        const QByteArray mime = "From: me@x\r\nMessage-ID:\r\n <abc@x>\r\nThread-Index: AQID\r\n\r\n"
                                "Message-ID: <body@x>\r\n";
        QCOMPARE(mimeHeader(mime, "message-id"), QByteArray("<abc@x>"));
        QCOMPARE(mimeHeader(mime, "Thread-Index"), QByteArray("AQID"));
        QCOMPARE(mimeHeader(mime, "Subject"), QByteArray());
        OutboxEntry e;
        e.mime = mime;
        QCOMPARE(outboxMessageId(e), QStringLiteral("abc@x"));
    }

    void byMessageIdWhateverTheIndex()
    {
        Message other = copy(20, 30, inbox); // not in Sent Items, no index relation
        other.conversationIndex = ConversationIndex::makeHeader(at(30));
        other.internetMessageId = QStringLiteral("mine@x");
        const auto found = matchSentCopies({sentReply(7, 29, QStringLiteral("mine@x"))}, {other}, sentFolders, {});
        QCOMPARE(found.value(7), 20);
    }

    void byConversationIndexSubjectAndDate()
    {
        const QList<Message> candidates{copy(20, 31)};
        QCOMPARE(matchSentCopies({sentReply(7, 30)}, candidates, sentFolders, {}).value(7), 20);
        // Five minutes of clock difference are allowed, not more.
        QCOMPARE(matchSentCopies({sentReply(7, 35)}, candidates, sentFolders, {}).value(7), 20);
        QVERIFY(matchSentCopies({sentReply(7, 37)}, candidates, sentFolders, {}).isEmpty());
    }

    void notSomeoneElsesReplyNorAnotherLevel()
    {
        QVERIFY(matchSentCopies({sentReply(7, 30)}, {copy(20, 31, inbox)}, sentFolders, {}).isEmpty());
        Message deeper = copy(21, 31);
        deeper.conversationIndex = reply(deeper.conversationIndex, 32);
        QVERIFY(matchSentCopies({sentReply(7, 30)}, {deeper}, sentFolders, {}).isEmpty());
        Message otherSubject = copy(22, 31);
        otherSubject.subject = QStringLiteral("RE: Something else");
        QVERIFY(matchSentCopies({sentReply(7, 30)}, {otherSubject}, sentFolders, {}).isEmpty());
        Message otherConversation = copy(23, 31);
        otherConversation.conversationId = "other";
        QVERIFY(matchSentCopies({sentReply(7, 30)}, {otherConversation}, sentFolders, {}).isEmpty());
    }

    void twoRepliesToOneParentWithOneSubjectGetOneCopyEach()
    {
        const QList<SentReply> replies{sentReply(8, 32), sentReply(7, 30)};
        // Only the first copy is there yet: the older reply takes it.
        auto found = matchSentCopies(replies, {copy(20, 30)}, sentFolders, {});
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.value(7), 20);
        // Then the second arrives; the first is taken already.
        found = matchSentCopies({sentReply(8, 32)}, {copy(20, 30), copy(21, 33)}, sentFolders, {20});
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.value(8), 21);
        // Both at once: in order.
        found = matchSentCopies(replies, {copy(21, 33), copy(20, 30)}, sentFolders, {});
        QCOMPARE(found.value(7), 20);
        QCOMPARE(found.value(8), 21);
    }

    void messageIdWinsOverTheLooserRule()
    {
        Message a = copy(20, 31), b = copy(21, 32);
        b.internetMessageId = QStringLiteral("first@x");
        a.internetMessageId = QStringLiteral("second@x");
        const auto found = matchSentCopies({sentReply(7, 30, QStringLiteral("first@x")),
                                            sentReply(8, 30, QStringLiteral("second@x"))},
                                           {a, b}, sentFolders, {});
        QCOMPARE(found.value(7), 21);
        QCOMPARE(found.value(8), 20);
    }

    void storeRecordsMatchesForGood()
    {
        Store store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("record.sqlite"))));
        QVERIFY(store.folderStore().applyFolderSync(QStringLiteral("h1"), standardFolders(), {}));
        QVERIFY(fillSmallAccount(store));
        QVERIFY(store.outboxStore().sentCopies().isEmpty()); // no table yet: nothing, and no error
        const Message t2 = *store.messageStore().message(inbox, QStringLiteral("t2"));
        OutboxEntry e;
        e.kind = OutboxKind::Reply;
        e.clientId = QStringLiteral("c1");
        e.subject = QStringLiteral("RE: two");
        e.created = at(100);
        e.sourceMessageId = t2.id;
        e.sourceFolderId = inbox;
        e.sourceServerId = t2.serverId;
        e.mime = "Message-ID: <one@x>\r\n\r\nhi";
        e.id = store.outboxStore().insertOutbox(e);
        QVERIFY(e.id);
        QCOMPARE(store.outboxStore().recordSentCopies(), 0); // waiting: not sent, nothing to match
        e.state = OutboxState::Sent;
        QVERIFY(store.outboxStore().updateOutboxState(e));
        QCOMPARE(store.outboxStore().recordSentCopies(), 0); // its copy has not arrived
        Message server = mail(QStringLiteral("s9"), 101, QStringLiteral("me"), threadId,
                              reply(t2.conversationIndex, 101));
        server.subject = QStringLiteral("RE: two");
        QVERIFY(add(store, sent, {server}));
        QCOMPARE(store.outboxStore().recordSentCopies(), 1);
        const qint64 copyId = store.messageStore().message(sent, QStringLiteral("s9"))->id;
        QCOMPARE(store.outboxStore().sentCopies().value(e.id), copyId);
        QVERIFY(store.outboxStore().repliesAwaitingCopy().isEmpty());
        QCOMPARE(store.outboxStore().recordSentCopies(), 0); // stable: nothing new
        QVERIFY(localSentEntries(store).isEmpty());
    }

    void outboxRepliesAreReadWithoutTheirBodies()
    {
        Store store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("heads.sqlite"))));
        QVERIFY(store.folderStore().applyFolderSync(QStringLiteral("h1"), standardFolders(), {}));
        QVERIFY(fillSmallAccount(store));
        const Message t2 = *store.messageStore().message(inbox, QStringLiteral("t2"));
        OutboxEntry e;
        e.kind = OutboxKind::Forward;
        e.clientId = QStringLiteral("big");
        e.sourceMessageId = t2.id;
        e.mime = "Message-ID: <big@x>\r\n\r\n" + QByteArray(200000, 'a'); // an attachment, say
        QVERIFY(store.outboxStore().insertOutbox(e));
        OutboxEntry newMail = e;
        newMail.kind = OutboxKind::Send;
        newMail.clientId = QStringLiteral("new");
        newMail.sourceMessageId = 0;
        QVERIFY(store.outboxStore().insertOutbox(newMail));
        const QList<OutboxEntry> replies = store.outboxStore().repliesInOutbox();
        QCOMPARE(replies.size(), 1); // a new mail never shows in a conversation
        QCOMPARE(replies.first().mime.size(), 16384);
        QCOMPARE(outboxMessageId(replies.first()), QStringLiteral("big@x"));
    }
};

QTEST_GUILESS_MAIN(TestSentCopyMatch)
#include "tst_sentcopymatch.moc"
