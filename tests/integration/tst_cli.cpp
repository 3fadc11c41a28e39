// skein-cli and skein-server as a user runs them: separate processes over
// loopback, exit codes and one-line reasons, and the JSON a script reads.
#include "CliRun.h"
#include "PrivateFiles.h"
#include "Store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace skein::test;

namespace {

int countNodes(const QJsonArray &nodes)
{
    int n = 0;
    for (const QJsonValue &node : nodes)
        n += 1 + countNodes(node[QStringLiteral("children")].toArray());
    return n;
}

int maxDepth(const QJsonArray &nodes, int depth = 0)
{
    int deepest = nodes.isEmpty() ? depth - 1 : depth;
    for (const QJsonValue &node : nodes)
        deepest = std::max(deepest, maxDepth(node[QStringLiteral("children")].toArray(), depth + 1));
    return deepest;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_server;
    QString m_url;
    mode_t m_umask = 0;

    QStringList cli(const QStringList &args) const
    {
        return QStringList{QStringLiteral("--profile"), m_dir.filePath(QStringLiteral("profile"))} + args;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The usual desktop umask (skein-cli inherits it), under which files
        // are readable by everyone.
        m_umask = ::umask(022);
        m_server.setProgram(QStringLiteral(SKEIN_SERVER_BIN));
        m_server.setArguments({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--data"),
                               m_dir.filePath(QStringLiteral("server")), QStringLiteral("--seed"), QStringLiteral("demo")});
        m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_server.start();
        QVERIFY(m_server.waitForReadyRead(30000));
        const QString line = QString::fromUtf8(m_server.readLine()).trimmed();
        const auto match = QRegularExpression(QStringLiteral("^listening (http://127\\.0\\.0\\.1:\\d+)/Microsoft-Server-ActiveSync$")).match(line);
        QVERIFY2(match.hasMatch(), qPrintable(line));
        m_url = match.captured(1);
    }

    void cleanupTestCase()
    {
        m_server.terminate();
        QVERIFY(m_server.waitForFinished(10000));
        QCOMPARE(m_server.exitCode(), 0);
        ::umask(m_umask);
    }

    void wrongPasswordFailsWithReason()
    {
        const Run r = runProgram(QStringLiteral(SKEIN_CLI_BIN),
                          cli({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--url"), m_url,
                               QStringLiteral("--user"), QStringLiteral("demo"), QStringLiteral("--no-save")}), "nope");
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains("password"), r.err.constData());
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("profile/skein.db")))); // no half-made account
    }

    void unreachableServerFailsWithReason()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const QString url = QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort());
        closed.close();
        const Run r = runProgram(QStringLiteral(SKEIN_CLI_BIN),
                          QStringList{QStringLiteral("--profile"), m_dir.filePath(QStringLiteral("other")),
                                      QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--url"), url,
                                      QStringLiteral("--user"), QStringLiteral("demo"), QStringLiteral("--no-save")});
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains("reach"), r.err.constData());
    }

    void addSyncAndListConversations()
    {
        Run r = runProgram(QStringLiteral(SKEIN_CLI_BIN),
                    cli({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--url"), m_url,
                         QStringLiteral("--user"), QStringLiteral("demo"), QStringLiteral("--no-save")}));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("16.1"), r.out.constData());

        r = runProgram(QStringLiteral(SKEIN_CLI_BIN), cli({QStringLiteral("sync")}));
        QVERIFY2(r.exitCode == 0, r.err.constData() + r.out);
        QVERIFY(r.out.contains("Inbox: +"));

        r = runProgram(QStringLiteral(SKEIN_CLI_BIN), cli({QStringLiteral("conversations"), QStringLiteral("Inbox"), QStringLiteral("--json")}));
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error;
        const QJsonArray conversations = QJsonDocument::fromJson(r.out, &error).array();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QVERIFY(conversations.size() >= 15);

        bool spansFolders = false;
        int deepest = 0;
        for (const QJsonValue &c : conversations) {
            const QJsonObject o = c.toObject();
            QCOMPARE(o[QStringLiteral("conversationId")].toString().size(), 32); // 16 bytes in hex
            QCOMPARE(o[QStringLiteral("conversationInferred")].toBool(true), false); // the server's id
            QCOMPARE(o[QStringLiteral("treeBasis")].toString(), QStringLiteral("conversation-index"));
            const QJsonArray roots = o[QStringLiteral("messages")].toArray();
            QCOMPARE(countNodes(roots), o[QStringLiteral("messageCount")].toInt());
            deepest = std::max(deepest, maxDepth(roots));
            spansFolders |= QJsonDocument(roots).toJson().contains("\"folder\": \"Sent Items\"");
            QVERIFY(QDateTime::fromString(o[QStringLiteral("latest")].toString(), Qt::ISODateWithMs).isValid());
        }
        QVERIFY(spansFolders); // your replies from Sent Items sit in the Inbox conversations
        QVERIFY(deepest >= 5);
    }

    // Mail and account are the user's alone: the profile folder 0700 and
    // every file 0600; an older profile is tightened when skein-cli opens it.
    void profileIsPrivate()
    {
        const QString profile = m_dir.filePath(QStringLiteral("profile"));
        QVERIFY(QFile::exists(profile + QStringLiteral("/skein.db")));
        SKEIN_VERIFY_PRIVATE(profile);

        for (const QString &file : QDir(profile).entryList(QDir::Files))
            QVERIFY(QFile::setPermissions(profile + QLatin1Char('/') + file, QFile::ReadOwner | QFile::WriteOwner
                                              | QFile::ReadGroup | QFile::ReadOther));
        QVERIFY(QFile::setPermissions(profile, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                          | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther));
        QCOMPARE(skein::test::fileMode(profile), 0755);
        const Run r = runProgram(QStringLiteral(SKEIN_CLI_BIN), cli({QStringLiteral("folders")}));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        SKEIN_VERIFY_PRIVATE(profile);
    }

    void badFolderNameFailsWithReason()
    {
        const Run r = runProgram(QStringLiteral(SKEIN_CLI_BIN), cli({QStringLiteral("conversations"), QStringLiteral("Nowhere")}));
        QCOMPARE(r.exitCode, 4);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(r.err.contains("Nowhere"));
    }

    void showPrintsAMessage()
    {
        const Run list = runProgram(QStringLiteral(SKEIN_CLI_BIN), cli({QStringLiteral("conversations"), QStringLiteral("Inbox"), QStringLiteral("--json")}));
        const QString serverId = QJsonDocument::fromJson(list.out).array().first()[QStringLiteral("messages")][0][QStringLiteral("serverId")].toString();
        const Run r = runProgram(QStringLiteral(SKEIN_CLI_BIN), cli({QStringLiteral("show"), serverId}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Subject: "));
        QVERIFY(r.out.contains("ConversationIndex: "));
    }

    // ServerIds are unique per folder only (SOGo: IMAP UIDs). With the same
    // ServerId in Inbox and Sent Items, a bare `show ID` names both folders
    // and fails; the folder or the local id picks one.
    void showWithARepeatedServerIdNeedsTheFolder()
    {
        const Run list = runProgram(QStringLiteral(SKEIN_CLI_BIN), cli({QStringLiteral("conversations"), QStringLiteral("Inbox"), QStringLiteral("--json")}));
        const QJsonObject first = QJsonDocument::fromJson(list.out).array().first()[QStringLiteral("messages")][0].toObject();
        const QString serverId = first[QStringLiteral("serverId")].toString();
        const QString inboxRowId = QString::number(first[QStringLiteral("id")].toInteger());
        QVERIFY(!serverId.isEmpty());
        QVERIFY(inboxRowId != QLatin1String("0"));
        {
            // The same ServerId arrives in Sent Items, as a Sync from SOGo could bring it.
            skein::Store store;
            QVERIFY(store.open(m_dir.filePath(QStringLiteral("profile/skein.db"))));
            const std::optional<skein::Folder> sent = store.folderStore().folderOfType(skein::FolderType::SentItems);
            QVERIFY(sent);
            QVERIFY(!store.messageStore().message(sent->serverId, serverId));
            skein::Message copy;
            copy.serverId = serverId;
            copy.subject = QStringLiteral("The Sent Items namesake");
            copy.from = QStringLiteral("demo@example.com");
            copy.dateReceived = QDateTime::currentDateTimeUtc();
            skein::SyncBatch batch;
            batch.folderId = sent->serverId;
            batch.newSyncKey = store.folderStore().syncKey(sent->serverId);
            batch.adds = {copy};
            QVERIFY2(store.syncApplier().applySyncBatch(batch), qPrintable(store.lastError()));
        }

        Run r = runProgram(QStringLiteral(SKEIN_CLI_BIN), cli({QStringLiteral("show"), serverId}));
        QCOMPARE(r.exitCode, 64);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains("'Inbox'") && r.err.contains("'Sent Items'"), r.err.constData());
        QVERIFY2(r.err.contains("show --id " + inboxRowId.toUtf8()), r.err.constData());
        QVERIFY(r.out.isEmpty());

        r = runProgram(QStringLiteral(SKEIN_CLI_BIN), cli({QStringLiteral("show"), QStringLiteral("Sent Items"), serverId}));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("Folder: Sent Items\n"), r.out.constData());
        QVERIFY(r.out.contains("Subject: The Sent Items namesake\n"));

        r = runProgram(QStringLiteral(SKEIN_CLI_BIN), cli({QStringLiteral("show"), QStringLiteral("Inbox"), serverId}));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("Folder: Inbox\n"));
        QVERIFY(!r.out.contains("namesake"));

        r = runProgram(QStringLiteral(SKEIN_CLI_BIN), cli({QStringLiteral("show"), QStringLiteral("--id"), inboxRowId}));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("Folder: Inbox\n"));

        r = runProgram(QStringLiteral(SKEIN_CLI_BIN), cli({QStringLiteral("show"), QStringLiteral("--id"), QStringLiteral("x")}));
        QCOMPARE(r.exitCode, 64);
        r = runProgram(QStringLiteral(SKEIN_CLI_BIN), cli({QStringLiteral("show"), QStringLiteral("--id"), QStringLiteral("99999999")}));
        QCOMPARE(r.exitCode, 4);
        QVERIFY(r.err.contains("99999999"));
        r = runProgram(QStringLiteral(SKEIN_CLI_BIN), cli({QStringLiteral("show"), QStringLiteral("Inbox"), QStringLiteral("no-such-id")}));
        QCOMPARE(r.exitCode, 4);
        QVERIFY(r.err.contains("no-such-id"));
    }

    void passwordIsKeptInTheKeychainOnly()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("no D-Bus session with a Secret Service (scripts/test provides one)");
        const QString profile = m_dir.filePath(QStringLiteral("keychain"));
        Run r = runProgram(QStringLiteral(SKEIN_CLI_BIN),
                    {QStringLiteral("--profile"), profile, QStringLiteral("account"), QStringLiteral("add"),
                     QStringLiteral("--url"), m_url, QStringLiteral("--user"), QStringLiteral("demo")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(!r.err.contains("warning"), r.err.constData());
        r = runProgram(QStringLiteral(SKEIN_CLI_BIN), {QStringLiteral("--profile"), profile, QStringLiteral("sync")}, QByteArray());
        QVERIFY2(r.exitCode == 0, r.err.constData());

        QFile db(profile + QStringLiteral("/skein.db"));
        QVERIFY(db.open(QIODevice::ReadOnly));
        QVERIFY(!db.readAll().contains("demo:demo"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
