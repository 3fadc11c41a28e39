// skein-cli act / find / estimate end to end: separate skein-server and
// skein-cli processes over loopback, as a script would use them.
#include "CliRun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace skein::test;

namespace {

Run run(const QStringList &args)
{
    return runProgram(QStringLiteral(SKEIN_CLI_BIN), args);
}

} // namespace

class TestCliActions : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_server;
    QString m_conversation; // hex id of an Inbox conversation with several messages

    QStringList cli(const QStringList &args) const
    {
        return QStringList{QStringLiteral("--profile"), m_dir.filePath(QStringLiteral("profile"))} + args;
    }

    QJsonArray inboxConversations() const
    {
        const Run r = run(cli({QStringLiteral("conversations"), QStringLiteral("Inbox"), QStringLiteral("--json")}));
        return QJsonDocument::fromJson(r.out).array();
    }

    QJsonObject conversation(const QString &hex) const
    {
        for (const QJsonValue &c : inboxConversations())
            if (c[QStringLiteral("conversationId")].toString() == hex)
                return c.toObject();
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server.setProgram(QStringLiteral(SKEIN_SERVER_BIN));
        m_server.setArguments({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--data"),
                               m_dir.filePath(QStringLiteral("server")), QStringLiteral("--seed"), QStringLiteral("demo")});
        m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_server.start();
        QVERIFY(m_server.waitForReadyRead(30000));
        const QString line = QString::fromUtf8(m_server.readLine()).trimmed();
        const auto match = QRegularExpression(QStringLiteral("^listening (http://127\\.0\\.0\\.1:\\d+)/")).match(line);
        QVERIFY2(match.hasMatch(), qPrintable(line));
        Run r = run(cli({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--url"), match.captured(1),
                         QStringLiteral("--user"), QStringLiteral("demo"), QStringLiteral("--no-save")}));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = run(cli({QStringLiteral("sync")}));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        int most = 0;
        for (const QJsonValue &c : inboxConversations()) {
            if (c[QStringLiteral("messageCount")].toInt() > most) {
                most = c[QStringLiteral("messageCount")].toInt();
                m_conversation = c[QStringLiteral("conversationId")].toString();
            }
        }
        QVERIFY(most >= 3);
    }

    void cleanupTestCase()
    {
        m_server.terminate();
        QVERIFY(m_server.waitForFinished(10000));
    }

    void readAndFlagAreDone()
    {
        Run r = run(cli({QStringLiteral("act"), QStringLiteral("read"), m_conversation, QStringLiteral("--folder"),
                         QStringLiteral("Inbox")}));
        QVERIFY2(r.exitCode == 0, r.err.constData() + r.out);
        QCOMPARE(r.out.trimmed(), QByteArray("done"));
        QCOMPARE(conversation(m_conversation)[QStringLiteral("unreadCount")].toInt(), 0);

        r = run(cli({QStringLiteral("act"), QStringLiteral("flag"), m_conversation, QStringLiteral("--folder"),
                     QStringLiteral("Inbox")}));
        QCOMPARE(r.out.trimmed(), QByteArray("done"));
        QVERIFY(conversation(m_conversation)[QStringLiteral("flagged")].toBool());
    }

    void alwaysMoveToOutboxIsRefusedBeforeSending()
    {
        const Run r = run(cli({QStringLiteral("act"), QStringLiteral("always-move"), m_conversation, QStringLiteral("--folder"),
                               QStringLiteral("Inbox"), QStringLiteral("--to"), QStringLiteral("Outbox")}));
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out.trimmed(), QByteArray("refused: Outbox and Drafts cannot receive an always-move rule."));
    }

    void badUsageSaysHow()
    {
        const Run r = run(cli({QStringLiteral("act"), QStringLiteral("move"), m_conversation, QStringLiteral("--folder"),
                               QStringLiteral("Inbox")}));
        QCOMPARE(r.exitCode, 64);
        QVERIFY(r.err.contains("--to"));
    }

    void estimateTakesDays()
    {
        const Run r = run(cli({QStringLiteral("estimate"), QStringLiteral("Inbox"), QStringLiteral("--filter"), QStringLiteral("7")}));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        bool ok = false;
        QVERIFY(r.out.trimmed().toInt(&ok) >= 0 && ok);
    }

    // A search without a result is an answer, not an error.
    void findWithoutAMatchSaysSo()
    {
        const QString unknown = QStringLiteral("00112233445566778899aabbccddeeff");
        Run r = run(cli({QStringLiteral("find"), unknown}));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, QByteArray("no messages\n"));
        QVERIFY(r.err.isEmpty());

        r = run(cli({QStringLiteral("find"), unknown, QStringLiteral("--json")}));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject found = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(found[QStringLiteral("source")].toString(), QStringLiteral("server"));
        QVERIFY(found[QStringLiteral("messages")].isArray());
        QVERIFY(found[QStringLiteral("messages")].toArray().isEmpty());
    }

    void ignoreThenFindShowsDeletedItems()
    {
        Run r = run(cli({QStringLiteral("act"), QStringLiteral("ignore"), m_conversation, QStringLiteral("--folder"),
                         QStringLiteral("Inbox")}));
        QVERIFY2(r.exitCode == 0, r.err.constData() + r.out);
        QCOMPARE(r.out.trimmed(), QByteArray("done"));
        QVERIFY(conversation(m_conversation).isEmpty()); // gone from the Inbox

        r = run(cli({QStringLiteral("find"), m_conversation, QStringLiteral("--json")}));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject found = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(found[QStringLiteral("source")].toString(), QStringLiteral("server"));
        const QJsonArray messages = found[QStringLiteral("messages")].toArray();
        QVERIFY(messages.size() >= 3);
        for (const QJsonValue &m : messages) {
            const QString folder = m[QStringLiteral("folder")].toString();
            QVERIFY2(folder == QLatin1String("Deleted Items") || folder == QLatin1String("Sent Items"), qPrintable(folder));
            QVERIFY(!m[QStringLiteral("serverId")].toString().isEmpty());
        }

        r = run(cli({QStringLiteral("find"), m_conversation}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Deleted Items\t"));
    }
};

QTEST_GUILESS_MAIN(TestCliActions)
#include "tst_cli_actions.moc"
