// EasSession for an OAuth account against a scripted server and token
// endpoint: Bearer instead of Basic, a refresh before the token expires,
// one refresh and one retry after a 401 Bearer challenge in the middle of a
// sync, SignInRequired when the refresh token was revoked, the rotated
// refresh token written back to the store.
#include "EasSession.h"
#include "EasTags.h"
#include "FakeTransport.h"
#include "OAuthTokenProvider.h"
#include "SyncRunner.h"

#include <QTemporaryDir>
#include <QUrlQuery>
#include <QTest>

using namespace skein;
using namespace skein::eas;
namespace tag = skein::wbxml::tag;
using wbxml::Element;

namespace {

const QDateTime kStart(QDate(2026, 12, 7), QTime(5, 0), Qt::UTC);

AccountSettings oauthAccount()
{
    AccountSettings a;
    a.url = QStringLiteral("http://127.0.0.1:1234");
    a.user = QStringLiteral("ann@example.com");
    a.email = QStringLiteral("ann@example.com");
    a.deviceId = QStringLiteral("ABC123");
    a.protocolVersion = QStringLiteral("16.1");
    a.policyKey = QStringLiteral("1");
    a.authMethod = AccountSettings::AuthMethod::OAuth;
    a.oauthAuthority = QStringLiteral("http://127.0.0.1:9");
    a.oauthClientId = QStringLiteral("client-1");
    return a;
}

Element folderSyncResponse()
{
    Element root(tag::FolderHierarchy::FolderSync);
    root.add(tag::FolderHierarchy::Status, "1");
    root.add(tag::FolderHierarchy::SyncKey, "h1");
    Element &changes = root.add(tag::FolderHierarchy::Changes);
    changes.add(tag::FolderHierarchy::Count, "1");
    Element &add = changes.add(tag::FolderHierarchy::Add);
    add.add(tag::FolderHierarchy::ServerId, "1");
    add.add(tag::FolderHierarchy::ParentId, "0");
    add.add(tag::FolderHierarchy::DisplayName, "Inbox");
    add.add(tag::FolderHierarchy::Type, "2");
    return root;
}

Element syncResponse(const QString &requestKey)
{
    Element root(tag::AirSync::Sync);
    Element &c = root.add(tag::AirSync::Collections).add(tag::AirSync::Collection);
    c.add(tag::AirSync::SyncKey, requestKey == QLatin1String("0") ? QStringLiteral("s1") : requestKey + QStringLiteral("+"));
    c.add(tag::AirSync::CollectionId, "1");
    c.add(tag::AirSync::Status, "1");
    return root;
}

} // namespace

class TestOAuthSession : public QObject
{
    Q_OBJECT

    FakeTransport m_fake;
    QDateTime m_now;
    int m_tokenRequests = 0;
    QString m_validToken;                 // what the EAS server accepts now
    bool m_revoked = false;               // the token endpoint refuses refreshes
    int m_lifetime = 3600;
    QList<QByteArray> m_refreshTokensSent;
    std::unique_ptr<InMemoryTokenStore> m_store;
    std::unique_ptr<OAuthTokenProvider> m_provider;

    HttpResponse answer(const HttpRequest &request)
    {
        if (request.url.path() == QLatin1String("/common/oauth2/v2.0/token")) {
            ++m_tokenRequests;
            const QString rt = QUrlQuery(QString::fromLatin1(request.body)).queryItemValue(QStringLiteral("refresh_token"));
            m_refreshTokensSent.append(rt.toLatin1());
            if (m_revoked) {
                HttpResponse refused = FakeTransport::status(400);
                refused.body = R"({"error":"invalid_grant","error_description":"AADSTS50173: The provided grant has expired"})";
                return refused;
            }
            m_validToken = QStringLiteral("at-%1").arg(m_tokenRequests);
            HttpResponse ok = FakeTransport::status(200);
            ok.body = QStringLiteral(R"({"token_type":"Bearer","expires_in":%1,"access_token":"%2","refresh_token":"rt-%3"})")
                          .arg(m_lifetime).arg(m_validToken).arg(m_tokenRequests).toUtf8();
            return ok;
        }
        const int index = int(m_fake.requests.size() - 1);
        if (m_fake.header(index, "Authorization") != "Bearer " + m_validToken.toUtf8())
            return FakeTransport::status(401, {{"WWW-Authenticate", "Bearer authorization_uri=\"http://127.0.0.1:9/common/oauth2/authorize\", error=\"invalid_token\""}});
        const QByteArray command = m_fake.command(index);
        if (command == "OPTIONS")
            return FakeTransport::options();
        if (command == "FolderSync")
            return FakeTransport::wbxml(folderSyncResponse());
        if (command == "Sync") {
            const Element body = m_fake.body(index);
            const Element *key = body.find({tag::AirSync::Collections, tag::AirSync::Collection, tag::AirSync::SyncKey});
            return FakeTransport::wbxml(syncResponse(key ? key->text() : QStringLiteral("0")));
        }
        return FakeTransport::status(501);
    }

    std::unique_ptr<EasSession> session()
    {
        const AccountSettings account = oauthAccount();
        m_provider = std::make_unique<OAuthTokenProvider>(m_fake, oauthConfigFor(account), *m_store, account.email);
        m_provider->setClock([this] { return m_now; });
        auto s = std::make_unique<EasSession>(m_fake, account, QString());
        s->setSleeper([](int) {});
        s->setAccessTokenSource(m_provider.get());
        return s;
    }

    int easRequests() const
    {
        int n = 0;
        for (const HttpRequest &r : m_fake.requests)
            n += r.url.path().startsWith(QLatin1String("/Microsoft-Server-ActiveSync"));
        return n;
    }

    static Element folderSyncRequest()
    {
        Element root(tag::FolderHierarchy::FolderSync);
        root.add(tag::FolderHierarchy::SyncKey, "0");
        return root;
    }

private Q_SLOTS:
    void init()
    {
        m_fake = FakeTransport();
        m_fake.handler = [this](const HttpRequest &r) { return answer(r); };
        m_now = kStart;
        m_tokenRequests = 0;
        m_validToken.clear();
        m_revoked = false;
        m_lifetime = 3600;
        m_refreshTokensSent.clear();
        m_store = std::make_unique<InMemoryTokenStore>(QStringLiteral("rt-0"));
    }

    void requestsCarryBearerNotBasic()
    {
        auto s = session();
        QVERIFY(s->execute("FolderSync", folderSyncRequest()).ok());
        QCOMPARE(m_tokenRequests, 1); // no token in memory yet: one refresh
        QCOMPARE(m_fake.header(1, "Authorization"), QByteArray("Bearer at-1"));
        QCOMPARE(m_refreshTokensSent, QList<QByteArray>{"rt-0"});
        QCOMPARE(m_store->loadRefreshToken(nullptr), QStringLiteral("rt-1")); // rotated and kept
    }

    void tokenIsReusedUntilTheMarginThenRefreshed()
    {
        auto s = session();
        QVERIFY(s->execute("FolderSync", folderSyncRequest()).ok());
        m_now = kStart.addSecs(3600 - 301); // 301 s left: more than the 5-minute margin
        QVERIFY(s->execute("FolderSync", folderSyncRequest()).ok());
        QCOMPARE(m_tokenRequests, 1);
        m_now = kStart.addSecs(3600 - 299); // inside the margin: refreshed before sending
        QVERIFY(s->execute("FolderSync", folderSyncRequest()).ok());
        QCOMPARE(m_tokenRequests, 2);
        QCOMPARE(m_fake.header(int(m_fake.requests.size() - 1), "Authorization"), QByteArray("Bearer at-2"));
        QCOMPARE(m_refreshTokensSent, (QList<QByteArray>{"rt-0", "rt-1"}));
        QCOMPARE(easRequests(), 3); // no request was refused on the way
    }

    // The server stops accepting the token in the middle of a sync (revoked
    // server-side, or its clock is ahead): one refresh, the request again,
    // and the sync finishes.
    void bearerChallengeMidSyncRefreshesOnceAndFinishes()
    {
        QTemporaryDir dir;
        Store store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("s.db"))));
        QVERIFY(store.accountStore().saveAccount(oauthAccount()));
        auto s = session();
        SyncRunner runner(*s, store);
        int requestsSeen = 0;
        m_fake.handler = [&](const HttpRequest &r) {
            // The Sync after FolderSync finds the token no longer accepted.
            if (++requestsSeen == 3 && m_fake.command(int(m_fake.requests.size() - 1)) == "Sync")
                m_validToken = QStringLiteral("changed-server-side");
            return answer(r);
        };
        const SyncReport report = runner.syncAll();
        QVERIFY2(report.ok(), qPrintable(report.message));
        QCOMPARE(m_tokenRequests, 2);
        QVERIFY(!report.folders.isEmpty());
        for (const FolderReport &folder : report.folders)
            QVERIFY2(folder.error.isEmpty(), qPrintable(folder.error));
    }

    void aTokenRefusedTwiceIsSignInRequired()
    {
        auto s = session();
        m_fake.handler = [this](const HttpRequest &r) {
            HttpResponse response = answer(r);
            if (r.url.path().startsWith(QLatin1String("/Microsoft-Server-ActiveSync")))
                return FakeTransport::status(401, {{"WWW-Authenticate", "Bearer error=\"invalid_token\""}});
            return response;
        };
        const EasReply reply = s->execute("FolderSync", folderSyncRequest());
        QCOMPARE(reply.error, ErrorKind::SignInRequired);
        QCOMPARE(m_tokenRequests, 2); // the first token, one refresh: no loop
        QCOMPARE(easRequests(), 2);
    }

    void aBasicChallengeDoesNotRefresh()
    {
        auto s = session();
        m_fake.handler = [this](const HttpRequest &r) {
            HttpResponse response = answer(r);
            if (r.url.path().startsWith(QLatin1String("/Microsoft-Server-ActiveSync")))
                return FakeTransport::status(401, {{"WWW-Authenticate", "Basic realm=\"x\""}});
            return response;
        };
        QCOMPARE(s->execute("FolderSync", folderSyncRequest()).error, ErrorKind::SignInRequired);
        QCOMPARE(m_tokenRequests, 1);
        QCOMPARE(easRequests(), 1);
    }

    void revokedRefreshTokenIsSignInRequired()
    {
        auto s = session();
        QVERIFY(s->execute("FolderSync", folderSyncRequest()).ok());
        m_revoked = true;
        m_now = kStart.addSecs(3600); // expired: a refresh is due
        const EasReply reply = s->execute("FolderSync", folderSyncRequest());
        QCOMPARE(reply.error, ErrorKind::SignInRequired);
        QCOMPARE(reply.message, QStringLiteral("Your sign-in to ann@example.com has expired or was revoked. Sign in "
                                               "again to keep syncing; nothing you did is lost."));
        QCOMPARE(easRequests(), 1); // nothing sent without a token
        QCOMPARE(errorKindName(reply.error), QStringLiteral("sign-in-required"));
    }

    void noStoredSignInIsSignInRequired()
    {
        m_store = std::make_unique<InMemoryTokenStore>();
        auto s = session();
        QCOMPARE(s->execute("FolderSync", folderSyncRequest()).error, ErrorKind::SignInRequired);
        QCOMPARE(m_fake.requests.size(), 0);
    }

    void theSignInsOwnTokenNeedsNoRefresh()
    {
        auto s = session();
        OAuthTokens fresh;
        fresh.accessToken = QStringLiteral("at-from-sign-in");
        fresh.lifetimeSeconds = 3600;
        fresh.expiresAt = kStart.addSecs(3600);
        m_provider->setInitialTokens(fresh);
        m_validToken = fresh.accessToken;
        QVERIFY(s->execute("FolderSync", folderSyncRequest()).ok());
        QCOMPARE(m_tokenRequests, 0);
    }
};

QTEST_GUILESS_MAIN(TestOAuthSession)
#include "tst_oauthsession.moc"
