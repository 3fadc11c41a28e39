// ActionJournal: order, states (pending -> sending -> done/failed), attempts,
// the payload round trip, and that it all survives closing the store; items
// that name a message by a move's placeholder: named by the move's answer or
// the target's Sync, gone when the move never got there, and undone or
// settled without leaving a placeholder nothing takes over.
#include "DatabaseTestAccess.h"
#include "ActionJournal.h"
#include "ConversationActions.h"
#include "Migrations.h"
#include "ModelTestData.h"

#include <sqlite3.h>

using namespace skein;
using namespace skein::testdata;

namespace {

ActionEntry readEntry(const QByteArray &conversationId)
{
    ActionEntry e;
    e.kind = ActionKind::MarkRead;
    e.conversationId = conversationId;
    e.folderId = inbox;
    ActionItem item;
    item.messageId = 7;
    item.serverId = QStringLiteral("5:7");
    item.folderId = inbox;
    item.newRead = true;
    e.items = {item};
    return e;
}

} // namespace

class TestActionJournal : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;

    QString path() const { return m_dir.filePath(QStringLiteral("%1.db").arg(QTest::currentTestFunction())); }

    // The small account of ModelTestData: conversation T (t1, t2, t4 in the
    // Inbox, t3 in Sent Items), singletons s1, s2.
    void fillAccount()
    {
        QVERIFY(m_store->folderStore().applyFolderSync(QStringLiteral("h1"), standardFolders(), {}));
        QVERIFY(fillSmallAccount(*m_store));
    }
    qint64 rowOf(const QString &folderId, const QString &serverId) const
    {
        return m_store->messageStore().message(folderId, serverId).value_or(Message{}).id;
    }

private Q_SLOTS:
    void init()
    {
        m_store = std::make_unique<Store>();
        QVERIFY(m_store->open(path()));
    }

    void appendsInOrderAsPending()
    {
        ActionJournal journal(*m_store);
        const qint64 a = journal.append(readEntry("a"));
        const qint64 b = journal.append(readEntry("b"));
        QVERIFY(a > 0 && b > a);
        const QList<ActionEntry> entries = journal.unfinished();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries[0].conversationId, QByteArray("a"));
        QCOMPARE(entries[0].state, ActionState::Pending);
        QVERIFY(entries[0].created.isValid());
    }

    void statesAndAttempts()
    {
        ActionJournal journal(*m_store);
        const qint64 id = journal.append(readEntry("a"));
        QVERIFY(journal.markSending({id}));
        QCOMPARE(journal.entry(id)->state, ActionState::Sending);
        QCOMPARE(journal.entry(id)->attempts, 1);
        QVERIFY(journal.markPending({id})); // network failure: back, not failed
        QCOMPARE(journal.entry(id)->state, ActionState::Pending);
        QCOMPARE(journal.entry(id)->attempts, 1);
        QVERIFY(journal.markSending({id}));
        QCOMPARE(journal.entry(id)->attempts, 2);
        QVERIFY(journal.markDone(*journal.entry(id)));
        QCOMPARE(journal.entry(id)->state, ActionState::Done);
        QVERIFY(journal.unfinished().isEmpty());
        QCOMPARE(journal.all().size(), 1);
        // A finished entry never goes back to pending.
        QVERIFY(journal.markPending({id}));
        QCOMPARE(journal.entry(id)->state, ActionState::Done);
    }

    void failedKeepsTheReason()
    {
        ActionJournal journal(*m_store);
        const qint64 id = journal.append(readEntry("a"));
        QVERIFY(journal.markFailed(*journal.entry(id), QStringLiteral("The server said no.")));
        QCOMPARE(journal.entry(id)->state, ActionState::Failed);
        QCOMPARE(journal.entry(id)->error, QStringLiteral("The server said no."));
    }

    void payloadRoundTrip()
    {
        ActionItem item;
        item.messageId = 42;
        item.serverId = QStringLiteral("5:12");
        item.folderId = QStringLiteral("5");
        item.targetFolderId = QStringLiteral("17");
        item.read = true;
        item.flag.status = FlagStatus::Active;
        item.flag.flagType = QStringLiteral("Follow up");
        item.flag.due = at(5);
        item.newRead = false;
        FlagState complete;
        complete.status = FlagStatus::Complete;
        complete.completed = at(9);
        item.newFlag = complete;
        Message removed = mail(QStringLiteral("5:12"), 3, QStringLiteral("ann"), QByteArray("\0c\1", 3),
                               QByteArray("\0\0\1", 3));
        removed.folderId = QStringLiteral("5");
        item.removed = removed;
        item.newServerId = QStringLiteral("17:3");
        item.confirmed = true;
        const QList<ActionItem> decoded = decodeActionItems(encodeActionItems({item, ActionItem{}}));
        QCOMPARE(decoded.size(), 2);
        QCOMPARE(encodeActionItems(decoded), encodeActionItems({item, ActionItem{}}));
        QCOMPARE(decoded[0].flag, item.flag);
        QCOMPARE(decoded[0].newFlag, item.newFlag);
        QCOMPARE(decoded[0].removed->conversationId, removed.conversationId); // 0x00 bytes kept
        QCOMPARE(decoded[0].removed->dateReceived, removed.dateReceived);
        QCOMPARE(decoded[0].newServerId, item.newServerId);
        QVERIFY(!decoded[1].newRead && !decoded[1].removed);
    }

    void namesRoundTrip()
    {
        for (ActionKind k : {ActionKind::Delete, ActionKind::Flag, ActionKind::ClearFlag, ActionKind::Complete,
                             ActionKind::MarkRead, ActionKind::MarkUnread, ActionKind::Ignore,
                             ActionKind::AlwaysMove, ActionKind::Move})
            QCOMPARE(actionKindFromName(actionKindName(k)), std::optional<ActionKind>(k));
        QCOMPARE(channelOf(ActionKind::Ignore), ActionChannel::ItemOperations);
        QCOMPARE(channelOf(ActionKind::Move), ActionChannel::MoveItems);
        QCOMPARE(channelOf(ActionKind::Delete), ActionChannel::Sync);
    }

    void survivesReopeningMidSend()
    {
        qint64 id = 0;
        {
            ActionJournal journal(*m_store);
            id = journal.append(readEntry("a"));
            QVERIFY(journal.markSending({id}));
        }
        m_store.reset(); // killed while the request was on its way
        Store reopened;
        QVERIFY(reopened.open(path()));
        const QList<ActionEntry> entries = ActionJournal(reopened).unfinished();
        QCOMPARE(entries.size(), 1); // sent again on the next run
        QCOMPARE(entries[0].id, id);
        QCOMPARE(entries[0].state, ActionState::Sending);
        QCOMPARE(encodeActionItems(entries[0].items), encodeActionItems(readEntry("a").items));
    }

    // The user moved T and, before the server confirmed it, ignored it; the
    // server refused the ignore. Undone, the rows are again what the move
    // left: placeholders its target's Sync takes over, not rows that keep a
    // placeholder id for good.
    void undoingAnActionOnAPlaceholderLeavesAPlaceholder()
    {
        fillAccount();
        const qint64 t1 = rowOf(inbox, QStringLiteral("t1"));
        ConversationActions actions(*m_store);
        QVERIFY(actions.move(threadId, inbox, projects).ok());
        const ConversationActions::Result ignore = actions.ignore(threadId, projects);
        QVERIFY(ignore.ok());
        ActionJournal journal(*m_store);
        QVERIFY(journal.markFailed(*journal.entry(ignore.entryId), QStringLiteral("refused")));
        QCOMPARE(m_store->messageStore().messageById(t1)->folderId, projects);
        QCOMPARE(m_store->messageStore().messageById(t1)->serverId, movingPlaceholderServerId(t1));
        QVERIFY(m_store->messageStore().isMoving(t1));
    }

    // An action on a message whose MoveItems is not answered yet names it by
    // the placeholder: it waits for the answer, then goes under the id the
    // answer named, and the journal records that id.
    void aPlaceholderIsNamedByTheMovesAnswer()
    {
        fillAccount();
        ConversationActions actions(*m_store);
        const qint64 move = actions.move(threadId, inbox, projects).entryId;
        const qint64 flag = actions.flag(threadId, projects).entryId;
        QVERIFY(move && flag);
        ActionJournal journal(*m_store);
        ActionEntry flagged = *journal.entry(flag);
        const qint64 t4 = flagged.items.first().messageId;
        QCOMPARE(flagged.items.first().serverId, movingPlaceholderServerId(t4));
        QString serverId;
        QCOMPARE(journal.serverIdNow(flagged, flagged.items.first(), {}, &serverId),
                 ActionJournal::ItemId::WaitingForAnswer);
        QVERIFY(journal.resolvePlaceholders(flagged).waiting);

        ActionEntry moved = *journal.entry(move);
        for (ActionItem &item : moved.items) {
            item.confirmed = true;
            item.newServerId = QStringLiteral("p:") + QString::number(item.messageId);
        }
        QVERIFY(journal.saveProgress(moved));
        QVERIFY(journal.markDone(moved));
        const ActionJournal::Resolution resolution = journal.resolvePlaceholders(flagged);
        QVERIFY(!resolution.waiting);
        QVERIFY(resolution.gone.isEmpty());
        QCOMPARE(flagged.items.first().serverId, QStringLiteral("p:%1").arg(t4));
        QCOMPARE(journal.entry(flag)->items.first().serverId, QStringLiteral("p:%1").arg(t4));
    }

    // The move was refused: the message never reached the folder the later
    // action found it in.
    void aPlaceholderOfARefusedMoveIsGone()
    {
        fillAccount();
        ConversationActions actions(*m_store);
        const qint64 move = actions.move(threadId, inbox, projects).entryId;
        const qint64 del = actions.deleteConversation(threadId, projects).entryId;
        QVERIFY(move && del);
        ActionJournal journal(*m_store);
        QVERIFY(journal.markFailed(*journal.entry(move), QStringLiteral("refused")));
        ActionEntry deleted = *journal.entry(del);
        const ActionJournal::Resolution resolution = journal.resolvePlaceholders(deleted);
        QVERIFY(!resolution.waiting);
        QCOMPARE(resolution.gone, (QList<int>{0, 1, 2}));
    }

    // A conversation Move names no ids: the target's Sync does, when the
    // arriving message takes over the placeholder. A placeholder that Sync
    // did not take over will never be named.
    void aPlaceholderOfAConversationMoveIsNamedByTheTargetsSync()
    {
        fillAccount();
        const QString trash = QStringLiteral("del");
        const Message t1 = *m_store->messageStore().message(inbox, QStringLiteral("t1"));
        ConversationActions actions(*m_store);
        const qint64 ignore = actions.ignore(threadId, inbox).entryId;
        const qint64 read = actions.markRead(threadId, trash).entryId;
        QVERIFY(ignore && read);
        ActionJournal journal(*m_store);
        QVERIFY(journal.markDone(*journal.entry(ignore)));
        const ActionEntry entry = *journal.entry(read);
        const ActionItem item = *std::find_if(entry.items.cbegin(), entry.items.cend(),
                                              [&](const ActionItem &i) { return i.messageId == t1.id; });
        QString serverId;
        QCOMPARE(journal.serverIdNow(entry, item, {}, &serverId), ActionJournal::ItemId::WaitingForSync);
        ActionEntry waiting = entry;
        QCOMPARE(journal.resolvePlaceholders(waiting).waitsForSync, QSet<QString>{trash});
        QCOMPARE(journal.serverIdNow(entry, item, {trash}, &serverId), ActionJournal::ItemId::Gone);
        Message arrived = t1;
        arrived.serverId = QStringLiteral("del:1");
        QCOMPARE(m_store->syncApplier().adoptMovedMessages(trash, {arrived}), 1);
        QCOMPARE(journal.serverIdNow(entry, item, {trash}, &serverId), ActionJournal::ItemId::Known);
        QCOMPARE(serverId, QStringLiteral("del:1"));
    }

    // A move whose messages had left their folder before it arrived (another
    // device moved them): no undo puts them back, and the placeholders go;
    // but not while a later move of the user's takes them on: that one
    // places them.
    void aGoneMoveDropsItsPlaceholdersUnlessALaterMoveTakesThemOn()
    {
        fillAccount();
        const qint64 t1 = rowOf(inbox, QStringLiteral("t1"));
        ConversationActions actions(*m_store);
        const qint64 first = actions.move(threadId, inbox, projects).entryId;
        const qint64 second = actions.move(threadId, projects, QStringLiteral("arch")).entryId;
        QVERIFY(first && second);
        ActionJournal journal(*m_store);
        const QString reason = ActionJournal::movedElsewhereText();
        QVERIFY(journal.markFailed(*journal.entry(first), reason, {}, {0, 1, 2}));
        QCOMPARE(journal.entry(first)->state, ActionState::Failed);
        QCOMPARE(journal.entry(first)->error, reason);
        QCOMPARE(m_store->messageStore().messageById(t1)->folderId, QStringLiteral("arch"));
        QCOMPARE(m_store->messageStore().messageCount(inbox), 2); // s1, s2: nothing put back
        QVERIFY(journal.markFailed(*journal.entry(second), reason, {}, {0, 1, 2}));
        QVERIFY(!m_store->messageStore().messageById(t1)); // the folder that holds it brings it with its Sync
        QCOMPARE(m_store->messageStore().messageCount(QStringLiteral("arch")), 0);
        QCOMPARE(m_store->messageStore().messageCount(inbox), 2);
    }

    void migrationTwoReplacesThePlaceholderTable()
    {
        sqlite3 *db = DatabaseTestAccess::connection(*m_store);
        QVERIFY(latestSchemaVersion() >= 2);
        // 'sending' is allowed by the new CHECK.
        QCOMPARE(sqlite3_exec(db, "INSERT INTO actions (created, kind, state) VALUES (1, 'read', 'sending')",
                              nullptr, nullptr, nullptr), SQLITE_OK);
        QVERIFY(sqlite3_exec(db, "INSERT INTO actions (created, kind, state) VALUES (1, 'read', 'bogus')",
                             nullptr, nullptr, nullptr) != SQLITE_OK);
    }
};

QTEST_GUILESS_MAIN(TestActionJournal)
#include "tst_actionjournal.moc"
