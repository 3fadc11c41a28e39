// The real sync engine, on its own thread, against the reference server over
// loopback: the demo mailbox arrives whole, conversation ids and indexes stay
// byte-exact, trees match the server's threading, every protocol version
// works, and faults (503, 500 bursts, invalid sync keys) lose nothing.
#include "ConversationTree.h"
#include "ReferenceServer.h"
#include "SyncEngine.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace skein;
using namespace skein::eas;

namespace {

struct ServerMessage {
    QString serverId, folder, parentServerId;
    QByteArray conversationId, conversationIndex;
    QDateTime received;
};

QList<ServerMessage> serverMessages(const QJsonObject &dump, const QString &user)
{
    QList<ServerMessage> list;
    for (const QJsonValue &u : dump.value(QStringLiteral("users")).toArray()) {
        if (u[QStringLiteral("name")].toString() != user)
            continue;
        for (const QJsonValue &m : u[QStringLiteral("messages")].toArray()) {
            list.append({m[QStringLiteral("serverId")].toString(), m[QStringLiteral("folder")].toString(),
                         m[QStringLiteral("parentServerId")].toString(),
                         QByteArray::fromHex(m[QStringLiteral("conversationId")].toString().toLatin1()),
                         QByteArray::fromHex(m[QStringLiteral("conversationIndex")].toString().toLatin1()),
                         QDateTime::fromString(m[QStringLiteral("received")].toString(), Qt::ISODateWithMs)});
        }
    }
    return list;
}

// The client's copy of a server message: ServerIds are unique per folder only.
std::optional<Message> localCopy(const Store &store, const ServerMessage &s)
{
    const std::optional<Folder> folder = store.folderStore().folderByName(s.folder);
    return folder ? store.messageStore().message(folder->serverId, s.serverId) : std::nullopt;
}

} // namespace

class TestClientServer : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<server::ReferenceServer> m_server;
    QString m_db;

    void startServer()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_server = std::make_unique<server::ReferenceServer>();
        QString error;
        QVERIFY2(m_server->open(m_dir->filePath(QStringLiteral("server")), &error), qPrintable(error));
        QVERIFY(m_server->seedDemo() >= 100);
        QVERIFY(m_server->start() != 0);
        m_db = m_dir->filePath(QStringLiteral("client.db"));
    }

    void addAccount(const QString &version = {}, const QString &password = QStringLiteral("demo"))
    {
        Q_UNUSED(password);
        Store store;
        QVERIFY(store.open(m_db));
        AccountSettings account;
        QUrl base = m_server->url();
        base.setPath({});
        account.url = base.toString();
        account.user = QStringLiteral("demo");
        account.deviceId = QStringLiteral("INTEGRATION1");
        account.protocolVersion = version;
        QVERIFY(store.accountStore().saveAccount(account));
    }

    std::unique_ptr<SyncEngine> engine(SyncOptions options = {}, const QString &password = QStringLiteral("demo"))
    {
        SyncEngine::Config config;
        config.databasePath = m_db;
        config.password = password;
        config.options = options;
        config.maxRetryAfterMs = 20; // keeps back-off fast; the waits themselves are unit-tested
        return std::make_unique<SyncEngine>(config);
    }

    SyncReport syncAll(SyncEngine &e)
    {
        QSignalSpy finished(&e, &SyncEngine::syncFinished);
        e.syncAll();
        // The engine emits on its own thread, possibly before wait() starts;
        // QSignalSpy::wait() only counts signals that come while it waits.
        if (finished.isEmpty() && !finished.wait(120000))
            return SyncReport{ErrorKind::Network, QStringLiteral("timed out"), {}};
        return finished.first().first().value<SyncReport>();
    }

    static QString folderErrors(const SyncReport &report)
    {
        QStringList errors;
        for (const FolderReport &f : report.folders)
            if (!f.error.isEmpty() || !f.skipped.isEmpty())
                errors.append(f.folderName + QStringLiteral(": ") + f.error);
        return errors.join(QStringLiteral("; "));
    }

    // Every reply-tree link of the Inbox's conversations names the server's
    // parent (or admits a gap), and the trees rest on headers, not dates.
    void checkTreesAgainstServer(const Store &store, int minLinks)
    {
        QHash<QString, QString> parentOnServer;
        for (const ServerMessage &s : serverMessages(m_server->dump(), QStringLiteral("demo")))
            parentOnServer.insert(s.serverId, s.parentServerId);
        int links = 0, wrong = 0, gaps = 0, deepest = 0;
        const std::optional<Folder> inbox = store.folderStore().folderOfType(FolderType::Inbox);
        QVERIFY(inbox);
        for (const ConversationSummary &c : store.conversationStore().conversations(inbox->serverId)) {
            if (c.conversationId.isEmpty())
                continue;
            const QList<Message> messages = store.messageStore().conversationMessages(c.conversationId);
            const ConversationTree tree = ConversationTree::build(messages);
            if (messages.size() > 1)
                QCOMPARE(tree.basis(), TreeBasis::ReplyHeaders);
            for (const ConversationNode &node : tree.nodes()) {
                deepest = std::max(deepest, node.depth);
                if (node.parent < 0)
                    continue;
                QStringList parentIds;
                for (int i : tree.nodes().at(node.parent).messages)
                    parentIds.append(messages.at(i).serverId);
                for (int i : node.messages) {
                    ++links;
                    if (parentIds.contains(parentOnServer.value(messages.at(i).serverId)))
                        continue;
                    ++(node.gapAbove ? gaps : wrong);
                }
            }
        }
        qInfo("trees: %d links checked, %d under a gap, %d wrong, deepest %d", links, gaps, wrong, deepest);
        QCOMPARE(wrong, 0);
        QVERIFY(links >= minLinks);
        QVERIFY(deepest >= 5);
    }

private Q_SLOTS:
    void init() { startServer(); }
    void cleanup()
    {
        m_server.reset();
        m_dir.reset();
    }

    void demoMailboxArrivesWithExactConversationData()
    {
        addAccount();
        const auto e = engine();
        const SyncReport report = syncAll(*e);
        QVERIFY2(report.ok(), qPrintable(report.message));
        QVERIFY2(folderErrors(report).isEmpty(), qPrintable(folderErrors(report)));

        Store store;
        QVERIFY(store.open(m_db));
        QCOMPARE(store.accountStore().account()->protocolVersion, QStringLiteral("16.1"));
        int compared = 0;
        for (const ServerMessage &s : serverMessages(m_server->dump(), QStringLiteral("demo"))) {
            const std::optional<Message> local = localCopy(store, s);
            if (!local)
                continue; // e.g. a folder the client does not sync
            QCOMPARE(local->conversationId, s.conversationId);
            QCOMPARE(local->conversationIndex, s.conversationIndex);
            ++compared;
        }
        QVERIFY2(compared >= 100, qPrintable(QString::number(compared)));
        const std::optional<Folder> inbox = store.folderStore().folderOfType(FolderType::Inbox);
        QVERIFY(inbox);
        QVERIFY(store.conversationStore().conversations(inbox->serverId).size() >= 15);
    }

    void treesMatchTheServersThreading()
    {
        addAccount();
        const auto e = engine();
        QVERIFY(syncAll(*e).ok());
        Store store;
        QVERIFY(store.open(m_db));
        QHash<QString, QString> parentOnServer;
        for (const ServerMessage &s : serverMessages(m_server->dump(), QStringLiteral("demo")))
            parentOnServer.insert(s.serverId, s.parentServerId);

        QSet<QString> sent;
        if (const auto f = store.folderStore().folderOfType(FolderType::SentItems))
            sent.insert(f->serverId);
        int checkedLinks = 0;
        int deepest = 0;
        const std::optional<Folder> inbox = store.folderStore().folderOfType(FolderType::Inbox);
        for (const ConversationSummary &c : store.conversationStore().conversations(inbox->serverId)) {
            if (c.conversationId.isEmpty())
                continue;
            const QList<Message> messages = store.messageStore().conversationMessages(c.conversationId);
            const ConversationTree tree = ConversationTree::build(messages, sent);
            for (const ConversationNode &node : tree.nodes()) {
                deepest = std::max(deepest, node.depth);
                if (node.parent < 0)
                    continue;
                const ConversationNode &parent = tree.nodes().at(node.parent);
                QStringList parentIds;
                for (int i : parent.messages)
                    parentIds.append(messages.at(i).serverId);
                for (int i : node.messages) {
                    const QString expected = parentOnServer.value(messages.at(i).serverId);
                    QVERIFY2(parentIds.contains(expected) || node.gapAbove,
                             qPrintable(QStringLiteral("%1: parent %2, tree says %3").arg(messages.at(i).serverId, expected,
                                                                                          parentIds.join(QLatin1Char(',')))));
                    ++checkedLinks;
                }
            }
        }
        QVERIFY(checkedLinks >= 50);
        QVERIFY(deepest >= 5);
    }

    void everyProtocolVersion_data()
    {
        QTest::addColumn<QString>("version");
        for (const char *v : {"12.1", "14.0", "14.1", "16.0", "16.1"})
            QTest::newRow(v) << QString::fromLatin1(v);
    }

    void everyProtocolVersion()
    {
        QFETCH(QString, version);
        addAccount(version);
        const auto e = engine();
        const SyncReport report = syncAll(*e);
        QVERIFY2(report.ok(), qPrintable(report.message));
        QVERIFY2(folderErrors(report).isEmpty(), qPrintable(folderErrors(report)));
        Store store;
        QVERIFY(store.open(m_db));
        const std::optional<Folder> inbox = store.folderStore().folderOfType(FolderType::Inbox);
        const QList<Message> messages = store.messageStore().messagesInFolder(inbox->serverId);
        QVERIFY(messages.size() >= 20);
        // Server-sent ids only: at 12.1 Skein infers its own (conversationInferred).
        const bool hasConversationData = std::any_of(messages.cbegin(), messages.cend(), [](const Message &m) {
            return !m.conversationId.isEmpty() && !m.conversationInferred;
        });
        QCOMPARE(hasConversationData, version != QLatin1String("12.1")); // 12.1 has no Email2 elements

        // The message part from 14.1: every message's own text, a reply's
        // without the "On …, … wrote:" quote its body carries.
        const bool partsExpected = version != QLatin1String("12.1") && version != QLatin1String("14.0");
        int withPart = 0, quotedReplies = 0;
        for (const Message &m : messages) {
            withPart += !m.messagePart.isEmpty();
            if (m.messagePart.isEmpty() || !m.body.contains(" wrote:"))
                continue;
            ++quotedReplies;
            QVERIFY2(!m.messagePart.contains("wrote:") && !m.messagePart.contains("&gt; "), m.messagePart.constData());
            const QByteArray opening = m.body.mid(m.body.indexOf("<body>") + 6, 20); // the reply's own first words
            QVERIFY2(m.messagePart.contains(opening), m.messagePart.constData());
        }
        QCOMPARE(withPart, partsExpected ? messages.size() : 0);
        QVERIFY(!partsExpected || quotedReplies >= 10);
    }

    // Protocol 12.1 has no Email2: no ConversationId, no index. Skein fetches
    // the reply headers (MIME, ItemOperations) and infers conversations and
    // trees; they must match the server's own threading.
    void protocol121InfersTheServersConversations()
    {
        addAccount(QStringLiteral("12.1"));
        const auto e = engine();
        const SyncReport report = syncAll(*e);
        QVERIFY2(report.ok(), qPrintable(report.message));
        QVERIFY2(folderErrors(report).isEmpty(), qPrintable(folderErrors(report)));
        int fetched = 0;
        for (const FolderReport &f : report.folders)
            fetched += f.replyHeadersFetched;
        Store store;
        QVERIFY(store.open(m_db));
        QCOMPARE(store.accountStore().capability(Capability::ConversationIndex), CapabilityState::NeverSeen);

        // Server conversation -> the local conversation ids of its messages.
        const QList<ServerMessage> onServer = serverMessages(m_server->dump(), QStringLiteral("demo"));
        QHash<QByteArray, QSet<QByteArray>> localIdsOf;
        QHash<QByteArray, QSet<QByteArray>> serverIdsOf;
        QHash<QByteArray, int> sizeOf;
        int local = 0;
        for (const ServerMessage &s : onServer) {
            const std::optional<Message> copy = localCopy(store, s);
            if (!copy)
                continue;
            ++local;
            QVERIFY(copy->conversationId.isEmpty() || copy->conversationInferred);
            ++sizeOf[s.conversationId];
            localIdsOf[s.conversationId].insert(copy->conversationId);
            if (!copy->conversationId.isEmpty())
                serverIdsOf[copy->conversationId].insert(s.conversationId);
        }
        int multi = 0, matched = 0;
        for (auto it = sizeOf.cbegin(); it != sizeOf.cend(); ++it) {
            if (it.value() < 2)
                continue;
            ++multi;
            const QSet<QByteArray> ids = localIdsOf.value(it.key());
            if (ids.size() == 1 && !ids.begin()->isEmpty()
                && serverIdsOf.value(*ids.begin()).size() == 1)
                ++matched;
            else
                qWarning() << "server conversation" << it.key().toHex() << "became" << ids;
        }
        int merged = 0;
        for (auto it = serverIdsOf.cbegin(); it != serverIdsOf.cend(); ++it)
            merged += it.value().size() > 1 ? 1 : 0;
        qInfo("12.1: %d local messages, %d reply headers fetched; %d of %d multi-message server "
              "conversations inferred exactly; %d inferred conversations merge server ones",
              local, fetched, matched, multi, merged);
        QVERIFY(fetched >= local);
        QVERIFY(multi >= 10);
        QCOMPARE(matched, multi);
        QCOMPARE(merged, 0);
        checkTreesAgainstServer(store, /*minLinks*/ 50);
    }

    // A mailbox larger than what one sync used to fetch headers for (1,000),
    // at 12.1 (no ConversationId, no index): after the first sync no message
    // lacks its reply headers and every server conversation is one local
    // conversation with the server's tree.
    void firstSyncCompletesEveryConversationWithoutIndex()
    {
        QCOMPARE(m_server->generate(QStringLiteral("demo"), QStringLiteral("Inbox"), 3000), 3000);
        addAccount(QStringLiteral("12.1"));
        const auto e = engine();
        const SyncReport report = syncAll(*e);
        QVERIFY2(report.ok(), qPrintable(report.message));
        QVERIFY2(folderErrors(report).isEmpty(), qPrintable(folderErrors(report)));
        Store store;
        QVERIFY(store.open(m_db));
        for (const Folder &f : store.folderStore().folders())
            QVERIFY2(store.threadStore().messagesNeedingReplyHeaders(f.serverId, 1).isEmpty(), qPrintable(f.name));

        QHash<QByteArray, QSet<QByteArray>> localIdsOf;
        QHash<QByteArray, QSet<QByteArray>> serverIdsOf;
        QHash<QByteArray, int> sizeOf;
        for (const ServerMessage &s : serverMessages(m_server->dump(), QStringLiteral("demo"))) {
            const std::optional<Message> copy = localCopy(store, s);
            if (!copy)
                continue;
            ++sizeOf[s.conversationId];
            localIdsOf[s.conversationId].insert(copy->conversationId);
            if (!copy->conversationId.isEmpty())
                serverIdsOf[copy->conversationId].insert(s.conversationId);
        }
        int multi = 0;
        for (auto it = sizeOf.cbegin(); it != sizeOf.cend(); ++it) {
            if (it.value() < 2)
                continue;
            ++multi;
            const QSet<QByteArray> ids = localIdsOf.value(it.key());
            QCOMPARE(ids.size(), 1);
            QVERIFY(!ids.begin()->isEmpty());
            QCOMPARE(serverIdsOf.value(*ids.begin()).size(), 1);
        }
        QVERIFY(multi >= 300);
        checkTreesAgainstServer(store, /*minLinks*/ 2000);
    }

    // SOGo 5.8: ConversationId but never a ConversationIndex. Trees come from
    // the reply headers and match the server's parents.
    void withoutConversationIndexTreesComeFromReplyHeaders()
    {
        m_server->quirks().setConversationIndexEnabled(false);
        addAccount();
        const auto e = engine();
        const SyncReport report = syncAll(*e);
        QVERIFY2(report.ok(), qPrintable(report.message));
        Store store;
        QVERIFY(store.open(m_db));
        QCOMPARE(store.accountStore().capability(Capability::ConversationIndex), CapabilityState::NeverSeen);
        for (const ServerMessage &s : serverMessages(m_server->dump(), QStringLiteral("demo"))) {
            if (const std::optional<Message> copy = localCopy(store, s)) {
                QCOMPARE(copy->conversationId, s.conversationId); // the server's ids stay
                QVERIFY(!copy->conversationInferred);
            }
        }
        checkTreesAgainstServer(store, 50);
    }

    void dateFilterBringsWholeConversations()
    {
        addAccount();
        SyncOptions week;
        week.filterType = 3;
        const auto e = engine(week);
        QVERIFY(syncAll(*e).ok());
        Store store;
        QVERIFY(store.open(m_db));
        const QString inboxId = store.folderStore().folderOfType(FolderType::Inbox)->serverId;
        const QDateTime cutoff = QDateTime::currentDateTimeUtc().addDays(-7);

        // Every conversation with an Inbox message inside the week is complete in the Inbox.
        QHash<QByteArray, QList<ServerMessage>> inboxByConversation;
        for (const ServerMessage &s : serverMessages(m_server->dump(), QStringLiteral("demo")))
            if (s.folder == QLatin1String("Inbox"))
                inboxByConversation[s.conversationId].append(s);
        int olderBroughtAlong = 0;
        for (const QList<ServerMessage> &conversation : std::as_const(inboxByConversation)) {
            const bool recent = std::any_of(conversation.begin(), conversation.end(),
                                            [&](const ServerMessage &s) { return s.received >= cutoff; });
            for (const ServerMessage &s : conversation) {
                const bool present = localCopy(store, s).has_value();
                QCOMPARE(present, recent);
                olderBroughtAlong += present && s.received < cutoff;
            }
        }
        QVERIFY2(olderBroughtAlong > 0, "the demo mailbox should have old messages in recent conversations");
        QVERIFY(store.messageStore().messageCount(inboxId) > 0);
    }

    void busyServerAndErrorBurstsLoseNothing()
    {
        addAccount();
        m_server->faults().failNextRequests(503, 2);
        const auto e = engine();
        SyncReport report = syncAll(*e);
        QVERIFY2(report.ok(), qPrintable(report.message));
        Store store;
        QVERIFY(store.open(m_db));
        const QString inboxId = store.folderStore().folderOfType(FolderType::Inbox)->serverId;
        const int before = store.messageStore().messageCount(inboxId);
        QVERIFY(before > 0);

        m_server->faults().failNextRequests(500, 3);
        report = syncAll(*e);
        QVERIFY2(report.ok(), qPrintable(report.message));
        QCOMPARE(store.messageStore().messageCount(inboxId), before);

        m_server->faults().failNextRequests(500, 50); // longer than the client retries
        report = syncAll(*e);
        QVERIFY(!report.ok());
        QVERIFY(!report.message.isEmpty());
        QCOMPARE(store.messageStore().messageCount(inboxId), before); // nothing dropped, nothing reloaded
    }

    void invalidSyncKeyResyncsInPlace()
    {
        addAccount();
        const auto e = engine();
        QVERIFY(syncAll(*e).ok());
        Store store;
        QVERIFY(store.open(m_db));
        const QString inboxId = store.folderStore().folderOfType(FolderType::Inbox)->serverId;
        const int before = store.messageStore().messageCount(inboxId);
        const qint64 someRow = store.messageStore().messagesInFolder(inboxId).first().id;

        m_server->faults().forceSyncStatus3(QStringLiteral("Inbox"));
        const SyncReport report = syncAll(*e);
        QVERIFY2(report.ok(), qPrintable(report.message));
        bool resynced = false;
        for (const FolderReport &f : report.folders)
            resynced |= f.folderId == inboxId && f.resynced;
        QVERIFY(resynced);
        QCOMPARE(store.messageStore().messageCount(inboxId), before);
        QVERIFY(store.messageStore().messageById(someRow)); // same rows, not a wipe and reload
    }

    // "Search the server too": mail the one-day window left on the server is
    // found by a word of its body (FreeText, every mail folder).
    void serverSearchFindsMailOutsideTheSyncedWindow()
    {
        addAccount();
        SyncOptions oneDay;
        oneDay.filterType = 1;
        const auto e = engine(oneDay);
        QVERIFY(syncAll(*e).ok());
        Store store;
        QVERIFY(store.open(m_db));
        const auto local = [&] {
            int n = 0;
            for (const Folder &f : store.folderStore().folders())
                for (const Message &m : store.messageStore().messagesInFolder(f.serverId))
                    n += m.subject.contains(QLatin1String("launch plan"));
            return n;
        };
        QCOMPARE(local(), 0); // weeks old: outside the window
        QSignalSpy answered(e.get(), &SyncEngine::serverSearchFinished);
        e->searchServer(QStringLiteral("regression"));
        QVERIFY(answered.wait(30000));
        const ServerSearchResult result = answered.first().first().value<ServerSearchResult>();
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        const bool foundLaunchPlan = std::any_of(result.messages.cbegin(), result.messages.cend(), [](const Message &m) {
            return m.subject.contains(QLatin1String("launch plan")) && !m.folderId.isEmpty() && !m.serverId.isEmpty();
        });
        QVERIFY(foundLaunchPlan);
    }

    void wrongPasswordIsAnAuthError()
    {
        addAccount();
        const auto e = engine({}, QStringLiteral("wrong"));
        const SyncReport report = syncAll(*e);
        QCOMPARE(report.error, ErrorKind::Auth);
    }

    void estimateCountsConversationsAndRefusesNonMail()
    {
        addAccount();
        const auto e = engine();
        QVERIFY(syncAll(*e).ok());
        Store store;
        QVERIFY(store.open(m_db));
        QSignalSpy estimated(e.get(), &SyncEngine::estimated);
        e->estimate(store.folderStore().folderOfType(FolderType::Inbox)->serverId, 3);
        QVERIFY(!estimated.isEmpty() || estimated.wait(30000));
        QCOMPARE(estimated.first().at(1).toInt(), 1);  // status
        QVERIFY(estimated.first().at(2).toInt() >= 0); // already synced: few or none pending

        const std::optional<Folder> calendar = store.folderStore().folderOfType(FolderType::Calendar);
        QVERIFY(calendar);
        estimated.clear();
        e->estimate(calendar->serverId, 0);
        QVERIFY(!estimated.isEmpty() || estimated.wait(30000));
        QVERIFY(estimated.first().at(1).toInt() != 1);
        QVERIFY(!estimated.first().at(3).toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestClientServer)
#include "tst_clientserver.moc"
