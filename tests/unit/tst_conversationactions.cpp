// ConversationActions: each action's local effect, its journal entry (made
// in the same transaction) and its exact undo; conversation rules; moved
// messages adopted by the target's Sync instead of duplicated.
#include "ConversationRules.h"
#include "ModelTestData.h"
#include "ThreadInference.h"

#include <QSignalSpy>

using namespace skein;
using namespace skein::testdata;

namespace {

const QString trash = QStringLiteral("del");

// The test data's original ServerIds ("Subject t1" → t1): a locally moved
// row carries a placeholder id until the server names the new one.
QStringList idsIn(const Store &store, const QString &folder)
{
    QStringList ids;
    for (const Message &m : store.messageStore().messagesInFolder(folder))
        ids.append(m.subject.section(QLatin1Char(' '), -1));
    ids.sort();
    return ids;
}

// read + flag + folder + id of every message: what an undo must restore.
QStringList snapshot(const Store &store)
{
    QStringList rows;
    for (const Folder &f : store.folderStore().folders())
        for (const Message &m : store.messageStore().messagesInFolder(f.serverId))
            rows.append(QStringLiteral("%1/%2 r%3 f%4 %5 %6").arg(m.folderId, m.serverId).arg(int(m.read))
                            .arg(int(m.flag.status)).arg(m.flag.flagType, m.subject));
    rows.sort();
    return rows;
}

} // namespace

class TestConversationActions : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<ConversationActions> m_actions;

    // The message with this ServerId in whichever folder holds it now (the
    // test data's ServerIds are unique across folders; real ones are not).
    static std::optional<Message> find(const Store &store, const QString &serverId)
    {
        for (const Folder &folder : store.folderStore().folders()) {
            if (std::optional<Message> m = store.messageStore().message(folder.serverId, serverId))
                return m;
        }
        return std::nullopt;
    }
    Message byId(const QString &serverId) const { return find(*m_store, serverId).value_or(Message{}); }

    void setFlag(const QString &serverId, FlagStatus status)
    {
        MessageChange c;
        c.serverId = serverId;
        FlagState flag;
        flag.status = status;
        flag.flagType = QStringLiteral("Follow up");
        flag.due = at(100);
        flag.start = at(90);
        c.flag = flag;
        QVERIFY(change(*m_store, inbox, c));
    }

    // Rolls the whole entry back as a refusal would, and checks the store is as before.
    void checkExactUndo(qint64 entryId, const QStringList &before)
    {
        ActionJournal journal(*m_store);
        const std::optional<ActionEntry> entry = journal.entry(entryId);
        QVERIFY(entry);
        QVERIFY2(journal.markFailed(*entry, QStringLiteral("refused")), qPrintable(journal.lastError()));
        QCOMPARE(snapshot(*m_store), before);
        QCOMPARE(journal.entry(entryId)->state, ActionState::Failed);
        QCOMPARE(journal.entry(entryId)->error, QStringLiteral("refused"));
    }

private Q_SLOTS:
    void init()
    {
        m_store = std::make_unique<Store>();
        // One database per test and data row: rows must not see each other's journal.
        QVERIFY(m_store->open(m_dir.filePath(QStringLiteral("%1-%2.db").arg(QLatin1String(QTest::currentTestFunction()),
                                                                           QLatin1String(QTest::currentDataTag())))));
        QVERIFY(m_store->folderStore().applyFolderSync(QStringLiteral("h1"), standardFolders(), {}));
        QVERIFY(fillSmallAccount(*m_store));
        m_actions = std::make_unique<ConversationActions>(*m_store);
    }

    void markReadChangesEveryMessageInTheFolderAndUndoes()
    {
        const QStringList before = snapshot(*m_store);
        QSignalSpy applied(m_actions.get(), &ConversationActions::actionApplied);
        const auto r = m_actions->markRead(threadId, inbox);
        QVERIFY2(r.ok(), qPrintable(r.error));
        for (const char *id : {"t1", "t2", "t4"})
            QVERIFY(byId(QString::fromLatin1(id)).read);
        QCOMPARE(applied.size(), 1);
        const ActionEntry entry = *m_store->journalStore().action(r.entryId);
        QCOMPARE(entry.kind, ActionKind::MarkRead);
        QCOMPARE(entry.items.size(), 3); // not t3: it is in Sent Items
        for (const ActionItem &item : entry.items)
            QCOMPARE(item.newRead, std::optional<bool>(true));
        checkExactUndo(r.entryId, before);
    }

    void markMessageReadChangesOnlyThatMessageAndUndoes()
    {
        const QStringList before = snapshot(*m_store);
        QSignalSpy applied(m_actions.get(), &ConversationActions::actionApplied);
        const auto r = m_actions->markMessageRead(byId(QStringLiteral("t2")).id);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY(byId(QStringLiteral("t2")).read);
        QVERIFY(!byId(QStringLiteral("t1")).read);
        QVERIFY(!byId(QStringLiteral("t4")).read);
        QCOMPARE(applied.size(), 1);
        const ActionEntry entry = *m_store->journalStore().action(r.entryId);
        QCOMPARE(entry.kind, ActionKind::MarkRead);
        QCOMPARE(entry.conversationId, threadId);
        QCOMPARE(entry.folderId, inbox);
        QCOMPARE(entry.items.size(), 1);
        QCOMPARE(entry.items.at(0).serverId, QStringLiteral("t2"));
        QCOMPARE(entry.items.at(0).newRead, std::optional<bool>(true));
        checkExactUndo(r.entryId, before);
    }

    void markMessageReadOfAReadMessageJournalsNothing()
    {
        const qint64 id = byId(QStringLiteral("t2")).id;
        QVERIFY(m_actions->markMessageRead(id).ok());
        const qsizetype entries = m_store->journalStore().actions(false).size();
        const auto again = m_actions->markMessageRead(id);
        QVERIFY(!again.ok());
        QVERIFY(!again.error.isEmpty());
        QCOMPARE(m_store->journalStore().actions(false).size(), entries);
        QVERIFY(!m_actions->markMessageRead(987654).ok()); // gone
    }

    void markUnreadAndUndo()
    {
        QVERIFY(m_actions->markRead(threadId, inbox).ok());
        const QStringList before = snapshot(*m_store);
        const auto r = m_actions->markUnread(threadId, inbox);
        QVERIFY(r.ok());
        QVERIFY(!byId(QStringLiteral("t1")).read);
        checkExactUndo(r.entryId, before);
    }

    void flagMarksOnlyTheNewestMessageOfTheFolder()
    {
        const QStringList before = snapshot(*m_store);
        const auto r = m_actions->flag(threadId, inbox);
        QVERIFY(r.ok());
        QCOMPARE(byId(QStringLiteral("t4")).flag.status, FlagStatus::Active); // newest in Inbox
        QCOMPARE(byId(QStringLiteral("t2")).flag.status, FlagStatus::None);
        QCOMPARE(byId(QStringLiteral("t3")).flag.status, FlagStatus::None); // Sent Items: other folder
        QCOMPARE(m_store->journalStore().action(r.entryId)->items.size(), 1);
        checkExactUndo(r.entryId, before);
    }

    void clearFlagClearsAllAndUndoRestoresTheExactFlags()
    {
        setFlag(QStringLiteral("t1"), FlagStatus::Active);
        setFlag(QStringLiteral("t2"), FlagStatus::Complete);
        const QStringList before = snapshot(*m_store);
        const FlagState t1Before = byId(QStringLiteral("t1")).flag;
        const auto r = m_actions->clearFlag(threadId, inbox);
        QVERIFY(r.ok());
        for (const char *id : {"t1", "t2", "t4"})
            QCOMPARE(byId(QString::fromLatin1(id)).flag.status, FlagStatus::None);
        checkExactUndo(r.entryId, before);
        QCOMPARE(byId(QStringLiteral("t1")).flag, t1Before); // type and dates too
    }

    void completeMarksOnlyFlaggedMessages()
    {
        setFlag(QStringLiteral("t1"), FlagStatus::Active);
        const QStringList before = snapshot(*m_store);
        const auto r = m_actions->markComplete(threadId, inbox);
        QVERIFY(r.ok());
        QCOMPARE(byId(QStringLiteral("t1")).flag.status, FlagStatus::Complete);
        QVERIFY(byId(QStringLiteral("t1")).flag.completed.isValid());
        QCOMPARE(byId(QStringLiteral("t2")).flag.status, FlagStatus::None);
        QCOMPARE(m_store->journalStore().action(r.entryId)->items.size(), 1);
        checkExactUndo(r.entryId, before);
    }

    void completeWithoutFlagIsRefused()
    {
        const auto r = m_actions->markComplete(threadId, inbox);
        QVERIFY(!r.ok());
        QVERIFY(!r.error.isEmpty());
        QVERIFY(m_store->journalStore().actions(false).isEmpty());
    }

    void deleteRemovesTheFolderCopiesAndUndoPutsThemBack()
    {
        const QStringList before = snapshot(*m_store);
        const auto r = m_actions->deleteConversation(threadId, inbox);
        QVERIFY(r.ok());
        QCOMPARE(idsIn(*m_store, inbox), QStringList({QStringLiteral("s1"), QStringLiteral("s2")}));
        QVERIFY(find(*m_store, QStringLiteral("t3"))); // Sent Items untouched
        checkExactUndo(r.entryId, before);
    }

    // Empty Deleted Items: every message there, whatever its conversation
    // (or none), in one Sync Delete of that folder; a refusal puts all back.
    void deleteAllInEmptiesTheFolderInOneEntryAndUndoes()
    {
        QVERIFY(m_actions->ignore(threadId, inbox).ok());
        Message lone = mail(QStringLiteral("d1"), 7, QStringLiteral("x@example.test"));
        lone.conversationId.clear();
        QVERIFY(add(*m_store, trash, {lone}));
        const int inTrash = m_store->messageStore().messageCount(trash);
        QVERIFY(inTrash >= 4);
        const QStringList before = snapshot(*m_store);
        const auto r = m_actions->deleteAllIn(trash);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(m_store->messageStore().messageCount(trash), 0);
        const ActionEntry entry = *m_store->journalStore().action(r.entryId);
        QCOMPARE(entry.kind, ActionKind::Delete);
        QCOMPARE(entry.folderId, trash);
        QVERIFY(entry.conversationId.isEmpty());
        QCOMPARE(entry.items.size(), inTrash);
        QVERIFY(find(*m_store, QStringLiteral("t3"))); // Sent Items untouched
        checkExactUndo(r.entryId, before);

        QVERIFY(m_actions->deleteAllIn(trash).ok());
        const auto again = m_actions->deleteAllIn(trash);
        QVERIFY(!again.ok());
        QCOMPARE(again.error, QStringLiteral("The folder is empty."));
    }

    void moveRelocatesAsPlaceholdersAndUndoes()
    {
        const QStringList before = snapshot(*m_store);
        const qint64 rowId = byId(QStringLiteral("t1")).id;
        const auto r = m_actions->move(threadId, inbox, projects);
        QVERIFY(r.ok());
        QCOMPARE(m_store->messageStore().messageCount(projects), 3);
        QVERIFY(m_store->messageStore().isMoving(rowId));
        // The same row (body and state kept), under a placeholder id until the server names it.
        const std::optional<Message> moved = m_store->messageStore().messageById(rowId);
        QCOMPARE(moved->folderId, projects);
        QCOMPARE(moved->serverId, movingPlaceholderServerId(rowId));
        checkExactUndo(r.entryId, before);
        QCOMPARE(byId(QStringLiteral("t1")).id, rowId);
        QVERIFY(!m_store->messageStore().isMoving(rowId));
    }

    // SOGo's ServerIds are IMAP UIDs, unique per folder only: the target
    // folder may already hold a message with the moved message's ServerId.
    void moveToAFolderHoldingTheSameServerIdSucceeds()
    {
        Message other = mail(QStringLiteral("t1"), 5, QStringLiteral("x@example.test"));
        other.subject = QStringLiteral("Another message with UID t1");
        other.conversationId = QByteArray("other");
        QVERIFY(add(*m_store, projects, {other}));
        const QStringList before = snapshot(*m_store);
        const auto r = m_actions->move(threadId, inbox, projects);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(m_store->messageStore().messageCount(projects), 4);
        QCOMPARE(m_store->messageStore().message(projects, QStringLiteral("t1"))->subject, other.subject);
        checkExactUndo(r.entryId, before);
    }

    void targetSyncAdoptsThePlaceholderInsteadOfDuplicating()
    {
        const Message t1 = byId(QStringLiteral("t1"));
        QVERIFY(m_actions->move(threadId, inbox, projects).ok());
        Message arrived = t1;
        arrived.serverId = QStringLiteral("p:77"); // the new ServerId the server chose
        QCOMPARE(m_store->syncApplier().adoptMovedMessages(projects, {arrived}), 1);
        QVERIFY(add(*m_store, projects, {arrived}));
        QCOMPARE(m_store->messageStore().messageCount(projects), 3);
        QCOMPARE(byId(QStringLiteral("p:77")).id, t1.id);
        QVERIFY(!m_store->messageStore().isMoving(t1.id));
        // The source folder's Delete of the old id is harmless now.
        SyncBatch batch;
        batch.folderId = inbox;
        batch.newSyncKey = QStringLiteral("k2");
        batch.deletes = {QStringLiteral("t1")};
        QVERIFY(m_store->syncApplier().applySyncBatch(batch));
        QVERIFY(find(*m_store, QStringLiteral("p:77")));
    }

    void ignoreMovesAllFoldersButSentItemsAndKeepsARule()
    {
        const QStringList before = snapshot(*m_store);
        const auto r = m_actions->ignore(threadId, inbox);
        QVERIFY2(r.ok(), qPrintable(r.error));
        const QStringList expected{QStringLiteral("t1"), QStringLiteral("t2"), QStringLiteral("t4")};
        QCOMPARE(idsIn(*m_store, trash), expected);
        QCOMPARE(byId(QStringLiteral("t3")).folderId, sent);
        ConversationRules rules(*m_store);
        QCOMPARE(rules.list().size(), 1);
        QCOMPARE(rules.rule(threadId)->state, RuleState::Pending);
        QCOMPARE(rules.rule(threadId)->targetFolderId, trash);
        QCOMPARE(rules.rule(threadId)->scope, RuleScope::Server);
        QVERIFY(rules.isIgnored(threadId));
        checkExactUndo(r.entryId, before);
        QCOMPARE(rules.rule(threadId)->state, RuleState::Failed);
    }

    // Rules only Skein can keep go straight to MoveItems, never to ItemOperations.
    void ignoreAtProtocol121IsKeptOnThisComputer()
    {
        AccountSettings account{QStringLiteral("http://h:1")};
        account.protocolVersion = QStringLiteral("12.1");
        QVERIFY(m_store->accountStore().saveAccount(account));
        const auto r = m_actions->ignore(threadId, inbox);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(m_store->journalStore().action(r.entryId)->kind, ActionKind::Move);
        QCOMPARE(ConversationRules(*m_store).rule(threadId)->scope, RuleScope::Local);
        QCOMPARE(idsIn(*m_store, trash), QStringList({QStringLiteral("t1"), QStringLiteral("t2"), QStringLiteral("t4")}));
    }

    void ignoreOfAnInferredConversationIsKeptOnThisComputer()
    {
        const QByteArray inferred("skein-inferred:<root@example.test>");
        QVERIFY(isInferredConversationId(inferred));
        QVERIFY(add(*m_store, inbox, {mail(QStringLiteral("i1"), 60, QStringLiteral("x"), inferred)}));
        QVERIFY(m_actions->ruleMustStayLocal(inferred));
        QVERIFY(!m_actions->ruleMustStayLocal(threadId));
        const auto r = m_actions->ignore(inferred, inbox);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(m_store->journalStore().action(r.entryId)->kind, ActionKind::Move);
        QCOMPARE(ConversationRules(*m_store).rule(inferred)->scope, RuleScope::Local);
    }

    void doneActivatesTheRule()
    {
        const auto r = m_actions->alwaysMove(threadId, inbox, projects);
        QVERIFY(r.ok());
        ActionJournal journal(*m_store);
        QVERIFY(journal.markDone(*journal.entry(r.entryId)));
        QCOMPARE(ConversationRules(*m_store).rule(threadId)->state, RuleState::Active);
        QCOMPARE(ConversationRules(*m_store).rule(threadId)->kind, ActionKind::AlwaysMove);
    }

    void alwaysMoveRefusesOutboxAndDrafts_data()
    {
        QTest::addColumn<QString>("target");
        QTest::newRow("outbox") << QStringLiteral("out");
        QTest::newRow("drafts") << QStringLiteral("drafts");
    }

    void alwaysMoveRefusesOutboxAndDrafts()
    {
        QFETCH(QString, target);
        const QStringList before = snapshot(*m_store);
        const auto r = m_actions->alwaysMove(threadId, inbox, target);
        QVERIFY(!r.ok());
        QCOMPARE(r.error, QStringLiteral("Outbox and Drafts cannot receive an always-move rule."));
        QCOMPARE(snapshot(*m_store), before);
        QVERIFY(m_store->journalStore().actions(false).isEmpty());
        QVERIFY(m_store->journalStore().conversationRules().isEmpty());
    }

    void stopIgnoringForgetsTheRule()
    {
        QVERIFY(m_actions->ignore(threadId, inbox).ok());
        ConversationRules rules(*m_store);
        const auto r = rules.stopIgnoring(threadId, false);
        QVERIFY(r.error.isEmpty());
        QVERIFY(rules.list().isEmpty());
        QCOMPARE(m_store->journalStore().actions(false).size(), 1); // nothing more to send: EAS has no "unignore"
    }

    void stopIgnoringCanBringMessagesBackWhereTheyCameFrom()
    {
        QList<qint64> rows;
        for (const char *id : {"t1", "t2", "t4"})
            rows.append(byId(QString::fromLatin1(id)).id);
        const auto ignored = m_actions->ignore(threadId, inbox);
        QVERIFY(ignored.ok());
        // The server confirmed, and Deleted Items' Sync gave the messages new ids.
        QList<Message> arrived;
        for (qint64 row : rows) {
            Message m = *m_store->messageStore().messageById(row);
            m.serverId = QStringLiteral("del:") + m.subject.section(QLatin1Char(' '), -1);
            arrived.append(m);
        }
        QCOMPARE(m_store->syncApplier().adoptMovedMessages(trash, arrived), 3);
        const auto back = ConversationRules(*m_store).stopIgnoring(threadId, true, m_actions.get());
        QVERIFY2(back.ok(), qPrintable(back.error));
        const ActionEntry entry = *m_store->journalStore().action(back.entryId);
        QCOMPARE(entry.kind, ActionKind::Move);
        QCOMPARE(entry.items.size(), 3);
        for (const ActionItem &item : entry.items) {
            QCOMPARE(item.targetFolderId, inbox);
            QVERIFY(item.serverId.startsWith(QStringLiteral("del:")));
        }
        QCOMPARE(idsIn(*m_store, inbox).size(), 5);
        QVERIFY(ConversationRules(*m_store).list().isEmpty());
    }

    void journalKeepsOrderAndSurvivesReopening()
    {
        const qint64 t1Row = byId(QStringLiteral("t1")).id;
        const qint64 a = m_actions->markRead(threadId, inbox).entryId;
        const qint64 b = m_actions->flag(threadId, inbox).entryId;
        const qint64 c = m_actions->ignore(threadId, inbox).entryId;
        QVERIFY(a && b && c);
        QVERIFY(a < b && b < c);
        const QString path = m_store->path();
        m_actions.reset();
        m_store.reset(); // as if the process died here
        Store reopened;
        QVERIFY(reopened.open(path));
        const QList<ActionEntry> journal = ActionJournal(reopened).unfinished();
        QCOMPARE(journal.size(), 3);
        QCOMPARE(journal[0].id, a);
        QCOMPARE(journal[1].kind, ActionKind::Flag);
        QCOMPARE(journal[2].kind, ActionKind::Ignore);
        QVERIFY(reopened.messageStore().messageById(t1Row)->read);
        QCOMPARE(reopened.messageStore().messageById(t1Row)->folderId, trash);
    }

    void aFailingStoreLeavesNeitherChangeNorEntry()
    {
        // Unknown conversation: nothing to do, nothing journaled.
        const auto r = m_actions->markRead(QByteArray("nope"), inbox);
        QVERIFY(!r.ok());
        QVERIFY(m_store->journalStore().actions(false).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConversationActions)
#include "tst_conversationactions.moc"
