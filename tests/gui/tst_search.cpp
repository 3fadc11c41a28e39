// The search field of the main window (Ctrl+E): full-text search of every
// folder, the matching words in bold, an answer opened by Enter or a
// double-click in its folder with its conversation selected.
#include "ConversationListPane.h"
#include "ConversationView.h"
#include "GuiTestStore.h"
#include "GuiTestWindow.h"
#include "MainWindow.h"
#include "MessageCard.h"
#include "ReadingPane.h"
#include "SearchPane.h"
#include "SearchResultsView.h"

#include <QLineEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QtTest>

using namespace skein;
using namespace skein::ui;

class TestSearch : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Store m_store;

    static QByteArray current(MainWindow *window)
    {
        return window->panes().list->view()->currentIndex().data(ConversationIdRole).toByteArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        Q_INIT_RESOURCE(resources);
        QVERIFY(m_dir.isValid());
        guitest::isolateSettings(m_dir, QStringLiteral("tst_search"));
        guitest::neverMarkReadOnOpen();
        QVERIFY2(m_store.open(m_dir.filePath(QStringLiteral("mail.sqlite"))), qPrintable(m_store.lastError()));
        QVERIFY2(guitest::fillStore(m_store), qPrintable(m_store.lastError()));
    }

    void typingAWordOfABodyFindsItsConversation()
    {
        auto window = guitest::showMainWindow(m_store);
        window->selectFolder(guitest::sent); // the answer is in another folder
        QTest::keyClick(window.get(), Qt::Key_E, Qt::ControlModifier);
        QLineEdit *field = window->panes().search->field();
        QCOMPARE(field, window->findChild<QLineEdit *>(QStringLiteral("searchEdit")));
        QVERIFY(field->hasFocus());
        QVERIFY(!field->accessibleName().isEmpty());
        QVERIFY(!window->panes().search->isShown());
        // Only in the text of the long conversation's messages (past their preview).
        QTest::keyClicks(field, QStringLiteral("penalt"));
        SearchResultsView *results = window->panes().search->results();
        QTRY_VERIFY(window->panes().search->isShown());
        QVERIFY(!window->panes().list->view()->isVisible());
        QCOMPARE(results->topLevelItemCount(), 1);
        QCOMPARE(window->statusBar()->currentMessage(), QStringLiteral("1 conversation found."));
        QTreeWidgetItem *item = results->topLevelItem(0);
        QCOMPARE(item->data(0, SearchResultsView::ConversationIdRole).toByteArray(), guitest::longConversation);
        const QString html = item->data(0, SearchResultsView::HtmlRole).toString();
        QVERIFY2(html.contains(QStringLiteral("<b>penalties</b>")), qPrintable(html));
        QVERIFY2(item->text(0).contains(QStringLiteral("the penalties for late deliveries")), qPrintable(item->text(0)));

        const QString folder = item->data(0, SearchResultsView::FolderIdRole).toString();
        QVERIFY(!folder.isEmpty() && folder != guitest::sent);
        QTest::keyClick(field, Qt::Key_Return);
        QVERIFY(!window->panes().search->isShown());
        QVERIFY(window->panes().list->view()->isVisible());
        QVERIFY(field->text().isEmpty());
        QCOMPARE(window->currentFolderId(), folder);
        QCOMPARE(current(window.get()), guitest::longConversation);
    }

    void enterAndDoubleClickInTheListOpen()
    {
        auto window = guitest::showMainWindow(m_store);
        window->selectFolder(guitest::archive);
        QTest::keyClick(window.get(), Qt::Key_E, Qt::ControlModifier);
        // In two messages of one conversation: one answer.
        QTest::keyClicks(window->panes().search->field(), QStringLiteral("tuesday"));
        SearchResultsView *results = window->panes().search->results();
        QTRY_COMPARE(results->topLevelItemCount(), 1);
        QVERIFY(results->topLevelItem(0)->data(0, SearchResultsView::HtmlRole).toString()
                    .contains(QStringLiteral("<b>Tuesday</b>")));
        results->setFocus();
        QTest::keyClick(results, Qt::Key_Return);
        QTRY_COMPARE(current(window.get()), guitest::treeConversation);

        QTest::keyClicks(window->panes().search->field(), QStringLiteral("holiday photos"));
        QTRY_COMPARE(results->topLevelItemCount(), 1);
        QTreeWidgetItem *item = results->topLevelItem(0);
        QTRY_VERIFY(results->isVisible() && !results->visualItemRect(item).isEmpty());
        const QRect rect = results->visualItemRect(item);
        // QTest's double-click on a widget is the second click only: the first comes before it.
        QTest::mouseClick(results->viewport(), Qt::LeftButton, {}, rect.center());
        QVERIFY(window->panes().search->isShown()); // a single click only selects
        QTest::mouseDClick(results->viewport(), Qt::LeftButton, {}, rect.center());
        QTRY_COMPARE(current(window.get()), guitest::plainConversation);
        QVERIFY(!window->panes().search->isShown());
    }

    void nothingFoundAndEscape()
    {
        auto window = guitest::showMainWindow(m_store);
        QLineEdit *field = window->panes().search->field();
        field->setFocus();
        QTest::keyClicks(field, QStringLiteral("\"NEAR( zzzqqq"));
        QTRY_VERIFY(window->panes().search->isShown());
        QCOMPARE(window->panes().search->results()->topLevelItemCount(), 0);
        QCOMPARE(window->statusBar()->currentMessage(), QStringLiteral("No conversation has these words."));
        QTest::keyClick(field, Qt::Key_Escape);
        QVERIFY(field->text().isEmpty());
        QTRY_VERIFY(!window->panes().search->isShown());
        QVERIFY(window->panes().list->view()->isVisible());
    }

    // "Search the server too": the words go to the server (the app runs
    // SyncEngine::searchServer); what it finds beyond the local answers is
    // added, marked "on the server", and opens as the server described it.
    void searchTheServerToo()
    {
        auto window = guitest::showMainWindow(m_store);
        QLineEdit *field = window->panes().search->field();
        field->setFocus();
        QTest::keyClicks(field, QStringLiteral("penalt"));
        QTRY_VERIFY(window->panes().search->isShown());
        QPushButton *button = window->findChild<QPushButton *>(QStringLiteral("searchServerButton"));
        QVERIFY(button && button->isVisible());
        QVERIFY(!button->accessibleName().isEmpty());
        QSignalSpy asked(window->panes().search, &skein::ui::SearchPane::serverSearchRequested);
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().first().toString(), QStringLiteral("penalt"));
        QVERIFY(!button->isEnabled());

        Message old;
        old.folderId = guitest::archive;
        old.serverId = QStringLiteral("3:999");
        old.subject = QStringLiteral("Penalty clauses, 2019");
        old.from = QStringLiteral("Lena Fischer <lena@example.com>");
        old.dateReceived = QDateTime(QDate(2019, 5, 2), QTime(9, 0), Qt::UTC);
        old.preview = QStringLiteral("The penalties we agreed in 2019.");
        old.conversationId = "conv-2019";
        Message known = *m_store.messageStore().messagesInFolder(guitest::archive).constBegin(); // listed already
        known.conversationId = guitest::longConversation;
        window->panes().search->showServerResult(QStringLiteral("penalt"), {known, old}, {});
        SearchResultsView *results = window->panes().search->results();
        QCOMPARE(results->topLevelItemCount(), 2); // the local answer and the one from the server
        QTreeWidgetItem *fromServer = results->topLevelItem(1);
        QVERIFY(fromServer->data(0, SearchResultsView::HtmlRole).toString().contains(QStringLiteral("on the server")));
        QVERIFY(button->isEnabled());
        QCOMPARE(window->statusBar()->currentMessage(), QStringLiteral("The server found 1 more."));

        results->setCurrentItem(fromServer);
        results->openCurrent();
        QCOMPARE(window->panes().reading->cards().size(), 1);
        QCOMPARE(window->panes().reading->cards().first()->message().subject, QStringLiteral("Penalty clauses, 2019"));
        window->panes().reading->refresh(); // a sync: the message is not in the store, it stays shown
        QCOMPARE(window->panes().reading->cards().size(), 1);
    }
};

QTEST_MAIN(TestSearch)
#include "tst_search.moc"
