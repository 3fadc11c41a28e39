// skein-server's sign-in options as a process (main.cpp): --auth,
// --token-lifetime, --device-interval, and `revoke` run as a second process
// on the data of a serving one.
#include "EasTestClient.h"
#include "SignInTestSupport.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace skein::test;

namespace {

// A serving skein-server; stopped with SIGTERM when it goes out of scope.
struct ServerProcess {
    QProcess process;
    QUrl base;

    bool start(const QString &dataDir, const QStringList &extra)
    {
        process.start(QStringLiteral(SKEIN_SERVER_BIN),
                      QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--data"), dataDir,
                                  QStringLiteral("--users"), QStringLiteral("alice:secret")}
                          + extra);
        if (!process.waitForStarted(15000))
            return false;
        QElapsedTimer waited;
        waited.start();
        while (!process.canReadLine() && waited.elapsed() < 15000)
            process.waitForReadyRead(500);
        static const QRegularExpression re(QStringLiteral("^listening (http://127\\.0\\.0\\.1:\\d+)/Microsoft-Server-ActiveSync$"));
        const auto match = re.match(QString::fromUtf8(process.readLine()).trimmed());
        base = QUrl(match.captured(1));
        return match.hasMatch();
    }
    QUrl easUrl() const { return endpoint(base, QStringLiteral("/Microsoft-Server-ActiveSync")); }
    ~ServerProcess()
    {
        if (process.state() != QProcess::NotRunning) {
            process.terminate();
            process.waitForFinished(15000);
        }
    }
};

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runServer(const QStringList &arguments)
{
    QProcess p;
    p.start(QStringLiteral(SKEIN_SERVER_BIN), arguments);
    Run r;
    if (!p.waitForFinished(30000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace

class TestServerSignInBinary : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void revokeFromASecondProcess()
    {
        QTemporaryDir dir;
        ServerProcess server;
        QVERIFY(server.start(dir.path(), {QStringLiteral("--auth"), QStringLiteral("oauth")}));
        WebTestClient web;
        const QJsonObject tokens = signIn(web, server.base, QStringLiteral("alice"), QStringLiteral("secret"));
        const QByteArray access = tokens.value(QStringLiteral("access_token")).toString().toLatin1();
        const QString refreshToken = tokens.value(QStringLiteral("refresh_token")).toString();
        QVERIFY(!access.isEmpty() && !refreshToken.isEmpty());

        EasTestClient eas(server.easUrl(), QStringLiteral("alice@skein.test"), QString(), QStringLiteral("BIN1"));
        eas.setBearerToken(access);
        QVERIFY(eas.provision());
        QCOMPARE(eas.folderSync(QStringLiteral("0")).top(tag::FolderHierarchy::Status), QStringLiteral("1"));
        EasTestClient basic(server.easUrl(), QStringLiteral("alice"), QStringLiteral("secret"), QStringLiteral("BIN2"));
        const EasResponse refused = basic.folderSync(QStringLiteral("0"));
        QCOMPARE(refused.http, 401);
        QVERIFY(refused.header("WWW-Authenticate").startsWith("Bearer authorization_uri="));

        const Run revoke = runServer({QStringLiteral("--data"), dir.path(), QStringLiteral("revoke"), QStringLiteral("--user"),
                                      QStringLiteral("alice")});
        QCOMPARE(revoke.exitCode, 0);
        const QJsonObject line = QJsonDocument::fromJson(revoke.out).object();
        QCOMPARE(line.value(QStringLiteral("user")).toString(), QStringLiteral("alice"));
        QVERIFY(line.value(QStringLiteral("revoked")).toInt() >= 2);

        // The serving process sees it from its next request on.
        const EasResponse afterRevoke = eas.folderSync(QStringLiteral("0"));
        QCOMPARE(afterRevoke.http, 401);
        QVERIFY(afterRevoke.header("WWW-Authenticate").contains("error=\"invalid_token\""));
        const WebResponse refreshed = refresh(web, server.base, refreshToken);
        QCOMPARE(refreshed.status, 400);
        QCOMPARE(refreshed.jsonText("error"), QStringLiteral("invalid_grant"));
        // Signing in again works.
        QVERIFY(!signIn(web, server.base, QStringLiteral("alice"), QStringLiteral("secret")).isEmpty());
    }

    void accessTokenExpiresInRealTime()
    {
        QTemporaryDir dir;
        ServerProcess server;
        // A pinned --now does not stop token lifetimes.
        QVERIFY(server.start(dir.path(), {QStringLiteral("--token-lifetime"), QStringLiteral("2"), QStringLiteral("--now"),
                                          QStringLiteral("2026-06-15T12:00:00Z")}));
        WebTestClient web;
        const QJsonObject tokens = signIn(web, server.base, QStringLiteral("alice"), QStringLiteral("secret"));
        QCOMPARE(tokens.value(QStringLiteral("expires_in")).toInt(), 2);
        EasTestClient eas(server.easUrl(), QStringLiteral("alice"), QString(), QStringLiteral("BIN3"));
        eas.setBearerToken(tokens.value(QStringLiteral("access_token")).toString().toLatin1());
        QCOMPARE(eas.options().http, 200);
        QTest::qWait(2500);
        const EasResponse expired = eas.options();
        QCOMPARE(expired.http, 401);
        QVERIFY(expired.header("WWW-Authenticate").contains("error=\"invalid_token\""));
        // A refresh gives a working token again.
        const WebResponse refreshed = refresh(web, server.base, tokens.value(QStringLiteral("refresh_token")).toString());
        QCOMPARE(refreshed.status, 200);
        eas.setBearerToken(refreshed.jsonText("access_token").toLatin1());
        QCOMPARE(eas.options().http, 200);
    }

    void deviceIntervalOption()
    {
        QTemporaryDir dir;
        ServerProcess server;
        QVERIFY(server.start(dir.path(), {QStringLiteral("--device-interval"), QStringLiteral("7")}));
        WebTestClient web;
        const WebResponse r = web.postForm(endpoint(server.base, QStringLiteral("/common/oauth2/v2.0/devicecode")),
                                           {{QStringLiteral("client_id"), kClientId}, {QStringLiteral("scope"), kScope}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("interval")).toInt(), 7);
        QCOMPARE(r.json().value(QStringLiteral("verification_uri")).toString(), server.base.toString() + QStringLiteral("/devicelogin"));
    }

    void autodiscoverRedirectFault()
    {
        QTemporaryDir dir;
        ServerProcess server;
        const QString target = QStringLiteral("http://example.com/autodiscover/autodiscover.json/v1.0/alice@skein.test?Protocol=ActiveSync");
        QVERIFY(server.start(dir.path(), {QStringLiteral("--fault"), QStringLiteral("autodiscover-redirect:") + target}));
        WebTestClient web;
        const WebResponse r = web.get(endpoint(server.base, QStringLiteral("/autodiscover/autodiscover.json/v1.0/alice@skein.test"),
                                               {{QStringLiteral("Protocol"), QStringLiteral("ActiveSync")}}));
        QCOMPARE(r.status, 302);
        QCOMPARE(QString::fromUtf8(r.header("Location")), target);
    }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("--auth kerberos") << QStringList{QStringLiteral("--auth"), QStringLiteral("kerberos"), QStringLiteral("dump")} << 2;
        QTest::newRow("--token-lifetime 0") << QStringList{QStringLiteral("--token-lifetime"), QStringLiteral("0"), QStringLiteral("dump")} << 2;
        QTest::newRow("--device-interval x") << QStringList{QStringLiteral("--device-interval"), QStringLiteral("x"), QStringLiteral("dump")} << 2;
        QTest::newRow("revoke without --user") << QStringList{QStringLiteral("revoke")} << 2;
        QTest::newRow("revoke unknown user") << QStringList{QStringLiteral("revoke"), QStringLiteral("--user"), QStringLiteral("nobody")} << 1;
        QTest::newRow("bad redirect fault") << QStringList{QStringLiteral("--fault"), QStringLiteral("autodiscover-redirect:nothing"), QStringLiteral("dump")} << 2;
    }
    void badArguments()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QTemporaryDir dir;
        const Run r = runServer(QStringList{QStringLiteral("--data"), dir.path()} + arguments);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY(r.out.isEmpty());
        const QByteArray err = r.err.trimmed();
        QVERIFY2(!err.isEmpty() && !err.contains('\n'), err.constData());
    }
};

QTEST_GUILESS_MAIN(TestServerSignInBinary)
#include "tst_server_signinbinary.moc"
