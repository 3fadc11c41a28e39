// The WWW-Authenticate parser: several headers, challenges joined by
// commas, quoted values, token68, and the authority of a Bearer challenge.
#include "AuthChallenge.h"

#include <QTest>

using namespace skein::eas;

class TestAuthChallenge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneHeaderPerScheme()
    {
        HttpResponse response;
        response.status = 401;
        response.headers = {{"WWW-Authenticate", "Basic realm=\"Skein\""},
                            {"Content-Length", "0"},
                            {"www-authenticate", "Bearer authorization_uri=\"http://127.0.0.1:9/common/oauth2/v2.0/authorize\""}};
        const QList<AuthChallenge> challenges = authChallenges(response);
        QCOMPARE(challenges.size(), 2);
        QCOMPARE(challenges.at(0).scheme, QStringLiteral("Basic"));
        QCOMPARE(challenges.at(0).param(QStringLiteral("realm")), QStringLiteral("Skein"));
        QCOMPARE(challenges.at(1).param(QStringLiteral("Authorization_URI")),
                 QStringLiteral("http://127.0.0.1:9/common/oauth2/v2.0/authorize"));
    }

    void challengesJoinedByCommas()
    {
        const QList<AuthChallenge> challenges = parseAuthChallenges(
            {"Basic realm=\"a, b\", Bearer authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", "
             "error=\"invalid_token\", Negotiate abc+/d==, NTLM"});
        QCOMPARE(challenges.size(), 4);
        QCOMPARE(challenges.at(0).param(QStringLiteral("realm")), QStringLiteral("a, b"));
        QCOMPARE(challenges.at(1).scheme, QStringLiteral("Bearer"));
        QCOMPARE(challenges.at(1).param(QStringLiteral("error")), QStringLiteral("invalid_token"));
        QCOMPARE(challenges.at(2).token68, QStringLiteral("abc+/d=="));
        QCOMPARE(challenges.at(3).scheme, QStringLiteral("NTLM"));
        QVERIFY(findChallenge(challenges, "bearer"));
        QVERIFY(!findChallenge(challenges, "Digest"));
    }

    void unquotedValuesAndEscapes()
    {
        const QList<AuthChallenge> challenges = parseAuthChallenges({"Bearer error=invalid_token, realm=\"say \\\"hi\\\"\""});
        QCOMPARE(challenges.size(), 1);
        QCOMPARE(challenges.at(0).param(QStringLiteral("error")), QStringLiteral("invalid_token"));
        QCOMPARE(challenges.at(0).param(QStringLiteral("realm")), QStringLiteral("say \"hi\""));
    }

    void headersJoinedByNewlines()
    {
        // How a client library may hand over repeated headers.
        const QList<AuthChallenge> challenges = parseAuthChallenges({"Basic realm=\"x\"\nBearer"});
        QCOMPARE(challenges.size(), 2);
        QCOMPARE(challenges.at(1).scheme, QStringLiteral("Bearer"));
    }

    void authorityIsEverythingBeforeTheTenant()
    {
        QString tenant;
        QCOMPARE(authorityFromAuthorizationUri(QStringLiteral("https://login.microsoftonline.com/common/oauth2/authorize"), &tenant),
                 QStringLiteral("https://login.microsoftonline.com"));
        QCOMPARE(tenant, QStringLiteral("common"));
        QCOMPARE(authorityFromAuthorizationUri(QStringLiteral("http://127.0.0.1:8080/idp/contoso/oauth2/v2.0/authorize"), &tenant),
                 QStringLiteral("http://127.0.0.1:8080/idp"));
        QCOMPARE(tenant, QStringLiteral("contoso"));
        QVERIFY(authorityFromAuthorizationUri(QStringLiteral("https://example.com/authorize")).isEmpty());
        QVERIFY(authorityFromAuthorizationUri(QStringLiteral("https://example.com/oauth2/authorize")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAuthChallenge)
#include "tst_authchallenge.moc"
