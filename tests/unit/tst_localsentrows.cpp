// The sent message in the conversation (LocalSentRows.h): a reply in the
// outbox shows at once under its parent in ConversationModel and in the
// list (count included), says where it stands, and gives way to the
// server's copy from Sent Items, never both.
#include "ConversationListModel.h"
#include "ConversationModel.h"
#include "LocalSentRows.h"
#include "ModelTestData.h"
#include "OutboxTypes.h"

#include <QAbstractItemModelTester>

using namespace skein;
using namespace skein::testdata;

namespace {

constexpr auto fatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

// Children of the row showing messageId, as (id, folder name) pairs.
QList<QPair<qint64, QString>> childrenOf(const ConversationModel &model, qint64 messageId)
{
    QList<QPair<qint64, QString>> out;
    const QModelIndex parent = model.indexForMessage(messageId);
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex child = model.index(row, 0, parent);
        out.append({model.message(child)->id, child.data(FolderNameRole).toString()});
    }
    return out;
}

} // namespace

class TestLocalSentRows : public QObject
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

    static OutboxEntry replyTo(const Message &parent, const QString &clientId, OutboxKind kind = OutboxKind::Reply)
    {
        OutboxEntry e;
        e.kind = kind;
        e.clientId = clientId;
        e.subject = QStringLiteral("RE: ") + parent.subject;
        e.recipients = parent.from;
        e.created = at(200);
        e.sourceMessageId = kind == OutboxKind::Send ? 0 : parent.id;
        e.sourceFolderId = parent.folderId;
        e.sourceServerId = parent.serverId;
        e.mime = "Message-ID: <" + clientId.toLatin1() + "@x>\r\n\r\nhello";
        return e;
    }

private Q_SLOTS:
    void replyShowsAtOnceUnderItsParentThenGivesWay()
    {
        Store store;
        openAccount(store);
        const Message t2 = *store.messageStore().message(inbox, QStringLiteral("t2"));
        ConversationModel model(&store);
        QAbstractItemModelTester tester(&model, fatal);
        model.setListedFolder(inbox);
        model.setConversation(threadId);
        QCOMPARE(childrenOf(model, t2.id).size(), 1); // t3, the earlier reply

        OutboxEntry e = replyTo(t2, QStringLiteral("r1"));
        e.id = store.outboxStore().insertOutbox(e);
        QVERIFY(e.id);
        model.refresh();
        auto children = childrenOf(model, t2.id);
        QCOMPARE(children.size(), 2);
        QCOMPARE(children.last().first, -e.id);
        QCOMPARE(children.last().second, QStringLiteral("Sending\u2026"));
        const QModelIndex local = model.indexForMessage(-e.id);
        QCOMPARE(local.data(IsOtherFolderRole).toBool(), true);
        QCOMPARE(local.data(DepthRole).toInt(), 2);

        e.state = OutboxState::Failed;
        e.error = QStringLiteral("Mailbox full.");
        QVERIFY(store.outboxStore().updateOutboxState(e));
        model.refresh();
        QCOMPARE(childrenOf(model, t2.id).last().second, QStringLiteral("Not sent: Mailbox full."));

        e.state = OutboxState::Sent;
        e.error.clear();
        e.sent = at(201);
        QVERIFY(store.outboxStore().updateOutboxState(e));
        model.refresh();
        QCOMPARE(childrenOf(model, t2.id).last().second, QStringLiteral("Sent Items"));

        // The server's copy arrives in Sent Items with its own index.
        Message server = mail(QStringLiteral("s9"), 201, QStringLiteral("me"), threadId,
                              reply(t2.conversationIndex, 201));
        server.subject = e.subject;
        QVERIFY(add(store, sent, {server}));
        model.refresh(); // before the match is recorded: already only once
        children = childrenOf(model, t2.id);
        QCOMPARE(children.size(), 2);
        const qint64 serverId = store.messageStore().message(sent, QStringLiteral("s9"))->id;
        QCOMPARE(children.last().first, serverId);
        QCOMPARE(store.outboxStore().recordSentCopies(), 1);
        model.refresh();
        QCOMPARE(childrenOf(model, t2.id).size(), 2);
        QCOMPARE(model.messagesInDisplayOrder().size(), 5);
    }

    void listCountsTheReplyAndShowsItInTheThread()
    {
        Store store;
        openAccount(store);
        ConversationListModel list(&store);
        QAbstractItemModelTester tester(&list, fatal);
        list.setFolder(inbox);
        const QModelIndex row = list.indexForConversation(threadId);
        QCOMPARE(row.data(MessageCountRole).toInt(), 4);
        const Message t4 = *store.messageStore().message(inbox, QStringLiteral("t4"));
        QVERIFY(store.outboxStore().insertOutbox(replyTo(t4, QStringLiteral("r2"), OutboxKind::Forward)));
        list.refresh();
        QCOMPARE(list.indexForConversation(threadId).data(MessageCountRole).toInt(), 5);
        list.fetchMore(list.indexForConversation(threadId));
        QStringList labels;
        std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
            for (int r = 0; r < list.rowCount(parent); ++r) {
                const QModelIndex child = list.index(r, 0, parent);
                labels.append(child.data(FolderNameRole).toString());
                walk(child);
            }
        };
        walk(list.indexForConversation(threadId));
        QVERIFY2(labels.contains(QStringLiteral("Sending\u2026")), qPrintable(labels.join(',')));
    }

    void newMailShowsInTheOutboxOnly()
    {
        Store store;
        openAccount(store);
        const Message t2 = *store.messageStore().message(inbox, QStringLiteral("t2"));
        QVERIFY(store.outboxStore().insertOutbox(replyTo(t2, QStringLiteral("n1"), OutboxKind::Send)));
        QVERIFY(localSentEntries(store).isEmpty());
        ConversationModel model(&store);
        model.setConversation(threadId);
        QCOMPARE(model.messagesInDisplayOrder().size(), 4);
    }

    void sentWithoutACopyInSentItemsLeavesNoRow()
    {
        Store store;
        openAccount(store);
        const Message t2 = *store.messageStore().message(inbox, QStringLiteral("t2"));
        OutboxEntry e = replyTo(t2, QStringLiteral("n2"));
        e.saveInSentItems = false;
        e.state = OutboxState::Sent;
        QVERIFY(store.outboxStore().insertOutbox(e));
        QVERIFY(localSentEntries(store).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLocalSentRows)
#include "tst_localsentrows.moc"
