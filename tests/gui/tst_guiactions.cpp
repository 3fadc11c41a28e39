// Conversation actions from the real window: DesktopApp in demo mode (the
// reference server in-process, on its own thread), each action triggered the
// way a user would (shortcut on the conversation list, context menu, menu
// bar, folder chooser), the window checked at once (local first), then the
// server's dump after the engine replayed the journal. Ignore and always-move
// rules catch a reply delivered afterwards; a refused Move is rolled back
// with the server's reason in the banner; the rules dialog brings an ignored
// conversation back; Delete in Deleted Items and Empty Deleted Items ask
// before they delete for good; the date filter estimates, then syncs and
// says how many older messages it hides. Near the end
// the server behaves like SOGo 5.8 (HTTP 500 for conversation Moves and
// Searches): Skein keeps the rules on this computer and Find searches the
// local store.
//
// Screenshots for review: /tmp/skein-actions-*.png, /tmp/skein-local-*.png.
#include "Banner.h"
#include "ConversationActionsController.h"
#include "ConversationActionsDialogs.h"
#include "ConversationListPane.h"
#include "ConversationNotice.h"
#include "ConversationRulesDialog.h"
#include "ConversationView.h"
#include "DemoServer.h"
#include "DesktopApp.h"
#include "FindResultsDialog.h"
#include "FolderChooserDialog.h"
#include "FolderPane.h"
#include "MainWindow.h"
#include "ModelRoles.h"
#include "ReadingColumn.h"
#include "ReferenceServer.h"
#include "StatusArea.h"
#include "StatusText.h"
#include "SyncFilterControl.h"
#include "SyncStatus.h"

#include <QAction>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QJsonArray>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QToolBar>
#include <QTreeView>
#include <QTreeWidget>
#include <QtTest>

using namespace skein;
using skein::desktop::DesktopApp;
using skein::desktop::DesktopOptions;
using skein::ui::ConversationActionsController;
using C = ConversationActionsController;

namespace {

struct ServerMessage {
    QString serverId, folder;
    bool read = false;
    int flagStatus = 0;
    QDateTime received;
};

const QString kInbox = QStringLiteral("Inbox");
const QString kTrash = QStringLiteral("Deleted Items");
const QString kSent = QStringLiteral("Sent Items");

} // namespace

class TestGuiActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void markReadAndUnreadByKeyboard();
    void changesWaitWhileTheServerIsUnreachable();
    void flagByInsertThenCompleteAndClearFromTheContextMenu();
    void deleteByKey();
    void deleteInDeletedItemsAsksThenDeletesForGood();
    void moveByShortcutThroughTheFolderChooser();
    void ignoreByKCatchesANewReply();
    void ignoreByCtrlDelete();
    void alwaysMoveFromTheMenuCatchesANewReply();
    void alwaysMoveRefusesOutboxWithTheModelsMessage();
    void findInAllFolders();
    void refusedIgnoreRollsBackWithTheReason();
    void rulesDialogStopsIgnoringAndBringsMessagesBack();
    // The server behaves like SOGo 5.8 from here on (ReferenceServer::setRefusals).
    void ignoreWhenTheServerRefusesConversationMoves();
    void alwaysMoveWhenTheServerRefusesConversationMoves();
    void findWhenTheServerRefusesSearch();
    void emptyDeletedItemsAsksThenEmptiesTheFolder();
    void dateFilterEstimatesThenSyncs();

private:
    ui::MainWindow *window() const { return m_app->mainWindow(); }
    QTreeView *view() const { return window()->panes().list->view(); }
    ConversationActionsController *controller() const { return window()->panes().conversationActions; }
    QAction *command(C::Command c) const { return controller()->action(c); }

    QJsonObject dump() const;
    QList<ServerMessage> onServer(const QByteArray &conversationId) const;
    QList<ServerMessage> onServerIn(const QByteArray &conversationId, const QString &folder) const;
    QString folderId(FolderType type) const;
    QString folderId(const QString &name) const;

    // A conversation of the Inbox not used by an earlier test: it has a
    // ConversationId, `minInInbox` messages there, and every message of it
    // lives in the Inbox or Sent Items (so its row's counts are the Inbox's).
    // needSent: it also has a message in Sent Items.
    QByteArray takeConversation(int minInInbox = 1, bool needUnread = false, bool needUnflagged = false,
                                bool needSent = false);
    QModelIndex rowOf(const QByteArray &conversationId) const;
    bool isListed(const QByteArray &conversationId) const { return rowOf(conversationId).isValid(); }
    // Selects the conversation's row in the real list and gives it the focus.
    void select(const QByteArray &conversationId);
    void openContextMenu(const QByteArray &conversationId);
    bool waitForReplay(QSignalSpy &spy);
    bool syncNow();
    QString deliverReplyTo(const QByteArray &conversationId, const QString &folder, QString *landedIn);
    QList<server::ConversationRuleInfo> serverRules() const;
    void screenshot(QWidget *widget, const QString &name);
    void saveGrab(QWidget *widget, const QString &path);
    // Conversation > Conversation Rules… from the menu bar, as the user opens it.
    ui::ConversationRulesDialog *openRulesFromTheMenuBar();
    // The server refused the conversation Move of `id` (ignore or always-move
    // to `target`): the rule is kept here, the Inbox messages moved there
    // with MoveItems, Sent Items left alone, the notice in the status bar,
    // and a new reply follows them after a sync. noticeEnd: how the status
    // bar's notice ends, once the engine learned the refusal ("" = checked
    // by the caller). pictures: save
    // /tmp/skein-local-rule-{window,dialog}.png on the way.
    void checkRuleKeptOnThisComputer(const QByteArray &id, const QString &target, const QStringList &wasInInbox,
                                     const QStringList &wasInSent, const QString &noticeEnd, bool pictures);
    QStringList serverIdsIn(const QByteArray &conversationId, const QString &folder) const;
    // From now on the server answers conversation Moves and Searches by
    // ConversationId with a bare HTTP 500, like SOGo 5.8.
    void refuseLikeSogo() const;

    QTemporaryDir m_profile;
    std::unique_ptr<DesktopApp> m_app;
    QSet<QByteArray> m_used;
    QByteArray m_ignored; // by ignoreByK, for the rules dialog
    QByteArray m_deleted; // by deleteByKey: in Deleted Items now
    // The question the window shows now, and its button (both by object name).
    QMessageBox *question(const char *name) const;
    void answer(const char *questionName, const char *buttonName);
};

void TestGuiActions::initTestCase()
{
    m_app = std::make_unique<DesktopApp>(DesktopOptions{m_profile.path(), true, {}});
    runDemoInProcess(*m_app); // the test reaches into the server
    // Selecting must not mark anything read here: these tests check read
    // states. The app has pointed QSettings at the test profile by now.
    QSettings().setValue(QStringLiteral("reading/markReadDelayMs"), -1);
    QSignalSpy synced(m_app.get(), &DesktopApp::syncCompleted);
    m_app->start();
    QVERIFY(synced.wait(90000));
    QVERIFY2(synced.first().first().toBool(), "the first sync of the demo mailbox failed");
    window()->resize(1280, 800);
    window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window()));
    QCOMPARE(window()->currentFolderId(), folderId(FolderType::Inbox));
}

void TestGuiActions::cleanupTestCase()
{
    m_app.reset();
}

QJsonObject TestGuiActions::dump() const
{
    QJsonObject result;
    demoServerOf(*m_app)->runOnServerThread([&result](server::ReferenceServer &s) { result = s.dump(); });
    return result;
}

QList<ServerMessage> TestGuiActions::onServer(const QByteArray &conversationId) const
{
    QList<ServerMessage> list;
    for (const QJsonValue &u : dump().value(QStringLiteral("users")).toArray()) {
        for (const QJsonValue &m : u[QStringLiteral("messages")].toArray()) {
            if (QByteArray::fromHex(m[QStringLiteral("conversationId")].toString().toLatin1()) != conversationId)
                continue;
            list.append({m[QStringLiteral("serverId")].toString(), m[QStringLiteral("folder")].toString(),
                         m[QStringLiteral("read")].toBool(), m[QStringLiteral("flagStatus")].toInt(),
                         QDateTime::fromString(m[QStringLiteral("received")].toString(), Qt::ISODateWithMs)});
        }
    }
    return list;
}

QList<ServerMessage> TestGuiActions::onServerIn(const QByteArray &conversationId, const QString &folder) const
{
    QList<ServerMessage> list;
    for (const ServerMessage &m : onServer(conversationId))
        if (m.folder == folder)
            list.append(m);
    return list;
}

QString TestGuiActions::folderId(FolderType type) const
{
    return m_app->store().folderStore().folderOfType(type).value_or(Folder{}).serverId;
}

QString TestGuiActions::folderId(const QString &name) const
{
    return m_app->store().folderStore().folderByName(name).value_or(Folder{}).serverId;
}

QByteArray TestGuiActions::takeConversation(int minInInbox, bool needUnread, bool needUnflagged, bool needSent)
{
    const Store &store = m_app->store();
    const QString inbox = folderId(FolderType::Inbox), sent = folderId(FolderType::SentItems);
    for (const ConversationSummary &c : store.conversationStore().conversations(inbox)) {
        if (c.conversationId.isEmpty() || m_used.contains(c.conversationId))
            continue;
        int inInbox = 0, unread = 0, inSent = 0;
        bool elsewhere = false, flagged = false;
        for (const Message &m : store.messageStore().conversationMessages(c.conversationId)) {
            inInbox += m.folderId == inbox;
            inSent += m.folderId == sent;
            unread += m.folderId == inbox && !m.read;
            elsewhere |= m.folderId != inbox && m.folderId != sent;
            flagged |= m.flag.status != FlagStatus::None;
        }
        if (elsewhere || inInbox < minInInbox || (needUnread && unread == 0) || (needUnflagged && flagged)
            || (needSent && inSent == 0))
            continue;
        m_used.insert(c.conversationId);
        return c.conversationId;
    }
    return {};
}

QModelIndex TestGuiActions::rowOf(const QByteArray &conversationId) const
{
    QAbstractItemModel *model = view()->model();
    for (int row = 0;; ++row) {
        if (row >= model->rowCount()) {
            if (!model->canFetchMore({}))
                return {};
            model->fetchMore({});
            if (row >= model->rowCount())
                return {};
        }
        const QModelIndex index = model->index(row, 0);
        if (index.data(ConversationIdRole).toByteArray() == conversationId)
            return index;
    }
}

void TestGuiActions::select(const QByteArray &conversationId)
{
    const QModelIndex row = rowOf(conversationId);
    QVERIFY2(row.isValid(), conversationId.toHex().constData());
    window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window()));
    view()->setCurrentIndex(row);
    view()->scrollTo(row);
    view()->setFocus(Qt::OtherFocusReason);
    QTRY_VERIFY(view()->hasFocus());
    QVERIFY(controller()->currentTarget());
    QCOMPARE(controller()->currentTarget()->conversationId, conversationId);
}

// A right-click as the viewport sees it: the row under the pointer is
// selected and the menu pops up there.
void TestGuiActions::openContextMenu(const QByteArray &conversationId)
{
    const QModelIndex row = rowOf(conversationId);
    QVERIFY(row.isValid());
    view()->scrollTo(row);
    const QPoint pos = view()->visualRect(row).center();
    QContextMenuEvent event(QContextMenuEvent::Mouse, pos, view()->viewport()->mapToGlobal(pos));
    QApplication::sendEvent(view()->viewport(), &event);
    QTRY_VERIFY(controller()->contextMenu()->isVisible());
    QCOMPARE(controller()->currentTarget()->conversationId, conversationId);
}

bool TestGuiActions::waitForReplay(QSignalSpy &spy)
{
    if (spy.isEmpty() && !spy.wait(120000))
        return false;
    return spy.first().first().toBool();
}

bool TestGuiActions::syncNow()
{
    if (!QTest::qWaitFor([this] { return !m_app->isSyncing(); }, 60000))
        return false;
    QSignalSpy synced(m_app.get(), &DesktopApp::syncCompleted);
    m_app->requestSync();
    if (!synced.wait(120000))
        return false;
    return synced.first().first().toBool();
}

QString TestGuiActions::deliverReplyTo(const QByteArray &conversationId, const QString &folder, QString *landedIn)
{
    const QList<ServerMessage> there = onServerIn(conversationId, folder);
    if (there.isEmpty())
        return {};
    server::IncomingMail reply;
    reply.to = QStringLiteral("demo");
    reply.replyToServerId = there.first().serverId;
    reply.from = QStringLiteral("Zed Nobody <zed@example.com>");
    reply.subject = QStringLiteral("Re: one more thing");
    reply.body = QStringLiteral("Sorry, one more thing.");
    server::DeliveryResult result;
    demoServerOf(*m_app)->runOnServerThread([&](server::ReferenceServer &s) { result = s.deliver(reply); });
    if (!result.ok)
        qWarning() << "delivery failed:" << result.error;
    *landedIn = result.folder;
    return result.serverId;
}

QList<server::ConversationRuleInfo> TestGuiActions::serverRules() const
{
    QList<server::ConversationRuleInfo> rules;
    demoServerOf(*m_app)->runOnServerThread(
        [&rules](server::ReferenceServer &s) { rules = s.conversationRules(QStringLiteral("demo")); });
    return rules;
}

void TestGuiActions::screenshot(QWidget *widget, const QString &name)
{
    const QString path = QStringLiteral("/tmp/skein-actions-%1.png").arg(name);
    QVERIFY2(widget->grab().save(path), qPrintable(path));
}

void TestGuiActions::saveGrab(QWidget *widget, const QString &path)
{
    QVERIFY2(widget->grab().save(path), qPrintable(path));
}

ui::ConversationRulesDialog *TestGuiActions::openRulesFromTheMenuBar()
{
    auto *menu = window()->findChild<QMenu *>(QStringLiteral("conversationMenu"));
    if (!menu || !window()->menuBar()->actions().contains(menu->menuAction()))
        return nullptr;
    QAction *rules = nullptr;
    for (QAction *a : menu->actions())
        if (a->text() == QStringLiteral("Conversation R&ules\u2026"))
            rules = a;
    if (!rules || !rules->isEnabled())
        return nullptr;
    rules->trigger();
    if (!QTest::qWaitFor([this] { return controller()->dialogs()->rulesDialog() && controller()->dialogs()->rulesDialog()->isVisible(); }))
        return nullptr;
    return controller()->dialogs()->rulesDialog();
}

void TestGuiActions::refuseLikeSogo() const
{
    demoServerOf(*m_app)->runOnServerThread([](server::ReferenceServer &s) { s.quirks().setRefusals(true, true); });
}

QStringList TestGuiActions::serverIdsIn(const QByteArray &conversationId, const QString &folder) const
{
    QStringList ids;
    for (const ServerMessage &m : onServerIn(conversationId, folder))
        ids << m.serverId;
    ids.sort();
    return ids;
}

void TestGuiActions::checkRuleKeptOnThisComputer(const QByteArray &id, const QString &target,
                                                 const QStringList &wasInInbox, const QStringList &wasInSent,
                                                 const QString &noticeEnd, bool pictures)
{
    const Store &store = m_app->store();
    const QString targetId = folderId(target);
    QCOMPARE(store.accountStore().capability(Capability::ConversationMove), CapabilityState::Refused);
    if (!noticeEnd.isEmpty()) {
        QTRY_VERIFY2(window()->statusBar()->currentMessage().endsWith(noticeEnd),
                     qPrintable(window()->statusBar()->currentMessage() + QStringLiteral(" | banner: ")
                                + window()->panes().banner->message()));
        QVERIFY(window()->statusBar()->currentMessage().startsWith(
            QStringLiteral("This server cannot keep conversation rules; Skein keeps ")));
    }
    QVERIFY2(!window()->panes().banner->isVisible(), qPrintable(window()->panes().banner->message()));
    QVERIFY(!isListed(id));
    QTRY_COMPARE(store.journalStore().conversationRule(id)->state, RuleState::Active);
    QCOMPARE(store.journalStore().conversationRule(id)->scope, RuleScope::Local);
    QTRY_VERIFY(window()->findChild<QLabel *>(QStringLiteral("pendingChanges"))->isHidden());
    if (pictures) {
        QTest::qWait(50); // let the window repaint before the picture
        saveGrab(window(), QStringLiteral("/tmp/skein-local-rule-window.png"));
    }

    // On the server: the Inbox messages moved (MoveItems), Sent Items untouched, no rule.
    QVERIFY(onServerIn(id, kInbox).isEmpty());
    QCOMPARE(onServerIn(id, target).size(), wasInInbox.size());
    QCOMPARE(serverIdsIn(id, kSent), wasInSent);
    QCOMPARE(onServer(id).size(), wasInInbox.size() + wasInSent.size());
    const QList<server::ConversationRuleInfo> rules = serverRules();
    QVERIFY(std::none_of(rules.cbegin(), rules.cend(), [&](const auto &r) { return r.conversationId == id; }));
    // Here: the same.
    for (const Message &m : store.messageStore().conversationMessages(id))
        QVERIFY2(m.folderId == targetId || m.folderId == folderId(FolderType::SentItems), qPrintable(m.serverId));

    // The rules dialog says who keeps the rule, with the footnote.
    ui::ConversationRulesDialog *dialog = openRulesFromTheMenuBar();
    QVERIFY(dialog);
    QVERIFY(dialog->selectConversation(id));
    QTreeWidgetItem *item = dialog->list()->currentItem();
    QCOMPARE(item->text(ui::ConversationRulesDialog::FolderColumn), target);
    QCOMPARE(item->text(ui::ConversationRulesDialog::StateColumn), QStringLiteral("Active"));
    QCOMPARE(item->text(ui::ConversationRulesDialog::KeptColumn), QStringLiteral("This computer*"));
    auto *footnote = dialog->findChild<QLabel *>(QStringLiteral("localRuleNote"));
    QVERIFY(footnote && footnote->isVisible());
    QVERIFY2(footnote->text().startsWith(QStringLiteral("* This computer: ")), qPrintable(footnote->text()));
    QTest::qWait(50);
    if (pictures)
        saveGrab(dialog, QStringLiteral("/tmp/skein-local-rule-dialog.png"));
    dialog->close();

    // A new reply: the server puts it in the Inbox (it keeps no rule); the
    // sync brings it and Skein moves it on.
    QString landedIn;
    const QString newId = deliverReplyTo(id, target, &landedIn);
    QVERIFY(!newId.isEmpty());
    QCOMPARE(landedIn, kInbox);
    QVERIFY(syncNow());
    QCOMPARE(serverIdsIn(id, kInbox), QStringList());
    QCOMPARE(onServerIn(id, target).size(), wasInInbox.size() + 1);
    QCOMPARE(serverIdsIn(id, kSent), wasInSent);
    for (const Message &m : store.messageStore().conversationMessages(id))
        QVERIFY2(m.folderId == targetId || m.folderId == folderId(FolderType::SentItems), qPrintable(m.serverId));
    QVERIFY(!isListed(id));
    QTRY_VERIFY(window()->findChild<QLabel *>(QStringLiteral("pendingChanges"))->isHidden());
    QVERIFY(!window()->panes().banner->isVisible());
}

void TestGuiActions::markReadAndUnreadByKeyboard()
{
    const QByteArray id = takeConversation(2, true);
    QVERIFY(!id.isEmpty());
    select(id);
    QVERIFY(rowOf(id).data(UnreadCountRole).toInt() > 0);
    QVERIFY(command(C::MarkRead)->isEnabled());

    QSignalSpy replayed(m_app.get(), &DesktopApp::actionsReplayed);
    QTest::keyClick(view(), Qt::Key_Q, Qt::ControlModifier);
    QCOMPARE(rowOf(id).data(UnreadCountRole).toInt(), 0); // at once, before the server knows
    QVERIFY(rowOf(id).data(ReadRole).toBool());
    QCOMPARE(window()->findChild<QLabel *>(QStringLiteral("pendingChanges"))->text(), QStringLiteral("1 change waiting to be sent"));
    QVERIFY(waitForReplay(replayed));
    for (const ServerMessage &m : onServerIn(id, kInbox))
        QVERIFY2(m.read, qPrintable(m.serverId));
    QTRY_VERIFY(window()->findChild<QLabel *>(QStringLiteral("pendingChanges"))->isHidden());

    replayed.clear();
    const int inInbox = int(onServerIn(id, kInbox).size());
    QTest::keyClick(view(), Qt::Key_U, Qt::ControlModifier);
    QCOMPARE(rowOf(id).data(UnreadCountRole).toInt(), inInbox);
    QVERIFY(waitForReplay(replayed));
    for (const ServerMessage &m : onServerIn(id, kInbox))
        QVERIFY2(!m.read, qPrintable(m.serverId));
}

// The server answers 503 until the session gives up: the change stays local
// and the status bar says it waits; the next sync sends it.
void TestGuiActions::changesWaitWhileTheServerIsUnreachable()
{
    const QByteArray id = takeConversation(1, true);
    QVERIFY(!id.isEmpty());
    select(id);
    QStringList unreadOnServer;
    for (const ServerMessage &m : onServerIn(id, kInbox))
        if (!m.read)
            unreadOnServer << m.serverId;
    QVERIFY(!unreadOnServer.isEmpty());
    demoServerOf(*m_app)->runOnServerThread([](server::ReferenceServer &s) { s.faults().failNextRequests(503, 5); });
    QSignalSpy replayed(m_app.get(), &DesktopApp::actionsReplayed);
    QTest::keyClick(view(), Qt::Key_Q, Qt::ControlModifier);
    QCOMPARE(rowOf(id).data(UnreadCountRole).toInt(), 0);
    QVERIFY(!waitForReplay(replayed)); // not sent
    QVERIFY(window()->findChild<QLabel *>(QStringLiteral("pendingChanges"))->isVisible());
    QCOMPARE(window()->findChild<QLabel *>(QStringLiteral("pendingChanges"))->text(), QStringLiteral("1 change waiting to be sent"));
    QVERIFY(!window()->findChild<QLabel *>(QStringLiteral("pendingChanges"))->toolTip().isEmpty());
    QVERIFY(!window()->panes().status->syncStatus()->isSyncing());
    QTest::qWait(50);
    screenshot(window(), QStringLiteral("pending"));
    for (const ServerMessage &m : onServerIn(id, kInbox))
        QVERIFY(!unreadOnServer.contains(m.serverId) || !m.read); // the server has not heard of it
    QVERIFY(rowOf(id).data(ReadRole).toBool()); // still read here

    QVERIFY(syncNow()); // the journal rides with the next sync
    QTRY_VERIFY(window()->findChild<QLabel *>(QStringLiteral("pendingChanges"))->isHidden());
    for (const ServerMessage &m : onServerIn(id, kInbox))
        QVERIFY2(m.read, qPrintable(m.serverId));
}

void TestGuiActions::flagByInsertThenCompleteAndClearFromTheContextMenu()
{
    const QByteArray id = takeConversation(2, false, true);
    QVERIFY(!id.isEmpty());
    select(id);
    QSignalSpy replayed(m_app.get(), &DesktopApp::actionsReplayed);
    QTest::keyClick(view(), Qt::Key_Insert);
    QVERIFY(rowOf(id).data(FlaggedRole).toBool());
    QVERIFY(waitForReplay(replayed));
    QList<ServerMessage> inInbox = onServerIn(id, kInbox);
    const auto newest = std::max_element(inInbox.cbegin(), inInbox.cend(),
                                         [](const auto &a, const auto &b) { return a.received < b.received; });
    for (const ServerMessage &m : inInbox)
        QCOMPARE(m.flagStatus, m.serverId == newest->serverId ? 2 : 0);

    // Mark Complete from the context menu of a message row (acts on its conversation).
    view()->expand(rowOf(id));
    QTRY_VERIFY(view()->model()->rowCount(rowOf(id)) > 0);
    const QModelIndex messageRow = view()->model()->index(0, 0, rowOf(id));
    view()->scrollTo(messageRow);
    const QPoint pos = view()->visualRect(messageRow).center();
    QContextMenuEvent event(QContextMenuEvent::Mouse, pos, view()->viewport()->mapToGlobal(pos));
    QApplication::sendEvent(view()->viewport(), &event);
    QMenu *menu = controller()->contextMenu();
    QTRY_VERIFY(menu->isVisible());
    QCOMPARE(controller()->currentTarget()->conversationId, id);
    QVERIFY(menu->actions().contains(command(C::Complete)));
    QVERIFY(command(C::Complete)->isEnabled());
    QVERIFY(command(C::ClearFlag)->isEnabled());
    screenshot(menu, QStringLiteral("context-menu"));
    replayed.clear();
    command(C::Complete)->trigger();
    menu->close();
    QVERIFY(!rowOf(id).data(FlaggedRole).toBool()); // complete is not an active flag
    QVERIFY(!command(C::Complete)->isEnabled());
    QVERIFY(waitForReplay(replayed));
    for (const ServerMessage &m : onServerIn(id, kInbox))
        QCOMPARE(m.flagStatus, m.serverId == newest->serverId ? 1 : 0);

    // Clear Flag from the menu bar's Conversation menu.
    QMenu *conversationMenu = window()->findChild<QMenu *>(QStringLiteral("conversationMenu"));
    QVERIFY(conversationMenu);
    QVERIFY(conversationMenu->actions().contains(command(C::ClearFlag)));
    replayed.clear();
    command(C::ClearFlag)->trigger();
    QVERIFY(!command(C::ClearFlag)->isEnabled());
    QVERIFY(waitForReplay(replayed));
    for (const ServerMessage &m : onServerIn(id, kInbox))
        QCOMPARE(m.flagStatus, 0);
}

void TestGuiActions::deleteByKey()
{
    const QByteArray id = takeConversation(1);
    const int inInbox = int(onServerIn(id, kInbox).size());
    const int inTrash = int(onServerIn(id, kTrash).size());
    select(id);
    QSignalSpy replayed(m_app.get(), &DesktopApp::actionsReplayed);
    QTest::keyClick(view(), Qt::Key_Delete);
    QVERIFY(!isListed(id));
    QVERIFY(waitForReplay(replayed));
    QVERIFY(onServerIn(id, kInbox).isEmpty());
    QCOMPARE(onServerIn(id, kTrash).size(), inInbox + inTrash);
    m_deleted = id;
}

QMessageBox *TestGuiActions::question(const char *name) const
{
    auto *box = window()->findChild<QMessageBox *>(QLatin1String(name));
    return box && box->isVisible() ? box : nullptr;
}

void TestGuiActions::answer(const char *questionName, const char *buttonName)
{
    QTRY_VERIFY2(question(questionName), questionName);
    auto *button = question(questionName)->findChild<QPushButton *>(QLatin1String(buttonName));
    QVERIFY2(button, buttonName);
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY(!question(questionName));
}

// In Deleted Items the server deletes for good: Delete used to do that at
// once while its tool tip said "to Deleted Items".
void TestGuiActions::deleteInDeletedItemsAsksThenDeletesForGood()
{
    const QByteArray id = m_deleted;
    QVERIFY(!id.isEmpty());
    QVERIFY(command(C::Delete)->toolTip().contains(QStringLiteral("to Deleted Items")));
    window()->selectFolder(folderId(FolderType::DeletedItems));
    QTRY_VERIFY(isListed(id));
    select(id);
    QVERIFY2(command(C::Delete)->toolTip().contains(QStringLiteral("for good")), qPrintable(command(C::Delete)->toolTip()));
    QCOMPARE(command(C::Delete)->text(), QStringLiteral("&Delete Permanently\u2026"));
    const int inTrash = int(onServerIn(id, kTrash).size());
    QVERIFY(inTrash > 0);

    QTest::keyClick(view(), Qt::Key_Delete);
    QTRY_VERIFY(question("deletePermanentlyQuestion"));
    QVERIFY(question("deletePermanentlyQuestion")->text().contains(QStringLiteral("permanently")));
    screenshot(question("deletePermanentlyQuestion"), QStringLiteral("delete-permanently"));
    answer("deletePermanentlyQuestion", "cancelButton");
    QVERIFY(isListed(id)); // nothing happened
    QCOMPARE(int(onServerIn(id, kTrash).size()), inTrash);

    select(id);
    QSignalSpy replayed(m_app.get(), &DesktopApp::actionsReplayed);
    QTest::keyClick(view(), Qt::Key_Delete);
    answer("deletePermanentlyQuestion", "deletePermanentlyButton");
    QVERIFY(!isListed(id));
    QVERIFY2(window()->statusBar()->currentMessage().endsWith(QStringLiteral("\u201d permanently.")),
             qPrintable(window()->statusBar()->currentMessage()));
    QVERIFY(waitForReplay(replayed));
    QVERIFY(onServerIn(id, kTrash).isEmpty()); // gone from the server, not moved anywhere
    for (const ServerMessage &m : onServer(id))
        QVERIFY2(m.folder == kSent, qPrintable(m.folder));
    window()->selectFolder(folderId(FolderType::Inbox));
    QTRY_VERIFY(command(C::Delete)->toolTip().contains(QStringLiteral("to Deleted Items")));
}

void TestGuiActions::moveByShortcutThroughTheFolderChooser()
{
    const QByteArray id = takeConversation(1);
    const int inInbox = int(onServerIn(id, kInbox).size());
    select(id);
    QTest::keyClick(view(), Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(controller()->dialogs()->folderChooser() && controller()->dialogs()->folderChooser()->isVisible());
    ui::FolderChooserDialog *chooser = controller()->dialogs()->folderChooser();
    QCOMPARE(chooser->purpose(), ui::FolderChooserDialog::Purpose::Move);
    const QStringList offered = chooser->offeredFolderIds();
    QVERIFY(!offered.contains(folderId(FolderType::Outbox)));
    QVERIFY(!offered.contains(folderId(FolderType::Drafts)));
    QVERIFY(!chooser->selectFolder(folderId(FolderType::Inbox))); // where it already is
    QVERIFY(chooser->selectFolder(folderId(QStringLiteral("Projects"))));
    screenshot(chooser, QStringLiteral("folder-chooser"));
    QSignalSpy replayed(m_app.get(), &DesktopApp::actionsReplayed);
    chooser->accept();
    QVERIFY(!isListed(id));
    QVERIFY(waitForReplay(replayed));
    QVERIFY(onServerIn(id, kInbox).isEmpty());
    QVERIFY(onServerIn(id, QStringLiteral("Projects")).size() >= inInbox);
}

void TestGuiActions::ignoreByKCatchesANewReply()
{
    const QByteArray id = takeConversation(1);
    const int sentCount = int(onServerIn(id, kSent).size());
    select(id);
    QSignalSpy replayed(m_app.get(), &DesktopApp::actionsReplayed);
    QTest::keyClick(view(), Qt::Key_K);
    QVERIFY(!isListed(id));
    QVERIFY(m_app->store().journalStore().conversationRule(id));
    QTest::qWait(50); // let the window repaint before the picture
    screenshot(window(), QStringLiteral("after-ignore"));
    QVERIFY(waitForReplay(replayed));
    for (const ServerMessage &m : onServer(id))
        QVERIFY2(m.folder == kTrash || m.folder == kSent, qPrintable(m.folder));
    QCOMPARE(onServerIn(id, kSent).size(), sentCount);
    const QList<server::ConversationRuleInfo> rules = serverRules();
    QVERIFY(std::any_of(rules.cbegin(), rules.cend(), [&](const auto &r) {
        return r.conversationId == id && r.folder == kTrash;
    }));
    m_ignored = id;

    // The server keeps the rule: a new reply lands in Deleted Items, and the
    // window shows it there after a sync.
    QString landedIn;
    const QString newId = deliverReplyTo(id, kTrash, &landedIn);
    QVERIFY(!newId.isEmpty());
    QCOMPARE(landedIn, kTrash);
    QVERIFY(syncNow());
    window()->selectFolder(folderId(FolderType::DeletedItems));
    QTRY_VERIFY(isListed(id));
    QVERIFY(m_app->store().messageStore().message(folderId(FolderType::DeletedItems), newId)); // the server put it there
    QCOMPARE(rowOf(id).data(MessageCountRole).toInt(), int(onServer(id).size()));
    // Seen in Deleted Items, the conversation says it is ignored.
    select(id);
    QVERIFY(window()->panes().readingColumn->notice()->isVisible());
    QVERIFY(window()->panes().readingColumn->notice()->text().contains(QStringLiteral("ignoring")));
    QVERIFY(command(C::StopRule)->isVisible() && command(C::StopRule)->isEnabled());
    QVERIFY(!command(C::Ignore)->isEnabled());
    QTest::qWait(50);
    screenshot(window(), QStringLiteral("ignored-notice"));
    window()->selectFolder(folderId(FolderType::Inbox));
}

void TestGuiActions::ignoreByCtrlDelete()
{
    const QByteArray id = takeConversation(1);
    select(id);
    QSignalSpy replayed(m_app.get(), &DesktopApp::actionsReplayed);
    QTest::keyClick(view(), Qt::Key_Delete, Qt::ControlModifier);
    QVERIFY(!isListed(id));
    QVERIFY(waitForReplay(replayed));
    for (const ServerMessage &m : onServer(id))
        QVERIFY2(m.folder == kTrash || m.folder == kSent, qPrintable(m.folder));
    QCOMPARE(m_app->store().journalStore().conversationRule(id)->state, RuleState::Active);
}

void TestGuiActions::alwaysMoveFromTheMenuCatchesANewReply()
{
    const QByteArray id = takeConversation(1);
    const QString receipts = folderId(QStringLiteral("Receipts"));
    QVERIFY(!receipts.isEmpty());
    select(id);
    command(C::AlwaysMove)->trigger();
    QTRY_VERIFY(controller()->dialogs()->folderChooser() && controller()->dialogs()->folderChooser()->isVisible());
    ui::FolderChooserDialog *chooser = controller()->dialogs()->folderChooser();
    QCOMPARE(chooser->purpose(), ui::FolderChooserDialog::Purpose::AlwaysMove);
    QVERIFY(!chooser->offeredFolderIds().contains(folderId(FolderType::Outbox)));
    QVERIFY(!chooser->offeredFolderIds().contains(folderId(FolderType::Drafts)));
    QVERIFY(!chooser->selectFolder(folderId(FolderType::Outbox)));
    QVERIFY(chooser->selectFolder(receipts));
    QSignalSpy replayed(m_app.get(), &DesktopApp::actionsReplayed);
    chooser->accept();
    QVERIFY(!isListed(id));
    QVERIFY(waitForReplay(replayed));
    for (const ServerMessage &m : onServer(id))
        QVERIFY2(m.folder == QLatin1String("Receipts") || m.folder == kSent, qPrintable(m.folder));
    const QList<server::ConversationRuleInfo> rules = serverRules();
    QVERIFY(std::any_of(rules.cbegin(), rules.cend(), [&](const auto &r) {
        return r.conversationId == id && r.folder == QLatin1String("Receipts");
    }));

    QString landedIn;
    const QString newId = deliverReplyTo(id, QStringLiteral("Receipts"), &landedIn);
    QVERIFY(!newId.isEmpty());
    QCOMPARE(landedIn, QStringLiteral("Receipts"));
    QVERIFY(syncNow());
    window()->selectFolder(receipts);
    QTRY_VERIFY(isListed(id));
    QVERIFY(m_app->store().messageStore().message(receipts, newId));
    select(id);
    QVERIFY(window()->panes().readingColumn->notice()->isVisible());
    QVERIFY(window()->panes().readingColumn->notice()->text().contains(QStringLiteral("always moved")));
    window()->selectFolder(folderId(FolderType::Inbox));
}

void TestGuiActions::alwaysMoveRefusesOutboxWithTheModelsMessage()
{
    const QByteArray id = takeConversation(1);
    select(id);
    window()->panes().banner->hide();
    QVERIFY(!controller()->run(ActionKind::AlwaysMove, folderId(FolderType::Outbox)));
    QVERIFY(window()->panes().banner->isVisible());
    QVERIFY2(window()->panes().banner->whatToDo().contains(
                 QStringLiteral("Outbox and Drafts cannot receive an always-move rule.")),
             qPrintable(window()->panes().banner->whatToDo()));
    QVERIFY(isListed(id));
    QVERIFY(!m_app->store().journalStore().conversationRule(id));
    m_used.remove(id); // untouched: free for a later test
    window()->panes().banner->hide();
}

void TestGuiActions::findInAllFolders()
{
    const QByteArray id = takeConversation(1);
    select(id);
    command(C::Find)->trigger();
    QTRY_VERIFY(controller()->dialogs()->findResults() && controller()->dialogs()->findResults()->isVisible());
    ui::FindResultsDialog *dialog = controller()->dialogs()->findResults();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isSearching(), 60000);
    QCOMPARE(dialog->conversationId(), id);
    QCOMPARE(dialog->list()->topLevelItemCount(), int(onServer(id).size()));
    QVERIFY2(dialog->noteText().isEmpty(), qPrintable(dialog->noteText()));
    QStringList folders;
    for (int i = 0; i < dialog->list()->topLevelItemCount(); ++i)
        folders << dialog->list()->topLevelItem(i)->text(ui::FindResultsDialog::FolderColumn);
    QVERIFY2(folders.contains(kInbox), qPrintable(folders.join(QLatin1Char(','))));

    // The search fails this time (HTTP 504 from a proxy for the FolderSync
    // and the Search): the local store answers, and the dialog says so. Not
    // a refusal (500/501, see findWhenTheServerRefusesSearch): Skein asks
    // the server again next time.
    demoServerOf(*m_app)->runOnServerThread([](server::ReferenceServer &s) { s.faults().failNextRequests(504, 2); });
    command(C::Find)->trigger();
    QVERIFY(dialog->isSearching());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isSearching(), 60000);
    QVERIFY2(dialog->noteText().contains(QStringLiteral("could not search")), qPrintable(dialog->noteText()));
    QVERIFY(dialog->list()->topLevelItemCount() > 0);
    QCOMPARE(m_app->store().accountStore().capability(Capability::SearchByConversation), CapabilityState::Supported);
    screenshot(dialog, QStringLiteral("find-local"));
    dialog->close();
}

void TestGuiActions::refusedIgnoreRollsBackWithTheReason()
{
    const QByteArray id = takeConversation(1);
    const int inInbox = int(onServerIn(id, kInbox).size());
    select(id);
    window()->panes().banner->hide();
    demoServerOf(*m_app)->runOnServerThread([](server::ReferenceServer &s) { s.faults().forceMoveStatus(6); });
    QSignalSpy replayed(m_app.get(), &DesktopApp::actionsReplayed);
    QTest::keyClick(view(), Qt::Key_K);
    QVERIFY(!isListed(id)); // local first
    QVERIFY(waitForReplay(replayed));
    const QString reason = eas::statusText("ItemOperations.Move", 6);
    QTRY_VERIFY(window()->panes().banner->isVisible());
    QVERIFY2(window()->panes().banner->message().contains(reason), qPrintable(window()->panes().banner->message()));
    QTRY_VERIFY(isListed(id)); // rolled back: the row is back in the Inbox
    QCOMPARE(onServerIn(id, kInbox).size(), inInbox);
    QCOMPARE(m_app->store().journalStore().conversationRule(id)->state, RuleState::Failed);
    QTest::qWait(50);
    screenshot(window(), QStringLiteral("failure-banner"));
}

void TestGuiActions::rulesDialogStopsIgnoringAndBringsMessagesBack()
{
    QVERIFY(!m_ignored.isEmpty());
    QVERIFY(!isListed(m_ignored));
    command(C::Rules)->trigger();
    QTRY_VERIFY(controller()->dialogs()->rulesDialog() && controller()->dialogs()->rulesDialog()->isVisible());
    ui::ConversationRulesDialog *dialog = controller()->dialogs()->rulesDialog();
    QVERIFY(dialog->list()->topLevelItemCount() >= 3); // two ignored, one always moved, one failed
    QVERIFY(dialog->selectConversation(m_ignored));
    QTreeWidgetItem *item = dialog->list()->currentItem();
    QCOMPARE(item->text(ui::ConversationRulesDialog::SubjectColumn),
             ui::ConversationRulesDialog::subjectOf(m_app->store(), m_ignored));
    QCOMPARE(item->text(ui::ConversationRulesDialog::RuleColumn), QStringLiteral("Ignored"));
    QCOMPARE(item->text(ui::ConversationRulesDialog::FolderColumn), kTrash);
    QCOMPARE(item->text(ui::ConversationRulesDialog::StateColumn), QStringLiteral("Active"));
    QCOMPARE(item->text(ui::ConversationRulesDialog::KeptColumn), QStringLiteral("Server"));
    QVERIFY(!item->text(ui::ConversationRulesDialog::CreatedColumn).isEmpty());
    QCOMPARE(dialog->stopButton()->text(), QStringLiteral("Stop Ignoring\u2026"));
    screenshot(dialog, QStringLiteral("rules-dialog"));

    QTest::mouseClick(dialog->stopButton(), Qt::LeftButton);
    QTRY_VERIFY(controller()->dialogs()->stopQuestion() && controller()->dialogs()->stopQuestion()->isVisible());
    QMessageBox *question = controller()->dialogs()->stopQuestion();
    screenshot(question, QStringLiteral("stop-question"));
    auto *bringBack = question->findChild<QPushButton *>(QStringLiteral("bringBackButton"));
    QVERIFY(bringBack);
    QSignalSpy replayed(m_app.get(), &DesktopApp::actionsReplayed);
    QTest::mouseClick(bringBack, Qt::LeftButton);
    QVERIFY(!m_app->store().journalStore().conversationRule(m_ignored));
    QVERIFY(!dialog->selectConversation(m_ignored));
    QVERIFY(isListed(m_ignored)); // back in the Inbox at once
    QVERIFY(waitForReplay(replayed));
    QVERIFY(!onServerIn(m_ignored, kInbox).isEmpty());
    QTRY_VERIFY(isListed(m_ignored));
    dialog->close();
}

void TestGuiActions::ignoreWhenTheServerRefusesConversationMoves()
{
    refuseLikeSogo();
    const QByteArray id = takeConversation(2, false, false, true);
    QVERIFY(!id.isEmpty());
    const QStringList inInbox = serverIdsIn(id, kInbox), inSent = serverIdsIn(id, kSent);
    QVERIFY(inInbox.size() >= 2 && !inSent.isEmpty());
    QVERIFY(onServerIn(id, kTrash).isEmpty());
    select(id);
    window()->panes().banner->hide();
    QSignalSpy replayed(m_app.get(), &DesktopApp::actionsReplayed);
    QTest::keyClick(view(), Qt::Key_K);
    QVERIFY(!isListed(id)); // local first, as with any server
    QVERIFY(waitForReplay(replayed));
    checkRuleKeptOnThisComputer(id, kTrash, inInbox, inSent, QStringLiteral(" ignored on this computer."), true);
}

void TestGuiActions::alwaysMoveWhenTheServerRefusesConversationMoves()
{
    refuseLikeSogo(); // already, when the tests run in order: Skein then does not ask again
    const QByteArray id = takeConversation(2, false, false, true);
    QVERIFY(!id.isEmpty());
    const QStringList inInbox = serverIdsIn(id, kInbox), inSent = serverIdsIn(id, kSent);
    const QString projects = QStringLiteral("Projects");
    const int alreadyThere = int(onServerIn(id, projects).size());
    QCOMPARE(alreadyThere, 0);
    select(id);
    window()->panes().banner->hide();
    window()->statusBar()->clearMessage();
    command(C::AlwaysMove)->trigger();
    QTRY_VERIFY(controller()->dialogs()->folderChooser() && controller()->dialogs()->folderChooser()->isVisible());
    ui::FolderChooserDialog *chooser = controller()->dialogs()->folderChooser();
    QCOMPARE(chooser->purpose(), ui::FolderChooserDialog::Purpose::AlwaysMove);
    QVERIFY(chooser->selectFolder(folderId(projects)));
    QSignalSpy replayed(m_app.get(), &DesktopApp::actionsReplayed);
    chooser->accept();
    QVERIFY(!isListed(id));
    // Skein knows the server refuses such rules: it says at once who keeps this one.
    const QString said = window()->statusBar()->currentMessage();
    QVERIFY2(said.startsWith(QStringLiteral("This server cannot keep conversation rules; Skein keeps moving \u201c"))
                 && said.endsWith(QStringLiteral(" to %1 on this computer.").arg(projects)),
             qPrintable(said));
    QVERIFY(waitForReplay(replayed));
    checkRuleKeptOnThisComputer(id, projects, inInbox, inSent, QString(), false);
}

void TestGuiActions::findWhenTheServerRefusesSearch()
{
    refuseLikeSogo();
    const QByteArray id = takeConversation(2, false, false, true);
    QVERIFY(!id.isEmpty());
    select(id);
    command(C::Find)->trigger();
    QTRY_VERIFY(controller()->dialogs()->findResults() && controller()->dialogs()->findResults()->isVisible());
    ui::FindResultsDialog *dialog = controller()->dialogs()->findResults();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isSearching(), 60000);
    QCOMPARE(dialog->conversationId(), id);
    QCOMPARE(m_app->store().accountStore().capability(Capability::SearchByConversation), CapabilityState::Refused);
    QVERIFY2(dialog->noteText().startsWith(QStringLiteral("Searched this computer")), qPrintable(dialog->noteText()));
    QCOMPARE(dialog->list()->topLevelItemCount(), int(m_app->store().messageStore().conversationMessages(id).size()));
    QCOMPARE(dialog->list()->topLevelItemCount(), int(onServer(id).size()));
    QStringList folders;
    for (int i = 0; i < dialog->list()->topLevelItemCount(); ++i)
        folders << dialog->list()->topLevelItem(i)->text(ui::FindResultsDialog::FolderColumn);
    QVERIFY2(folders.contains(kInbox) && folders.contains(kSent), qPrintable(folders.join(QLatin1Char(','))));
    QTest::qWait(50);
    saveGrab(dialog, QStringLiteral("/tmp/skein-local-find.png"));
    dialog->close();
}

void TestGuiActions::dateFilterEstimatesThenSyncs()
{
    // With ConversationMode the server keeps an old message whose
    // conversation has a recent one in the folder; the rest leave.
    const QDateTime weekAgo = QDateTime::currentDateTimeUtc().addDays(-7).addSecs(-3600);
    const QString inbox = folderId(FolderType::Inbox);
    const auto recentConversations = [&] {
        QSet<QByteArray> recent;
        for (const Message &m : m_app->store().messageStore().messagesInFolder(inbox))
            if (m.dateReceived >= weekAgo)
                recent.insert(m.conversationId);
        return recent;
    };
    QSet<QByteArray> recent = recentConversations();
    QStringList leaving;
    for (const Message &m : m_app->store().messageStore().messagesInFolder(inbox))
        if (m.dateReceived < weekAgo && !recent.contains(m.conversationId))
            leaving.append(m.serverId);
    QVERIFY2(!leaving.isEmpty(), "the demo Inbox should have conversations older than a week");

    QMenu *viewMenu = nullptr;
    for (QAction *a : window()->menuBar()->actions())
        if (a->menu() && a->text() == QStringLiteral("&View"))
            viewMenu = a->menu();
    QVERIFY(viewMenu);
    QAction *week = nullptr;
    for (QAction *a : viewMenu->actions())
        if (a->menu() && a->text() == QStringLiteral("Show &Mail From"))
            for (QAction *choice : a->menu()->actions())
                if (choice->text() == QStringLiteral("1 week"))
                    week = choice;
    QVERIFY(week);
    QTRY_VERIFY_WITH_TIMEOUT(!m_app->isSyncing(), 60000);
    QSignalSpy synced(m_app.get(), &DesktopApp::syncCompleted);
    week->trigger();
    QCOMPARE(window()->panes().syncFilter->syncFilter(), 3);
    QCOMPARE(window()->panes().syncFilter->combo()->currentText(), QStringLiteral("1 week"));
    QTRY_VERIFY_WITH_TIMEOUT(window()->panes().syncFilter->estimateText().contains(QStringLiteral("to download")), 60000);
    QVERIFY2(window()->panes().syncFilter->estimateText().startsWith(QLatin1Char('~')), qPrintable(window()->panes().syncFilter->estimateText()));
    QVERIFY(!synced.isEmpty() || synced.wait(120000));
    QVERIFY(synced.first().first().toBool());
    for (const QString &serverId : std::as_const(leaving))
        QVERIFY2(!m_app->store().messageStore().message(inbox, serverId), qPrintable(serverId));
    recent = recentConversations();
    for (const Message &m : m_app->store().messageStore().messagesInFolder(inbox))
        QVERIFY2(m.dateReceived >= weekAgo || recent.contains(m.conversationId), qPrintable(m.subject));
    QTRY_VERIFY(window()->findChild<QLabel *>(QStringLiteral("syncFilterState"))->text().contains(QStringLiteral("week")));
    // The messages left because of the filter, not because anyone deleted them.
    const QString said = window()->panes().status->syncStatus()->stateText();
    QVERIFY2(said.contains(QStringLiteral("older messages hidden by the date filter")) && !said.contains(QStringLiteral("removed")),
             qPrintable(said));
    QTest::qWait(50);
    screenshot(window(), QStringLiteral("date-filter"));
}

// File > Empty Deleted Items asks, then deletes every message there for good.
void TestGuiActions::emptyDeletedItemsAsksThenEmptiesTheFolder()
{
    const auto inTrashOnServer = [this] {
        int count = 0;
        for (const QJsonValue &u : dump().value(QStringLiteral("users")).toArray())
            if (u[QStringLiteral("name")].toString() == QLatin1String("demo"))
                for (const QJsonValue &m : u[QStringLiteral("messages")].toArray())
                    count += m[QStringLiteral("folder")].toString() == kTrash;
        return count;
    };
    const QString trash = folderId(FolderType::DeletedItems);
    QTRY_VERIFY_WITH_TIMEOUT(!m_app->isSyncing(), 60000);
    QVERIFY(m_app->store().messageStore().messageCount(trash) > 0);
    QVERIFY(inTrashOnServer() > 0);
    QMenu *file = window()->findChild<QMenu *>(QStringLiteral("fileMenu"));
    QVERIFY(file);
    QAction *empty = window()->findChild<QAction *>(QStringLiteral("actionEmptyDeletedItems"));
    QVERIFY(empty && file->actions().contains(empty) && empty->isEnabled());

    // Right-click on the folder's row: the menu offers it.
    QTreeView *folders = window()->panes().folders;
    const QModelIndexList rows = folders->model()->match(folders->model()->index(0, 0), FolderIdRole, trash, 1,
                                                         Qt::MatchExactly | Qt::MatchRecursive);
    QVERIFY(!rows.isEmpty());
    folders->scrollTo(rows.first());
    const QPoint pos = folders->visualRect(rows.first()).center();
    QContextMenuEvent event(QContextMenuEvent::Mouse, pos, folders->viewport()->mapToGlobal(pos));
    QApplication::sendEvent(folders->viewport(), &event);
    auto *folderMenu = window()->findChild<QMenu *>(QStringLiteral("folderContextMenu"));
    QTRY_VERIFY(folderMenu && folderMenu->isVisible());
    QVERIFY(folderMenu->actions().contains(empty));
    QCOMPARE(window()->currentFolderId(), trash);
    screenshot(folderMenu, QStringLiteral("empty-deleted-items-menu"));
    empty->trigger();
    folderMenu->close();
    QTRY_VERIFY(question("emptyDeletedItemsQuestion"));
    screenshot(question("emptyDeletedItemsQuestion"), QStringLiteral("empty-deleted-items"));
    QVERIFY2(question("emptyDeletedItemsQuestion")->text().contains(QStringLiteral("permanently")),
             qPrintable(question("emptyDeletedItemsQuestion")->text()));
    answer("emptyDeletedItemsQuestion", "cancelButton");
    QVERIFY(m_app->store().messageStore().messageCount(trash) > 0);

    QSignalSpy replayed(m_app.get(), &DesktopApp::actionsReplayed);
    empty->trigger(); // as File > Empty Deleted Items does
    answer("emptyDeletedItemsQuestion", "emptyDeletedItemsButton");
    QCOMPARE(m_app->store().messageStore().messageCount(trash), 0); // at once, here
    QCOMPARE(view()->model()->rowCount(), 0);
    QVERIFY(waitForReplay(replayed));
    QCOMPARE(inTrashOnServer(), 0);
    QVERIFY(syncNow());
    QCOMPARE(m_app->store().messageStore().messageCount(trash), 0);
    window()->selectFolder(folderId(FolderType::Inbox));
}

QTEST_MAIN(TestGuiActions)
#include "tst_guiactions.moc"
