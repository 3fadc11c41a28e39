// Who may call the ActiveSync endpoint (EasAuthenticator, docs/signin.md):
// Bearer tokens of the identity provider next to Basic, --auth modes, the
// 401 challenges, and tokens that expired or were revoked.
#include "EasTestClient.h"
#include "SignInTestSupport.h"

#include <ReferenceServer.h>

#include <QTemporaryDir>
#include <QTest>

using namespace skein::test;
using skein::server::ReferenceServer;

class TestServerEasAuth : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    ReferenceServer m_server;
    WebTestClient m_web;

    QByteArray accessToken()
    {
        return signIn(m_web, m_server.baseUrl(), QStringLiteral("alice"), QStringLiteral("secret"))
            .value(QStringLiteral("access_token"))
            .toString()
            .toLatin1();
    }

    QByteArray bearerChallenge(bool invalidToken) const
    {
        QByteArray c = "Bearer authorization_uri=\"" + m_server.baseUrl().toEncoded() + "/common/oauth2/v2.0/authorize\"";
        return invalidToken ? c + ", error=\"invalid_token\"" : c;
    }

    // The WWW-Authenticate lines of a request to the EAS endpoint, unmerged.
    QList<QByteArray> challenges(const QByteArray &verb, const QByteArray &authorization)
    {
        QByteArray request = verb + " /Microsoft-Server-ActiveSync?Cmd=FolderSync&User=alice&DeviceId=RAW1&DeviceType=T HTTP/1.1\r\n"
                                    "Host: 127.0.0.1\r\nMS-ASProtocolVersion: 14.1\r\nContent-Length: 0\r\n";
        if (!authorization.isEmpty())
            request += "Authorization: " + authorization + "\r\n";
        const QByteArray answer = rawHttp(m_server.port(), request + "\r\n");
        if (!answer.startsWith("HTTP/1.1 401 "))
            return {"not a 401: " + answer.left(answer.indexOf('\r'))};
        return headerLines(answer, "WWW-Authenticate");
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

    void init() { QVERIFY(m_server.identity().setAuthMode(QStringLiteral("both"))); }

    void bearerWorksForFolderSync_data()
    {
        QTest::addColumn<QString>("userParameter");
        QTest::newRow("user name") << QStringLiteral("alice");
        QTest::newRow("address") << QStringLiteral("alice@skein.test");
    }
    void bearerWorksForFolderSync()
    {
        QFETCH(QString, userParameter);
        const QByteArray token = accessToken();
        QVERIFY(!token.isEmpty());
        EasTestClient c(m_server.url(), userParameter, QString(), QStringLiteral("BEARER1"));
        c.setBearerToken(token);
        QCOMPARE(c.options().http, 200);
        QVERIFY(c.provision());
        const EasResponse r = c.folderSync(QStringLiteral("0"));
        QCOMPARE(r.http, 200);
        QCOMPARE(r.top(tag::FolderHierarchy::Status), QStringLiteral("1"));
        QVERIFY(r.doc->find({tag::FolderHierarchy::Changes}) != nullptr);
    }

    void unauthenticatedRequestsGetBothChallenges()
    {
        for (const QByteArray &verb : {QByteArray("OPTIONS"), QByteArray("POST")}) {
            const QList<QByteArray> lines = challenges(verb, {});
            QCOMPARE(lines, (QList<QByteArray>{"Basic realm=\"Skein\"", bearerChallenge(false)}));
        }
        // A wrong password is refused the same way.
        const QByteArray wrong = "Basic " + QByteArray("alice:wrong").toBase64();
        QCOMPARE(challenges("POST", wrong), (QList<QByteArray>{"Basic realm=\"Skein\"", bearerChallenge(false)}));
    }

    void basicStillWorksByDefault()
    {
        EasTestClient c(m_server.url(), QStringLiteral("alice"), QStringLiteral("secret"), QStringLiteral("BASIC1"));
        QCOMPARE(c.options().http, 200);
        QVERIFY(c.provision());
        QCOMPARE(c.folderSync(QStringLiteral("0")).http, 200);
    }

    void unknownTokenIsAnInvalidToken()
    {
        const QList<QByteArray> lines = challenges("POST", "Bearer not-a-token");
        QCOMPARE(lines, (QList<QByteArray>{"Basic realm=\"Skein\"", bearerChallenge(true)}));
        QCOMPARE(challenges("OPTIONS", "Bearer not-a-token"), lines);
    }

    void oauthModeRefusesBasic()
    {
        QVERIFY(m_server.identity().setAuthMode(QStringLiteral("oauth")));
        const QByteArray basic = "Basic " + QByteArray("alice:secret").toBase64();
        QCOMPARE(challenges("POST", basic), QList<QByteArray>{bearerChallenge(false)});
        QCOMPARE(challenges("OPTIONS", basic), QList<QByteArray>{bearerChallenge(false)});
        QCOMPARE(challenges("OPTIONS", {}), QList<QByteArray>{bearerChallenge(false)});
        EasTestClient c(m_server.url(), QStringLiteral("alice"), QString(), QStringLiteral("OAUTHONLY1"));
        c.setBearerToken(accessToken());
        QVERIFY(c.provision());
        QCOMPARE(c.folderSync(QStringLiteral("0")).top(tag::FolderHierarchy::Status), QStringLiteral("1"));
    }

    void basicModeRefusesBearer()
    {
        const QByteArray token = accessToken();
        QVERIFY(m_server.identity().setAuthMode(QStringLiteral("basic")));
        QCOMPARE(challenges("POST", "Bearer " + token), QList<QByteArray>{"Basic realm=\"Skein\""});
        QCOMPARE(challenges("OPTIONS", "Bearer " + token), QList<QByteArray>{"Basic realm=\"Skein\""});
        QVERIFY(!m_server.identity().setAuthMode(QStringLiteral("kerberos")));
    }

    void revokedAccessTokenIsRefused()
    {
        const QByteArray token = accessToken();
        EasTestClient c(m_server.url(), QStringLiteral("alice"), QString(), QStringLiteral("REVOKED1"));
        c.setBearerToken(token);
        QVERIFY(c.provision());
        QVERIFY(m_server.revokeTokens(QStringLiteral("alice")) > 0);
        QCOMPARE(c.folderSync(QStringLiteral("0")).http, 401);
        QCOMPARE(challenges("POST", "Bearer " + token), (QList<QByteArray>{"Basic realm=\"Skein\"", bearerChallenge(true)}));
    }

    void expiredAccessTokenIsRefused()
    {
        m_server.identity().setAccessTokenLifetime(60);
        const QJsonObject tokens = signIn(m_web, m_server.baseUrl(), QStringLiteral("alice"), QStringLiteral("secret"));
        QCOMPARE(tokens.value(QStringLiteral("expires_in")).toInt(), 60);
        const QByteArray token = tokens.value(QStringLiteral("access_token")).toString().toLatin1();
        QVERIFY(challenges("OPTIONS", "Bearer " + token).first().startsWith("not a 401: HTTP/1.1 200"));
        m_server.identity().advanceIdentityClock(61 * 1000);
        QCOMPARE(challenges("POST", "Bearer " + token), (QList<QByteArray>{"Basic realm=\"Skein\"", bearerChallenge(true)}));
        m_server.identity().setAccessTokenLifetime(3600);
    }
};

QTEST_GUILESS_MAIN(TestServerEasAuth)
#include "tst_server_easauth.moc"
