// The window's layout, offscreen: message cards always fit the reading
// pane (long names and previews elide, bodies wrap, the date stays whole)
// at any splitter position, headers show names without wire quoting, no
// painter warnings. Also leaves screenshots in /tmp to look at.

#include "GuiTestStore.h"
#include "GuiTestWindow.h"

#include "BodyView.h"
#include "ConversationListPane.h"
#include "ConversationView.h"
#include "MailFormat.h"
#include "MainWindow.h"
#include "MessageCard.h"
#include "MessageHeader.h"
#include "ModelRoles.h"
#include "ReadingPane.h"

#include <QApplication>
#include <QLabel>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace skein;
using namespace skein::ui;

class TestReadingLayout : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Store m_store;

    std::unique_ptr<MainWindow> makeWindow(const QSize &size)
    {
        auto window = std::make_unique<MainWindow>(m_store);
        window->resize(size);
        window->show();
        window->activateWindow();
        if (!QTest::qWaitForWindowExposed(window.get()))
            qWarning("window not exposed");
        return window;
    }

    static void select(MainWindow &window, const QString &folder, const QByteArray &conversationId)
    {
        window.selectFolder(folder);
        QTreeView *view = window.panes().list->view();
        const QModelIndex row = guitest::conversationRow(view, conversationId);
        QVERIFY(row.isValid());
        view->setCurrentIndex(row);
        QTest::qWait(50); // layouts settle, bodies fit their height
    }

    static void save(QWidget &window, const QString &path)
    {
        QVERIFY2(window.grab().toImage().save(path), qPrintable(path));
    }

    // Every card lies inside the viewport horizontally and shows its whole date.
    static void verifyCardsFit(ReadingPane *pane, const QString &where)
    {
        auto *scroll = pane->findChild<QScrollArea *>();
        QVERIFY(scroll);
        QWidget *viewport = scroll->viewport();
        const int width = viewport->width();
        QVERIFY2(scroll->widget()->width() <= width, qPrintable(where));
        QVERIFY(!pane->cards().isEmpty());
        for (MessageCard *card : pane->cards()) {
            const QString what = where + QLatin1Char(' ') + card->message().serverId;
            const QRect cardRect(card->mapTo(viewport, QPoint(0, 0)), card->size());
            QVERIFY2(cardRect.left() >= 0 && cardRect.right() < width,
                     qPrintable(QStringLiteral("%1: card %2..%3, viewport %4")
                                    .arg(what).arg(cardRect.left()).arg(cardRect.right()).arg(width)));
            QLabel *date = card->header()->dateLabel();
            QVERIFY2(date->isVisible(), qPrintable(what));
            const QRect dateRect(date->mapTo(card, QPoint(0, 0)), date->size());
            QVERIFY2(dateRect.left() >= 0 && dateRect.right() < card->width(), qPrintable(what));
            QVERIFY2(date->width() >= date->sizeHint().width(), qPrintable(what + QStringLiteral(": date clipped")));
            // Wrapped address rows get the height they need (not cut off at the bottom).
            MessageHeader *header = card->header();
            QVERIFY2(header->height() >= header->heightForWidth(header->width()),
                     qPrintable(QStringLiteral("%1: header %2 high, needs %3")
                                    .arg(what).arg(header->height()).arg(header->heightForWidth(header->width()))));
            if (card->isExpanded()) // normal mail wraps: no sideways scrolling
                QVERIFY2(!card->bodyView()->horizontalScrollBar()->isVisible(), qPrintable(what));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        Q_INIT_RESOURCE(resources); // the app's bundled fallback icons (skein::app)
        QVERIFY(m_dir.isValid());
        guitest::isolateSettings(m_dir, QStringLiteral("tst_readinglayout"));
        QVERIFY2(m_store.open(m_dir.filePath(QStringLiteral("mail.sqlite"))), qPrintable(m_store.lastError()));
        QVERIFY2(guitest::fillStore(m_store), qPrintable(m_store.lastError()));
    }

    void init()
    {
        QSettings().clear();
        guitest::neverMarkReadOnOpen();
        // MessageHeader painted into a 0-wide pixmap for a message without
        // flag or attachment: "QPainter::begin: Paint device returned engine == 0".
        QTest::failOnWarning(QRegularExpression(QStringLiteral("QPainter|[Pp]aint device")));
    }

    void conversationCardsFitThePane_data()
    {
        QTest::addColumn<QList<int>>("sizes");
        QTest::newRow("narrow pane") << QList<int>{150, 520, 330};
        QTest::newRow("default") << QList<int>{180, 330, 490};
        QTest::newRow("very narrow pane") << QList<int>{150, 600, 250};
    }

    void conversationCardsFitThePane()
    {
        QFETCH(QList<int>, sizes);
        auto window = makeWindow({1000, 700});
        window->panes().splitter->setSizes(sizes);
        select(*window, guitest::archive, guitest::longConversation);
        ReadingPane *pane = window->panes().reading;
        QCOMPARE(pane->cards().size(), 3);
        QVERIFY(!pane->cards().at(0)->isExpanded()); // read: one collapsed line
        QVERIFY(pane->cards().at(2)->isExpanded());
        verifyCardsFit(pane, QTest::currentDataTag());
        // Open every card and drag the splitter: still fits.
        for (MessageCard *card : pane->cards())
            card->setExpanded(true);
        QTest::qWait(100);
        verifyCardsFit(pane, QTest::currentDataTag() + QStringLiteral(" expanded"));
        window->panes().splitter->setSizes({150, sizes.at(1) + 60, sizes.at(2) - 60});
        QTest::qWait(100);
        verifyCardsFit(pane, QTest::currentDataTag() + QStringLiteral(" dragged"));
        if (QTest::currentDataTag() == QLatin1String("narrow pane")) {
            for (MessageCard *card : pane->cards().first(2))
                card->setExpanded(false);
            QTest::qWait(100);
            save(*window, QStringLiteral("/tmp/skein-narrow-pane.png"));
        }
    }

    void headersShowNamesWithoutQuotes()
    {
        auto window = makeWindow({1000, 700});
        select(*window, guitest::archive, guitest::longConversation);
        const QList<MessageCard *> cards = window->panes().reading->cards();
        QCOMPARE(cards.size(), 3);
        // Collapsed: the name alone, as the list shows it.
        QVERIFY2(cards.at(0)->text().startsWith(QStringLiteral("Fischer, Lena (Northwind Procurement) Following up")),
                 qPrintable(cards.at(0)->text()));
        const QString open = cards.at(2)->text();
        QVERIFY2(open.contains(QStringLiteral("From: Priya Raman <priya.raman@northwind.example>\n")), qPrintable(open));
        QVERIFY2(open.contains(QStringLiteral("Cc: Fischer, Lena (Northwind Procurement) <lena.fischer@northwind.example>, "
                                              "Maximilian Alexander von Humboldt-Oberhausen <")),
                 qPrintable(open));
        for (const MessageCard *card : cards) {
            card->header()->setCollapsed(false);
            QVERIFY2(!card->header()->text().contains(QLatin1Char('"')), qPrintable(card->header()->text()));
            QVERIFY(!card->header()->text().contains(QLatin1Char('\'')));
        }
    }

    void screenshots()
    {
        // For a person to look at: a conversation selected at 1000x700, and
        // the list at a narrow width.
        auto window = makeWindow({1000, 700});
        select(*window, guitest::inbox, guitest::treeConversation);
        verifyCardsFit(window->panes().reading, QStringLiteral("1000x700"));
        save(*window, QStringLiteral("/tmp/skein-conversation.png"));
        window->panes().splitter->setSizes({150, 250, 600});
        QTest::qWait(100);
        save(*window, QStringLiteral("/tmp/skein-narrow-list.png"));
    }

    // Cards run by date, not by branch; a card not under the message it
    // answers says whom it answers; all read: the newest is open and in view.
    // Adds a conversation to the Inbox.
    void cardsRunInTimeOrderAndSayWhomTheyAnswer()
    {
        const QByteArray conversation("conv-branches");
        const QByteArray root = ConversationIndex::makeHeader(guitest::ago(9));
        const QByteArray a = ConversationIndex::appendReply(root, guitest::ago(8), 1);
        const QByteArray b = ConversationIndex::appendReply(root, guitest::ago(7), 2);
        const QByteArray aa = ConversationIndex::appendReply(a, guitest::ago(6), 3);
        const QString subject = QStringLiteral("Branches");
        QList<Message> adds{
            guitest::mail(QStringLiteral("br"), conversation, QStringLiteral("Ann Arbor <ann@example.com>"), subject,
                          9, QStringLiteral("Where shall we meet?"), true),
            guitest::mail(QStringLiteral("ba"), conversation, QStringLiteral("Ben User <ben@example.com>"), subject, 8,
                          QStringLiteral("The lobby."), true),
            guitest::mail(QStringLiteral("bb"), conversation, QStringLiteral("Cat Cole <cat@example.com>"), subject,
                          7, QStringLiteral("Room 4."), true),
            guitest::mail(QStringLiteral("baa"), conversation, QStringLiteral("Dan Dare <dan@example.com>"), subject,
                          6, QStringLiteral("Lobby suits me."), true)};
        const QList<QByteArray> indexes{root, a, b, aa};
        for (int i = 0; i < adds.size(); ++i)
            adds[i].conversationIndex = indexes.at(i);
        SyncBatch more = guitest::batch(guitest::inbox, adds);
        more.newSyncKey = QStringLiteral("branches");
        QVERIFY2(m_store.syncApplier().applySyncBatch(more), qPrintable(m_store.lastError()));

        auto window = makeWindow({1000, 360});
        select(*window, guitest::inbox, conversation);
        const QList<MessageCard *> cards = window->panes().reading->cards();
        QStringList order;
        for (const MessageCard *card : cards)
            order.append(card->message().serverId);
        QCOMPARE(order, (QStringList{"br", "ba", "bb", "baa"}));
        QCOMPARE(cards.at(1)->header()->inReplyTo(), QString()); // right under the message it answers
        const QString annDate = format::listDate(guitest::ago(9));
        QCOMPARE(cards.at(2)->header()->inReplyTo(), QStringLiteral("Ann Arbor, ") + annDate);
        QVERIFY2(cards.at(2)->text().contains(QStringLiteral("in reply to Ann Arbor, ") + annDate),
                 qPrintable(cards.at(2)->text()));
        QCOMPARE(cards.at(3)->header()->inReplyTo(), QStringLiteral("Ben User, ") + format::listDate(guitest::ago(8)));
        QVERIFY(cards.at(3)->text().contains(QStringLiteral("In reply to: Ben User")));

        // All read: the newest, at the bottom, is the one open and in view.
        QVERIFY(!cards.at(2)->isExpanded());
        QVERIFY(cards.at(3)->isExpanded());
        QTest::qWait(50);
        QWidget *viewport = window->panes().reading->findChild<QScrollArea *>(QStringLiteral("readingPaneScroll"))->viewport();
        const int top = cards.at(3)->mapTo(viewport, QPoint(0, 0)).y();
        QVERIFY2(top >= 0 && top < viewport->height(), qPrintable(QString::number(top)));
        save(*window, QStringLiteral("/tmp/skein-time-order.png"));
    }

    // A 14.1+ server cut the new text itself (the message part): the card
    // shows the server's part, even where Skein's own rules would cut nothing,
    // and "Show quoted text" brings back the whole body. Adds a conversation.
    void cardsShowTheServersMessagePart()
    {
        const QByteArray conversation("conv-part");
        Message first = guitest::mail(QStringLiteral("mp1"), conversation, QStringLiteral("Ann Arbor <ann@example.com>"),
                                      QStringLiteral("Venue"), 5, QStringLiteral("Which venue?"), true);
        Message reply = guitest::mail(QStringLiteral("mp2"), conversation, QStringLiteral("Ben User <ben@example.com>"),
                                      QStringLiteral("RE: Venue"), 4, QString());
        first.preview.clear(); // as SOGo and 12.1 servers send it
        reply.bodyType = BodyType::Html;
        reply.body = "<html><body><p>The harbour hall.</p><p>Which venue? (as the server knows)</p></body></html>";
        reply.messagePart = "<html><body><p>The harbour hall.</p></body></html>";
        first.conversationIndex = ConversationIndex::makeHeader(guitest::ago(5));
        reply.conversationIndex = ConversationIndex::appendReply(first.conversationIndex, guitest::ago(4), 1);
        SyncBatch more = guitest::batch(guitest::inbox, {first, reply});
        more.newSyncKey = QStringLiteral("part");
        QVERIFY2(m_store.syncApplier().applySyncBatch(more), qPrintable(m_store.lastError()));

        auto window = makeWindow({1000, 700});
        select(*window, guitest::inbox, conversation);
        // Collapsed, the first message previews its own text when the server sent no preview.
        QVERIFY(!window->panes().reading->cards().value(0)->isExpanded());
        QVERIFY2(window->panes().reading->cards().value(0)->text().contains(QLatin1String("Ann Arbor Which venue?")),
                 qPrintable(window->panes().reading->cards().value(0)->text()));
        MessageCard *card = window->panes().reading->cards().value(1);
        QVERIFY(card && card->message().serverId == QLatin1String("mp2"));
        QVERIFY2(card->text().contains(QLatin1String("The harbour hall.")), qPrintable(card->text()));
        QVERIFY2(!card->text().contains(QLatin1String("as the server knows")), qPrintable(card->text()));
        QToolButton *toggle = card->findChild<QToolButton *>(QStringLiteral("showQuotedTextButton"));
        QVERIFY(toggle && toggle->isVisible());
        QTest::mouseClick(toggle, Qt::LeftButton);
        QVERIFY2(card->text().contains(QLatin1String("as the server knows")), qPrintable(card->text()));
    }

    // In a conversation each card shows its message's new text; the quote of
    // the earlier message comes back with "Show quoted text" (QuotedText).
    // Runs last: it adds a conversation to the Inbox.
    void conversationCardsShowTheNewTextUntilAsked()
    {
        const QByteArray conversation("conv-quoted");
        const QString from = QStringLiteral("Alice Adams <alice@example.com>");
        const QList<Message> adds{
            guitest::mail(QStringLiteral("q1"), conversation, from, QStringLiteral("Offsite"), 9,
                          QStringLiteral("Can we move the offsite to Thursday?"), true),
            guitest::mail(QStringLiteral("q2"), conversation, QStringLiteral("Bob Brown <bob@example.com>"),
                          QStringLiteral("RE: Offsite"), 8,
                          QStringLiteral("Thursday is fine with me.\n\nOn Mon, Alice Adams wrote:\n"
                                         "> Can we move the offsite to Thursday?"))};
        SyncBatch more = guitest::batch(guitest::inbox, adds);
        more.newSyncKey = QStringLiteral("quoted");
        QVERIFY2(m_store.syncApplier().applySyncBatch(more), qPrintable(m_store.lastError()));
        auto window = makeWindow({1000, 700});
        select(*window, guitest::inbox, conversation);
        const QList<MessageCard *> cards = window->panes().reading->cards();
        QCOMPARE(cards.size(), 2);
        MessageCard *reply = cards.at(1)->message().serverId == QLatin1String("q2") ? cards.at(1) : cards.at(0);
        QVERIFY(reply->isExpanded());
        QVERIFY2(reply->text().contains(QLatin1String("Thursday is fine with me.")), qPrintable(reply->text()));
        QVERIFY2(!reply->text().contains(QLatin1String("Alice Adams wrote")), qPrintable(reply->text()));
        QToolButton *toggle = reply->findChild<QToolButton *>(QStringLiteral("showQuotedTextButton"));
        QVERIFY(toggle && toggle->isVisible());
        QCOMPARE(toggle->text(), QStringLiteral("Show quoted text"));
        save(*window, QStringLiteral("/tmp/skein-quote-hidden.png"));

        QTest::mouseClick(toggle, Qt::LeftButton);
        QVERIFY2(reply->text().contains(QLatin1String("> Can we move the offsite to Thursday?")),
                 qPrintable(reply->text()));
        QCOMPARE(toggle->text(), QStringLiteral("Hide quoted text"));
        QCOMPARE(toggle->accessibleName(), QStringLiteral("Hide quoted text"));
        QTest::qWait(50);
        save(*window, QStringLiteral("/tmp/skein-quote-shown.png"));

        // The first message quotes nothing: no button.
        MessageCard *first = reply == cards.at(1) ? cards.at(0) : cards.at(1);
        first->setExpanded(true);
        QVERIFY(!first->findChild<QToolButton *>(QStringLiteral("showQuotedTextButton"))->isVisible());
    }
};

QTEST_MAIN(TestReadingLayout)
#include "tst_readinglayout.moc"
