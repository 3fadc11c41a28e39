// An OAuth account's tokens over the life of a sync, against the in-process
// reference server (--auth oauth) through the real engine: an access token
// that expires in the middle of a multi-folder sync costs exactly one
// refresh and loses nothing; a sign-in revoked mid-way stops with
// SignInRequired, keeps what the user did meanwhile in the journal with its
// local change, and sends it after the next sign-in.
#include "ConversationActions.h"
#include "IssuedTokens.h"
#include "NetworkTransport.h"
#include "ServerSignIn.h"
#include "SyncEngine.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace skein;
using namespace skein::eas;
using namespace serversignin;

namespace {

// The engine's real transport, counting token requests and EAS Syncs, and
// running a hook (on the engine thread) just before the N-th Sync goes out:
// "the middle of the sync" at a request boundary of the test's choosing.
struct Counters {
    std::atomic<int> tokenRequests = 0;
    std::atomic<int> syncs = 0;
    int hookBeforeSync = 0; // 0: no hook
    std::function<void()> hook;
};

class CountingTransport final : public Transport
{
public:
    explicit CountingTransport(std::shared_ptr<Counters> counters) : m_counters(std::move(counters)) {}
    HttpResponse send(const HttpRequest &request) override
    {
        if (request.url.path().endsWith(QLatin1String("/oauth2/v2.0/token")))
            ++m_counters->tokenRequests;
        if (QUrlQuery(request.url).queryItemValue(QStringLiteral("Cmd")) == QLatin1String("Sync")
            && ++m_counters->syncs == m_counters->hookBeforeSync && m_counters->hook)
            m_counters->hook();
        return m_inner.send(request);
    }
    void abort() override { m_inner.abort(); }

private:
    std::shared_ptr<Counters> m_counters;
    NetworkTransport m_inner;
};

} // namespace

class TestOAuthTokens : public QObject
{
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<server::ReferenceServer> m_server;
    std::shared_ptr<Counters> m_counters;
    std::shared_ptr<InMemoryTokenStore> m_tokenStore;
    std::unique_ptr<SyncEngine> m_engine;
    QString m_db;

    // Runs fn on the server's (this) thread from the engine's thread.
    void onServerThread(std::function<void()> fn)
    {
        QMetaObject::invokeMethod(m_server.get(), std::move(fn), Qt::BlockingQueuedConnection);
    }

    void startEngine(const OAuthTokens &tokens)
    {
        m_tokenStore = std::make_shared<InMemoryTokenStore>(tokens.refreshToken);
        SyncEngine::Config config;
        config.databasePath = m_db;
        config.tokenStore = m_tokenStore;
        config.initialTokens = tokens;
        config.maxRetryAfterMs = 20;
        const auto counters = m_counters;
        config.transportFactory = [counters] { return std::make_unique<CountingTransport>(counters); };
        m_engine = std::make_unique<SyncEngine>(config);
    }

    SyncReport run(void (SyncEngine::*slot)(), void (SyncEngine::*signal)(const SyncReport &))
    {
        QSignalSpy finished(m_engine.get(), signal);
        (m_engine.get()->*slot)();
        if (finished.isEmpty() && !finished.wait(60000))
            return SyncReport{ErrorKind::Network, QStringLiteral("timed out"), {}};
        return finished.first().first().value<SyncReport>();
    }
    SyncReport syncAll() { return run(&SyncEngine::syncAll, &SyncEngine::syncFinished); }
    SyncReport replay() { return run(&SyncEngine::replayNow, &SyncEngine::replayFinished); }

    // Messages per folder name, on the server and in the local store.
    QMap<QString, int> serverCounts() const
    {
        QMap<QString, int> counts;
        for (const QJsonValue &u : m_server->dump().value(QStringLiteral("users")).toArray())
            if (u[QStringLiteral("name")].toString() == QLatin1String("demo"))
                for (const QJsonValue &m : u[QStringLiteral("messages")].toArray())
                    ++counts[m[QStringLiteral("folder")].toString()];
        return counts;
    }
    QMap<QString, int> localCounts() const
    {
        Store store;
        store.open(m_db);
        QMap<QString, int> counts;
        for (const Folder &f : store.folderStore().folders())
            if (const int n = store.messageStore().messageCount(f.serverId))
                counts[f.name] = n;
        return counts;
    }

    // An Inbox conversation with unread messages.
    static QByteArray unreadConversation(const Store &store, const QString &inbox)
    {
        for (const ConversationSummary &c : store.conversationStore().conversations(inbox))
            if (c.unreadCount > 0 && !c.conversationId.isEmpty())
                return c.conversationId;
        return {};
    }
    int unreadOnServerIn(const QByteArray &conversation) const
    {
        int unread = 0;
        for (const QJsonValue &u : m_server->dump().value(QStringLiteral("users")).toArray())
            for (const QJsonValue &m : u[QStringLiteral("messages")].toArray())
                unread += QByteArray::fromHex(m[QStringLiteral("conversationId")].toString().toLatin1()) == conversation
                    && m[QStringLiteral("folder")].toString() == QLatin1String("Inbox") && !m[QStringLiteral("read")].toBool();
        return unread;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_server = std::make_unique<server::ReferenceServer>();
        QString error;
        QVERIFY2(m_server->open(m_dir->filePath(QStringLiteral("server")), &error), qPrintable(error));
        QVERIFY(m_server->seedDemo() >= 100);
        QVERIFY(m_server->identity().setAuthMode(QStringLiteral("oauth")));
        m_server->identity().setDeviceCodeInterval(0);
        QVERIFY(m_server->start() != 0);
        QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("client"))));
        m_db = m_dir->filePath(QStringLiteral("client/client.db"));
        Store store;
        QVERIFY(store.open(m_db));
        QVERIFY(store.accountStore().saveAccount(oauthAccount(*m_server, QStringLiteral("TOKENS1"))));
        m_counters = std::make_shared<Counters>();
    }

    void cleanup()
    {
        m_engine.reset();
        m_server.reset();
        m_dir.reset();
    }

    void aTokenExpiringMidSyncCostsOneRefreshAndLosesNothing()
    {
        const OAuthTokens tokens = signInWithDeviceCode(*m_server);
        QVERIFY(!tokens.accessToken.isEmpty());
        startEngine(tokens);
        // Before the third Sync, the server's clock passes the token's hour.
        // On Skein's clock the token has nearly the whole hour left, so it
        // learns of the expiry only from the server's 401 invalid_token, in
        // the middle of the sync: one refresh, the same request again.
        m_counters->hookBeforeSync = 3;
        m_counters->hook = [this] { onServerThread([this] { m_server->identity().advanceIdentityClock(3601 * 1000); }); };

        const SyncReport report = syncAll();
        QVERIFY2(report.ok(), qPrintable(report.message));
        QVERIFY2(m_counters->syncs > 3, "the sync ended before the token expired");
        QCOMPARE(m_counters->tokenRequests.load(), 1);
        QCOMPARE(m_tokenStore->saves(), 1); // the rotated refresh token kept
        QVERIFY(m_tokenStore->loadRefreshToken(nullptr) != tokens.refreshToken);

        // Nothing lost: every folder holds what the server holds.
        QMap<QString, int> remote = serverCounts(), local = localCounts();
        QVERIFY(remote.size() >= 3);
        QCOMPARE(local, remote);

        // Neither token (the sign-in's, the refreshed ones) is in the
        // database or its WAL, read while the engine still has it open.
        QVERIFY(QFile::exists(m_db + QStringLiteral("-wal")));
        const QList<QByteArray> issued = issuedtokens::issuedTokens(m_dir->filePath(QStringLiteral("server")));
        QCOMPARE(issued.size(), 4); // two access and two refresh tokens
        QStringList checked;
        const QStringList holding = issuedtokens::filesHolding(m_dir->filePath(QStringLiteral("client")), issued, &checked);
        QVERIFY2(holding.isEmpty(), qPrintable(holding.join(u' ')));
        QVERIFY2(checked.contains(QStringLiteral("client.db-wal")), qPrintable(checked.join(u' ')));
    }

    void aRevokedSignInKeepsTheJournalUntilTheNextSignIn()
    {
        const OAuthTokens tokens = signInWithDeviceCode(*m_server);
        QVERIFY(!tokens.accessToken.isEmpty());
        startEngine(tokens);
        QVERIFY(syncAll().ok());

        // Revoked in the middle of the next sync.
        m_counters->hookBeforeSync = m_counters->syncs + 2;
        int revoked = 0;
        m_counters->hook = [this, &revoked] { onServerThread([&] { revoked = m_server->revokeTokens(QStringLiteral("demo")); }); };
        SyncReport report = syncAll();
        QVERIFY(revoked >= 2);
        QCOMPARE(report.error, ErrorKind::SignInRequired);
        QVERIFY2(report.message.contains(QLatin1String("Your sign-in to demo@skein.test has expired or was revoked")),
                 qPrintable(report.message));

        // The user marks a conversation read meanwhile: applied here, pending
        // in the journal, not on the server.
        Store store;
        QVERIFY(store.open(m_db));
        const QString inbox = store.folderStore().folderOfType(FolderType::Inbox)->serverId;
        const QByteArray conversation = unreadConversation(store, inbox);
        QVERIFY(!conversation.isEmpty());
        const auto unreadOnServer = [&] { return unreadOnServerIn(conversation); };
        const int unreadBefore = unreadOnServer();
        QVERIFY(unreadBefore > 0);
        const auto action = ConversationActions(store).markRead(conversation, inbox);
        QVERIFY(action.ok());
        report = replay();
        QCOMPARE(report.error, ErrorKind::SignInRequired);
        std::optional<ActionEntry> entry = store.journalStore().action(action.entryId);
        QVERIFY(entry);
        QCOMPARE(entry->state, ActionState::Pending);
        for (const Message &m : store.messageStore().conversationMessages(conversation))
            if (m.folderId == inbox)
                QVERIFY2(m.read, qPrintable(m.serverId)); // the local change stays
        QCOMPARE(unreadOnServer(), unreadBefore);

        // A new sign-in: its refresh token goes into the store the engine reads.
        const OAuthTokens again = signInWithDeviceCode(*m_server);
        QVERIFY(!again.refreshToken.isEmpty());
        QVERIFY(m_tokenStore->saveRefreshToken(again.refreshToken, nullptr));
        report = replay();
        QVERIFY2(report.ok(), qPrintable(report.message));
        entry = store.journalStore().action(action.entryId);
        QCOMPARE(entry->state, ActionState::Done);
        QCOMPARE(unreadOnServer(), 0);
    }

    void aSignInRevokedJustBeforeTheActionsGoOutKeepsThemPending()
    {
        const OAuthTokens tokens = signInWithDeviceCode(*m_server);
        QVERIFY(!tokens.accessToken.isEmpty());
        startEngine(tokens);
        QVERIFY(syncAll().ok());

        Store store;
        QVERIFY(store.open(m_db));
        const QString inbox = store.folderStore().folderOfType(FolderType::Inbox)->serverId;
        const QByteArray conversation = unreadConversation(store, inbox);
        QVERIFY(!conversation.isEmpty());
        const int unreadBefore = unreadOnServerIn(conversation);
        const auto action = ConversationActions(store).markRead(conversation, inbox);
        QVERIFY(action.ok());

        // The replay's FolderSync still works; the sign-in is revoked just
        // before the Sync that carries the change. That is a sign-in to ask
        // for, not an unreachable server.
        m_counters->hookBeforeSync = m_counters->syncs + 1;
        int revoked = 0;
        m_counters->hook = [this, &revoked] { onServerThread([&] { revoked = m_server->revokeTokens(QStringLiteral("demo")); }); };
        SyncReport report = replay();
        QVERIFY(revoked >= 2);
        QCOMPARE(report.error, ErrorKind::SignInRequired);
        QCOMPARE(store.journalStore().action(action.entryId)->state, ActionState::Pending);
        QCOMPARE(unreadOnServerIn(conversation), unreadBefore);

        QVERIFY(m_tokenStore->saveRefreshToken(signInWithDeviceCode(*m_server).refreshToken, nullptr));
        report = replay();
        QVERIFY2(report.ok(), qPrintable(report.message));
        QCOMPARE(store.journalStore().action(action.entryId)->state, ActionState::Done);
        QCOMPARE(unreadOnServerIn(conversation), 0);
    }
};

QTEST_GUILESS_MAIN(TestOAuthTokens)
#include "tst_oauth_tokens.moc"
