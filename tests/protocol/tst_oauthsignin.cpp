// OAuthSignIn, the desktop app's sign-in object: the browser flow (a
// QNetworkAccessManager plays the browser) and the device flow, against a
// scripted token endpoint; signals arrive on the caller's thread.
#include "FakeBrowser.h"
#include "FakeTransport.h"
#include "OAuthSignIn.h"
#include "Pkce.h"

#include <QTest>
#include <QUrlQuery>

#include <mutex>

using namespace skein;
using namespace skein::eas;
using namespace fakebrowser;

class TestOAuthSignIn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // startBrowserFlow -> openBrowser(url); the "browser" comes back with a
    // code; the code is redeemed with the verifier whose S256 hash the URL
    // carried; signedIn delivers the tokens on this thread.
    void browserFlowSignsIn()
    {
        QList<HttpRequest> tokenRequests;
        std::mutex mutex;
        OAuthSignIn signIn;
        signIn.setTransportFactory([&] {
            auto fake = std::make_unique<FakeTransport>();
            fake->handler = [&](const HttpRequest &request) {
                std::lock_guard lock(mutex);
                tokenRequests.append(request);
                HttpResponse r = FakeTransport::status(200);
                r.body = R"({"token_type":"Bearer","expires_in":3600,"access_token":"at","refresh_token":"rt"})";
                return r;
            };
            return fake;
        });
        QSignalSpy open(&signIn, &OAuthSignIn::openBrowser);
        QSignalSpy signedIn(&signIn, &OAuthSignIn::signedIn);
        QSignalSpy failed(&signIn, &OAuthSignIn::failed);
        OAuthConfig config;
        config.authority = QStringLiteral("http://127.0.0.1:9");
        config.clientId = QStringLiteral("client-1");
        signIn.startBrowserFlow(config, QStringLiteral("ann@example.com"));
        QVERIFY(open.wait(5000));
        const QUrlQuery authorize(open.at(0).at(0).toUrl());
        const QUrl redirectUri(authorize.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
        const QString state = authorize.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
        QCOMPARE(authorize.queryItemValue(QStringLiteral("login_hint"), QUrl::FullyDecoded), QStringLiteral("ann@example.com"));

        QCOMPARE(visit(answerUrl(redirectUri, QStringLiteral("code=C1&state=") + state)).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, 5000);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(signedIn.at(0).at(0).value<OAuthTokens>().refreshToken, QStringLiteral("rt"));
        std::lock_guard lock(mutex);
        QCOMPARE(tokenRequests.size(), 1);
        const QUrlQuery form(QString::fromLatin1(tokenRequests.at(0).body));
        QCOMPARE(form.queryItemValue(QStringLiteral("code")), QStringLiteral("C1"));
        QCOMPARE(Pkce::challengeFor(form.queryItemValue(QStringLiteral("code_verifier")).toLatin1()),
                 authorize.queryItemValue(QStringLiteral("code_challenge")).toLatin1());
        QCOMPARE(QUrl(form.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded)), redirectUri);
    }

    void browserFlowCancelledInTheBrowserFails()
    {
        OAuthSignIn signIn;
        signIn.setTransportFactory([] { return std::make_unique<FakeTransport>(); });
        QSignalSpy open(&signIn, &OAuthSignIn::openBrowser);
        QSignalSpy failed(&signIn, &OAuthSignIn::failed);
        OAuthConfig config;
        config.clientId = QStringLiteral("client-1");
        signIn.startBrowserFlow(config);
        QVERIFY(open.wait(5000));
        const QUrlQuery authorize(open.at(0).at(0).toUrl());
        const QUrl redirectUri(authorize.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
        const QString state = authorize.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
        visit(answerUrl(redirectUri, QStringLiteral("error=access_denied&state=") + state));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
        QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("The sign-in was cancelled or refused in the browser."));
    }

    void noClientIdFailsAtOnce()
    {
        OAuthSignIn signIn;
        QSignalSpy failed(&signIn, &OAuthSignIn::failed);
        signIn.startBrowserFlow(OAuthConfig{});
        QVERIFY(failed.wait(5000));
        QVERIFY(failed.at(0).at(0).toString().contains(QLatin1String("client) id")));
    }

    void deviceFlowShowsTheCodeThenSignsIn()
    {
        OAuthSignIn signIn;
        signIn.setDeviceSleeper([](int) {});
        signIn.setTransportFactory([] {
            auto fake = std::make_unique<FakeTransport>();
            HttpResponse grant = FakeTransport::status(200);
            grant.body = "{\"device_code\":\"d\",\"user_code\":\"CODE-1\",\"verification_uri\":\"http://127.0.0.1:9/devicelogin\","
                         "\"expires_in\":60,\"interval\":5}";
            HttpResponse pending = FakeTransport::status(400);
            pending.body = R"({"error":"authorization_pending"})";
            HttpResponse tokens = FakeTransport::status(200);
            tokens.body = R"({"token_type":"Bearer","expires_in":3600,"access_token":"at","refresh_token":"rt"})";
            fake->queue = {grant, pending, tokens};
            return fake;
        });
        QSignalSpy code(&signIn, &OAuthSignIn::deviceCodeReady);
        QSignalSpy signedIn(&signIn, &OAuthSignIn::signedIn);
        OAuthConfig config;
        config.clientId = QStringLiteral("client-1");
        signIn.startDeviceFlow(config);
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, 5000);
        QCOMPARE(code.size(), 1);
        QCOMPARE(code.at(0).at(0).toString(), QStringLiteral("To sign in, open http://127.0.0.1:9/devicelogin and enter the code CODE-1"));
        QCOMPARE(code.at(0).at(2).toString(), QStringLiteral("CODE-1"));
        QCOMPARE(signedIn.at(0).at(0).value<OAuthTokens>().refreshToken, QStringLiteral("rt"));
    }

    void cancelledFlowSaysNothingMore()
    {
        OAuthSignIn signIn;
        signIn.setTransportFactory([] { return std::make_unique<FakeTransport>(); });
        QSignalSpy open(&signIn, &OAuthSignIn::openBrowser);
        QSignalSpy failed(&signIn, &OAuthSignIn::failed);
        OAuthConfig config;
        config.clientId = QStringLiteral("client-1");
        signIn.startBrowserFlow(config);
        signIn.cancel();
        QTest::qWait(200);
        QCOMPARE(open.size(), 0);
        QCOMPARE(failed.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestOAuthSignIn)
#include "tst_oauthsignin.moc"
