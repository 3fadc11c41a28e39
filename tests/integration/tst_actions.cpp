// Conversation actions through the real engine against the in-process
// reference server: each action's effect in the server's dump, moves that
// leave no duplicates in the local store, refusals rolled back with the
// server's reason, Search, and a journal that survives a killed process.
#include "ConversationActions.h"
#include "ConversationRules.h"
#include "ReferenceServer.h"
#include "StatusText.h"
#include "SyncEngine.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace skein;
using namespace skein::eas;

namespace {

struct ServerMessage {
    QString serverId, folder;
    bool read = false;
    int flagStatus = 0;
    QDateTime received;
};

} // namespace

class TestActions : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<server::ReferenceServer> m_server;
    std::unique_ptr<SyncEngine> m_engine;
    QString m_db;

    QList<ServerMessage> onServer(const QByteArray &conversationId) const
    {
        QList<ServerMessage> list;
        for (const QJsonValue &u : m_server->dump().value(QStringLiteral("users")).toArray()) {
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

    QList<ServerMessage> onServerIn(const QByteArray &conversationId, const QString &folder) const
    {
        QList<ServerMessage> list;
        for (const ServerMessage &m : onServer(conversationId))
            if (m.folder == folder)
                list.append(m);
        return list;
    }

    void startEngine()
    {
        SyncEngine::Config config;
        config.databasePath = m_db;
        config.password = QStringLiteral("demo");
        config.maxRetryAfterMs = 20;
        m_engine = std::make_unique<SyncEngine>(config);
    }

    SyncReport run(void (SyncEngine::*slot)(), void (SyncEngine::*signal)(const SyncReport &))
    {
        QSignalSpy finished(m_engine.get(), signal);
        (m_engine.get()->*slot)();
        // The engine emits on its own thread, possibly before wait() starts;
        // QSignalSpy::wait() only counts signals that come while it waits.
        if (finished.isEmpty() && !finished.wait(120000))
            return SyncReport{ErrorKind::Network, QStringLiteral("timed out"), {}};
        return finished.first().first().value<SyncReport>();
    }

    SyncReport replay() { return run(&SyncEngine::replayNow, &SyncEngine::replayFinished); }
    SyncReport syncAll() { return run(&SyncEngine::syncAll, &SyncEngine::syncFinished); }

    QString folderId(const Store &store, FolderType type) const
    {
        return store.folderStore().folderOfType(type).value_or(Folder{}).serverId;
    }

    // The Inbox conversation with the most Inbox messages that also has a
    // message in Sent Items (the owner took part).
    QByteArray busyConversation(const Store &store) const
    {
        const QString inbox = folderId(store, FolderType::Inbox), sent = folderId(store, FolderType::SentItems);
        QByteArray best;
        int bestCount = 0;
        for (const ConversationSummary &c : store.conversationStore().conversations(inbox)) {
            int inInbox = 0;
            bool inSent = false;
            for (const Message &m : store.messageStore().conversationMessages(c.conversationId)) {
                inInbox += m.folderId == inbox;
                inSent |= m.folderId == sent;
            }
            if (inSent && inInbox > bestCount && !c.conversationId.isEmpty()) {
                best = c.conversationId;
                bestCount = inInbox;
            }
        }
        return best;
    }

    // The local store mirrors the server for this conversation: same
    // ServerIds in the same folders, nothing twice, no placeholders left.
    void checkMirrorsServer(const QByteArray &conversationId)
    {
        Store store;
        QVERIFY(store.open(m_db));
        QHash<QString, QString> names;
        for (const Folder &f : store.folderStore().folders())
            names.insert(f.serverId, f.name);
        QStringList local, remote;
        for (const Message &m : store.messageStore().conversationMessages(conversationId)) {
            local.append(names.value(m.folderId) + QLatin1Char('/') + m.serverId);
            QVERIFY2(!store.messageStore().isMoving(m.id), qPrintable(m.serverId));
        }
        for (const ServerMessage &m : onServer(conversationId))
            if (m.folder != QLatin1String("Outbox") && m.folder != QLatin1String("Drafts"))
                remote.append(m.folder + QLatin1Char('/') + m.serverId);
        local.sort();
        remote.sort();
        QCOMPARE(local, remote);
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
        m_db = m_dir->filePath(QStringLiteral("client.db"));
        Store store;
        QVERIFY(store.open(m_db));
        AccountSettings account;
        QUrl base = m_server->url();
        base.setPath({});
        account.url = base.toString();
        account.user = QStringLiteral("demo");
        account.deviceId = QStringLiteral("ACTIONS1");
        QVERIFY(store.accountStore().saveAccount(account));
        startEngine();
        QVERIFY(syncAll().ok());
    }

    void cleanup()
    {
        m_engine.reset();
        m_server.reset();
        m_dir.reset();
    }

    void readFlagCompleteAndClearReachTheServer()
    {
        Store store;
        QVERIFY(store.open(m_db));
        const QByteArray id = busyConversation(store);
        QVERIFY(!id.isEmpty());
        const QString inbox = folderId(store, FolderType::Inbox);
        ConversationActions actions(store);

        QVERIFY(actions.markRead(id, inbox).ok());
        QVERIFY(replay().ok());
        for (const ServerMessage &m : onServerIn(id, QStringLiteral("Inbox")))
            QVERIFY2(m.read, qPrintable(m.serverId));

        QVERIFY(actions.markUnread(id, inbox).ok());
        QVERIFY(actions.flag(id, inbox).ok()); // both in one Sync
        QVERIFY(replay().ok());
        QList<ServerMessage> inInbox = onServerIn(id, QStringLiteral("Inbox"));
        const auto newest = std::max_element(inInbox.cbegin(), inInbox.cend(),
                                             [](const auto &a, const auto &b) { return a.received < b.received; });
        for (const ServerMessage &m : inInbox) {
            QVERIFY(!m.read);
            QCOMPARE(m.flagStatus, m.serverId == newest->serverId ? 2 : 0);
        }

        QVERIFY(actions.markComplete(id, inbox).ok());
        QVERIFY(replay().ok());
        QCOMPARE(onServerIn(id, QStringLiteral("Inbox")).size(), inInbox.size());
        for (const ServerMessage &m : onServerIn(id, QStringLiteral("Inbox")))
            QCOMPARE(m.flagStatus, m.serverId == newest->serverId ? 1 : 0);

        QVERIFY(actions.clearFlag(id, inbox).ok());
        QVERIFY(replay().ok());
        for (const ServerMessage &m : onServerIn(id, QStringLiteral("Inbox")))
            QCOMPARE(m.flagStatus, 0);
        for (const ActionEntry &e : store.journalStore().actions(false))
            QCOMPARE(e.state, ActionState::Done);
    }

    void deleteMovesTheFolderCopiesToDeletedItems()
    {
        Store store;
        QVERIFY(store.open(m_db));
        const QByteArray id = busyConversation(store);
        const int inInbox = int(onServerIn(id, QStringLiteral("Inbox")).size());
        const int inTrash = int(onServerIn(id, QStringLiteral("Deleted Items")).size());
        QVERIFY(ConversationActions(store).deleteConversation(id, folderId(store, FolderType::Inbox)).ok());
        QVERIFY(replay().ok());
        QVERIFY(onServerIn(id, QStringLiteral("Inbox")).isEmpty());
        QCOMPARE(onServerIn(id, QStringLiteral("Deleted Items")).size(), inInbox + inTrash);
        QVERIFY(!onServerIn(id, QStringLiteral("Sent Items")).isEmpty());
        checkMirrorsServer(id);
    }

    void moveFromTheCurrentFolderGivesNewIdsWithoutDuplicates()
    {
        Store store;
        QVERIFY(store.open(m_db));
        const QByteArray id = busyConversation(store);
        const int inInbox = int(onServerIn(id, QStringLiteral("Inbox")).size());
        const QString projects = store.folderStore().folderByName(QStringLiteral("Projects"))->serverId;
        QVERIFY(ConversationActions(store).move(id, folderId(store, FolderType::Inbox), projects).ok());
        QVERIFY(replay().ok());
        QVERIFY(onServerIn(id, QStringLiteral("Inbox")).isEmpty());
        QVERIFY(onServerIn(id, QStringLiteral("Projects")).size() >= inInbox);
        checkMirrorsServer(id);
    }

    void ignoreMovesEveryFolderButSentItemsAndCatchesNewMail()
    {
        Store store;
        QVERIFY(store.open(m_db));
        const QByteArray id = busyConversation(store);
        const int sentCount = int(onServerIn(id, QStringLiteral("Sent Items")).size());
        const auto r = ConversationActions(store).ignore(id, folderId(store, FolderType::Inbox));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY(replay().ok());
        for (const ServerMessage &m : onServer(id))
            QVERIFY2(m.folder == QLatin1String("Deleted Items") || m.folder == QLatin1String("Sent Items"),
                     qPrintable(m.folder));
        QCOMPARE(onServerIn(id, QStringLiteral("Sent Items")).size(), sentCount);
        QCOMPARE(store.journalStore().action(r.entryId)->state, ActionState::Done);
        QCOMPARE(ConversationRules(store).rule(id)->state, RuleState::Active);
        checkMirrorsServer(id);

        // The server keeps the rule: a new reply goes straight to Deleted Items.
        QCOMPARE(m_server->conversationRules(QStringLiteral("demo")).size(), 1);
        server::IncomingMail reply;
        reply.to = QStringLiteral("demo");
        reply.replyToServerId = onServerIn(id, QStringLiteral("Deleted Items")).first().serverId;
        reply.from = QStringLiteral("Zed <zed@example.com>");
        reply.subject = QStringLiteral("Re: still here");
        reply.body = QStringLiteral("one more thing");
        const server::DeliveryResult delivered = m_server->deliver(reply);
        QVERIFY2(delivered.ok, qPrintable(delivered.error));
        QCOMPARE(delivered.folder, QStringLiteral("Deleted Items"));
        QVERIFY(syncAll().ok());
        QVERIFY(store.messageStore().message(folderId(store, FolderType::DeletedItems), delivered.serverId));
    }

    void alwaysMoveAndItsRefusals()
    {
        Store store;
        QVERIFY(store.open(m_db));
        const QByteArray id = busyConversation(store);
        const QString inbox = folderId(store, FolderType::Inbox);
        ConversationActions actions(store);
        QCOMPARE(actions.alwaysMove(id, inbox, folderId(store, FolderType::Outbox)).error,
                 QStringLiteral("Outbox and Drafts cannot receive an always-move rule."));

        // The server refuses the first Move: rolled back, in words.
        m_server->faults().forceMoveStatus(6);
        QSignalSpy failed(m_engine.get(), &SyncEngine::actionFailed);
        const QString projects = store.folderStore().folderByName(QStringLiteral("Projects"))->serverId;
        const auto refused = actions.alwaysMove(id, inbox, projects);
        QVERIFY(refused.ok());
        QVERIFY(replay().ok());
        QCOMPARE(store.journalStore().action(refused.entryId)->state, ActionState::Failed);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(1).toString(), statusText("ItemOperations.Move", 6));
        QVERIFY(!onServerIn(id, QStringLiteral("Inbox")).isEmpty());
        checkMirrorsServer(id);

        const auto accepted = actions.alwaysMove(id, inbox, projects);
        QVERIFY(replay().ok());
        QCOMPARE(store.journalStore().action(accepted.entryId)->state, ActionState::Done);
        for (const ServerMessage &m : onServer(id))
            QVERIFY(m.folder == QLatin1String("Projects") || m.folder == QLatin1String("Sent Items"));
        checkMirrorsServer(id);
    }

    void findSearchesEveryFolder()
    {
        Store store;
        QVERIFY(store.open(m_db));
        const QByteArray id = busyConversation(store);
        QSignalSpy found(m_engine.get(), &SyncEngine::found);
        m_engine->find(id);
        QVERIFY(!found.isEmpty() || found.wait(60000));
        const FindResult result = found.first().first().value<FindResult>();
        QVERIFY2(result.fromServer, qPrintable(result.note));
        QCOMPARE(result.messages.size(), onServer(id).size());
    }

    void journalSurvivesAKilledProcessAndAppliesOnce()
    {
        m_engine.reset(); // no engine: the action is only journaled
        QByteArray id;
        qint64 entryId = 0;
        int inInbox = 0;
        {
            Store store;
            QVERIFY(store.open(m_db));
            id = busyConversation(store);
            inInbox = int(onServerIn(id, QStringLiteral("Inbox")).size());
            const QString projects = store.folderStore().folderByName(QStringLiteral("Projects"))->serverId;
            entryId = ConversationActions(store).move(id, folderId(store, FolderType::Inbox), projects).entryId;
            QVERIFY(entryId);
            ActionJournal(store).markSending({entryId}); // killed with the request "on the wire"
        }
        startEngine();
        QVERIFY(replay().ok());
        QVERIFY(syncAll().ok());
        Store store;
        QVERIFY(store.open(m_db));
        QCOMPARE(store.journalStore().action(entryId)->state, ActionState::Done);
        QVERIFY(onServerIn(id, QStringLiteral("Inbox")).isEmpty());
        QVERIFY(onServerIn(id, QStringLiteral("Projects")).size() >= inInbox);
        checkMirrorsServer(id);
    }
};

QTEST_MAIN(TestActions)
#include "tst_actions.moc"
