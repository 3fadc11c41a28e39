// Sending from the desktop app, end to end through the real window and
// composer (ComposeDemoApp.h): a reply to a message in the middle of a
// reply tree, reply all, a forward keeping the original's attachment, new
// mail with two attachments, a vanished attachment, a server refusal.
#include "Banner.h"
#include "ComposeDemoApp.h"
#include "ComposeController.h"

#include <QLabel>

using namespace guitest;

class TestDesktopCompose : public QObject, private ComposeDemoApp
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const QString error = startDemo();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    void cleanupTestCase() { m_app.reset(); }
    void replyToAMessageInTheMiddleOfATree();
    void replyAllFillsToAndCc();
    void forwardKeepsTheOriginalsAttachment();
    void newMailWithTwoAttachments();
    void aVanishedAttachmentKeepsTheWindowOpen();
    void aRefusalIsShownAndTheMessageStays();
};

void TestDesktopCompose::replyToAMessageInTheMiddleOfATree()
{
    const std::optional<Message> parent = middleOfATree();
    QVERIFY2(parent, "the demo Inbox has a reply with replies of its own");
    const QJsonObject parentOnServer = serverCopy(*parent);
    const QString parentIndex = parentOnServer[QStringLiteral("conversationIndex")].toString();
    QVERIFY(!parentIndex.isEmpty());
    QVERIFY(selectMessage(*parent));

    window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window()));
    QTest::keyClick(window(), Qt::Key_R, Qt::ControlModifier);
    QTRY_VERIFY(newestComposer());
    ComposerWindow *composer = newestComposer();
    auto *label = composer->findChild<QLabel *>(QStringLiteral("replyingToLabel"));
    QVERIFY(label && label->isVisible());
    QCOMPARE(label->text(), skein::ui::compose::answerLabel(OutboxKind::Reply, *parent));
    QVERIFY(label->text().startsWith(QLatin1String("Replying to ")));
    const QString replySubject = skein::eas::replySubject(parent->subject);
    QCOMPARE(composer->subjectEdit()->text(), replySubject);
    QVERIFY(composer->bodyEdit()->toPlainText().contains(QLatin1String("wrote:"))); // the chosen message, quoted

    // The user writes for a while: the parent's Message-ID arrives meanwhile.
    QTRY_VERIFY_WITH_TIMEOUT(!store().messageStore().messageById(parent->id)->internetMessageId.isEmpty(), 15000);
    QVERIFY(QTest::qWaitForWindowActive(composer));
    QTest::keyClicks(composer->ccEdit(), kAlice);
    composer->bodyEdit()->setFocus();
    QTest::keyClicks(composer->bodyEdit(), QStringLiteral("Agreed, see you there."));
    saveShot(composer, QStringLiteral("composer-reply.png"));
    QTest::keyClick(composer->bodyEdit(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY(m_app->compose().composers().isEmpty()); // sent: the window closed

    QTRY_VERIFY_WITH_TIMEOUT(withSubject(QStringLiteral("alice"), replySubject).size() == 1, 30000);
    const QJsonObject got = withSubject(QStringLiteral("alice"), replySubject).first();
    const QString index = got[QStringLiteral("conversationIndex")].toString();
    QCOMPARE(index.size(), parentIndex.size() + 10); // one 5-byte block, in hex
    QVERIFY(index.startsWith(parentIndex));
    const QByteArray mime = outboxMime(replySubject);
    const QByteArray bare = parentOnServer[QStringLiteral("messageId")].toString().toUtf8().replace('<', "").replace('>', "");
    QVERIFY(!bare.isEmpty());
    QVERIFY2(mime.contains("In-Reply-To: <" + bare + ">"), mime.left(1500).constData());
    QVERIFY(mime.contains("Agreed, see you there."));

    // After the next sync the sender's conversation holds the server's copy
    // once, one level under the message it answered.
    QSignalSpy synced(m_app.get(), &DesktopApp::syncCompleted);
    QTRY_VERIFY(!m_app->isSyncing());
    m_app->requestSync();
    QVERIFY(synced.wait(30000));
    const auto sent = store().folderStore().folderOfType(skein::FolderType::SentItems);
    QVERIFY(sent);
    QList<Message> copies;
    for (const Message &m : store().messageStore().messagesInFolder(sent->serverId))
        if (QString::fromLatin1(m.conversationIndex.toHex()) == index)
            copies.append(m);
    QCOMPARE(copies.size(), 1);
    QModelIndex row;
    QTRY_VERIFY((row = messageRow(sent->serverId, copies.first().serverId)).isValid());
    QCOMPARE(row.parent().data(skein::ServerIdRole).toString(), parent->serverId);
    QCOMPARE(row.data(skein::DepthRole).toInt(), row.parent().data(skein::DepthRole).toInt() + 1);
}

void TestDesktopCompose::replyAllFillsToAndCc()
{
    const QString own = m_app->compose().ownAddress().toLower();
    std::optional<Message> parent;
    for (const Message &m : store().messageStore().messagesInFolder(inboxId())) {
        const QSet<QString> others = addressesOf(m.to) + addressesOf(m.cc) - QSet<QString>{own};
        if (!m.cc.isEmpty() && others.size() >= 2) {
            parent = store().messageStore().messageById(m.id);
            break;
        }
    }
    QVERIFY2(parent, "the demo Inbox has a message to several people with a Cc");
    QVERIFY(selectMessage(*parent));
    window()->findChild<QAction *>(QStringLiteral("actionReplyAll"))->trigger();
    QTRY_VERIFY(newestComposer());
    ComposerWindow *composer = newestComposer();
    const skein::DraftEntry draft = composer->content();
    QCOMPARE(draft.kind, OutboxKind::Reply);
    QCOMPARE(draft.sourceMessageId, parent->id);
    QSet<QString> wantTo = addressesOf(parent->from) + addressesOf(parent->to);
    wantTo.remove(own);
    QSet<QString> wantCc = addressesOf(parent->cc) - wantTo;
    wantCc.remove(own);
    QCOMPARE(addressesOf(draft.to), wantTo);
    QCOMPARE(addressesOf(draft.cc), wantCc);
    QVERIFY(!addressesOf(draft.to + draft.cc).contains(own)); // never to oneself
    composer->discard();
    QTRY_VERIFY(m_app->compose().composers().isEmpty());
}

void TestDesktopCompose::forwardKeepsTheOriginalsAttachment()
{
    std::optional<Message> contract;
    for (const Message &m : store().messageStore().messagesInFolder(inboxId()))
        if (m.subject.startsWith(QLatin1String("Signed contract")))
            contract = m;
    QVERIFY(contract);
    const QJsonObject original = serverCopy(*contract);
    const QList<ServerFile> originalFiles = serverAttachments(original[QStringLiteral("id")].toString());
    QCOMPARE(originalFiles.size(), 1);

    QVERIFY(selectMessage(*contract));
    window()->findChild<QAction *>(QStringLiteral("actionForward"))->trigger();
    QTRY_VERIFY(newestComposer());
    ComposerWindow *composer = newestComposer();
    QVERIFY(composer->findChild<QLabel *>(QStringLiteral("replyingToLabel"))->text().startsWith(QLatin1String("Forwarding ")));
    const QList<QLabel *> forwarded = composer->findChildren<QLabel *>(QStringLiteral("forwardedAttachment"));
    QCOMPARE(forwarded.size(), 1);
    QVERIFY(forwarded.first()->text().contains(QLatin1String("contract.pdf")));
    QVERIFY(forwarded.first()->text().contains(QLatin1String("sent with the forward")));
    QVERIFY(composer->toEdit()->text().isEmpty());

    QTest::keyClicks(composer->toEdit(), kBob);
    composer->bodyEdit()->setFocus();
    QTest::keyClicks(composer->bodyEdit(), QStringLiteral("FYI, Bob."));
    composer->findChild<QAction *>(QStringLiteral("composerSendAction"))->trigger();
    QTRY_VERIFY(m_app->compose().composers().isEmpty());

    const QString subject = skein::eas::forwardSubject(contract->subject);
    QTRY_VERIFY_WITH_TIMEOUT(withSubject(QStringLiteral("bob"), subject).size() == 1, 30000);
    const QList<ServerFile> files = serverAttachments(withSubject(QStringLiteral("bob"), subject).first()[QStringLiteral("id")].toString());
    QCOMPARE(files.size(), 1);
    QCOMPARE(files.first().name, QStringLiteral("contract.pdf"));
    QCOMPARE(files.first().data, originalFiles.first().data);
}

void TestDesktopCompose::newMailWithTwoAttachments()
{
    QByteArray pdf("%PDF-1.4\n");
    for (int i = 0; i < 300000; ++i)
        pdf.append(char(i % 251));
    const QString first = writeFile(QStringLiteral("Bericht für Alice.pdf"), pdf);
    const QString second = writeFile(QStringLiteral("notes.txt"), "some notes\n");

    window()->findChild<QAction *>(QStringLiteral("actionNewMail"))->trigger();
    QTRY_VERIFY(newestComposer());
    ComposerWindow *composer = newestComposer();
    QVERIFY(composer->findChild<QLabel *>(QStringLiteral("replyingToLabel"))->isHidden());
    QCOMPARE(composer->findChild<QLabel *>(QStringLiteral("composerFrom"))->text(), m_app->compose().ownAddress());
    QTest::keyClicks(composer->toEdit(), QStringLiteral("Alice <alice@skein.test>, bob@skein.test"));
    QTest::keyClicks(composer->subjectEdit(), QStringLiteral("Two files for you"));
    composer->bodyEdit()->setFocus();
    QTest::keyClicks(composer->bodyEdit(), QStringLiteral("Hallo, two files attached."));
    // "Attach…" with the file dialog answered, then a file dropped on the window.
    composer->setFileChooser([first] { return QStringList{first}; });
    composer->findChild<QAction *>(QStringLiteral("composerAttachAction"))->trigger();
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(second)});
    QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(composer, &enter);
    QDropEvent drop(QPointF(20, 20), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(composer, &drop);
    QCOMPARE(composer->attachmentList()->attachments().size(), 2);
    QCOMPARE(composer->attachmentList()->totalLabel()->text(), skein::ui::compose::totalText(2, pdf.size() + 11));
    saveShot(composer, QStringLiteral("composer.png"));

    QTest::keyClick(composer->bodyEdit(), Qt::Key_Enter, Qt::ControlModifier);
    QTRY_VERIFY(m_app->compose().composers().isEmpty());
    for (const QString &user : {QStringLiteral("alice"), QStringLiteral("bob")}) {
        QTRY_VERIFY_WITH_TIMEOUT(withSubject(user, QStringLiteral("Two files for you")).size() == 1, 30000);
        const QJsonObject got = withSubject(user, QStringLiteral("Two files for you")).first();
        QVERIFY(addressesOf(got[QStringLiteral("to")].toString()) == (QSet<QString>{kAlice, kBob}));
        const QList<ServerFile> files = serverAttachments(got[QStringLiteral("id")].toString());
        QCOMPARE(files.size(), 2);
        QCOMPARE(files.at(0).name, QStringLiteral("Bericht für Alice.pdf"));
        QCOMPARE(files.at(0).data, pdf);
        QCOMPARE(files.at(1).name, QStringLiteral("notes.txt"));
        QCOMPARE(files.at(1).data, QByteArray("some notes\n"));
    }
    // Rich text by default: HTML and plain alternatives beside the files.
    const QByteArray mime = outboxMime(QStringLiteral("Two files for you"));
    QVERIFY(mime.contains("multipart/mixed"));
    QVERIFY(mime.contains("multipart/alternative"));
    QVERIFY(mime.contains("text/html"));
    QVERIFY(mime.contains("text/plain"));
    QVERIFY(mime.contains("application/pdf"));
    QVERIFY(mime.contains("filename*=utf-8''Bericht%20f%C3%BCr%20Alice.pdf") || mime.contains("Bericht"));
}

void TestDesktopCompose::aVanishedAttachmentKeepsTheWindowOpen()
{
    const QString path = writeFile(QStringLiteral("gone-soon.txt"), "brief\n");
    window()->findChild<QAction *>(QStringLiteral("actionNewMail"))->trigger();
    QTRY_VERIFY(newestComposer());
    ComposerWindow *composer = newestComposer();
    composer->toEdit()->setText(kAlice);
    composer->subjectEdit()->setText(QStringLiteral("Vanishing file"));
    composer->addAttachmentFiles({path});
    QVERIFY(QFile::remove(path));
    const qsizetype queued = store().outboxStore().outbox(false).size();
    composer->send();
    QVERIFY(composer->isVisible());
    QVERIFY2(composer->sendError().contains(QLatin1String("gone-soon.txt")), qPrintable(composer->sendError()));
    QCOMPARE(store().outboxStore().outbox(false).size(), queued);
    QCOMPARE(composer->subjectEdit()->text(), QStringLiteral("Vanishing file"));
    composer->discard();
    QTRY_VERIFY(m_app->compose().composers().isEmpty());
}

void TestDesktopCompose::aRefusalIsShownAndTheMessageStays()
{
    bool armed = false;
    demoServerOf(*m_app)->runOnServerThread(
        [&armed](skein::server::ReferenceServer &s) { armed = s.faults().applyFaultSpec(QStringLiteral("send:116")); });
    QVERIFY(armed);
    window()->findChild<QAction *>(QStringLiteral("actionNewMail"))->trigger();
    QTRY_VERIFY(newestComposer());
    ComposerWindow *composer = newestComposer();
    composer->toEdit()->setText(QStringLiteral("nobody@skein.test"));
    composer->subjectEdit()->setText(QStringLiteral("Refused one"));
    composer->send();
    QTRY_VERIFY(m_app->compose().composers().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(window()->panes().banner->message().contains(QLatin1String("Refused one")), 30000);
    QVERIFY2(window()->panes().banner->message().contains(QLatin1String("The server refused to send")),
             qPrintable(window()->panes().banner->message()));
    QVERIFY(window()->panes().banner->whatToDo().contains(QLatin1String("Outbox")));
    bool failed = false;
    for (const skein::OutboxEntry &e : store().outboxStore().outbox(true))
        failed |= e.subject == QLatin1String("Refused one") && e.state == skein::OutboxState::Failed;
    QVERIFY(failed);
}

QTEST_MAIN(TestDesktopCompose)
#include "tst_desktopcompose.moc"
