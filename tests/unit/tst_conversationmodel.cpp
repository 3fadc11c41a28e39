#include "ConversationModel.h"
#include "ModelTestData.h"
#include "ThreadInference.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace skein;
using namespace skein::testdata;

namespace {

constexpr auto fatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

QStringList serverIds(const QList<Message> &messages)
{
    QStringList out;
    for (const Message &m : messages)
        out.append(m.serverId);
    return out;
}

} // namespace

class TestConversationModel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;

    void openAccount(Store &store)
    {
        QVERIFY2(store.open(m_dir.filePath(QStringLiteral("c%1.sqlite").arg(++m_files))),
                 qPrintable(store.lastError()));
        QVERIFY(store.folderStore().applyFolderSync(QStringLiteral("h1"), standardFolders(), {}));
        QVERIFY(fillSmallAccount(store));
    }

private Q_SLOTS:
    void replyTreeInTreeShapeAcrossFolders()
    {
        Store store;
        openAccount(store);
        ConversationModel model(&store);
        QAbstractItemModelTester tester(&model, fatal);
        model.setListedFolder(inbox);
        model.setConversation(threadId);
        QVERIFY(model.hasIndex());
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex t1 = model.index(0, 0);
        QCOMPARE(t1.data(ServerIdRole).toString(), QStringLiteral("t1"));
        QCOMPARE(model.rowCount(t1), 2);
        const QModelIndex t2 = model.index(0, 0, t1);
        const QModelIndex t3 = model.index(0, 0, t2);
        QCOMPARE(t3.data(ServerIdRole).toString(), QStringLiteral("t3"));
        QCOMPARE(t3.data(DepthRole).toInt(), 2);
        QCOMPARE(t3.data(IsOtherFolderRole).toBool(), true);
        QCOMPARE(t3.data(FolderNameRole).toString(), QStringLiteral("Sent Items"));
        QCOMPARE(t3.data(HasSentCopyRole).toBool(), true);
        QCOMPARE(t1.data(IsOtherFolderRole).toBool(), false);
        QCOMPARE(t1.data(TreeInferredRole).toBool(), false);
        QCOMPARE(t1.siblingAtColumn(ConversationModel::FromColumn).data().toString(), QStringLiteral("alice"));
        QCOMPARE(serverIds(model.messagesInDisplayOrder()), (QStringList{"t1", "t2", "t3", "t4"}));
        QCOMPARE(model.firstUnreadRow(), 0);
        QCOMPARE(model.indexForMessage(store.messageStore().message(inbox, QStringLiteral("t4"))->id).parent(), t1);

        model.setListedFolder(sent);
        QCOMPARE(model.index(0, 0).data(IsOtherFolderRole).toBool(), true);
        QCOMPARE(model.indexForMessage(store.messageStore().message(sent, QStringLiteral("t3"))->id).data(IsOtherFolderRole).toBool(), false);
    }

    void firstUnreadFollowsDisplayOrder()
    {
        Store store;
        openAccount(store);
        ConversationModel model(&store);
        model.setConversation(threadId);
        for (const char *id : {"t1", "t2"}) {
            MessageChange read;
            read.serverId = QString::fromLatin1(id);
            read.read = true;
            QVERIFY(change(store, inbox, read));
        }
        model.refresh();
        QCOMPARE(model.firstUnreadRow(), 3); // t3 (mine) is read: t4
        QCOMPARE(model.firstUnreadIndex().data(ServerIdRole).toString(), QStringLiteral("t4"));
    }

    void refreshDiffsBodiesRepliesAndDeletes()
    {
        Store store;
        openAccount(store);
        ConversationModel model(&store);
        QAbstractItemModelTester tester(&model, fatal);
        model.setConversation(threadId);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        const QPersistentModelIndex t2 = model.indexForMessage(store.messageStore().message(inbox, QStringLiteral("t2"))->id);
        QVERIFY(!t2.data(HasBodyRole).toBool());
        QVERIFY(store.messageStore().setBody(store.messageStore().message(inbox, QStringLiteral("t2"))->id, BodyType::PlainText, "Hello", true, 900));
        model.refresh();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed[0][0].value<QModelIndex>(), QModelIndex(t2));
        QVERIFY(t2.data(HasBodyRole).toBool());
        QVERIFY(t2.data(BodyTruncatedRole).toBool());
        QVERIFY(store.messageStore().setBody(store.messageStore().message(inbox, QStringLiteral("t2"))->id, BodyType::PlainText, "Hello, all of it", false, 16));
        model.refresh();
        QCOMPARE(changed.size(), 2);
        QVERIFY(!t2.data(BodyTruncatedRole).toBool());
        QCOMPARE(model.message(t2)->body, QByteArray("Hello, all of it"));

        const QByteArray t3Index = model.message(model.indexForMessage(store.messageStore().message(sent, QStringLiteral("t3"))->id))->conversationIndex;
        QVERIFY(add(store, inbox, {mail(QStringLiteral("t5"), 80, QStringLiteral("bob"), threadId, reply(t3Index, 80))}));
        model.refresh();
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.indexForMessage(store.messageStore().message(inbox, QStringLiteral("t5"))->id).data(DepthRole).toInt(), 3);

        SyncBatch gone;
        gone.folderId = inbox;
        gone.newSyncKey = QStringLiteral("d");
        gone.deletes = {QStringLiteral("t4")};
        QVERIFY(store.syncApplier().applySyncBatch(gone));
        model.refresh();
        QCOMPARE(removed.size(), 1);
        QCOMPARE(serverIds(model.messagesInDisplayOrder()), (QStringList{"t1", "t2", "t3", "t5"}));
        QCOMPARE(resets.size(), 0);
    }

    void copiesShareARowAndShowTheListedFolder()
    {
        Store store;
        openAccount(store);
        // The same message (same index) also in Projects: one node, two folders.
        const QByteArray i1 = ConversationIndex::makeHeader(at(10));
        QVERIFY(add(store, projects, {mail(QStringLiteral("t1p"), 10, QStringLiteral("alice"), threadId, i1)}));
        ConversationModel model(&store);
        model.setListedFolder(projects);
        model.setConversation(threadId);
        QCOMPARE(model.messagesInDisplayOrder().size(), 4);
        const QModelIndex t1 = model.index(0, 0);
        QCOMPARE(t1.data(FolderIdRole).toString(), projects);
        QCOMPARE(t1.data(ServerIdRole).toString(), QStringLiteral("t1p"));
        QCOMPARE(t1.data(IsOtherFolderRole).toBool(), false);
    }

    // No ConversationId, no index (protocol 12.1): Skein groups by the reply
    // headers and the rows say so; Exchange data keeps TreeBasis::ConversationIndex.
    void inferredConversationSaysHowItWasBuilt()
    {
        Store store;
        openAccount(store);
        Message root = mail(QStringLiteral("p1"), 200, QStringLiteral("ann"));
        Message answer = mail(QStringLiteral("p2"), 210, QStringLiteral("bob"));
        QVERIFY(add(store, inbox, {root, answer}));
        const qint64 rootId = store.messageStore().message(inbox, QStringLiteral("p1"))->id;
        const qint64 answerId = store.messageStore().message(inbox, QStringLiteral("p2"))->id;
        QVERIFY(store.threadStore().setReplyHeaders(rootId, {QStringLiteral("p1@x"), {}, {}}));
        QVERIFY(store.threadStore().setReplyHeaders(answerId, {QStringLiteral("p2@x"), QStringLiteral("p1@x"), {}}));
        QVERIFY2(store.threadStore().inferConversations(), qPrintable(store.lastError()));

        ConversationModel model(&store);
        QAbstractItemModelTester tester(&model, fatal);
        model.setConversation(QByteArray(kInferredConversationPrefix) + "p1@x");
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex top = model.index(0, 0);
        QCOMPARE(model.rowCount(top), 1); // the answer hangs under its parent
        QCOMPARE(model.treeBasis(), TreeBasis::ReplyHeaders);
        QVERIFY(model.conversationInferred());
        QCOMPARE(top.data(TreeBasisRole).toInt(), int(TreeBasis::ReplyHeaders));
        QCOMPARE(top.data(TreeInferredRole).toBool(), true);
        QCOMPARE(model.index(0, 0, top).data(ConversationInferredRole).toBool(), true);
        QCOMPARE(model.index(0, ConversationModel::SubjectColumn, top).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Reply tree inferred from reply headers"));

        model.setConversation(threadId); // Exchange-style: index present
        QCOMPARE(model.treeBasis(), TreeBasis::ConversationIndex);
        QVERIFY(!model.conversationInferred());
        QCOMPARE(model.index(0, 0).data(ConversationInferredRole).toBool(), false);
    }

    void singleMessageWithoutIndexIsInferred()
    {
        Store store;
        openAccount(store);
        ConversationModel model(&store);
        QAbstractItemModelTester tester(&model, fatal);
        model.setSingleMessage(store.messageStore().message(inbox, QStringLiteral("s1"))->id);
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(!model.hasIndex());
        QCOMPARE(model.index(0, 0).data(TreeInferredRole).toBool(), true);
        QCOMPARE(model.index(0, ConversationModel::SubjectColumn).data().toString(), QStringLiteral("Subject s1"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.firstUnreadRow(), -1);
    }

    // SOGo ServerIds are per-folder IMAP UIDs: Inbox and Sent Items both
    // have a "5". The model shows the one asked for, by row id.
    void singleMessageByRowIdAmongEqualServerIds()
    {
        Store store;
        openAccount(store);
        Message received = mail(QStringLiteral("5"), 60, QStringLiteral("zoe"));
        received.subject = QStringLiteral("Inbox five");
        Message mine = mail(QStringLiteral("5"), 70, QStringLiteral("me"));
        mine.subject = QStringLiteral("Sent five");
        QVERIFY(add(store, inbox, {received}));
        QVERIFY(add(store, sent, {mine}));
        const qint64 inboxId = store.messageStore().message(inbox, QStringLiteral("5"))->id;
        const qint64 sentId = store.messageStore().message(sent, QStringLiteral("5"))->id;

        ConversationModel model(&store);
        QAbstractItemModelTester tester(&model, fatal);
        model.setListedFolder(sent);
        model.setSingleMessage(sentId);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, ConversationModel::SubjectColumn).data().toString(), QStringLiteral("Sent five"));
        QCOMPARE(model.message(model.indexForMessage(sentId))->folderId, sent);
        QVERIFY(!model.indexForMessage(inboxId).isValid());
        model.setSingleMessage(inboxId);
        QCOMPARE(model.messagesInDisplayOrder().value(0).subject, QStringLiteral("Inbox five"));
    }

    // The reading pane's order: by date, not by branch, with each message's
    // parent at hand for "in reply to".
    void timeOrderInterleavesBranchesAndNamesWhatEachAnswers()
    {
        Store store;
        openAccount(store);
        const QByteArray root = ConversationIndex::makeHeader(at(100));
        const QByteArray a = reply(root, 110), b = reply(root, 120), aa = reply(a, 130);
        QVERIFY(add(store, inbox,
                    {mail(QStringLiteral("r"), 100, QStringLiteral("ann"), "TIME", root),
                     mail(QStringLiteral("a"), 110, QStringLiteral("ben"), "TIME", a),
                     mail(QStringLiteral("b"), 120, QStringLiteral("cat"), "TIME", b),
                     mail(QStringLiteral("aa"), 130, QStringLiteral("dan"), "TIME", aa)}));
        ConversationModel model(&store);
        model.setConversation("TIME");
        QCOMPARE(serverIds(model.messagesInDisplayOrder()), (QStringList{"r", "a", "aa", "b"}));
        const QList<Message> byTime = model.messagesInTimeOrder();
        QCOMPARE(serverIds(byTime), (QStringList{"r", "a", "b", "aa"}));
        const QHash<qint64, qint64> answered = model.answeredMessageIds();
        QCOMPARE(answered.size(), 3);
        QVERIFY(!answered.contains(byTime[0].id));
        QCOMPARE(answered.value(byTime[1].id), byTime[0].id);
        QCOMPARE(answered.value(byTime[2].id), byTime[0].id);
        QCOMPARE(answered.value(byTime[3].id), byTime[1].id);
    }

    void longThreadPreOrder()
    {
        Store store;
        openAccount(store);
        QVERIFY(add(store, inbox, longThread("LONG", 500, 1000)));
        ConversationModel model(&store);
        QAbstractItemModelTester tester(&model, fatal);
        model.setConversation("LONG");
        const QList<Message> order = model.messagesInDisplayOrder();
        QCOMPARE(order.size(), 500);
        // Pre-order: every message comes after the message it answers.
        QHash<QByteArray, int> position;
        for (int i = 0; i < order.size(); ++i) {
            const ConversationIndex index(order[i].conversationIndex);
            if (index.depth() > 0)
                QVERIFY(position.value(index.parentKey(), 1000) < i);
            position.insert(index.key(), i);
        }
    }
};

QTEST_GUILESS_MAIN(TestConversationModel)
#include "tst_conversationmodel.moc"
