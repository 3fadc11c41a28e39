// The browser sign-in's loopback redirect listener, with a
// QNetworkAccessManager in the test playing the browser, and OAuthSignIn's
// whole browser flow against a scripted token endpoint.
#include "FakeTransport.h"
#include "LoopbackRedirectListener.h"
#include "OAuthSignIn.h"
#include "Pkce.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace skein;
using namespace skein::eas;

namespace {

struct BrowserVisit {
    int status = 0;
    QByteArray body;
};

// What the browser sees when the identity provider sends it to url.
BrowserVisit visit(const QUrl &url)
{
    QNetworkAccessManager browser;
    QNetworkReply *reply = browser.get(QNetworkRequest(url));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(10000);
    BrowserVisit seen{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    delete reply;
    return seen;
}

QUrl answerUrl(const QUrl &redirectUri, const QString &query)
{
    QUrl url = redirectUri;
    url.setQuery(query);
    return url;
}

} // namespace

class TestLoopbackRedirect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listensOnLoopbackAtARandomPort()
    {
        LoopbackRedirectListener listener;
        QVERIFY(listener.listen());
        const QUrl uri = listener.redirectUri();
        QCOMPARE(uri.scheme(), QStringLiteral("http"));
        QCOMPARE(uri.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(uri.port() > 0);
        QCOMPARE(uri.path(), QStringLiteral("/"));
    }

    void codeWithTheRightStateIsReported()
    {
        LoopbackRedirectListener listener;
        QVERIFY(listener.listen());
        listener.setExpectedState("s1");
        QSignalSpy codes(&listener, &LoopbackRedirectListener::codeReceived);
        const BrowserVisit seen = visit(answerUrl(listener.redirectUri(), QStringLiteral("code=abc%2Fdef&state=s1")));
        QCOMPARE(seen.status, 200);
        QVERIFY2(seen.body.contains("You can close this window"), seen.body.constData());
        QCOMPARE(codes.size(), 1);
        QCOMPARE(codes.at(0).at(0).toString(), QStringLiteral("abc/def"));
    }

    void wrongStateIsRefusedAndTheWaitGoesOn()
    {
        LoopbackRedirectListener listener;
        QVERIFY(listener.listen());
        listener.setExpectedState("right");
        QSignalSpy codes(&listener, &LoopbackRedirectListener::codeReceived);
        QSignalSpy refused(&listener, &LoopbackRedirectListener::signInRefused);
        QCOMPARE(visit(answerUrl(listener.redirectUri(), QStringLiteral("code=planted&state=wrong"))).status, 400);
        QCOMPARE(visit(answerUrl(listener.redirectUri(), QStringLiteral("code=planted"))).status, 400);
        QCOMPARE(visit(answerUrl(listener.redirectUri(), QStringLiteral("error=access_denied&state=wrong"))).status, 400);
        QCOMPARE(codes.size(), 0);
        QCOMPARE(refused.size(), 0);
        QCOMPARE(visit(answerUrl(listener.redirectUri(), QStringLiteral("code=real&state=right"))).status, 200);
        QCOMPARE(codes.size(), 1);
        QCOMPARE(codes.at(0).at(0).toString(), QStringLiteral("real"));
    }

    void otherPathsAreNotTheAnswer()
    {
        LoopbackRedirectListener listener;
        QVERIFY(listener.listen());
        listener.setExpectedState("s");
        QUrl favicon = listener.redirectUri();
        favicon.setPath(QStringLiteral("/favicon.ico"));
        QCOMPARE(visit(favicon).status, 404);
    }

    void accessDeniedIsReported()
    {
        LoopbackRedirectListener listener;
        QVERIFY(listener.listen());
        listener.setExpectedState("s1");
        QSignalSpy refused(&listener, &LoopbackRedirectListener::signInRefused);
        const BrowserVisit seen = visit(answerUrl(
            listener.redirectUri(), QStringLiteral("error=access_denied&error_description=The+user+cancelled&state=s1")));
        QCOMPARE(seen.status, 200);
        QVERIFY(seen.body.contains("close this window"));
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.at(0).at(0).toString(), QStringLiteral("access_denied"));
        QCOMPARE(refused.at(0).at(1).toString(), QStringLiteral("The sign-in was cancelled or refused in the browser."));
    }

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
};

QTEST_GUILESS_MAIN(TestLoopbackRedirect)
#include "tst_loopbackredirect.moc"
