// Answering from the desktop app's reading pane and main window, end to
// end (ComposeDemoApp.h): the inline reply box answers the card the user
// chose, Pop out, a card's own buttons, one binding per compose key.
#include "ComposeDemoApp.h"
#include "ComposeController.h"
#include "ConversationListPane.h"
#include "ConversationView.h"
#include "ReadingPane.h"

#include <QLabel>

using namespace guitest;

class TestDesktopAnswer : public QObject, private ComposeDemoApp
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const QString error = startDemo();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    void cleanupTestCase() { m_app.reset(); }
    void inlineReplyAnswersTheChosenCard();
    void popOutCarriesTheTextIntoTheComposer();
    void aCardsReplyButtonAnswersThatCard();
    void composeShortcutsAreUnambiguous();
};

void TestDesktopAnswer::inlineReplyAnswersTheChosenCard()
{
    const std::optional<Message> chosen = middleOfATree();
    QVERIFY(chosen);
    QTreeView *view = window()->panes().list->view();
    QModelIndex conversation = messageRow(chosen->folderId, chosen->serverId);
    while (conversation.parent().isValid())
        conversation = conversation.parent();
    view->setCurrentIndex(conversation);
    skein::ui::ReadingPane *pane = window()->panes().reading;
    QTRY_VERIFY(pane->findChildren<skein::ui::MessageCard *>().size() > 1);
    skein::ui::MessageCard *card = nullptr;
    for (skein::ui::MessageCard *c : pane->findChildren<skein::ui::MessageCard *>())
        if (c->message().id == chosen->id)
            card = c;
    QVERIFY(card);
    skein::ui::InlineReplyBox *box = pane->findChild<skein::ui::InlineReplyBox *>(QStringLiteral("inlineReplyBox"));
    QVERIFY(box && box->isVisible());
    QVERIFY(box->targetId() != chosen->id); // the newest until the user chooses

    const int repliesBefore = repliesOnServer(*chosen);
    QTest::mouseClick(card, Qt::LeftButton, {}, QPoint(card->width() / 2, 8));
    QTRY_COMPARE(box->targetId(), chosen->id);
    QCOMPARE(box->targetLabel()->text(), skein::ui::compose::answerLabel(OutboxKind::Reply, *chosen));
    box->findChild<QPushButton *>(QStringLiteral("inlineReplyOpenButton"))->click();
    QVERIFY(box->isExpanded());
    QTest::keyClicks(box->editor(), QStringLiteral("Short answer from the reading pane."));
    // Opening scrolled the whole box into view.
    QTRY_VERIFY2(box->height() > 150 && box->visibleRegion().boundingRect().height() == box->height(),
                 qPrintable(QStringLiteral("%1 of %2 visible").arg(box->visibleRegion().boundingRect().height()).arg(box->height())));
    saveShot(window(), QStringLiteral("inline-reply.png"));
    // Opening the box asked for the parent's Message-ID while the user writes.
    QTRY_VERIFY_WITH_TIMEOUT(!store().messageStore().messageById(chosen->id)->internetMessageId.isEmpty(), 15000);
    box->findChild<QPushButton *>(QStringLiteral("inlineReplySendButton"))->click();
    QTRY_VERIFY(!box->isExpanded()); // taken: back to "Reply…"

    const QString subject = skein::eas::replySubject(chosen->subject);
    QTRY_VERIFY_WITH_TIMEOUT(repliesOnServer(*chosen) == repliesBefore + 1, 30000);
    QByteArray mime;
    for (const skein::OutboxEntry &e : store().outboxStore().outbox(false))
        if (e.subject == subject && e.mime.contains("Short answer from the reading pane."))
            mime = e.mime;
    QVERIFY2(!mime.isEmpty(), "the outbox holds the inline reply");
    QVERIFY(mime.contains("wrote:")); // the chosen message quoted under the text
    const QByteArray parentId = store().messageStore().messageById(chosen->id)->internetMessageId.toUtf8().replace('<', "").replace('>', "");
    QVERIFY2(mime.contains("In-Reply-To: <" + parentId + ">"), mime.left(1500).constData());
}

void TestDesktopAnswer::popOutCarriesTheTextIntoTheComposer()
{
    skein::ui::ReadingPane *pane = window()->panes().reading;
    skein::ui::InlineReplyBox *box = pane->inlineReplyBox();
    QTRY_VERIFY(box->isVisible() || pane->findChildren<skein::ui::MessageCard *>().isEmpty());
    if (!box->isVisible()) {
        const std::optional<Message> any = middleOfATree();
        QVERIFY(any && selectMessage(*any));
        QTRY_VERIFY(box->isVisible());
    }
    const qint64 target = box->targetId();
    box->expand();
    QTest::keyClicks(box->editor(), QStringLiteral("Longer thoughts"));
    box->findChild<QPushButton *>(QStringLiteral("inlineReplyPopOutButton"))->click();
    QTRY_VERIFY(newestComposer());
    ComposerWindow *composer = newestComposer();
    QVERIFY(!box->isExpanded());
    QCOMPARE(composer->content().sourceMessageId, target);
    QVERIFY(composer->bodyEdit()->toPlainText().startsWith(QLatin1String("Longer thoughts")));
    QVERIFY(composer->bodyEdit()->toPlainText().contains(QLatin1String("wrote:")));
    QVERIFY(composer->hasUnsavedContent());
    composer->discard();
    QTRY_VERIFY(m_app->compose().composers().isEmpty());
}

void TestDesktopAnswer::aCardsReplyButtonAnswersThatCard()
{
    const std::optional<Message> chosen = middleOfATree();
    QVERIFY(chosen && selectMessage(*chosen));
    skein::ui::MessageCard *card = nullptr;
    QTRY_VERIFY((card = [&]() -> skein::ui::MessageCard * {
        for (skein::ui::MessageCard *c : window()->panes().reading->findChildren<skein::ui::MessageCard *>())
            if (c->message().id == chosen->id)
                return c;
        return nullptr;
    }()));
    auto *forward = card->findChild<QToolButton *>(QStringLiteral("cardForwardButton"));
    QVERIFY(forward);
    QCOMPARE(forward->accessibleName(), QStringLiteral("Forward"));
    forward->click();
    QTRY_VERIFY(newestComposer());
    ComposerWindow *composer = newestComposer();
    QCOMPARE(composer->content().kind, OutboxKind::Forward);
    QCOMPARE(composer->content().sourceMessageId, chosen->id);
    QCOMPARE(composer->findChild<QLabel *>(QStringLiteral("replyingToLabel"))->text(),
             skein::ui::compose::answerLabel(OutboxKind::Forward, *chosen));
    composer->discard();
    QTRY_VERIFY(m_app->compose().composers().isEmpty());
}


void TestDesktopAnswer::composeShortcutsAreUnambiguous()
{
    const QList<QKeySequence> keys{QKeySequence(Qt::CTRL | Qt::Key_N), QKeySequence(Qt::CTRL | Qt::Key_R),
                                   QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F),
                                   QKeySequence(QKeySequence::Find)};
    for (const QKeySequence &key : keys) {
        int bindings = 0;
        for (const QAction *action : window()->findChildren<QAction *>())
            bindings += action->shortcuts().contains(key);
        QVERIFY2(bindings == 1, qPrintable(key.toString()));
    }
    QCOMPARE(window()->findChild<QAction *>(QStringLiteral("actionForward"))->shortcut(),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    for (const char *name : {"actionNewMail", "actionReply", "actionReplyAll", "actionForward"}) {
        QAction *action = window()->findChild<QAction *>(QLatin1String(name));
        QVERIFY(action);
        QVERIFY(!window()->findChild<QWidget *>(QLatin1String(name) + QStringLiteral("Button"))->accessibleName().isEmpty());
    }
}

QTEST_MAIN(TestDesktopAnswer)
#include "tst_desktopanswer.moc"
