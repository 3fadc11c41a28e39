// skein-cli with an OAuth account against the real `skein-server --auth
// oauth`, both as separate processes over loopback: Autodiscover
// (--autodiscover-url), the device code flow with this test typing the code
// into the server's /devicelogin page as the user would, the refresh token
// kept in the keychain only, later commands refreshing with it, a revoked
// sign-in (`skein-server revoke`) exiting 2 with its sentence while an action
// made meanwhile stays journaled and goes out after signing in again. Needs
// a Secret Service (scripts/test starts gnome-keyring); skipped without a
// D-Bus session.
#include "CliRun.h"
#include "IssuedTokens.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace skein::test;

namespace {

const QString kEmail = QStringLiteral("demo@skein.test");

} // namespace

class TestCliOAuth : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QProcess m_server;
    QString m_base; // http://127.0.0.1:PORT
    QStringList m_browserProblems; // what the user's browser saw go wrong, checked after each sign-in

    QString serverData() const { return m_dir.filePath(QStringLiteral("server")); }
    QString profileDir() const { return m_dir.filePath(QStringLiteral("profile")); }
    QStringList cli(const QStringList &args) const
    {
        return QStringList{QStringLiteral("--profile"), profileDir()} + args;
    }
    Run run(const QStringList &args) const
    {
        // No password anywhere: an OAuth account must not need one.
        return runProgram(QStringLiteral(SKEIN_CLI_BIN), cli(args), QByteArray(), 60000);
    }

    // POSTs the device login form as the user's browser would.
    QByteArray approveDeviceCode(const QString &userCode, const QString &password)
    {
        QNetworkAccessManager browser;
        QNetworkRequest request(QUrl(m_base + QStringLiteral("/devicelogin")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("user_code"), userCode);
        form.addQueryItem(QStringLiteral("username"), QStringLiteral("demo"));
        form.addQueryItem(QStringLiteral("password"), password);
        QNetworkReply *reply = browser.post(request, form.toString(QUrl::FullyEncoded).toUtf8());
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(10000);
        const QByteArray page = reply->readAll();
        delete reply;
        return page;
    }

    // `account add --email --oauth` with the user approving the device code
    // while skein-cli polls; returns the finished run.
    Run addAccountSigningIn()
    {
        QProcess cliProcess;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("SKEIN_PASSWORD"));
        cliProcess.setProcessEnvironment(env);
        cliProcess.start(QStringLiteral(SKEIN_CLI_BIN),
                         cli({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--email"), kEmail,
                              QStringLiteral("--oauth"), QStringLiteral("--autodiscover-url"), m_base,
                              QStringLiteral("--client-id"), QStringLiteral("test-client")}));
        cliProcess.closeWriteChannel();
        // The instructions come on stderr before the first poll.
        QByteArray err;
        const QRegularExpression code(QStringLiteral("open the page (\\S+/devicelogin) and enter the code (\\w+)"));
        QRegularExpressionMatch match;
        QElapsedTimer waited;
        waited.start();
        while (!(match = code.match(QString::fromUtf8(err))).hasMatch() && waited.elapsed() < 15000
               && cliProcess.state() != QProcess::NotRunning) {
            cliProcess.waitForReadyRead(200);
            err += cliProcess.readAllStandardError();
        }
        if (match.hasMatch()) {
            // The page named is this server's own (loopback, not a public URL).
            if (match.captured(1) != m_base + QStringLiteral("/devicelogin"))
                m_browserProblems.append(QStringLiteral("verification page ") + match.captured(1));
            const QByteArray wrong = approveDeviceCode(match.captured(2), QStringLiteral("nope"));
            if (!wrong.contains("Wrong user name or password."))
                m_browserProblems.append(QStringLiteral("a wrong password was not refused: ") + QString::fromUtf8(wrong));
            const QByteArray page = approveDeviceCode(match.captured(2), QStringLiteral("demo"));
            if (!page.contains("Device signed in"))
                m_browserProblems.append(QStringLiteral("device login page: ") + QString::fromUtf8(page));
        } else {
            m_browserProblems.append(QStringLiteral("no device code instructions on stderr"));
        }
        if (!cliProcess.waitForFinished(30000))
            cliProcess.kill();
        err += cliProcess.readAllStandardError();
        return {cliProcess.exitStatus() == QProcess::NormalExit ? cliProcess.exitCode() : -1,
                cliProcess.readAllStandardOutput(), err};
    }

    QString busiestInboxConversation() const
    {
        const Run r = run({QStringLiteral("conversations"), QStringLiteral("Inbox"), QStringLiteral("--json")});
        QString best;
        int unread = 0;
        for (const QJsonValue &c : QJsonDocument::fromJson(r.out).array())
            if (c[QStringLiteral("unreadCount")].toInt() > unread) {
                unread = c[QStringLiteral("unreadCount")].toInt();
                best = c[QStringLiteral("conversationId")].toString();
            }
        return best;
    }

    // How many of the conversation's Inbox messages are unread on the server.
    int unreadOnServer(const QString &conversationHex) const
    {
        const Run r = runProgram(QStringLiteral(SKEIN_SERVER_BIN),
                                 {QStringLiteral("--data"), serverData(), QStringLiteral("dump"), QStringLiteral("--json")});
        int unread = 0;
        for (const QJsonValue &u : QJsonDocument::fromJson(r.out).object().value(QStringLiteral("users")).toArray())
            for (const QJsonValue &m : u[QStringLiteral("messages")].toArray())
                if (m[QStringLiteral("conversationId")].toString() == conversationHex
                    && m[QStringLiteral("folder")].toString() == QLatin1String("Inbox") && !m[QStringLiteral("read")].toBool())
                    ++unread;
        return unread;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("no D-Bus session: run under scripts/test (gnome-keyring)");
        m_server.setProgram(QStringLiteral(SKEIN_SERVER_BIN));
        // --device-interval 1: skein-cli polls every second, not every five.
        m_server.setArguments({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--data"),
                               serverData(), QStringLiteral("--seed"), QStringLiteral("demo"), QStringLiteral("--auth"),
                               QStringLiteral("oauth"), QStringLiteral("--device-interval"), QStringLiteral("1")});
        m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_server.start();
        QVERIFY(m_server.waitForReadyRead(30000));
        const QString line = QString::fromUtf8(m_server.readLine()).trimmed();
        const auto match = QRegularExpression(QStringLiteral("^listening (http://127\\.0\\.0\\.1:\\d+)/")).match(line);
        QVERIFY2(match.hasMatch(), qPrintable(line));
        m_base = match.captured(1);
    }

    void cleanupTestCase()
    {
        if (m_server.state() == QProcess::NotRunning)
            return;
        m_server.terminate();
        QVERIFY(m_server.waitForFinished(10000));
    }

    void oauthWithoutClientIdIsAUsageError()
    {
        qunsetenv("SKEIN_OAUTH_CLIENT_ID");
        const Run r = run({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--email"), kEmail,
                           QStringLiteral("--oauth"), QStringLiteral("--autodiscover-url"), m_base});
        QCOMPARE(r.exitCode, 64);
        QVERIFY2(r.err.contains("--client-id"), r.err.constData());
    }

    void deviceSignInSyncRevocationAndSigningInAgain()
    {
        // Sign in: Autodiscover, the device code typed on /devicelogin, the first FolderSync.
        Run r = addAccountSigningIn();
        QVERIFY2(m_browserProblems.isEmpty(), qPrintable(m_browserProblems.join(u'\n')));
        QVERIFY2(r.exitCode == 0, r.err.constData() + r.out);
        QVERIFY2(r.err.contains("To sign in, use a web browser to open the page " + m_base.toUtf8() + "/devicelogin"),
                 r.err.constData());
        QVERIFY2(r.out.contains("signed in with OAuth"), r.out.constData());

        // A later command: a fresh process with only the keychain's refresh token.
        r = run({QStringLiteral("sync")});
        QVERIFY2(r.exitCode == 0, r.err.constData() + r.out);
        QVERIFY2(r.out.contains("Inbox: +"), r.out.constData());

        const QString conversation = busiestInboxConversation();
        QVERIFY(!conversation.isEmpty());
        const int unreadBefore = unreadOnServer(conversation);
        QVERIFY(unreadBefore > 0);

        // Revoked by the server's second process: the running server refuses
        // every token of demo from the next request on.
        r = runProgram(QStringLiteral(SKEIN_SERVER_BIN),
                       {QStringLiteral("--data"), serverData(), QStringLiteral("revoke"), QStringLiteral("--user"),
                        QStringLiteral("demo")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("revoked")).toInt() >= 2, r.out.constData());

        r = run({QStringLiteral("sync")});
        QCOMPARE(r.exitCode, 2); // the exit code of a refused password
        QVERIFY2(r.err.contains("Your sign-in to " + kEmail.toUtf8() + " has expired or was revoked"), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);

        // An action made while signed out: applied locally, kept in the
        // journal ("pending", exit 2 as for any refused sign-in), not on the server.
        r = run({QStringLiteral("act"), QStringLiteral("read"), conversation, QStringLiteral("--folder"),
                 QStringLiteral("Inbox")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.out.startsWith("pending: "), r.out.constData());
        QVERIFY2(r.out.contains("has expired or was revoked"), r.out.constData());
        QCOMPARE(unreadOnServer(conversation), unreadBefore);

        // Signing in again keeps the profile and its journal; the next sync sends it.
        r = addAccountSigningIn();
        QVERIFY2(m_browserProblems.isEmpty(), qPrintable(m_browserProblems.join(u'\n')));
        QVERIFY2(r.exitCode == 0, r.err.constData() + r.out);
        r = run({QStringLiteral("sync")});
        QVERIFY2(r.exitCode == 0, r.err.constData() + r.out);
        QCOMPARE(unreadOnServer(conversation), 0);

        // No token the server issued (access or refresh, of either sign-in)
        // is anywhere in the profile folder. skein-cli leaves no WAL behind
        // (SQLite folds it in when the last connection closes) and writes no
        // skein.ini (the desktop app's); tst_oauth_tokens reads a live WAL.
        const QList<QByteArray> tokens = issuedtokens::issuedTokens(serverData());
        QVERIFY2(tokens.size() >= 4, QByteArray::number(tokens.size()).constData());
        QStringList checked;
        const QStringList holding = issuedtokens::filesHolding(profileDir(), tokens, &checked);
        QVERIFY2(holding.isEmpty(), qPrintable(holding.join(u' ')));
        QVERIFY2(checked.contains(QStringLiteral("skein.db")), qPrintable(checked.join(u' ')));
    }
};

QTEST_GUILESS_MAIN(TestCliOAuth)
#include "tst_cli_oauth.moc"
