// OAuthClient and Pkce against canned token-endpoint answers: the RFC 7636
// test vector, the authorization URL, the form bodies, token JSON parsing
// and the mapping of errors to what the user is told.
#include "FakeTransport.h"
#include "OAuthClient.h"
#include "OAuthTokenProvider.h"
#include "Pkce.h"

#include <QTest>
#include <QUrlQuery>

using namespace skein;
using namespace skein::eas;

namespace {

OAuthConfig config()
{
    OAuthConfig c;
    c.authority = QStringLiteral("http://127.0.0.1:9/");
    c.tenant = QStringLiteral("organizations");
    c.clientId = QStringLiteral("client-1");
    return c;
}

HttpResponse json(int status, const QByteArray &body)
{
    HttpResponse r = FakeTransport::status(status, {{"Content-Type", "application/json"}});
    r.body = body;
    return r;
}

QUrlQuery form(const HttpRequest &request)
{
    QByteArray body = request.body;
    return QUrlQuery(QString::fromLatin1(body.replace('+', "%20")));
}

const QDateTime kNow(QDate(2026, 12, 7), QTime(5, 0), Qt::UTC);

} // namespace

class TestOAuthClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // RFC 7636 appendix B.
    void pkceChallengeMatchesTheRfcExample()
    {
        QCOMPARE(Pkce::challengeFor("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
                 QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    }

    void generatedVerifiersAreLongUnreservedAndDistinct()
    {
        const Pkce a = Pkce::generate();
        const Pkce b = Pkce::generate();
        QVERIFY(a.verifier != b.verifier);
        QVERIFY(a.verifier.size() >= 43 && a.verifier.size() <= 128); // RFC 7636 4.1
        for (const char c : a.verifier)
            QVERIFY2(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == '~', QByteArray(1, c).constData());
        QCOMPARE(a.challenge, Pkce::challengeFor(a.verifier));
    }

    void authorizationUrlCarriesEveryParameter()
    {
        const QUrl url = OAuthClient::authorizationUrl(config(), QUrl(QStringLiteral("http://127.0.0.1:5555/")),
                                                       "st4te", "ch4llenge", QStringLiteral("ann+x@example.com"));
        QCOMPARE(url.toString(QUrl::RemoveQuery), QStringLiteral("http://127.0.0.1:9/organizations/oauth2/v2.0/authorize"));
        const QUrlQuery query(url);
        auto value = [&](const char *name) { return query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded); };
        QCOMPARE(value("response_type"), QStringLiteral("code"));
        QCOMPARE(value("client_id"), QStringLiteral("client-1"));
        QCOMPARE(value("redirect_uri"), QStringLiteral("http://127.0.0.1:5555/"));
        QCOMPARE(value("scope"), QStringLiteral("https://outlook.office.com/EAS.AccessAsUser.All offline_access"));
        QCOMPARE(value("state"), QStringLiteral("st4te"));
        QCOMPARE(value("code_challenge"), QStringLiteral("ch4llenge"));
        QCOMPARE(value("code_challenge_method"), QStringLiteral("S256"));
        QCOMPARE(value("login_hint"), QStringLiteral("ann+x@example.com")); // '+' survives as itself
        QVERIFY(!url.toEncoded().contains('+'));
    }

    void redeemingACodeSendsVerifierAndParsesTokens()
    {
        FakeTransport fake;
        fake.queue = {json(200, R"({"token_type":"Bearer","scope":"EAS.AccessAsUser.All","expires_in":3600,)"
                                R"("ext_expires_in":3600,"access_token":"at-1","refresh_token":"rt-1"})")};
        OAuthClient client(fake, config());
        client.setClock([] { return kNow; });
        const TokenAnswer answer = client.redeemCode(QStringLiteral("c/o+de"), "verif", QUrl(QStringLiteral("http://127.0.0.1:5555/")));
        QVERIFY(answer.ok());
        QCOMPARE(answer.tokens.accessToken, QStringLiteral("at-1"));
        QCOMPARE(answer.tokens.refreshToken, QStringLiteral("rt-1"));
        QCOMPARE(answer.tokens.lifetimeSeconds, 3600);
        QCOMPARE(answer.tokens.expiresAt, kNow.addSecs(3600));

        const HttpRequest &sent = fake.requests.at(0);
        QCOMPARE(sent.url.toString(), QStringLiteral("http://127.0.0.1:9/organizations/oauth2/v2.0/token"));
        QCOMPARE(fake.header(0, "Content-Type"), QByteArray("application/x-www-form-urlencoded"));
        QVERIFY(fake.header(0, "Authorization").isEmpty());
        const QUrlQuery body = form(sent);
        QCOMPARE(body.queryItemValue(QStringLiteral("grant_type")), QStringLiteral("authorization_code"));
        QCOMPARE(body.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded), QStringLiteral("c/o+de"));
        QCOMPARE(body.queryItemValue(QStringLiteral("code_verifier")), QStringLiteral("verif"));
        QCOMPARE(body.queryItemValue(QStringLiteral("client_id")), QStringLiteral("client-1"));
        QCOMPARE(body.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded), QStringLiteral("http://127.0.0.1:5555/"));
    }

    void expiresInAsStringIsAccepted()
    {
        const TokenAnswer answer = OAuthClient::parseTokenAnswer(
            json(200, R"({"token_type":"Bearer","expires_in":"600","access_token":"a"})"), kNow);
        QVERIFY(answer.ok());
        QCOMPARE(answer.tokens.lifetimeSeconds, 600);
        QVERIFY(answer.tokens.refreshToken.isEmpty());
    }

    void refreshSendsTheRefreshTokenAndScope()
    {
        FakeTransport fake;
        fake.queue = {json(200, R"({"token_type":"Bearer","expires_in":3600,"access_token":"at-2","refresh_token":"rt-2"})")};
        OAuthClient client(fake, config());
        QVERIFY(client.refresh(QStringLiteral("rt-1")).ok());
        const QUrlQuery body = form(fake.requests.at(0));
        QCOMPARE(body.queryItemValue(QStringLiteral("grant_type")), QStringLiteral("refresh_token"));
        QCOMPARE(body.queryItemValue(QStringLiteral("refresh_token")), QStringLiteral("rt-1"));
        QCOMPARE(body.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded), config().scope);
    }

    void errorsMapToWhatTheUserIsTold_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("words");
        QTest::newRow("invalid_grant") << 400 << QByteArray(R"({"error":"invalid_grant","error_description":"AADSTS50173"})")
                                       << int(ErrorKind::SignInRequired) << QStringLiteral("has expired or was revoked");
        QTest::newRow("interaction_required") << 400 << QByteArray(R"({"error":"interaction_required"})")
                                              << int(ErrorKind::SignInRequired) << QStringLiteral("Sign in again");
        QTest::newRow("invalid_client") << 401 << QByteArray(R"({"error":"invalid_client"})")
                                        << int(ErrorKind::Auth) << QStringLiteral("application id");
        QTest::newRow("server error") << 503 << QByteArray("busy") << int(ErrorKind::Server) << QStringLiteral("HTTP 503");
        QTest::newRow("no token in 200") << 200 << QByteArray(R"({"token_type":"Bearer"})") << int(ErrorKind::Auth)
                                         << QStringLiteral("invalid_response");
        QTest::newRow("unreachable") << 0 << QByteArray() << int(ErrorKind::Network) << QStringLiteral("Could not reach");
    }

    void errorsMapToWhatTheUserIsTold()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(QString, words);
        HttpResponse response = json(status, body);
        if (!status)
            response.networkError = QStringLiteral("Connection refused");
        const TokenAnswer answer = OAuthClient::parseTokenAnswer(response, kNow);
        QVERIFY(!answer.ok());
        QCOMPARE(int(errorKindFor(answer)), kind);
        const QString text = signInFailureText(answer, QStringLiteral("ann@example.com"));
        QVERIFY2(text.contains(words), qPrintable(text));
    }

    void signInRequiredSentence()
    {
        QCOMPARE(signInRequiredText(QStringLiteral("ann@example.com")),
                 QStringLiteral("Your sign-in to ann@example.com has expired or was revoked. Sign in again to keep "
                                "syncing; nothing you did is lost."));
    }

    void refreshMarginIsTenPercentAtMostFiveMinutes()
    {
        QCOMPARE(OAuthTokenProvider::refreshMarginSeconds(3600), 300);
        QCOMPARE(OAuthTokenProvider::refreshMarginSeconds(600), 60);
        QCOMPARE(OAuthTokenProvider::refreshMarginSeconds(60), 6);
    }

    void clientIdFromTheEnvironmentWhenNoneIsGiven()
    {
        qputenv(OAuthConfig::kClientIdVariable, "from-env");
        QCOMPARE(OAuthConfig::resolveClientId(QString()), QStringLiteral("from-env"));
        QCOMPARE(OAuthConfig::resolveClientId(QStringLiteral("given")), QStringLiteral("given"));
        qunsetenv(OAuthConfig::kClientIdVariable);
        QVERIFY(OAuthConfig::resolveClientId(QString()).isEmpty());
        OAuthConfig defaults;
        QCOMPARE(defaults.tokenUrl().toString(), QStringLiteral("https://login.microsoftonline.com/common/oauth2/v2.0/token"));
    }
};

QTEST_GUILESS_MAIN(TestOAuthClient)
#include "tst_oauthclient.moc"
