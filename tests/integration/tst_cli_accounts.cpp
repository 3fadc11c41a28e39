// Several accounts in one profile through skein-cli: demo (the default, as
// every older profile has it) and alice (--account alice) on one reference
// server, each with its own store and sync state; what one account does
// reaches its own mailbox only; bad and unknown names are clear errors.
#include "CliRun.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace skein::test;

class TestCliAccounts : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_server;
    QString m_url;

    QString serverData() const { return m_dir.filePath(QStringLiteral("server")); }
    QString profile() const { return m_dir.filePath(QStringLiteral("profile")); }

    Run cli(const QStringList &args, const QByteArray &password = "demo") const
    {
        return runProgram(QStringLiteral(SKEIN_CLI_BIN), QStringList{QStringLiteral("--profile"), profile()} + args, password);
    }

    QList<QJsonObject> mailbox(const QString &user) const
    {
        const Run r = runProgram(QStringLiteral(SKEIN_SERVER_BIN),
                                 {QStringLiteral("--data"), serverData(), QStringLiteral("dump"), QStringLiteral("--json")});
        QList<QJsonObject> out;
        for (const QJsonValue &u : QJsonDocument::fromJson(r.out)[QStringLiteral("users")].toArray())
            if (u[QStringLiteral("name")].toString() == user)
                for (const QJsonValue &m : u[QStringLiteral("messages")].toArray())
                    out.append(m.toObject());
        return out;
    }

    int count(const QString &user, const QString &folder, const QString &subject) const
    {
        int n = 0;
        for (const QJsonObject &m : mailbox(user))
            n += m[QStringLiteral("folder")].toString() == folder && m[QStringLiteral("subject")].toString() == subject;
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server.setProgram(QStringLiteral(SKEIN_SERVER_BIN));
        m_server.setArguments({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--data"), serverData(),
                               QStringLiteral("--seed"), QStringLiteral("demo"), QStringLiteral("--users"), QStringLiteral("alice:alice")});
        m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_server.start();
        QVERIFY(m_server.waitForReadyRead(30000));
        const auto match = QRegularExpression(QStringLiteral("^listening (http://[^/]+)/")).match(QString::fromUtf8(m_server.readLine()));
        QVERIFY(match.hasMatch());
        m_url = match.captured(1);
    }

    void cleanupTestCase()
    {
        m_server.terminate();
        m_server.waitForFinished(10000);
    }

    void twoAccountsEachWithItsOwnStore()
    {
        Run r = cli({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--url"), m_url, QStringLiteral("--user"),
                     QStringLiteral("demo"), QStringLiteral("--no-save")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = cli({QStringLiteral("--account"), QStringLiteral("alice"), QStringLiteral("account"), QStringLiteral("add"),
                 QStringLiteral("--url"), m_url, QStringLiteral("--user"), QStringLiteral("alice"), QStringLiteral("--no-save")},
                "alice");
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(QFile::exists(profile() + QStringLiteral("/skein.db")));
        QVERIFY(QFile::exists(profile() + QStringLiteral("/accounts/alice/skein.db")));
        QVERIFY2(cli({QStringLiteral("sync")}).exitCode == 0, "demo's sync");
        QVERIFY2(cli({QStringLiteral("--account"), QStringLiteral("alice"), QStringLiteral("sync")}, "alice").exitCode == 0, "alice's sync");

        r = cli({QStringLiteral("accounts"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray list = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0)[QStringLiteral("name")].toString(), QString());
        QCOMPARE(list.at(0)[QStringLiteral("user")].toString(), QStringLiteral("demo"));
        QCOMPARE(list.at(1)[QStringLiteral("name")].toString(), QStringLiteral("alice"));
        QCOMPARE(list.at(1)[QStringLiteral("user")].toString(), QStringLiteral("alice"));

        // The demo mailbox is demo's alone: alice's Inbox is empty.
        const QByteArray demoFolders = cli({QStringLiteral("folders")}).out;
        const QByteArray aliceFolders = cli({QStringLiteral("--account"), QStringLiteral("alice"), QStringLiteral("folders")}, "alice").out;
        QVERIFY(demoFolders.contains("Projects"));
        QVERIFY(!aliceFolders.contains("Projects"));
    }

    void whatAnAccountSendsGoesFromItsMailbox()
    {
        const QString body = m_dir.filePath(QStringLiteral("body.txt"));
        QFile f(body);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("From alice's account.\n");
        f.close();
        const Run r = cli({QStringLiteral("--account"), QStringLiteral("alice"), QStringLiteral("send"), QStringLiteral("--to"),
                           QStringLiteral("demo@skein.test"), QStringLiteral("--subject"), QStringLiteral("Hello from alice"),
                           QStringLiteral("--body-file"), body},
                          "alice");
        QVERIFY2(r.exitCode == 0, r.err.constData() + r.out);
        QCOMPARE(count(QStringLiteral("alice"), QStringLiteral("Sent Items"), QStringLiteral("Hello from alice")), 1);
        QCOMPARE(count(QStringLiteral("demo"), QStringLiteral("Inbox"), QStringLiteral("Hello from alice")), 1);
        QCOMPARE(count(QStringLiteral("demo"), QStringLiteral("Sent Items"), QStringLiteral("Hello from alice")), 0);
        // demo's store has it after demo's own sync, not before.
        QVERIFY(!cli({QStringLiteral("conversations"), QStringLiteral("Inbox")}).out.contains("Hello from alice"));
        QVERIFY(cli({QStringLiteral("sync")}).exitCode == 0);
        QVERIFY(cli({QStringLiteral("conversations"), QStringLiteral("Inbox")}).out.contains("Hello from alice"));
    }

    // The address skein-server prints, pasted as it is, is a working
    // account; a wrong path says which URL was tried and the usual paths.
    void theAddressTheServerPrintsIsAccepted()
    {
        const QString printed = m_url + QStringLiteral("/Microsoft-Server-ActiveSync");
        Run r = cli({QStringLiteral("--account"), QStringLiteral("pasted"), QStringLiteral("account"), QStringLiteral("add"),
                     QStringLiteral("--url"), printed, QStringLiteral("--user"), QStringLiteral("demo"),
                     QStringLiteral("--no-save")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains(printed.toUtf8() + " added"), r.out.constData());
        QVERIFY2(cli({QStringLiteral("--account"), QStringLiteral("pasted"), QStringLiteral("sync")}).exitCode == 0,
                 "the pasted account's sync");

        r = cli({QStringLiteral("--account"), QStringLiteral("wrongpath"), QStringLiteral("account"), QStringLiteral("add"),
                 QStringLiteral("--url"), m_url + QStringLiteral("/eas"), QStringLiteral("--path"), QStringLiteral("/nope"),
                 QStringLiteral("--user"), QStringLiteral("demo"), QStringLiteral("--no-save")});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains("no ActiveSync endpoint at " + m_url.toUtf8() + "/eas/nope"), r.err.constData());
        QVERIFY2(r.err.contains("/Microsoft-Server-ActiveSync"), r.err.constData());
    }

    void badAndUnknownNamesAreClearErrors()
    {
        Run r = cli({QStringLiteral("--account"), QStringLiteral("../elsewhere"), QStringLiteral("folders")});
        QCOMPARE(r.exitCode, 64);
        QVERIFY2(r.err.contains("--account needs a name"), r.err.constData());
        r = cli({QStringLiteral("--account"), QStringLiteral("nobody"), QStringLiteral("folders")});
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains("no account 'nobody'"), r.err.constData());
        QVERIFY(!QFile::exists(profile() + QStringLiteral("/accounts/nobody"))); // a typo makes no folder
    }
};

QTEST_GUILESS_MAIN(TestCliAccounts)
#include "tst_cli_accounts.moc"
