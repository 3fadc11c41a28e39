// The real MainWindow, offscreen, on a store filled directly (no server):
// folder and conversation selection, the reply tree, the reading pane,
// truncated bodies, blocked remote content, keyboard, filter, persistence.

#include "GuiTestStore.h"
#include "GuiTestWindow.h"

#include "Banner.h"
#include "BodyView.h"
#include "ConversationActionsController.h"
#include "ConversationListPane.h"
#include "ConversationView.h"
#include "FindResultsDialog.h"
#include "FolderPane.h"
#include "MainWindow.h"
#include "MessageCard.h"
#include "ModelRoles.h"
#include "ReadingPane.h"
#include "RemoteContentBar.h"
#include "SortHeader.h"
#include "StatusArea.h"
#include "SyncStatus.h"
#include "WindowActions.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>

using namespace skein;
using namespace skein::ui;

class TestMainWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Store m_store;

    std::unique_ptr<MainWindow> makeWindow() { return guitest::showMainWindow(m_store); }

    static void click(QTreeView *view, const QModelIndex &index)
    {
        view->scrollTo(index);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
    }

private Q_SLOTS:
    void initTestCase()
    {
        Q_INIT_RESOURCE(resources); // the app's bundled fallback icons (skein::app)
        QVERIFY(m_dir.isValid());
        guitest::isolateSettings(m_dir, QStringLiteral("tst_mainwindow"));
        QVERIFY2(m_store.open(m_dir.filePath(QStringLiteral("mail.sqlite"))), qPrintable(m_store.lastError()));
        QVERIFY2(guitest::fillStore(m_store), qPrintable(m_store.lastError()));
    }

    void init()
    {
        QSettings().clear();
        guitest::neverMarkReadOnOpen();
        // A header without flag or attachment once painted into a 0-wide
        // pixmap ("QPainter::begin: Paint device returned engine == 0").
        QTest::failOnWarning(QRegularExpression(QStringLiteral("QPainter|[Pp]aint device")));
    }

    void selectsFolderByClick()
    {
        auto window = makeWindow();
        QCOMPARE(window->currentFolderId(), guitest::inbox); // Inbox by default
        QTreeView *folders = window->panes().folders;
        QAbstractItemModel *model = folders->model();
        QModelIndex sentIndex;
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data(FolderIdRole).toString() == guitest::sent)
                sentIndex = model->index(row, 0);
        }
        QVERIFY(sentIndex.isValid());
        QCOMPARE(sentIndex.data().toString(), QStringLiteral("Sent Items"));
        click(folders, sentIndex);
        QCOMPARE(window->currentFolderId(), guitest::sent);
        QCOMPARE(window->panes().list->view()->model()->rowCount(), 1); // the tree, through my reply
        window->selectFolder(guitest::inbox);
        QCOMPARE(window->currentFolderId(), guitest::inbox);
        QCOMPARE(window->panes().list->view()->model()->rowCount(), 5);
    }

    void expandsReplyTree()
    {
        auto window = makeWindow();
        QTreeView *view = window->panes().list->view();
        const QModelIndex conversation = guitest::conversationRow(view, guitest::treeConversation);
        QVERIFY(conversation.isValid());
        QCOMPARE(conversation.data(MessageCountRole).toInt(), 4);
        QCOMPARE(conversation.data(UnreadCountRole).toInt(), 2);
        view->expand(conversation);
        QVERIFY(view->isExpanded(conversation));
        QAbstractItemModel *model = view->model();

        // t1 (root) -> t2 (my reply in Sent Items) -> t3; t5 has a gap above (t4 missing).
        QVERIFY(model->rowCount(conversation) >= 1);
        const QModelIndex t1 = model->index(0, 0, conversation);
        QCOMPARE(t1.data(ServerIdRole).toString(), QStringLiteral("t1"));
        QCOMPARE(t1.data(DepthRole).toInt(), 0);
        QVERIFY(!t1.data(IsOtherFolderRole).toBool());
        const QModelIndex t2 = model->index(0, 0, t1);
        QCOMPARE(t2.data(ServerIdRole).toString(), QStringLiteral("t2"));
        QCOMPARE(t2.data(DepthRole).toInt(), 1);
        QVERIFY(t2.data(IsOtherFolderRole).toBool());
        QCOMPARE(t2.data(FolderNameRole).toString(), QStringLiteral("Sent Items"));
        const QModelIndex t3 = model->index(0, 0, t2);
        QCOMPARE(t3.data(ServerIdRole).toString(), QStringLiteral("t3"));
        QCOMPARE(t3.data(DepthRole).toInt(), 2);
        QModelIndex t5;
        for (int row = 0; row < model->rowCount(t1); ++row) {
            if (model->index(row, 0, t1).data(ServerIdRole).toString() == QLatin1String("t5"))
                t5 = model->index(row, 0, t1);
        }
        QVERIFY(t5.isValid());
        QVERIFY(t5.data(GapAboveRole).toBool());
        QVERIFY(window->panes().list->expandFirstMultiMessageConversation());
    }

    void showsSelectedMessageAndConversation()
    {
        auto window = makeWindow();
        QTreeView *view = window->panes().list->view();
        const QModelIndex conversation = guitest::conversationRow(view, guitest::treeConversation);
        click(view, conversation);
        ReadingPane *pane = window->panes().reading;
        QCOMPARE(pane->cards().size(), 4);
        // Oldest first; read ones collapsed, unread ones open.
        QCOMPARE(pane->cards().at(0)->message().serverId, QStringLiteral("t1"));
        QVERIFY(!pane->cards().at(0)->isExpanded());
        const MessageCard *bob = pane->cards().at(2);
        QCOMPARE(bob->message().serverId, QStringLiteral("t3"));
        QVERIFY(bob->isExpanded());
        QVERIFY(pane->text().contains(QStringLiteral("Tuesday at ten then")));

        view->expand(conversation);
        const QModelIndex t1 = view->model()->index(0, 0, conversation);
        const QModelIndex t2 = view->model()->index(0, 0, t1);
        click(view, t2);
        QCOMPARE(pane->cards().size(), 1);
        const QString text = pane->text();
        QVERIFY2(text.contains(QStringLiteral("Tuesday works for me.")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("From: Me Myself <me@example.com>")));
        QVERIFY(text.contains(QStringLiteral("Folder: Sent Items")));
        QVERIFY(text.contains(QStringLiteral("Subject: RE: Budget planning")));
    }

    void plainTextLinksAreClickable()
    {
        auto window = makeWindow();
        QTreeView *view = window->panes().list->view();
        click(view, guitest::conversationRow(view, guitest::plainConversation));
        ReadingPane *pane = window->panes().reading;
        QCOMPARE(pane->cards().size(), 2);
        MessageCard *first = pane->cards().at(0);
        first->setExpanded(true);
        const QString html = first->bodyView()->toHtml();
        QVERIFY2(html.contains(QStringLiteral("href=\"https://photos.example/album?id=1&amp;x=2\"")), qPrintable(html));
    }

    void truncatedBodyIsFetchedOnce()
    {
        auto window = makeWindow();
        QSignalSpy requested(window->panes().reading, &ReadingPane::bodyRequested);
        QTreeView *view = window->panes().list->view();
        const QModelIndex row = guitest::conversationRow(view, guitest::truncatedConversation);
        click(view, row);
        QCOMPARE(requested.count(), 1);
        const qint64 big1 = m_store.messageStore().message(guitest::inbox, QStringLiteral("big1"))->id;
        QCOMPARE(requested.at(0).at(0).toLongLong(), big1);
        ReadingPane *pane = window->panes().reading;
        QCOMPARE(pane->cards().size(), 1);
        QCOMPARE(pane->cards().at(0)->bodyState(), MessageCard::BodyState::Loading);
        QVERIFY(pane->text().contains(QStringLiteral("Loading the full message")));

        // Away and back while the fetch runs: no second request.
        click(view, guitest::conversationRow(view, guitest::plainConversation));
        click(view, guitest::conversationRow(view, guitest::truncatedConversation));
        QCOMPARE(requested.count(), 1);

        // A failure shows in place; Retry asks again.
        window->panes().reading->bodyFetched(big1, QStringLiteral("Server unavailable (503)"));
        QCOMPARE(pane->cards().at(0)->bodyState(), MessageCard::BodyState::Failed);
        QVERIFY(pane->text().contains(QStringLiteral("Server unavailable (503)")));
        QTest::mouseClick(pane->cards().at(0)->retryButton(), Qt::LeftButton);
        QCOMPARE(requested.count(), 2);
        QCOMPARE(pane->cards().at(0)->bodyState(), MessageCard::BodyState::Loading);

        QVERIFY(m_store.messageStore().setBody(big1, BodyType::PlainText, guitest::truncatedBodyFull.toUtf8(),
                                false, guitest::truncatedBodyFull.size()));
        window->panes().reading->bodyFetched(big1, {});
        QCOMPARE(pane->cards().at(0)->bodyState(), MessageCard::BodyState::Shown);
        QVERIFY2(pane->text().contains(QStringLiteral("Second paragraph with all the numbers.")),
                 qPrintable(pane->text()));
        QCOMPARE(requested.count(), 2);
    }

    void remoteContentIsBlocked()
    {
        auto window = makeWindow();
        QTreeView *view = window->panes().list->view();
        click(view, guitest::conversationRow(view, guitest::htmlConversation));
        ReadingPane *pane = window->panes().reading;
        QSignalSpy remote(pane, &ReadingPane::remoteContentRequested);
        QCOMPARE(pane->cards().size(), 1);
        MessageCard *card = pane->cards().at(0);
        BodyView *body = card->bodyView();
        QCOMPARE(body->blockedUrls(), QList<QUrl>{QUrl(QStringLiteral("http://example.invalid/x.png"))});
        QVERIFY(card->remoteContentBar()->isVisible());
        QVERIFY(body->toHtml().contains(QStringLiteral("https://shop.example/offers")));
        QVERIFY(!body->toPlainText().contains(QStringLiteral("alert")));
        QTest::qWait(50);
        QCOMPARE(remote.count(), 0); // nothing went to the network

        QTest::mouseClick(card->remoteContentBar()->showOnceButton(), Qt::LeftButton);
        QVERIFY(!card->remoteContentBar()->isVisible());
        QTRY_COMPARE(remote.count(), 1);
        QCOMPARE(remote.at(0).at(0).toUrl(), QUrl(QStringLiteral("http://example.invalid/x.png")));
        QVERIFY(ReadingPane::allowedSenders().isEmpty()); // only this message

        // Showing it again blocks again; "Always for" remembers the sender.
        click(view, guitest::conversationRow(view, guitest::plainConversation));
        click(view, guitest::conversationRow(view, guitest::htmlConversation));
        card = pane->cards().at(0);
        QVERIFY(card->remoteContentBar()->isVisible());
        QVERIFY(card->remoteContentBar()->alwaysButton()->text().contains(QStringLiteral("news@shop.example")));
        QTest::mouseClick(card->remoteContentBar()->alwaysButton(), Qt::LeftButton);
        QCOMPARE(ReadingPane::allowedSenders(), QStringList{QStringLiteral("news@shop.example")});
        click(view, guitest::conversationRow(view, guitest::plainConversation));
        click(view, guitest::conversationRow(view, guitest::htmlConversation));
        QVERIFY(!pane->cards().at(0)->remoteContentBar()->isVisible());
        QVERIFY(pane->cards().at(0)->bodyView()->blockedUrls().isEmpty());
    }

    void keyboardNavigation()
    {
        auto window = makeWindow();
        QTreeView *view = window->panes().list->view();
        view->setFocus();
        view->setCurrentIndex(view->model()->index(0, 0));
        QTest::keyClick(view, Qt::Key_Down);
        QCOMPARE(view->currentIndex().row(), 1);
        const QModelIndex tree = guitest::conversationRow(view, guitest::treeConversation);
        view->setCurrentIndex(tree);
        QTest::keyClick(view, Qt::Key_Right);
        QVERIFY(view->isExpanded(tree));
        QTest::keyClick(view, Qt::Key_Left);
        QVERIFY(!view->isExpanded(tree));
        QTest::keyClick(view, Qt::Key_Return);
        QVERIFY(window->panes().reading->isAncestorOf(window->focusWidget()));

        // Space at the end of a short conversation goes to the next unread one.
        view->setFocus();
        view->setCurrentIndex(view->model()->index(0, 0));
        const QModelIndex before = view->currentIndex();
        for (int i = 0; i < 10 && view->currentIndex() == before; ++i)
            QTest::keyClick(view, Qt::Key_Space);
        QVERIFY(view->currentIndex() != before);
        QVERIFY(view->currentIndex().data(UnreadCountRole).toInt() > 0);
    }

    void filterNarrowsRows()
    {
        auto window = makeWindow();
        QTreeView *view = window->panes().list->view();
        QCOMPARE(view->model()->rowCount(), 5);
        QTest::keyClick(window.get(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(window->findChild<QLineEdit *>(QStringLiteral("filterEdit"))->hasFocus());
        QCOMPARE(window->findChild<QLineEdit *>(QStringLiteral("filterEdit"))->placeholderText(), QStringLiteral("Filter by subject or sender"));
        QTest::keyClicks(window->findChild<QLineEdit *>(QStringLiteral("filterEdit")), QStringLiteral("budget"));
        QTRY_COMPARE(view->model()->rowCount(), 1);
        QCOMPARE(view->model()->index(0, 0).data(ConversationIdRole).toByteArray(), guitest::treeConversation);
        window->findChild<QLineEdit *>(QStringLiteral("filterEdit"))->clear();
        QTRY_COMPARE(view->model()->rowCount(), 5);
    }

    void sortsByHeader()
    {
        auto window = makeWindow();
        QTreeView *view = window->panes().list->view();
        auto first = [view] { return view->model()->index(0, 0).data(SubjectRole).toString(); };
        SortHeader *header = window->findChild<SortHeader *>(QStringLiteral("sortHeader"));
        QCOMPARE(header, window->findChild<QWidget *>(QStringLiteral("sortHeader")));
        QToolButton *date = header->button(SortHeader::Date);
        QToolButton *subject = header->button(SortHeader::Subject);
        // Newest first by default: the truncated report came last, and the
        // arrow says descending (it used to show ▲).
        QCOMPARE(first(), QStringLiteral("Quarterly report"));
        QCOMPARE(date->text(), QStringLiteral("Date \u25BC"));
        QCOMPARE(subject->text(), QStringLiteral("Subject"));
        QTest::mouseClick(subject, Qt::LeftButton);
        QCOMPARE(first(), QStringLiteral("No conversation id")); // A to Z
        QCOMPARE(subject->text(), QStringLiteral("Subject \u25B2"));
        QCOMPARE(date->text(), QStringLiteral("Date"));
        QTest::mouseClick(subject, Qt::LeftButton);
        QCOMPARE(first(), QStringLiteral("Spring offers")); // Z to A
        QCOMPARE(subject->text(), QStringLiteral("Subject \u25BC"));
        QTest::mouseClick(date, Qt::LeftButton);
        QCOMPARE(first(), QStringLiteral("Quarterly report"));
        QCOMPARE(date->text(), QStringLiteral("Date \u25BC"));
        QTest::mouseClick(date, Qt::LeftButton); // oldest first
        QCOMPARE(date->text(), QStringLiteral("Date \u25B2"));
        QCOMPARE(first(), QStringLiteral("No conversation id")); // 80 hours ago, the oldest
        // A sort bar, not a row of columns: one line, small.
        QVERIFY(header->height() <= 2 * header->fontMetrics().height());
    }

    void statusAndBanner()
    {
        auto window = makeWindow();
        QSignalSpy syncs(window->panes().actions->action(WindowActions::Sync), &QAction::triggered);
        QTest::keyClick(window.get(), Qt::Key_F5);
        QCOMPARE(syncs.count(), 1);
        window->panes().status->syncStarted();
        window->panes().status->syncProgress(QStringLiteral("Inbox"), 340);
        QCOMPARE(window->panes().status->syncStatus()->stateText(), QStringLiteral("Syncing Inbox\u2026 340 messages"));
        window->panes().status->syncFinished(false, QStringLiteral("The server did not answer."), {});
        QVERIFY(window->panes().banner->isVisible());
        QCOMPARE(window->panes().banner->message(), QStringLiteral("The server did not answer."));
        QVERIFY(!window->panes().banner->whatToDo().isEmpty());
        window->panes().status->syncFinished(true, {}, {});
        QVERIFY(window->panes().status->syncStatus()->lastSyncText().startsWith(QStringLiteral("Last sync")));
        QVERIFY(!window->panes().banner->isVisible());
        window->panes().status->setAccountLabel(QStringLiteral("demo@127.0.0.1 (ActiveSync 16.1)"));
    }

    // The red "Could not reach the server" bar used to stay after the next
    // sync had succeeded.
    void syncBannerClearsWhenTheNextSyncSucceeds()
    {
        auto window = makeWindow();
        Banner *banner = window->findChild<Banner *>(QStringLiteral("errorBanner"));
        QVERIFY(banner);
        window->panes().status->syncStarted();
        window->panes().status->syncFinished(false, QStringLiteral("Could not reach the server: Connection refused"), {});
        QVERIFY(banner->isVisible());
        window->panes().status->syncStarted();
        window->panes().status->syncFinished(true, QStringLiteral("Synced: no new mail."), {});
        QVERIFY(!banner->isVisible());

        // A folder that failed is reported until a sync gets it too.
        window->panes().status->syncFinished(true, {}, {QStringLiteral("Archive: Server error")});
        QVERIFY(banner->isVisible());
        QVERIFY(banner->message().contains(QStringLiteral("Archive: Server error")));
        window->panes().status->syncFinished(true, {}, {});
        QVERIFY(!banner->isVisible());

        // Anything else is not the sync's to take back.
        window->showBanner(QStringLiteral("Skein could not move \u201cBudget\u201d."), QStringLiteral("Try again."));
        window->panes().status->syncFinished(true, {}, {});
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->message(), QStringLiteral("Skein could not move \u201cBudget\u201d."));
    }

    // A result of Find in All Folders could not be opened: a double-click
    // or Enter did nothing.
    void findResultOpensOnDoubleClickAndEnter()
    {
        auto window = makeWindow();
        QTreeView *view = window->panes().list->view();
        QSignalSpy find(window->panes().conversationActions, &ConversationActionsController::findRequested);
        click(view, guitest::conversationRow(view, guitest::plainConversation));
        click(view, guitest::conversationRow(view, guitest::treeConversation));
        window->panes().conversationActions->action(ConversationActionsController::Find)->trigger();
        QCOMPARE(find.count(), 1);
        // What the server's Search answers: every message, with its folder.
        window->panes().conversationActions->showFindResult(guitest::treeConversation, true, {},
                               m_store.messageStore().conversationMessages(guitest::treeConversation));
        auto *dialog = window->findChild<FindResultsDialog *>(QStringLiteral("findResultsDialog"));
        QVERIFY(dialog && dialog->isVisible());
        auto *list = dialog->findChild<QTreeWidget *>(QStringLiteral("findResultsList"));
        QTreeWidgetItem *inSent = nullptr;
        QTreeWidgetItem *inInbox = nullptr;
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = list->topLevelItem(i);
            (item->text(FindResultsDialog::FolderColumn) == QLatin1String("Sent Items") ? inSent : inInbox) = item;
        }
        QVERIFY(inSent && inInbox);

        // QTest's double-click on a widget is the second click only: the first comes before it.
        const QPoint sentRow = list->visualItemRect(inSent).center();
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, sentRow);
        QCOMPARE(window->currentFolderId(), guitest::inbox); // a single click only selects
        QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, sentRow);
        QCOMPARE(window->currentFolderId(), guitest::sent);
        QCOMPARE(view->currentIndex().data(ConversationIdRole).toByteArray(), guitest::treeConversation);
        QCOMPARE(window->panes().reading->cards().size(), 4); // the whole conversation, as from the list

        list->setFocus();
        list->setCurrentItem(inInbox);
        QTest::keyClick(list, Qt::Key_Return);
        QCOMPARE(window->currentFolderId(), guitest::inbox);
        QCOMPARE(view->currentIndex().data(ConversationIdRole).toByteArray(), guitest::treeConversation);
        QVERIFY(dialog->isVisible()); // open for the next one
        dialog->close();
    }

    void splitterStatePersists()
    {
        QList<int> sizes;
        {
            auto window = makeWindow();
            window->panes().splitter->setSizes({150, 380, 700});
            sizes = window->panes().splitter->sizes();
            window->close();
        }
        auto again = makeWindow();
        QCOMPARE(again->panes().splitter->sizes(), sizes);
    }

    void everyControlHasAnAccessibleName()
    {
        auto window = makeWindow();
        const auto widgets = window->findChildren<QWidget *>();
        for (QWidget *w : widgets) {
            if (!w->isVisible() || w->focusPolicy() == Qt::NoFocus)
                continue;
            if (qobject_cast<QAbstractButton *>(w) && !static_cast<QAbstractButton *>(w)->text().isEmpty())
                continue;
            QVERIFY2(!w->accessibleName().isEmpty(), w->metaObject()->className());
        }
    }

    void screenshot()
    {
        auto window = makeWindow();
        QVERIFY(window->panes().list->expandFirstMultiMessageConversation());
        QTest::qWait(50);
        const QImage image = window->grab().toImage();
        QVERIFY(image.save(QStringLiteral("/tmp/skein-mainwindow-test.png")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
