// The browser sign-in's loopback redirect listener, with a
// QNetworkAccessManager in the test playing the browser.
#include "FakeBrowser.h"
#include "LoopbackRedirectListener.h"

#include <QTest>

using namespace skein;
using namespace skein::eas;

using namespace fakebrowser;

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
};

QTEST_GUILESS_MAIN(TestLoopbackRedirect)
#include "tst_loopbackredirect.moc"
