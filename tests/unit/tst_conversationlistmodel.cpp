#include "ConversationListModel.h"
#include "ModelTestData.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>

using namespace skein;
using namespace skein::testdata;

namespace {

using Tester = QAbstractItemModelTester;
constexpr auto fatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

QStringList keys(const ConversationListModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex i = model.index(row, 0);
        const QByteArray cid = i.data(ConversationIdRole).toByteArray();
        out.append(cid.isEmpty() ? i.data(ServerIdRole).toString() : QString::fromLatin1(cid.left(1)));
    }
    return out;
}

int countNodes(const QAbstractItemModel &model, const QModelIndex &parent)
{
    int total = 0;
    for (int row = 0; row < model.rowCount(parent); ++row)
        total += 1 + countNodes(model, model.index(row, 0, parent));
    return total;
}

int maxDepth(const QAbstractItemModel &model, const QModelIndex &parent)
{
    int deepest = 0;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex child = model.index(row, 0, parent);
        deepest = qMax(deepest, qMax(child.data(DepthRole).toInt(), maxDepth(model, child)));
    }
    return deepest;
}

} // namespace

class TestConversationListModel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;

    void openAccount(Store &store)
    {
        QVERIFY2(store.open(m_dir.filePath(QStringLiteral("l%1.sqlite").arg(++m_files))),
                 qPrintable(store.lastError()));
        QVERIFY(store.folderStore().applyFolderSync(QStringLiteral("h1"), standardFolders(), {}));
        QVERIFY(fillSmallAccount(store));
    }

private Q_SLOTS:
    void conversationsAtTopRepliesBelowAcrossFolders()
    {
        Store store;
        openAccount(store);
        ConversationListModel model(&store);
        Tester tester(&model, fatal);
        model.setFolder(inbox);
        QCOMPARE(keys(model), (QStringList{"s2", "T", "s1"})); // newest first
        const QModelIndex t = model.index(1, 0);
        QCOMPARE(t.data(MessageCountRole).toInt(), 4);
        QCOMPARE(t.data(UnreadCountRole).toInt(), 3);
        QCOMPARE(t.data(ParticipantsRole).toStringList(), (QStringList{"carol", "me", "bob", "alice"}));
        QCOMPARE(t.data(UnreadSendersRole).toStringList(), (QStringList{"carol", "bob", "alice"}));
        QCOMPARE(t.data(LatestDateRole).toDateTime(), at(40));
        QCOMPARE(t.data(IsConversationRole).toBool(), true);
        QCOMPARE(model.index(1, ConversationListModel::CountColumn).data().toInt(), 4);
        QCOMPARE(model.index(1, ConversationListModel::FromColumn).data().toString(),
                 QStringLiteral("carol, me, bob, alice"));
        QVERIFY(model.hasChildren(t));
        QVERIFY(!model.hasChildren(model.index(0, 0)));
        QCOMPARE(model.index(0, 0).data(ServerIdRole).toString(), QStringLiteral("s2"));

        if (model.canFetchMore(t)) // the tester may have expanded it already
            model.fetchMore(t);
        QVERIFY(!model.canFetchMore(t));
        QCOMPARE(model.rowCount(t), 1); // one thread starter
        const QModelIndex t1 = model.index(0, 0, t);
        QCOMPARE(t1.data(ServerIdRole).toString(), QStringLiteral("t1"));
        QCOMPARE(model.rowCount(t1), 2); // t2 and t4, oldest first
        const QModelIndex t2 = model.index(0, 0, t1);
        QCOMPARE(t2.data(ServerIdRole).toString(), QStringLiteral("t2"));
        QCOMPARE(model.index(1, 0, t1).data(ServerIdRole).toString(), QStringLiteral("t4"));
        const QModelIndex t3 = model.index(0, 0, t2); // a reply to a reply: a grandchild
        QCOMPARE(t3.data(ServerIdRole).toString(), QStringLiteral("t3"));
        QCOMPARE(t3.data(DepthRole).toInt(), 2);
        QCOMPARE(t3.data(FolderNameRole).toString(), QStringLiteral("Sent Items"));
        QCOMPARE(t3.data(IsOtherFolderRole).toBool(), true);
        QCOMPARE(t2.data(IsOtherFolderRole).toBool(), false);
        QCOMPARE(t2.data(FolderNameRole).toString(), QStringLiteral("Inbox"));
        QCOMPARE(t3.parent().parent().parent(), t);
        QCOMPARE(model.message(t3)->from, QStringLiteral("me"));
    }

    // A message without ConversationId is keyed by its row id, not its
    // ServerId: on SOGo Inbox and Sent Items both have a "5".
    void singletonRowsAreKeyedByRowId()
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

        ConversationListModel model(&store);
        Tester tester(&model, fatal);
        model.setFolder(sent);
        const QModelIndex five = model.indexForConversation({}, sentId);
        QVERIFY(five.isValid());
        QCOMPARE(five.data(SubjectRole).toString(), QStringLiteral("Sent five"));
        QCOMPARE(model.summary(five).headId, sentId);
        QVERIFY(!model.indexForConversation({}, inboxId).isValid()); // Inbox's "5" is not listed here
        model.setFolder(inbox);
        QCOMPARE(model.summary(model.indexForConversation({}, inboxId)).subject, QStringLiteral("Inbox five"));
        QVERIFY(!model.indexForConversation({}, sentId).isValid());
    }

    void sortsAndFiltersInSql()
    {
        Store store;
        openAccount(store);
        ConversationListModel model(&store);
        Tester tester(&model, fatal);
        model.setFolder(inbox);
        model.sort(ConversationListModel::FromColumn, Qt::AscendingOrder); // head senders
        QCOMPARE(keys(model), (QStringList{"T", "s1", "s2"}));           // carol, dave, erin
        model.sort(ConversationListModel::FromColumn, Qt::DescendingOrder);
        QCOMPARE(keys(model), (QStringList{"s2", "s1", "T"}));
        model.sort(ConversationListModel::SubjectColumn, Qt::AscendingOrder);
        QCOMPARE(keys(model), (QStringList{"s1", "s2", "T"}));
        model.sort(ConversationListModel::DateColumn, Qt::AscendingOrder);
        QCOMPARE(keys(model), (QStringList{"s1", "T", "s2"}));
        model.sort(ConversationListModel::DateColumn, Qt::DescendingOrder);

        model.setFilterText(QStringLiteral("BOB")); // any message of the thread, any case
        QCOMPARE(keys(model), QStringList{"T"});
        model.setFilterText(QStringLiteral("subject s"));
        QCOMPARE(keys(model), (QStringList{"s2", "s1"}));
        model.setFilterText(QStringLiteral("%"));
        QCOMPARE(model.rowCount(), 0);
        model.setFilterText({});
        QCOMPARE(model.rowCount(), 3);
    }

    void pagesOfAHundred()
    {
        Store store;
        openAccount(store);
        QList<Message> many;
        for (int i = 0; i < 250; ++i)
            many.append(mail(QStringLiteral("p%1").arg(i), 100 + i, QStringLiteral("x")));
        QVERIFY(add(store, projects, many));
        ConversationListModel model(&store);
        model.setFolder(projects);
        QCOMPARE(model.rowCount(), 100);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 200);
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 250);
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.index(249, 0).data(ServerIdRole).toString(), QStringLiteral("p0"));
        Tester tester(&model, fatal);
    }

    void walkAndCollectAgree()
    {
        // Over 2000 messages the store walks the date index instead of
        // collecting; both must give the same pages, in both orders, filtered.
        Store store;
        openAccount(store);
        QList<Message> many;
        for (int i = 0; i < 3000; ++i) {
            const QByteArray cid = i % 5 ? QByteArray::number(i / 3) : QByteArray();
            many.append(mail(QString::number(i), 100 + i, QStringLiteral("s%1").arg(i % 17), cid));
        }
        QVERIFY(add(store, inbox, many));
        for (const auto order : {Qt::DescendingOrder, Qt::AscendingOrder}) {
            for (const QString &filter : {QString(), QStringLiteral("s3")}) {
                ConversationQuery query;
                query.order = order;
                query.filterText = filter;
                const QList<ConversationSummary> all = store.conversationStore().conversations(inbox, query);
                query.offset = 40;
                query.limit = 100;
                QCOMPARE(store.conversationStore().conversations(inbox, query), all.mid(40, 100));
            }
        }
    }

    void firstPageOfAHundredThousandIsFast()
    {
        Store store;
        openAccount(store);
        for (int start = 0; start < 100000; start += 1000) {
            QList<Message> adds;
            for (int i = start; i < start + 1000; ++i) {
                const QByteArray cid = i % 10 ? QByteArray::number(i / 4).rightJustified(8, '0') : QByteArray();
                adds.append(mail(QString::number(i), i, QStringLiteral("s%1").arg(i % 50), cid));
            }
            QVERIFY(add(store, inbox, adds));
        }
        ConversationListModel model(&store);
        QElapsedTimer timer;
        timer.start();
        model.setFolder(inbox);
        for (int row = 0; row < model.rowCount(); ++row) {
            for (int column = 0; column < model.columnCount(); ++column)
                model.index(row, column).data();
        }
        const qint64 ms = timer.elapsed();
        qInfo("first page of a 100k-message folder: %lld ms", ms);
        QCOMPARE(model.rowCount(), 100);
        QVERIFY2(ms < 250, "the first page must not depend on the folder size");
        timer.restart();
        model.refresh();
        qInfo("refresh of the loaded page: %lld ms", timer.elapsed());
    }

    void refreshEmitsRowSignalsNeverAReset()
    {
        Store store;
        openAccount(store);
        ConversationListModel model(&store);
        Tester tester(&model, fatal);
        model.setFolder(inbox);
        const QModelIndex t = model.index(1, 0);
        if (model.canFetchMore(t))
            model.fetchMore(t);
        const QPersistentModelIndex thread = t, s1 = model.index(2, 0);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);

        model.refreshFolder(inbox);
        QCOMPARE(changed.size() + inserted.size() + removed.size() + moved.size(), 0);

        // One message read: its conversation row and its own row change.
        MessageChange read;
        read.serverId = QStringLiteral("t2");
        read.read = true;
        QVERIFY(change(store, inbox, read));
        model.refreshFolder(inbox);
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed[0][0].value<QModelIndex>(), QModelIndex(thread));
        QCOMPARE(thread.data(UnreadCountRole).toInt(), 2);
        QCOMPARE(changed[1][0].value<QModelIndex>().data(ServerIdRole).toString(), QStringLiteral("t2"));
        QCOMPARE(inserted.size() + removed.size() + moved.size(), 0);

        // A new conversation arrives on top: one inserted row.
        changed.clear();
        QVERIFY(add(store, inbox, {mail(QStringLiteral("n1"), 60, QStringLiteral("fred"))}));
        model.refreshFolder(inbox);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted[0][1].toInt(), 0);
        QCOMPARE(keys(model), (QStringList{"n1", "s2", "T", "s1"}));
        QCOMPARE(changed.size(), 0);

        // My reply in Sent Items: the thread moves to the top, keeps its
        // expansion, and the reply is inserted under t4.
        inserted.clear();
        const QByteArray t4Index = model.message(model.index(1, 0, model.index(0, 0, thread)))->conversationIndex;
        QVERIFY(add(store, sent, {mail(QStringLiteral("t5"), 70, QStringLiteral("me"), threadId, reply(t4Index, 70))}));
        model.refreshFolder(sent);
        QCOMPARE(moved.size(), 1);
        QCOMPARE(thread.row(), 0);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted[0][0].value<QModelIndex>().data(ServerIdRole).toString(), QStringLiteral("t4"));
        QCOMPARE(thread.data(MessageCountRole).toInt(), 5);

        // A deleted singleton: one removed row.
        SyncBatch gone;
        gone.folderId = inbox;
        gone.newSyncKey = QStringLiteral("d");
        gone.deletes = {QStringLiteral("s1")};
        QVERIFY(store.syncApplier().applySyncBatch(gone));
        model.refreshFolder(inbox);
        QCOMPARE(removed.size(), 1);
        QVERIFY(!s1.isValid());
        QCOMPARE(resets.size(), 0);
    }

    void fiveHundredMessageThreadExpandsAtOnce()
    {
        Store store;
        openAccount(store);
        QVERIFY(add(store, inbox, longThread("LONG", 500, 1000)));
        ConversationListModel model(&store);
        model.setFolder(inbox);
        const QModelIndex longRow = model.index(0, 0);
        QCOMPARE(longRow.data(MessageCountRole).toInt(), 500);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QElapsedTimer timer;
        timer.start();
        model.fetchMore(longRow);
        const qint64 ms = timer.elapsed();
        qInfo("expanding a 500-message conversation: %lld ms", ms);
        QCOMPARE(inserted.size(), 1); // one block, subtrees included
        QCOMPARE(countNodes(model, longRow), 500);
        QCOMPARE(maxDepth(model, longRow), 22); // see longThread()
        QVERIFY2(ms < 200, "one query and one tree build");
        Tester tester(&model, fatal);
    }
};

QTEST_GUILESS_MAIN(TestConversationListModel)
#include "tst_conversationlistmodel.moc"
