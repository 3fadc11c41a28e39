// The sent message in the conversation, end to end (issue 11 parts 3 and 5):
// the real engine against the in-process reference server. A reply to a
// message in the middle of a tree shows at once as a "Sending…" child of
// that message; after the send and the Sync of Sent Items exactly one child
// stands for it, the server's copy with the server's ConversationIndex
// (the parent's plus one 5-byte block). Offline, the reply waits with the
// reason in the Outbox's list and goes out once when the server is back.
#include "ConversationIndex.h"
#include "ConversationModel.h"
#include "LocalSentRows.h"
#include "MimeComposer.h"
#include "ModelRoles.h"
#include "OutboxListModel.h"
#include "ReferenceServer.h"
#include "ReplyDraft.h"
#include "SyncEngine.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace skein;
using namespace skein::eas;

class TestSentReply : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<server::ReferenceServer> m_server;
    std::unique_ptr<SyncEngine> m_engine;
    QString m_db;
    quint16 m_port = 0;

    void startEngine()
    {
        SyncEngine::Config config;
        config.databasePath = m_db;
        config.password = QStringLiteral("demo");
        config.maxRetryAfterMs = 20;
        config.requestTimeoutMs = 10000;
        m_engine = std::make_unique<SyncEngine>(config);
    }

    SyncReport run(void (SyncEngine::*slot)(), void (SyncEngine::*signal)(const SyncReport &))
    {
        QSignalSpy finished(m_engine.get(), signal);
        (m_engine.get()->*slot)();
        if (finished.isEmpty() && !finished.wait(120000))
            return SyncReport{ErrorKind::Network, QStringLiteral("timed out"), {}};
        return finished.first().first().value<SyncReport>();
    }

    SyncReport replay() { return run(&SyncEngine::replayNow, &SyncEngine::replayFinished); }
    SyncReport syncAll() { return run(&SyncEngine::syncAll, &SyncEngine::syncFinished); }

    // An Inbox message with a parent and a reply of its own: the middle of a tree.
    static std::optional<Message> middleOfATree(const Store &store)
    {
        const QString inbox = store.folderStore().folderOfType(FolderType::Inbox).value_or(Folder{}).serverId;
        std::optional<Message> fallback;
        for (const Message &m : store.messageStore().messagesInFolder(inbox)) {
            const ConversationIndex index(m.conversationIndex);
            if (m.conversationId.isEmpty() || !index.isValid() || index.depth() < 1)
                continue;
            for (const Message &other : store.messageStore().conversationMessages(m.conversationId)) {
                if (ConversationIndex(other.conversationIndex).parentKey() == index.key())
                    return m;
            }
            fallback = fallback ? fallback : std::optional<Message>(m);
        }
        return fallback;
    }

    // As skein-cli reply does: the draft, its MIME, into the outbox.
    static qint64 enqueueReply(Store &store, const Message &parent, const QString &text)
    {
        OutgoingMessage message = draftReply(parent, ReplyMode::Reply, QStringLiteral("demo@skein.test"), text);
        const ComposedMime composed = composeMime(message);
        if (!composed.ok())
            return 0;
        OutboxEntry entry;
        entry.kind = OutboxKind::Reply;
        entry.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        entry.mime = composed.mime;
        entry.subject = message.subject;
        entry.recipients = message.allRecipients().join(QStringLiteral(", "));
        entry.sourceFolderId = parent.folderId;
        entry.sourceServerId = parent.serverId;
        entry.sourceMessageId = parent.id;
        return store.outboxStore().insertOutbox(entry);
    }

    struct Child {
        qint64 id;
        QString folderName;
        QByteArray index;
        QString subject;
    };
    static QList<Child> childrenOf(const Store &store, const Message &parent)
    {
        ConversationModel model(&store);
        model.setListedFolder(parent.folderId);
        model.setConversation(parent.conversationId);
        const QModelIndex row = model.indexForMessage(parent.id);
        QList<Child> out;
        for (int r = 0; r < model.rowCount(row); ++r) {
            const QModelIndex child = model.index(r, 0, row);
            const Message *m = model.message(child);
            out.append({m->id, child.data(FolderNameRole).toString(), m->conversationIndex, m->subject});
        }
        return out;
    }

    static QList<Child> withSubject(const QList<Child> &children, const QString &subject)
    {
        QList<Child> out;
        for (const Child &c : children)
            if (c.subject == subject)
                out.append(c);
        return out;
    }

    // The one child standing for the reply: no local row left and the copy
    // once; a default Child (id 0) otherwise.
    static Child onlyLocalOrCopy(const QList<Child> &children, qint64 copyId)
    {
        Child found{};
        int count = 0;
        for (const Child &c : children) {
            if (c.id < 0 || c.id == copyId) {
                found = c;
                ++count;
            }
        }
        return count == 1 ? found : Child{};
    }

    // The server's copies in demo's Sent Items with this subject.
    int serverCopies(const QString &subject) const
    {
        int count = 0;
        for (const QJsonValue &u : m_server->dump().value(QStringLiteral("users")).toArray()) {
            if (u[QStringLiteral("name")].toString() != QLatin1String("demo"))
                continue;
            for (const QJsonValue &m : u[QStringLiteral("messages")].toArray())
                count += m[QStringLiteral("subject")].toString() == subject
                    && m[QStringLiteral("folder")].toString() == QLatin1String("Sent Items");
        }
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
        m_port = m_server->start();
        QVERIFY(m_port != 0);
        m_db = m_dir->filePath(QStringLiteral("client.db"));
        Store store;
        QVERIFY(store.open(m_db));
        AccountSettings account;
        QUrl base = m_server->url();
        base.setPath({});
        account.url = base.toString();
        account.user = QStringLiteral("demo");
        account.deviceId = QStringLiteral("SENTREPLY1");
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

    void replyShowsAtOnceThenTheServersCopyTakesItsPlace()
    {
        Store store;
        QVERIFY(store.open(m_db));
        const std::optional<Message> parent = middleOfATree(store);
        QVERIFY2(parent, "the demo mailbox has no reply with replies");
        const qint64 entryId = enqueueReply(store, *parent, QStringLiteral("Agreed, let's do that."));
        QVERIFY2(entryId, qPrintable(store.lastError()));
        const QString subject = store.outboxStore().outboxEntry(entryId)->subject;
        const int before = int(childrenOf(store, *parent).size());

        // Before sending: a local child under that very parent.
        QList<Child> local = withSubject(childrenOf(store, *parent), subject);
        QList<Child> sending;
        for (const Child &c : local)
            if (c.id < 0)
                sending.append(c);
        QCOMPARE(sending.size(), 1);
        QCOMPARE(sending.first().id, -entryId);
        QCOMPARE(sending.first().folderName, QStringLiteral("Sending\u2026"));

        // Send; the replay then syncs Sent Items, so the copy arrives unasked.
        const int copiesBefore = serverCopies(subject); // the demo's own replies may share it
        QSignalSpy outboxChanged(m_engine.get(), &SyncEngine::outboxChanged);
        QVERIFY(replay().ok());
        QCOMPARE(store.outboxStore().outboxEntry(entryId)->state, OutboxState::Sent);
        QVERIFY(!outboxChanged.isEmpty());
        QCOMPARE(serverCopies(subject), copiesBefore + 1);

        const qint64 copyId = store.outboxStore().sentCopies().value(entryId);
        QVERIFY2(copyId > 0, "the engine's sync recorded the server's copy");
        const QList<Child> after = childrenOf(store, *parent);
        QCOMPARE(after.size(), before); // the local row gave way: nothing twice
        const Child copy = onlyLocalOrCopy(after, copyId);
        QCOMPARE(copy.id, copyId);
        QCOMPARE(copy.folderName, QStringLiteral("Sent Items"));
        QCOMPARE(copy.subject, subject);
        QCOMPARE(copy.index.size(), parent->conversationIndex.size() + 5);
        QVERIFY(copy.index.startsWith(parent->conversationIndex));
        QVERIFY(localSentEntries(store).isEmpty());

        // Another full sync changes nothing.
        QVERIFY(syncAll().ok());
        QCOMPARE(int(childrenOf(store, *parent).size()), before);
        QCOMPARE(onlyLocalOrCopy(childrenOf(store, *parent), copyId).id, copyId);
        QCOMPARE(serverCopies(subject), copiesBefore + 1);
    }

    void offlineReplyWaitsWithItsReasonThenGoesOutOnce()
    {
        Store store;
        QVERIFY(store.open(m_db));
        const std::optional<Message> parent = middleOfATree(store);
        QVERIFY(parent);
        m_server->stop();
        const qint64 entryId = enqueueReply(store, *parent, QStringLiteral("Written on the train."));
        QVERIFY(entryId);
        const QString subject = store.outboxStore().outboxEntry(entryId)->subject;
        const int copiesBefore = serverCopies(subject);
        QVERIFY(!replay().ok());
        const OutboxEntry waiting = *store.outboxStore().outboxEntry(entryId);
        QCOMPARE(waiting.state, OutboxState::Waiting);
        QVERIFY2(!waiting.error.isEmpty(), "the reason of the failure is kept");

        // What the Outbox view lists.
        OutboxListModel outbox(&store);
        const int row = outbox.rowOf(entryId);
        QVERIFY(row >= 0);
        QCOMPARE(outbox.index(row, OutboxListModel::StateColumn).data().toString(), QStringLiteral("waiting to be sent"));
        QCOMPARE(outbox.index(row, OutboxListModel::ReasonColumn).data().toString(), waiting.error);
        // And the conversation shows it on its way.
        int sending = 0;
        for (const Child &c : childrenOf(store, *parent))
            sending += c.id == -entryId && c.folderName == QStringLiteral("Sending\u2026");
        QCOMPARE(sending, 1);

        // Back online: sent once, its copy in the tree once.
        QCOMPARE(m_server->start(QHostAddress::LocalHost, m_port), m_port);
        QVERIFY(replay().ok());
        QCOMPARE(store.outboxStore().outboxEntry(entryId)->state, OutboxState::Sent);
        QVERIFY(replay().ok()); // nothing left to send
        QCOMPARE(serverCopies(subject), copiesBefore + 1);
        const qint64 copyId = store.outboxStore().sentCopies().value(entryId);
        QVERIFY(copyId > 0);
        QCOMPARE(onlyLocalOrCopy(childrenOf(store, *parent), copyId).id, copyId);
        OutboxListModel empty(&store);
        QCOMPARE(empty.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSentReply)
#include "tst_sentreply.moc"
