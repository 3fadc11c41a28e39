// The composer and the drafts store and Outbox wired in the real app (demo
// server at 16.1): typing autosaves a draft that the Drafts list shows and
// the server keeps; opening it continues it; sending it deletes it here and
// on the server; Keep on close keeps it; Discard deletes it; a refused
// message opened from the Outbox goes out, once, as edited; the server's
// address book completes a recipient.
#include "ComposeDemoApp.h"
#include "ComposeController.h"

#include "CentrePages.h"
#include "DraftListView.h"
#include "OutboxView.h"
#include "RecipientCompleter.h"

#include <QAbstractItemView>
#include <QMessageBox>

using namespace guitest;

class TestDesktopDrafts : public QObject, ComposeDemoApp
{
    Q_OBJECT

    std::optional<skein::DraftEntry> draftWithSubject(const QString &subject) const
    {
        for (const skein::DraftEntry &d : store().draftStore().drafts())
            if (d.subject == subject)
                return d;
        return std::nullopt;
    }

    int serverDrafts(const QString &subject) const
    {
        int n = 0;
        for (const QJsonObject &m : withSubject(QStringLiteral("demo"), subject))
            n += m[QStringLiteral("folder")].toString() == QLatin1String("Drafts");
        return n;
    }

    ComposerWindow *newMail()
    {
        window()->findChild<QAction *>(QStringLiteral("actionNewMail"))->trigger();
        return newestComposer();
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString failure = startDemo();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }
    void cleanupTestCase() { m_app.reset(); }

    void theAddressBookCompletesARecipient()
    {
        ComposerWindow *composer = newMail();
        QVERIFY(composer);
        skein::ui::RecipientCompleter *completer = composer->recipientCompleters().first();
        const auto offered = [completer] {
            QStringList all;
            for (int row = 0; row < completer->model()->rowCount(); ++row)
                all.append(completer->model()->index(row, 0).data(Qt::EditRole).toString()
                           + completer->model()->index(row, 0).data().toString());
            return all.join(QLatin1Char('\n'));
        };
        QVERIFY(!offered().contains(kAlice));
        composer->toEdit()->setFocus();
        QTest::keyClicks(composer->toEdit(), QStringLiteral("ali"));
        QTRY_VERIFY_WITH_TIMEOUT(offered().contains(kAlice), 10000);
        composer->markSent(); // closes without asking
    }

    void typingSavesADraftThatTheListAndTheServerKeep()
    {
        ComposerWindow *composer = newMail();
        QTest::keyClicks(composer->subjectEdit(), QStringLiteral("Offsite plans"));
        QTRY_VERIFY_WITH_TIMEOUT(draftWithSubject(QStringLiteral("Offsite plans")), 10000);
        const qint64 id = draftWithSubject(QStringLiteral("Offsite plans"))->id;
        QCOMPARE(composer->draftId(), id);
        QTRY_VERIFY_WITH_TIMEOUT(!store().draftStore().draft(id)->serverId.isEmpty(), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(serverDrafts(QStringLiteral("Offsite plans")), 1, 15000);
        // More typing changes the same draft, never a second one.
        QTest::keyClicks(composer->bodyEdit(), QStringLiteral("Friday?"));
        QTRY_VERIFY_WITH_TIMEOUT(store().draftStore().draft(id)->plainBody.contains(QStringLiteral("Friday?")), 10000);
        QCOMPARE(store().draftStore().drafts().size(), 1);
        window()->selectFolder(store().folderStore().folderOfType(skein::FolderType::Drafts)->serverId);
        QVERIFY(window()->panes().pages->page() != skein::ui::CentrePages::List);
        QAbstractItemView *list = window()->panes().pages->draftList()->findChild<QAbstractItemView *>(QStringLiteral("draftList"));
        QVERIFY(list);
        QTRY_VERIFY(list->model()->rowCount() >= 1);
        composer->close(); // asks, as Outlook does, though autosave kept it
        QTRY_VERIFY(composer->keepDraftDialog() && composer->keepDraftDialog()->isVisible());
        QTest::mouseClick(composer->keepDraftDialog()->findChild<QPushButton *>(QStringLiteral("keepDraftButton")), Qt::LeftButton);
        QTRY_VERIFY(m_app->compose().composers().isEmpty());
        QCOMPARE(store().draftStore().drafts().size(), 1);
        QVERIFY(store().draftStore().draft(id));
    }

    void openingADraftContinuesItAndSendingDeletesIt()
    {
        const qint64 id = draftWithSubject(QStringLiteral("Offsite plans"))->id;
        Q_EMIT window()->panes().pages->draftList()->draftOpenRequested(id);
        QTRY_VERIFY(newestComposer());
        ComposerWindow *composer = newestComposer();
        QCOMPARE(composer->subjectEdit()->text(), QStringLiteral("Offsite plans"));
        QVERIFY(composer->bodyEdit()->toPlainText().contains(QStringLiteral("Friday?")));
        QCOMPARE(composer->draftId(), id);
        composer->toEdit()->setText(kAlice);
        composer->send();
        QTRY_VERIFY(m_app->compose().composers().isEmpty());
        QVERIFY(!store().draftStore().draft(id));
        QTRY_COMPARE_WITH_TIMEOUT(withSubject(QStringLiteral("alice"), QStringLiteral("Offsite plans")).size(), 1, 15000);
        // The server's draft went with it.
        QTRY_COMPARE_WITH_TIMEOUT(serverDrafts(QStringLiteral("Offsite plans")), 0, 15000);
    }

    void keepOnCloseKeepsAndDiscardDeletes()
    {
        ComposerWindow *kept = newMail();
        kept->subjectEdit()->setText(QStringLiteral("Kept on close"));
        kept->close();
        QTRY_VERIFY(kept->keepDraftDialog() && kept->keepDraftDialog()->isVisible());
        QTest::mouseClick(kept->keepDraftDialog()->findChild<QPushButton *>(QStringLiteral("keepDraftButton")), Qt::LeftButton);
        QTRY_VERIFY(draftWithSubject(QStringLiteral("Kept on close")));
        const qint64 id = draftWithSubject(QStringLiteral("Kept on close"))->id;

        Q_EMIT window()->panes().pages->draftList()->draftOpenRequested(id);
        QTRY_VERIFY(newestComposer());
        newestComposer()->discard();
        QTRY_VERIFY(!store().draftStore().draft(id));
    }

    void aRefusedMessageIsEditedFromTheOutboxAndGoesOnce()
    {
        bool armed = false;
        demoServerOf(*m_app)->runOnServerThread(
            [&armed](skein::server::ReferenceServer &s) { armed = s.faults().applyFaultSpec(QStringLiteral("send:120")); });
        QVERIFY(armed);
        ComposerWindow *composer = newMail();
        composer->toEdit()->setText(kBob);
        composer->subjectEdit()->setText(QStringLiteral("Budget draft v1"));
        composer->send();
        qint64 outboxId = 0;
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            for (const skein::OutboxEntry &e : store().outboxStore().outbox(true))
                if (e.subject == QLatin1String("Budget draft v1") && e.state == skein::OutboxState::Failed)
                    outboxId = e.id;
            return outboxId != 0;
        }(), 30000);

        Q_EMIT window()->panes().pages->outboxView()->editRequested(outboxId);
        QTRY_VERIFY(newestComposer());
        ComposerWindow *again = newestComposer();
        QCOMPARE(again->subjectEdit()->text(), QStringLiteral("Budget draft v1"));
        QVERIFY(addressesOf(again->toEdit()->text()).contains(kBob));
        again->subjectEdit()->setText(QStringLiteral("Budget draft v2"));
        again->send();
        QTRY_VERIFY(m_app->compose().composers().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(withSubject(QStringLiteral("bob"), QStringLiteral("Budget draft v2")).size(), 1, 30000);
        QCOMPARE(withSubject(QStringLiteral("bob"), QStringLiteral("Budget draft v1")).size(), 0);
        QVERIFY(store().draftStore().drafts().isEmpty() || !draftWithSubject(QStringLiteral("Budget draft v2")));
    }
};

QTEST_MAIN(TestDesktopDrafts)
#include "tst_desktopdrafts.moc"
