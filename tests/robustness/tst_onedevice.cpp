// Defects the random proofs found that one device shows, each as the
// shortest sequence of steps, against the in-process reference server.
// Most are about what a Sync of a folder does to actions still waiting in
// the journal: actions wait behind an unsent move (the journal keeps its
// order), or because the process died; a folder is synced again from key 0
// when the server answers Status 3, which it does when a killed process
// repeats a sync key with other commands (tst_crashes). docs/robustness.md
// ("Fixed in the client") tells each story.
#include "TwoDevices.h"

#include "ActionJournal.h"
#include "ConversationActions.h"

#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace robustness;

class TestOneDevice : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<server::ReferenceServer> m_server;
    Device m_device;
    QString m_inbox;

    QStringList differences() const { return robustness::differences(*m_server, *m_device.store); }

    // Two Inbox conversations: one to move (its move holds back what
    // follows it in the journal) and one to act on.
    std::pair<QByteArray, QByteArray> twoConversations() const
    {
        QList<QByteArray> ids;
        for (const ConversationSummary &c : m_device.store->conversationStore().conversations(m_inbox))
            if (!c.conversationId.isEmpty())
                ids.append(c.conversationId);
        return {ids.value(0), ids.value(1)};
    }

    int inInbox(const QByteArray &conversationId) const
    {
        int count = 0;
        for (const Message &m : m_device.store->messageStore().conversationMessages(conversationId))
            count += m.folderId == m_inbox;
        return count;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_server = std::make_unique<server::ReferenceServer>();
        QString error;
        QVERIFY2(m_server->open(m_dir->filePath(QStringLiteral("server")), &error), qPrintable(error));
        QVERIFY(m_server->seedDemo() >= 100);
        QVERIFY(m_server->start() != 0);
        QVERIFY(m_device.open(*m_server, m_dir->path(), QStringLiteral("P")));
        SyncReport report;
        QVERIFY(m_device.syncAll(&report));
        QVERIFY2(report.ok(), qPrintable(report.message));
        m_inbox = m_device.folderId(QStringLiteral("Inbox"));
    }

    void cleanup()
    {
        m_device.close();
        m_server.reset();
        m_dir.reset();
    }

    // Defect 4 (fixed): the user moved a conversation out of the Inbox; before
    // the move is sent the Inbox is synced again from key 0, and the server,
    // which still has the messages there, sends them as Adds. They land as
    // new rows next to the move's placeholders: the conversation shows in
    // both folders, and what the user does to the copy goes astray (in
    // tst_crashes: a delete answered "gone" and counted done, an ignore
    // whose placeholders nothing ever adopts).
    void resyncDoesNotBringBackAMessageWhoseMoveWaits()
    {
        const auto [moved, other] = twoConversations();
        QVERIFY(!moved.isEmpty() && !other.isEmpty());
        const int before = inInbox(moved);
        QVERIFY(before > 0);
        ConversationActions actions(*m_device.store);
        QVERIFY(actions.move(moved, m_inbox, m_device.folderId(QStringLiteral("Projects"))).ok());
        QCOMPARE(inInbox(moved), 0);

        m_server->faults().forceSyncStatus3(QStringLiteral("Inbox"));
        QVERIFY(m_device.syncFolder(m_inbox));
        QCOMPARE(inInbox(moved), 0);

        QVERIFY(m_device.replay());
        QVERIFY(m_device.syncAll());
        QVERIFY(m_device.store->journalStore().actions(true).isEmpty());
        QVERIFY2(differences().isEmpty(), qPrintable(differences().join(QStringLiteral("; "))));
    }

    // Defect 4 (fixed): the same with a delete waiting behind a move. The
    // resync brings the deleted messages back; the delete then reaches the
    // server, which never mentions the messages to this device again, so
    // they stay in the Inbox for good.
    void resyncDoesNotBringBackAMessageWhoseDeleteWaits()
    {
        const auto [moved, deleted] = twoConversations();
        QVERIFY(!moved.isEmpty() && !deleted.isEmpty());
        ConversationActions actions(*m_device.store);
        QVERIFY(actions.move(moved, m_inbox, m_device.folderId(QStringLiteral("Projects"))).ok());
        QVERIFY(actions.deleteConversation(deleted, m_inbox).ok());
        QCOMPARE(inInbox(deleted), 0);

        m_server->faults().forceSyncStatus3(QStringLiteral("Inbox"));
        QVERIFY(m_device.syncFolder(m_inbox));
        QVERIFY(m_device.replay());
        QVERIFY(m_device.syncAll());
        QVERIFY(m_device.store->journalStore().actions(true).isEmpty());
        QCOMPARE(inInbox(deleted), 0);
        QVERIFY2(differences().isEmpty(), qPrintable(differences().join(QStringLiteral("; "))));
    }

    // Defect 3 (fixed): a change waiting in the journal was overwritten by what
    // a Sync of its folder brings for the same message, and once the change
    // is sent the server, which does not echo a device's own change, has
    // the user's value while the device shows the old one for good. Here the
    // Sync is the server's answer repeated for a key the device asks with
    // again, as after a process killed between the server's answer and the
    // commit (tst_crashes); tst_twodevices shows the same with the other
    // device's change.
    // Reference server (fixed; convergence seeds 1004, 1016 at 1000 steps):
    // the device's replay syncs Deleted Items (a change rides in it), then
    // moves a message out of it with MoveItems; the sync that follows skips
    // Deleted Items, synced a moment ago. Then the device deletes the
    // message where it went: the server moves it back to Deleted Items,
    // under its old ServerId (FOLDER:NUMBER). The server still counted it
    // as held by the device in Deleted Items, so it never sent it again:
    // the device lacked it for good. MoveItems (and a conversation Move) now
    // take the message out of the device's record of its source folder.
    void messageMovedOutAndDeletedBackArrives_data()
    {
        QTest::addColumn<ActionKind>("move");
        QTest::newRow("MoveItems") << ActionKind::Move;
        QTest::newRow("conversation Move") << ActionKind::AlwaysMove;
    }

    void messageMovedOutAndDeletedBackArrives()
    {
        QFETCH(ActionKind, move);
        const QString trash = m_device.folderId(QStringLiteral("Deleted Items"));
        const QString projects = m_device.folderId(QStringLiteral("Projects"));
        QByteArray conversation;
        for (const ConversationSummary &c : m_device.store->conversationStore().conversations(trash))
            if (!c.conversationId.isEmpty())
                conversation = c.conversationId;
        QVERIFY(!conversation.isEmpty());
        ConversationActions actions(*m_device.store);
        QVERIFY(actions.flag(conversation, trash).ok());
        QVERIFY(actions.apply(move, conversation, trash, projects).ok());
        QVERIFY(m_device.syncAll());
        QVERIFY(m_device.store->journalStore().actions(true).isEmpty());

        QVERIFY(actions.deleteConversation(conversation, projects).ok());
        QVERIFY(m_device.replay());
        QVERIFY(m_device.syncAll());
        QVERIFY(m_device.store->journalStore().actions(true).isEmpty());
        QVERIFY2(differences().isEmpty(), qPrintable(differences().join(QStringLiteral("; "))));
    }

    // Defect 6 (fixed; tst_crashes, seed 1 at 100 kills, about one run in
    // ten): the user marks a conversation unread, then read again; one Sync
    // carries both changes and the process dies before the answer. The next
    // replay compares each interrupted entry with the server on its own:
    // "read" matches (whether the request arrived or not: the server has
    // read either way) and is done without being sent; "unread" does not
    // match and is sent again, after the change that came later. The
    // server ends unread although the user's last word was read.
    void interruptedChangesOfOneMessageKeepTheirOrder()
    {
        m_device.close(); // no engine: the actions are only journaled
        Store store;
        QVERIFY(store.open(m_dir->filePath(QStringLiteral("P.db"))));
        QByteArray conversation;
        for (const ConversationSummary &c : store.conversationStore().conversations(m_inbox))
            if (!c.conversationId.isEmpty() && c.unreadCount == 0)
                conversation = c.conversationId;
        QVERIFY(!conversation.isEmpty());
        ConversationActions actions(store);
        const qint64 unread = actions.markUnread(conversation, m_inbox).entryId;
        const qint64 read = actions.markRead(conversation, m_inbox).entryId;
        QVERIFY(unread && read);
        ActionJournal(store).markSending({unread, read}); // killed with the request on the wire

        QVERIFY(m_device.open(*m_server, m_dir->path(), QStringLiteral("P")));
        QVERIFY(m_device.replay());
        QVERIFY(m_device.syncAll());
        QVERIFY(m_device.store->journalStore().actions(true).isEmpty());
        int unreadOnServer = 0;
        for (const QJsonValue &m : serverUser(*m_server)[QStringLiteral("messages")].toArray())
            unreadOnServer += m[QStringLiteral("conversationId")].toString() == QString::fromLatin1(conversation.toHex())
                && m[QStringLiteral("folder")].toString() == QLatin1String("Inbox") && !m[QStringLiteral("read")].toBool();
        QCOMPARE(unreadOnServer, 0);
        QVERIFY2(differences().isEmpty(), qPrintable(differences().join(QStringLiteral("; "))));
    }

    // The answer to the Inbox's last Sync was lost (the process was killed
    // after the server applied it): the server keeps that answer for the
    // old key and refuses other commands with it as an invalid key. The
    // user's change must not go with the old key, or the whole folder is
    // synced again from scratch (tst_crashes saw about one such resync per
    // 20 kills): the first request fetches the lost answer, the change
    // goes with the next.
    void aLostAnswerIsFetchedBeforeTheUsersChangeGoes()
    {
        server::IncomingMail mail;
        mail.to = QStringLiteral("demo");
        mail.from = QStringLiteral("Ann <ann@example.com>");
        mail.subject = QStringLiteral("Lost answer");
        mail.body = QStringLiteral("new");
        const server::DeliveryResult delivered = m_server->deliver(mail);
        QVERIFY2(delivered.ok, qPrintable(delivered.error));
        const QString keyBefore = m_device.store->folderStore().syncKey(m_inbox);
        QVERIFY(m_device.syncFolder(m_inbox));
        const std::optional<Message> arrived = m_device.store->messageStore().message(m_inbox, delivered.serverId);
        QVERIFY(arrived && !arrived->read);
        // As a killed process leaves it: the old key, and a request in flight.
        QVERIFY(m_device.store->folderStore().setSyncKey(m_inbox, keyBefore));
        QVERIFY(m_device.store->folderStore().setSyncInFlight(m_inbox, true));

        static QStringList resyncs;
        static QtMessageHandler previous = nullptr;
        resyncs.clear();
        previous = qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &context, const QString &text) {
            if (text.contains(QLatin1String("invalid sync key")))
                resyncs.append(text);
            previous(type, context, text);
        });
        const auto restore = qScopeGuard([] { qInstallMessageHandler(previous); });
        QVERIFY(ConversationActions(*m_device.store).markRead(arrived->conversationId, m_inbox).ok());
        QVERIFY(m_device.replay());
        QVERIFY(m_device.syncAll());
        QCOMPARE(resyncs, QStringList());
        QVERIFY(m_device.store->journalStore().actions(true).isEmpty());
        QVERIFY(m_device.store->messageStore().messageById(arrived->id)->read);
        QVERIFY2(differences().isEmpty(), qPrintable(differences().join(QStringLiteral("; "))));
    }

    // tst_crashes (seed 3, 1 run in 20): an Inbox answer lost with a kill
    // and fetched again after the conversation had moved to Projects brought
    // back a stale row for a message the device already held in Projects.
    // The user moved it; MoveItems, sent twice (the first answer lost too),
    // found the source gone and counted the move done; the placeholder in
    // Projects waited for an Add the server never sends, since the device
    // holds that message there already: it stayed as a second copy.
    void placeholderOfAMessageAlreadyInItsTargetGoes()
    {
        const auto [conversation, other] = twoConversations();
        QVERIFY(!conversation.isEmpty());
        const QString projects = m_device.folderId(QStringLiteral("Projects"));
        ConversationActions actions(*m_device.store);
        QVERIFY(actions.move(conversation, m_inbox, projects).ok());
        QVERIFY(m_device.replay());
        QVERIFY(m_device.syncAll());
        QVERIFY2(differences().isEmpty(), qPrintable(differences().join(QStringLiteral("; "))));
        QList<Message> moved;
        for (const Message &m : m_device.store->messageStore().conversationMessages(conversation))
            if (m.folderId == projects)
                moved.append(m);
        QVERIFY(!moved.isEmpty());

        // The stale rows the late answer brought, under their Inbox ids.
        for (Message stale : std::as_const(moved)) {
            stale.id = 0;
            stale.folderId = m_inbox;
            stale.serverId = m_inbox + QLatin1Char(':') + stale.serverId.section(QLatin1Char(':'), 1);
            QVERIFY(m_device.store->messageStore().restoreMessage(stale));
        }
        const qint64 again = actions.move(conversation, m_inbox, projects).entryId;
        QVERIFY(again);
        ActionJournal journal(*m_device.store);
        QVERIFY(journal.markSending({again}) && journal.markPending({again})); // the first answer lost
        QVERIFY(m_device.replay());
        QCOMPARE(m_device.store->journalStore().action(again)->state, ActionState::Done);
        QVERIFY(m_device.syncAll());
        QVERIFY2(differences().isEmpty(), qPrintable(differences().join(QStringLiteral("; "))));
    }

    void repeatedAnswerDoesNotUndoAChangeThatWaits()
    {
        server::IncomingMail mail;
        mail.to = QStringLiteral("demo");
        mail.from = QStringLiteral("Ann <ann@example.com>");
        mail.subject = QStringLiteral("Flag me");
        mail.body = QStringLiteral("new");
        const server::DeliveryResult delivered = m_server->deliver(mail);
        QVERIFY2(delivered.ok, qPrintable(delivered.error));
        const QString keyBefore = m_device.store->folderStore().syncKey(m_inbox);
        QVERIFY(m_device.syncFolder(m_inbox));
        const std::optional<Message> arrived = m_device.store->messageStore().message(m_inbox, delivered.serverId);
        QVERIFY(arrived);

        const auto [moved, other] = twoConversations();
        ConversationActions actions(*m_device.store);
        QVERIFY(actions.move(moved == arrived->conversationId ? other : moved, m_inbox,
                             m_device.folderId(QStringLiteral("Projects"))).ok());
        QVERIFY(actions.flag(arrived->conversationId, m_inbox).ok());
        // The answer that brought the new mail was lost: the key is the old one.
        QVERIFY(m_device.store->folderStore().setSyncKey(m_inbox, keyBefore));
        QVERIFY(m_device.syncFolder(m_inbox));
        QCOMPARE(m_device.store->messageStore().messageById(arrived->id)->flag.status, FlagStatus::Active);
        QVERIFY(m_device.replay());
        QVERIFY(m_device.syncAll());
        QVERIFY2(differences().isEmpty(), qPrintable(differences().join(QStringLiteral("; "))));
    }
};

QTEST_GUILESS_MAIN(TestOneDevice)
#include "tst_onedevice.moc"
