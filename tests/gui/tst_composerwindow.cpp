// ComposerWindow on its own, as the user drives it: Esc on a message asks
// Keep / Discard / Cancel, Ctrl+Enter sends, a send without a valid
// recipient is refused in the window, the attachment list totals its files,
// and address completion puts the address the user wrote to first.
#include "ComposerAttachmentList.h"
#include "ComposerText.h"
#include "ComposerWindow.h"
#include "GuiTestStore.h"
#include "GuiTestWindow.h"
#include "RecipientCompleter.h"
#include "Store.h"

#include <QAbstractItemView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTextEdit>
#include <QToolBar>
#include <QToolButton>
#include <QtTest>

using skein::DraftEntry;
using skein::ui::ComposerWindow;

class TestComposerWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    std::unique_ptr<ComposerWindow> showComposer(const DraftEntry &content = {})
    {
        auto window = std::make_unique<ComposerWindow>(QStringLiteral("me@example.com"), content);
        window->show();
        window->activateWindow();
        if (!QTest::qWaitForWindowActive(window.get()))
            qWarning("composer not active");
        return window;
    }

    QString writeFile(const QString &name, qint64 size)
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(QByteArray(size, 'x'));
        return file.fileName();
    }

private Q_SLOTS:
    void initTestCase()
    {
        guitest::isolateSettings(m_dir, QStringLiteral("tst_composerwindow"));
    }

    void escapeOnContentAsksKeepOrDiscard()
    {
        auto window = showComposer();
        QSignalSpy discarded(window.get(), &ComposerWindow::discarded);
        QSignalSpy saved(window.get(), &ComposerWindow::autosaveRequested);
        window->bodyEdit()->setFocus();
        QTest::keyClicks(window->bodyEdit(), QStringLiteral("Half a thought"));
        QVERIFY(window->hasUnsavedContent());

        QTest::keyClick(window.get(), Qt::Key_Escape);
        QTRY_VERIFY(window->keepDraftDialog() && window->keepDraftDialog()->isVisible());
        QCOMPARE(window->keepDraftDialog()->text(), QStringLiteral("Keep this draft?"));
        auto *cancel = window->keepDraftDialog()->findChild<QPushButton *>(QStringLiteral("cancelCloseButton"));
        QVERIFY(cancel);
        cancel->click();
        QVERIFY(window->isVisible()); // Cancel: back to writing, nothing lost
        QVERIFY(window->bodyEdit()->toPlainText().contains(QLatin1String("Half a thought")));

        window->close();
        QTRY_VERIFY(window->keepDraftDialog()->isVisible());
        auto *keep = window->keepDraftDialog()->findChild<QPushButton *>(QStringLiteral("keepDraftButton"));
        QVERIFY(keep);
        keep->click();
        QTRY_VERIFY(!window->isVisible());
        QCOMPARE(saved.size(), 1); // Keep hands the draft to the app once more
        QVERIFY(saved.first().first().value<DraftEntry>().plainBody.contains(QLatin1String("Half a thought")));
        QCOMPARE(discarded.size(), 0);

        auto other = showComposer();
        QSignalSpy otherDiscarded(other.get(), &ComposerWindow::discarded);
        QTest::keyClicks(other->subjectEdit(), QStringLiteral("Never mind"));
        QTest::keyClick(other.get(), Qt::Key_Escape);
        QTRY_VERIFY(other->keepDraftDialog() && other->keepDraftDialog()->isVisible());
        other->keepDraftDialog()->findChild<QPushButton *>(QStringLiteral("discardDraftButton"))->click();
        QTRY_VERIFY(!other->isVisible());
        QCOMPARE(otherDiscarded.size(), 1);
    }

    void escapeOnNothingClosesAtOnce()
    {
        auto window = showComposer();
        QTest::keyClick(window.get(), Qt::Key_Escape);
        QTRY_VERIFY(!window->isVisible());
        QVERIFY(!window->keepDraftDialog());
    }

    void controlEnterSends()
    {
        auto window = showComposer();
        QSignalSpy sent(window.get(), &ComposerWindow::sendRequested);
        QTest::keyClicks(window->toEdit(), QStringLiteral("Alice <alice@skein.test>"));
        QTest::keyClicks(window->subjectEdit(), QStringLiteral("Lunch"));
        window->bodyEdit()->setFocus();
        QTest::keyClicks(window->bodyEdit(), QStringLiteral("At noon?"));
        QTest::keyClick(window->bodyEdit(), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(sent.size(), 1);
        const DraftEntry draft = sent.first().first().value<DraftEntry>();
        QCOMPARE(draft.to, QStringList{QStringLiteral("Alice <alice@skein.test>")});
        QCOMPARE(draft.subject, QStringLiteral("Lunch"));
        QVERIFY(draft.plainBody.startsWith(QLatin1String("At noon?")));
        QVERIFY(draft.htmlBody.contains(QLatin1String("At noon?"))); // rich text by default
        QTest::keyClick(window->bodyEdit(), Qt::Key_Enter, Qt::ControlModifier); // the keypad's Enter too
        QCOMPARE(sent.size(), 2);
    }

    void plainTextSendsNoHtml()
    {
        auto window = showComposer();
        window->setPlainText(true);
        QSignalSpy sent(window.get(), &ComposerWindow::sendRequested);
        window->toEdit()->setText(QStringLiteral("bob@skein.test"));
        window->bodyEdit()->setFocus();
        QTest::keyClicks(window->bodyEdit(), QStringLiteral("Plain."));
        window->send();
        QCOMPARE(sent.size(), 1);
        QVERIFY(sent.first().first().value<DraftEntry>().htmlBody.isEmpty());
    }

    void noOrBadRecipientIsRefusedInTheWindow()
    {
        auto window = showComposer();
        QSignalSpy sent(window.get(), &ComposerWindow::sendRequested);
        QTest::keyClicks(window->subjectEdit(), QStringLiteral("To whom?"));
        QTest::keyClick(window.get(), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(sent.size(), 0);
        QVERIFY(window->isVisible());
        auto *error = window->findChild<QLabel *>(QStringLiteral("composerError"));
        QVERIFY(error && error->isVisible());
        QCOMPARE(error->text(), QStringLiteral("Add at least one recipient in To, Cc or Bcc, then send again."));

        QTest::keyClicks(window->toEdit(), QStringLiteral("alice@skein.test, bob"));
        window->send();
        QCOMPARE(sent.size(), 0);
        QVERIFY2(window->sendError().contains(QStringLiteral("\u201cbob\u201d is not an email address")),
                 qPrintable(window->sendError()));
        QCOMPARE(window->subjectEdit()->text(), QStringLiteral("To whom?")); // nothing lost

        window->toEdit()->setText(QStringLiteral("alice@skein.test, \"Bob, B.\" <bob@skein.test>"));
        window->send();
        QCOMPARE(sent.size(), 1);
        QVERIFY(window->sendError().isEmpty());
        QCOMPARE(sent.first().first().value<DraftEntry>().to.size(), 2);
    }

    void attachmentsAreListedWithTheirTotal()
    {
        auto window = showComposer();
        const QString big = writeFile(QStringLiteral("report.pdf"), 1258291); // 1.2 MB
        const QString small = writeFile(QStringLiteral("notes.txt"), 2048);
        window->setFileChooser([big] { return QStringList{big}; });
        window->findChild<QAction *>(QStringLiteral("composerAttachAction"))->trigger();
        // A file dropped on the window attaches too.
        QMimeData data;
        data.setUrls({QUrl::fromLocalFile(small)});
        // Qt delivers a drop only to the widget that accepted the drag's entry.
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(window.get(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(window.get(), &drop);

        skein::ui::ComposerAttachmentList *list = window->attachmentList();
        QCOMPARE(list->attachments().size(), 2);
        QCOMPARE(list->attachments().at(0).name, QStringLiteral("report.pdf"));
        QCOMPARE(list->attachments().at(1).contentType, QStringLiteral("text/plain"));
        QCOMPARE(list->totalLabel()->text(), skein::ui::compose::totalText(2, 1258291 + 2048));
        QCOMPARE(list->totalLabel()->text(), QStringLiteral("2 files, 1.2 MB"));
        QTRY_VERIFY(list->findChildren<QLabel *>(QStringLiteral("attachmentName")).size() == 2);
        QVERIFY(list->findChildren<QLabel *>(QStringLiteral("attachmentName")).first()->text().contains(QLatin1String("1.2 MB")));

        list->findChildren<QToolButton *>(QStringLiteral("removeAttachmentButton")).first()->click();
        QCOMPARE(list->attachments().size(), 1);
        QCOMPARE(list->totalLabel()->text(), QStringLiteral("1 file, 2.0 kB"));

        // A file gone before it was attached is said, not added.
        window->addAttachmentFiles({m_dir.filePath(QStringLiteral("missing.pdf"))});
        QCOMPARE(list->attachments().size(), 1);
        QVERIFY(window->sendError().contains(QLatin1String("missing.pdf")));
    }

    void completionPutsTheAddressWrittenToFirst()
    {
        skein::Store store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("c.db"))));
        QVERIFY(guitest::fillStore(store));
        // Carol writes often; the user wrote once to Dave. Both match "x.test".
        QList<skein::Message> fromCarol;
        for (int i = 0; i < 4; ++i)
            fromCarol.append(guitest::mail(QStringLiteral("carol%1").arg(i), "conv-carol", QStringLiteral("Carol <carol@x.test>"),
                                           QStringLiteral("News %1").arg(i), 10 + i, QStringLiteral("news")));
        skein::Message toDave = guitest::mail(QStringLiteral("dave1"), "conv-dave", QStringLiteral("Me Myself <me@example.com>"),
                                              QStringLiteral("Hello Dave"), 20, QStringLiteral("hello"));
        toDave.to = QStringLiteral("Dave <dave@x.test>");
        QVERIFY(store.syncApplier().applySyncBatch(guitest::batch(guitest::inbox, fromCarol)));
        QVERIFY(store.syncApplier().applySyncBatch(guitest::batch(guitest::sent, {toDave})));

        auto window = showComposer();
        window->setKnownAddresses(store.messageStore().knownAddresses());
        QCOMPARE(window->recipientCompleters().size(), 3);
        window->toEdit()->setFocus();
        QTest::keyClicks(window->toEdit(), QStringLiteral("someone@else.test, x.te"));
        QCompleter *completer = window->toEdit()->completer();
        QVERIFY(completer);
        QTRY_VERIFY(completer->completionCount() >= 2);
        QCOMPARE(completer->completionModel()->index(0, 0).data().toString(), QStringLiteral("Dave <dave@x.test>"));
        QCOMPARE(completer->completionModel()->index(1, 0).data().toString(), QStringLiteral("Carol <carol@x.test>"));
        // Choosing replaces only the entry being typed.
        QTRY_VERIFY(completer->popup()->isVisible());
        QTest::keyClick(completer->popup(), Qt::Key_Down);
        QTest::keyClick(completer->popup(), Qt::Key_Return);
        QCOMPARE(window->toEdit()->text(), QStringLiteral("someone@else.test, Dave <dave@x.test>, "));
    }

    void directoryResultsGoBelowAndAreAskedForAfterAPause()
    {
        auto window = showComposer();
        window->setKnownAddresses({{QStringLiteral("Lena Fischer"), QStringLiteral("lena@example.com"), 1, 1}});
        auto *completer = qobject_cast<skein::ui::RecipientCompleter *>(window->toEdit()->completer());
        QVERIFY(completer);
        QSignalSpy lookup(completer, &skein::ui::RecipientCompleter::directoryLookupRequested);
        window->toEdit()->setFocus();
        QTest::keyClicks(window->toEdit(), QStringLiteral("le"));
        QTest::qWait(skein::ui::RecipientCompleter::kDirectoryDelayMs + 100);
        QCOMPARE(lookup.size(), 0); // two characters: too short to ask the directory
        QTest::keyClicks(window->toEdit(), QStringLiteral("n"));
        QTRY_COMPARE(lookup.size(), 1);
        QCOMPARE(lookup.first().first().toString(), QStringLiteral("len"));
        completer->addDirectoryResults(QStringLiteral("len"), {QStringLiteral("Lenny Dir <lenny@corp.test>"),
                                                               QStringLiteral("lena@example.com")});
        QTRY_VERIFY(completer->completionCount() == 2);
        QCOMPARE(completer->completionModel()->index(0, 0).data().toString(), QStringLiteral("Lena Fischer <lena@example.com>"));
        QCOMPARE(completer->completionModel()->index(1, 0).data().toString(), QStringLiteral("Lenny Dir <lenny@corp.test>"));
    }

    // New mail: the signature under the room to type; a reply: above the quote.
    void signatureGoesBelowTheTextAndAboveTheQuote()
    {
        QSettings().setValue(QStringLiteral("compose/signature/me@example.com"), QStringLiteral("Me\nExample Ltd"));
        const QString signature = skein::ui::compose::signatureFor(QStringLiteral("me@example.com"));
        QCOMPARE(signature, QStringLiteral("Me\nExample Ltd"));
        QCOMPARE(skein::ui::compose::initialBody(signature), QStringLiteral("\n\n-- \nMe\nExample Ltd\n"));
        const QString reply = skein::ui::compose::initialBody(signature, QStringLiteral("On Monday, X wrote:\n> hi\n"));
        QVERIFY(reply.indexOf(QLatin1String("-- \nMe")) < reply.indexOf(QLatin1String("X wrote:")));
        QCOMPARE(skein::ui::compose::initialBody({}), QStringLiteral("\n"));
        QSettings().setValue(QStringLiteral("compose/plainTextOnly"), true);
        auto window = showComposer();
        QVERIFY(window->isPlainText());
        QVERIFY(window->findChild<QToolBar *>(QStringLiteral("composerFormatBar"))->isHidden());
        QSettings().remove(QStringLiteral("compose"));
    }

    void autosaveOnlyWhenChanged()
    {
        auto window = showComposer();
        QSignalSpy saved(window.get(), &ComposerWindow::autosaveRequested);
        QTest::keyClicks(window->subjectEdit(), QStringLiteral("Draft"));
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, ComposerWindow::kAutosaveIntervalMs * 2);
        QTest::qWait(ComposerWindow::kAutosaveIntervalMs + 500);
        QCOMPARE(saved.size(), 1); // nothing changed since
        window->setDraftId(7);
        window->discard();
    }
};

QTEST_MAIN(TestComposerWindow)
#include "tst_composerwindow.moc"
