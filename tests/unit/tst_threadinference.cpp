// ThreadInference: conversations for servers that send no ConversationId
// (protocol 12.1, some servers), from reply headers and thread topics; and
// the Store side (inferred ids stored, a server id wins, Sync keeps them).
#include "Store.h"
#include "ThreadInference.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <map>

using namespace skein;

namespace {

QDateTime day(int d, int hour = 9)
{
    return QDateTime(QDate(2024, 3, 1), QTime(hour, 0), Qt::UTC).addDays(d);
}

struct Seed {
    QString name;       // T1-1 ... for the assertions
    QString messageId;
    QString inReplyTo;
    QStringList references;
    QString subject;
    QDateTime date;
};

ThreadCandidate candidate(const Seed &s, qint64 id, bool withHeaders)
{
    ThreadCandidate c;
    c.id = id;
    if (withHeaders) {
        c.messageId = s.messageId;
        c.inReplyTo = s.inReplyTo;
        c.references = s.references;
    }
    c.subject = s.subject;
    c.date = s.date;
    return c;
}

// tests/interop/sogo/expected-threads.json (T1-T5 and some standalones) as
// a 12.1 server delivers them: no ConversationId, subjects as seeded.
QList<Seed> sogoSeed()
{
    const QString t1 = QStringLiteral("t1-%1.q3report@example.test");
    const QString t2 = QStringLiteral("t2-%1.offsite@example.test");
    const QString t4 = QStringLiteral("t4-%1.lunch@example.test");
    const QString t5 = QStringLiteral("t5-%1.migration@example.test");
    return {
        {"T1-1", t1.arg(1), {}, {}, "Q3 report draft", day(0)},
        {"T1-2", t1.arg(2), t1.arg(1), {t1.arg(1)}, "Re: Q3 report draft", day(0, 10)},
        {"T1-3", t1.arg(3), t1.arg(2), {t1.arg(1), t1.arg(2)}, "Re: Q3 report draft", day(1)},
        {"T1-4", t1.arg(4), t1.arg(3), {t1.arg(1), t1.arg(2), t1.arg(3)}, "Re: Q3 report draft", day(2)},
        {"T2-1", t2.arg(1), {}, {}, "Team offsite planning", day(3)},
        {"T2-2", t2.arg(2), t2.arg(1), {t2.arg(1)}, "Re: Team offsite planning", day(3, 11)},
        {"T2-3", t2.arg(3), t2.arg(2), {t2.arg(1), t2.arg(2)}, "Re: Team offsite planning", day(4)},
        {"T3-1", "t3-1.build-4711@ci.example.test", {}, {}, "Build failure on main", day(5)},
        // The reply has In-Reply-To but no References.
        {"T3-2", "t3-2.build@example.test", "t3-1.build-4711@ci.example.test", {}, "Re: Build failure on main", day(5, 12)},
        {"T4-1", t4.arg(1), {}, {}, "Lunch on Friday?", day(6)},
        {"T4-2", t4.arg(2), t4.arg(1), {t4.arg(1)}, "Re: Lunch on Friday?", day(6, 10)},
        {"T4-3", t4.arg(3), t4.arg(2), {t4.arg(1), t4.arg(2)}, "RE: Lunch on Friday?", day(6, 11)},
        {"T4-4", t4.arg(4), t4.arg(3), {t4.arg(1), t4.arg(2), t4.arg(3)}, "Re: Lunch on Friday?", day(6, 12)},
        {"T4-5", t4.arg(5), t4.arg(4), {t4.arg(1), t4.arg(4)}, "Re: Re: Lunch on Friday?", day(6, 13)},
        {"T4-6", t4.arg(6), t4.arg(5), {t4.arg(1), t4.arg(5)}, "Re: Lunch on Friday?", day(6, 14)},
        {"T5-1", t5.arg(1), {}, {}, "Server migration plan", day(7)},
        {"T5-2", t5.arg(2), t5.arg(1), {t5.arg(1)}, "Re: Server migration plan", day(7, 10)},
        // A forward that kept References.
        {"T5-3", t5.arg(3), {}, {t5.arg(1), t5.arg(2)}, "Fwd: Re: Server migration plan", day(8)},
        {"welcome", "welcome@hr.example.test", {}, {}, "Welcome to Example Corp", day(9)},
        {"invoice", "invoice-2024-117@acme.example", {}, {}, "Invoice 2024-117", day(9, 10)},
        {"no-id", {}, {}, {}, "Message without Message-ID", day(9, 11)},
    };
}

// The groups as sorted name lists ("T1-1 T1-2"); singletons left out.
QStringList groupsOf(const QList<Seed> &seed, const QList<InferredConversation> &result)
{
    std::map<QByteArray, QStringList> byId;
    for (qsizetype i = 0; i < seed.size(); ++i) {
        if (!result[i].conversationId.isEmpty())
            byId[result[i].conversationId] << seed[i].name;
    }
    QStringList groups;
    for (auto &[id, names] : byId) {
        names.sort();
        groups << names.join(u' ');
    }
    groups.sort();
    return groups;
}

const QStringList sogoThreads{
    "T1-1 T1-2 T1-3 T1-4", "T2-1 T2-2 T2-3", "T3-1 T3-2",
    "T4-1 T4-2 T4-3 T4-4 T4-5 T4-6", "T5-1 T5-2 T5-3"};

QList<InferredConversation> infer(const QList<Seed> &seed, bool withHeaders)
{
    QList<ThreadCandidate> candidates;
    for (qsizetype i = 0; i < seed.size(); ++i)
        candidates << candidate(seed[i], i + 1, withHeaders);
    return ThreadInference::infer(candidates);
}

Message stored(const QString &serverId, const QString &subject, const QDateTime &date)
{
    Message m;
    m.serverId = serverId;
    m.subject = subject;
    m.dateReceived = date;
    return m;
}

bool addToInbox(Store &store, const QList<Message> &adds, const QStringList &deletes = {})
{
    static int key = 0;
    SyncBatch batch;
    batch.folderId = QStringLiteral("inbox");
    batch.newSyncKey = QString::number(++key);
    batch.adds = adds;
    batch.deletes = deletes;
    return store.syncApplier().applySyncBatch(batch);
}

bool giveHeaders(Store &store, const QString &serverId, const ReplyHeaders &headers)
{
    const std::optional<Message> m = store.messageStore().message(QStringLiteral("inbox"), serverId);
    return m && store.threadStore().setReplyHeaders(m->id, headers);
}

} // namespace

class TestThreadInference : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void topics_data()
    {
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("topic");
        QTest::addColumn<bool>("reply");
        QTest::newRow("plain") << "Lunch on Friday?" << "lunch on friday?" << false;
        QTest::newRow("Re") << "Re: Lunch on Friday?" << "lunch on friday?" << true;
        QTest::newRow("RE") << "RE: Lunch on Friday?" << "lunch on friday?" << true;
        QTest::newRow("Re Re") << "Re: Re:  Lunch   on Friday?" << "lunch on friday?" << true;
        QTest::newRow("Fwd Re") << "Fwd: Re: Server migration plan" << "server migration plan" << true;
        QTest::newRow("FW AW WG SV Antw") << "FW: AW: WG: SV: Antw: x" << "x" << true;
        QTest::newRow("Re[2]") << "Re[2]: x" << "x" << true;
        QTest::newRow("word starting like a prefix") << "Research: results" << "research: results" << false;
        QTest::newRow("only a prefix") << "Re:" << "" << true;
    }
    void topics()
    {
        QFETCH(QString, subject);
        QFETCH(QString, topic);
        QFETCH(bool, reply);
        QCOMPARE(normalizedTopic(subject), topic);
        QCOMPARE(hasReplyPrefix(subject), reply);
    }

    void sogoSeedGroupsByReplyHeaders()
    {
        const QList<Seed> seed = sogoSeed();
        const QList<InferredConversation> result = infer(seed, true);
        QCOMPARE(groupsOf(seed, result), sogoThreads);
        for (qsizetype i = 0; i < seed.size(); ++i) {
            const bool grouped = seed[i].name.startsWith(u'T');
            QCOMPARE(result[i].inferred, grouped);
            QCOMPARE(isInferredConversationId(result[i].conversationId), grouped);
        }
        // Named after the thread root, as SOGo names its ConversationIds: the
        // key stays put as replies arrive.
        QCOMPARE(result[0].conversationId, QByteArray("skein-inferred:t1-1.q3report@example.test"));
        QCOMPARE(result[17].conversationId, QByteArray("skein-inferred:t5-1.migration@example.test"));
    }

    void sogoSeedGroupsByTopicWithoutHeaders()
    {
        // Header fetch failed or the server had none: the subjects still
        // group T1-T5 (Re:/RE:/Re: Re:/Fwd: Re:), the standalones stay alone.
        const QList<Seed> seed = sogoSeed();
        QCOMPARE(groupsOf(seed, infer(seed, false)), sogoThreads);
    }

    void unrelatedSameSubjectStayApart()
    {
        const QList<Seed> seed{
            {"hello-1", "h1@a", {}, {}, "Hello", day(0)},
            {"hello-2", "h2@b", {}, {}, "Hello", day(1)},
        };
        QCOMPARE(groupsOf(seed, infer(seed, true)), QStringList());
    }

    void replyJoinsItsTopic()
    {
        // A reply whose client dropped In-Reply-To still joins by its Re:.
        const QList<Seed> seed{
            {"a", "a@x", {}, {}, "Status", day(0)},
            {"b", "b@x", {}, {}, "Re: Status", day(2)},
        };
        QCOMPARE(groupsOf(seed, infer(seed, true)), QStringList{"a b"});
    }

    void fortyDayGapSplits()
    {
        const QList<Seed> seed{
            {"a", "a@x", {}, {}, "Status", day(0)},
            {"b", "b@x", {}, {}, "Re: Status", day(1)},
            {"c", "c@x", {}, {}, "Re: Status", day(41)},
            {"d", "d@x", {}, {}, "RE: status", day(45)},
        };
        QCOMPARE(groupsOf(seed, infer(seed, true)), (QStringList{"a b", "c d"}));
    }

    void serverIdWinsAndIsNeverMerged()
    {
        QList<ThreadCandidate> c;
        for (const Seed &s : QList<Seed>{{"r", "r@x", {}, {}, "Plan", day(0)},
                                         {"a", "a@x", "r@x", {"r@x"}, "Re: Plan", day(1)},
                                         {"other", "o@x", "r@x", {"r@x"}, "Re: Plan", day(2)}})
            c << candidate(s, c.size() + 1, true);
        c[0].serverConversationId = "<server-1>";
        c[2].serverConversationId = "<server-2>";
        const QList<InferredConversation> result = ThreadInference::infer(c);
        QCOMPARE(result[0].conversationId, QByteArray("<server-1>"));
        QVERIFY(!result[0].inferred);
        // a has no server id: it takes the one its headers lead to.
        QCOMPARE(result[1].conversationId, QByteArray("<server-1>"));
        QVERIFY(result[1].inferred);
        QCOMPARE(result[2].conversationId, QByteArray("<server-2>")); // the server said apart
        QVERIFY(!result[2].inferred);
    }

    void storeKeepsInferredIdsThroughSync()
    {
        QTemporaryDir dir;
        Store store;
        QVERIFY2(store.open(dir.filePath(QStringLiteral("db.sqlite"))), qPrintable(store.lastError()));
        QVERIFY(store.folderStore().applyFolderSync(QStringLiteral("h1"),
                                      {{"inbox", "0", "Inbox", FolderType::Inbox}}, {}));
        SyncBatch batch;
        batch.folderId = QStringLiteral("inbox");
        batch.newSyncKey = QStringLiteral("1");
        const QList<Seed> seed = sogoSeed();
        for (const Seed &s : seed) {
            Message m;
            m.serverId = s.name;
            m.subject = s.subject;
            m.dateReceived = s.date;
            batch.adds << m;
        }
        QVERIFY2(store.syncApplier().applySyncBatch(batch), qPrintable(store.lastError()));
        QCOMPARE(store.conversationStore().conversations(QStringLiteral("inbox")).size(), seed.size());

        // Every message lacks an index: all need headers, in batches.
        QCOMPARE(store.threadStore().messagesNeedingReplyHeaders(QStringLiteral("inbox"), 50).size(), seed.size());
        QCOMPARE(store.threadStore().messagesNeedingReplyHeaders(QStringLiteral("inbox"), 5).size(), 5);
        for (const Message &m : store.threadStore().messagesNeedingReplyHeaders(QStringLiteral("inbox"), 50)) {
            const Seed &s = *std::find_if(seed.begin(), seed.end(),
                                          [&](const Seed &x) { return x.name == m.serverId; });
            QVERIFY(store.threadStore().setReplyHeaders(m.id, {s.messageId, s.inReplyTo, s.references}));
        }
        QVERIFY(store.threadStore().messagesNeedingReplyHeaders(QStringLiteral("inbox"), 50).isEmpty());

        int changed = 0;
        QVERIFY2(store.threadStore().inferConversations(&changed), qPrintable(store.lastError()));
        QCOMPARE(changed, 18); // the T1-T5 messages
        const QList<ConversationSummary> list = store.conversationStore().conversations(QStringLiteral("inbox"));
        QCOMPARE(list.size(), 5 + 3);
        int inferred = 0;
        for (const ConversationSummary &s : list)
            inferred += s.inferred ? 1 : 0;
        QCOMPARE(inferred, 5);
        const QByteArray t4 = "skein-inferred:t4-1.lunch@example.test";
        const QList<Message> lunch = store.messageStore().conversationMessages(t4);
        QCOMPARE(lunch.size(), 6);
        QVERIFY(lunch.first().conversationInferred);
        QCOMPARE(lunch.last().inReplyTo, QStringLiteral("t4-5.lunch@example.test"));
        QCOMPARE(lunch.last().references.size(), 2);

        // Nothing left to do: a second run changes nothing.
        QVERIFY(store.threadStore().inferConversations(&changed));
        QCOMPARE(changed, 0);

        // A Sync that sends the message again without an id keeps the group.
        SyncBatch again;
        again.folderId = QStringLiteral("inbox");
        again.newSyncKey = QStringLiteral("2");
        Message t44;
        t44.serverId = QStringLiteral("T4-4");
        t44.subject = QStringLiteral("Re: Lunch on Friday?");
        t44.dateReceived = day(6, 12);
        again.adds << t44;
        QVERIFY(store.syncApplier().applySyncBatch(again));
        QCOMPARE(store.messageStore().conversationMessages(t4).size(), 6);
        QCOMPARE(store.conversationStore().conversations(QStringLiteral("inbox")).size(), 8);

        // A server-sent id wins and clears the flag.
        t44.conversationId = "<server-chose-this>";
        again.newSyncKey = QStringLiteral("3");
        again.adds = {t44};
        QVERIFY(store.syncApplier().applySyncBatch(again));
        const QList<Message> server = store.messageStore().conversationMessages("<server-chose-this>");
        QCOMPARE(server.size(), 1);
        QVERIFY(!server.first().conversationInferred);
        QCOMPARE(store.messageStore().conversationMessages(t4).size(), 5);
    }

    // One new reply: the regroup reads its conversation, not the account,
    // and rewrites only the new message.
    void regroupAfterOneNewMessageTouchesOnlyItsConversation()
    {
        QTemporaryDir dir;
        Store store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("db.sqlite"))));
        QVERIFY(store.folderStore().applyFolderSync(QStringLiteral("h1"), {{"inbox", "0", "Inbox", FolderType::Inbox}}, {}));
        QList<Message> adds;
        for (int t = 0; t < 100; ++t) {
            adds << stored(QStringLiteral("t%1-1").arg(t), QStringLiteral("Topic %1").arg(t), day(t % 25))
                 << stored(QStringLiteral("t%1-2").arg(t), QStringLiteral("Re: Topic %1").arg(t), day(t % 25, 10))
                 << stored(QStringLiteral("t%1-3").arg(t), QStringLiteral("Re: Topic %1").arg(t), day(t % 25, 11));
        }
        QVERIFY(addToInbox(store, adds));
        for (int t = 0; t < 100; ++t) {
            const QString root = QStringLiteral("t%1-1@x").arg(t);
            QVERIFY(giveHeaders(store, QStringLiteral("t%1-1").arg(t), {root, {}, {}}));
            QVERIFY(giveHeaders(store, QStringLiteral("t%1-2").arg(t), {QStringLiteral("t%1-2@x").arg(t), root, {root}}));
            QVERIFY(giveHeaders(store, QStringLiteral("t%1-3").arg(t), {QStringLiteral("t%1-3@x").arg(t), root, {root}}));
        }
        int changed = 0;
        int considered = 0;
        QList<qint64> joined;
        QVERIFY2(store.threadStore().regroupChangedConversations(&changed, &joined, &considered), qPrintable(store.lastError()));
        QCOMPARE(considered, 300);
        QCOMPARE(changed, 300);

        QVERIFY(addToInbox(store, {stored("t7-4", "Re: Topic 7", day(7, 12))}));
        QVERIFY(giveHeaders(store, "t7-4", {"t7-4@x", "t7-3@x", {"t7-1@x", "t7-3@x"}}));
        QVERIFY(store.threadStore().regroupChangedConversations(&changed, &joined, &considered));
        QCOMPARE(considered, 4); // the new reply and the three it joins
        QCOMPARE(changed, 1);
        QCOMPARE(joined, QList<qint64>{store.messageStore().message("inbox", "t7-4")->id});
        QCOMPARE(store.messageStore().conversationMessages("skein-inferred:t7-1@x").size(), 4);

        // Nothing changed since: nothing read. And the whole account agrees.
        QVERIFY(store.threadStore().regroupChangedConversations(&changed, &joined, &considered));
        QCOMPARE(considered, 0);
        QVERIFY(store.threadStore().inferConversations(&changed));
        QCOMPARE(changed, 0);
    }

    // Headers arriving in parts, deletions that split a conversation, a late
    // message of an old topic: after every step the limited regroup leaves
    // what a regroup of the whole account would.
    void limitedRegroupAgreesWithWholeAccount()
    {
        QTemporaryDir dir;
        Store store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("db.sqlite"))));
        QVERIFY(store.folderStore().applyFolderSync(QStringLiteral("h1"), {{"inbox", "0", "Inbox", FolderType::Inbox}}, {}));
        const QList<Seed> seed = sogoSeed();
        QList<Message> adds;
        for (const Seed &s : seed)
            adds << stored(s.name, s.subject, s.date);
        QVERIFY(addToInbox(store, adds));
        int changed = 0;
        int considered = 0;
        const auto agreesWithWholeAccount = [&] {
            int wholeChanged = -1;
            return store.threadStore().inferConversations(&wholeChanged) && wholeChanged == 0;
        };
        // Waiting for their first header fetch: not grouped yet (a first
        // download would otherwise group every message twice).
        QVERIFY(store.threadStore().regroupChangedConversations(&changed, nullptr, &considered));
        QCOMPARE(considered, 0);
        // A failed fetch: grouped by topic meanwhile.
        QList<qint64> all;
        for (const Seed &s : seed)
            all << store.messageStore().message("inbox", s.name)->id;
        QVERIFY(store.threadStore().noteReplyHeadersFailed(all));
        QVERIFY(store.threadStore().regroupChangedConversations(&changed, nullptr, &considered));
        QCOMPARE(considered, seed.size());
        QVERIFY(changed > 0);
        QVERIFY(agreesWithWholeAccount());

        for (int pass = 0; pass < 2; ++pass) {
            for (qsizetype i = pass; i < seed.size(); i += 2)
                QVERIFY(giveHeaders(store, seed[i].name, {seed[i].messageId, seed[i].inReplyTo, seed[i].references}));
            QVERIFY(store.threadStore().regroupChangedConversations(&changed, nullptr, &considered));
            QVERIFY(agreesWithWholeAccount());
        }
        QCOMPARE(store.conversationStore().conversations(QStringLiteral("inbox")).size(), 5 + 3);

        // T3-1 was all that held T3-2 to anything; T4-3 sits in T4's middle.
        QVERIFY(addToInbox(store, {}, {"T3-1", "T4-3"}));
        QVERIFY(store.threadStore().regroupChangedConversations(&changed, nullptr, &considered));
        QVERIFY(considered < seed.size());
        QVERIFY(agreesWithWholeAccount());
        QVERIFY(store.messageStore().message("inbox", "T3-2")->conversationId.isEmpty());
        QCOMPARE(store.messageStore().conversationMessages("skein-inferred:t4-1.lunch@example.test").size(), 5);

        // Forty days after the lunch thread: a topic of its own again.
        QVERIFY(addToInbox(store, {stored("late", "Re: Lunch on Friday?", day(46))}));
        QVERIFY(giveHeaders(store, "late", {"late@example.test", {}, {}}));
        QVERIFY(store.threadStore().regroupChangedConversations(&changed, nullptr, &considered));
        QVERIFY(considered < 10);
        QVERIFY(agreesWithWholeAccount());
        QVERIFY(store.messageStore().message("inbox", "late")->conversationId.isEmpty());
    }

    // The headers of the newest conversations come first, a whole
    // conversation (by topic) together, so the top of the list is right first.
    void replyHeaderQueueTakesNewestConversationsFirst()
    {
        QTemporaryDir dir;
        Store store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("db.sqlite"))));
        QVERIFY(store.folderStore().applyFolderSync(QStringLiteral("h1"), {{"inbox", "0", "Inbox", FolderType::Inbox}}, {}));
        QVERIFY(addToInbox(store, {stored("a1", "Budget", day(0)), stored("b1", "Offsite", day(10)),
                                   stored("c1", "Welcome", day(15)), stored("a2", "RE: budget", day(20))}));
        QStringList order;
        for (const Message &m : store.threadStore().replyHeaderQueue(QStringLiteral("inbox")))
            order << m.serverId;
        QCOMPARE(order, (QStringList{"a2", "a1", "c1", "b1"}));
    }

    void failedFetchesAreBounded()
    {
        QTemporaryDir dir;
        Store store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("db.sqlite"))));
        QVERIFY(store.folderStore().applyFolderSync(QStringLiteral("h1"), {{"inbox", "0", "Inbox", FolderType::Inbox}}, {}));
        SyncBatch batch;
        batch.folderId = QStringLiteral("inbox");
        batch.newSyncKey = QStringLiteral("1");
        Message withIndex;
        withIndex.serverId = QStringLiteral("exchange");
        withIndex.conversationIndex = QByteArray::fromHex("01DA76BB59");
        Message without;
        without.serverId = QStringLiteral("sogo");
        batch.adds << withIndex << without;
        QVERIFY(store.syncApplier().applySyncBatch(batch));
        QList<Message> pending = store.threadStore().messagesNeedingReplyHeaders(QStringLiteral("inbox"), 50);
        QCOMPARE(pending.size(), 1); // never asked for a message with an index
        QCOMPARE(pending.first().serverId, QStringLiteral("sogo"));
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(store.threadStore().messagesNeedingReplyHeaders(QStringLiteral("inbox"), 50).size(), 1);
            QVERIFY(store.threadStore().noteReplyHeadersFailed({pending.first().id}));
        }
        QVERIFY(store.threadStore().messagesNeedingReplyHeaders(QStringLiteral("inbox"), 50).isEmpty());
        // Stored with no headers at all: fetched, never asked again.
        QVERIFY(store.threadStore().setReplyHeaders(pending.first().id, {}));
        QVERIFY(store.threadStore().messagesNeedingReplyHeaders(QStringLiteral("inbox"), 50, 100).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestThreadInference)
#include "tst_threadinference.moc"
