// The example of docs/testing.md, step by step as the guide tells it: open
// the demo mailbox, find the window's parts by object name, act with the
// keys and actions a user has, read the result in the conversation list,
// the status line and the pending-changes label.
#include "DesktopApp.h"
#include "MainWindow.h"
#include "ModelRoles.h"

#include <QAction>
#include <QLabel>
#include <QMainWindow>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

using skein::desktop::DesktopApp;
using skein::desktop::DesktopOptions;

class TestTestingGuide : public QObject
{
    Q_OBJECT

    QTemporaryDir m_profile;
    std::unique_ptr<DesktopApp> m_app;
    QMainWindow *m_window = nullptr;
    QTreeView *m_list = nullptr;

    // The list row of a conversation (an invalid index once it left the list).
    QModelIndex rowOf(const QByteArray &conversationId) const
    {
        QAbstractItemModel *model = m_list->model();
        const QModelIndexList found = model->match(model->index(0, 0), skein::ConversationIdRole,
                                                   conversationId, 1, Qt::MatchExactly);
        return found.value(0);
    }

private Q_SLOTS:
    // Step 1: the demo mailbox in a fresh profile, after its first sync.
    void initTestCase()
    {
        m_app = std::make_unique<DesktopApp>(DesktopOptions{m_profile.path(), true, {}});
        QSettings().setValue(QStringLiteral("reading/markReadDelayMs"), -1); // selecting marks nothing read
        QSignalSpy synced(m_app.get(), &DesktopApp::syncCompleted);
        m_app->start();
        QVERIFY(synced.wait(90000));
        QVERIFY(synced.first().first().toBool());
        m_window = m_app->mainWindow();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
    }

    void markReadFlagThenDelete()
    {
        // Step 2: find the conversation list by name, select a conversation
        // with unread mail, and give the list the focus (the keys act there).
        m_list = m_window->findChild<QTreeView *>(QStringLiteral("conversationView"));
        QVERIFY(m_list);
        QModelIndex unread;
        for (int row = 0; row < m_list->model()->rowCount() && !unread.isValid(); ++row)
            if (m_list->model()->index(row, 0).data(skein::UnreadCountRole).toInt() > 0)
                unread = m_list->model()->index(row, 0);
        QVERIFY(unread.isValid());
        const QByteArray id = unread.data(skein::ConversationIdRole).toByteArray();
        m_list->setCurrentIndex(unread);
        m_list->setFocus();

        // Step 3: Mark as Read by its key. The row changes at once; the
        // change waits in the journal until the server has it.
        QSignalSpy sent(m_app.get(), &DesktopApp::actionsReplayed);
        QTest::keyClick(m_list, Qt::Key_Q, Qt::ControlModifier);
        QCOMPARE(rowOf(id).data(skein::UnreadCountRole).toInt(), 0);
        auto *pending = m_window->findChild<QLabel *>(QStringLiteral("pendingChanges"));
        QCOMPARE(pending->text(), QStringLiteral("1 change waiting to be sent"));
        QVERIFY(sent.wait(60000));
        QTRY_VERIFY(pending->isHidden());

        // Step 4: Flag for Follow-Up through its action, found by name.
        m_window->findChild<QAction *>(QStringLiteral("actionFlag"))->trigger();
        QVERIFY(rowOf(id).data(skein::FlaggedRole).toBool());

        // Step 5: Delete by its key; the status line says what was done.
        QTest::keyClick(m_list, Qt::Key_Delete);
        QVERIFY(!rowOf(id).isValid());
        QVERIFY2(m_window->statusBar()->currentMessage().startsWith(QStringLiteral("Done: delete \u201c")),
                 qPrintable(m_window->statusBar()->currentMessage()));
    }

    void cleanupTestCase() { m_app.reset(); }
};

QTEST_MAIN(TestTestingGuide)
#include "tst_testingguide.moc"
