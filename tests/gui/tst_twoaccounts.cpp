// Two accounts in one window (demo and alice on one reference server, in
// process): alice is added through Settings > Accounts > Add and the real
// account dialog; the folder pane groups folders under each account; each
// account's list shows its own mail; actions, new mail and sending reach
// the right mailbox; a notification names the account and opens it; a
// restart keeps both; Remove deletes alice's store and leaves demo alone.
#include "AccountDialogDriver.h"
#include "AccountSetup.h"
#include "CentrePages.h"
#include "ComposeCommands.h"
#include "ComposeDemoApp.h"
#include "ConversationActionsController.h"
#include "ConversationListPane.h"
#include "ConversationView.h"
#include "FakeNotificationService.h"
#include "FolderPane.h"
#include "LiveMail.h"
#include "Profile.h"
#include "ReadingPane.h"
#include "SettingsDialog.h"
#include "StatusArea.h"
#include "SyncStatus.h"
#include "UnifiedInboxPage.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>

using namespace guitest;
using skein::ui::ConversationActionsController;

namespace {

const QString kAliceName = QStringLiteral("account-2"); // the first added account's name

} // namespace

class TestTwoAccounts : public QObject, public ComposeDemoApp
{
    Q_OBJECT

    std::unique_ptr<skein::test::FakeNotificationService> m_fake;

    skein::server::DeliveryResult deliverTo(const QString &user, const QString &subject)
    {
        skein::server::DeliveryResult result;
        demoServerOf(*m_app)->runOnServerThread([&](skein::server::ReferenceServer &server) {
            skein::server::IncomingMail mail;
            mail.to = user;
            mail.from = QStringLiteral("Bob Builder <bob@skein.test>");
            mail.subject = subject;
            mail.body = QStringLiteral("For %1 only.").arg(user);
            result = server.deliver(mail);
        });
        return result;
    }

    QStringList topLevelRows() const
    {
        QStringList rows;
        QAbstractItemModel *model = folderView()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            rows.append(model->index(row, 0).data().toString());
        return rows;
    }

    bool selectConversation(const QString &subject)
    {
        QAbstractItemModel *model = window()->panes().list->view()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, 0);
            if (index.data(skein::SubjectRole).toString() == subject) {
                window()->panes().list->view()->setCurrentIndex(index);
                return true;
            }
        }
        return false;
    }

    bool notifiedAbout(const QString &subject, QString *body = nullptr, uint *id = nullptr) const
    {
        for (const auto &n : m_fake->service().received()) {
            if (n.summary.contains(subject)) {
                if (body)
                    *body = n.body;
                if (id)
                    *id = n.id;
                return true;
            }
        }
        return false;
    }

    // A conversation of one message in demo's seeded Inbox.
    static QString demoSubject() { return QStringLiteral("Annual infrastructure report"); }

private Q_SLOTS:
    void initTestCase()
    {
        if (QDBusConnection::sessionBus().isConnected()) {
            m_fake = std::make_unique<skein::test::FakeNotificationService>();
            QVERIFY(m_fake->ok());
        }
        const QString failed = startDemo();
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        QVERIFY(deliverTo(QStringLiteral("alice"), QStringLiteral("Budget for Alice")).ok);
    }

    void cleanupTestCase()
    {
        m_app.reset();
        m_fake.reset();
    }

    void oneAccountHasNoAccountRows()
    {
        QCOMPARE(m_app->accounts().size(), 1);
        QVERIFY(!accountRow(QString()).isValid());
        QVERIFY(topLevelRows().contains(QStringLiteral("Inbox")));
    }

    // Settings > Accounts > Add, and the account dialog as a new user fills it in.
    void addsASecondAccountThroughSettings()
    {
        skein::ui::SettingsDialog *settings = m_app->liveMail().showSettings();
        QCOMPARE(settings->findChild<QListWidget *>(QStringLiteral("accountList"))->count(), 1);
        QSignalSpy synced(m_app.get(), &DesktopApp::syncCompleted);
        QTest::mouseClick(settings->findChild<QPushButton *>(QStringLiteral("addAccountButton")), Qt::LeftButton);
        QTRY_VERIFY(m_app->accountDialog() && m_app->accountDialog()->isVisible());
        skein::ui::AccountDialog *dialog = m_app->accountDialog();
        QVERIFY(dialog->email().isEmpty()); // not demo's address
        setUpManually(dialog, kAlice, demoServerOf(*m_app)->baseUrl().toString(), QStringLiteral("alice"),
                      QStringLiteral("alice"));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible() && accountRow(kAliceName).isValid(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), 30000);

        QCOMPARE(m_app->accounts().size(), 2);
        QCOMPARE(m_app->activeAccount()->name(), kAliceName);
        // demo's store stays where it was; alice's is the profile's named account.
        const skein::cli::Profile profile(m_dir.filePath(QStringLiteral("profile")));
        QCOMPARE(profile.accountNames(), (QStringList{QString(), kAliceName}));
        QVERIFY(QFile::exists(skein::cli::Profile(profile.directory(), kAliceName).databasePath()));
        QVERIFY(QFile::exists(profile.databasePath()));

        const QStringList rows = topLevelRows();
        QCOMPARE(rows, (QStringList{QStringLiteral("All Inboxes"), QStringLiteral("demo@skein.test"), kAlice}));
        QVERIFY(inboxRowOf(QString()).isValid() && inboxRowOf(kAliceName).isValid());
        QTRY_VERIFY_WITH_TIMEOUT(listSubjects().contains(QStringLiteral("Budget for Alice")), 10000);
        QVERIFY(!listSubjects().contains(demoSubject()));
        QCOMPARE(settings->findChild<QListWidget *>(QStringLiteral("accountList"))->count(), 2);
        saveShot(settings, QStringLiteral("settings-accounts.png"));
        settings->close();
        saveShot(window(), QStringLiteral("two-accounts.png"));
    }

    void eachAccountShowsItsOwnMail()
    {
        clickFolder(inboxRowOf(QString()));
        QCOMPARE(m_app->activeAccount()->name(), QString());
        // The status bar tells demo's last sync, not alice's sync that was running.
        QVERIFY(!window()->panes().status->syncStatus()->isSyncing());
        QVERIFY2(window()->panes().status->syncStatus()->lastSyncText().startsWith(QLatin1String("Last sync")),
                 qPrintable(window()->panes().status->syncStatus()->lastSyncText()));
        QTRY_VERIFY2(listSubjects().contains(demoSubject()), qPrintable(demoSubject() + QLatin1String(" not in ") + listSubjects().join(QLatin1Char('|'))));
        QVERIFY(!listSubjects().contains(QStringLiteral("Budget for Alice")));
        QVERIFY(m_app->store().folderStore().folderOfType(skein::FolderType::Inbox));

        // The account's own row opens its Inbox.
        clickFolder(accountRow(kAliceName));
        QCOMPARE(m_app->activeAccount()->name(), kAliceName);
        QTRY_COMPARE(folderView()->currentIndex(), inboxRowOf(kAliceName));
        QTRY_VERIFY(listSubjects().contains(QStringLiteral("Budget for Alice")));
        QVERIFY(!listSubjects().contains(demoSubject()));
    }

    // Flag in alice's Inbox, Delete in demo's: each on its own mailbox only.
    void actionsReachTheRightMailbox()
    {
        QVERIFY(selectConversation(QStringLiteral("Budget for Alice")));
        window()->panes().conversationActions->action(ConversationActionsController::Flag)->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(withSubject(QStringLiteral("alice"), QStringLiteral("Budget for Alice")).value(0)
                                         [QStringLiteral("flagStatus")].toInt() == 2, 15000);

        const QString demoOne = demoSubject();
        const int demoCopies = int(withSubject(QStringLiteral("demo"), demoOne).size());
        clickFolder(inboxRowOf(QString()));
        QTRY_VERIFY(selectConversation(demoOne));
        window()->panes().conversationActions->action(ConversationActionsController::Delete)->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(withSubject(QStringLiteral("demo"), demoOne).value(0)[QStringLiteral("folder")]
                                         .toString() == QLatin1String("Deleted Items"), 15000);
        QCOMPARE(int(withSubject(QStringLiteral("demo"), demoOne).size()), demoCopies);
        // Nothing of either happened to the other mailbox.
        QCOMPARE(withSubject(QStringLiteral("alice"), QStringLiteral("Budget for Alice")).value(0)
                     [QStringLiteral("folder")].toString(), QStringLiteral("Inbox"));
        for (const QJsonObject &m : mailbox(QStringLiteral("alice")))
            QVERIFY(m[QStringLiteral("folder")].toString() != QLatin1String("Deleted Items"));
    }

    // Alice's mail arrives while demo is shown: her row counts it, the
    // notification names her, and its click shows her conversation.
    void newMailOfTheOtherAccountIsCountedAndNotified()
    {
        if (!m_fake)
            QSKIP("no D-Bus session bus (run under dbus-run-session)");
        QCOMPARE(m_app->activeAccount()->name(), QString());
        const int unreadBefore = accountRow(kAliceName).data(skein::UnreadCountRole).toInt();
        const QStringList demoList = listSubjects();
        QVERIFY(deliverTo(QStringLiteral("alice"), QStringLiteral("Lunch on Friday")).ok);
        QString body;
        uint id = 0;
        QTRY_VERIFY_WITH_TIMEOUT(notifiedAbout(QStringLiteral("Lunch on Friday"), &body, &id), 10000);
        qInfo("the notification service received: \"%s\" / \"%s\"",
              qPrintable(m_fake->service().received().last().summary), qPrintable(body));
        QVERIFY2(body.startsWith(QLatin1String("To alice")), qPrintable(body));
        QTRY_COMPARE(accountRow(kAliceName).data(skein::UnreadCountRole).toInt(), unreadBefore + 1);
        QCOMPARE(m_app->activeAccount()->name(), QString());
        QVERIFY(!listSubjects().contains(QStringLiteral("Lunch on Friday")));
        QVERIFY(window()->windowTitle().contains(QStringLiteral("unread")));

        m_fake->service().click(id);
        QTRY_COMPARE(m_app->activeAccount()->name(), kAliceName);
        QTRY_COMPARE(window()->panes().list->view()->currentIndex().data(skein::SubjectRole).toString(),
                     QStringLiteral("Lunch on Friday"));
        Q_UNUSED(demoList)
    }

    // All Inboxes: both accounts' Inbox conversations in one list, each row
    // naming its account; reading a row switches the window to its account
    // and marks it read there; Enter opens it in its own Inbox.
    void allInboxesListsEveryAccount()
    {
        QAbstractItemModel *folders = folderView()->model();
        const QModelIndex all = folders->index(0, 0);
        QCOMPARE(all.data(skein::FolderIdRole).toString(), skein::FolderModel::unifiedInboxId());
        QTRY_COMPARE(all.data(skein::UnreadCountRole).toInt(),
                     accountRow(QString()).data(skein::UnreadCountRole).toInt()
                         + accountRow(kAliceName).data(skein::UnreadCountRole).toInt());
        clickFolder(inboxRowOf(QString()));
        clickFolder(all);
        QVERIFY(window()->panes().pages->page() == skein::ui::CentrePages::AllInboxes);
        QCOMPARE(window()->currentFolderId(), skein::FolderModel::unifiedInboxId());

        QTreeView *unified = window()->panes().allInboxes->view();
        QAbstractItemModel *model = unified->model();
        QHash<QString, QString> accountOf; // subject -> account
        QDateTime previous;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, 0);
            accountOf.insert(index.data(skein::SubjectRole).toString(), index.data(skein::AccountRole).toString());
            const QDateTime latest = index.data(skein::LatestDateRole).toDateTime();
            QVERIFY2(!previous.isValid() || latest <= previous, "newest first");
            previous = latest;
        }
        QCOMPARE(accountOf.value(QStringLiteral("Lunch on Friday"), QStringLiteral("?")), kAliceName);
        QCOMPARE(accountOf.value(QStringLiteral("Budget for Alice"), QStringLiteral("?")), kAliceName);
        QCOMPARE(accountOf.value(QStringLiteral("Signed contract (PDF)"), QStringLiteral("?")), QString());
        saveShot(window(), QStringLiteral("all-inboxes.png"));

        // Reading alice's unread row from demo's window: the window follows, the mail is read.
        const auto rowOf = [&](const QString &subject) {
            for (int row = 0; row < model->rowCount(); ++row)
                if (model->index(row, 0).data(skein::SubjectRole).toString() == subject)
                    return model->index(row, 0);
            return QModelIndex();
        };
        QCOMPARE(m_app->activeAccount()->name(), QString());
        QVERIFY(rowOf(QStringLiteral("Lunch on Friday")).data(skein::UnreadCountRole).toInt() > 0);
        window()->setMarkReadDelay(0);
        unified->setCurrentIndex(rowOf(QStringLiteral("Lunch on Friday")));
        QCOMPARE(m_app->activeAccount()->name(), kAliceName);
        QVERIFY(window()->panes().pages->page() == skein::ui::CentrePages::AllInboxes);
        const auto shown = m_app->store().messageStore().messageById(window()->panes().reading->answerTargetId());
        QVERIFY(shown && shown->subject == QStringLiteral("Lunch on Friday"));
        // Reply answers what is shown, from alice's account.
        QCOMPARE(window()->panes().compose->selectedMessageId(), shown->id);
        QVERIFY(window()->findChild<QAction *>(QStringLiteral("actionReply"))->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(withSubject(QStringLiteral("alice"), QStringLiteral("Lunch on Friday")).value(0)
                                     [QStringLiteral("read")].toBool(), 15000);
        QTRY_COMPARE(rowOf(QStringLiteral("Lunch on Friday")).data(skein::UnreadCountRole).toInt(), 0);
        window()->setMarkReadDelay(-1);

        // A demo row: the window is demo's again; Enter opens it in demo's Inbox.
        unified->setCurrentIndex(rowOf(QStringLiteral("Signed contract (PDF)")));
        QCOMPARE(m_app->activeAccount()->name(), QString());
        unified->setFocus();
        QTest::keyClick(unified, Qt::Key_Return);
        QVERIFY(window()->panes().pages->page() != skein::ui::CentrePages::AllInboxes);
        QCOMPARE(folderView()->currentIndex(), inboxRowOf(QString()));
        QCOMPARE(window()->panes().list->view()->currentIndex().data(skein::SubjectRole).toString(),
                 QStringLiteral("Signed contract (PDF)"));

        // Optional: View > All Inboxes off takes the row away.
        window()->panes().folders->allInboxesAction()->setChecked(false);
        QVERIFY(folders->index(0, 0).data(skein::IsAccountRole).toBool());
        window()->panes().folders->allInboxesAction()->setChecked(true);
        QCOMPARE(folders->index(0, 0).data(skein::FolderIdRole).toString(), skein::FolderModel::unifiedInboxId());
    }

    // A composer opened while alice is shown sends as alice, even after the
    // window has switched to demo.
    void aComposerSendsFromItsOwnAccount()
    {
        clickFolder(inboxRowOf(kAliceName));
        QCOMPARE(m_app->activeAccount()->name(), kAliceName);
        window()->findChild<QAction *>(QStringLiteral("actionNewMail"))->trigger();
        QTRY_VERIFY(newestComposer());
        ComposerWindow *composer = newestComposer();
        QCOMPARE(composer->findChild<QLabel *>(QStringLiteral("composerFrom"))->text(), kAlice);
        QTest::keyClicks(composer->toEdit(), QStringLiteral("demo@skein.test"));
        QTest::keyClicks(composer->subjectEdit(), QStringLiteral("Written as Alice"));
        composer->bodyEdit()->setFocus();
        QTest::keyClicks(composer->bodyEdit(), QStringLiteral("Hello from alice."));

        clickFolder(inboxRowOf(QString()));
        QCOMPARE(m_app->activeAccount()->name(), QString());
        composer->findChild<QAction *>(QStringLiteral("composerSendAction"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(withSubject(QStringLiteral("demo"), QStringLiteral("Written as Alice")).size() == 1, 30000);
        const QJsonObject got = withSubject(QStringLiteral("demo"), QStringLiteral("Written as Alice")).first();
        QVERIFY2(got[QStringLiteral("from")].toString().contains(kAlice), qPrintable(got[QStringLiteral("from")].toString()));
        // alice's Sent Items keeps the copy; demo sent nothing.
        QTRY_VERIFY_WITH_TIMEOUT(!withSubject(QStringLiteral("alice"), QStringLiteral("Written as Alice")).isEmpty(), 15000);
        QCOMPARE(withSubject(QStringLiteral("alice"), QStringLiteral("Written as Alice")).first()
                     [QStringLiteral("folder")].toString(), QStringLiteral("Sent Items"));
        for (const QJsonObject &m : withSubject(QStringLiteral("demo"), QStringLiteral("Written as Alice")))
            QCOMPARE(m[QStringLiteral("folder")].toString(), QStringLiteral("Inbox"));
    }

    // Settings > Accounts > Edit: the account dialog for that account; a
    // signature set for alice signs alice's mail only.
    void editAndSignaturePerAccount()
    {
        skein::ui::SettingsDialog *settings = m_app->liveMail().showSettings();
        auto *list = settings->findChild<QListWidget *>(QStringLiteral("accountList"));
        list->setCurrentRow(1);
        QTest::mouseClick(settings->findChild<QPushButton *>(QStringLiteral("editAccountButton")), Qt::LeftButton);
        QTRY_VERIFY(m_app->accountDialog() && m_app->accountDialog()->isVisible());
        QCOMPARE(m_app->activeAccount()->name(), kAliceName);
        QCOMPARE(folderView()->currentIndex(), inboxRowOf(kAliceName)); // the pane follows
        QCOMPARE(textOf(m_app->accountDialog(), "accountUser"), QStringLiteral("alice"));
        QTest::mouseClick(m_app->accountDialog()->findChild<QPushButton *>(QStringLiteral("accountCancel")), Qt::LeftButton);
        QTRY_VERIFY(!m_app->accountDialog()->isVisible());
        QCOMPARE(m_app->accounts().size(), 2); // cancelling an edit removes nothing

        settings->showPage(QStringLiteral("signatures"));
        auto *which = settings->findChild<QComboBox *>(QStringLiteral("signatureAccountCombo"));
        QCOMPARE(which->count(), 2);
        which->setCurrentIndex(1);
        auto *text = settings->findChild<QPlainTextEdit *>(QStringLiteral("signatureEdit"));
        QVERIFY(text);
        text->setPlainText(QStringLiteral("Alice, Finance"));
        settings->save();
        settings->close();
        window()->findChild<QAction *>(QStringLiteral("actionNewMail"))->trigger(); // alice is shown
        QTRY_VERIFY(newestComposer());
        QVERIFY(newestComposer()->bodyEdit()->toPlainText().contains(QLatin1String("Alice, Finance")));
        delete newestComposer();
        clickFolder(inboxRowOf(QString()));
        window()->findChild<QAction *>(QStringLiteral("actionNewMail"))->trigger();
        QTRY_VERIFY(newestComposer());
        QCOMPARE(m_app->activeAccount()->name(), QString());
        QVERIFY(!newestComposer()->bodyEdit()->toPlainText().contains(QLatin1String("Alice, Finance")));
        delete newestComposer();
    }

    // Settings > Accounts > Remove, confirmed: alice's store is gone, demo's
    // stays, the pane is flat again, the server keeps alice's mail.
    void removeDeletesTheAccountsStoreOnly()
    {
        const skein::cli::Profile alice(m_dir.filePath(QStringLiteral("profile")), kAliceName);
        clickFolder(inboxRowOf(kAliceName)); // the account shown is the one removed
        QCOMPARE(m_app->activeAccount()->name(), kAliceName);
        window()->findChild<QAction *>(QStringLiteral("actionNewMail"))->trigger();
        QTRY_VERIFY(newestComposer());
        QPointer<ComposerWindow> orphan = newestComposer(); // written in alice's account
        skein::ui::SettingsDialog *settings = m_app->liveMail().showSettings();
        auto *list = settings->findChild<QListWidget *>(QStringLiteral("accountList"));
        QCOMPARE(list->count(), 2);
        list->setCurrentRow(1);
        QString asked;
        QTimer::singleShot(0, this, [&asked] {
            for (QWidget *w : QApplication::topLevelWidgets()) {
                if (auto *box = qobject_cast<QMessageBox *>(w); box && box->objectName() == QLatin1String("removeAccountConfirmation")) {
                    asked = box->text();
                    QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("confirmRemoveAccountButton")), Qt::LeftButton);
                }
            }
        });
        QTest::mouseClick(settings->findChild<QPushButton *>(QStringLiteral("removeAccountButton")), Qt::LeftButton);
        QVERIFY2(asked.contains(QLatin1String("alice")), qPrintable(asked));
        QCOMPARE(m_app->accounts().size(), 1);
        QCOMPARE(m_app->activeAccount()->name(), QString());
        QVERIFY(!QFile::exists(alice.databasePath()));
        QVERIFY(!QDir(alice.accountDirectory()).exists());
        QVERIFY(QFile::exists(skein::cli::Profile(alice.directory()).databasePath()));
        QVERIFY(!accountRow(QString()).isValid());
        QVERIFY(topLevelRows().contains(QStringLiteral("Inbox")));
        QCOMPARE(list->count(), 1);
        QTRY_VERIFY(listSubjects().contains(QStringLiteral("Signed contract (PDF)"))); // demo's Inbox is shown
        // A message written in the removed account is not sent from another one.
        QVERIFY(orphan);
        QTest::keyClicks(orphan->toEdit(), QStringLiteral("bob@skein.test"));
        QTest::keyClicks(orphan->subjectEdit(), QStringLiteral("Orphaned message"));
        orphan->findChild<QAction *>(QStringLiteral("composerSendAction"))->trigger();
        QVERIFY2(orphan->sendError().contains(QLatin1String("removed")), qPrintable(orphan->sendError()));
        QVERIFY(orphan->isVisible());
        for (const skein::OutboxEntry &entry : store().outboxStore().outbox(false))
            QVERIFY(entry.subject != QLatin1String("Orphaned message"));
        delete orphan.data();
        QVERIFY(!withSubject(QStringLiteral("alice"), QStringLiteral("Budget for Alice")).isEmpty());
        settings->close();
    }

    // Add, then Cancel in the account dialog: no account, no folder, demo shown again.
    void cancellingAnAddLeavesNoTrace()
    {
        m_app->accountSetup().addAccount();
        QTRY_VERIFY(m_app->accountDialog() && m_app->accountDialog()->isVisible());
        QCOMPARE(m_app->accounts().size(), 2); // the new one exists while it is set up
        QTest::mouseClick(m_app->accountDialog()->findChild<QPushButton *>(QStringLiteral("accountCancel")), Qt::LeftButton);
        QTRY_COMPARE(m_app->accounts().size(), 1);
        QCOMPARE(m_app->activeAccount()->name(), QString());
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("profile/accounts/") + kAliceName)));
        QVERIFY(m_app->mainWindow()->isVisible());
        QTRY_VERIFY(listSubjects().contains(QStringLiteral("Signed contract (PDF)")));
    }
};

QTEST_MAIN(TestTwoAccounts)
#include "tst_twoaccounts.moc"
