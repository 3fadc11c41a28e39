// The reference server as an identity provider (IdentityProvider,
// docs/signin.md): the authorize form, code exchange with PKCE, refresh,
// the device code flow and /devicelogin.
#include "SignInTestSupport.h"

#include <ReferenceServer.h>

#include <QTemporaryDir>
#include <QTest>

using namespace skein::test;
using skein::server::ReferenceServer;

class TestServerIdentityProvider : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    ReferenceServer m_server;
    WebTestClient m_web;

    QUrl base() const { return m_server.baseUrl(); }
    QUrl deviceCodeUrl() const { return endpoint(base(), QStringLiteral("/organizations/oauth2/v2.0/devicecode")); }
    QUrl deviceLoginUrl() const { return endpoint(base(), QStringLiteral("/devicelogin")); }

    WebResponse startDevice()
    {
        return m_web.postForm(deviceCodeUrl(), {{QStringLiteral("client_id"), kClientId}, {QStringLiteral("scope"), kScope}});
    }
    WebResponse pollDevice(const QString &deviceCode)
    {
        return m_web.postForm(tokenUrl(base()),
                              {{QStringLiteral("grant_type"), QStringLiteral("urn:ietf:params:oauth:grant-type:device_code")},
                               {QStringLiteral("client_id"), kClientId},
                               {QStringLiteral("device_code"), deviceCode}});
    }
    WebResponse deviceLogin(const QString &userCode, const QString &user, const QString &password,
                            const QString &button = QStringLiteral("signin"))
    {
        return m_web.postForm(deviceLoginUrl(), {{QStringLiteral("user_code"), userCode},
                                                 {QStringLiteral("username"), user},
                                                 {QStringLiteral("password"), password},
                                                 {button, QStringLiteral("1")}});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_server.open(m_dir.path(), &error), qPrintable(error));
        QVERIFY(m_server.addUser(QStringLiteral("alice"), QStringLiteral("secret")));
        QVERIFY(m_server.start() != 0);
    }

    void authorizeShowsTheLoginForm()
    {
        const Pkce pkce = makePkce();
        FormFields query = authorizeFields(pkce);
        query.append({QStringLiteral("login_hint"), QStringLiteral("alice@skein.test")});
        const WebResponse r = m_web.get(endpoint(base(), QStringLiteral("/common/oauth2/v2.0/authorize"), query));
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Content-Type").startsWith("text/html"));
        const QString page = QString::fromUtf8(r.body);
        QVERIFY(page.startsWith(QLatin1String("<!DOCTYPE html>")));
        QVERIFY(page.contains(QLatin1String("<form id=\"login\" method=\"post\" action=\"/common/oauth2/v2.0/authorize\">")));
        QVERIFY(page.contains(QLatin1String("<label for=\"username\">")));
        QVERIFY(page.contains(QLatin1String("<label for=\"password\">")));
        QVERIFY(page.contains(QLatin1String("name=\"username\" value=\"alice@skein.test\"")));
        QVERIFY(page.contains(QLatin1String("name=\"state\" value=\"st&amp;te 42\"")));
        QVERIFY(page.contains(QStringLiteral("name=\"code_challenge\" value=\"%1\"").arg(pkce.challenge)));
        QVERIFY(page.contains(QLatin1String("name=\"signin\"")));
        QVERIFY(page.contains(QLatin1String("name=\"cancel\"")));
        // No external resources, no script.
        for (const char *banned : {"<script", "<link", "<img", "src=", "style="})
            QVERIFY2(!page.contains(QLatin1String(banned)), banned);
    }

    void authorizeRefusesRedirectsOffLoopback_data()
    {
        QTest::addColumn<QString>("redirectUri");
        QTest::addColumn<int>("status");
        QTest::newRow("localhost") << QStringLiteral("http://localhost:4711/cb") << 200;
        QTest::newRow("127.0.0.1") << QStringLiteral("http://127.0.0.1:4711/") << 200;
        QTest::newRow("other host") << QStringLiteral("http://example.com:4711/cb") << 400;
        QTest::newRow("https") << QStringLiteral("https://127.0.0.1:4711/cb") << 400;
        QTest::newRow("no port") << QStringLiteral("http://127.0.0.1/cb") << 400;
        QTest::newRow("custom scheme") << QStringLiteral("skein://auth") << 400;
        QTest::newRow("missing") << QString() << 400;
    }
    void authorizeRefusesRedirectsOffLoopback()
    {
        QFETCH(QString, redirectUri);
        QFETCH(int, status);
        const WebResponse get = m_web.get(endpoint(base(), QStringLiteral("/common/oauth2/v2.0/authorize"),
                                                   authorizeFields(makePkce(), redirectUri)));
        QCOMPARE(get.status, status);
        QVERIFY(get.header("Location").isEmpty());
        // The POST is checked again: no code leaves for a foreign redirect.
        FormFields fields = authorizeFields(makePkce(), redirectUri);
        fields << std::pair{QStringLiteral("username"), QStringLiteral("alice")}
               << std::pair{QStringLiteral("password"), QStringLiteral("secret")}
               << std::pair{QStringLiteral("signin"), QStringLiteral("1")};
        const WebResponse post = m_web.postForm(authorizeUrl(base()), fields);
        QCOMPARE(post.status, status == 200 ? 302 : 400);
    }

    void authorizeRefusesPlainPkce_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<bool>("withChallenge");
        QTest::newRow("plain") << QStringLiteral("plain") << true;
        QTest::newRow("no method") << QString() << true;
        QTest::newRow("no challenge") << QStringLiteral("S256") << false;
    }
    void authorizeRefusesPlainPkce()
    {
        QFETCH(QString, method);
        QFETCH(bool, withChallenge);
        Pkce pkce = makePkce();
        if (!withChallenge)
            pkce.challenge.clear();
        FormFields query = authorizeFields(pkce, kRedirectUri, method);
        if (method.isNull())
            query.removeLast();
        const WebResponse r = m_web.get(endpoint(base(), QStringLiteral("/common/oauth2/v2.0/authorize"), query));
        QCOMPARE(r.status, 400);
        QVERIFY(r.header("Location").isEmpty());
    }

    void wrongPasswordShowsTheFormAgain()
    {
        const WebResponse r = submitLogin(m_web, base(), makePkce(), QStringLiteral("alice"), QStringLiteral("wrong"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Location").isEmpty());
        QVERIFY(r.body.contains("Wrong user name or password."));
        QVERIFY(r.body.contains("<form id=\"login\""));
        QVERIFY(r.body.contains("name=\"username\" value=\"alice\""));
        const WebResponse unknown = submitLogin(m_web, base(), makePkce(), QStringLiteral("mallory"), QStringLiteral("secret"));
        QCOMPARE(unknown.status, 200);
        QVERIFY(unknown.body.contains("Wrong user name or password."));
    }

    void cancelRedirectsWithAccessDenied()
    {
        const WebResponse r = submitLogin(m_web, base(), makePkce(), QString(), QString(), QStringLiteral("cancel"));
        QCOMPARE(r.status, 302);
        QVERIFY(r.location().toString().startsWith(kRedirectUri + QLatin1Char('?')));
        QCOMPARE(r.locationQuery(QStringLiteral("error")), QStringLiteral("access_denied"));
        QVERIFY(!r.locationQuery(QStringLiteral("error_description")).isEmpty());
        QCOMPARE(r.locationQuery(QStringLiteral("state")), QStringLiteral("st&te 42"));
        QVERIFY(r.locationQuery(QStringLiteral("code")).isEmpty());
    }

    void rightPasswordRedirectsWithACode_data()
    {
        QTest::addColumn<QString>("user");
        QTest::newRow("user name") << QStringLiteral("alice");
        QTest::newRow("address") << QStringLiteral("Alice@Skein.Test");
    }
    void rightPasswordRedirectsWithACode()
    {
        QFETCH(QString, user);
        const WebResponse r = submitLogin(m_web, base(), makePkce(), user, QStringLiteral("secret"));
        QCOMPARE(r.status, 302);
        QCOMPARE(r.location().host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(r.location().port(), 53682);
        QCOMPARE(r.location().path(), QStringLiteral("/callback"));
        QVERIFY(r.locationQuery(QStringLiteral("code")).size() >= 43);
        QCOMPARE(r.locationQuery(QStringLiteral("state")), QStringLiteral("st&te 42"));
    }

    void codeExchangeGivesTokensOnce()
    {
        const Pkce pkce = makePkce();
        const QString code = submitLogin(m_web, base(), pkce, QStringLiteral("alice"), QStringLiteral("secret"))
                                 .locationQuery(QStringLiteral("code"));
        const WebResponse r = redeemCode(m_web, base(), code, pkce.verifier);
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Content-Type").startsWith("application/json"));
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
        QCOMPARE(o.value(QStringLiteral("scope")).toString(), kScope);
        QCOMPARE(o.value(QStringLiteral("expires_in")).toInt(), 3600);
        QCOMPARE(o.value(QStringLiteral("ext_expires_in")).toInt(), 3600);
        QVERIFY(o.value(QStringLiteral("access_token")).toString().size() >= 43);
        QVERIFY(o.value(QStringLiteral("refresh_token")).toString().size() >= 43);
        QVERIFY(o.value(QStringLiteral("access_token")) != o.value(QStringLiteral("refresh_token")));

        const WebResponse again = redeemCode(m_web, base(), code, pkce.verifier);
        QCOMPARE(again.status, 400);
        QCOMPARE(again.jsonText("error"), QStringLiteral("invalid_grant"));
        QVERIFY(!again.jsonText("error_description").isEmpty());
    }

    void codeExchangeNeedsTheVerifierAndRedirectUri_data()
    {
        QTest::addColumn<bool>("wrongVerifier");
        QTest::addColumn<QString>("redirectUri");
        QTest::newRow("wrong verifier") << true << kRedirectUri;
        QTest::newRow("other redirect_uri") << false << QStringLiteral("http://127.0.0.1:53683/callback");
    }
    void codeExchangeNeedsTheVerifierAndRedirectUri()
    {
        QFETCH(bool, wrongVerifier);
        QFETCH(QString, redirectUri);
        const Pkce pkce = makePkce();
        const QString code = submitLogin(m_web, base(), pkce, QStringLiteral("alice"), QStringLiteral("secret"))
                                 .locationQuery(QStringLiteral("code"));
        const WebResponse r = redeemCode(m_web, base(), code, wrongVerifier ? makePkce().verifier : pkce.verifier, redirectUri);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.jsonText("error"), QStringLiteral("invalid_grant"));
        // The code was presented: it is gone, even with the right values now.
        QCOMPARE(redeemCode(m_web, base(), code, pkce.verifier).jsonText("error"), QStringLiteral("invalid_grant"));
    }

    void codeExpiresAfterTenMinutes()
    {
        const Pkce pkce = makePkce();
        const QString code = submitLogin(m_web, base(), pkce, QStringLiteral("alice"), QStringLiteral("secret"))
                                 .locationQuery(QStringLiteral("code"));
        m_server.identity().advanceIdentityClock(10 * 60 * 1000 + 1000);
        const WebResponse r = redeemCode(m_web, base(), code, pkce.verifier);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.jsonText("error"), QStringLiteral("invalid_grant"));
    }

    void badTokenRequests()
    {
        const WebResponse grant = m_web.postForm(tokenUrl(base()), {{QStringLiteral("grant_type"), QStringLiteral("password")},
                                                                    {QStringLiteral("client_id"), kClientId}});
        QCOMPARE(grant.status, 400);
        QCOMPARE(grant.jsonText("error"), QStringLiteral("unsupported_grant_type"));
        const WebResponse noClient = m_web.postForm(tokenUrl(base()), {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                                                       {QStringLiteral("refresh_token"), QStringLiteral("x")}});
        QCOMPARE(noClient.status, 400);
        QCOMPARE(noClient.jsonText("error"), QStringLiteral("invalid_request"));
        QCOMPARE(m_web.get(tokenUrl(base())).status, 405);
    }

    void refreshGivesNewTokensAndKeepsTheOldOne()
    {
        const QJsonObject first = signIn(m_web, base(), QStringLiteral("alice"), QStringLiteral("secret"));
        const QString oldRefresh = first.value(QStringLiteral("refresh_token")).toString();
        QVERIFY(!oldRefresh.isEmpty());
        const WebResponse r = refresh(m_web, base(), oldRefresh);
        QCOMPARE(r.status, 200);
        const QJsonObject second = r.json();
        QCOMPARE(second.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
        QVERIFY(second.value(QStringLiteral("access_token")) != first.value(QStringLiteral("access_token")));
        QVERIFY(second.value(QStringLiteral("refresh_token")) != first.value(QStringLiteral("refresh_token")));
        QCOMPARE(second.value(QStringLiteral("expires_in")).toInt(), 3600);
        QCOMPARE(refresh(m_web, base(), oldRefresh).status, 200); // valid until revoked, like Microsoft's

        const WebResponse unknown = refresh(m_web, base(), QStringLiteral("not-a-token"));
        QCOMPARE(unknown.status, 400);
        QCOMPARE(unknown.jsonText("error"), QStringLiteral("invalid_grant"));
    }

    void refreshAfterRevocationFails()
    {
        const QJsonObject tokens = signIn(m_web, base(), QStringLiteral("alice"), QStringLiteral("secret"));
        QVERIFY(m_server.revokeTokens(QStringLiteral("alice")) >= 2);
        const WebResponse r = refresh(m_web, base(), tokens.value(QStringLiteral("refresh_token")).toString());
        QCOMPARE(r.status, 400);
        QCOMPARE(r.jsonText("error"), QStringLiteral("invalid_grant"));
        QVERIFY(r.jsonText("error_description").startsWith(QLatin1String("AADSTS50173:")));
        QCOMPARE(m_server.revokeTokens(QStringLiteral("nobody")), -1);
    }

    void deviceCodeFlow()
    {
        m_server.identity().setDeviceCodeInterval(1);
        const WebResponse start = startDevice();
        QCOMPARE(start.status, 200);
        const QJsonObject device = start.json();
        const QString deviceCode = device.value(QStringLiteral("device_code")).toString();
        const QString userCode = device.value(QStringLiteral("user_code")).toString();
        QVERIFY(!deviceCode.isEmpty());
        QCOMPARE(userCode.size(), 9);
        QCOMPARE(device.value(QStringLiteral("verification_uri")).toString(), base().toString() + QStringLiteral("/devicelogin"));
        QCOMPARE(device.value(QStringLiteral("expires_in")).toInt(), 900);
        QCOMPARE(device.value(QStringLiteral("interval")).toInt(), 1);
        QVERIFY(device.value(QStringLiteral("message")).toString().contains(userCode));

        QCOMPARE(pollDevice(deviceCode).jsonText("error"), QStringLiteral("authorization_pending"));
        const WebResponse tooFast = pollDevice(deviceCode);
        QCOMPARE(tooFast.status, 400);
        QCOMPARE(tooFast.jsonText("error"), QStringLiteral("slow_down"));
        m_server.identity().advanceIdentityClock(1500);
        QCOMPARE(pollDevice(deviceCode).jsonText("error"), QStringLiteral("authorization_pending"));

        const WebResponse page = m_web.get(deviceLoginUrl());
        QCOMPARE(page.status, 200);
        QVERIFY(page.body.contains("<form id=\"devicelogin\""));
        QVERIFY(page.body.contains("<label for=\"user_code\">"));
        const WebResponse wrong = deviceLogin(userCode, QStringLiteral("alice"), QStringLiteral("wrong"));
        QCOMPARE(wrong.status, 200);
        QVERIFY(wrong.body.contains("Wrong user name or password."));
        // Typed in lower case with a dash: still the code.
        const WebResponse approved = deviceLogin(userCode.left(4).toLower() + QLatin1Char('-') + userCode.mid(4),
                                                 QStringLiteral("alice@skein.test"), QStringLiteral("secret"));
        QCOMPARE(approved.status, 200);
        QVERIFY(!approved.body.contains("<form"));

        m_server.identity().advanceIdentityClock(1500);
        const WebResponse tokens = pollDevice(deviceCode);
        QCOMPARE(tokens.status, 200);
        QCOMPARE(tokens.jsonText("token_type"), QStringLiteral("Bearer"));
        QVERIFY(!tokens.jsonText("access_token").isEmpty());
        QVERIFY(!tokens.jsonText("refresh_token").isEmpty());
        m_server.identity().advanceIdentityClock(1500);
        QCOMPARE(pollDevice(deviceCode).jsonText("error"), QStringLiteral("invalid_grant")); // once
        // The code was used: the page refuses it now.
        QVERIFY(deviceLogin(userCode, QStringLiteral("alice"), QStringLiteral("secret")).body.contains("wrong or has expired"));
        m_server.identity().setDeviceCodeInterval(5);
    }

    void deviceCodeDeclined()
    {
        const QJsonObject device = startDevice().json();
        const WebResponse declined = deviceLogin(device.value(QStringLiteral("user_code")).toString(), {}, {}, QStringLiteral("cancel"));
        QCOMPARE(declined.status, 200);
        const WebResponse r = pollDevice(device.value(QStringLiteral("device_code")).toString());
        QCOMPARE(r.status, 400);
        QCOMPARE(r.jsonText("error"), QStringLiteral("access_denied"));
    }

    void deviceCodeExpires()
    {
        const QJsonObject device = startDevice().json();
        m_server.identity().advanceIdentityClock(901 * 1000);
        const WebResponse r = pollDevice(device.value(QStringLiteral("device_code")).toString());
        QCOMPARE(r.status, 400);
        QCOMPARE(r.jsonText("error"), QStringLiteral("expired_token"));
        QVERIFY(deviceLogin(device.value(QStringLiteral("user_code")).toString(), QStringLiteral("alice"), QStringLiteral("secret"))
                    .body.contains("wrong or has expired"));
        QCOMPARE(pollDevice(QStringLiteral("unknown")).jsonText("error"), QStringLiteral("invalid_grant"));
    }

    void unknownPathsAre404()
    {
        QCOMPARE(m_web.get(endpoint(base(), QStringLiteral("/common/oauth2/v2.0/logout"))).status, 404);
        QCOMPARE(m_web.get(endpoint(base(), QStringLiteral("/nothing"))).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestServerIdentityProvider)
#include "tst_server_identityprovider.moc"
