// DeviceCodeFlow (RFC 8628) against a scripted token endpoint: the prompt,
// polling at the interval, slow_down adding 5 seconds, expiry, refusal.
#include "DeviceCodeFlow.h"
#include "FakeTransport.h"

#include <QTest>
#include <QUrlQuery>

using namespace skein;
using namespace skein::eas;

namespace {

HttpResponse json(int status, const QByteArray &body)
{
    HttpResponse r = FakeTransport::status(status);
    r.body = body;
    return r;
}

HttpResponse pollError(const char *error)
{
    return json(400, QByteArray(R"({"error":")") + error + R"("})");
}

const QByteArray kGrant = R"({"device_code":"dev-1","user_code":"ABCD-EFGH","verification_uri":"http://127.0.0.1:9/devicelogin",)"
                          R"("expires_in":60,"interval":5})";
const QByteArray kTokens = R"({"token_type":"Bearer","expires_in":3600,"access_token":"at","refresh_token":"rt"})";

OAuthConfig config()
{
    OAuthConfig c;
    c.authority = QStringLiteral("http://127.0.0.1:9");
    c.clientId = QStringLiteral("client-1");
    return c;
}

} // namespace

class TestDeviceCodeFlow : public QObject
{
    Q_OBJECT

    QList<int> m_sleeps;
    QStringList m_prompts;

    DeviceCodeFlow::Outcome run(FakeTransport &fake)
    {
        m_sleeps.clear();
        m_prompts.clear();
        OAuthClient client(fake, config());
        DeviceCodeFlow flow(client);
        flow.setSleeper([this](int seconds) { m_sleeps.append(seconds); });
        flow.setPrompt([this](const DeviceCodeGrant &grant) { m_prompts.append(grant.instructions()); });
        return flow.run(QStringLiteral("ann@example.com"));
    }

private Q_SLOTS:
    void pendingThenSuccess()
    {
        FakeTransport fake;
        fake.queue = {json(200, kGrant), pollError("authorization_pending"), pollError("authorization_pending"),
                      json(200, kTokens)};
        const DeviceCodeFlow::Outcome outcome = run(fake);
        QVERIFY2(outcome.ok(), qPrintable(outcome.message));
        QCOMPARE(outcome.answer.tokens.refreshToken, QStringLiteral("rt"));
        QCOMPARE(m_prompts, QStringList{QStringLiteral("To sign in, open http://127.0.0.1:9/devicelogin and enter the code ABCD-EFGH")});
        QCOMPARE(m_sleeps, (QList<int>{5, 5, 5}));
        QCOMPARE(fake.requests.at(0).url.path(), QStringLiteral("/common/oauth2/v2.0/devicecode"));
        const QUrlQuery poll(QString::fromLatin1(fake.requests.at(1).body));
        QCOMPARE(poll.queryItemValue(QStringLiteral("grant_type"), QUrl::FullyDecoded),
                 QStringLiteral("urn:ietf:params:oauth:grant-type:device_code"));
        QCOMPARE(poll.queryItemValue(QStringLiteral("device_code")), QStringLiteral("dev-1"));
    }

    void theServersMessageIsShownWhenItSendsOne()
    {
        FakeTransport fake;
        QByteArray grant = kGrant;
        grant.replace("\"interval\":5", "\"interval\":5,\"message\":\"Go to the page and type ABCD-EFGH.\"");
        fake.queue = {json(200, grant), json(200, kTokens)};
        QVERIFY(run(fake).ok());
        QCOMPARE(m_prompts, QStringList{QStringLiteral("Go to the page and type ABCD-EFGH.")});
    }

    void slowDownAddsFiveSecondsForGood()
    {
        FakeTransport fake;
        fake.queue = {json(200, kGrant), pollError("slow_down"), pollError("authorization_pending"),
                      pollError("slow_down"), json(200, kTokens)};
        QVERIFY(run(fake).ok());
        QCOMPARE(m_sleeps, (QList<int>{5, 10, 10, 15}));
    }

    void expiredTokenEndsTheFlow()
    {
        FakeTransport fake;
        fake.queue = {json(200, kGrant), pollError("authorization_pending"), pollError("expired_token")};
        const DeviceCodeFlow::Outcome outcome = run(fake);
        QVERIFY(!outcome.ok());
        QVERIFY2(outcome.message.contains(QLatin1String("expired")), qPrintable(outcome.message));
        QCOMPARE(fake.requests.size(), 3);
    }

    void noPollAfterTheCodesLifetime()
    {
        FakeTransport fake;
        fake.queue = {json(200, kGrant)};
        fake.handler = [](const HttpRequest &) { return pollError("authorization_pending"); };
        const DeviceCodeFlow::Outcome outcome = run(fake);
        QVERIFY(!outcome.ok());
        QCOMPARE(fake.requests.size(), 1 + 60 / 5); // expires_in 60, interval 5
    }

    void declinedIsReported()
    {
        FakeTransport fake;
        fake.queue = {json(200, kGrant), pollError("access_denied")};
        const DeviceCodeFlow::Outcome outcome = run(fake);
        QCOMPARE(outcome.error, ErrorKind::Auth);
        QCOMPARE(outcome.message, QStringLiteral("The sign-in was declined."));
    }

    void noClientIdSaysWhatToDo()
    {
        FakeTransport fake;
        OAuthConfig c = config();
        c.clientId.clear();
        OAuthClient client(fake, c);
        const DeviceCodeFlow::Outcome outcome = DeviceCodeFlow(client).run(QString());
        QVERIFY(!outcome.ok());
        QVERIFY(outcome.message.contains(QLatin1String("SKEIN_OAUTH_CLIENT_ID")));
        QVERIFY(fake.requests.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDeviceCodeFlow)
#include "tst_devicecodeflow.moc"
