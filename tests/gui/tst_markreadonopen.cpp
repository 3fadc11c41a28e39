// Opening marks read, as in Outlook, Thunderbird and KMail: the real
// MainWindow on a fresh store per test. A conversation row the selection
// stays on marks its unread messages in the listed folder read (what Mark
// as Read does, journaled for the server); a reply-tree row marks only its
// message; leaving a row before the delay, or a delay of -1, marks nothing.

#include "GuiTestStore.h"
#include "GuiTestWindow.h"

#include "ActionTypes.h"
#include "ConversationActionsController.h"
#include "ConversationListPane.h"
#include "ConversationView.h"
#include "MainWindow.h"
#include "MarkReadWait.h"
#include "ModelRoles.h"
#include "ReadingPane.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace skein;
using namespace skein::ui;

namespace {

const QString delayKey = QStringLiteral("reading/markReadDelayMs");

} // namespace

class TestMarkReadOnOpen : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;

    // The window with the given mark-read delay in QSettings, as a user sets it.
    std::unique_ptr<MainWindow> makeWindow(int delayMs)
    {
        QSettings().setValue(delayKey, delayMs);
        return guitest::showMainWindow(*m_store);
    }

    static QModelIndex childRow(QTreeView *view, const QModelIndex &parent, const QString &serverId)
    {
        QAbstractItemModel *model = view->model();
        for (int row = 0; row < model->rowCount(parent); ++row) {
            const QModelIndex index = model->index(row, 0, parent);
            if (index.data(ServerIdRole).toString() == serverId)
                return index;
            if (const QModelIndex deeper = childRow(view, index, serverId); deeper.isValid())
                return deeper;
        }
        return {};
    }

    static void click(QTreeView *view, const QModelIndex &index)
    {
        view->scrollTo(index);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
    }

    bool isRead(const QString &folderId, const QString &serverId) const
    {
        const std::optional<Message> m = m_store->messageStore().message(folderId, serverId);
        return m && m->read;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Q_INIT_RESOURCE(resources); // the app's bundled fallback icons (skein::app)
        QVERIFY(m_dir.isValid());
        guitest::isolateSettings(m_dir, QStringLiteral("tst_markreadonopen"));
    }

    void init()
    {
        QSettings().clear();
        // A fresh mailbox per test: each one changes read states.
        m_store = std::make_unique<Store>();
        const QString file = m_dir.filePath(QStringLiteral("%1.sqlite").arg(QLatin1String(QTest::currentTestFunction())));
        QVERIFY2(m_store->open(file), qPrintable(m_store->lastError()));
        QVERIFY2(guitest::fillStore(*m_store), qPrintable(m_store->lastError()));
    }

    void cleanup()
    {
        m_store.reset();
    }

    void delayComesFromTheSettings()
    {
        QCOMPARE(makeWindow(250)->panes().list->markReadWait()->delay(), 250);
        QSettings().remove(delayKey);
        auto window = std::make_unique<MainWindow>(*m_store);
        QCOMPARE(window->panes().list->markReadWait()->delay(), 1500); // the default
        window->setMarkReadDelay(-7);
        QCOMPARE(window->panes().list->markReadWait()->delay(), -1); // any negative: never
    }

    void conversationRowMarksItsFolderMessagesReadAfterTheDelay()
    {
        auto window = makeWindow(50);
        QSignalSpy queued(window->panes().conversationActions, &skein::ui::ConversationActionsController::actionsQueued);
        QTreeView *view = window->panes().list->view();
        QVERIFY(!isRead(guitest::inbox, QStringLiteral("t3")));
        QVERIFY(!isRead(guitest::inbox, QStringLiteral("t5")));
        click(view, guitest::conversationRow(view, guitest::treeConversation));
        QTRY_VERIFY(isRead(guitest::inbox, QStringLiteral("t3")));
        QVERIFY(isRead(guitest::inbox, QStringLiteral("t5")));
        QTRY_COMPARE(guitest::conversationRow(view, guitest::treeConversation).data(UnreadCountRole).toInt(), 0);
        QCOMPARE(queued.size(), 1); // the engine is asked to send it

        // Journaled exactly as Mark as Read on the conversation: its Inbox messages.
        const QList<ActionEntry> entries = m_store->journalStore().actions(false);
        QCOMPARE(entries.size(), 1);
        const ActionEntry &entry = entries.first();
        QCOMPARE(entry.kind, ActionKind::MarkRead);
        QCOMPARE(entry.conversationId, guitest::treeConversation);
        QCOMPARE(entry.folderId, guitest::inbox);
        QStringList serverIds;
        for (const ActionItem &item : entry.items) {
            QCOMPARE(item.folderId, guitest::inbox);
            QCOMPARE(item.newRead, std::optional<bool>(true));
            serverIds.append(item.serverId);
        }
        serverIds.sort();
        QCOMPARE(serverIds, (QStringList{QStringLiteral("t1"), QStringLiteral("t3"), QStringLiteral("t5")}));
        QVERIFY(isRead(guitest::sent, QStringLiteral("t2"))); // untouched, other folder
        QVERIFY(!isRead(guitest::archive, QStringLiteral("l3"))); // other conversations stay as they were
    }

    void leavingARowBeforeTheDelayLeavesItUnread()
    {
        auto window = makeWindow(400);
        QTreeView *view = window->panes().list->view();
        click(view, guitest::conversationRow(view, guitest::treeConversation));
        click(view, guitest::conversationRow(view, guitest::htmlConversation));
        // The tree's wait began first: had it not been cancelled, it would
        // have marked the tree before the newsletter.
        QTRY_VERIFY(isRead(guitest::inbox, QStringLiteral("h1")));
        QVERIFY(!isRead(guitest::inbox, QStringLiteral("t3")));
        QVERIFY(!isRead(guitest::inbox, QStringLiteral("t5")));
        const QList<ActionEntry> entries = m_store->journalStore().actions(false);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().conversationId, guitest::htmlConversation);
    }

    void minusOneNeverMarks()
    {
        auto window = makeWindow(-1);
        QTreeView *view = window->panes().list->view();
        click(view, guitest::conversationRow(view, guitest::treeConversation));
        QCOMPARE(window->panes().reading->cards().size(), 4); // it is open
        QTest::qWait(300);
        QVERIFY(!isRead(guitest::inbox, QStringLiteral("t3")));
        QVERIFY(!isRead(guitest::inbox, QStringLiteral("t5")));
        QVERIFY(m_store->journalStore().actions(false).isEmpty());
    }

    void zeroMarksAtOnceAndAReadConversationJournalsNothing()
    {
        auto window = makeWindow(0);
        QTreeView *view = window->panes().list->view();
        click(view, guitest::conversationRow(view, guitest::plainConversation)); // all read
        click(view, guitest::conversationRow(view, guitest::htmlConversation));
        QTRY_VERIFY(isRead(guitest::inbox, QStringLiteral("h1")));
        QCOMPARE(m_store->journalStore().actions(false).size(), 1); // the newsletter only
    }

    void replyRowMarksOnlyThatMessage()
    {
        auto window = makeWindow(50);
        QTreeView *view = window->panes().list->view();
        const QPersistentModelIndex conversation = guitest::conversationRow(view, guitest::treeConversation);
        view->expand(conversation);
        const QModelIndex t5 = childRow(view, conversation, QStringLiteral("t5"));
        QVERIFY(t5.isValid());
        click(view, t5);
        QCOMPARE(view->currentIndex(), t5);
        QCOMPARE(window->panes().reading->cards().size(), 1);
        QTRY_VERIFY(isRead(guitest::inbox, QStringLiteral("t5")));
        QVERIFY(!isRead(guitest::inbox, QStringLiteral("t3")));

        const QList<ActionEntry> entries = m_store->journalStore().actions(false);
        QCOMPARE(entries.size(), 1);
        const ActionEntry &entry = entries.first();
        QCOMPARE(entry.kind, ActionKind::MarkRead);
        QCOMPARE(entry.folderId, guitest::inbox);
        QCOMPARE(entry.items.size(), 1);
        QCOMPARE(entry.items.first().serverId, QStringLiteral("t5"));
        QCOMPARE(entry.items.first().newRead, std::optional<bool>(true));

        // A read reply (t1) opened afterwards adds nothing to the journal.
        const QModelIndex t1 = childRow(view, conversation, QStringLiteral("t1"));
        QVERIFY(t1.isValid());
        view->setCurrentIndex(t1);
        QTest::qWait(150);
        QCOMPARE(m_store->journalStore().actions(false).size(), 1);
    }
};

QTEST_MAIN(TestMarkReadOnOpen)
#include "tst_markreadonopen.moc"
