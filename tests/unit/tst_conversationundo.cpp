// ConversationActions::undo: a pending action is cancelled (and can then
// never be claimed for sending); a sent one is taken back by its inverse,
// journaled like any action: read and flag states restored, moved messages
// moved back, deleted ones back from Deleted Items, a rule forgotten.
#include "ConversationRules.h"
#include "ModelTestData.h"

#include <QSignalSpy>

using namespace skein;
using namespace skein::testdata;

namespace {

const QString trash = QStringLiteral("del");

// Where each message is and its read / flag state, by subject: what an undo
// restores (a moved-back message has a new ServerId, so ids are left out).
QStringList placesAndStates(const Store &store)
{
    QStringList rows;
    for (const Folder &f : store.folderStore().folders())
        for (const Message &m : store.messageStore().messagesInFolder(f.serverId))
            rows.append(QStringLiteral("%1@%2 r%3 f%4").arg(m.subject, m.folderId).arg(int(m.read)).arg(int(m.flag.status)));
    rows.sort();
    return rows;
}

} // namespace

class TestConversationUndo : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<ConversationActions> m_actions;

    // As the replayer leaves an entry the server accepted.
    void markSent(qint64 entryId)
    {
        ActionJournal journal(*m_store);
        QVERIFY(journal.markSending({entryId}));
        QVERIFY(journal.markDone(*journal.entry(entryId)));
    }

    ActionEntry entry(qint64 id) const { return m_store->journalStore().action(id).value_or(ActionEntry{}); }

private Q_SLOTS:
    void init()
    {
        m_store = std::make_unique<Store>();
        QVERIFY(m_store->open(m_dir.filePath(QStringLiteral("%1.db").arg(QLatin1String(QTest::currentTestFunction())))));
        QVERIFY(m_store->folderStore().applyFolderSync(QStringLiteral("h1"), standardFolders(), {}));
        QVERIFY(fillSmallAccount(*m_store));
        m_actions = std::make_unique<ConversationActions>(*m_store);
    }

    void pendingActionIsCancelled()
    {
        const QStringList before = placesAndStates(*m_store);
        const auto done = m_actions->deleteConversation(threadId, inbox);
        QVERIFY2(done.ok(), qPrintable(done.error));
        QVERIFY(placesAndStates(*m_store) != before);
        QSignalSpy applied(m_actions.get(), &ConversationActions::actionApplied);
        const auto undone = m_actions->undo(done.entryId);
        QVERIFY2(undone.ok(), qPrintable(undone.error));
        QCOMPARE(undone.entryId, done.entryId); // no new entry: nothing goes to the server
        QCOMPARE(placesAndStates(*m_store), before);
        QCOMPARE(entry(done.entryId).state, ActionState::Failed);
        QCOMPARE(entry(done.entryId).error, ActionJournal::cancelledText());
        QCOMPARE(m_store->journalStore().actions(true).size(), 0);
        QCOMPARE(applied.size(), 1);
        QVERIFY(applied.at(0).at(1).toStringList().contains(inbox));
    }

    // The replayer lists entries, then claims them: an undo in between wins,
    // and nothing of that claim goes out.
    void cancelledEntryIsNeverClaimedForSending()
    {
        const auto first = m_actions->markRead(threadId, inbox);
        const auto second = m_actions->flag(threadId, inbox);
        QVERIFY(first.ok() && second.ok());
        QVERIFY(m_actions->undo(second.entryId).ok());
        ActionJournal journal(*m_store);
        QVERIFY(!journal.markSending({first.entryId, second.entryId}));
        QCOMPARE(entry(first.entryId).state, ActionState::Pending); // all or none
        QCOMPARE(entry(first.entryId).attempts, 0);
        QCOMPARE(entry(second.entryId).state, ActionState::Failed);
        QVERIFY(journal.markSending({first.entryId}));
        QVERIFY(!journal.cancel(first.entryId)); // sending: too late to cancel
        QCOMPARE(entry(first.entryId).state, ActionState::Sending);
    }

    void sentMarkReadIsUndoneByMarkingUnreadWhatWasUnread()
    {
        const QStringList before = placesAndStates(*m_store);
        const auto done = m_actions->markRead(threadId, inbox);
        markSent(done.entryId);
        const auto undone = m_actions->undo(done.entryId);
        QVERIFY2(undone.ok(), qPrintable(undone.error));
        QVERIFY(undone.entryId != done.entryId);
        const ActionEntry inverse = entry(undone.entryId);
        QCOMPARE(inverse.kind, ActionKind::MarkUnread);
        QCOMPARE(inverse.state, ActionState::Pending);
        QCOMPARE(inverse.items.size(), 3);
        for (const ActionItem &item : inverse.items)
            QCOMPARE(item.newRead, std::optional<bool>(false)); // all three were unread
        QCOMPARE(placesAndStates(*m_store), before);
    }

    void sentFlagIsUndoneByRestoringTheFormerFlag()
    {
        const QStringList before = placesAndStates(*m_store);
        const auto done = m_actions->flag(threadId, inbox);
        markSent(done.entryId);
        const auto undone = m_actions->undo(done.entryId);
        QVERIFY2(undone.ok(), qPrintable(undone.error));
        const ActionEntry inverse = entry(undone.entryId);
        QCOMPARE(inverse.items.size(), 1);
        QVERIFY(inverse.items.at(0).newFlag);
        QCOMPARE(inverse.items.at(0).newFlag->status, FlagStatus::None);
        QVERIFY(!inverse.items.at(0).newRead); // read state untouched
        QCOMPARE(placesAndStates(*m_store), before);
    }

    void sentMoveIsUndoneByMovingBack()
    {
        const QStringList before = placesAndStates(*m_store);
        const auto done = m_actions->move(threadId, inbox, projects);
        markSent(done.entryId);
        const auto undone = m_actions->undo(done.entryId);
        QVERIFY2(undone.ok(), qPrintable(undone.error));
        const ActionEntry inverse = entry(undone.entryId);
        QCOMPARE(inverse.kind, ActionKind::Move);
        QCOMPARE(inverse.folderId, projects);
        QCOMPARE(inverse.targetFolderId, inbox);
        QCOMPARE(inverse.items.size(), 3);
        for (const ActionItem &item : inverse.items) {
            QCOMPARE(item.folderId, projects);
            QCOMPARE(item.targetFolderId, inbox);
        }
        QCOMPARE(placesAndStates(*m_store), before);
    }

    void sentDeleteIsUndoneFromDeletedItemsOnceItSynced()
    {
        const QStringList before = placesAndStates(*m_store);
        const QList<Message> inInbox = m_store->messageStore().messagesInFolder(inbox);
        const auto done = m_actions->deleteConversation(threadId, inbox);
        markSent(done.entryId);
        const auto tooEarly = m_actions->undo(done.entryId);
        QVERIFY(!tooEarly.ok());
        QVERIFY2(tooEarly.error.contains(QLatin1String("after the next sync")), qPrintable(tooEarly.error));

        // The server put them in Deleted Items under new ids; that folder syncs.
        QList<Message> copies;
        for (Message m : inInbox) {
            if (m.conversationId != threadId)
                continue;
            m.serverId = QStringLiteral("d-") + m.serverId;
            copies.append(m);
        }
        QVERIFY(add(*m_store, trash, copies));
        const auto undone = m_actions->undo(done.entryId);
        QVERIFY2(undone.ok(), qPrintable(undone.error));
        const ActionEntry inverse = entry(undone.entryId);
        QCOMPARE(inverse.kind, ActionKind::Move);
        QCOMPARE(inverse.items.size(), 3);
        for (const ActionItem &item : inverse.items) {
            QVERIFY(item.serverId.startsWith(QLatin1String("d-")));
            QCOMPARE(item.targetFolderId, inbox);
        }
        QCOMPARE(placesAndStates(*m_store), before);
    }

    void deleteInDeletedItemsCannotBeUndoneOnceSent()
    {
        QVERIFY(m_actions->move(threadId, inbox, trash).ok());
        const auto done = m_actions->deleteAllIn(trash);
        markSent(done.entryId);
        const auto undone = m_actions->undo(done.entryId);
        QVERIFY(!undone.ok());
        QVERIFY2(undone.error.contains(QLatin1String("gone for good")), qPrintable(undone.error));
    }

    void sentIgnoreIsUndoneByForgettingTheRuleAndBringingBack()
    {
        const QStringList before = placesAndStates(*m_store);
        const auto done = m_actions->ignore(threadId, inbox);
        markSent(done.entryId);
        QVERIFY(ConversationRules(*m_store).isIgnored(threadId));
        const auto undone = m_actions->undo(done.entryId);
        QVERIFY2(undone.ok(), qPrintable(undone.error));
        QVERIFY(!ConversationRules(*m_store).rule(threadId));
        QCOMPARE(entry(undone.entryId).kind, ActionKind::Move);
        QCOMPARE(placesAndStates(*m_store), before);
    }

    void pendingIgnoreIsCancelledWithItsRule()
    {
        const QStringList before = placesAndStates(*m_store);
        const auto done = m_actions->ignore(threadId, inbox);
        QVERIFY(ConversationRules(*m_store).rule(threadId));
        QVERIFY(m_actions->undo(done.entryId).ok());
        QVERIFY(!ConversationRules(*m_store).rule(threadId));
        QCOMPARE(placesAndStates(*m_store), before);
    }

    void refusedActionHasNothingToUndo()
    {
        const auto done = m_actions->markRead(threadId, inbox);
        ActionJournal journal(*m_store);
        QVERIFY(journal.markFailed(*journal.entry(done.entryId), QStringLiteral("the server said no")));
        const auto undone = m_actions->undo(done.entryId);
        QVERIFY(!undone.ok());
        QVERIFY2(undone.error.contains(QLatin1String("the server said no")), qPrintable(undone.error));
        QVERIFY(!m_actions->undo(999).ok());
    }
};

QTEST_GUILESS_MAIN(TestConversationUndo)
#include "tst_conversationundo.moc"
