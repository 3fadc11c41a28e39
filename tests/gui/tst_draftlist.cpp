// The Drafts folder's centre pane (DraftListView inside MainWindow): local
// drafts newest first with "(no subject)", recipients and where each is
// kept, other devices' drafts from the synced Drafts folder, the notice
// below 16.0, Enter / double click asking the app to open a draft (a
// server-only one imported first), Delete asking before it deletes.
#include "CentrePages.h"
#include "CommandLine.h"
#include "ConversationListPane.h"
#include "ConversationView.h"
#include "DraftListView.h"
#include "DraftTypes.h"
#include "GuiTestWindow.h"
#include "MainWindow.h"
#include "Store.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace skein;
using namespace skein::ui;

namespace {

const QString kInbox = QStringLiteral("1");
const QString kDrafts = QStringLiteral("4");

} // namespace

class TestDraftList : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    int m_n = 0;
    qint64 m_noSubject = 0;
    qint64 m_plans = 0;
    qint64 m_uploaded = 0;

    bool fill(const QString &version)
    {
        m_store = std::make_unique<Store>();
        const QString profile = m_dir.filePath(QStringLiteral("p%1").arg(++m_n));
        if (!QDir().mkpath(profile) || !m_store->open(QDir(profile).filePath(QStringLiteral("mail.sqlite"))))
            return false;
        AccountSettings account;
        account.url = QStringLiteral("http://127.0.0.1:1");
        account.user = QStringLiteral("me");
        account.deviceId = QStringLiteral("GUI");
        account.protocolVersion = version;
        m_store->accountStore().saveAccount(account);
        const QList<Folder> folders{{kInbox, QStringLiteral("0"), QStringLiteral("Inbox"), FolderType::Inbox},
                                    {kDrafts, QStringLiteral("0"), QStringLiteral("Drafts"), FolderType::Drafts}};
        if (!m_store->folderStore().applyFolderSync(QStringLiteral("h1"), folders, {}))
            return false;
        SyncBatch batch;
        batch.folderId = kDrafts;
        batch.newSyncKey = QStringLiteral("1");
        for (const auto &[serverId, subject] : {std::pair{QStringLiteral("4:1"), QStringLiteral("Written on the phone")},
                                                std::pair{QStringLiteral("4:2"), QStringLiteral("Mine, on the server")}}) {
            Message m;
            m.serverId = serverId;
            m.subject = subject;
            m.to = QStringLiteral("Dana <dana@example.com>");
            m.dateReceived = QDateTime::currentDateTimeUtc().addSecs(-7200);
            m.bodyType = BodyType::PlainText;
            m.body = "from the phone";
            batch.adds.append(m);
        }
        if (!m_store->syncApplier().applySyncBatch(batch))
            return false;
        DraftEntry uploaded;
        uploaded.subject = QStringLiteral("Mine, on the server");
        uploaded.to = {QStringLiteral("Erin <erin@example.com>")};
        m_uploaded = m_store->draftStore().saveDraft(uploaded);
        m_store->draftStore().setDraftUploaded(m_uploaded, 1000, QStringLiteral("4:2"));
        QTest::qWait(5);
        DraftEntry plans;
        plans.subject = QStringLiteral("Plans for Friday");
        plans.to = {QStringLiteral("Alice Adams <alice@example.com>")};
        plans.cc = {QStringLiteral("bob@example.com")};
        plans.plainBody = QStringLiteral("Shall we");
        m_plans = m_store->draftStore().saveDraft(plans);
        QTest::qWait(5);
        DraftEntry empty;
        empty.to = {QStringLiteral("carol@example.com")};
        m_noSubject = m_store->draftStore().saveDraft(empty);
        return m_noSubject > 0;
    }

    std::unique_ptr<MainWindow> openDrafts()
    {
        auto window = guitest::showMainWindow(*m_store);
        window->selectFolder(kDrafts);
        return window;
    }

    static QTreeWidget *list(MainWindow &w) { return w.findChild<QTreeWidget *>(QStringLiteral("draftList")); }

    static QTreeWidgetItem *row(MainWindow &w, const QString &subject)
    {
        const QList<QTreeWidgetItem *> found = list(w)->findItems(subject, Qt::MatchExactly, DraftListView::SubjectColumn);
        return found.value(0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        guitest::isolateSettings(m_dir, QStringLiteral("tst_draftlist"));
    }

    void listsLocalThenOtherDevicesDrafts()
    {
        QVERIFY2(fill(QStringLiteral("14.1")), qPrintable(m_store->lastError()));
        auto w = openDrafts();
        QTreeWidget *l = list(*w);
        QVERIFY(l && l->isVisible());
        QCOMPARE(l->accessibleName(), QStringLiteral("Drafts"));
        QCOMPARE(l->topLevelItemCount(), 4); // three local, one from the phone; 4:2 is a local draft's
        QCOMPARE(l->topLevelItem(0)->text(DraftListView::SubjectColumn), QStringLiteral("(no subject)"));
        QCOMPARE(l->topLevelItem(1)->text(DraftListView::SubjectColumn), QStringLiteral("Plans for Friday"));
        QCOMPARE(l->topLevelItem(1)->text(DraftListView::RecipientsColumn), QStringLiteral("Alice Adams, bob@example.com"));
        QVERIFY(!l->topLevelItem(1)->text(DraftListView::UpdatedColumn).isEmpty());
        QCOMPARE(l->topLevelItem(1)->text(DraftListView::WhereColumn), QStringLiteral("on this computer only"));
        QCOMPARE(l->topLevelItem(2)->text(DraftListView::WhereColumn), QStringLiteral("saved on the server"));
        QCOMPARE(l->topLevelItem(3)->text(DraftListView::SubjectColumn), QStringLiteral("Written on the phone"));
        QCOMPARE(l->topLevelItem(3)->text(DraftListView::WhereColumn), QStringLiteral("on the server, from another device"));

        auto *notice = w->findChild<QLabel *>(QStringLiteral("draftsNotice"));
        QVERIFY(notice && notice->isVisible());
        QCOMPARE(notice->text(), QStringLiteral("Drafts are kept on this computer only: this server's protocol (14.1) "
                                                "cannot store them."));
        QVERIFY(!notice->accessibleName().isEmpty());

        // Another folder brings the conversation list back.
        w->selectFolder(kInbox);
        QVERIFY(!l->isVisible());
        QVERIFY(w->panes().list->view()->isVisible());
    }

    void noNoticeAt16()
    {
        QVERIFY(fill(QStringLiteral("16.1")));
        auto w = openDrafts();
        QVERIFY(!w->findChild<QLabel *>(QStringLiteral("draftsNotice"))->isVisible());
        QCOMPARE(row(*w, QStringLiteral("Plans for Friday"))->text(DraftListView::WhereColumn),
                 QStringLiteral("saving to the server\u2026"));
    }

    // The server keeps a draft's text only: the list says so when it has files.
    void aServerCopyWithoutItsAttachmentsSaysSo()
    {
        QVERIFY(fill(QStringLiteral("16.1")));
        const QString file = m_dir.filePath(QStringLiteral("agenda.txt"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write("agenda") == 6);
        f.close();
        DraftEntry d = *m_store->draftStore().draft(m_uploaded);
        d.attachments = {DraftAttachment{file, {}, {}, 0}};
        QVERIFY(m_store->draftStore().saveDraft(d));
        QVERIFY(m_store->draftStore().setDraftUploaded(m_uploaded, 1000, QStringLiteral("4:2")));
        auto w = openDrafts();
        QCOMPARE(row(*w, QStringLiteral("Mine, on the server"))->text(DraftListView::WhereColumn),
                 QStringLiteral("saved on the server, without its attachments"));
    }

    void enterAndDoubleClickOpen()
    {
        QVERIFY(fill(QStringLiteral("16.1")));
        auto w = openDrafts();
        QSignalSpy opened(w->panes().pages->draftList(), &DraftListView::draftOpenRequested);
        QTreeWidget *l = list(*w);
        l->setFocus();
        l->setCurrentItem(row(*w, QStringLiteral("Plans for Friday")));
        QTest::keyClick(l, Qt::Key_Return);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.takeFirst().first().toLongLong(), m_plans);

        // A draft from another device becomes a local draft first.
        QTreeWidgetItem *phone = row(*w, QStringLiteral("Written on the phone"));
        const QRect rect = l->visualItemRect(phone);
        // A real double click starts with a click that makes the row current.
        QTest::mouseClick(l->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(l->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(opened.size(), 1);
        const qint64 imported = opened.first().first().toLongLong();
        const std::optional<DraftEntry> d = m_store->draftStore().draft(imported);
        QVERIFY(d);
        QCOMPARE(d->serverId, QStringLiteral("4:1"));
        QCOMPARE(d->plainBody, QStringLiteral("from the phone"));
        QCOMPARE(row(*w, QStringLiteral("Written on the phone"))->text(DraftListView::WhereColumn),
                 QStringLiteral("saved on the server"));
        QCOMPARE(l->topLevelItemCount(), 4);
    }

    void deleteAsksFirst()
    {
        QVERIFY(fill(QStringLiteral("14.1")));
        auto w = openDrafts();
        QSignalSpy deleted(w->panes().pages->draftList(), &DraftListView::draftDeleted);
        QTreeWidget *l = list(*w);
        DraftListView *view = w->panes().pages->draftList();
        l->setFocus();
        l->setCurrentItem(row(*w, QStringLiteral("Plans for Friday")));
        QTest::keyClick(l, Qt::Key_Delete);
        QTRY_VERIFY(view->deleteQuestion() && view->deleteQuestion()->isVisible());
        QCOMPARE(view->deleteQuestion()->objectName(), QStringLiteral("deleteDraftQuestion"));
        auto *keep = view->deleteQuestion()->findChild<QPushButton *>(QStringLiteral("keepDraftButton"));
        QVERIFY(keep);
        QTest::mouseClick(keep, Qt::LeftButton);
        QVERIFY(m_store->draftStore().draft(m_plans));
        QVERIFY(deleted.isEmpty());

        QTRY_VERIFY(!view->deleteQuestion());
        QTest::keyClick(l, Qt::Key_Delete);
        QTRY_VERIFY(view->deleteQuestion() && view->deleteQuestion()->isVisible());
        auto *yes = view->deleteQuestion()->findChild<QPushButton *>(QStringLiteral("deleteDraftButton"));
        QVERIFY(yes && !yes->accessibleName().isEmpty());
        QTest::mouseClick(yes, Qt::LeftButton);
        QCOMPARE(deleted.size(), 1);
        QCOMPARE(deleted.first().first().toLongLong(), m_plans);
        QVERIFY(!m_store->draftStore().draft(m_plans));
        QVERIFY(!row(*w, QStringLiteral("Plans for Friday")));
        QCOMPARE(l->topLevelItemCount(), 3);
    }

    // The window's Delete shortcut (move a conversation to Deleted Items)
    // must not take the key from the drafts list.
    void deleteInTheListIsTheLists()
    {
        QVERIFY(fill(QStringLiteral("14.1")));
        auto w = openDrafts();
        auto *windowDelete = new QAction(w.get());
        windowDelete->setShortcut(QKeySequence(Qt::Key_Delete));
        w->addAction(windowDelete);
        QSignalSpy triggered(windowDelete, &QAction::triggered);
        QTreeWidget *l = list(*w);
        l->setFocus();
        l->setCurrentItem(row(*w, QStringLiteral("Plans for Friday")));
        QTest::keyClick(l, Qt::Key_Delete);
        DraftListView *view = w->panes().pages->draftList();
        QTRY_VERIFY(view->deleteQuestion() && view->deleteQuestion()->isVisible());
        QVERIFY(triggered.isEmpty());
        view->deleteQuestion()->reject();
    }

    // --screenshot --select-folder Drafts: how the view is looked at.
    void theScreenshotCanShowTheDraftsFolder()
    {
        using skein::desktop::parseCommandLine;
        const auto withShot = parseCommandLine({QStringLiteral("skein"), QStringLiteral("--screenshot"),
                                                QStringLiteral("/tmp/x.png"), QStringLiteral("--select-folder"),
                                                QStringLiteral("Drafts")});
        QVERIFY(withShot.options);
        QCOMPARE(withShot.options->selectFolder, QStringLiteral("Drafts"));
        const auto alone = parseCommandLine({QStringLiteral("skein"), QStringLiteral("--select-folder"),
                                             QStringLiteral("Drafts")});
        QVERIFY(!alone.options);
        QCOMPARE(alone.exitCode, 2);
        QVERIFY2(alone.text.contains(QLatin1String("--select-folder only works with --screenshot")),
                 qPrintable(alone.text));
    }
};

QTEST_MAIN(TestDraftList)
#include "tst_draftlist.moc"
