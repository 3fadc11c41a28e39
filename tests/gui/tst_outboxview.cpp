// The Outbox folder view (issue 11 part 3) in the real MainWindow, on a
// store filled directly: the local Outbox row and its count, a waiting
// message listed with its reason, Delete asks and removes, a message being
// sent refuses edit and delete, Open and Send Now reach the app; and a
// reply on its way shown in its conversation as "Sending…" (part 5).

#include "GuiTestStore.h"
#include "GuiTestWindow.h"

#include "CentrePages.h"
#include "ConversationListPane.h"
#include "ConversationView.h"
#include "FolderModel.h"
#include "FolderPane.h"
#include "MainWindow.h"
#include "OutboxListModel.h"
#include "OutboxView.h"
#include "ReadingPane.h"

#include <QAction>
#include <QLabel>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>
#include <QTreeView>

using namespace skein;
using namespace skein::ui;

class TestOutboxView : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Store m_store;
    int m_clients = 0;

    qint64 enqueue(OutboxState state, const QString &error, qint64 sourceId = 0)
    {
        OutboxEntry e;
        e.kind = sourceId ? OutboxKind::Reply : OutboxKind::Send;
        e.clientId = QStringLiteral("gui-%1").arg(++m_clients);
        e.subject = QStringLiteral("Lunch on Friday %1").arg(m_clients);
        e.recipients = QStringLiteral("alice@example.com, bob@example.com");
        e.mime = "Message-ID: <gui@x>\r\n\r\nhello";
        e.state = state;
        e.error = error;
        e.sourceMessageId = sourceId;
        return m_store.outboxStore().insertOutbox(e);
    }

    void clearOutbox()
    {
        for (const OutboxEntry &e : m_store.outboxStore().outbox(false)) {
            OutboxEntry w = e;
            w.state = OutboxState::Waiting;
            m_store.outboxStore().updateOutboxState(w);
            m_store.outboxStore().deleteOutbox(e.id);
        }
    }

    static void openOutbox(MainWindow &window)
    {
        window.outboxChanged(0);
        window.selectFolder(FolderModel::localOutboxId());
        QVERIFY(window.panes().pages->page() == skein::ui::CentrePages::Outbox);
        QVERIFY(window.panes().pages->outboxView()->isVisible());
    }

private Q_SLOTS:
    void initTestCase()
    {
        Q_INIT_RESOURCE(resources);
        QVERIFY(m_dir.isValid());
        guitest::isolateSettings(m_dir, QStringLiteral("tst_outboxview"));
        guitest::neverMarkReadOnOpen();
        QVERIFY2(m_store.open(m_dir.filePath(QStringLiteral("mail.sqlite"))), qPrintable(m_store.lastError()));
        QVERIFY2(guitest::fillStore(m_store), qPrintable(m_store.lastError()));
    }

    void init() { clearOutbox(); }

    void waitingMessageIsListedWithItsReason()
    {
        auto window = guitest::showMainWindow(m_store);
        QAbstractItemModel *folders = window->panes().folders->model();
        QVERIFY(folders->match(folders->index(0, 0), FolderIdRole, FolderModel::localOutboxId()).isEmpty());
        const qint64 id = enqueue(OutboxState::Waiting, QStringLiteral("The server could not be reached."));
        openOutbox(*window);
        const QModelIndex folderRow = window->panes().folders->currentIndex();
        QCOMPARE(folderRow.data(Qt::DisplayRole).toString(), QStringLiteral("Outbox"));
        QCOMPARE(folderRow.data(UnreadCountRole).toInt(), 1);
        auto *list = window->findChild<QTreeView *>(QStringLiteral("outboxList"));
        QVERIFY(list && list->isVisible());
        QCOMPARE(list->model()->rowCount(), 1);
        const auto cell = [&](int column) { return list->model()->index(0, column).data().toString(); };
        QCOMPARE(cell(OutboxListModel::SubjectColumn), QStringLiteral("Lunch on Friday %1").arg(m_clients));
        QCOMPARE(cell(OutboxListModel::RecipientsColumn), QStringLiteral("alice@example.com, bob@example.com"));
        QCOMPARE(cell(OutboxListModel::StateColumn), QStringLiteral("waiting to be sent"));
        QCOMPARE(cell(OutboxListModel::ReasonColumn), QStringLiteral("The server could not be reached."));
        QVERIFY(!cell(OutboxListModel::CreatedColumn).isEmpty());
        QCOMPARE(list->model()->index(0, 0).data(OutboxListModel::OutboxIdRole).toLongLong(), id);

        // Back to the Inbox: the conversation list again.
        window->selectFolder(guitest::inbox);
        QVERIFY(window->panes().pages->page() != skein::ui::CentrePages::Outbox);
        QCOMPARE(window->currentFolderId(), guitest::inbox);
    }

    void deleteAsksFirstThenRemoves()
    {
        auto window = guitest::showMainWindow(m_store);
        const qint64 id = enqueue(OutboxState::Failed, QStringLiteral("Mailbox full."));
        openOutbox(*window);
        OutboxView *view = window->panes().pages->outboxView();
        QStringList asked;
        bool answer = false;
        view->setConfirm([&](const QString &question) {
            asked.append(question);
            return answer;
        });
        view->selectEntry(id);
        auto *remove = window->findChild<QAction *>(QStringLiteral("outboxDeleteAction"));
        QVERIFY(remove && remove->isEnabled());
        remove->trigger();
        QCOMPARE(asked.size(), 1);
        QVERIFY(asked.first().contains(QStringLiteral("Lunch on Friday")));
        QVERIFY(m_store.outboxStore().outboxEntry(id)); // "no" keeps it
        answer = true;
        remove->trigger();
        QCOMPARE(asked.size(), 2);
        QVERIFY(!m_store.outboxStore().outboxEntry(id));
        QCOMPARE(view->model()->rowCount(), 0);
        auto *empty = window->findChild<QLabel *>(QStringLiteral("outboxEmptyLabel"));
        QVERIFY(empty && empty->isVisible());
        QCOMPARE(empty->text(), QStringLiteral("Nothing waiting to be sent."));
        QCOMPARE(window->panes().folders->currentIndex().data(UnreadCountRole).toInt(), 0);
        QVERIFY(window->panes().pages->page() == skein::ui::CentrePages::Outbox); // the row stays while the user looks at it
    }

    void messageBeingSentRefusesEditAndDelete()
    {
        auto window = guitest::showMainWindow(m_store);
        const qint64 id = enqueue(OutboxState::Sending, {});
        openOutbox(*window);
        OutboxView *view = window->panes().pages->outboxView();
        view->setConfirm([](const QString &) { return true; });
        view->selectEntry(id);
        QCOMPARE(view->list()->model()->index(0, OutboxListModel::StateColumn).data().toString(),
                 QStringLiteral("sending\u2026"));
        QSignalSpy edits(window->panes().pages->outboxView(), &OutboxView::editRequested);
        window->findChild<QAction *>(QStringLiteral("outboxOpenAction"))->trigger();
        QCOMPARE(edits.size(), 0);
        QVERIFY2(view->noticeText().contains(QStringLiteral("cannot be edited")), qPrintable(view->noticeText()));
        window->findChild<QAction *>(QStringLiteral("outboxDeleteAction"))->trigger();
        QVERIFY(m_store.outboxStore().outboxEntry(id));
        QVERIFY2(view->noticeText().contains(QStringLiteral("cannot be deleted")), qPrintable(view->noticeText()));
    }

    void openAndSendNowReachTheApp()
    {
        auto window = guitest::showMainWindow(m_store);
        const qint64 id = enqueue(OutboxState::Waiting, {});
        openOutbox(*window);
        OutboxView *view = window->panes().pages->outboxView();
        QSignalSpy edits(window->panes().pages->outboxView(), &OutboxView::editRequested);
        QSignalSpy sendNow(window->panes().pages->outboxView(), &OutboxView::sendNowRequested);
        view->selectEntry(id);
        view->list()->setFocus();
        QTest::keyClick(view->list(), Qt::Key_Return);
        QCOMPARE(edits.size(), 1);
        QCOMPARE(edits.first().first().toLongLong(), id);
        const QModelIndex row = view->list()->model()->index(0, 0);
        const QPoint centre = view->list()->visualRect(row).center();
        // An item view takes a double-click only on the index its press chose.
        QTest::mouseClick(view->list()->viewport(), Qt::LeftButton, {}, centre);
        QTest::mouseDClick(view->list()->viewport(), Qt::LeftButton, {}, centre);
        QCOMPARE(edits.size(), 2);
        window->findChild<QAction *>(QStringLiteral("outboxSendNowAction"))->trigger();
        QCOMPARE(sendNow.size(), 1);
    }

    void replyOnItsWayShowsInTheConversation()
    {
        auto window = guitest::showMainWindow(m_store);
        const Message t3 = *m_store.messageStore().message(guitest::inbox, QStringLiteral("t3"));
        enqueue(OutboxState::Waiting, {}, t3.id);
        window->outboxChanged(0);
        window->selectFolder(guitest::inbox);
        const QModelIndex row = guitest::conversationRow(window->panes().list->view(), guitest::treeConversation);
        QVERIFY(row.isValid());
        QCOMPARE(row.data(MessageCountRole).toInt(), 5);
        QSignalSpy bodies(window->panes().reading, &skein::ui::ReadingPane::bodyRequested);
        window->panes().list->view()->setCurrentIndex(row);
        const QString text = window->panes().reading->text();
        QVERIFY2(text.contains(QStringLiteral("Sending\u2026")), qPrintable(text));
        QCoreApplication::processEvents();
        for (const QList<QVariant> &asked : std::as_const(bodies))
            QVERIFY2(asked.first().toLongLong() > 0, "the local row is never asked of the server");
    }
};

QTEST_MAIN(TestOutboxView)
#include "tst_outboxview.moc"
