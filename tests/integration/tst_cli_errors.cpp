// skein-cli's usage errors and a server that never answers, as a script
// sees them: one line "skein-cli: ..." on stderr and the exit code of the
// README's table (64 for every usage error, checked before the profile).
#include "CliRun.h"
#include "Store.h"

#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace skein::test;

namespace {

Run run(const QStringList &args)
{
    return runProgram(QStringLiteral(SKEIN_CLI_BIN), args);
}

} // namespace

class TestCliErrors : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QStringList cli(const QStringList &args) const
    {
        return QStringList{QStringLiteral("--profile"), m_dir.filePath(QStringLiteral("none"))} + args;
    }

private Q_SLOTS:
    void usageErrorsExit64_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("saying");
        QTest::newRow("unknown option") << QStringList{"--frobnicate", "folders"} << QStringList{"frobnicate", "--help"};
        QTest::newRow("option without value") << QStringList{"estimate", "Inbox", "--filter"} << QStringList{"--filter"};
        QTest::newRow("unknown command") << QStringList{"frobnicate"} << QStringList{"frobnicate", "--help"};
        QTest::newRow("no command") << QStringList{} << QStringList{"--help"};
        QTest::newRow("account without add") << QStringList{"account"} << QStringList{"account"};
        QTest::newRow("extra word") << QStringList{"sync", "Inbox"} << QStringList{"Inbox"};
        QTest::newRow("filter not a number") << QStringList{"estimate", "Inbox", "--filter", "abc"}
                                             << QStringList{"'abc'", "0 (all)", "1, 3, 7, 14"};
        QTest::newRow("negative filter") << QStringList{"estimate", "Inbox", "--filter", "-3"} << QStringList{"'-3'"};
        QTest::newRow("estimate without folder") << QStringList{"estimate"} << QStringList{"FOLDER"};
        QTest::newRow("conversations without folder") << QStringList{"conversations"} << QStringList{"FOLDER"};
        QTest::newRow("show without message") << QStringList{"show"} << QStringList{"SERVERID"};
        QTest::newRow("show with a bad id") << QStringList{"show", "--id", "x"} << QStringList{"'x'"};
        QTest::newRow("act without folder") << QStringList{"act", "read", "00ff"} << QStringList{"--folder"};
        QTest::newRow("find without id") << QStringList{"find"} << QStringList{"CONVERSATION_ID"};
        QTest::newRow("timeout not a number") << QStringList{"--timeout", "soon", "sync"} << QStringList{"'soon'", "seconds"};
        QTest::newRow("timeout zero") << QStringList{"--timeout", "0", "sync"} << QStringList{"'0'"};
    }

    void usageErrorsExit64()
    {
        QFETCH(QStringList, args);
        QFETCH(QStringList, saying);
        const Run r = run(cli(args));
        QCOMPARE(r.exitCode, 64);
        const QList<QByteArray> said = lines(r.err);
        QCOMPARE(said.size(), 1);
        QVERIFY2(said.first().startsWith("skein-cli: "), r.err.constData());
        for (const QString &words : saying)
            QVERIFY2(r.err.contains(words.toUtf8()), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    // What `skein-cli --version` prints: one line, the project's version, exit 0.
    void versionPrintsTheVersion()
    {
        const Run r = run({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("skein-cli " SKEIN_VERSION "\n"));
        QVERIFY(r.err.isEmpty());
    }

    // A server that takes the connection and never answers: skein-cli ends
    // after --timeout with one sentence of its own, for a new account and
    // for a sync of an existing one.
    void silentServerTimesOut_data()
    {
        QTest::addColumn<bool>("existingAccount");
        QTest::newRow("account add") << false;
        QTest::newRow("sync") << true;
    }

    void silentServerTimesOut()
    {
        QFETCH(bool, existingAccount);
        QTcpServer silent; // the kernel accepts; nothing ever reads or answers
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        const QString url = QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort());
        const QString profile = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()));
        QStringList args{QStringLiteral("--profile"), profile, QStringLiteral("--timeout"), QStringLiteral("2")};
        if (existingAccount) {
            QVERIFY(QDir().mkpath(profile));
            skein::Store store;
            QVERIFY(store.open(profile + QStringLiteral("/skein.db")));
            skein::AccountSettings account;
            account.url = url;
            account.user = QStringLiteral("demo");
            account.deviceId = QStringLiteral("DEV1");
            account.protocolVersion = QStringLiteral("16.1");
            QVERIFY(store.accountStore().saveAccount(account));
            args << QStringLiteral("sync");
        } else {
            args << QStringLiteral("account") << QStringLiteral("add") << QStringLiteral("--url") << url
                 << QStringLiteral("--user") << QStringLiteral("demo") << QStringLiteral("--no-save");
        }

        const Run r = run(args);
        QCOMPARE(r.exitCode, 3);
        QList<QByteArray> said = lines(r.err);
        // Qt's "QIODevice::read (QNetworkReplyHttpImpl): device not open" comes
        // from the network transport, not from skein-cli.
        const qsizetype transportLines = said.removeIf([](const QByteArray &line) { return line.contains("QIODevice::read"); });
        if (transportLines)
            qInfo("the transport still printed %d QIODevice::read line(s)", int(transportLines));
        QCOMPARE(said.size(), 1);
        QCOMPARE(said.first(), QByteArray("skein-cli: the server did not answer within 2 seconds (--timeout)"));
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliErrors)
#include "tst_cli_errors.moc"
