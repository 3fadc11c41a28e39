// Undo from the real window: Ctrl+Z on the conversation list and the status
// line's "Undo" link take back the last conversation action. One still in
// the journal is cancelled (nothing reaches the server); one the server has
// done is taken back by its inverse, journaled and sent like any action.
// Leaves /tmp/skein-undo-link.png to look at.
#include "GuiTestStore.h"
#include "GuiTestWindow.h"

#include "ActionJournal.h"
#include "ConversationActionsController.h"
#include "ConversationListPane.h"
#include "ConversationView.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QStatusBar>
#include <QTest>

using namespace skein;
using namespace skein::ui;
using C = ConversationActionsController;

class TestUndo : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;

    void select(MainWindow &window, const QByteArray &conversationId)
    {
        window.selectFolder(guitest::inbox);
        QTreeView *view = window.panes().list->view();
        const QModelIndex row = guitest::conversationRow(view, conversationId);
        QVERIFY(row.isValid());
        view->setCurrentIndex(row);
        view->setFocus();
    }

    int unreadIn(const QByteArray &conversationId) const
    {
        int unread = 0;
        for (const Message &m : m_store->messageStore().conversationMessages(conversationId))
            unread += m.folderId == guitest::inbox && !m.read;
        return unread;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        guitest::isolateSettings(m_dir, QStringLiteral("tst_undo"));
    }

    void init()
    {
        QSettings().clear();
        guitest::neverMarkReadOnOpen();
        m_store = std::make_unique<Store>();
        QVERIFY(m_store->open(m_dir.filePath(QLatin1String(QTest::currentTestFunction()) + QStringLiteral(".sqlite"))));
        QVERIFY2(guitest::fillStore(*m_store), qPrintable(m_store->lastError()));
    }

    void ctrlZTakesBackADeleteStillInTheJournal()
    {
        auto window = guitest::showMainWindow(*m_store);
        QAction *undo = window->findChild<QAction *>(QStringLiteral("actionUndo"));
        QVERIFY(undo);
        QVERIFY(!undo->isEnabled());
        auto *edit = window->findChild<QMenu *>(QStringLiteral("editMenu"));
        QCOMPARE(edit->actions().value(0), undo);

        select(*window, guitest::treeConversation);
        QTest::keyClick(window->panes().list->view(), Qt::Key_Delete);
        QVERIFY(!guitest::conversationRow(window->panes().list->view(), guitest::treeConversation).isValid());
        QVERIFY(undo->isEnabled());
        QCOMPARE(undo->text(), QStringLiteral("&Undo delete \u201cBudget planning\u201d"));
        auto *link = window->findChild<QLabel *>(QStringLiteral("undoLink"));
        QVERIFY(link && link->isVisible());
        window->grab().save(QStringLiteral("/tmp/skein-undo-link.png")); // for a person to look at

        QTest::keyClick(window->panes().list->view(), Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(guitest::conversationRow(window->panes().list->view(), guitest::treeConversation).isValid());
        QCOMPARE(m_store->journalStore().actions(true).size(), 0); // nothing left to send
        const QList<ActionEntry> all = m_store->journalStore().actions(false);
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.at(0).error, ActionJournal::cancelledText());
        QVERIFY2(window->statusBar()->currentMessage().startsWith(QStringLiteral("Undone: delete")),
                 qPrintable(window->statusBar()->currentMessage()));
        QVERIFY(!undo->isEnabled());
        QVERIFY(!link->isVisible());
    }

    void theUndoLinkSendsTheInverseOfADoneAction()
    {
        auto window = guitest::showMainWindow(*m_store);
        select(*window, guitest::treeConversation);
        const int unreadBefore = unreadIn(guitest::treeConversation);
        QVERIFY(unreadBefore > 0);
        QTest::keyClick(window->panes().list->view(), Qt::Key_Q, Qt::ControlModifier); // Mark as Read
        QCOMPARE(unreadIn(guitest::treeConversation), 0);
        // The engine sent it and the server agreed.
        ActionJournal journal(*m_store);
        const ActionEntry sent = m_store->journalStore().actions(true).value(0);
        QVERIFY(journal.markSending({sent.id}));
        QVERIFY(journal.markDone(*journal.entry(sent.id)));

        auto *link = window->findChild<QLabel *>(QStringLiteral("undoLink"));
        QVERIFY(link->isVisible());
        QCOMPARE(link->accessibleName(), QStringLiteral("Undo mark \u201cBudget planning\u201d as read"));
        Q_EMIT link->linkActivated(QStringLiteral("undo"));
        QCOMPARE(unreadIn(guitest::treeConversation), unreadBefore);
        const QList<ActionEntry> waiting = m_store->journalStore().actions(true);
        QCOMPARE(waiting.size(), 1);
        QCOMPARE(waiting.at(0).kind, ActionKind::MarkUnread);
        QVERIFY(!link->isVisible());
    }

    void ctrlZInTheFilterFieldUndoesTyping()
    {
        auto window = guitest::showMainWindow(*m_store);
        select(*window, guitest::treeConversation);
        QTest::keyClick(window->panes().list->view(), Qt::Key_Delete);
        auto *filter = window->findChild<QLineEdit *>(QStringLiteral("filterEdit"));
        filter->setFocus();
        QTest::keyClicks(filter, QStringLiteral("ab"));
        QTest::keyClick(filter, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(m_store->journalStore().actions(true).size(), 1); // the delete still waits: the field took Ctrl+Z
        QVERIFY(filter->text() != QStringLiteral("ab"));
    }
};

QTEST_MAIN(TestUndo)
#include "tst_undo.moc"
