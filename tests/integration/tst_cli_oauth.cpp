// skein-cli with an OAuth account, end to end over loopback: Autodiscover
// (--autodiscover-url), the device code flow, the refresh token kept in the
// keychain only, later commands refreshing with it, and a revoked sign-in
// exiting 2 with its sentence. The reference server of this branch speaks
// Basic only, so a small front in this test plays identity provider and
// Autodiscover and passes EAS requests that carry a valid bearer token on
// to skein-server with Basic credentials. Needs a Secret Service (scripts/test
// starts gnome-keyring); skipped without a D-Bus session.
#include "CliRun.h"
#include "NetworkTransport.h"

#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrlQuery>

#include <atomic>
#include <mutex>

using namespace skein::test;

namespace {

// Identity provider, Autodiscover and EAS front on a thread of its own (the
// test's thread blocks while skein-cli runs).
class FakeFront : public QObject
{
public:
    QString easBase;              // the real server, http://127.0.0.1:PORT
    std::atomic<bool> revoked = false;
    std::atomic<int> polls = 0;
    std::atomic<int> refreshes = 0;

    quint16 start()
    {
        m_thread.start();
        moveToThread(&m_thread);
        quint16 port = 0;
        QMetaObject::invokeMethod(this, [this, &port] {
            m_server = new QTcpServer(this);
            m_server->listen(QHostAddress::LocalHost, 0);
            port = m_server->serverPort();
            connect(m_server, &QTcpServer::newConnection, this, [this] {
                while (QTcpSocket *s = m_server->nextPendingConnection())
                    connect(s, &QTcpSocket::readyRead, this, [this, s] { read(s); });
            });
            m_transport = std::make_unique<skein::eas::NetworkTransport>();
        }, Qt::BlockingQueuedConnection);
        m_base = QStringLiteral("http://127.0.0.1:%1").arg(port);
        return port;
    }
    void stop()
    {
        QMetaObject::invokeMethod(this, [this] {
            m_transport.reset();
            delete m_server;
            moveToThread(QCoreApplication::instance()->thread());
        }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    QString base() const { return m_base; }

private:
    struct Reply {
        int status = 200;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
    };

    static Reply json(int status, const QJsonObject &object)
    {
        return {status, {{"Content-Type", "application/json"}}, QJsonDocument(object).toJson(QJsonDocument::Compact)};
    }
    static Reply oauthError(const char *error)
    {
        return json(400, {{QStringLiteral("error"), QLatin1String(error)},
                          {QStringLiteral("error_description"), QStringLiteral("AADSTS: test")}});
    }
    Reply tokens()
    {
        const int n = ++m_issued;
        m_access = QStringLiteral("at-SECRET-%1").arg(n);
        return json(200, {{QStringLiteral("token_type"), QStringLiteral("Bearer")},
                          {QStringLiteral("expires_in"), 3600},
                          {QStringLiteral("access_token"), m_access},
                          {QStringLiteral("refresh_token"), QStringLiteral("rt-SECRET-%1").arg(n)}});
    }

    void read(QTcpSocket *socket)
    {
        QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            socket->setProperty("buffer", buffer);
            return;
        }
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        QHash<QByteArray, QByteArray> headers;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0)
                headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
        }
        const qsizetype length = headers.value("content-length").toLongLong();
        if (buffer.size() < end + 4 + length) {
            socket->setProperty("buffer", buffer);
            return;
        }
        socket->setProperty("buffer", QByteArray());
        const QList<QByteArray> requestLine = lines.at(0).trimmed().split(' ');
        const Reply reply = answer(requestLine.value(0), QUrl(QString::fromLatin1(requestLine.value(1))), headers,
                                   buffer.mid(end + 4, length));
        QByteArray out = "HTTP/1.1 " + QByteArray::number(reply.status) + " X\r\n";
        for (const auto &[name, value] : reply.headers)
            if (name.toLower() != "content-length" && name.toLower() != "transfer-encoding" && name.toLower() != "connection")
                out += name + ": " + value + "\r\n";
        out += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n\r\n" + reply.body;
        socket->write(out);
    }

    Reply answer(const QByteArray &method, const QUrl &url, const QHash<QByteArray, QByteArray> &headers,
                 const QByteArray &body)
    {
        const QString path = url.path();
        const QUrlQuery form(QString::fromLatin1(body));
        if (path.startsWith(QLatin1String("/autodiscover/autodiscover.json/v1.0/")))
            return json(200, {{QStringLiteral("Protocol"), QStringLiteral("ActiveSync")},
                              {QStringLiteral("Url"), m_base + QStringLiteral("/Microsoft-Server-ActiveSync")}});
        if (path == QLatin1String("/common/oauth2/v2.0/devicecode"))
            return json(200, {{QStringLiteral("device_code"), QStringLiteral("dev-1")},
                              {QStringLiteral("user_code"), QStringLiteral("WXYZ-1234")},
                              {QStringLiteral("verification_uri"), m_base + QStringLiteral("/devicelogin")},
                              {QStringLiteral("expires_in"), 60},
                              {QStringLiteral("interval"), 1}});
        if (path == QLatin1String("/common/oauth2/v2.0/token")) {
            const QString grant = form.queryItemValue(QStringLiteral("grant_type"), QUrl::FullyDecoded);
            if (grant.endsWith(QLatin1String("device_code")))
                return ++polls < 2 ? oauthError("authorization_pending") : tokens();
            if (grant == QLatin1String("refresh_token")) {
                ++refreshes;
                return revoked ? oauthError("invalid_grant") : tokens();
            }
            return oauthError("unsupported_grant_type");
        }
        if (path.startsWith(QLatin1String("/Microsoft-Server-ActiveSync"))) {
            if (headers.value("authorization") != "Bearer " + m_access.toUtf8() || m_access.isEmpty())
                return {401, {{"WWW-Authenticate", "Bearer authorization_uri=\"" + m_base.toUtf8()
                                   + "/common/oauth2/v2.0/authorize\", error=\"invalid_token\""}}, {}};
            // On to the real server, as user demo with a password.
            QUrl target(easBase + path);
            QUrlQuery query(url);
            if (query.hasQueryItem(QStringLiteral("User"))) {
                query.removeAllQueryItems(QStringLiteral("User"));
                query.addQueryItem(QStringLiteral("User"), QStringLiteral("demo"));
            }
            target.setQuery(query);
            skein::eas::HttpRequest forward;
            forward.method = method;
            forward.url = target;
            forward.body = body;
            for (auto it = headers.cbegin(); it != headers.cend(); ++it)
                if (it.key() != "authorization" && it.key() != "host" && it.key() != "content-length")
                    forward.headers.append({it.key(), it.value()});
            forward.headers.append({"Authorization", "Basic " + QByteArray("demo:demo").toBase64()});
            const skein::eas::HttpResponse response = m_transport->send(forward);
            return {response.status ? response.status : 502, response.headers, response.body};
        }
        return {404, {}, {}};
    }

    QThread m_thread;
    QTcpServer *m_server = nullptr;
    std::unique_ptr<skein::eas::NetworkTransport> m_transport;
    QString m_base;
    QString m_access;
    int m_issued = 0;
};

} // namespace

class TestCliOAuth : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QProcess m_server;
    FakeFront m_front;

    QStringList cli(const QStringList &args) const
    {
        return QStringList{QStringLiteral("--profile"), m_dir.filePath(QStringLiteral("profile"))} + args;
    }
    Run run(const QStringList &args) const
    {
        return runProgram(QStringLiteral(SKEIN_CLI_BIN), cli(args), QByteArray(), 60000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("no D-Bus session: run under scripts/test (gnome-keyring)");
        m_server.setProgram(QStringLiteral(SKEIN_SERVER_BIN));
        m_server.setArguments({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--data"),
                               m_dir.filePath(QStringLiteral("server")), QStringLiteral("--seed"), QStringLiteral("demo")});
        m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_server.start();
        QVERIFY(m_server.waitForReadyRead(30000));
        const QString line = QString::fromUtf8(m_server.readLine()).trimmed();
        const auto match = QRegularExpression(QStringLiteral("^listening (http://127\\.0\\.0\\.1:\\d+)/")).match(line);
        QVERIFY2(match.hasMatch(), qPrintable(line));
        m_front.easBase = match.captured(1);
        QVERIFY(m_front.start());
    }

    void cleanupTestCase()
    {
        if (m_server.state() == QProcess::NotRunning)
            return;
        m_front.stop();
        m_server.terminate();
        QVERIFY(m_server.waitForFinished(10000));
    }

    void oauthWithoutClientIdIsAUsageError()
    {
        qunsetenv("SKEIN_OAUTH_CLIENT_ID");
        const Run r = run({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--email"),
                           QStringLiteral("demo@example.com"), QStringLiteral("--oauth"),
                           QStringLiteral("--autodiscover-url"), m_front.base()});
        QCOMPARE(r.exitCode, 64);
        QVERIFY2(r.err.contains("--client-id"), r.err.constData());
    }

    void signInSyncAndRevocation()
    {
        Run r = run({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--email"),
                     QStringLiteral("demo@example.com"), QStringLiteral("--oauth"), QStringLiteral("--autodiscover-url"),
                     m_front.base(), QStringLiteral("--client-id"), QStringLiteral("test-client")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("To sign in, open " + m_front.base().toUtf8() + "/devicelogin and enter the code WXYZ-1234"),
                 r.err.constData());
        QVERIFY2(r.out.contains("signed in with OAuth"), r.out.constData());
        QVERIFY(m_front.polls >= 2); // authorization_pending, then the tokens

        // A later command: a fresh process, only the keychain's refresh token.
        r = run({QStringLiteral("sync")});
        QVERIFY2(r.exitCode == 0, r.err.constData() + r.out);
        QVERIFY(r.out.contains("Inbox: +"));
        QCOMPARE(m_front.refreshes.load(), 1);

        // Neither token is anywhere in the profile (database, -wal, settings).
        QDirIterator files(m_dir.filePath(QStringLiteral("profile")), QDir::Files, QDirIterator::Subdirectories);
        int checked = 0;
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray content = file.readAll();
            QVERIFY2(!content.contains("SECRET"), qPrintable(file.fileName()));
            ++checked;
        }
        QVERIFY(checked >= 1);

        m_front.revoked = true;
        r = run({QStringLiteral("sync")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("Your sign-in to demo@example.com has expired or was revoked"), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
    }
};

QTEST_GUILESS_MAIN(TestCliOAuth)
#include "tst_cli_oauth.moc"
