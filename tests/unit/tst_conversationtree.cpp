// ConversationTree: reply tree of one conversation (spec §5, §6).
#include "ConversationIndex.h"
#include "ConversationTree.h"
#include "MessageRows.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using skein::ConversationIndex;
using skein::ConversationTree;
using skein::Message;

namespace {

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text));
}

QDateTime utc(int y, int mo, int d, int h, int mi, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC);
}

Message mail(const QString &id, const QByteArray &index, const QDateTime &received,
             const QString &folder = QStringLiteral("inbox"))
{
    Message m;
    m.serverId = id;
    m.folderId = folder;
    m.conversationIndex = index;
    m.dateReceived = received;
    return m;
}

// §4 worked example, with DateReceived equal to the send times.
Message root() { return mail("root", hex("01DA76BB59"), utc(2024, 3, 15, 9, 30)); }
Message replyA() { return mail("A", hex("01DA76BB59000197064B"), utc(2024, 3, 15, 10, 15, 30)); }
Message replyB()
{
    return mail("B", hex("01DA76BB59000197064B0092245871"), utc(2024, 3, 18, 8, 0));
}
Message replyC() { return mail("C", hex("01DA76BB59003787EE2E"), utc(2024, 3, 16, 12, 0)); }

Message withId(Message m, const QString &id, const QString &folder = QStringLiteral("inbox"))
{
    m.serverId = id;
    m.folderId = folder;
    return m;
}

// Pre-order as "depth dashes, ~ for a gap above, copies joined by +".
QString shape(const ConversationTree &tree, const QList<Message> &messages)
{
    QStringList lines;
    for (const int node : tree.depthFirst()) {
        const auto &n = tree.nodes()[node];
        QStringList copies;
        for (const int message : n.messages)
            copies << messages[message].serverId;
        lines << QString(n.depth, u'-') + (n.gapAbove ? QStringLiteral("~") : QString())
                + copies.join(u'+');
    }
    return lines.join(u';');
}

// A spine of replies, each spine message also getting `leaves` direct replies
// that come before the next spine reply.
QList<Message> spineWithLeaves(int spine, int leaves)
{
    QList<Message> messages;
    QDateTime time = utc(2024, 1, 1, 8, 0);
    QByteArray spineIndex = ConversationIndex::makeHeader(time);
    messages << mail("s0", spineIndex, time);
    for (int s = 0; s < spine; ++s) {
        const QDateTime base = time;
        for (int l = 0; l < leaves; ++l) {
            const QDateTime at = base.addSecs(60 * (l + 1));
            messages << mail(QStringLiteral("s%1l%2").arg(s).arg(l),
                             ConversationIndex::appendReply(spineIndex, at, quint8(l)), at);
        }
        if (s + 1 == spine)
            break;
        time = base.addSecs(3600);
        spineIndex = ConversationIndex::appendReply(spineIndex, time, 0x77);
        messages << mail(QStringLiteral("s%1").arg(s + 1), spineIndex, time);
    }
    return messages;
}

// A message as a server without ConversationIndex (SOGo, 12.1) leaves it,
// with the reply headers Skein fetched.
Message headed(const QString &id, const QString &messageId, const QString &inReplyTo,
               const QStringList &references, const QDateTime &received,
               const QString &folder = QStringLiteral("inbox"))
{
    Message m = mail(id, {}, received, folder);
    m.internetMessageId = messageId;
    m.inReplyTo = inReplyTo;
    m.references = references;
    return m;
}

} // namespace

class TestConversationTree : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shapes_data();
    void shapes();
    void primaryCopy_data();
    void primaryCopy();
    void flags();
    void large_data();
    void large();
    void headerTrees_data();
    void headerTrees();
    void headerCyclesAreIgnored();
    void exchangeIgnoresHeaders();
    void threadingNoteWords();
};

void TestConversationTree::headerTrees_data()
{
    QTest::addColumn<QList<Message>>("messages");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("basis");
    const auto t = [](int hour) { return utc(2024, 5, 6, hour, 0); };
    const int headers = int(skein::TreeBasis::ReplyHeaders);

    QTest::newRow("In-Reply-To chain")
        << QList<Message>{headed("b", "b@x", "a@x", {"r@x", "a@x"}, t(11)),
                          headed("r", "r@x", {}, {}, t(9)), headed("a", "a@x", "r@x", {"r@x"}, t(10))}
        << "r;-a;--b" << headers;
    QTest::newRow("T3: In-Reply-To without References")
        << QList<Message>{headed("r", "t3-1@ci", {}, {}, t(9)), headed("a", "t3-2@x", "t3-1@ci", {}, t(10))}
        << "r;-a" << headers;
    QTest::newRow("References only: the newest present entry")
        << QList<Message>{headed("r", "r@x", {}, {}, t(9)), headed("a", "a@x", {}, {"r@x"}, t(10)),
                          headed("b", "b@x", {}, {"r@x", "a@x"}, t(11))}
        << "r;-a;--b" << headers;
    QTest::newRow("missing parent: the newest present reference, with a gap")
        << QList<Message>{headed("r", "r@x", {}, {}, t(9)), headed("a", "a@x", "r@x", {"r@x"}, t(10)),
                          headed("c", "c@x", "gone@x", {"r@x", "gone@x"}, t(12))}
        << "r;-a;-~c" << headers;
    QTest::newRow("no known parent: under the root, by date")
        << QList<Message>{headed("late", "l@x", "elsewhere@x", {}, t(13)), headed("r", "r@x", {}, {}, t(9)),
                          headed("plain", "p@x", {}, {}, t(11)), headed("a", "a@x", "r@x", {}, t(10))}
        << "r;-a;-plain;-~late" << headers;
    QTest::newRow("copies share their Message-ID")
        << QList<Message>{headed("r", "r@x", {}, {}, t(9)),
                          headed("a-sent", "a@x", "r@x", {"r@x"}, t(10), "sent"),
                          headed("a-moved", "a@x", {}, {}, t(10), "archive")}
        << "r;-a-sent+a-moved" << headers;
    QTest::newRow("no headers at all: by date, as before")
        << QList<Message>{headed("y", {}, {}, {}, t(10)), headed("x", {}, {}, {}, t(9))}
        << "x;y" << int(skein::TreeBasis::Date);
}

void TestConversationTree::headerTrees()
{
    QFETCH(QList<Message>, messages);
    QFETCH(QString, expected);
    QFETCH(int, basis);
    const ConversationTree tree = ConversationTree::build(messages);
    QCOMPARE(shape(tree, messages), expected);
    QCOMPARE(int(tree.basis()), basis);
    QVERIFY(!tree.hasIndex());
}

void TestConversationTree::headerCyclesAreIgnored()
{
    const QDateTime t = utc(2024, 5, 6, 9, 0);
    // a and b name each other; c names itself first, then a.
    const QList<Message> messages{headed("a", "a@x", "b@x", {"b@x"}, t),
                                  headed("b", "b@x", "a@x", {"c@x", "a@x"}, t.addSecs(60)),
                                  headed("c", "c@x", "c@x", {"a@x", "c@x"}, t.addSecs(120))};
    const ConversationTree tree = ConversationTree::build(messages);
    QCOMPARE(tree.depthFirst().size(), 3); // every message once, the walk ends
    QCOMPARE(tree.roots().size(), 1);
    for (const auto &node : tree.nodes())
        QVERIFY(node.parent != tree.nodeForMessage(node.messages.first()));
    // Links are taken in input order and a link closing a loop is skipped.
    QCOMPARE(shape(tree, messages), QStringLiteral("~c;-~b;--a"));
}

void TestConversationTree::exchangeIgnoresHeaders()
{
    // Headers (even contradicting ones) change nothing when an index exists.
    const QList<Message> plain{replyB(), root(), replyC(), replyA()};
    QList<Message> withHeaders = plain;
    withHeaders[0].internetMessageId = QStringLiteral("b@x");
    withHeaders[0].inReplyTo = QStringLiteral("c@x");
    withHeaders[2].internetMessageId = QStringLiteral("c@x");
    withHeaders[3].references = {QStringLiteral("b@x")};
    const ConversationTree before = ConversationTree::build(plain);
    const ConversationTree after = ConversationTree::build(withHeaders);
    QCOMPARE(shape(after, withHeaders), shape(before, plain));
    QCOMPARE(shape(after, withHeaders), QStringLiteral("root;-A;--B;-C"));
    QCOMPARE(after.basis(), skein::TreeBasis::ConversationIndex);
}

void TestConversationTree::threadingNoteWords()
{
    const QDateTime t = utc(2024, 5, 6, 9, 0);
    QCOMPARE(skein::threadingNote({root(), replyA()}), QString());
    QCOMPARE(skein::threadingNote({headed("r", {}, {}, {}, t)}), QString()); // a single message
    QCOMPARE(skein::threadingNote({headed("r", "r@x", {}, {}, t), headed("a", "a@x", "r@x", {}, t)}),
             QStringLiteral("Reply tree inferred from reply headers."));
    Message x = headed("x", {}, {}, {}, t);
    Message y = headed("y", {}, {}, {}, t.addSecs(60));
    QCOMPARE(skein::threadingNote({x, y}), QStringLiteral("Ordered by date: the server sent no reply tree."));
    y.conversationInferred = true;
    QCOMPARE(skein::threadingNote({x, y}),
             QStringLiteral("Conversation inferred by Skein from subjects and ordered by date: "
                            "the server sent no conversation data."));
    Message r = headed("r", "r@x", {}, {}, t), a = headed("a", "a@x", "r@x", {}, t);
    a.conversationInferred = true;
    QCOMPARE(skein::threadingNote({r, a}),
             QStringLiteral("Conversation and reply tree inferred by Skein from reply headers and "
                            "subjects: the server sent no conversation data."));
}

void TestConversationTree::shapes_data()
{
    QTest::addColumn<QList<Message>>("messages");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("hasIndex");

    QTest::newRow("worked example") << QList<Message>{root(), replyA(), replyB(), replyC()}
                                    << "root;-A;--B;-C" << true;
    QTest::newRow("worked example, reversed input")
        << QList<Message>{replyC(), replyB(), replyA(), root()} << "root;-A;--B;-C" << true;
    QTest::newRow("duplicate index collapses")
        << QList<Message>{root(), replyA(), withId(replyA(), "A2", "archive")}
        << "root;-A+A2" << true;
    QTest::newRow("same index in Inbox and Sent")
        << QList<Message>{withId(replyA(), "A-sent", "sent"), root(), replyA()}
        << "root;-A-sent+A" << true;
    QTest::newRow("damaged copy collapses with whole copy")
        << QList<Message>{root(), replyB(),
                          mail("B-torn", hex("01DA76BB59000197064B00922458710102"),
                               utc(2024, 3, 18, 8, 0))}
        << "root;-~B+B-torn" << true;
    QTest::newRow("parent missing: gap to ancestor")
        << QList<Message>{root(), replyB(), replyC()} << "root;-C;-~B" << true;
    QTest::newRow("root missing: orphan roots")
        << QList<Message>{replyB(), replyC(), replyA()} << "~A;-B;~C" << true;
    QTest::newRow("only a deep reply") << QList<Message>{replyB()} << "~B" << true;
    QTest::newRow("several roots by time")
        << QList<Message>{replyA(), mail("other", ConversationIndex::makeHeader(
                                                      utc(2024, 3, 1, 12, 0)),
                                         utc(2024, 3, 1, 12, 0)),
                          root()}
        << "other;root;-A" << true;
    QTest::newRow("no index: flat by DateReceived")
        << QList<Message>{mail("m3", {}, utc(2024, 3, 3, 0, 0)),
                          mail("m1", {}, utc(2024, 3, 1, 0, 0)),
                          mail("m2", hex("01DA"), utc(2024, 3, 2, 0, 0))}
        << "m1;m2;m3" << false;
    QTest::newRow("no-index message among indexed ones")
        << QList<Message>{root(), replyA(), mail("plain", {}, utc(2024, 3, 15, 11, 0))}
        << "root;-A;plain" << true;
    // Raw order is C, DC1 but the DC=1 block means 0.84 s after the header.
    QTest::newRow("siblings by decoded time, not raw bytes")
        << QList<Message>{root(), replyC(),
                          mail("DC1", hex("01DA76BB598000000100"), utc(2024, 3, 15, 9, 30))}
        << "root;-DC1;-C" << true;
    QTest::newRow("equal reply time: DateReceived decides")
        << QList<Message>{root(),
                          mail("late", hex("01DA76BB59000197060A"), utc(2024, 3, 15, 10, 16)),
                          mail("early", hex("01DA76BB59000197060B"), utc(2024, 3, 15, 10, 15))}
        << "root;-early;-late" << true;
    QTest::newRow("equal times: raw bytes decide")
        << QList<Message>{root(),
                          mail("x2", hex("01DA76BB59000197060B"), utc(2024, 3, 15, 10, 15)),
                          mail("x1", hex("01DA76BB59000197060A"), utc(2024, 3, 15, 10, 15))}
        << "root;-x1;-x2" << true;
    // Decoded 2026 against DateReceived 2024: the index time is not trusted.
    QTest::newRow("implausible index time falls back to DateReceived")
        << QList<Message>{root(), replyC(),
                          mail("odd", hex("01DA76BB59847B45E300"), utc(2024, 3, 15, 11, 0))}
        << "root;-odd;-C" << true;
    QTest::newRow("MAPI and EAS copies are one node")
        << QList<Message>{root(), replyA(),
                          mail("A-mapi",
                               hex("0101DA76BB59") + hex("3F2504E04F8911D39A0C0305E82C3301")
                                   + hex("000197064B"),
                               utc(2024, 3, 15, 10, 15, 30))}
        << "root;-A+A-mapi" << true;
    QTest::newRow("empty conversation") << QList<Message>{} << "" << false;
}

void TestConversationTree::shapes()
{
    QFETCH(QList<Message>, messages);
    QFETCH(QString, expected);
    QFETCH(bool, hasIndex);

    const ConversationTree tree = ConversationTree::build(messages, {QStringLiteral("sent")});
    QCOMPARE(shape(tree, messages), expected);
    QCOMPARE(tree.hasIndex(), hasIndex);
    QCOMPARE(tree.depthFirst().size(), tree.nodes().size());
    for (int i = 0; i < messages.size(); ++i)
        QVERIFY(tree.nodes()[tree.nodeForMessage(i)].messages.contains(i));
}

void TestConversationTree::primaryCopy_data()
{
    QTest::addColumn<QList<Message>>("messages");
    QTest::addColumn<QSet<QString>>("sentFolders");
    QTest::addColumn<QString>("primary");
    QTest::addColumn<bool>("hasSentCopy");

    const QList<Message> sentFirst{withId(replyA(), "A-sent", "sent"),
                                   withId(replyA(), "A-inbox", "inbox")};
    QTest::newRow("inbox copy preferred over earlier sent copy")
        << sentFirst << QSet<QString>{"sent"} << "A-inbox" << true;
    QTest::newRow("no sent folders known: first copy")
        << sentFirst << QSet<QString>{} << "A-sent" << false;
    QTest::newRow("only sent copies") << QList<Message>{withId(replyA(), "A1", "sent"),
                                                        withId(replyA(), "A2", "sent2")}
                                      << QSet<QString>{"sent", "sent2"} << "A1" << true;
    QTest::newRow("two non-sent copies: first wins")
        << QList<Message>{withId(replyA(), "A-archive", "archive"),
                          withId(replyA(), "A-inbox", "inbox")}
        << QSet<QString>{"sent"} << "A-archive" << false;
}

void TestConversationTree::primaryCopy()
{
    QFETCH(QList<Message>, messages);
    QFETCH(QSet<QString>, sentFolders);
    QFETCH(QString, primary);
    QFETCH(bool, hasSentCopy);

    const ConversationTree tree = ConversationTree::build(messages, sentFolders);
    QCOMPARE(tree.nodes().size(), 1);
    const auto &node = tree.nodes().constFirst();
    QCOMPARE(messages[node.primary].serverId, primary);
    QCOMPARE(node.hasSentCopy, hasSentCopy);
    QCOMPARE(node.messages.size(), messages.size());
}

void TestConversationTree::flags()
{
    const QList<Message> messages{
        root(), mail("torn", hex("01DA76BB59000197064B00"), utc(2024, 3, 15, 10, 15, 30)),
        mail("plain", {}, utc(2024, 3, 20, 0, 0))};
    const ConversationTree tree = ConversationTree::build(messages);
    const auto &torn = tree.nodes()[tree.nodeForMessage(1)];
    QVERIFY(torn.damaged);
    QVERIFY(torn.hasIndex);
    QCOMPARE(torn.key, hex("01DA76BB59000197064B"));
    QCOMPARE(torn.parent, tree.nodeForMessage(0));
    QVERIFY(!torn.gapAbove);
    const auto &plain = tree.nodes()[tree.nodeForMessage(2)];
    QVERIFY(!plain.hasIndex);
    QCOMPARE(plain.parent, -1);
    QCOMPARE(tree.roots(), (QList<int>{tree.nodeForMessage(0), tree.nodeForMessage(2)}));
    QCOMPARE(tree.nodeForMessage(3), -1);
    QCOMPARE(tree.nodeForMessage(-1), -1);
}

void TestConversationTree::large_data()
{
    QTest::addColumn<int>("spine");
    QTest::addColumn<int>("leaves");

    QTest::newRow("deep chain of 500") << 500 << 0;
    QTest::newRow("deep+wide: 100 spine x 4 leaves") << 100 << 4;
    QTest::newRow("wide: root with 499 replies") << 1 << 499;
}

void TestConversationTree::large()
{
    QFETCH(int, spine);
    QFETCH(int, leaves);

    QList<Message> messages = spineWithLeaves(spine, leaves);
    QCOMPARE(messages.size(), 500);
    const ConversationTree ordered = ConversationTree::build(messages);
    std::shuffle(messages.begin(), messages.end(), *QRandomGenerator::global());

    // Median of several builds: the shared build machine makes single runs noisy.
    QList<qint64> nanos;
    for (int run = 0; run < 21; ++run) {
        QElapsedTimer timer;
        timer.start();
        const ConversationTree scratch = ConversationTree::build(messages);
        nanos << timer.nsecsElapsed();
    }
    std::sort(nanos.begin(), nanos.end());
    qInfo("500 messages (%d x %d): median %.0f us, best %.0f us per build", spine, leaves,
          nanos[nanos.size() / 2] / 1000.0, nanos.constFirst() / 1000.0);
    // Generous bound for loaded CI; the point is catching quadratic behaviour.
    QVERIFY2(nanos[nanos.size() / 2] < 20'000'000, "far too slow for 500 messages");
    const ConversationTree tree = ConversationTree::build(messages);

    QCOMPARE(tree.nodes().size(), 500);
    QCOMPARE(tree.roots().size(), 1);
    QCOMPARE(tree.depthFirst().size(), 500);
    int maxDepth = 0;
    for (int position = 0; position < tree.depthFirst().size(); ++position) {
        const int node = tree.depthFirst()[position];
        const auto &n = tree.nodes()[node];
        QVERIFY(!n.gapAbove && !n.damaged && n.hasIndex);
        if (n.parent >= 0) {
            QCOMPARE(n.depth, tree.nodes()[n.parent].depth + 1);
            QVERIFY(tree.depthFirst().indexOf(n.parent) < position);
        }
        QCOMPARE(n.depth, int((n.key.size() - 5) / 5));
        maxDepth = qMax(maxDepth, n.depth);
        const QString id = messages[n.primary].serverId;
        const bool isSpine = !id.contains(u'l');
        const bool lastSpine = id == QStringLiteral("s%1").arg(spine - 1);
        QCOMPARE(n.children.size(), isSpine ? leaves + (lastSpine ? 0 : 1) : 0);
        // Leaves come first (sent minutes later), the next spine reply last.
        if (isSpine && !lastSpine)
            QVERIFY(!messages[tree.nodes()[n.children.constLast()].primary].serverId.contains(u'l'));
    }
    QCOMPARE(maxDepth, spine - 1 + (leaves > 0 ? 1 : 0));
    QCOMPARE(shape(tree, messages), shape(ordered, spineWithLeaves(spine, leaves)));
}

QTEST_GUILESS_MAIN(TestConversationTree)
#include "tst_conversationtree.moc"
