// The browser sign-in end to end against the in-process reference server
// (--auth oauth): OAuthSignIn opens the authorize URL, this test plays the
// browser on the server's real login form (hidden fields, username,
// password), takes the 302 to Skein's loopback listener without following
// any redirect by itself, and the tokens Skein gets then sync the mailbox.
// All on 127.0.0.1.
#include "ServerSignIn.h"
#include "SyncEngine.h"

#include <QTemporaryDir>
#include <QTest>

using namespace skein;
using namespace skein::eas;
using namespace serversignin;

class TestOAuthBrowser : public QObject
{
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<server::ReferenceServer> m_server;

    // Waits for OAuthSignIn's openBrowser and returns the URL it asked for.
    static QUrl browserOpened(QSignalSpy &openBrowser)
    {
        if (openBrowser.isEmpty() && !openBrowser.wait(10000))
            return {};
        return openBrowser.first().first().toUrl();
    }

    // Posts the login form found on page (at pageUrl) with these credentials
    // (or the cancel button when password is null).
    static Page submitLogin(const QUrl &pageUrl, const QByteArray &page, const QString &password)
    {
        QList<std::pair<QString, QString>> form = hiddenFields(page);
        form.append({QStringLiteral("username"), QStringLiteral("demo@skein.test")});
        if (password.isNull()) {
            form.append({QStringLiteral("cancel"), QStringLiteral("1")});
        } else {
            form.append({QStringLiteral("password"), password});
            form.append({QStringLiteral("signin"), QStringLiteral("1")});
        }
        return exchange("POST", formAction(pageUrl, page), form);
    }

    // Only the loopback listener may receive the browser after the form:
    // the redirect must name 127.0.0.1 and a port that is not the server's.
    bool isSkeinsListener(const QUrl &url) const
    {
        return url.scheme() == QLatin1String("http") && url.host() == QLatin1String("127.0.0.1")
            && url.port() > 0 && url.port() != m_server->port();
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_server = std::make_unique<server::ReferenceServer>();
        QString error;
        QVERIFY2(m_server->open(m_dir->filePath(QStringLiteral("server")), &error), qPrintable(error));
        QVERIFY(m_server->seedDemo() > 0);
        QVERIFY(m_server->identity().setAuthMode(QStringLiteral("oauth")));
        QVERIFY(m_server->start() != 0);
    }

    void cleanup()
    {
        m_server.reset();
        m_dir.reset();
    }

    void signingInOnTheLoginFormGivesTokensThatSync()
    {
        OAuthSignIn signIn;
        QSignalSpy openBrowser(&signIn, &OAuthSignIn::openBrowser);
        QSignalSpy signedIn(&signIn, &OAuthSignIn::signedIn);
        QSignalSpy failed(&signIn, &OAuthSignIn::failed);
        signIn.startBrowserFlow(serverConfig(*m_server), QStringLiteral("demo@skein.test"));
        const QUrl authorize = browserOpened(openBrowser);
        QVERIFY(authorize.toString().startsWith(m_server->baseUrl().toString() + QStringLiteral("/common/oauth2/v2.0/authorize?")));

        const Page form = exchange("GET", authorize);
        QCOMPARE(form.status, 200);
        QVERIFY(form.body.contains("<form id=\"login\""));
        QVERIFY(form.body.contains("value=\"demo@skein.test\"")); // login_hint prefilled
        const Page redirect = submitLogin(authorize, form.body, QStringLiteral("demo"));
        QCOMPARE(redirect.status, 302);
        QVERIFY2(isSkeinsListener(redirect.location), qPrintable(redirect.location.toString()));
        QVERIFY(QUrlQuery(redirect.location).hasQueryItem(QStringLiteral("code")));

        const Page listener = exchange("GET", redirect.location);
        QCOMPARE(listener.status, 200);
        QVERIFY2(listener.body.contains("You can close this window."), listener.body.constData());
        QVERIFY(!signedIn.isEmpty() || signedIn.wait(10000));
        QVERIFY(failed.isEmpty());
        const auto tokens = signedIn.first().first().value<OAuthTokens>();
        QVERIFY(!tokens.accessToken.isEmpty());
        QVERIFY(!tokens.refreshToken.isEmpty());
        QCOMPARE(tokens.lifetimeSeconds, qint64(3600));

        // The tokens work: a whole first sync of demo's mailbox, and no
        // refresh was needed for it (the sign-in's access token was used).
        const QString db = m_dir->filePath(QStringLiteral("client.db"));
        {
            Store store;
            QVERIFY(store.open(db));
            QVERIFY(store.accountStore().saveAccount(oauthAccount(*m_server, QStringLiteral("BROWSER1"))));
        }
        auto tokenStore = std::make_shared<InMemoryTokenStore>(tokens.refreshToken);
        SyncEngine::Config config;
        config.databasePath = db;
        config.tokenStore = tokenStore;
        config.initialTokens = tokens;
        SyncEngine engine(config);
        QSignalSpy finished(&engine, &SyncEngine::syncFinished);
        engine.syncAll();
        QVERIFY(!finished.isEmpty() || finished.wait(60000));
        const auto report = finished.first().first().value<SyncReport>();
        QVERIFY2(report.ok(), qPrintable(report.message));
        QCOMPARE(tokenStore->saves(), 0);
        Store store;
        QVERIFY(store.open(db));
        QVERIFY(store.messageStore().messageCount(store.folderStore().folderOfType(FolderType::Inbox)->serverId) > 0);
    }

    void aWrongPasswordShowsTheFormAgainThenTheRightOneSignsIn()
    {
        OAuthSignIn signIn;
        QSignalSpy openBrowser(&signIn, &OAuthSignIn::openBrowser);
        QSignalSpy signedIn(&signIn, &OAuthSignIn::signedIn);
        QSignalSpy failed(&signIn, &OAuthSignIn::failed);
        signIn.startBrowserFlow(serverConfig(*m_server), QStringLiteral("demo@skein.test"));
        const QUrl authorize = browserOpened(openBrowser);
        const Page form = exchange("GET", authorize);

        const Page again = submitLogin(authorize, form.body, QStringLiteral("wrong"));
        QCOMPARE(again.status, 200);
        QVERIFY(again.body.contains("Wrong user name or password."));
        QVERIFY(again.body.contains("<form id=\"login\""));
        // The form carries the same hidden fields (state, PKCE challenge) again.
        QCOMPARE(hiddenFields(again.body), hiddenFields(form.body));

        const Page redirect = submitLogin(authorize, again.body, QStringLiteral("demo"));
        QCOMPARE(redirect.status, 302);
        QVERIFY(isSkeinsListener(redirect.location));
        QCOMPARE(exchange("GET", redirect.location).status, 200);
        QVERIFY(!signedIn.isEmpty() || signedIn.wait(10000));
        QVERIFY(failed.isEmpty());
    }

    void theCancelButtonFailsWithTheAccessDeniedSentence()
    {
        OAuthSignIn signIn;
        QSignalSpy openBrowser(&signIn, &OAuthSignIn::openBrowser);
        QSignalSpy signedIn(&signIn, &OAuthSignIn::signedIn);
        QSignalSpy failed(&signIn, &OAuthSignIn::failed);
        signIn.startBrowserFlow(serverConfig(*m_server), QStringLiteral("demo@skein.test"));
        const QUrl authorize = browserOpened(openBrowser);
        const Page form = exchange("GET", authorize);

        const Page redirect = submitLogin(authorize, form.body, QString());
        QCOMPARE(redirect.status, 302);
        QVERIFY(isSkeinsListener(redirect.location));
        QCOMPARE(QUrlQuery(redirect.location).queryItemValue(QStringLiteral("error")), QStringLiteral("access_denied"));
        const Page listener = exchange("GET", redirect.location);
        QVERIFY(listener.body.contains("You can close this window."));
        QVERIFY(!failed.isEmpty() || failed.wait(10000));
        QCOMPARE(failed.first().first().toString(), QStringLiteral("The sign-in was cancelled or refused in the browser."));
        QVERIFY(signedIn.isEmpty());
    }

    void anAnswerWithAnotherStateIsIgnoredAndTheRealOneStillSignsIn()
    {
        OAuthSignIn signIn;
        QSignalSpy openBrowser(&signIn, &OAuthSignIn::openBrowser);
        QSignalSpy signedIn(&signIn, &OAuthSignIn::signedIn);
        QSignalSpy failed(&signIn, &OAuthSignIn::failed);
        signIn.startBrowserFlow(serverConfig(*m_server), QStringLiteral("demo@skein.test"));
        const QUrl authorize = browserOpened(openBrowser);
        const QUrl redirectUri(QUrlQuery(authorize).queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
        QVERIFY(isSkeinsListener(redirectUri));

        // A page that plants its own code (an error too) with a state of its own.
        QUrl planted = redirectUri;
        planted.setQuery(QStringLiteral("code=planted&state=not-skeins"));
        QCOMPARE(exchange("GET", planted).status, 400);
        planted.setQuery(QStringLiteral("error=access_denied&state=not-skeins"));
        QCOMPARE(exchange("GET", planted).status, 400);
        QTest::qWait(100);
        QVERIFY(failed.isEmpty());
        QVERIFY(signedIn.isEmpty());

        const Page form = exchange("GET", authorize);
        const Page redirect = submitLogin(authorize, form.body, QStringLiteral("demo"));
        QCOMPARE(redirect.status, 302);
        QCOMPARE(exchange("GET", redirect.location).status, 200);
        QVERIFY(!signedIn.isEmpty() || signedIn.wait(10000));
        QVERIFY(failed.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestOAuthBrowser)
#include "tst_oauth_browser.moc"
