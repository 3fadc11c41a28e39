// ActionJournal: order, states (pending -> sending -> done/failed), attempts,
// the payload round trip, and that it all survives closing the store.
#include "ActionJournal.h"
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

    void migrationTwoReplacesThePlaceholderTable()
    {
        sqlite3 *db = m_store->handle();
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
